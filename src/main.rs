//! The `erlint` binary: everything happens in `erlint::cli`.

fn main() -> std::process::ExitCode {
    #[cfg(feature = "mimalloc")]
    allocator::tune();
    erlint::cli::main()
}

/// mimalloc: faster than the system allocator for the many small
/// allocations of parsing (about a quarter less CPU on large designs), and
/// tuned to hand freed memory back at once, which keeps peak memory near
/// the design's own size (BENCHMARKS.md).
#[cfg(feature = "mimalloc")]
mod allocator {
    #[global_allocator]
    static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

    // mimalloc v2's `mi_option_e` (include/mimalloc.h); the test below
    // catches a renumbering.
    const ARENA_EAGER_COMMIT: i32 = 4;
    const PURGE_DELAY: i32 = 15;

    pub fn tune() {
        // SAFETY: setters of mimalloc's runtime options, valid at any time.
        unsafe {
            // Return freed pages to the system at once, not 10 ms later.
            libmimalloc_sys::mi_option_set(PURGE_DELAY, 0);
            // Commit arena memory when touched, not when reserved.
            libmimalloc_sys::mi_option_set(ARENA_EAGER_COMMIT, 0);
        }
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn option_numbers_are_mimalloc_v2s() {
            // SAFETY: getters of mimalloc's runtime options.
            let (eager, delay) = unsafe {
                (
                    libmimalloc_sys::mi_option_get(super::ARENA_EAGER_COMMIT),
                    libmimalloc_sys::mi_option_get(super::PURGE_DELAY),
                )
            };
            // Their defaults (unless set in the environment).
            if std::env::var_os("MIMALLOC_ARENA_EAGER_COMMIT").is_none() {
                assert_eq!(eager, 2, "arena_eager_commit");
            }
            if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
                assert_eq!(delay, 10, "purge_delay");
            }
        }
    }
}
