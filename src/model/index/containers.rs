//! The index's private containers: flat lists with offsets and a name map
//! that stores each name once. Nothing outside `model::index` sees them.

use crate::suggest::{self, NearNames};
use std::hash::BuildHasher;
use std::sync::OnceLock;

/// An unresolved reference.
pub(super) const NONE: u32 = u32::MAX;

pub(super) fn resolved(pos: u32) -> Option<usize> {
    (pos != NONE).then_some(pos as usize)
}

pub(super) fn pos32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// Per entity, one value per item of one of its lists, as one flat list
/// with offsets (no allocation per entity).
#[derive(Debug, Default)]
pub(super) struct Aligned {
    /// `starts[i]..starts[i + 1]` is entity `i`'s range in `items`.
    pub(super) starts: Vec<u32>,
    pub(super) items: Vec<u32>,
}

impl Aligned {
    pub(super) fn with_capacity(entities: usize, items: usize) -> Aligned {
        let mut starts = Vec::with_capacity(entities + 1);
        starts.push(0);
        Aligned {
            starts,
            items: Vec::with_capacity(items),
        }
    }

    /// Ends the current entity's list.
    pub(super) fn close(&mut self) {
        self.starts.push(pos32(self.items.len()));
    }

    pub(super) fn get(&self, i: usize) -> impl Iterator<Item = Option<usize>> + Clone + '_ {
        let items = match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => self.items.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        };
        items.iter().map(|&p| resolved(p))
    }
}

/// A string → position map that stores each distinct name once, in one
/// buffer (no allocation per name), and lists names in first-seen order.
#[derive(Default)]
pub(super) struct NameMap {
    pub(super) text: String,
    /// `(start, len, position)` of each distinct name, in first-seen order.
    pub(super) names: Vec<(u32, u32, u32)>,
    /// Indices into `names`.
    pub(super) table: hashbrown::HashTable<u32>,
    pub(super) hasher: foldhash::fast::RandomState,
    /// Sorted forms for "did you mean", built on first use.
    pub(super) near: OnceLock<NearNames>,
    /// Position → true when it is the first entity with its name.
    pub(super) first: Vec<bool>,
}

/// Up to this many names, suggestions compare every name; past it, only
/// the names that sort near the one looked up ([`NearNames`]).
const COMPARE_ALL_NAMES: usize = 2_000;

impl std::fmt::Debug for NameMap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl NameMap {
    pub(super) fn build<'a, T: 'a>(items: &'a [T], name: impl Fn(&T) -> &str) -> NameMap {
        let mut map = NameMap {
            text: String::with_capacity(items.iter().map(|i| name(i).len()).sum()),
            names: Vec::with_capacity(items.len()),
            table: hashbrown::HashTable::with_capacity(items.len()),
            hasher: foldhash::fast::RandomState::default(),
            near: OnceLock::new(),
            first: Vec::with_capacity(items.len()),
        };
        for (pos, item) in items.iter().enumerate() {
            let new = map.insert(name(item), pos);
            map.first.push(new);
        }
        map
    }

    pub(super) fn name(&self, i: u32) -> &str {
        let (start, len, _) = self.names[i as usize];
        &self.text[start as usize..(start + len) as usize]
    }

    /// Keeps the first position of a name; true when the name is new.
    pub(super) fn insert(&mut self, name: &str, pos: usize) -> bool {
        let (Ok(start), Ok(len), Ok(pos)) = (
            u32::try_from(self.text.len()),
            u32::try_from(name.len()),
            u32::try_from(pos),
        ) else {
            return false; // Past 4 GiB of names: not a design.
        };
        let hash = self.hasher.hash_one(name);
        let NameMap {
            text,
            names,
            table,
            hasher,
            ..
        } = self;
        let slice = |i: u32| {
            let (s, l, _) = names[i as usize];
            &text[s as usize..(s + l) as usize]
        };
        if table.find(hash, |&i| slice(i) == name).is_some() {
            return false;
        }
        let Ok(i) = u32::try_from(names.len()) else {
            return false;
        };
        text.push_str(name);
        names.push((start, len, pos));
        let (text, names) = (&*text, &*names);
        table.insert_unique(hash, i, |&j| {
            let (s, l, _) = names[j as usize];
            hasher.hash_one(&text[s as usize..(s + l) as usize])
        });
        true
    }

    pub(super) fn is_first(&self, pos: usize) -> bool {
        self.first.get(pos).copied().unwrap_or(false)
    }

    pub(super) fn get(&self, name: &str) -> Option<usize> {
        let hash = self.hasher.hash_one(name);
        self.table
            .find(hash, |&i| self.name(i) == name)
            .map(|&i| self.names[i as usize].2 as usize)
    }

    /// Up to `max` names close to `input`, closest first (see
    /// [`suggest::closest`]); sub-linear past [`COMPARE_ALL_NAMES`] names.
    pub(super) fn similar(&self, input: &str, max: usize) -> Vec<&str> {
        if self.names.len() <= COMPARE_ALL_NAMES {
            return suggest::closest(input, self.iter().map(|(n, _)| n), max);
        }
        let near = self
            .near
            .get_or_init(|| NearNames::new(self.iter().map(|(n, _)| n)));
        let candidates = near.candidates(input);
        suggest::closest(input, candidates.into_iter().map(|i| self.name(i)), max)
    }

    /// The first name (in design order) equal to `input` but for ASCII
    /// case; sub-linear past [`COMPARE_ALL_NAMES`] names.
    pub(super) fn case_variant(&self, input: &str) -> Option<&str> {
        if self.names.len() <= COMPARE_ALL_NAMES {
            return self
                .iter()
                .map(|(n, _)| n)
                .find(|n| n.eq_ignore_ascii_case(input));
        }
        let near = self
            .near
            .get_or_init(|| NearNames::new(self.iter().map(|(n, _)| n)));
        near.same_fold(input)
            .into_iter()
            .map(|i| self.name(i))
            .find(|n| n.eq_ignore_ascii_case(input))
    }

    /// Distinct names and their first positions, in first-seen order.
    pub(super) fn iter(&self) -> impl Iterator<Item = (&str, usize)> {
        (0..self.names.len() as u32).map(|i| (self.name(i), self.names[i as usize].2 as usize))
    }
}

/// Position → positions, as one flat list with offsets (no allocation per
/// entity).
#[derive(Debug, Default)]
pub(super) struct Groups {
    /// `starts[i]..starts[i + 1]` is group `i`'s range in `items`.
    pub(super) starts: Vec<u32>,
    pub(super) items: Vec<usize>,
}

impl Groups {
    /// `len` groups from `(group, member)` pairs given in member order;
    /// a member repeated right after itself in one group is kept once.
    pub(super) fn build(len: usize, pairs: &[(u32, u32)]) -> Groups {
        Groups::collect(len, pairs, true)
    }

    /// Like [`Groups::build`], keeping repeats.
    pub(super) fn build_all(len: usize, pairs: &[(u32, u32)]) -> Groups {
        Groups::collect(len, pairs, false)
    }

    pub(super) fn collect(len: usize, pairs: &[(u32, u32)], dedup: bool) -> Groups {
        let mut starts = vec![0u32; len + 1];
        for &(g, _) in pairs {
            starts[g as usize + 1] += 1;
        }
        for i in 0..len {
            starts[i + 1] += starts[i];
        }
        let mut fill: Vec<u32> = starts[..len].to_vec();
        let mut items = vec![usize::MAX; pairs.len()];
        for &(g, m) in pairs {
            let g = g as usize;
            let at = fill[g] as usize;
            if dedup && at > starts[g] as usize && items[at - 1] == m as usize {
                continue;
            }
            items[at] = m as usize;
            fill[g] += 1;
        }
        // Drop the places left by repeats, keeping each group contiguous.
        if fill.iter().zip(&starts[1..]).any(|(f, s)| f != s) {
            let mut compact = Vec::with_capacity(items.len());
            let mut new_starts = Vec::with_capacity(len + 1);
            new_starts.push(0u32);
            for g in 0..len {
                compact.extend_from_slice(&items[starts[g] as usize..fill[g] as usize]);
                new_starts.push(compact.len() as u32);
            }
            return Groups {
                starts: new_starts,
                items: compact,
            };
        }
        Groups { starts, items }
    }

    pub(super) fn get(&self, g: usize) -> &[usize] {
        match (self.starts.get(g), self.starts.get(g + 1)) {
            (Some(&a), Some(&b)) => &self.items[a as usize..b as usize],
            _ => &[],
        }
    }
}
