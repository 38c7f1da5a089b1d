//! Tidy checks for the architecture invariants of ARCHITECTURE.md.

use crate::support::*;
use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
        let p = entry.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The code before its `#[cfg(test)]` module.
fn non_test_code(text: &str) -> &str {
    text.split("#[cfg(test)]").next().unwrap_or(text)
}

#[test]
fn rules_are_pure_functions_of_the_model() {
    let mut files = Vec::new();
    rust_files(&root().join("src/rules"), &mut files);
    for f in files {
        let text = std::fs::read_to_string(&f).expect("read");
        for banned in [
            "crate::syntax",
            "crate::render",
            "std::fs",
            "miette",
            "std::io",
            "println!",
        ] {
            assert!(
                !text.contains(banned),
                "{} uses `{banned}`: rules read only the model",
                f.display()
            );
        }
    }
}

#[test]
fn no_unwrap_on_input_in_the_front_end() {
    let mut files = Vec::new();
    for dir in [
        "src/syntax",
        "src/model",
        "src/rules",
        "src/discover.rs",
        "src/lib.rs",
        "src/config.rs",
    ] {
        let p = root().join(dir);
        if p.is_dir() {
            rust_files(&p, &mut files);
        } else {
            files.push(p);
        }
    }
    for f in files {
        let text = std::fs::read_to_string(&f).expect("read");
        let code = non_test_code(&text);
        assert!(
            !code.contains(".unwrap()"),
            "{} calls unwrap() outside tests",
            f.display()
        );
        assert!(
            !code.contains(".expect("),
            "{} calls expect() outside tests",
            f.display()
        );
    }
}
