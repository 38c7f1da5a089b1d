//! erlint: a linter for Azure ExpressRoute network designs kept as YAML.
//!
//! The pipeline, one module per stage, data flowing one way:
//! discover → syntax → model (+ catalog) → rules → suppress → report → render.
//! [`lint`] runs every stage but rendering; it is what the binary and the
//! tests call.

#[cfg(feature = "mimalloc")]
pub mod allocator;
pub mod baseline;
pub mod catalog;
pub mod cli;
pub mod config;
pub mod discover;
mod driver;
pub mod finding;
pub mod fingerprint;
pub mod fix;
pub mod git;
pub mod graph;
pub mod model;
pub mod read;
pub mod render;
pub mod report;
pub mod rules;
pub mod sema;
pub mod server;
pub mod source;
pub mod suggest;
pub mod suppress;
pub mod syntax;

pub use driver::{
    lint, lint_with_model, normalize, Buffer, DesignParts, Input, MemoryFile, RunError, Settings,
};
