//! Azure Pipelines logging commands, one per finding:
//! `##vso[task.logissue type=error;sourcepath=PATH;linenumber=L;columnnumber=C;code=RULE]MESSAGE`,
//! then the summary as a `##[error]` (or `##[warning]`) log line.
//!
//! Escaping follows the agent (`CommandStringConvertor` in
//! azure-pipelines-agent) and the task library that writes these commands
//! (`taskcommand.ts` in azure-pipelines-task-lib): a property value escapes
//! `%` as `%AZP25`, then `;` `%3B`, `\r` `%0D`, `\n` `%0A`, `]` `%5D`; the
//! message (everything after the first `]`) only `%`, `\r` and `\n`, which
//! keeps it on its line. The agent decodes `%3B`, `%0D`, `%0A` and `%5D`
//! first and `%AZP25` last, so a literal `%3B` in a message survives as
//! `%AZP253B`.
//!
//! Azure has two issue types: info findings are not issues but a plain log
//! line. The agent acts on `##vso[` anywhere in a line, so such a line (and
//! the human report printed under `TF_BUILD`) has it defused as the agent's
//! own output does, by [`defuse`].

use super::Location;
use crate::finding::Severity;
use crate::report::Report;
use std::io::{self, Write};

/// A logging command's property value.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(';', "%3B").replace(']', "%5D")
}

/// A logging command's message.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%AZP25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Text printed to an Azure Pipelines log that must not be read as a
/// command: `##vso[` becomes `**vso[` (any case), and `##[` at the start of
/// a line (a formatting command) becomes `**[`, as the agent itself masks
/// untrusted output.
pub fn defuse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let mut rest = line;
        if rest.trim_start().starts_with("##[") {
            let lead = rest.len() - rest.trim_start().len();
            out.push_str(&rest[..lead]);
            out.push_str("**");
            rest = &rest[lead + 2..];
        }
        let mut start = 0;
        let bytes = rest.as_bytes();
        let mut j = 0;
        while j + 6 <= bytes.len() {
            if bytes[j] == b'#'
                && bytes[j + 1] == b'#'
                && bytes[j + 2..j + 5].eq_ignore_ascii_case(b"vso")
                && bytes[j + 5] == b'['
            {
                out.push_str(&rest[start..j]);
                out.push_str("**");
                start = j + 2;
                j += 6;
            } else {
                j += 1;
            }
        }
        out.push_str(&rest[start..]);
    }
    out
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for f in &report.findings {
        let loc = Location::of(report, f.primary);
        let kind = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => {
                let line = format!(
                    "info[{}] {}:{}:{}: {}",
                    f.rule,
                    loc.path,
                    loc.line,
                    loc.column,
                    escape_data(&f.message)
                );
                writeln!(out, "{}", defuse(&line))?;
                continue;
            }
        };
        writeln!(
            out,
            "##vso[task.logissue type={kind};sourcepath={};linenumber={};columnnumber={};code={}]{}",
            escape_property(&loc.path),
            loc.line,
            loc.column,
            escape_property(f.rule),
            escape_data(&f.message),
        )?;
    }
    let level = if report.count(Severity::Error) > 0 {
        "##[error]"
    } else if report.count(Severity::Warning) > 0 {
        "##[warning]"
    } else {
        "##[section]"
    };
    writeln!(out, "{level}erlint: {}", report.summary_line())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn properties_escape_more_than_messages() {
        assert_eq!(escape_property("a;b]c%\r\n"), "a%3Bb%5Dc%AZP25%0D%0A");
        assert_eq!(escape_data("a;b]c%\r\n"), "a;b]c%AZP25%0D%0A");
        // A literal escape sequence is not decoded twice.
        assert_eq!(escape_data("%3B"), "%AZP253B");
    }

    #[test]
    fn commands_in_text_are_defused() {
        assert_eq!(
            defuse("x ##VSO[task.setvariable variable=a]b\n##[group]y\n"),
            "x **VSO[task.setvariable variable=a]b\n**[group]y\n"
        );
        assert_eq!(defuse("# a ## b [c]\n"), "# a ## b [c]\n");
    }
}
