//! TODO: `microsoft-peering-private-asn` (stub, not implemented yet).
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "microsoft-peering-private-asn",
    group: Group::Peering,
    default_severity: Severity::Warning,
    summary: "TODO",
    doc: rule_doc!("microsoft-peering-private-asn"),
    check: Some(check),
    source: file!(),
};

fn check(_cx: &RuleContext<'_>) -> Vec<Finding> {
    Vec::new()
}
