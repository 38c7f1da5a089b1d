//! A peering VLAN ID outside 1-4094.
use crate::rules::owners::vlan_in_range;
use crate::rules::prelude::*;

declare_rule! {
    name: "vlan-out-of-range",
    group: Peering,
    severity: Error,
    summary: "a peering's `vlan_id` is outside 1-4094",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for circuit in cx.db.circuits() {
        // Public peering is retired: public-peering-deprecated owns it.
        for peering in [&circuit.peerings.private, &circuit.peerings.microsoft]
            .into_iter()
            .flatten()
        {
            let Some(vlan) = &peering.vlan_id else {
                continue;
            };
            if vlan_in_range(vlan.value) {
                continue;
            }
            out.push(
                Finding::at(
                    vlan.span,
                    format!(
                        "the VLAN ID `{}` of the {} peering of circuit `{}` is outside 1-4094",
                        vlan.value,
                        peering.kind.describe(),
                        circuit.name.value
                    ),
                )
                .help("use a VLAN ID from 1 to 4094 (0 and 4095 are reserved by IEEE 802.1Q)"),
            );
        }
    }
    out
}
