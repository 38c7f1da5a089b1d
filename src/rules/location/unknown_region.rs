//! TODO: `unknown-region` (stub, not implemented yet).
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "unknown-region",
    group: Group::Location,
    default_severity: Severity::Error,
    summary: "TODO",
    doc: rule_doc!("unknown-region"),
    check: Some(check),
    source: file!(),
};

fn check(_cx: &RuleContext<'_>) -> Vec<Finding> {
    Vec::new()
}
