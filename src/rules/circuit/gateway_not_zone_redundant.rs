//! A virtual network gateway on a SKU that cannot be zone-redundant.
use crate::rules::owners::usable_gateway;
use crate::rules::prelude::*;

declare_rule! {
    name: "gateway-not-zone-redundant",
    group: Circuit,
    severity: Warning,
    summary: "a virtual network gateway uses a SKU that is not zone-redundant",
    check: check,
}

/// The zone-redundant SKU of the same size.
fn zone_redundant_twin(sku: GatewaySku) -> Option<&'static str> {
    match sku {
        GatewaySku::Standard => Some("ErGw1AZ"),
        GatewaySku::HighPerformance => Some("ErGw2AZ"),
        GatewaySku::UltraPerformance => Some("ErGw3AZ"),
        _ => None,
    }
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for vnet in cx.db.vnets() {
        // Basic is gateway-legacy-sku's finding.
        let Some((_, sku, _)) = usable_gateway(vnet) else {
            continue;
        };
        let Some(twin) = zone_redundant_twin(sku.value) else {
            continue;
        };
        out.push(
            Finding::at(
                sku.span,
                format!(
                    "the gateway of virtual network `{}` uses `{}`, a SKU that is not zone-redundant: a zone failure in `{}` takes the gateway down",
                    vnet.name.value,
                    sku.value.as_str(),
                    vnet.region.as_ref().map_or("its region", |r| r.value.as_str()),
                ),
            )
            .help(format!(
                "use `{twin}` (the same capacity, spread across availability zones) or `ErGwScale`; the gateway migration moves an existing gateway with little downtime"
            )),
        );
    }
    out
}
