//! `--statistics`: findings per rule, most frequent first (ties by rule
//! name), as a text table or, with `--format json`, as JSON:
//! `{"version": 1, "rules": [{"rule", "severity", "count"}...], "summary": {...}}`
//! where `severity` is the most severe of that rule's findings.

use crate::finding::Severity;
use crate::report::Report;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Write};

#[derive(Serialize)]
struct Row<'a> {
    rule: &'a str,
    severity: &'static str,
    count: usize,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

#[derive(Serialize)]
struct Statistics<'a> {
    version: u32,
    rules: Vec<Row<'a>>,
    summary: Summary,
}

fn rows(report: &Report) -> Vec<Row<'_>> {
    let mut counts: BTreeMap<&str, (usize, Severity)> = BTreeMap::new();
    for f in &report.findings {
        let e = counts.entry(f.rule).or_insert((0, f.severity));
        e.0 += 1;
        e.1 = e.1.max(f.severity);
    }
    let mut rows: Vec<Row<'_>> = counts
        .into_iter()
        .map(|(rule, (count, sev))| Row {
            rule,
            severity: sev.as_str(),
            count,
        })
        .collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then(a.rule.cmp(b.rule)));
    rows
}

pub fn render_text(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let rows = rows(report);
    let width = rows.iter().map(|r| r.rule.len()).max().unwrap_or(0);
    for r in rows {
        writeln!(out, "{:6}  {:width$}  {}", r.count, r.rule, r.severity)?;
    }
    writeln!(out, "{}", report.summary_line())
}

pub fn render_json(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let doc = Statistics {
        version: 1,
        rules: rows(report),
        summary: Summary {
            files: report.files(),
            errors: report.count(Severity::Error),
            warnings: report.count(Severity::Warning),
            infos: report.count(Severity::Info),
        },
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
