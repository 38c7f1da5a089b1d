//! Two or more point-to-point Ethernet sites share one circuit.
use crate::rules::owners;
use crate::rules::prelude::*;

declare_rule! {
    name: "ethernet-shared-circuit",
    group: Model,
    severity: Warning,
    summary: "a circuit is shared by several point-to-point Ethernet sites",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for circuit in cx.db.circuits() {
        let ethernet =
            owners::sites_on_circuit(circuit).filter(|s| s.model() == Some(Model::Ethernet));
        if ethernet.clone().nth(1).is_none() {
            continue; // (most circuits: one Ethernet site or none)
        }
        let ethernet: Vec<SiteRef<'_>> = ethernet.collect();
        if ethernet.len() < 2 {
            continue;
        }
        let names: Vec<String> = ethernet
            .iter()
            .map(|s| format!("`{}`", s.name.value))
            .collect();
        let mut f = Finding::at(
            circuit.name.span,
            format!(
                "circuit `{}` is shared by {} point-to-point Ethernet sites ({})",
                circuit.name.value,
                ethernet.len(),
                names.join(", ")
            ),
        )
        .help("give each site its own circuit (a point-to-point Ethernet link joins one site to the peering location), or use IPVPN for shared access");
        for s in &ethernet {
            if let Some(m) = s.expressroute.as_ref().and_then(|e| e.model.as_ref()) {
                f = f.label(
                    m.span,
                    format!("site `{}` uses point-to-point Ethernet", s.name.value),
                );
            }
        }
        out.push(f);
    }
    out
}
