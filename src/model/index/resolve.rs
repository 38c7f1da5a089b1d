//! Every reference of the design resolved once, to the position it names.

use super::containers::{pos32, Aligned, NameMap, NONE};
use super::Reference;
use crate::model::{Design, Text};

/// The references of the sites, resolved.
pub(super) struct SiteRefs {
    pub(super) provider: Vec<u32>,
    pub(super) circuits: Aligned,
    /// `(circuit, site)` for every resolved circuit reference.
    pub(super) pairs: Vec<(u32, u32)>,
    pub(super) unresolved: Vec<Reference>,
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
    pub(super) fn resolve(design: &Design, providers: &NameMap, circuits: &NameMap) -> SiteRefs {
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
pub(super) struct CircuitRefs {
    pub(super) provider: Vec<u32>,
    pub(super) port: Vec<u32>,
    pub(super) link_vnets: Aligned,
    pub(super) reach_targets: Aligned,
    /// `(port, circuit)`, `(vnet, circuit)` and `(reached, reaching)`.
    pub(super) port_circuits: Vec<(u32, u32)>,
    pub(super) vnet_circuits: Vec<(u32, u32)>,
    pub(super) reached_by: Vec<(u32, u32)>,
    pub(super) unresolved: Vec<Reference>,
}

impl CircuitRefs {
    pub(super) fn resolve(
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
