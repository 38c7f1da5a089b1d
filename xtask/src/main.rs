//! `cargo xtask catalog --from <azure-docs>/articles/expressroute [--data DIR]`
//! rebuilds erlint's built-in catalog data (`src/catalog/data/*.tsv`) from the
//! markdown tables of the ExpressRoute docs. See docs/catalog.md.

mod catalog;
mod markdown;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str =
    "usage: cargo xtask catalog --from <azure-docs>/articles/expressroute [--data <dir>]";

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
    if it.next().map(String::as_str) != Some("catalog") {
        return Err(USAGE.to_string());
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
