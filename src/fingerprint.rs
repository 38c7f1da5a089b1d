//! Stable finding fingerprints: the identity of a finding across runs.
//!
//! Used by the baseline (`--baseline`), SARIF `partialFingerprints` and the
//! GitLab Code Quality `fingerprint`, so all three agree. A fingerprint is
//! built from what the finding is about, never from where it is:
//!
//! - the rule name,
//! - the file's path relative to the design root (the folder of
//!   `erlint.toml`, else the repository's root), so a baseline made in one
//!   folder matches from another and the findings of a design read from git
//!   (`--diff-base`) match the files on disk,
//! - the message (which names the entities concerned: site `ams-dc1`,
//!   circuit `er-ams-1`),
//! - the text of the primary span (the value or key concerned), with runs of
//!   whitespace collapsed so re-indenting does not matter,
//! - an occurrence counter for findings identical in all of the above, in
//!   report order.
//!
//! Lines and columns are left out, so inserting or removing lines elsewhere
//! in the file keeps every fingerprint. The hash is FNV-1a 128, written out as
//! 32 hex digits: stable across platforms and Rust versions.

use crate::finding::Finding;
use crate::source::SourceDb;
use std::collections::HashMap;

const FNV_OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
const FNV_PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;

fn fnv1a(parts: &[&[u8]]) -> u128 {
    let mut h = FNV_OFFSET;
    for part in parts {
        for &b in *part {
            h ^= u128::from(b);
            h = h.wrapping_mul(FNV_PRIME);
        }
        // A separator no UTF-8 text contains, so ("ab","c") != ("a","bc").
        h ^= 0xff;
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The fingerprints of `findings`, which must be in report order (the
/// occurrence counter follows it).
pub fn fingerprints(findings: &[Finding], sources: &SourceDb) -> Vec<String> {
    let mut seen: HashMap<u128, u32> = HashMap::new();
    findings
        .iter()
        .map(|f| {
            let path = sources.root_path(f.primary.file);
            let text = collapse_whitespace(sources.slice(f.primary));
            let base = fnv1a(&[
                f.rule.as_bytes(),
                path.as_bytes(),
                f.message.as_bytes(),
                text.as_bytes(),
            ]);
            let n = seen.entry(base).or_insert(0);
            let occurrence = *n;
            *n += 1;
            let h = fnv1a(&[&base.to_le_bytes(), &occurrence.to_le_bytes()]);
            format!("{h:032x}")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{FileId, SourceFile, Span};
    use std::sync::Arc;

    fn db(text: &str) -> SourceDb {
        let mut db = SourceDb::new();
        db.add(SourceFile::new("a.yaml".into(), Arc::from(text)));
        db
    }

    fn finding(text: &str, needle: &str, message: &str) -> Finding {
        let start = text.find(needle).unwrap();
        let mut f = Finding::at(Span::new(FileId(0), start, start + needle.len()), message);
        f.rule = "ipvpn-layer2";
        f
    }

    #[test]
    fn stable_when_lines_shift() {
        let a = "sites:\n  - layer: l2\n";
        let b = "# a comment\n\nsites:\n  - layer:   l2\n";
        let fa = fingerprints(&[finding(a, "l2", "m")], &db(a));
        let fb = fingerprints(&[finding(b, "l2", "m")], &db(b));
        assert_eq!(fa, fb);
        assert_eq!(fa[0].len(), 32);
    }

    #[test]
    fn identical_findings_are_numbered() {
        let t = "a: l2\nb: l2\n";
        let f1 = finding(t, "l2", "m");
        let mut f2 = f1.clone();
        f2.primary.start += 6;
        f2.primary.end += 6;
        let fps = fingerprints(&[f1.clone(), f2], &db(t));
        assert_ne!(fps[0], fps[1]);
        let other = fingerprints(&[finding(t, "l2", "other")], &db(t));
        assert_ne!(fps[0], other[0]);
    }
}
