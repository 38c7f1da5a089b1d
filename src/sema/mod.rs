//! The semantic view of a design: what rules read.
//!
//! In the spirit of rust-analyzer's `hir`: the model (`crate::model`) is
//! the design as written, with a span on every value; the index
//! (`crate::model::index`) resolves every name once, to positions. This
//! layer hides both behind typed ids and handles that answer in domain
//! terms: `db.sites()` yields the sites that count (the first of each name),
//! `site.provider()` the provider it names, `circuit.sites()` the sites that
//! use it. A rule never sees a position, a sentinel or the index's
//! containers, and never hands the design back into the index.
//!
//! **Invariant:** every iterator here is in design order (file order, then
//! document order), so what rules build from it is deterministic.
//! **Invariant:** handles are `Copy` and cost a few words; following one
//! allocates nothing (rules run over 100,000-site designs).

mod at;
mod dangling;
mod handles;
mod id_map;

pub use at::{Entity, Occurrence};
pub use dangling::{Dangling, Referrer};
pub use handles::{CircuitRef, LinkRef, PortRef, ProviderRef, ReachRef, SiteRef, VnetRef};
pub use id_map::{EntityId, IdMap};

use crate::model::{Design, Index, NameKind, Unparsed};

/// A site, by its place in the design. Ids compare equal exactly when they
/// name the same written entity (two duplicates have two ids).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SiteId(u32);
/// A circuit, by its place in the design.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CircuitId(u32);
/// A provider, by its place in the design.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ProviderId(u32);
/// An ExpressRoute Direct port, by its place in the design.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PortId(u32);
/// A virtual network, by its place in the design.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct VnetId(u32);

macro_rules! id_position {
    ($($id:ident),*) => {$(
        impl $id {
            fn at(pos: usize) -> $id {
                $id(u32::try_from(pos).unwrap_or(u32::MAX))
            }
            fn pos(self) -> usize {
                self.0 as usize
            }
        }
    )*};
}
id_position!(SiteId, CircuitId, ProviderId, PortId, VnetId);

/// The design as rules see it: the model and its resolved references.
#[derive(Clone, Copy)]
pub struct Db<'d> {
    design: &'d Design,
    index: &'d Index,
}

impl<'d> Db<'d> {
    /// The view over a design and the index built from it.
    pub fn new(design: &'d Design, index: &'d Index) -> Db<'d> {
        Db { design, index }
    }

    /// The sites that count: the first of each name (a later duplicate is
    /// `duplicate-name`'s finding and is otherwise ignored).
    pub fn sites(self) -> impl Iterator<Item = SiteRef<'d>> + Clone + 'd {
        self.all_sites().filter(|s| s.is_canonical())
    }

    /// Every site as written, duplicates included.
    pub fn all_sites(self) -> impl Iterator<Item = SiteRef<'d>> + Clone + 'd {
        (0..self.design.sites.len()).filter_map(move |p| self.site(SiteId::at(p)))
    }

    /// The circuits that count: the first of each name.
    pub fn circuits(self) -> impl Iterator<Item = CircuitRef<'d>> + Clone + 'd {
        self.all_circuits().filter(|c| c.is_canonical())
    }

    /// Every circuit as written, duplicates included.
    pub fn all_circuits(self) -> impl Iterator<Item = CircuitRef<'d>> + Clone + 'd {
        (0..self.design.circuits.len()).filter_map(move |p| self.circuit(CircuitId::at(p)))
    }

    /// The providers that count: the first of each name.
    pub fn providers(self) -> impl Iterator<Item = ProviderRef<'d>> + Clone + 'd {
        self.all_providers().filter(|p| p.is_canonical())
    }

    /// Every provider as written, duplicates included.
    pub fn all_providers(self) -> impl Iterator<Item = ProviderRef<'d>> + Clone + 'd {
        (0..self.design.providers.len()).filter_map(move |p| self.provider(ProviderId::at(p)))
    }

    /// The Direct ports that count: the first of each name.
    pub fn ports(self) -> impl Iterator<Item = PortRef<'d>> + Clone + 'd {
        self.all_ports().filter(|p| p.is_canonical())
    }

    /// Every Direct port as written, duplicates included.
    pub fn all_ports(self) -> impl Iterator<Item = PortRef<'d>> + Clone + 'd {
        (0..self.design.ports.len()).filter_map(move |p| self.port(PortId::at(p)))
    }

    /// The virtual networks that count: the first of each name.
    pub fn vnets(self) -> impl Iterator<Item = VnetRef<'d>> + Clone + 'd {
        self.all_vnets().filter(|v| v.is_canonical())
    }

    /// Every virtual network as written, duplicates included.
    pub fn all_vnets(self) -> impl Iterator<Item = VnetRef<'d>> + Clone + 'd {
        (0..self.design.virtual_networks.len()).filter_map(move |p| self.vnet(VnetId::at(p)))
    }

    /// How many circuits the design holds, duplicates included (to size
    /// buffers).
    pub fn circuit_count(self) -> usize {
        self.design.circuits.len()
    }

    /// A value per circuit (duplicates included), each made by `value`.
    pub fn circuit_map<V>(self, value: impl FnMut() -> V) -> IdMap<CircuitId, V> {
        IdMap::new(self.design.circuits.len(), value)
    }

    /// A value per site (duplicates included), each made by `value`.
    pub fn site_map<V>(self, value: impl FnMut() -> V) -> IdMap<SiteId, V> {
        IdMap::new(self.design.sites.len(), value)
    }

    pub fn site(self, id: SiteId) -> Option<SiteRef<'d>> {
        let site = self.design.sites.get(id.pos())?;
        Some(SiteRef::new(self, id, site))
    }

    pub fn circuit(self, id: CircuitId) -> Option<CircuitRef<'d>> {
        let circuit = self.design.circuits.get(id.pos())?;
        Some(CircuitRef::new(self, id, circuit))
    }

    pub fn provider(self, id: ProviderId) -> Option<ProviderRef<'d>> {
        let provider = self.design.providers.get(id.pos())?;
        Some(ProviderRef::new(self, id, provider))
    }

    pub fn port(self, id: PortId) -> Option<PortRef<'d>> {
        let port = self.design.ports.get(id.pos())?;
        Some(PortRef::new(self, id, port))
    }

    pub fn vnet(self, id: VnetId) -> Option<VnetRef<'d>> {
        let vnet = self.design.virtual_networks.get(id.pos())?;
        Some(VnetRef::new(self, id, vnet))
    }

    /// The site that counts under `name` (the first of that name).
    pub fn site_named(self, name: &str) -> Option<SiteRef<'d>> {
        self.site(SiteId::at(self.index.site_position(name)?))
    }

    pub fn circuit_named(self, name: &str) -> Option<CircuitRef<'d>> {
        self.circuit(CircuitId::at(self.index.circuit_position(name)?))
    }

    pub fn provider_named(self, name: &str) -> Option<ProviderRef<'d>> {
        self.provider(ProviderId::at(self.index.provider_position(name)?))
    }

    pub fn port_named(self, name: &str) -> Option<PortRef<'d>> {
        self.port(PortId::at(self.index.port_position(name)?))
    }

    pub fn vnet_named(self, name: &str) -> Option<VnetRef<'d>> {
        self.vnet(VnetId::at(self.index.vnet_position(name)?))
    }

    /// Up to `max` defined names of `kind` close to `name`, closest first
    /// (ties alphabetically): for "did you mean". Stays fast with many
    /// thousands of names.
    pub fn similar(self, kind: NameKind, name: &str, max: usize) -> Vec<&'d str> {
        self.index.similar_names(kind, name, max)
    }

    /// The defined name of `kind` that differs from `name` only in case.
    pub fn case_variant(self, kind: NameKind, name: &str) -> Option<&'d str> {
        self.index.case_variant(kind, name)
    }

    /// Every reference that names no entity, in design order (sites'
    /// providers and circuits, circuits' providers and ports, links'
    /// virtual networks; a Global Reach peer that does not exist is not
    /// listed: `global-reach-subnet` owns those).
    pub fn dangling(self) -> impl Iterator<Item = Dangling<'d>> + Clone + 'd {
        self.index
            .unresolved()
            .iter()
            .filter_map(move |&r| Dangling::new(self, r))
    }

    /// What files that could not be read or parsed completely may hold: a
    /// name they may mention is not reported as undefined or unused.
    pub fn unparsed(self) -> &'d Unparsed {
        &self.design.unparsed
    }

    pub(crate) fn index(self) -> &'d Index {
        self.index
    }

    pub(crate) fn design(self) -> &'d Design {
        self.design
    }
}
