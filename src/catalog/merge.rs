//! Merging a catalog file's entries over the catalog: overrides keep the
//! built-in name and the fields not given, new entries need what cannot be
//! defaulted, references are checked against the merged catalog, and the
//! two sides of "provider at location" are kept in line (`docs/catalog.md`).

use super::read::{At, Errors, Sections};
use super::{key, provider_key, Catalog, Cloud, PeeringLocation, ProviderInfo, Region};
use crate::source::Span;
use std::collections::HashMap;

/// Reports a second entry of the same name in one file.
fn once(
    seen: &mut HashMap<String, Span>,
    name: &At<String>,
    what: &str,
    errors: &mut Errors<'_>,
) -> bool {
    match seen.get(&key(&name.value)) {
        Some(first) => {
            let line = errors.src.line_col(first.start).line;
            errors.at(
                name.span,
                format!("{what} `{}` is already defined on line {line}", name.value),
            );
            false
        }
        None => {
            seen.insert(key(&name.value), name.span);
            true
        }
    }
}

/// Sets `geopolitical_region` unless it is the same region; a changed one is
/// no longer the built-in inference.
fn set_geo(current: &mut String, inferred: &mut bool, new: Option<String>) {
    if let Some(g) = new {
        if key(&g) != key(current) {
            *current = g;
            *inferred = false;
        }
    }
}

/// Regions, then locations, then providers, so every reference can be
/// checked against the merged catalog.
pub(super) fn apply(c: &mut Catalog, s: Sections, errors: &mut Errors<'_>) {
    let mut seen = HashMap::new();
    for e in s.regions {
        let Some(name) = e.name else { continue };
        if !once(&mut seen, &name, "region", errors) {
            continue;
        }
        match c.region_index.get(&key(&name.value)).copied() {
            Some(i) => {
                let r = &mut c.regions[i];
                set_geo(
                    &mut r.geopolitical_region,
                    &mut r.geopolitical_inferred,
                    e.geopolitical_region,
                );
                if let Some(cl) = e.cloud {
                    r.cloud = cl;
                }
                if let Some(v) = e.ergwscale {
                    r.ergwscale = v;
                }
                if let Some(a) = e.aliases {
                    remember(&mut c.region_index, "", &a, i);
                    c.regions[i].aliases = a;
                }
            }
            None => {
                let Some(geo) = e.geopolitical_region else {
                    errors.at(
                        name.span,
                        format!(
                            "region `{}` is not in the built-in catalog; a new region needs `geopolitical_region`",
                            name.value
                        ),
                    );
                    continue;
                };
                remember(
                    &mut c.region_index,
                    &name.value,
                    e.aliases.as_deref().unwrap_or(&[]),
                    c.regions.len(),
                );
                c.regions.push(Region {
                    name: name.value,
                    aliases: e.aliases.unwrap_or_default(),
                    cloud: e
                        .cloud
                        .unwrap_or_else(|| Cloud::of_geopolitical_region(&geo)),
                    geopolitical_region: geo,
                    geopolitical_inferred: false,
                    // Offered in most regions; the file says where not.
                    ergwscale: e.ergwscale.unwrap_or(true),
                });
            }
        }
    }

    let mut seen = HashMap::new();
    let mut new_providers: Vec<String> = Vec::new();
    let mut pending_sites: Vec<At<String>> = Vec::new();
    for e in s.locations {
        let Some(name) = e.name else { continue };
        if !once(&mut seen, &name, "peering location", errors) {
            continue;
        }
        if let Some(lr) = &e.local_regions {
            for r in lr {
                if c.region(&r.value).is_none() {
                    let close = c.closest_regions(&r.value);
                    let hint = crate::suggest::did_you_mean(&close)
                        .map(|d| format!("; {d}"))
                        .unwrap_or_else(|| "; add it under `regions`".to_string());
                    errors.at(r.span, format!("unknown region `{}`{hint}", r.value));
                }
            }
        }
        let local_regions = e
            .local_regions
            .map(|l| l.into_iter().map(|r| r.value).collect::<Vec<_>>());
        if let Some(ps) = &e.providers {
            for p in ps {
                if c.provider(p).is_none()
                    && !new_providers
                        .iter()
                        .any(|n| provider_key(n) == provider_key(p))
                {
                    new_providers.push(p.clone());
                }
            }
        }
        let metro_of = e.metro_of.map(|sites| {
            pending_sites.extend(sites.iter().cloned());
            sites.into_iter().map(|x| x.value).collect::<Vec<_>>()
        });
        match c.location_index.get(&key(&name.value)).copied() {
            Some(i) => {
                if let Some(v) = e.aliases {
                    remember(&mut c.location_index, "", &v, i);
                    c.locations[i].aliases = v;
                }
                let l = &mut c.locations[i];
                set_geo(
                    &mut l.geopolitical_region,
                    &mut l.geopolitical_inferred,
                    e.geopolitical_region,
                );
                if let Some(v) = e.city {
                    l.city = v;
                }
                if let Some(v) = e.cloud {
                    l.cloud = v;
                }
                if let Some(v) = local_regions {
                    l.local_regions = v;
                }
                if let Some(v) = e.direct {
                    l.direct = v;
                }
                if let Some(v) = e.global_reach {
                    l.global_reach = v;
                }
                if let Some(v) = metro_of {
                    l.metro_of = v;
                }
                if let Some(v) = e.providers {
                    let changed = !same_keys(&l.providers, &v);
                    l.providers = v;
                    if changed {
                        forget_location_elsewhere(c, i);
                    }
                }
            }
            None => {
                let Some(geo) = e.geopolitical_region else {
                    errors.at(
                        name.span,
                        format!(
                            "peering location `{}` is not in the built-in catalog; a new location needs `geopolitical_region`",
                            name.value
                        ),
                    );
                    continue;
                };
                // `Amsterdam3` and `Amsterdam Metro` are in the Amsterdam metro.
                let city = e.city.unwrap_or_else(|| {
                    let bare = name.value.trim_end_matches(|ch: char| ch.is_ascii_digit());
                    bare.strip_suffix(" Metro")
                        .unwrap_or(bare)
                        .trim()
                        .to_string()
                });
                remember(
                    &mut c.location_index,
                    &name.value,
                    e.aliases.as_deref().unwrap_or(&[]),
                    c.locations.len(),
                );
                c.locations.push(PeeringLocation {
                    aliases: e.aliases.unwrap_or_default(),
                    city,
                    cloud: e
                        .cloud
                        .unwrap_or_else(|| Cloud::of_geopolitical_region(&geo)),
                    geopolitical_region: geo,
                    geopolitical_inferred: false,
                    local_regions: local_regions.unwrap_or_default(),
                    direct: e.direct.unwrap_or(false),
                    providers: e.providers.unwrap_or_default(),
                    global_reach: e.global_reach.unwrap_or(false),
                    metro_of: metro_of.unwrap_or_default(),
                    name: name.value,
                });
            }
        }
    }
    // Checked once every location of the file is in: a Metro may name
    // sites the file adds after it.
    for site in pending_sites {
        if c.location(&site.value).is_none() {
            unknown_location(c, &site, errors);
        }
    }
    let mut seen = HashMap::new();
    for e in s.providers {
        let Some(name) = e.name else { continue };
        if !once(&mut seen, &name, "provider", errors) {
            continue;
        }
        if let Some(pl) = &e.peering_locations {
            for l in pl {
                if c.location(&l.value).is_none() {
                    unknown_location(c, l, errors);
                }
            }
        }
        let locations = e
            .peering_locations
            .map(|l| l.into_iter().map(|x| x.value).collect::<Vec<_>>());
        match c.provider_index.get(&provider_key(&name.value)).copied() {
            Some(i) => {
                if let Some(v) = e.aliases {
                    remember_provider(&mut c.provider_index, "", &v, i);
                    c.providers[i].aliases = v;
                }
                let p = &mut c.providers[i];
                if let Some(v) = locations {
                    let changed = !same_keys(&p.peering_locations, &v);
                    p.peering_locations = v;
                    if changed {
                        forget_provider_elsewhere(c, i);
                    }
                }
            }
            None => {
                let aliases = e.aliases.unwrap_or_default();
                remember_provider(
                    &mut c.provider_index,
                    &name.value,
                    &aliases,
                    c.providers.len(),
                );
                c.providers.push(ProviderInfo {
                    name: name.value,
                    aliases,
                    peering_locations: locations.unwrap_or_default(),
                });
            }
        }
    }
    // A provider a location names that the catalog does not know yet.
    for p in new_providers {
        if c.provider(&p).is_none() {
            c.providers.push(ProviderInfo {
                name: p,
                aliases: Vec::new(),
                peering_locations: Vec::new(),
            });
        }
    }
    c.reindex();
}

/// Adds lookup keys for an entry at position `i` (names and aliases of
/// earlier entries win); the full [`Catalog::reindex`] runs at the end.
fn remember(map: &mut super::NameIndex, name: &str, aliases: &[String], i: usize) {
    for n in std::iter::once(name).chain(aliases.iter().map(String::as_str)) {
        if !n.is_empty() {
            map.entry(key(n)).or_insert(i);
        }
    }
}

/// [`remember`] for providers, keyed by [`provider_key`].
fn remember_provider(map: &mut super::NameIndex, name: &str, aliases: &[String], i: usize) {
    for n in std::iter::once(name).chain(aliases.iter().map(String::as_str)) {
        if !n.is_empty() {
            map.entry(provider_key(n)).or_insert(i);
        }
    }
}

/// Reports a reference to a location the merged catalog does not have.
fn unknown_location(c: &Catalog, l: &At<String>, errors: &mut Errors<'_>) {
    let close = c.closest_locations(&l.value);
    let hint = crate::suggest::did_you_mean(&close)
        .map(|d| format!("; {d}"))
        .unwrap_or_else(|| "; add it under `peering_locations`".to_string());
    errors.at(
        l.span,
        format!("unknown peering location `{}`{hint}", l.value),
    );
}

fn same_keys(a: &[String], b: &[String]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| key(x) == key(y))
}

/// After a location's `providers` list was replaced: providers no longer in
/// it drop the location from their own list.
fn forget_location_elsewhere(c: &mut Catalog, li: usize) {
    let keep: Vec<usize> = c.locations[li]
        .providers
        .iter()
        .filter_map(|p| c.provider_index.get(&provider_key(p)).copied())
        .collect();
    for (pi, p) in c.providers.iter_mut().enumerate() {
        if !keep.contains(&pi) {
            p.peering_locations
                .retain(|l| c.location_index.get(&key(l)) != Some(&li));
        }
    }
}

/// After a provider's `peering_locations` were replaced: locations no longer
/// in it drop the provider from their list.
fn forget_provider_elsewhere(c: &mut Catalog, pi: usize) {
    let keep: Vec<usize> = c.providers[pi]
        .peering_locations
        .iter()
        .filter_map(|l| c.location_index.get(&key(l)).copied())
        .collect();
    for (li, l) in c.locations.iter_mut().enumerate() {
        if !keep.contains(&li) {
            l.providers
                .retain(|p| c.provider_index.get(&provider_key(p)) != Some(&pi));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::{Catalog, Cloud};
    #[test]
    fn overlay_adds_and_overrides() {
        let mut c = Catalog::builtin();
        c.overlay_str(
            "catalog.yaml",
            "\
peering_locations:
  - name: Amsterdam3
    geopolitical_region: Europe
    local_regions: [west europe]
    direct: true
    providers: [Contoso Fiber]
  - name: atlanta          # partial: only what changes
    local_regions: [East US 2]
regions:
  - name: Finland Central
    geopolitical_region: Europe
  - name: india west
    geopolitical_region: Asia
providers:
  - name: colt
    peering_locations: [Amsterdam, London]
  - name: Contoso Telecom
    aliases: [Contoso]
    peering_locations: [Amsterdam3]
",
        )
        .unwrap();
        let a3 = c.location("Amsterdam 3").unwrap();
        assert_eq!(a3.city, "Amsterdam");
        assert_eq!(a3.cloud, Cloud::Public);
        assert!(a3.direct && !a3.global_reach);
        let atl = c.location("Atlanta").unwrap();
        assert_eq!(atl.local_regions, vec!["East US 2".to_string()]);
        assert!(atl.direct, "fields not given keep their value");
        assert_eq!(
            c.region("finlandcentral").unwrap().geopolitical_region,
            "Europe"
        );
        let wi = c.region("West India").unwrap();
        assert_eq!(wi.geopolitical_region, "Asia");
        assert_eq!(wi.name, "West India", "the built-in name stays");
        assert_eq!(c.provider_at("Colt", "Paris"), Some(false));
        assert_eq!(c.provider_at("Colt", "London"), Some(true));
        assert_eq!(c.provider_at("contoso", "Amsterdam3"), Some(true));
        assert_eq!(c.provider_at("Contoso Fiber", "Amsterdam3"), Some(true));
        assert_eq!(c.overlays, vec!["catalog.yaml".to_string()]);
        assert!(c.to_yaml().contains("#   catalog.yaml\n"));
    }

    #[test]
    fn metro_sites_and_ergwscale_are_fields() {
        let mut c = Catalog::builtin();
        c.overlay_str(
            "catalog.yaml",
            "\
peering_locations:
  - name: Lisbon Metro
    geopolitical_region: Europe
    metro_of: [Lisbon, Lisbon2]
  - name: Lisbon
    geopolitical_region: Europe
  - name: Lisbon2
    geopolitical_region: Europe
regions:
  - name: West Europe
    ergwscale: true
",
        )
        .unwrap();
        let metro = c.location("Lisbon Metro").unwrap();
        assert_eq!(metro.city, "Lisbon");
        assert_eq!(c.link_locations(metro).len(), 2);
        assert!(c.region("West Europe").unwrap().ergwscale);
        let e = Catalog::builtin()
            .overlay_str(
                "cat.yaml",
                "peering_locations:\n  - name: X Metro\n    geopolitical_region: Europe\n    metro_of: [Amsterdm, Amsterdam2]\n",
            )
            .unwrap_err();
        assert!(
            e.starts_with("cat.yaml:4:16: unknown peering location `Amsterdm`; did you mean"),
            "{e}"
        );
    }
}
