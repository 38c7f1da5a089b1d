//! A required key is absent.
use crate::rules::prelude::*;

/// Raised by the loader (`model::lower`), not by a check over the model.
pub static RULE: Rule = Rule {
    name: "missing-field",
    group: Group::Reference,
    default_severity: Severity::Error,
    summary: "a required key is absent",
    doc: rule_doc!("missing-field"),
    check: None,
    source: file!(),
};
