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

/// Rules read the semantic view (`crate::sema`) and the catalog: never the
/// index behind it, the design's containers, positions, or another rule.
/// What several rules share lives in `rules/owners.rs` (who reports what)
/// or in their group's `mod.rs` (wording helpers).
#[test]
fn rules_see_only_the_semantic_view() {
    let mut files = Vec::new();
    rust_files(&root().join("src/rules"), &mut files);
    let mut problems = Vec::new();
    for f in &files {
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or("");
        // The registry and the group modules declare; they check nothing.
        if name == "mod.rs" && f.parent() == Some(&root().join("src/rules")) {
            continue;
        }
        let text = std::fs::read_to_string(f).expect("read");
        let code = non_test_code(&text);
        for banned in [
            "model::index",
            "model::Index",
            "model::Design",
            "model::Reference",
            "Reference::",
            "&Design",
            "&Index",
            "cx.design",
            "cx.index",
            ".index()",
            ".design()",
        ] {
            if code.contains(banned) {
                problems.push(format!(
                    "{} uses `{banned}`: rules read `cx.db` (crate::sema), not the index, the design's lists or positions",
                    f.display()
                ));
            }
        }
        // Another rule: `super::<rule>`, `crate::rules::<group>::<rule>`.
        for line in code.lines().filter(|l| l.trim_start().starts_with("use ")) {
            let imports_rule = files.iter().any(|other| {
                let Some(stem) = other.file_stem().and_then(|s| s.to_str()) else {
                    return false;
                };
                stem != "mod"
                    && stem != "owners"
                    && other != f
                    && (line.contains(&format!("super::{stem}"))
                        || line.contains(&format!("::{stem}::"))
                        || line.contains(&format!("::{stem};")))
            });
            if imports_rule {
                problems.push(format!(
                    "{}: `{}` imports another rule; share through rules/owners.rs or the group's mod.rs",
                    f.display(),
                    line.trim()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Only the semantic layer reads the index: `Index` and its lookups are
/// `pub(crate)` and named outside `model/` only by `sema/`, the driver
/// that builds it, and the graph and LSP builders that make a `Db` of it.
#[test]
fn only_the_semantic_layer_reads_the_index() {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let allowed = [
        "src/model/",
        "src/sema/",
        "src/lib.rs",
        "src/driver/",
        "src/cli/graph.rs",
    ];
    for f in files {
        let rel = f
            .strip_prefix(root())
            .unwrap_or(&f)
            .to_string_lossy()
            .replace('\\', "/");
        if allowed.iter().any(|a| rel.starts_with(a)) {
            continue;
        }
        let text = std::fs::read_to_string(&f).expect("read");
        let code = non_test_code(&text);
        for banned in ["model::Index", "model::index", "Index::build", "&Index"] {
            assert!(
                !code.contains(banned),
                "{rel} uses `{banned}`: read the design through crate::sema"
            );
        }
    }
}
