//! Microsoft peering for a site numbered from private space, without NAT.
use crate::rules::prelude::*;

declare_rule! {
    name: "microsoft-peering-no-nat",
    group: Routing,
    severity: Error,
    summary: "Microsoft peering used by a site with private prefixes has no `nat_pool`",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for circuit in cx.db.circuits() {
        let Some(peering) = &circuit.peerings.microsoft else {
            continue;
        };
        if peering.nat_pool.is_some() {
            continue;
        }
        let private = circuit.listed_by().find_map(|site| {
            site.entity().prefixes.as_ref().and_then(|ps| {
                ps.value
                    .iter()
                    .find(|p| {
                        p.value
                            .special_use()
                            .is_some_and(|(k, _)| k.is_private_use())
                    })
                    .map(|p| (site, p))
            })
        });
        let Some((site, prefix)) = private else {
            continue;
        };
        out.push(
            Finding::at(
                peering.key,
                format!(
                    "the Microsoft peering of circuit `{}` has no `nat_pool`, but site `{}` uses private prefix `{}`",
                    circuit.name.value, site.name.value, prefix.value
                ),
            )
            .label(prefix.span, format!("private prefix of site `{}`", site.name.value))
            .help("add a `nat_pool` of public addresses registered to you, and SNAT traffic to Microsoft into it"),
        );
    }
    out
}
