//! The catalog file format (`docs/catalog.md`): reading a design
//! repository's catalog file over the built-in data, and printing the
//! effective catalog (`erlint catalog`) in the same format, so that the
//! output of `erlint catalog` is itself a valid catalog file.

use super::{key, sku, Catalog, Cloud, PeeringLocation, ProviderInfo, Region};
use crate::source::{FileId, SourceFile, Span};
use crate::syntax::{self, Node, NodeKind};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

const TOP_KEYS: &[&str] = &["version", "peering_locations", "regions", "providers"];
const LOCATION_KEYS: &[&str] = &[
    "name",
    "aliases",
    "city",
    "cloud",
    "geopolitical_region",
    "local_regions",
    "direct",
    "global_reach",
    "providers",
];
const REGION_KEYS: &[&str] = &["name", "aliases", "geopolitical_region", "cloud"];
const PROVIDER_KEYS: &[&str] = &["name", "aliases", "peering_locations"];

/// Collects `file:line:col: message` errors.
struct Errors<'a> {
    src: &'a SourceFile,
    list: Vec<String>,
}

impl Errors<'_> {
    fn at(&mut self, span: Span, msg: impl AsRef<str>) {
        let lc = self.src.line_col(span.start);
        self.list.push(format!(
            "{}:{}:{}: {}",
            self.src.path,
            lc.line,
            lc.column,
            msg.as_ref()
        ));
    }
}

/// A value and where it was written.
#[derive(Clone, Debug)]
struct At<T> {
    value: T,
    span: Span,
}

#[derive(Default)]
struct LocationEntry {
    name: Option<At<String>>,
    aliases: Option<Vec<String>>,
    city: Option<String>,
    cloud: Option<Cloud>,
    geopolitical_region: Option<String>,
    local_regions: Option<Vec<At<String>>>,
    direct: Option<bool>,
    global_reach: Option<bool>,
    providers: Option<Vec<String>>,
}

#[derive(Default)]
struct RegionEntry {
    name: Option<At<String>>,
    aliases: Option<Vec<String>>,
    geopolitical_region: Option<String>,
    cloud: Option<Cloud>,
}

#[derive(Default)]
struct ProviderEntry {
    name: Option<At<String>>,
    aliases: Option<Vec<String>>,
    peering_locations: Option<Vec<At<String>>>,
}

#[derive(Default)]
struct Sections {
    locations: Vec<LocationEntry>,
    regions: Vec<RegionEntry>,
    providers: Vec<ProviderEntry>,
}

pub(super) fn overlay_file(catalog: &mut Catalog, path: &Path) -> Result<(), String> {
    let shown = path.display().to_string();
    // The one bounded reader (src/read.rs): regular files only, never blocking.
    let text = crate::read::read_text(path)
        .map_err(|e| format!("cannot read catalog file `{shown}`: {e}"))?;
    overlay_str(catalog, &shown, &text)
}

pub(super) fn overlay_str(catalog: &mut Catalog, path: &str, text: &str) -> Result<(), String> {
    let src = SourceFile::new(path.to_string(), Arc::from(text));
    let mut errors = Errors {
        src: &src,
        list: Vec::new(),
    };
    let arena = syntax::Bump::new();
    let parsed = syntax::parse(FileId(0), text, &arena);
    if parsed.out_of_memory {
        return Err(format!("{path}: out of memory reading the catalog file"));
    }
    for f in &parsed.findings {
        errors.at(f.primary, &f.message);
    }
    let mut sections = Sections::default();
    for doc in &parsed.documents {
        read_document(&doc.root, &mut sections, &mut errors);
    }
    if errors.list.is_empty() {
        apply(catalog, sections, &mut errors);
    }
    if errors.list.is_empty() {
        catalog.overlays.push(path.to_string());
        Ok(())
    } else {
        Err(errors.list.join("\n"))
    }
}

fn scalar_text<'n>(node: &'n Node<'_>) -> Option<&'n str> {
    match &node.kind {
        NodeKind::Scalar(s) if !node.is_null() => Some(s.text),
        _ => None,
    }
}

fn read_document(root: &Node, out: &mut Sections, errors: &mut Errors<'_>) {
    if root.is_null() {
        return;
    }
    let NodeKind::Map(entries) = &root.kind else {
        errors.at(
            root.span,
            format!(
                "expected a mapping with keys {}, found {}",
                list_keys(TOP_KEYS),
                root.type_name()
            ),
        );
        return;
    };
    for (k, v) in entries.iter() {
        let Some(name) = field_name(k, TOP_KEYS, "top-level key", errors) else {
            continue;
        };
        match name {
            "version" => {
                if scalar_text(v) != Some("1") {
                    errors.at(v.span, "`version` must be 1");
                }
            }
            "peering_locations" => {
                for item in items(v, name, errors) {
                    if let Some(e) = read_location(item, errors) {
                        out.locations.push(e);
                    }
                }
            }
            "regions" => {
                for item in items(v, name, errors) {
                    if let Some(e) = read_region(item, errors) {
                        out.regions.push(e);
                    }
                }
            }
            _ => {
                for item in items(v, name, errors) {
                    if let Some(e) = read_provider(item, errors) {
                        out.providers.push(e);
                    }
                }
            }
        }
    }
}

fn list_keys(keys: &[&str]) -> String {
    keys.iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The key if it is one of `known`; otherwise an error with suggestions.
fn field_name<'k>(
    k: &Node,
    known: &[&'k str],
    what: &str,
    errors: &mut Errors<'_>,
) -> Option<&'k str> {
    let text = scalar_text(k).unwrap_or("");
    if let Some(found) = known.iter().find(|x| **x == text) {
        return Some(found);
    }
    let close = crate::suggest::closest(text, known.iter().copied(), 3);
    let hint = crate::suggest::did_you_mean(&close)
        .map(|d| format!("; {d}"))
        .unwrap_or_else(|| format!("; expected one of {}", list_keys(known)));
    errors.at(k.span, format!("unknown {what} `{text}`{hint}"));
    None
}

/// The items of a section (a list; null is an empty one).
fn items<'n>(v: &'n Node, section: &str, errors: &mut Errors<'_>) -> &'n [Node<'n>] {
    match &v.kind {
        NodeKind::Seq(items) => items,
        _ if v.is_null() => &[],
        _ => {
            errors.at(
                v.span,
                format!("`{section}` must be a list, found {}", v.type_name()),
            );
            &[]
        }
    }
}

fn entries<'n>(
    item: &'n Node,
    what: &str,
    errors: &mut Errors<'_>,
) -> Option<&'n [(Node<'n>, Node<'n>)]> {
    match &item.kind {
        NodeKind::Map(e) => Some(e),
        _ => {
            errors.at(
                item.span,
                format!("each {what} must be a mapping, found {}", item.type_name()),
            );
            None
        }
    }
}

fn string(v: &Node, field: &str, errors: &mut Errors<'_>) -> Option<At<String>> {
    match scalar_text(v) {
        Some(s) if !s.trim().is_empty() => Some(At {
            value: s.trim().to_string(),
            span: v.span,
        }),
        _ => {
            errors.at(
                v.span,
                format!(
                    "`{field}` must be a non-empty text, found {}",
                    v.type_name()
                ),
            );
            None
        }
    }
}

fn boolean(v: &Node, field: &str, errors: &mut Errors<'_>) -> Option<bool> {
    match &v.kind {
        NodeKind::Scalar(s) if s.plain && s.text.eq_ignore_ascii_case("true") => Some(true),
        NodeKind::Scalar(s) if s.plain && s.text.eq_ignore_ascii_case("false") => Some(false),
        _ => {
            errors.at(v.span, format!("`{field}` must be `true` or `false`"));
            None
        }
    }
}

fn strings(v: &Node, field: &str, errors: &mut Errors<'_>) -> Option<Vec<At<String>>> {
    match &v.kind {
        NodeKind::Seq(items) => {
            let mut out = Vec::new();
            for item in items.iter() {
                out.push(string(item, field, errors)?);
            }
            Some(out)
        }
        _ if v.is_null() => Some(Vec::new()),
        _ => {
            errors.at(
                v.span,
                format!("`{field}` must be a list, found {}", v.type_name()),
            );
            None
        }
    }
}

fn plain_strings(v: &Node, field: &str, errors: &mut Errors<'_>) -> Option<Vec<String>> {
    strings(v, field, errors).map(|l| l.into_iter().map(|s| s.value).collect())
}

fn cloud(v: &Node, errors: &mut Errors<'_>) -> Option<Cloud> {
    let s = string(v, "cloud", errors)?;
    let c = Cloud::parse(&s.value);
    if c.is_none() {
        let names: Vec<String> = Cloud::ALL
            .iter()
            .map(|c| format!("`{}`", c.as_str()))
            .collect();
        errors.at(
            s.span,
            format!("unknown cloud `{}`; use {}", s.value, names.join(", ")),
        );
    }
    c
}

fn require_name(name: &Option<At<String>>, item: &Node, what: &str, errors: &mut Errors<'_>) {
    if name.is_none() {
        errors.at(item.span, format!("a {what} needs a `name`"));
    }
}

fn read_location(item: &Node, errors: &mut Errors<'_>) -> Option<LocationEntry> {
    let mut e = LocationEntry::default();
    let before = errors.list.len();
    for (k, v) in entries(item, "peering location", errors)? {
        let Some(f) = field_name(k, LOCATION_KEYS, "peering location field", errors) else {
            continue;
        };
        match f {
            "name" => e.name = string(v, f, errors),
            "aliases" => e.aliases = plain_strings(v, f, errors),
            "city" => e.city = string(v, f, errors).map(|s| s.value),
            "cloud" => e.cloud = cloud(v, errors),
            "geopolitical_region" => e.geopolitical_region = string(v, f, errors).map(|s| s.value),
            "local_regions" => e.local_regions = strings(v, f, errors),
            "direct" => e.direct = boolean(v, f, errors),
            "global_reach" => e.global_reach = boolean(v, f, errors),
            _ => e.providers = plain_strings(v, f, errors),
        }
    }
    require_name(&e.name, item, "peering location", errors);
    (errors.list.len() == before).then_some(e)
}

fn read_region(item: &Node, errors: &mut Errors<'_>) -> Option<RegionEntry> {
    let mut e = RegionEntry::default();
    let before = errors.list.len();
    for (k, v) in entries(item, "region", errors)? {
        let Some(f) = field_name(k, REGION_KEYS, "region field", errors) else {
            continue;
        };
        match f {
            "name" => e.name = string(v, f, errors),
            "aliases" => e.aliases = plain_strings(v, f, errors),
            "cloud" => e.cloud = cloud(v, errors),
            _ => e.geopolitical_region = string(v, f, errors).map(|s| s.value),
        }
    }
    require_name(&e.name, item, "region", errors);
    (errors.list.len() == before).then_some(e)
}

fn read_provider(item: &Node, errors: &mut Errors<'_>) -> Option<ProviderEntry> {
    let mut e = ProviderEntry::default();
    let before = errors.list.len();
    for (k, v) in entries(item, "provider", errors)? {
        let Some(f) = field_name(k, PROVIDER_KEYS, "provider field", errors) else {
            continue;
        };
        match f {
            "name" => e.name = string(v, f, errors),
            "aliases" => e.aliases = plain_strings(v, f, errors),
            _ => e.peering_locations = strings(v, f, errors),
        }
    }
    require_name(&e.name, item, "provider", errors);
    (errors.list.len() == before).then_some(e)
}

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
fn apply(c: &mut Catalog, s: Sections, errors: &mut Errors<'_>) {
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
                });
            }
        }
    }

    let mut seen = HashMap::new();
    let mut new_providers: Vec<String> = Vec::new();
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
                if c.provider(p).is_none() && !new_providers.iter().any(|n| key(n) == key(p)) {
                    new_providers.push(p.clone());
                }
            }
        }
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
                let city = e.city.unwrap_or_else(|| {
                    name.value
                        .trim_end_matches(|ch: char| ch.is_ascii_digit())
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
                    name: name.value,
                });
            }
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
                    let close = c.closest_locations(&l.value);
                    let hint = crate::suggest::did_you_mean(&close)
                        .map(|d| format!("; {d}"))
                        .unwrap_or_else(|| "; add it under `peering_locations`".to_string());
                    errors.at(
                        l.span,
                        format!("unknown peering location `{}`{hint}", l.value),
                    );
                }
            }
        }
        let locations = e
            .peering_locations
            .map(|l| l.into_iter().map(|x| x.value).collect::<Vec<_>>());
        match c.provider_index.get(&key(&name.value)).copied() {
            Some(i) => {
                if let Some(v) = e.aliases {
                    remember(&mut c.provider_index, "", &v, i);
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
                remember(
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

fn same_keys(a: &[String], b: &[String]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| key(x) == key(y))
}

/// After a location's `providers` list was replaced: providers no longer in
/// it drop the location from their own list.
fn forget_location_elsewhere(c: &mut Catalog, li: usize) {
    let keep: Vec<usize> = c.locations[li]
        .providers
        .iter()
        .filter_map(|p| c.provider_index.get(&key(p)).copied())
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
                .retain(|p| c.provider_index.get(&key(p)) != Some(&pi));
        }
    }
}

// ---------------------------------------------------------------- output

/// True when `s` must be quoted to stay the same string in YAML (also
/// inside a flow list).
fn needs_quotes(s: &str) -> bool {
    if s.is_empty() || s != s.trim() {
        return true;
    }
    if s.chars().any(|c| {
        c.is_control()
            || matches!(
                c,
                ':' | '#'
                    | ','
                    | '['
                    | ']'
                    | '{'
                    | '}'
                    | '&'
                    | '*'
                    | '!'
                    | '|'
                    | '>'
                    | '\''
                    | '"'
                    | '%'
                    | '@'
                    | '`'
                    | '\\'
            )
    }) {
        return true;
    }
    if s.starts_with(['-', '?', '<', '=', '~']) {
        return true;
    }
    let lower = s.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "null" | "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n" | ".nan" | ".inf"
    ) {
        return true;
    }
    s.starts_with(|c: char| c.is_ascii_digit() || c == '+' || c == '.') && s.parse::<f64>().is_ok()
        || lower.starts_with("0x")
        || lower.starts_with("0o")
}

fn scalar(s: &str) -> String {
    if !needs_quotes(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn flow(items: &[String]) -> String {
    let parts: Vec<String> = items.iter().map(|s| scalar(s)).collect();
    format!("[{}]", parts.join(", "))
}

fn gbps_list(sizes: &[u64]) -> String {
    sizes
        .iter()
        .map(|g| format!("{g}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn bandwidth(mbps: u64) -> String {
    if mbps >= 1_000 && mbps % 1_000 == 0 {
        format!("{}Gbps", mbps / 1_000)
    } else {
        format!("{mbps}Mbps")
    }
}

const HEADER: &str = "\
# erlint catalog: the peering locations, Azure regions and providers a design
# is checked against. This output is itself a valid catalog file: copy the
# entries you need to change into your repository's catalog file (named by
# `catalog = \"catalog.yaml\"` in erlint.toml); its entries win over built-in
# ones of the same name. Format: docs/catalog.md.
#
# Built-in data: the public Azure ExpressRoute documentation
# (MicrosoftDocs/azure-docs, articles/expressroute/), newest versions read:
#   peering locations, local regions, ExpressRoute Direct, providers, Global Reach:
#     expressroute-locations-providers.md (ms.date 04/28/2026)
#   geopolitical regions: includes/expressroute-azure-regions-geopolitical-region.md
#     (04/05/2024); entries marked `inferred` are missing there (newer locations
#     and Local regions) and were inferred from the city
#   Global Reach countries: expressroute-global-reach.md (01/31/2025)
#   circuit bandwidths: expressroute-circuit-peerings.md (08/27/2026)
#   ExpressRoute Direct circuit sizes: expressroute-erdirect-about.md (03/02/2026)
#   gateway SKUs: includes/expressroute-gwsku-include.md, scalable-gateway.md (11/06/2025)
#   limits: includes/expressroute-limits.md (10/09/2023), expressroute-faqs.md (03/31/2026)
# Check them against the current docs before you buy: locations and providers change.
";

pub(super) fn to_yaml(c: &Catalog) -> String {
    let mut o = String::from(HEADER);
    if c.overlays.is_empty() {
        o.push_str("#\n# Catalog files applied: none (built-in data only).\n");
    } else {
        o.push_str("#\n# Catalog files applied over the built-in data, in order:\n");
        for f in &c.overlays {
            let _ = writeln!(o, "#   {f}");
        }
    }
    o.push_str("\nversion: 1\n\npeering_locations:\n");
    for l in &c.locations {
        let _ = writeln!(o, "  - name: {}", scalar(&l.name));
        if !l.aliases.is_empty() {
            let _ = writeln!(o, "    aliases: {}", flow(&l.aliases));
        }
        let _ = writeln!(o, "    city: {}", scalar(&l.city));
        let _ = writeln!(o, "    cloud: {}", scalar(l.cloud.as_str()));
        let inferred = if l.geopolitical_inferred {
            "   # inferred"
        } else {
            ""
        };
        let _ = writeln!(
            o,
            "    geopolitical_region: {}{inferred}",
            scalar(&l.geopolitical_region)
        );
        let _ = writeln!(o, "    local_regions: {}", flow(&l.local_regions));
        let _ = writeln!(o, "    direct: {}", l.direct);
        let _ = writeln!(o, "    global_reach: {}", l.global_reach);
        let _ = writeln!(o, "    providers: {}", flow(&l.providers));
    }
    o.push_str("\nregions:\n");
    for r in &c.regions {
        let _ = writeln!(o, "  - name: {}", scalar(&r.name));
        if !r.aliases.is_empty() {
            let _ = writeln!(o, "    aliases: {}", flow(&r.aliases));
        }
        let inferred = if r.geopolitical_inferred {
            "   # inferred"
        } else {
            ""
        };
        let _ = writeln!(
            o,
            "    geopolitical_region: {}{inferred}",
            scalar(&r.geopolitical_region)
        );
        let _ = writeln!(o, "    cloud: {}", scalar(r.cloud.as_str()));
    }
    o.push_str("\nproviders:\n");
    for p in &c.providers {
        let _ = writeln!(o, "  - name: {}", scalar(&p.name));
        if !p.aliases.is_empty() {
            let _ = writeln!(o, "    aliases: {}", flow(&p.aliases));
        }
        let _ = writeln!(o, "    peering_locations: {}", flow(&p.peering_locations));
    }
    o.push_str(&fixed_facts());
    o
}

/// The SKU facts, which a catalog file cannot change, as comments.
fn fixed_facts() -> String {
    use crate::model::{Bandwidth, GatewaySku, Sku};
    let mut o = String::from(
        "\n# Built-in facts a catalog file cannot change:\n#   provider circuit bandwidths: ",
    );
    let bws: Vec<String> = sku::PROVIDER_BANDWIDTHS_MBPS
        .iter()
        .map(|&m| bandwidth(m))
        .collect();
    o.push_str(&bws.join(", "));
    o.push('\n');
    for port in [10, 100, 400] {
        let _ = writeln!(
            o,
            "#   ExpressRoute Direct {port}Gbps port: circuits of {} Gbps",
            gbps_list(sku::direct_circuit_sizes_gbps(port))
        );
    }
    for (name, g) in GatewaySku::ALL {
        let f = sku::gateway(*g, None);
        let scale = if *g == GatewaySku::ErGwScale {
            " (per scale unit, at 1 unit; 8 circuits from 2 units, 16 and FastPath from 10)"
        } else {
            ""
        };
        let _ = writeln!(
            o,
            "#   gateway {name}: {}, {} circuits, FastPath {}{scale}",
            bandwidth(f.mbps),
            f.max_circuits,
            if f.fastpath { "yes" } else { "no" }
        );
    }
    let one_g = Bandwidth { mbps: 1_000 };
    let _ = writeln!(
        o,
        "#   VNet links per circuit: Standard and Local {}, Premium {} (1Gbps) to {} (10Gbps and up)",
        sku::vnet_link_limit(Sku::Standard, one_g),
        sku::vnet_link_limit(Sku::Premium, one_g),
        sku::vnet_link_limit(Sku::Premium, Bandwidth { mbps: 10_000 })
    );
    let _ = writeln!(
        o,
        "#   private peering IPv4 prefixes: Standard and Local {}, Premium {}; IPv6 {}; Microsoft peering {}",
        sku::private_ipv4_prefix_limit(Sku::Standard),
        sku::private_ipv4_prefix_limit(Sku::Premium),
        sku::PRIVATE_IPV6_PREFIX_LIMIT,
        sku::MICROSOFT_PREFIX_LIMIT
    );
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    fn without_comments(s: &str) -> String {
        s.lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .map(|l| l.split("   # inferred").next().unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn output_starts_with_the_dates_and_shows_amsterdam() {
        let y = Catalog::builtin().to_yaml();
        assert!(y.starts_with("# erlint catalog"));
        assert!(y.contains("04/28/2026"));
        assert!(y.contains("04/05/2024"));
        assert!(y.contains(
            "  - name: Amsterdam\n    city: Amsterdam\n    cloud: Azure public\n    geopolitical_region: Europe\n    local_regions: [West Europe]\n    direct: true\n"
        ));
        assert!(y.contains("  - name: GÉANT\n    aliases: [GEANT]\n"));
        assert!(y.contains("name: \"AT&T NetBond\""));
    }

    #[test]
    fn output_reads_back_to_the_same_catalog() {
        let builtin = Catalog::builtin();
        let y = builtin.to_yaml();
        // Over the built-in data: nothing changes.
        let mut same = Catalog::builtin();
        same.overlay_str("catalog.yaml", &y).unwrap();
        assert_eq!(same.locations, builtin.locations);
        assert_eq!(same.regions, builtin.regions);
        assert_eq!(same.providers, builtin.providers);
        // Over nothing: the same entries (provenance comments aside).
        let mut fresh = Catalog::default();
        fresh.overlay_str("catalog.yaml", &y).unwrap();
        let (a, b) = (without_comments(&fresh.to_yaml()), without_comments(&y));
        for (x, z) in a.lines().zip(b.lines()) {
            assert_eq!(x, z);
        }
        assert_eq!(a.lines().count(), b.lines().count());
        assert_eq!(fresh.location("beijing").unwrap().name, "Beijing (China)");
    }

    #[test]
    fn quoting_survives_a_round_trip() {
        let mut c = Catalog::default();
        let odd = [
            "AT&T",
            "yes",
            "No",
            "1.5",
            "- dash",
            "a: b",
            "x, y",
            "[x]",
            "#1",
            "it's",
            "say \"hi\"",
            "back\\slash",
            "~",
            "null",
            "Zürich",
        ];
        for n in odd {
            c.providers.push(ProviderInfo {
                name: n.to_string(),
                aliases: Vec::new(),
                peering_locations: Vec::new(),
            });
        }
        c.reindex();
        let mut back = Catalog::default();
        back.overlay_str("c.yaml", &c.to_yaml()).unwrap();
        let names: Vec<&str> = back.providers.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, odd);
    }

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
  - name: Austria East
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
            c.region("austriaeast").unwrap().geopolitical_region,
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
    fn the_documented_example_reads() {
        let doc = include_str!("../../docs/catalog.md");
        let start = doc.find("```yaml\n").unwrap() + 8;
        let end = start + doc[start..].find("```").unwrap();
        let mut c = Catalog::builtin();
        c.overlay_str("catalog.yaml", &doc[start..end]).unwrap();
        assert_eq!(c.provider_at("contoso", "amsterdam3"), Some(true));
        assert_eq!(
            err("peering_locations:\n  - name: Amsterdam\n    local_region: []\n"),
            "cat.yaml:3:5: unknown peering location field `local_region`; did you mean `local_regions`?"
        );
        assert!(doc.contains("catalog.yaml:3:5: unknown peering location field `local_region`; did you mean `local_regions`?"));
    }

    #[test]
    fn empty_files_are_fine() {
        let mut c = Catalog::builtin();
        c.overlay_str("c.yaml", "").unwrap();
        c.overlay_str("c.yaml", "# nothing\n---\nversion: 1\nregions:\n")
            .unwrap();
        assert_eq!(c.regions.len(), Catalog::builtin().regions.len());
    }

    fn err(text: &str) -> String {
        Catalog::builtin()
            .overlay_str("cat.yaml", text)
            .unwrap_err()
    }

    #[test]
    fn errors_name_the_file_and_line() {
        assert_eq!(
            err("peering_location:\n  - name: X\n"),
            "cat.yaml:1:1: unknown top-level key `peering_location`; did you mean `peering_locations`?"
        );
        assert_eq!(
            err("regions:\n  - name: Austria East\n"),
            "cat.yaml:2:11: region `Austria East` is not in the built-in catalog; a new region needs `geopolitical_region`"
        );
        assert_eq!(
            err("peering_locations:\n  - name: Amsterdam\n    direct: maybe\n"),
            "cat.yaml:3:13: `direct` must be `true` or `false`"
        );
        assert_eq!(
            err("peering_locations:\n  - name: X1\n    geopolitical_region: Europe\n    local_regions: [Westeurope2]\n"),
            "cat.yaml:4:21: unknown region `Westeurope2`; did you mean `West Europe`?"
        );
        assert_eq!(
            err("providers:\n  - name: P\n    peering_locations: [Amsterdm]\n"),
            "cat.yaml:3:25: unknown peering location `Amsterdm`; did you mean `Amsterdam` or `Amsterdam2`?"
        );
        assert_eq!(
            err("providers:\n  - name: P\n  - name: p\n"),
            "cat.yaml:3:11: provider `p` is already defined on line 2"
        );
        assert_eq!(
            err("regions:\n  - name: R\n    geopolitical_region: Europe\n    cloud: mars\n"),
            "cat.yaml:4:12: unknown cloud `mars`; use `Azure public`, `Azure US Government`, `Azure China (21Vianet)`"
        );
        assert_eq!(err("version: 2\n"), "cat.yaml:1:10: `version` must be 1");
        assert_eq!(
            err("providers: [Colt]\n"),
            "cat.yaml:1:13: each provider must be a mapping, found a scalar"
        );
        assert_eq!(err("- a\n"), "cat.yaml:1:1: expected a mapping with keys `version`, `peering_locations`, `regions`, `providers`, found a list");
        let e = err("regions: [\n");
        assert!(
            e.starts_with("cat.yaml:") && e.contains(": invalid YAML"),
            "{e}"
        );
        assert_eq!(
            err("providers:\n  - {peering_locations: []}\n"),
            "cat.yaml:2:5: a provider needs a `name`"
        );
    }

    #[test]
    fn a_missing_file_is_an_error() {
        let e = Catalog::builtin()
            .overlay_file(Path::new("/nonexistent/erlint-catalog.yaml"))
            .unwrap_err();
        assert!(
            e.starts_with("cannot read catalog file `/nonexistent/erlint-catalog.yaml`"),
            "{e}"
        );
    }
}
