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
//!
//! How, and what it costs, for t targets and q queries (the earlier-overlap
//! functions: n intervals that are both, t = q = n, one record each):
//! - Few pairs (`min(t, q) <= 8` or `t * q <= 256`): a double loop, which
//!   allocates nothing but the answer; the rules that look up a circuit's
//!   few vnet ranges call this thousands of times with tiny inputs.
//! - Intervals from CIDR blocks ([`Interval::of`]), the only ones the rules
//!   make: any two of one family are nested or disjoint (a laminar family),
//!   so sorted by start, widest first, they are a preorder walk of the
//!   forest "contains". One pass with a stack of the open ancestors finds,
//!   for each interval, the best two of its ancestors and of its
//!   descendants, which are exactly the intervals it overlaps: O(n log n)
//!   for the sort of n = t + q compact records (16 bytes each for IPv4,
//!   whose bounds pack into one u64 key; each carries its group, so the
//!   walk reads nothing else), then O(n).
//! - Anything else (the pass sees two intervals that cross): a Fenwick-tree
//!   sweep, O((t + q) log t), for the whole call. It gives the same answers;
//!   it is kept so that the functions are right for any intervals.
//!
//! Callers with many intervals should not build a `Vec<Interval>` (48
//! bytes each) just to call this: [`earlier_overlaps`] takes a function
//! that makes each interval, and returns only the pairs found.

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

/// Below this many target–query pairs, or with at most [`BRUTE_SIDE`]
/// intervals on one side, comparing every pair is cheaper than sorting.
const BRUTE_PAIRS: usize = 256;
const BRUTE_SIDE: usize = 8;

/// "No index" in the u32 answers and in [`Best2`].
const NONE: u32 = u32::MAX;

/// For each query, the lowest index of a target that overlaps it and lies in
/// another group.
pub fn first_overlapping(targets: &[Interval], queries: &[Interval]) -> Vec<Option<usize>> {
    let (t, q) = (targets.len(), queries.len());
    if t.min(q) <= BRUTE_SIDE || t.saturating_mul(q) <= BRUTE_PAIRS {
        return queries
            .iter()
            .map(|x| {
                targets
                    .iter()
                    .position(|y| y.group != x.group && y.overlaps(x))
            })
            .collect();
    }
    // Indices are kept as u32 (memory on designs of 100k sites); no design
    // comes near 4 billion addresses.
    let Some(n) = t.checked_add(q).and_then(|n| u32::try_from(n).ok()) else {
        return vec![None; q];
    };
    let t32 = t as u32;
    let get = |id: u32| {
        let id = id as usize;
        if id < t {
            targets[id]
        } else {
            queries[id - t]
        }
    };
    let mut answers = vec![NONE; q];
    let roles = Roles {
        targets_below: t32,
        queries_from: t32,
    };
    if !nested_sweep(n, roles, get, &mut answers) {
        fenwick(targets, queries, &mut answers);
    }
    answers.into_iter().map(some).collect()
}

/// For each interval, the lowest index `j < i` of an interval in another
/// group that overlaps it: the earlier side of its first overlap, or `None`
/// when it overlaps nothing before it.
pub fn first_earlier_overlap(items: &[Interval]) -> Vec<Option<usize>> {
    let mut answers = vec![None; items.len()];
    for (i, j) in earlier_overlaps(items.len(), |i| items[i]) {
        answers[i] = Some(j);
    }
    answers
}

/// [`first_earlier_overlap`] for callers with many intervals and few
/// overlaps: the pairs `(i, j)` where `j` is the answer for `i`, by
/// increasing `i`. `item(i)` gives the i-th interval (`i < n`); nothing of
/// size n but the sort records is allocated.
pub fn earlier_overlaps(n: usize, item: impl Fn(usize) -> Interval) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    if n.saturating_mul(n) / 2 <= BRUTE_PAIRS {
        for i in 0..n {
            let x = item(i);
            if let Some(j) = (0..i).find(|&j| {
                let y = item(j);
                y.group != x.group && y.overlaps(&x)
            }) {
                pairs.push((i, j));
            }
        }
        return pairs;
    }
    let Ok(n32) = u32::try_from(n) else {
        return pairs;
    };
    let get = |id: u32| item(id as usize);
    let mut answers = vec![NONE; n];
    let roles = Roles {
        targets_below: n32,
        queries_from: 0,
    };
    if !nested_sweep(n32, roles, get, &mut answers) {
        let items: Vec<Interval> = (0..n).map(&item).collect();
        fenwick(&items, &items, &mut answers);
    }
    for (i, &j) in answers.iter().enumerate() {
        // The lowest overlapping index of all: when it is not below i,
        // nothing before i overlaps.
        if (j as usize) < i {
            pairs.push((i, j as usize));
        }
    }
    pairs
}

fn some(j: u32) -> Option<usize> {
    (j != NONE).then_some(j as usize)
}

/// Which ids of a sweep are targets and which are queries: ids below
/// `targets_below` are targets; ids from `queries_from` on are queries,
/// answered at `id - queries_from`. ([`earlier_overlaps`]: every id is
/// both.)
#[derive(Clone, Copy)]
struct Roles {
    targets_below: u32,
    queries_from: u32,
}

/// An IPv4 interval of a group below 2^32, packed: `key` is
/// `start << 32 | (u32::MAX - end)`, so increasing keys are by start, then
/// widest first. 16 bytes, a third of a [`Wide`].
#[derive(Clone, Copy)]
struct Narrow {
    key: u64,
    id: u32,
    group: u32,
}

impl Narrow {
    fn of(x: &Interval, id: u32) -> Option<Narrow> {
        let start = u32::try_from(x.start).ok()?;
        let end = u32::try_from(x.end).ok()?;
        Some(Narrow {
            key: u64::from(start) << 32 | u64::from(u32::MAX - end),
            id,
            group: u32::try_from(x.group).ok()?,
        })
    }

    fn open(&self) -> Open {
        let start = self.key >> 32;
        let end = u64::from(u32::MAX) - (self.key & u64::from(u32::MAX));
        Open {
            family: Family::V4,
            start: u128::from(start),
            end: u128::from(end),
            id: self.id,
            group: self.group as usize,
        }
    }
}

/// Any other interval, sorted by family, start, then widest first.
#[derive(Clone, Copy)]
struct Wide {
    family: Family,
    start: u128,
    end: u128,
    group: usize,
    id: u32,
}

impl Wide {
    fn key(&self) -> (Family, u128, std::cmp::Reverse<u128>) {
        (self.family, self.start, std::cmp::Reverse(self.end))
    }

    fn open(&self) -> Open {
        Open {
            family: self.family,
            start: self.start,
            end: self.end,
            id: self.id,
            group: self.group,
        }
    }
}

/// One interval as the walk takes it.
struct Open {
    family: Family,
    start: u128,
    end: u128,
    id: u32,
    group: usize,
}

/// The laminar pass over ids `0..n` (see the module doc). Writes the
/// lowest overlapping other-group target for every query into `answers`,
/// or returns false, with `answers` unspecified, when two intervals cross.
fn nested_sweep(n: u32, roles: Roles, get: impl Fn(u32) -> Interval, answers: &mut [u32]) -> bool {
    // Most intervals pack into a `Narrow`; the rest (IPv6, and hand-made
    // IPv4 intervals beyond 32 bits) are sorted as they are. Each record
    // carries its group, so the walk reads nothing but the records.
    let mut narrow: Vec<Narrow> = Vec::with_capacity(n as usize);
    let mut wide: Vec<Wide> = Vec::new();
    let mut all_v4_narrow = true;
    for id in 0..n {
        let x = get(id);
        let packed = match x.family {
            Family::V4 => Narrow::of(&x, id),
            Family::V6 => None,
        };
        match packed {
            Some(r) => narrow.push(r),
            None => {
                all_v4_narrow &= x.family == Family::V6;
                wide.push(Wide {
                    family: x.family,
                    start: x.start,
                    end: x.end,
                    group: x.group,
                    id,
                });
            }
        }
    }
    if !all_v4_narrow {
        // One family is walked in one order.
        wide.extend(narrow.drain(..).map(|r| {
            let o = r.open();
            Wide {
                family: o.family,
                start: o.start,
                end: o.end,
                group: o.group,
                id: o.id,
            }
        }));
    }
    // Equal intervals may come in any order: each is then the other's
    // ancestor or descendant, and the answers do not depend on which.
    narrow.sort_unstable_by_key(|r| r.key);
    wide.sort_unstable_by_key(Wide::key);
    let mut stack = Vec::new();
    walk(narrow.iter().map(Narrow::open), roles, &mut stack, answers)
        && walk(wide.iter().map(Wide::open), roles, &mut stack, answers)
}

/// An open interval of the walk: its id, and the best two targets among
/// its ancestors and itself (`up`) and among itself and its descendants
/// seen so far (`down`).
struct Frame {
    family: Family,
    end: u128,
    id: u32,
    group: usize,
    up: Best2,
    down: Best2,
}

fn walk(
    sorted: impl Iterator<Item = Open>,
    roles: Roles,
    stack: &mut Vec<Frame>,
    answers: &mut [u32],
) -> bool {
    // A closed frame hands its descendants to its parent and, for a query,
    // answers: what it overlaps is its ancestors and its descendants.
    let close = |frame: Frame, stack: &mut Vec<Frame>, answers: &mut [u32]| {
        if let Some(parent) = stack.last_mut() {
            parent.down.merge(&frame.down);
        }
        if frame.id >= roles.queries_from {
            let mut all = frame.up;
            all.merge(&frame.down);
            if let Some(slot) = answers.get_mut((frame.id - roles.queries_from) as usize) {
                *slot = all.first_not_in(frame.group);
            }
        }
    };
    for Open {
        family,
        start,
        end,
        id,
        group,
    } in sorted
    {
        while let Some(top) = stack.last() {
            if top.family == family && top.end >= start {
                break;
            }
            if let Some(frame) = stack.pop() {
                close(frame, stack, answers);
            }
        }
        let mut up = Best2::EMPTY;
        if let Some(top) = stack.last() {
            // `top` starts no later and overlaps: it must contain this one.
            if end > top.end {
                stack.clear();
                return false;
            }
            up = top.up;
        }
        let mut down = Best2::EMPTY;
        if id < roles.targets_below {
            up.push(id, group);
            down.push(id, group);
        }
        stack.push(Frame {
            family,
            end,
            id,
            group,
            up,
            down,
        });
    }
    while let Some(frame) = stack.pop() {
        close(frame, stack, answers);
    }
    true
}

/// The general sweep, for intervals that may cross. A target `x` overlaps
/// query `q` when `x.start <= q.end` (a prefix of the targets sorted by
/// start) and `x.end >= q.start`. Queries are taken by decreasing start;
/// targets are inserted by decreasing end once `x.end >= q.start`, into a
/// Fenwick tree over the start order that keeps the best two.
fn fenwick(targets: &[Interval], queries: &[Interval], answers: &mut [u32]) {
    for family in [Family::V4, Family::V6] {
        let t: Vec<u32> = (0..targets.len() as u32)
            .filter(|&i| targets[i as usize].family == family)
            .collect();
        let q: Vec<u32> = (0..queries.len() as u32)
            .filter(|&i| queries[i as usize].family == family)
            .collect();
        if t.is_empty() {
            for &i in &q {
                answers[i as usize] = NONE;
            }
            continue;
        }
        fenwick_family(targets, t, queries, q, answers);
    }
}

fn fenwick_family(
    targets: &[Interval],
    t: Vec<u32>,
    queries: &[Interval],
    mut qs: Vec<u32>,
    answers: &mut [u32],
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

    let mut tree = vec![Best2::EMPTY; by_start.len()];
    let mut next = 0;
    for &qi in &qs {
        let query = queries[qi as usize];
        while next < by_end.len() && target(by_start[by_end[next] as usize]).end >= query.start {
            let mut pos = by_end[next] as usize;
            let ti = by_start[pos];
            let g = target(ti).group;
            while pos < tree.len() {
                tree[pos].push(ti, g);
                pos |= pos + 1;
            }
            next += 1;
        }
        let mut best = Best2::EMPTY;
        let mut r = by_start.partition_point(|&i| target(i).start <= query.end);
        while r > 0 {
            best.merge(&tree[r - 1]);
            r &= r - 1;
        }
        answers[qi as usize] = best.first_not_in(query.group);
    }
}

/// The lowest index seen (`a`, of group `ga`), and the lowest index of a
/// group other than `ga` (`b`): enough to answer "the lowest not in group
/// g" for any g. `NONE`: none.
#[derive(Clone, Copy, Debug)]
struct Best2 {
    a: u32,
    b: u32,
    ga: usize,
    gb: usize,
}

impl Best2 {
    const EMPTY: Best2 = Best2 {
        a: NONE,
        b: NONE,
        ga: 0,
        gb: 0,
    };

    fn push(&mut self, c: u32, gc: usize) {
        if c < self.a {
            // The old lowest is the lowest of any group but `gc`.
            if self.a != NONE && gc != self.ga {
                (self.b, self.gb) = (self.a, self.ga);
            }
            (self.a, self.ga) = (c, gc);
        } else if c < self.b && gc != self.ga {
            (self.b, self.gb) = (c, gc);
        }
    }

    fn merge(&mut self, other: &Best2) {
        self.push(other.a, other.ga);
        self.push(other.b, other.gb);
    }

    fn first_not_in(&self, g: usize) -> u32 {
        if self.a != NONE && self.ga != g {
            self.a
        } else {
            self.b
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

    fn brute_earlier(items: &[Interval]) -> Vec<Option<usize>> {
        items
            .iter()
            .enumerate()
            .map(|(i, x)| {
                items[..i]
                    .iter()
                    .position(|y| y.group != x.group && y.overlaps(x))
            })
            .collect()
    }

    fn family(v6: bool) -> Family {
        if v6 {
            Family::V6
        } else {
            Family::V4
        }
    }

    /// Any interval: most pairs that overlap cross (the Fenwick sweep).
    fn interval() -> impl Strategy<Value = Interval> {
        (any::<bool>(), 0u128..40, 0u128..12, 0usize..4).prop_map(|(v6, start, len, group)| {
            Interval {
                family: family(v6),
                start,
                end: start + len,
                group,
            }
        })
    }

    /// How [`block`]s avoid the packed IPv4 records.
    #[derive(Clone, Copy, Debug)]
    enum Beyond {
        /// They do not.
        No,
        /// Moved across 2^32.
        Addresses,
        /// Group 3 is `usize::MAX`.
        Groups,
    }

    /// An aligned block of 2^k addresses, as a CIDR block is, moved by a
    /// common offset (which keeps blocks nested or disjoint).
    fn block(beyond: Beyond) -> impl Strategy<Value = Interval> {
        (any::<bool>(), 0u32..7, 0u128..64, 0usize..4).prop_map(move |(v6, k, pos, group)| {
            let base = match beyond {
                Beyond::Addresses => (1u128 << 32) - 24,
                _ => 0,
            };
            let group = match beyond {
                Beyond::Groups if group == 3 => usize::MAX,
                _ => group,
            };
            let size = 1u128 << k;
            let start = base + (pos % (64 >> k)) * size;
            Interval {
                family: family(v6),
                start,
                end: start + size - 1,
                group,
            }
        })
    }

    /// Mostly blocks, now and then an interval that may cross them: the
    /// nested walk gives up part way and the Fenwick sweep answers.
    fn mixed() -> impl Strategy<Value = Interval> {
        prop_oneof![12 => block(Beyond::No), 1 => interval()]
    }

    fn items(s: impl Strategy<Value = Interval>) -> impl Strategy<Value = Vec<Interval>> {
        // Up to 80, past the pair-by-pair path for small inputs.
        prop::collection::vec(s, 0..80)
    }

    /// Blocks must not fall back to the Fenwick sweep (same answers, but
    /// slower).
    fn takes_nested_walk(items: &[Interval]) -> bool {
        let roles = Roles {
            targets_below: items.len() as u32,
            queries_from: 0,
        };
        let mut answers = vec![NONE; items.len()];
        nested_sweep(
            items.len() as u32,
            roles,
            |i| items[i as usize],
            &mut answers,
        )
    }

    #[test]
    fn crossing_intervals_take_the_fenwick_sweep() {
        let x = |start, end| Interval {
            family: Family::V4,
            start,
            end,
            group: 0,
        };
        assert!(!takes_nested_walk(&[x(0, 10), x(5, 15)]));
        assert!(takes_nested_walk(&[x(0, 10), x(5, 10), x(11, 15)]));
    }

    proptest! {
        #[test]
        fn first_overlapping_matches_brute_force(
            targets in items(interval()),
            queries in items(interval()),
        ) {
            prop_assert_eq!(first_overlapping(&targets, &queries), brute(&targets, &queries));
        }

        #[test]
        fn first_earlier_overlap_matches_brute_force(items in items(interval())) {
            prop_assert_eq!(first_earlier_overlap(&items), brute_earlier(&items));
        }

        #[test]
        fn blocks_match_brute_force(
            targets in items(block(Beyond::No)),
            queries in items(block(Beyond::No)),
        ) {
            prop_assert_eq!(first_overlapping(&targets, &queries), brute(&targets, &queries));
            prop_assert_eq!(first_earlier_overlap(&targets), brute_earlier(&targets));
            prop_assert!(takes_nested_walk(&targets));
        }

        #[test]
        fn unpacked_blocks_match_brute_force(
            high in items(block(Beyond::Addresses)),
            groups in items(block(Beyond::Groups)),
        ) {
            for items in [high, groups] {
                prop_assert_eq!(first_overlapping(&items, &items), brute(&items, &items));
                prop_assert_eq!(first_earlier_overlap(&items), brute_earlier(&items));
                prop_assert!(takes_nested_walk(&items));
            }
        }

        #[test]
        fn mixed_match_brute_force(
            targets in items(mixed()),
            queries in items(mixed()),
        ) {
            prop_assert_eq!(first_overlapping(&targets, &queries), brute(&targets, &queries));
            prop_assert_eq!(first_earlier_overlap(&targets), brute_earlier(&targets));
        }

        #[test]
        fn earlier_overlaps_are_the_answers_that_exist(items in items(mixed())) {
            let pairs: Vec<(usize, usize)> = brute_earlier(&items)
                .into_iter()
                .enumerate()
                .filter_map(|(i, j)| Some((i, j?)))
                .collect();
            prop_assert_eq!(earlier_overlaps(items.len(), |i| items[i]), pairs);
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
        let want = vec![None, None, Some(0), Some(2), Some(1), Some(0), Some(1)];
        assert_eq!(first_earlier_overlap(&items), want);
        // Past the pair-by-pair path: the same prefixes, in 16 groups of
        // their own, then again.
        let many: Vec<Interval> = (0..16)
            .flat_map(|k| {
                items.iter().map(move |x| Interval {
                    group: x.group + 8 * k,
                    ..*x
                })
            })
            .collect();
        let got = first_earlier_overlap(&many);
        assert_eq!(got, brute_earlier(&many));
        assert_eq!(&got[..7], &want[..]);
        assert_eq!(first_overlapping(&many, &many), brute(&many, &many));
    }
}
