//! TODO: `single-router` (stub, not implemented yet).
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "single-router",
    group: Group::Redundancy,
    default_severity: Severity::Warning,
    summary: "TODO",
    doc: rule_doc!("single-router"),
    check: Some(check),
    source: file!(),
};

fn check(_cx: &RuleContext<'_>) -> Vec<Finding> {
    Vec::new()
}
