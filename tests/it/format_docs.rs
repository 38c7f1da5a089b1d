//! `docs/design-format.md`, the format reference, against the format
//! tables: every key has its row in the key reference, with the type,
//! range, "required" and default the tables give it, and the reference
//! lists no key the format does not have.

use crate::support::*;

/// The rows of the page's key reference (the section "Key reference"):
/// the cells of each table row whose first cell is a key path.
fn documented_rows(page: &str) -> Vec<Vec<String>> {
    let mut in_reference = false;
    let mut rows = Vec::new();
    for line in page.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            in_reference = heading.trim() == "Key reference";
            continue;
        }
        if !in_reference || !line.starts_with("| `") {
            continue;
        }
        let cells: Vec<String> = line
            .trim()
            .trim_matches('|')
            .split(" | ")
            .map(|c| c.trim().to_string())
            .collect();
        rows.push(cells);
    }
    rows
}

#[test]
fn the_format_reference_documents_every_key_as_the_tables_define_it() {
    let page = std::fs::read_to_string(root().join("docs/design-format.md"))
        .expect("docs/design-format.md");
    let documented = documented_rows(&page);
    let expected = erlint::model::format::reference_rows();
    assert!(expected.len() > 50, "{} keys", expected.len());
    let mut problems = Vec::new();
    for want in &expected {
        match documented.iter().find(|row| row.first() == Some(&want[0])) {
            None => problems.push(format!(
                "missing: | {} | {} | {} | {} | <meaning> |",
                want[0], want[1], want[2], want[3]
            )),
            Some(row) if row.len() < 5 || row[..4] != want[..] => problems.push(format!(
                "differs from the tables:\n  page:   | {} |\n  tables: | {} | {} | {} | {} | <meaning> |",
                row.join(" | "),
                want[0],
                want[1],
                want[2],
                want[3]
            )),
            Some(_) => {}
        }
    }
    for row in &documented {
        if !expected.iter().any(|want| row.first() == Some(&want[0])) {
            problems.push(format!("not a key of the format: {}", row[0]));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_readme_links_the_format_reference() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    assert!(readme.contains("(docs/design-format.md)"));
    assert!(!readme.contains("shared/spec"));
}
