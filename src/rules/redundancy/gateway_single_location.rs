//! A gateway's circuits all meet Microsoft at one peering location.
use crate::catalog::PeeringLocation;
use crate::rules::owners;
use crate::rules::prelude::*;
use std::collections::HashSet;

declare_rule! {
    name: "gateway-single-location",
    group: Redundancy,
    severity: Warning,
    summary: "a virtual network gateway is linked to circuits at fewer than two peering locations",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    'vnets: for vnet in cx.db.vnets() {
        let Some(gw) = &vnet.gateway else { continue };
        let mut circuits: Vec<(CircuitRef<'_>, &PeeringLocation)> = Vec::new();
        let mut locations: Vec<&PeeringLocation> = Vec::new();
        // A set: one network may be linked by very many circuits.
        let mut seen: HashSet<CircuitId> = HashSet::new();
        for circuit in vnet.circuits() {
            if !seen.insert(circuit.id()) {
                continue;
            }
            // A circuit whose location is missing or unknown may be the
            // second one (missing-field, unknown-peering-location).
            let Some(loc) = owners::circuit_location(cx.catalog, circuit) else {
                continue 'vnets;
            };
            // A Metro circuit has a link at each of its two locations.
            for l in cx.catalog.link_locations(loc) {
                if !locations.iter().any(|k| std::ptr::eq(*k, l)) {
                    locations.push(l);
                }
            }
            circuits.push((circuit, loc));
        }
        // No circuit: nothing to make redundant yet.
        if circuits.is_empty() || locations.len() >= 2 {
            continue;
        }
        let Some(only) = locations.first() else {
            continue;
        };
        let what = if circuits.len() == 1 {
            format!(
                "its one circuit, `{}`, at `{}`",
                circuits[0].0.name.value, only.name
            )
        } else if circuits.len() == 2 {
            format!("both of its circuits at `{}`", only.name)
        } else {
            format!("all {} of its circuits at `{}`", circuits.len(), only.name)
        };
        let mut f = Finding::at(
            gw.key,
            format!(
                "the gateway of virtual network `{}` is linked to {what}: one peering location is a single point of failure",
                vnet.name.value
            ),
        )
        .help(match second_site(cx, only) {
            Some(near) => format!("link a second circuit at another peering location (`{near}`, another facility in the same metro, counts), or move to an ExpressRoute Metro location, whose circuits have a link at each of two"),
            None => "link a second circuit at another peering location, or move to an ExpressRoute Metro location, whose circuits have a link at each of two".to_string(),
        });
        for (c, loc) in &circuits {
            if let Some(link) = c.links().find(|l| l.vnet() == Some(vnet)) {
                // Where the circuit is (a Direct circuit: where its port is).
                f = f.label(
                    link.entity().vnet.span,
                    format!("circuit `{}` at `{}` links it", c.name.value, loc.name),
                );
            }
        }
        out.push(f);
    }
    out
}

/// Another single-site location in the same metro, for the help.
fn second_site<'a>(cx: &'a RuleContext<'_>, loc: &PeeringLocation) -> Option<&'a str> {
    cx.catalog
        .same_metro(loc, |_| true)
        .first()
        .map(|l| l.name.as_str())
}
