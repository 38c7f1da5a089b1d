//! TODO: `microsoft-peering-private-ip` (stub, not implemented yet).
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "microsoft-peering-private-ip",
    group: Group::Peering,
    default_severity: Severity::Error,
    summary: "TODO",
    doc: rule_doc!("microsoft-peering-private-ip"),
    check: Some(check),
    source: file!(),
};

fn check(_cx: &RuleContext<'_>) -> Vec<Finding> {
    Vec::new()
}
