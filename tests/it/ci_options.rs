//! The options a CI job sets, through the built binary: erlint.toml cases
//! (fixtures/config), suppressions, baseline, `--statistics`, `--quiet`,
//! and the README's CI recipes, run as written.

use crate::ci::{code, copy_dir, formats_dir, run_stdin_in, stderr, stdout, FORMAT_RULES};
use crate::cli::{erlint, run_in};
use crate::support::*;
use std::path::Path;

// ---- erlint.toml --------------------------------------------------------

/// `fixtures/config/<case>/`: `erlint check` run in the case folder; the
/// snapshot `expected.txt` holds the exit code and standard error (bad
/// configuration) or the concise report.
#[test]
fn config_fixtures() {
    let mut problems = Vec::new();
    for case in subdirs(&root().join("fixtures/config")) {
        let o = run_in(&case, &["check", "--format", "concise", "--color", "never"]);
        let actual = format!(
            "exit: {}\n--- stdout\n{}--- stderr\n{}",
            code(&o),
            stdout(&o),
            stderr(&o)
        );
        let name = case.file_name().unwrap().to_string_lossy().to_string();
        if name.starts_with("bad-") {
            if code(&o) != 2 {
                problems.push(format!("{name}: a bad erlint.toml must exit 2"));
            }
            if !stderr(&o).contains("erlint.toml:") {
                problems.push(format!(
                    "{name}: the message names erlint.toml and the line"
                ));
            }
        }
        if let Some(p) = compare_snapshot(&case.join("expected.txt"), &actual) {
            problems.push(p);
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

use crate::support::TWO_PROVIDERS as DESIGN;

const SOME: &str = "ipvpn-layer2,unused-provider,unused-suppression";

fn design_dir(files: &[(&str, &str)]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    for (name, text) in files {
        let p = tmp.path().join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    tmp
}

#[test]
fn config_is_found_walking_up_and_can_be_ignored_or_named() {
    let tmp = design_dir(&[
        ("design/net.yaml", DESIGN),
        ("design/drafts/wip.yaml", "sites: [\n"),
        (
            "erlint.toml",
            "exclude = [\"drafts/**\", \"design/drafts/**\"]\nfail_on = \"warning\"\n[rules]\nipvpn-layer2 = \"off\"\n",
        ),
        ("other.toml", "[rules]\nunused-provider = \"info\"\n"),
    ]);
    let design = tmp.path().join("design");
    let select = format!("{SOME},invalid-yaml");
    let args = ["check", "--select", &select, "--format", "concise"];
    // Found in the parent folder: ipvpn-layer2 off, drafts excluded, and
    // the warning fails the run.
    let o = run_in(&design, &args);
    assert_eq!(
        stdout(&o),
        "net.yaml:5:11: warning[unused-provider] provider `spare` is not used by any site or circuit\n"
    );
    assert_eq!(code(&o), 1);
    // --no-config: the error is back, drafts are linted, warnings pass.
    let mut a = args.to_vec();
    a.push("--no-config");
    let o = run_in(&design, &a);
    assert!(stdout(&o).contains("error[ipvpn-layer2]"), "{}", stdout(&o));
    assert!(stdout(&o).contains("drafts/wip.yaml"), "{}", stdout(&o));
    // --config names another file.
    let mut a = args.to_vec();
    a.extend(["--config", "../other.toml"]);
    let o = run_in(&design, &a);
    assert!(
        stdout(&o).contains("info[unused-provider]"),
        "{}",
        stdout(&o)
    );
    assert_eq!(code(&o), 1, "the ipvpn-layer2 error fails the run");
}

// ---- suppressions ---------------------------------------------------------

#[test]
fn suppressions_end_to_end() {
    let design = DESIGN
        .replace(
            "      layer: l2\n",
            "      # erlint: allow(ipvpn-layer2) -- contract amendment 2024-07\n      layer: l2\n",
        )
        .replace(
            "  - name: spare\n",
            "  - name: spare   # erlint: allow(unused-provider, ipvpn-layer2)\n",
        );
    let tmp = design_dir(&[("net.yaml", &design)]);
    let o = run_in(
        tmp.path(),
        &[
            "check",
            "--no-config",
            "--select",
            SOME,
            "--format",
            "concise",
        ],
    );
    assert_eq!(
        stdout(&o),
        "net.yaml:5:19: warning[unused-suppression] suppression of `ipvpn-layer2` silences nothing\n"
    );
    assert_eq!(code(&o), 0, "warnings do not fail the run");

    // allow-file, and a suppression of unused-suppression itself.
    let design = format!(
        "# erlint: allow-file(ipvpn-layer2, unused-provider)\n# erlint: allow-file(unused-suppression)\n# erlint: allow(no-such-rule)\n{DESIGN}"
    );
    let tmp = design_dir(&[("net.yaml", &design)]);
    let o = run_in(
        tmp.path(),
        &[
            "check",
            "--no-config",
            "--select",
            SOME,
            "--format",
            "concise",
        ],
    );
    assert_eq!(stdout(&o), "");
    assert_eq!(code(&o), 0);

    // Through standard input, named with --stdin-filename.
    let design = DESIGN.replace(
        "ethernet: [l2]\n",
        "ethernet: [l2]  # erlint: allow(ipvpn-layr2)\n",
    );
    let o = run_stdin_in(
        tmp.path(),
        &[
            "check",
            "-",
            "--no-config",
            "--stdin-filename",
            "design/net.yaml",
            "--select",
            SOME,
            "--format",
            "github",
        ],
        design.as_bytes(),
    );
    let out = stdout(&o);
    assert!(
        out.contains("::warning file=design/net.yaml,line=7,col=23,endLine=7,endColumn=51,title=unused-suppression::suppression names unknown rule `ipvpn-layr2`"),
        "{out}"
    );
    assert_eq!(out.lines().count(), 3, "{out}");
}

// ---- baseline ---------------------------------------------------------------

#[test]
fn baseline_reports_only_new_findings() {
    let tmp = design_dir(&[("net.yaml", DESIGN)]);
    let base = ["check", "--no-config", "--select", SOME];
    let mut a = base.to_vec();
    a.extend(["--format", "json", "--output", "baseline.json"]);
    let o = run_in(tmp.path(), &a);
    assert_eq!(code(&o), 1);

    // Unchanged design: nothing new, success.
    let mut a = base.to_vec();
    a.extend(["--baseline", "baseline.json", "--format", "concise"]);
    let o = run_in(tmp.path(), &a);
    assert_eq!((code(&o), stdout(&o).as_str()), (0, ""), "{}", stderr(&o));

    // Lines inserted above and a new problem: only the new one.
    let edited = format!(
        "# Contoso WAN\n# owner: network team\n\n{}",
        DESIGN.replace(
            "sites:\n",
            "  - name: spare-2\n    offers:\n      ethernet: [l2]\nsites:\n"
        )
    );
    std::fs::write(tmp.path().join("net.yaml"), edited).unwrap();
    let o = run_in(tmp.path(), &a);
    assert_eq!(
        stdout(&o),
        "net.yaml:11:11: warning[unused-provider] provider `spare-2` is not used by any site or circuit\n"
    );
    assert_eq!(code(&o), 0);

    // Not a report: exit 2.
    std::fs::write(tmp.path().join("bad.json"), "{\"findings\": 3}").unwrap();
    let mut a = base.to_vec();
    a.extend(["--baseline", "bad.json"]);
    let o = run_in(tmp.path(), &a);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("not an erlint JSON report"),
        "{}",
        stderr(&o)
    );
    let mut a = base.to_vec();
    a.extend(["--baseline", "missing.json"]);
    assert_eq!(code(&run_in(tmp.path(), &a)), 2);
}

// ---- statistics, quiet ----------------------------------------------------

#[test]
fn statistics_count_per_rule() {
    let o = run_in(
        &formats_dir(),
        &["check", "--select", FORMAT_RULES, "--statistics"],
    );
    assert_eq!(code(&o), 1);
    assert_eq!(
        stdout(&o),
        "     2  unused-suppression  warning\n     1  ipvpn-layer2        error\n     1  unknown-field       error\n     1  unused-circuit      info\n     1  unused-provider     warning\n2 errors, 3 warnings, 1 info in 3 files\n"
    );
}

#[test]
fn quiet_still_writes_the_output_file() {
    let tmp = design_dir(&[("net.yaml", DESIGN)]);
    let o = run_in(
        tmp.path(),
        &[
            "check",
            "--no-config",
            "--select",
            "unused-provider",
            "--quiet",
            "--format",
            "sarif",
            "--output",
            "out.sarif",
        ],
    );
    assert_eq!(code(&o), 0);
    assert!(o.stdout.is_empty());
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(tmp.path().join("out.sarif")).unwrap())
            .unwrap();
    assert_eq!(sarif["runs"][0]["results"][0]["ruleId"], "unused-provider");
}

// ---- recipes ----------------------------------------------------------------

/// The CI recipes: real files, quoted verbatim by the README.
const RECIPES: &[&str] = &[
    "docs/recipes/github-actions.yml",
    "docs/recipes/gitlab-ci.yml",
    "docs/recipes/azure-pipelines.yml",
    ".pre-commit-hooks.yaml",
];

fn readme_with_recipes() -> (String, String) {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    ("README.md".into(), readme)
}

#[test]
fn readme_quotes_the_recipes_verbatim() {
    let (name, doc) = readme_with_recipes();
    for r in RECIPES {
        let text = std::fs::read_to_string(root().join(r)).expect(r);
        let block = format!("```yaml\n{text}```\n");
        assert!(
            doc.contains(&block),
            "{name} must quote {r} verbatim in a ```yaml block; copy it again"
        );
        // Valid YAML, read by erlint's own parser.
        let arena = erlint::syntax::Bump::new();
        let parsed = erlint::syntax::parse(erlint::source::FileId(0), &text, &arena);
        assert!(parsed.findings.is_empty(), "{r}: {:?}", parsed.findings);
    }
    assert!(
        doc.contains("# yaml-language-server: $schema="),
        "{name} shows the schema line for VS Code"
    );
}

/// Every `erlint ...` command of the recipes, as a shell would split it.
fn recipe_commands(text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for line in text.lines() {
        let Some(at) = line.find("erlint check") else {
            continue;
        };
        let cmd = &line[at..];
        let cmd = cmd.split(" ||").next().unwrap_or(cmd);
        let words: Vec<String> = cmd
            .split_whitespace()
            .map(|w| w.trim_matches('"').to_string())
            .collect();
        out.push(words);
    }
    out
}

#[test]
fn recipe_commands_run_as_written() {
    let mut ran = 0;
    for r in RECIPES {
        let text = std::fs::read_to_string(root().join(r)).expect(r);
        let mut commands = recipe_commands(&text);
        if r.ends_with("pre-commit-hooks.yaml") {
            // pre-commit runs `entry` with `args` appended.
            let entry = text
                .lines()
                .find_map(|l| l.trim().strip_prefix("entry: "))
                .expect("entry");
            commands = vec![entry.split_whitespace().map(String::from).collect()];
        }
        assert!(!commands.is_empty(), "{r} runs erlint");
        for words in commands {
            let tmp = copy_dir(&formats_dir());
            // The recipe's script makes the report's folder first.
            if let Some(i) = words.iter().position(|w| w == "--output") {
                if let Some(parent) = Path::new(&words[i + 1]).parent() {
                    std::fs::create_dir_all(tmp.path().join(parent)).expect("mkdir");
                }
            }
            let o = erlint()
                .current_dir(tmp.path())
                .args(&words[1..])
                .output()
                .expect("run");
            assert_eq!(
                code(&o),
                1,
                "{r}: `{}` on a design with errors: {}",
                words.join(" "),
                stderr(&o)
            );
            if let Some(i) = words.iter().position(|w| w == "--output") {
                let file = tmp.path().join(&words[i + 1]);
                let out = std::fs::read_to_string(&file).expect("report written");
                let format = &words[words.iter().position(|w| w == "--format").unwrap() + 1];
                match format.as_str() {
                    "sarif" | "gitlab" | "json" => {
                        serde_json::from_str::<serde_json::Value>(&out).expect("JSON");
                    }
                    "junit" => {
                        roxmltree::Document::parse(&out).expect("XML");
                    }
                    other => panic!("{r}: unexpected format {other}"),
                }
            }
            ran += 1;
        }
    }
    assert!(ran >= 4);
}
