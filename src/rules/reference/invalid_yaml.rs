//! A file that is not valid YAML (syntax, duplicate key, tabs, alias bomb, deep nesting).
use crate::rules::prelude::*;

// Raised by the parser (`syntax`), not by a check over the model.
declare_rule! {
    name: "invalid-yaml",
    group: Reference,
    severity: Error,
    summary: "a file is not valid YAML",
    check: stage,
}
