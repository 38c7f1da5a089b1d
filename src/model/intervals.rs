//! Overlap queries over address intervals, by sorting and sweeping: every
//! overlap check of the rules goes through here, so none compares all pairs.
//!
//! Each interval belongs to a *group* (a site, a peering, ...); overlaps
//! between two intervals of one group are ignored. Give every interval its
//! own group to compare everything with everything.
//!
//! The answer for each query is the overlapping interval with the lowest
//! index, so callers that list their intervals in report order (file, then
//! position) get a deterministic partner: the first one a reader meets.
//! Cost: O((t + q) log t) for t targets and q queries.

use super::net::{Family, IpNet};

/// A closed range of addresses of one family, in a group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interval {
    pub family: Family,
    pub start: u128,
    /// Inclusive.
    pub end: u128,
    pub group: usize,
}

impl Interval {
    pub fn of(net: &IpNet, group: usize) -> Interval {
        let (start, end) = net.range();
        Interval {
            family: net.family(),
            start,
            end,
            group,
        }
    }

    /// Same family and at least one address in common (groups ignored).
    pub fn overlaps(&self, other: &Interval) -> bool {
        self.family == other.family && self.start <= other.end && other.start <= self.end
    }
}

/// For each query, the lowest index of a target that overlaps it and lies in
/// another group.
pub fn first_overlapping(targets: &[Interval], queries: &[Interval]) -> Vec<Option<usize>> {
    let mut answers = vec![None; queries.len()];
    for family in [Family::V4, Family::V6] {
        let t: Vec<usize> = (0..targets.len())
            .filter(|&i| targets[i].family == family)
            .collect();
        let q: Vec<usize> = (0..queries.len())
            .filter(|&i| queries[i].family == family)
            .collect();
        if t.is_empty() || q.is_empty() {
            continue;
        }
        sweep(targets, &t, queries, &q, &mut answers);
    }
    answers
}

/// For each interval, the lowest index `j < i` of an interval in another
/// group that overlaps it: the earlier side of its first overlap, or `None`
/// when it overlaps nothing before it.
pub fn first_earlier_overlap(items: &[Interval]) -> Vec<Option<usize>> {
    first_overlapping(items, items)
        .into_iter()
        .enumerate()
        .map(|(i, j)| j.filter(|&j| j < i))
        .collect()
}

/// One family. A target `x` overlaps query `q` when `x.start <= q.end` (a
/// prefix of the targets sorted by start) and `x.end >= q.start`. Queries
/// are taken by decreasing start; targets are inserted by decreasing end
/// once `x.end >= q.start`, into a Fenwick tree over the start order that
/// keeps the two lowest indices of different groups.
fn sweep(
    targets: &[Interval],
    t: &[usize],
    queries: &[Interval],
    q: &[usize],
    answers: &mut [Option<usize>],
) {
    let mut by_start = t.to_vec();
    by_start.sort_by_key(|&i| (targets[i].start, i));
    let starts: Vec<u128> = by_start.iter().map(|&i| targets[i].start).collect();
    let mut rank = vec![0usize; targets.len()];
    for (r, &i) in by_start.iter().enumerate() {
        rank[i] = r;
    }
    let mut by_end = t.to_vec();
    by_end.sort_by_key(|&i| std::cmp::Reverse((targets[i].end, i)));
    let mut qs = q.to_vec();
    qs.sort_by_key(|&i| std::cmp::Reverse((queries[i].start, i)));

    let mut tree = vec![Best2::default(); by_start.len()];
    let mut next = 0;
    for &qi in &qs {
        let query = queries[qi];
        while next < by_end.len() && targets[by_end[next]].end >= query.start {
            let ti = by_end[next];
            let mut pos = rank[ti];
            while pos < tree.len() {
                tree[pos].push((ti, targets[ti].group));
                pos |= pos + 1;
            }
            next += 1;
        }
        let mut best = Best2::default();
        let mut r = starts.partition_point(|&s| s <= query.end);
        while r > 0 {
            best.merge(&tree[r - 1]);
            r &= r - 1;
        }
        answers[qi] = best.first_not_in(query.group);
    }
}

/// The lowest index seen, and the lowest index of a group other than its.
#[derive(Clone, Copy, Debug, Default)]
struct Best2 {
    a: Option<(usize, usize)>,
    b: Option<(usize, usize)>,
}

impl Best2 {
    fn push(&mut self, c: (usize, usize)) {
        match self.a {
            None => self.a = Some(c),
            Some(a) if c.0 < a.0 => {
                if c.1 != a.1 {
                    self.b = Some(a);
                }
                self.a = Some(c);
            }
            Some(a) => {
                if c.1 != a.1 && self.b.is_none_or(|b| c.0 < b.0) {
                    self.b = Some(c);
                }
            }
        }
    }

    fn merge(&mut self, other: &Best2) {
        if let Some(a) = other.a {
            self.push(a);
        }
        if let Some(b) = other.b {
            self.push(b);
        }
    }

    fn first_not_in(&self, group: usize) -> Option<usize> {
        match self.a {
            Some(a) if a.1 != group => Some(a.0),
            _ => self.b.map(|b| b.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn brute(targets: &[Interval], queries: &[Interval]) -> Vec<Option<usize>> {
        queries
            .iter()
            .map(|q| {
                targets
                    .iter()
                    .position(|t| t.group != q.group && t.overlaps(q))
            })
            .collect()
    }

    fn interval() -> impl Strategy<Value = Interval> {
        (any::<bool>(), 0u128..40, 0u128..12, 0usize..4).prop_map(|(v6, start, len, group)| {
            Interval {
                family: if v6 { Family::V6 } else { Family::V4 },
                start,
                end: start + len,
                group,
            }
        })
    }

    proptest! {
        #[test]
        fn first_overlapping_matches_brute_force(
            targets in prop::collection::vec(interval(), 0..24),
            queries in prop::collection::vec(interval(), 0..24),
        ) {
            prop_assert_eq!(first_overlapping(&targets, &queries), brute(&targets, &queries));
        }

        #[test]
        fn first_earlier_overlap_matches_brute_force(
            items in prop::collection::vec(interval(), 0..24),
        ) {
            let want: Vec<Option<usize>> = items
                .iter()
                .enumerate()
                .map(|(i, x)| items[..i].iter().position(|y| y.group != x.group && y.overlaps(x)))
                .collect();
            prop_assert_eq!(first_earlier_overlap(&items), want);
        }
    }

    #[test]
    fn prefixes_of_both_families() {
        let net = |s: &str, g| Interval::of(&IpNet::parse(s).unwrap(), g);
        let items = [
            net("10.0.0.0/16", 0),
            net("fd00::/64", 1),
            net("10.0.1.0/24", 2),
            net("10.0.1.0/24", 0),
            net("fd00::4/126", 3),
            net("0.0.0.0/0", 4),
            net("::/0", 4),
        ];
        assert_eq!(
            first_earlier_overlap(&items),
            vec![None, None, Some(0), Some(2), Some(1), Some(0), Some(1)]
        );
    }
}
