//! Findings introduced by a change: `--diff-base REF` on git repositories
//! made at run time, fingerprints relative to the design root, `--root`.

use crate::cli::erlint;
use std::path::Path;
use std::process::{Command, Output};

use crate::support::TWO_PROVIDERS as DESIGN;

const RULES: &str = "ipvpn-layer2,unused-provider";

/// Runs git in `dir` with a fixed identity and no signing; fails the test
/// when git fails. Also the README test's git.
pub(crate) fn git(dir: &Path, args: &[&str]) -> String {
    let o = Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=erlint",
            "-c",
            "user.email=erlint@example.com",
        ])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output()
        .expect("git runs");
    assert!(
        o.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn write(dir: &Path, name: &str, text: &str) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
    std::fs::write(p, text).expect("write");
}

/// A repository whose first commit holds `design/net.yaml` (two findings).
fn repo() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    git(tmp.path(), &["init", "-q"]);
    write(tmp.path(), "design/net.yaml", DESIGN);
    write(tmp.path(), "README.md", "not a design\n");
    git(tmp.path(), &["add", "."]);
    git(tmp.path(), &["commit", "-q", "-m", "design"]);
    tmp
}

fn run(dir: &Path, args: &[&str]) -> Output {
    erlint()
        .current_dir(dir)
        .args(["check", "--select", RULES])
        .args(args)
        .output()
        .expect("run erlint")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The change: lines inserted above the old findings, and a new provider
/// nobody uses.
fn change(dir: &Path) {
    let edited = format!(
        "# Contoso WAN\n\n{}",
        DESIGN.replace(
            "sites:\n",
            "  - name: spare-2\n    offers:\n      ethernet: [l2]\nsites:\n"
        )
    );
    write(dir, "design/net.yaml", &edited);
}

#[test]
fn only_findings_new_since_the_revision_are_reported() {
    let tmp = repo();
    change(tmp.path());
    let status_before = git(tmp.path(), &["status", "--porcelain"]);

    let o = run(tmp.path(), &["--diff-base", "HEAD", "--format", "concise"]);
    assert_eq!(
        stdout(&o),
        "design/net.yaml:10:11: warning[unused-provider] provider `spare-2` is not used by any site or circuit\n",
        "{}",
        stderr(&o)
    );
    assert_eq!(o.status.code(), Some(0), "the known error is left out");

    // The summary says how many were left out; the JSON summary too.
    let o = run(
        tmp.path(),
        &["--diff-base", "HEAD", "--color", "never", "design"],
    );
    assert!(
        stdout(&o).ends_with("0 errors, 1 warning in 1 file; 2 known findings left out\n"),
        "{}",
        stdout(&o)
    );
    let o = run(tmp.path(), &["--diff-base", "HEAD", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(json["summary"]["left_out"], 2);

    // From the design's folder, the same answer, with paths from there.
    let o = run(
        &tmp.path().join("design"),
        &["--diff-base", "HEAD", "--format", "concise"],
    );
    assert_eq!(
        stdout(&o),
        "net.yaml:10:11: warning[unused-provider] provider `spare-2` is not used by any site or circuit\n",
        "{}",
        stderr(&o)
    );

    // Against the first commit's parent-less tree after a second commit.
    git(tmp.path(), &["commit", "-q", "-am", "spare-2"]);
    let o = run(
        tmp.path(),
        &["--diff-base", "HEAD~0", "--format", "concise"],
    );
    assert_eq!(stdout(&o), "");
    let o = run(
        tmp.path(),
        &["--diff-base", "HEAD~1", "--format", "concise"],
    );
    assert_eq!(stdout(&o).lines().count(), 1, "{}", stdout(&o));

    // Nothing was checked out or staged.
    let _ = status_before;
    assert_eq!(git(tmp.path(), &["status", "--porcelain"]), "");
}

#[test]
fn files_new_or_renamed_since_the_revision() {
    let tmp = repo();
    // A new file's findings are new; an excluded or hidden one is not read.
    write(
        tmp.path(),
        "design/more.yaml",
        "providers:\n  - name: unused-3\n    offers:\n      ethernet: [l2]\n",
    );
    write(
        tmp.path(),
        "erlint.toml",
        "exclude = [\"design/drafts/**\"]\n",
    );
    write(tmp.path(), "design/drafts/x.yaml", "providers: [\n");
    let o = run(tmp.path(), &["--diff-base", "HEAD", "--format", "concise"]);
    assert_eq!(
        stdout(&o),
        "design/more.yaml:2:11: warning[unused-provider] provider `unused-3` is not used by any site or circuit\n",
        "{}",
        stderr(&o)
    );
}

#[test]
fn bad_revisions_and_places_exit_2() {
    let tmp = repo();
    for (rev, says) in [
        ("no-such-branch", "names no commit"),
        ("--output=x", "is not a git revision"),
        ("", "is not a git revision"),
    ] {
        let o = run(tmp.path(), &[&format!("--diff-base={rev}")]);
        assert_eq!(o.status.code(), Some(2), "{rev}");
        assert!(stderr(&o).contains(says), "{rev}: {}", stderr(&o));
    }
    assert!(!tmp.path().join("x").exists());
    let o = erlint()
        .current_dir(tmp.path())
        .args(["check", "-", "--diff-base", "HEAD"])
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(2));

    let not_a_repo = tempfile::tempdir().expect("tempdir");
    write(not_a_repo.path(), "net.yaml", DESIGN);
    let o = run(not_a_repo.path(), &["--diff-base", "HEAD"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--diff-base"), "{}", stderr(&o));
}

/// Fingerprints are relative to the design root: a baseline saved from the
/// repository root matches from the design's folder, and the other way.
#[test]
fn a_baseline_made_in_one_folder_works_from_another() {
    let tmp = repo();
    let o = run(
        tmp.path(),
        &["design", "--format", "json", "--output", "base.json"],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let o = run(
        &tmp.path().join("design"),
        &["--baseline", "../base.json", "--format", "concise"],
    );
    assert_eq!((o.status.code(), stdout(&o).as_str()), (Some(0), ""));

    // Outside git, the folder of erlint.toml is the design root.
    let plain = tempfile::tempdir().expect("tempdir");
    write(plain.path(), "erlint.toml", "");
    write(plain.path(), "net/sites.yaml", DESIGN);
    let o = run(
        &plain.path().join("net"),
        &["--format", "json", "--output", "../base.json"],
    );
    assert_eq!(o.status.code(), Some(1));
    let o = run(
        plain.path(),
        &["--baseline", "base.json", "--format", "concise"],
    );
    assert_eq!((o.status.code(), stdout(&o).as_str()), (Some(0), ""));
}

#[test]
fn root_makes_report_paths_relative_to_it() {
    let tmp = repo();
    let design = tmp.path().join("design");
    let o = run(&design, &["--root", "..", "--format", "github"]);
    let out = stdout(&o);
    assert!(
        out.lines().all(|l| l.contains("file=design/net.yaml,")),
        "{out}"
    );
    assert_eq!(out.lines().count(), 2);
    // Fingerprints do not move with --root.
    let fp = |args: &[&str]| {
        let o = run(&design, args);
        let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
        json["findings"][0]["fingerprint"].clone()
    };
    assert_eq!(
        fp(&["--format", "json"]),
        fp(&["--root", "..", "--format", "json"])
    );
    let o = run(&design, &["--root", "missing"]);
    assert_eq!(o.status.code(), Some(2));
    // Standard input is named from the root too.
    let mut child = erlint()
        .current_dir(&design)
        .args(["check", "-", "--stdin-filename", "net.yaml", "--root", ".."])
        .args(["--select", RULES, "--format", "concise"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    use std::io::Write;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(DESIGN.as_bytes())
        .expect("write");
    let o = child.wait_with_output().expect("wait");
    assert!(stdout(&o).starts_with("design/net.yaml:"), "{}", stdout(&o));
}
