//! A circuit on an ExpressRoute Direct port without rate limiting.
use crate::catalog::Cloud;
use crate::rules::owners::{delivery, Delivery};
use crate::rules::prelude::*;

declare_rule! {
    name: "direct-rate-limit-disabled",
    group: Circuit,
    severity: Info,
    summary: "a circuit on an ExpressRoute Direct port does not enable rate limiting",
    check: check,
}

/// True when the circuit or its port is at a national-cloud location, where
/// rate limiting is not offered (rate-limit.md: public cloud only).
fn in_national_cloud(cx: &RuleContext<'_>, circuit: CircuitRef<'_>) -> bool {
    let port_location = circuit
        .port()
        .and_then(|p| p.entity().peering_location.as_ref());
    [circuit.entity().peering_location.as_ref(), port_location]
        .into_iter()
        .flatten()
        .filter_map(|l| cx.catalog.location(&l.value))
        .any(|l| l.cloud != Cloud::Public)
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for circuit in cx.db.circuits() {
        // Neither or both of provider and port: provider-and-port's finding.
        if !matches!(delivery(circuit), Some(Delivery::Direct)) {
            continue;
        }
        let span = match &circuit.rate_limiting {
            Some(r) if r.value => continue,
            Some(r) => r.span,
            // Written with an invalid value: invalid-value's finding.
            None if circuit.has(CircuitKey::RateLimiting) => continue,
            None => circuit.name.span,
        };
        if in_national_cloud(cx, circuit) {
            continue;
        }
        let port = circuit
            .port
            .as_ref()
            .map_or("its port", |p| p.value.as_str());
        out.push(
            Finding::at(
                span,
                format!(
                    "circuit `{}` on ExpressRoute Direct port `{port}` is not rate limited: it may take more than its bandwidth and crowd out the other circuits on the port",
                    circuit.name.value
                ),
            )
            .help("set `rate_limiting: true`, so the circuit is held to its bandwidth on the port"),
        );
    }
    out
}
