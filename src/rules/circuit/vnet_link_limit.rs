//! TODO: `vnet-link-limit` (stub, not implemented yet).
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "vnet-link-limit",
    group: Group::Circuit,
    default_severity: Severity::Error,
    summary: "TODO",
    doc: rule_doc!("vnet-link-limit"),
    check: Some(check),
    source: file!(),
};

fn check(_cx: &RuleContext<'_>) -> Vec<Finding> {
    Vec::new()
}
