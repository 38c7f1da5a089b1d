//! The README as a new user tries it: its shell commands run when pasted,
//! its suppression example is true of the bundled example design, and its
//! VS Code schema mapping covers every file of that design.

use crate::cli::erlint;
use crate::support::root;
use std::path::{Path, PathBuf};
use std::process::Command;

fn readme() -> String {
    std::fs::read_to_string(root().join("README.md")).expect("README.md")
}

/// The fenced blocks of `lang` in `text`, in order.
fn blocks<'a>(text: &'a str, lang: &str) -> Vec<&'a str> {
    let fence = format!("```{lang}\n");
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(&fence) {
        let body = &rest[at + fence.len()..];
        let end = body.find("```").unwrap_or(body.len());
        out.push(&body[..end]);
        rest = &body[end..];
    }
    out
}

/// The first `lang` block after the heading `heading`.
fn block_after<'a>(text: &'a str, heading: &str, lang: &str) -> &'a str {
    let at = text
        .find(heading)
        .unwrap_or_else(|| panic!("README has {heading}"));
    blocks(&text[at..], lang)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("a ```{lang} block after {heading}"))
}

fn copy_example() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    fn walk(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).expect("mkdir");
        for e in std::fs::read_dir(from).expect("read_dir").flatten() {
            let p = e.path();
            let target = to.join(e.file_name());
            if p.is_dir() {
                walk(&p, &target);
            } else {
                std::fs::copy(&p, &target).expect("copy");
            }
        }
    }
    walk(&root().join("examples/contoso"), tmp.path());
    tmp
}

fn concise(dir: &Path) -> String {
    let o = erlint()
        .current_dir(dir)
        .args(["check", "--format", "concise"])
        .output()
        .expect("run");
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn without_comments(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.split(" #").next().unwrap_or(l).trim_end().to_string())
        .filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty())
        .collect()
}

#[test]
fn the_suppression_example_is_true_of_the_example_design() {
    let text = readme();
    let example = block_after(&text, "### Suppressing a finding", "yaml");
    let entry = example
        .strip_prefix("sites:\n")
        .expect("starts with sites:");
    let tmp = copy_example();
    let path = tmp.path().join("sites/europe.yaml");
    let text = std::fs::read_to_string(&path).expect("europe.yaml");
    let at = text.find("  - name: lyon-office").expect("lyon-office");
    // The README shows the example's own site, comments aside.
    assert_eq!(without_comments(&text[at..]), without_comments(entry));

    let before = concise(tmp.path());
    assert!(before.contains("error[ipvpn-layer2]"), "{before}");
    std::fs::write(&path, format!("{}{entry}", &text[..at])).expect("write");
    let after = concise(tmp.path());
    let expected: String = before
        .lines()
        .filter(|l| !l.contains("[ipvpn-layer2]"))
        .map(|l| format!("{l}\n"))
        .collect();
    // With ipvpn-layer2 silenced, the Layer 2 site counts on its circuit
    // again (the README says so): the circuit it shares with a Layer 3
    // site, and its peering without a VLAN, are reported.
    let given_back = ["[mixed-models-on-circuit]", "[layer2-incomplete-peering]"];
    for rule in given_back {
        assert!(!before.contains(rule), "{before}");
        assert!(after.contains(rule), "{after}");
    }
    let rest: String = after
        .lines()
        .filter(|l| !given_back.iter().any(|r| l.contains(r)))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(
        rest, expected,
        "only ipvpn-layer2 is silenced, nothing is unused"
    );
}

#[test]
fn the_vscode_mapping_covers_every_file_of_the_example() {
    let text = readme();
    let settings = block_after(&text, "`.vscode/settings.json`", "json");
    let doc: serde_json::Value = serde_json::from_str(settings).expect("settings.json is JSON");
    let globs = doc["yaml.schemas"][".vscode/erlint.schema.json"]
        .as_array()
        .expect("the schema's globs");
    let mut set = globset::GlobSetBuilder::new();
    for g in globs {
        set.add(globset::Glob::new(g.as_str().expect("a glob")).expect("valid glob"));
    }
    let set = set.build().expect("globs");
    let base = root().join("examples/contoso");
    let mut files = Vec::new();
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).expect("read_dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "yaml" || x == "yml") {
                out.push(p);
            }
        }
    }
    walk(&base, &mut files);
    assert!(files.len() >= 5);
    for f in files {
        let rel = f
            .strip_prefix(&base)
            .expect("under")
            .to_string_lossy()
            .replace('\\', "/");
        assert!(
            set.is_match(&rel),
            "{rel} gets no schema from the README's mapping"
        );
    }
}

/// Every `erlint` and `mkdir` line of the README's `sh` blocks, run with a
/// shell in a copy of the example design that is a git repository (for
/// `--diff-base main`): none may fail to run (exit 2).
#[test]
fn every_readme_command_works_when_pasted() {
    let tmp = copy_example();
    let git = |args: &[&str]| {
        crate::diff_base::git(tmp.path(), args);
    };
    git(&["init", "-q"]);
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "example"]);
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_erlint"));
    let path = format!(
        "{}:{}",
        bin.parent().expect("bin dir").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut ran = 0;
    for block in blocks(&readme(), "sh") {
        for line in block.lines() {
            let cmd = line.split("  #").next().unwrap_or(line).trim();
            if !(cmd.starts_with("erlint ") || cmd.starts_with("mkdir ")) {
                continue;
            }
            let o = Command::new("sh")
                .current_dir(tmp.path())
                .args(["-c", cmd])
                .env("PATH", &path)
                .env_remove("TF_BUILD")
                .env_remove("GITHUB_ACTIONS")
                .env_remove("GITLAB_CI")
                .output()
                .expect("sh");
            let code = o.status.code().unwrap_or(-1);
            assert!(
                code == 0 || code == 1,
                "`{cmd}` exits {code}: {}",
                String::from_utf8_lossy(&o.stderr)
            );
            ran += 1;
        }
    }
    assert!(ran >= 5, "{ran} commands");
    assert!(tmp.path().join(".vscode/erlint.schema.json").is_file());
}

/// The README's table of rules is the registry: every rule, its group,
/// default severity and summary, in registry order.
#[test]
fn the_readme_lists_every_rule_as_the_registry_has_it() {
    let text = readme();
    let start = text
        .find("<!-- rules:start")
        .expect("the rules table's start marker");
    let end = text
        .find("<!-- rules:end -->")
        .expect("the rules table's end marker");
    let rows: Vec<&str> = text[start..end]
        .lines()
        .filter(|l| l.starts_with("| [`"))
        .collect();
    let expected: Vec<String> = erlint::rules::ALL
        .iter()
        .map(|r| {
            format!(
                "| [`{0}`](rules/{0}.md) | {1} | {2} | {3} |",
                r.name,
                r.group.as_str(),
                r.default_severity.as_str(),
                r.summary.replace('|', "\\|")
            )
        })
        .collect();
    assert_eq!(rows, expected, "regenerate the README's rules table");
}
