//! TODO: `provider-not-at-location` (stub, not implemented yet).
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "provider-not-at-location",
    group: Group::Location,
    default_severity: Severity::Error,
    summary: "TODO",
    doc: rule_doc!("provider-not-at-location"),
    check: Some(check),
    source: file!(),
};

fn check(_cx: &RuleContext<'_>) -> Vec<Finding> {
    Vec::new()
}
