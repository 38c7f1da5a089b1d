//! Paths on the command line → the sorted list of design files.
//!
//! The only code that walks the file system for design input. Hidden
//! folders, `.gitignore`d files and `exclude` globs are skipped; symlink
//! loops and special files are skipped, never followed forever.

use globset::GlobSet;
use std::path::{Path, PathBuf};

/// A design file found on disk.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct DesignPath {
    /// As reported: relative to the current directory when under it, with
    /// `/` separators.
    pub display: String,
    pub path: PathBuf,
}

/// A command-line path that does not exist: the run fails with exit 2.
#[derive(Debug)]
pub struct MissingPath(pub PathBuf);

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

/// The file an error of the walker is about, if it names one (a folder
/// loop names a folder, which is no design file).
fn error_path(e: &ignore::Error) -> Option<&Path> {
    match e {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        _ => None,
    }
}

/// Every design file under `roots`, sorted by display path, each once.
/// A file named explicitly is linted whatever its extension.
pub fn discover(
    roots: &[PathBuf],
    exclude: &GlobSet,
    cwd: &Path,
) -> Result<Vec<DesignPath>, MissingPath> {
    let mut out = Vec::new();
    for root in roots {
        // symlink_metadata first: a dangling link or a loop still "exists" as a path.
        let meta = std::fs::metadata(root).or_else(|_| std::fs::symlink_metadata(root));
        let Ok(meta) = meta else {
            return Err(MissingPath(root.clone()));
        };
        if !meta.is_dir() {
            out.push(DesignPath {
                display: display_path(root, cwd),
                path: root.clone(),
            });
            continue;
        }
        let walker = ignore::WalkBuilder::new(root)
            .hidden(true)
            .git_ignore(true)
            .git_global(false)
            .git_exclude(true)
            .require_git(false)
            .ignore(false)
            .parents(true)
            .follow_links(true)
            .build();
        for entry in walker {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    // A design file that cannot be looked at (a symbolic
                    // link loop, a dangling link) is kept: reading it then
                    // reports `unreadable-file` at its first line. Other
                    // errors (a folder loop, an unreadable folder) skip it.
                    if let Some(path) = error_path(&e).filter(|p| is_design_file(p)) {
                        let rel = path.strip_prefix(root).unwrap_or(path);
                        let hidden = rel.components().any(|c| {
                            c.as_os_str().to_string_lossy().starts_with('.')
                                && !matches!(c, std::path::Component::CurDir)
                        });
                        let display = display_path(path, cwd);
                        if !hidden && !exclude.is_match(&display) && !exclude.is_match(rel) {
                            out.push(DesignPath {
                                display,
                                path: path.to_path_buf(),
                            });
                        }
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
            out.push(DesignPath {
                display,
                path: path.to_path_buf(),
            });
        }
    }
    out.sort();
    out.dedup_by(|a, b| a.display == b.display);
    Ok(out)
}
