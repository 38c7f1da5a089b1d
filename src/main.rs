//! The `erlint` binary: everything happens in `erlint::cli`.

fn main() -> std::process::ExitCode {
    #[cfg(feature = "mimalloc")]
    allocator::tune();
    erlint::cli::main()
}

/// mimalloc: faster than the system allocator for the many small
/// allocations of parsing (about a quarter less CPU on large designs); its
/// settings are `erlint::allocator::tune` (shared with the benchmark).
#[cfg(feature = "mimalloc")]
mod allocator {
    #[global_allocator]
    static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

    pub use erlint::allocator::tune;
}
