//! Issue 10, point 3: `--output` never destroys an input, and a report is
//! written whole or not at all.

use super::bin::*;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

fn check(dir: &Path, args: &[&str]) -> Ran {
    let mut c = erlint(dir);
    c.arg("check").args(args);
    within(DEADLINE, c)
}

#[test]
fn the_report_is_never_written_onto_a_file_the_run_reads() {
    let dir = design_dir();
    let d = dir.path();
    std::fs::create_dir_all(d.join("sites")).expect("mkdir");
    std::fs::write(d.join("sites/europe.yaml"), "sites: []\n").expect("write");
    std::fs::write(d.join("catalog.yaml"), "version: 1\n").expect("write");
    std::fs::write(d.join("erlint.toml"), "catalog = \"catalog.yaml\"\n").expect("write");
    std::fs::write(d.join(".gitignore"), "drafts/\n").expect("write");
    std::os::unix::fs::symlink("sites/europe.yaml", d.join("link-to-europe.json"))
        .expect("symlink");
    std::fs::hard_link(d.join("design.yaml"), d.join("hard-link.json")).expect("link");
    let baseline = check(d, &["--format", "json", "--output", "b.json"]);
    assert_eq!(baseline.code, 0, "{baseline:?}");
    let before: Vec<(String, Vec<u8>)> = [
        "sites/europe.yaml",
        "erlint.toml",
        "catalog.yaml",
        "b.json",
        "design.yaml",
        ".gitignore",
    ]
    .iter()
    .map(|f| (f.to_string(), std::fs::read(d.join(f)).expect("read")))
    .collect();
    // Before: each of these replaced the input with the report.
    for output in [
        "sites/europe.yaml",
        "erlint.toml",
        "catalog.yaml",
        "b.json",
        "link-to-europe.json",
        "hard-link.json",
        ".gitignore",
    ] {
        let ran = check(d, &["--baseline", "b.json", "--output", output]);
        assert_eq!(ran.code, 2, "{output}: {ran:?}");
        assert!(
            ran.stderr.contains("is a file this run reads"),
            "{output}: {ran:?}"
        );
    }
    for (f, bytes) in before {
        assert_eq!(
            std::fs::read(d.join(&f)).expect("read"),
            bytes,
            "{f} changed"
        );
    }
}

#[test]
fn the_report_replaces_the_old_one_whole_through_a_new_file() {
    let dir = design_dir();
    let d = dir.path();
    std::fs::write(
        d.join("report.json"),
        "an old report, longer than the new one ".repeat(200),
    )
    .expect("write");
    let inode = std::fs::metadata(d.join("report.json"))
        .expect("stat")
        .ino();
    let ran = check(
        d,
        &["--no-config", "--format", "json", "--output", "report.json"],
    );
    assert_eq!(ran.code, 0, "{ran:?}");
    let text = std::fs::read_to_string(d.join("report.json")).expect("read");
    assert!(
        text.starts_with('{') && text.trim_end().ends_with('}'),
        "{text}"
    );
    // Renamed into place, not truncated and rewritten: a run stopped
    // midway leaves the old report, never half of the new one.
    assert_ne!(
        std::fs::metadata(d.join("report.json"))
            .expect("stat")
            .ino(),
        inode
    );
    let leftovers: Vec<_> = std::fs::read_dir(d)
        .expect("ls")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // A report that cannot be written leaves nothing behind.
    let ran = check(d, &["--no-config", "--output", "missing/report.txt"]);
    assert_eq!(ran.code, 2, "{ran:?}");
    assert!(!d.join("missing").exists());
}
