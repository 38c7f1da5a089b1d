//! What a rule or a stage reports: erlint's own diagnostic type.
//!
//! No renderer types here (no miette, no JSON): every output format is built
//! from a [`Finding`] by `render`.

use crate::source::Span;
use serde::{Deserialize, Serialize};

/// How bad a finding is. Ordered from least to most severe.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

/// A secondary location: the other side of a contradiction, possibly in
/// another file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The rule's kebab-case name. Rules leave it empty; the runner stamps it.
    pub rule: &'static str,
    /// The effective severity. Rules leave the default; the runner resolves it.
    pub severity: Severity,
    /// Set by a rule that reports this one finding softer than its default
    /// (`ipvpn-layer2` when the provider claims `ipvpn: [l2]`).
    pub softer: Option<Severity>,
    pub message: String,
    /// The value whose change would fix the finding.
    pub primary: Span,
    pub labels: Vec<Label>,
    pub help: Option<String>,
    /// Text edits that would remove this finding (`check --fix`, the
    /// language server's code actions, JSON and SARIF `fixes`).
    pub fixes: Vec<Fix>,
}

/// How sure a fix is to do what the user meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Certain: applied by `--fix`.
    Safe,
    /// A guess (a unique did-you-mean): applied only with `--unsafe-fixes`.
    Unsafe,
}

/// One replacement of the bytes of `span` by `replacement` (an empty span
/// inserts; an empty replacement deletes). Spans are exact: comments and
/// formatting around them are kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

/// A change that removes a finding: a title for the user ("write
/// `Colt`"), how certain it is, and its edits (all in one file or
/// across files; they never overlap).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

impl Fix {
    /// A fix of one edit: `span`'s text becomes `replacement`.
    pub fn replace(
        title: impl Into<String>,
        applicability: Applicability,
        span: Span,
        replacement: impl Into<String>,
    ) -> Fix {
        Fix {
            title: title.into(),
            applicability,
            edits: vec![Edit {
                span,
                replacement: replacement.into(),
            }],
        }
    }
}

impl Finding {
    /// A finding of the rule that is running; the runner fills in the rule
    /// name and severity.
    pub fn at(primary: Span, message: impl Into<String>) -> Finding {
        Finding {
            rule: "",
            severity: Severity::Error,
            softer: None,
            message: message.into(),
            primary,
            labels: Vec::new(),
            help: None,
            fixes: Vec::new(),
        }
    }

    /// A finding raised by a stage (parser, loader, file reading,
    /// suppression) rather than by a check: `rule` is that finding's
    /// declaration (`rules::reference::INVALID_VALUE`...), so its name is
    /// written once, in the declaration.
    pub fn stage(
        rule: &'static crate::rules::Rule,
        primary: Span,
        message: impl Into<String>,
    ) -> Finding {
        Finding {
            rule: rule.name,
            ..Finding::at(primary, message)
        }
    }

    pub fn label(mut self, span: Span, message: impl Into<String>) -> Finding {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    /// Offers `fix` (see [`Fix`]).
    pub fn fix(mut self, fix: Fix) -> Finding {
        self.fixes.push(fix);
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Finding {
        self.help = Some(help.into());
        self
    }

    /// Report this finding at `severity` instead of the rule's default, unless
    /// configuration says otherwise.
    pub fn softer(mut self, severity: Severity) -> Finding {
        self.softer = Some(severity);
        self
    }
}
