//! Completion: the keys allowed at the cursor, enum values, names of the
//! right kind where a reference is expected, catalog peering locations and
//! regions (with their geopolitical region as detail).

use super::context::{self, Slot};
use super::state::Folder;
use crate::model::format::{Table, Ty, OFFER_MODELS};
use crate::model::NameKind;
use crate::source::FileId;
use lsp_types::{CompletionItem, CompletionItemKind};

/// The kind of entity a key's value names, by the key and the mapping it
/// is in.
pub fn reference_kind(parents: &[String], key: &str) -> Option<NameKind> {
    let last = parents.last().map(String::as_str);
    match (last, key) {
        (_, "provider") => Some(NameKind::Provider),
        (Some("expressroute"), "circuits") => Some(NameKind::Circuit),
        (Some("global_reach"), "circuit") => Some(NameKind::Circuit),
        (_, "port") => Some(NameKind::Port),
        (Some("links"), "vnet") => Some(NameKind::Vnet),
        _ => None,
    }
}

/// What the value of `key` is drawn from in the catalog.
enum CatalogList {
    Locations,
    Regions,
}

fn catalog_list(key: &str) -> Option<CatalogList> {
    match key {
        "peering_location" | "peering_locations" => Some(CatalogList::Locations),
        "region" => Some(CatalogList::Regions),
        _ => None,
    }
}

/// The completion items at byte `offset` of `file`.
pub fn complete(folder: &Folder, file: FileId, offset: u32) -> Vec<CompletionItem> {
    let Some(source) = folder.parts.sources.get(file) else {
        return Vec::new();
    };
    let cx = context::at(&source.text, offset as usize);
    match &cx.slot {
        Slot::Key { .. } => match cx.parents.last().map(String::as_str) {
            Some("offers") => OFFER_MODELS
                .iter()
                .map(|(m, _)| item(m, CompletionItemKind::ENUM_MEMBER, None))
                .collect(),
            _ => context::table_of(&cx.parents).map_or_else(Vec::new, keys),
        },
        Slot::Value { key, .. } => values(folder, &cx.parents, key),
    }
}

fn keys(table: &'static Table) -> Vec<CompletionItem> {
    table
        .keys
        .iter()
        .map(|k| {
            let mut it = item(k.name, CompletionItemKind::PROPERTY, Some(k.doc));
            it.insert_text = Some(format!("{}: ", k.name));
            it
        })
        .collect()
}

fn item(label: &str, kind: CompletionItemKind, detail: Option<&str>) -> CompletionItem {
    CompletionItem {
        label: label.to_string(),
        kind: Some(kind),
        detail: detail.map(str::to_string),
        ..CompletionItem::default()
    }
}

fn values(folder: &Folder, parents: &[String], key: &str) -> Vec<CompletionItem> {
    if parents.last().map(String::as_str) == Some("offers") {
        return ["l2", "l3"]
            .iter()
            .map(|l| item(l, CompletionItemKind::ENUM_MEMBER, None))
            .collect();
    }
    if let Some(kind) = reference_kind(parents, key) {
        return names(folder, kind);
    }
    let catalog = &folder.settings.catalog;
    match catalog_list(key) {
        Some(CatalogList::Locations) => {
            return catalog
                .locations
                .iter()
                .map(|l| {
                    item(
                        &l.name,
                        CompletionItemKind::VALUE,
                        Some(&l.geopolitical_region),
                    )
                })
                .collect()
        }
        Some(CatalogList::Regions) => {
            return catalog
                .regions
                .iter()
                .map(|r| {
                    item(
                        &r.name,
                        CompletionItemKind::VALUE,
                        Some(&r.geopolitical_region),
                    )
                })
                .collect()
        }
        None => {}
    }
    let Some(spec) = context::table_of(parents).and_then(|t| context::key_in(t, key)) else {
        return Vec::new();
    };
    match spec.ty {
        Ty::Enum(names) => names()
            .into_iter()
            .map(|n| item(n, CompletionItemKind::ENUM_MEMBER, None))
            .collect(),
        Ty::Bool => ["true", "false"]
            .iter()
            .map(|b| item(b, CompletionItemKind::VALUE, None))
            .collect(),
        Ty::Version(n) => vec![item(&n.to_string(), CompletionItemKind::VALUE, None)],
        _ => Vec::new(),
    }
}

/// The defined names of `kind`, each with its one-line description.
fn names(folder: &Folder, kind: NameKind) -> Vec<CompletionItem> {
    let db = folder.parts.db();
    let sources = &folder.parts.sources;
    let entities: Vec<crate::sema::Entity<'_>> = match kind {
        NameKind::Provider => db.providers().map(crate::sema::Entity::Provider).collect(),
        NameKind::Site => db.sites().map(crate::sema::Entity::Site).collect(),
        NameKind::Circuit => db.circuits().map(crate::sema::Entity::Circuit).collect(),
        NameKind::Port => db.ports().map(crate::sema::Entity::Port).collect(),
        NameKind::Vnet => db.vnets().map(crate::sema::Entity::Vnet).collect(),
    };
    entities
        .into_iter()
        .map(|e| {
            let detail = super::navigate::describe(sources, e);
            item(
                &e.name().value,
                CompletionItemKind::REFERENCE,
                Some(&detail),
            )
        })
        .collect()
}
