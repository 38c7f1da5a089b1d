//! A BGP session subnet that is not a /30 (IPv4) or /126 (IPv6) network.
use crate::rules::owners::{is_link_subnet, LINK_V4, LINK_V6};
use crate::rules::prelude::*;

declare_rule! {
    name: "peering-subnet-size",
    group: Peering,
    severity: Error,
    summary: "a peering's primary or secondary subnet is not an IPv4 /30 or an IPv6 /126",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for circuit in cx.db.circuits() {
        // Public peering is retired: public-peering-deprecated owns it.
        for peering in [&circuit.peerings.private, &circuit.peerings.microsoft]
            .into_iter()
            .flatten()
        {
            for (key, family, subnet) in peering.subnet_fields() {
                let net = subnet.value;
                if is_link_subnet(family, &net) {
                    continue;
                }
                let (want, other) = match family {
                    Family::V4 => ("an IPv4 /30", "IPv6 subnets go under `ipv6`"),
                    Family::V6 => ("an IPv6 /126", "IPv4 subnets go directly under the peering"),
                };
                let whose = format!(
                    "`{key}` `{net}` of the {} peering of circuit `{}`",
                    peering.kind.describe(),
                    circuit.name.value
                );
                let finding = if net.family() != family {
                    Finding::at(
                        subnet.span,
                        format!("{whose} is of the wrong address family: it must be {want}"),
                    )
                    .help(format!("write {want} here; {other}"))
                } else if net.prefix_len != want_len(family) {
                    Finding::at(
                        subnet.span,
                        format!("{whose} is a /{}, not {want}", net.prefix_len),
                    )
                    .help(format!(
                        "give each BGP link {want}: split a /{} (IPv4) or /{} (IPv6) into the primary and secondary subnets",
                        LINK_V4 - 1,
                        LINK_V6 - 1
                    ))
                } else {
                    Finding::at(subnet.span, format!("{whose} has host bits set"))
                        .help(format!("write the network address, `{}`", net.network()))
                };
                out.push(finding);
            }
        }
    }
    out
}

fn want_len(family: Family) -> u8 {
    match family {
        Family::V4 => LINK_V4,
        Family::V6 => LINK_V6,
    }
}
