//! A datacenter's circuits all come from one connectivity provider.
use super::{describe_site, distinct_circuits};
use crate::rules::owners::{self, Delivery};
use crate::rules::prelude::*;

declare_rule! {
    name: "single-provider-site",
    group: Redundancy,
    severity: Info,
    summary: "all of a datacenter's or colocation site's circuits come from one provider",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    'sites: for site in cx.db.sites() {
        if !matches!(
            site.kind.as_ref().map(|k| k.value),
            Some(SiteKind::Datacenter | SiteKind::Colocation)
        ) {
            continue;
        }
        let Some(er) = &site.expressroute else {
            continue;
        };
        let (Some(list), Some(named)) = (&er.circuits, &er.provider) else {
            continue;
        };
        // ExpressRoute Direct has no provider: the paths are the site's own.
        if site.model().is_none_or(|m| m == Model::Direct) {
            continue;
        }
        let Some(provider) = site.provider() else {
            continue; // undefined-reference's finding
        };
        let circuits = distinct_circuits(site);
        if circuits.len() < 2 {
            continue; // single-circuit-site's concern
        }
        for (_, resolved) in &circuits {
            // Undefined: undefined-reference; another provider's circuit or
            // a Direct one: circuit-provider-mismatch (or provider-and-port).
            let Some(c) = resolved else { continue 'sites };
            if !matches!(owners::delivery(*c), Some(Delivery::Provider))
                || c.provider() != Some(provider)
            {
                continue 'sites;
            }
        }
        out.push(
            Finding::at(
                list.span,
                format!(
                    "{} of {} come from provider `{}`",
                    if circuits.len() == 2 {
                        "both circuits".to_string()
                    } else {
                        format!("all {} circuits", circuits.len())
                    },
                    describe_site(&site),
                    provider.name.value
                ),
            )
            .label(named.span, "the one provider of every path")
            .help("for diverse routing paths, reach Microsoft through a second provider too (in the design, a site of its own with that provider's circuits), or over ExpressRoute Direct; one provider's outage or shared last mile takes every circuit down"),
        );
    }
    out
}
