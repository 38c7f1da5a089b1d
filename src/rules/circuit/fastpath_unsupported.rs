//! A link asks for FastPath and the virtual network's gateway does not
//! support it.
use super::describe_gateway;
use crate::rules::owners::usable_gateway;
use crate::rules::prelude::*;

declare_rule! {
    name: "fastpath-unsupported",
    group: Circuit,
    severity: Error,
    summary: "a link enables FastPath on a gateway SKU that does not support it",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for circuit in cx.db.circuits() {
        for link in circuit.links() {
            let Some(fp) = link.fastpath.as_ref().filter(|f| f.value) else {
                continue;
            };
            // An undefined vnet is undefined-reference's finding, a vnet
            // without gateway vnet-without-gateway's, Basic
            // gateway-legacy-sku's.
            let Some(vnet) = link.vnet() else {
                continue;
            };
            let Some((gw, gw_sku, facts)) = usable_gateway(vnet) else {
                continue;
            };
            if facts.fastpath {
                continue;
            }
            let gw_name = describe_gateway(gw, gw_sku.value);
            let (span, help) = match (gw_sku.value, &gw.scale_units) {
                (GatewaySku::ErGwScale, Some(su)) => (
                    su.span,
                    "raise `scale_units` to 10 or more, or remove `fastpath`".to_string(),
                ),
                (GatewaySku::ErGwScale, None) => (
                    gw_sku.span,
                    "set `scale_units: 10` or more, or remove `fastpath`".to_string(),
                ),
                (GatewaySku::Standard | GatewaySku::HighPerformance, _) => (
                    gw_sku.span,
                    "use gateway SKU `UltraPerformance` (or `ErGw3AZ`), or remove `fastpath`".to_string(),
                ),
                _ => (
                    gw_sku.span,
                    "use gateway SKU `ErGw3AZ` (or `ErGwScale` with 10 scale units or more), or remove `fastpath`".to_string(),
                ),
            };
            out.push(
                Finding::at(
                    fp.span,
                    format!(
                        "circuit `{}` enables FastPath to virtual network `{}`, but its gateway ({gw_name}) does not support it",
                        circuit.name.value, vnet.name.value
                    ),
                )
                .label(
                    span,
                    "FastPath needs `UltraPerformance`, `ErGw3AZ` or `ErGwScale` with 10 scale units or more",
                )
                .help(help),
            );
        }
    }
    out
}
