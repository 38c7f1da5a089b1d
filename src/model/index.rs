//! Lookups built once per run: names to entities, and who uses what.
//! Rules read these instead of searching lists, which keeps every
//! cross-entity check linear.

use super::{Circuit, Design, Link, Port, Provider, Site, Spanned, Text, VirtualNetwork};
use crate::suggest::{self, NearNames};
use std::hash::BuildHasher;
use std::sync::OnceLock;

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

/// An unresolved reference.
const NONE: u32 = u32::MAX;

fn resolved(pos: u32) -> Option<usize> {
    (pos != NONE).then_some(pos as usize)
}

/// Per entity, one value per item of one of its lists, as one flat list
/// with offsets (no allocation per entity).
#[derive(Debug, Default)]
struct Aligned {
    /// `starts[i]..starts[i + 1]` is entity `i`'s range in `items`.
    starts: Vec<u32>,
    items: Vec<u32>,
}

impl Aligned {
    fn with_capacity(entities: usize, items: usize) -> Aligned {
        let mut starts = Vec::with_capacity(entities + 1);
        starts.push(0);
        Aligned {
            starts,
            items: Vec::with_capacity(items),
        }
    }

    /// Ends the current entity's list.
    fn close(&mut self) {
        self.starts.push(pos32(self.items.len()));
    }

    fn get(&self, i: usize) -> impl Iterator<Item = Option<usize>> + '_ {
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
struct NameMap {
    text: String,
    /// `(start, len, position)` of each distinct name, in first-seen order.
    names: Vec<(u32, u32, u32)>,
    /// Indices into `names`.
    table: hashbrown::HashTable<u32>,
    hasher: foldhash::fast::RandomState,
    /// Sorted forms for "did you mean", built on first use.
    near: OnceLock<NearNames>,
    /// Position → true when it is the first entity with its name.
    first: Vec<bool>,
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
    fn build<'a, T: 'a>(items: &'a [T], name: impl Fn(&T) -> &str) -> NameMap {
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

    fn name(&self, i: u32) -> &str {
        let (start, len, _) = self.names[i as usize];
        &self.text[start as usize..(start + len) as usize]
    }

    /// Keeps the first position of a name; true when the name is new.
    fn insert(&mut self, name: &str, pos: usize) -> bool {
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

    fn is_first(&self, pos: usize) -> bool {
        self.first.get(pos).copied().unwrap_or(false)
    }

    fn get(&self, name: &str) -> Option<usize> {
        let hash = self.hasher.hash_one(name);
        self.table
            .find(hash, |&i| self.name(i) == name)
            .map(|&i| self.names[i as usize].2 as usize)
    }

    /// Up to `max` names close to `input`, closest first (see
    /// [`suggest::closest`]); sub-linear past [`COMPARE_ALL_NAMES`] names.
    fn similar(&self, input: &str, max: usize) -> Vec<&str> {
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
    fn case_variant(&self, input: &str) -> Option<&str> {
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
    fn iter(&self) -> impl Iterator<Item = (&str, usize)> {
        (0..self.names.len() as u32).map(|i| (self.name(i), self.names[i as usize].2 as usize))
    }
}

/// Position → positions, as one flat list with offsets (no allocation per
/// entity).
#[derive(Debug, Default)]
struct Groups {
    /// `starts[i]..starts[i + 1]` is group `i`'s range in `items`.
    starts: Vec<u32>,
    items: Vec<usize>,
}

impl Groups {
    /// `len` groups from `(group, member)` pairs given in member order;
    /// a member repeated right after itself in one group is kept once.
    fn build(len: usize, pairs: &[(u32, u32)]) -> Groups {
        Groups::collect(len, pairs, true)
    }

    /// Like [`Groups::build`], keeping repeats.
    fn build_all(len: usize, pairs: &[(u32, u32)]) -> Groups {
        Groups::collect(len, pairs, false)
    }

    fn collect(len: usize, pairs: &[(u32, u32)], dedup: bool) -> Groups {
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

    fn get(&self, g: usize) -> &[usize] {
        match (self.starts.get(g), self.starts.get(g + 1)) {
            (Some(&a), Some(&b)) => &self.items[a as usize..b as usize],
            _ => &[],
        }
    }
}

fn pos32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// The references of the sites, resolved.
struct SiteRefs {
    provider: Vec<u32>,
    circuits: Aligned,
    /// `(circuit, site)` for every resolved circuit reference.
    pairs: Vec<(u32, u32)>,
    unresolved: Vec<Reference>,
}

fn find(map: &NameMap, name: Option<&Text>) -> u32 {
    name.and_then(|n| map.get(n)).map_or(NONE, pos32)
}

/// [`find`], remembering the last name looked up: neighbouring entities
/// mostly name the same provider or shared circuit, and comparing with the
/// last name is cheaper than hashing and probing again.
struct Finder<'m, 'd> {
    map: &'m NameMap,
    last: Option<(&'d str, u32)>,
}

impl<'m, 'd> Finder<'m, 'd> {
    fn new(map: &'m NameMap) -> Self {
        Finder { map, last: None }
    }

    fn find(&mut self, name: Option<&'d Text>) -> u32 {
        let Some(name) = name else { return NONE };
        if let Some((last, pos)) = self.last {
            if last == name.as_str() {
                return pos;
            }
        }
        let pos = find(self.map, Some(name));
        self.last = Some((name.as_str(), pos));
        pos
    }
}

impl SiteRefs {
    fn resolve(design: &Design, providers: &NameMap, circuits: &NameMap) -> SiteRefs {
        let n = design.sites.len();
        let mut out = SiteRefs {
            provider: Vec::with_capacity(n),
            circuits: Aligned::with_capacity(n, n * 2),
            pairs: Vec::with_capacity(n * 2),
            unresolved: Vec::new(),
        };
        let (mut providers, mut circuits) = (Finder::new(providers), Finder::new(circuits));
        for (si, site) in design.sites.iter().enumerate() {
            let named = site.expressroute.as_ref().and_then(|e| e.provider.as_ref());
            let pi = providers.find(named.map(|p| &p.value));
            if pi == NONE && named.is_some() {
                out.unresolved.push(Reference::SiteProvider { site: si });
            }
            out.provider.push(pi);
            for (item, c) in site.circuit_names().iter().enumerate() {
                let ci = circuits.find(Some(&c.value));
                out.circuits.items.push(ci);
                if ci != NONE {
                    out.pairs.push((ci, pos32(si)));
                } else {
                    out.unresolved
                        .push(Reference::SiteCircuit { site: si, item });
                }
            }
            out.circuits.close();
        }
        out
    }
}

/// The references of the circuits, resolved.
struct CircuitRefs {
    provider: Vec<u32>,
    port: Vec<u32>,
    link_vnets: Aligned,
    reach_targets: Aligned,
    /// `(port, circuit)`, `(vnet, circuit)` and `(reached, reaching)`.
    port_circuits: Vec<(u32, u32)>,
    vnet_circuits: Vec<(u32, u32)>,
    reached_by: Vec<(u32, u32)>,
    unresolved: Vec<Reference>,
}

impl CircuitRefs {
    fn resolve(
        design: &Design,
        providers: &NameMap,
        circuits: &NameMap,
        ports: &NameMap,
        vnets: &NameMap,
    ) -> CircuitRefs {
        let n = design.circuits.len();
        let mut out = CircuitRefs {
            provider: Vec::with_capacity(n),
            port: Vec::with_capacity(n),
            link_vnets: Aligned::with_capacity(n, n),
            reach_targets: Aligned::with_capacity(n, 0),
            port_circuits: Vec::new(),
            vnet_circuits: Vec::with_capacity(n),
            reached_by: Vec::new(),
            unresolved: Vec::new(),
        };
        let mut providers = Finder::new(providers);
        for (ci, circuit) in design.circuits.iter().enumerate() {
            let pi = providers.find(circuit.provider.as_ref().map(|p| &p.value));
            if pi == NONE && circuit.provider.is_some() {
                out.unresolved
                    .push(Reference::CircuitProvider { circuit: ci });
            }
            out.provider.push(pi);
            let port = find(ports, circuit.port.as_ref().map(|p| &p.value));
            if port != NONE {
                out.port_circuits.push((port, pos32(ci)));
            } else if circuit.port.is_some() {
                out.unresolved.push(Reference::CircuitPort { circuit: ci });
            }
            out.port.push(port);
            for (item, link) in circuit.links().iter().enumerate() {
                let vi = find(vnets, Some(&link.vnet.value));
                if vi != NONE {
                    out.vnet_circuits.push((vi, pos32(ci)));
                } else {
                    out.unresolved
                        .push(Reference::LinkVnet { circuit: ci, item });
                }
                out.link_vnets.items.push(vi);
            }
            out.link_vnets.close();
            for gr in circuit.global_reach() {
                let target = find(circuits, gr.circuit.as_ref().map(|c| &c.value));
                if target != NONE {
                    // Every reference counts (no de-duplication), as listed.
                    out.reached_by.push((target, pos32(ci)));
                }
                out.reach_targets.items.push(target);
            }
            out.reach_targets.close();
        }
        out
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
    pub fn unresolved(&self) -> &[Reference] {
        &self.unresolved
    }

    /// Position of the provider the site at `pos` names under
    /// `expressroute`, if it is defined.
    pub fn provider_of_site(&self, pos: usize) -> Option<usize> {
        self.site_provider.get(pos).and_then(|&p| resolved(p))
    }

    /// The provider the site at `pos` names under `expressroute`, if it is
    /// defined.
    pub fn site_provider<'d>(&self, design: &'d Design, pos: usize) -> Option<&'d Provider> {
        self.provider_of_site(pos)
            .and_then(|p| design.providers.get(p))
    }

    /// Positions of the circuits the site at `pos` lists, aligned with
    /// [`Site::circuit_names`] (`None` for an undefined name).
    pub fn circuits_of_site(&self, pos: usize) -> impl Iterator<Item = Option<usize>> + '_ {
        self.site_circuits.get(pos)
    }

    /// Position of the provider the circuit at `pos` names, if defined.
    pub fn provider_of_circuit(&self, pos: usize) -> Option<usize> {
        self.circuit_provider.get(pos).and_then(|&p| resolved(p))
    }

    /// Position of the Direct port the circuit at `pos` names, if defined.
    pub fn port_of_circuit(&self, pos: usize) -> Option<usize> {
        self.circuit_port.get(pos).and_then(|&p| resolved(p))
    }

    /// The provider the circuit at `pos` names, if defined.
    pub fn circuit_provider<'d>(&self, design: &'d Design, pos: usize) -> Option<&'d Provider> {
        self.provider_of_circuit(pos)
            .and_then(|p| design.providers.get(p))
    }

    /// The Direct port the circuit at `pos` names, if defined.
    pub fn circuit_port<'d>(&self, design: &'d Design, pos: usize) -> Option<&'d Port> {
        self.port_of_circuit(pos).and_then(|p| design.ports.get(p))
    }

    /// Positions of the virtual networks the circuit at `pos` links,
    /// aligned with [`Circuit::links`] (`None` for an undefined name).
    fn vnets_of_links(&self, pos: usize) -> impl Iterator<Item = Option<usize>> + '_ {
        self.link_vnets.get(pos)
    }

    /// The links of the circuit at `pos`, each with the virtual network it
    /// names, if defined.
    pub fn links_of<'d>(
        &'d self,
        design: &'d Design,
        pos: usize,
    ) -> impl Iterator<Item = (&'d Link, Option<(usize, &'d VirtualNetwork)>)> + 'd {
        let links = design.circuits.get(pos).map_or(&[][..], |c| c.links());
        links
            .iter()
            .zip(self.vnets_of_links(pos))
            .map(move |(link, v)| {
                let vnet = v.and_then(|v| design.virtual_networks.get(v).map(|vnet| (v, vnet)));
                (link, vnet)
            })
    }

    /// Positions of the circuits the circuit at `pos` reaches, aligned with
    /// [`Circuit::global_reach`] (`None` for an undefined or missing name).
    pub fn reach_targets(&self, pos: usize) -> impl Iterator<Item = Option<usize>> + '_ {
        self.reach_targets.get(pos)
    }

    pub fn provider<'d>(&self, design: &'d Design, name: &str) -> Option<&'d Provider> {
        self.providers.get(name).map(|i| &design.providers[i])
    }

    pub fn circuit<'d>(&self, design: &'d Design, name: &str) -> Option<&'d Circuit> {
        self.circuits.get(name).map(|i| &design.circuits[i])
    }

    pub fn port<'d>(&self, design: &'d Design, name: &str) -> Option<&'d Port> {
        self.ports.get(name).map(|i| &design.ports[i])
    }

    pub fn vnet<'d>(&self, design: &'d Design, name: &str) -> Option<&'d VirtualNetwork> {
        self.vnets.get(name).map(|i| &design.virtual_networks[i])
    }

    pub fn site<'d>(&self, design: &'d Design, name: &str) -> Option<&'d Site> {
        self.sites.get(name).map(|i| &design.sites[i])
    }

    /// True when `pos` is the first circuit of its name (not a duplicate).
    /// The circuits that count, with their positions: the first of each
    /// name (a later duplicate is `duplicate-name`'s finding only).
    pub fn canonical_circuits<'d>(
        &'d self,
        design: &'d Design,
    ) -> impl Iterator<Item = (usize, &'d Circuit)> + 'd {
        design
            .circuits
            .iter()
            .enumerate()
            .filter(move |(pos, _)| self.circuits.is_first(*pos))
    }

    pub fn is_canonical_circuit(&self, design: &Design, pos: usize) -> bool {
        pos < design.circuits.len() && self.circuits.is_first(pos)
    }

    /// True when `pos` is the first site of its name (not a duplicate).
    pub fn is_canonical_site(&self, pos: usize) -> bool {
        self.sites.is_first(pos)
    }

    /// True when `pos` is the first provider of its name.
    pub fn is_canonical_provider(&self, pos: usize) -> bool {
        self.providers.is_first(pos)
    }

    /// True when `pos` is the first port of its name.
    pub fn is_canonical_port(&self, pos: usize) -> bool {
        self.ports.is_first(pos)
    }

    /// True when `pos` is the first virtual network of its name.
    pub fn is_canonical_vnet(&self, pos: usize) -> bool {
        self.vnets.is_first(pos)
    }

    /// Sites that list the circuit at `pos`, in design order.
    pub fn sites_of_circuit<'d>(
        &self,
        design: &'d Design,
        pos: usize,
    ) -> impl Iterator<Item = &'d Site> + use<'d, '_> {
        self.circuit_sites
            .get(pos)
            .iter()
            .map(move |&i| &design.sites[i])
    }

    /// Positions of the sites that list the circuit at `pos`, in design
    /// order.
    pub fn site_positions_of_circuit(&self, pos: usize) -> &[usize] {
        self.circuit_sites.get(pos)
    }

    pub fn circuit_has_sites(&self, pos: usize) -> bool {
        !self.circuit_sites.get(pos).is_empty()
    }

    /// Circuits that name the circuit at `pos` in their `global_reach`.
    pub fn circuit_reached_by(&self, pos: usize) -> &[usize] {
        self.circuit_reached_by.get(pos)
    }

    /// The circuits that link the virtual network at `pos`, with their
    /// positions, in design order: the first of each name only (a later
    /// duplicate is `duplicate-name`'s finding).
    pub fn canonical_circuits_of_vnet<'d>(
        &'d self,
        design: &'d Design,
        pos: usize,
    ) -> impl Iterator<Item = (usize, &'d Circuit)> + 'd {
        self.canonical_circuits_among(design, self.vnet_circuits.get(pos))
    }

    /// The circuits on the port at `pos`, like
    /// [`Index::canonical_circuits_of_vnet`].
    pub fn canonical_circuits_of_port<'d>(
        &'d self,
        design: &'d Design,
        pos: usize,
    ) -> impl Iterator<Item = (usize, &'d Circuit)> + 'd {
        self.canonical_circuits_among(design, self.port_circuits.get(pos))
    }

    fn canonical_circuits_among<'d>(
        &'d self,
        design: &'d Design,
        positions: &'d [usize],
    ) -> impl Iterator<Item = (usize, &'d Circuit)> + 'd {
        positions
            .iter()
            .filter(move |&&c| self.is_canonical_circuit(design, c))
            .filter_map(move |&c| design.circuits.get(c).map(|circuit| (c, circuit)))
    }

    pub fn port_has_circuits(&self, pos: usize) -> bool {
        !self.port_circuits.get(pos).is_empty()
    }

    pub fn provider_is_used(&self, pos: usize) -> bool {
        self.provider_used.get(pos).copied().unwrap_or(false)
    }

    /// Up to `max` provider names close to `name`, for "did you mean".
    /// Prefer these to `suggest::closest` over `*_names()`: they stay fast
    /// on designs with many thousands of names.
    pub fn similar_provider_names(&self, name: &str, max: usize) -> Vec<&str> {
        self.providers.similar(name, max)
    }

    pub fn similar_circuit_names(&self, name: &str, max: usize) -> Vec<&str> {
        self.circuits.similar(name, max)
    }

    pub fn similar_port_names(&self, name: &str, max: usize) -> Vec<&str> {
        self.ports.similar(name, max)
    }

    pub fn similar_vnet_names(&self, name: &str, max: usize) -> Vec<&str> {
        self.vnets.similar(name, max)
    }

    pub fn similar_site_names(&self, name: &str, max: usize) -> Vec<&str> {
        self.sites.similar(name, max)
    }

    /// The kind's names, for the `*_name*` lookups below.
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
    pub fn similar_names(&self, kind: NameKind, name: &str, max: usize) -> Vec<&str> {
        self.names_of(kind).similar(name, max)
    }

    /// The first defined name of `kind` (in design order) that equals
    /// `name` but for ASCII case.
    pub fn case_variant(&self, kind: NameKind, name: &str) -> Option<&str> {
        self.names_of(kind).case_variant(name)
    }

    pub fn provider_names(&self) -> impl Iterator<Item = &str> {
        self.providers.iter().map(|(n, _)| n)
    }

    pub fn circuit_names(&self) -> impl Iterator<Item = &str> {
        self.circuits.iter().map(|(n, _)| n)
    }

    pub fn port_names(&self) -> impl Iterator<Item = &str> {
        self.ports.iter().map(|(n, _)| n)
    }

    pub fn vnet_names(&self) -> impl Iterator<Item = &str> {
        self.vnets.iter().map(|(n, _)| n)
    }
}
