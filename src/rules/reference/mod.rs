//! Does the design hold together as data?
pub mod duplicate_name;
pub mod invalid_value;
pub mod invalid_yaml;
pub mod missing_field;
pub mod undefined_reference;
pub mod unknown_field;
pub mod unknown_provider;
pub mod unreadable_file;
pub mod unused_circuit;
pub mod unused_port;
pub mod unused_provider;
pub mod unused_suppression;

/// The declarations of the findings raised by stages rather than checks:
/// the parser, the loader, file reading and suppression raise them through
/// these (`Finding::stage(&INVALID_VALUE, ...)`).
pub use invalid_value::RULE as INVALID_VALUE;
pub use invalid_yaml::RULE as INVALID_YAML;
pub use missing_field::RULE as MISSING_FIELD;
pub use unknown_field::RULE as UNKNOWN_FIELD;
pub use unreadable_file::RULE as UNREADABLE_FILE;
pub use unused_suppression::RULE as UNUSED_SUPPRESSION;

/// Named by `rules/owners.rs` when it asks whether an owner's finding will
/// be reported (`RuleContext::reports`).
pub use undefined_reference::RULE as UNDEFINED_REFERENCE;
