//! Two entities of one kind share a name, possibly in two files.
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "duplicate-name",
    group: Group::Reference,
    default_severity: Severity::Error,
    summary: "two entities of one kind share a name",
    doc: rule_doc!("duplicate-name"),
    check: Some(check),
    source: file!(),
};

/// Every entity of a kind that is not the first of its name: one lookup in
/// the index for each duplicate, nothing for the others.
fn duplicates<'a>(
    kind: &str,
    names: impl Iterator<Item = &'a Spanned<Text>>,
    canonical: impl Fn(usize) -> bool,
    first: impl Fn(&str) -> Option<Span>,
    out: &mut Vec<Finding>,
) {
    for (pos, name) in names.enumerate() {
        if canonical(pos) {
            continue;
        }
        let Some(prev) = first(&name.value) else {
            continue;
        };
        out.push(
            Finding::at(
                name.span,
                format!("{kind} `{}` is already defined", name.value),
            )
            .label(prev, "first defined here")
            .help(format!(
                "rename or remove one of them; {kind} names are global across all files of the design"
            )),
        );
    }
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let (d, ix) = (cx.design, cx.index);
    let mut out = Vec::new();
    duplicates(
        "provider",
        d.providers.iter().map(|x| &x.name),
        |p| ix.is_canonical_provider(p),
        |n| ix.provider(d, n).map(|x| x.name.span),
        &mut out,
    );
    duplicates(
        "site",
        d.sites.iter().map(|x| &x.name),
        |p| ix.is_canonical_site(p),
        |n| ix.site(d, n).map(|x| x.name.span),
        &mut out,
    );
    duplicates(
        "circuit",
        d.circuits.iter().map(|x| &x.name),
        |p| ix.is_canonical_circuit(d, p),
        |n| ix.circuit(d, n).map(|x| x.name.span),
        &mut out,
    );
    duplicates(
        "port",
        d.ports.iter().map(|x| &x.name),
        |p| ix.is_canonical_port(p),
        |n| ix.port(d, n).map(|x| x.name.span),
        &mut out,
    );
    duplicates(
        "virtual network",
        d.virtual_networks.iter().map(|x| &x.name),
        |p| ix.is_canonical_vnet(p),
        |n| ix.vnet(d, n).map(|x| x.name.span),
        &mut out,
    );
    out
}
