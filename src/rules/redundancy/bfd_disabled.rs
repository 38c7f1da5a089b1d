//! BFD is turned off on a circuit: failover waits for BGP hold timers.
use crate::rules::prelude::*;

declare_rule! {
    name: "bfd-disabled",
    group: Redundancy,
    severity: Info,
    summary: "BFD is disabled, so failover waits for the BGP hold timer",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for circuit in cx.db.circuits() {
        let Some(bfd) = circuit.bfd.as_ref().filter(|b| !b.value) else {
            continue;
        };
        out.push(
            Finding::at(
                bfd.span,
                format!(
                    "circuit `{}` disables BFD: a link failure is detected only when the BGP hold timer expires (up to 3 minutes)",
                    circuit.name.value
                ),
            )
            .help("remove `bfd: false` and configure BFD on both customer routers (Microsoft enables it by default; it detects a failure in under a second)"),
        );
    }
    out
}
