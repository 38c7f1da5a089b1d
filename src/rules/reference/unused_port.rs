//! An ExpressRoute Direct port that no circuit uses.
use crate::rules::owners;
use crate::rules::prelude::*;

declare_rule! {
    name: "unused-port",
    group: Reference,
    severity: Warning,
    summary: "a Direct port no circuit uses (ports are billed 45 days after creation)",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let meant = owners::probably_meant(cx.db, NameKind::Port);
    for p in cx.db.ports() {
        if p.has_circuits()
            // A name written in a file that could not be parsed may be used there.
            || cx.db.unparsed().may_mention(&p.name.value)
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
