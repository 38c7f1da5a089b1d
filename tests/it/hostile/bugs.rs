//! Issue 9, point 5: no panic escapes and memory running out is not an
//! abort: each is `erlint: internal error while <stage> <file>: ...`, exit 2.
//! The panics are injected with `ERLINT_TEST_PANIC`, which only debug
//! builds (the tests' binary) honour.

use super::bin::*;

fn example() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

#[test]
fn a_panicking_rule_is_an_internal_error_naming_it() {
    let mut c = erlint(&example());
    c.args(["check", "contoso"])
        .env("ERLINT_TEST_PANIC", "ipvpn-layer2");
    let ran = within(DEADLINE, c);
    assert_eq!(ran.code, 2, "{ran:?}");
    assert!(ran.stdout.is_empty(), "{ran:?}");
    assert!(
        ran.stderr.starts_with(
            "erlint: internal error while running rule `ipvpn-layer2` on `contoso`: injected by ERLINT_TEST_PANIC; this is a bug"
        ),
        "{ran:?}"
    );
    // Said once, not also as Rust's panic message.
    assert_eq!(ran.stderr.lines().count(), 1, "{ran:?}");
}

#[test]
fn a_panic_anywhere_after_parsing_arguments_is_an_internal_error() {
    let mut c = erlint(&example());
    c.args(["check", "--format", "concise", "contoso"])
        .env("ERLINT_TEST_PANIC", "render");
    let ran = within(DEADLINE, c);
    assert_eq!(ran.code, 2, "{ran:?}");
    assert!(
        ran.stderr.starts_with(
            "erlint: internal error while rendering the concise report: injected by ERLINT_TEST_PANIC (at src/cli/mod.rs:"
        ),
        "{ran:?}"
    );
    assert_eq!(ran.stderr.lines().count(), 1, "{ran:?}");
}

#[test]
fn running_out_of_memory_is_exit_2_with_a_message() {
    // Before: the arena aborted the process (exit 134).
    let dir = tempfile::tempdir().expect("tempdir");
    let text = format!("sites: [{}]\n", "1,".repeat(12_000_000));
    std::fs::write(dir.path().join("big.yaml"), text).expect("write");
    let mut c = std::process::Command::new("sh");
    c.current_dir(dir.path())
        .arg("-c")
        .arg("ulimit -v 500000 && exec \"$0\" check --no-config --threads 1 big.yaml")
        .arg(env!("CARGO_BIN_EXE_erlint"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let ran = within(std::time::Duration::from_secs(300), c);
    assert_eq!(ran.code, 2, "{ran:?}");
    assert!(
        ran.stderr
            .starts_with("erlint: internal error while parsing `big.yaml`: out of memory"),
        "{ran:?}"
    );
}
