//! A circuit used at Layer 2 (or on Direct) has a peering without the BGP
//! settings the customer must supply.
use crate::rules::owners;
use crate::rules::prelude::*;

declare_rule! {
    name: "layer2-incomplete-peering",
    group: Model,
    severity: Error,
    summary: "a Layer 2 or Direct circuit has a peering missing its BGP settings",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for circuit in cx.db.circuits() {
        let Some(site) = owners::sites_on_circuit(circuit).find(|s| {
            (s.layer() == Some(Layer::L2) || s.model() == Some(Model::Direct))
                // A layer the provider does not offer (IPVPN + Layer 2
                // included, unless the contract offers it) is reported
                // already; one of its fixes is Layer 3, without these keys.
                && owners::connectivity_offered(cx, *s)
        }) else {
            continue;
        };
        let why = if site.model() == Some(Model::Direct) {
            "ExpressRoute Direct"
        } else {
            "Layer 2"
        };
        let er = site.expressroute.as_ref();
        let why_span = er.and_then(|e| {
            if site.model() == Some(Model::Direct) {
                e.model.as_ref().map(|m| m.span)
            } else {
                e.layer.as_ref().map(|l| l.span)
            }
        });
        // Public peering is retired: public-peering-deprecated owns it.
        for peering in [&circuit.peerings.private, &circuit.peerings.microsoft]
            .into_iter()
            .flatten()
        {
            // A key written with an invalid value was reported by the loader.
            let missing: Vec<String> = [
                PeeringKey::PeerAsn,
                PeeringKey::PrimarySubnet,
                PeeringKey::SecondarySubnet,
                PeeringKey::VlanId,
            ]
            .into_iter()
            .filter(|k| !peering.has(*k))
            .map(|k| format!("`{k}`"))
            .collect();
            if missing.is_empty() {
                continue;
            }
            let mut f = Finding::at(
                peering.key,
                format!(
                    "the {} of circuit `{}` lacks {}, which you set yourself with {why}",
                    super::peering_name(peering.kind),
                    circuit.name.value,
                    super::and_list(&missing)
                ),
            )
            .help(format!(
                "add {}: with {why} your routers run BGP with Microsoft",
                super::and_list(&missing)
            ));
            if let Some(span) = why_span {
                f = f.label(span, format!("site `{}` uses {why}", site.name.value));
            }
            out.push(f);
        }
    }
    out
}
