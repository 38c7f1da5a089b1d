//! What the run will report, as the rules may know it: which rules are
//! enabled and what the suppression comments silence.
//!
//! One root cause is one finding: a rule leaves out a case another rule
//! owns (`owners.rs`). That is only right when the owner's finding will
//! actually be seen. When the owner is disabled (`--ignore`, `off` in
//! erlint.toml, a narrower `--select`) or its finding is silenced by an
//! `# erlint: allow(...)` comment, the case is no longer reported anywhere,
//! so the predicates of `owners.rs` ask [`Reporting::reports`] and give the
//! case back to the other rules. Only those predicates ask: a rule itself
//! never reads this view.

use super::Rule;
use crate::source::{SourceDb, Span};
use crate::suppress::Suppressions;
use std::collections::HashSet;

/// The enabled rules and the suppression comments, read before the rules run.
#[derive(Clone, Copy)]
pub struct Reporting<'a> {
    enabled: &'a HashSet<&'static str>,
    suppressions: &'a Suppressions,
    sources: &'a SourceDb,
}

impl<'a> Reporting<'a> {
    pub fn new(
        enabled: &'a HashSet<&'static str>,
        suppressions: &'a Suppressions,
        sources: &'a SourceDb,
    ) -> Reporting<'a> {
        Reporting {
            enabled,
            suppressions,
            sources,
        }
    }

    /// True when a finding of `rule` whose primary span is `span` will be
    /// reported: the rule runs and no comment silences it there. (A finding
    /// known from `--baseline` still counts as reported: it exists, and the
    /// team has seen it.)
    pub fn reports(&self, rule: &Rule, span: Span) -> bool {
        self.enabled.contains(rule.name)
            && !self.suppressions.silences(rule.name, span, self.sources)
    }
}
