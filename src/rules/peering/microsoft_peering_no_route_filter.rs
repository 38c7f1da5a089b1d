//! TODO: `microsoft-peering-no-route-filter` (stub, not implemented yet).
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "microsoft-peering-no-route-filter",
    group: Group::Peering,
    default_severity: Severity::Warning,
    summary: "TODO",
    doc: rule_doc!("microsoft-peering-no-route-filter"),
    check: Some(check),
    source: file!(),
};

fn check(_cx: &RuleContext<'_>) -> Vec<Finding> {
    Vec::new()
}
