//! `check --fix`, `--diff`, `--unsafe-fixes`, and standard input linted as
//! a file of its design (`--stdin-filename`), driving the binary.

use crate::ci::run_stdin_in;
use crate::cli::run_in;
use crate::support::*;
use std::collections::HashMap;
use std::path::Path;
use std::process::Output;

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// The findings of `--format json` as (rule, file, message), counted.
fn findings(o: &Output) -> HashMap<(String, String, String), usize> {
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON report");
    let mut out = HashMap::new();
    for f in doc["findings"].as_array().into_iter().flatten() {
        let k = (
            f["rule"].as_str().unwrap_or("").to_string(),
            f["file"].as_str().unwrap_or("").to_string(),
            f["message"].as_str().unwrap_or("").to_string(),
        );
        *out.entry(k).or_default() += 1;
    }
    out
}

/// The findings of `--format json` that carry a fix.
fn fixable(o: &Output) -> Vec<(String, String, String)> {
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON report");
    doc["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["fixes"].as_array().is_some_and(|a| !a.is_empty()))
        .map(|f| {
            (
                f["rule"].as_str().unwrap_or("").to_string(),
                f["file"].as_str().unwrap_or("").to_string(),
                f["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("read fixture") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        let kind = entry.file_type().expect("type");
        if kind.is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
            copy_dir(&entry.path(), &target);
        } else if kind.is_file() {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Every fixture folder (rules and designs).
fn fixture_folders() -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for rule in subdirs(&root().join("fixtures/rules")) {
        out.extend(subdirs(&rule));
    }
    out.extend(subdirs(&root().join("fixtures/designs")));
    out
}

const STAGE: &[&str] = &[
    "invalid-yaml",
    "unreadable-file",
    "unknown-field",
    "invalid-value",
    "missing-field",
];

/// `--fix --unsafe-fixes` on a copy of every fixture: the files stay valid
/// (no syntax or format finding appears), every finding that had a fix is
/// gone or its fix was reported as not applied, and a second `--fix` has
/// nothing left to do.
#[test]
fn fix_leaves_every_fixture_valid_and_clean_of_what_it_fixed() {
    let mut problems = Vec::new();
    let mut fixed_somewhere = 0;
    for case in fixture_folders() {
        let dir = tempfile::tempdir().expect("temp dir");
        copy_dir(&case, dir.path());
        let name = case
            .strip_prefix(root())
            .unwrap_or(&case)
            .display()
            .to_string();
        let before = run_in(dir.path(), &["check", "--format", "json", "."]);
        let had_fix = fixable(&before);
        if had_fix.is_empty() {
            continue; // nothing to fix (and the test stays quick)
        }
        let fix = run_in(
            dir.path(),
            &["check", "--fix", "--unsafe-fixes", "--format", "json", "."],
        );
        if code(&fix) == 2 {
            problems.push(format!("{name}: --fix failed: {}", text(&fix.stderr)));
            continue;
        }
        let after = run_in(dir.path(), &["check", "--format", "json", "."]);
        let (was, now) = (findings(&before), findings(&after));
        for (k, n) in &now {
            if STAGE.contains(&k.0.as_str()) && *n > was.get(k).copied().unwrap_or(0) {
                problems.push(format!("{name}: the fix made {k:?}"));
            }
        }
        let not_applied = text(&fix.stderr).contains("not applied");
        for k in &had_fix {
            if now.contains_key(k) && !not_applied {
                problems.push(format!("{name}: {k:?} had a fix and is still there"));
            }
        }
        fixed_somewhere += 1;
        // The report printed by --fix is what is left: the same findings.
        if findings(&fix) != now {
            problems.push(format!(
                "{name}: --fix reported other findings than a re-lint"
            ));
        }
        let again = run_in(dir.path(), &["check", "--diff", "--unsafe-fixes", "."]);
        if !again.stdout.is_empty() && !not_applied {
            problems.push(format!(
                "{name}: a second pass still fixes:\n{}",
                text(&again.stdout)
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(
        fixed_somewhere >= 5,
        "only {fixed_somewhere} fixtures had a fix"
    );
}

const DESIGN: &str = "\
version: 1
providers:
  - name: Colt
    offers:
      ethernet: [l2]
sites:
  - name: ams-dc1
    kind: datacenter
    routers: [ams-ce1, ams-ce2]
    expressroute:
      model: ethernet
      layer: l2
      provider: Colt
      circuits: [er-ams-1]   # the only circuit
circuits:
  - name: er-ams-1
    provider: Colt
    peering_location: Amsterdam
    bandwidth: 1Gbps
    sku: local               # Local: Amsterdam reaches West Europe
    billing: metered         # keep this comment
    Routers: { primary: ams-ce1, secondary: ams-ce2 }
    peerings:
      private:
        peer_asn: \"65010\"
        primary_subnet: 192.168.100.0/30
        secondary_subnet: 192.168.100.4/30
        vlan_id: 100
";

fn design_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("design.yaml"), DESIGN).expect("write");
    dir
}

#[test]
fn diff_prints_a_unified_diff_and_changes_nothing() {
    let dir = design_dir();
    let o = run_in(dir.path(), &["check", "--diff", "."]);
    assert_eq!(code(&o), 1, "{}", text(&o.stderr));
    let diff = text(&o.stdout);
    assert!(
        diff.starts_with("--- a/design.yaml\n+++ b/design.yaml\n@@ "),
        "{diff}"
    );
    for line in [
        "-    billing: metered         # keep this comment\n",
        "+    billing: unlimited         # keep this comment\n",
        "-    Routers: { primary: ams-ce1, secondary: ams-ce2 }\n",
        "+    routers: { primary: ams-ce1, secondary: ams-ce2 }\n",
        "-        peer_asn: \"65010\"\n",
        "+        peer_asn: 65010\n",
    ] {
        assert!(diff.contains(line), "{line} not in\n{diff}");
    }
    assert!(
        text(&o.stderr).contains("would fix 3 findings in 1 file"),
        "{}",
        text(&o.stderr)
    );
    let on_disk = std::fs::read_to_string(dir.path().join("design.yaml")).expect("read");
    assert_eq!(on_disk, DESIGN, "--diff wrote the file");
}

#[test]
fn fix_writes_the_safe_fixes_and_exit_codes_follow_what_is_left() {
    let dir = design_dir();
    // A typo only an unsafe fix repairs.
    let path = dir.path().join("design.yaml");
    std::fs::write(
        &path,
        DESIGN.replace("circuits: [er-ams-1]", "circuits: [er-ams-l]"),
    )
    .expect("write");
    let o = run_in(dir.path(), &["check", "--fix", "--format", "concise", "."]);
    assert_eq!(code(&o), 1, "{}", text(&o.stderr));
    assert!(
        text(&o.stdout).contains("undefined-reference"),
        "{}",
        text(&o.stdout)
    );
    assert!(
        text(&o.stderr)
            .contains("fixed 3 findings in 1 file; 1 more fix available with --unsafe-fixes"),
        "{}",
        text(&o.stderr)
    );
    let fixed = std::fs::read_to_string(&path).expect("read");
    assert!(
        fixed.contains("    billing: unlimited         # keep this comment\n"),
        "{fixed}"
    );
    assert!(
        fixed.contains("circuits: [er-ams-l]   # the only circuit"),
        "{fixed}"
    );
    // No temporary file is left beside it.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("ls")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    let o = run_in(dir.path(), &["check", "--fix", "--unsafe-fixes", "."]);
    assert_eq!(code(&o), 0, "{}{}", text(&o.stdout), text(&o.stderr));
    let fixed = std::fs::read_to_string(&path).expect("read");
    assert!(
        fixed.contains("circuits: [er-ams-1]   # the only circuit"),
        "{fixed}"
    );
    // Nothing to do: exit 0, the file untouched.
    let o = run_in(dir.path(), &["check", "--diff", "."]);
    assert_eq!((code(&o), text(&o.stdout)), (0, String::new()));
    let o = run_in(dir.path(), &["check", "--unsafe-fixes", "."]);
    assert_eq!(code(&o), 2);
    assert!(text(&o.stderr).contains("--unsafe-fixes needs --fix or --diff"));
}

#[test]
fn a_value_shared_through_an_alias_is_not_fixed() {
    let dir = design_dir();
    let path = dir.path().join("design.yaml");
    let shared = DESIGN
        .replace(
            "    billing: metered         # keep this comment\n",
            "    <<: *billed\n",
        )
        .replace(
            "circuits:\n  - name: er-ams-1",
            "defaults: &billed\n  billing: metered\ncircuits:\n  - name: er-ams-1",
        );
    std::fs::write(&path, &shared).expect("write");
    let o = run_in(
        dir.path(),
        &["check", "--diff", "--select", "local-sku-billing", "."],
    );
    assert_eq!(code(&o), 0, "{}{}", text(&o.stdout), text(&o.stderr));
    assert!(
        text(&o.stderr).contains("1 fix not applied"),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn json_reports_fixes_with_their_applicability() {
    let dir = design_dir();
    std::fs::write(
        dir.path().join("design.yaml"),
        DESIGN.replace("[er-ams-1]", "[er-ams-l]"),
    )
    .expect("write");
    let o = run_in(dir.path(), &["check", "--format", "json", "."]);
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let of = |rule: &str| {
        doc["findings"]
            .as_array()
            .and_then(|a| a.iter().find(|f| f["rule"] == rule))
            .map(|f| f["fixes"][0].clone())
            .unwrap_or_default()
    };
    let billing = of("local-sku-billing");
    assert_eq!(billing["applicability"], "safe");
    assert_eq!(billing["edits"][0]["replacement"], "unlimited");
    assert_eq!(billing["edits"][0]["line"], 21);
    let reference = of("undefined-reference");
    assert_eq!(reference["applicability"], "unsafe");
    assert_eq!(reference["title"], "write `er-ams-1`");
}

/// The README's example: the buffer is linted as its file of the design,
/// so names defined in other files resolve, and only its own findings are
/// reported.
#[test]
fn stdin_is_linted_as_its_file_of_the_design() {
    let contoso = root().join("examples/contoso");
    let europe = std::fs::read(contoso.join("sites/europe.yaml")).expect("read");
    let args = [
        "check",
        "-",
        "--stdin-filename",
        "sites/europe.yaml",
        "--format",
        "json",
    ];
    let o = run_stdin_in(&contoso, &args, &europe);
    let whole = run_in(&contoso, &["check", "--format", "json", "."]);
    let mut expected = findings(&whole);
    expected.retain(|k, _| k.1 == "sites/europe.yaml");
    assert!(!expected.is_empty());
    assert_eq!(findings(&o), expected);
    assert_eq!(code(&o), 1);
    // The buffer replaces the file: a change in it is what is linted.
    let edited = text(&europe).replace(
        "layer: l2             # the MPLS",
        "layer: l3             # the MPLS",
    );
    let o = run_stdin_in(&contoso, &args, edited.as_bytes());
    let mut left = findings(&o);
    assert!(
        !left.keys().any(|k| k.0 == "ipvpn-layer2"),
        "{}",
        text(&o.stdout)
    );
    // What is left is what the whole design gives for this file, but the
    // Layer 2 request.
    expected.retain(|k, _| {
        k.0 != "ipvpn-layer2"
            && k.0 != "mixed-models-on-circuit"
            && k.0 != "layer2-incomplete-peering"
    });
    left.retain(|k, _| k.0 != "mixed-models-on-circuit" && k.0 != "layer2-incomplete-peering");
    assert_eq!(left, expected, "{}", text(&o.stdout));
    assert_eq!(code(&o), 0);
}

#[test]
fn stdin_fix_prints_the_fixed_buffer_and_writes_nothing() {
    let dir = design_dir();
    let args = ["check", "-", "--stdin-filename", "design.yaml", "--fix"];
    let o = run_stdin_in(dir.path(), &args, DESIGN.as_bytes());
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(
        out.contains("    billing: unlimited         # keep this comment\n"),
        "{out}"
    );
    assert!(out.contains("        peer_asn: 65010\n"), "{out}");
    let on_disk = std::fs::read_to_string(dir.path().join("design.yaml")).expect("read");
    assert_eq!(on_disk, DESIGN);
    // A buffer for a file not yet on disk is a file of the design too.
    let o = run_stdin_in(
        dir.path(),
        &["check", "-", "--stdin-filename", "new.yaml", "--diff"],
        DESIGN.as_bytes(),
    );
    let diff = text(&o.stdout);
    assert!(
        diff.starts_with("--- a/new.yaml\n+++ b/new.yaml\n"),
        "{diff}"
    );
    assert!(!dir.path().join("new.yaml").exists());
}
