//! SARIF 2.1.0: one run, `tool.driver.rules` listing every rule that ran,
//! one result per finding. Checked with Microsoft's SARIF Multitool
//! (`validate --rule-kind "Sarif;Gh"`, GitHub code scanning's rules
//! included) by `.ci/run`.
//!
//! Choices worth knowing:
//! - columns are counted in characters, so the run says
//!   `"columnKind": "unicodeCodePoints"`; `endColumn` is exclusive, as in
//!   SARIF and in erlint's JSON;
//! - paths are relative URIs (resolved against the repository root by
//!   GitHub), percent-encoded; a file outside the current folder is a
//!   `file://` URI;
//! - `partialFingerprints` carries erlint's own line-independent
//!   fingerprint, so code scanning tracks an alert across edits that shift
//!   lines;
//! - messages get a final period: SARIF viewers show them as sentences;
//! - a result with related locations links them from its message
//!   (`See [label](1).`, SARIF's embedded links): GitHub code scanning shows
//!   a related location only when the message links it. Brackets that are
//!   not a link are escaped (`\[`, `\]`) as SARIF requires.

use super::{page_fix, page_summary, rule_page, Location};
use crate::finding::{Applicability, Fix, Severity};
use crate::report::Report;
use crate::rules;
use serde_json::{json, Value};
use std::io::{self, Write};

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// The key of erlint's fingerprint in `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "erlint/v1";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A message as a sentence, as SARIF viewers show them: a capital first
/// letter and a final period.
fn sentence(s: &str) -> String {
    let t = s.trim_end();
    let mut chars = t.chars();
    let mut out: String = match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    };
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}

/// A report path as a URI reference: relative paths stay relative,
/// absolute ones become `file://` URIs; anything but unreserved characters
/// and `/` is percent-encoded.
pub fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    if path.starts_with('/') {
        format!("file://{out}")
    } else {
        out
    }
}

/// Text inside a message with embedded links: literal brackets and
/// backslashes escaped with a backslash (SARIF 2.1.0 §3.11.6).
fn escape_link_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '[' | ']' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The message of a result, linking its related locations (ids 1, 2...).
fn message_with_links(message: &str, labels: &[&str]) -> String {
    if labels.is_empty() {
        return sentence(message);
    }
    let links: Vec<String> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| format!("[{}]({})", escape_link_text(l.trim_end_matches('.')), i + 1))
        .collect();
    let list = match links.as_slice() {
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
        [] => String::new(),
    };
    format!("{} See {list}.", escape_link_text(&sentence(message)))
}

/// `ipvpn-layer2` -> `IpvpnLayer2`: SARIF wants a `name` distinct from the
/// `id`, conventionally in Pascal case.
fn pascal_case(s: &str) -> String {
    s.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

fn physical(loc: &Location) -> Value {
    json!({
        "artifactLocation": { "uri": uri(&loc.path) },
        "region": {
            "startLine": loc.line,
            "startColumn": loc.column,
            "endLine": loc.end_line,
            "endColumn": loc.end_column,
        }
    })
}

/// SARIF's `fix`: the edits grouped by file, each a `deletedRegion` and
/// its `insertedContent`; how certain it is in `properties`.
fn sarif_fix(report: &Report, fix: &Fix) -> Value {
    let mut changes: Vec<(String, Vec<Value>)> = Vec::new();
    for edit in &fix.edits {
        let loc = Location::of(report, edit.span);
        let replacement = json!({
            "deletedRegion": {
                "startLine": loc.line,
                "startColumn": loc.column,
                "endLine": loc.end_line,
                "endColumn": loc.end_column,
            },
            "insertedContent": { "text": edit.replacement },
        });
        match changes.iter_mut().find(|(p, _)| *p == loc.path) {
            Some((_, list)) => list.push(replacement),
            None => changes.push((loc.path, vec![replacement])),
        }
    }
    json!({
        "description": { "text": sentence(&fix.title) },
        "artifactChanges": changes
            .into_iter()
            .map(|(path, replacements)| json!({
                "artifactLocation": { "uri": uri(&path) },
                "replacements": replacements,
            }))
            .collect::<Vec<_>>(),
        "properties": {
            "applicability": match fix.applicability {
                Applicability::Safe => "safe",
                Applicability::Unsafe => "unsafe",
            },
        },
    })
}

fn rule_descriptor(rule: &rules::Rule) -> Value {
    let short = sentence(rule.summary);
    let full = page_summary(rule.doc)
        .filter(|s| !s.eq_ignore_ascii_case("todo"))
        .map_or_else(|| short.clone(), |s| sentence(&s));
    let help_text = page_fix(rule.doc).map_or_else(
        || {
            format!(
                "Run `erlint explain {}` for this rule's documentation.",
                rule.name
            )
        },
        |s| sentence(&s),
    );
    json!({
        "id": rule.name,
        "name": pascal_case(rule.name),
        "shortDescription": { "text": short },
        "fullDescription": { "text": full },
        "help": {
            "text": help_text,
            "markdown": rule_page(rule.doc),
        },
        "helpUri": format!("{}/blob/main/rules/{}.md", super::HOMEPAGE, rule.name),
        "defaultConfiguration": { "level": level(rule.default_severity) },
        "properties": {
            "tags": [rule.group.as_str()],
        },
    })
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let ran: Vec<&rules::Rule> = report
        .rules
        .iter()
        .filter_map(|name| rules::by_name(name))
        .collect();
    // Findings of a rule that is not listed (cannot happen through `lint`)
    // would break `ruleIndex`: list their rules too.
    let mut listed: Vec<&rules::Rule> = ran;
    for f in &report.findings {
        if !listed.iter().any(|r| r.name == f.rule) {
            if let Some(r) = rules::by_name(f.rule) {
                listed.push(r);
            }
        }
    }
    let results: Vec<Value> = report
        .findings
        .iter()
        .zip(&report.fingerprints)
        .map(|(f, fp)| {
            let loc = Location::of(report, f.primary);
            let mut result = json!({
                "ruleId": f.rule,
                "level": level(f.severity),
                "message": { "text": message_with_links(
                    &f.message,
                    &f.labels.iter().map(|l| l.message.as_str()).collect::<Vec<_>>(),
                ) },
                "locations": [{ "physicalLocation": physical(&loc) }],
                "partialFingerprints": { FINGERPRINT_KEY: fp },
            });
            if let Some(i) = listed.iter().position(|r| r.name == f.rule) {
                result["ruleIndex"] = json!(i);
            }
            if !f.labels.is_empty() {
                let related: Vec<Value> = f
                    .labels
                    .iter()
                    .enumerate()
                    .map(|(i, l)| {
                        json!({
                            "id": i + 1,
                            "physicalLocation": physical(&Location::of(report, l.span)),
                            "message": { "text": sentence(&l.message) },
                        })
                    })
                    .collect();
                result["relatedLocations"] = Value::Array(related);
            }
            if !f.fixes.is_empty() {
                result["fixes"] =
                    Value::Array(f.fixes.iter().map(|x| sarif_fix(report, x)).collect());
            }
            result
        })
        .collect();
    let doc = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "erlint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "informationUri": super::HOMEPAGE,
                    "rules": listed.iter().map(|r| rule_descriptor(r)).collect::<Vec<_>>(),
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_encoded() {
        assert_eq!(uri("sites/ams dc.yaml"), "sites/ams%20dc.yaml");
        assert_eq!(uri("/tmp/a#b.yaml"), "file:///tmp/a%23b.yaml");
        assert_eq!(uri("é.yaml"), "%C3%A9.yaml");
    }

    #[test]
    fn messages_link_their_related_locations() {
        assert_eq!(message_with_links("a `b`", &[]), "A `b`.");
        assert_eq!(
            message_with_links("x [l2]", &["offers [l3]", "y."]),
            "X \\[l2\\]. See [offers \\[l3\\]](1) and [y](2)."
        );
    }

    #[test]
    fn messages_become_sentences() {
        assert_eq!(sentence("a `b`"), "A `b`.");
        assert_eq!(sentence("`x` is y."), "`x` is y.");
    }
}
