//! TODO: `standard-sku-cross-geo` (stub, not implemented yet).
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "standard-sku-cross-geo",
    group: Group::Circuit,
    default_severity: Severity::Error,
    summary: "TODO",
    doc: rule_doc!("standard-sku-cross-geo"),
    check: Some(check),
    source: file!(),
};

fn check(_cx: &RuleContext<'_>) -> Vec<Finding> {
    Vec::new()
}
