//! The built-in ExpressRoute catalog: peering locations, Azure regions,
//! providers (from `data/*.tsv`, copies of the public facts in
//! `shared/data/`, embedded in the binary), and the SKU facts in [`sku`].
//!
//! Names match as people write them: case, spaces, hyphens and underscores
//! do not count (`West Europe` = `westeurope`), see [`crate::suggest::fold`].

pub mod sku;

use crate::suggest::fold;
use std::collections::HashMap;

const LOCATIONS_TSV: &str = include_str!("data/peering-locations.tsv");
const REGIONS_TSV: &str = include_str!("data/azure-regions.tsv");
const PROVIDERS_TSV: &str = include_str!("data/providers.tsv");

/// An ExpressRoute peering location (a meet-me facility).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeeringLocation {
    /// The catalog spelling (`Amsterdam2`). National-cloud locations that
    /// share a public location's name carry the cloud in the name.
    pub name: String,
    /// Metro (`Amsterdam` for Amsterdam and Amsterdam2).
    pub city: String,
    /// Geopolitical region (`Europe`); `US Government cloud`, `China East`...
    pub geopolitical_region: String,
    /// Azure regions a Local circuit here reaches; empty: no ExpressRoute Local.
    pub local_regions: Vec<String>,
    /// ExpressRoute Direct ports are offered here.
    pub direct: bool,
    /// Providers present here (doc spelling).
    pub providers: Vec<String>,
    /// `Azure public`, `Azure US Government`, `Azure China (21Vianet)`.
    pub cloud: String,
    /// Global Reach is available here.
    pub global_reach: bool,
}

/// An Azure region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Region {
    pub name: String,
    pub geopolitical_region: String,
}

/// A connectivity provider the catalog knows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProviderInfo {
    pub name: String,
    /// Peering locations where it meets Microsoft.
    pub peering_locations: Vec<String>,
}

/// The facts a design is checked against.
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    pub locations: Vec<PeeringLocation>,
    pub regions: Vec<Region>,
    pub providers: Vec<ProviderInfo>,
    location_index: HashMap<String, usize>,
    region_index: HashMap<String, usize>,
    provider_index: HashMap<String, usize>,
}

fn split_list(s: &str) -> Vec<String> {
    s.split(';')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(String::from)
        .collect()
}

/// `inferred:Europe` → `Europe`: the prefix records provenance, not a region.
fn geo(s: &str) -> String {
    s.trim().trim_start_matches("inferred:").trim().to_string()
}

fn rows(tsv: &str) -> impl Iterator<Item = Vec<&str>> {
    tsv.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
}

impl Catalog {
    /// The catalog embedded in the binary.
    pub fn builtin() -> Catalog {
        let mut c = Catalog::default();
        for r in rows(REGIONS_TSV) {
            let name = r.first().copied().unwrap_or("").trim();
            if name.is_empty() {
                continue;
            }
            c.regions.push(Region {
                name: name.to_string(),
                geopolitical_region: geo(r.get(1).copied().unwrap_or("")),
            });
        }
        for r in rows(LOCATIONS_TSV) {
            let field = |i: usize| r.get(i).copied().unwrap_or("").trim();
            let cloud = field(6).to_string();
            let mut name = field(0).to_string();
            if name.is_empty() {
                continue;
            }
            // The same city name exists in several clouds (Washington DC public
            // and US Government); keep them distinct.
            if cloud.contains("US Government") {
                name = format!("{name} (US Government)");
            } else if cloud.contains("China") {
                name = format!("{name} (China)");
            }
            c.locations.push(PeeringLocation {
                name,
                city: field(1).to_string(),
                geopolitical_region: geo(field(2)),
                local_regions: split_list(field(3)),
                direct: field(4).eq_ignore_ascii_case("yes"),
                providers: split_list(field(5)),
                cloud,
                global_reach: field(10).eq_ignore_ascii_case("yes"),
            });
        }
        for r in rows(PROVIDERS_TSV) {
            let name = r.first().copied().unwrap_or("").trim();
            if name.is_empty() {
                continue;
            }
            c.providers.push(ProviderInfo {
                name: name.to_string(),
                peering_locations: split_list(r.get(4).copied().unwrap_or("")),
            });
        }
        c.reindex();
        c
    }

    /// Rebuilds the name lookups after entries were added or replaced.
    pub fn reindex(&mut self) {
        self.location_index = self
            .locations
            .iter()
            .enumerate()
            .map(|(i, l)| (fold(&l.name), i))
            .collect();
        self.region_index = self
            .regions
            .iter()
            .enumerate()
            .map(|(i, r)| (fold(&r.name), i))
            .collect();
        self.provider_index = self
            .providers
            .iter()
            .enumerate()
            .map(|(i, p)| (fold(&p.name), i))
            .collect();
    }

    /// A peering location by name, as people write it.
    pub fn location(&self, name: &str) -> Option<&PeeringLocation> {
        self.location_index
            .get(&fold(name))
            .map(|&i| &self.locations[i])
    }

    /// An Azure region by name, as people write it.
    pub fn region(&self, name: &str) -> Option<&Region> {
        self.region_index
            .get(&fold(name))
            .map(|&i| &self.regions[i])
    }

    /// A known provider by name (case-insensitive).
    pub fn provider(&self, name: &str) -> Option<&ProviderInfo> {
        self.provider_index
            .get(&fold(name))
            .map(|&i| &self.providers[i])
    }

    /// Closest location names, for "did you mean".
    pub fn closest_locations(&self, name: &str) -> Vec<&str> {
        crate::suggest::closest(name, self.locations.iter().map(|l| l.name.as_str()), 3)
    }

    /// Closest region names, for "did you mean".
    pub fn closest_regions(&self, name: &str) -> Vec<&str> {
        crate::suggest::closest(name, self.regions.iter().map(|r| r.name.as_str()), 3)
    }

    /// True when two names are the same location/region as people write them.
    pub fn same_name(a: &str, b: &str) -> bool {
        fold(a) == fold(b)
    }
}

impl Catalog {
    /// Adds or overrides entries from a design repository's catalog file.
    pub fn overlay_file(&mut self, path: &std::path::Path) -> Result<(), String> {
        Err(format!(
            "catalog files are not supported yet: `{}`",
            path.display()
        ))
    }

    /// The effective catalog as YAML (`erlint catalog`).
    pub fn to_yaml(&self) -> String {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_knows_amsterdam_and_west_europe() {
        let c = Catalog::builtin();
        let ams = c.location("amsterdam").unwrap();
        assert_eq!(ams.local_regions, vec!["West Europe".to_string()]);
        assert_eq!(ams.geopolitical_region, "Europe");
        assert!(ams.direct);
        assert_eq!(
            c.region("westeurope").unwrap().geopolitical_region,
            "Europe"
        );
        assert!(c.provider("colt").is_some());
        assert!(c.location("Washington DC (US Government)").is_some());
        assert_eq!(c.location("Washington DC").unwrap().cloud, "Azure public");
    }
}
