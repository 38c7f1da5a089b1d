//! What every fuzz input must survive: the loader (parse + lower) and the
//! whole pipeline (lint + every output format), without a panic, and with a
//! report rather than a run error.

use erlint::render::{self, Format, RenderOptions};
use erlint::source::FileId;
use erlint::{Input, Settings};
use std::sync::OnceLock;

/// Every rule on, the built-in catalog (built once: it is not under test).
fn settings() -> &'static Settings {
    static SETTINGS: OnceLock<Settings> = OnceLock::new();
    SETTINGS.get_or_init(|| Settings::new(std::path::PathBuf::from("/")))
}

/// Parses and lowers `bytes` (as text when they are UTF-8).
pub fn loader(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let arena = erlint::syntax::Bump::new();
    let parsed = erlint::syntax::parse(FileId(0), &text, &arena);
    let (_design, _findings) = erlint::model::lower::lower(FileId(0), &parsed.documents);
}

/// Lints `bytes` as one design file and renders the report in every
/// format.
pub fn pipeline(bytes: &[u8]) {
    let settings = settings();
    let input = Input::Stdin {
        name: "fuzz.yaml".into(),
        bytes: bytes.to_vec(),
    };
    let report = match erlint::lint(&input, settings) {
        Ok(r) => r,
        Err(e) => panic!("lint failed: {e}"),
    };
    for &format in Format::all() {
        let mut out = Vec::new();
        if let Err(e) = render::render(format, &report, &RenderOptions::default(), &mut out) {
            panic!("render failed: {e}");
        }
    }
}

/// The readers of the side inputs on arbitrary text: `erlint.toml`, a
/// catalog file and a `--baseline` report. Each must give a value or an
/// error message, never a panic.
pub fn side_inputs(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let _ = erlint::config::parse(&text, std::path::Path::new("erlint.toml"));
    let mut catalog = builtin_catalog().clone();
    if catalog.overlay_str("catalog.yaml", &text).is_ok() {
        // A catalog that reads prints, and what it prints reads again.
        let printed = catalog.to_yaml();
        let mut again = builtin_catalog().clone();
        if let Err(e) = again.overlay_str("printed.yaml", &printed) {
            panic!("the printed catalog does not read back: {e}");
        }
    }
    let _ = erlint::baseline::parse(&text, "baseline.json");
}

/// Built once: the fuzz input is overlaid on a copy.
fn builtin_catalog() -> &'static erlint::catalog::Catalog {
    static CATALOG: OnceLock<erlint::catalog::Catalog> = OnceLock::new();
    CATALOG.get_or_init(erlint::catalog::Catalog::builtin)
}
