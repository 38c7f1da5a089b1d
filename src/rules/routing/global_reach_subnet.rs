//! A Global Reach connection with a bad subnet or a bad peer circuit.
use crate::model::intervals::{first_earlier_overlap, Interval};
use crate::rules::prelude::*;
use crate::suggest;
use std::collections::HashMap;

declare_rule! {
    name: "global-reach-subnet",
    group: Routing,
    severity: Error,
    summary: "a Global Reach subnet is not a /29 (/125), overlaps another range, or names a bad circuit",
    check: check,
}

/// Another range of the design, for the label of an overlap; 8 bytes, as
/// a design has hundreds of thousands.
#[derive(Clone, Copy)]
enum Other {
    /// The circuit, its peering kind, and the field (see [`FIELDS`];
    /// `ADVERTISED`: an advertised public prefix).
    Peering(CircuitId, PeeringKind, u8),
    Vnet(VnetId),
    Site(SiteId),
}

const FIELDS: &[&str] = &[
    "primary_subnet",
    "secondary_subnet",
    "ipv6.primary_subnet",
    "ipv6.secondary_subnet",
    "nat_pool",
];
const ADVERTISED: u8 = u8::MAX;

impl Other {
    fn describe(self, db: Db<'_>) -> String {
        match self {
            Other::Peering(c, kind, field) => {
                let circuit = db.circuit(c).map_or("", |c| c.entity().name.value.as_str());
                let whose = format!("the {} peering of circuit `{circuit}`", kind.describe());
                match FIELDS.get(field as usize) {
                    Some(key) => format!("`{key}` of {whose}"),
                    None => format!("advertised public prefix of {whose}"),
                }
            }
            Other::Vnet(v) => {
                let name = db.vnet(v).map_or("", |v| v.entity().name.value.as_str());
                format!("address space of virtual network `{name}`")
            }
            Other::Site(s) => {
                let name = db.site(s).map_or("", |s| s.entity().name.value.as_str());
                format!("prefix of site `{name}`")
            }
        }
    }
}

/// A Global Reach subnet that passed the size check.
struct Reach<'d> {
    subnet: &'d Spanned<IpNet>,
    circuit: &'d str,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let db = cx.db;
    let mut out = Vec::new();
    let mut reaches: Vec<Reach<'_>> = Vec::new();
    // Connections already seen, by (circuits in name order, subnet): the
    // same connection written on both circuits (`a` -> `b` and `b` -> `a`
    // with one subnet) is reported as written twice, not as an overlap.
    let mut seen: HashMap<(&str, &str, IpNet), (&Spanned<IpNet>, &str)> = HashMap::new();
    for circuit in db.circuits() {
        let name = &circuit.entity().name.value;
        for reach in circuit.global_reach() {
            let gr = reach.entity();
            if let Some(peer) = &gr.circuit {
                if reach.to().is_none() {
                    let close = db.similar(NameKind::Circuit, &peer.value, 3);
                    let help = match suggest::did_you_mean(&close) {
                        Some(dym) => format!("{dym} otherwise define circuit `{}`", peer.value),
                        None => format!("define circuit `{}`, or fix the name", peer.value),
                    };
                    out.push(
                        Finding::at(
                            peer.span,
                            format!(
                                "the Global Reach connection of circuit `{name}` names circuit `{}`, which is not defined",
                                peer.value
                            ),
                        )
                        .help(help),
                    );
                } else if peer.value == *name {
                    out.push(
                        Finding::at(
                            peer.span,
                            format!("circuit `{name}` has a Global Reach connection to itself"),
                        )
                        .help("name the other circuit whose private peering this one should reach"),
                    );
                }
            }
            let Some(subnet) = &gr.subnet else { continue };
            let net = subnet.value;
            if net.is_network_of(29, 125) {
                if let Some(peer) = gr.circuit.as_ref().filter(|p| p.value != *name) {
                    let (a, b) = if name.as_str() < peer.value.as_str() {
                        (name.as_str(), peer.value.as_str())
                    } else {
                        (peer.value.as_str(), name.as_str())
                    };
                    if let Some(&(first, first_circuit)) = seen.get(&(a, b, net)) {
                        out.push(
                            Finding::at(
                                subnet.span,
                                format!(
                                    "the Global Reach connection between circuits `{name}` and `{}` (`{net}`) is also written on circuit `{first_circuit}`",
                                    peer.value
                                ),
                            )
                            .label(first.span, format!("the same connection on circuit `{first_circuit}`"))
                            .help("write each Global Reach connection on one of its two circuits only: Azure configures it once, on the circuit where it is created"),
                        );
                        continue;
                    }
                    seen.insert((a, b, net), (subnet, name.as_str()));
                }
                reaches.push(Reach {
                    subnet,
                    circuit: name,
                });
                continue;
            }
            let (want, want_len) = match net.family() {
                Family::V4 => ("an IPv4 /29", 29),
                Family::V6 => ("an IPv6 /125", 125),
            };
            let f = if net.prefix_len != want_len {
                Finding::at(
                    subnet.span,
                    format!(
                        "the Global Reach subnet `{net}` of circuit `{name}` is a /{}, not {want}",
                        net.prefix_len
                    ),
                )
                .help(format!(
                    "give each Global Reach connection {want} that nothing else uses"
                ))
            } else {
                Finding::at(
                    subnet.span,
                    format!(
                        "the Global Reach subnet `{net}` of circuit `{name}` has host bits set"
                    ),
                )
                .help(format!("write the network address, `{}`", net.network()))
            };
            out.push(f);
        }
    }
    if reaches.is_empty() {
        return out;
    }
    reaches.sort_by_key(|r| r.subnet.span);

    // The union of the Global Reach subnets, as disjoint sorted ranges: a
    // range of the design that misses it is not kept (a design has
    // hundreds of thousands; few come near a Global Reach subnet).
    let mut union: Vec<(Family, u128, u128)> = reaches
        .iter()
        .map(|r| {
            let (a, b) = r.subnet.value.range();
            (r.subnet.value.family(), a, b)
        })
        .collect();
    union.sort_unstable();
    union.dedup_by(|next, prev| {
        if next.0 == prev.0 && next.1 <= prev.2.saturating_add(1) {
            prev.2 = prev.2.max(next.2);
            true
        } else {
            false
        }
    });
    let near = |net: &IpNet| {
        let (a, b) = net.range();
        let f = net.family();
        let i = union.partition_point(|&(uf, _, ue)| (uf, ue) < (f, a));
        union.get(i).is_some_and(|&(uf, us, _)| uf == f && us <= b)
    };

    // Every other range near them, in report order, described for a label
    // only when it is reported.
    let mut others: Vec<(&Spanned<IpNet>, Other)> = Vec::new();
    for circuit in db.circuits() {
        let id = circuit.id();
        let circuit = circuit.entity();
        for peering in [&circuit.peerings.private, &circuit.peerings.microsoft]
            .into_iter()
            .flatten()
        {
            let at = |field: u8| Other::Peering(id, peering.kind, field);
            for (key, _, s) in peering.subnet_fields() {
                let field = FIELDS.iter().position(|k| *k == key).unwrap_or(0);
                if near(&s.value) {
                    others.push((s, at(field as u8)));
                }
            }
            if let Some(list) = &peering.advertised_public_prefixes {
                for p in &list.value {
                    if near(&p.value) {
                        others.push((p, at(ADVERTISED)));
                    }
                }
            }
            if let Some(pool) = &peering.nat_pool {
                if near(&pool.value) {
                    others.push((pool, at(4)));
                }
            }
        }
    }
    for vnet in db.vnets() {
        for r in vnet.entity().address_space() {
            if near(&r.value) {
                others.push((r, Other::Vnet(vnet.id())));
            }
        }
    }
    for site in db.sites() {
        // A default route is no address range of the site.
        for p in site
            .entity()
            .prefixes
            .iter()
            .flat_map(|ps| ps.value.iter())
            .filter(|p| !p.value.is_default_route() && near(&p.value))
        {
            others.push((p, Other::Site(site.id())));
        }
    }
    others.sort_by_key(|(r, _)| r.span);

    let own: Vec<Interval> = reaches
        .iter()
        .enumerate()
        .map(|(i, r)| Interval::of(&r.subnet.value, i))
        .collect();
    let earlier = first_earlier_overlap(&own);
    let elsewhere = first_other_overlapping(&own, &others);
    for (i, r) in reaches.iter().enumerate() {
        let (span, value, what) = if let Some(j) = earlier[i] {
            let o = &reaches[j];
            (
                o.subnet.span,
                o.subnet.value,
                format!("the Global Reach subnet of circuit `{}`", o.circuit),
            )
        } else if let Some(k) = elsewhere[i] {
            let (o, what) = &others[k];
            (o.span, o.value, what.describe(db))
        } else {
            continue;
        };
        out.push(
            Finding::at(
                r.subnet.span,
                format!(
                    "the Global Reach subnet `{}` of circuit `{}` overlaps `{value}`, {what}",
                    r.subnet.value, r.circuit
                ),
            )
            .label(span, what)
            .help("pick a /29 (IPv4) or /125 (IPv6) for each Global Reach connection that no virtual network, site, peering or other connection uses"),
        );
    }
    out
}

/// For each Global Reach subnet, the first of `others` (in report order)
/// that overlaps it. The subnets are few and all of one size per family
/// (/29, /125), the other ranges many: each range finds the subnets it
/// covers by binary search among the sorted subnets, and a subnet leaves
/// the search once answered, so this costs O((o + r) log r) time and O(r)
/// memory besides `others`.
fn first_other_overlapping(
    own: &[Interval],
    others: &[(&Spanned<IpNet>, Other)],
) -> Vec<Option<usize>> {
    let mut order: Vec<usize> = (0..own.len()).collect();
    order.sort_by_key(|&i| (own[i].family, own[i].start, i));
    let keys: Vec<(Family, u128)> = order
        .iter()
        .map(|&i| (own[i].family, own[i].start))
        .collect();
    let widest = |f: Family| {
        own.iter()
            .filter(|x| x.family == f)
            .map(|x| x.end - x.start)
            .max()
            .unwrap_or(0)
    };
    let (wide4, wide6) = (widest(Family::V4), widest(Family::V6));
    // next[p]: the first position >= p whose subnet is not answered yet.
    let mut next: Vec<usize> = (0..=order.len()).collect();
    fn find(next: &mut [usize], p: usize) -> usize {
        let mut root = p;
        while next[root] != root {
            root = next[root];
        }
        let mut q = p;
        while next[q] != root {
            let up = next[q];
            next[q] = root;
            q = up;
        }
        root
    }
    let mut answers = vec![None; own.len()];
    for (k, (range, _)) in others.iter().enumerate() {
        let (start, end) = range.value.range();
        let family = range.value.family();
        let wide = if family == Family::V4 { wide4 } else { wide6 };
        let from = (family, start.saturating_sub(wide));
        let lo = keys.partition_point(|&key| key < from);
        let hi = keys.partition_point(|&key| key <= (family, end));
        let mut p = find(&mut next, lo);
        while p < hi {
            let i = order[p];
            if own[i].end >= start {
                answers[i] = Some(k);
                next[p] = p + 1;
            }
            p = find(&mut next, p + 1);
        }
    }
    answers
}
