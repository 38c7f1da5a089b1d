//! Installs: `--version` with the commit, shell completions, man pages,
//! and one repository URL across the README, the recipes and the action.

use crate::cli::erlint;
use crate::support::root;
use std::process::{Command, Stdio};

fn run(args: &[&str]) -> std::process::Output {
    erlint().args(args).output().expect("run erlint")
}

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn git(args: &[&str]) -> Option<String> {
    let o = Command::new("git")
        .current_dir(root())
        .args(args)
        .output()
        .ok()?;
    o.status
        .success()
        .then(|| String::from_utf8_lossy(&o.stdout).trim().to_string())
}

#[test]
fn version_names_the_commit_it_was_built_from() {
    let o = run(&["--version"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    let version = env!("CARGO_PKG_VERSION");
    // Built from erlint's own work tree: the commit; otherwise (no git, a
    // packaged crate) the version alone.
    let own_tree = git(&["rev-parse", "--show-toplevel"])
        .is_some_and(|top| std::fs::canonicalize(top).ok() == std::fs::canonicalize(root()).ok());
    match git(&["rev-parse", "--short=12", "HEAD"]).filter(|_| own_tree) {
        Some(commit) => assert_eq!(out, format!("erlint {version} (commit {commit})\n")),
        None => assert_eq!(out, format!("erlint {version}\n")),
    }
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let o = run(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}");
        let out = stdout(&o);
        for word in ["check", "diff-base", "format", "completions"] {
            assert!(out.contains(word), "{shell} completes {word}");
        }
    }
    // The bash script is valid bash, and completes `--format` values.
    let script = stdout(&run(&["completions", "bash"]));
    let mut child = Command::new("bash")
        .args(["-n"])
        .stdin(Stdio::piped())
        .spawn()
        .expect("bash");
    use std::io::Write;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(script.as_bytes())
        .expect("write");
    assert!(child.wait().expect("bash").success(), "bash -n");
    assert!(script.contains("azure"), "format values are completed");
    assert_eq!(run(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn man_pages_render_without_warnings() {
    for (args, title, must) in [
        (&["man"][..], ".TH erlint 1", "completions"),
        (&["man", "check"][..], ".TH erlint-check 1", "diff\\-base"),
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(0));
        let page = stdout(&o);
        assert!(page.contains(title), "{}", &page[..page.len().min(300)]);
        assert!(page.contains(must), "{args:?} mentions {must}");
        // groff reads it without a warning, when groff is there.
        if let Ok(mut child) = Command::new("groff")
            .args(["-man", "-Tutf8", "-ww", "-z"])
            .stdin(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
        {
            use std::io::Write;
            child
                .stdin
                .take()
                .expect("stdin")
                .write_all(page.as_bytes())
                .expect("write");
            let out = child.wait_with_output().expect("groff");
            assert!(out.status.success());
            assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
        }
    }
    let o = run(&["man", "nope"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("check"));
}

/// Cargo.toml's `repository` is the one URL the README, the recipes and
/// the action use, and the recipes install from it.
#[test]
fn one_repository_url_everywhere() {
    let repo = env!("CARGO_PKG_REPOSITORY");
    let host = "https://github.com/";
    assert!(repo.starts_with(host));
    let install = format!("cargo install --locked --git {repo} erlint");
    for file in [
        "README.md",
        "docs/ci.md",
        "docs/recipes/github-actions.yml",
        "docs/recipes/gitlab-ci.yml",
        "docs/recipes/azure-pipelines.yml",
        "action.yml",
    ] {
        let text = std::fs::read_to_string(root().join(file)).expect(file);
        for (at, _) in text.match_indices(host) {
            let url = &text[at..];
            let url = &url[..url
                .find(|c: char| c.is_whitespace() || "`)\"'>".contains(c))
                .unwrap_or(url.len())];
            let own = url.starts_with(repo)
                || ["actions/", "github/", "microsoft/", "rust-lang/"]
                    .iter()
                    .any(|p| url[host.len()..].starts_with(p));
            assert!(own, "{file}: {url} is not {repo}");
        }
        assert!(
            !text.contains("cargo install --locked erlint"),
            "{file}: the crate is not published; install with `{install}`"
        );
        if file.starts_with("docs/recipes/") {
            assert!(text.contains(&install), "{file} installs with `{install}`");
        }
    }
}
