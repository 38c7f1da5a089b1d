//! A virtual network reached from two metros with no link weight set: Azure
//! load-balances across both paths.
use crate::catalog::PeeringLocation;
use crate::rules::owners;
use crate::rules::prelude::*;
use std::collections::HashSet;

declare_rule! {
    name: "geo-redundant-equal-weight",
    group: Routing,
    severity: Warning,
    summary: "a virtual network linked to circuits in two metros sets no link `weight`: Azure splits traffic across both paths",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    'vnets: for vnet in cx.db.vnets() {
        // Each link to this network, with where its circuit is; a circuit
        // whose location is unknown does not count (its own finding).
        let mut links: Vec<(LinkRef<'_>, &PeeringLocation)> = Vec::new();
        // A set: one network may be linked by very many circuits.
        let mut seen: HashSet<CircuitId> = HashSet::new();
        for circuit in vnet.circuits() {
            if !seen.insert(circuit.id()) {
                continue;
            }
            let Some(loc) = owners::circuit_location(cx.catalog, circuit) else {
                continue;
            };
            for link in circuit.links().filter(|l| l.vnet() == Some(vnet)) {
                // A weight written (even 0, or invalid) is a choice: equal
                // weights set on purpose are active-active.
                if link.has(LinkKey::Weight) {
                    continue 'vnets;
                }
                links.push((link, loc));
            }
        }
        let Some(&(_, first)) = links.first() else {
            continue;
        };
        let Some(&(_, other)) = links.iter().find(|(_, l)| !l.same_metro_as(first)) else {
            continue;
        };
        let mut f = Finding::at(
            vnet.name.span,
            format!(
                "virtual network `{}` is linked to circuits in two metros (`{}` and `{}`) and no link sets `weight`: Azure load-balances traffic to on-premises across both paths",
                vnet.name.value,
                first.metro(),
                other.metro()
            ),
        )
        .help("set a higher `weight` on the link of the preferred circuit (and prefer the same circuit on premises, with BGP local preference), or set equal weights to keep both paths active on purpose");
        for (link, loc) in &links {
            f = f.label(
                link.entity().vnet.span,
                format!(
                    "circuit `{}` at `{}` ({} metro), no `weight`",
                    link.circuit().name.value,
                    loc.name,
                    loc.metro()
                ),
            );
        }
        out.push(f);
    }
    out
}
