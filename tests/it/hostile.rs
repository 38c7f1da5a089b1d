//! Hostile inputs: each gives a finding (or a clean skip) with a position,
//! and the rest of the design is still linted. Big inputs are generated in
//! a temporary folder at run time, never committed.

#[cfg(unix)]
mod bin;
#[cfg(unix)]
mod bugs;
#[cfg(unix)]
mod output;
#[cfg(unix)]
mod outside;
#[cfg(unix)]
mod positions;
#[cfg(unix)]
mod reads;
#[cfg(unix)]
mod terminal;

use crate::gen;
use crate::support::settings_for;
use erlint::finding::Finding;
use erlint::report::Report;
use erlint::Input;
use std::path::{Path, PathBuf};

/// Rules whose findings in the rest of the design may change when another
/// file cannot be read: a name might be defined or used in that file.
const MAY_DEPEND_ON_OTHER_FILES: &[&str] = &[
    "undefined-reference",
    "unused-provider",
    "unused-circuit",
    "unused-port",
];

/// A design folder: a small generated design under `rest/`, plus whatever
/// hostile file a test adds.
struct Case {
    dir: tempfile::TempDir,
}

impl Case {
    fn new() -> Case {
        let dir = tempfile::tempdir().expect("tempdir");
        let design = gen::generate(&gen::Spec {
            sites: 60,
            files: 7,
            problems: 10,
            seed: 7,
        });
        design
            .write_to(&dir.path().join("rest"))
            .expect("write design");
        Case { dir }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(rel);
        std::fs::write(&p, bytes).expect("write hostile file");
        p
    }

    fn lint(&self) -> Report {
        let settings = settings_for(self.dir.path(), None);
        erlint::lint(
            &Input::Paths(vec![self.dir.path().to_path_buf()]),
            &settings,
        )
        .expect("lint runs")
    }

    /// Lints, checks that `rest/` got the same findings as on its own, and
    /// returns the findings in `file`, as `(rule, line, column, message)`.
    fn check(&self, file: &str) -> Vec<(&'static str, usize, usize, String)> {
        let with = self.lint();
        let alone = {
            let settings = settings_for(self.dir.path(), None);
            erlint::lint(&Input::Paths(vec![self.path("rest")]), &settings).expect("lint runs")
        };
        let rest = |r: &Report| -> Vec<String> {
            r.findings
                .iter()
                .filter(|f| r.sources.path(f.primary.file).starts_with("rest/"))
                .filter(|f| !MAY_DEPEND_ON_OTHER_FILES.contains(&f.rule))
                .map(|f| describe(r, f))
                .collect()
        };
        let expected = rest(&alone);
        assert!(
            !expected.is_empty(),
            "the generated design has planted findings"
        );
        assert_eq!(
            rest(&with),
            expected,
            "the rest of the design is linted as without `{file}`"
        );
        with.findings
            .iter()
            .filter(|f| with.sources.path(f.primary.file) == file)
            .map(|f| {
                let (at, _) = with.sources.line_col(f.primary);
                (f.rule, at.line, at.column, f.message.clone())
            })
            .collect()
    }
}

fn describe(r: &Report, f: &Finding) -> String {
    let (at, _) = r.sources.line_col(f.primary);
    format!(
        "{}:{}:{} {} {}",
        r.sources.path(f.primary.file),
        at.line,
        at.column,
        f.rule,
        f.message
    )
}

/// Exactly one finding, of `rule`, at `line:column`, whose message has
/// `words`.
fn one(
    found: &[(&'static str, usize, usize, String)],
    rule: &str,
    at: (usize, usize),
    words: &str,
) {
    assert_eq!(found.len(), 1, "one finding expected: {found:?}");
    let (r, line, column, message) = &found[0];
    assert_eq!((*r, *line, *column), (rule, at.0, at.1), "{message}");
    assert!(message.contains(words), "`{words}` in: {message}");
}

#[test]
fn file_of_100_mib_is_skipped_by_size_without_being_read() {
    let case = Case::new();
    // Sparse: 100 MiB long, nothing written, so nothing to read either.
    let f = std::fs::File::create(case.path("huge.yaml")).expect("create");
    f.set_len(100 * 1024 * 1024).expect("set_len");
    drop(f);
    let found = case.check("huge.yaml");
    one(&found, "unreadable-file", (1, 1), "larger than");
}

#[test]
fn million_line_file_is_linted_with_positions() {
    let case = Case::new();
    let mut text = "# a comment line\n".repeat(1_000_000);
    text.push_str("bogus: 1\n");
    case.write("long.yaml", text);
    let found = case.check("long.yaml");
    one(&found, "unknown-field", (1_000_001, 1), "bogus");
}

#[test]
fn nesting_200000_deep_is_an_error_not_a_stack_overflow() {
    let case = Case::new();
    case.write("deep.yaml", format!("sites: {}", "[".repeat(200_000)));
    case.write(
        "deep-map.yaml",
        format!("sites: {}", "{a: ".repeat(200_000)),
    );
    for file in ["deep.yaml", "deep-map.yaml"] {
        let found = case.check(file);
        assert_eq!(found.len(), 1, "{found:?}");
        let (rule, line, _, message) = &found[0];
        assert_eq!((*rule, *line), ("invalid-yaml", 1), "{message}");
        // Ours past `limits::MAX_DEPTH`, or the YAML scanner's own limit.
        assert!(
            message.contains("nesting deeper") || message.contains("recursion limit"),
            "{message}"
        );
    }
}

#[test]
fn alias_bomb_is_stopped() {
    let case = Case::new();
    // "Billion laughs": nine levels of nine aliases each.
    let mut text = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    let mut prev = 'a';
    for c in 'b'..='j' {
        let refs = vec![format!("*{prev}"); 9].join(", ");
        text.push_str(&format!("{c}: &{c} [{refs}]\n"));
        prev = c;
    }
    case.write("bomb.yaml", text);
    let found = case.check("bomb.yaml");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "invalid-yaml");
    assert!(found[0].3.contains("alias"), "{found:?}");
}

#[cfg(unix)]
#[test]
fn symbolic_link_loops_are_reported_not_followed() {
    let case = Case::new();
    std::os::unix::fs::symlink("b.yaml", case.path("a.yaml")).expect("symlink");
    std::os::unix::fs::symlink("a.yaml", case.path("b.yaml")).expect("symlink");
    // A folder loop: walked once, never forever.
    std::fs::create_dir(case.path("sub")).expect("mkdir");
    std::os::unix::fs::symlink("..", case.path("sub/up")).expect("symlink");
    for f in ["a.yaml", "b.yaml"] {
        let found = case.check(f);
        one(&found, "unreadable-file", (1, 1), "symbolic link loop");
    }
}

#[cfg(unix)]
#[test]
fn unreadable_files_are_reported() {
    use std::os::unix::fs::PermissionsExt;
    let case = Case::new();
    let p = case.write("secret.yaml", "bogus: 1\n");
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let found = case.check("secret.yaml");
    if std::fs::read(&p).is_ok() {
        // Running as root: permissions do not stop reading, so the file is
        // simply linted.
        one(&found, "unknown-field", (1, 1), "bogus");
    } else {
        one(&found, "unreadable-file", (1, 1), "permission denied");
    }
    std::os::unix::fs::symlink("nowhere.yaml", case.path("dangling.yaml")).expect("symlink");
    let found = case.check("dangling.yaml");
    one(&found, "unreadable-file", (1, 1), "does not exist");
}

#[cfg(unix)]
#[test]
fn fifo_is_skipped_without_blocking() {
    let case = Case::new();
    let status = std::process::Command::new("mkfifo")
        .arg(case.path("pipe.yaml"))
        .status();
    if !status.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo is not available; skipped");
        return;
    }
    // A writer waiting on the FIFO: erlint must not open it (which would let
    // the writer through and then break its pipe).
    let fifo = case.path("pipe.yaml");
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            use std::io::Write;
            let mut f = std::fs::OpenOptions::new().write(true).open(&fifo)?;
            f.write_all(b"sites: []\n")
        })
    };
    std::thread::sleep(std::time::Duration::from_millis(100));
    let found = case.check("pipe.yaml");
    one(&found, "unreadable-file", (1, 1), "not a regular file");
    assert!(!writer.is_finished(), "erlint opened the FIFO");
    // Let the writer finish: read what it writes.
    let mut text = String::new();
    std::io::Read::read_to_string(
        &mut std::fs::File::open(&fifo).expect("open fifo"),
        &mut text,
    )
    .expect("read fifo");
    assert!(writer.join().is_ok_and(|r| r.is_ok()));
}

#[test]
fn binary_file_is_reported() {
    let case = Case::new();
    let bytes: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 256) as u8).collect();
    case.write("blob.yaml", bytes);
    let found = case.check("blob.yaml");
    one(&found, "unreadable-file", (1, 1), "binary");
}

#[test]
fn non_utf8_text_is_reported_with_its_line() {
    let case = Case::new();
    case.write("latin1.yaml", b"sites:\n  - name: caf\xe9\n");
    let found = case.check("latin1.yaml");
    one(&found, "unreadable-file", (1, 1), "line 2");
}

#[test]
fn crlf_line_endings_are_read_with_right_positions() {
    let case = Case::new();
    case.write(
        "crlf.yaml",
        "version: 1\r\nproviders:\r\n  - name: Contoso\r\n    offerz: {}\r\n",
    );
    let found = case.check("crlf.yaml");
    let unknown: Vec<_> = found
        .iter()
        .filter(|f| f.0 == "unknown-field")
        .cloned()
        .collect();
    one(&unknown, "unknown-field", (4, 5), "offerz");
    assert!(
        found.iter().all(|f| f.0 != "invalid-yaml"),
        "CRLF is valid YAML: {found:?}"
    );
}

#[test]
fn utf8_byte_order_mark_is_ignored() {
    let case = Case::new();
    case.write("bom.yaml", "\u{feff}bogus: 1\nversion: 1\n");
    let found = case.check("bom.yaml");
    one(&found, "unknown-field", (1, 1), "bogus");
}

/// A design given as a path that is itself hostile is still reported with
/// a position.
#[test]
fn hostile_file_named_on_the_command_line() {
    let case = Case::new();
    let p = case.write("blob.yaml", [0u8, 1, 2, 3]);
    let settings = settings_for(case.dir.path(), None);
    let report = erlint::lint(&Input::Paths(vec![p.clone(), case.path("rest")]), &settings)
        .expect("lint runs");
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.rule == "unreadable-file"
                && report.sources.path(f.primary.file) == "blob.yaml")
    );
    let _: &Path = &p;
}
