//! Loading the design: reading each file, parsing and lowering it in the
//! thread's arena, and merging the files' parts in path order, a chunk at a
//! time. Also the texts set aside while the rules run and read again after.

use super::{Buffer, MemoryFile, RunError, Settings};
use crate::discover::{DesignPath, Problem, Roots};
use crate::finding::Finding;
use crate::model::{self, Design};
use crate::read::{self, ReadError};
use crate::source::{FileId, SourceDb, SourceFile, Span};
use crate::syntax;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Files read, parsed and lowered in parallel before their parts are
/// merged into the design.
const MERGE_CHUNK: usize = 256;

/// The design so far, in file order.
#[derive(Default)]
pub(super) struct Merged {
    pub design: Design,
    pub findings: Vec<Finding>,
    pub sources: SourceDb,
    pub set_aside: Vec<(FileId, SetAside)>,
    /// Every design file read, canonical.
    pub inputs: Vec<PathBuf>,
}

impl Merged {
    fn absorb(&mut self, results: Vec<Result<FileResult, RunError>>) -> Result<(), RunError> {
        for r in results {
            let r = r?;
            self.absorb_one(r);
        }
        Ok(())
    }

    fn absorb_one(&mut self, mut r: FileResult) {
        self.inputs.extend(r.read_from.take());
        let id = self.sources.add(r.source);
        if let Some(aside) = r.set_aside {
            self.set_aside.push((id, aside));
        }
        self.design.extend(r.design);
        self.findings.extend(r.findings);
    }
}

/// One file after reading, parsing and lowering.
pub(super) struct FileResult {
    pub(super) source: SourceFile,
    pub(super) design: Design,
    pub(super) findings: Vec<Finding>,
    /// The text was not kept (`source` has none): read it again if a
    /// finding points into it.
    set_aside: Option<SetAside>,
    /// Where it was read from, canonical (`--output` must not be there).
    read_from: Option<PathBuf>,
}

/// Up to this many bytes of design files, every file's text is kept
/// through the run: what a report shows of a file then never depends on
/// reading it again (a file changed meanwhile, by a checkout in another
/// terminal or an editor's save, keeps its positions, snippets and
/// fingerprints). Past it, texts are set aside and read again (see
/// [`SetAside`]), which keeps a large design's peak memory near its size.
const KEEP_TEXTS_UP_TO: u64 = 16 << 20;

/// True when the design files add up to at most [`KEEP_TEXTS_UP_TO`]
/// (by their sizes on disk, stopping as soon as that is passed; a file
/// whose size cannot be read counts as large, the safe side for memory).
fn design_is_small(files: &[DesignPath]) -> bool {
    let mut total: u64 = 0;
    for f in files {
        let size = std::fs::metadata(&f.path).map_or(u64::MAX, |m| m.len());
        total = total.saturating_add(size);
        if total > KEEP_TEXTS_UP_TO {
            return false;
        }
    }
    true
}

/// A file whose text is read again only if a finding points into it. Rules
/// never read text, so holding every file's text through the run would only
/// add the design's size on disk to peak memory.
pub(super) struct SetAside {
    path: PathBuf,
    len: usize,
    hash: u64,
}

fn text_hash(text: &str) -> u64 {
    use std::hash::BuildHasher;
    foldhash::fast::FixedState::with_seed(0x5eed).hash_one(text)
}

impl SetAside {
    /// The same text as when it was linted, or `None` (the file changed or
    /// went away meanwhile: its findings then show no source lines).
    fn reread(&self) -> Option<Arc<str>> {
        // Still the same file, not swapped for a link to elsewhere.
        if std::fs::canonicalize(&self.path).ok().as_deref() != Some(self.path.as_path()) {
            return None;
        }
        match read::read_file(&self.path).map(decode) {
            Ok(Loaded::Text(t)) if t.len() == self.len && text_hash(&t) == self.hash => {
                Some(Arc::from(t))
            }
            _ => None,
        }
    }
}

/// The buffers that replace design files, by the path of the file found
/// (`DesignPath::path`).
pub(super) type Overlay<'b> = HashMap<PathBuf, &'b [u8]>;

/// Matches each buffer with the design file it replaces (the same path,
/// else the same file through another spelling or a link); a buffer
/// matching none is added to `files` (kept sorted) as a file of the design.
pub(super) fn overlay<'b>(
    files: &mut Vec<DesignPath>,
    buffers: &'b [Buffer],
    cwd: &Path,
) -> Overlay<'b> {
    let mut out = Overlay::new();
    for buffer in buffers {
        let lexical = files
            .iter()
            .find(|f| super::normalize(&cwd.join(&f.path)) == buffer.path);
        let found = lexical.or_else(|| {
            let canonical = std::fs::canonicalize(&buffer.path).ok()?;
            files
                .iter()
                .find(|f| std::fs::canonicalize(&f.path).is_ok_and(|c| c == canonical))
        });
        let path = match found {
            Some(f) => f.path.clone(),
            None => {
                files.push(DesignPath {
                    display: crate::discover::display_path(&buffer.path, cwd),
                    path: buffer.path.clone(),
                });
                files.sort();
                buffer.path.clone()
            }
        };
        out.insert(path, buffer.bytes.as_slice());
    }
    out
}

/// Reads, parses and lowers `files` (sorted), numbering them in order;
/// a file in `overlay` is its buffer's text instead of what is on disk.
/// `problems` (what discovery could not look at) become findings of files
/// numbered after them.
pub(super) fn load_paths(
    files: &[DesignPath],
    problems: &[Problem],
    roots: &Roots,
    overlay: &Overlay<'_>,
    settings: &Settings,
) -> Result<Merged, RunError> {
    let mut merged = Merged::default();
    // Files are read, parsed and lowered in parallel, a chunk at a
    // time; a chunk is merged (in file order, so the design is the
    // same on any thread count) while the next one is processed.
    // Only a chunk's per-file parts exist at once besides the
    // merged design, which keeps peak memory near the design's.
    let mut pending: Vec<Result<FileResult, RunError>> = Vec::new();
    let keep_texts = design_is_small(files);
    for (c, chunk) in files.chunks(MERGE_CHUNK).enumerate() {
        let (done, merge) = rayon::join(
            || {
                chunk
                    .par_iter()
                    .enumerate()
                    .map(|(j, f)| {
                        let id = file_id(c * MERGE_CHUNK + j);
                        std::panic::catch_unwind(|| {
                            let buffer = overlay.get(&f.path);
                            let (loaded, canonical) = match buffer {
                                Some(bytes) => {
                                    (decode(bytes.to_vec()), resolve_inside(&f.path, roots).ok())
                                }
                                None => read_design_file(&f.path, roots),
                            };
                            // A buffer's text is not on disk: it is kept.
                            let disk = canonical
                                .as_deref()
                                .filter(|_| !keep_texts && buffer.is_none());
                            let mut r = process_file(id, f.display.clone(), loaded, disk)?;
                            r.read_from = canonical;
                            if let Some(p) = root_path(settings, &f.path) {
                                r.source = r.source.with_root_path(p);
                            }
                            Ok(r)
                        })
                        .unwrap_or_else(|p| Err(bug("checking", &f.display, &*p)))
                    })
                    .collect::<Vec<_>>()
            },
            || merged.absorb(std::mem::take(&mut pending)),
        );
        merge?;
        pending = done;
    }
    merged.absorb(pending)?;
    for (i, p) in problems.iter().enumerate() {
        merged.absorb_one(unreadable_problem(file_id(files.len() + i), p));
    }
    Ok(merged)
}

/// What discovery could not look at, as file `id`: its `unreadable-file`
/// finding.
pub(super) fn unreadable_problem(id: FileId, p: &Problem) -> FileResult {
    let mut design = Design::default();
    design.unparsed.opaque = p.may_hold_design;
    let help = "make it readable, or exclude it with `exclude` in erlint.toml";
    unreadable(id, p.display.clone(), p.message.clone(), help, design)
}

/// A design file that could not be read at all (standard input).
pub(super) fn load_unreadable(name: &str, message: &str) -> Merged {
    let mut merged = Merged::default();
    let mut design = Design::default();
    design.unparsed.opaque = true;
    let r = unreadable(
        file_id(0),
        name.into(),
        message.into(),
        UNREADABLE_HELP,
        design,
    );
    merged.absorb_one(r);
    merged
}

/// A panic while doing `stage` to `file`, as the run's error.
pub(super) fn bug(stage: &str, file: &str, payload: &(dyn std::any::Any + Send)) -> RunError {
    RunError::Internal {
        stage: stage.into(),
        file: file.into(),
        detail: super::panic_message(payload),
    }
}

/// Parses and lowers one file given as bytes (standard input).
pub(super) fn load_bytes(
    name: &str,
    bytes: &[u8],
    settings: &Settings,
) -> Result<Merged, RunError> {
    let mut merged = Merged::default();
    let (path, bytes) = (name.to_string(), bytes.to_vec());
    let rooted = root_path(settings, Path::new(name));
    let r = std::panic::catch_unwind(move || {
        let mut r = process_file(file_id(0), path, decode(bytes), None)?;
        if let Some(p) = rooted {
            r.source = r.source.with_root_path(p);
        }
        Ok(r)
    })
    .unwrap_or_else(|p| Err(bug("checking", name, &*p)));
    merged.absorb(vec![r])?;
    Ok(merged)
}

/// Parses and lowers design files already read (at a git revision).
pub(super) fn load_memory(files: &[MemoryFile]) -> Result<Merged, RunError> {
    let mut merged = Merged::default();
    let mut files: Vec<&MemoryFile> = files.iter().collect();
    files.sort_by(|a, b| a.display.cmp(&b.display));
    files.dedup_by(|a, b| a.display == b.display);
    let results = files
        .par_iter()
        .enumerate()
        .map(|(i, f)| {
            std::panic::catch_unwind(|| {
                let mut r =
                    process_file(file_id(i), f.display.clone(), decode(f.bytes.clone()), None)?;
                r.source = r.source.with_root_path(f.root_path.clone());
                Ok(r)
            })
            .unwrap_or_else(|p| Err(bug("checking", &f.display, &*p)))
        })
        .collect();
    merged.absorb(results)?;
    Ok(merged)
}

/// A design file's path relative to `settings.design_root`, `/`-separated,
/// when there is a design root and the file lies under it.
pub(super) fn root_path(settings: &Settings, path: &Path) -> Option<String> {
    let root = settings.design_root.as_deref()?;
    let abs = super::normalize(&settings.cwd.join(path));
    let rel = abs.strip_prefix(root).ok()?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// Reads again the texts set aside of the files that findings point into.
pub(super) fn restore_texts(
    sources: &mut SourceDb,
    set_aside: Vec<(FileId, SetAside)>,
    findings: &[Finding],
) {
    let mut wanted: Vec<FileId> = findings
        .iter()
        .flat_map(|f| std::iter::once(f.primary.file).chain(f.labels.iter().map(|l| l.span.file)))
        .collect();
    wanted.sort_unstable();
    wanted.dedup();
    let texts: Vec<(FileId, Arc<str>)> = set_aside
        .into_par_iter()
        .filter(|(id, _)| wanted.binary_search(id).is_ok())
        .filter_map(|(id, aside)| aside.reread().map(|t| (id, t)))
        .collect();
    for (id, text) in texts {
        sources.set_text(id, text);
    }
}

/// A file's bytes, or why there are none.
pub(super) enum Loaded {
    Text(String),
    /// `unreadable-file`: the message; the text shown is empty.
    Unreadable(String),
    /// `unreadable-file` for bytes that are not UTF-8 text: the message, and
    /// the bytes (names written in them are not reported as undefined).
    NotText(String, Vec<u8>),
}

/// Where `path` really is, if inside the design, or what to report.
fn resolve_inside(path: &Path, roots: &Roots) -> Result<PathBuf, String> {
    let canonical = std::fs::canonicalize(path)
        .map_err(|e| format!("cannot read this file: {}", ReadError::from(e)))?;
    if roots.contain(&canonical) {
        Ok(canonical)
    } else {
        // Nothing of the target is shown: not its path, not its text.
        Err("this file points outside the design (a symbolic link); not read".into())
    }
}

/// The file's bytes, and where it really is (to read it again from).
pub(super) fn read_design_file(path: &Path, roots: &Roots) -> (Loaded, Option<PathBuf>) {
    let canonical = match resolve_inside(path, roots) {
        Ok(c) => c,
        Err(message) => return (Loaded::Unreadable(message), None),
    };
    let loaded = read_canonical(&canonical);
    (loaded, Some(canonical))
}

fn read_canonical(canonical: &Path) -> Loaded {
    match read::read_file(canonical) {
        Ok(bytes) => decode(bytes),
        Err(ReadError::NotRegular(what)) => {
            Loaded::Unreadable(format!("not a regular file ({what}); skipped"))
        }
        Err(ReadError::TooLarge(bytes)) if bytes > read::MAX_BYTES + 1 => {
            Loaded::Unreadable(format!(
                "file is {} MiB, larger than the {} MiB erlint reads; skipped",
                bytes / (1024 * 1024),
                read::MAX_BYTES / (1024 * 1024)
            ))
        }
        Err(ReadError::TooLarge(_)) => Loaded::Unreadable(format!(
            "file is longer than the {} MiB erlint reads; skipped",
            read::MAX_BYTES / (1024 * 1024)
        )),
        Err(e) => Loaded::Unreadable(format!("cannot read this file: {e}")),
    }
}

pub(super) fn decode(bytes: Vec<u8>) -> Loaded {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Loaded::NotText(
            "the file is UTF-16 text (it starts with a UTF-16 byte order mark); erlint reads UTF-8"
                .into(),
            bytes,
        );
    }
    if bytes.contains(&0) {
        return Loaded::NotText(
            "the file is binary (it contains NUL bytes), not YAML text".into(),
            bytes,
        );
    }
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            // A UTF-8 byte order mark is allowed and ignored.
            if text.starts_with('\u{feff}') {
                text.drain(..3);
            }
            Loaded::Text(text)
        }
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let line = 1 + bytes[..valid].iter().filter(|&&b| b == b'\n').count();
            let byte = bytes.get(valid).copied().unwrap_or(0);
            Loaded::NotText(
                format!("the file is not UTF-8 text: invalid byte 0x{byte:02x} on line {line}"),
                bytes,
            )
        }
    }
}

pub(super) fn file_id(i: usize) -> FileId {
    FileId(u32::try_from(i).unwrap_or(u32::MAX))
}

fn unreadable(id: FileId, path: String, message: String, help: &str, design: Design) -> FileResult {
    FileResult {
        source: SourceFile::new(path, Arc::from("")),
        design,
        findings: vec![Finding::stage(
            &crate::rules::reference::UNREADABLE_FILE,
            Span::file_start(id),
            message,
        )
        .help(help)],
        set_aside: None,
        read_from: None,
    }
}

thread_local! {
    /// The arena of the YAML tree of the file a thread is lowering, reused
    /// from file to file (see [`syntax::Node`]).
    static ARENA: std::cell::RefCell<syntax::Bump> = std::cell::RefCell::new(syntax::Bump::new());
}

/// An arena no longer holding another file's tree to build one in. One
/// that grew past 64 MiB (a huge file) is given back afterwards rather than
/// kept for the rest of the run.
fn with_arena<R>(f: impl FnOnce(&syntax::Bump) -> R) -> R {
    ARENA.with(|cell| {
        let mut arena = cell.borrow_mut();
        arena.reset();
        let out = f(&arena);
        // Also after running out of memory: give back what it holds.
        if arena.allocated_bytes() > 64 << 20 {
            *arena = syntax::Bump::new();
        }
        out
    })
}

/// `disk`: where the file can be read again (`None` for standard input,
/// whose text is always kept), canonical and inside the design.
/// Memory running out while building the file's tree is an internal error.
pub(super) fn process_file(
    id: FileId,
    path: String,
    loaded: Loaded,
    disk: Option<&Path>,
) -> Result<FileResult, RunError> {
    Ok(match loaded {
        Loaded::Unreadable(message) => {
            let mut design = Design::default();
            design.unparsed.opaque = true;
            unreadable(id, path, message, UNREADABLE_HELP, design)
        }
        Loaded::NotText(message, bytes) => {
            // UTF-16 text is ASCII between NUL bytes: its names still count.
            let ascii: Vec<u8> = bytes.into_iter().filter(|&b| b != 0).collect();
            let mut design = Design::default();
            design.unparsed.add_text(&String::from_utf8_lossy(&ascii));
            let help = "save the file as UTF-8 text, or exclude it with `exclude` in erlint.toml";
            unreadable(id, path, message, help, design)
        }
        Loaded::Text(text) => {
            let lowered = with_arena(|arena| {
                let parsed = syntax::parse(id, &text, arena);
                if parsed.out_of_memory {
                    return None;
                }
                let (mut design, mut findings) = model::lower::lower(id, &parsed.documents);
                if parsed.truncated {
                    design.unparsed.add_text(&text);
                }
                let mut all = parsed.findings;
                all.append(&mut findings);
                Some((design, all))
            });
            let Some((design, all)) = lowered else {
                return Err(RunError::Internal {
                    stage: "parsing".into(),
                    file: path,
                    detail: format!(
                        "out of memory building the YAML tree of this {} MiB file",
                        text.len() >> 20
                    ),
                });
            };
            // Suppression comments are read after the rules: keep the text
            // of a file that may hold one, and of standard input.
            let keep = disk.is_none() || text.contains("erlint");
            let set_aside = match disk {
                Some(p) if !keep => Some(SetAside {
                    path: p.to_path_buf(),
                    len: text.len(),
                    hash: text_hash(&text),
                }),
                _ => None,
            };
            let text: Arc<str> = if keep { Arc::from(text) } else { Arc::from("") };
            FileResult {
                source: SourceFile::new(path, text),
                design,
                findings: all,
                set_aside,
                read_from: None,
            }
        }
    })
}

const UNREADABLE_HELP: &str = "make the file readable, or exclude it with `exclude` in erlint.toml";
