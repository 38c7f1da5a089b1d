//! Walks `fixtures/` and compares each case's report with the snapshot
//! beside it. Adding a case needs no Rust: make the folder, bless, review.
//!
//! - `fixtures/rules/<rule>/<case>/`: only `<rule>` runs (`unused-suppression`:
//!   every rule runs, only its findings are shown); `expected.txt` is
//!   the concise report. `fail-*` cases must report the rule, `pass-*`
//!   cases must report nothing.
//! - `fixtures/designs/<case>/`: every rule runs; `expected.txt` is the
//!   human report (no color, width 100).

use crate::support::*;
use erlint::render::Format;

#[test]
fn rule_fixtures() {
    let mut problems = Vec::new();
    let dir = root().join("fixtures/rules");
    for rule_dir in subdirs(&dir) {
        let rule = rule_dir.file_name().unwrap().to_string_lossy().to_string();
        let Some(r) = erlint::rules::by_name(&rule) else {
            problems.push(format!("fixtures/rules/{rule}: no rule of that name"));
            continue;
        };
        for case in subdirs(&rule_dir) {
            let name = case.file_name().unwrap().to_string_lossy().to_string();
            // unused-suppression judges the other rules' findings: its
            // cases run every rule and show only its own findings.
            let report = if r.name == erlint::suppress::UNUSED {
                let mut report = lint_dir(&case, None);
                report.retain(|f, _| f.rule == r.name);
                report
            } else {
                lint_dir(&case, Some(&[r.name]))
            };
            let out = render(&report, Format::Concise);
            let fired = report.findings.iter().any(|f| f.rule == r.name);
            if name.starts_with("fail-") && !fired {
                problems.push(format!(
                    "{}: a fail- case where `{rule}` does not fire",
                    case.display()
                ));
            }
            if name.starts_with("pass-") && !report.findings.is_empty() {
                problems.push(format!(
                    "{}: a pass- case with findings:\n{out}",
                    case.display()
                ));
            }
            if !name.starts_with("fail-") && !name.starts_with("pass-") {
                problems.push(format!(
                    "{}: case names start with fail- or pass-",
                    case.display()
                ));
            }
            if let Some(p) = compare_snapshot(&case.join("expected.txt"), &out) {
                problems.push(p);
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn design_fixtures() {
    let mut problems = Vec::new();
    for case in subdirs(&root().join("fixtures/designs")) {
        let report = lint_dir(&case, None);
        let out = render(&report, Format::Human);
        if let Some(p) = compare_snapshot(&case.join("expected.txt"), &out) {
            problems.push(p);
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

/// The bundled example stays lintable with the report the README shows.
#[test]
fn example_design() {
    // Linted from the repository root, as the README runs it.
    let dir = root().join("examples");
    for case in subdirs(&dir) {
        let settings = erlint::Settings::new(root());
        let report =
            erlint::lint(&erlint::Input::Paths(vec![case.clone()]), &settings).expect("lint runs");
        let out = render(&report, Format::Human);
        if let Some(p) = compare_snapshot(&case.with_extension("expected.txt"), &out) {
            panic!("{p}");
        }
        // The README shows this very report.
        let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
        let name = case
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let shown = format!("$ cargo run --release -- check examples/{name}\n{out}```");
        assert!(
            readme.contains(&shown),
            "README.md must show the real report of examples/{name}:\n{out}"
        );
    }
}
