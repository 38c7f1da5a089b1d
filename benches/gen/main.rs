//! Writes a generated design repository to a folder, for timing and memory
//! measurements of the binary (see BENCHMARKS.md):
//!
//! ```text
//! cargo run --release --example gen -- 100000 /tmp/design-100k
//! /usr/bin/time -v target/release/erlint check /tmp/design-100k
//! ```

#[path = "mod.rs"]
mod gen;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(n), Some(dir)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: gen SITES DIR [FILES]");
        std::process::exit(2);
    };
    let Ok(n) = n.parse::<usize>() else {
        eprintln!("SITES must be a number");
        std::process::exit(2);
    };
    let mut spec = gen::Spec::sites(n);
    if let Some(files) = args.get(3).and_then(|f| f.parse().ok()) {
        spec.files = files;
    }
    let design = gen::generate(&spec);
    let dir = std::path::Path::new(dir);
    if let Err(e) = design.write_to(dir) {
        eprintln!("cannot write {}: {e}", dir.display());
        std::process::exit(1);
    }
    println!(
        "{} sites, {} circuits, {} virtual networks in {} files, {} bytes; planted: {:?}",
        design.sites,
        design.circuits,
        design.vnets,
        design.files.len(),
        design.bytes(),
        design.expected
    );
}
