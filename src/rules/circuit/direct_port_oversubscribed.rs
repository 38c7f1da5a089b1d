//! The circuits on one ExpressRoute Direct port add up to more than the
//! port may be subscribed (twice its speed).
use super::{delivery, Delivery};
use crate::catalog::sku;
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "direct-port-oversubscribed",
    group: Group::Circuit,
    default_severity: Severity::Error,
    summary: "the circuits on an ExpressRoute Direct port add up to more than twice its speed",
    doc: rule_doc!("direct-port-oversubscribed"),
    check: Some(check),
    source: file!(),
};

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (pos, port) in cx.design.ports.iter().enumerate() {
        // A duplicate port is duplicate-name's finding.
        if !cx.index.is_canonical_port(pos) {
            continue;
        }
        let Some(port_bw) = &port.bandwidth else {
            continue;
        };
        let circuits: Vec<(&Circuit, &Spanned<Bandwidth>)> = cx
            .index
            .canonical_circuits_of_port(cx.design, pos)
            .map(|(_, c)| c)
            .filter(|c| matches!(delivery(c), Some(Delivery::Direct)))
            .filter_map(|c| c.bandwidth.as_ref().map(|b| (c, b)))
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
