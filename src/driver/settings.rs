//! What a run checks: the rules, their severities, exclusions, the catalog
//! and the baseline, resolved from the command line and `erlint.toml`.

use crate::catalog::Catalog;
use crate::finding::Severity;
use crate::rules::{self, Rule};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

/// Which rules run and at what severity, resolved from the command line and
/// `erlint.toml`.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Rules that run (and stage findings that are kept).
    pub enabled: HashSet<&'static str>,
    /// Severity set by configuration, winning over defaults and a rule's
    /// softer findings.
    pub severity: HashMap<&'static str, Severity>,
    pub exclude: globset::GlobSet,
    pub catalog: Catalog,
    /// Paths in reports are relative to this folder.
    pub cwd: PathBuf,
    /// Fingerprints name files relative to this folder (absolute): the
    /// folder of `erlint.toml`, else the repository root. `None`: relative
    /// to `cwd`, as reported. Design files must also resolve inside it (or
    /// inside a path linted): a link leading elsewhere is not followed.
    pub design_root: Option<PathBuf>,
    /// Fingerprints of findings already known (`--baseline`): not reported.
    pub baseline: Option<HashSet<String>>,
}

impl Settings {
    /// Every rule at its default severity, the built-in catalog.
    pub fn new(cwd: PathBuf) -> Settings {
        Settings {
            enabled: rules::ALL.iter().map(|r| r.name).collect(),
            severity: HashMap::new(),
            exclude: globset::GlobSet::empty(),
            catalog: Catalog::builtin(),
            cwd,
            design_root: None,
            baseline: None,
        }
    }

    /// The severity a finding of `rule` is reported at.
    pub(crate) fn level(&self, rule: &Rule, softer: Option<Severity>) -> Severity {
        self.severity
            .get(rule.name)
            .copied()
            .or(softer)
            .unwrap_or(rule.default_severity)
    }
}
