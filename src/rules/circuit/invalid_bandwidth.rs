//! TODO: `invalid-bandwidth` (stub, not implemented yet).
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "invalid-bandwidth",
    group: Group::Circuit,
    default_severity: Severity::Error,
    summary: "TODO",
    doc: rule_doc!("invalid-bandwidth"),
    check: Some(check),
    source: file!(),
};

fn check(_cx: &RuleContext<'_>) -> Vec<Finding> {
    Vec::new()
}
