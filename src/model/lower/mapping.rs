//! Reading one mapping against its table: which entry writes which key,
//! `unknown-field` (with "did you mean") for the rest, and the keys an
//! unknown key probably misspells.

use super::Lowerer;
use crate::finding::{Applicability, Finding, Fix};
use crate::model::format::{FormatKey, Key};
use crate::model::Written;
use crate::source::Span;
use crate::suggest;
use crate::syntax::{Node, NodeKind};

/// The entries of one mapping with the keys the format accepts there.
pub(super) struct Fields<'a, K> {
    entries: &'a [(Node<'a>, Node<'a>)],
    /// Keys that an unknown key probably misspells, with that entry's
    /// position: their absence is that `unknown-field`'s finding, not a
    /// `missing-field`.
    claimed: Vec<(K, usize)>,
    /// Per key of the table (same position), the entry that writes it, or
    /// [`NOT_WRITTEN`]: found once when the mapping is read, so looking a
    /// key up does not compare it with every entry's key.
    slots: [u32; 64],
}

const NOT_WRITTEN: u32 = u32::MAX;

/// Where `name` is in `keys`. Called for every key of every mapping, so it
/// looks at lengths and first bytes before comparing whole names.
fn position_of(keys: &[Key], name: &str) -> Option<usize> {
    let first = name.as_bytes().first();
    keys.iter().position(|k| {
        k.name.len() == name.len() && k.name.as_bytes().first() == first && k.name == name
    })
}

impl<'a, K: FormatKey> Fields<'a, K> {
    /// The entry (key and value) that writes `key`.
    pub(super) fn get(&self, key: K) -> Option<(&'a Node<'a>, &'a Node<'a>)> {
        let slot = *self.slots.get(key.index())?;
        self.entries.get(slot as usize).map(|(k, v)| (k, v))
    }

    /// The value, treating `null` as absent.
    pub(super) fn value(&self, key: K) -> Option<&'a Node<'a>> {
        self.get(key).map(|(_, v)| v).filter(|v| !v.is_null())
    }

    /// The entry that writes `key` with a value other than `null`.
    pub(super) fn entry(&self, key: K) -> Option<(&'a Node<'a>, &'a Node<'a>)> {
        self.get(key).filter(|(_, v)| !v.is_null())
    }

    /// The keys of this mapping's table written with a non-null value.
    pub(super) fn present(&self) -> Written<K> {
        let mut out = Written::new();
        for &key in K::ALL {
            if self.value(key).is_some() {
                out.insert(key);
            }
        }
        out
    }

    /// The keys of this mapping's table written with a value (valid or
    /// not), plus those an unknown key probably misspells: the model's
    /// `written` sets, which tell rules that a `None` was already reported
    /// rather than absent.
    pub(super) fn written(&self) -> Written<K> {
        let mut out = self.present();
        for (key, _) in &self.claimed {
            out.insert(*key);
        }
        out
    }

    /// A top-level section, or the value of the unknown key that probably
    /// misspells it (`site:` for `sites:`): that `unknown-field` is the one
    /// finding, and the entities under it still count, so their names do
    /// not turn into `undefined-reference`s everywhere.
    pub(super) fn section(&self, key: K) -> Option<&'a Node<'a>> {
        self.value(key).or_else(|| self.claimed_value(key))
    }

    pub(super) fn is_claimed(&self, key: K) -> bool {
        self.claimed.iter().any(|(k, _)| *k == key)
    }

    /// The value of the unknown key that probably misspells `key`.
    pub(super) fn claimed_value(&self, key: K) -> Option<&'a Node<'a>> {
        let &(_, i) = self.claimed.iter().find(|(k, _)| *k == key)?;
        self.entries.get(i).map(|(_, v)| v).filter(|v| !v.is_null())
    }
}

/// Renaming an unknown key to `best`, the closest accepted key (`close`
/// keys were close): safe when the two differ only in case, spaces,
/// hyphens or underscores and no other key does (`Peering-Location`), a
/// guess when `best` is merely the only close key (`provder`).
fn key_fix(written: &str, best: &str, close: usize, keys: &[Key], at: Span) -> Option<Fix> {
    let same_fold = keys
        .iter()
        .filter(|k| suggest::same_folded(written, k.name))
        .count();
    let applicability = if same_fold == 1 && suggest::same_folded(written, best) {
        Applicability::Safe
    } else if close == 1 {
        Applicability::Unsafe
    } else {
        return None;
    };
    Some(Fix::replace(
        format!("write `{best}`"),
        applicability,
        at,
        best,
    ))
}

/// "`name`, `offers`, `peering_locations`".
pub(super) fn key_list(keys: &[Key]) -> String {
    keys.iter()
        .map(|k| format!("`{}`", k.name))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Lowerer {
    /// Reads `node` as a mapping of `K`'s table; reports unknown keys (with
    /// suggestions) and non-scalar keys.
    pub(super) fn fields<'a, K: FormatKey>(
        &mut self,
        node: &'a Node<'a>,
        what: &str,
    ) -> Option<Fields<'a, K>> {
        let keys = K::TABLE.keys;
        let NodeKind::Map(entries) = &node.kind else {
            self.invalid(
                node,
                format!("expected a mapping for {what}, found {}", node.type_name()),
                format!(
                    "write {what} as `key: value` lines; accepted keys: {}",
                    key_list(keys)
                ),
            );
            return None;
        };
        let mut claimed: Vec<(K, usize)> = Vec::new();
        let mut slots = [NOT_WRITTEN; 64];
        for (i, (k, _)) in entries.iter().enumerate() {
            let Some(s) = k.as_scalar() else {
                self.invalid(
                    k,
                    format!("a key in {what} must be a plain name"),
                    format!("accepted keys: {}", key_list(keys)),
                );
                continue;
            };
            if let Some(at) = position_of(keys, s.text) {
                if let Some(slot) = slots.get_mut(at).filter(|s| **s == NOT_WRITTEN) {
                    *slot = u32::try_from(i).unwrap_or(NOT_WRITTEN);
                }
                continue;
            }
            // Names under an unknown key (`circuit: [er-ams-1]`) may be the
            // references meant: `unused-*` and `undefined-reference` leave
            // them to this `unknown-field`.
            self.remember(&entries[i].1);
            // Two, to know whether the best is the only one close.
            let found = suggest::closest(s.text, keys.iter().map(|k| k.name), 2);
            let mut f = Finding::stage(
                &crate::rules::reference::UNKNOWN_FIELD,
                k.span,
                format!("unknown key `{}` in {what}", s.text),
            );
            f = match found.first() {
                Some(best) => {
                    let present = entries
                        .iter()
                        .any(|(k2, _)| k2.as_scalar().is_some_and(|s2| s2.text == *best));
                    // Claimed even when optional: `layer` and `provider`
                    // are required for most models.
                    if let Some(&key) = K::ALL.iter().find(|key| key.name() == *best) {
                        if !present && !claimed.iter().any(|(c, _)| *c == key) {
                            claimed.push((key, i));
                        }
                    }
                    let f = f.help(format!(
                        "did you mean `{best}`? accepted keys: {}",
                        key_list(keys)
                    ));
                    match key_fix(s.text, best, found.len(), keys, k.span) {
                        Some(fix) if !present => f.fix(fix),
                        _ => f,
                    }
                }
                None => f.help(format!("remove it; accepted keys: {}", key_list(keys))),
            };
            self.findings.push(f);
        }
        Some(Fields {
            entries,
            claimed,
            slots,
        })
    }

    pub(super) fn list_items<'a>(&mut self, node: &'a Node<'a>, what: &str) -> &'a [Node<'a>] {
        match &node.kind {
            NodeKind::Seq(items) => items,
            _ => {
                self.invalid(
                    node,
                    format!("`{what}` must be a list, found {}", node.type_name()),
                    format!("write each entry of `{what}` on its own line starting with `- `"),
                );
                &[]
            }
        }
    }
}
