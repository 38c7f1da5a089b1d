//! The circuits on one ExpressRoute Direct port add up to more than the
//! port may be subscribed (twice its speed).
use crate::catalog::sku;
use crate::rules::owners::{delivery, Delivery};
use crate::rules::prelude::*;

declare_rule! {
    name: "direct-port-oversubscribed",
    group: Circuit,
    severity: Error,
    summary: "the circuits on an ExpressRoute Direct port add up to more than twice its speed",
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
        if total <= limit.mbps {
            continue;
        }
        let mut f = Finding::at(
            port_bw.span,
            format!(
                "the {} circuits on port `{}` add up to `{}`, more than the `{limit}` a `{}` port may carry",
                circuits.len(),
                port.name.value,
                Bandwidth::from_mbps(total),
                port_bw.value
            ),
        )
        .help(format!(
            "move circuits to another port pair or to a faster port: the circuits on a Direct port may add up to {}x its speed",
            sku::DIRECT_OVERSUBSCRIPTION
        ));
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
