//! Issue 10, points 5 and 8: positions cost O(log n) whatever the line
//! length, and CR, LF and CRLF all end a line.

use super::bin::*;

#[test]
fn a_one_line_design_with_many_findings_is_linted_in_linear_time() {
    // Before: a 3.4 MB line with 40,000 findings took 30 s in a release
    // build (each column counted from the line's start); a 50 MB line
    // never finished.
    let dir = tempfile::tempdir().expect("tempdir");
    let items: Vec<String> = (0..40_000)
        .map(|i| format!("{{name: café-{i}, bogus: 1}}"))
        .collect();
    let text = format!("{{providers: [{}]}}\n", items.join(", "));
    assert!(text.len() > 1_000_000);
    std::fs::write(dir.path().join("one-line.yaml"), &text).expect("write");
    let mut c = erlint(dir.path());
    c.args([
        "check",
        "--no-config",
        "--format",
        "concise",
        "--select",
        "unknown-field",
    ]);
    let ran = within(DEADLINE, c);
    assert_eq!(ran.code, 1, "{}", ran.stderr);
    let lines: Vec<&str> = ran.stdout.lines().collect();
    assert_eq!(lines.len(), 40_000, "{}", ran.stderr);
    // The last item's key, in characters (each `é` is one).
    let last = text.rfind("bogus").expect("bogus");
    let column = text[..last].chars().count() + 1;
    assert!(
        lines[39_999].starts_with(&format!("one-line.yaml:1:{column}: error[unknown-field]")),
        "{}",
        lines[39_999]
    );
}

#[test]
fn lone_cr_line_ends_are_line_ends() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut text = String::from("version: 1\r");
    for i in 0..39 {
        text.push_str(&format!("# comment {i}\r"));
    }
    // Line 41; and a suppression comment on line 42 silences line 43.
    text.push_str("bogus: 1\r# erlint: allow(unknown-field)\rother: 2\r");
    std::fs::write(dir.path().join("cr.yaml"), &text).expect("write");
    let mut c = erlint(dir.path());
    c.args(["check", "--no-config", "--format", "concise"]);
    let ran = within(DEADLINE, c);
    // Before: placed at 1:830.
    assert_eq!(
        ran.stdout, "cr.yaml:41:1: error[unknown-field] unknown key `bogus` in a design file\n",
        "{ran:?}"
    );
    let mut c = erlint(dir.path());
    c.args(["check", "--no-config", "--color", "never"]);
    let ran = within(DEADLINE, c);
    // The snippet shows line 41 as line 41.
    assert!(ran.stdout.contains("41 │ bogus: 1"), "{}", ran.stdout);
}

/// Issue 9, point 6: a file changed while erlint runs (a checkout in
/// another terminal, an editor's save) keeps the positions, the snippet and
/// the fingerprints of the text that was linted. Before: the file's text
/// was read again for the report, found changed, and dropped: every finding
/// moved to 1:1 with no snippet, and its fingerprint changed.
#[test]
fn a_file_changed_during_the_run_keeps_its_positions_and_fingerprints() {
    let dir = tempfile::tempdir().expect("tempdir");
    let design = "version: 1\nproviders:\n  - name: Colt\n    offers: { ethernet: [l2] }\n    peering_locations: [Amsterdam]\n    bogus: 1\n";
    let file = dir.path().join("providers.yaml");
    let run = |rewrite: bool, format: &str| {
        std::fs::write(&file, design).expect("write");
        let mut c = erlint(dir.path());
        c.args([
            "check",
            "--no-config",
            "--format",
            format,
            "--color",
            "never",
        ]);
        if rewrite {
            c.env("ERLINT_TEST_REWRITE", &file);
        }
        let ran = within(DEADLINE, c);
        assert!(ran.stderr.is_empty(), "{}", ran.stderr);
        ran.stdout
    };
    for format in ["concise", "json", "human"] {
        let steady = run(false, format);
        assert!(steady.contains("bogus"), "{steady}");
        let changed = run(true, format);
        assert_eq!(changed, steady, "{format}: the report moved with the file");
        // The hook did change the file.
        let now = std::fs::read_to_string(&file).expect("read");
        assert!(now.starts_with("# changed"), "{now}");
    }
}
