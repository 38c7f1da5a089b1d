//! miette's graphical report. The only file that knows miette.
//!
//! A miette diagnostic shows one source file, so labels in another file
//! become related diagnostics carrying their own source.

use crate::finding::{Finding, Severity};
use crate::report::Report;
use crate::source::Span;
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan,
};
use std::fmt;
use std::io::{self, Write};
use std::sync::Arc;

#[derive(Debug)]
struct Diag {
    message: String,
    code: Option<String>,
    severity: miette::Severity,
    help: Option<String>,
    source: Option<NamedSource<Arc<str>>>,
    labels: Vec<LabeledSpan>,
    related: Vec<Diag>,
}

impl fmt::Display for Diag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diag {}

impl Diagnostic for Diag {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.code
            .as_ref()
            .map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.labels.is_empty() {
            None
        } else {
            Some(Box::new(self.labels.iter().cloned()))
        }
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.related.is_empty() {
            None
        } else {
            Some(Box::new(self.related.iter().map(|d| d as &dyn Diagnostic)))
        }
    }
}

fn miette_severity(s: Severity) -> miette::Severity {
    match s {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Info => miette::Severity::Advice,
    }
}

fn source_span(report: &Report, span: Span) -> SourceSpan {
    // Clamp to the text so miette never reads past the end.
    let len = report.sources.get(span.file).map_or(0, |f| f.text.len());
    let start = (span.start as usize).min(len);
    let end = (span.end as usize).clamp(start, len);
    SourceSpan::new(start.into(), end - start)
}

fn named_source(report: &Report, span: Span) -> Option<NamedSource<Arc<str>>> {
    let file = report.sources.get(span.file)?;
    Some(NamedSource::new(file.path.clone(), file.text.clone()).with_language("yaml"))
}

fn to_diag(report: &Report, f: &Finding) -> Diag {
    let mut labels = vec![LabeledSpan::new_primary_with_span(
        None,
        source_span(report, f.primary),
    )];
    let mut related = Vec::new();
    for label in &f.labels {
        if label.span.file == f.primary.file {
            labels.push(LabeledSpan::new_with_span(
                Some(label.message.clone()),
                source_span(report, label.span),
            ));
        } else {
            related.push(Diag {
                message: label.message.clone(),
                code: None,
                severity: miette::Severity::Advice,
                help: None,
                source: named_source(report, label.span),
                labels: vec![LabeledSpan::new_primary_with_span(
                    None,
                    source_span(report, label.span),
                )],
                related: Vec::new(),
            });
        }
    }
    Diag {
        message: f.message.clone(),
        // rustc style: the severity, then the rule name as the code.
        code: Some(format!("{}[{}]", f.severity.as_str(), f.rule)),
        severity: miette_severity(f.severity),
        help: f.help.clone(),
        source: named_source(report, f.primary),
        labels,
        related,
    }
}

pub fn render(report: &Report, opts: &super::RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let theme = if opts.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(opts.width)
        // Names like `er-ams-colt` must not be split at their hyphens.
        .with_word_splitter(textwrap::WordSplitter::NoHyphenation)
        .with_break_words(false)
        .with_links(false)
        .with_context_lines(1);
    for f in &report.findings {
        let diag = to_diag(report, f);
        let mut s = String::new();
        handler
            .render_report(&mut s, &diag)
            .map_err(|_| io::Error::other("formatting a diagnostic failed"))?;
        out.write_all(s.as_bytes())?;
        writeln!(out)?;
    }
    writeln!(out, "{}", report.summary_line())
}
