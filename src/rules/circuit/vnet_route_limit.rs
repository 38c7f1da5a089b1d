//! A linked virtual network advertises more prefixes over one ExpressRoute
//! connection than the connection carries.
use crate::rules::prelude::*;

declare_rule! {
    name: "vnet-route-limit",
    group: Circuit,
    severity: Error,
    summary: "a linked virtual network advertises more than 1,000 IPv4 or 100 IPv6 prefixes over a connection",
    check: check,
}

/// Prefixes a virtual network may advertise over one connection, from its
/// address space and the spokes that use its gateway (includes/expressroute-limits.md).
const IPV4_LIMIT: u64 = 1_000;
const IPV6_LIMIT: u64 = 100;

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for vnet in cx.db.vnets() {
        // The limit is per connection: an unlinked network advertises nothing.
        if vnet.circuits().next().is_none() {
            continue;
        }
        let Some(space) = vnet.address_space.as_ref() else {
            continue;
        };
        let count = |family| {
            space
                .value
                .iter()
                .filter(|p| p.value.family() == family)
                .count() as u64
        };
        let (own_v4, own_v6) = (count(Family::V4), count(Family::V6));
        // Spokes are counted as IPv4: the design gives one number.
        let spokes = vnet.spoke_prefixes.as_ref();
        let spoke_count = spokes.map_or(0, |s| s.value);
        let v4 = own_v4.saturating_add(spoke_count);
        let name = &vnet.name.value;
        if v4 > IPV4_LIMIT {
            // Point at what makes the count: the spokes when the address
            // space alone fits.
            let (span, other) = match spokes {
                Some(s) if own_v4 <= IPV4_LIMIT => (s.span, Some(space.span)),
                _ => (space.span, spokes.map(|s| s.span)),
            };
            let mut f = Finding::at(
                span,
                format!(
                    "virtual network `{name}` advertises {v4} IPv4 prefixes over each ExpressRoute connection ({own_v4} in `address_space`, {spoke_count} from spokes), more than the {IPV4_LIMIT} a connection takes"
                ),
            )
            .help("summarize what the gateway advertises (the virtual network's advertised gateway prefixes, `summarizedGatewayPrefixes`) or the spokes' address spaces: past the limit Azure drops the connection");
            if let Some(other) = other {
                f = f.label(other, "also counted");
            }
            out.push(f);
        }
        if own_v6 > IPV6_LIMIT {
            out.push(
                Finding::at(
                    space.span,
                    format!(
                        "virtual network `{name}` advertises {own_v6} IPv6 prefixes over each ExpressRoute connection, more than the {IPV6_LIMIT} a connection takes"
                    ),
                )
                .help("summarize the IPv6 address space into fewer prefixes: past the limit Azure drops the connection"),
            );
        }
    }
    out
}
