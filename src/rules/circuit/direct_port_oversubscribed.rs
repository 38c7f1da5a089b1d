//! TODO: `direct-port-oversubscribed` (stub, not implemented yet).
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "direct-port-oversubscribed",
    group: Group::Circuit,
    default_severity: Severity::Error,
    summary: "TODO",
    doc: rule_doc!("direct-port-oversubscribed"),
    check: Some(check),
    source: file!(),
};

fn check(_cx: &RuleContext<'_>) -> Vec<Finding> {
    Vec::new()
}
