//! A private-peering subnet overlaps the address space of a virtual network
//! linked to the same circuit.
use crate::rules::prelude::*;
use std::collections::HashSet;

declare_rule! {
    name: "peering-overlaps-vnet",
    group: Peering,
    severity: Error,
    summary: "a private-peering subnet overlaps a linked virtual network's address space",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    // Reused from circuit to circuit.
    let mut vnets: Vec<VnetRef<'_>> = Vec::new();
    let mut seen = HashSet::new();
    for circuit in cx.db.circuits() {
        let Some(private) = &circuit.peerings.private else {
            continue;
        };
        if circuit.entity().links().is_empty() {
            continue;
        }
        // The linked vnets, once each (an undefined one is undefined-reference's).
        // Most circuits link a vnet or two: compare those directly, hash
        // only past a few (a circuit may link thousands).
        vnets.clear();
        seen.clear();
        for link in circuit.links() {
            if let Some(v) = link.vnet() {
                let new = if vnets.len() < 8 {
                    !vnets.contains(&v)
                } else {
                    if seen.is_empty() {
                        seen.extend(vnets.iter().map(|x| x.name.span));
                    }
                    seen.insert(v.name.span)
                };
                if new {
                    vnets.push(v);
                }
            }
        }
        // A few subnets against the linked vnets' ranges: linear per circuit.
        for (key, _, subnet) in private.subnet_fields() {
            let hit = vnets.iter().find_map(|v| {
                v.address_space()
                    .iter()
                    .find(|r| r.value.overlaps(&subnet.value))
                    .map(|r| (v, r))
            });
            let Some((vnet, range)) = hit else { continue };
            out.push(
                Finding::at(
                    subnet.span,
                    format!(
                        "`{key}` `{}` of the private peering of circuit `{}` overlaps address space `{}` of virtual network `{}`",
                        subnet.value, circuit.name.value, range.value, vnet.name.value
                    ),
                )
                .label(
                    range.span,
                    format!(
                        "address space of virtual network `{}`, linked to circuit `{}`",
                        vnet.name.value, circuit.name.value
                    ),
                )
                .help("take the BGP subnets from a range no linked virtual network uses"),
            );
        }
    }
    out
}
