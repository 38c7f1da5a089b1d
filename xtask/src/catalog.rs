//! Rebuilds `src/catalog/data/*.tsv` from the docs' markdown tables.
//!
//! From the docs: every peering location of the locations table
//! (`expressroute-locations-providers.md`: address, zone, Local regions,
//! ER Direct, providers, per cloud) and of the Metro table (`metro.md`),
//! and the documents' `ms.date`. Carried over from the current data, by
//! location name and cloud: what the tables do not say (metro, geopolitical
//! region, country, Global Reach, notes, Direct port facility names), the
//! regions and the providers' own location lists. A location new to the
//! data takes those from a location of its metro, its geopolitical region
//! marked `inferred:`.

use crate::markdown::{self, Table};
use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::Path;

const PUBLIC: &str = "Azure public";
const US_GOV: &str = "Azure US Government";
const CHINA: &str = "Azure China (21Vianet)";
/// Columns of peering-locations.tsv.
const COLUMNS: usize = 14;

/// A TSV file: its header line and its rows, cells trimmed.
struct Tsv {
    header: String,
    rows: Vec<Vec<String>>,
}

fn read_tsv(path: &Path, columns: usize) -> Result<Tsv, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read `{}`: {e}", path.display()))?;
    let mut lines = text.lines();
    let header = lines.next().unwrap_or_default().to_string();
    let rows = lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut r: Vec<String> = l.split('\t').map(|c| c.trim().to_string()).collect();
            r.resize(columns.max(r.len()), String::new());
            r
        })
        .collect();
    Ok(Tsv { header, rows })
}

fn write_tsv(path: &Path, t: &Tsv) -> Result<(), String> {
    let mut o = t.header.clone();
    o.push('\n');
    for r in &t.rows {
        o.push_str(&r.join("\t"));
        o.push('\n');
    }
    std::fs::write(path, o).map_err(|e| format!("cannot write `{}`: {e}", path.display()))
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read `{}`: {e}", path.display()))
}

/// One location as a docs table gives it.
struct DocLocation {
    name: String,
    cloud: &'static str,
    address: String,
    zone: String,
    local_regions: Vec<String>,
    direct: &'static str,
    providers: Vec<String>,
    /// For a Metro location: its two sites, by the docs' naming convention
    /// (`Amsterdam Metro` → `Amsterdam`, `Amsterdam2`).
    metro_of: Vec<String>,
}

fn cloud_of(heading: &str) -> &'static str {
    let h = heading.to_lowercase();
    if h.contains("government") {
        US_GOV
    } else if h.contains("china") || h.contains("21vianet") {
        CHINA
    } else {
        PUBLIC
    }
}

/// The rows of every table whose first column is `first` and that has a
/// service-provider column.
fn doc_locations(tables: &[Table], first: &str, metro: bool) -> Vec<DocLocation> {
    let mut out = Vec::new();
    for t in tables {
        let Some(h0) = t.header.first() else { continue };
        if !markdown::clean(h0).eq_ignore_ascii_case(first) {
            continue;
        }
        let Some(providers) = t.column("service provider") else {
            continue;
        };
        let col = |r: &Vec<String>, name: &str| {
            t.column(name)
                .and_then(|i| r.get(i))
                .cloned()
                .unwrap_or_default()
        };
        for r in &t.rows {
            let name = markdown::clean(r.first().map(String::as_str).unwrap_or(""));
            if name.is_empty() {
                continue;
            }
            let metro_of = match name.strip_suffix(" Metro") {
                Some(city) if metro => vec![city.to_string(), format!("{city}2")],
                _ => Vec::new(),
            };
            out.push(DocLocation {
                cloud: if metro { PUBLIC } else { cloud_of(&t.heading) },
                address: markdown::list(&col(r, "address")).join(" / "),
                zone: markdown::clean(&col(r, "zone")),
                local_regions: markdown::list(&col(r, "local azure region")),
                direct: markdown::yes_no(&col(r, "er direct")),
                providers: markdown::list(r.get(providers).map(String::as_str).unwrap_or("")),
                metro_of,
                name,
            });
        }
    }
    out
}

/// `Amsterdam2` → `Amsterdam`; `Amsterdam Metro` → `Amsterdam`.
fn metro_name(name: &str) -> String {
    let bare = name.trim_end_matches(|c: char| c.is_ascii_digit());
    bare.strip_suffix(" Metro")
        .unwrap_or(bare)
        .trim()
        .to_string()
}

fn same(a: &str, b: &str) -> bool {
    let fold = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    fold(a) == fold(b)
}

/// The TSV row of `d`: the current row's carried-over columns, or a
/// sibling's for a new location, with the docs' columns written over them.
fn location_row(d: &DocLocation, current: &[Vec<String>], notes: &str) -> Vec<String> {
    let existing = current
        .iter()
        .find(|r| same(&r[0], &d.name) && r[6] == d.cloud);
    let mut row = match existing {
        Some(r) => r.clone(),
        None => {
            let metro = metro_name(&d.name);
            let sibling = current
                .iter()
                .find(|r| r[6] == d.cloud && same(&r[1], &metro));
            let mut r = vec![String::new(); COLUMNS];
            r[0] = d.name.clone();
            r[1] = metro;
            if let Some(s) = sibling {
                let geo = s[2].trim_start_matches("inferred:");
                r[2] = format!("inferred:{geo}");
                r[9] = s[9].clone();
                r[10] = s[10].clone();
            }
            r[11] = notes.to_string();
            r
        }
    };
    row[3] = d.local_regions.join(";");
    row[4] = d.direct.to_string();
    row[5] = d.providers.join(";");
    row[6] = d.cloud.to_string();
    if !d.zone.is_empty() {
        row[7] = d.zone.clone();
    }
    if !d.address.is_empty() {
        row[8] = d.address.clone();
    }
    row[12] = d.metro_of.join(";");
    row
}

/// Rebuilds the data in `data` from the docs in `from`; returns a summary.
pub fn rebuild(from: &Path, data: &Path) -> Result<String, String> {
    let locations_md = read(&from.join("expressroute-locations-providers.md"))?;
    let metro_md = read(&from.join("metro.md")).unwrap_or_default();
    let mut main = doc_locations(&markdown::tables(&locations_md), "location", false);
    if main.is_empty() {
        return Err("no locations table in expressroute-locations-providers.md".into());
    }
    let metros = doc_locations(&markdown::tables(&metro_md), "metro location", true);

    let loc_path = data.join("peering-locations.tsv");
    let mut locations = read_tsv(&loc_path, COLUMNS)?;
    let current = std::mem::take(&mut locations.rows);

    // A Metro's second site that the locations table does not list yet: a
    // location of its own, with the Metro row's providers.
    let mut sites = Vec::new();
    for m in &metros {
        for (site, address) in m.metro_of.iter().zip(m.address.split(" / ")) {
            if !main
                .iter()
                .any(|l| l.cloud == PUBLIC && same(&l.name, site))
            {
                sites.push(DocLocation {
                    name: site.clone(),
                    cloud: PUBLIC,
                    address: address.to_string(),
                    zone: m.zone.clone(),
                    local_regions: m.local_regions.clone(),
                    direct: m.direct,
                    providers: m.providers.clone(),
                    metro_of: Vec::new(),
                });
            }
        }
    }
    main.extend(sites);
    let mut public: Vec<Vec<String>> = Vec::new();
    let mut national: Vec<Vec<String>> = Vec::new();
    for d in &main {
        let note = "new in the locations table";
        let row = location_row(d, &current, note);
        if d.cloud == PUBLIC {
            public.push(row);
        } else {
            national.push(row);
        }
    }
    for m in &metros {
        let note = format!(
            "ExpressRoute Metro (metro.md): one link at each of {}",
            m.metro_of.join(" and ")
        );
        public.push(location_row(m, &current, &note));
    }
    public.sort_by_key(|r| r[0].to_lowercase());
    let metro_count = metros.len();
    locations.rows = public.into_iter().chain(national).collect();

    // Local regions the regions table lacks.
    let reg_path = data.join("azure-regions.tsv");
    let mut regions = read_tsv(&reg_path, 5)?;
    for l in &locations.rows {
        for r in l[3].split(';').filter(|r| !r.is_empty()) {
            if !regions.rows.iter().any(|x| same(&x[0], r)) {
                let geo = l[2].trim_start_matches("inferred:");
                regions.rows.push(vec![
                    r.to_string(),
                    format!("inferred:{geo}"),
                    "expressroute-locations-providers.md local-region column".into(),
                    format!("Local region of {}", l[0]),
                    "yes".into(),
                ]);
            }
        }
    }

    // Providers a location names that the providers table lacks.
    let prov_path = data.join("providers.tsv");
    let mut providers = read_tsv(&prov_path, 5)?;
    let mut known: HashSet<String> = providers.rows.iter().map(|r| fold(&r[0])).collect();
    for l in &locations.rows {
        for p in l[5].split(';').filter(|p| !p.is_empty()) {
            if known.insert(fold(p)) {
                providers.rows.push(vec![
                    p.to_string(),
                    "unknown".into(),
                    String::new(),
                    String::new(),
                    String::new(),
                ]);
            }
        }
    }

    // The documents' dates.
    let src_path = data.join("sources.tsv");
    let mut sources = read_tsv(&src_path, 3)?;
    for (doc, text) in [
        ("expressroute-locations-providers.md", &locations_md),
        ("metro.md", &metro_md),
    ] {
        if let (Some(date), Some(row)) = (
            markdown::ms_date(text),
            sources.rows.iter_mut().find(|r| r[0] == doc),
        ) {
            row[1] = date;
        }
    }

    write_tsv(&loc_path, &locations)?;
    write_tsv(&reg_path, &regions)?;
    write_tsv(&prov_path, &providers)?;
    write_tsv(&src_path, &sources)?;
    let mut summary = String::new();
    let _ = write!(
        summary,
        "catalog: {} peering locations ({metro_count} Metro), {} regions, {} providers written to {}",
        locations.rows.len(),
        regions.rows.len(),
        providers.rows.len(),
        data.display()
    );
    Ok(summary)
}

fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(rel: &str) -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(rel)
    }

    /// A fresh copy of the fixture data folder, so the test never writes
    /// into the repository.
    fn scratch_data() -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-catalog-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("mkdir");
        for f in [
            "peering-locations.tsv",
            "azure-regions.tsv",
            "providers.tsv",
            "sources.tsv",
        ] {
            std::fs::copy(fixture("data").join(f), dir.join(f)).expect("copy");
        }
        dir
    }

    #[test]
    fn rebuilds_the_data_from_the_docs_tables() {
        let data = scratch_data();
        let summary = rebuild(&fixture("articles/expressroute"), &data).expect("rebuild");
        assert!(summary.contains("(2 Metro)"), "{summary}");
        let locations = read_tsv(&data.join("peering-locations.tsv"), COLUMNS).expect("read");
        let row = |name: &str, cloud: &str| {
            locations
                .rows
                .iter()
                .find(|r| r[0] == name && r[6] == cloud)
                .unwrap_or_else(|| panic!("{name} ({cloud})"))
                .clone()
        };
        // An existing location: the docs' columns rewritten, the rest kept.
        let ams = row("Amsterdam", PUBLIC);
        assert_eq!(ams[5], "AT&T NetBond;Colt;Equinix");
        assert_eq!(ams[9], "Netherlands");
        assert_eq!(ams[13], "Equinix-Amsterdam-AM5");
        assert_eq!(ams[12], "");
        // A location new in the table: its metro's country, an inferred region.
        let lis = row("Lisbon", PUBLIC);
        assert_eq!((lis[3].as_str(), lis[4].as_str()), ("", "yes"));
        assert_eq!(lis[2], "inferred:Europe");
        let lis2 = row("Lisbon2", PUBLIC);
        assert_eq!(
            lis2[5], "Megaport",
            "a Metro's second site gets its providers"
        );
        // Metro locations: their two sites, future providers left out.
        let metro = row("Amsterdam Metro", PUBLIC);
        assert_eq!(metro[12], "Amsterdam;Amsterdam2");
        assert_eq!(metro[5], "Colt;DE-CIX");
        assert_eq!(metro[8], "Equinix AM5 / Digital Realty AMS8");
        assert_eq!(metro[1], "Amsterdam");
        // National clouds stay apart.
        assert_eq!(row("Washington DC", US_GOV)[5], "AT&T NetBond;Equinix");
        assert_eq!(locations.rows.last().map(|r| r[6].as_str()), Some(US_GOV));
        // A new Local region and a new provider are added.
        let regions = read_tsv(&data.join("azure-regions.tsv"), 5).expect("read");
        assert!(regions.rows.iter().any(|r| r[0] == "Portugal Central"));
        let providers = read_tsv(&data.join("providers.tsv"), 5).expect("read");
        assert!(providers.rows.iter().any(|r| r[0] == "Megaport"));
        let sources = read_tsv(&data.join("sources.tsv"), 3).expect("read");
        assert_eq!(sources.rows[0][1], "06/01/2026");
        assert_eq!(sources.rows[1][1], "06/02/2026");
        let _ = std::fs::remove_dir_all(&data);
    }
}
