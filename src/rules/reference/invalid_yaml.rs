//! A file that is not valid YAML (syntax, duplicate key, tabs, alias bomb, deep nesting).
use crate::rules::prelude::*;

/// Raised by the parser (`syntax`), not by a check over the model.
pub static RULE: Rule = Rule {
    name: "invalid-yaml",
    group: Group::Reference,
    default_severity: Severity::Error,
    summary: "a file is not valid YAML",
    doc: rule_doc!("invalid-yaml"),
    check: None,
    source: file!(),
};
