//! TODO: `qos-dscp-mismatch` (stub, not implemented yet).
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "qos-dscp-mismatch",
    group: Group::Routing,
    default_severity: Severity::Warning,
    summary: "TODO",
    doc: rule_doc!("qos-dscp-mismatch"),
    check: Some(check),
    source: file!(),
};

fn check(_cx: &RuleContext<'_>) -> Vec<Finding> {
    Vec::new()
}
