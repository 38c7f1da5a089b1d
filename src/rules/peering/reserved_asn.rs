//! TODO: `reserved-asn` (stub, not implemented yet).
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "reserved-asn",
    group: Group::Peering,
    default_severity: Severity::Error,
    summary: "TODO",
    doc: rule_doc!("reserved-asn"),
    check: Some(check),
    source: file!(),
};

fn check(_cx: &RuleContext<'_>) -> Vec<Finding> {
    Vec::new()
}
