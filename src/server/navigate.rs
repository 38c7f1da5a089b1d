//! Navigation: go to definition, find references, rename, a file's
//! symbols, hover. All read the semantic view (`sema::at`).

use super::convert;
use super::state::Folder;
use crate::model::format::NAME;
use crate::model::{NameKind, Spanned};
use crate::sema::{Db, Entity, Occurrence};
use crate::source::{FileId, SourceDb};
use lsp_types::{
    DocumentSymbol, Hover, HoverContents, Location, MarkupContent, MarkupKind, SymbolKind,
    TextEdit, Uri, WorkspaceEdit,
};
use std::collections::HashMap;

/// Where the name under the cursor is defined.
pub fn definition(folder: &Folder, file: FileId, offset: u32) -> Option<Location> {
    let db = folder.parts.db();
    let target = db.at(file, offset)?.target?;
    convert::location(
        &folder.parts.sources,
        &folder.parts.paths,
        target.name().span,
    )
}

/// Every name written that means the same entity as the name under the
/// cursor (same kind, same name), the definition included or not.
pub fn references(
    folder: &Folder,
    file: FileId,
    offset: u32,
    include_declaration: bool,
) -> Vec<Location> {
    let db = folder.parts.db();
    let Some(occ) = db.at(file, offset) else {
        return Vec::new();
    };
    same_name(db, occ)
        .into_iter()
        .filter(|o| include_declaration || !o.is_definition)
        .filter_map(|o| convert::location(&folder.parts.sources, &folder.parts.paths, o.name.span))
        .collect()
}

fn same_name<'d>(db: Db<'d>, occ: Occurrence<'d>) -> Vec<Occurrence<'d>> {
    let (kind, name) = (occ.kind, occ.name.value.as_str());
    db.occurrences()
        .filter(|o| o.kind == kind && o.name.value == name)
        .collect()
}

/// The edits renaming the entity under the cursor everywhere it is
/// written, or why not.
// `WorkspaceEdit::changes` is keyed by `Uri` (lsp-types), whose cached
// parse results clippy takes for interior mutability; it is never mutated.
#[allow(clippy::mutable_key_type)]
pub fn rename(
    folder: &Folder,
    file: FileId,
    offset: u32,
    new_name: &str,
) -> Result<Option<WorkspaceEdit>, String> {
    if let crate::model::format::Ty::Name(rule) = NAME {
        if !rule.accepts(new_name) {
            return Err(format!(
                "`{new_name}` is not a valid name ({})",
                rule.describe()
            ));
        }
    }
    let db = folder.parts.db();
    let Some(occ) = db.at(file, offset) else {
        return Ok(None);
    };
    if db.entity_named(occ.kind, new_name).is_some() {
        return Err(format!(
            "a {} named `{new_name}` already exists",
            kind_word(occ.kind)
        ));
    }
    let mut changes: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
    for o in same_name(db, occ) {
        let Some(loc) = convert::location(&folder.parts.sources, &folder.parts.paths, o.name.span)
        else {
            continue;
        };
        changes.entry(loc.uri).or_default().push(TextEdit {
            range: loc.range,
            new_text: new_name.to_string(),
        });
    }
    Ok(Some(WorkspaceEdit {
        changes: Some(changes),
        ..WorkspaceEdit::default()
    }))
}

/// The entities of a file, in document order.
pub fn symbols(folder: &Folder, file: FileId) -> Vec<DocumentSymbol> {
    let db = folder.parts.db();
    let sources = &folder.parts.sources;
    db.entities_in(file)
        .into_iter()
        .map(|e| {
            #[allow(deprecated)] // `deprecated` is a required field
            DocumentSymbol {
                name: e.name().value.to_string(),
                detail: Some(describe(sources, e)),
                kind: match e.kind() {
                    NameKind::Provider => SymbolKind::CLASS,
                    NameKind::Site => SymbolKind::MODULE,
                    NameKind::Circuit => SymbolKind::INTERFACE,
                    NameKind::Port => SymbolKind::INTERFACE,
                    NameKind::Vnet => SymbolKind::STRUCT,
                },
                tags: None,
                deprecated: None,
                range: convert::range(sources, e.span()),
                selection_range: convert::range(sources, e.name().span),
                children: None,
            }
        })
        .collect()
}

/// Hover: the entity a name means, in one line, and the summary of the
/// rule of each finding under the cursor.
pub fn hover(folder: &Folder, file: FileId, offset: u32) -> Option<Hover> {
    let db = folder.parts.db();
    let sources = &folder.parts.sources;
    let mut lines = Vec::new();
    let mut range = None;
    if let Some(occ) = db.at(file, offset) {
        range = Some(convert::range(sources, occ.name.span));
        match occ.target {
            Some(t) => lines.push(format!("`{}`", describe(sources, t))),
            None => lines.push(format!(
                "no {} named `{}` is defined",
                kind_word(occ.kind),
                occ.name.value
            )),
        }
    }
    for f in folder
        .findings
        .iter()
        .filter(|f| f.primary.file == file && f.primary.start <= offset && offset <= f.primary.end)
    {
        if let Some(rule) = crate::rules::by_name(f.rule) {
            lines.push(format!("**{}**: {}", rule.name, rule.summary));
            range.get_or_insert(convert::range(sources, f.primary));
        }
    }
    if lines.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: lines.join("\n\n"),
        }),
        range,
    })
}

pub fn kind_word(kind: NameKind) -> &'static str {
    match kind {
        NameKind::Provider => "provider",
        NameKind::Site => "site",
        NameKind::Circuit => "circuit",
        NameKind::Port => "port",
        NameKind::Vnet => "virtual network",
    }
}

/// An entity in one line, its values as written:
/// `circuit er-ams-1: Colt at Amsterdam, 1Gbps, standard, metered`.
pub fn describe(sources: &SourceDb, e: Entity<'_>) -> String {
    fn text_of<T>(sources: &SourceDb, v: &Option<Spanned<T>>) -> Option<String> {
        v.as_ref()
            .map(|s| sources.slice(s.span).to_string())
            .filter(|s| !s.is_empty())
    }
    let name = e.name().value.as_str();
    let join = |parts: Vec<Option<String>>| -> String {
        parts.into_iter().flatten().collect::<Vec<_>>().join(", ")
    };
    let details = match e {
        Entity::Circuit(c) => {
            let via = match (text_of(sources, &c.provider), text_of(sources, &c.port)) {
                (Some(p), _) => Some(p),
                (None, Some(port)) => Some(format!("port {port}")),
                (None, None) => None,
            };
            let head = match (via, text_of(sources, &c.peering_location)) {
                (Some(v), Some(l)) => Some(format!("{v} at {l}")),
                (Some(v), None) => Some(v),
                (None, Some(l)) => Some(format!("at {l}")),
                (None, None) => None,
            };
            join(vec![
                head,
                text_of(sources, &c.bandwidth),
                text_of(sources, &c.sku),
                text_of(sources, &c.billing),
            ])
        }
        Entity::Site(s) => {
            let kind = text_of(sources, &s.kind);
            let city = text_of(sources, &s.city).map(|c| format!("in {c}"));
            let er = s.expressroute.as_ref();
            let how = er.map(|er| {
                let model = text_of(sources, &er.model).unwrap_or_default();
                let layer = text_of(sources, &er.layer).unwrap_or_default();
                let provider = text_of(sources, &er.provider)
                    .map(|p| format!(" via {p}"))
                    .unwrap_or_default();
                format!("{model} {layer}{provider}")
                    .trim()
                    .replace("  ", " ")
            });
            let circuits: Vec<&str> = s
                .entity()
                .circuit_names()
                .iter()
                .map(|c| c.value.as_str())
                .collect();
            let head = match (kind, city) {
                (Some(k), Some(c)) => Some(format!("{k} {c}")),
                (k, c) => k.or(c),
            };
            join(vec![
                head,
                how.filter(|h| !h.is_empty()),
                (!circuits.is_empty()).then(|| format!("circuits {}", circuits.join(" "))),
            ])
        }
        Entity::Provider(p) => {
            let offers = p.offers.as_ref().map(|o| {
                o.value
                    .iter()
                    .map(|offer| {
                        format!(
                            "{} {}",
                            offer.model.value.as_str(),
                            sources.slice(offer.layers.span)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            });
            let locations = p
                .peering_locations
                .as_ref()
                .map(|l| format!("at {}", sources.slice(l.span)));
            join(vec![offers, locations])
        }
        Entity::Port(p) => join(vec![
            text_of(sources, &p.peering_location),
            text_of(sources, &p.bandwidth),
            text_of(sources, &p.encapsulation),
        ]),
        Entity::Vnet(v) => join(vec![
            text_of(sources, &v.region),
            v.gateway
                .as_ref()
                .and_then(|g| text_of(sources, &g.sku))
                .map(|s| format!("gateway {s}")),
            v.address_space
                .as_ref()
                .map(|a| sources.slice(a.span).to_string()),
        ]),
    };
    let kind = kind_word(e.kind());
    if details.is_empty() {
        format!("{kind} {name}")
    } else {
        format!("{kind} {name}: {details}")
    }
}
