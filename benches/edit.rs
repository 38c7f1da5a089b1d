//! Criterion benchmark of the language server's edit-to-diagnostics path:
//! one file of a generated design edited in an open buffer, to the
//! diagnostics to publish, against a full `erlint::lint` of the same
//! design.
//!
//! ```text
//! cargo bench --bench edit                       # 10k and 100k sites
//! ERLINT_BENCH_SITES=100000 cargo bench --bench edit
//! ```
//!
//! Groups, per size:
//! - `edit/N`: `State::file_changed` on one file (it is re-parsed and
//!   re-lowered alone and spliced into the design; the index and every rule
//!   run again) and the diagnostics of every file computed, as the server
//!   does after each `didChange`; the edit alternates between two texts so
//!   that every iteration is a real change;
//! - `lint/N`: the whole batch run, for the ratio.
//!
//! Results are recorded in BENCHMARKS.md.

mod files;
mod gen;

#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use erlint::server::state::State;
use erlint::{Input, Settings};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

fn sizes() -> Vec<usize> {
    std::env::var("ERLINT_BENCH_SITES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 100_000])
}

/// The first `*.yaml` file under `dir` that defines sites.
fn a_sites_file(dir: &Path) -> PathBuf {
    files::yaml_files(dir)
        .into_iter()
        .find(|p| std::fs::read_to_string(p).is_ok_and(|t| t.contains("\nsites:")))
        .expect("a sites file")
}

fn bench(c: &mut Criterion) {
    #[cfg(feature = "mimalloc")]
    erlint::allocator::tune();
    for n in sizes() {
        let design = gen::generate(&gen::Spec::sites(n));
        let tmp = tempfile::tempdir().expect("tempdir");
        design.write_to(tmp.path()).expect("write design");
        let dir = std::fs::canonicalize(tmp.path()).expect("canonical");
        let settings = Settings::new(dir.clone());
        let input = Input::Paths(vec![dir.clone()]);

        let for_state = settings.clone();
        let mut state = State::new(Box::new(move |_| Ok(for_state.clone())));
        state.load_folder(&dir);
        let file = std::fs::canonicalize(a_sites_file(&dir)).expect("canonical");
        let text = std::fs::read_to_string(&file).expect("read");
        // A real edit: a comment line, then the original again.
        let edited = format!("# edited\n{text}");
        let before = state.diagnostics().len();

        let mut g = c.benchmark_group(format!("sites-{n}"));
        g.sample_size(10);
        g.warm_up_time(Duration::from_secs(1));
        g.measurement_time(Duration::from_secs(if n >= 100_000 { 20 } else { 8 }));
        let mut flip = false;
        g.bench_function(BenchmarkId::new("edit", n), |b| {
            b.iter(|| {
                flip = !flip;
                let t = if flip { &edited } else { &text };
                state.file_changed(&file, Some(t.clone()));
                black_box(state.diagnostics())
            })
        });
        g.bench_function(BenchmarkId::new("lint", n), |b| {
            b.iter(|| black_box(erlint::lint(&input, &settings).expect("lint runs")))
        });
        g.finish();
        assert_eq!(
            state.diagnostics().len(),
            before,
            "the same files have findings"
        );
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
