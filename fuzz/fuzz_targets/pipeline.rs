//! The whole pipeline (lint with every rule, then every output format) on
//! arbitrary bytes given as one design file.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    erlint_fuzz::check::pipeline(data);
});
