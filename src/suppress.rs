//! `# erlint: allow(...)` and `# erlint: allow-file(...)` comments.
//!
//! The YAML parser drops comments, so this stage scans each file's text for
//! them. A comment silences the rules it names:
//!
//! - `allow(a, b)` at the end of a line: findings whose primary span starts
//!   on that line;
//! - `allow(a, b)` alone on its line: findings on the next line that is not
//!   itself a comment (so several such comments may be stacked);
//! - `allow-file(a)` anywhere: findings anywhere in that file.
//!
//! Text after `--` is the reason, for the reader. A suppression that
//! silences nothing, names an unknown rule or cannot be read is reported as
//! `unused-suppression` (whose primary span is the comment); a suppression
//! naming a rule that did not run is not judged.
//!
//! The comments are read once, before the rules run ([`Suppressions::scan`]):
//! the ownership predicates ask whether an owner's finding will be silenced
//! (`rules::Reporting`), and [`apply`] silences findings after the rules.
//!
//! **Invariant:** rules do not know that suppression exists (only the
//! predicates of `rules/owners.rs` ask, through `RuleContext::reports`).

use crate::finding::{Applicability, Edit, Finding, Fix};
use crate::rules;
use crate::rules::reference::UNUSED_SUPPRESSION;
use crate::source::{FileId, SourceDb, SourceFile, Span};
use std::collections::{HashMap, HashSet};

/// The name of `unused-suppression` (the findings this stage raises).
fn unused_name() -> &'static str {
    UNUSED_SUPPRESSION.name
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scope {
    /// Findings whose primary span starts on this 1-based line.
    Line(usize),
    File,
}

#[derive(Debug)]
struct Suppression {
    /// The comment, from `#` to its last non-blank character.
    span: Span,
    scope: Scope,
    /// The names and whether each silenced something.
    names: Vec<(String, bool)>,
    /// Where each name is written.
    name_spans: Vec<Span>,
    /// What removing the whole comment deletes: its line when it is alone
    /// on it, else the comment and the blanks before it.
    removal: Span,
}

/// A `# erlint:` comment that is not a suppression we can read.
#[derive(Debug)]
struct Malformed {
    span: Span,
    text: String,
}

/// One line's comment: byte offset of `#` and whether only blanks precede it.
fn comment_start(line: &str) -> Option<(usize, bool)> {
    let bytes = line.as_bytes();
    let mut quote: Option<u8> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let prev = if i == 0 { None } else { Some(bytes[i - 1]) };
        match quote {
            Some(b'"') if b == b'\\' => i += 1,
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None => {
                let at_token_start =
                    prev.is_none_or(|p| p.is_ascii_whitespace() || matches!(p, b'[' | b'{' | b','));
                if (b == b'\'' || b == b'"') && at_token_start {
                    quote = Some(b);
                } else if b == b'#' && prev.is_none_or(|p| p.is_ascii_whitespace()) {
                    let alone = line[..i].trim().is_empty();
                    return Some((i, alone));
                }
            }
        }
        i += 1;
    }
    None
}

enum Parsed {
    /// `names`: each with its byte range in the directive's text.
    Allow {
        file: bool,
        names: Vec<(String, std::ops::Range<usize>)>,
    },
    Malformed,
}

/// The part of a comment after `# erlint:`, reason excluded.
fn parse_directive(body: &str) -> Parsed {
    let directive = match body.split_once("--") {
        Some((d, _reason)) => d,
        None => body,
    };
    // Offsets are counted from the start of `body` as each part is cut.
    let mut at = directive.len() - directive.trim_start().len();
    let trimmed = directive.trim();
    let (file, rest) = if let Some(r) = trimmed.strip_prefix("allow-file") {
        (true, r)
    } else if let Some(r) = trimmed.strip_prefix("allow") {
        (false, r)
    } else {
        return Parsed::Malformed;
    };
    at += trimmed.len() - rest.len();
    at += rest.len() - rest.trim_start().len();
    let Some(inner) = rest
        .trim_start()
        .strip_prefix('(')
        .and_then(|r| r.trim_end().strip_suffix(')'))
    else {
        return Parsed::Malformed;
    };
    at += 1;
    let mut names = Vec::new();
    for piece in inner.split(',') {
        let name = piece.trim();
        if !name.is_empty() {
            let start = at + (piece.len() - piece.trim_start().len());
            names.push((name.to_string(), start..start + name.len()));
        }
        at += piece.len() + 1;
    }
    if names.is_empty() || names.iter().any(|(n, _)| n.contains(char::is_whitespace)) {
        return Parsed::Malformed;
    }
    Parsed::Allow { file, names }
}

/// Every `# erlint:` comment of one file.
fn scan(id: FileId, file: &SourceFile, out: &mut Vec<Suppression>, bad: &mut Vec<Malformed>) {
    if !file.text.contains("erlint:") {
        return;
    }
    // Standalone comments waiting for the next line that is not a comment.
    let mut pending: Vec<usize> = Vec::new();
    // Lines as positions count them (LF, CRLF or a lone CR ends one).
    for lineno in 1..=file.line_count() {
        let line_start = file.line_start(lineno).unwrap_or(0);
        let line = file.line_text(lineno);
        let comment = comment_start(line);
        let comment_only = comment.is_some_and(|(_, alone)| alone);
        if !comment_only && !pending.is_empty() {
            for i in pending.drain(..) {
                out[i].scope = Scope::Line(lineno);
            }
        }
        if let Some((hash, alone)) = comment {
            let text = line[hash + 1..].trim_start();
            if let Some(body) = text.strip_prefix("erlint:") {
                let end = line.trim_end().len();
                let span = Span::new(id, line_start + hash, line_start + end);
                let body_at = line_start + line.len() - body.len();
                let removal = if alone {
                    let next = file.line_start(lineno + 1).unwrap_or(file.text.len());
                    Span::new(id, line_start, next)
                } else {
                    Span::new(
                        id,
                        line_start + line[..hash].trim_end().len(),
                        span.end as usize,
                    )
                };
                match parse_directive(body) {
                    Parsed::Allow { file, names } => {
                        let scope = if file {
                            Scope::File
                        } else {
                            Scope::Line(lineno)
                        };
                        if !file && alone {
                            pending.push(out.len());
                        }
                        out.push(Suppression {
                            span,
                            scope,
                            name_spans: names
                                .iter()
                                .map(|(_, r)| Span::new(id, body_at + r.start, body_at + r.end))
                                .collect(),
                            names: names.into_iter().map(|(n, _)| (n, false)).collect(),
                            removal,
                        });
                    }
                    Parsed::Malformed => bad.push(Malformed {
                        span,
                        text: line[hash..end].to_string(),
                    }),
                }
            }
        }
    }
    // A standalone comment on the last lines applies to nothing; leaving its
    // scope on its own line means it silences nothing and is reported.
}

/// The suppressions of every file, indexed for lookups.
struct Table {
    sups: Vec<Suppression>,
    by_line: HashMap<(FileId, usize), Vec<usize>>,
    by_file: HashMap<FileId, Vec<usize>>,
    /// Files holding any suppression: a finding elsewhere needs no line.
    files: HashSet<FileId>,
}

impl Table {
    fn new(sups: Vec<Suppression>) -> Table {
        let mut by_line: HashMap<(FileId, usize), Vec<usize>> = HashMap::new();
        let mut by_file: HashMap<FileId, Vec<usize>> = HashMap::new();
        for (i, s) in sups.iter().enumerate() {
            match s.scope {
                Scope::Line(l) => by_line.entry((s.span.file, l)).or_default().push(i),
                Scope::File => by_file.entry(s.span.file).or_default().push(i),
            }
        }
        let files = sups.iter().map(|s| s.span.file).collect();
        Table {
            sups,
            by_line,
            by_file,
            files,
        }
    }

    /// The suppressions (index, name index) naming `rule` that cover a
    /// finding whose primary span is `span`.
    fn covering(&self, rule: &str, span: Span, sources: &SourceDb) -> Vec<(usize, usize)> {
        if !self.files.contains(&span.file) {
            return Vec::new();
        }
        let line = sources.line_col(span).0.line;
        let line_sups = self.by_line.get(&(span.file, line));
        let file_sups = self.by_file.get(&span.file);
        let mut hits = Vec::new();
        for &i in line_sups
            .into_iter()
            .flatten()
            .chain(file_sups.into_iter().flatten())
        {
            for (n, (name, _)) in self.sups[i].names.iter().enumerate() {
                if name == rule {
                    hits.push((i, n));
                }
            }
        }
        hits
    }

    /// True when a suppression covers `f`; marks the names that did.
    fn silences(&mut self, f: &Finding, sources: &SourceDb) -> bool {
        let hits = self.covering(f.rule, f.primary, sources);
        for &(i, n) in &hits {
            self.sups[i].names[n].1 = true;
        }
        !hits.is_empty()
    }
}

/// Every `# erlint:` comment of the design, read from the file texts before
/// the rules run: the runner tells rules what will be silenced through
/// [`Suppressions::silences`] (see `RuleContext::reports`), and [`apply`]
/// silences the findings afterwards.
pub struct Suppressions {
    table: Table,
    malformed: Vec<Malformed>,
}

impl Suppressions {
    /// Reads the suppression comments of every file in `sources`.
    pub fn scan(sources: &SourceDb) -> Suppressions {
        let mut sups = Vec::new();
        let mut malformed = Vec::new();
        for (id, file) in sources.iter() {
            scan(id, file, &mut sups, &mut malformed);
        }
        Suppressions {
            table: Table::new(sups),
            malformed,
        }
    }

    /// True when a comment silences a finding of `rule` whose primary span
    /// is `span`.
    pub fn silences(&self, rule: &str, span: Span, sources: &SourceDb) -> bool {
        !self.table.covering(rule, span, sources).is_empty()
    }
}

/// Removes the findings `suppressions` silence from `findings`; returns the
/// `unused-suppression` findings (themselves subject to suppressions naming
/// `unused-suppression`). `enabled` is the set of rules that ran: a
/// suppression of a rule that did not run is not judged.
pub fn apply(
    findings: &mut Vec<Finding>,
    sources: &SourceDb,
    suppressions: Suppressions,
    enabled: &HashSet<&'static str>,
) -> Vec<Finding> {
    let Suppressions {
        mut table,
        malformed: bad,
    } = suppressions;
    if table.sups.is_empty() && bad.is_empty() {
        return Vec::new();
    }
    findings.retain(|f| !table.silences(f, sources));

    let mut unused = Vec::new();
    for m in bad {
        unused.push(
            Finding::stage(
                &UNUSED_SUPPRESSION,
                m.span,
                format!("`{}` is not a suppression erlint understands", m.text),
            )
            .help("write `# erlint: allow(rule-name, ...)` or `# erlint: allow-file(rule-name, ...)`, optionally followed by `-- reason`"),
        );
    }
    for s in &table.sups {
        let reported: Vec<usize> = (0..s.names.len())
            .filter(|&i| reports_name(s, i, enabled))
            .collect();
        // Every name reported: the comment goes; else only those names.
        let whole = reported.len() == s.names.len();
        for &i in &reported {
            let name = &s.names[i].0;
            let fix = removal_fix(s, i, whole);
            if rules::by_name(name).is_none() {
                let close = crate::suggest::closest(name, rules::ALL.iter().map(|r| r.name), 3);
                let help = match crate::suggest::did_you_mean(&close) {
                    Some(d) => format!("{d} `erlint rules` lists every rule"),
                    None => "use a rule name from `erlint rules`, or remove it".to_string(),
                };
                unused.push(
                    Finding::stage(
                        &UNUSED_SUPPRESSION,
                        s.span,
                        format!("suppression names unknown rule `{name}`"),
                    )
                    .help(help)
                    .fix(fix),
                );
            } else {
                let help = match s.scope {
                    Scope::File => format!("remove `{name}` from the comment"),
                    Scope::Line(_) => format!(
                        "remove `{name}` from the comment, or move the comment to the line of the finding it should silence"
                    ),
                };
                let where_ = match s.scope {
                    Scope::File => " in this file",
                    Scope::Line(_) => "",
                };
                unused.push(
                    Finding::stage(
                        &UNUSED_SUPPRESSION,
                        s.span,
                        format!("suppression of `{name}` silences nothing{where_}"),
                    )
                    .help(help)
                    .fix(fix),
                );
            }
        }
    }
    unused.retain(|f| !table.silences(f, sources));
    unused
}

/// True when the `i`th name of `s` is reported: an unknown rule, or a rule
/// that ran and that it silenced nothing of.
fn reports_name(s: &Suppression, i: usize, enabled: &HashSet<&'static str>) -> bool {
    let Some((name, used)) = s.names.get(i) else {
        return false;
    };
    rules::by_name(name).is_none()
        || (!*used && name != unused_name() && enabled.contains(name.as_str()))
}

/// Removing the `i`th name of `s`, with the comma that joins it to its
/// neighbour, or the whole comment when `whole`. Safe: a name that silences
/// nothing changes nothing when it goes.
fn removal_fix(s: &Suppression, i: usize, whole: bool) -> Fix {
    let name = s.names.get(i).map_or("", |(n, _)| n.as_str());
    let single = |span: Span, title: String| Fix {
        title,
        applicability: Applicability::Safe,
        edits: vec![Edit {
            span,
            replacement: String::new(),
        }],
    };
    if whole {
        return single(s.removal, "remove the suppression comment".into());
    }
    let this = s.name_spans.get(i).copied().unwrap_or(s.span);
    let span = match (
        s.name_spans.get(i + 1),
        i.checked_sub(1).and_then(|p| s.name_spans.get(p)),
    ) {
        // Up to the next name: `a, ` of `a, b`.
        (Some(next), _) => Span {
            end: next.start,
            ..this
        },
        // From the previous name: `, b` of `a, b`.
        (None, Some(prev)) => Span {
            start: prev.end,
            ..this
        },
        (None, None) => this,
    };
    single(span, format!("remove `{name}` from the suppression"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn finding(db: &SourceDb, rule: &'static str, needle: &str) -> Finding {
        let text = &db.get(FileId(0)).unwrap().text;
        let start = text.find(needle).unwrap();
        Finding {
            rule,
            ..Finding::at(Span::new(FileId(0), start, start + needle.len()), "m")
        }
    }

    fn db(text: &str) -> SourceDb {
        let mut db = SourceDb::new();
        db.add(SourceFile::new("a.yaml".into(), Arc::from(text)));
        db
    }

    fn all() -> HashSet<&'static str> {
        rules::ALL.iter().map(|r| r.name).collect()
    }

    #[test]
    fn finds_comments_outside_quotes() {
        assert_eq!(comment_start("a: b # c"), Some((5, false)));
        assert_eq!(comment_start("  # c"), Some((2, true)));
        assert_eq!(comment_start("a: 'b # c'"), None);
        assert_eq!(comment_start("a: \"b \\\" # c\""), None);
        assert_eq!(comment_start("a: it's # c"), Some((8, false)));
        assert_eq!(comment_start("a: b#c"), None);
    }

    #[test]
    fn same_line_and_line_above() {
        let text = "a: l2 # erlint: allow(ipvpn-layer2) -- why\n# erlint: allow(bfd-disabled)\n# erlint: allow(single-router)\nb: x\n";
        let db = db(text);
        let mut fs = vec![
            finding(&db, "ipvpn-layer2", "l2"),
            finding(&db, "bfd-disabled", "x"),
            finding(&db, "single-router", "b: x"),
        ];
        let unused = apply(&mut fs, &db, Suppressions::scan(&db), &all());
        assert!(fs.is_empty(), "{fs:?}");
        assert!(unused.is_empty(), "{unused:?}");
    }

    #[test]
    fn reports_unused_unknown_and_malformed() {
        let text = "a: l2 # erlint: allow(ipvpn-layer2, ipvpn-layr2)\n# erlint: allow-file(bfd-disabled)\n# erlint: alow(x)\n";
        let db = db(text);
        let mut fs = vec![];
        let unused = apply(&mut fs, &db, Suppressions::scan(&db), &all());
        let msgs: Vec<&str> = unused.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(unused.len(), 4, "{msgs:?}");
        assert!(msgs
            .iter()
            .any(|m| m.contains("unknown rule `ipvpn-layr2`")));
        let unknown = unused
            .iter()
            .find(|f| f.message.contains("unknown rule"))
            .unwrap();
        assert!(unknown.help.as_deref().unwrap().contains("`ipvpn-layer2`"));
        // The comment is the primary span.
        assert_eq!(
            db.slice(unknown.primary),
            "# erlint: allow(ipvpn-layer2, ipvpn-layr2)"
        );
    }

    /// The text once the first fix of each unused suppression is applied.
    fn fixed(text: &str, fs: &mut Vec<Finding>) -> String {
        let db = db(text);
        let unused = apply(fs, &db, Suppressions::scan(&db), &all());
        let edits: Vec<&crate::finding::Edit> =
            unused.iter().flat_map(|f| &f.fixes[0].edits).collect();
        crate::fix::apply_edits(text, &edits).unwrap_or_default()
    }

    #[test]
    fn fixes_remove_a_name_or_the_whole_comment() {
        // One name of two: the rest of the comment and line stay.
        let text = "a: l2 # erlint: allow(bfd-disabled, ipvpn-layer2) -- why\n";
        let db0 = db(text);
        let mut fs = vec![finding(&db0, "ipvpn-layer2", "l2")];
        assert_eq!(
            fixed(text, &mut fs),
            "a: l2 # erlint: allow(ipvpn-layer2) -- why\n"
        );
        let text = "a: l2 # erlint: allow(ipvpn-layer2, bfd-disabled)\n";
        let db0 = db(text);
        let mut fs = vec![finding(&db0, "ipvpn-layer2", "l2")];
        assert_eq!(
            fixed(text, &mut fs),
            "a: l2 # erlint: allow(ipvpn-layer2)\n"
        );
        // Every name unused: the comment goes, and its line when alone.
        let text = "a: l2   # erlint: allow(bfd-disabled, ipvpn-layr2)\n# erlint: allow(single-router)\nb: x\n";
        assert_eq!(fixed(text, &mut vec![]), "a: l2\nb: x\n");
    }

    #[test]
    fn rules_that_did_not_run_are_not_judged() {
        let text = "a: l2 # erlint: allow(ipvpn-layer2)\n";
        let db = db(text);
        let mut fs = vec![];
        let enabled: HashSet<&'static str> = [unused_name()].into_iter().collect();
        assert!(apply(&mut fs, &db, Suppressions::scan(&db), &enabled).is_empty());
    }

    #[test]
    fn unused_suppression_can_be_allowed_file_wide() {
        let text =
            "# erlint: allow-file(unused-suppression)\na: l2 # erlint: allow(ipvpn-layer2)\n";
        let db = db(text);
        let mut fs = vec![];
        assert!(apply(&mut fs, &db, Suppressions::scan(&db), &all()).is_empty());
    }
}
