//! A suppression comment that silences nothing or names an unknown rule.
use crate::rules::prelude::*;

// Raised by suppression (`suppress`), not by a check over the model.
declare_rule! {
    name: "unused-suppression",
    group: Reference,
    severity: Warning,
    summary: "an `erlint: allow(...)` comment that silences nothing or names an unknown rule",
    check: stage,
}
