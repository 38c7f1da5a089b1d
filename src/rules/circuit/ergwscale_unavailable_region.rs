//! The scalable gateway (`ErGwScale`) in a region that does not offer it.
use crate::rules::prelude::*;

declare_rule! {
    name: "ergwscale-unavailable-region",
    group: Circuit,
    severity: Error,
    summary: "a virtual network gateway uses `ErGwScale` in a region that does not offer it",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for vnet in cx.db.vnets() {
        let Some(sku) = vnet.gateway.as_ref().and_then(|g| g.sku.as_ref()) else {
            continue;
        };
        if sku.value != GatewaySku::ErGwScale {
            continue;
        }
        // An unknown region is unknown-region's finding.
        let Some(written) = vnet.region.as_ref() else {
            continue;
        };
        let Some(region) = cx.catalog.region(&written.value) else {
            continue;
        };
        if region.ergwscale {
            continue;
        }
        out.push(
            Finding::at(
                sku.span,
                format!(
                    "virtual network `{}` is in `{}`, where the scalable gateway (`ErGwScale`) is not offered",
                    vnet.name.value, region.name
                ),
            )
            .label(written.span, format!("`{}` has no `ErGwScale`", region.name))
            .help("use `ErGw1AZ`, `ErGw2AZ` or `ErGw3AZ` in this region, or put the gateway in a region that offers `ErGwScale`"),
        );
    }
    out
}
