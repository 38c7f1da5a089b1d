//! TODO: `microsoft-peering-no-nat` (stub, not implemented yet).
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "microsoft-peering-no-nat",
    group: Group::Routing,
    default_severity: Severity::Error,
    summary: "TODO",
    doc: rule_doc!("microsoft-peering-no-nat"),
    check: Some(check),
    source: file!(),
};

fn check(_cx: &RuleContext<'_>) -> Vec<Finding> {
    Vec::new()
}
