//! CI integration through the built binary: one snapshot per `--format`
//! (fixtures/formats), each output checked for what its client reads;
//! erlint.toml cases (fixtures/config); suppressions, baseline,
//! `--statistics`, stdin; and the README's CI recipes, run as written.

use crate::cli::{erlint, run_in};
use crate::support::*;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn run_stdin_in(dir: &Path, args: &[&str], input: &[u8]) -> Output {
    let mut child = erlint()
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("write");
    child.wait_with_output().expect("wait")
}

/// The rules the formats snapshot runs (a fixed list, so rules added later
/// do not change the snapshots).
const FORMAT_RULES: &str =
    "ipvpn-layer2,unused-provider,unused-circuit,unknown-field,unused-suppression";

const FORMATS: &[&str] = &[
    "human", "concise", "json", "sarif", "github", "gitlab", "junit", "azure",
];

fn formats_dir() -> PathBuf {
    root().join("fixtures/formats")
}

fn format_output(format: &str) -> Output {
    run_in(
        &formats_dir(),
        &[
            "check",
            "--select",
            FORMAT_RULES,
            "--format",
            format,
            "--color",
            "never",
        ],
    )
}

/// The version changes with every release; snapshots should not.
fn normalize_version(s: &str) -> String {
    let v = env!("CARGO_PKG_VERSION");
    s.replace(
        &format!("\"version\": \"{v}\""),
        "\"version\": \"<version>\"",
    )
    .replace(
        &format!("\"semanticVersion\": \"{v}\""),
        "\"semanticVersion\": \"<version>\"",
    )
}

/// The rule descriptions SARIF takes from the rule pages change with the
/// pages; the snapshot shows where they come from instead
/// (`sarif_has_what_code_scanning_reads` checks them).
fn without_rule_pages(sarif: &str) -> String {
    let mut doc: serde_json::Value = serde_json::from_str(sarif).expect("SARIF is JSON");
    if let Some(rules) = doc["runs"][0]["tool"]["driver"]["rules"].as_array_mut() {
        for r in rules {
            let page = format!("<from rules/{}.md>", r["id"].as_str().unwrap_or(""));
            r["fullDescription"]["text"] = page.clone().into();
            r["help"]["text"] = page.clone().into();
            r["help"]["markdown"] = page.into();
        }
    }
    serde_json::to_string_pretty(&doc).expect("JSON") + "\n"
}

#[test]
fn format_snapshots() {
    let mut problems = Vec::new();
    for format in FORMATS {
        let o = format_output(format);
        assert_eq!(code(&o), 1, "{format}: {}", stderr(&o));
        let mut out = normalize_version(&stdout(&o));
        if *format == "sarif" {
            out = without_rule_pages(&out);
        }
        if let Some(p) = compare_snapshot(&formats_dir().join(format!("expected.{format}")), &out) {
            problems.push(p);
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

fn json_of(format: &str) -> serde_json::Value {
    serde_json::from_slice(&format_output(format).stdout).expect("valid JSON")
}

#[test]
fn sarif_has_what_code_scanning_reads() {
    let sarif = json_of("sarif");
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "erlint");
    assert!(driver["informationUri"]
        .as_str()
        .is_some_and(|u| u.starts_with("https://")));
    let rules = driver["rules"].as_array().expect("rules");
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    // Every rule that ran, in registry order.
    let mut expected: Vec<&str> = FORMAT_RULES.split(',').collect();
    expected.sort_by_key(|n| erlint::rules::ALL.iter().position(|r| r.name == *n));
    assert_eq!(ids, expected);
    for r in rules {
        for key in ["shortDescription", "fullDescription", "help"] {
            assert!(r[key]["text"].as_str().is_some_and(|t| !t.is_empty()));
        }
        let rule = erlint::rules::by_name(r["id"].as_str().unwrap()).unwrap();
        assert_eq!(
            r["help"]["markdown"].as_str(),
            Some(erlint::cli::explain_text(rule.doc).as_str()),
            "the help is the rule's page, as `erlint explain` prints it"
        );
    }
    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), 6);
    let mut fingerprints = std::collections::HashSet::new();
    for r in results {
        let idx = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[idx]["id"], r["ruleId"]);
        let region = &r["locations"][0]["physicalLocation"]["region"];
        for k in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(region[k].as_u64().is_some_and(|n| n >= 1), "{k}");
        }
        let fp = r["partialFingerprints"]["erlint/v1"].as_str().unwrap();
        assert!(
            fingerprints.insert(fp.to_string()),
            "fingerprints are unique"
        );
    }
    let with_label = results
        .iter()
        .find(|r| r["ruleId"] == "ipvpn-layer2")
        .unwrap();
    assert_eq!(
        with_label["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "providers.yaml"
    );
    // Code scanning shows a related location only when the message links
    // it: every one is linked, by its id.
    for r in results {
        let text = r["message"]["text"].as_str().unwrap();
        for rel in r["relatedLocations"].as_array().into_iter().flatten() {
            let link = format!("]({})", rel["id"]);
            assert!(text.contains(&link), "{text} links {link}");
        }
    }
}

#[test]
fn github_commands_are_one_line_each_and_escaped() {
    let out = stdout(&format_output("github"));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 6);
    for l in &lines {
        let (cmd, rest) = l.split_once(' ').unwrap();
        assert!(["::error", "::warning", "::notice"].contains(&cmd), "{l}");
        let (props, _msg) = rest.split_once("::").unwrap();
        let keys: Vec<&str> = props
            .split(',')
            .map(|p| p.split_once('=').unwrap().0)
            .collect();
        assert_eq!(
            keys,
            ["file", "line", "col", "endLine", "endColumn", "title"]
        );
    }
    assert!(out.contains("`notes <draft> & 100%25`"), "{out}");
}

#[test]
fn gitlab_report_has_the_fields_gitlab_reads() {
    let report = json_of("gitlab");
    let issues = report.as_array().expect("an array");
    assert_eq!(issues.len(), 6);
    let mut fingerprints = std::collections::HashSet::new();
    for i in issues {
        for k in ["description", "check_name", "fingerprint", "severity"] {
            assert!(i[k].as_str().is_some_and(|s| !s.is_empty()), "{k}");
        }
        assert!(["info", "minor", "major", "critical", "blocker"]
            .contains(&i["severity"].as_str().unwrap()));
        assert!(i["location"]["path"].as_str().is_some());
        assert!(i["location"]["lines"]["begin"].as_u64().is_some());
        assert!(fingerprints.insert(i["fingerprint"].as_str().unwrap().to_string()));
    }
}

#[test]
fn junit_is_well_formed_with_a_case_per_rule_and_file() {
    let out = stdout(&format_output("junit"));
    let doc = roxmltree::Document::parse(&out).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    // The elements and attributes Jenkins' JUnit schema (xunit-plugin
    // junit-10.xsd) allows, with the required ones.
    let allowed: &[(&str, &[&str], &[&str])] = &[
        (
            "testsuites",
            &["name", "time", "tests", "failures", "errors"],
            &[],
        ),
        (
            "testsuite",
            &[
                "name",
                "tests",
                "failures",
                "errors",
                "group",
                "time",
                "skipped",
                "timestamp",
                "hostname",
                "id",
                "package",
                "file",
                "log",
                "url",
            ],
            &["name", "tests", "failures", "errors"],
        ),
        // `file` on a test case is GitLab's; Jenkins' JUnit plugin ignores
        // attributes it does not read (docs/ci.md).
        (
            "testcase",
            &["name", "time", "classname", "group", "file"],
            &["name"],
        ),
        ("failure", &["type", "message"], &[]),
    ];
    for n in doc.descendants().filter(|n| n.is_element()) {
        let tag = n.tag_name().name();
        let Some((_, ok, required)) = allowed.iter().find(|(t, _, _)| *t == tag) else {
            panic!("<{tag}> is not in Jenkins' JUnit schema");
        };
        for a in n.attributes() {
            assert!(
                ok.contains(&a.name()),
                "<{tag} {}> is not allowed",
                a.name()
            );
        }
        for r in *required {
            assert!(n.attribute(*r).is_some(), "<{tag}> needs {r}");
        }
    }
    let suites: Vec<_> = root
        .children()
        .filter(|n| n.has_tag_name("testsuite"))
        .collect();
    assert_eq!(suites.len(), 3, "one suite per file");
    let rules = FORMAT_RULES.split(',').count();
    let mut failures = 0;
    for s in &suites {
        let cases: Vec<_> = s
            .children()
            .filter(|n| n.has_tag_name("testcase"))
            .collect();
        assert_eq!(cases.len(), rules);
        let file = s.attribute("file").expect("file");
        for c in &cases {
            // What GitLab links, and a class name Jenkins does not split.
            assert_eq!(c.attribute("file"), Some(file));
            let class = c.attribute("classname").expect("classname");
            assert!(!class.contains('.'), "{class}");
            assert_eq!(class, file.replace('.', "_"));
        }
        assert_eq!(s.attribute("tests"), Some(rules.to_string().as_str()));
        let failed = cases
            .iter()
            .filter(|c| c.children().any(|n| n.has_tag_name("failure")))
            .count();
        assert_eq!(s.attribute("failures"), Some(failed.to_string().as_str()));
        failures += failed;
    }
    assert_eq!(
        root.attribute("failures"),
        Some(failures.to_string().as_str())
    );
    let text = doc
        .descendants()
        .filter(|n| n.has_tag_name("failure"))
        .filter_map(|n| n.text())
        .collect::<String>();
    assert!(
        text.contains("unknown key `notes <draft> & 100%`"),
        "{text}"
    );
}

/// Fingerprints survive edits that shift lines, and are the same in the
/// JSON report, SARIF and GitLab.
#[test]
fn fingerprints_agree_across_formats_and_survive_line_shifts() {
    let json = json_of("json");
    let sarif = json_of("sarif");
    let gitlab = json_of("gitlab");
    let from_json: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["fingerprint"].as_str().unwrap())
        .collect();
    let from_sarif: Vec<&str> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["partialFingerprints"]["erlint/v1"].as_str().unwrap())
        .collect();
    let from_gitlab: Vec<&str> = gitlab
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    assert_eq!(from_json, from_sarif);
    assert_eq!(from_json, from_gitlab);

    // The same design with lines inserted above every finding.
    let tmp = copy_dir(&formats_dir());
    for f in ["providers.yaml", "sites/branches.yaml", "circuits.yaml"] {
        let p = tmp.path().join(f);
        let text = std::fs::read_to_string(&p).unwrap();
        std::fs::write(&p, format!("# reviewed 2024-07\n\n{text}")).unwrap();
    }
    let o = run_in(
        tmp.path(),
        &["check", "--select", FORMAT_RULES, "--format", "gitlab"],
    );
    let shifted: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let shifted: Vec<&str> = shifted
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    assert_eq!(from_gitlab, shifted);
    let lines: Vec<u64> = gitlab
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["location"]["lines"]["begin"].as_u64().unwrap())
        .collect();
    assert_ne!(lines[0], 0);
}

/// A copy of a folder (files only, recursively) in a temporary folder.
fn copy_dir(from: &Path) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    fn walk(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for e in std::fs::read_dir(from).unwrap().flatten() {
            let p = e.path();
            let name = p.file_name().unwrap();
            if p.is_dir() {
                walk(&p, &to.join(name));
            } else if !name.to_string_lossy().starts_with("expected.") {
                std::fs::copy(&p, to.join(name)).unwrap();
            }
        }
    }
    walk(from, tmp.path());
    tmp
}

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

const DESIGN: &str = "\
providers:
  - name: contoso-mpls
    offers:
      ipvpn: [l3]
  - name: spare
    offers:
      ethernet: [l2]
sites:
  - name: branch-42
    kind: office
    expressroute:
      model: ipvpn
      layer: l2
      provider: contoso-mpls
      circuits: [er-ams-1]
circuits:
  - name: er-ams-1
    provider: contoso-mpls
    peering_location: Amsterdam
    bandwidth: 1Gbps
    sku: standard
    billing: metered
";

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
