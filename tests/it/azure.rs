//! Azure Pipelines: `--format azure` read back the way the agent reads a
//! log line (an independent port of `Command.TryParse` and
//! `CommandStringConvertor.Unescape` of azure-pipelines-agent), and the
//! annotations each CI's environment variable adds to the human report.

use crate::cli::erlint;
use std::collections::HashMap;
use std::path::Path;
use std::process::Output;

/// A logging command as the agent sees it.
#[derive(Debug)]
struct AgentCommand {
    area: String,
    event: String,
    /// Property names are case-insensitive for the agent: kept lowercased.
    properties: HashMap<String, String>,
    data: String,
}

/// The agent's decoding: `%3B`, `%0D`, `%0A`, `%5D` in that order, then
/// `%AZP25` (the default since 2021).
fn agent_unescape(s: &str) -> String {
    let mut out = s.to_string();
    for (token, replacement) in [(";", "%3B"), ("\r", "%0D"), ("\n", "%0A"), ("]", "%5D")] {
        out = out.replace(replacement, token);
    }
    out.replace("%AZP25", "%")
}

/// `##vso[` anywhere in the line, the first `]` after it, `area.event`
/// up to the first space, `;`-separated `key=value` pairs (split at the
/// first `=`, pairs without one skipped), the rest of the line as data.
fn agent_parse(line: &str) -> Option<AgentCommand> {
    const PREFIX: &str = "##vso[";
    let start = line.find(PREFIX)?;
    let rb = start + line[start..].find(']')?;
    let info = &line[start + PREFIX.len()..rb];
    let (command, props) = match info.find(' ') {
        Some(i) => (&info[..i], &info[i + 1..]),
        None => (info, ""),
    };
    let parts: Vec<&str> = command.split('.').filter(|p| !p.is_empty()).collect();
    let [area, event] = parts.as_slice() else {
        return None;
    };
    let mut properties = HashMap::new();
    for pair in props.split(';').filter(|p| !p.is_empty()) {
        if let Some((k, v)) = pair.split_once('=') {
            properties.insert(k.to_ascii_lowercase(), agent_unescape(v));
        }
    }
    Some(AgentCommand {
        area: area.to_string(),
        event: event.to_string(),
        properties,
        data: agent_unescape(&line[rb + 1..]),
    })
}

/// A design whose file name and message hold every character the agent
/// decodes, a literal escape sequence, and a command of its own.
fn hostile_design() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        tmp.path().join("a;b]c%25.yaml"),
        "sites:\n  - name: s1\n    # ##vso[task.setvariable variable=owned]yes\n    \"k;v]w %3B %AZP25 50% ##vso[task.complete result=Failed]x\\r\\ny\": 1\n",
    )
    .expect("write");
    tmp
}

fn run(dir: &Path, env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut c = erlint();
    c.current_dir(dir).args(args);
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("run erlint")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

const ARGS: &[&str] = &["check", "--no-config", "--select", "unknown-field"];

fn with(extra: &[&'static str]) -> Vec<&'static str> {
    ARGS.iter().chain(extra).copied().collect()
}

#[test]
fn the_agent_reads_back_every_property_and_the_message() {
    let tmp = hostile_design();
    let json = run(tmp.path(), &[], &with(&["--format", "json"]));
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let expected = &json["findings"][0];

    let o = run(tmp.path(), &[], &with(&["--format", "azure"]));
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines.len(),
        2,
        "one command per finding, then the summary: {out}"
    );
    let cmd = agent_parse(lines[0]).expect("a logging command");
    assert_eq!(
        (cmd.area.as_str(), cmd.event.as_str()),
        ("task", "logissue")
    );
    let p = &cmd.properties;
    assert_eq!(p["type"], "error");
    assert_eq!(p["sourcepath"], expected["file"].as_str().unwrap());
    assert_eq!(p["sourcepath"], "a;b]c%25.yaml");
    assert_eq!(p["linenumber"], expected["line"].to_string());
    assert_eq!(p["columnnumber"], expected["column"].to_string());
    assert_eq!(p["code"], "unknown-field");
    assert_eq!(cmd.data, expected["message"].as_str().unwrap());
    assert_eq!(p.len(), 5, "{p:?}");
    // The summary is a formatting command, not a logging command.
    assert_eq!(lines[1], "##[error]erlint: 1 error, 0 warnings in 1 file");
    assert!(agent_parse(lines[1]).is_none());
}

#[test]
fn tf_build_adds_the_annotations_to_a_defused_human_report() {
    let tmp = hostile_design();
    let o = run(
        tmp.path(),
        &[("TF_BUILD", "True")],
        &with(&["--color", "never"]),
    );
    let out = stdout(&o);
    assert!(
        out.contains("error[unknown-field]"),
        "the human report: {out}"
    );
    // Every line the agent would act on is erlint's one annotation: the
    // design's own `##vso[` text (quoted in the report) is not a command.
    let commands: Vec<AgentCommand> = out.lines().filter_map(agent_parse).collect();
    assert_eq!(commands.len(), 1, "{out}");
    assert_eq!(commands[0].event, "logissue");
    assert!(out.contains("**vso[task.setvariable"), "{out}");
    assert!(out.ends_with("##[error]erlint: 1 error, 0 warnings in 1 file\n"));

    // An explicit --format is printed alone (and defused).
    let o = run(
        tmp.path(),
        &[("TF_BUILD", "True")],
        &with(&["--format", "concise"]),
    );
    let out = stdout(&o);
    assert_eq!(out.matches("error[unknown-field]").count(), 1, "{out}");
    assert!(!out.contains("##vso"), "{out}");
    assert!(out.lines().all(|l| agent_parse(l).is_none()), "{out}");
}

#[test]
fn github_and_gitlab_environments_add_their_annotations() {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        tmp.path().join("a,b%.yaml"),
        "sites:\n  - name: s1\n    notes: 1\n",
    )
    .expect("write");
    let human = stdout(&run(tmp.path(), &[], &with(&["--color", "never"])));
    let github = stdout(&run(
        tmp.path(),
        &[("GITHUB_ACTIONS", "true")],
        &with(&["--color", "never"]),
    ));
    let rest = github.strip_prefix(&human).expect("the human report first");
    assert!(
        rest.starts_with("::error file=a%2Cb%25.yaml,line=3,col=5,"),
        "{rest}"
    );
    assert_eq!(rest.lines().count(), 1);

    let gitlab = stdout(&run(
        tmp.path(),
        &[("GITLAB_CI", "true")],
        &with(&["--color", "never"]),
    ));
    let rest = gitlab.strip_prefix(&human).expect("the human report first");
    let lines: Vec<&str> = rest.lines().collect();
    assert_eq!(lines[0], "erlint findings, one line each:");
    assert!(
        lines[1].starts_with("a,b%.yaml:3:5: error[unknown-field] "),
        "{rest}"
    );
    assert!(lines[2].contains("--format gitlab"), "{rest}");

    // `false` is not a CI.
    let off = stdout(&run(
        tmp.path(),
        &[("GITLAB_CI", "false")],
        &with(&["--color", "never"]),
    ));
    assert_eq!(off, human);
}
