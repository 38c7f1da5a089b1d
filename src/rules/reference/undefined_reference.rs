//! A provider, circuit, port or virtual network name that nothing defines.
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

fn report<'a>(
    d: &Design,
    out: &mut Vec<Finding>,
    kind: &str,
    name: &Spanned<String>,
    from: &str,
    known: impl Iterator<Item = &'a str>,
) {
    // Perhaps defined in a file that could not be parsed: that file's
    // invalid-yaml or unreadable-file is the finding.
    if d.unparsed.may_mention(&name.value) {
        return;
    }
    let close = suggest::closest(&name.value, known, 3);
    let help = match suggest::did_you_mean(&close) {
        Some(d) => format!("{d} If not, define {kind} `{}`", name.value),
        None => format!("define {kind} `{}`, or fix the name", name.value),
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
    for site in &d.sites {
        let from = format!("site `{}`", site.name.value);
        if let Some(p) = site.expressroute.as_ref().and_then(|e| e.provider.as_ref()) {
            if ix.provider(d, &p.value).is_none() {
                report(d, &mut out, "provider", p, &from, ix.provider_names());
            }
        }
        for c in site.circuit_names() {
            if ix.circuit(d, &c.value).is_none() {
                report(d, &mut out, "circuit", c, &from, ix.circuit_names());
            }
        }
    }
    for circuit in &d.circuits {
        let from = format!("circuit `{}`", circuit.name.value);
        if let Some(p) = &circuit.provider {
            if ix.provider(d, &p.value).is_none() {
                report(d, &mut out, "provider", p, &from, ix.provider_names());
            }
        }
        if let Some(p) = &circuit.port {
            if ix.port(d, &p.value).is_none() {
                report(d, &mut out, "port", p, &from, ix.port_names());
            }
        }
        for link in circuit.links() {
            if ix.vnet(d, &link.vnet.value).is_none() {
                report(
                    d,
                    &mut out,
                    "virtual network",
                    &link.vnet,
                    &from,
                    ix.vnet_names(),
                );
            }
        }
        // A Global Reach peer that does not exist is global-reach-subnet's finding.
    }
    out
}
