//! Shared helpers: lint in-process, render, compare with snapshots.
//! `ERLINT_BLESS=1 cargo test` rewrites snapshots; a missing snapshot fails.

use erlint::render::{self, Format, RenderOptions};
use erlint::report::Report;
use erlint::{Input, Settings};
use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn blessing() -> bool {
    std::env::var_os("ERLINT_BLESS").is_some_and(|v| !v.is_empty())
}

/// Settings for a design folder: paths relative to it, only `select` rules
/// (all when `None`).
pub fn settings_for(dir: &Path, select: Option<&[&str]>) -> Settings {
    let mut s = Settings::new(dir.to_path_buf());
    if let Some(rules) = select {
        s.enabled.retain(|r| rules.contains(r));
    }
    s
}

pub fn lint_dir(dir: &Path, select: Option<&[&str]>) -> Report {
    let settings = settings_for(dir, select);
    erlint::lint(&Input::Paths(vec![dir.to_path_buf()]), &settings).expect("lint runs")
}

/// Lints one YAML text as the file `name`.
pub fn lint_text(name: &str, text: &str) -> Report {
    let settings = Settings::new(root());
    erlint::lint(
        &Input::Stdin {
            name: name.into(),
            bytes: text.as_bytes().to_vec(),
        },
        &settings,
    )
    .expect("lint runs")
}

pub fn render(report: &Report, format: Format) -> String {
    let mut out = Vec::new();
    render::render(format, report, &RenderOptions::default(), &mut out).expect("render");
    String::from_utf8(out).expect("utf-8 output")
}

/// Compares `actual` with the snapshot at `path`; returns a problem
/// description, or rewrites the snapshot when blessing.
pub fn compare_snapshot(path: &Path, actual: &str) -> Option<String> {
    if blessing() {
        std::fs::write(path, actual).expect("write snapshot");
        return None;
    }
    match std::fs::read_to_string(path) {
        Err(_) => Some(format!(
            "{}: snapshot missing; run `ERLINT_BLESS=1 cargo test` and review it\n--- actual ---\n{actual}",
            path.display()
        )),
        Ok(expected) if expected.replace("\r\n", "\n") == actual => None,
        Ok(expected) => Some(format!(
            "{}: snapshot differs (ERLINT_BLESS=1 to accept)\n--- expected ---\n{expected}\n--- actual ---\n{actual}",
            path.display()
        )),
    }
}

pub fn subdirs(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// A small design with one IPVPN + Layer 2 site (an `ipvpn-layer2` error) and
/// an unused provider, shared by the command-line tests.
pub const TWO_PROVIDERS: &str = "\
providers:
  - name: contoso-mpls
    offers:
      ipvpn: [l3]
  - name: spare
    offers:
      ethernet: [l2]
sites:
  - name: branch-42
    kind: office
    expressroute:
      model: ipvpn
      layer: l2
      provider: contoso-mpls
      circuits: [er-ams-1]
circuits:
  - name: er-ams-1
    provider: contoso-mpls
    peering_location: Amsterdam
    bandwidth: 1Gbps
    sku: standard
    billing: metered
";
