//! The NAT pool is not covered by an advertised public prefix.
use crate::rules::prelude::*;

declare_rule! {
    name: "nat-pool-not-advertised",
    group: Routing,
    severity: Error,
    summary: "the `nat_pool` is not inside one of the `advertised_public_prefixes`",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for circuit in cx.db.circuits() {
        // Public peering is retired: public-peering-deprecated owns it.
        let Some(peering) = &circuit.peerings.microsoft else {
            continue;
        };
        let Some(pool) = &peering.nat_pool else {
            continue;
        };
        // A pool that is not public is microsoft-peering-private-ip's finding.
        if pool.value.special_use().is_some() {
            continue;
        }
        let advertised = peering.advertised_public_prefixes.as_ref();
        if advertised.is_some_and(|a| a.value.iter().any(|p| p.value.contains(&pool.value))) {
            continue;
        }
        let mut f = Finding::at(
            pool.span,
            format!(
                "`nat_pool` `{}` of the Microsoft peering of circuit `{}` is not inside any advertised public prefix",
                pool.value, circuit.name.value
            ),
        );
        f = match advertised {
            Some(a) => f.label(a.span, "the advertised public prefixes"),
            None => f,
        };
        out.push(f.help(format!(
            "add `{}` (or a prefix that covers it) to `advertised_public_prefixes`, so return traffic from Microsoft reaches the NAT",
            pool.value.network()
        )));
    }
    out
}
