//! Reading a catalog file (format: `docs/catalog.md`): the file's text
//! into typed entries, each with the position it was written at, so that
//! [`super::merge`] can lay them over the catalog and every error names the
//! file, line and column.

use super::{merge, Catalog, Cloud};
use crate::source::{FileId, SourceFile, Span};
use crate::syntax::{self, Node, NodeKind};
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
    "metro_of",
];
const REGION_KEYS: &[&str] = &[
    "name",
    "aliases",
    "geopolitical_region",
    "cloud",
    "ergwscale",
];
const PROVIDER_KEYS: &[&str] = &["name", "aliases", "peering_locations"];

pub(super) struct Errors<'a> {
    pub(super) src: &'a SourceFile,
    pub(super) list: Vec<String>,
}

impl Errors<'_> {
    pub(super) fn at(&mut self, span: Span, msg: impl AsRef<str>) {
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
pub(super) struct At<T> {
    pub(super) value: T,
    pub(super) span: Span,
}

#[derive(Default)]
pub(super) struct LocationEntry {
    pub(super) name: Option<At<String>>,
    pub(super) aliases: Option<Vec<String>>,
    pub(super) city: Option<String>,
    pub(super) cloud: Option<Cloud>,
    pub(super) geopolitical_region: Option<String>,
    pub(super) local_regions: Option<Vec<At<String>>>,
    pub(super) direct: Option<bool>,
    pub(super) global_reach: Option<bool>,
    pub(super) providers: Option<Vec<String>>,
    pub(super) metro_of: Option<Vec<At<String>>>,
}

#[derive(Default)]
pub(super) struct RegionEntry {
    pub(super) name: Option<At<String>>,
    pub(super) aliases: Option<Vec<String>>,
    pub(super) geopolitical_region: Option<String>,
    pub(super) cloud: Option<Cloud>,
    pub(super) ergwscale: Option<bool>,
}

#[derive(Default)]
pub(super) struct ProviderEntry {
    pub(super) name: Option<At<String>>,
    pub(super) aliases: Option<Vec<String>>,
    pub(super) peering_locations: Option<Vec<At<String>>>,
}

#[derive(Default)]
pub(super) struct Sections {
    pub(super) locations: Vec<LocationEntry>,
    pub(super) regions: Vec<RegionEntry>,
    pub(super) providers: Vec<ProviderEntry>,
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
        merge::apply(catalog, sections, &mut errors);
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
            "metro_of" => e.metro_of = strings(v, f, errors),
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
            "ergwscale" => e.ergwscale = boolean(v, f, errors),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
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
            err("regions:\n  - name: Finland Central\n"),
            "cat.yaml:2:11: region `Finland Central` is not in the built-in catalog; a new region needs `geopolitical_region`"
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
