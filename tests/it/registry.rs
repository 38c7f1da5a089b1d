//! The registry is the one list of rules: names, files, folders and
//! fixtures must agree with it.

use crate::support::*;
use erlint::rules::ALL;
use std::collections::HashSet;

#[test]
fn names_are_unique_kebab_case_and_match_their_files() {
    let mut seen = HashSet::new();
    for rule in ALL {
        assert!(seen.insert(rule.name), "duplicate rule name {}", rule.name);
        assert!(
            rule.name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{} is not kebab-case",
            rule.name
        );
        let expected = format!(
            "src/rules/{}/{}.rs",
            rule.group.as_str(),
            rule.name.replace('-', "_")
        );
        assert!(
            rule.source.ends_with(&expected),
            "{} is declared in {}, expected {expected}",
            rule.name,
            rule.source
        );
        assert!(
            !rule.summary.is_empty() && !rule.summary.ends_with('.'),
            "{}: summary",
            rule.name
        );
    }
    assert!(
        ALL.len() >= 45,
        "rules.md lists at least 45 rules, the registry has {}",
        ALL.len()
    );
}

#[test]
fn every_rule_has_failing_and_passing_fixtures() {
    let mut missing = Vec::new();
    for rule in ALL {
        let dir = root().join("fixtures/rules").join(rule.name);
        let cases: Vec<String> = subdirs(&dir)
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().to_string())
            .collect();
        if !cases.iter().any(|c| c.starts_with("fail-")) {
            missing.push(format!("{}: no fail-* fixture", rule.name));
        }
        if !cases.iter().any(|c| c.starts_with("pass-")) {
            missing.push(format!("{}: no pass-* fixture", rule.name));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

/// Messages are lower-case with no final period; help starts with a verb
/// (checked loosely: lower-case start, no final period).
#[test]
fn message_style() {
    let mut bad = Vec::new();
    for case in subdirs(&root().join("fixtures/rules"))
        .iter()
        .flat_map(|d| subdirs(d))
    {
        let report = lint_dir(&case, None);
        for f in &report.findings {
            let first = f.message.chars().next().unwrap_or('a');
            if first.is_uppercase() || f.message.ends_with('.') {
                bad.push(format!("{}: {}", f.rule, f.message));
            }
            if f.help.as_ref().is_some_and(|h| h.ends_with('.')) {
                bad.push(format!("{} help: {:?}", f.rule, f.help));
            }
        }
    }
    bad.sort();
    bad.dedup();
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// `rules::ALL` lists the rules group by group, in the order of
/// `Group::ALL` (the catalog's sections), so `erlint rules`, the SARIF rule
/// table and the docs read in one order.
#[test]
fn the_registry_follows_group_order() {
    let order: Vec<usize> = ALL
        .iter()
        .map(|r| {
            erlint::rules::Group::ALL
                .iter()
                .position(|g| *g == r.group)
                .unwrap_or(usize::MAX)
        })
        .collect();
    let out_of_order: Vec<&str> = ALL
        .iter()
        .zip(order.windows(2).map(|w| w[0] > w[1]).chain([false]))
        .filter(|(_, late)| *late)
        .map(|(r, _)| r.name)
        .collect();
    assert!(
        out_of_order.is_empty(),
        "rules listed before a rule of an earlier group: {out_of_order:?}"
    );
}

/// The summary `erlint rules` and SARIF show is the page's first paragraph
/// (after the title and the metadata table), as a sentence: one text,
/// written twice only because the declaration must be a constant.
#[test]
fn each_summary_is_the_first_paragraph_of_its_page() {
    let mut wrong = Vec::new();
    for rule in ALL {
        let paragraph = first_paragraph(rule.doc);
        let mut sentence = rule.summary.to_string();
        if let Some(first) = sentence.get(..1) {
            sentence.replace_range(..1, &first.to_uppercase());
        }
        sentence.push('.');
        if paragraph != sentence {
            wrong.push(format!(
                "{}: summary {:?}, page {:?}",
                rule.name, sentence, paragraph
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The page's first paragraph after `# name` and the metadata table, its
/// lines joined.
fn first_paragraph(doc: &str) -> String {
    doc.lines()
        .skip_while(|l| !l.starts_with('|'))
        .skip_while(|l| l.starts_with('|'))
        .skip_while(|l| l.trim().is_empty())
        .take_while(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
