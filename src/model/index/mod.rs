//! Lookups built once per run: names to entities, and who uses what.
//! Rules read these instead of searching lists, which keeps every
//! cross-entity check linear.

mod containers;
mod resolve;

use super::{Design, Spanned, Text};
use containers::{resolved, Aligned, Groups, NameMap};
use resolve::{CircuitRefs, SiteRefs};

/// A kind of named entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameKind {
    Provider,
    Site,
    Circuit,
    Port,
    Vnet,
}

/// Name → position of the FIRST entity of that kind with that name (a later
/// duplicate is `duplicate-name`'s finding and is otherwise ignored).
#[derive(Debug, Default)]
pub struct Index {
    providers: NameMap,
    circuits: NameMap,
    ports: NameMap,
    vnets: NameMap,
    sites: NameMap,
    /// Circuit position → positions of the sites that list it.
    circuit_sites: Groups,
    /// Circuit position → positions of the circuits that reference it in
    /// `global_reach`.
    circuit_reached_by: Groups,
    /// Vnet position → positions of the circuits that link it.
    vnet_circuits: Groups,
    /// Port position → positions of the circuits on it.
    port_circuits: Groups,
    /// Provider position → used by a site or a circuit.
    provider_used: Vec<bool>,
    /// Every reference of the design resolved once, here, to the position
    /// it names ([`NONE`] when undefined): rules follow references by
    /// position instead of hashing names again (on a large design a rule
    /// that looked names up spent most of its time in the lookups).
    site_provider: Vec<u32>,
    /// Per site, aligned with [`Site::circuit_names`].
    site_circuits: Aligned,
    circuit_provider: Vec<u32>,
    circuit_port: Vec<u32>,
    /// Per circuit, aligned with [`Circuit::links`].
    link_vnets: Aligned,
    /// Per circuit, aligned with [`Circuit::global_reach`] ([`NONE`] also
    /// for a connection without `circuit`).
    reach_targets: Aligned,
    /// The references that name nothing, in design order (Global Reach
    /// peers are not listed: `global-reach-subnet` owns those).
    unresolved: Vec<Reference>,
}

/// Where a name refers to another entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reference {
    /// A site's `expressroute.provider`.
    SiteProvider { site: usize },
    /// Item `item` of a site's `expressroute.circuits`.
    SiteCircuit { site: usize, item: usize },
    /// A circuit's `provider`.
    CircuitProvider { circuit: usize },
    /// A circuit's `port`.
    CircuitPort { circuit: usize },
    /// Link `item` of a circuit's `links`.
    LinkVnet { circuit: usize, item: usize },
}

impl Reference {
    /// The kind of entity the reference names.
    pub fn kind(self) -> NameKind {
        match self {
            Reference::SiteProvider { .. } | Reference::CircuitProvider { .. } => {
                NameKind::Provider
            }
            Reference::SiteCircuit { .. } => NameKind::Circuit,
            Reference::CircuitPort { .. } => NameKind::Port,
            Reference::LinkVnet { .. } => NameKind::Vnet,
        }
    }

    /// The name as written.
    pub fn name(self, design: &Design) -> Option<&Spanned<Text>> {
        match self {
            Reference::SiteProvider { site } => design
                .sites
                .get(site)?
                .expressroute
                .as_ref()?
                .provider
                .as_ref(),
            Reference::SiteCircuit { site, item } => {
                design.sites.get(site)?.circuit_names().get(item)
            }
            Reference::CircuitProvider { circuit } => {
                design.circuits.get(circuit)?.provider.as_ref()
            }
            Reference::CircuitPort { circuit } => design.circuits.get(circuit)?.port.as_ref(),
            Reference::LinkVnet { circuit, item } => {
                Some(&design.circuits.get(circuit)?.links().get(item)?.vnet)
            }
        }
    }
}

impl Index {
    pub fn build(design: &Design) -> Index {
        // The five name maps are independent: build them side by side.
        let ((providers, circuits), (ports, (vnets, sites))) = rayon::join(
            || {
                rayon::join(
                    || NameMap::build(&design.providers, |p| &p.name.value),
                    || NameMap::build(&design.circuits, |c| &c.name.value),
                )
            },
            || {
                rayon::join(
                    || NameMap::build(&design.ports, |p| &p.name.value),
                    || {
                        rayon::join(
                            || NameMap::build(&design.virtual_networks, |v| &v.name.value),
                            || NameMap::build(&design.sites, |s| &s.name.value),
                        )
                    },
                )
            },
        );
        // Sites' references and circuits' references are resolved side by
        // side (each half only reads the name maps).
        let (by_sites, by_circuits) = rayon::join(
            || SiteRefs::resolve(design, &providers, &circuits),
            || CircuitRefs::resolve(design, &providers, &circuits, &ports, &vnets),
        );
        let mut provider_used = vec![false; design.providers.len()];
        for &p in by_sites.provider.iter().chain(&by_circuits.provider) {
            if let Some(used) = provider_used.get_mut(p as usize) {
                *used = true;
            }
        }
        let mut unresolved = by_sites.unresolved;
        unresolved.extend(by_circuits.unresolved);
        let (site_provider, site_circuits, circuit_sites) =
            (by_sites.provider, by_sites.circuits, by_sites.pairs);
        let CircuitRefs {
            provider: circuit_provider,
            port: circuit_port,
            link_vnets,
            reach_targets,
            port_circuits,
            vnet_circuits,
            reached_by,
            ..
        } = by_circuits;
        Index {
            circuit_sites: Groups::build(design.circuits.len(), &circuit_sites),
            circuit_reached_by: Groups::build_all(design.circuits.len(), &reached_by),
            vnet_circuits: Groups::build(design.virtual_networks.len(), &vnet_circuits),
            port_circuits: Groups::build_all(design.ports.len(), &port_circuits),
            provider_used,
            unresolved,
            site_provider,
            site_circuits,
            circuit_provider,
            circuit_port,
            link_vnets,
            reach_targets,
            providers,
            circuits,
            ports,
            vnets,
            sites,
        }
    }

    /// The references that name no entity, in design order: sites'
    /// providers and circuits, circuits' providers and ports, links'
    /// virtual networks.
    pub(crate) fn unresolved(&self) -> &[Reference] {
        &self.unresolved
    }

    /// Position of the provider the site at `pos` names under
    /// `expressroute`, if it is defined.
    pub(crate) fn provider_of_site(&self, pos: usize) -> Option<usize> {
        self.site_provider.get(pos).and_then(|&p| resolved(p))
    }

    /// Positions of the circuits the site at `pos` lists, aligned with
    /// [`Site::circuit_names`] (`None` for an undefined name).
    pub(crate) fn circuits_of_site(
        &self,
        pos: usize,
    ) -> impl Iterator<Item = Option<usize>> + Clone + '_ {
        self.site_circuits.get(pos)
    }

    /// Position of the provider the circuit at `pos` names, if defined.
    pub(crate) fn provider_of_circuit(&self, pos: usize) -> Option<usize> {
        self.circuit_provider.get(pos).and_then(|&p| resolved(p))
    }

    /// Position of the Direct port the circuit at `pos` names, if defined.
    pub(crate) fn port_of_circuit(&self, pos: usize) -> Option<usize> {
        self.circuit_port.get(pos).and_then(|&p| resolved(p))
    }

    /// Positions of the virtual networks the circuit at `pos` links,
    /// aligned with [`Circuit::links`] (`None` for an undefined name).
    pub(crate) fn vnets_of_links(
        &self,
        pos: usize,
    ) -> impl Iterator<Item = Option<usize>> + Clone + '_ {
        self.link_vnets.get(pos)
    }

    /// Positions of the circuits the circuit at `pos` reaches, aligned with
    /// [`Circuit::global_reach`] (`None` for an undefined or missing name).
    pub(crate) fn reach_targets(
        &self,
        pos: usize,
    ) -> impl Iterator<Item = Option<usize>> + Clone + '_ {
        self.reach_targets.get(pos)
    }

    /// Position of the first entity of each kind with `name`.
    pub(crate) fn provider_position(&self, name: &str) -> Option<usize> {
        self.providers.get(name)
    }

    pub(crate) fn circuit_position(&self, name: &str) -> Option<usize> {
        self.circuits.get(name)
    }

    pub(crate) fn port_position(&self, name: &str) -> Option<usize> {
        self.ports.get(name)
    }

    pub(crate) fn vnet_position(&self, name: &str) -> Option<usize> {
        self.vnets.get(name)
    }

    pub(crate) fn site_position(&self, name: &str) -> Option<usize> {
        self.sites.get(name)
    }

    /// True when `pos` is the first entity of its kind with its name (not
    /// a duplicate); O(1).
    pub(crate) fn is_canonical_circuit(&self, pos: usize) -> bool {
        self.circuits.is_first(pos)
    }

    pub(crate) fn is_canonical_site(&self, pos: usize) -> bool {
        self.sites.is_first(pos)
    }

    pub(crate) fn is_canonical_provider(&self, pos: usize) -> bool {
        self.providers.is_first(pos)
    }

    pub(crate) fn is_canonical_port(&self, pos: usize) -> bool {
        self.ports.is_first(pos)
    }

    pub(crate) fn is_canonical_vnet(&self, pos: usize) -> bool {
        self.vnets.is_first(pos)
    }

    /// Positions of the sites that list the circuit at `pos`, in design
    /// order.
    pub(crate) fn site_positions_of_circuit(&self, pos: usize) -> &[usize] {
        self.circuit_sites.get(pos)
    }

    pub(crate) fn circuit_has_sites(&self, pos: usize) -> bool {
        !self.circuit_sites.get(pos).is_empty()
    }

    /// Positions of the circuits that name the circuit at `pos` in their
    /// `global_reach`.
    pub(crate) fn circuit_reached_by(&self, pos: usize) -> &[usize] {
        self.circuit_reached_by.get(pos)
    }

    /// Positions of the circuits that link the virtual network at `pos`,
    /// in design order.
    pub(crate) fn circuits_of_vnet(&self, pos: usize) -> &[usize] {
        self.vnet_circuits.get(pos)
    }

    /// Positions of the circuits on the port at `pos`, in design order.
    pub(crate) fn circuits_of_port(&self, pos: usize) -> &[usize] {
        self.port_circuits.get(pos)
    }

    pub(crate) fn port_has_circuits(&self, pos: usize) -> bool {
        !self.port_circuits.get(pos).is_empty()
    }

    pub(crate) fn provider_is_used(&self, pos: usize) -> bool {
        self.provider_used.get(pos).copied().unwrap_or(false)
    }

    /// The kind's names.
    fn names_of(&self, kind: NameKind) -> &NameMap {
        match kind {
            NameKind::Provider => &self.providers,
            NameKind::Site => &self.sites,
            NameKind::Circuit => &self.circuits,
            NameKind::Port => &self.ports,
            NameKind::Vnet => &self.vnets,
        }
    }

    /// Up to `max` defined names of `kind` close to `name`, closest first
    /// ("did you mean"); fast on designs with many thousands of names.
    pub(crate) fn similar_names(&self, kind: NameKind, name: &str, max: usize) -> Vec<&str> {
        self.names_of(kind).similar(name, max)
    }

    /// The first defined name of `kind` (in design order) that equals
    /// `name` but for ASCII case.
    pub(crate) fn case_variant(&self, kind: NameKind, name: &str) -> Option<&str> {
        self.names_of(kind).case_variant(name)
    }
}
