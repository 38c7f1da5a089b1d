//! Microsoft peering addresses that are not public address space.
use crate::rules::prelude::*;

declare_rule! {
    name: "microsoft-peering-private-ip",
    group: Peering,
    severity: Error,
    summary: "a Microsoft peering subnet, advertised prefix or NAT pool is not public address space",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for circuit in cx.db.circuits() {
        let Some(peering) = &circuit.peerings.microsoft else {
            continue;
        };
        let mut values: Vec<(&str, &Spanned<IpNet>)> = peering
            .subnet_fields()
            .map(|(key, _, subnet)| (key, subnet))
            .collect();
        if let Some(list) = &peering.advertised_public_prefixes {
            values.extend(list.value.iter().map(|p| ("advertised_public_prefixes", p)));
        }
        if let Some(pool) = &peering.nat_pool {
            values.push(("nat_pool", pool));
        }
        for (key, value) in values {
            let Some((kind, range)) = value.value.special_use() else {
                continue;
            };
            let within = if range.contains(&value.value) {
                "is in"
            } else {
                "contains"
            };
            out.push(
                Finding::at(
                    value.span,
                    format!(
                        "`{key}` `{}` of the Microsoft peering of circuit `{}` is not public: it {within} `{range}`, {}",
                        value.value,
                        circuit.name.value,
                        kind.describe()
                    ),
                )
                .help("use public addresses registered to you or your provider in a routing registry (RIR or IRR)"),
            );
        }
    }
    out
}
