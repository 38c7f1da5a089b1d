//! The project's own tasks (the cargo-xtask pattern):
//!
//! - `cargo xtask catalog --from <azure-docs>/articles/expressroute [--data DIR]`
//!   rebuilds erlint's built-in catalog data (`src/catalog/data/*.tsv`) from
//!   the markdown tables of the ExpressRoute docs (docs/catalog.md);
//! - `cargo xtask new-rule NAME GROUP [--severity error|warning|info]` writes
//!   a new rule's file, registration, page and fixtures (ARCHITECTURE.md,
//!   "Adding a rule").

mod catalog;
mod markdown;
mod new_rule;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str =
    "usage: cargo xtask catalog --from <azure-docs>/articles/expressroute [--data <dir>]
       cargo xtask new-rule NAME GROUP [--severity error|warning|info]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("xtask: error: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<String, String> {
    let mut it = args.iter();
    match it.next().map(String::as_str) {
        Some("catalog") => {}
        Some("new-rule") => return new_rule(&args[1..]),
        _ => return Err(USAGE.to_string()),
    }
    let mut from: Option<PathBuf> = None;
    // Default: the data folder of the workspace this xtask belongs to.
    let mut data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../src/catalog/data");
    while let Some(a) = it.next() {
        match a.as_str() {
            "--from" => from = it.next().map(PathBuf::from),
            "--data" => data = it.next().map(PathBuf::from).ok_or(USAGE)?,
            _ => return Err(format!("unknown argument `{a}`\n{USAGE}")),
        }
    }
    let from = from.ok_or(USAGE)?;
    catalog::rebuild(&from, &data)
}

fn new_rule(args: &[String]) -> Result<String, String> {
    let mut positional = Vec::new();
    let mut severity = "error".to_string();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--severity" => severity = it.next().cloned().ok_or(USAGE)?,
            _ if a.starts_with("--") => return Err(format!("unknown argument `{a}`\n{USAGE}")),
            _ => positional.push(a.as_str()),
        }
    }
    let [name, group] = positional[..] else {
        return Err(USAGE.to_string());
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let rule = new_rule::NewRule {
        name,
        group,
        severity: &severity,
    };
    let written = new_rule::scaffold(&root, &rule)?;
    Ok(format!(
        "wrote {}\nnext: write the check and the page, then `ERLINT_BLESS=1 cargo test` and review the snapshots",
        written.join(", ")
    ))
}
