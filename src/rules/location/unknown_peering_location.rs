//! A circuit's or port's `peering_location` is not in the catalog.
use crate::catalog::{quoted_list, Catalog};
use crate::rules::prelude::*;

declare_rule! {
    name: "unknown-peering-location",
    group: Location,
    severity: Error,
    summary: "a circuit's or port's `peering_location` is not a peering location the catalog knows",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for circuit in cx.db.circuits() {
        if let Some(loc) = &circuit.peering_location {
            if let Some(f) = unknown(cx.catalog, loc, || {
                format!("circuit `{}`", circuit.name.value)
            }) {
                out.push(f);
            }
        }
    }
    for port in cx.db.ports() {
        if let Some(loc) = &port.peering_location {
            if let Some(f) = unknown(cx.catalog, loc, || format!("port `{}`", port.name.value)) {
                out.push(f);
            }
        }
    }
    out
}

fn unknown(
    catalog: &Catalog,
    loc: &Spanned<Text>,
    owner: impl FnOnce() -> String,
) -> Option<Finding> {
    if catalog.location(&loc.value).is_some() {
        return None;
    }
    let owner = owner();
    let message = format!(
        "{owner} uses peering location `{}`, which is not in the catalog",
        loc.value
    );
    // An Azure region where a peering location belongs: name the locations
    // whose Local SKU reaches it.
    if let Some(region) = catalog.region(&loc.value) {
        let near: Vec<&str> = catalog
            .locations_local_to(region)
            .iter()
            .map(|l| l.name.as_str())
            .collect();
        let help = if near.is_empty() {
            format!(
                "`{}` is an Azure region, not a peering location; use a peering location (`erlint catalog` lists them)",
                region.name
            )
        } else {
            format!(
                "use a peering location such as {} (`{}` is the Azure region, not the meet-me location)",
                quoted_list(&near, "or"),
                region.name
            )
        };
        return Some(Finding::at(loc.span, message).help(help));
    }
    let close = catalog.closest_locations(&loc.value);
    let fix = match close.as_slice() {
        [only] => Some(Fix::replace(
            format!("write `{only}`"),
            Applicability::Unsafe,
            loc.span,
            *only,
        )),
        _ => None,
    };
    let help = if close.is_empty() {
        "use a peering location listed by `erlint catalog`, or add it to the design's catalog file"
            .to_string()
    } else {
        format!(
            "use {} (the closest known name{}), or add `{}` to the design's catalog file",
            quoted_list(&close, "or"),
            if close.len() == 1 { "" } else { "s" },
            loc.value
        )
    };
    let finding = Finding::at(loc.span, message).help(help);
    Some(match fix {
        Some(fix) => finding.fix(fix),
        None => finding,
    })
}
