//! A circuit's bandwidth is not a size it can be ordered at: provider
//! circuits come in the catalog's sizes, Direct circuits in the sizes their
//! port's speed allows.
use crate::catalog::sku;
use crate::rules::owners::{delivery, Delivery};
use crate::rules::prelude::*;

declare_rule! {
    name: "invalid-bandwidth",
    group: Circuit,
    severity: Error,
    summary: "a circuit's bandwidth is not one its provider or Direct port can deliver",
    check: check,
}

fn list(sizes: impl Iterator<Item = Bandwidth>) -> String {
    sizes
        .map(|b| format!("`{b}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for circuit in cx.db.circuits() {
        let Some(bw) = &circuit.bandwidth else {
            continue;
        };
        let name = &circuit.name.value;
        match delivery(circuit) {
            Some(Delivery::Provider) => {
                if sku::PROVIDER_BANDWIDTHS_MBPS.contains(&bw.value.mbps) {
                    continue;
                }
                let sizes = list(
                    sku::PROVIDER_BANDWIDTHS_MBPS
                        .iter()
                        .map(|&m| Bandwidth::from_mbps(m)),
                );
                let max = sku::PROVIDER_BANDWIDTHS_MBPS.last().copied().unwrap_or(0);
                let help = if bw.value.mbps > max {
                    format!(
                        "use one of {sizes}; for more than `{}`, use ExpressRoute Direct (`port:`)",
                        Bandwidth::from_mbps(max)
                    )
                } else if bw.value.mbps == 10 {
                    format!("use one of {sizes} (10 Mbps circuits are no longer sold)")
                } else {
                    format!("use one of {sizes}")
                };
                out.push(
                    Finding::at(
                        bw.span,
                        format!(
                            "circuit `{name}` has bandwidth `{}`, which provider circuits are not sold at",
                            bw.value
                        ),
                    )
                    .help(help),
                );
            }
            Some(Delivery::Direct) => {
                // An unknown port is undefined-reference's finding; a port
                // with an invalid speed was reported by the loader.
                let Some(port) = circuit.port() else {
                    continue;
                };
                let Some(port_bw) = &port.bandwidth else {
                    continue;
                };
                if sku::direct_circuit_fits(port_bw.value, bw.value) {
                    continue;
                }
                let sizes = sku::direct_circuit_sizes_gbps(port_bw.value.mbps / 1_000);
                if sizes.is_empty() {
                    continue;
                }
                let mut help = format!(
                    "use one of {} on a `{}` port",
                    list(sizes.iter().map(|&g| Bandwidth::from_gbps(g))),
                    port_bw.value
                );
                // A circuit too big for its port fits a faster one.
                if let Some(bigger) = [10, 100, 400]
                    .into_iter()
                    .map(Bandwidth::from_gbps)
                    .find(|&p| p > port_bw.value && sku::direct_circuit_fits(p, bw.value))
                {
                    help.push_str(&format!(", or put the circuit on a `{bigger}` port"));
                }
                out.push(
                    Finding::at(
                        bw.span,
                        format!(
                            "circuit `{name}` has bandwidth `{}`, which a `{}` ExpressRoute Direct port does not offer",
                            bw.value, port_bw.value
                        ),
                    )
                    .label(
                        port_bw.span,
                        format!("port `{}` is `{}`", port.name.value, port_bw.value),
                    )
                    .help(help),
                );
            }
            // Both or neither: provider-and-port's finding.
            None => {}
        }
    }
    out
}
