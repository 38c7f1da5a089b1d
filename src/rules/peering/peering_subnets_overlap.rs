//! Two BGP subnets overlap: a peering's own primary and secondary, or any
//! two peerings anywhere in the design.
use crate::model::intervals::{earlier_overlaps, Interval};
use crate::rules::owners::is_link_subnet;
use crate::rules::prelude::*;

declare_rule! {
    name: "peering-subnets-overlap",
    group: Peering,
    severity: Error,
    summary: "two peering subnets overlap, within one peering or across the design",
    check: check,
}

/// One BGP subnet, copied out of its circuit: the overlap pass reads them
/// all in address order, and the circuits (hundreds of bytes each, tens of
/// megabytes on a large design) would be a cache miss per read.
struct Entry {
    net: IpNet,
    span: Span,
    /// Circuit position; with `kind`, one peering.
    circuit: CircuitId,
    kind: PeeringKind,
    /// Index in [`KEYS`].
    key: u8,
}

/// The BGP subnet keys of a peering, with the family each must have.
const KEYS: [(&str, Family); 4] = [
    ("primary_subnet", Family::V4),
    ("secondary_subnet", Family::V4),
    ("ipv6.primary_subnet", Family::V6),
    ("ipv6.secondary_subnet", Family::V6),
];

impl Entry {
    fn key(&self) -> &'static str {
        KEYS.get(self.key as usize).map_or("", |k| k.0)
    }

    fn peering(&self) -> (CircuitId, PeeringKind) {
        (self.circuit, self.kind)
    }
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    // The peerings are boxed: one cache miss each on a large design. List
    // them first (one pass along the circuits), then read them in a loop
    // short enough for the CPU to overlap the misses: a third faster than
    // one loop doing both on 44k circuits.
    let mut peerings: Vec<(&Peering, CircuitId)> = Vec::with_capacity(cx.db.circuit_count());
    for circuit in cx.db.circuits() {
        let circuit_id = circuit.id();
        let circuit = circuit.entity();
        for peering in [&circuit.peerings.private, &circuit.peerings.microsoft]
            .into_iter()
            .flatten()
        {
            peerings.push((peering, circuit_id));
        }
    }
    // Most peerings have two or four subnets.
    let mut entries: Vec<Entry> = Vec::with_capacity(3 * peerings.len());
    for &(peering, circuit_id) in &peerings {
        // In the order of KEYS (not through `subnet_fields`, whose
        // key names would have to be looked up again here).
        let v6 = peering.ipv6.as_ref();
        let subnets = [
            peering.primary_subnet.as_ref(),
            peering.secondary_subnet.as_ref(),
            v6.and_then(|v| v.primary_subnet.as_ref()),
            v6.and_then(|v| v.secondary_subnet.as_ref()),
        ];
        for (key, ((_, family), subnet)) in KEYS.iter().zip(subnets).enumerate() {
            let Some(subnet) = subnet else { continue };
            // A subnet of the wrong size is peering-subnet-size's finding.
            if !is_link_subnet(*family, &subnet.value) {
                continue;
            }
            entries.push(Entry {
                net: subnet.value,
                span: subnet.span,
                circuit: circuit_id,
                kind: peering.kind,
                key: key as u8,
            });
        }
    }
    // Report order, so the later value is the primary span.
    entries.sort_by_key(|e| e.span);
    // Every subnet in a group of its own: a peering's primary and
    // secondary must not overlap either.
    let pairs = earlier_overlaps(entries.len(), |i| Interval::of(&entries[i].net, i));
    let mut out = Vec::new();
    for (i, j) in pairs {
        let (e, o) = (&entries[i], &entries[j]);
        let name = |x: &Entry| {
            cx.db
                .circuit(x.circuit)
                .map_or("", |c| c.entity().name.value.as_str())
        };
        let same = if e.net == o.net {
            "is the same as"
        } else {
            "overlaps"
        };
        let finding = if e.peering() == o.peering() {
            Finding::at(
                e.span,
                format!(
                    "`{}` `{}` of the {} peering of circuit `{}` {same} its `{}` `{}`",
                    e.key(),
                    e.net,
                    e.kind.describe(),
                    name(e),
                    o.key(),
                    o.net
                ),
            )
            .label(o.span, format!("`{}` of the same peering", o.key()))
            .help("give the primary and secondary links two different subnets, such as the two halves of a /29 (IPv4) or /125 (IPv6)")
        } else {
            Finding::at(
                e.span,
                format!(
                    "`{}` `{}` of the {} peering of circuit `{}` {same} `{}` `{}` of the {} peering of circuit `{}`",
                    e.key(),
                    e.net,
                    e.kind.describe(),
                    name(e),
                    o.key(),
                    o.net,
                    o.kind.describe(),
                    name(o)
                ),
            )
            .label(
                o.span,
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
