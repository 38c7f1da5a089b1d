//! One renderer per output format; each is a pure function of the report.
//! The formats are a contract (cli.md): change them only on purpose.

pub mod azure;
pub mod ci_log;
pub mod concise;
pub mod escape;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod sarif;
pub mod statistics;

use crate::report::Report;
use crate::source::Span;
use std::io::{self, Write};

/// The project's home, for SARIF `informationUri` and rule help links.
pub const HOMEPAGE: &str = env!("CARGO_PKG_REPOSITORY");

/// `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Concise,
    Json,
    /// SARIF 2.1.0 (GitHub code scanning and other SARIF viewers)
    Sarif,
    /// GitHub Actions workflow commands (annotations)
    Github,
    /// GitLab Code Quality report
    Gitlab,
    /// JUnit XML (Jenkins, GitLab test reports)
    Junit,
    /// Markdown for a pull-request comment or a GitHub job summary
    Markdown,
    /// Azure Pipelines logging commands (`##vso[task.logissue ...]`)
    Azure,
}

impl Format {
    /// Every format (the fuzz targets render them all).
    pub fn all() -> &'static [Format] {
        <Format as clap::ValueEnum>::value_variants()
    }
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
        Format::Sarif => sarif::render(report, out),
        Format::Github => github::render(report, out),
        Format::Gitlab => gitlab::render(report, out),
        Format::Junit => junit::render(report, out),
        // Without the model there is no picture (the CLI passes one).
        Format::Markdown => markdown::render(report, &markdown::Extras::default(), out),
        Format::Azure => azure::render(report, out),
    }
}

/// A rule page as `erlint explain` prints it: the fence tags the doc tests
/// use (` ```yaml bad `) reduced to the language.
pub fn rule_page(doc: &str) -> String {
    let mut out = String::with_capacity(doc.len());
    for line in doc.lines() {
        let t = line.trim_start();
        if let Some(rest) = t.strip_prefix("```") {
            let lang = rest.split_whitespace().next().unwrap_or("");
            out.push_str(&line[..line.len() - t.len()]);
            out.push_str("```");
            out.push_str(lang);
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

/// The summary paragraph of a rule page: the first paragraph after the
/// metadata table, joined into one line.
pub fn page_summary(doc: &str) -> Option<String> {
    let mut lines = doc.lines().skip_while(|l| !l.starts_with('|'));
    let mut para = Vec::new();
    for l in lines.by_ref() {
        if !l.starts_with('|') {
            break;
        }
    }
    for l in lines {
        let t = l.trim();
        if t.starts_with('#') || t.starts_with("```") {
            break;
        }
        if t.is_empty() {
            if para.is_empty() {
                continue;
            }
            break;
        }
        para.push(t);
    }
    (!para.is_empty()).then(|| para.join(" "))
}

/// The text of a page's `## How to fix` section, trimmed.
pub fn page_fix(doc: &str) -> Option<String> {
    let start = doc.find("\n## How to fix")?;
    let body = &doc[start + 1..];
    let body = body.split_once('\n').map_or("", |(_, b)| b);
    let end = body.find("\n## ").unwrap_or(body.len());
    let text = body[..end].trim();
    (!text.is_empty()).then(|| text.to_string())
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
