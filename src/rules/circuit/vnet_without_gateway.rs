//! A circuit links a virtual network that has no ExpressRoute gateway.
use crate::rules::prelude::*;

declare_rule! {
    name: "vnet-without-gateway",
    group: Circuit,
    severity: Error,
    summary: "a circuit links a virtual network that has no gateway",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for circuit in cx.db.circuits() {
        for link in circuit.links() {
            // An undefined vnet is undefined-reference's finding; a gateway
            // written wrong (or under a misspelled key) was already reported.
            let Some(vnet) = link.vnet() else {
                continue;
            };
            if vnet.gateway.is_some() || vnet.has(VnetKey::Gateway) {
                continue;
            }
            out.push(
                Finding::at(
                    link.vnet.span,
                    format!(
                        "circuit `{}` links virtual network `{}`, which has no gateway",
                        circuit.name.value, vnet.name.value
                    ),
                )
                .label(
                    vnet.name.span,
                    format!("`{}` has no `gateway`", vnet.name.value),
                )
                .help(format!(
                    "add a `gateway` (for example `sku: ErGw1AZ`) to virtual network `{}`, or link its hub instead: a spoke reaches the circuit through VNet peering with gateway transit",
                    vnet.name.value
                )),
            );
        }
    }
    out
}
