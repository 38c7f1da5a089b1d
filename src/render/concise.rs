//! `path:line:col: severity[rule] message`, one line per finding.

use super::Location;
use crate::finding::Finding;
use crate::report::Report;
use std::io::{self, Write};

/// One finding as `path:line:col: severity[rule] message` (no line break);
/// the JUnit failure bodies use the same line.
pub fn line(report: &Report, f: &Finding) -> String {
    let loc = Location::of(report, f.primary);
    format!(
        "{}:{}:{}: {}[{}] {}",
        loc.path,
        loc.line,
        loc.column,
        f.severity.as_str(),
        f.rule,
        f.message
    )
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for f in &report.findings {
        writeln!(out, "{}", line(report, f))?;
    }
    Ok(())
}
