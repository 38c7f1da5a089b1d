//! Two entities of one kind share a name, possibly in two files.
use crate::rules::prelude::*;
use std::collections::HashMap;

pub static RULE: Rule = Rule {
    name: "duplicate-name",
    group: Group::Reference,
    default_severity: Severity::Error,
    summary: "two entities of one kind share a name",
    doc: rule_doc!("duplicate-name"),
    check: Some(check),
    source: file!(),
};

fn duplicates<'a>(
    kind: &str,
    names: impl Iterator<Item = &'a Spanned<String>>,
    out: &mut Vec<Finding>,
) {
    let mut first: HashMap<&str, Span> = HashMap::new();
    for name in names {
        match first.get(name.value.as_str()) {
            Some(&prev) => out.push(
                Finding::at(
                    name.span,
                    format!("{kind} `{}` is already defined", name.value),
                )
                .label(prev, "first defined here")
                .help(format!(
                    "rename or remove one of them; {kind} names are global across all files of the design"
                )),
            ),
            None => {
                first.insert(&name.value, name.span);
            }
        }
    }
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let d = cx.design;
    let mut out = Vec::new();
    duplicates("provider", d.providers.iter().map(|x| &x.name), &mut out);
    duplicates("site", d.sites.iter().map(|x| &x.name), &mut out);
    duplicates("circuit", d.circuits.iter().map(|x| &x.name), &mut out);
    duplicates("port", d.ports.iter().map(|x| &x.name), &mut out);
    duplicates(
        "virtual network",
        d.virtual_networks.iter().map(|x| &x.name),
        &mut out,
    );
    out
}
