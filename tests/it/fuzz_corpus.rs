//! Replays the saved fuzz corpus (fuzz/corpus/<target>/) on the stable
//! toolchain: every input must get through the loader and the whole
//! pipeline (every output format), and the readers of erlint.toml, the
//! catalog and the baseline, without a panic, exactly as in the
//! fuzzers (`fuzz/src/check.rs` and `fuzz/src/structured.rs` are the same
//! files the fuzz targets run). Crashes the fuzzers found stay in the
//! corpus as regression inputs.

#[path = "../../fuzz/src/check.rs"]
mod check;
#[path = "../../fuzz/src/structured.rs"]
mod structured;

use crate::support::root;

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = root().join("fuzz/corpus").join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            (name, std::fs::read(&p).expect("read corpus file"))
        })
        .collect()
}

/// Runs `f` on every input of `target`, naming the input that panics.
fn replay(target: &str, f: impl Fn(&[u8])) {
    let inputs = inputs(target);
    assert!(!inputs.is_empty(), "fuzz/corpus/{target} is empty");
    for (name, bytes) in &inputs {
        let ok = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(bytes)));
        assert!(ok.is_ok(), "fuzz/corpus/{target}/{name} panics");
    }
}

#[test]
fn loader_corpus() {
    replay("loader", |b| {
        check::loader(b);
        check::pipeline(b);
    });
}

#[test]
fn pipeline_corpus() {
    replay("pipeline", |b| {
        check::loader(b);
        check::pipeline(b);
    });
}

#[test]
fn structured_corpus() {
    replay("structured", |b| {
        let yaml = structured::design_yaml(b);
        check::loader(yaml.as_bytes());
        check::pipeline(yaml.as_bytes());
    });
}

#[test]
fn side_inputs_corpus() {
    replay("side_inputs", check::side_inputs);
}
