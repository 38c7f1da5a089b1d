//! Two peerings of one circuit on the same VLAN.
use super::vlan_out_of_range::vlan_in_range;
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "duplicate-vlan",
    group: Group::Peering,
    default_severity: Severity::Error,
    summary: "two peerings of one circuit use the same `vlan_id`",
    doc: rule_doc!("duplicate-vlan"),
    check: Some(check),
    source: file!(),
};

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (pos, circuit) in cx.design.circuits.iter().enumerate() {
        if !cx.index.is_canonical_circuit(cx.design, pos) {
            continue;
        }
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
    out
}
