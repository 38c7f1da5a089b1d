//! "Did you mean" suggestions for keys, names, locations and regions.

/// Lower-cases and drops spaces, hyphens and underscores: `West Europe`,
/// `west-europe` and `westeurope` all fold to `westeurope`.
pub fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Edit distance over characters (Levenshtein, with swapping two neighbours
/// counting as one edit: `nmae` is one edit from `name`), giving up
/// (returning `limit + 1`) once it cannot be within `limit`.
pub fn distance(a: &str, b: &str, limit: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    // Three rows: two back (for transpositions), previous, current.
    let mut prev2: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
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
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Up to `max` candidates close to `input`, closest first (ties in
/// alphabetical order). Comparison is on folded forms, so case, spaces,
/// hyphens and underscores never count as differences.
pub fn closest<'a, I>(input: &str, candidates: I, max: usize) -> Vec<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let folded = fold(input);
    let limit = (folded.chars().count() / 3).clamp(1, 3);
    let mut scored: Vec<(usize, &'a str)> = Vec::new();
    for cand in candidates {
        let fc = fold(cand);
        let d = if fc == folded {
            0
        } else if !folded.is_empty()
            && (fc.starts_with(&folded) || folded.starts_with(&fc))
            && fc.len().min(folded.len()) >= 4
        {
            1
        } else {
            distance(&folded, &fc, limit)
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
