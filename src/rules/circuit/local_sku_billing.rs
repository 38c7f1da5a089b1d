//! A Local circuit billed metered: Local is billed unlimited. Direct
//! circuits are created metered and switched later, so there it is a
//! warning.
use crate::rules::owners::{delivery, Delivery};
use crate::rules::prelude::*;

declare_rule! {
    name: "local-sku-billing",
    group: Circuit,
    severity: Error,
    summary: "a Local SKU circuit is billed metered (Local is billed unlimited)",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for circuit in cx.db.circuits() {
        let (Some(sku), Some(billing)) = (&circuit.sku, &circuit.billing) else {
            continue;
        };
        if sku.value != Sku::Local || billing.value != Billing::Metered {
            continue;
        }
        let name = &circuit.name.value;
        match delivery(circuit) {
            Some(Delivery::Provider) => out.push(
                Finding::at(
                    billing.span,
                    format!("circuit `{name}` uses the Local SKU but is billed `metered`: ExpressRoute Local is billed unlimited"),
                )
                .label(sku.span, "the Local SKU includes data transfer")
                .help("set `billing: unlimited`")
                .fix(Fix::replace(
                    "set `billing: unlimited`",
                    Applicability::Safe,
                    billing.span,
                    "unlimited",
                )),
            ),
            Some(Delivery::Direct) => out.push(
                Finding::at(
                    billing.span,
                    format!("circuit `{name}` uses the Local SKU on an ExpressRoute Direct port and is billed `metered`"),
                )
                .label(sku.span, "the Local SKU is meant to be billed unlimited")
                .help("switch the circuit to `billing: unlimited` once it is created (Direct circuits are created metered; unlimited cannot go back to metered)")
                .softer(Severity::Warning),
            ),
            // Both or neither: provider-and-port's finding.
            None => {}
        }
    }
    out
}
