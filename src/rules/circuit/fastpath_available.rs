//! A link without FastPath to a gateway that supports it.
use crate::rules::owners::usable_gateway;
use crate::rules::prelude::*;

declare_rule! {
    name: "fastpath-available",
    group: Circuit,
    severity: Info,
    summary: "a link does not enable FastPath though its gateway supports it",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for circuit in cx.db.circuits() {
        for link in circuit.links() {
            // `fastpath: false` written is a decision (FastPath has
            // limitations: spoke load balancers, Private Link, IP limits);
            // an invalid value is invalid-value's finding.
            if link.has(LinkKey::Fastpath) {
                continue;
            }
            let span = link.vnet.span;
            // An undefined vnet, a missing gateway or a Basic one is
            // another rule's finding.
            let Some(vnet) = link.vnet() else {
                continue;
            };
            let Some((gw, sku, facts)) = usable_gateway(vnet) else {
                continue;
            };
            if !facts.fastpath {
                continue;
            }
            out.push(
                Finding::at(
                    span,
                    format!(
                        "circuit `{}` links virtual network `{}` without FastPath, though its gateway ({}) supports it",
                        circuit.name.value,
                        vnet.name.value,
                        super::describe_gateway(gw, sku.value)
                    ),
                )
                .help("set `fastpath: true` on the link: traffic from on-premises then goes straight to the virtual machines, past the gateway"),
            );
        }
    }
    out
}
