//! A Local SKU circuit links a virtual network outside its local region(s).
use crate::catalog::{key, quoted_list};
use crate::rules::owners;
use crate::rules::prelude::*;

declare_rule! {
    name: "local-sku-remote-vnet",
    group: Circuit,
    severity: Error,
    summary: "a Local SKU circuit links a virtual network outside the local Azure region(s) of its peering location",
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
        let Some(loc) = cx.catalog.location(&value.value) else {
            continue;
        };
        // No local region at all: local-sku-location's finding.
        if loc.local_regions.is_empty() {
            continue;
        }
        for owners::LinkedRegion {
            link,
            vnet,
            written: rvalue,
            region,
        } in owners::linked_regions(cx.catalog, circuit)
        {
            if loc
                .local_regions
                .iter()
                .any(|r| cx.catalog.is_region(r, region))
            {
                continue;
            }
            let local = quoted_list(&loc.local_regions, "and");
            let wider = if region.cloud != loc.cloud {
                format!(
                    "or link it to a circuit at a peering location of {} (no SKU crosses clouds)",
                    region.cloud.describe()
                )
            } else if key(&region.geopolitical_region) == key(&loc.geopolitical_region) {
                format!(
                    "or change `sku` to `standard` (it reaches every region in {})",
                    loc.geopolitical_region
                )
            } else {
                format!(
                    "or change `sku` to `premium` (`{}` is in {}, `{}` in {})",
                    region.name, region.geopolitical_region, loc.name, loc.geopolitical_region
                )
            };
            out.push(
                Finding::at(
                    link.vnet.span,
                    format!(
                        "local circuit `{}` at `{}` links virtual network `{}` in `{}`, outside its local region{}",
                        circuit.name.value,
                        loc.name,
                        vnet.name.value,
                        region.name,
                        if loc.local_regions.len() == 1 { "" } else { "s" }
                    ),
                )
                .label(
                    rvalue.span,
                    format!("virtual network `{}` is in `{}`", vnet.name.value, region.name),
                )
                .label(
                    sku.span,
                    format!("the Local SKU at `{}` reaches only {local}", loc.name),
                )
                .help(format!(
                    "link a virtual network in {}, {wider}",
                    quoted_list(&loc.local_regions, "or")
                )),
            );
        }
    }
    out
}
