//! Issue 10, points 1, 7 and 9: every read is bounded and never blocks;
//! nothing is skipped silently.

use super::bin::*;
use std::os::unix::fs::symlink;

fn concise(dir: &std::path::Path, extra: &[&str]) -> Ran {
    let mut c = erlint(dir);
    c.args(["check", "--format", "concise"]).args(extra);
    within(DEADLINE, c)
}

#[test]
fn ignore_files_that_are_fifos_or_endless_are_findings_not_hangs() {
    let dir = design_dir();
    let d = dir.path();
    std::fs::create_dir_all(d.join("sub")).expect("mkdir");
    std::fs::write(d.join("sub/b.yaml"), DESIGN).expect("write");
    std::fs::create_dir_all(d.join(".git/info")).expect("mkdir");
    // Before: the walker read /dev/zero without end (3.3 GB in 6 s) and
    // blocked on the FIFOs.
    symlink("/dev/zero", d.join(".gitignore")).expect("symlink");
    if !mkfifo(&d.join("sub/.gitignore")) || !mkfifo(&d.join(".git/info/exclude")) {
        return;
    }
    std::fs::write(d.join("erlint.toml"), "").expect("write");
    let ran = concise(d, &[]);
    for file in [".gitignore", "sub/.gitignore", ".git/info/exclude"] {
        assert!(
            ran.stdout
                .lines()
                .any(|l| l.starts_with(&format!("{file}:1:1: error[unreadable-file]"))),
            "{file}: {ran:?}"
        );
    }
    assert!(ran.stdout.contains("symbolic link"), "{ran:?}");
    assert!(ran.stdout.contains("a FIFO"), "{ran:?}");
    assert_eq!(ran.code, 1, "{ran:?}");
}

#[test]
fn gitignore_still_ignores() {
    let dir = design_dir();
    let d = dir.path();
    std::fs::create_dir_all(d.join("drafts")).expect("mkdir");
    std::fs::create_dir_all(d.join("sub/old")).expect("mkdir");
    std::fs::write(d.join("drafts/x.yaml"), "bogus: 1\n").expect("write");
    std::fs::write(d.join("sub/old/y.yaml"), "bogus: 1\n").expect("write");
    std::fs::write(d.join("sub/keep.yaml"), "bogus: 1\n").expect("write");
    std::fs::write(d.join("sub/z.yaml"), "bogus: 1\n").expect("write");
    std::fs::write(d.join("top.yaml"), "bogus: 1\n").expect("write");
    std::fs::write(d.join(".gitignore"), "drafts/\nkeep.yaml\n").expect("write");
    // A deeper file wins over a shallower one; `exclude` loses to both.
    std::fs::write(d.join("sub/.gitignore"), "*.yaml\n!keep.yaml\nold/\n").expect("write");
    std::fs::create_dir_all(d.join(".git/info")).expect("mkdir");
    std::fs::write(d.join(".git/info/exclude"), "top.yaml\n!z.yaml\n").expect("write");
    std::fs::write(d.join("erlint.toml"), "").expect("write");
    let ran = concise(d, &[]);
    let files: Vec<&str> = ran
        .stdout
        .lines()
        .filter_map(|l| l.split(':').next())
        .filter(|f| f.ends_with(".yaml"))
        .collect();
    assert_eq!(files, ["design.yaml", "sub/keep.yaml"], "{ran:?}");
}

#[test]
fn a_design_file_that_never_ends_is_read_only_up_to_the_limit() {
    // /proc/self/pagemap says it is empty and never ends (before: 24 GB
    // resident when killed). Named on the command line, it is read.
    let dir = tempfile::tempdir().expect("tempdir");
    let ran = concise(dir.path(), &["--no-config", "/proc/self/pagemap"]);
    assert!(
        ran.stdout.contains("error[unreadable-file]")
            && ran.stdout.contains("longer than the 64 MiB"),
        "{ran:?}"
    );
    assert_eq!(ran.code, 1);
}

#[test]
fn configuration_inputs_that_block_or_never_end_are_exit_2() {
    let dir = design_dir();
    let d = dir.path();
    if !mkfifo(&d.join("fifo")) {
        return;
    }
    let cases: &[(&[&str], &str)] = &[
        (&["--config", "fifo"], "a FIFO"),
        (&["--config", "/dev/zero"], "a device"),
        (
            &["--config", "/proc/self/pagemap"],
            "longer than the 64 MiB",
        ),
        (&["--no-config", "--baseline", "fifo"], "a FIFO"),
        (&["--no-config", "--baseline", "/dev/zero"], "a device"),
        (
            &["--no-config", "--baseline", "/proc/self/pagemap"],
            "longer than the 64 MiB",
        ),
    ];
    for (args, words) in cases {
        let ran = concise(d, args);
        assert_eq!(ran.code, 2, "{args:?}: {ran:?}");
        assert!(ran.stderr.contains(words), "{args:?}: {ran:?}");
    }
    // The catalog named in erlint.toml, and erlint.toml itself.
    std::fs::write(d.join("erlint.toml"), "catalog = \"fifo\"\n").expect("write");
    let ran = concise(d, &[]);
    assert_eq!(ran.code, 2, "{ran:?}");
    assert!(
        ran.stderr.contains("catalog file `fifo`") && ran.stderr.contains("a FIFO"),
        "{ran:?}"
    );
    std::fs::remove_file(d.join("erlint.toml")).expect("rm");
    assert!(mkfifo(&d.join("erlint.toml")));
    let ran = concise(d, &[]);
    assert_eq!(ran.code, 2, "{ran:?}");
    assert!(
        ran.stderr.contains("erlint.toml") && ran.stderr.contains("a FIFO"),
        "{ran:?}"
    );
}

#[test]
fn endless_standard_input_is_read_only_up_to_the_limit() {
    // Before: `yes 'a: b' | erlint check -` grew without end.
    let dir = tempfile::tempdir().expect("tempdir");
    let mut cmd = erlint(dir.path());
    cmd.args(["check", "--no-config", "--format", "concise", "-"])
        .stdin(std::process::Stdio::piped());
    let mut child = cmd.spawn().expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        let line = b"a: b\n".repeat(4096);
        // Until erlint stops reading and closes the pipe.
        while stdin.write_all(&line).is_ok() {}
    });
    let ran = wait_within(DEADLINE, child);
    let _ = writer.join();
    assert_eq!(ran.code, 1, "{ran:?}");
    assert!(
        ran.stdout.contains(
            "<stdin>:1:1: error[unreadable-file] standard input is longer than the 64 MiB"
        ),
        "{ran:?}"
    );
}

#[test]
fn closed_standard_input_is_exit_2() {
    // Before: linted as an empty file, exit 0.
    let dir = tempfile::tempdir().expect("tempdir");
    let mut cmd = std::process::Command::new("sh");
    cmd.current_dir(dir.path())
        .arg("-c")
        .arg("exec \"$0\" check --no-config - <&-")
        .arg(env!("CARGO_BIN_EXE_erlint"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let ran = within(DEADLINE, cmd);
    assert_eq!(ran.code, 2, "{ran:?}");
    assert!(ran.stderr.contains("standard input is closed"), "{ran:?}");
}

#[test]
fn a_file_swapped_for_a_fifo_after_the_check_is_refused_once_open() {
    // Between `stat` and `open` a design file can become a FIFO: opening
    // it must not wait for a writer, and what was opened is checked again.
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("swapped.yaml");
    if !mkfifo(&fifo) {
        return;
    }
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let r = erlint::read::open_nonblocking(&fifo).and_then(erlint::read::read_opened);
        let _ = tx.send(r);
    });
    let got = rx.recv_timeout(DEADLINE).expect("opening a FIFO blocked");
    assert_eq!(got, Err(erlint::read::ReadError::NotRegular("a FIFO")));
}

#[test]
fn nothing_to_lint_is_not_a_pass() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    std::fs::create_dir_all(d.join("empty")).expect("mkdir");
    std::fs::write(d.join("empty/notes.txt"), "x").expect("write");
    // Before: exit 0, "0 files".
    let ran = concise(d, &["--no-config", "empty"]);
    assert_eq!(ran.code, 2, "{ran:?}");
    assert!(ran.stderr.contains("no design file"), "{ran:?}");
    // `--config DIR`: before, "does not exist".
    let ran = concise(d, &["--config", "empty", "empty"]);
    assert_eq!(ran.code, 2, "{ran:?}");
    assert!(
        ran.stderr.contains("a folder, not a regular file"),
        "{ran:?}"
    );
    // An erlint.toml that is a folder: before, ignored.
    std::fs::create_dir_all(d.join("erlint.toml")).expect("mkdir");
    std::fs::write(d.join("a.yaml"), DESIGN).expect("write");
    let ran = concise(d, &[]);
    assert_eq!(ran.code, 2, "{ran:?}");
    assert!(
        ran.stderr.contains("a folder, not a regular file"),
        "{ran:?}"
    );
}

#[test]
fn an_unreadable_folder_is_a_finding() {
    use std::os::unix::fs::PermissionsExt;
    let dir = design_dir();
    let d = dir.path();
    std::fs::create_dir_all(d.join("locked")).expect("mkdir");
    std::fs::write(d.join("locked/x.yaml"), DESIGN).expect("write");
    std::fs::set_permissions(d.join("locked"), std::fs::Permissions::from_mode(0o000))
        .expect("chmod");
    if std::fs::read_dir(d.join("locked")).is_ok() {
        // Running as root: permissions do not stop listing.
        eprintln!("running as root; skipped");
        std::fs::set_permissions(d.join("locked"), std::fs::Permissions::from_mode(0o755))
            .expect("chmod");
        return;
    }
    let ran = concise(d, &["--no-config", "locked"]);
    std::fs::set_permissions(d.join("locked"), std::fs::Permissions::from_mode(0o755))
        .expect("chmod");
    assert_eq!(ran.code, 1, "{ran:?}");
    assert!(
        ran.stdout.contains(
            "locked:1:1: error[unreadable-file] cannot read this folder: permission denied"
        ),
        "{ran:?}"
    );
}

#[test]
fn a_huge_thread_count_is_capped() {
    // Before: RAYON_NUM_THREADS=100000 ran the example for minutes.
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/contoso");
    let mut c = erlint(&example);
    c.args(["check", "--format", "concise"])
        .env("RAYON_NUM_THREADS", "100000");
    let capped = within(DEADLINE, c);
    let mut c = erlint(&example);
    c.args(["check", "--format", "concise", "--threads", "1"]);
    let one = within(DEADLINE, c);
    assert_eq!(capped.code, 1, "{capped:?}");
    assert_eq!(capped.stdout, one.stdout);
    let mut c = erlint(&example);
    c.args(["check", "--threads", "0"]);
    assert_eq!(within(DEADLINE, c).code, 2);
}
