//! What the server knows: each workspace folder's design (loaded file by
//! file, see `DesignParts`), its settings and findings, the open buffers,
//! and the diagnostics last published.

use super::convert;
use crate::finding::Finding;
use crate::{DesignParts, Settings};
use lsp_types::{Diagnostic, Uri};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// Builds a folder's settings from its `erlint.toml` (as `check` run in
/// that folder would), or says why it cannot.
pub type SettingsFor = Box<dyn Fn(&Path) -> Result<Settings, String>>;

/// One workspace folder and its design.
pub struct Folder {
    /// Canonical.
    pub root: PathBuf,
    pub settings: Settings,
    pub parts: DesignParts,
    /// Every finding of the design, sorted by file and position.
    pub findings: Vec<Finding>,
    /// Why the design could not be loaded or checked (a bad
    /// `erlint.toml`, no design file, an internal error), shown to the
    /// user once.
    pub problem: Option<String>,
}

pub struct State {
    pub folders: Vec<Folder>,
    /// Open buffers, by canonical path: they overlay the files on disk.
    pub open: HashMap<PathBuf, String>,
    /// The diagnostics last published, per file.
    pub published: BTreeMap<String, (Uri, Vec<Diagnostic>)>,
    settings_for: SettingsFor,
}

impl State {
    pub fn new(settings_for: SettingsFor) -> State {
        State {
            folders: Vec::new(),
            open: HashMap::new(),
            published: BTreeMap::new(),
            settings_for,
        }
    }

    /// Loads (or loads again) the folder at `root`.
    pub fn load_folder(&mut self, root: &Path) {
        let root = convert::canonical(root);
        let folder = self.build_folder(&root);
        match self.folders.iter_mut().find(|f| f.root == root) {
            Some(f) => *f = folder,
            None => self.folders.push(folder),
        }
        // The deepest folder first: a file belongs to the innermost one.
        self.folders
            .sort_by_key(|f| std::cmp::Reverse(f.root.components().count()));
    }

    fn build_folder(&self, root: &Path) -> Folder {
        let (settings, mut problem) = match (self.settings_for)(root) {
            Ok(s) => (s, None),
            Err(e) => (Settings::new(root.to_path_buf()), Some(e)),
        };
        let parts = match DesignParts::load(root, &settings, &self.open) {
            Ok(p) => p,
            Err(e) => {
                if !matches!(e, crate::RunError::NoDesignFile(_)) {
                    problem.get_or_insert(e.to_string());
                }
                DesignParts::empty()
            }
        };
        let mut folder = Folder {
            root: root.to_path_buf(),
            settings,
            parts,
            findings: Vec::new(),
            problem,
        };
        folder.recheck();
        folder
    }

    /// The folders that hold the file at `path` (canonical) as a design
    /// file, and its id there; else the innermost folder it lies under.
    pub fn owner(&self, path: &Path) -> Option<(usize, Option<crate::source::FileId>)> {
        if let Some((i, id)) = self
            .folders
            .iter()
            .enumerate()
            .find_map(|(i, f)| f.parts.file_at(path).map(|id| (i, id)))
        {
            return Some((i, Some(id)));
        }
        self.folders
            .iter()
            .position(|f| path.starts_with(&f.root))
            .map(|i| (i, None))
    }

    /// The text of `path` changed to `text` (an open buffer), or back to
    /// what is on disk (`None`: closed, or changed on disk): that file
    /// alone is loaded again; a design file the folder did not have makes
    /// the folder load again.
    pub fn file_changed(&mut self, path: &Path, text: Option<String>) {
        let was_open = match &text {
            Some(t) => self.open.insert(path.to_path_buf(), t.clone()).is_some(),
            None => self.open.remove(path).is_some(),
        };
        let Some((i, id)) = self.owner(path) else {
            return;
        };
        match id {
            Some(id) => {
                let text = match text {
                    Some(t) => Some(t),
                    None => disk_text(path),
                };
                let folder = &mut self.folders[i];
                match text {
                    Some(t) => {
                        if let Err(e) = folder.parts.replace_text(id, t, &folder.settings) {
                            folder.problem = Some(e.to_string());
                        }
                        folder.recheck();
                    }
                    // Gone or unreadable now: discovery says what it is.
                    None => self.reload(i),
                }
            }
            // A YAML file the design did not have: load the folder again
            // when it is first opened (discovery decides whether it is a
            // design file), not on every keystroke.
            None if is_design_file_name(path) && text.is_some() && !was_open => self.reload(i),
            None => {}
        }
    }

    /// Every file's diagnostics as they stand (what the server publishes
    /// after a change, before comparing with what it published).
    pub fn diagnostics(&self) -> BTreeMap<String, (Uri, Vec<Diagnostic>)> {
        super::diagnostics::all(&self.folders)
    }

    /// Loads folder `i` again from disk and the open buffers.
    pub fn reload(&mut self, i: usize) {
        if let Some(root) = self.folders.get(i).map(|f| f.root.clone()) {
            self.load_folder(&root);
        }
    }
}

impl Folder {
    /// Runs the rules again over the design as it stands.
    pub fn recheck(&mut self) {
        match self.parts.findings(&self.settings) {
            Ok(mut findings) => {
                findings.sort_by(|a, b| {
                    (a.primary.file, a.primary.start, a.rule, &a.message).cmp(&(
                        b.primary.file,
                        b.primary.start,
                        b.rule,
                        &b.message,
                    ))
                });
                self.findings = findings;
            }
            Err(e) => {
                self.findings.clear();
                self.problem = Some(e.to_string());
            }
        }
    }
}

/// A file's text on disk, through the bounded reader (`None`: gone, not a
/// regular file, too large or not UTF-8).
fn disk_text(path: &Path) -> Option<String> {
    crate::read::read_text(path).ok()
}

/// `*.yaml` or `*.yml`: a file discovery would take.
pub fn is_design_file_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}
