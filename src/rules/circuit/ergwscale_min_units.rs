//! A scalable gateway that may scale in to too few units to stay
//! zone-redundant.
use crate::rules::owners::usable_gateway;
use crate::rules::prelude::*;

declare_rule! {
    name: "ergwscale-min-units",
    group: Circuit,
    severity: Warning,
    summary: "an `ErGwScale` gateway may scale in to two scale units or fewer",
    check: check,
}

/// The fewest scale units at which Resiliency Insights counts a scalable
/// gateway as zone-redundant: "more than four instances", two instances a
/// unit (resiliency-insights.md).
const ZONE_REDUNDANT_MIN_UNITS: u32 = 3;

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for vnet in cx.db.vnets() {
        // A scale unit count written wrong is invalid-value's finding.
        let Some((gw, sku, _)) = usable_gateway(vnet) else {
            continue;
        };
        if sku.value != GatewaySku::ErGwScale
            || (gw.min_scale_units.is_none() && gw.has(GatewayKey::MinScaleUnits))
        {
            continue;
        }
        // Not written, the minimum is the maximum (a fixed-size gateway),
        // and a missing maximum is 1.
        let (min, span) = match (&gw.min_scale_units, &gw.scale_units) {
            (Some(m), _) => (m.value, m.span),
            (None, Some(s)) => (s.value, s.span),
            (None, None) => (1, sku.span),
        };
        if min >= ZONE_REDUNDANT_MIN_UNITS {
            continue;
        }
        let units = if min == 1 { "unit" } else { "units" };
        let max = gw.scale_units.as_ref().map_or(1, |s| s.value);
        let help = if max < ZONE_REDUNDANT_MIN_UNITS {
            format!(
                "raise `scale_units` and `min_scale_units` to {ZONE_REDUNDANT_MIN_UNITS} or more"
            )
        } else {
            format!("set `min_scale_units: {ZONE_REDUNDANT_MIN_UNITS}` or more")
        };
        out.push(
            Finding::at(
                span,
                format!(
                    "the `ErGwScale` gateway of virtual network `{}` may run on {min} scale {units} (at most four instances), where it is not counted as zone-redundant",
                    vnet.name.value
                ),
            )
            .help(help),
        );
    }
    out
}
