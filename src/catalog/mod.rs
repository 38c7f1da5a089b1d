//! The built-in ExpressRoute catalog: peering locations, Azure regions,
//! providers (from `data/*.tsv`, the project's copies of the public facts,
//! embedded in the binary), and the SKU facts in [`sku`].
//! A design repository's own catalog file ([`Catalog::overlay_file`], format
//! in `docs/catalog.md`) adds entries or overrides built-in ones;
//! [`Catalog::to_yaml`] prints the effective catalog in that same format.
//!
//! Names match as people write them: case, spaces, hyphens, underscores and
//! parentheses do not count (`West Europe` = `westeurope`,
//! `Newport (Wales)` = `Newport(Wales)`), see [`key`]; provider names also
//! ignore every other punctuation and `&` (`ATT-NetBond` = `AT&T NetBond`),
//! see [`provider_key`]. Known second spellings (`India West` for
//! `West India`, `GEANT` for `GÉANT`, `Equinix-Sydney-SY2` for `Sydney`)
//! are aliases.
//!
//! Files: `builtin.rs` parses the embedded data, `names.rs` is how names
//! match, `read.rs` / `merge.rs` / `print.rs` read a catalog file, lay it
//! over the catalog and print the effective catalog.
//!
//! National clouds are kept apart: a US Government or China location that
//! shares its city name with a public-cloud one is named
//! `<name> (US Gov)` / `<name> (China)`, the spelling `providers.tsv` uses;
//! `Washington DC` is the public-cloud location, `Washington DC (US Gov)` the
//! US Government one. A national-cloud location whose bare name is unique
//! (`Beijing`) also matches by that name.

mod builtin;
mod merge;
mod names;
mod print;
mod read;
pub mod sku;

pub use names::{key, provider_key, same_key};
use names::{lookup, lookup_provider};
use std::collections::{BTreeSet, HashMap};

/// Which Azure cloud a location or region belongs to. Circuits never reach
/// across clouds, whatever their SKU.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Cloud {
    #[default]
    Public,
    UsGovernment,
    China,
}

impl Cloud {
    pub const ALL: &'static [Cloud] = &[Cloud::Public, Cloud::UsGovernment, Cloud::China];

    /// The data's spelling (`cloud` column of peering-locations.tsv).
    pub fn as_str(self) -> &'static str {
        match self {
            Cloud::Public => "Azure public",
            Cloud::UsGovernment => "Azure US Government",
            Cloud::China => "Azure China (21Vianet)",
        }
    }

    /// For messages: "the Azure US Government cloud".
    pub fn describe(self) -> &'static str {
        match self {
            Cloud::Public => "the Azure public cloud",
            Cloud::UsGovernment => "the Azure US Government cloud",
            Cloud::China => "the Azure China (21Vianet) cloud",
        }
    }

    /// Short, for messages: `Azure public`, `Azure US Government`, `Azure China`.
    pub fn short(self) -> &'static str {
        match self {
            Cloud::Public => "Azure public",
            Cloud::UsGovernment => "Azure US Government",
            Cloud::China => "Azure China",
        }
    }

    /// The data's spelling or a short form (`public`, `US Government`,
    /// `usgov`, `China`), matched like every catalog name.
    pub fn parse(s: &str) -> Option<Cloud> {
        match key(s).as_str() {
            "azurepublic" | "public" | "azure" => Some(Cloud::Public),
            "azureusgovernment" | "usgovernment" | "usgov" | "azureusgov" => {
                Some(Cloud::UsGovernment)
            }
            "azurechina21vianet" | "azurechina" | "china" | "21vianet" => Some(Cloud::China),
            _ => None,
        }
    }

    /// The cloud a geopolitical region belongs to (the national clouds have
    /// their own: `US Government cloud`, `China East`, `China North`).
    pub fn of_geopolitical_region(geo: &str) -> Cloud {
        let k = key(geo);
        if k.starts_with("usgov") {
            Cloud::UsGovernment
        } else if k.starts_with("china") {
            Cloud::China
        } else {
            Cloud::Public
        }
    }

    /// The suffix national-cloud locations carry (`Washington DC (US Gov)`).
    fn suffix(self) -> Option<&'static str> {
        match self {
            Cloud::Public => None,
            Cloud::UsGovernment => Some("US Gov"),
            Cloud::China => Some("China"),
        }
    }
}

/// An ExpressRoute peering location (a meet-me facility).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeeringLocation {
    /// The catalog spelling (`Amsterdam2`, `Washington DC (US Gov)`).
    pub name: String,
    /// Other spellings that match this location.
    pub aliases: Vec<String>,
    /// Metro (`Amsterdam` for Amsterdam and Amsterdam2).
    pub city: String,
    /// Geopolitical region (`Europe`); `US Government cloud`, `China East`...
    pub geopolitical_region: String,
    /// The built-in geopolitical region is not in the docs' list of regions
    /// but inferred from the city (data column prefix `inferred:`).
    pub geopolitical_inferred: bool,
    /// Azure regions a Local circuit here reaches; empty: no ExpressRoute Local.
    pub local_regions: Vec<String>,
    /// ExpressRoute Direct ports are offered here.
    pub direct: bool,
    /// Providers present here (doc spelling).
    pub providers: Vec<String>,
    pub cloud: Cloud,
    /// Global Reach is available here.
    pub global_reach: bool,
    /// An ExpressRoute Metro location (`Amsterdam Metro`): the two peering
    /// locations its circuits have one link at each (`Amsterdam`,
    /// `Amsterdam2`). Empty for every other location.
    pub metro_of: Vec<String>,
}

impl PeeringLocation {
    /// The metro area the location is in (`London` for London and London2,
    /// `Amsterdam` for Amsterdam Metro): two locations of one metro share a
    /// city and can fail together; London and Amsterdam cannot.
    pub fn metro(&self) -> &str {
        &self.city
    }

    /// True when both are in one metro area of one cloud.
    pub fn same_metro_as(&self, other: &PeeringLocation) -> bool {
        self.cloud == other.cloud && key(&self.city) == key(&other.city)
    }

    /// An ExpressRoute Metro location: a circuit here counts as two peering
    /// locations (one link at each of [`PeeringLocation::metro_of`]).
    pub fn is_metro(&self) -> bool {
        !self.metro_of.is_empty()
    }
}

/// An Azure region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Region {
    pub name: String,
    /// Other spellings that match this region (`India West`).
    pub aliases: Vec<String>,
    pub geopolitical_region: String,
    /// Not in the docs' list of geopolitical regions; inferred.
    pub geopolitical_inferred: bool,
    pub cloud: Cloud,
    /// The scalable gateway (`ErGwScale`) can be created here
    /// (scalable-gateway.md lists the regions where it cannot).
    pub ergwscale: bool,
}

/// A connectivity provider the catalog knows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProviderInfo {
    pub name: String,
    /// Other spellings of the same provider (`GEANT`).
    pub aliases: Vec<String>,
    /// Peering locations where it meets Microsoft.
    pub peering_locations: Vec<String>,
}

/// A document the built-in data was read from, and its `ms.date`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// Path under `articles/expressroute/` (`metro.md`).
    pub document: String,
    /// `MM/DD/YYYY`, as the docs' front matter writes it.
    pub date: String,
    /// What the catalog took from it.
    pub facts: String,
}

/// Folded name → entry position. Rules look names up once per circuit or
/// virtual network: a fast hash matters on large designs, and the keys are
/// the catalog's own (no untrusted input chooses them).
type NameIndex = HashMap<String, usize, foldhash::fast::FixedState>;

/// The facts a design is checked against.
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    pub locations: Vec<PeeringLocation>,
    pub regions: Vec<Region>,
    pub providers: Vec<ProviderInfo>,
    /// The documents of the built-in data (empty for a catalog built
    /// from nothing).
    pub sources: Vec<Source>,
    /// Catalog files applied on top of the built-in data, as given.
    pub overlays: Vec<String>,
    /// The same files, canonical, so design discovery can leave them out.
    overlay_paths: Vec<std::path::PathBuf>,
    location_index: NameIndex,
    region_index: NameIndex,
    provider_index: NameIndex,
    /// Provider position → positions of the locations where it is present
    /// (its own list, plus every location that lists it).
    presence: Vec<BTreeSet<usize>>,
}

impl Catalog {
    /// The catalog embedded in the binary (parsed once per process).
    pub fn builtin() -> Catalog {
        static BUILTIN: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
        BUILTIN.get_or_init(builtin::parse).clone()
    }

    /// Rebuilds the name lookups after entries were added or replaced.
    /// Names win over aliases; the first entry of a key wins.
    pub fn reindex(&mut self) {
        fn build<'a>(
            entries: impl Iterator<Item = (&'a String, &'a Vec<String>)> + Clone,
            key: fn(&str) -> String,
        ) -> NameIndex {
            let mut map = NameIndex::default();
            for (i, (name, _)) in entries.clone().enumerate() {
                map.entry(key(name)).or_insert(i);
            }
            for (i, (_, aliases)) in entries.enumerate() {
                for a in aliases {
                    map.entry(key(a)).or_insert(i);
                }
            }
            map
        }
        let locations = self.locations.iter().map(|l| (&l.name, &l.aliases));
        self.location_index = build(locations, key);
        self.region_index = build(self.regions.iter().map(|r| (&r.name, &r.aliases)), key);
        let providers = self.providers.iter().map(|p| (&p.name, &p.aliases));
        self.provider_index = build(providers, provider_key);
        let mut presence = vec![BTreeSet::new(); self.providers.len()];
        for (pi, p) in self.providers.iter().enumerate() {
            for l in &p.peering_locations {
                if let Some(&li) = self.location_index.get(&key(l)) {
                    presence[pi].insert(li);
                }
            }
        }
        for (li, l) in self.locations.iter().enumerate() {
            for p in &l.providers {
                if let Some(pi) = lookup_provider(&self.provider_index, p) {
                    presence[pi].insert(li);
                }
            }
        }
        self.presence = presence;
    }

    /// A peering location by name, as people write it.
    pub fn location(&self, name: &str) -> Option<&PeeringLocation> {
        lookup(&self.location_index, name).and_then(|i| self.locations.get(i))
    }

    /// An Azure region by name, as people write it.
    pub fn region(&self, name: &str) -> Option<&Region> {
        lookup(&self.region_index, name).and_then(|i| self.regions.get(i))
    }

    /// A known provider by name (case-insensitive, aliases too).
    pub fn provider(&self, name: &str) -> Option<&ProviderInfo> {
        lookup_provider(&self.provider_index, name).and_then(|i| self.providers.get(i))
    }

    /// The locations where the catalog says `provider` meets Microsoft (its
    /// own list plus the locations that list it), in catalog order; `None`
    /// when the provider is unknown or known at no location (providers
    /// reached only through an exchange, satellite operators).
    pub fn provider_locations(&self, provider: &str) -> Option<Vec<&PeeringLocation>> {
        let pi = lookup_provider(&self.provider_index, provider)?;
        let set = self.presence.get(pi)?;
        if set.is_empty() {
            return None;
        }
        Some(set.iter().filter_map(|&i| self.locations.get(i)).collect())
    }

    /// Whether the catalog places `provider` at `location`: `None` when it
    /// cannot tell (unknown provider or location, or a provider known at no
    /// location).
    pub fn provider_at(&self, provider: &str, location: &str) -> Option<bool> {
        let pi = lookup_provider(&self.provider_index, provider)?;
        let li = lookup(&self.location_index, location)?;
        let set = self.presence.get(pi)?;
        if set.is_empty() {
            return None;
        }
        Some(set.contains(&li))
    }

    /// The catalog provider a design names explicitly
    /// (`providers[].catalog_name: British Telecom`): its name or an alias,
    /// matched like [`Catalog::provider`]. `None` when the catalog has no
    /// such provider (the caller reports it, with
    /// [`Catalog::closest_providers`]).
    pub fn provider_by_catalog_name(&self, catalog_name: &str) -> Option<&ProviderInfo> {
        self.provider(catalog_name)
    }

    /// [`Catalog::provider_locations`] of an entry already looked up (by
    /// [`Catalog::provider_by_catalog_name`], say).
    pub fn locations_of(&self, provider: &ProviderInfo) -> Option<Vec<&PeeringLocation>> {
        self.provider_locations(&provider.name)
    }

    /// [`Catalog::provider_at`] of an entry already looked up.
    pub fn is_at(&self, provider: &ProviderInfo, location: &PeeringLocation) -> Option<bool> {
        self.provider_at(&provider.name, &location.name)
    }

    /// Closest catalog provider names (names and aliases, as people write
    /// them), for "did you mean" on a provider the catalog does not know:
    /// up to three, closest first, ties alphabetical.
    pub fn closest_providers(&self, name: &str) -> Vec<&str> {
        // Compared on provider keys, so `ATT Netbnd` finds `AT&T NetBond`;
        // answered in catalog spelling.
        let keyed: Vec<(String, &str)> = self
            .providers
            .iter()
            .flat_map(|p| std::iter::once(&p.name).chain(&p.aliases))
            .map(|n| (provider_key(n), n.as_str()))
            .collect();
        let found = crate::suggest::closest(
            &provider_key(name),
            keyed.iter().map(|(k, _)| k.as_str()),
            3,
        );
        let mut out: Vec<&str> = Vec::new();
        for k in found {
            if let Some((_, n)) = keyed.iter().find(|(kk, _)| kk == k) {
                if !out.contains(n) {
                    out.push(n);
                }
            }
        }
        out
    }

    /// The peering locations a circuit at `loc` has its links at: the two
    /// sites of a Metro location (a Metro circuit counts as two locations),
    /// otherwise `loc` itself.
    pub fn link_locations<'a>(&'a self, loc: &'a PeeringLocation) -> Vec<&'a PeeringLocation> {
        let sites: Vec<&PeeringLocation> = loc
            .metro_of
            .iter()
            .filter_map(|n| self.location(n))
            .collect();
        if sites.is_empty() {
            vec![loc]
        } else {
            sites
        }
    }

    /// True when `name` names the location `loc` (its name or an alias).
    pub fn is_location(&self, name: &str, loc: &PeeringLocation) -> bool {
        self.location(name).is_some_and(|l| std::ptr::eq(l, loc))
    }

    /// True when `name` names the region `region` (its name or an alias).
    pub fn is_region(&self, name: &str, region: &Region) -> bool {
        self.region(name).is_some_and(|r| std::ptr::eq(r, region))
    }

    /// Other single-site locations of the same metro and cloud that satisfy
    /// `wanted` (`Seoul` for `Seoul2`), for "use ... instead" help texts.
    pub fn same_metro<'a>(
        &'a self,
        from: &PeeringLocation,
        wanted: impl Fn(&PeeringLocation) -> bool,
    ) -> Vec<&'a PeeringLocation> {
        self.locations
            .iter()
            .filter(|l| l.name != from.name && !l.is_metro() && l.same_metro_as(from) && wanted(l))
            .collect()
    }

    /// Single-site locations whose Local SKU reaches `region`.
    pub fn locations_local_to(&self, region: &Region) -> Vec<&PeeringLocation> {
        self.locations
            .iter()
            .filter(|l| !l.is_metro() && l.local_regions.iter().any(|r| self.is_region(r, region)))
            .collect()
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
        key(a) == key(b)
    }

    /// Adds or overrides entries from a design repository's catalog file
    /// (format: `docs/catalog.md`). The error names the file and line; the
    /// run then exits 2.
    pub fn overlay_file(&mut self, path: &std::path::Path) -> Result<(), String> {
        read::overlay_file(self, path)?;
        if let Ok(canonical) = std::fs::canonicalize(path) {
            self.overlay_paths.push(canonical);
        }
        Ok(())
    }

    /// True when `path` is a catalog file applied to this catalog (a YAML
    /// file in the design folder that is not part of the design).
    pub fn is_overlay_file(&self, path: &std::path::Path) -> bool {
        self.overlay_paths.iter().any(|o| {
            o.file_name() == path.file_name() && std::fs::canonicalize(path).is_ok_and(|c| &c == o)
        })
    }

    /// [`Catalog::overlay_file`] on text already read; `path` is for messages.
    pub fn overlay_str(&mut self, path: &str, text: &str) -> Result<(), String> {
        read::overlay_str(self, path, text)
    }

    /// The date of the built-in data (`2026-05-10`): the newest `ms.date` of
    /// the documents it was read from; `None` for a catalog built from
    /// nothing. `erlint catalog` prints it.
    pub fn source_date(&self) -> Option<String> {
        print::source_date(self)
    }

    /// The effective catalog as YAML (`erlint catalog`), in the catalog-file
    /// format, with a header naming the docs and dates it comes from.
    pub fn to_yaml(&self) -> String {
        print::to_yaml(self)
    }
}

/// `` `a` ``, `` `a` or `b` ``, `` `a`, `b` or `c` `` (`conj` = "or"/"and").
pub fn quoted_list<S: AsRef<str>>(items: &[S], conj: &str) -> String {
    let q: Vec<String> = items.iter().map(|s| format!("`{}`", s.as_ref())).collect();
    match q.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {conj} {last}", init.join(", ")),
    }
}
