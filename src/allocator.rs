//! The binary's allocator settings (the binary and the benchmark install
//! mimalloc as their global allocator; this tunes it the same way for
//! both).
//!
//! mimalloc: faster than the system allocator for the many small
//! allocations of parsing (about a quarter less CPU on large designs), and
//! tuned to commit memory only when it is used, which keeps peak memory
//! near the design's own size (BENCHMARKS.md). Its default purge delay
//! (10 ms) is kept: purging at once halves peak memory's margin but costs
//! a third more time in page faults.

// mimalloc v2's `mi_option_e` (include/mimalloc.h); the test below
// catches a renumbering.
const ARENA_EAGER_COMMIT: i32 = 4;
#[cfg(test)]
const PURGE_DELAY: i32 = 15;
#[cfg(test)]
const ALLOW_THP: i32 = 37;

/// A setting in the environment (`MIMALLOC_ARENA_EAGER_COMMIT`,
/// `MIMALLOC_ALLOW_THP`) wins.
pub fn tune() {
    let unset = |name: &str| std::env::var_os(name).is_none();
    // SAFETY: setters of mimalloc's runtime options, valid at any time.
    unsafe {
        // Commit arena memory when touched, not when reserved.
        if unset("MIMALLOC_ARENA_EAGER_COMMIT") {
            libmimalloc_sys::mi_option_set(ARENA_EAGER_COMMIT, 0);
        }
        // No transparent huge pages: faulting them in can stall for
        // compaction (a run's time then varies by a third), and they
        // round memory up to 2 MiB. mimalloc reads its own setting too
        // early to change here, so ask Linux directly, as it would.
        #[cfg(target_os = "linux")]
        if unset("MIMALLOC_ALLOW_THP") {
            const PR_SET_THP_DISABLE: std::ffi::c_int = 41;
            extern "C" {
                fn prctl(option: std::ffi::c_int, ...) -> std::ffi::c_int;
            }
            prctl(
                PR_SET_THP_DISABLE,
                1 as std::ffi::c_ulong,
                0 as std::ffi::c_ulong,
                0 as std::ffi::c_ulong,
                0 as std::ffi::c_ulong,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn option_numbers_are_mimalloc_v2s() {
        // SAFETY: getters of mimalloc's runtime options.
        let (eager, delay, thp) = unsafe {
            (
                libmimalloc_sys::mi_option_get(super::ARENA_EAGER_COMMIT),
                libmimalloc_sys::mi_option_get(super::PURGE_DELAY),
                libmimalloc_sys::mi_option_get(super::ALLOW_THP),
            )
        };
        // Their defaults (unless set in the environment).
        if std::env::var_os("MIMALLOC_ARENA_EAGER_COMMIT").is_none() {
            assert_eq!(eager, 2, "arena_eager_commit");
        }
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            assert_eq!(delay, 10, "purge_delay");
        }
        if std::env::var_os("MIMALLOC_ALLOW_THP").is_none() {
            assert_eq!(thp, 1, "allow_thp");
        }
    }
}
