//! A virtual network's `region` is not an Azure region the catalog knows.
use crate::catalog::quoted_list;
use crate::rules::prelude::*;

declare_rule! {
    name: "unknown-region",
    group: Location,
    severity: Error,
    summary: "a virtual network's `region` is not an Azure region the catalog knows",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for vnet in cx.db.vnets() {
        let Some(region) = &vnet.region else { continue };
        if cx.catalog.region(&region.value).is_some() {
            continue;
        }
        let message = format!(
            "virtual network `{}` is in region `{}`, which is not in the catalog",
            vnet.name.value, region.value
        );
        // A peering location written where its Azure region belongs.
        // The one region meant, if there is exactly one, is a guess
        // (`--unsafe-fixes`): the region may be missing from the catalog.
        let (help, meant) = match cx.catalog.location(&region.value) {
            Some(loc) if !loc.local_regions.is_empty() => (
                format!(
                    "use {} (`{}` is a peering location; this is its local Azure region)",
                    quoted_list(&loc.local_regions, "or"),
                    loc.name
                ),
                match loc.local_regions.as_slice() {
                    [only] => Some(only.to_string()),
                    _ => None,
                },
            ),
            Some(loc) => (
                format!(
                    "use an Azure region (`{}` is a peering location, not a region)",
                    loc.name
                ),
                None,
            ),
            None => {
                let close = cx.catalog.closest_regions(&region.value);
                let help = if close.is_empty() {
                    "use an Azure region listed by `erlint catalog`, or add it to the design's catalog file".to_string()
                } else {
                    format!(
                        "use {} (the closest known name{}), or add `{}` to the design's catalog file",
                        quoted_list(&close, "or"),
                        if close.len() == 1 { "" } else { "s" },
                        region.value
                    )
                };
                let meant = match close.as_slice() {
                    [only] => Some(only.to_string()),
                    _ => None,
                };
                (help, meant)
            }
        };
        let finding = Finding::at(region.span, message).help(help);
        out.push(match meant {
            Some(meant) => finding.fix(Fix::replace(
                format!("write `{meant}`"),
                Applicability::Unsafe,
                region.span,
                meant,
            )),
            None => finding,
        });
    }
    out
}
