//! Azure public peering is retired.
use crate::rules::prelude::*;

declare_rule! {
    name: "public-peering-deprecated",
    group: Peering,
    severity: Error,
    summary: "a circuit uses Azure public peering, which is retired",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for circuit in cx.db.circuits() {
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
