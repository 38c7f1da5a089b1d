//! TODO: `public-peering-deprecated` (stub, not implemented yet).
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "public-peering-deprecated",
    group: Group::Peering,
    default_severity: Severity::Error,
    summary: "TODO",
    doc: rule_doc!("public-peering-deprecated"),
    check: Some(check),
    source: file!(),
};

fn check(_cx: &RuleContext<'_>) -> Vec<Finding> {
    Vec::new()
}
