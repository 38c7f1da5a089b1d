//! More prefixes advertised to a peering than Microsoft accepts.
use crate::catalog::sku::{
    private_ipv4_prefix_limit, MICROSOFT_PREFIX_LIMIT, PRIVATE_IPV6_PREFIX_LIMIT,
};
use crate::rules::prelude::*;

declare_rule! {
    name: "prefix-limit",
    group: Peering,
    severity: Error,
    summary: "a peering advertises more prefixes than Microsoft accepts (the BGP session drops)",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for circuit in cx.db.circuits() {
        let name = &circuit.name.value;
        if let Some(p) = &circuit.peerings.private {
            if let Some(n) = &p.advertised_prefixes {
                // Without a valid SKU, judge by the largest limit (Premium).
                let sku = circuit.sku.as_ref().map_or(Sku::Premium, |s| s.value);
                let limit = private_ipv4_prefix_limit(sku);
                if n.value > limit {
                    let mut f = Finding::at(
                        n.span,
                        format!(
                            "the private peering of circuit `{name}` advertises {} IPv4 prefixes, more than the {limit} {} accepts",
                            n.value,
                            circuit.sku.as_ref().map_or("any circuit", |_| sku_word(sku)),
                        ),
                    );
                    if let Some(s) = &circuit.sku {
                        f = f.label(s.span, format!("`{}` SKU", s.value.as_str()));
                    }
                    let help = if sku == Sku::Premium {
                        "summarize the on-premises routes; exceeding the limit drops the BGP session"
                    } else {
                        "summarize the on-premises routes, or use `sku: premium` (10000 prefixes); exceeding the limit drops the BGP session"
                    };
                    out.push(f.help(help));
                }
            }
            if let Some(n) = &p.advertised_prefixes_v6 {
                if n.value > PRIVATE_IPV6_PREFIX_LIMIT {
                    out.push(
                        Finding::at(
                            n.span,
                            format!(
                                "the private peering of circuit `{name}` advertises {} IPv6 prefixes, more than the {PRIVATE_IPV6_PREFIX_LIMIT} any circuit accepts",
                                n.value
                            ),
                        )
                        .help("summarize the on-premises IPv6 routes; exceeding the limit drops the BGP session"),
                    );
                }
            }
        }
        if let Some(p) = &circuit.peerings.microsoft {
            for (family, count) in [
                (Family::V4, &p.advertised_prefixes),
                (Family::V6, &p.advertised_prefixes_v6),
            ] {
                let listed = p.advertised_public_prefixes.as_ref().map(|l| {
                    let n = l
                        .value
                        .iter()
                        .filter(|x| x.value.family() == family)
                        .count();
                    (u64::try_from(n).unwrap_or(u64::MAX), l.span)
                });
                // The declared count if it is over the limit, else the list.
                let over = count
                    .as_ref()
                    .map(|c| (c.value, c.span))
                    .filter(|(n, _)| *n > MICROSOFT_PREFIX_LIMIT)
                    .or(listed.filter(|(n, _)| *n > MICROSOFT_PREFIX_LIMIT));
                let Some((n, span)) = over else { continue };
                let fam = match family {
                    Family::V4 => "IPv4",
                    Family::V6 => "IPv6",
                };
                out.push(
                    Finding::at(
                        span,
                        format!(
                            "the Microsoft peering of circuit `{name}` advertises {n} {fam} prefixes, more than the {MICROSOFT_PREFIX_LIMIT} Microsoft peering accepts"
                        ),
                    )
                    .help("advertise fewer, larger public prefixes; exceeding the limit drops the BGP session"),
                );
            }
        }
    }
    out
}

fn sku_word(sku: Sku) -> &'static str {
    match sku {
        Sku::Local => "a Local circuit",
        Sku::Standard => "a Standard circuit",
        Sku::Premium => "a Premium circuit",
    }
}
