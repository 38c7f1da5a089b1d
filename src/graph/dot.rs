//! Graphviz DOT. Identifiers are the IR's `[a-z0-9_]` ids; every label,
//! title and tooltip is a quoted string of escaped text.

use super::escape::dot as esc;
use super::{mark_colors, mark_line, EdgeKind, Graph, Kind, Node};
use crate::finding::Severity;
use std::fmt::Write;

fn shape(kind: Kind) -> &'static str {
    match kind {
        Kind::Site => "shape=box",
        Kind::Provider => "shape=ellipse",
        Kind::Circuit => "shape=box, style=\"rounded,filled\"",
        Kind::Port => "shape=hexagon",
        Kind::Vnet => "shape=cylinder",
    }
}

fn label(node: &Node) -> String {
    let mut lines = vec![esc(&node.name)];
    lines.extend(
        node.details
            .iter()
            .filter(|d| !d.is_empty())
            .map(|d| esc(d)),
    );
    lines.extend(node.mark.as_ref().map(|m| esc(&mark_line(m))));
    lines.join("\\n")
}

fn tooltip(node: &Node) -> String {
    let what = format!("{} {}", node.kind.legend(), node.name);
    match &node.mark {
        Some(m) => esc(&format!("{what}: {}", mark_line(m))),
        None => esc(&what),
    }
}

fn marked(severity: Severity) -> String {
    let (fill, stroke) = mark_colors(severity);
    format!("fillcolor=\"{fill}\", color=\"{stroke}\", penwidth=3")
}

pub fn render(graph: &Graph) -> String {
    let mut out = String::new();
    out.push_str("digraph erlint {\n");
    out.push_str("  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=12];\n");
    out.push_str(
        "  node [fontname=\"Helvetica\", fontsize=11, style=filled, fillcolor=\"#ffffff\"];\n",
    );
    out.push_str("  edge [fontname=\"Helvetica\", fontsize=9];\n");
    for (c, cluster) in graph.clusters.iter().enumerate() {
        let _ = writeln!(out, "  subgraph cluster_{} {{", cluster.id);
        let _ = writeln!(out, "    label=\"{}\";", esc(&cluster.title));
        for node in graph.nodes.iter().filter(|n| n.cluster == c) {
            let mut attrs = format!(
                "label=\"{}\", {}, tooltip=\"{}\"",
                label(node),
                shape(node.kind),
                tooltip(node)
            );
            if let Some(m) = &node.mark {
                attrs.push_str(", ");
                attrs.push_str(&marked(m.severity));
            }
            if node.collapsed > 0 {
                attrs.push_str(", style=\"dashed,filled\"");
            }
            let _ = writeln!(out, "    {} [{attrs}];", node.id);
        }
        out.push_str("  }\n");
    }
    for e in &graph.edges {
        let (from, to) = (&graph.nodes[e.from].id, &graph.nodes[e.to].id);
        let mut attrs = Vec::new();
        if !e.label.is_empty() {
            attrs.push(format!("label=\"{}\"", esc(&e.label)));
        }
        match e.kind {
            EdgeKind::Uses => attrs.push("style=dashed".into()),
            EdgeKind::GlobalReach => attrs.push("dir=both, style=bold".into()),
            _ => {}
        }
        if attrs.is_empty() {
            let _ = writeln!(out, "  {from} -> {to};");
        } else {
            let _ = writeln!(out, "  {from} -> {to} [{}];", attrs.join(", "));
        }
    }
    out.push_str("  subgraph cluster_legend {\n    label=\"legend\";\n");
    for &kind in Kind::ALL {
        let _ = writeln!(
            out,
            "    legend_{} [label=\"{}\", {}];",
            kind.as_str(),
            kind.legend(),
            shape(kind)
        );
    }
    for sev in [Severity::Error, Severity::Warning, Severity::Info] {
        let _ = writeln!(
            out,
            "    legend_{0} [label=\"{0}\", shape=box, {1}];",
            sev.as_str(),
            marked(sev)
        );
    }
    out.push_str("  }\n}\n");
    out
}
