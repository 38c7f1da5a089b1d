//! Two BGP subnets overlap: a peering's own primary and secondary, or any
//! two peerings anywhere in the design.
use super::peering_subnet_size::is_link_subnet;
use crate::model::intervals::{first_earlier_overlap, Interval};
use crate::rules::prelude::*;

pub static RULE: Rule = Rule {
    name: "peering-subnets-overlap",
    group: Group::Peering,
    default_severity: Severity::Error,
    summary: "two peering subnets overlap, within one peering or across the design",
    doc: rule_doc!("peering-subnets-overlap"),
    check: Some(check),
    source: file!(),
};

/// One BGP subnet; 16 bytes, as a design has hundreds of thousands.
struct Entry<'d> {
    subnet: &'d Spanned<IpNet>,
    /// Circuit position; with `kind`, one peering.
    circuit: u32,
    kind: PeeringKind,
    /// Index in [`KEYS`].
    key: u8,
}

const KEYS: &[&str] = &[
    "primary_subnet",
    "secondary_subnet",
    "ipv6.primary_subnet",
    "ipv6.secondary_subnet",
];

impl Entry<'_> {
    fn key(&self) -> &'static str {
        KEYS.get(self.key as usize).copied().unwrap_or("")
    }

    fn peering(&self) -> (u32, PeeringKind) {
        (self.circuit, self.kind)
    }
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut entries: Vec<Entry<'_>> = Vec::new();
    for (pos, circuit) in cx.index.canonical_circuits(cx.design) {
        for peering in [&circuit.peerings.private, &circuit.peerings.microsoft]
            .into_iter()
            .flatten()
        {
            for (key, family, subnet) in peering.subnet_fields() {
                // A subnet of the wrong size is peering-subnet-size's finding.
                if !is_link_subnet(family, &subnet.value) {
                    continue;
                }
                entries.push(Entry {
                    subnet,
                    circuit: u32::try_from(pos).unwrap_or(u32::MAX),
                    kind: peering.kind,
                    key: KEYS.iter().position(|k| *k == key).unwrap_or(0) as u8,
                });
            }
        }
    }
    // Report order, so the later value is the primary span.
    entries.sort_by_key(|e| e.subnet.span);
    let intervals: Vec<Interval> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| Interval::of(&e.subnet.value, i))
        .collect();
    let mut out = Vec::new();
    for (i, earlier) in first_earlier_overlap(&intervals).into_iter().enumerate() {
        let Some(j) = earlier else { continue };
        let (e, o) = (&entries[i], &entries[j]);
        let name = |x: &Entry<'_>| {
            cx.design
                .circuits
                .get(x.circuit as usize)
                .map_or("", |c| c.name.value.as_str())
        };
        let same = if e.subnet.value == o.subnet.value {
            "is the same as"
        } else {
            "overlaps"
        };
        let finding = if e.peering() == o.peering() {
            Finding::at(
                e.subnet.span,
                format!(
                    "`{}` `{}` of the {} peering of circuit `{}` {same} its `{}` `{}`",
                    e.key(),
                    e.subnet.value,
                    e.kind.describe(),
                    name(e),
                    o.key(),
                    o.subnet.value
                ),
            )
            .label(o.subnet.span, format!("`{}` of the same peering", o.key()))
            .help("give the primary and secondary links two different subnets, such as the two halves of a /29 (IPv4) or /125 (IPv6)")
        } else {
            Finding::at(
                e.subnet.span,
                format!(
                    "`{}` `{}` of the {} peering of circuit `{}` {same} `{}` `{}` of the {} peering of circuit `{}`",
                    e.key(),
                    e.subnet.value,
                    e.kind.describe(),
                    name(e),
                    o.key(),
                    o.subnet.value,
                    o.kind.describe(),
                    name(o)
                ),
            )
            .label(
                o.subnet.span,
                format!(
                    "`{}` of the {} peering of circuit `{}`",
                    o.key(),
                    o.kind.describe(),
                    name(o)
                ),
            )
            .help("give every BGP session in the design its own subnet: pick an unused /30 (IPv4) or /126 (IPv6)")
        };
        out.push(finding);
    }
    out
}
