//! Criterion benchmarks: `erlint::lint` over generated designs, against the
//! floor of running the bare YAML event parser over the same files.
//!
//! ```text
//! cargo bench --bench lint                       # 1k, 10k, 25k, 100k sites
//! ERLINT_BENCH_SITES=1000,10000 cargo bench --bench lint
//! ```
//!
//! Groups, per size:
//! - `lint/N`: the whole run (discover, read, parse, lower, index, every
//!   rule, suppressions, sorted report), all rules on, on all cores;
//! - `floor/N`: read every file and pull every event from saphyr-parser, no
//!   tree, no model, on all cores (files in parallel, as `lint` does);
//! - `floor-1t/N`: the same on one thread.
//!
//! Results and the machine are recorded in BENCHMARKS.md.

mod files;
mod gen;

// The allocator of the `erlint` binary (src/main.rs), tuned by the same
// code (`erlint::allocator::tune`), so that `lint` is measured as the binary
// runs it; the floor runs on it too.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn tune_allocator() {
    #[cfg(feature = "mimalloc")]
    erlint::allocator::tune();
}

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use erlint::{Input, Settings};
use rayon::prelude::*;
use saphyr_parser::Parser;
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

fn sizes() -> Vec<usize> {
    std::env::var("ERLINT_BENCH_SITES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 10_000, 25_000, 100_000])
}

/// The floor: read a file and pull every event the YAML parser gives.
fn parse_events(path: &Path) -> usize {
    let text = std::fs::read_to_string(path).expect("read");
    let mut events = 0;
    for ev in Parser::new_from_str(&text) {
        ev.expect("generated YAML parses");
        events += 1;
    }
    events
}

fn bench(c: &mut Criterion) {
    tune_allocator();
    for n in sizes() {
        let design = gen::generate(&gen::Spec::sites(n));
        let dir = tempfile::tempdir().expect("tempdir");
        design.write_to(dir.path()).expect("write design");
        let files = files::yaml_files(dir.path());
        let bytes = design.bytes() as u64;
        let settings = Settings::new(dir.path().to_path_buf());
        let input = Input::Paths(vec![dir.path().to_path_buf()]);

        // The design is clean but for the planted problems.
        let report = erlint::lint(&input, &settings).expect("lint runs");
        eprintln!(
            "{n} sites: {} files, {:.1} MB, {} findings ({} planted)",
            files.len(),
            bytes as f64 / 1e6,
            report.findings.len(),
            design.expected_total()
        );

        let mut g = c.benchmark_group(format!("sites-{n}"));
        g.throughput(Throughput::Bytes(bytes));
        if n >= 10_000 {
            g.sample_size(10);
            g.warm_up_time(Duration::from_secs(1));
            g.measurement_time(Duration::from_secs(if n >= 100_000 { 20 } else { 8 }));
        }
        g.bench_function(BenchmarkId::new("lint", n), |b| {
            b.iter(|| black_box(erlint::lint(&input, &settings).expect("lint runs")))
        });
        g.bench_function(BenchmarkId::new("floor", n), |b| {
            b.iter(|| black_box(files.par_iter().map(|f| parse_events(f)).sum::<usize>()))
        });
        g.bench_function(BenchmarkId::new("floor-1t", n), |b| {
            b.iter(|| black_box(files.iter().map(|f| parse_events(f)).sum::<usize>()))
        });
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
