//! More circuits link one virtual network than its gateway accepts, or more
//! than four of them come from one peering location.
use super::describe_gateway;
use crate::catalog::sku::{self, MAX_CIRCUITS_PER_LOCATION_PER_VNET};
use crate::rules::owners::usable_gateway;
use crate::rules::prelude::*;
use crate::suggest::fold;
use std::collections::HashMap;

declare_rule! {
    name: "gateway-circuit-limit",
    group: Circuit,
    severity: Error,
    summary: "more circuits link a virtual network than its gateway accepts",
    check: check,
}

/// The circuit's first link to the virtual network `vnet`.
fn link_to<'c>(circuit: &'c Circuit, vnet: &str) -> Option<&'c Link> {
    circuit.links().iter().find(|l| l.vnet.value == vnet)
}

fn where_from(circuit: &Circuit) -> String {
    match &circuit.peering_location {
        Some(l) => format!("circuit `{}` at {}", circuit.name.value, l.value),
        None => format!("circuit `{}`", circuit.name.value),
    }
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for vnet in cx.db.vnets() {
        let Some((gw, gw_sku, facts)) = usable_gateway(vnet) else {
            continue;
        };
        let vname = &vnet.name.value;
        // Duplicate circuits are duplicate-name's finding.
        let circuits: Vec<CircuitRef<'_>> = vnet.circuits().collect();
        let label_all = |mut f: Finding, cs: &[CircuitRef<'_>]| {
            for c in cs {
                if let Some(link) = link_to(c, vname) {
                    f = f.label(link.vnet.span, format!("{} links it", where_from(c)));
                }
            }
            f
        };
        let max = facts.max_circuits as usize;
        let gw_name = describe_gateway(gw, gw_sku.value);
        if circuits.len() > max {
            let biggest = sku::gateway(GatewaySku::UltraPerformance, None).max_circuits as usize;
            let help = if circuits.len() > biggest {
                format!("link at most {biggest} circuits: no gateway accepts more; reach the virtual network through VNet peering from another hub")
            } else if gw_sku.value == GatewaySku::ErGwScale {
                "raise `scale_units` (8 circuits from 2 scale units, 16 from 10), or link fewer circuits".to_string()
            } else {
                "use a gateway SKU that accepts more circuits (`ErGw2AZ`: 8, `ErGw3AZ`: 16, `ErGwScale`: 16 from 10 scale units), or link fewer circuits".to_string()
            };
            let f = Finding::at(
                gw_sku.span,
                format!(
                    "virtual network `{vname}` is linked by {} circuits, but its gateway ({gw_name}) accepts {max}",
                    circuits.len()
                ),
            )
            .help(help);
            out.push(label_all(f, &circuits));
            continue;
        }
        // At most four circuits from one peering location, whatever the
        // gateway. Amsterdam and Amsterdam2 are different locations.
        if circuits.len() <= MAX_CIRCUITS_PER_LOCATION_PER_VNET {
            continue; // (most virtual networks: no grouping needed)
        }
        let mut by_location: HashMap<String, Vec<CircuitRef<'_>>> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        for c in &circuits {
            let Some(loc) = &c.peering_location else {
                continue;
            };
            let key = fold(&loc.value);
            let group = by_location.entry(key.clone()).or_default();
            if group.is_empty() {
                order.push(key);
            }
            group.push(*c);
        }
        for key in &order {
            let Some(group) = by_location.get(key) else {
                continue;
            };
            if group.len() <= MAX_CIRCUITS_PER_LOCATION_PER_VNET {
                continue;
            }
            let loc = group[0]
                .peering_location
                .as_ref()
                .map_or(String::new(), |l| l.value.to_string());
            let f = Finding::at(
                gw_sku.span,
                format!(
                    "virtual network `{vname}` is linked by {} circuits from peering location `{loc}`, more than the {MAX_CIRCUITS_PER_LOCATION_PER_VNET} one peering location may link",
                    group.len()
                ),
            )
            .help("link at most 4 circuits from one peering location; circuits at other peering locations (a City2 location counts as another) may add up to the gateway's limit");
            out.push(label_all(f, group));
        }
    }
    out
}
