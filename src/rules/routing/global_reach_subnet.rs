//! TODO: `global-reach-subnet` (stub, not implemented yet).
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "global-reach-subnet",
    group: Group::Routing,
    default_severity: Severity::Error,
    summary: "TODO",
    doc: rule_doc!("global-reach-subnet"),
    check: Some(check),
    source: file!(),
};

fn check(_cx: &RuleContext<'_>) -> Vec<Finding> {
    Vec::new()
}
