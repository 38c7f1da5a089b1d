//! A value of the wrong type or outside its accepted values.
use crate::rules::prelude::*;

/// Raised by the loader (`model::lower`), not by a check over the model.
pub static RULE: Rule = Rule {
    name: "invalid-value",
    group: Group::Reference,
    default_severity: Severity::Error,
    summary: "a value of the wrong type, outside its enum, or malformed",
    doc: rule_doc!("invalid-value"),
    check: None,
    source: file!(),
};
