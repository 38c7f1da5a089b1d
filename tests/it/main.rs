//! One integration-test binary (each `tests/*.rs` would link its own).
mod architecture;
mod azure;
mod ci;
mod ci_options;
mod cli;
mod determinism;
mod diff_base;
mod fix;
mod fixtures;
mod format_docs;
mod fuzz_corpus;
mod graph;
mod hostile;
mod incremental;
mod install;
mod lsp_client;
mod props;
mod readme;
mod registry;
mod rule_docs;
mod schema;
mod server;
mod support;

/// The large-design generator of the benchmarks.
#[path = "../../benches/gen/mod.rs"]
mod gen;
