//! TODO: `single-circuit-site` (stub, not implemented yet).
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "single-circuit-site",
    group: Group::Redundancy,
    default_severity: Severity::Warning,
    summary: "TODO",
    doc: rule_doc!("single-circuit-site"),
    check: Some(check),
    source: file!(),
};

fn check(_cx: &RuleContext<'_>) -> Vec<Finding> {
    Vec::new()
}
