//! A provider that no site or circuit uses.
use crate::rules::owners;
use crate::rules::prelude::*;

declare_rule! {
    name: "unused-provider",
    group: Reference,
    severity: Warning,
    summary: "a provider no site or circuit uses",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let meant = owners::probably_meant(cx.db, NameKind::Provider);
    // Only the first definition of a name counts; later ones are duplicates.
    for p in cx.db.providers() {
        if p.is_used()
            // A name written in a file that could not be parsed may be used there.
            || cx.db.unparsed().may_mention(&p.name.value)
            // A misspelled reference to it is undefined-reference's finding.
            || meant.contains(p.name.value.as_str())
        {
            continue;
        }
        out.push(
            Finding::at(p.name.span, format!("provider `{}` is not used by any site or circuit", p.name.value))
                .help("remove the provider, or reference it from a site's `expressroute.provider` or a circuit's `provider`"),
        );
    }
    out
}
