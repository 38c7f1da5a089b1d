//! A circuit that no site uses.
use crate::rules::owners;
use crate::rules::prelude::*;

declare_rule! {
    name: "unused-circuit",
    group: Reference,
    severity: Warning,
    summary: "a circuit no site uses",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let meant = owners::probably_meant(cx.db, NameKind::Circuit);
    for c in cx.db.circuits() {
        // A name written in a file that could not be parsed may be used there.
        if c.has_sites()
            || cx.db.unparsed().may_mention(&c.name.value)
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
