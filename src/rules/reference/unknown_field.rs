//! A key the design format does not know.
use crate::rules::prelude::*;

// Raised by the loader (`model::lower`), not by a check over the model.
declare_rule! {
    name: "unknown-field",
    group: Reference,
    severity: Error,
    summary: "a key the design format does not know",
    check: stage,
}
