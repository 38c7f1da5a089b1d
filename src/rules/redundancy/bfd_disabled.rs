//! TODO: `bfd-disabled` (stub, not implemented yet).
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "bfd-disabled",
    group: Group::Redundancy,
    default_severity: Severity::Info,
    summary: "TODO",
    doc: rule_doc!("bfd-disabled"),
    check: Some(check),
    source: file!(),
};

fn check(_cx: &RuleContext<'_>) -> Vec<Finding> {
    Vec::new()
}
