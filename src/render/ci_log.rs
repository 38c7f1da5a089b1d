//! The annotations added to the human report when no `--format` is given
//! and the run is in a CI whose log reads them (`TF_BUILD`,
//! `GITHUB_ACTIONS`, `GITLAB_CI`; see docs/ci.md).
//!
//! - Azure Pipelines: the `azure` format's `##vso[task.logissue]` commands
//!   and `##[error]` summary; the human report above them is defused
//!   ([`super::azure::defuse`]), because the agent runs `##vso[` commands
//!   found anywhere in the log, and a design's own text (a YAML comment
//!   quoted under a finding) must not become one.
//! - GitHub Actions: the `github` format's workflow commands.
//! - GitLab CI reads no annotations from a job log (its merge request
//!   widgets read report artifacts: `--format gitlab --output ...`), so
//!   "annotations" there is the one-line form of each finding
//!   (`path:line:col: severity[rule] message`) under a header, the list to
//!   search the log for, with a reminder of the report artifact.

use crate::report::Report;
use std::io::{self, Write};

/// A CI whose log erlint writes annotations for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ci {
    Azure,
    GitHub,
    GitLab,
}

impl Ci {
    /// The CI the environment says the run is in: `TF_BUILD` (Azure
    /// Pipelines), `GITHUB_ACTIONS`, `GITLAB_CI`, checked in that order; a
    /// variable counts when set to anything but empty, `0` or `false`.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Option<Ci> {
        let set = |name: &str| {
            var(name).is_some_and(|v| {
                let v = v.trim();
                !v.is_empty() && v != "0" && !v.eq_ignore_ascii_case("false")
            })
        };
        [
            ("TF_BUILD", Ci::Azure),
            ("GITHUB_ACTIONS", Ci::GitHub),
            ("GITLAB_CI", Ci::GitLab),
        ]
        .into_iter()
        .find_map(|(name, ci)| set(name).then_some(ci))
    }
}

/// Text printed to this CI's log, made safe for it (see the module page).
pub fn make_safe(ci: Option<Ci>, text: &str) -> String {
    match ci {
        Some(Ci::Azure) => super::azure::defuse(text),
        _ => text.to_string(),
    }
}

/// The annotations of `ci`, printed after the human report.
pub fn render(ci: Ci, report: &Report, out: &mut dyn Write) -> io::Result<()> {
    match ci {
        Ci::Azure => super::azure::render(report, out),
        Ci::GitHub => super::github::render(report, out),
        Ci::GitLab => {
            if report.findings.is_empty() {
                return Ok(());
            }
            writeln!(out, "erlint findings, one line each:")?;
            super::concise::render(report, out)?;
            writeln!(
                out,
                "(the merge request widgets read `erlint check --format gitlab --output gl-code-quality-report.json` as a `codequality` report)"
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_environment_names_the_ci() {
        assert_eq!(Ci::from_env(env(&[("TF_BUILD", "True")])), Some(Ci::Azure));
        assert_eq!(
            Ci::from_env(env(&[("GITHUB_ACTIONS", "true")])),
            Some(Ci::GitHub)
        );
        assert_eq!(
            Ci::from_env(env(&[("GITLAB_CI", "true")])),
            Some(Ci::GitLab)
        );
        assert_eq!(Ci::from_env(env(&[("GITLAB_CI", "false")])), None);
        assert_eq!(Ci::from_env(env(&[("TF_BUILD", "")])), None);
        assert_eq!(
            Ci::from_env(env(&[("GITLAB_CI", "true"), ("TF_BUILD", "True")])),
            Some(Ci::Azure)
        );
        assert_eq!(Ci::from_env(env(&[])), None);
    }
}
