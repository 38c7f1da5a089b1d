//! A site prefix overlaps the address space of a virtual network it reaches.
use crate::model::intervals::{first_overlapping, Interval};
use crate::rules::prelude::*;

declare_rule! {
    name: "site-overlaps-vnet",
    group: Routing,
    severity: Error,
    summary: "a site prefix overlaps a virtual network reached over the same circuit",
    check: check,
}

/// The best hit of one site prefix so far: the range's span, the circuit's
/// place in the site's list, the vnet and the circuit.
type Hit = (Span, u32, VnetId, CircuitId);

/// One prefix of a site looked up against the vnets of one of its
/// circuits: `order` is the circuit's place in the site's list (the label
/// names the first circuit that reaches the vnet).
struct Query {
    site: SiteId,
    prefix: u32,
    order: u32,
}

/// Linear in the design: each circuit's vnet ranges are sorted once, and
/// each site prefix is looked up in each of its circuits' ranges (a circuit
/// shared by 20,000 offices and linking 2,000 vnets costs 20,000 lookups,
/// not 40 million comparisons).
fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let db = cx.db;
    // Per circuit: the site prefixes that reach it.
    let mut queries = db.circuit_map(Vec::<Query>::new);
    let mut circuits_seen: Vec<CircuitId> = Vec::new();
    for site in db.sites() {
        let Some(prefixes) = site.entity().prefixes.as_ref() else {
            continue;
        };
        if prefixes.value.is_empty() {
            continue;
        }
        circuits_seen.clear();
        for (_, c) in site.circuits() {
            let Some(c) = c else {
                continue;
            };
            if circuits_seen.contains(&c.id()) {
                continue;
            }
            let order = circuits_seen.len() as u32;
            circuits_seen.push(c.id());
            let Some(queries) = queries.get_mut(c.id()) else {
                continue;
            };
            for (k, p) in prefixes.value.iter().enumerate() {
                // A default route from on-premises loses to the virtual
                // network's own, more specific, address space.
                if !p.value.is_default_route() {
                    queries.push(Query {
                        site: site.id(),
                        prefix: k as u32,
                        order,
                    });
                }
            }
        }
    }

    // Per (site, prefix): the first overlapping vnet range in report order,
    // with the vnet and the circuit's place in the site's list.
    let mut best: std::collections::HashMap<(SiteId, u32), Hit> = std::collections::HashMap::new();
    let mut seen_vnets: Vec<VnetId> = Vec::new();
    // Reused from circuit to circuit.
    let mut ranges: Vec<(&Spanned<IpNet>, VnetId)> = Vec::new();
    let (mut targets, mut points): (Vec<Interval>, Vec<Interval>) = (Vec::new(), Vec::new());
    for (c, qs) in queries.iter() {
        if qs.is_empty() {
            continue;
        }
        let Some(circuit) = db.circuit(c) else {
            continue;
        };
        // The ranges of the vnets this circuit links, each vnet once.
        seen_vnets.clear();
        ranges.clear();
        for link in circuit.links() {
            let Some(vnet) = link.vnet() else {
                continue;
            };
            if seen_vnets.contains(&vnet.id()) {
                continue;
            }
            seen_vnets.push(vnet.id());
            ranges.extend(vnet.entity().address_space().iter().map(|r| (r, vnet.id())));
        }
        if ranges.is_empty() {
            continue;
        }
        ranges.sort_by_key(|(r, _)| r.span);
        // Sites (group 0) against vnet ranges (group 1): sort and sweep.
        targets.clear();
        targets.extend(ranges.iter().map(|(r, _)| Interval::of(&r.value, 1)));
        points.clear();
        points.extend(qs.iter().filter_map(|q| {
            let prefix = db
                .site(q.site)?
                .entity()
                .prefixes
                .as_ref()?
                .value
                .get(q.prefix as usize)?;
            Some(Interval::of(&prefix.value, 0))
        }));
        // Every query names a prefix that exists; if one did not, the
        // answers below would pair with the wrong queries.
        if points.len() != qs.len() {
            continue;
        }
        for (q, hit) in qs.iter().zip(first_overlapping(&targets, &points)) {
            let Some(k) = hit else { continue };
            let (range, v) = ranges[k];
            let candidate = (range.span, q.order, v, c);
            best.entry((q.site, q.prefix))
                .and_modify(|b| {
                    if (candidate.0, candidate.1) < (b.0, b.1) {
                        *b = candidate;
                    }
                })
                .or_insert(candidate);
        }
    }

    let mut hits: Vec<((SiteId, u32), Hit)> = best.into_iter().collect();
    hits.sort_unstable_by_key(|(k, _)| *k);
    let mut out = Vec::new();
    for ((s, k), (_, _, v, c)) in hits {
        let (Some(site), Some(vnet), Some(circuit)) = (db.site(s), db.vnet(v), db.circuit(c))
        else {
            continue;
        };
        let Some(prefix) = site
            .entity()
            .prefixes
            .as_ref()
            .and_then(|p| p.value.get(k as usize))
        else {
            continue;
        };
        // The vnet's first range in report order that overlaps the prefix.
        let Some(range) = vnet
            .entity()
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
