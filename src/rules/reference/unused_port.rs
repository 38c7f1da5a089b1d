//! An ExpressRoute Direct port that no circuit uses.
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "unused-port",
    group: Group::Reference,
    default_severity: Severity::Warning,
    summary: "a Direct port no circuit uses (ports are billed 45 days after creation)",
    doc: rule_doc!("unused-port"),
    check: Some(check),
    source: file!(),
};

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let meant = super::probably_meant(cx, super::Referenced::Port);
    for (pos, p) in cx.design.ports.iter().enumerate() {
        if !cx.index.is_canonical_port(pos)
            || cx.index.port_has_circuits(pos)
            // A name written in a file that could not be parsed may be used there.
            || cx.design.unparsed.may_mention(&p.name.value)
            // A misspelled reference to it is undefined-reference's finding.
            || meant.contains(p.name.value.as_str())
        {
            continue;
        }
        out.push(
            Finding::at(p.name.span, format!("port `{}` is not used by any circuit", p.name.value))
                .help("create circuits on it with `port:`, or remove it: a port is billed from 45 days after creation"),
        );
    }
    out
}
