//! A Global Reach connection with a bad subnet or a bad peer circuit.
use crate::model::intervals::{first_earlier_overlap, first_overlapping, Interval};
use crate::rules::prelude::*;
use crate::suggest;

pub static RULE: Rule = Rule {
    name: "global-reach-subnet",
    group: Group::Routing,
    default_severity: Severity::Error,
    summary:
        "a Global Reach subnet is not a /29 (/125), overlaps another range, or names a bad circuit",
    doc: rule_doc!("global-reach-subnet"),
    check: Some(check),
    source: file!(),
};

/// A Global Reach subnet that passed the size check.
struct Reach<'d> {
    subnet: &'d Spanned<IpNet>,
    circuit: &'d str,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let (d, ix) = (cx.design, cx.index);
    let mut out = Vec::new();
    let mut reaches: Vec<Reach<'_>> = Vec::new();
    for (pos, circuit) in d.circuits.iter().enumerate() {
        if !ix.is_canonical_circuit(d, pos) {
            continue;
        }
        let name = &circuit.name.value;
        for gr in circuit.global_reach() {
            if let Some(peer) = &gr.circuit {
                if ix.circuit(d, &peer.value).is_none() {
                    let close = suggest::closest(&peer.value, ix.circuit_names(), 3);
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

    // Every other range in the design, in report order, described for a label.
    let mut others: Vec<(&Spanned<IpNet>, String)> = Vec::new();
    for (pos, circuit) in d.circuits.iter().enumerate() {
        if !ix.is_canonical_circuit(d, pos) {
            continue;
        }
        for peering in [&circuit.peerings.private, &circuit.peerings.microsoft]
            .into_iter()
            .flatten()
        {
            let whose = format!(
                "the {} peering of circuit `{}`",
                peering.kind.describe(),
                circuit.name.value
            );
            for (key, _, s) in peering.subnet_fields() {
                others.push((s, format!("`{key}` of {whose}")));
            }
            if let Some(list) = &peering.advertised_public_prefixes {
                for p in &list.value {
                    others.push((p, format!("advertised public prefix of {whose}")));
                }
            }
            if let Some(pool) = &peering.nat_pool {
                others.push((pool, format!("`nat_pool` of {whose}")));
            }
        }
    }
    for vnet in &d.virtual_networks {
        if ix
            .vnet(d, &vnet.name.value)
            .is_some_and(|v| v.name.span == vnet.name.span)
        {
            for r in vnet.address_space() {
                others.push((
                    r,
                    format!("address space of virtual network `{}`", vnet.name.value),
                ));
            }
        }
    }
    for site in &d.sites {
        if ix
            .site(d, &site.name.value)
            .is_some_and(|s| s.name.span == site.name.span)
        {
            for p in site.prefixes.iter().flat_map(|ps| ps.value.iter()) {
                others.push((p, format!("prefix of site `{}`", site.name.value)));
            }
        }
    }
    others.sort_by_key(|(r, _)| r.span);

    let own: Vec<Interval> = reaches
        .iter()
        .enumerate()
        .map(|(i, r)| Interval::of(&r.subnet.value, i))
        .collect();
    let targets: Vec<Interval> = others
        .iter()
        .map(|(r, _)| Interval::of(&r.value, usize::MAX))
        .collect();
    let earlier = first_earlier_overlap(&own);
    let elsewhere = first_overlapping(&targets, &own);
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
            (o.span, o.value, what.clone())
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
