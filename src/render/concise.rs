//! `path:line:col: severity[rule] message`, one line per finding.

use super::escape::{escape, Newlines};
use super::Location;
use crate::finding::Finding;
use crate::report::Report;
use std::io::{self, Write};

/// One finding as `path:line:col: severity[rule] message` (no line break);
/// the JUnit failure bodies use the same line.
pub fn line(report: &Report, f: &Finding) -> String {
    let loc = Location::of(report, f.primary);
    // One line per finding, nothing a terminal acts on (a file name or a
    // value may hold a line feed or an escape sequence).
    format!(
        "{}:{}:{}: {}[{}] {}",
        escape(&loc.path, Newlines::Escape),
        loc.line,
        loc.column,
        f.severity.as_str(),
        f.rule,
        escape(&f.message, Newlines::Escape)
    )
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for f in &report.findings {
        writeln!(out, "{}", line(report, f))?;
    }
    Ok(())
}
