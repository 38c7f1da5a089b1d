//! Issue 10, point 2: nothing outside the design is read or shown.

use super::bin::*;
use std::os::unix::fs::symlink;

/// A file outside the design holding a secret line.
fn secret_elsewhere() -> (tempfile::TempDir, std::path::PathBuf) {
    let elsewhere = tempfile::tempdir().expect("tempdir");
    let secret = elsewhere.path().join("shadow");
    std::fs::write(&secret, "root:SECRET-HASH:19000:0:99999:7:::\n").expect("write");
    std::fs::write(elsewhere.path().join("x.yaml"), "SECRET-KEY: 1\n").expect("write");
    (elsewhere, secret)
}

#[test]
fn a_design_link_leading_outside_is_a_finding_that_shows_nothing_of_it() {
    let (elsewhere, secret) = secret_elsewhere();
    let dir = design_dir();
    let d = dir.path();
    symlink(&secret, d.join("passwd.yaml")).expect("symlink");
    symlink("/etc/passwd", d.join("etc.yaml")).expect("symlink");
    symlink(elsewhere.path(), d.join("linked")).expect("symlink");
    std::fs::write(d.join("erlint.toml"), "").expect("write");
    for format in ["human", "concise"] {
        let mut c = erlint(d);
        c.args(["check", "--color", "never", "--format", format]);
        let ran = within(DEADLINE, c);
        assert_eq!(ran.code, 1, "{ran:?}");
        // Before: the human report's snippet showed the target's lines.
        assert!(
            !ran.stdout.contains("SECRET") && !ran.stdout.contains("root:"),
            "{ran:?}"
        );
        for shown in ["passwd.yaml", "etc.yaml", "linked"] {
            assert!(ran.stdout.contains(shown), "{shown}: {ran:?}");
        }
        assert_eq!(
            ran.stdout.matches("points outside the design").count(),
            3,
            "{ran:?}"
        );
        assert!(
            !ran.stdout.contains(&elsewhere.path().display().to_string()),
            "{ran:?}"
        );
    }
}

#[test]
fn a_catalog_outside_the_design_is_not_read() {
    let (_elsewhere, secret) = secret_elsewhere();
    let dir = design_dir();
    let d = dir.path();
    // Before: the error quoted the file's first line.
    std::fs::write(
        d.join("erlint.toml"),
        format!("catalog = {:?}\n", secret.display().to_string()),
    )
    .expect("write");
    symlink(&secret, d.join("catalog.yaml")).expect("symlink");
    for toml in [
        format!("catalog = {:?}\n", secret.display().to_string()),
        "catalog = \"catalog.yaml\"\n".into(),
    ] {
        std::fs::write(d.join("erlint.toml"), toml).expect("write");
        let ran = within(DEADLINE, {
            let mut c = erlint(d);
            c.arg("check");
            c
        });
        assert_eq!(ran.code, 2, "{ran:?}");
        assert!(ran.stderr.contains("outside the design folder"), "{ran:?}");
        assert!(
            !ran.stderr.contains("SECRET") && !ran.stderr.contains("root:"),
            "{ran:?}"
        );
    }
    // An erlint.toml that is itself a link to elsewhere.
    std::fs::remove_file(d.join("erlint.toml")).expect("rm");
    symlink(&secret, d.join("erlint.toml")).expect("symlink");
    let ran = within(DEADLINE, {
        let mut c = erlint(d);
        c.arg("check");
        c
    });
    assert_eq!(ran.code, 2, "{ran:?}");
    assert!(ran.stderr.contains("points outside its folder"), "{ran:?}");
    assert!(!ran.stderr.contains("SECRET"), "{ran:?}");
}
