//! The built-in catalog: the embedded `data/*.tsv` files (copies of the
//! public facts, see `data/README.md`) parsed into a [`Catalog`].

use super::names::{key, provider_key};
use super::{Catalog, Cloud, PeeringLocation, ProviderInfo, Region, Source};
use std::collections::{BTreeSet, HashMap};

const LOCATIONS_TSV: &str = include_str!("data/peering-locations.tsv");
const REGIONS_TSV: &str = include_str!("data/azure-regions.tsv");
const PROVIDERS_TSV: &str = include_str!("data/providers.tsv");
const SOURCES_TSV: &str = include_str!("data/sources.tsv");

/// Provider rows the docs spell several ways for one company, each spelling
/// with part of the locations (providers.tsv notes). Every row of a group
/// gets the union. Interxion is part of Digital Realty (since 2020): the
/// docs list `Interxion (Digital Realty)`, `Digital Realty (Interxion)` (at
/// Paris only) and `Digital Realty` separately.
const SAME_COMPANY: &[&[&str]] = &[
    &["Vorboss", "Vorboss Limited"],
    &["SKT", "SK Telecom"],
    &["Ascenty", "Ascenty Data Centers"],
    &["CenturyLink", "CenturyLink Cloud Connect"],
    &["Chief", "Chief Telecom"],
    &["C3ntro", "C3ntro Telecom"],
    &["Bezeq International", "Bezeq International Ltd."],
    &["Airgate Technologies", "Airgate Technologies Inc."],
    &[
        "Interxion (Digital Realty)",
        "Digital Realty (Interxion)",
        "Digital Realty",
    ],
];

/// Second spellings of a provider the docs do not write but people do, as
/// the company is known (`Interxion` alone).
const PROVIDER_ALIASES: &[(&str, &str)] = &[("Interxion (Digital Realty)", "Interxion")];

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

/// The catalog of the embedded data files.
pub(super) fn parse() -> Catalog {
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
            // scalable-gateway.md lists where ErGwScale is not offered.
            ergwscale: !field(4).eq_ignore_ascii_case("no"),
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
        // ARM and Terraform name ExpressRoute Direct ports by facility
        // (`Equinix-Sydney-SY2`): aliases of the peering location.
        let aliases = split_list(field(13));
        c.locations.push(PeeringLocation {
            name,
            aliases,
            city: field(1).to_string(),
            geopolitical_region,
            geopolitical_inferred,
            local_regions: split_list(field(3)),
            direct: field(4).eq_ignore_ascii_case("yes"),
            providers: split_list(field(5)),
            cloud,
            global_reach: field(10).eq_ignore_ascii_case("yes"),
            metro_of: split_list(field(12)),
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
    let find = |c: &Catalog, n: &str| {
        c.providers
            .iter()
            .position(|p| provider_key(&p.name) == provider_key(n))
    };
    for (name, alias) in PROVIDER_ALIASES {
        if let Some(i) = find(&c, name) {
            c.providers[i].aliases.push(alias.to_string());
        }
    }
    for group in SAME_COMPANY {
        let members: Vec<usize> = group.iter().filter_map(|n| find(&c, n)).collect();
        let mut union: Vec<String> = Vec::new();
        for &i in &members {
            for l in &c.providers[i].peering_locations {
                if !union.iter().any(|u| key(u) == key(l)) {
                    union.push(l.clone());
                }
            }
        }
        for &i in &members {
            c.providers[i].peering_locations = union.clone();
        }
    }
    c.sources = rows(SOURCES_TSV)
        .filter_map(|r| {
            let field = |i: usize| r.get(i).copied().unwrap_or("").trim().to_string();
            (!field(0).is_empty()).then(|| Source {
                document: field(0),
                date: field(1),
                facts: field(2),
            })
        })
        .collect();
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

#[cfg(test)]
mod tests {
    use crate::catalog::*;

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
        assert_eq!(c.locations.len(), 150);
        assert_eq!(c.providers.len(), 243);
        let clouds = |cl| c.locations.iter().filter(|l| l.cloud == cl).count();
        assert_eq!(clouds(Cloud::Public), 137);
        assert_eq!(clouds(Cloud::UsGovernment), 9);
        assert_eq!(clouds(Cloud::China), 4);
        assert_eq!(
            c.locations
                .iter()
                .filter(|l| l.geopolitical_inferred)
                .count(),
            11
        );
        assert_eq!(c.locations.iter().filter(|l| l.is_metro()).count(), 28);
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

#[cfg(test)]
mod newer_facts {
    use crate::catalog::*;

    #[test]
    fn metro_locations_count_as_two_sites() {
        let c = Catalog::builtin();
        let metro = c.location("amsterdam metro").unwrap();
        assert!(metro.is_metro());
        let sites: Vec<&str> = c
            .link_locations(metro)
            .iter()
            .map(|l| l.name.as_str())
            .collect();
        assert_eq!(sites, vec!["Amsterdam", "Amsterdam2"]);
        let ams = c.location("Amsterdam").unwrap();
        assert!(!ams.is_metro());
        assert_eq!(c.link_locations(ams).len(), 1);
        assert!(metro.same_metro_as(ams));
        for l in c.locations.iter().filter(|l| l.is_metro()) {
            assert_eq!(c.link_locations(l).len(), 2, "{}", l.name);
            assert!(c.link_locations(l).iter().all(|s| s.same_metro_as(l)));
        }
        for n in [
            "Singapore Metro",
            "Zurich Metro",
            "Washington DC Metro",
            "Dallas Metro",
        ] {
            assert!(c.location(n).is_some_and(PeeringLocation::is_metro), "{n}");
        }
        assert!(c.location("New York2").is_some());
    }

    #[test]
    fn metros_group_locations() {
        let c = Catalog::builtin();
        let (lon, lon2, ams) = (
            c.location("London").unwrap(),
            c.location("London2").unwrap(),
            c.location("Amsterdam").unwrap(),
        );
        assert_eq!(lon.metro(), "London");
        assert!(lon.same_metro_as(lon2));
        assert!(!lon.same_metro_as(ams));
        let gov = c.location("Washington DC (US Gov)").unwrap();
        assert!(!gov.same_metro_as(c.location("Washington DC").unwrap()));
    }

    #[test]
    fn direct_port_facility_names_are_aliases() {
        let c = Catalog::builtin();
        assert_eq!(c.location("Equinix-Sydney-SY2").unwrap().name, "Sydney");
        assert_eq!(c.location("Airtel-Chennai2-CLS").unwrap().name, "Chennai2");
        assert_eq!(
            c.location("cologix-minneapolis-min3").unwrap().name,
            "Minneapolis"
        );
        assert_eq!(
            c.location("Equinix-Ashburn-DC6").unwrap().name,
            "Washington DC"
        );
    }

    #[test]
    fn ergwscale_regions_and_newer_geopolitical_assignments() {
        let c = Catalog::builtin();
        for n in ["West Europe", "East US 2", "Japan East", "Belgium Central"] {
            assert!(!c.region(n).unwrap().ergwscale, "{n}");
        }
        assert!(c.region("North Europe").unwrap().ergwscale);
        assert!(!c.region("US Gov Virginia").unwrap().ergwscale);
        let mx = c.region("Mexico Central").unwrap();
        assert_eq!(mx.geopolitical_region, "North America");
        assert!(!mx.geopolitical_inferred);
        for n in ["Atlanta2", "Dallas2", "Phoenix2"] {
            let l = c.location(n).unwrap();
            assert_eq!(l.geopolitical_region, "North America", "{n}");
            assert!(!l.geopolitical_inferred, "{n}");
        }
        assert!(!c.location("Taipei2").unwrap().geopolitical_inferred);
    }

    #[test]
    fn providers_match_as_people_write_them() {
        let c = Catalog::builtin();
        assert_eq!(c.provider("ATT-NetBond").unwrap().name, "AT&T NetBond");
        assert_eq!(
            c.provider("British-Telecom").unwrap().name,
            "British Telecom"
        );
        assert_eq!(
            c.provider_by_catalog_name("british telecom").unwrap().name,
            "British Telecom"
        );
        assert!(c.provider_by_catalog_name("BT").is_none());
        // One company, three spellings: all at Paris and at Amsterdam.
        for n in ["Interxion", "Interxion (Digital Realty)", "Digital Realty"] {
            assert_eq!(c.provider_at(n, "Paris"), Some(true), "{n}");
            assert_eq!(c.provider_at(n, "Amsterdam"), Some(true), "{n}");
        }
        let bt = c.provider("British Telecom").unwrap();
        assert_eq!(c.is_at(bt, c.location("Amsterdam").unwrap()), Some(true));
        assert!(c.locations_of(bt).is_some());
        assert_eq!(
            c.closest_providers("British Telcom"),
            vec!["British Telecom"]
        );
        assert_eq!(c.closest_providers("ATT Netbnd")[0], "AT&T NetBond");
        assert!(c.closest_providers("").is_empty());
    }

    #[test]
    fn the_catalog_records_its_source_date() {
        let c = Catalog::builtin();
        assert_eq!(c.source_date().as_deref(), Some("2026-05-10"));
        assert!(c.sources.iter().any(|s| s.document == "metro.md"));
        assert_eq!(Catalog::default().source_date(), None);
    }
}
