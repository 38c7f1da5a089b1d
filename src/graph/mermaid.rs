//! Mermaid flowchart text (renders on GitHub, GitLab and Azure DevOps).
//! Identifiers are the IR's `[a-z0-9_]` ids; every label is a quoted
//! string of escaped text (see [`super::escape::mermaid`]).

use super::escape::mermaid as esc;
use super::{mark_colors, mark_line, EdgeKind, Graph, Kind, Node};
use crate::finding::Severity;
use std::fmt::Write;

/// The label's lines, escaped, joined with Mermaid's line break.
fn label(lines: &[String]) -> String {
    lines
        .iter()
        .map(|l| esc(l))
        .collect::<Vec<_>>()
        .join("<br/>")
}

fn lines(node: &Node) -> Vec<String> {
    let mut lines = vec![node.name.clone()];
    lines.extend(node.details.iter().filter(|d| !d.is_empty()).cloned());
    lines.extend(node.mark.as_ref().map(mark_line));
    lines
}

/// `id["label"]` in the shape of the node's kind.
fn shape(id: &str, kind: Kind, text: &str) -> String {
    match kind {
        Kind::Site => format!("{id}[\"{text}\"]"),
        Kind::Provider => format!("{id}([\"{text}\"])"),
        Kind::Circuit => format!("{id}[[\"{text}\"]]"),
        Kind::Port => format!("{id}{{{{\"{text}\"}}}}"),
        Kind::Vnet => format!("{id}[(\"{text}\")]"),
    }
}

pub fn render(graph: &Graph) -> String {
    let mut out = String::new();
    out.push_str("flowchart LR\n");
    for (c, cluster) in graph.clusters.iter().enumerate() {
        let _ = writeln!(
            out,
            "  subgraph {}[\"{}\"]",
            cluster.id,
            esc(&cluster.title)
        );
        for node in graph.nodes.iter().filter(|n| n.cluster == c) {
            let _ = writeln!(
                out,
                "    {}",
                shape(&node.id, node.kind, &label(&lines(node)))
            );
        }
        out.push_str("  end\n");
    }
    for e in &graph.edges {
        let (from, to) = (&graph.nodes[e.from].id, &graph.nodes[e.to].id);
        let arrow = match e.kind {
            EdgeKind::Uses => "-.->",
            EdgeKind::GlobalReach => "===",
            _ => "-->",
        };
        if e.label.is_empty() {
            let _ = writeln!(out, "  {from} {arrow} {to}");
        } else {
            let _ = writeln!(out, "  {from} {arrow}|\"{}\"| {to}", esc(&e.label));
        }
    }
    out.push_str("  subgraph legend[\"legend\"]\n");
    for &kind in Kind::ALL {
        let id = format!("legend_{}", kind.as_str());
        let _ = writeln!(out, "    {}", shape(&id, kind, kind.legend()));
    }
    for sev in [Severity::Error, Severity::Warning, Severity::Info] {
        let _ = writeln!(out, "    legend_{0}[\"{0}\"]", sev.as_str());
    }
    out.push_str("  end\n");
    for sev in [Severity::Error, Severity::Warning, Severity::Info] {
        let (fill, stroke) = mark_colors(sev);
        let _ = writeln!(
            out,
            "  classDef {} fill:{fill},stroke:{stroke},stroke-width:3px,color:#000000",
            sev.as_str()
        );
        let mut ids: Vec<&str> = graph
            .nodes
            .iter()
            .filter(|n| n.mark.as_ref().is_some_and(|m| m.severity == sev))
            .map(|n| n.id.as_str())
            .collect();
        ids.push(match sev {
            Severity::Error => "legend_error",
            Severity::Warning => "legend_warning",
            Severity::Info => "legend_info",
        });
        let _ = writeln!(out, "  class {} {}", ids.join(","), sev.as_str());
    }
    let more: Vec<&str> = graph
        .nodes
        .iter()
        .filter(|n| n.collapsed > 0)
        .map(|n| n.id.as_str())
        .collect();
    if !more.is_empty() {
        out.push_str("  classDef more stroke-dasharray:5 5\n");
        let _ = writeln!(out, "  class {} more", more.join(","));
    }
    out
}
