//! GitLab Code Quality report: a JSON array of Code Climate issues.
//!
//! GitLab reads `description`, `check_name`, `fingerprint`, `severity` and
//! `location.path` / `location.lines.begin`. The fingerprint is erlint's
//! line-independent one, so an issue keeps its identity across runs and
//! across edits that shift lines (GitLab compares the reports of the source
//! and target branches by fingerprint).

use super::Location;
use crate::finding::Severity;
use crate::report::Report;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct Issue<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    check_name: &'a str,
    description: &'a str,
    categories: [&'static str; 1],
    severity: &'static str,
    fingerprint: &'a str,
    location: IssueLocation,
}

#[derive(Serialize)]
struct IssueLocation {
    path: String,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
    end: usize,
}

/// Code Climate severities: info, minor, major, critical, blocker.
fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let issues: Vec<Issue<'_>> = report
        .findings
        .iter()
        .zip(&report.fingerprints)
        .map(|(f, fp)| {
            let loc = Location::of(report, f.primary);
            Issue {
                kind: "issue",
                check_name: f.rule,
                description: &f.message,
                categories: ["Bug Risk"],
                severity: severity(f.severity),
                fingerprint: fp,
                location: IssueLocation {
                    path: loc.path,
                    lines: Lines {
                        begin: loc.line,
                        end: loc.end_line,
                    },
                },
            }
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &issues)?;
    writeln!(out)
}
