//! `erlint graph`: the topology of a design as a graph IR — nodes, edges,
//! clusters and the marks of findings — then one renderer per format.
//!
//! `build.rs` is the only file that reads the design (model, index and
//! report); everything here and in the renderers works on the IR alone, so
//! names in it are untrusted text that every renderer escapes for its syntax.

pub mod build;
pub mod dot;
pub mod escape;
pub mod mermaid;
pub mod svg;

pub use build::build;

use crate::finding::Severity;
use std::collections::BTreeSet;

/// `erlint graph --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum GraphFormat {
    /// Mermaid flowchart (GitHub, GitLab and Azure DevOps render it in Markdown)
    Mermaid,
    /// Graphviz DOT
    Dot,
    /// SVG, laid out in-process
    Svg,
}

impl GraphFormat {
    /// The picture in this format; `Err` says why there is none.
    pub fn render(self, graph: &Graph) -> Result<String, String> {
        match self {
            GraphFormat::Mermaid => Ok(mermaid::render(graph)),
            GraphFormat::Dot => Ok(dot::render(graph)),
            GraphFormat::Svg => svg::render(graph),
        }
    }
}

/// What a node stands for. `--focus KIND:NAME` names the kind as
/// [`Kind::as_str`] spells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Site,
    Provider,
    Circuit,
    Port,
    Vnet,
}

impl Kind {
    pub const ALL: &'static [Kind] = &[
        Kind::Site,
        Kind::Provider,
        Kind::Circuit,
        Kind::Port,
        Kind::Vnet,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Site => "site",
            Kind::Provider => "provider",
            Kind::Circuit => "circuit",
            Kind::Port => "port",
            Kind::Vnet => "vnet",
        }
    }

    /// The plural for a collapsed group: "12 more sites".
    pub fn plural(self) -> &'static str {
        match self {
            Kind::Site => "sites",
            Kind::Provider => "providers",
            Kind::Circuit => "circuits",
            Kind::Port => "Direct ports",
            Kind::Vnet => "virtual networks",
        }
    }

    /// The legend's word for the shape of this kind.
    pub fn legend(self) -> &'static str {
        match self {
            Kind::Site => "site",
            Kind::Provider => "provider",
            Kind::Circuit => "circuit",
            Kind::Port => "Direct port",
            Kind::Vnet => "virtual network",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "virtual-network" | "virtual_network" => Some(Kind::Vnet),
            _ => Kind::ALL.iter().copied().find(|k| k.as_str() == s),
        }
    }
}

/// The findings on one entity: the worst severity and every rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    pub severity: Severity,
    /// Sorted, without repeats.
    pub rules: Vec<&'static str>,
}

impl Mark {
    pub fn add(mark: &mut Option<Mark>, severity: Severity, rule: &'static str) {
        match mark {
            Some(m) => {
                m.severity = m.severity.max(severity);
                if let Err(i) = m.rules.binary_search(&rule) {
                    m.rules.insert(i, rule);
                }
            }
            None => {
                *mark = Some(Mark {
                    severity,
                    rules: vec![rule],
                })
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    /// `[a-z0-9_]` only: safe as an identifier in every syntax, and stable
    /// (from the entity's position), so pictures of two versions compare.
    pub id: String,
    pub kind: Kind,
    /// The entity's name as written (untrusted), or "12 more sites".
    pub name: String,
    /// Lines under the name (SKU and bandwidth, gateway SKU...), untrusted.
    pub details: Vec<String>,
    pub cluster: usize,
    pub mark: Option<Mark>,
    /// For a node standing for entities left out of a crowded group: how
    /// many (0 for an entity).
    pub collapsed: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EdgeKind {
    /// Site → provider; the label is the model and layer.
    SiteProvider,
    /// Site → circuit it lists.
    Uses,
    /// Provider → circuit it delivers.
    CircuitProvider,
    /// Direct port → circuit on it.
    Port,
    /// Circuit → virtual network it links.
    Link,
    /// Circuit ↔ circuit.
    GlobalReach,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    pub kind: EdgeKind,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cluster {
    /// `[a-z0-9_]` only.
    pub id: String,
    /// "datacenter sites", "peering location Amsterdam" (untrusted).
    pub title: String,
}

/// A topology picture, in drawing order: clusters, then each cluster's
/// nodes in design order, then edges.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Graph {
    pub clusters: Vec<Cluster>,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

/// Entities per group past which a picture shows the rest as one node
/// (`--max-per-group`): a design of 10,000 sites stays readable.
pub const DEFAULT_MAX_PER_GROUP: usize = 30;

/// Connections past which Mermaid refuses to draw a flowchart (its default
/// `maxEdges`, which GitHub keeps).
pub const MERMAID_MAX_EDGES: usize = 500;

impl Graph {
    /// The node of an entity.
    pub fn find(&self, kind: Kind, name: &str) -> Option<usize> {
        self.nodes
            .iter()
            .position(|n| n.kind == kind && n.collapsed == 0 && n.name == name)
    }

    /// Names of `kind`, for "did you mean".
    pub fn names(&self, kind: Kind) -> impl Iterator<Item = &str> {
        self.nodes
            .iter()
            .filter(move |n| n.kind == kind && n.collapsed == 0)
            .map(|n| n.name.as_str())
    }

    /// The nodes on some path through one of `roots`: a path runs site →
    /// circuit → virtual network; the providers and Direct ports of its
    /// sites and circuits, and the Global Reach peers of its circuits, are
    /// drawn with it. Through a provider or a port run the paths of its
    /// sites and circuits.
    pub fn focus(&self, roots: &[usize]) -> Graph {
        let mut outs: Vec<Vec<(EdgeKind, usize)>> = vec![Vec::new(); self.nodes.len()];
        let mut ins: Vec<Vec<(EdgeKind, usize)>> = vec![Vec::new(); self.nodes.len()];
        for e in &self.edges {
            outs[e.from].push((e.kind, e.to));
            ins[e.to].push((e.kind, e.from));
        }
        let along = |adj: &'_ [(EdgeKind, usize)], kind: EdgeKind| -> Vec<usize> {
            adj.iter()
                .filter(|(k, _)| *k == kind)
                .map(|(_, n)| *n)
                .collect()
        };
        let out = |n: usize, kind: EdgeKind| along(&outs[n], kind);
        let into = |n: usize, kind: EdgeKind| along(&ins[n], kind);
        let mut keep = BTreeSet::new();
        let from_site = |s: usize, keep: &mut BTreeSet<usize>| {
            keep.insert(s);
            for c in out(s, EdgeKind::Uses) {
                keep.insert(c);
                keep.extend(out(c, EdgeKind::Link));
            }
        };
        let through_circuit = |c: usize, keep: &mut BTreeSet<usize>| {
            keep.insert(c);
            keep.extend(into(c, EdgeKind::Uses));
            keep.extend(out(c, EdgeKind::Link));
        };
        for &root in roots {
            let Some(node) = self.nodes.get(root) else {
                continue;
            };
            keep.insert(root);
            if node.collapsed > 0 {
                continue;
            }
            match node.kind {
                Kind::Site => from_site(root, &mut keep),
                Kind::Circuit => through_circuit(root, &mut keep),
                Kind::Vnet => {
                    for c in into(root, EdgeKind::Link) {
                        keep.insert(c);
                        keep.extend(into(c, EdgeKind::Uses));
                    }
                }
                Kind::Provider => {
                    for s in into(root, EdgeKind::SiteProvider) {
                        from_site(s, &mut keep);
                    }
                    for c in out(root, EdgeKind::CircuitProvider) {
                        through_circuit(c, &mut keep);
                    }
                }
                Kind::Port => {
                    for c in out(root, EdgeKind::Port) {
                        through_circuit(c, &mut keep);
                    }
                }
            }
        }
        // What the kept sites and circuits hang on, not followed further.
        let mut attached = Vec::new();
        for &n in &keep {
            match self.nodes[n].kind {
                Kind::Site => attached.extend(out(n, EdgeKind::SiteProvider)),
                Kind::Circuit => {
                    attached.extend(into(n, EdgeKind::CircuitProvider));
                    attached.extend(into(n, EdgeKind::Port));
                    attached.extend(out(n, EdgeKind::GlobalReach));
                    attached.extend(into(n, EdgeKind::GlobalReach));
                }
                _ => {}
            }
        }
        keep.extend(attached);
        let kept: Vec<Option<usize>> = (0..self.nodes.len())
            .map(|n| keep.contains(&n).then_some(n))
            .collect();
        self.remap(&kept, Vec::new())
    }

    /// Keeps at most `max` entities per cluster (0: no limit); the others
    /// become one "N more" node of that cluster. Marked entities and `keep`
    /// always stay.
    pub fn collapse(&self, max: usize, keep: &[usize]) -> Graph {
        let mut target: Vec<Option<usize>> = (0..self.nodes.len()).map(Some).collect();
        if max == 0 {
            return self.clone();
        }
        let mut extra = Vec::new();
        for c in 0..self.clusters.len() {
            let members: Vec<usize> = (0..self.nodes.len())
                .filter(|&n| self.nodes[n].cluster == c)
                .collect();
            if members.len() <= max {
                continue;
            }
            let must = |n: usize| self.nodes[n].mark.is_some() || keep.contains(&n);
            let mut room = max.saturating_sub(members.iter().filter(|&&n| must(n)).count());
            let mut left_out = Vec::new();
            for &n in &members {
                if must(n) {
                    continue;
                }
                if room > 0 {
                    room -= 1;
                } else {
                    left_out.push(n);
                }
            }
            if left_out.is_empty() {
                continue;
            }
            let first = &self.nodes[left_out[0]];
            let kinds: BTreeSet<Kind> = left_out.iter().map(|&n| self.nodes[n].kind).collect();
            let what = if kinds.len() == 1 {
                first.kind.plural()
            } else {
                "entities"
            };
            let more = self.nodes.len() + extra.len();
            extra.push(Node {
                id: format!("more_{}", self.clusters[c].id),
                kind: first.kind,
                name: format!("{} more {what}", left_out.len()),
                details: Vec::new(),
                cluster: c,
                mark: None,
                collapsed: left_out.len(),
            });
            for n in left_out {
                target[n] = Some(more);
            }
        }
        self.remap(&target, extra)
    }

    /// A new graph where node `n` becomes `target[n]` (`None`: dropped;
    /// indices past the nodes are `extra` nodes). Edges follow their nodes,
    /// once each; empty clusters go.
    fn remap(&self, target: &[Option<usize>], extra: Vec<Node>) -> Graph {
        let all: Vec<&Node> = self.nodes.iter().chain(extra.iter()).collect();
        let mut used: Vec<usize> = target.iter().flatten().copied().collect();
        used.sort_unstable();
        used.dedup();
        // Drawing order: by cluster, then as before (extra nodes last).
        used.sort_by_key(|&n| (all[n].cluster, n));
        let mut new_index = vec![usize::MAX; all.len()];
        for (i, &n) in used.iter().enumerate() {
            new_index[n] = i;
        }
        let mut clusters_used: Vec<usize> = used.iter().map(|&n| all[n].cluster).collect();
        clusters_used.dedup();
        let mut new_cluster = vec![usize::MAX; self.clusters.len()];
        for (i, &c) in clusters_used.iter().enumerate() {
            new_cluster[c] = i;
        }
        let nodes = used
            .iter()
            .map(|&n| Node {
                cluster: new_cluster[all[n].cluster],
                ..all[n].clone()
            })
            .collect();
        let mut edges: Vec<Edge> = self
            .edges
            .iter()
            .filter_map(|e| {
                let from = new_index[target[e.from]?];
                let to = new_index[target[e.to]?];
                (from != to).then(|| Edge {
                    from,
                    to,
                    kind: e.kind,
                    label: e.label.clone(),
                })
            })
            .collect();
        let mut seen = BTreeSet::new();
        edges.retain(|e| seen.insert((e.from, e.to, e.kind, e.label.clone())));
        Graph {
            clusters: clusters_used
                .iter()
                .map(|&c| self.clusters[c].clone())
                .collect(),
            nodes,
            edges,
        }
    }

    /// The same graph in drawing order, each edge once.
    pub(crate) fn normalized(&self) -> Graph {
        let all: Vec<Option<usize>> = (0..self.nodes.len()).map(Some).collect();
        self.remap(&all, Vec::new())
    }

    /// The nodes with a finding.
    pub fn marked(&self) -> Vec<usize> {
        (0..self.nodes.len())
            .filter(|&n| self.nodes[n].mark.is_some())
            .collect()
    }
}

/// The fill and stroke colours of a mark (and of the legend).
pub fn mark_colors(severity: Severity) -> (&'static str, &'static str) {
    match severity {
        Severity::Error => ("#ffd7d7", "#d00000"),
        Severity::Warning => ("#ffe9b3", "#e69500"),
        Severity::Info => ("#dcebff", "#2f6fd0"),
    }
}

/// The line a marked node carries under its name: "error: rule-a, rule-b".
pub fn mark_line(mark: &Mark) -> String {
    format!("{}: {}", mark.severity.as_str(), mark.rules.join(", "))
}
