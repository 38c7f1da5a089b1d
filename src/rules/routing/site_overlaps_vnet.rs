//! A site prefix overlaps the address space of a virtual network it reaches.
use crate::model::intervals::{first_overlapping, Interval};
use crate::rules::prelude::*;
use std::collections::HashSet;

pub static RULE: Rule = Rule {
    name: "site-overlaps-vnet",
    group: Group::Routing,
    default_severity: Severity::Error,
    summary: "a site prefix overlaps a virtual network reached over the same circuit",
    doc: rule_doc!("site-overlaps-vnet"),
    check: Some(check),
    source: file!(),
};

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let (d, ix) = (cx.design, cx.index);
    let mut out = Vec::new();
    for site in &d.sites {
        let canonical = ix
            .site(d, &site.name.value)
            .is_some_and(|s| s.name.span == site.name.span);
        let Some(prefixes) = site.prefixes.as_ref().filter(|_| canonical) else {
            continue;
        };
        if prefixes.value.is_empty() {
            continue;
        }
        // The vnets this site reaches, once each, with the circuit that links it.
        let mut vnets: Vec<(&VirtualNetwork, &Circuit)> = Vec::new();
        let mut seen = HashSet::new();
        for name in site.circuit_names() {
            let Some(circuit) = ix.circuit(d, &name.value) else {
                continue;
            };
            for link in circuit.links() {
                if let Some(v) = ix.vnet(d, &link.vnet.value) {
                    if seen.insert(v.name.span) {
                        vnets.push((v, circuit));
                    }
                }
            }
        }
        let mut ranges: Vec<(&Spanned<IpNet>, &VirtualNetwork, &Circuit)> = vnets
            .iter()
            .flat_map(|&(v, c)| v.address_space().iter().map(move |r| (r, v, c)))
            .collect();
        ranges.sort_by_key(|(r, _, _)| r.span);
        // Sites (group 0) against vnet ranges (group 1): sort and sweep.
        let targets: Vec<Interval> = ranges
            .iter()
            .map(|(r, _, _)| Interval::of(&r.value, 1))
            .collect();
        let queries: Vec<Interval> = prefixes
            .value
            .iter()
            .map(|p| Interval::of(&p.value, 0))
            .collect();
        for (prefix, hit) in prefixes
            .value
            .iter()
            .zip(first_overlapping(&targets, &queries))
        {
            // A default route from on-premises loses to the virtual
            // network's own, more specific, address space.
            if prefix.value.is_default_route() {
                continue;
            }
            let Some(k) = hit else { continue };
            let (range, vnet, circuit) = ranges[k];
            out.push(
                Finding::at(
                    prefix.span,
                    format!(
                        "prefix `{}` of site `{}` overlaps address space `{}` of virtual network `{}`, reached over circuit `{}`",
                        prefix.value, site.name.value, range.value, vnet.name.value, circuit.name.value
                    ),
                )
                .label(
                    range.span,
                    format!(
                        "address space of virtual network `{}`, linked to circuit `{}`",
                        vnet.name.value, circuit.name.value
                    ),
                )
                .help("renumber the site or the virtual network: overlapping ranges cannot be routed over ExpressRoute"),
            );
        }
    }
    out
}
