//! A provider, circuit, port or virtual network name that nothing defines.
use crate::model::{NameKind, Reference};
use crate::rules::prelude::*;
use crate::suggest;

pub static RULE: Rule = Rule {
    name: "undefined-reference",
    group: Group::Reference,
    default_severity: Severity::Error,
    summary: "a provider, circuit, port or virtual network name that is not defined",
    doc: rule_doc!("undefined-reference"),
    check: Some(check),
    source: file!(),
};

/// `from` is only called for a name that is reported, so a clean design
/// costs one lookup per reference; the suggestions come from the index,
/// which stays fast with many thousands of names.
fn report(
    cx: &RuleContext<'_>,
    out: &mut Vec<Finding>,
    kind: NameKind,
    name: &Spanned<Text>,
    from: impl Fn() -> String,
) {
    let (d, ix) = (cx.design, cx.index);
    // Perhaps defined in a file that could not be parsed: that file's
    // invalid-yaml or unreadable-file is the finding.
    if d.unparsed.may_mention(&name.value) {
        return;
    }
    let from = from();
    let kind_word = match kind {
        NameKind::Provider => "provider",
        NameKind::Site => "site",
        NameKind::Circuit => "circuit",
        NameKind::Port => "port",
        NameKind::Vnet => "virtual network",
    };
    let kind_name = kind;
    let kind = kind_word;
    // Names differ only in case: that is the one meant (names are exact).
    let help = if let Some(k) = ix.case_variant(kind_name, &name.value) {
        format!("write `{k}`: names are case-sensitive")
    } else {
        let close = ix.similar_names(kind_name, &name.value, 3);
        match suggest::did_you_mean(&close) {
            Some(d) => format!("{d} If not, define {kind} `{}`", name.value),
            None => format!("define {kind} `{}`, or fix the name", name.value),
        }
    };
    out.push(
        Finding::at(
            name.span,
            format!(
                "{from} refers to {kind} `{}`, which is not defined",
                name.value
            ),
        )
        .help(help),
    );
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let (d, ix) = (cx.design, cx.index);
    let mut out = Vec::new();
    // The index resolved every reference; only the dangling ones are left.
    // (A Global Reach peer that does not exist is global-reach-subnet's
    // finding: the index does not list those.)
    for &reference in ix.unresolved() {
        let Some(name) = reference.name(d) else {
            continue;
        };
        let owner = match reference {
            Reference::SiteProvider { site } | Reference::SiteCircuit { site, .. } => d
                .sites
                .get(site)
                .map(|s| format!("site `{}`", s.name.value)),
            Reference::CircuitProvider { circuit }
            | Reference::CircuitPort { circuit }
            | Reference::LinkVnet { circuit, .. } => d
                .circuits
                .get(circuit)
                .map(|c| format!("circuit `{}`", c.name.value)),
        };
        let Some(owner) = owner else { continue };
        report(cx, &mut out, reference.kind(), name, || owner.clone());
    }
    out
}
