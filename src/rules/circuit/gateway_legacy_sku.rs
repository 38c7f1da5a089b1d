//! A virtual network gateway uses the deprecated Basic SKU.
use crate::rules::prelude::*;

declare_rule! {
    name: "gateway-legacy-sku",
    group: Circuit,
    severity: Error,
    summary: "a virtual network gateway uses the deprecated Basic SKU",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for vnet in cx.db.vnets() {
        let Some(sku) = vnet.gateway.as_ref().and_then(|g| g.sku.as_ref()) else {
            continue;
        };
        if sku.value != GatewaySku::Basic {
            continue;
        }
        out.push(
            Finding::at(
                sku.span,
                format!(
                    "the gateway of virtual network `{}` uses the `Basic` SKU, which is deprecated for ExpressRoute",
                    vnet.name.value
                ),
            )
            .help("use a zone-redundant SKU: `ErGw1AZ` (1 Gbps, 4 circuits), `ErGw2AZ`, `ErGw3AZ` or `ErGwScale`"),
        );
    }
    out
}
