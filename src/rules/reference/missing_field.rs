//! A required key is absent.
use crate::rules::prelude::*;

// Raised by the loader (`model::lower`), not by a check over the model.
declare_rule! {
    name: "missing-field",
    group: Reference,
    severity: Error,
    summary: "a required key is absent",
    check: stage,
}
