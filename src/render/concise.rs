//! `path:line:col: severity[rule] message`, one line per finding.

use super::Location;
use crate::report::Report;
use std::io::{self, Write};

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for f in &report.findings {
        let loc = Location::of(report, f.primary);
        writeln!(
            out,
            "{}:{}:{}: {}[{}] {}",
            loc.path,
            loc.line,
            loc.column,
            f.severity.as_str(),
            f.rule,
            f.message
        )?;
    }
    Ok(())
}
