//! One renderer per output format; each is a pure function of the report.
//! The formats are a contract (cli.md): change them only on purpose.

pub mod concise;
pub mod human;
pub mod json;

use crate::report::Report;
use crate::source::Span;
use std::io::{self, Write};

/// `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Concise,
    Json,
}

#[derive(Clone, Copy, Debug)]
pub struct RenderOptions {
    pub color: bool,
    /// Terminal width for the human format.
    pub width: usize,
}

impl Default for RenderOptions {
    fn default() -> RenderOptions {
        RenderOptions {
            color: false,
            width: 100,
        }
    }
}

pub fn render(
    format: Format,
    report: &Report,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Human => human::render(report, opts, out),
        Format::Concise => concise::render(report, out),
        Format::Json => json::render(report, out),
    }
}

/// A span as users see it: path, 1-based line and character column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

impl Location {
    pub fn of(report: &Report, span: Span) -> Location {
        let (start, end) = report.sources.line_col(span);
        Location {
            path: report.sources.path(span.file).to_string(),
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
        }
    }
}
