//! Issue 10, point 4: nothing from a design reaches the terminal as a
//! control sequence in `human` and `concise`, even with `--color never`.

use super::bin::*;

/// A character a terminal acts on (or reorders text by), except the line
/// feed that ends lines.
fn dangerous(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[test]
fn control_and_bidi_characters_are_shown_escaped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    // In values (YAML escapes), as raw bytes in the text, and in names.
    std::fs::write(
        d.join("values.yaml"),
        "sites:\n  - name: \"x\\e]0;owned\\a\\e[2J\\b\\0\\u202Eevil\"\n    kind: office\n    expressroute: { model: ipvpn, layer: l3, provider: \"p\\e[31mred\", circuits: [] }\n",
    )
    .expect("write");
    std::fs::write(
        d.join("raw.yaml"),
        b"bogus: 1 # \x1b[31m \x07 \x08 \xe2\x80\xae\nsites: [\x1b]\n",
    )
    .expect("write");
    let odd = "name\u{1b}[1mbold\nsecond.yaml";
    std::fs::write(d.join(odd), "bogus: 2\n").expect("write");
    for format in ["human", "concise"] {
        let mut c = erlint(d);
        c.args([
            "check",
            "--no-config",
            "--color",
            "never",
            "--format",
            format,
        ]);
        let ran = within(DEADLINE, c);
        assert_eq!(ran.code, 1, "{ran:?}");
        // Before: ESC, BEL, BS, NUL and U+202E came through unchanged.
        let bad: Vec<char> = ran.stdout.chars().filter(|&c| dangerous(c)).collect();
        assert!(bad.is_empty(), "{format}: {bad:?} in\n{}", ran.stdout);
        for shown in [
            "\\u{1b}",
            "\\u{7}",
            "\\u{202e}",
            "name\\u{1b}[1mbold\\u{a}second.yaml",
        ] {
            assert!(
                ran.stdout.contains(shown),
                "{format}: {shown} in\n{}",
                ran.stdout
            );
        }
        if format == "concise" {
            // A line feed in a file name does not split a line.
            assert!(
                ran.stdout
                    .lines()
                    .all(|l| l.contains("error[") || l.contains("warning[") || l.contains("info[")),
                "{}",
                ran.stdout
            );
        }
    }
}

#[test]
fn the_width_is_the_terminals_when_columns_is_not_set() {
    // Before: 100 columns whatever the terminal (only $COLUMNS counted).
    if !std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        eprintln!("`script` (util-linux) is not available; skipped");
        return;
    }
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut c = std::process::Command::new("script");
    c.current_dir(&example)
        .env_remove("COLUMNS")
        .args([
            "-qec",
            &format!(
                "stty rows 24 cols 60; {} check --color never contoso",
                env!("CARGO_BIN_EXE_erlint")
            ),
            "/dev/null",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let ran = within(DEADLINE, c);
    let message: Vec<&str> = ran
        .stdout
        .lines()
        .filter(|l| l.trim_start().starts_with('⚠') || l.trim_start().starts_with('×'))
        .collect();
    assert!(!message.is_empty(), "{ran:?}");
    for line in message {
        assert!(
            line.trim_end().chars().count() <= 60,
            "wider than the terminal: {line}"
        );
    }
}
