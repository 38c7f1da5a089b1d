//! A provider, circuit, port or virtual network name that nothing defines.
use crate::rules::prelude::*;
use crate::suggest;

declare_rule! {
    name: "undefined-reference",
    group: Reference,
    severity: Error,
    summary: "a provider, circuit, port or virtual network name that is not defined",
    check: check,
}

/// `from` is only called for a name that is reported, so a clean design
/// costs one lookup per reference; the suggestions come from the semantic
/// view, which stays fast with many thousands of names.
fn report(cx: &RuleContext<'_>, out: &mut Vec<Finding>, dangling: Dangling<'_>) {
    let (kind_name, name) = (dangling.kind, dangling.name);
    // Perhaps defined in a file that could not be parsed: that file's
    // invalid-yaml or unreadable-file is the finding.
    if cx.db.unparsed().may_mention(&name.value) {
        return;
    }
    let from = dangling.from.describe();
    let kind = match kind_name {
        NameKind::Provider => "provider",
        NameKind::Site => "site",
        NameKind::Circuit => "circuit",
        NameKind::Port => "port",
        NameKind::Vnet => "virtual network",
    };
    // Names differ only in case: that is the one meant (names are exact).
    // The one name meant is offered as a fix, a guess (`--unsafe-fixes`):
    // the entity may be missing rather than misspelled.
    let (help, meant) = if let Some(k) = cx.db.case_variant(kind_name, &name.value) {
        (format!("write `{k}`: names are case-sensitive"), Some(k))
    } else {
        let close = cx.db.similar(kind_name, &name.value, 3);
        let help = match suggest::did_you_mean(&close) {
            Some(d) => format!("{d} If not, define {kind} `{}`", name.value),
            None => format!("define {kind} `{}`, or fix the name", name.value),
        };
        (help, close.first().copied().filter(|_| close.len() == 1))
    };
    let mut finding = Finding::at(
        name.span,
        format!(
            "{from} refers to {kind} `{}`, which is not defined",
            name.value
        ),
    )
    .help(help);
    if let Some(meant) = meant {
        finding = finding.fix(Fix::replace(
            format!("write `{meant}`"),
            Applicability::Unsafe,
            name.span,
            meant,
        ));
    }
    out.push(finding);
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    // Every reference was resolved once; only the dangling ones are left.
    // (A Global Reach peer that does not exist is global-reach-subnet's
    // finding: it is not listed as dangling.)
    for dangling in cx.db.dangling() {
        report(cx, &mut out, dangling);
    }
    out
}
