//! A value per entity of one kind, stored densely by id (rust-analyzer's
//! `ArenaMap`): what rules use where they would have indexed a vector by
//! position, without seeing positions.

use super::{CircuitId, PortId, ProviderId, SiteId, VnetId};
use std::marker::PhantomData;

/// An id that names an entity by its place in the design.
pub trait EntityId: Copy + sealed::Sealed {
    #[doc(hidden)]
    fn from_slot(slot: usize) -> Self;
    #[doc(hidden)]
    fn slot(self) -> usize;
}

mod sealed {
    pub trait Sealed {}
}

macro_rules! entity_id {
    ($($id:ident),*) => {$(
        impl sealed::Sealed for $id {}
        impl EntityId for $id {
            fn from_slot(slot: usize) -> $id {
                $id::at(slot)
            }
            fn slot(self) -> usize {
                self.pos()
            }
        }
    )*};
}
entity_id!(SiteId, CircuitId, ProviderId, PortId, VnetId);

/// One `V` for every entity of a kind, made by [`super::Db`]'s `*_map`.
#[derive(Clone, Debug)]
pub struct IdMap<K: EntityId, V> {
    values: Vec<V>,
    kind: PhantomData<K>,
}

impl<K: EntityId, V> IdMap<K, V> {
    pub(super) fn new(len: usize, value: impl FnMut() -> V) -> IdMap<K, V> {
        let mut values = Vec::new();
        values.resize_with(len, value);
        IdMap {
            values,
            kind: PhantomData,
        }
    }

    pub fn get(&self, id: K) -> Option<&V> {
        self.values.get(id.slot())
    }

    pub fn get_mut(&mut self, id: K) -> Option<&mut V> {
        self.values.get_mut(id.slot())
    }

    /// Every entity's value, in design order.
    pub fn iter(&self) -> impl Iterator<Item = (K, &V)> {
        self.values
            .iter()
            .enumerate()
            .map(|(slot, v)| (K::from_slot(slot), v))
    }
}
