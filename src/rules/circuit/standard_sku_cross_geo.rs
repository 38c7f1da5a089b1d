//! A circuit links a virtual network its SKU cannot reach: a Standard
//! circuit outside its peering location's geopolitical region, or any
//! Standard or Premium circuit across clouds (public, US Government, China).
//! Local circuits are local-sku-remote-vnet's.
use crate::catalog::{same_key, Catalog, PeeringLocation};
use crate::rules::owners;
use crate::rules::prelude::*;

declare_rule! {
    name: "standard-sku-cross-geo",
    group: Circuit,
    severity: Error,
    summary: "a circuit links a virtual network its SKU cannot reach (Standard across geopolitical regions; any SKU across clouds)",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for circuit in cx.db.circuits() {
        let (Some(sku), Some(value)) = (&circuit.sku, &circuit.peering_location) else {
            continue;
        };
        if sku.value == Sku::Local {
            continue;
        }
        let Some(loc) = cx.catalog.location(&value.value) else {
            continue;
        };
        for owners::LinkedRegion {
            link,
            vnet,
            written: rvalue,
            region,
        } in owners::linked_regions(cx.catalog, circuit)
        {
            let region_label = || {
                format!(
                    "virtual network `{}` is in `{}` ({})",
                    vnet.name.value, region.name, region.geopolitical_region
                )
            };
            if region.cloud != loc.cloud {
                let sku_name = if sku.value == Sku::Premium {
                    "Premium"
                } else {
                    "Standard"
                };
                out.push(
                    Finding::at(
                        link.vnet.span,
                        format!(
                            "circuit `{}` at `{}` ({}) cannot reach virtual network `{}` in `{}` ({})",
                            circuit.name.value,
                            loc.name,
                            loc.cloud.short(),
                            vnet.name.value,
                            region.name,
                            region.cloud.short()
                        ),
                    )
                    .label(rvalue.span, region_label())
                    .label(
                        sku.span,
                        format!("no SKU, {sku_name} included, reaches across clouds"),
                    )
                    .help(cross_cloud_help(cx.catalog, region.cloud, loc)),
                );
                continue;
            }
            if sku.value != Sku::Standard
                || same_key(&region.geopolitical_region, &loc.geopolitical_region)
            {
                continue;
            }
            out.push(
                Finding::at(
                    link.vnet.span,
                    format!(
                        "standard circuit `{}` at `{}` ({}) links virtual network `{}` in `{}` ({})",
                        circuit.name.value,
                        loc.name,
                        loc.geopolitical_region,
                        vnet.name.value,
                        region.name,
                        region.geopolitical_region
                    ),
                )
                .label(
                    sku.span,
                    format!(
                        "Standard reaches only the regions of {}",
                        loc.geopolitical_region
                    ),
                )
                .label(rvalue.span, region_label())
                .help(format!(
                    "change `sku` to `premium`, or link a virtual network in a region of {}",
                    loc.geopolitical_region
                )),
            );
        }
    }
    out
}

fn cross_cloud_help(
    catalog: &Catalog,
    cloud: crate::catalog::Cloud,
    from: &PeeringLocation,
) -> String {
    // A peering location of the vnet's cloud in the same metro, if any.
    let same_metro = catalog
        .locations
        .iter()
        .find(|l| l.cloud == cloud && same_key(&l.city, &from.city));
    match same_metro {
        Some(l) => format!(
            "link the virtual network to a circuit at a peering location of {} (such as `{}`)",
            cloud.describe(),
            l.name
        ),
        None => format!(
            "link the virtual network to a circuit at a peering location of {}",
            cloud.describe()
        ),
    }
}
