//! The findings of a run, sorted once, with the files they point into.

use crate::finding::{Finding, Severity};
use crate::source::{LineCol, SourceDb};
use std::collections::HashSet;

/// Path, start, rule, message, end: the order findings are reported in.
type SortKey = (String, LineCol, &'static str, String, u32);

/// The findings of a run, in report order, with the sources they point
/// into and what the summary line needs.
#[derive(Debug)]
pub struct Report {
    /// Sorted by file path, line, column, rule name, then message: the same
    /// design gives the same bytes on any thread count.
    pub findings: Vec<Finding>,
    /// `fingerprints[i]` is the stable identity of `findings[i]`
    /// (see [`crate::fingerprint`]).
    pub fingerprints: Vec<String>,
    pub sources: SourceDb,
    /// The rules that ran, in registry order (SARIF lists them, JUnit makes a
    /// test case of each).
    pub rules: Vec<&'static str>,
    /// Findings left out because they were already known (`--baseline`,
    /// `--diff-base`); the summary line says how many.
    pub left_out: usize,
    /// Every file the run read (design and ignore files), canonical: a
    /// report is never written onto one (`--output`).
    pub inputs: Vec<std::path::PathBuf>,
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
        let findings: Vec<Finding> = keyed.into_iter().map(|(_, f)| f).collect();
        let fingerprints = crate::fingerprint::fingerprints(&findings, &sources);
        Report {
            findings,
            fingerprints,
            sources,
            rules: crate::rules::ALL.iter().map(|r| r.name).collect(),
            left_out: 0,
            inputs: Vec::new(),
        }
    }

    /// Drops the findings whose fingerprint is in `known` (a baseline, or
    /// the findings of the design at `--diff-base`), counting them in
    /// `left_out`.
    pub fn remove_known(&mut self, known: &HashSet<String>) {
        let before = self.findings.len();
        self.retain(|_, fp| !known.contains(fp));
        self.left_out += before - self.findings.len();
    }

    /// Keeps the findings (with their fingerprints) for which `keep` holds.
    pub fn retain(&mut self, mut keep: impl FnMut(&Finding, &str) -> bool) {
        let findings = std::mem::take(&mut self.findings);
        let fingerprints = std::mem::take(&mut self.fingerprints);
        for (f, fp) in findings.into_iter().zip(fingerprints) {
            if keep(&f, &fp) {
                self.findings.push(f);
                self.fingerprints.push(fp);
            }
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

    /// `3 errors, 1 warning in 12 files`, and `; 4 known findings left out`
    /// when a baseline or `--diff-base` left some out.
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
        let mut line = format!("{} in {}", parts.join(", "), plural(self.files(), "file"));
        if self.left_out > 0 {
            line.push_str(&format!(
                "; {} left out",
                plural(self.left_out, "known finding")
            ));
        }
        line
    }
}
