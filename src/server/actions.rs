//! Code actions for the findings under the cursor: the fixes a finding
//! carries (`Finding::fixes`), the did-you-mean replacements (unknown key,
//! undefined reference, unknown location or region) where the finding
//! carries none, and `suppress <rule> on this line`.

use super::context;
use super::convert;
use super::state::Folder;
use crate::finding::{Applicability, Finding};
use crate::source::{FileId, Span};
use lsp_types::{CodeAction, CodeActionKind, TextEdit, Uri, WorkspaceEdit};
use std::collections::HashMap;

/// The actions for the findings whose primary span touches bytes
/// `start..=end` of `file`.
pub fn actions(folder: &Folder, file: FileId, start: u32, end: u32) -> Vec<CodeAction> {
    let mut out = Vec::new();
    for f in folder
        .findings
        .iter()
        .filter(|f| f.primary.file == file && f.primary.start <= end && start <= f.primary.end)
    {
        let diagnostic = super::diagnostics::diagnostic(folder, f);
        let mut titles: Vec<String> = Vec::new();
        for fix in &f.fixes {
            let edits: Vec<(Span, String)> = fix
                .edits
                .iter()
                .map(|e| (e.span, e.replacement.clone()))
                .collect();
            if let Some(edit) = workspace_edit(folder, &edits) {
                titles.push(fix.title.clone());
                out.push(action(
                    &fix.title,
                    edit,
                    &diagnostic,
                    fix.applicability == Applicability::Safe && f.fixes.len() == 1,
                ));
            }
        }
        if f.fixes.is_empty() {
            let near = did_you_mean(folder, f);
            let only = near.len() == 1;
            for name in near {
                let title = format!("write `{name}`");
                if titles.contains(&title) {
                    continue;
                }
                if let Some(edit) = workspace_edit(folder, &[(f.primary, name.clone())]) {
                    out.push(action(&title, edit, &diagnostic, only));
                    titles.push(title);
                }
            }
        }
        if let Some((span, text)) = suppression(folder, f) {
            if let Some(edit) = workspace_edit(folder, &[(span, text)]) {
                let title = format!("suppress {} on this line", f.rule);
                out.push(action(&title, edit, &diagnostic, false));
            }
        }
    }
    out
}

fn action(
    title: &str,
    edit: WorkspaceEdit,
    diagnostic: &lsp_types::Diagnostic,
    preferred: bool,
) -> CodeAction {
    CodeAction {
        title: title.to_string(),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic.clone()]),
        edit: Some(edit),
        is_preferred: preferred.then_some(true),
        ..CodeAction::default()
    }
}

/// Edits (spans in any file of the design) as a workspace edit.
// `WorkspaceEdit::changes` is keyed by `Uri` (lsp-types), whose cached
// parse results clippy takes for interior mutability; it is never mutated.
#[allow(clippy::mutable_key_type)]
fn workspace_edit(folder: &Folder, edits: &[(Span, String)]) -> Option<WorkspaceEdit> {
    let mut changes: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
    for (span, text) in edits {
        let loc = convert::location(&folder.parts.sources, &folder.parts.paths, *span)?;
        changes.entry(loc.uri).or_default().push(TextEdit {
            range: loc.range,
            new_text: text.clone(),
        });
    }
    Some(WorkspaceEdit {
        changes: Some(changes),
        ..WorkspaceEdit::default()
    })
}

/// The names the finding's value probably misspells, closest first.
fn did_you_mean(folder: &Folder, f: &Finding) -> Vec<String> {
    let sources = &folder.parts.sources;
    let written = sources.slice(f.primary).trim_matches(['"', '\'']);
    if written.is_empty() {
        return Vec::new();
    }
    let catalog = &folder.settings.catalog;
    let names: Vec<&str> = match f.rule {
        "undefined-reference" => {
            let db = folder.parts.db();
            let Some(occ) = db.at(f.primary.file, f.primary.start) else {
                return Vec::new();
            };
            match db.case_variant(occ.kind, written) {
                Some(k) => vec![k],
                None => db.similar(occ.kind, written, 3),
            }
        }
        "unknown-field" => {
            let Some(source) = sources.get(f.primary.file) else {
                return Vec::new();
            };
            let cx = context::at(&source.text, f.primary.start as usize);
            let Some(table) = context::table_of(&cx.parents) else {
                return Vec::new();
            };
            crate::suggest::closest(written, table.keys.iter().map(|k| k.name), 3)
        }
        "unknown-peering-location" => catalog.closest_locations(written),
        "unknown-region" => catalog.closest_regions(written),
        _ => Vec::new(),
    };
    names
        .into_iter()
        .filter(|n| *n != written)
        .map(str::to_string)
        .collect()
}

/// Where `# erlint: allow(<rule>)` goes to silence `f` on its line: the
/// end of the line, or the list of a suppression already there.
fn suppression(folder: &Folder, f: &Finding) -> Option<(Span, String)> {
    let source = folder.parts.sources.get(f.primary.file)?;
    let line = source.line_col(f.primary.start).line;
    let start = source.line_start(line)?;
    let text = source.line_text(line);
    let end = start + text.len();
    let marker = "# erlint: allow(";
    if let Some(at) = text.find(marker) {
        let open = at + marker.len();
        let close = text[open..].find(')')? + open;
        let at = start + close;
        return Some((Span::new(f.primary.file, at, at), format!(", {}", f.rule)));
    }
    let pad = if text.ends_with(' ') || text.is_empty() {
        ""
    } else {
        "  "
    };
    Some((
        Span::new(f.primary.file, end, end),
        format!("{pad}# erlint: allow({})", f.rule),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Edit, Fix};
    use crate::{DesignParts, Settings};

    /// A fix a finding carries (task of `check --fix`) becomes a quick fix
    /// with the same edits, preferred when it is the one safe fix.
    #[test]
    fn a_findings_fixes_are_quick_fixes() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = std::fs::canonicalize(tmp.path()).unwrap();
        let text = "version: 1\nproviders:\n  - name: Colt\n    offers:\n      ethernet: [l2]\n";
        std::fs::write(dir.join("p.yaml"), text).unwrap();
        let settings = Settings::new(dir.clone());
        let parts = DesignParts::load(&dir, &settings, &HashMap::new()).unwrap();
        let file = FileId(0);
        let at = text.find("Colt").unwrap();
        let finding = Finding::at(Span::new(file, at, at + 4), "a test finding").fix(Fix {
            title: "write `Equinix`".into(),
            applicability: Applicability::Safe,
            edits: vec![Edit {
                span: Span::new(file, at, at + 4),
                replacement: "Equinix".into(),
            }],
        });
        let folder = Folder {
            root: dir.clone(),
            settings,
            parts,
            findings: vec![Finding {
                rule: "unused-provider",
                ..finding
            }],
            problem: None,
        };
        let found = actions(&folder, file, at as u32, at as u32);
        let titles: Vec<&str> = found.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            ["write `Equinix`", "suppress unused-provider on this line"]
        );
        let fix = &found[0];
        assert_eq!(fix.is_preferred, Some(true));
        let uri = convert::uri_of(&dir.join("p.yaml")).unwrap();
        let edits = &fix.edit.as_ref().unwrap().changes.as_ref().unwrap()[&uri];
        assert_eq!(edits[0].new_text, "Equinix");
        assert_eq!(
            (edits[0].range.start.line, edits[0].range.start.character),
            (2, 10)
        );
        // The suppression goes at the end of the line.
        let suppress = &found[1].edit.as_ref().unwrap().changes.as_ref().unwrap()[&uri];
        assert_eq!(suppress[0].new_text, "  # erlint: allow(unused-provider)");
        assert_eq!(suppress[0].range.start.character, 14);
    }
}
