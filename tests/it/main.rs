//! One integration-test binary (each `tests/*.rs` would link its own).
mod architecture;
mod ci;
mod cli;
mod fixtures;
mod registry;
mod rule_docs;
mod schema;
mod support;
