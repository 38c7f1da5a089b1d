//! The circuits on one ExpressRoute Direct port add up to more than the
//! port's speed (a warning: one link cannot carry them when the other
//! fails), or more than it may be subscribed (twice its speed: an error).
use crate::catalog::sku;
use crate::rules::owners::{delivery, Delivery};
use crate::rules::prelude::*;

declare_rule! {
    name: "direct-port-oversubscribed",
    group: Circuit,
    severity: Error,
    summary: "the circuits on an ExpressRoute Direct port add up to more than its speed (an error above twice)",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    // A duplicate port is duplicate-name's finding.
    for port in cx.db.ports() {
        let Some(port_bw) = &port.bandwidth else {
            continue;
        };
        let circuits: Vec<(CircuitRef<'_>, &Spanned<Bandwidth>)> = port
            .circuits()
            .filter(|&c| matches!(delivery(c), Some(Delivery::Direct)))
            .filter_map(|c| c.entity().bandwidth.as_ref().map(|b| (c, b)))
            // A size the port cannot take is invalid-bandwidth's finding.
            .filter(|(_, b)| sku::direct_circuit_fits(port_bw.value, b.value))
            .collect();
        let total: u64 = circuits.iter().map(|(_, b)| b.value.mbps).sum();
        let limit = sku::direct_port_limit(port_bw.value);
        if total <= port_bw.value.mbps {
            continue;
        }
        let (n, name, sum) = (
            circuits.len(),
            &port.name.value,
            Bandwidth::from_mbps(total),
        );
        let mut f = if total > limit.mbps {
            Finding::at(
                port_bw.span,
                format!(
                    "the {n} circuits on port `{name}` add up to `{sum}`, more than the `{limit}` a `{}` port may carry",
                    port_bw.value
                ),
            )
            .help(format!(
                "move circuits to another port pair or to a faster port: the circuits on a Direct port may add up to {}x its speed",
                sku::DIRECT_OVERSUBSCRIPTION
            ))
        } else {
            // Allowed, but not resilient: when one of the two links fails,
            // the other carries the port's speed, not the circuits' sum.
            Finding::at(
                port_bw.span,
                format!(
                    "the {n} circuits on port `{name}` add up to `{sum}`, more than the port's `{}`: if one of its two links fails, the other cannot carry them",
                    port_bw.value
                ),
            )
            .help("keep the circuits on a Direct port within its speed (move some to another port pair or a faster port), so one link can carry them all")
            .softer(Severity::Warning)
        };
        for (c, b) in &circuits {
            f = f.label(
                b.span,
                format!("circuit `{}` takes `{}`", c.name.value, b.value),
            );
        }
        out.push(f);
    }
    out
}
