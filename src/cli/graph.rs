//! `erlint graph`, and the picture of the Markdown report: the design is
//! found, configured and linted as for `check`, then drawn.

use super::args::GraphArgs;
use super::{current_dir, input_from, load_config, print_stdout, settings_from, Failure};
use crate::graph::{self, Graph, GraphFormat, Kind};
use crate::model::{Design, Index};
use crate::render::markdown::Picture;
use crate::report::Report;
use std::process::ExitCode;

/// Mermaid text past which GitHub does not render a diagram (its
/// `maxTextSize`): the Markdown report then says how to draw it instead.
const MERMAID_MAX_TEXT: usize = 50_000;

pub fn graph(args: GraphArgs) -> Result<ExitCode, Failure> {
    let cwd = current_dir()?;
    let cfg = load_config(args.config.as_deref(), args.no_config, &cwd)?;
    let settings = settings_from(cwd, &cfg, &[], &[])?;
    let input = input_from(&args.paths, None)?;
    let (report, design, index) =
        crate::lint_with_model(&input, &settings).map_err(|e| Failure(e.to_string()))?;
    let whole = graph::build(crate::sema::Db::new(&design, &index), &report);
    let (shown, keep) = match &args.focus {
        Some(focus) => {
            let (kind, name) = parse_focus(focus)?;
            let root = whole
                .find(kind, name)
                .ok_or_else(|| unknown(&whole, kind, name))?;
            let focused = whole.focus(&[root]);
            let keep: Vec<usize> = focused.find(kind, name).into_iter().collect();
            (focused, keep)
        }
        None => (whole, Vec::new()),
    };
    let picture = if args.format == GraphFormat::Mermaid {
        fit_for_mermaid(|max| shown.collapse(max, &keep), args.max_per_group).ok_or_else(|| {
            Failure(format!(
                "the picture has more than the {} connections Mermaid draws, even with few \
                 entities per group; draw the paths of one entity with `--focus KIND:NAME`, \
                 or use `--format dot` or `--format svg`",
                graph::MERMAID_MAX_EDGES
            ))
        })?
    } else {
        shown.collapse(args.max_per_group, &keep)
    };
    let text = args.format.render(&picture).map_err(Failure)?;
    match &args.output {
        Some(path) => std::fs::write(path, text)
            .map_err(|e| Failure(format!("cannot write `{}`: {e}", path.display())))?,
        None => print_stdout(&text)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn parse_focus(focus: &str) -> Result<(Kind, &str), Failure> {
    let kinds = || {
        Kind::ALL
            .iter()
            .map(|k| k.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let Some((kind, name)) = focus.split_once(':') else {
        return Err(Failure(format!(
            "--focus takes KIND:NAME (KIND is one of {}), as in `site:ams-dc1`",
            kinds()
        )));
    };
    let kind = Kind::parse(kind.trim()).ok_or_else(|| {
        Failure(format!(
            "--focus: unknown kind `{}`; use one of {}",
            sanitize(kind),
            kinds()
        ))
    })?;
    Ok((kind, name))
}

/// An unknown focus name, with the closest names of that kind.
fn unknown(graph: &Graph, kind: Kind, name: &str) -> Failure {
    let close = crate::suggest::closest(name, graph.names(kind), 3);
    let hint = crate::suggest::did_you_mean(&close)
        .map(|d| format!(" ({})", sanitize(&d)))
        .unwrap_or_default();
    Failure(format!(
        "--focus: no {} named `{}` in the design{hint}",
        kind.legend(),
        sanitize(name)
    ))
}

/// Text from the command line or the design, for a message on a terminal.
fn sanitize(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect()
}

/// The Mermaid picture of what the report's findings touch, for the
/// Markdown report.
pub fn findings_picture(report: &Report, design: &Design, index: &Index) -> Picture {
    let whole = graph::build(crate::sema::Db::new(design, index), report);
    let marked = whole.marked();
    if marked.is_empty() {
        return Picture::None;
    }
    let around = whole.focus(&marked);
    let fitted = fit_for_mermaid(
        |max| around.collapse(max, &[]),
        graph::DEFAULT_MAX_PER_GROUP,
    );
    match fitted.map(|g| graph::mermaid::render(&g)) {
        Some(text) if text.len() <= MERMAID_MAX_TEXT => Picture::Mermaid(text),
        _ => Picture::TooLarge,
    }
}

/// The picture `draw` makes with at most `max` entities per group, or with
/// fewer until it has no more connections than Mermaid draws (its
/// `maxEdges`); `None` if even one per group is too many.
fn fit_for_mermaid(draw: impl Fn(usize) -> Graph, max: usize) -> Option<Graph> {
    let mut max = max;
    loop {
        let picture = draw(max);
        if picture.edges.len() <= graph::MERMAID_MAX_EDGES {
            return Some(picture);
        }
        max = match max {
            0 => graph::DEFAULT_MAX_PER_GROUP,
            1 => return None,
            n => n / 2,
        };
    }
}
