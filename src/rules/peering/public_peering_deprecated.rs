//! Azure public peering is retired.
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "public-peering-deprecated",
    group: Group::Peering,
    default_severity: Severity::Error,
    summary: "a circuit uses Azure public peering, which is retired",
    doc: rule_doc!("public-peering-deprecated"),
    check: Some(check),
    source: file!(),
};

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (_, circuit) in cx.index.canonical_circuits(cx.design) {
        let Some(peering) = &circuit.peerings.public else {
            continue;
        };
        out.push(
            Finding::at(
                peering.key,
                format!(
                    "circuit `{}` uses Azure public peering, which was retired on 31 March 2024",
                    circuit.name.value
                ),
            )
            .help(
                "replace `public` with a `microsoft` peering to reach Azure PaaS public endpoints",
            ),
        );
    }
    out
}
