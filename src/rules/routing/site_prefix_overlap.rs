//! TODO: `site-prefix-overlap` (stub, not implemented yet).
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "site-prefix-overlap",
    group: Group::Routing,
    default_severity: Severity::Warning,
    summary: "TODO",
    doc: rule_doc!("site-prefix-overlap"),
    check: Some(check),
    source: file!(),
};

fn check(_cx: &RuleContext<'_>) -> Vec<Finding> {
    Vec::new()
}
