//! All of a site's circuits meet Microsoft at the same peering location.
use super::{describe_site, distinct_circuits};
use crate::rules::prelude::*;
use crate::suggest::same_folded;

declare_rule! {
    name: "circuits-same-location",
    group: Redundancy,
    severity: Warning,
    summary: "all of a site's circuits are at the same peering location",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    'sites: for site in cx.db.sites() {
        let Some(list) = site.expressroute.as_ref().and_then(|e| e.circuits.as_ref()) else {
            continue;
        };
        if list.value.len() < 2 {
            continue; // single-circuit-site's concern (checked first: most sites)
        }
        let names = distinct_circuits(site);
        if names.len() < 2 {
            continue; // single-circuit-site's concern
        }
        // Every circuit must be known and located; an undefined circuit is
        // undefined-reference's finding and may be the one elsewhere.
        let mut located: Vec<(&Circuit, &Spanned<Text>)> = Vec::new();
        for (_, resolved) in &names {
            let Some(c) = resolved.map(|c| c.entity()) else {
                continue 'sites;
            };
            let Some(loc) = &c.peering_location else {
                continue 'sites;
            };
            located.push((c, loc));
        }
        // Names compare as people write them; `Amsterdam2` is another
        // peering location than `Amsterdam`.
        let first = &located[0].1.value;
        if located.iter().any(|(_, l)| !same_folded(&l.value, first)) {
            continue;
        }
        let location = &located[0].1.value;
        let all = if located.len() == 2 {
            "both circuits".to_string()
        } else {
            format!("all {} circuits", located.len())
        };
        let mut f = Finding::at(
            list.span,
            format!(
                "{all} of {} are at peering location `{location}`",
                describe_site(&site)
            ),
        )
        .help("move one circuit to a different peering location (a City2 location such as `Amsterdam2` counts): one location is a single point of failure");
        for (c, loc) in &located {
            f = f.label(loc.span, format!("circuit `{}` is here", c.name.value));
        }
        out.push(f);
    }
    out
}
