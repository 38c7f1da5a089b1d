//! TODO: `site-overlaps-vnet` (stub, not implemented yet).
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "site-overlaps-vnet",
    group: Group::Routing,
    default_severity: Severity::Error,
    summary: "TODO",
    doc: rule_doc!("site-overlaps-vnet"),
    check: Some(check),
    source: file!(),
};

fn check(_cx: &RuleContext<'_>) -> Vec<Finding> {
    Vec::new()
}
