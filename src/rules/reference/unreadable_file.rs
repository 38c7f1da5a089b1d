//! A design file that cannot be read, is binary or is not UTF-8.
use crate::rules::prelude::*;

// Raised by file reading (`lib::read_design_file`), not by a check over the model.
declare_rule! {
    name: "unreadable-file",
    group: Reference,
    severity: Error,
    summary: "a file cannot be read or is not UTF-8 text",
    check: stage,
}
