//! Syntax tree → typed [`Design`], reporting `unknown-field`,
//! `invalid-value` and `missing-field` for every problem in a file (not only
//! the first).
//!
//! What each mapping accepts, and every range and rule checked here, comes
//! from the format tables (`model::format`), which `erlint schema` reads
//! too. `mapping.rs` reads a mapping against its table, `values.rs` reads
//! scalar values and lists, and `sites.rs`, `circuits.rs` and `azure.rs`
//! lower the entities.

mod azure;
mod circuits;
mod constraints;
mod mapping;
mod sites;
mod values;

use super::format::{FormatKey, TopKey, Ty};
use super::Design;
use crate::finding::Finding;
use crate::source::{FileId, Span};
use crate::syntax::{Document, Node, NodeKind};
use mapping::Fields;

/// Lowers one file's documents into its part of the design.
pub fn lower(file: FileId, documents: &[Document]) -> (Design, Vec<Finding>) {
    let mut lw = Lowerer {
        file,
        findings: Vec::new(),
        design: Design::default(),
    };
    for doc in documents {
        lw.document(&doc.root);
    }
    (lw.design, lw.findings)
}

/// "site `ams-dc1`", written only into a finding's message (lowering an
/// entity formats nothing unless something is wrong with it).
struct Named<'a>(&'static str, &'a str);

impl std::fmt::Display for Named<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} `{}`", self.0, self.1)
    }
}

struct Lowerer {
    #[allow(dead_code)]
    file: FileId,
    findings: Vec<Finding>,
    design: Design,
}

impl Lowerer {
    fn document(&mut self, root: &Node) {
        if root.is_null() {
            return; // An empty file or document is fine.
        }
        let Some(fields) = self.fields::<TopKey>(root, "a design file") else {
            return;
        };
        if let Some(v) = fields.value(TopKey::Version) {
            let Ty::Version(only) = TopKey::Version.spec().ty else {
                return;
            };
            // Exactly as written: `01` or `1.0` is not the version.
            let ok = v
                .as_scalar()
                .filter(|s| s.plain)
                .is_some_and(|s| s.text == only.to_string());
            if !ok {
                self.invalid(
                    v,
                    format!("`version` must be {only}, the only version of the design format"),
                    format!("accepted: `version: {only}`, or leave `version` out"),
                );
            }
        }
        self.section(&fields, TopKey::Providers, Self::provider, |d| {
            &mut d.providers
        });
        self.section(&fields, TopKey::Sites, Self::site, |d| &mut d.sites);
        self.section(&fields, TopKey::Circuits, Self::circuit, |d| {
            &mut d.circuits
        });
        self.section(&fields, TopKey::Ports, Self::port, |d| &mut d.ports);
        self.section(&fields, TopKey::VirtualNetworks, Self::vnet, |d| {
            &mut d.virtual_networks
        });
    }

    /// Lowers the entities of one top-level section into the design.
    fn section<T>(
        &mut self,
        fields: &Fields<'_, TopKey>,
        key: TopKey,
        lower: fn(&mut Self, &Node) -> Option<T>,
        dest: fn(&mut Design) -> &mut Vec<T>,
    ) {
        let Some(v) = fields.section(key) else { return };
        let items = self.list_items(v, key.name());
        dest(&mut self.design).reserve(items.len());
        for item in items {
            if let Some(entity) = lower(self, item) {
                dest(&mut self.design).push(entity);
            }
        }
    }

    // ---- reporting -------------------------------------------------------

    /// Records the name-like words of a value that could not be lowered
    /// (see [`crate::model::Unparsed`]).
    fn remember(&mut self, node: &Node) {
        match &node.kind {
            NodeKind::Scalar(s) => self.design.unparsed.add_text(s.text),
            NodeKind::Seq(items) => items.iter().for_each(|n| self.remember(n)),
            NodeKind::Map(entries) => entries.iter().for_each(|(k, v)| {
                self.remember(k);
                self.remember(v);
            }),
        }
    }

    fn invalid(&mut self, node: &Node, message: impl Into<String>, help: impl Into<String>) {
        let f = self.invalid_finding(node, message, help);
        self.findings.push(f);
    }

    /// An `invalid-value` finding on `node`, to push once its fix is added.
    fn invalid_finding(
        &self,
        node: &Node,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Finding {
        Finding::stage(&crate::rules::reference::INVALID_VALUE, node.span, message).help(help)
    }

    /// Reports a required key that is absent, unless an unknown key
    /// probably misspells it (that `unknown-field` is the finding).
    fn missing<K: FormatKey>(
        &mut self,
        at: Span,
        key: K,
        what: &dyn std::fmt::Display,
        fields: &Fields<'_, K>,
    ) {
        if fields.is_claimed(key) {
            return;
        }
        let help = format!("add `{key}` ({})", key.spec().doc);
        self.findings.push(
            Finding::stage(
                &crate::rules::reference::MISSING_FIELD,
                at,
                format!("{what} has no `{key}`"),
            )
            .help(help),
        );
    }

    /// The value of a required key; reports it missing (at `at`) when absent.
    fn required<'a, K: FormatKey>(
        &mut self,
        fields: &Fields<'a, K>,
        key: K,
        at: Span,
        what: &dyn std::fmt::Display,
    ) -> Option<&'a Node<'a>> {
        let v = fields.value(key);
        if v.is_none() {
            self.missing(at, key, what, fields);
        }
        v
    }
}

/// The first key of a mapping (the entity's first line), else the node.
fn first_key(node: &Node) -> Span {
    match &node.kind {
        NodeKind::Map(entries) => entries.first().map_or(node.span, |(k, _)| k.span),
        _ => node.span,
    }
}

/// Collects at most `max` values into a vector of exactly their number
/// (`collect` after `filter_map` would reserve four for one or two: memory
/// on designs of 100k sites).
fn exact<T>(values: impl Iterator<Item = T>, max: usize) -> Vec<T> {
    let mut v = Vec::with_capacity(max);
    v.extend(values);
    if v.len() < v.capacity() {
        v.shrink_to_fit();
    }
    v
}
