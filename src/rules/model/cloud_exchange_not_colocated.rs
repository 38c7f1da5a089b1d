//! `model: cloud-exchange` at a site that is not in a colocation facility with a cloud exchange.
use crate::rules::prelude::*;

declare_rule! {
    name: "cloud-exchange-not-colocated",
    group: Model,
    severity: Error,
    summary: "a cloud-exchange site is not a colocation site hosting a cloud exchange",
    check: check,
}

fn a_kind(kind: SiteKind) -> &'static str {
    match kind {
        SiteKind::Datacenter => "a datacenter",
        SiteKind::Office => "an office",
        SiteKind::Colocation => "a colocation site",
    }
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for site in cx.db.all_sites() {
        let Some(model) = site.expressroute.as_ref().and_then(|e| e.model.as_ref()) else {
            continue;
        };
        if model.value != Model::CloudExchange {
            continue;
        }
        // A missing or invalid `kind` was already reported.
        let Some(kind) = &site.kind else { continue };
        let name = &site.name.value;
        if kind.value != SiteKind::Colocation {
            out.push(
                Finding::at(
                    model.span,
                    format!(
                        "site `{name}` uses cloud exchange co-location but is {}, not a colocation site",
                        a_kind(kind.value)
                    ),
                )
                .label(kind.span, format!("`{name}` is {}", a_kind(kind.value)))
                .help("use `model: ethernet` or `ipvpn` for this site (a cloud exchange is reached from inside its colocation facility), or set `kind: colocation` if the site is in one"),
            );
            continue;
        }
        let hosts_exchange = site.cloud_exchange.as_ref().is_some_and(|c| c.value);
        if !hosts_exchange {
            let mut f = Finding::at(
                model.span,
                format!("site `{name}` uses cloud exchange co-location but its facility is not marked as hosting a cloud exchange"),
            )
            .help("set `cloud_exchange: true` if the facility hosts a cloud exchange, or use `model: ethernet` or `ipvpn`");
            if let Some(c) = &site.cloud_exchange {
                f = f.label(c.span, "no cloud exchange in this facility");
            }
            out.push(f);
        }
    }
    out
}
