//! TODO: `peering-overlaps-vnet` (stub, not implemented yet).
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "peering-overlaps-vnet",
    group: Group::Peering,
    default_severity: Severity::Error,
    summary: "TODO",
    doc: rule_doc!("peering-overlaps-vnet"),
    check: Some(check),
    source: file!(),
};

fn check(_cx: &RuleContext<'_>) -> Vec<Finding> {
    Vec::new()
}
