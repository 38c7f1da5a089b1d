//! The driver: [`lint`] runs every stage but rendering — discovery, loading
//! (`load.rs`), the rules (`run.rs`), the sorted report — with the
//! [`Settings`] of `settings.rs`.

mod load;
mod parts;
mod run;
mod settings;

pub use parts::DesignParts;
pub use settings::Settings;

use crate::discover;
use crate::model::{Design, Index};
use crate::report::Report;
use crate::rules;
use std::path::{Path, PathBuf};

/// What to lint.
#[derive(Clone, Debug)]
pub enum Input {
    /// Files and folders (the command line's paths).
    Paths(Vec<PathBuf>),
    /// One design file's bytes (`erlint check -`), reported under `name`.
    Stdin { name: String, bytes: Vec<u8> },
    /// Standard input that could not be read as a design file (longer than
    /// the limit): an `unreadable-file` finding with `message`.
    StdinUnreadable { name: String, message: String },
    /// Design files already read (a design at a git revision,
    /// `--diff-base`), in any order.
    Files(Vec<MemoryFile>),
    /// The design under `paths` with some files' text replaced by
    /// `buffers`: standard input linted as a file of its design
    /// (`--stdin-filename`), and the fixed texts of `--fix` linted again
    /// before they are written. A buffer naming no file found under the
    /// paths is a file of the design all the same.
    Overlaid {
        paths: Vec<PathBuf>,
        buffers: Vec<Buffer>,
    },
}

/// A design file's text that replaces the file on disk (see
/// [`Input::Overlaid`]).
#[derive(Clone, Debug)]
pub struct Buffer {
    /// Where the file is (or would be): absolute, `.` and `..` resolved.
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

/// A design file that is not read from disk.
#[derive(Clone, Debug)]
pub struct MemoryFile {
    /// As reported.
    pub display: String,
    /// Relative to the design root, for fingerprints.
    pub root_path: String,
    pub bytes: Vec<u8>,
}

/// Why a run could not produce a report (exit code 2).
#[derive(Debug)]
pub enum RunError {
    MissingPath(PathBuf),
    /// A folder linted with no design file under it.
    NoDesignFile(PathBuf),
    /// A bug: something panicked (or an allocation failed) while doing
    /// `stage` ("parsing", "running rule `x` on") to `file`.
    Internal {
        stage: String,
        file: String,
        detail: String,
    },
}

/// What a panic said, from its payload.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".into())
}

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RunError::MissingPath(p) => write!(f, "path `{}` does not exist", p.display()),
            RunError::NoDesignFile(p) => write!(
                f,
                "no design file (`*.yaml`, `*.yml`) under `{}`, once hidden, .gitignored and excluded files are left out",
                p.display()
            ),
            RunError::Internal {
                stage,
                file,
                detail,
            } => write!(
                f,
                "internal error while {stage} `{file}`: {detail}; this is a bug in erlint, please report it with that file"
            ),
        }
    }
}

/// Lints a design: every stage from discovery to the sorted report.
pub fn lint(input: &Input, settings: &Settings) -> Result<Report, RunError> {
    // The model is not needed past the rules: it is freed on the pool while
    // the report is finished (freeing 100k sites takes a while).
    let free = |design: Design, index: Index| rayon::spawn(move || drop((index, design)));
    lint_then(input, settings, free).map(|(report, ())| report)
}

/// Lints a design and keeps the model, for what draws the design with its
/// findings (`erlint graph`, the Markdown report's picture).
pub fn lint_with_model(
    input: &Input,
    settings: &Settings,
) -> Result<(Report, Design, Index), RunError> {
    lint_then(input, settings, |design, index| (design, index))
        .map(|(report, (design, index))| (report, design, index))
}

/// The pipeline; `model` receives the design and index once the rules ran.
fn lint_then<T>(
    input: &Input,
    settings: &Settings,
    model: impl FnOnce(Design, Index) -> T,
) -> Result<(Report, T), RunError> {
    let mut ignore_files = Vec::new();
    let merged = match input {
        Input::Paths(paths) => from_disk(paths, &[], settings, &mut ignore_files)?,
        Input::Overlaid { paths, buffers } => {
            from_disk(paths, buffers, settings, &mut ignore_files)?
        }
        Input::Stdin { name, bytes } => load::load_bytes(name, bytes, settings)?,
        Input::Files(files) => load::load_memory(files)?,
        Input::StdinUnreadable { name, message } => load::load_unreadable(name, message),
    };
    let load::Merged {
        design,
        findings,
        mut sources,
        set_aside,
        mut inputs,
    } = merged;
    inputs.append(&mut ignore_files);
    let index = Index::build(&design);
    let what = match input {
        Input::Paths(paths) | Input::Overlaid { paths, .. } => paths
            .iter()
            .map(|p| discover::display_path(p, &settings.cwd))
            .collect::<Vec<_>>()
            .join(" "),
        Input::Stdin { name, .. } | Input::StdinUnreadable { name, .. } => name.clone(),
        Input::Files(files) => format!("{} files at a git revision", files.len()),
    };
    let findings = run::run_rules(&design, &index, findings, &sources, settings, &what)?;
    let model = model(design, index);
    #[cfg(debug_assertions)]
    rewrite_for_test();
    load::restore_texts(&mut sources, set_aside, &findings);
    let mut findings = findings;
    crate::fix::settle(&mut findings, &sources);
    let mut report = Report::new(findings, sources);
    report.rules = rules::ALL
        .iter()
        .map(|r| r.name)
        .filter(|n| settings.enabled.contains(n))
        .collect();
    report.inputs = inputs;
    if let Some(known) = &settings.baseline {
        report.remove_known(known);
    }
    Ok((report, model))
}

/// Discovers the design under `paths` and loads it, `buffers` replacing
/// the files they name; the ignore files read are added to `ignore_files`.
fn from_disk(
    paths: &[PathBuf],
    buffers: &[Buffer],
    settings: &Settings,
    ignore_files: &mut Vec<PathBuf>,
) -> Result<load::Merged, RunError> {
    let roots = discover::Roots::new(
        settings
            .design_root
            .iter()
            .map(PathBuf::as_path)
            .chain(paths.iter().map(PathBuf::as_path)),
    );
    let found = discover::discover(paths, &settings.exclude, &settings.cwd, &roots);
    let mut found = match found {
        Ok(found) => found,
        // A buffer is the design's one file so far.
        Err(discover::DiscoverError::NoDesignFile(_)) if !buffers.is_empty() => {
            discover::Discovered::default()
        }
        Err(discover::DiscoverError::Missing(p)) => return Err(RunError::MissingPath(p)),
        Err(discover::DiscoverError::NoDesignFile(p)) => return Err(RunError::NoDesignFile(p)),
    };
    // The design's catalog file is not a design file.
    found
        .files
        .retain(|f| !settings.catalog.is_overlay_file(&f.path));
    ignore_files.append(&mut found.ignore_files);
    let overlay = load::overlay(&mut found.files, buffers, &settings.cwd);
    load::load_paths(&found.files, &found.problems, &roots, &overlay, settings)
}

/// `path` with `.` and `..` resolved lexically (symbolic links are not
/// followed: the design root and the files are named the same way).
pub fn normalize(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push(c);
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// Test-only, debug builds only: `ERLINT_TEST_REWRITE=<file>` rewrites that
/// file (two lines added at its top) once the rules have run, as a checkout
/// or an editor would while erlint runs, so that a test can check the
/// report still shows the text that was linted. Release builds, which users
/// run, write nothing.
#[cfg(debug_assertions)]
fn rewrite_for_test() {
    let Some(path) = std::env::var_os("ERLINT_TEST_REWRITE") else {
        return;
    };
    if let Ok(text) = crate::read::read_text(std::path::Path::new(&path)) {
        let _ = std::fs::write(&path, format!("# changed\n# during the run\n{text}"));
    }
}
