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
    // Indices are kept as u32 (memory on designs of 100k sites); no design
    // comes near 4 billion addresses.
    if u32::try_from(targets.len()).is_err() || u32::try_from(queries.len()).is_err() {
        return answers;
    }
    for family in [Family::V4, Family::V6] {
        let t: Vec<u32> = (0..targets.len() as u32)
            .filter(|&i| targets[i as usize].family == family)
            .collect();
        let q: Vec<u32> = (0..queries.len() as u32)
            .filter(|&i| queries[i as usize].family == family)
            .collect();
        if t.is_empty() || q.is_empty() {
            continue;
        }
        sweep(targets, t, queries, q, &mut answers);
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
    t: Vec<u32>,
    queries: &[Interval],
    mut qs: Vec<u32>,
    answers: &mut [Option<usize>],
) {
    let target = |i: u32| &targets[i as usize];
    let mut by_start = t;
    by_start.sort_unstable_by_key(|&i| (target(i).start, i));
    // rank[k]: the position in `by_start` of the k-th target of `by_end`.
    let mut by_end: Vec<u32> = (0..by_start.len() as u32).collect();
    by_end.sort_unstable_by_key(|&k| {
        let i = by_start[k as usize];
        std::cmp::Reverse((target(i).end, i))
    });
    qs.sort_unstable_by_key(|&i| std::cmp::Reverse((queries[i as usize].start, i)));

    let group = |i: u32| target(i).group;
    let mut tree = vec![Best2::NONE; by_start.len()];
    let mut next = 0;
    for &qi in &qs {
        let query = queries[qi as usize];
        while next < by_end.len() && target(by_start[by_end[next] as usize]).end >= query.start {
            let mut pos = by_end[next] as usize;
            let ti = by_start[pos];
            while pos < tree.len() {
                tree[pos].push(ti, &group);
                pos |= pos + 1;
            }
            next += 1;
        }
        let mut best = Best2::NONE;
        let mut r = by_start.partition_point(|&i| target(i).start <= query.end);
        while r > 0 {
            best.merge(&tree[r - 1], &group);
            r &= r - 1;
        }
        answers[qi as usize] = best.first_not_in(query.group, &group);
    }
}

/// The lowest index seen, and the lowest index of a group other than its
/// (`u32::MAX`: none).
#[derive(Clone, Copy, Debug)]
struct Best2 {
    a: u32,
    b: u32,
}

impl Best2 {
    const NONE: Best2 = Best2 {
        a: u32::MAX,
        b: u32::MAX,
    };

    fn push(&mut self, c: u32, group: &impl Fn(u32) -> usize) {
        if c == u32::MAX {
            return;
        }
        if self.a == u32::MAX {
            self.a = c;
        } else if c < self.a {
            if group(c) != group(self.a) {
                self.b = self.a;
            }
            self.a = c;
        } else if group(c) != group(self.a) && (self.b == u32::MAX || c < self.b) {
            self.b = c;
        }
    }

    fn merge(&mut self, other: &Best2, group: &impl Fn(u32) -> usize) {
        self.push(other.a, group);
        self.push(other.b, group);
    }

    fn first_not_in(&self, g: usize, group: &impl Fn(u32) -> usize) -> Option<usize> {
        if self.a != u32::MAX && group(self.a) != g {
            Some(self.a as usize)
        } else if self.b != u32::MAX {
            Some(self.b as usize)
        } else {
            None
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
