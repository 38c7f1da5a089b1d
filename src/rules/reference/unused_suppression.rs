//! A suppression comment that silences nothing or names an unknown rule.
use crate::rules::prelude::*;

/// Raised by suppression (`suppress`), not by a check over the model.
pub static RULE: Rule = Rule {
    name: "unused-suppression",
    group: Group::Reference,
    default_severity: Severity::Warning,
    summary: "an `erlint: allow(...)` comment that silences nothing or names an unknown rule",
    doc: rule_doc!("unused-suppression"),
    check: None,
    source: file!(),
};
