//! The graph IR from the semantic view of the design and the report: the
//! one file of `graph/` that reads the design.

use super::{Cluster, Edge, EdgeKind, Graph, Kind, Mark, Node};
use crate::report::Report;
use crate::sema::Db;
use crate::source::Span;
use std::collections::{BTreeMap, HashMap};

/// Clusters in drawing order: site kinds, providers, peering locations (by
/// name), virtual networks.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Group {
    Sites(usize),
    Providers,
    Location(String),
    NoLocation,
    Vnets,
}

struct Builder {
    nodes: Vec<(Node, Group)>,
    edges: Vec<Edge>,
    /// (kind, name) → node: duplicates of a name share the first's node.
    by_name: HashMap<(Kind, String), usize>,
    /// Location key → the name as first written.
    locations: BTreeMap<String, String>,
    /// Every entity's span and its node, for the marks.
    spans: Vec<(Span, usize)>,
}

impl Builder {
    fn node(&mut self, kind: Kind, name: &str, pos: usize, group: Group, details: Vec<String>) {
        let key = (kind, name.to_string());
        if self.by_name.contains_key(&key) {
            return;
        }
        self.by_name.insert(key, self.nodes.len());
        let prefix = match kind {
            Kind::Site => "s",
            Kind::Provider => "p",
            Kind::Circuit => "c",
            Kind::Port => "o",
            Kind::Vnet => "v",
        };
        let node = Node {
            id: format!("{prefix}{pos}"),
            kind,
            name: name.to_string(),
            details,
            cluster: 0,
            mark: None,
            collapsed: 0,
        };
        self.nodes.push((node, group));
    }

    fn of(&self, kind: Kind, name: &str) -> Option<usize> {
        self.by_name.get(&(kind, name.to_string())).copied()
    }

    fn location(&mut self, written: Option<&str>) -> Group {
        match written {
            Some(l) => {
                let key = crate::catalog::key(l);
                self.locations
                    .entry(key.clone())
                    .or_insert_with(|| l.to_string());
                Group::Location(key)
            }
            None => Group::NoLocation,
        }
    }

    fn edge(&mut self, from: Option<usize>, to: Option<usize>, kind: EdgeKind, label: String) {
        if let (Some(from), Some(to)) = (from, to) {
            self.edges.push(Edge {
                from,
                to,
                kind,
                label,
            });
        }
    }
}

/// The whole topology, every entity with the findings whose primary
/// location lies in it marked.
pub fn build(db: Db<'_>, report: &Report) -> Graph {
    let mut b = Builder {
        nodes: Vec::new(),
        edges: Vec::new(),
        by_name: HashMap::new(),
        locations: BTreeMap::new(),
        spans: Vec::new(),
    };
    for (pos, s) in db.all_sites().enumerate() {
        let kinds = crate::model::SiteKind::ALL;
        let kind = s
            .kind
            .as_ref()
            .and_then(|k| kinds.iter().position(|(_, x)| *x == k.value))
            .unwrap_or(kinds.len());
        let details = s.city.iter().map(|c| c.value.to_string()).collect();
        b.node(Kind::Site, &s.name.value, pos, Group::Sites(kind), details);
    }
    for (pos, p) in db.all_providers().enumerate() {
        b.node(
            Kind::Provider,
            &p.name.value,
            pos,
            Group::Providers,
            Vec::new(),
        );
    }
    for (pos, c) in db.all_circuits().enumerate() {
        let location = c.peering_location.as_ref().map(|l| l.value.as_str());
        let group = b.location(location);
        let sku = c.sku.as_ref().map(|s| s.value.as_str().to_string());
        let bandwidth = c.bandwidth.as_ref().map(|bw| bw.value.to_string());
        let details = [sku, bandwidth].into_iter().flatten().collect::<Vec<_>>();
        let details = vec![details.join(" ")];
        b.node(Kind::Circuit, &c.name.value, pos, group, details);
    }
    for (pos, p) in db.all_ports().enumerate() {
        let location = p.peering_location.as_ref().map(|l| l.value.as_str());
        let group = b.location(location);
        let mut line = vec!["Direct port".to_string()];
        line.extend(p.bandwidth.as_ref().map(|bw| bw.value.to_string()));
        line.extend(
            p.encapsulation
                .as_ref()
                .map(|e| e.value.as_str().to_string()),
        );
        b.node(Kind::Port, &p.name.value, pos, group, vec![line.join(" ")]);
    }
    for (pos, v) in db.all_vnets().enumerate() {
        let gateway = v.gateway.as_ref().and_then(|g| g.sku.as_ref());
        let mut details = vec![match gateway {
            Some(sku) => format!("gateway {}", sku.value.as_str()),
            None => "no gateway".to_string(),
        }];
        details.extend(v.region.iter().map(|r| r.value.to_string()));
        b.node(Kind::Vnet, &v.name.value, pos, Group::Vnets, details);
    }

    for s in db.all_sites() {
        let site = b.of(Kind::Site, &s.name.value);
        b.spans.extend(site.map(|n| (s.span, n)));
        if let Some(p) = s.provider() {
            let provider = b.of(Kind::Provider, &p.name.value);
            let label = [s.model().map(|m| m.as_str()), s.layer().map(|l| l.as_str())]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            b.edge(site, provider, EdgeKind::SiteProvider, label);
        }
        for (_, c) in s.circuits() {
            let Some(c) = c else { continue };
            let circuit = b.of(Kind::Circuit, &c.name.value);
            b.edge(site, circuit, EdgeKind::Uses, String::new());
        }
    }
    for p in db.all_providers() {
        let provider = b.of(Kind::Provider, &p.name.value);
        b.spans.extend(provider.map(|n| (p.span, n)));
    }
    for p in db.all_ports() {
        let port = b.of(Kind::Port, &p.name.value);
        b.spans.extend(port.map(|n| (p.span, n)));
    }
    for v in db.all_vnets() {
        let vnet = b.of(Kind::Vnet, &v.name.value);
        b.spans.extend(vnet.map(|n| (v.span, n)));
    }
    for c in db.all_circuits() {
        let circuit = b.of(Kind::Circuit, &c.name.value);
        b.spans.extend(circuit.map(|n| (c.span, n)));
        if let Some(p) = c.provider() {
            let provider = b.of(Kind::Provider, &p.name.value);
            b.edge(provider, circuit, EdgeKind::CircuitProvider, String::new());
        }
        if let Some(p) = c.port() {
            let port = b.of(Kind::Port, &p.name.value);
            b.edge(port, circuit, EdgeKind::Port, String::new());
        }
        for link in c.links() {
            let Some(vnet) = link.vnet() else { continue };
            let to = b.of(Kind::Vnet, &vnet.name.value);
            let fastpath = link.fastpath.as_ref().is_some_and(|f| f.value);
            let label = if fastpath { "FastPath" } else { "" };
            b.edge(circuit, to, EdgeKind::Link, label.to_string());
        }
        for peer in c.global_reach().filter_map(|r| r.to()) {
            let to = b.of(Kind::Circuit, &peer.name.value);
            // One connection, whichever circuit declares it (or both).
            let (from, to) = if circuit <= to {
                (circuit, to)
            } else {
                (to, circuit)
            };
            b.edge(from, to, EdgeKind::GlobalReach, "Global Reach".to_string());
        }
    }

    mark(&mut b, report);
    finish(b)
}

/// Marks the entity each finding's primary location lies in.
fn mark(b: &mut Builder, report: &Report) {
    b.spans.sort_by_key(|(s, _)| (s.file, s.start));
    for f in &report.findings {
        let p = f.primary;
        let after = b
            .spans
            .partition_point(|(s, _)| (s.file, s.start) <= (p.file, p.start));
        let Some(&(span, node)) = after.checked_sub(1).and_then(|i| b.spans.get(i)) else {
            continue;
        };
        if span.file == p.file && span.end >= p.end {
            Mark::add(&mut b.nodes[node].0.mark, f.severity, f.rule);
        }
    }
}

fn finish(b: Builder) -> Graph {
    let mut groups: Vec<Group> = b.nodes.iter().map(|(_, g)| g.clone()).collect();
    groups.sort();
    groups.dedup();
    let clusters = groups
        .iter()
        .enumerate()
        .map(|(i, g)| match g {
            Group::Sites(k) => {
                let kind = crate::model::SiteKind::ALL
                    .get(*k)
                    .map_or("sites of no kind".to_string(), |(name, _)| {
                        format!("{name} sites")
                    });
                Cluster {
                    id: format!("g{i}"),
                    title: kind,
                }
            }
            Group::Providers => Cluster {
                id: format!("g{i}"),
                title: "providers".into(),
            },
            Group::Location(key) => Cluster {
                id: format!("g{i}"),
                title: format!(
                    "peering location {}",
                    b.locations.get(key).map_or(key.as_str(), String::as_str)
                ),
            },
            Group::NoLocation => Cluster {
                id: format!("g{i}"),
                title: "no peering location".into(),
            },
            Group::Vnets => Cluster {
                id: format!("g{i}"),
                title: "virtual networks".into(),
            },
        })
        .collect::<Vec<_>>();
    let graph = Graph {
        clusters,
        nodes: b
            .nodes
            .into_iter()
            .map(|(mut n, g)| {
                n.cluster = groups.binary_search(&g).unwrap_or(0);
                n
            })
            .collect(),
        edges: b.edges,
    };
    graph.normalized()
}
