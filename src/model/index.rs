//! Lookups built once per run: names to entities, and who uses what.
//! Rules read these instead of searching lists, which keeps every
//! cross-entity check linear.

use super::{Circuit, Design, Port, Provider, Site, VirtualNetwork};
use std::collections::HashMap;

/// Name → position of the FIRST entity of that kind with that name (a later
/// duplicate is `duplicate-name`'s finding and is otherwise ignored).
#[derive(Debug, Default)]
pub struct Index {
    providers: HashMap<String, usize>,
    circuits: HashMap<String, usize>,
    ports: HashMap<String, usize>,
    vnets: HashMap<String, usize>,
    sites: HashMap<String, usize>,
    /// Circuit position → positions of the sites that list it.
    circuit_sites: Vec<Vec<usize>>,
    /// Circuit position → positions of the circuits that reference it in
    /// `global_reach`.
    circuit_reached_by: Vec<Vec<usize>>,
    /// Vnet position → positions of the circuits that link it.
    vnet_circuits: Vec<Vec<usize>>,
    /// Port position → positions of the circuits on it.
    port_circuits: Vec<Vec<usize>>,
    /// Provider position → used by a site or a circuit.
    provider_used: Vec<bool>,
}

fn names<'a, T: 'a>(items: &'a [T], name: impl Fn(&T) -> &str) -> HashMap<String, usize> {
    let mut map = HashMap::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        map.entry(name(item).to_string()).or_insert(i);
    }
    map
}

impl Index {
    pub fn build(design: &Design) -> Index {
        let mut ix = Index {
            providers: names(&design.providers, |p| &p.name.value),
            circuits: names(&design.circuits, |c| &c.name.value),
            ports: names(&design.ports, |p| &p.name.value),
            vnets: names(&design.virtual_networks, |v| &v.name.value),
            sites: names(&design.sites, |s| &s.name.value),
            circuit_sites: vec![Vec::new(); design.circuits.len()],
            circuit_reached_by: vec![Vec::new(); design.circuits.len()],
            vnet_circuits: vec![Vec::new(); design.virtual_networks.len()],
            port_circuits: vec![Vec::new(); design.ports.len()],
            provider_used: vec![false; design.providers.len()],
        };
        for (si, site) in design.sites.iter().enumerate() {
            for c in site.circuit_names() {
                if let Some(&ci) = ix.circuits.get(&c.value) {
                    if ix.circuit_sites[ci].last() != Some(&si) {
                        ix.circuit_sites[ci].push(si);
                    }
                }
            }
            if let Some(p) = site.expressroute.as_ref().and_then(|e| e.provider.as_ref()) {
                if let Some(&pi) = ix.providers.get(&p.value) {
                    ix.provider_used[pi] = true;
                }
            }
        }
        for (ci, circuit) in design.circuits.iter().enumerate() {
            if let Some(p) = &circuit.provider {
                if let Some(&pi) = ix.providers.get(&p.value) {
                    ix.provider_used[pi] = true;
                }
            }
            if let Some(p) = &circuit.port {
                if let Some(&pi) = ix.ports.get(&p.value) {
                    ix.port_circuits[pi].push(ci);
                }
            }
            for link in circuit.links() {
                if let Some(&vi) = ix.vnets.get(&link.vnet.value) {
                    if ix.vnet_circuits[vi].last() != Some(&ci) {
                        ix.vnet_circuits[vi].push(ci);
                    }
                }
            }
            for gr in circuit.global_reach() {
                if let Some(target) = gr.circuit.as_ref().and_then(|c| ix.circuits.get(&c.value)) {
                    ix.circuit_reached_by[*target].push(ci);
                }
            }
        }
        ix
    }

    pub fn provider<'d>(&self, design: &'d Design, name: &str) -> Option<&'d Provider> {
        self.providers.get(name).map(|&i| &design.providers[i])
    }

    pub fn circuit<'d>(&self, design: &'d Design, name: &str) -> Option<&'d Circuit> {
        self.circuits.get(name).map(|&i| &design.circuits[i])
    }

    pub fn circuit_pos(&self, name: &str) -> Option<usize> {
        self.circuits.get(name).copied()
    }

    pub fn port<'d>(&self, design: &'d Design, name: &str) -> Option<&'d Port> {
        self.ports.get(name).map(|&i| &design.ports[i])
    }

    pub fn vnet<'d>(&self, design: &'d Design, name: &str) -> Option<&'d VirtualNetwork> {
        self.vnets.get(name).map(|&i| &design.virtual_networks[i])
    }

    pub fn site<'d>(&self, design: &'d Design, name: &str) -> Option<&'d Site> {
        self.sites.get(name).map(|&i| &design.sites[i])
    }

    /// True when `pos` is the first circuit of its name (not a duplicate).
    pub fn is_canonical_circuit(&self, design: &Design, pos: usize) -> bool {
        design
            .circuits
            .get(pos)
            .is_some_and(|c| self.circuits.get(&c.name.value) == Some(&pos))
    }

    /// Sites that list the circuit at `pos`, in design order.
    pub fn sites_of_circuit<'d>(
        &self,
        design: &'d Design,
        pos: usize,
    ) -> impl Iterator<Item = &'d Site> + use<'d, '_> {
        self.circuit_sites
            .get(pos)
            .into_iter()
            .flatten()
            .map(move |&i| &design.sites[i])
    }

    pub fn circuit_has_sites(&self, pos: usize) -> bool {
        self.circuit_sites.get(pos).is_some_and(|v| !v.is_empty())
    }

    /// Circuits that name the circuit at `pos` in their `global_reach`.
    pub fn circuit_reached_by(&self, pos: usize) -> &[usize] {
        self.circuit_reached_by
            .get(pos)
            .map_or(&[], |v| v.as_slice())
    }

    /// Circuits that link the virtual network at `pos`, in design order.
    pub fn circuits_of_vnet<'d>(
        &self,
        design: &'d Design,
        pos: usize,
    ) -> impl Iterator<Item = &'d Circuit> + use<'d, '_> {
        self.vnet_circuits
            .get(pos)
            .into_iter()
            .flatten()
            .map(move |&i| &design.circuits[i])
    }

    /// Circuits on the port at `pos`, in design order.
    pub fn circuits_of_port<'d>(
        &self,
        design: &'d Design,
        pos: usize,
    ) -> impl Iterator<Item = &'d Circuit> + use<'d, '_> {
        self.port_circuits
            .get(pos)
            .into_iter()
            .flatten()
            .map(move |&i| &design.circuits[i])
    }

    pub fn port_has_circuits(&self, pos: usize) -> bool {
        self.port_circuits.get(pos).is_some_and(|v| !v.is_empty())
    }

    pub fn provider_is_used(&self, pos: usize) -> bool {
        self.provider_used.get(pos).copied().unwrap_or(false)
    }

    pub fn provider_names(&self) -> impl Iterator<Item = &str> {
        self.providers.keys().map(String::as_str)
    }

    pub fn circuit_names(&self) -> impl Iterator<Item = &str> {
        self.circuits.keys().map(String::as_str)
    }

    pub fn port_names(&self) -> impl Iterator<Item = &str> {
        self.ports.keys().map(String::as_str)
    }

    pub fn vnet_names(&self) -> impl Iterator<Item = &str> {
        self.vnets.keys().map(String::as_str)
    }
}
