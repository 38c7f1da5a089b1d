//! Shared by the fuzz targets and by the corpus replay test of the main
//! package (`tests/it/fuzz_corpus.rs` includes `structured.rs` and
//! `check.rs` by path, so the replay runs exactly what the fuzzers ran).

pub mod check;
pub mod structured;
