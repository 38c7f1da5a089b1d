//! The design kept file by file, for the language server: loaded once like
//! `check` loads it, then one file at a time replaced (an edit re-parses
//! and re-lowers that file only; the other files' lowered parts stay).
//!
//! The batch path (`lint`) does not use this: it merges as it loads and
//! keeps nothing per file.

use super::load::{self, FileResult, Loaded};
use super::{RunError, Settings};
use crate::discover::{self, Roots};
use crate::finding::Finding;
use crate::model::{Design, Index, Unparsed};
use crate::source::{FileId, SourceDb, SourceFile};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A design loaded file by file: the merged model and its index, every
/// file's text, and what loading each file found.
pub struct DesignParts {
    pub design: Design,
    pub index: Index,
    pub sources: SourceDb,
    /// The same files, with the text only of those that may hold a
    /// suppression comment (as the batch path keeps them): what the
    /// suppression stage scans, so an edit does not scan the whole design's
    /// text again.
    suppressible: SourceDb,
    /// Per file: where it is on disk, canonical (`None` for what discovery
    /// could not look at).
    pub paths: Vec<Option<PathBuf>>,
    /// Per file: the findings of reading, parsing and lowering it.
    stage: Vec<Vec<Finding>>,
    /// Per file: what it could not lower (merged into `design.unparsed`).
    unparsed: Vec<Unparsed>,
}

impl DesignParts {
    /// Discovers and loads the design under `folder` as `check folder`
    /// would (same discovery, exclusions and design root), except that a
    /// file whose canonical path is in `overlay` is read from there (an
    /// editor's unsaved buffer).
    pub fn load(
        folder: &Path,
        settings: &Settings,
        overlay: &HashMap<PathBuf, String>,
    ) -> Result<DesignParts, RunError> {
        let paths = vec![folder.to_path_buf()];
        let roots = Roots::new(
            settings
                .design_root
                .iter()
                .map(PathBuf::as_path)
                .chain(std::iter::once(folder)),
        );
        let mut found = discover::discover(&paths, &settings.exclude, &settings.cwd, &roots)
            .map_err(|e| match e {
                discover::DiscoverError::Missing(p) => RunError::MissingPath(p),
                discover::DiscoverError::NoDesignFile(p) => RunError::NoDesignFile(p),
            })?;
        found
            .files
            .retain(|f| !settings.catalog.is_overlay_file(&f.path));
        let results: Vec<(Result<FileResult, RunError>, Option<PathBuf>)> = found
            .files
            .par_iter()
            .enumerate()
            .map(|(i, f)| {
                let (loaded, canonical) = load::read_design_file(&f.path, &roots);
                let loaded = match canonical.as_ref().and_then(|c| overlay.get(c)) {
                    Some(text) => Loaded::Text(text.clone()),
                    None => loaded,
                };
                let id = load::file_id(i);
                let r = one_file(id, f.display.clone(), &f.path, loaded, settings);
                (r, canonical)
            })
            .collect();
        let mut parts = DesignParts::empty();
        for (r, canonical) in results {
            let mut r = r?;
            parts.suppressible.add(suppressible(&r.source));
            parts.sources.add(r.source);
            parts.unparsed.push(std::mem::take(&mut r.design.unparsed));
            parts.design.extend(r.design);
            parts.stage.push(r.findings);
            parts.paths.push(canonical);
        }
        for p in &found.problems {
            let id = load::file_id(parts.sources.len());
            let problem = load::unreadable_problem(id, p);
            parts.suppressible.add(suppressible(&problem.source));
            parts.sources.add(problem.source);
            parts.unparsed.push(problem.design.unparsed);
            parts.stage.push(problem.findings);
            parts.paths.push(None);
        }
        parts.merge_unparsed();
        parts.index = Index::build(&parts.design);
        Ok(parts)
    }

    /// A design of no file (a folder that has none yet).
    pub fn empty() -> DesignParts {
        DesignParts {
            design: Design::default(),
            index: Index::default(),
            sources: SourceDb::new(),
            suppressible: SourceDb::new(),
            paths: Vec::new(),
            stage: Vec::new(),
            unparsed: Vec::new(),
        }
    }

    /// The file at `path` (canonical), if it is part of the design.
    pub fn file_at(&self, path: &Path) -> Option<FileId> {
        self.paths
            .iter()
            .position(|p| p.as_deref() == Some(path))
            .map(load::file_id)
    }

    /// Replaces the text of file `id`: that file alone is parsed and
    /// lowered again, its entities spliced in place of the old ones (the
    /// design stays in file order), and the index rebuilt.
    pub fn replace_text(
        &mut self,
        id: FileId,
        text: String,
        settings: &Settings,
    ) -> Result<(), RunError> {
        let i = id.0 as usize;
        let (Some(old), Some(Some(path))) = (self.sources.get(id), self.paths.get(i)) else {
            return Ok(());
        };
        let display = old.path.clone();
        let path = path.clone();
        // An editor's buffer is held to the limit of a file on disk.
        let loaded = if text.len() as u64 > crate::read::MAX_BYTES {
            Loaded::Unreadable(format!(
                "the buffer is longer than the {} MiB erlint reads; skipped",
                crate::read::MAX_BYTES / (1024 * 1024)
            ))
        } else {
            Loaded::Text(text)
        };
        let mut r = one_file(id, display, &path, loaded, settings)?;
        if let Some(root) = self.sources.get(id).and_then(|f| f.root_path.clone()) {
            r.source = r.source.with_root_path(root);
        }
        self.suppressible.replace(id, suppressible(&r.source));
        self.sources.replace(id, r.source);
        self.unparsed[i] = std::mem::take(&mut r.design.unparsed);
        self.stage[i] = r.findings;
        splice(&mut self.design, id, r.design);
        self.merge_unparsed();
        self.index = Index::build(&self.design);
        Ok(())
    }

    /// Every finding of the design, as `check` would report them (rules
    /// enabled, severities, suppressions), unsorted.
    pub fn findings(&self, settings: &Settings) -> Result<Vec<Finding>, RunError> {
        let stage: Vec<Finding> = self.stage.iter().flatten().cloned().collect();
        super::run::run_rules(
            &self.design,
            &self.index,
            stage,
            &self.suppressible,
            settings,
            "the design",
        )
    }

    /// The semantic view of the design as it stands.
    pub fn db(&self) -> crate::sema::Db<'_> {
        crate::sema::Db::new(&self.design, &self.index)
    }

    fn merge_unparsed(&mut self) {
        let mut all = Unparsed::default();
        for u in &self.unparsed {
            all.opaque |= u.opaque;
            all.words.extend(u.words.iter().cloned());
        }
        self.design.unparsed = all;
    }
}

/// `file` as the suppression stage needs it: its text only if it may hold
/// a suppression comment.
fn suppressible(file: &SourceFile) -> SourceFile {
    let text: Arc<str> = if file.text.contains("erlint") {
        file.text.clone()
    } else {
        Arc::from("")
    };
    SourceFile::new(file.path.clone(), text)
}

/// Parses and lowers one file, keeping its text, under a panic guard.
fn one_file(
    id: FileId,
    display: String,
    path: &Path,
    loaded: Loaded,
    settings: &Settings,
) -> Result<FileResult, RunError> {
    let rooted = load::root_path(settings, path);
    std::panic::catch_unwind(|| {
        let mut r = load::process_file(id, display.clone(), loaded, None)?;
        if let Some(p) = rooted {
            r.source = r.source.with_root_path(p);
        }
        Ok(r)
    })
    .unwrap_or_else(|p| Err(load::bug("checking", &display, &*p)))
}

/// Replaces file `id`'s entities in `design` with `part`'s. Entities are
/// in file order, so each file's are one run of each list.
fn splice(design: &mut Design, id: FileId, part: Design) {
    fn run<T>(list: &mut Vec<T>, id: FileId, new: Vec<T>, file: impl Fn(&T) -> FileId) {
        let start = list.partition_point(|e| file(e) < id);
        let end = start + list[start..].partition_point(|e| file(e) <= id);
        list.splice(start..end, new);
    }
    run(&mut design.providers, id, part.providers, |e| e.span.file);
    run(&mut design.sites, id, part.sites, |e| e.span.file);
    run(&mut design.circuits, id, part.circuits, |e| e.span.file);
    run(&mut design.ports, id, part.ports, |e| e.span.file);
    run(
        &mut design.virtual_networks,
        id,
        part.virtual_networks,
        |e| e.span.file,
    );
}
