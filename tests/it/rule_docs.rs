//! Every rule's page is documentation the tests execute:
//! headings in order, metadata matching the registry, a source link, the
//! bad example firing that rule (and no other), the good example firing
//! nothing, and the `text output` block equal to the bad example's concise
//! report (`ERLINT_BLESS=1` rewrites it).

use crate::support::*;
use erlint::render::Format;
use erlint::rules::ALL;

const HEADINGS: &[&str] = &[
    "## What it checks",
    "## Why it matters",
    "## Bad",
    "## Good",
    "## How to fix",
];

/// Rules whose bad case cannot be written as YAML text in a page.
const NO_BAD_BLOCK: &[&str] = &["unreadable-file"];

/// The fenced blocks of a page: (info string, body, line range of the body).
fn blocks(page: &str) -> Vec<(String, String, usize, usize)> {
    let lines: Vec<&str> = page.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if let Some(info) = lines[i].trim_start().strip_prefix("```") {
            let start = i + 1;
            let mut end = start;
            while end < lines.len() && !lines[end].trim_start().starts_with("```") {
                end += 1;
            }
            let body = lines[start..end]
                .iter()
                .map(|l| format!("{l}\n"))
                .collect::<String>();
            out.push((info.trim().to_string(), body, start, end));
            i = end + 1;
        } else {
            i += 1;
        }
    }
    out
}

#[test]
fn every_page_is_complete_and_its_examples_hold() {
    let mut problems = Vec::new();
    for rule in ALL {
        let path = root().join(format!("rules/{}.md", rule.name));
        let page = std::fs::read_to_string(&path).unwrap_or_default();
        let name = rule.name;
        if !page.starts_with(&format!("# {name}\n")) {
            problems.push(format!("{name}: page must start with `# {name}`"));
        }
        let meta = format!(
            "| {} | {} |",
            rule.group.as_str(),
            rule.default_severity.as_str()
        );
        if !page.contains(&meta) {
            problems.push(format!("{name}: metadata table must contain `{meta}`"));
        }
        let mut last = 0;
        for h in HEADINGS {
            match page.find(&format!("\n{h}\n")) {
                Some(pos) if pos >= last => last = pos,
                _ => problems.push(format!("{name}: heading `{h}` missing or out of order")),
            }
        }
        if !page.contains("https://learn.microsoft.com/")
            && !page.contains("https://github.com/MicrosoftDocs/")
            && !page.contains("https://yaml.org/")
        {
            problems.push(format!(
                "{name}: `Why it matters` must link the public doc it rests on"
            ));
        }
        let blocks = blocks(&page);
        let bad: Vec<_> = blocks.iter().filter(|b| b.0 == "yaml bad").collect();
        let good: Vec<_> = blocks.iter().filter(|b| b.0 == "yaml good").collect();
        if good.is_empty() {
            problems.push(format!("{name}: no ```yaml good block"));
        }
        for (_, body, _, _) in &good {
            let report = lint_text("good.yaml", body);
            if !report.findings.is_empty() {
                problems.push(format!(
                    "{name}: the good example has findings:\n{}",
                    render(&report, Format::Concise)
                ));
            }
        }
        if NO_BAD_BLOCK.contains(&name) {
            continue;
        }
        if bad.len() != 1 {
            problems.push(format!("{name}: needs exactly one ```yaml bad block"));
            continue;
        }
        let report = lint_text("bad.yaml", &bad[0].1);
        let concise = render(&report, Format::Concise);
        if !report.findings.iter().any(|f| f.rule == name) {
            problems.push(format!(
                "{name}: the bad example does not fire it:\n{concise}"
            ));
        }
        let others: Vec<_> = report.findings.iter().filter(|f| f.rule != name).collect();
        if !others.is_empty() {
            problems.push(format!(
                "{name}: the bad example fires other rules too:\n{concise}"
            ));
        }
        match blocks.iter().find(|b| b.0 == "text output") {
            Some((_, body, start, end)) if body != &concise => {
                if blessing() {
                    let mut lines: Vec<String> = page.lines().map(String::from).collect();
                    lines.splice(start..end, concise.lines().map(String::from));
                    std::fs::write(&path, lines.join("\n") + "\n").expect("bless page");
                } else {
                    problems.push(format!("{name}: the ```text output block differs from the report (ERLINT_BLESS=1 to accept):\n{concise}"));
                }
            }
            Some(_) => {}
            None => problems.push(format!(
                "{name}: no ```text output block after the bad example"
            )),
        }
    }
    for entry in std::fs::read_dir(root().join("rules")).expect("rules/ exists") {
        let p = entry.expect("entry").path();
        let stem = p
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        if p.extension().is_some_and(|e| e == "md")
            && stem != "README"
            && erlint::rules::by_name(&stem).is_none()
        {
            problems.push(format!("rules/{stem}.md: a page without a rule"));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problem(s):\n\n{}",
        problems.len(),
        problems.join("\n\n")
    );
}

#[test]
fn explain_prints_the_page_without_fence_tags() {
    let text = erlint::cli::explain_text("```yaml bad\nx: 1\n```\n");
    assert_eq!(text, "```yaml\nx: 1\n```\n");
}
