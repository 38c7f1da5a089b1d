//! A Global Reach connection across geopolitical regions without Premium on
//! both circuits.
use crate::catalog::{key, PeeringLocation};
use crate::rules::owners;
use crate::rules::prelude::*;

declare_rule! {
    name: "global-reach-premium-required",
    group: Routing,
    severity: Error,
    summary: "a Global Reach connection crosses geopolitical regions and its circuits are not both `premium`",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for reach in owners::global_reach_pairs(cx.db) {
        let (Some(peer), Some(to)) = (&reach.entity().circuit, reach.to()) else {
            continue;
        };
        // Where Global Reach is not offered, Premium does not help:
        // global-reach-unavailable's finding.
        if !owners::global_reach_offered(cx.catalog, reach) {
            continue;
        }
        let mut ends: Vec<(CircuitRef<'_>, &PeeringLocation, &Spanned<Sku>)> = Vec::new();
        for c in [reach.from(), to] {
            // Unknown location or SKU: their own findings.
            let (Some(loc), Some(sku)) = (owners::circuit_location(cx.catalog, c), &c.entity().sku)
            else {
                break;
            };
            ends.push((c, loc, sku));
        }
        let [(a, a_loc, a_sku), (b, b_loc, b_sku)] = ends.as_slice() else {
            continue;
        };
        // Local has no Global Reach at all: global-reach-local-sku's finding.
        if a_sku.value == Sku::Local || b_sku.value == Sku::Local {
            continue;
        }
        if key(&a_loc.geopolitical_region) == key(&b_loc.geopolitical_region) {
            continue;
        }
        let not_premium: Vec<&(CircuitRef<'_>, &PeeringLocation, &Spanned<Sku>)> = ends
            .iter()
            .filter(|(_, _, s)| s.value != Sku::Premium)
            .collect();
        if not_premium.is_empty() {
            continue;
        }
        let mut f = Finding::at(
            peer.span,
            format!(
                "the Global Reach connection between circuit `{}` at `{}` ({}) and circuit `{}` at `{}` ({}) crosses geopolitical regions, so both circuits must be Premium",
                a.name.value,
                a_loc.name,
                a_loc.geopolitical_region,
                b.name.value,
                b_loc.name,
                b_loc.geopolitical_region
            ),
        )
        .help("set `sku: premium` on both circuits, or connect circuits within one geopolitical region");
        for (c, _, s) in not_premium {
            f = f.label(
                s.span,
                format!("circuit `{}` is `{}`", c.name.value, s.value.as_str()),
            );
        }
        out.push(f);
    }
    out
}
