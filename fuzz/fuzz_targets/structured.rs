//! The whole pipeline on structured YAML designs built from the bytes
//! (`src/structured.rs`), so mutations reach the rules.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let yaml = erlint_fuzz::structured::design_yaml(data);
    erlint_fuzz::check::loader(yaml.as_bytes());
    erlint_fuzz::check::pipeline(yaml.as_bytes());
});
