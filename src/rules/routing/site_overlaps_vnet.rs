//! A site prefix overlaps the address space of a virtual network it reaches.
use crate::model::intervals::{first_overlapping, Interval};
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "site-overlaps-vnet",
    group: Group::Routing,
    default_severity: Severity::Error,
    summary: "a site prefix overlaps a virtual network reached over the same circuit",
    doc: rule_doc!("site-overlaps-vnet"),
    check: Some(check),
    source: file!(),
};

/// One prefix of a site looked up against the vnets of one of its
/// circuits: `order` is the circuit's place in the site's list (the label
/// names the first circuit that reaches the vnet).
/// The best hit of one site prefix so far: the range's span, the circuit's
/// place in the site's list, the vnet's and the circuit's positions.
type Hit = (Span, u32, usize, u32);

struct Query {
    site: u32,
    prefix: u32,
    order: u32,
}

/// Linear in the design: each circuit's vnet ranges are sorted once, and
/// each site prefix is looked up in each of its circuits' ranges (a circuit
/// shared by 20,000 offices and linking 2,000 vnets costs 20,000 lookups,
/// not 40 million comparisons).
fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let (d, ix) = (cx.design, cx.index);
    // Per circuit position: the site prefixes that reach it.
    let mut queries: Vec<Vec<Query>> = Vec::new();
    queries.resize_with(d.circuits.len(), Vec::new);
    let mut circuits_seen: Vec<usize> = Vec::new();
    for (s, site) in d.sites.iter().enumerate() {
        if !ix.is_canonical_site(s) {
            continue;
        }
        let Some(prefixes) = site.prefixes.as_ref() else {
            continue;
        };
        if prefixes.value.is_empty() {
            continue;
        }
        circuits_seen.clear();
        for c in ix.circuits_of_site(s) {
            let Some(c) = c else {
                continue;
            };
            if circuits_seen.contains(&c) {
                continue;
            }
            let order = circuits_seen.len() as u32;
            circuits_seen.push(c);
            for (k, p) in prefixes.value.iter().enumerate() {
                // A default route from on-premises loses to the virtual
                // network's own, more specific, address space.
                if !p.value.is_default_route() {
                    queries[c].push(Query {
                        site: s as u32,
                        prefix: k as u32,
                        order,
                    });
                }
            }
        }
    }

    // Per (site, prefix): the first overlapping vnet range in report order,
    // with the vnet and the circuit's place in the site's list.
    let mut best: std::collections::HashMap<(u32, u32), Hit> = std::collections::HashMap::new();
    let mut seen_vnets: Vec<usize> = Vec::new();
    // Reused from circuit to circuit.
    let mut ranges: Vec<(&Spanned<IpNet>, usize)> = Vec::new();
    let (mut targets, mut points): (Vec<Interval>, Vec<Interval>) = (Vec::new(), Vec::new());
    for (c, qs) in queries.iter().enumerate() {
        if qs.is_empty() {
            continue;
        }
        // The ranges of the vnets this circuit links, each vnet once.
        seen_vnets.clear();
        ranges.clear();
        for (_, vnet) in ix.links_of(d, c) {
            let Some((v, _)) = vnet else {
                continue;
            };
            if seen_vnets.contains(&v) {
                continue;
            }
            seen_vnets.push(v);
            ranges.extend(d.virtual_networks[v].address_space().iter().map(|r| (r, v)));
        }
        if ranges.is_empty() {
            continue;
        }
        ranges.sort_by_key(|(r, _)| r.span);
        // Sites (group 0) against vnet ranges (group 1): sort and sweep.
        targets.clear();
        targets.extend(ranges.iter().map(|(r, _)| Interval::of(&r.value, 1)));
        let prefix = |q: &Query| {
            &d.sites[q.site as usize]
                .prefixes
                .as_ref()
                .map_or(&[][..], |p| &p.value[..])[q.prefix as usize]
        };
        points.clear();
        points.extend(qs.iter().map(|q| Interval::of(&prefix(q).value, 0)));
        for (q, hit) in qs.iter().zip(first_overlapping(&targets, &points)) {
            let Some(k) = hit else { continue };
            let (range, v) = ranges[k];
            let candidate = (range.span, q.order, v, c as u32);
            best.entry((q.site, q.prefix))
                .and_modify(|b| {
                    if (candidate.0, candidate.1) < (b.0, b.1) {
                        *b = candidate;
                    }
                })
                .or_insert(candidate);
        }
    }

    let mut hits: Vec<((u32, u32), Hit)> = best.into_iter().collect();
    hits.sort_unstable_by_key(|(k, _)| *k);
    let mut out = Vec::new();
    for ((s, k), (_, _, v, c)) in hits {
        let site = &d.sites[s as usize];
        let Some(prefix) = site.prefixes.as_ref().and_then(|p| p.value.get(k as usize)) else {
            continue;
        };
        let vnet = &d.virtual_networks[v];
        let circuit = &d.circuits[c as usize];
        // The vnet's first range in report order that overlaps the prefix.
        let Some(range) = vnet
            .address_space()
            .iter()
            .filter(|r| r.value.overlaps(&prefix.value))
            .min_by_key(|r| r.span)
        else {
            continue;
        };
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
    out
}
