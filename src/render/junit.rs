//! JUnit XML: one test suite per file (`name` and `file` are its path), one
//! test case per rule that ran and file (`name` the rule, `file` the path,
//! `classname` the path with its dots made underscores). A test case fails
//! when the rule reported something in that file; its `<failure>` lists
//! those findings. Read by Jenkins (JUnit plugin) and GitLab
//! (`artifacts:reports:junit`).
//!
//! - `file` on a test case is what GitLab's test report shows and links;
//!   Jenkins' JUnit plugin ignores it (the xunit plugin's stricter
//!   `junit-10.xsd` does not list it: see docs/ci.md).
//! - Jenkins splits a class name at its last dot into package and class,
//!   so `sites/europe.yaml` would show as class `yaml` of package
//!   `sites/europe`: the class name is `sites/europe_yaml`.

use super::Location;
use crate::finding::Severity;
use crate::report::Report;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// Text safe inside an XML attribute or element: the five special
/// characters escaped, characters XML 1.0 forbids replaced.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || matches!(c, '\u{fffe}' | '\u{ffff}') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Text inside an element: line breaks kept as they are.
fn escape_text(s: &str) -> String {
    escape(s)
        .replace("&#10;", "\n")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
}

/// A path as a class name Jenkins does not split: dots become underscores.
pub fn class_name(path: &str) -> String {
    path.replace('.', "_")
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    // (file, rule) -> indices of findings.
    let mut by_case: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
    for (i, f) in report.findings.iter().enumerate() {
        by_case
            .entry((report.sources.path(f.primary.file), f.rule))
            .or_default()
            .push(i);
    }
    let mut files: Vec<&str> = report
        .sources
        .iter()
        .map(|(_, f)| f.path.as_str())
        .collect();
    files.sort_unstable();
    files.dedup();
    // Rules that reported something but are not listed as run (not through
    // `lint`) still get their test case.
    let mut rules: Vec<&str> = report.rules.clone();
    for f in &report.findings {
        if !rules.contains(&f.rule) {
            rules.push(f.rule);
        }
    }

    let total = files.len() * rules.len();
    let failed_total = by_case.len();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="erlint" tests="{total}" failures="{failed_total}" errors="0">"#
    )?;
    for file in &files {
        let failures = by_case.keys().filter(|(f, _)| f == file).count();
        let name = escape(file);
        writeln!(
            out,
            r#"  <testsuite name="{name}" tests="{}" failures="{failures}" errors="0" skipped="0" file="{name}">"#,
            rules.len()
        )?;
        for rule in &rules {
            let case = format!(
                r#"<testcase name="{}" classname="{}" file="{name}""#,
                escape(rule),
                escape(&class_name(file))
            );
            match by_case.get(&(*file, *rule)) {
                None => writeln!(out, "    {case}/>")?,
                Some(idx) => {
                    let findings: Vec<_> = idx.iter().map(|&i| &report.findings[i]).collect();
                    let worst = findings
                        .iter()
                        .map(|f| f.severity)
                        .max()
                        .unwrap_or(Severity::Error);
                    let message = match findings.as_slice() {
                        [one] => one.message.clone(),
                        many => format!("{} findings", many.len()),
                    };
                    let mut body = String::new();
                    for f in &findings {
                        body.push_str(&super::concise::line(report, f));
                        body.push('\n');
                        for l in &f.labels {
                            let ll = Location::of(report, l.span);
                            body.push_str(&format!(
                                "  {}:{}:{}: {}\n",
                                ll.path, ll.line, ll.column, l.message
                            ));
                        }
                        if let Some(h) = &f.help {
                            body.push_str(&format!("  help: {h}\n"));
                        }
                    }
                    writeln!(out, "    {case}>")?;
                    writeln!(
                        out,
                        r#"      <failure message="{}" type="{}">{}</failure>"#,
                        escape(&message),
                        worst.as_str(),
                        escape_text(&body)
                    )?;
                    writeln!(out, "    </testcase>")?;
                }
            }
        }
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(
            escape("a<b>&\"'\u{1}"),
            "a&lt;b&gt;&amp;&quot;&apos;\u{fffd}"
        );
        assert_eq!(escape_text("a\nb & \"c\""), "a\nb &amp; \"c\"");
    }
}
