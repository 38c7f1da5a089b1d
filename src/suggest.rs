//! "Did you mean" suggestions for keys, names, locations and regions.

/// Lower-cases and drops spaces, hyphens and underscores: `West Europe`,
/// `west-europe` and `westeurope` all fold to `westeurope`.
pub fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// `fold(a) == fold(b)` without allocating.
pub fn same_folded(a: &str, b: &str) -> bool {
    fn ascii_folded(s: &str) -> impl Iterator<Item = u8> + '_ {
        s.bytes()
            .filter(|c| !matches!(c, b' ' | b'-' | b'_'))
            .map(|c| c.to_ascii_lowercase())
    }
    if a.is_ascii() && b.is_ascii() {
        return ascii_folded(a).eq(ascii_folded(b));
    }
    fold(a) == fold(b)
}

/// Edit distance over characters (Levenshtein, with swapping two neighbours
/// counting as one edit: `nmae` is one edit from `name`), giving up
/// (returning `limit + 1`) once it cannot be within `limit`.
pub fn distance(a: &str, b: &str, limit: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    Scratch::default().distance(&a, &b, limit)
}

/// Buffers reused across comparisons, so scoring many candidates does not
/// allocate per candidate.
#[derive(Default)]
struct Scratch {
    prev2: Vec<usize>,
    prev: Vec<usize>,
    cur: Vec<usize>,
}

impl Scratch {
    fn distance(&mut self, a: &[char], b: &[char], limit: usize) -> usize {
        if a.len().abs_diff(b.len()) > limit {
            return limit + 1;
        }
        let Scratch { prev2, prev, cur } = self;
        // Three rows: two back (for transpositions), previous, current.
        prev2.clear();
        prev2.resize(b.len() + 1, 0);
        prev.clear();
        prev.extend(0..=b.len());
        cur.clear();
        cur.resize(b.len() + 1, 0);
        for (i, ca) in a.iter().enumerate() {
            cur[0] = i + 1;
            let mut row_min = cur[0];
            for (j, cb) in b.iter().enumerate() {
                let cost = usize::from(ca != cb);
                let mut d = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
                if i > 0 && j > 0 && a[i] == b[j - 1] && a[i - 1] == b[j] {
                    d = d.min(prev2[j - 1] + 1);
                }
                cur[j + 1] = d;
                row_min = row_min.min(d);
            }
            if row_min > limit {
                return limit + 1;
            }
            std::mem::swap(prev2, prev);
            std::mem::swap(prev, cur);
        }
        prev[b.len()]
    }
}

/// Folds `s` (as [`fold`]) into `out`, without allocating once `out` is
/// large enough; returns the folded length in bytes.
fn fold_into(s: &str, out: &mut Vec<char>) -> usize {
    out.clear();
    let mut bytes = 0;
    for c in s.chars().filter(|c| !matches!(c, ' ' | '-' | '_')) {
        for l in c.to_lowercase() {
            bytes += l.len_utf8();
            out.push(l);
        }
    }
    bytes
}

/// Up to `max` candidates close to `input`, closest first (ties in
/// alphabetical order). Comparison is on folded forms, so case, spaces,
/// hyphens and underscores never count as differences.
pub fn closest<'a, I>(input: &str, candidates: I, max: usize) -> Vec<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let mut folded = Vec::new();
    let folded_bytes = fold_into(input, &mut folded);
    let limit = (folded.len() / 3).clamp(1, 3);
    let mut fc = Vec::new();
    let mut scratch = Scratch::default();
    let mut scored: Vec<(usize, &'a str)> = Vec::new();
    for cand in candidates {
        let fc_bytes = fold_into(cand, &mut fc);
        let d = if fc == folded {
            0
        } else if !folded.is_empty()
            && (fc.starts_with(&folded) || folded.starts_with(&fc))
            && fc_bytes.min(folded_bytes) >= 4
        {
            1
        } else {
            scratch.distance(&folded, &fc, limit)
        };
        if d <= limit {
            scored.push((d, cand));
        }
    }
    // Ties break alphabetically, so suggestions never depend on hash order.
    scored.sort();
    scored.dedup();
    scored.into_iter().take(max).map(|(_, c)| c).collect()
}

/// Candidates near `input` in a large sorted name list: the names around
/// where `input` would sort, by folded form and by reversed folded form (so
/// a typo near either end still lands beside the name meant). Used by
/// the index behind `crate::sema` for designs with thousands of names, where
/// comparing every name with every undefined reference would be quadratic.
pub(crate) struct NearNames {
    /// `(folded name, position)`, sorted.
    forward: Vec<(String, u32)>,
    /// `(reversed folded name, position)`, sorted.
    backward: Vec<(String, u32)>,
}

/// How many names on each side of the insertion point are compared.
const NEAR_WINDOW: usize = 48;

impl NearNames {
    pub(crate) fn new<'a>(names: impl Iterator<Item = &'a str>) -> NearNames {
        let mut forward: Vec<(String, u32)> = names
            .enumerate()
            .map(|(i, n)| (fold(n), u32::try_from(i).unwrap_or(u32::MAX)))
            .collect();
        let mut backward: Vec<(String, u32)> = forward
            .iter()
            .map(|(f, i)| (f.chars().rev().collect(), *i))
            .collect();
        forward.sort_unstable();
        backward.sort_unstable();
        NearNames { forward, backward }
    }

    /// Positions of the names whose folded form is `input`'s, ascending.
    pub(crate) fn same_fold(&self, input: &str) -> Vec<u32> {
        let folded = fold(input);
        let at = self
            .forward
            .partition_point(|(n, _)| n.as_str() < folded.as_str());
        let mut out: Vec<u32> = self.forward[at..]
            .iter()
            .take_while(|(n, _)| *n == folded)
            .map(|(_, i)| *i)
            .collect();
        out.sort_unstable();
        out
    }

    /// Positions (in the order `new` saw the names) worth comparing with
    /// `input`, each once, ascending.
    pub(crate) fn candidates(&self, input: &str) -> Vec<u32> {
        let folded = fold(input);
        let reversed: String = folded.chars().rev().collect();
        let mut out = Vec::with_capacity(4 * NEAR_WINDOW);
        for (list, key) in [(&self.forward, &folded), (&self.backward, &reversed)] {
            let at = list.partition_point(|(n, _)| n.as_str() < key.as_str());
            let lo = at.saturating_sub(NEAR_WINDOW);
            let hi = (at + NEAR_WINDOW).min(list.len());
            out.extend(list[lo..hi].iter().map(|(_, i)| *i));
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// "did you mean `a` or `b`?" or `None`.
pub fn did_you_mean(found: &[&str]) -> Option<String> {
    match found {
        [] => None,
        [one] => Some(format!("did you mean `{one}`?")),
        [init @ .., last] => Some(format!(
            "did you mean {} or `{last}`?",
            init.iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_keys() {
        assert_eq!(closest("site", ["sites", "circuits"], 3), vec!["sites"]);
        assert_eq!(
            closest("peering-location", ["peering_location", "bandwidth"], 3),
            vec!["peering_location"]
        );
        assert!(closest("zzz", ["sites"], 3).is_empty());
        assert_eq!(distance("kitten", "sitting", 5), 3);
        assert_eq!(distance("nmae", "name", 3), 1);
        assert_eq!(closest("nmae", ["name", "kind"], 3), vec!["name"]);
    }

    #[test]
    fn folds_names() {
        assert_eq!(fold("West Europe"), "westeurope");
        assert_eq!(fold("west_europe"), "westeurope");
    }
}
