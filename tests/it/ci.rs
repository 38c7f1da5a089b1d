//! CI integration through the built binary: one snapshot per `--format`
//! (fixtures/formats), each output checked for what its client reads, and
//! fingerprints across formats. The options a CI job sets (erlint.toml,
//! suppressions, baseline, statistics) and the README's recipes are in
//! `ci_options.rs`.

use crate::cli::{erlint, run_in};
use crate::support::*;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

pub(crate) fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

pub(crate) fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub(crate) fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub(crate) fn run_stdin_in(dir: &Path, args: &[&str], input: &[u8]) -> Output {
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
pub(crate) const FORMAT_RULES: &str =
    "ipvpn-layer2,unused-provider,unused-circuit,unknown-field,unused-suppression";

const FORMATS: &[&str] = &[
    "human", "concise", "json", "sarif", "github", "gitlab", "junit", "azure",
];

pub(crate) fn formats_dir() -> PathBuf {
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
pub(crate) fn copy_dir(from: &Path) -> tempfile::TempDir {
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
