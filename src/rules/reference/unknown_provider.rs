//! A provider the catalog does not know and that declares no locations: the
//! location checks are silently off for it.
use crate::catalog::quoted_list;
use crate::rules::owners;
use crate::rules::prelude::*;

declare_rule! {
    name: "unknown-provider",
    group: Reference,
    severity: Warning,
    summary: "a provider declares no `peering_locations` and matches no catalog provider: its location checks are skipped",
    check: check,
}

fn check(cx: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for provider in cx.db.providers() {
        let p = provider.entity();
        // Declared locations (even invalid ones, reported by the loader)
        // are what the location checks read.
        if p.has(ProviderKey::PeeringLocations) {
            continue;
        }
        // An unused provider is unused-provider's finding; no circuit's
        // check is skipped.
        if !provider.is_used() {
            continue;
        }
        if owners::catalog_provider(cx.catalog, provider).is_some() {
            continue;
        }
        // An invalid `catalog_name` is invalid-value's finding.
        if p.catalog_name.is_none() && p.has(ProviderKey::CatalogName) {
            continue;
        }
        let (span, written, how) = match &p.catalog_name {
            Some(c) => (
                c.span,
                c.value.as_str(),
                format!(
                    "the `catalog_name` of provider `{}`, `{}`,",
                    p.name.value, c.value
                ),
            ),
            None => (
                p.name.span,
                p.name.value.as_str(),
                format!("provider `{}`", p.name.value),
            ),
        };
        let close = suggestions(cx, written);
        let verb = if p.catalog_name.is_some() {
            "set"
        } else {
            "add"
        };
        let fix = match close.as_slice() {
            [] => "declare the provider's `peering_locations` (the contract's meet-me locations), or name it as the catalog does with `catalog_name` (`erlint catalog` lists the providers)".to_string(),
            [one] => format!(
                "if it is `{one}` in the catalog, {verb} `catalog_name: {one}`; otherwise declare the provider's `peering_locations`"
            ),
            several => format!(
                "if it is {} in the catalog, {verb} that name as `catalog_name`; otherwise declare the provider's `peering_locations`",
                quoted_list(several, "or")
            ),
        };
        out.push(
            Finding::at(
                span,
                format!(
                    "{how} matches no provider of the catalog, and it declares no `peering_locations`: location checks are skipped for its circuits"
                ),
            )
            .help(fix),
        );
    }
    out
}

/// Catalog names for "did you mean": the providers whose initials the name
/// is (`bt` for `British Telecom`: short names are how designs write
/// them), then the closest spellings, at most three.
fn suggestions<'c>(cx: &RuleContext<'c>, written: &str) -> Vec<&'c str> {
    let wanted = crate::catalog::provider_key(written);
    let mut out: Vec<&str> = Vec::new();
    if wanted.chars().count() >= 2 {
        for p in &cx.catalog.providers {
            let initials: String = p
                .name
                .split(|c: char| !c.is_alphanumeric())
                .filter_map(|w| w.chars().next())
                .flat_map(char::to_lowercase)
                .collect();
            if initials == wanted && !out.contains(&p.name.as_str()) {
                out.push(&p.name);
            }
        }
    }
    for name in cx.catalog.closest_providers(written) {
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out.truncate(3);
    out
}
