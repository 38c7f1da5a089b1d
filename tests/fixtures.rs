//! Every fixture folder is a test of its own, named by its path under
//! `fixtures/`: `rules/ipvpn-layer2/fail-basic`, `designs/cross-file-labels`.
//! Filter and bless them one at a time:
//!
//! ```sh
//! cargo test --test fixtures -- ipvpn-layer2            # the rule's cases
//! ERLINT_BLESS=1 cargo test --test fixtures -- rules/ipvpn-layer2/fail-basic
//! ```
//!
//! Adding a case needs no Rust: make the folder, bless, review.
//!
//! - `fixtures/rules/<rule>/<case>/`: only `<rule>` runs (`unused-suppression`:
//!   every rule runs, only its findings are shown); `expected.txt` is the
//!   concise report. `fail-*` cases must report the rule, `pass-*` cases
//!   must report nothing.
//! - `fixtures/designs/<case>/`: every rule runs; `expected.txt` is the
//!   human report (no color, width 100).

// Shared with the `it` binary, which uses more of it.
#[allow(dead_code)]
#[path = "it/support.rs"]
mod support;

use erlint::render::Format;
use erlint::rules::{reference::UNUSED_SUPPRESSION, Rule};
use libtest_mimic::{Arguments, Failed, Trial};
use std::path::Path;
use support::*;

fn main() {
    let args = Arguments::from_args();
    let mut trials = Vec::new();
    for rule_dir in subdirs(&root().join("fixtures/rules")) {
        let rule_name = file_name(&rule_dir);
        let rule = erlint::rules::by_name(&rule_name);
        for case in subdirs(&rule_dir) {
            let name = format!("rules/{rule_name}/{}", file_name(&case));
            let unknown = format!("no rule is named `{rule_name}`");
            trials.push(Trial::test(name, move || match rule {
                Some(rule) => rule_case(rule, &case),
                None => Err(unknown.into()),
            }));
        }
    }
    for case in subdirs(&root().join("fixtures/designs")) {
        let name = format!("designs/{}", file_name(&case));
        trials.push(Trial::test(name, move || design_case(&case)));
    }
    libtest_mimic::run(&args, trials).exit();
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

/// A case of one rule: the rule alone, its concise report as the snapshot.
fn rule_case(rule: &'static Rule, case: &Path) -> Result<(), Failed> {
    let name = file_name(case);
    // unused-suppression judges the other rules' findings: its cases run
    // every rule and show only its own findings.
    let report = if std::ptr::eq(rule, &UNUSED_SUPPRESSION) {
        let mut report = lint_dir(case, None);
        report.retain(|f, _| f.rule == rule.name);
        report
    } else {
        lint_dir(case, Some(&[rule.name]))
    };
    let out = render(&report, Format::Concise);
    let fired = report.findings.iter().any(|f| f.rule == rule.name);
    if name.starts_with("fail-") && !fired {
        return Err(format!("a fail- case where `{}` does not fire:\n{out}", rule.name).into());
    }
    if name.starts_with("pass-") && !report.findings.is_empty() {
        return Err(format!("a pass- case with findings:\n{out}").into());
    }
    if !name.starts_with("fail-") && !name.starts_with("pass-") {
        return Err("case names start with fail- or pass-".into());
    }
    snapshot(&case.join("expected.txt"), &out)
}

/// A whole design: every rule, the human report as the snapshot.
fn design_case(case: &Path) -> Result<(), Failed> {
    let report = lint_dir(case, None);
    snapshot(&case.join("expected.txt"), &render(&report, Format::Human))
}

fn snapshot(path: &Path, actual: &str) -> Result<(), Failed> {
    match compare_snapshot(path, actual) {
        Some(problem) => Err(problem.into()),
        None => Ok(()),
    }
}
