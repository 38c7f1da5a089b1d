//! The built-in ExpressRoute catalog: peering locations, Azure regions,
//! providers (from `data/*.tsv`, copies of the public facts in
//! `shared/data/`, embedded in the binary), and the SKU facts in [`sku`].
//! A design repository's own catalog file ([`Catalog::overlay_file`], format
//! in `docs/catalog.md`) adds entries or overrides built-in ones;
//! [`Catalog::to_yaml`] prints the effective catalog in that same format.
//!
//! Names match as people write them: case, spaces, hyphens, underscores and
//! parentheses do not count (`West Europe` = `westeurope`,
//! `Newport (Wales)` = `Newport(Wales)`), see [`key`]. Known second
//! spellings (`India West` for `West India`, `GEANT` for `GÉANT`) are
//! aliases.
//!
//! National clouds are kept apart: a US Government or China location that
//! shares its city name with a public-cloud one is named
//! `<name> (US Gov)` / `<name> (China)`, the spelling `providers.tsv` uses;
//! `Washington DC` is the public-cloud location, `Washington DC (US Gov)` the
//! US Government one. A national-cloud location whose bare name is unique
//! (`Beijing`) also matches by that name.

mod file;
pub mod sku;

use std::collections::{BTreeSet, HashMap};

const LOCATIONS_TSV: &str = include_str!("data/peering-locations.tsv");
const REGIONS_TSV: &str = include_str!("data/azure-regions.tsv");
const PROVIDERS_TSV: &str = include_str!("data/providers.tsv");

/// Provider rows the docs spell two ways for one company, each spelling with
/// part of the locations (providers.tsv notes). Both rows get the union.
const SAME_COMPANY: &[(&str, &str)] = &[
    ("Vorboss", "Vorboss Limited"),
    ("SKT", "SK Telecom"),
    ("Ascenty", "Ascenty Data Centers"),
    ("CenturyLink", "CenturyLink Cloud Connect"),
    ("Chief", "Chief Telecom"),
    ("C3ntro", "C3ntro Telecom"),
    ("Bezeq International", "Bezeq International Ltd."),
    ("Airgate Technologies", "Airgate Technologies Inc."),
];

/// The lookup key of a location, region or provider name:
/// [`crate::suggest::fold`] that also drops parentheses.
pub fn key(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_' | '(' | ')'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// `key(a) == key(b)` without allocating (rules compare names per link).
pub fn same_key(a: &str, b: &str) -> bool {
    fn ascii_folded(s: &str) -> impl Iterator<Item = u8> + '_ {
        s.bytes()
            .filter(|c| !matches!(c, b' ' | b'-' | b'_' | b'(' | b')'))
            .map(|c| c.to_ascii_lowercase())
    }
    if a.is_ascii() && b.is_ascii() {
        return ascii_folded(a).eq(ascii_folded(b));
    }
    key(a) == key(b)
}

/// `index.get(&key(name))` without allocating for the common case (an
/// ASCII name of up to 64 characters): rules look locations, regions and
/// providers up once per circuit.
fn lookup(index: &NameIndex, name: &str) -> Option<usize> {
    let mut buf = [0u8; 64];
    let mut n = 0;
    for b in name.bytes() {
        if !b.is_ascii() || n == buf.len() {
            return index.get(&key(name)).copied();
        }
        if !matches!(b, b' ' | b'-' | b'_' | b'(' | b')') {
            buf[n] = b.to_ascii_lowercase();
            n += 1;
        }
    }
    let folded = std::str::from_utf8(&buf[..n]).ok()?;
    index.get(folded).copied()
}

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

/// The facts a design is checked against.
/// Folded name → entry position. Rules look names up once per circuit or
/// virtual network: a fast hash matters on large designs, and the keys are
/// the catalog's own (no untrusted input chooses them).
type NameIndex = HashMap<String, usize, foldhash::fast::FixedState>;

#[derive(Clone, Debug, Default)]
pub struct Catalog {
    pub locations: Vec<PeeringLocation>,
    pub regions: Vec<Region>,
    pub providers: Vec<ProviderInfo>,
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

fn split_list(s: &str) -> Vec<String> {
    s.split(';')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(String::from)
        .collect()
}

/// `inferred:Europe` → (`Europe`, true): the prefix records provenance, not
/// a region.
fn geo(s: &str) -> (String, bool) {
    let s = s.trim();
    match s.strip_prefix("inferred:") {
        Some(rest) => (rest.trim().to_string(), true),
        None => (s.to_string(), false),
    }
}

fn rows(tsv: &str) -> impl Iterator<Item = Vec<&str>> {
    tsv.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
}

/// Every `'quoted'` text after `marker` in a notes cell.
fn quoted_after<'a>(notes: &'a str, marker: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = notes;
    while let Some(i) = rest.find(marker) {
        rest = &rest[i + marker.len()..];
        let Some(body) = rest.strip_prefix('\'') else {
            continue;
        };
        if let Some(end) = body.find('\'') {
            out.push(&body[..end]);
            rest = &body[end..];
        }
    }
    out
}

/// `also spelled: GEANT` → `GEANT` (up to `;` or the end).
fn also_spelled(notes: &str) -> Vec<&str> {
    notes
        .split(';')
        .filter_map(|part| part.trim().strip_prefix("also spelled:"))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// `Queretaro (Mexico)` → `Queretaro`; `None` without a parenthesis.
fn without_parenthesis(name: &str) -> Option<&str> {
    let i = name.find('(')?;
    let bare = name[..i].trim();
    (!bare.is_empty()).then_some(bare)
}

impl Catalog {
    /// The catalog embedded in the binary (parsed once per process).
    pub fn builtin() -> Catalog {
        static BUILTIN: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
        BUILTIN.get_or_init(Catalog::parse_builtin).clone()
    }

    fn parse_builtin() -> Catalog {
        let mut c = Catalog::default();
        for r in rows(REGIONS_TSV) {
            let field = |i: usize| r.get(i).copied().unwrap_or("").trim();
            let name = field(0);
            if name.is_empty() {
                continue;
            }
            let (geopolitical_region, geopolitical_inferred) = geo(field(1));
            // "include spells 'India West'": the other spelling is an alias.
            let aliases = quoted_after(field(3), "spells ")
                .into_iter()
                .filter(|a| key(a) != key(name))
                .map(String::from)
                .collect();
            c.regions.push(Region {
                name: name.to_string(),
                aliases,
                cloud: Cloud::of_geopolitical_region(&geopolitical_region),
                geopolitical_region,
                geopolitical_inferred,
            });
        }
        for r in rows(LOCATIONS_TSV) {
            let field = |i: usize| r.get(i).copied().unwrap_or("").trim();
            let doc_name = field(0);
            if doc_name.is_empty() {
                continue;
            }
            let cloud = Cloud::parse(field(6)).unwrap_or_else(|| {
                if field(6).contains("Government") {
                    Cloud::UsGovernment
                } else if field(6).contains("China") {
                    Cloud::China
                } else {
                    Cloud::Public
                }
            });
            // The same city name exists in several clouds (Washington DC
            // public and US Government): national ones carry the cloud.
            let name = match cloud.suffix() {
                Some(sfx) => format!("{doc_name} ({sfx})"),
                None => doc_name.to_string(),
            };
            let (geopolitical_region, geopolitical_inferred) = geo(field(2));
            c.locations.push(PeeringLocation {
                name,
                aliases: Vec::new(),
                city: field(1).to_string(),
                geopolitical_region,
                geopolitical_inferred,
                local_regions: split_list(field(3)),
                direct: field(4).eq_ignore_ascii_case("yes"),
                providers: split_list(field(5)),
                cloud,
                global_reach: field(10).eq_ignore_ascii_case("yes"),
            });
        }
        // Aliases: `Washington DC (US Government)` for `(US Gov)`, and the
        // bare name (`Beijing`, `Queretaro`) when no other location has it.
        let taken: HashMap<String, usize> = c
            .locations
            .iter()
            .filter_map(|l| without_parenthesis(&l.name).map(key))
            .chain(c.locations.iter().map(|l| key(&l.name)))
            .fold(HashMap::new(), |mut m, k| {
                *m.entry(k).or_insert(0) += 1;
                m
            });
        for l in &mut c.locations {
            if l.cloud == Cloud::UsGovernment {
                if let Some(bare) = without_parenthesis(&l.name) {
                    l.aliases.push(format!("{bare} (US Government)"));
                }
            }
            if let Some(bare) = without_parenthesis(&l.name) {
                if taken.get(&key(bare)) == Some(&1) {
                    l.aliases.push(bare.to_string());
                }
            }
        }
        for r in rows(PROVIDERS_TSV) {
            let field = |i: usize| r.get(i).copied().unwrap_or("").trim();
            let name = field(0);
            if name.is_empty() {
                continue;
            }
            let aliases = also_spelled(field(3))
                .into_iter()
                .filter(|a| key(a) != key(name))
                .map(String::from)
                .collect();
            c.providers.push(ProviderInfo {
                name: name.to_string(),
                aliases,
                peering_locations: split_list(field(4)),
            });
        }
        for (a, b) in SAME_COMPANY {
            let find = |n: &str| c.providers.iter().position(|p| key(&p.name) == key(n));
            if let (Some(ia), Some(ib)) = (find(a), find(b)) {
                let mut union = c.providers[ia].peering_locations.clone();
                for l in &c.providers[ib].peering_locations {
                    if !union.iter().any(|u| key(u) == key(l)) {
                        union.push(l.clone());
                    }
                }
                c.providers[ia].peering_locations = union.clone();
                c.providers[ib].peering_locations = union;
            }
        }
        c.reindex();
        // A location that lists a provider missing from the provider's own
        // list: the provider is there (both tables are the same doc page).
        for (pi, present) in c.presence.iter().enumerate() {
            let own: BTreeSet<usize> = c.providers[pi]
                .peering_locations
                .iter()
                .filter_map(|l| c.location_index.get(&key(l)).copied())
                .collect();
            for li in present.difference(&own) {
                let name = c.locations[*li].name.clone();
                c.providers[pi].peering_locations.push(name);
            }
        }
        c
    }

    /// Rebuilds the name lookups after entries were added or replaced.
    /// Names win over aliases; the first entry of a key wins.
    pub fn reindex(&mut self) {
        fn build<'a>(
            entries: impl Iterator<Item = (&'a String, &'a Vec<String>)> + Clone,
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
        self.location_index = build(self.locations.iter().map(|l| (&l.name, &l.aliases)));
        self.region_index = build(self.regions.iter().map(|r| (&r.name, &r.aliases)));
        self.provider_index = build(self.providers.iter().map(|p| (&p.name, &p.aliases)));
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
                if let Some(&pi) = self.provider_index.get(&key(p)) {
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
        lookup(&self.provider_index, name).and_then(|i| self.providers.get(i))
    }

    /// The locations where the catalog says `provider` meets Microsoft (its
    /// own list plus the locations that list it), in catalog order; `None`
    /// when the provider is unknown or known at no location (providers
    /// reached only through an exchange, satellite operators).
    pub fn provider_locations(&self, provider: &str) -> Option<Vec<&PeeringLocation>> {
        let pi = lookup(&self.provider_index, provider)?;
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
        let pi = lookup(&self.provider_index, provider)?;
        let li = lookup(&self.location_index, location)?;
        let set = self.presence.get(pi)?;
        if set.is_empty() {
            return None;
        }
        Some(set.contains(&li))
    }

    /// True when `name` names the location `loc` (its name or an alias).
    pub fn is_location(&self, name: &str, loc: &PeeringLocation) -> bool {
        self.location(name).is_some_and(|l| std::ptr::eq(l, loc))
    }

    /// True when `name` names the region `region` (its name or an alias).
    pub fn is_region(&self, name: &str, region: &Region) -> bool {
        self.region(name).is_some_and(|r| std::ptr::eq(r, region))
    }

    /// Other locations of the same metro and cloud that satisfy `wanted`
    /// (`Seoul` for `Seoul2`), for "use ... instead" help texts.
    pub fn same_metro<'a>(
        &'a self,
        from: &PeeringLocation,
        wanted: impl Fn(&PeeringLocation) -> bool,
    ) -> Vec<&'a PeeringLocation> {
        self.locations
            .iter()
            .filter(|l| {
                l.name != from.name
                    && l.cloud == from.cloud
                    && key(&l.city) == key(&from.city)
                    && wanted(l)
            })
            .collect()
    }

    /// Locations whose Local SKU reaches `region`.
    pub fn locations_local_to(&self, region: &Region) -> Vec<&PeeringLocation> {
        self.locations
            .iter()
            .filter(|l| l.local_regions.iter().any(|r| self.is_region(r, region)))
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
        file::overlay_file(self, path)?;
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
        file::overlay_str(self, path, text)
    }

    /// The effective catalog as YAML (`erlint catalog`), in the catalog-file
    /// format, with a header naming the docs and dates it comes from.
    pub fn to_yaml(&self) -> String {
        file::to_yaml(self)
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
        assert!(!ams.geopolitical_inferred);
        assert_eq!(
            c.region("westeurope").unwrap().geopolitical_region,
            "Europe"
        );
        assert!(c.provider("colt").is_some());
        assert_eq!(c.location("Washington DC").unwrap().cloud, Cloud::Public);
    }

    #[test]
    fn counts_match_the_data() {
        let c = Catalog::builtin();
        assert_eq!(c.locations.len(), 118);
        assert_eq!(c.providers.len(), 239);
        let clouds = |cl| c.locations.iter().filter(|l| l.cloud == cl).count();
        assert_eq!(clouds(Cloud::Public), 105);
        assert_eq!(clouds(Cloud::UsGovernment), 9);
        assert_eq!(clouds(Cloud::China), 4);
        assert_eq!(
            c.locations
                .iter()
                .filter(|l| l.geopolitical_inferred)
                .count(),
            13
        );
    }

    #[test]
    fn names_match_as_people_write_them() {
        let c = Catalog::builtin();
        for n in [
            "West Europe",
            "westeurope",
            "WestEurope",
            "west-europe",
            "WEST_EUROPE",
        ] {
            assert_eq!(c.region(n).unwrap().name, "West Europe", "{n}");
        }
        assert_eq!(c.region("India West").unwrap().name, "West India");
        assert_eq!(c.region("westindia").unwrap().name, "West India");
        assert_eq!(c.region("India Central").unwrap().name, "Central India");
        assert_eq!(c.region("China East2").unwrap().name, "China East 2");
        assert_eq!(c.region("chinanorth3").unwrap().name, "China North 3");
        assert_eq!(
            c.location("newport (wales)").unwrap().name,
            "Newport(Wales)"
        );
        assert_eq!(c.location("Newport").unwrap().name, "Newport(Wales)");
        assert_eq!(c.location("Queretaro").unwrap().name, "Queretaro (Mexico)");
        assert_eq!(c.location("amsterdam 2").unwrap().name, "Amsterdam2");
        assert!(c.region("Amsterdam").is_none());
        assert!(c.location("West Europe").is_none());
    }

    #[test]
    fn national_clouds_stay_distinct() {
        let c = Catalog::builtin();
        let gov = c.location("Washington DC (US Gov)").unwrap();
        assert_eq!(gov.cloud, Cloud::UsGovernment);
        assert_eq!(gov.geopolitical_region, "US Government cloud");
        assert!(c.is_location("washington dc (us government)", gov));
        assert_eq!(c.location("Washington DC").unwrap().cloud, Cloud::Public);
        let bj = c.location("Beijing").unwrap();
        assert_eq!(bj.name, "Beijing (China)");
        assert_eq!(bj.cloud, Cloud::China);
        assert_eq!(
            c.region("US Gov Virginia").unwrap().cloud,
            Cloud::UsGovernment
        );
        assert_eq!(c.region("China North 2").unwrap().cloud, Cloud::China);
        assert_eq!(c.region("East US").unwrap().cloud, Cloud::Public);
    }

    #[test]
    fn inferred_prefix_is_provenance_not_a_name() {
        let c = Catalog::builtin();
        let b = c.location("Brussels").unwrap();
        assert_eq!(b.geopolitical_region, "Europe");
        assert!(b.geopolitical_inferred);
        let s = c.region("Spain Central").unwrap();
        assert_eq!(s.geopolitical_region, "Europe");
        assert!(s.geopolitical_inferred);
        assert!(c
            .locations
            .iter()
            .all(|l| !l.geopolitical_region.contains("inferred")));
    }

    #[test]
    fn local_and_direct_columns() {
        let c = Catalog::builtin();
        assert!(c.location("Atlanta").unwrap().local_regions.is_empty());
        assert_eq!(
            c.location("Washington DC").unwrap().local_regions,
            vec!["East US".to_string(), "East US 2".to_string()]
        );
        for n in ["Busan", "Dubai2", "Marseille", "Seoul2", "Washington DC2"] {
            assert!(!c.location(n).unwrap().direct, "{n}");
        }
        assert!(c.location("Seoul").unwrap().direct);
    }

    #[test]
    fn every_reference_in_the_data_resolves() {
        let c = Catalog::builtin();
        for l in &c.locations {
            for r in &l.local_regions {
                let region = c
                    .region(r)
                    .unwrap_or_else(|| panic!("{}: local region {r}", l.name));
                assert_eq!(region.cloud, l.cloud, "{}: {r}", l.name);
                assert_eq!(
                    region.geopolitical_region, l.geopolitical_region,
                    "{}: {r}",
                    l.name
                );
            }
            for p in &l.providers {
                assert!(c.provider(p).is_some(), "{}: provider {p}", l.name);
            }
            assert_eq!(
                Cloud::of_geopolitical_region(&l.geopolitical_region),
                l.cloud,
                "{}",
                l.name
            );
        }
        for p in &c.providers {
            for l in &p.peering_locations {
                assert!(c.location(l).is_some(), "{}: location {l}", p.name);
            }
        }
    }

    #[test]
    fn same_metro_alternatives() {
        let c = Catalog::builtin();
        let seoul2 = c.location("Seoul2").unwrap();
        let names: Vec<&str> = c
            .same_metro(seoul2, |l| l.direct)
            .iter()
            .map(|l| l.name.as_str())
            .collect();
        assert_eq!(names, vec!["Seoul"]);
        let atl = c.location("Atlanta").unwrap();
        assert!(c
            .same_metro(atl, |l| !l.local_regions.is_empty())
            .is_empty());
        let wdc = c.location("Washington DC").unwrap();
        assert!(c
            .same_metro(wdc, |_| true)
            .iter()
            .all(|l| l.cloud == Cloud::Public));
        let weu = c.region("West Europe").unwrap();
        let ams: Vec<&str> = c
            .locations_local_to(weu)
            .iter()
            .map(|l| l.name.as_str())
            .collect();
        assert_eq!(ams, vec!["Amsterdam", "Amsterdam2"]);
        assert_eq!(quoted_list(&["a", "b", "c"], "or"), "`a`, `b` or `c`");
    }

    #[test]
    fn provider_presence_and_aliases() {
        let c = Catalog::builtin();
        assert_eq!(c.provider_at("colt", "Amsterdam"), Some(true));
        assert_eq!(c.provider_at("Colt", "amsterdam2"), Some(true));
        assert_eq!(c.provider_at("Colt", "Sydney"), Some(false));
        assert_eq!(c.provider_at("nobody", "Sydney"), None);
        assert_eq!(c.provider("GEANT").unwrap().name, "GÉANT");
        assert_eq!(c.provider("coresite").unwrap().name, "Coresite");
        // One company, two spellings: both have all its locations.
        assert_eq!(c.provider_at("Vorboss", "London2"), Some(true));
        assert_eq!(c.provider_at("Vorboss Limited", "Amsterdam2"), Some(true));
        // Reached only through an exchange: no location of its own.
        assert_eq!(c.provider_at("1CLOUDSTAR", "Singapore"), None);
        assert_eq!(
            c.provider_at("AT&T NetBond", "Washington DC (US Gov)"),
            Some(true)
        );
        assert_eq!(c.provider_at("AT&T", "Silicon Valley"), Some(false));
    }
}
