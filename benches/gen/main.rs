//! Writes a generated design repository to a folder, for timing and memory
//! measurements of the binary (see BENCHMARKS.md):
//!
//! ```text
//! cargo run --release --example gen -- 100000 /tmp/design-100k
//! /usr/bin/time -v target/release/erlint check /tmp/design-100k
//! ```
//!
//! `gen --floor DIR` instead reads every `.yaml` file under `DIR` and pulls
//! every event from the YAML parser on one thread (no tree, no model): the
//! floor the benchmarks compare `erlint` with, for `/usr/bin/time`.

#[path = "mod.rs"]
mod gen;

fn floor(dir: &std::path::Path) -> usize {
    let mut events = 0;
    let mut stack = vec![dir.to_path_buf()];
    let mut files = Vec::new();
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "yaml") {
                files.push(p);
            }
        }
    }
    files.sort();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap_or_default();
        events += saphyr_parser::Parser::new_from_str(&text).count();
    }
    events
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--floor") {
        let dir = std::path::PathBuf::from(args.get(2).map_or(".", String::as_str));
        println!("{} events", floor(&dir));
        return;
    }
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
