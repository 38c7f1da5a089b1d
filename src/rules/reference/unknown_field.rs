//! A key the design format does not know.
use crate::rules::prelude::*;

/// Raised by the loader (`model::lower`), not by a check over the model.
pub static RULE: Rule = Rule {
    name: "unknown-field",
    group: Group::Reference,
    default_severity: Severity::Error,
    summary: "a key the design format does not know",
    doc: rule_doc!("unknown-field"),
    check: None,
    source: file!(),
};
