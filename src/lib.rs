//! erlint: a linter for Azure ExpressRoute network designs kept as YAML.
//!
//! The pipeline, one module per stage, data flowing one way:
//! discover → syntax → model (+ catalog) → rules → suppress → report → render.
//! [`lint`] runs every stage but rendering; it is what the binary and the
//! tests call.

pub mod catalog;
pub mod cli;
pub mod config;
pub mod discover;
pub mod finding;
pub mod fingerprint;
pub mod git;
pub mod graph;
pub mod model;
pub mod render;
pub mod report;
pub mod rules;
pub mod sema;
pub mod source;
pub mod suggest;
pub mod suppress;
pub mod syntax;

use catalog::Catalog;
use finding::{Finding, Severity};
use model::{Design, Index};
use rayon::prelude::*;
use report::Report;
use rules::{Rule, RuleContext};
use source::{FileId, SourceDb, SourceFile, Span};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What to lint.
#[derive(Clone, Debug)]
pub enum Input {
    /// Files and folders (the command line's paths).
    Paths(Vec<PathBuf>),
    /// One design file's bytes (`erlint check -`), reported under `name`.
    Stdin { name: String, bytes: Vec<u8> },
    /// Design files already read (a design at a git revision,
    /// `--diff-base`), in any order.
    Files(Vec<MemoryFile>),
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

/// Which rules run and at what severity, resolved from the command line and
/// `erlint.toml`.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Rules that run (and stage findings that are kept).
    pub enabled: HashSet<&'static str>,
    /// Severity set by configuration, winning over defaults and a rule's
    /// softer findings.
    pub severity: HashMap<&'static str, Severity>,
    pub exclude: globset::GlobSet,
    pub catalog: Catalog,
    /// Paths in reports are relative to this folder.
    pub cwd: PathBuf,
    /// Fingerprints of findings already known (`--baseline`): not reported.
    pub baseline: Option<HashSet<String>>,
    /// Fingerprints name files relative to this folder (absolute): the
    /// folder of `erlint.toml`, else the repository root. `None`: relative
    /// to `cwd`, as reported.
    pub design_root: Option<PathBuf>,
}

impl Settings {
    /// Every rule at its default severity, the built-in catalog.
    pub fn new(cwd: PathBuf) -> Settings {
        Settings {
            enabled: rules::ALL.iter().map(|r| r.name).collect(),
            severity: HashMap::new(),
            exclude: globset::GlobSet::empty(),
            catalog: Catalog::builtin(),
            cwd,
            baseline: None,
            design_root: None,
        }
    }

    fn level(&self, rule: &Rule, softer: Option<Severity>) -> Severity {
        self.severity
            .get(rule.name)
            .copied()
            .or(softer)
            .unwrap_or(rule.default_severity)
    }
}

/// Why a run could not produce a report (exit code 2).
#[derive(Debug)]
pub enum RunError {
    MissingPath(PathBuf),
    /// A bug: something panicked while handling this file.
    Internal {
        file: String,
    },
}

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RunError::MissingPath(p) => write!(f, "path `{}` does not exist", p.display()),
            RunError::Internal { file } => write!(
                f,
                "internal error while checking `{file}`; this is a bug in erlint, please report it with that file"
            ),
        }
    }
}

/// Files read, parsed and lowered in parallel before their parts are
/// merged into the design.
const MERGE_CHUNK: usize = 256;

/// The design so far, in file order.
#[derive(Default)]
struct Merged {
    design: Design,
    findings: Vec<Finding>,
    sources: SourceDb,
    set_aside: Vec<(FileId, SetAside)>,
}

impl Merged {
    fn absorb(&mut self, results: Vec<Result<FileResult, String>>) -> Result<(), RunError> {
        for r in results {
            let r = r.map_err(|file| RunError::Internal { file })?;
            let id = self.sources.add(r.source);
            if let Some(aside) = r.set_aside {
                self.set_aside.push((id, aside));
            }
            self.design.extend(r.design);
            self.findings.extend(r.findings);
        }
        Ok(())
    }
}

/// One file after reading, parsing and lowering.
struct FileResult {
    source: SourceFile,
    design: Design,
    findings: Vec<Finding>,
    /// The text was not kept (`source` has none): read it again if a
    /// finding points into it.
    set_aside: Option<SetAside>,
}

/// A file whose text is read again only if a finding points into it. Rules
/// never read text, so holding every file's text through the run would only
/// add the design's size on disk to peak memory.
struct SetAside {
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
        match read_design_file(&self.path) {
            Loaded::Text(t) if t.len() == self.len && text_hash(&t) == self.hash => {
                Some(Arc::from(t))
            }
            _ => None,
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
    let mut merged = Merged::default();
    match input {
        Input::Paths(paths) => {
            let mut files = discover::discover(paths, &settings.exclude, &settings.cwd)
                .map_err(|m| RunError::MissingPath(m.0))?;
            // The design's catalog file is not a design file.
            files.retain(|f| !settings.catalog.is_overlay_file(&f.path));
            // Files are read, parsed and lowered in parallel, a chunk at a
            // time; a chunk is merged (in file order, so the design is the
            // same on any thread count) while the next one is processed.
            // Only a chunk's per-file parts exist at once besides the
            // merged design, which keeps peak memory near the design's.
            let mut pending: Vec<Result<FileResult, String>> = Vec::new();
            for (c, chunk) in files.chunks(MERGE_CHUNK).enumerate() {
                let (done, merge) = rayon::join(
                    || {
                        chunk
                            .par_iter()
                            .enumerate()
                            .map(|(j, f)| {
                                let id = file_id(c * MERGE_CHUNK + j);
                                std::panic::catch_unwind(|| {
                                    let loaded = read_design_file(&f.path);
                                    let mut r =
                                        process_file(id, f.display.clone(), loaded, Some(&f.path));
                                    if let Some(p) = root_path(settings, &f.path) {
                                        r.source = r.source.with_root_path(p);
                                    }
                                    r
                                })
                                .map_err(|_| f.display.clone())
                            })
                            .collect::<Vec<_>>()
                    },
                    || merged.absorb(std::mem::take(&mut pending)),
                );
                merge?;
                pending = done;
            }
            merged.absorb(pending)?;
        }
        Input::Stdin { name, bytes } => {
            let (path, bytes) = (name.clone(), bytes.clone());
            let rooted = root_path(settings, Path::new(name));
            let r = std::panic::catch_unwind(move || {
                let r = process_file(file_id(0), path, decode(bytes), None);
                match rooted {
                    Some(p) => FileResult {
                        source: r.source.with_root_path(p),
                        ..r
                    },
                    None => r,
                }
            })
            .map_err(|_| name.clone());
            merged.absorb(vec![r])?;
        }
        Input::Files(files) => {
            let mut files: Vec<&MemoryFile> = files.iter().collect();
            files.sort_by(|a, b| a.display.cmp(&b.display));
            files.dedup_by(|a, b| a.display == b.display);
            let results = files
                .par_iter()
                .enumerate()
                .map(|(i, f)| {
                    std::panic::catch_unwind(|| {
                        let r = process_file(
                            file_id(i),
                            f.display.clone(),
                            decode(f.bytes.clone()),
                            None,
                        );
                        FileResult {
                            source: r.source.with_root_path(f.root_path.clone()),
                            ..r
                        }
                    })
                    .map_err(|_| f.display.clone())
                })
                .collect();
            merged.absorb(results)?;
        }
    }
    let Merged {
        design,
        mut findings,
        mut sources,
        set_aside,
    } = merged;
    let index = Index::build(&design);
    // Read before the rules: an owner's silenced finding gives its case
    // back to the other rules (rules::Reporting).
    let suppressions = suppress::Suppressions::scan(&sources);
    let cx = RuleContext {
        db: sema::Db::new(&design, &index),
        catalog: &settings.catalog,
        reporting: rules::Reporting::new(&settings.enabled, &suppressions, &sources),
    };
    let rule_findings: Vec<Finding> = rules::ALL
        .par_iter()
        .filter(|r| settings.enabled.contains(r.name))
        .filter_map(|r| r.check.map(|check| (r, check)))
        .flat_map_iter(|(r, check)| {
            check(&cx).into_iter().map(move |mut f| {
                f.rule = r.name;
                f
            })
        })
        .collect();
    findings.extend(rule_findings);

    // Stamp severities and drop what is not enabled.
    let mut findings: Vec<Finding> = findings
        .into_iter()
        .filter(|f| settings.enabled.contains(f.rule))
        .filter_map(|mut f| {
            let rule = rules::by_name(f.rule)?;
            f.severity = settings.level(rule, f.softer);
            Some(f)
        })
        .collect();
    let unused = suppress::apply(&mut findings, &sources, suppressions, &settings.enabled);
    if settings
        .enabled
        .contains(rules::reference::unused_suppression::RULE.name)
    {
        let rule = &rules::reference::unused_suppression::RULE;
        findings.extend(unused.into_iter().map(|mut f| {
            f.severity = settings.level(rule, f.softer);
            f
        }));
    }
    let model = model(design, index);
    restore_texts(&mut sources, set_aside, &findings);
    let mut report = Report::new(findings, sources);
    report.rules = rules::ALL
        .iter()
        .map(|r| r.name)
        .filter(|n| settings.enabled.contains(n))
        .collect();
    if let Some(known) = &settings.baseline {
        report.remove_known(known);
    }
    Ok((report, model))
}

/// A design file's path relative to `settings.design_root`, `/`-separated,
/// when there is a design root and the file lies under it.
fn root_path(settings: &Settings, path: &Path) -> Option<String> {
    let root = settings.design_root.as_deref()?;
    let abs = normalize(&settings.cwd.join(path));
    let rel = abs.strip_prefix(root).ok()?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    (!parts.is_empty()).then(|| parts.join("/"))
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

/// Reads again the texts set aside of the files that findings point into.
fn restore_texts(sources: &mut SourceDb, set_aside: Vec<(FileId, SetAside)>, findings: &[Finding]) {
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
enum Loaded {
    Text(String),
    /// `unreadable-file`: the message; the text shown is empty.
    Unreadable(String),
    /// `unreadable-file` for bytes that are not UTF-8 text: the message, and
    /// the bytes (names written in them are not reported as undefined).
    NotText(String, Vec<u8>),
}

fn read_design_file(path: &Path) -> Loaded {
    // `stat` first: opening a FIFO or a device, even without blocking,
    // would disturb whatever else uses it.
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return Loaded::Unreadable(format!("cannot read this file: {}", io_reason(&e))),
    };
    if !meta.is_file() {
        return Loaded::Unreadable("not a regular file (a FIFO, socket or device); skipped".into());
    }
    if meta.len() > syntax::limits::MAX_FILE_BYTES {
        return Loaded::Unreadable(format!(
            "file is {} MiB, larger than the {} MiB erlint reads; skipped",
            meta.len() / (1024 * 1024),
            syntax::limits::MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    match std::fs::read(path) {
        Ok(bytes) => decode(bytes),
        Err(e) => Loaded::Unreadable(format!("cannot read this file: {}", io_reason(&e))),
    }
}

#[cfg(any(target_os = "macos", target_os = "ios", target_os = "freebsd"))]
const ELOOP: i32 = 62;
#[cfg(not(any(target_os = "macos", target_os = "ios", target_os = "freebsd")))]
const ELOOP: i32 = 40;

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "it does not exist (a dangling symbolic link?)".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        // ELOOP: a symbolic link that leads back to itself.
        _ if e.raw_os_error() == Some(ELOOP) => "it is a symbolic link loop".into(),
        _ => e.to_string(),
    }
}

fn decode(bytes: Vec<u8>) -> Loaded {
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

fn file_id(i: usize) -> FileId {
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
        if arena.allocated_bytes() > 64 << 20 {
            *arena = syntax::Bump::new();
        }
        out
    })
}

/// `disk`: where the file can be read again (`None` for standard input,
/// whose text is always kept).
fn process_file(id: FileId, path: String, loaded: Loaded, disk: Option<&Path>) -> FileResult {
    match loaded {
        Loaded::Unreadable(message) => {
            let mut design = Design::default();
            design.unparsed.opaque = true;
            let help = "make the file readable, or exclude it with `exclude` in erlint.toml";
            unreadable(id, path, message, help, design)
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
            let (design, all) = with_arena(|arena| {
                let parsed = syntax::parse(id, &text, arena);
                let (mut design, mut findings) = model::lower::lower(id, &parsed.documents);
                if parsed.truncated {
                    design.unparsed.add_text(&text);
                }
                let mut all = parsed.findings;
                all.append(&mut findings);
                (design, all)
            });
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
            }
        }
    }
}
