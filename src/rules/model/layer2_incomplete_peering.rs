//! A circuit used at Layer 2 (or on Direct) has a peering without the BGP
//! settings the customer must supply.
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "layer2-incomplete-peering",
    group: Group::Model,
    default_severity: Severity::Error,
    summary: "a Layer 2 or Direct circuit has a peering missing its BGP settings",
    doc: rule_doc!("layer2-incomplete-peering"),
    check: Some(check),
    source: file!(),
};

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (pos, circuit) in cx.design.circuits.iter().enumerate() {
        if !cx.index.is_canonical_circuit(cx.design, pos) {
            continue;
        }
        let Some(site) = cx.index.sites_of_circuit(cx.design, pos).find(|s| {
            // IPVPN + Layer 2 is ipvpn-layer2's finding; its fix is Layer 3.
            (s.layer() == Some(Layer::L2) && s.model() != Some(Model::Ipvpn))
                || s.model() == Some(Model::Direct)
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
            let mut missing = Vec::new();
            if peering.peer_asn.is_none() {
                missing.push("`peer_asn`");
            }
            if peering.primary_subnet.is_none() {
                missing.push("`primary_subnet`");
            }
            if peering.secondary_subnet.is_none() {
                missing.push("`secondary_subnet`");
            }
            if peering.vlan_id.is_none() {
                missing.push("`vlan_id`");
            }
            if missing.is_empty() {
                continue;
            }
            let mut f = Finding::at(
                peering.key,
                format!(
                    "{} peering of circuit `{}` has no {}, which you configure yourself with {why}",
                    peering.kind.as_str(),
                    circuit.name.value,
                    missing.join(", ")
                ),
            )
            .help(format!(
                "add {} to the peering; with {why} your routers run BGP with Microsoft",
                missing.join(", ")
            ));
            if let Some(span) = why_span {
                f = f.label(span, format!("site `{}` uses {why}", site.name.value));
            }
            out.push(f);
        }
    }
    out
}
