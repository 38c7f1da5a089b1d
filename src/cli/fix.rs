//! `check --fix`, `--diff` and `--unsafe-fixes`: the fixes found by
//! `crate::fix`, written to the design files (only files the run read,
//! unchanged since, atomically), printed as a diff, or, for standard input,
//! printed as the fixed text.

use super::{output, print_stdout, Failure};
use crate::finding::Applicability;
use crate::fix::{self, FixMode, Fixed};
use crate::report::Report;
use crate::{Input, Settings};

/// What the command line asked of fixes.
pub(super) struct FixArgs {
    pub write: bool,
    pub diff: bool,
    pub unsafe_fixes: bool,
}

/// Runs the fixes; returns their result, with its report of what is left.
pub(super) fn run(
    input: &Input,
    settings: &Settings,
    args: &FixArgs,
    only: Option<std::path::PathBuf>,
) -> Result<Fixed, Failure> {
    let mode = FixMode {
        unsafe_fixes: args.unsafe_fixes,
        only,
    };
    fix::fix(input, settings, &mode).map_err(|e| Failure(e.to_string()))
}

/// `--diff`: every changed file's diff on standard output.
pub(super) fn print_diff(fixed: &Fixed) -> Result<(), Failure> {
    let mut out = String::new();
    for f in &fixed.files {
        out.push_str(&fix::unified_diff(&f.display, &f.original, &f.fixed));
    }
    print_stdout(&out)
}

/// `--fix` with `-`: the buffer, fixed (or as it was), on standard output.
pub(super) fn print_fixed_stdin(fixed: &Fixed, original: &[u8]) -> Result<(), Failure> {
    match fixed.files.first() {
        Some(f) => print_stdout(&f.fixed),
        None => print_stdout(&String::from_utf8_lossy(original)),
    }
}

/// `--fix`: writes each changed file, once every one of them is checked:
/// a file the run read (canonical, so never through a link out of the
/// design) that still holds the text that was linted. Each is written to
/// a temporary file in its folder and renamed over it.
pub(super) fn write_files(
    fixed: &Fixed,
    report_inputs: &[std::path::PathBuf],
) -> Result<(), Failure> {
    let mut writes = Vec::new();
    for f in &fixed.files {
        let shown = &f.display;
        let canonical = std::fs::canonicalize(&f.path)
            .map_err(|e| Failure(format!("cannot fix `{shown}`: {e}")))?;
        if !report_inputs.contains(&canonical) {
            return Err(Failure(format!(
                "cannot fix `{shown}`: not a design file this run read; nothing written"
            )));
        }
        let now = crate::read::read_file(&canonical)
            .map_err(|e| Failure(format!("cannot fix `{shown}`: {e}")))?;
        // The loader drops a UTF-8 byte order mark: keep it.
        let (bom, rest) = match now.strip_prefix("\u{feff}".as_bytes()) {
            Some(rest) => ("\u{feff}", rest),
            None => ("", now.as_slice()),
        };
        if rest != f.original.as_bytes() {
            return Err(Failure(format!(
                "`{shown}` changed while erlint ran; nothing written, run again"
            )));
        }
        writes.push((canonical, format!("{bom}{}", f.fixed)));
    }
    for (path, text) in writes {
        output::write_report(&path, text.as_bytes())?;
    }
    Ok(())
}

/// One line on standard error: what was fixed and what could be.
pub(super) fn summary(fixed: &Fixed, args: &FixArgs) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let verb = if args.diff { "would fix" } else { "fixed" };
    let mut line = format!(
        "erlint: {verb} {} in {}",
        plural(fixed.fixed, "finding", "findings"),
        plural(fixed.files.len(), "file", "files")
    );
    let (left, guesses) = left_over(&fixed.report, args.unsafe_fixes);
    if left > 0 {
        line.push_str(&format!(
            "; {} not applied (it would not remove its finding, or it edits a value shared through a YAML alias)",
            plural(left, "fix", "fixes")
        ));
    }
    if guesses > 0 {
        line.push_str(&format!(
            "; {} available with --unsafe-fixes",
            plural(guesses, "more fix", "more fixes")
        ));
    }
    line
}

/// Findings left with a fix that was allowed, and with only unsafe ones
/// when those were not.
fn left_over(report: &Report, unsafe_fixes: bool) -> (usize, usize) {
    let mut left = 0;
    let mut guesses = 0;
    for f in &report.findings {
        if f.fixes.iter().any(|x| fix::is_applied(x, unsafe_fixes)) {
            left += 1;
        } else if f
            .fixes
            .iter()
            .any(|x| x.applicability == Applicability::Unsafe)
        {
            guesses += 1;
        }
    }
    (left, guesses)
}
