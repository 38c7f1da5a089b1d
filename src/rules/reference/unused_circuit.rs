//! A circuit that no site uses.
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "unused-circuit",
    group: Group::Reference,
    default_severity: Severity::Warning,
    summary: "a circuit no site uses",
    doc: rule_doc!("unused-circuit"),
    check: Some(check),
    source: file!(),
};

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let meant = super::probably_meant(cx, super::Referenced::Circuit);
    for (pos, c) in cx.design.circuits.iter().enumerate() {
        // A name written in a file that could not be parsed may be used there.
        if !cx.index.is_canonical_circuit(cx.design, pos)
            || cx.index.circuit_has_sites(pos)
            || cx.design.unparsed.may_mention(&c.name.value)
            // A misspelled reference to it is undefined-reference's finding.
            || meant.contains(c.name.value.as_str())
        {
            continue;
        }
        out.push(
            Finding::at(c.name.span, format!("circuit `{}` is not used by any site", c.name.value))
                .help("list it in a site's `expressroute.circuits`, or remove it (an unused circuit is still billed)"),
        );
    }
    out
}
