//! `--fix`: the chosen fixes are applied in memory and the design linted
//! again; a set of fixes is kept only when every finding it fixes is gone
//! and no file became less valid (a new syntax or format finding). Fixes
//! that fail together are then tried one at a time; one that fails alone
//! is not applied. The loop stops when nothing more can be fixed, or after
//! [`MAX_LINTS`] lints (each fix can reveal another: a reference fixed is
//! then checked by the rules it was hidden from).

use super::apply::{apply_edits, choose};
use crate::driver::{Buffer, Input, RunError, Settings};
use crate::finding::{Edit, Finding};
use crate::report::Report;
use crate::rules;
use crate::source::{FileId, SourceDb};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// How many times the design is linted again at most.
pub const MAX_LINTS: usize = 32;

/// Which fixes are applied, and where.
#[derive(Clone, Debug, Default)]
pub struct FixMode {
    /// Unsafe fixes too (`--unsafe-fixes`).
    pub unsafe_fixes: bool,
    /// Only in this file (absolute): standard input linted as a file of its
    /// design is the one text that changes.
    pub only: Option<PathBuf>,
}

/// A file whose text the fixes changed.
#[derive(Clone, Debug)]
pub struct FixedFile {
    /// As reported.
    pub display: String,
    /// Where it is (absolute, as linted; for standard input, its name).
    pub path: PathBuf,
    /// The text linted first.
    pub original: Arc<str>,
    pub fixed: String,
}

/// What `--fix` did.
pub struct Fixed {
    /// The files changed, in report order.
    pub files: Vec<FixedFile>,
    /// How many findings the fixes removed.
    pub fixed: usize,
    /// The design linted with the fixed texts: what is left.
    pub report: Report,
}

/// A finding's identity across lints: rule, file and message (positions
/// move when text before them changes).
type Key = (&'static str, String, String);

fn key(f: &Finding, sources: &SourceDb) -> Key {
    (
        f.rule,
        sources.path(f.primary.file).to_string(),
        f.message.clone(),
    )
}

/// Applies the fixes of the findings of `input` that `mode` allows, each
/// checked by linting again, and returns the fixed texts with the report of
/// what is left. Nothing is written.
pub fn fix(input: &Input, settings: &Settings, mode: &FixMode) -> Result<Fixed, RunError> {
    let mut report = crate::lint(input, settings)?;
    // Per file changed so far: display, original text, current text.
    let mut texts: BTreeMap<PathBuf, (String, Arc<str>, String)> = BTreeMap::new();
    let mut fixed = 0;
    let mut rejected: HashSet<Key> = HashSet::new();
    let mut one_at_a_time = false;
    for _ in 0..MAX_LINTS {
        let paths = file_paths(input, settings, &report.sources, mode);
        let sources = &report.sources;
        let chosen = choose(
            &report.findings,
            |f, fix| {
                super::is_applied(fix, mode.unsafe_fixes) && !rejected.contains(&key(f, sources))
            },
            |id| {
                paths
                    .get(&id)
                    .and_then(|_| sources.get(id))
                    .map(|s| &*s.text)
            },
            if one_at_a_time { 1 } else { usize::MAX },
        );
        if chosen.is_empty() {
            break;
        }
        let keys: Vec<Key> = chosen.iter().map(|c| key(c.finding, sources)).collect();
        let mut edits: BTreeMap<FileId, Vec<&Edit>> = BTreeMap::new();
        for c in &chosen {
            for e in &c.fix.edits {
                edits.entry(e.span.file).or_default().push(e);
            }
        }
        let mut next = texts.clone();
        let mut applied = true;
        for (id, file_edits) in &edits {
            let (Some(path), Some(file)) = (paths.get(id), sources.get(*id)) else {
                applied = false;
                continue;
            };
            match apply_edits(&file.text, file_edits) {
                Some(new_text) => {
                    let entry = next
                        .entry(path.clone())
                        .or_insert_with(|| (file.path.clone(), file.text.clone(), String::new()));
                    entry.2 = new_text;
                }
                None => applied = false,
            }
        }
        let after = if applied {
            Some(crate::lint(&with_texts(input, &next), settings)?)
        } else {
            None
        };
        match after {
            Some(after) if removes(&report, &after, &keys) => {
                fixed += keys.len();
                texts = next;
                report = after;
            }
            _ if keys.len() == 1 => {
                rejected.extend(keys);
            }
            _ => one_at_a_time = true,
        }
    }
    let files = texts
        .into_iter()
        .filter(|(_, (_, original, now))| **original != **now)
        .map(|(path, (display, original, fixed))| FixedFile {
            display,
            path,
            original,
            fixed,
        })
        .collect();
    Ok(Fixed {
        files,
        fixed,
        report,
    })
}

/// True when every finding of `keys` is gone from `after` (one fewer per
/// fix) and no syntax or format finding appeared (a file left less valid).
fn removes(before: &Report, after: &Report, keys: &[Key]) -> bool {
    let count = |r: &Report| {
        let mut m: HashMap<Key, usize> = HashMap::new();
        for f in &r.findings {
            *m.entry(key(f, &r.sources)).or_default() += 1;
        }
        m
    };
    let (was, now) = (count(before), count(after));
    let mut fixed: HashMap<&Key, usize> = HashMap::new();
    for k in keys {
        *fixed.entry(k).or_default() += 1;
    }
    let gone = fixed
        .iter()
        .all(|(k, n)| now.get(*k).copied().unwrap_or(0) + n <= was.get(*k).copied().unwrap_or(0));
    // A suppression left unused by a fix is fine: the next pass removes it.
    let stage = |rule: &str| {
        rule != rules::reference::UNUSED_SUPPRESSION.name
            && rules::by_name(rule).is_some_and(|r| r.check.is_none())
    };
    let no_worse = now
        .iter()
        .filter(|(k, _)| stage(k.0))
        .all(|(k, n)| *n <= was.get(k).copied().unwrap_or(0));
    gone && no_worse
}

/// The files of the report that fixes may edit, by id, with their path:
/// design files read from disk (or the buffers given for them), and the
/// one file of standard input; with `mode.only`, only that file.
fn file_paths(
    input: &Input,
    settings: &Settings,
    sources: &SourceDb,
    mode: &FixMode,
) -> HashMap<FileId, PathBuf> {
    let mut out = HashMap::new();
    for (id, file) in sources.iter() {
        let path = match input {
            Input::Stdin { name, .. } => Some(PathBuf::from(name)),
            Input::Paths(_) | Input::Overlaid { .. } => {
                let abs = crate::normalize(&settings.cwd.join(&file.path));
                let buffered = matches!(input, Input::Overlaid { buffers, .. }
                    if buffers.iter().any(|b| b.path == abs));
                // The name as shown leads back to the file (not a lossy
                // rendering of an unusual name).
                let exists = abs
                    .symlink_metadata()
                    .is_ok_and(|m| m.is_file() || m.is_symlink());
                (buffered || exists).then_some(abs)
            }
            Input::Files(_) | Input::StdinUnreadable { .. } => None,
        };
        if let Some(path) = path {
            if mode
                .only
                .as_deref()
                .is_none_or(|only| only == Path::new(&path))
            {
                out.insert(id, path);
            }
        }
    }
    out
}

/// `input` with the changed files' texts in place of theirs.
pub(crate) fn with_texts(
    input: &Input,
    texts: &BTreeMap<PathBuf, (String, Arc<str>, String)>,
) -> Input {
    let changed = |path: &Path| texts.get(path).map(|(_, _, now)| now.as_bytes().to_vec());
    match input {
        Input::Stdin { name, bytes } => Input::Stdin {
            name: name.clone(),
            bytes: changed(Path::new(name)).unwrap_or_else(|| bytes.clone()),
        },
        Input::Paths(paths) | Input::Overlaid { paths, .. } => {
            let mut buffers: Vec<Buffer> = match input {
                Input::Overlaid { buffers, .. } => buffers
                    .iter()
                    .filter(|b| !texts.contains_key(&b.path))
                    .cloned()
                    .collect(),
                _ => Vec::new(),
            };
            buffers.extend(texts.iter().map(|(path, (_, _, now))| Buffer {
                path: path.clone(),
                bytes: now.as_bytes().to_vec(),
            }));
            Input::Overlaid {
                paths: paths.clone(),
                buffers,
            }
        }
        other => other.clone(),
    }
}
