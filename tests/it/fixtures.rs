//! The bundled example: its report is a snapshot and the README shows it.
//! (The fixture folders are tests of their own: `tests/fixtures.rs`.)

use crate::support::*;
use erlint::render::Format;

/// The bundled example stays lintable with the report the README shows.
#[test]
fn example_design() {
    // Linted from the repository root, as the README runs it.
    let dir = root().join("examples");
    for case in subdirs(&dir) {
        let settings = erlint::Settings::new(root());
        let report =
            erlint::lint(&erlint::Input::Paths(vec![case.clone()]), &settings).expect("lint runs");
        let out = render(&report, Format::Human);
        if let Some(p) = compare_snapshot(&case.with_extension("expected.txt"), &out) {
            panic!("{p}");
        }
        // The README shows this very report.
        let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
        let name = case
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let shown = format!("$ cargo run --release -- check examples/{name}\n{out}```");
        assert!(
            readme.contains(&shown),
            "README.md must show the real report of examples/{name}:\n{out}"
        );
    }
}
