//! `--format markdown`: for a pull-request comment or a GitHub job summary.
//! The counts, a table of findings linking to `file:line`, and a Mermaid
//! picture of the paths through what the findings touch.
//!
//! Messages quote design names, which are untrusted: text is escaped so no
//! name can end a table cell, open a link, mention someone or start HTML;
//! the code spans of a message stay code spans.

use super::Location;
use crate::finding::Severity;
use crate::report::Report;
use std::io::{self, Write};

/// The first line of the report, by which a CI job finds the comment it
/// posted before and updates it.
pub const MARKER: &str = "<!-- erlint-report -->";

/// Rows past which the table stops: a pull-request comment holds 65,536
/// characters at most.
pub const MAX_ROWS: usize = 200;

/// The picture of the report, drawn by the caller (it needs the model).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Picture {
    /// No picture: no finding is on an entity of the topology, or the
    /// caller had no model.
    #[default]
    None,
    /// Mermaid flowchart text.
    Mermaid(String),
    /// Too large for a Markdown viewer to render.
    TooLarge,
}

#[derive(Clone, Debug, Default)]
pub struct Extras<'a> {
    pub picture: Picture,
    /// Prefix of every link (`https://github.com/o/r/blob/SHA/`); links are
    /// relative when empty.
    pub link_base: &'a str,
}

pub fn render(report: &Report, extras: &Extras, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{MARKER}")?;
    writeln!(out, "### erlint: {}", report.summary_line())?;
    writeln!(out)?;
    if report.findings.is_empty() {
        writeln!(out, "No findings.")?;
        return Ok(());
    }
    writeln!(out, "| Severity | Rule | Location | Message |")?;
    writeln!(out, "| --- | --- | --- | --- |")?;
    for f in report.findings.iter().take(MAX_ROWS) {
        let at = Location::of(report, f.primary);
        let badge = match f.severity {
            Severity::Error => "🔴 error",
            Severity::Warning => "🟠 warning",
            Severity::Info => "🔵 info",
        };
        writeln!(
            out,
            "| {badge} | `{}` | [{}:{}]({}{}#L{}) | {} |",
            f.rule,
            text(&at.path),
            at.line,
            extras.link_base,
            url_path(&at.path),
            at.line,
            message(&f.message)
        )?;
    }
    if report.findings.len() > MAX_ROWS {
        writeln!(out)?;
        writeln!(
            out,
            "… and {} more; run `erlint check` for all of them.",
            report.findings.len() - MAX_ROWS
        )?;
    }
    match &extras.picture {
        Picture::None => {}
        Picture::Mermaid(mermaid) => {
            writeln!(out)?;
            writeln!(out, "#### What the findings touch")?;
            writeln!(out)?;
            writeln!(out, "```mermaid")?;
            out.write_all(mermaid.as_bytes())?;
            writeln!(out, "```")?;
        }
        Picture::TooLarge => {
            writeln!(out)?;
            writeln!(
                out,
                "The findings touch too much of the design for one picture: \
                 draw one entity's paths with `erlint graph --focus KIND:NAME`."
            )?;
        }
    }
    Ok(())
}

/// A character that must not reach a Markdown viewer as itself: control
/// characters (a line break would end the table row).
fn visible(c: char) -> char {
    if c.is_control() {
        ' '
    } else {
        c
    }
}

/// Plain text in a table cell: every ASCII punctuation mark is
/// backslash-escaped (CommonMark allows it for all of them), so nothing is
/// markup: no `|`, `[`, `<`, `*`, `@`, `#`, `!`, backtick...
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().map(visible) {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A message: its `code spans` stay code (where only `|` needs escaping in
/// a table), the rest is [`text`]. An unpaired backtick is text.
pub fn message(s: &str) -> String {
    let parts: Vec<&str> = s.split('`').collect();
    let paired = parts.len() % 2 == 1;
    let mut out = String::with_capacity(s.len() + 8);
    for (i, part) in parts.iter().enumerate() {
        let code = i % 2 == 1 && (paired || i + 1 < parts.len());
        if code && !part.is_empty() {
            let inner: String = part.chars().map(visible).collect();
            out.push('`');
            // A code span's content is literal but for `|` in a table, and
            // one that starts or ends with a space loses it.
            out.push_str(&inner.replace('|', "\\|"));
            out.push('`');
        } else if i % 2 == 1 {
            out.push_str(&text("`"));
            out.push_str(&text(part));
        } else {
            out.push_str(&text(part));
        }
    }
    out
}

/// A path as a link destination: percent-encoded but for `/` and safe
/// characters, so no space, parenthesis or `>` ends the link.
fn url_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'.' | b'-' | b'_') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_escapes_every_markup_character() {
        assert_eq!(
            text("a|b [x](y) <s> @me #1\n"),
            "a\\|b \\[x\\]\\(y\\) \\<s\\> \\@me \\#1 "
        );
    }

    #[test]
    fn message_keeps_code_spans_and_escapes_pipes_in_them() {
        assert_eq!(message("site `a|b` uses *x*"), "site `a\\|b` uses \\*x\\*");
        // An unpaired backtick is text.
        assert_eq!(message("a `b` c `d"), "a `b` c \\`d");
    }

    #[test]
    fn link_paths_are_percent_encoded() {
        assert_eq!(url_path("sites/a b(1).yaml"), "sites/a%20b%281%29.yaml");
    }
}
