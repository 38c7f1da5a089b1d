//! A virtual network gateway uses the deprecated Basic SKU.
use super::canonical_vnets;
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "gateway-legacy-sku",
    group: Group::Circuit,
    default_severity: Severity::Error,
    summary: "a virtual network gateway uses the deprecated Basic SKU",
    doc: rule_doc!("gateway-legacy-sku"),
    check: Some(check),
    source: file!(),
};

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (_, vnet) in canonical_vnets(cx.design, cx.index) {
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
