//! TODO: `nat-pool-not-advertised` (stub, not implemented yet).
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "nat-pool-not-advertised",
    group: Group::Routing,
    default_severity: Severity::Error,
    summary: "TODO",
    doc: rule_doc!("nat-pool-not-advertised"),
    check: Some(check),
    source: file!(),
};

fn check(_cx: &RuleContext<'_>) -> Vec<Finding> {
    Vec::new()
}
