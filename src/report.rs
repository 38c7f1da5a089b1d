//! The findings of a run, sorted once, with the files they point into.

use crate::finding::{Finding, Severity};
use crate::source::{LineCol, SourceDb};

/// Path, start, rule, message, end: the order findings are reported in.
type SortKey = (String, LineCol, &'static str, String, u32);

/// A finding with its resolved positions.
#[derive(Debug)]
pub struct Report {
    /// Sorted by file path, line, column, rule name, then message: the same
    /// design gives the same bytes on any thread count.
    pub findings: Vec<Finding>,
    pub sources: SourceDb,
}

impl Report {
    pub fn new(mut findings: Vec<Finding>, sources: SourceDb) -> Report {
        let mut keyed: Vec<(SortKey, Finding)> = findings
            .drain(..)
            .map(|f| {
                let (start, _) = sources.line_col(f.primary);
                let key = (
                    sources.path(f.primary.file).to_string(),
                    start,
                    f.rule,
                    f.message.clone(),
                    f.primary.end,
                );
                (key, f)
            })
            .collect();
        keyed.sort_by(|a, b| a.0.cmp(&b.0));
        keyed.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
        Report {
            findings: keyed.into_iter().map(|(_, f)| f).collect(),
            sources,
        }
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// True when a finding is at or above `fail_on`.
    pub fn fails(&self, fail_on: Severity) -> bool {
        self.findings.iter().any(|f| f.severity >= fail_on)
    }

    pub fn files(&self) -> usize {
        self.sources.len()
    }

    /// `3 errors, 1 warning in 12 files`.
    pub fn summary_line(&self) -> String {
        fn plural(n: usize, word: &str) -> String {
            format!("{n} {word}{}", if n == 1 { "" } else { "s" })
        }
        let mut parts = vec![
            plural(self.count(Severity::Error), "error"),
            plural(self.count(Severity::Warning), "warning"),
        ];
        let infos = self.count(Severity::Info);
        if infos > 0 {
            parts.push(plural(infos, "info"));
        }
        format!("{} in {}", parts.join(", "), plural(self.files(), "file"))
    }
}
