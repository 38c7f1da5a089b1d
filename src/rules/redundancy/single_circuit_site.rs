//! A datacenter or colocation site depends on one circuit.
use super::{describe_site, distinct_circuits};
use crate::rules::prelude::*;

declare_rule! {
    name: "single-circuit-site",
    group: Redundancy,
    severity: Warning,
    summary: "a datacenter or colocation site uses one circuit only",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for site in cx.db.sites() {
        let Some(kind) = &site.kind else { continue };
        if !matches!(kind.value, SiteKind::Datacenter | SiteKind::Colocation) {
            continue;
        }
        let Some(list) = site.expressroute.as_ref().and_then(|e| e.circuits.as_ref()) else {
            continue;
        };
        let circuits = distinct_circuits(site);
        let [(only, _)] = circuits.as_slice() else {
            continue;
        };
        out.push(
            Finding::at(
                list.span,
                format!(
                    "{} uses one circuit only (`{}`)",
                    describe_site(&site),
                    only.value
                ),
            )
            .help("add a second circuit at a different peering location: a single circuit at one location is not recommended for production workloads"),
        );
    }
    out
}
