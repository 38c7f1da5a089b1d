//! `cargo xtask new-rule NAME GROUP [--severity error|warning|info]`: the
//! files a new rule needs, registered, so that only the check and the page's
//! text are left to write:
//!
//! - `src/rules/<group>/<name>.rs`: the declaration and an empty check;
//! - `pub mod <name>;` in `src/rules/<group>/mod.rs`, in name order;
//! - the rule in `rules::ALL`, after the last rule of its group;
//! - `rules/<name>.md`: the page, in the format `rules/README.md` gives;
//! - `fixtures/rules/<name>/fail-basic/` and `pass-basic/`: a design each.
//!
//! Nothing is overwritten: an existing file or registration stops it.

use std::fs;
use std::path::Path;

/// The groups of `rules::Group`, in catalog order.
const GROUPS: &[&str] = &[
    "model",
    "location",
    "circuit",
    "peering",
    "redundancy",
    "routing",
    "reference",
];

/// What to create.
pub struct NewRule<'a> {
    pub name: &'a str,
    pub group: &'a str,
    pub severity: &'a str,
}

impl NewRule<'_> {
    fn module(&self) -> String {
        self.name.replace('-', "_")
    }

    fn severity_variant(&self) -> &'static str {
        match self.severity {
            "warning" => "Warning",
            "info" => "Info",
            _ => "Error",
        }
    }
}

/// Checks the arguments, then writes and registers the rule under `root`
/// (the workspace root). Returns the files it wrote.
pub fn scaffold(root: &Path, rule: &NewRule<'_>) -> Result<Vec<String>, String> {
    let valid_name = !rule.name.is_empty()
        && rule.name.starts_with(|c: char| c.is_ascii_lowercase())
        && rule
            .name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !valid_name {
        return Err(format!(
            "`{}` is not a rule name: kebab-case, such as `gateway-single-location`",
            rule.name
        ));
    }
    if !GROUPS.contains(&rule.group) {
        return Err(format!(
            "unknown group `{}`; one of {}",
            rule.group,
            GROUPS.join(", ")
        ));
    }
    if !["error", "warning", "info"].contains(&rule.severity) {
        return Err(format!(
            "unknown severity `{}`; one of error, warning, info",
            rule.severity
        ));
    }
    let source = root
        .join("src/rules")
        .join(rule.group)
        .join(format!("{}.rs", rule.module()));
    let page = root.join("rules").join(format!("{}.md", rule.name));
    let fixtures = root.join("fixtures/rules").join(rule.name);
    for path in [&source, &page, &fixtures] {
        if path.exists() {
            return Err(format!("{} already exists", path.display()));
        }
    }
    let group_mod = root.join("src/rules").join(rule.group).join("mod.rs");
    let registry = root.join("src/rules/mod.rs");
    let group_mod_text = register_module(&read(&group_mod)?, &rule.module())?;
    let registry_text = register_rule(&read(&registry)?, rule.group, &rule.module())?;

    write(&source, &rule_source(rule))?;
    write(&page, &rule_page(rule))?;
    let fail = fixtures.join("fail-basic");
    let pass = fixtures.join("pass-basic");
    write(&fail.join("design.yaml"), FAIL_DESIGN)?;
    write(&pass.join("design.yaml"), PASS_DESIGN)?;
    write(&group_mod, &group_mod_text)?;
    write(&registry, &registry_text)?;
    Ok([
        &source,
        &page,
        &fail.join("design.yaml"),
        &pass.join("design.yaml"),
        &group_mod,
        &registry,
    ]
    .iter()
    .map(|p| p.strip_prefix(root).unwrap_or(p).display().to_string())
    .collect())
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// `pub mod <module>;` among the group's `pub mod` lines, in name order.
pub fn register_module(text: &str, module: &str) -> Result<String, String> {
    let line = format!("pub mod {module};");
    let mut lines: Vec<&str> = text.lines().collect();
    if lines.contains(&line.as_str()) {
        return Err(format!("`{line}` is already in the group's mod.rs"));
    }
    let mods: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].starts_with("pub mod "))
        .collect();
    let at = mods
        .iter()
        .copied()
        .find(|&i| lines[i] > line.as_str())
        .or(mods.last().map(|i| i + 1))
        .ok_or("the group's mod.rs has no `pub mod` line")?;
    lines.insert(at, &line);
    Ok(lines.join("\n") + "\n")
}

/// `&<group>::<module>::RULE,` after the last rule of the group in `ALL`.
pub fn register_rule(text: &str, group: &str, module: &str) -> Result<String, String> {
    let entry = format!("    &{group}::{module}::RULE,");
    let start = text
        .find("pub static ALL: &[&Rule] = &[")
        .ok_or("src/rules/mod.rs has no `pub static ALL`")?;
    let end = text[start..]
        .find("\n];")
        .map(|e| start + e)
        .ok_or("`ALL` is not closed")?;
    let prefix = format!("    &{group}::");
    let body = &text[start..end];
    if body.contains(&entry) {
        return Err(format!("`{}` is already registered", entry.trim()));
    }
    let last = body
        .lines()
        .scan(start, |at, l| {
            let here = *at;
            *at += l.len() + 1;
            Some((here, l))
        })
        .filter(|(_, l)| l.starts_with(&prefix))
        .last()
        .map(|(at, l)| at + l.len() + 1)
        .ok_or(format!("no rule of group `{group}` in `ALL` to add after"))?;
    let mut out = String::with_capacity(text.len() + entry.len() + 1);
    out.push_str(&text[..last]);
    out.push_str(&entry);
    out.push('\n');
    out.push_str(&text[last..]);
    Ok(out)
}

fn rule_source(rule: &NewRule<'_>) -> String {
    let group = {
        let mut g = rule.group.to_string();
        g[..1].make_ascii_uppercase();
        g
    };
    format!(
        r#"//! TODO: one line on what goes wrong in the design.
use crate::rules::prelude::*;

declare_rule! {{
    name: "{name}",
    group: {group},
    severity: {severity},
    summary: "TODO: the summary, also the first paragraph of rules/{name}.md",
    check: check,
}}

/// Read the design through `cx.db` (see `src/sema/`) and the catalog through
/// `cx.catalog`; leave a case another rule reports to that rule (the
/// predicates of `crate::rules::owners`).
fn check(cx: &RuleContext<'_>) -> Vec<Finding> {{
    let mut out = Vec::new();
    for circuit in cx.db.circuits() {{
        // TODO: the condition. Report at the value whose change fixes it,
        // label the other side of the contradiction, say what to change.
        if circuit.name.value.is_empty() {{
            out.push(
                Finding::at(
                    circuit.name.span,
                    format!("circuit `{{}}` TODO", circuit.name.value),
                )
                .help("TODO: what to change"),
            );
        }}
    }}
    out
}}
"#,
        name = rule.name,
        severity = rule.severity_variant(),
    )
}

fn rule_page(rule: &NewRule<'_>) -> String {
    format!(
        r#"# {name}

| group | default severity |
| --- | --- |
| {group} | {severity} |

TODO: the summary, also the first paragraph of rules/{name}.md.

## What it checks

TODO: the condition, and which neighbouring cases other rules report.

## Why it matters

TODO: the consequence, with a link to the ExpressRoute documentation (or the
APRL recommendation) the rule rests on.

## Bad

```yaml bad
{fail}```

```text output
```

## Good

```yaml good
{pass}```

## How to fix

TODO: what to change.
"#,
        name = rule.name,
        group = rule.group,
        severity = rule.severity,
        fail = FAIL_DESIGN,
        pass = PASS_DESIGN,
    )
}

/// A small design to start the examples from: edit it until the rule fires
/// on the bad one and nothing fires on the good one.
const FAIL_DESIGN: &str = "version: 1
providers:
  - name: Colt
    offers: { ethernet: [l2] }
    peering_locations: [Amsterdam, London]
sites:
  - name: ams-dc1
    kind: datacenter
    expressroute:
      model: ethernet
      layer: l2
      provider: Colt
      circuits: [er-ams-1]
    routers: [ams-ce1, ams-ce2]
circuits:
  - name: er-ams-1
    provider: Colt
    peering_location: Amsterdam
    bandwidth: 1Gbps
    sku: standard
    billing: metered
";

const PASS_DESIGN: &str = FAIL_DESIGN;

#[cfg(test)]
mod tests {
    use super::*;

    const REGISTRY: &str = "pub static ALL: &[&Rule] = &[
    // model
    &model::a::RULE,
    &model::b::RULE,
    // circuit
    &circuit::c::RULE,
];
";

    #[test]
    fn a_rule_is_registered_after_the_last_of_its_group() {
        let out = register_rule(REGISTRY, "model", "new_one").unwrap();
        assert!(out.contains("    &model::b::RULE,\n    &model::new_one::RULE,\n    // circuit"));
        let out = register_rule(REGISTRY, "circuit", "d").unwrap();
        assert!(out.contains("    &circuit::c::RULE,\n    &circuit::d::RULE,\n];"));
        assert!(register_rule(REGISTRY, "model", "a").is_err());
        assert!(register_rule(REGISTRY, "routing", "x").is_err());
    }

    #[test]
    fn a_module_is_declared_in_name_order() {
        let text = "//! Group.\npub mod alpha;\npub mod gamma;\n\nuse x;\n";
        let out = register_module(text, "beta").unwrap();
        assert_eq!(
            out,
            "//! Group.\npub mod alpha;\npub mod beta;\npub mod gamma;\n\nuse x;\n"
        );
        let out = register_module(text, "zeta").unwrap();
        assert!(out.contains("pub mod gamma;\npub mod zeta;\n"));
        assert!(register_module(text, "alpha").is_err());
    }

    /// The scaffold on a copy of the real registry and group module: every
    /// file is written, registered once, and nothing existing is replaced.
    #[test]
    fn scaffold_writes_and_registers_every_file() {
        let real = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let dir = std::env::temp_dir().join(format!("xtask-new-rule-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        for f in ["src/rules/mod.rs", "src/rules/circuit/mod.rs"] {
            let text = fs::read_to_string(real.join(f)).unwrap();
            write(&dir.join(f), &text).unwrap();
        }
        let rule = NewRule {
            name: "gateway-example-check",
            group: "circuit",
            severity: "warning",
        };
        let written = scaffold(&dir, &rule).unwrap();
        assert_eq!(written.len(), 6);
        let source =
            fs::read_to_string(dir.join("src/rules/circuit/gateway_example_check.rs")).unwrap();
        assert!(source.contains("name: \"gateway-example-check\""));
        assert!(source.contains("severity: Warning"));
        let registry = fs::read_to_string(dir.join("src/rules/mod.rs")).unwrap();
        assert_eq!(
            registry
                .matches("&circuit::gateway_example_check::RULE,")
                .count(),
            1
        );
        let group = fs::read_to_string(dir.join("src/rules/circuit/mod.rs")).unwrap();
        assert!(group.contains("pub mod gateway_example_check;"));
        let page = fs::read_to_string(dir.join("rules/gateway-example-check.md")).unwrap();
        assert!(
            page.starts_with("# gateway-example-check\n") && page.contains("| circuit | warning |")
        );
        assert!(dir
            .join("fixtures/rules/gateway-example-check/fail-basic/design.yaml")
            .is_file());
        // A second run refuses and changes nothing.
        assert!(scaffold(&dir, &rule).is_err());
        assert_eq!(
            fs::read_to_string(dir.join("src/rules/mod.rs")).unwrap(),
            registry
        );
        assert!(scaffold(
            &dir,
            &NewRule {
                name: "Bad_Name",
                ..rule
            }
        )
        .is_err());
        let _ = fs::remove_dir_all(&dir);
    }
}
