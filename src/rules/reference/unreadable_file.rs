//! A design file that cannot be read, is binary or is not UTF-8.
use crate::rules::prelude::*;

/// Raised by file reading (`lib::read_design_file`), not by a check over the model.
pub static RULE: Rule = Rule {
    name: "unreadable-file",
    group: Group::Reference,
    default_severity: Severity::Error,
    summary: "a file cannot be read or is not UTF-8 text",
    doc: rule_doc!("unreadable-file"),
    check: None,
    source: file!(),
};
