//! Findings → LSP diagnostics, one list per file, and which files need
//! publishing (changed lists, and empty ones for files whose findings
//! are gone).

use super::convert;
use super::state::Folder;
use crate::finding::{Finding, Severity};
use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, NumberOrString,
    Uri,
};
use std::collections::BTreeMap;
use std::str::FromStr;

/// The page of a rule in the repository.
pub fn rule_page(rule: &str) -> Option<Uri> {
    Uri::from_str(&format!(
        "{}/blob/main/rules/{rule}.md",
        env!("CARGO_PKG_REPOSITORY")
    ))
    .ok()
}

fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// One finding as a diagnostic: the help joins the message (clients show
/// the message only), labels become related information.
pub fn diagnostic(folder: &Folder, f: &Finding) -> Diagnostic {
    let sources = &folder.parts.sources;
    let mut message = f.message.clone();
    if let Some(help) = &f.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let related: Vec<DiagnosticRelatedInformation> = f
        .labels
        .iter()
        .filter_map(|l| {
            Some(DiagnosticRelatedInformation {
                location: convert::location(sources, &folder.parts.paths, l.span)?,
                message: l.message.clone(),
            })
        })
        .collect();
    Diagnostic {
        range: convert::range(sources, f.primary),
        severity: Some(severity(f.severity)),
        code: Some(NumberOrString::String(f.rule.to_string())),
        code_description: rule_page(f.rule).map(|href| CodeDescription { href }),
        source: Some("erlint".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

/// Every file's diagnostics across the folders, keyed by URI text (files
/// without findings are absent). A file in two folders' designs (nested
/// workspace folders) takes the diagnostics of the first, the innermost.
pub fn all(folders: &[Folder]) -> BTreeMap<String, (Uri, Vec<Diagnostic>)> {
    let mut out: BTreeMap<String, (Uri, Vec<Diagnostic>)> = BTreeMap::new();
    let mut claimed: std::collections::HashSet<&std::path::Path> = Default::default();
    for folder in folders {
        let mine: Vec<&std::path::Path> = folder
            .parts
            .paths
            .iter()
            .flatten()
            .map(|p| p.as_path())
            .filter(|p| !claimed.contains(p))
            .collect();
        let mine: std::collections::HashSet<&std::path::Path> = mine.into_iter().collect();
        for f in &folder.findings {
            let Some(path) = folder
                .parts
                .paths
                .get(f.primary.file.0 as usize)
                .and_then(|p| p.as_deref())
            else {
                continue;
            };
            if !mine.contains(path) {
                continue;
            }
            let Some(uri) = convert::uri_of(path) else {
                continue;
            };
            out.entry(uri.as_str().to_string())
                .or_insert_with(|| (uri, Vec::new()))
                .1
                .push(diagnostic(folder, f));
        }
        claimed.extend(mine);
    }
    out
}

/// What to publish to go from `before` to `after`: each file whose list
/// changed, and an empty list for each file that has none any more.
pub fn changes(
    before: &BTreeMap<String, (Uri, Vec<Diagnostic>)>,
    after: &BTreeMap<String, (Uri, Vec<Diagnostic>)>,
) -> Vec<(Uri, Vec<Diagnostic>)> {
    let mut out = Vec::new();
    for (key, (uri, diags)) in after {
        if before.get(key).map(|(_, d)| d) != Some(diags) {
            out.push((uri.clone(), diags.clone()));
        }
    }
    for (key, (uri, _)) in before {
        if !after.contains_key(key) {
            out.push((uri.clone(), Vec::new()));
        }
    }
    out
}
