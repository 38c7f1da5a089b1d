//! TODO: `peering-subnet-size` (stub, not implemented yet).
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "peering-subnet-size",
    group: Group::Peering,
    default_severity: Severity::Error,
    summary: "TODO",
    doc: rule_doc!("peering-subnet-size"),
    check: Some(check),
    source: file!(),
};

fn check(_cx: &RuleContext<'_>) -> Vec<Finding> {
    Vec::new()
}
