//! A Direct port is placed at a peering location without ExpressRoute Direct.
use crate::catalog::quoted_list;
use crate::rules::prelude::*;

declare_rule! {
    name: "direct-not-at-location",
    group: Location,
    severity: Error,
    summary: "an ExpressRoute Direct port is at a peering location that does not offer Direct",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for port in cx.db.ports() {
        let Some(value) = &port.peering_location else {
            continue;
        };
        // Unknown: unknown-peering-location's finding.
        let Some(loc) = cx.catalog.location(&value.value) else {
            continue;
        };
        if loc.direct {
            continue;
        }
        let near: Vec<&str> = cx
            .catalog
            .same_metro(loc, |l| l.direct)
            .iter()
            .map(|l| l.name.as_str())
            .collect();
        let help = if near.is_empty() {
            "place the port at a peering location that offers ExpressRoute Direct, or order a provider circuit here instead".to_string()
        } else {
            format!(
                "place the port at {} (ExpressRoute Direct is offered there), or order a provider circuit at `{}` instead",
                quoted_list(&near, "or"),
                loc.name
            )
        };
        out.push(
            Finding::at(
                value.span,
                format!(
                    "port `{}` is at peering location `{}`, which does not offer ExpressRoute Direct",
                    port.name.value, loc.name
                ),
            )
            .help(help),
        );
    }
    out
}
