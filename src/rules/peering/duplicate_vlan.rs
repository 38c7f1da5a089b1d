//! Two peerings of one circuit on the same VLAN.
use crate::rules::owners::vlan_in_range;
use crate::rules::prelude::*;
use std::collections::HashMap;

declare_rule! {
    name: "duplicate-vlan",
    group: Peering,
    severity: Error,
    summary: "two peerings of one circuit (or of one Dot1Q Direct port) use the same `vlan_id`",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for circuit in cx.db.circuits() {
        // Public peering is retired: public-peering-deprecated owns it. An
        // out-of-range VLAN is vlan-out-of-range's finding.
        let mut vlans: Vec<(&Spanned<i64>, PeeringKind)> =
            [&circuit.peerings.private, &circuit.peerings.microsoft]
                .into_iter()
                .flatten()
                .filter_map(|p| p.vlan_id.as_ref().map(|v| (v, p.kind)))
                .filter(|(v, _)| vlan_in_range(v.value))
                .collect();
        vlans.sort_by_key(|(v, _)| v.span);
        for (i, (vlan, kind)) in vlans.iter().enumerate() {
            let Some((first, first_kind)) = vlans[..i].iter().find(|(v, _)| v.value == vlan.value)
            else {
                continue;
            };
            out.push(
                Finding::at(
                    vlan.span,
                    format!(
                        "the {} and {} peerings of circuit `{}` both use VLAN ID `{}`",
                        first_kind.describe(),
                        kind.describe(),
                        circuit.name.value,
                        vlan.value
                    ),
                )
                .label(
                    first.span,
                    format!("the VLAN ID of the {} peering", first_kind.describe()),
                )
                .help("give each peering of the circuit its own VLAN ID"),
            );
        }
    }
    dot1q_ports(cx, &mut out);
    out
}

/// On a Dot1Q ExpressRoute Direct port a peering's VLAN (its only tag) must
/// be unique across every circuit on the port pair; with QinQ each circuit
/// has its own outer tag, so only the circuit's own peerings must differ.
fn dot1q_ports(cx: &RuleContext<'_>, out: &mut Vec<Finding>) {
    for port in cx.db.ports() {
        let Some(encap) = &port.encapsulation else {
            continue;
        };
        if encap.value != Encapsulation::Dot1q {
            continue;
        }
        let mut vlans: Vec<(&Spanned<i64>, PeeringKind, &str)> = port
            .circuits()
            .map(|c| c.entity())
            // Both provider and port: provider-and-port's finding.
            .filter(|c| c.provider.is_none())
            .flat_map(|c| {
                [&c.peerings.private, &c.peerings.microsoft]
                    .into_iter()
                    .flatten()
                    .filter_map(move |p| {
                        p.vlan_id
                            .as_ref()
                            .map(|v| (v, p.kind, c.name.value.as_str()))
                    })
            })
            .filter(|(v, _, _)| vlan_in_range(v.value))
            .collect();
        vlans.sort_by_key(|(v, _, _)| v.span);
        let mut first_of: HashMap<i64, (&Spanned<i64>, PeeringKind, &str)> = HashMap::new();
        for &(vlan, kind, circuit) in &vlans {
            let Some(&(first, first_kind, first_circuit)) = first_of.get(&vlan.value) else {
                first_of.insert(vlan.value, (vlan, kind, circuit));
                continue;
            };
            // Two peerings of one circuit: reported above.
            if first_circuit == circuit {
                continue;
            }
            out.push(
                Finding::at(
                    vlan.span,
                    format!(
                        "the {} peering of circuit `{circuit}` uses VLAN ID `{}`, already used by the {} peering of circuit `{first_circuit}` on Dot1Q port `{}`",
                        kind.describe(),
                        vlan.value,
                        first_kind.describe(),
                        port.name.value
                    ),
                )
                .label(
                    first.span,
                    format!(
                        "the VLAN ID of the {} peering of circuit `{first_circuit}`",
                        first_kind.describe()
                    ),
                )
                .label(
                    encap.span,
                    format!("port `{}` uses Dot1Q: one VLAN tag for the whole port pair", port.name.value),
                )
                .help("give every peering on a Dot1Q port its own VLAN ID, or use `encapsulation: qinq` (each circuit then has its own outer tag)"),
            );
        }
    }
}
