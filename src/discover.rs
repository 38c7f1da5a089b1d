//! Paths on the command line → the sorted list of design files.
//!
//! The only code that walks the file system for design input. Hidden
//! folders, `.gitignore`d files and `exclude` globs are skipped; symlink
//! loops and special files are skipped, never followed forever. Ignore
//! files are read here through the bounded reader (`src/read.rs`), not by
//! the walker (which would read a FIFO or `/dev/zero` without end).

use crate::read::{self, ReadError};
use globset::GlobSet;
use ignore::gitignore::{Gitignore, GitignoreBuilder};
use ignore::Match;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// A design file found on disk.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct DesignPath {
    /// As reported: relative to the current directory when under it, with
    /// `/` separators.
    pub display: String,
    pub path: PathBuf,
}

/// Something under the design that could not be looked at: a folder that
/// cannot be listed, an ignore file that cannot be read, a folder link
/// that leads outside the design. Each is an `unreadable-file` finding.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub display: String,
    pub message: String,
    /// Design files may be in it (a folder): names they would define or
    /// use are not reported as undefined or unused.
    pub may_hold_design: bool,
}

/// The design files, and what could not be looked at.
#[derive(Debug, Default)]
pub struct Discovered {
    pub files: Vec<DesignPath>,
    pub problems: Vec<Problem>,
    /// The ignore files read, canonical.
    pub ignore_files: Vec<PathBuf>,
}

/// Why discovery stops the run (exit 2).
#[derive(Debug)]
pub enum DiscoverError {
    /// A command-line path that does not exist.
    Missing(PathBuf),
    /// A command-line folder with no design file under it (nothing to
    /// lint is not a pass).
    NoDesignFile(PathBuf),
}

/// The folders design files must resolve inside: the design's folder (of
/// `erlint.toml`) and the paths linted, canonical. A symbolic link that
/// leads anywhere else is not followed.
#[derive(Clone, Debug, Default)]
pub struct Roots(Vec<PathBuf>);

impl Roots {
    pub fn new<'p>(paths: impl IntoIterator<Item = &'p Path>) -> Roots {
        let mut roots: Vec<PathBuf> = paths
            .into_iter()
            .filter_map(|p| std::fs::canonicalize(p).ok())
            .collect();
        roots.sort();
        roots.dedup();
        Roots(roots)
    }

    pub fn contain(&self, canonical: &Path) -> bool {
        self.0.iter().any(|r| canonical.starts_with(r))
    }
}

fn is_design_file(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

/// How a path is shown in reports.
pub fn display_path(path: &Path, cwd: &Path) -> String {
    let rel = path
        .strip_prefix(cwd)
        .ok()
        .filter(|r| !r.as_os_str().is_empty())
        .unwrap_or(path);
    let rel = rel.strip_prefix(".").unwrap_or(rel);
    let s = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    if path.is_absolute() && !path.starts_with(cwd) {
        format!("/{}", s.trim_start_matches('/'))
    } else {
        s
    }
}

/// The file an error of the walker is about, if it names one.
fn error_path(e: &ignore::Error) -> Option<&Path> {
    match e {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        _ => None,
    }
}

/// A folder loop (walked once, not an error for the user).
fn is_loop(e: &ignore::Error) -> bool {
    match e {
        ignore::Error::Loop { .. } => true,
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => is_loop(err),
        ignore::Error::Partial(errs) => errs.iter().all(is_loop),
        _ => false,
    }
}

/// Every design file under `roots`, sorted by display path, each once.
/// A file named explicitly is linted whatever its extension.
pub fn discover(
    paths: &[PathBuf],
    exclude: &GlobSet,
    cwd: &Path,
    roots: &Roots,
) -> Result<Discovered, DiscoverError> {
    let mut out = Discovered::default();
    for root in paths {
        // symlink_metadata first: a dangling link or a loop still "exists" as a path.
        let meta = std::fs::metadata(root).or_else(|_| std::fs::symlink_metadata(root));
        let Ok(meta) = meta else {
            return Err(DiscoverError::Missing(root.clone()));
        };
        if !meta.is_dir() {
            out.files.push(DesignPath {
                display: display_path(root, cwd),
                path: root.clone(),
            });
            continue;
        }
        let before = out.files.len() + out.problems.len();
        walk(root, exclude, cwd, roots, &mut out);
        if out.files.len() + out.problems.len() == before {
            return Err(DiscoverError::NoDesignFile(root.clone()));
        }
    }
    out.files.sort();
    out.files.dedup_by(|a, b| a.display == b.display);
    out.problems.sort();
    out.problems.dedup();
    Ok(out)
}

fn walk(root: &Path, exclude: &GlobSet, cwd: &Path, roots: &Roots, out: &mut Discovered) {
    let rules = Arc::new(Mutex::new(IgnoreRules::new(root, cwd)));
    let filter = {
        let (rules, roots, cwd) = (rules.clone(), roots.clone(), cwd.to_path_buf());
        move |entry: &ignore::DirEntry| -> bool {
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            // A folder link leading outside the design is not walked.
            if is_dir && entry.path_is_symlink() {
                let inside = std::fs::canonicalize(entry.path()).is_ok_and(|c| roots.contain(&c));
                if !inside {
                    if let Ok(mut r) = rules.lock() {
                        r.problems.push(Problem {
                            display: display_path(entry.path(), &cwd),
                            message:
                                "this folder points outside the design (a symbolic link); not read"
                                    .into(),
                            may_hold_design: true,
                        });
                    }
                    return false;
                }
            }
            rules
                .lock()
                .map_or(true, |mut r| !r.ignored(entry.path(), is_dir))
        }
    };
    let walker = ignore::WalkBuilder::new(root)
        .hidden(true)
        // Ignore files are read by `IgnoreRules`, bounded; not by the walker.
        .git_ignore(false)
        .git_global(false)
        .git_exclude(false)
        .ignore(false)
        .parents(false)
        .follow_links(true)
        .filter_entry(filter)
        .build();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                if is_loop(&e) {
                    continue;
                }
                let Some(path) = error_path(&e) else { continue };
                let rel = path.strip_prefix(root).unwrap_or(path);
                let hidden = rel.components().any(|c| {
                    c.as_os_str().to_string_lossy().starts_with('.')
                        && !matches!(c, std::path::Component::CurDir)
                });
                let display = display_path(path, cwd);
                if hidden || exclude.is_match(&display) || exclude.is_match(rel) {
                    continue;
                }
                if is_design_file(path) {
                    // A design file that cannot be looked at (a symbolic
                    // link loop, a dangling link) is kept: reading it then
                    // reports `unreadable-file` at its first line.
                    out.files.push(DesignPath {
                        display,
                        path: path.to_path_buf(),
                    });
                } else if path.is_dir() {
                    out.problems.push(Problem {
                        display,
                        message: format!(
                            "cannot read this folder: {}; the design files in it are not linted",
                            io_message(&e)
                        ),
                        may_hold_design: true,
                    });
                }
                continue;
            }
        };
        let path = entry.path();
        if entry.depth() == 0 || !is_design_file(path) {
            continue;
        }
        if entry.file_type().is_some_and(|t| t.is_dir()) {
            continue;
        }
        let display = display_path(path, cwd);
        let rel = path.strip_prefix(root).unwrap_or(path);
        if exclude.is_match(&display) || exclude.is_match(rel) {
            continue;
        }
        out.files.push(DesignPath {
            display,
            path: path.to_path_buf(),
        });
    }
    if let Ok(mut r) = rules.lock() {
        out.problems.append(&mut r.problems);
        out.ignore_files.append(&mut r.read);
    };
}

/// The I/O reason of a walker error, in erlint's words.
fn io_message(e: &ignore::Error) -> String {
    match e {
        ignore::Error::Io(io) => {
            let copy = io
                .raw_os_error()
                .map_or_else(|| io.kind().into(), std::io::Error::from_raw_os_error);
            ReadError::from(copy).to_string()
        }
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => io_message(err),
        other => other.to_string(),
    }
}

/// `.gitignore` files (in every folder walked, and in the folders above
/// the walk up to the repository's top) and `.git/info/exclude`, with
/// git's precedence: a deeper `.gitignore` wins over a shallower one, any
/// `.gitignore` over `exclude`.
struct IgnoreRules {
    /// The walk's root as given, and where it really is.
    root: PathBuf,
    canonical_root: PathBuf,
    /// The highest folder whose ignore files apply.
    top: PathBuf,
    cwd: PathBuf,
    folders: HashMap<PathBuf, FolderRules>,
    problems: Vec<Problem>,
    /// The ignore files read.
    read: Vec<PathBuf>,
}

#[derive(Default)]
struct FolderRules {
    gitignore: Option<Gitignore>,
    exclude: Option<Gitignore>,
}

impl IgnoreRules {
    fn new(root: &Path, cwd: &Path) -> IgnoreRules {
        let canonical_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        let canonical_cwd = std::fs::canonicalize(cwd).unwrap_or_else(|_| cwd.to_path_buf());
        // Up to the repository's top (a folder with `.git` or erlint.toml),
        // or the current folder; never above either, never above the walk
        // root when it is outside the current folder and no repository.
        let top = canonical_root
            .ancestors()
            .find(|d| {
                d.join(".git").symlink_metadata().is_ok()
                    || d.join(crate::config::FILE_NAME).symlink_metadata().is_ok()
                    || *d == canonical_cwd
            })
            .unwrap_or(&canonical_root)
            .to_path_buf();
        IgnoreRules {
            root: root.to_path_buf(),
            canonical_root,
            top,
            cwd: cwd.to_path_buf(),
            folders: HashMap::new(),
            problems: Vec::new(),
            read: Vec::new(),
        }
    }

    /// True when `path` (under the walk root) is ignored.
    fn ignored(&mut self, path: &Path, is_dir: bool) -> bool {
        let Ok(rel) = path.strip_prefix(&self.root) else {
            return false;
        };
        let abs = self.canonical_root.join(rel);
        let mut folders: Vec<PathBuf> = Vec::new();
        for dir in abs.ancestors().skip(1) {
            folders.push(dir.to_path_buf());
            if dir == self.top || !dir.starts_with(&self.top) {
                break;
            }
        }
        let mut from_exclude = Match::None;
        for dir in &folders {
            let rules = self.rules_of(dir);
            if let Some(gi) = &rules.gitignore {
                match gi.matched(&abs, is_dir) {
                    Match::None => {}
                    m => return m.is_ignore(),
                }
            }
            if from_exclude.is_none() {
                if let Some(ex) = &rules.exclude {
                    from_exclude = ex.matched(&abs, is_dir).map(|_| ());
                }
            }
        }
        from_exclude.is_ignore()
    }

    fn rules_of(&mut self, dir: &Path) -> &FolderRules {
        if !self.folders.contains_key(dir) {
            let gitignore = self.read_ignore_file(dir, &dir.join(".gitignore"));
            let git = dir.join(".git");
            let exclude = if git.symlink_metadata().is_ok_and(|m| m.is_dir()) {
                self.read_ignore_file(dir, &git.join("info").join("exclude"))
            } else {
                None
            };
            self.folders
                .insert(dir.to_path_buf(), FolderRules { gitignore, exclude });
        }
        &self.folders[dir]
    }

    /// The patterns of the ignore file `file` of folder `dir`, if it exists.
    /// Like git, a symbolic link is not followed; anything but a regular
    /// file is not read.
    fn read_ignore_file(&mut self, dir: &Path, file: &Path) -> Option<Gitignore> {
        let meta = file.symlink_metadata().ok()?;
        let text = if meta.file_type().is_symlink() {
            Err("it is a symbolic link (git does not follow those either)".to_string())
        } else {
            read::read_file(file).map_err(|e| e.to_string())
        };
        let text = match text {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(why) => {
                self.problems.push(Problem {
                    display: display_path(&self.shown(file), &self.cwd),
                    message: format!(
                        "cannot read this ignore file: {why}; its patterns are not applied"
                    ),
                    may_hold_design: false,
                });
                return None;
            }
        };
        self.read.push(file.to_path_buf());
        let mut builder = GitignoreBuilder::new(dir);
        for line in text.lines() {
            // A pattern git would reject is skipped, as git does.
            let _ = builder.add_line(Some(file.to_path_buf()), line);
        }
        builder.build().ok()
    }

    /// `file` as the user named its folders (under the walk root as given).
    fn shown(&self, file: &Path) -> PathBuf {
        match file.strip_prefix(&self.canonical_root) {
            Ok(rel) => self.root.join(rel),
            Err(_) => file.to_path_buf(),
        }
    }
}
