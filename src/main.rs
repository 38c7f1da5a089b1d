//! The `erlint` binary: everything happens in `erlint::cli`.

// mimalloc: faster than the system allocator for the many small
// allocations of parsing, and it returns freed memory across threads, which
// keeps peak memory low when files are parsed in parallel (BENCHMARKS.md).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    erlint::cli::main()
}
