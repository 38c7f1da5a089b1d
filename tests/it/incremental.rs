//! The language server's design, kept file by file (`DesignParts`): after
//! editing one file, it holds exactly what a fresh batch lint of the same
//! files finds.

use crate::gen;
use erlint::finding::Finding;
use erlint::{DesignParts, Input, Settings};
use std::collections::HashMap;
use std::path::Path;

/// What identifies a finding, positions included.
fn keys(findings: &[Finding]) -> Vec<String> {
    let mut out: Vec<String> = findings
        .iter()
        .map(|f| {
            let labels: Vec<String> = f
                .labels
                .iter()
                .map(|l| format!("{:?}:{}", l.span, l.message))
                .collect();
            format!(
                "{} {:?} {:?} {} | {}",
                f.rule,
                f.severity,
                f.primary,
                f.message,
                labels.join(" ")
            )
        })
        .collect();
    out.sort();
    out
}

fn batch(dir: &Path, settings: &Settings) -> Vec<String> {
    let report = erlint::lint(&Input::Paths(vec![dir.to_path_buf()]), settings).expect("lint");
    keys(&report.findings)
}

#[test]
fn an_edit_gives_what_a_fresh_lint_gives() {
    let tmp = tempfile::tempdir().unwrap();
    gen::generate(&gen::Spec {
        sites: 600,
        files: 12,
        problems: 10,
        seed: 7,
    })
    .write_to(tmp.path())
    .unwrap();
    let dir = std::fs::canonicalize(tmp.path()).unwrap();
    let settings = Settings::new(dir.clone());
    let mut parts = DesignParts::load(&dir, &settings, &HashMap::new()).unwrap();
    assert_eq!(
        keys(&parts.findings(&settings).unwrap()),
        batch(&dir, &settings)
    );

    // Edit a file in the middle of the design: a circuit renamed (its
    // sites' references now dangle elsewhere), entities added and removed
    // by the edit in that file only.
    let mut files: Vec<_> = (0..parts.sources.len())
        .filter_map(|i| parts.paths[i].clone())
        .collect();
    files.sort();
    let circuits = files
        .iter()
        .find(|p| std::fs::read_to_string(p).unwrap().contains("\ncircuits:"))
        .expect("a circuits file")
        .clone();
    let text = std::fs::read_to_string(&circuits).unwrap();
    let first = text.find("- name: ").unwrap() + "- name: ".len();
    let edited = format!("{}renamed-{}", &text[..first], &text[first..]);
    let id = parts.file_at(&circuits).unwrap();
    parts.replace_text(id, edited.clone(), &settings).unwrap();
    std::fs::write(&circuits, &edited).unwrap();
    let after = keys(&parts.findings(&settings).unwrap());
    assert_eq!(after, batch(&dir, &settings));
    assert!(after.iter().any(|k| k.starts_with("undefined-reference")));

    // A file emptied, then given back.
    parts
        .replace_text(id, "version: 1\n".into(), &settings)
        .unwrap();
    std::fs::write(&circuits, "version: 1\n").unwrap();
    assert_eq!(
        keys(&parts.findings(&settings).unwrap()),
        batch(&dir, &settings)
    );
    parts.replace_text(id, text.clone(), &settings).unwrap();
    std::fs::write(&circuits, &text).unwrap();
    assert_eq!(
        keys(&parts.findings(&settings).unwrap()),
        batch(&dir, &settings)
    );
}

#[test]
fn a_buffer_over_the_file_limit_is_not_parsed() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = std::fs::canonicalize(tmp.path()).unwrap();
    std::fs::write(dir.join("a.yaml"), "version: 1\n").unwrap();
    let settings = Settings::new(dir.clone());
    let mut parts = DesignParts::load(&dir, &settings, &HashMap::new()).unwrap();
    let id = parts.file_at(&dir.join("a.yaml")).unwrap();
    let huge = "#".repeat(erlint::read::MAX_BYTES as usize + 1);
    parts.replace_text(id, huge, &settings).unwrap();
    let findings = parts.findings(&settings).unwrap();
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].rule, "unreadable-file");
    assert!(
        findings[0].message.contains("longer than the 64 MiB"),
        "{}",
        findings[0].message
    );
}
