//! TODO: `gateway-below-circuit` (stub, not implemented yet).
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "gateway-below-circuit",
    group: Group::Circuit,
    default_severity: Severity::Warning,
    summary: "TODO",
    doc: rule_doc!("gateway-below-circuit"),
    check: Some(check),
    source: file!(),
};

fn check(_cx: &RuleContext<'_>) -> Vec<Finding> {
    Vec::new()
}
