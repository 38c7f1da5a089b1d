//! miette's graphical report. The only file that knows miette.
//!
//! A miette diagnostic shows one source file, so labels in another file
//! become related diagnostics carrying their own source.

use super::escape::{escape, Newlines, Shown};
use crate::finding::{Finding, Severity};
use crate::report::Report;
use crate::source::{SourceFile, Span};
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};
use std::fmt;
use std::io::{self, Write};

#[derive(Debug)]
struct Diag<'r> {
    message: String,
    code: Option<String>,
    severity: miette::Severity,
    help: Option<String>,
    source: Option<FileSource<'r>>,
    labels: Vec<LabeledSpan>,
    related: Vec<Diag<'r>>,
}

/// A design file as miette's source code, handed over a few lines at a
/// time. miette counts lines from the start of the text it is given, so
/// giving it the whole file would cost the file's size for every label
/// (quadratic for a big file with many findings); here each label costs
/// its own lines.
///
/// The contents returned are exactly what miette computes over the whole
/// file (including its `line_count`, which counts from the file's start and
/// decides which labels share a snippet). The file is the one shown
/// ([`Shown`]: control characters escaped, lone carriage returns as line
/// feeds, so miette and `SourceFile` count the same lines).
#[derive(Debug)]
struct FileSource<'r> {
    file: &'r SourceFile,
}

impl SourceCode for FileSource<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let text: &str = &self.file.text;
        let start = span.offset().min(text.len());
        let end = (start + span.len()).min(text.len());
        let line_of = |o: usize| {
            self.file
                .line_col(u32::try_from(o).unwrap_or(u32::MAX))
                .line
        };
        // One line more on each side than asked, so miette sees the same
        // context as in the whole file.
        let from_line = line_of(start)
            .saturating_sub(context_lines_before + 1)
            .max(1);
        let to_line = line_of(end) + context_lines_after + 2;
        let w_start = self.file.line_start(from_line).unwrap_or(0).min(start);
        let w_end = self.file.line_start(to_line).unwrap_or(text.len()).max(end);
        let window = text.get(w_start..w_end).unwrap_or("");
        let local = SourceSpan::new((start - w_start).into(), end - start);
        let inner = window.read_span(&local, context_lines_before, context_lines_after)?;
        let contents = MietteSpanContents::new_named(
            self.file.path.clone(),
            inner.data(),
            SourceSpan::new((inner.span().offset() + w_start).into(), inner.span().len()),
            inner.line() + from_line - 1,
            inner.column(),
            inner.line_count() + from_line - 1,
        )
        .with_language("yaml");
        Ok(Box::new(contents))
    }
}

impl fmt::Display for Diag<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diag<'_> {}

impl Diagnostic for Diag<'_> {
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

/// The files as shown: escaped where they hold characters a terminal
/// would act on (nearly never; then the file itself).
struct Files<'r> {
    report: &'r Report,
    shown: Vec<Option<Shown>>,
}

impl<'r> Files<'r> {
    fn new(report: &'r Report) -> Files<'r> {
        let shown = report.sources.iter().map(|(_, f)| Shown::of(f)).collect();
        Files { report, shown }
    }

    fn file(&self, span: Span) -> Option<&SourceFile> {
        match self.shown.get(span.file.0 as usize) {
            Some(Some(shown)) => Some(&shown.file),
            _ => self.report.sources.get(span.file),
        }
    }

    fn span(&self, span: Span) -> SourceSpan {
        let (mut start, mut end) = (span.start as usize, span.end as usize);
        if let Some(Some(shown)) = self.shown.get(span.file.0 as usize) {
            (start, end) = (shown.offset(start), shown.offset(end));
        }
        // Clamp to the text so miette never reads past the end.
        let len = self.file(span).map_or(0, |f| f.text.len());
        let start = start.min(len);
        let end = end.clamp(start, len);
        SourceSpan::new(start.into(), end - start)
    }

    fn source(&self, span: Span) -> Option<FileSource<'_>> {
        Some(FileSource {
            file: self.file(span)?,
        })
    }
}

fn shown(s: &str) -> String {
    escape(s, Newlines::Keep).into_owned()
}

/// Labels drawn for one finding. A finding may carry thousands (a label
/// on each of 20,000 circuits linking one virtual network): drawing them
/// all would take minutes and pages; the JSON and SARIF reports keep all.
const MAX_LABELS: usize = 32;

fn to_diag<'r>(files: &'r Files<'_>, f: &Finding) -> Diag<'r> {
    let mut labels = vec![LabeledSpan::new_primary_with_span(
        None,
        files.span(f.primary),
    )];
    let mut related = Vec::new();
    let hidden = f.labels.len().saturating_sub(MAX_LABELS);
    for label in f.labels.iter().take(MAX_LABELS) {
        if label.span.file == f.primary.file {
            labels.push(LabeledSpan::new_with_span(
                Some(shown(&label.message)),
                files.span(label.span),
            ));
        } else {
            related.push(Diag {
                message: shown(&label.message),
                code: None,
                severity: miette::Severity::Advice,
                help: None,
                source: files.source(label.span),
                labels: vec![LabeledSpan::new_primary_with_span(
                    None,
                    files.span(label.span),
                )],
                related: Vec::new(),
            });
        }
    }
    Diag {
        message: shown(&f.message),
        // rustc style: the severity, then the rule name as the code.
        code: Some(format!("{}[{}]", f.severity.as_str(), f.rule)),
        severity: miette_severity(f.severity),
        help: match (f.help.as_deref().map(shown), hidden) {
            (help, 0) => help,
            (Some(h), n) => Some(format!(
                "{h}\n({n} more labels are not shown; `--format json` lists them all)"
            )),
            (None, n) => Some(format!(
                "({n} more labels are not shown; `--format json` lists them all)"
            )),
        },
        source: files.source(f.primary),
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
    let files = Files::new(report);
    for f in &report.findings {
        let diag = to_diag(&files, f);
        let mut s = String::new();
        handler
            .render_report(&mut s, &diag)
            .map_err(|_| io::Error::other("formatting a diagnostic failed"))?;
        out.write_all(s.as_bytes())?;
        writeln!(out)?;
    }
    writeln!(out, "{}", report.summary_line())
}
