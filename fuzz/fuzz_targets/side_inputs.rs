//! The readers of erlint.toml, the catalog file and the baseline on
//! arbitrary bytes.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    erlint_fuzz::check::side_inputs(data);
});
