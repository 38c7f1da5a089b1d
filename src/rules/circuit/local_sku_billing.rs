//! TODO: `local-sku-billing` (stub, not implemented yet).
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "local-sku-billing",
    group: Group::Circuit,
    default_severity: Severity::Error,
    summary: "TODO",
    doc: rule_doc!("local-sku-billing"),
    check: Some(check),
    source: file!(),
};

fn check(_cx: &RuleContext<'_>) -> Vec<Finding> {
    Vec::new()
}
