//! The same design gives byte-identical reports at any thread count, and a
//! generated design (benches/gen) gives exactly its planted findings.

use crate::gen;
use crate::support::{render, settings_for};
use erlint::render::Format;
use erlint::{rules, Input};
use std::collections::BTreeMap;

fn design(sites: usize, files: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    gen::generate(&gen::Spec {
        sites,
        files,
        problems: 20,
        seed: 42,
    })
    .write_to(dir.path())
    .expect("write design");
    dir
}

/// The report in every format, linted on a pool of `threads` threads.
fn reports(dir: &std::path::Path, threads: usize) -> Vec<String> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("thread pool");
    pool.install(|| {
        let settings = settings_for(dir, None);
        let report =
            erlint::lint(&Input::Paths(vec![dir.to_path_buf()]), &settings).expect("lint runs");
        [Format::Concise, Format::Json, Format::Human]
            .into_iter()
            .map(|f| render(&report, f))
            .collect()
    })
}

#[test]
fn reports_are_identical_at_1_2_and_8_threads() {
    let dir = design(1_500, 61);
    // Problems of every kind, across files, so there is something to order.
    let one = reports(dir.path(), 1);
    assert!(one[0].lines().count() >= 10, "{}", one[0]);
    for threads in [2, 8] {
        let other = reports(dir.path(), threads);
        for (a, b) in one.iter().zip(&other) {
            assert!(a == b, "report differs at {threads} threads");
        }
    }
}

/// The generated design is clean but for its planted problems: every rule
/// that is implemented fires exactly as often as planted.
#[test]
fn generated_design_has_exactly_the_planted_findings() {
    let spec = gen::Spec {
        sites: 3_000,
        files: 31,
        problems: 30,
        seed: 3,
    };
    let design = gen::generate(&spec);
    let dir = tempfile::tempdir().expect("tempdir");
    design.write_to(dir.path()).expect("write design");
    let report = erlint::lint(
        &Input::Paths(vec![dir.path().to_path_buf()]),
        &settings_for(dir.path(), None),
    )
    .expect("lint runs");
    let mut found: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &report.findings {
        *found.entry(f.rule).or_default() += 1;
    }
    let mut problems = Vec::new();
    for rule in rules::ALL {
        // A rule not written yet (a stub) fires nothing.
        if rule.summary == "TODO" {
            continue;
        }
        let want = design.expected.get(rule.name).copied().unwrap_or(0);
        let got = found.get(rule.name).copied().unwrap_or(0);
        if want != got {
            let examples: Vec<String> = report
                .findings
                .iter()
                .filter(|f| f.rule == rule.name)
                .take(3)
                .map(|f| {
                    let (at, _) = report.sources.line_col(f.primary);
                    format!(
                        "  {}:{}: {}",
                        report.sources.path(f.primary.file),
                        at.line,
                        f.message
                    )
                })
                .collect();
            problems.push(format!(
                "{}: {got} findings, {want} planted\n{}",
                rule.name,
                examples.join("\n")
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
