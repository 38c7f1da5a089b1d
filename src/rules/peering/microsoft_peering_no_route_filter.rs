//! Microsoft peering without a route filter receives no prefixes.
use crate::rules::prelude::*;

declare_rule! {
    name: "microsoft-peering-no-route-filter",
    group: Peering,
    severity: Warning,
    summary: "Microsoft peering has no route filter, so Microsoft advertises no prefixes over it",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for circuit in cx.db.circuits() {
        let Some(peering) = &circuit.peerings.microsoft else {
            continue;
        };
        if peering
            .route_filter
            .as_ref()
            .is_some_and(|f| !f.value.is_empty())
        {
            continue;
        }
        out.push(
            Finding::at(
                peering.key,
                format!(
                    "the Microsoft peering of circuit `{}` has no route filter, so Microsoft advertises no prefixes over it",
                    circuit.name.value
                ),
            )
            .help("add `route_filter` with the service communities you need, such as `[exchange-online]`"),
        );
    }
    out
}
