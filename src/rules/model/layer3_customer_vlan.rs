//! A circuit used only at managed Layer 3 sets a VLAN that the provider manages.
use crate::rules::owners;
use crate::rules::prelude::*;

declare_rule! {
    name: "layer3-customer-vlan",
    group: Model,
    severity: Info,
    summary: "a circuit used only at managed Layer 3 sets a `vlan_id`",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for circuit in cx.db.circuits() {
        let mut sites = owners::sites_on_circuit(circuit);
        let Some(first) = sites.clone().next() else {
            continue;
        };
        // A site whose Layer 3 the provider does not offer is reported
        // already (its fix may be Layer 2, where the VLAN is yours).
        let all_l3 = sites.all(|s| {
            s.layer() == Some(Layer::L3)
                && s.model() != Some(Model::Direct)
                && owners::connectivity_offered(cx, s)
        });
        if !all_l3 {
            continue;
        }
        let layer_span = first
            .expressroute
            .as_ref()
            .and_then(|e| e.layer.as_ref())
            .map(|l| l.span);
        for peering in circuit.peerings.iter() {
            let Some(vlan) = &peering.vlan_id else {
                continue;
            };
            let mut f = Finding::at(
                vlan.span,
                format!(
                    "circuit `{}` is used only at managed Layer 3, where the provider chooses the VLAN of the {}",
                    circuit.name.value,
                    super::peering_name(peering.kind)
                ),
            )
            .help("remove `vlan_id`, or agree it with the provider if the contract lets you choose");
            if let Some(span) = layer_span {
                f = f.label(
                    span,
                    format!("site `{}` uses managed Layer 3", first.name.value),
                );
            }
            out.push(f);
        }
    }
    out
}
