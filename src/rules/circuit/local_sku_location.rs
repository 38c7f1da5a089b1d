//! `sku: local` at a peering location with no local Azure region.
use crate::catalog::quoted_list;
use crate::rules::prelude::*;

declare_rule! {
    name: "local-sku-location",
    group: Circuit,
    severity: Error,
    summary: "a Local SKU circuit is at a peering location that has no local Azure region",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for circuit in cx.db.circuits() {
        let (Some(sku), Some(value)) = (&circuit.sku, &circuit.peering_location) else {
            continue;
        };
        if sku.value != Sku::Local {
            continue;
        }
        // Unknown location: unknown-peering-location's finding.
        let Some(loc) = cx.catalog.location(&value.value) else {
            continue;
        };
        if !loc.local_regions.is_empty() {
            continue;
        }
        let near: Vec<&str> = cx
            .catalog
            .same_metro(loc, |l| !l.local_regions.is_empty())
            .iter()
            .map(|l| l.name.as_str())
            .collect();
        let help = if near.is_empty() {
            "change `sku` to `standard`, or move the circuit to a peering location with a local Azure region".to_string()
        } else {
            format!(
                "change `sku` to `standard`, or move the circuit to a peering location with a local Azure region, such as {}",
                quoted_list(&near, "or")
            )
        };
        out.push(
            Finding::at(
                sku.span,
                format!(
                    "circuit `{}` uses the Local SKU at `{}`, which has no local Azure region",
                    circuit.name.value, loc.name
                ),
            )
            .label(
                value.span,
                format!("ExpressRoute Local is not offered at `{}`", loc.name),
            )
            .help(help),
        );
    }
    out
}
