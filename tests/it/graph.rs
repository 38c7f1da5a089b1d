//! `erlint graph` and `check --format markdown`, end to end through the
//! binary: structure of each format, marks, focus, collapsing, escaping of
//! hostile names, determinism. (Their real consumers — Mermaid, Graphviz,
//! Chromium — run in `.ci/check-graphs`.)

use crate::cli::{erlint, run_in};
use crate::support::root;
use std::process::Output;

fn contoso() -> std::path::PathBuf {
    root().join("examples/contoso")
}

fn hostile() -> std::path::PathBuf {
    root().join("fixtures/graph/hostile")
}

fn out(o: &Output) -> String {
    assert!(
        o.status.code().is_some_and(|c| c <= 1),
        "erlint failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn graph(dir: &std::path::Path, args: &[&str]) -> String {
    let mut all = vec!["graph", "."];
    all.extend_from_slice(args);
    let o = run_in(dir, &all);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    out(&o)
}

/// The Mermaid line that defines the node whose label starts with `name`.
fn mermaid_node<'a>(text: &'a str, name: &str) -> &'a str {
    let needle = format!("\"{name}<br/>");
    text.lines()
        .find(|l| l.contains(&needle) || l.contains(&format!("\"{name}\"")))
        .unwrap_or_else(|| panic!("no node {name} in\n{text}"))
}

fn mermaid_id(line: &str) -> &str {
    let line = line.trim();
    let end = line
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(line.len());
    &line[..end]
}

#[test]
fn mermaid_groups_joins_and_marks_the_topology() {
    let m = graph(&contoso(), &["--format", "mermaid"]);
    assert!(m.starts_with("flowchart LR\n"), "{m}");
    for group in [
        "datacenter sites",
        "office sites",
        "colocation sites",
        "providers",
        "peering location Amsterdam",
        "peering location London",
        "virtual networks",
        "legend",
    ] {
        assert!(
            m.contains(&format!("[\"{group}\"]")),
            "no group {group}:\n{m}"
        );
    }
    let ams = mermaid_id(mermaid_node(&m, "ams-dc1"));
    let colt = mermaid_id(mermaid_node(&m, "Colt"));
    let lon = mermaid_node(&m, "er-lon-colt");
    assert!(lon.contains("standard 1Gbps"), "SKU and bandwidth: {lon}");
    assert!(lon.contains("error: standard-sku-cross-geo"), "{lon}");
    let lon = mermaid_id(lon);
    let weu = mermaid_node(&m, "hub-weu");
    assert!(weu.contains("gateway ErGw1AZ") && weu.contains("warning: gateway-below-circuit"));
    assert!(
        m.contains(&format!("{ams} -->|\"ethernet l2\"| {colt}")),
        "{m}"
    );
    assert!(m.contains(&format!("{ams} -.-> {lon}")), "{m}");
    let lyon = mermaid_id(mermaid_node(&m, "lyon-office"));
    let errors = m
        .lines()
        .find(|l| l.trim_start().starts_with("class ") && l.ends_with(" error"))
        .expect("error class line");
    assert!(errors.contains(lyon) && errors.contains(lon), "{errors}");
    assert!(!errors.contains(ams), "ams-dc1 has no finding: {errors}");
    let paris = mermaid_node(&m, "paris-office");
    assert!(!paris.contains("error") && !paris.contains("warning"));
}

#[test]
fn dot_has_clusters_marks_and_tooltips() {
    let d = graph(&contoso(), &["--format", "dot"]);
    assert!(
        d.starts_with("digraph erlint {\n") && d.ends_with("}\n"),
        "{d}"
    );
    assert!(d.contains("subgraph cluster_g0 {\n    label=\"datacenter sites\";"));
    assert!(d.contains("label=\"peering location London\";"));
    let lyon = d
        .lines()
        .find(|l| l.contains("label=\"lyon-office\\n"))
        .expect("lyon-office node");
    assert!(
        lyon.contains("tooltip=\"site lyon-office: error: ipvpn-layer2\""),
        "{lyon}"
    );
    assert!(lyon.contains("color=\"#d00000\""), "{lyon}");
    let nyc = d
        .lines()
        .find(|l| l.contains("label=\"nyc-dc\\n"))
        .expect("nyc-dc");
    assert!(nyc.contains("color=\"#e69500\""), "warning is amber: {nyc}");
    assert!(d.contains("[label=\"Global Reach\"") || !d.contains("Global Reach"));
    assert!(d.contains("subgraph cluster_legend {"));
}

#[test]
fn svg_is_xml_with_marks_tooltips_and_a_legend() {
    let s = graph(&contoso(), &["--format", "svg"]);
    let doc = roxmltree::Document::parse(&s).expect("well-formed SVG");
    let svg = doc.root_element();
    assert_eq!(svg.tag_name().name(), "svg");
    let titles: Vec<&str> = svg
        .descendants()
        .filter(|n| n.has_tag_name("title"))
        .filter_map(|n| n.text())
        .collect();
    assert!(
        titles.contains(&"site lyon-office: error: ipvpn-layer2"),
        "{titles:?}"
    );
    let marked = svg
        .descendants()
        .filter(|n| n.has_tag_name("rect") && n.attribute("stroke") == Some("#d00000"))
        .count();
    // lyon-office, er-lon-colt, and the legend's swatch.
    assert_eq!(marked, 3, "{s}");
    let texts: String = svg
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join("|");
    for word in [
        "virtual network",
        "Direct port",
        "error",
        "warning",
        "er-ams-colt",
    ] {
        assert!(texts.contains(word), "no {word} in the SVG text");
    }
}

#[test]
fn the_same_design_gives_the_same_bytes() {
    for format in ["mermaid", "dot", "svg"] {
        let a = graph(&contoso(), &["--format", format]);
        let b = graph(&contoso(), &["--format", format]);
        assert_eq!(a, b, "{format} differs between runs");
    }
}

#[test]
fn focus_draws_only_the_paths_through_one_entity() {
    let m = graph(&contoso(), &["--focus", "circuit:er-lon-colt"]);
    for name in ["er-lon-colt", "ams-dc1", "Colt", "hub-weu", "hub-eus"] {
        mermaid_node(&m, name);
    }
    for name in [
        "paris-office",
        "er-par-orange",
        "hub-gwc",
        "er-ams-colt",
        "Equinix",
    ] {
        assert!(
            !m.contains(&format!("\"{name}")),
            "{name} is not on a path:\n{m}"
        );
    }
    let site = graph(
        &contoso(),
        &["--focus", "site:paris-office", "--format", "dot"],
    );
    assert!(site.contains("paris-office") && site.contains("er-par-orange"));
    assert!(site.contains("hub-gwc") && site.contains("Orange"));
    // lyon-office shares the circuit, but its paths do not run through paris-office.
    assert!(!site.contains("lyon-office"), "{site}");
}

#[test]
fn a_bad_focus_exits_2_with_a_message() {
    let o = run_in(
        &contoso(),
        &["graph", ".", "--focus", "circuit:er-lon-colr"],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("no circuit named `er-lon-colr`") && err.contains("er-lon-colt"),
        "{err}"
    );
    let o = run_in(&contoso(), &["graph", ".", "--focus", "router:x"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown kind `router`"));
    let o = run_in(&contoso(), &["graph", ".", "--focus", "ams-dc1"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn crowded_groups_collapse_but_marked_entities_stay() {
    let dir = tempfile::tempdir().expect("tempdir");
    crate::gen::generate(&crate::gen::Spec::sites(400))
        .write_to(dir.path())
        .expect("write design");
    let m = graph(dir.path(), &[]);
    let more: Vec<&str> = m.lines().filter(|l| l.contains(" more sites\"]")).collect();
    assert!(!more.is_empty(), "no collapsed group:\n{m}");
    assert!(m.lines().filter(|l| l.contains("error: ")).count() > 0);
    let all = graph(dir.path(), &["--max-per-group", "0", "--format", "dot"]);
    assert!(
        !all.contains(" more sites"),
        "--max-per-group 0 draws everything"
    );
    assert!(all.len() > m.len());
}

#[test]
fn hostile_names_do_not_break_out_of_any_syntax() {
    let raw_site = "</text><script>alert(1)</script>";
    let m = graph(&hostile(), &["--format", "mermaid"]);
    for raw in [raw_site, "\"]; click", "v]])", "{{port}}", "`c`", "%%"] {
        assert!(!m.contains(raw), "Mermaid text holds {raw:?}:\n{m}");
    }
    // Every label is one quoted string: no quote inside.
    for line in m.lines().filter(|l| l.contains("[\"") || l.contains("(\"")) {
        assert_eq!(line.matches('"').count(), 2, "{line}");
    }

    let d = graph(&hostile(), &["--format", "dot"]);
    assert!(
        d.contains("label=\"Evil\\\"]; click p0 \\\"javascript:alert(1)\\\"; %%"),
        "{d}"
    );
    assert!(d.contains("a\\\\N|b"), "a backslash stays a backslash: {d}");
    assert!(!d.contains('\t'), "control characters are replaced");

    let s = graph(&hostile(), &["--format", "svg"]);
    let doc = roxmltree::Document::parse(&s).expect("well-formed SVG");
    assert!(!doc.descendants().any(|n| n.has_tag_name("script")));
    let texts: Vec<&str> = doc.descendants().filter_map(|n| n.text()).collect();
    assert!(
        texts.contains(&raw_site),
        "the name is drawn as text: {texts:?}"
    );

    let o = run_in(&hostile(), &["check", ".", "--format", "markdown"]);
    let md = out(&o);
    for row in md
        .lines()
        .filter(|l| l.starts_with("| 🔴") || l.starts_with("| 🟠"))
    {
        let unescaped = row
            .char_indices()
            .filter(|&(i, c)| c == '|' && (i == 0 || row.as_bytes()[i - 1] != b'\\'))
            .count();
        assert_eq!(unescaped, 5, "a name split a table row: {row}");
        // Outside code spans (where text is literal), no markup is left.
        let outside: String = row.split('`').step_by(2).collect();
        assert!(
            !outside.contains("<script") && !outside.contains("](javascript"),
            "{row}"
        );
    }
}

#[test]
fn markdown_report_has_counts_links_table_and_picture() {
    let o = run_in(&contoso(), &["check", ".", "--format", "markdown"]);
    assert_eq!(o.status.code(), Some(1), "errors fail the run as usual");
    let md = out(&o);
    let mut lines = md.lines();
    assert_eq!(lines.next(), Some("<!-- erlint-report -->"));
    assert_eq!(
        lines.next(),
        Some("### erlint: 2 errors, 2 warnings, 2 infos in 7 files")
    );
    assert!(md.contains("| Severity | Rule | Location | Message |"));
    assert!(
        md.contains("| 🔴 error | `ipvpn-layer2` | [sites\\/europe\\.yaml:41](sites/europe.yaml#L41) | site `lyon-office` requests Layer 2 from IPVPN provider `Orange` |"),
        "{md}"
    );
    let picture = md.split("```mermaid\n").nth(1).expect("a Mermaid block");
    assert!(picture.starts_with("flowchart LR\n"));
    // Focused on what the findings touch: lyon-office is, paris-office's
    // paths do not run through a marked entity.
    assert!(picture.contains("\"lyon-office<br/>"));
    assert!(!picture.contains("\"paris-office<br/>"), "{picture}");

    let o = run_in(
        &contoso(),
        &[
            "check",
            ".",
            "--format",
            "markdown",
            "--link-base",
            "https://example.test/blob/abc/",
        ],
    );
    assert!(out(&o).contains("](https://example.test/blob/abc/sites/europe.yaml#L41)"));
}

#[test]
fn markdown_of_a_clean_design_says_so_without_a_picture() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("x.yaml"), "version: 1\n").expect("write");
    let o = erlint()
        .current_dir(dir.path())
        .args(["check", ".", "--format", "markdown"])
        .output()
        .expect("run");
    let md = out(&o);
    assert!(
        md.contains("No findings.") && !md.contains("```mermaid"),
        "{md}"
    );
}
