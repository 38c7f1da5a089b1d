//! TODO: `circuits-same-location` (stub, not implemented yet).
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "circuits-same-location",
    group: Group::Redundancy,
    default_severity: Severity::Warning,
    summary: "TODO",
    doc: rule_doc!("circuits-same-location"),
    check: Some(check),
    source: file!(),
};

fn check(_cx: &RuleContext<'_>) -> Vec<Finding> {
    Vec::new()
}
