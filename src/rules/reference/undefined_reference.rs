//! A provider, circuit, port or virtual network name that nothing defines.
use crate::model::NameKind;
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
    name: &Spanned<String>,
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
    for (pos, site) in d.sites.iter().enumerate() {
        let from = || format!("site `{}`", site.name.value);
        if let Some(p) = site.expressroute.as_ref().and_then(|e| e.provider.as_ref()) {
            if ix.provider_of_site(pos).is_none() {
                report(cx, &mut out, NameKind::Provider, p, from);
            }
        }
        for (c, resolved) in site.circuit_names().iter().zip(ix.circuits_of_site(pos)) {
            if resolved.is_none() {
                report(cx, &mut out, NameKind::Circuit, c, from);
            }
        }
    }
    for (pos, circuit) in d.circuits.iter().enumerate() {
        let from = || format!("circuit `{}`", circuit.name.value);
        if let Some(p) = &circuit.provider {
            if ix.provider_of_circuit(pos).is_none() {
                report(cx, &mut out, NameKind::Provider, p, from);
            }
        }
        if let Some(p) = &circuit.port {
            if ix.port_of_circuit(pos).is_none() {
                report(cx, &mut out, NameKind::Port, p, from);
            }
        }
        for (link, vnet) in ix.links_of(d, pos) {
            if vnet.is_none() {
                report(cx, &mut out, NameKind::Vnet, &link.vnet, from);
            }
        }
        // A Global Reach peer that does not exist is global-reach-subnet's finding.
    }
    out
}
