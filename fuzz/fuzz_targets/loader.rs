//! The loader (YAML parse + lowering to the model) on arbitrary bytes.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    erlint_fuzz::check::loader(data);
});
