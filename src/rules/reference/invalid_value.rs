//! A value of the wrong type or outside its accepted values.
use crate::rules::prelude::*;

// Raised by the loader (`model::lower`), not by a check over the model.
declare_rule! {
    name: "invalid-value",
    group: Reference,
    severity: Error,
    summary: "a value of the wrong type, outside its enum, or malformed",
    check: stage,
}
