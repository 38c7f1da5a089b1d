//! A circuit on a Direct port names another peering location than its port.
use crate::rules::owners::{self, Delivery};
use crate::rules::prelude::*;

declare_rule! {
    name: "direct-circuit-location-mismatch",
    group: Location,
    severity: Error,
    summary: "a circuit on an ExpressRoute Direct port sets another `peering_location` than its port",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for circuit in cx.db.circuits() {
        // Both provider and port: provider-and-port's finding.
        let Some(Delivery::Direct) = owners::delivery(circuit) else {
            continue;
        };
        // An undefined port is undefined-reference's finding.
        let Some(port) = circuit.port() else { continue };
        let (Some(own), Some(ports)) = (&circuit.peering_location, &port.peering_location) else {
            continue;
        };
        // Unknown names are unknown-peering-location's findings.
        let (Some(at), Some(port_at)) = (
            cx.catalog.location(&own.value),
            cx.catalog.location(&ports.value),
        ) else {
            continue;
        };
        if std::ptr::eq(at, port_at) {
            continue;
        }
        out.push(
            Finding::at(
                own.span,
                format!(
                    "circuit `{}` is on port `{}` at `{}` but sets peering location `{}`",
                    circuit.name.value, port.name.value, port_at.name, at.name
                ),
            )
            .label(ports.span, format!("port `{}` is here", port.name.value))
            .help(format!(
                "set `peering_location: {}`: a circuit on a Direct port is where its port is; for a circuit at `{}`, use a port there",
                port_at.name, at.name
            )),
        );
    }
    out
}
