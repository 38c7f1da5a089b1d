//! The command line: dispatch, settings, and the ONLY place that picks exit
//! codes (0 clean, 1 findings at or above fail-on, 2 the run failed).

pub mod args;
mod diff_base;
mod fix;
mod generate;
mod graph;
mod output;
mod server;

use crate::config::{self, Config, Level};
use crate::finding::Severity;
use crate::render::ci_log::{self, Ci};
use crate::render::{self, Format, RenderOptions};
use crate::report::Report;
use crate::rules;
use crate::{Input, Settings};
use args::{CheckArgs, Cli, ColorChoice, Command, FailOn};
use clap::Parser;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// A run that could not happen: the message, for exit code 2.
pub struct Failure(pub String);

impl<T: std::fmt::Display> From<T> for Failure {
    fn from(e: T) -> Failure {
        Failure(e.to_string())
    }
}

/// What the run is doing, for the message of a bug that escapes every
/// stage's own handling (`erlint: internal error while <stage>`).
static STAGE: std::sync::Mutex<String> = std::sync::Mutex::new(String::new());
/// Where the last panic happened (its hook runs before it unwinds).
static PANICKED_AT: std::sync::Mutex<String> = std::sync::Mutex::new(String::new());

fn stage(what: String) {
    if let Ok(mut s) = STAGE.lock() {
        *s = what;
    }
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    // A panic is reported as an internal error with exit 2, once, not as a
    // crash dump: the hook only remembers where it happened.
    std::panic::set_hook(Box::new(|info| {
        if let (Ok(mut at), Some(l)) = (PANICKED_AT.lock(), info.location()) {
            *at = format!("{}:{}", l.file(), l.line());
        }
    }));
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => 0,
                _ => 2,
            });
        }
    };
    stage("running".into());
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(cli))) {
        Ok(Ok(code)) => code,
        Ok(Err(Failure(msg))) if msg.starts_with("internal error while ") => {
            eprintln!("erlint: {msg}");
            ExitCode::from(2)
        }
        Ok(Err(Failure(msg))) => {
            eprintln!("erlint: error: {msg}");
            ExitCode::from(2)
        }
        Err(payload) => {
            let at = PANICKED_AT.lock().map(|a| a.clone()).unwrap_or_default();
            let doing = STAGE.lock().map(|s| s.clone()).unwrap_or_default();
            eprintln!(
                "erlint: internal error while {doing}: {} (at {at}); this is a bug in erlint, please report it",
                crate::driver::panic_message(&*payload)
            );
            ExitCode::from(2)
        }
    }
}

pub fn run(cli: Cli) -> Result<ExitCode, Failure> {
    match cli.command {
        Command::Check(args) => check(args),
        Command::Rules => {
            let mut out = String::new();
            let width = rules::ALL.iter().map(|r| r.name.len()).max().unwrap_or(0);
            for r in rules::ALL {
                out.push_str(&format!(
                    "{:width$}  {:10}  {:7}  {}\n",
                    r.name,
                    r.group.as_str(),
                    r.default_severity.as_str(),
                    r.summary
                ));
            }
            print_stdout(&out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain { rule } => match rules::by_name(&rule) {
            Some(r) => {
                print_stdout(&explain_text(r.doc))?;
                Ok(ExitCode::SUCCESS)
            }
            None => {
                let close = crate::suggest::closest(&rule, rules::ALL.iter().map(|r| r.name), 3);
                let hint = crate::suggest::did_you_mean(&close)
                    .map(|d| format!(" ({d})"))
                    .unwrap_or_default();
                Err(Failure(format!(
                    "unknown rule `{rule}`{hint}; `erlint rules` lists them"
                )))
            }
        },
        Command::Catalog { config, no_config } => {
            let cwd = current_dir()?;
            let cfg = load_config(config.as_deref(), no_config, &cwd)?;
            let catalog = build_catalog(&cfg)?;
            print_stdout(&catalog.to_yaml())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema => {
            print_stdout(&crate::model::schema::json_schema())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Graph(args) => graph::graph(args),
        Command::Server => server::server(),
        Command::Completions { shell } => {
            print_stdout(&generate::completions(shell)?)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Man { command } => {
            print_stdout(&generate::man_page(command.as_deref())?)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The page without the fence tags the doc tests use (` ```yaml bad `).
pub fn explain_text(doc: &str) -> String {
    render::rule_page(doc)
}

pub(super) fn print_stdout(s: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        // A closed pipe (`erlint rules | head`) is not a failure.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(Failure::from),
    }
}

pub(super) fn current_dir() -> Result<PathBuf, Failure> {
    std::env::current_dir().map_err(|e| Failure(format!("cannot read the current directory: {e}")))
}

pub(super) fn load_config(
    explicit: Option<&Path>,
    none: bool,
    cwd: &Path,
) -> Result<Config, Failure> {
    if none {
        return Ok(Config::default());
    }
    let path = match explicit {
        Some(p) => {
            if p.symlink_metadata().is_err() {
                return Err(Failure(format!(
                    "config file `{}` does not exist",
                    p.display()
                )));
            }
            p.to_path_buf()
        }
        // Shown relative to the current folder when under it.
        None => match config::find(cwd) {
            Some(p) => {
                config::check_inside_its_folder(&p).map_err(Failure)?;
                match p.strip_prefix(cwd) {
                    Ok(rel) => rel.to_path_buf(),
                    Err(_) => p,
                }
            }
            None => return Ok(Config::default()),
        },
    };
    config::load(&path).map_err(Failure)
}

fn build_catalog(cfg: &Config) -> Result<crate::catalog::Catalog, Failure> {
    let mut catalog = crate::catalog::Catalog::builtin();
    if let Some(path) = &cfg.catalog {
        catalog_inside_design(path, cfg)?;
        catalog.overlay_file(path).map_err(Failure)?;
    }
    Ok(catalog)
}

/// The catalog file must resolve inside the folder of the `erlint.toml`
/// naming it: a design repository cannot make erlint read (and quote in an
/// error) a file elsewhere.
fn catalog_inside_design(path: &Path, cfg: &Config) -> Result<(), Failure> {
    let folder = cfg
        .path
        .as_deref()
        .and_then(Path::parent)
        .map(|f| {
            if f.as_os_str().is_empty() {
                Path::new(".")
            } else {
                f
            }
        })
        .unwrap_or(Path::new("."));
    let (Ok(file), Ok(folder)) = (std::fs::canonicalize(path), std::fs::canonicalize(folder))
    else {
        return Ok(()); // reading it says what is wrong
    };
    if file.starts_with(folder) {
        Ok(())
    } else {
        Err(Failure(format!(
            "catalog file `{}` is outside the design folder (the folder of erlint.toml); not read",
            path.display()
        )))
    }
}

/// The worker pool: `--threads`, else `RAYON_NUM_THREADS`, else one per
/// core; never more than four per core (a huge count only costs: the
/// seven-file example took minutes with `RAYON_NUM_THREADS=100000`).
fn set_up_threads(flag: Option<u16>) -> Result<(), Failure> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let asked = flag.map(usize::from).or_else(|| {
        std::env::var("RAYON_NUM_THREADS")
            .ok()
            .and_then(|v| v.trim().parse::<usize>().ok())
            .filter(|&n| n > 0)
    });
    let threads = asked.unwrap_or(cores).min(cores.saturating_mul(4)).max(1);
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build_global()
        .map_err(|e| Failure(format!("cannot start {threads} worker threads: {e}")))
}

fn severity_of(f: FailOn) -> Severity {
    match f {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Info => Severity::Info,
    }
}

/// Rule names from `--select` / `--ignore` values (names or groups).
fn resolve_rule_list(values: &[String], flag: &str) -> Result<Vec<&'static str>, Failure> {
    let mut out = Vec::new();
    for v in values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
        match rules::matching(v) {
            Some(rs) => out.extend(rs.iter().map(|r| r.name)),
            None => {
                let names = rules::ALL
                    .iter()
                    .map(|r| r.name)
                    .chain(rules::Group::ALL.iter().map(|g| g.as_str()));
                let close = crate::suggest::closest(v, names, 3);
                let hint = crate::suggest::did_you_mean(&close)
                    .map(|d| format!(" ({d})"))
                    .unwrap_or_default();
                return Err(Failure(format!(
                    "unknown rule or group `{v}` in {flag}{hint}; `erlint rules` lists them"
                )));
            }
        }
    }
    Ok(out)
}

fn check(args: CheckArgs) -> Result<ExitCode, Failure> {
    set_up_threads(args.threads)?;
    let cwd = current_dir()?;
    if args.unsafe_fixes && !(args.fix || args.diff) {
        return Err(Failure("--unsafe-fixes needs --fix or --diff".into()));
    }
    // `- --stdin-filename F`: the buffer is file F of the design around it,
    // configured from F's folder (docs/decisions.md).
    let stdin_file = stdin_in_context(&args, &cwd);
    let search_from = stdin_file
        .as_deref()
        .and_then(Path::parent)
        .unwrap_or(&cwd)
        .to_path_buf();
    let cfg = load_config(args.config.as_deref(), args.no_config, &search_from)?;
    let mut settings = settings_from(cwd.clone(), &cfg, &args.select, &args.ignore)?;
    // Fingerprints name files relative to the design root, so that they
    // match from any folder and at another git revision.
    let design_root = match &cfg.path {
        Some(p) => crate::normalize(&cwd.join(p))
            .parent()
            .map(Path::to_path_buf),
        None => crate::git::worktree_root(&search_from),
    };
    settings.design_root = Some(design_root.clone().unwrap_or_else(|| cwd.clone()));
    // --root: paths are reported relative to DIR; the command line's paths
    // are made absolute so that they can be.
    let mut paths = args.paths.clone();
    let mut stdin_name = args.stdin_filename.clone();
    if let Some(root) = &args.root {
        let abs = crate::normalize(&cwd.join(root));
        if !abs.is_dir() {
            return Err(Failure(format!(
                "--root `{}` is not a folder",
                root.display()
            )));
        }
        for p in paths.iter_mut().filter(|p| *p != Path::new("-")) {
            *p = crate::normalize(&cwd.join(&*p));
        }
        if paths.is_empty() {
            paths.push(cwd.clone());
        }
        stdin_name = stdin_name
            .map(|n| crate::discover::display_path(&crate::normalize(&cwd.join(n)), &abs));
        settings.cwd = abs;
    }
    let fail_on = args
        .fail_on
        .map(severity_of)
        .or(cfg.fail_on)
        .unwrap_or(Severity::Error);

    let mut input = input_from(&paths, stdin_name.as_deref())?;
    if let (Some(file), Input::Stdin { bytes, .. }) = (&stdin_file, &mut input) {
        let folder = match (&cfg.path, &design_root) {
            (Some(_), Some(root)) => root.clone(),
            _ if file.starts_with(&cwd) => cwd.clone(),
            _ => file.parent().map_or_else(|| cwd.clone(), Path::to_path_buf),
        };
        input = Input::Overlaid {
            paths: vec![folder],
            buffers: vec![crate::Buffer {
                path: file.clone(),
                bytes: std::mem::take(bytes),
            }],
        };
    }

    if let Some(path) = &args.baseline {
        settings.baseline = Some(crate::baseline::load(path).map_err(Failure)?);
    }
    if let Some(rev) = &args.diff_base {
        let Input::Paths(paths) = &input else {
            return Err(Failure(
                "--diff-base lints the design's files, not standard input".into(),
            ));
        };
        let known = diff_base::known_at(rev, paths, &cwd, &settings)?;
        settings
            .baseline
            .get_or_insert_with(Default::default)
            .extend(known);
    }

    stage(format!(
        "linting `{}`",
        paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(" ")
    ));
    // --fix and --diff: the fixes, each checked by linting again.
    let mut stdin_fixed = false;
    if args.fix || args.diff {
        let fix_args = fix::FixArgs {
            write: args.fix,
            diff: args.diff,
            unsafe_fixes: args.unsafe_fixes,
        };
        let fixed = fix::run(&input, &settings, &fix_args, stdin_file.clone())?;
        if !args.quiet {
            eprintln!("{}", fix::summary(&fixed, &fix_args));
        }
        if fix_args.diff {
            fix::print_diff(&fixed)?;
            return Ok(ExitCode::from(u8::from(!fixed.files.is_empty())));
        }
        match &mut input {
            Input::Stdin { bytes, .. } => {
                fix::print_fixed_stdin(&fixed, bytes)?;
                stdin_fixed = true;
                replace_with_fixed(bytes, &fixed);
            }
            Input::Overlaid { buffers, .. } if stdin_file.is_some() => {
                if let Some(buffer) = buffers.first_mut() {
                    fix::print_fixed_stdin(&fixed, &buffer.bytes)?;
                    replace_with_fixed(&mut buffer.bytes, &fixed);
                }
                stdin_fixed = true;
            }
            _ if fix_args.write => fix::write_files(&fixed, &fixed.report.inputs)?,
            _ => {}
        }
    }

    let format = args.format.unwrap_or(Format::Human);
    // The Markdown report draws what its findings touch: it needs the model.
    let (report, picture) = if format == Format::Markdown && !args.statistics {
        let (report, design, index) =
            crate::lint_with_model(&input, &settings).map_err(|e| Failure(e.to_string()))?;
        let picture = graph::findings_picture(&report, &design, &index);
        (report, picture)
    } else {
        let report = crate::lint(&input, &settings).map_err(|e| Failure(e.to_string()))?;
        (report, render::markdown::Picture::None)
    };
    let mut report = report;
    if let Some(file) = &stdin_file {
        only_findings_of(
            &mut report,
            &crate::discover::display_path(file, &settings.cwd),
        );
    }
    let failed = report.fails(fail_on);
    // The fixed buffer went to standard output: the report only to --output.
    if stdin_fixed && args.output.is_none() {
        return Ok(ExitCode::from(u8::from(failed)));
    }

    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let opts = RenderOptions {
        color,
        width: if to_terminal { terminal_width() } else { 100 },
    };
    // --quiet silences standard output on success; a report file asked for
    // with --output is still written (CI uploads it either way).
    if args.quiet && !failed && args.output.is_none() {
        return Ok(ExitCode::SUCCESS);
    }
    // The CI the run is in: with no --format, its annotations follow the
    // human report on standard output (docs/ci.md).
    let ci = Ci::from_env(|name| std::env::var(name).ok());
    stage(format!("rendering the {format:?} report").to_lowercase());
    #[cfg(debug_assertions)]
    if std::env::var("ERLINT_TEST_PANIC").is_ok_and(|v| v == "render") {
        panic!("injected by ERLINT_TEST_PANIC");
    }
    let mut buf = Vec::new();
    if args.statistics {
        match format {
            Format::Json => render::statistics::render_json(&report, &mut buf)?,
            _ => render::statistics::render_text(&report, &mut buf)?,
        }
    } else if format == Format::Markdown {
        let extras = render::markdown::Extras {
            picture,
            link_base: args.link_base.as_deref().unwrap_or(""),
        };
        render::markdown::render(&report, &extras, &mut buf)?;
    } else {
        render::render(format, &report, &opts, &mut buf)?;
    }
    match &args.output {
        Some(path) => {
            let mut inputs = report.inputs.clone();
            let side = [
                cfg.path.as_deref(),
                cfg.catalog.as_deref(),
                args.baseline.as_deref(),
            ];
            inputs.extend(
                side.into_iter()
                    .flatten()
                    .filter_map(|p| std::fs::canonicalize(p).ok()),
            );
            output::check_not_an_input(path, &inputs)?;
            output::write_report(path, &buf)?;
        }
        None => {
            let mut text = String::from_utf8_lossy(&buf).into_owned();
            if matches!(format, Format::Human | Format::Concise) {
                text = ci_log::make_safe(ci, &text);
            }
            if let (None, Some(ci), false) = (args.format, ci, args.statistics) {
                let mut annotations = Vec::new();
                ci_log::render(ci, &report, &mut annotations)?;
                text.push_str(&String::from_utf8_lossy(&annotations));
            }
            print_stdout(&text)?
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The file standard input stands for, absolute, when it is named
/// (`--stdin-filename`) in a folder that exists: the buffer is then linted
/// as that file of the design around it.
fn stdin_in_context(args: &CheckArgs, cwd: &Path) -> Option<PathBuf> {
    if args.paths.len() != 1 || args.paths[0] != Path::new("-") {
        return None;
    }
    let file = crate::normalize(&cwd.join(args.stdin_filename.as_deref()?));
    file.parent().is_some_and(Path::is_dir).then_some(file)
}

/// Keeps only the findings in the file shown as `display` (standard input's
/// file); their labels in other files stay.
fn only_findings_of(report: &mut Report, display: &str) {
    let id = report
        .sources
        .iter()
        .find(|(_, f)| f.path == display)
        .map(|(id, _)| id);
    report.retain(|f, _| Some(f.primary.file) == id);
}

/// The buffer's fixed text, when the fixes changed it.
fn replace_with_fixed(bytes: &mut Vec<u8>, fixed: &crate::fix::Fixed) {
    if let Some(f) = fixed.files.first() {
        *bytes = f.fixed.clone().into_bytes();
    }
}

/// Settings from `erlint.toml` and the rule lists of the command line.
pub(super) fn settings_from(
    cwd: PathBuf,
    cfg: &Config,
    select: &[String],
    ignore: &[String],
) -> Result<Settings, Failure> {
    let mut settings = Settings::new(cwd);
    settings.catalog = build_catalog(cfg)?;

    // Rules: config levels first, then --select narrows and --ignore removes.
    for (name, level) in &cfg.rules {
        match level {
            Level::Off => {
                settings.enabled.remove(name);
            }
            Level::On(sev) => {
                settings.severity.insert(name, *sev);
            }
        }
    }
    let selected = resolve_rule_list(select, "--select")?;
    if !selected.is_empty() {
        settings.enabled.retain(|r| selected.contains(r));
    }
    for r in resolve_rule_list(ignore, "--ignore")? {
        settings.enabled.remove(r);
    }
    if !cfg.exclude.is_empty() {
        let mut b = globset::GlobSetBuilder::new();
        for pattern in &cfg.exclude {
            let glob = globset::Glob::new(pattern).map_err(|e| {
                Failure(format!(
                    "invalid `exclude` pattern `{pattern}` in erlint.toml: {e}"
                ))
            })?;
            b.add(glob);
        }
        settings.exclude = b.build().map_err(Failure::from)?;
    }
    Ok(settings)
}

/// What the paths of the command line name (`-`: standard input).
pub(super) fn input_from(
    paths: &[PathBuf],
    stdin_filename: Option<&str>,
) -> Result<Input, Failure> {
    Ok(if paths.len() == 1 && paths[0] == Path::new("-") {
        let name = stdin_filename.unwrap_or("<stdin>").to_string();
        match crate::read::read_stdin() {
            Ok(bytes) => Input::Stdin { name, bytes },
            // A design file too long to read is a finding, like on disk.
            Err(crate::read::ReadError::TooLarge(_)) => Input::StdinUnreadable {
                name,
                message: format!(
                    "standard input is longer than the {} MiB erlint reads; skipped",
                    crate::read::MAX_BYTES / (1024 * 1024)
                ),
            },
            Err(e) => return Err(Failure(format!("cannot read standard input: {e}"))),
        }
    } else if paths.iter().any(|p| p == Path::new("-")) {
        return Err(Failure(
            "`-` (standard input) cannot be combined with other paths".into(),
        ));
    } else if paths.is_empty() {
        Input::Paths(vec![PathBuf::from(".")])
    } else {
        Input::Paths(paths.to_vec())
    })
}

/// `$COLUMNS` when set, else the width of the terminal standard output
/// is (shells rarely export `COLUMNS`), else 100.
fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .or_else(|| {
            terminal_size::terminal_size_of(std::io::stdout()).map(|(w, _)| usize::from(w.0))
        })
        .filter(|&w: &usize| w >= 40)
        .unwrap_or(100)
}
