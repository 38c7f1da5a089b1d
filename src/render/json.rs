//! The versioned JSON report of cli.md.

use super::Location;
use crate::finding::{Applicability, Fix, Severity};
use crate::report::Report;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    findings: Vec<JsonFinding<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    file: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    labels: Vec<JsonLabel<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
    /// Line-independent identity, what `--baseline` matches on.
    fingerprint: &'a str,
    /// What `--fix` would change; written only when there is a fix.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<JsonFix<'a>>,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    title: &'a str,
    /// `safe` (`--fix`) or `unsafe` (`--unsafe-fixes`).
    applicability: &'a str,
    edits: Vec<JsonEdit<'a>>,
}

/// `file` from `line`:`column` to `end_line`:`end_column` (exclusive)
/// becomes `replacement`.
#[derive(Serialize)]
struct JsonEdit<'a> {
    file: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    replacement: &'a str,
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    file: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    message: &'a str,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
    /// Known findings left out (`--baseline`, `--diff-base`); written only
    /// when some were.
    #[serde(skip_serializing_if = "is_zero")]
    left_out: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

fn fix<'a>(report: &Report, fix: &'a Fix) -> JsonFix<'a> {
    JsonFix {
        title: &fix.title,
        applicability: match fix.applicability {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        },
        edits: fix
            .edits
            .iter()
            .map(|e| {
                let loc = Location::of(report, e.span);
                JsonEdit {
                    file: loc.path,
                    line: loc.line,
                    column: loc.column,
                    end_line: loc.end_line,
                    end_column: loc.end_column,
                    replacement: &e.replacement,
                }
            })
            .collect(),
    }
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let findings = report
        .findings
        .iter()
        .zip(&report.fingerprints)
        .map(|(f, fp)| {
            let loc = Location::of(report, f.primary);
            JsonFinding {
                rule: f.rule,
                severity: f.severity.as_str(),
                message: &f.message,
                file: loc.path,
                line: loc.line,
                column: loc.column,
                end_line: loc.end_line,
                end_column: loc.end_column,
                labels: f
                    .labels
                    .iter()
                    .map(|l| {
                        let loc = Location::of(report, l.span);
                        JsonLabel {
                            file: loc.path,
                            line: loc.line,
                            column: loc.column,
                            end_line: loc.end_line,
                            end_column: loc.end_column,
                            message: &l.message,
                        }
                    })
                    .collect(),
                help: f.help.as_deref(),
                fingerprint: fp,
                fixes: f.fixes.iter().map(|x| fix(report, x)).collect(),
            }
        })
        .collect();
    let doc = JsonReport {
        version: 1,
        findings,
        summary: Summary {
            files: report.files(),
            errors: report.count(Severity::Error),
            warnings: report.count(Severity::Warning),
            infos: report.count(Severity::Info),
            left_out: report.left_out,
        },
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
