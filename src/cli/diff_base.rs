//! `check --diff-base REF`: the fingerprints of the findings of the design
//! as it is at the git revision REF, which the current run leaves out.
//!
//! The files at REF are chosen as discovery chooses them on disk: under the
//! command line's paths, `.yaml` / `.yml` (a file named explicitly whatever
//! its extension), no hidden folder below the path, not excluded by
//! `erlint.toml`, not the design's catalog file. The current `erlint.toml`
//! and catalog apply to both sides. `.gitignore` is not consulted at REF
//! (git tracks the files), and symbolic links at REF are not followed.

use super::Failure;
use crate::discover::display_path;
use crate::{git, Input, MemoryFile, Settings};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// A command-line path, relative to the repository root.
struct Wanted {
    /// `/`-separated; empty for the whole repository.
    prefix: String,
}

fn is_design_name(path: &str) -> bool {
    path.ends_with(".yaml") || path.ends_with(".yml")
}

fn repo_relative(abs: &Path, repo: &Path) -> Option<String> {
    let rel = abs.strip_prefix(repo).ok()?;
    Some(
        rel.components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/"),
    )
}

/// The fingerprints of the findings at `rev` of the design under `paths`
/// (absolute, or relative to `cwd`), linted with `settings`.
pub fn known_at(
    rev: &str,
    paths: &[PathBuf],
    cwd: &Path,
    settings: &Settings,
) -> Result<HashSet<String>, Failure> {
    let repo = git::toplevel(cwd).map_err(|e| Failure(format!("--diff-base: {e}")))?;
    let repo = crate::normalize(&repo);
    let mut wanted = Vec::new();
    for p in paths {
        let abs = crate::normalize(&cwd.join(p));
        let prefix = repo_relative(&abs, &repo).ok_or_else(|| {
            Failure(format!(
                "--diff-base: `{}` is not inside the git repository `{}`",
                p.display(),
                repo.display()
            ))
        })?;
        wanted.push(Wanted { prefix });
    }
    let wants = |path: &str| {
        wanted.iter().any(|w| {
            if path == w.prefix {
                return true; // named explicitly
            }
            let below = if w.prefix.is_empty() {
                Some(path)
            } else {
                path.strip_prefix(w.prefix.as_str())
                    .and_then(|r| r.strip_prefix('/'))
            };
            let Some(below) = below else {
                return false;
            };
            if !is_design_name(path) || below.split('/').any(|c| c.starts_with('.')) {
                return false;
            }
            let abs = repo.join(path);
            let display = display_path(&abs, &settings.cwd);
            !(settings.exclude.is_match(&display)
                || settings.exclude.is_match(below)
                || settings.catalog.is_overlay_file(&abs))
        })
    };
    let prefixes: Vec<String> = wanted.iter().map(|w| w.prefix.clone()).collect();
    let files = git::read_tree(&repo, rev, &prefixes, wants)
        .map_err(|e| Failure(format!("--diff-base: {e}")))?;
    let files = files
        .into_iter()
        .map(|f| {
            let abs = repo.join(&f.path);
            let display = display_path(&abs, &settings.cwd);
            let root_path = settings
                .design_root
                .as_deref()
                .and_then(|root| repo_relative(&abs, root))
                .filter(|p| !p.is_empty())
                .unwrap_or_else(|| display.clone());
            MemoryFile {
                display,
                root_path,
                bytes: f.bytes,
            }
        })
        .collect();
    let mut at_base = settings.clone();
    at_base.baseline = None;
    let report = crate::lint(&Input::Files(files), &at_base).map_err(|e| Failure(e.to_string()))?;
    Ok(report.fingerprints.into_iter().collect())
}
