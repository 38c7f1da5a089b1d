//! YAML text → a small tree with a byte span on every node.
//!
//! Built from saphyr-parser's event stream with an explicit stack, so no
//! input can overflow the call stack. Parsing never fails: it returns the
//! documents it could build and an `invalid-yaml` finding for what it could
//! not (syntax errors, duplicate keys, nesting past [`limits::MAX_DEPTH`],
//! alias expansion past [`limits::MAX_ALIAS_NODES`]).

pub mod limits;

use crate::finding::Finding;
use crate::source::{CharToByte, FileId, Span};
pub use bumpalo::Bump;
use saphyr_parser::{Event, Parser, ScalarStyle};
use std::collections::HashMap;

/// A YAML node. Nodes, their lists and their text live in an arena (a
/// [`Bump`] per file): building a file's tree allocates a few large blocks
/// instead of one block per list and per value, and dropping it frees
/// those blocks without visiting a node.
#[derive(Clone, Copy, Debug)]
pub struct Node<'a> {
    pub kind: NodeKind<'a>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug)]
pub enum NodeKind<'a> {
    Scalar(Scalar<'a>),
    Seq(&'a [Node<'a>]),
    /// Keys keep their order; duplicates were reported and dropped.
    Map(&'a [(Node<'a>, Node<'a>)]),
}

#[derive(Clone, Copy, Debug)]
pub struct Scalar<'a> {
    pub text: &'a str,
    /// Plain (unquoted) scalars are the ones YAML resolves to null, booleans
    /// and numbers; quoted ones are always strings.
    pub plain: bool,
}

impl<'a> Node<'a> {
    pub fn as_scalar(&self) -> Option<&Scalar<'a>> {
        match &self.kind {
            NodeKind::Scalar(s) => Some(s),
            _ => None,
        }
    }

    /// True for an empty or `null`/`~` plain scalar.
    pub fn is_null(&self) -> bool {
        matches!(&self.kind, NodeKind::Scalar(s) if s.plain && matches!(s.text, "" | "~" | "null" | "Null" | "NULL"))
    }

    /// A short word for the node's type, for messages ("expected a list, found a mapping").
    pub fn type_name(&self) -> &'static str {
        match &self.kind {
            NodeKind::Scalar(_) if self.is_null() => "null",
            NodeKind::Scalar(_) => "a scalar",
            NodeKind::Seq(_) => "a list",
            NodeKind::Map(_) => "a mapping",
        }
    }

    /// Number of nodes in this subtree, itself included.
    fn size(&self) -> usize {
        let mut n = 0;
        let mut stack = vec![self];
        while let Some(node) = stack.pop() {
            n += 1;
            match &node.kind {
                NodeKind::Scalar(_) => {}
                NodeKind::Seq(items) => stack.extend(items.iter()),
                NodeKind::Map(entries) => {
                    for (k, v) in entries.iter() {
                        stack.push(k);
                        stack.push(v);
                    }
                }
            }
        }
        n
    }
}

/// One YAML document of a file.
#[derive(Debug)]
pub struct Document<'a> {
    pub root: Node<'a>,
}

/// What parsing a file produced: the documents that were complete, and
/// findings for everything that went wrong.
#[derive(Debug, Default)]
pub struct Parsed<'a> {
    pub documents: Vec<Document<'a>>,
    pub findings: Vec<Finding>,
    /// A fatal error stopped parsing: part of the file is not in
    /// `documents`.
    pub truncated: bool,
    /// Memory ran out while building the tree (the arena or a stack could
    /// not grow): nothing of the file is in `documents`. Allocation is
    /// fallible here, so this is reported, never an abort.
    pub out_of_memory: bool,
    /// The nodes used again through an alias (`*defaults`, `<<: *d`):
    /// text in them is shared, so a fix does not edit it (`crate::fix`).
    pub aliased: Vec<Span>,
}

fn out_of_memory(mut out: Parsed<'_>) -> Parsed<'_> {
    out.documents.clear();
    out.truncated = true;
    out.out_of_memory = true;
    out
}

/// An open sequence or mapping. Its children wait on the shared `children`
/// stack from `base` on (a mapping's as key, value, key, value...), and
/// are copied into one exactly-sized slice of the arena when it closes.
struct Frame {
    map: bool,
    start: usize,
    anchor: usize,
    base: usize,
}

/// Parse one file's text. Never panics, never recurses.
/// The tree lives in `arena`.
pub fn parse<'a>(file: FileId, text: &str, arena: &'a Bump) -> Parsed<'a> {
    let source_text = text;
    let mut out = Parsed::default();
    let mut conv = CharToByte::new(text);
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Frame> = Vec::new();
    let mut children: Vec<Node<'a>> = Vec::new();
    // A mapping's entries while it closes (reused from map to map).
    let mut entries: Vec<(Node<'a>, Node<'a>)> = Vec::new();
    let mut anchors: HashMap<usize, Node<'a>> = HashMap::new();
    let mut alias_nodes: usize = 0;
    let mut doc_root: Option<Node<'a>> = None;

    loop {
        let (event, span) = match parser.next_event() {
            None => break,
            Some(Ok(ev)) => ev,
            Some(Err(err)) => {
                let m = err.marker();
                // An error found at the end of the text (an unclosed bracket
                // or quote) is shown after the last character written.
                let mut at = conv.byte(m.index()).min(text.trim_end().len());
                let info = err.info();
                let mut width = 0;
                // The scanner reports a tab at the token before it: point at
                // the tab itself.
                if info.to_ascii_lowercase().contains("tab") {
                    let line_start = text
                        .get(..at)
                        .and_then(|t| t.rfind('\n'))
                        .map_or(0, |i| i + 1);
                    let tab = text
                        .get(line_start..)
                        .and_then(|rest| rest.find('\t'))
                        .map(|i| line_start + i);
                    if let Some(tab) = tab {
                        at = tab;
                        width = 1;
                    }
                }
                out.findings.push(
                    Finding::stage(
                        &crate::rules::reference::INVALID_YAML,
                        Span::new(file, at, at + width),
                        format!("invalid YAML: {}", describe_scan_error(info)),
                    )
                    .help(scan_error_help(info)),
                );
                out.truncated = true;
                break;
            }
        };
        let start = conv.byte(span.start.index());
        let end = conv.byte(span.end.index());
        let node = match event {
            Event::StreamStart | Event::StreamEnd | Event::Nothing => continue,
            Event::DocumentStart(_) => {
                anchors.clear();
                doc_root = None;
                continue;
            }
            Event::DocumentEnd => {
                if let Some(root) = doc_root.take() {
                    out.documents.push(Document { root });
                }
                continue;
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                if stack.len() >= limits::MAX_DEPTH {
                    out.findings.push(
                        Finding::stage(
                            &crate::rules::reference::INVALID_YAML,
                            Span::new(file, start, start),
                            format!(
                                "invalid YAML: nesting deeper than {} levels",
                                limits::MAX_DEPTH
                            ),
                        )
                        .help("a design needs a few levels of nesting; flatten this structure"),
                    );
                    return discard_partial(out);
                }
                stack.push(Frame {
                    map: matches!(event, Event::MappingStart(..)),
                    start,
                    anchor,
                    base: children.len(),
                });
                continue;
            }
            Event::SequenceEnd => match stack.pop() {
                Some(Frame {
                    map: false,
                    start: s,
                    anchor,
                    base,
                }) => {
                    let base = base.min(children.len());
                    let end = container_end(text, s, start, children[base..].iter());
                    let Ok(items) = arena.try_alloc_slice_copy(&children[base..]) else {
                        return out_of_memory(out);
                    };
                    children.truncate(base);
                    let node = Node {
                        kind: NodeKind::Seq(items),
                        span: Span::new(file, s, end),
                    };
                    if anchor != 0 {
                        anchors.insert(anchor, node);
                    }
                    node
                }
                _ => continue,
            },
            Event::MappingEnd => match stack.pop() {
                Some(Frame {
                    map: true,
                    start: s,
                    anchor,
                    base,
                }) => {
                    let base = base.min(children.len());
                    let end = container_end(text, s, start, children[base..].iter());
                    entries.clear();
                    if entries.try_reserve((children.len() - base) / 2).is_err() {
                        return out_of_memory(out);
                    }
                    // A key without a value cannot happen; it would be dropped.
                    entries.extend(children[base..].chunks_exact(2).map(|kv| (kv[0], kv[1])));
                    children.truncate(base);
                    merge_keys(&mut entries);
                    drop_duplicate_keys(&mut entries, &mut out.findings);
                    let Ok(map) = arena.try_alloc_slice_copy(&entries) else {
                        return out_of_memory(out);
                    };
                    let node = Node {
                        kind: NodeKind::Map(map),
                        span: Span::new(file, s, end),
                    };
                    if anchor != 0 {
                        anchors.insert(anchor, node);
                    }
                    node
                }
                _ => continue,
            },
            Event::Scalar(text, style, anchor, _tag) => {
                let Ok(text) = arena.try_alloc_str(&text) else {
                    return out_of_memory(out);
                };
                let node = Node {
                    kind: NodeKind::Scalar(Scalar {
                        text,
                        plain: matches!(style, ScalarStyle::Plain),
                    }),
                    span: Span::new(file, start, quoted_end(source_text, start, end, style)),
                };
                if anchor != 0 {
                    anchors.insert(anchor, node);
                }
                node
            }
            Event::Alias(id) => {
                let Some(target) = anchors.get(&id) else {
                    out.findings.push(Finding::stage(
                        &crate::rules::reference::INVALID_YAML,
                        Span::new(file, start, end),
                        "invalid YAML: alias to an unknown anchor",
                    ));
                    return discard_partial(out);
                };
                alias_nodes = alias_nodes.saturating_add(target.size());
                if alias_nodes > limits::MAX_ALIAS_NODES {
                    out.findings.push(
                        Finding::stage(
                            &crate::rules::reference::INVALID_YAML,
                            Span::new(file, start, end),
                            format!(
                                "invalid YAML: aliases expand to more than {} nodes (an alias bomb?)",
                                limits::MAX_ALIAS_NODES
                            ),
                        )
                        .help("use fewer nested aliases; write the repeated values out"),
                    );
                    return discard_partial(out);
                }
                if out.aliased.try_reserve(1).is_err() {
                    return out_of_memory(out);
                }
                out.aliased.push(target.span);
                *target
            }
        };
        if stack.is_empty() {
            doc_root = Some(node);
        } else {
            if children.try_reserve(1).is_err() {
                return out_of_memory(out);
            }
            children.push(node);
        }
    }
    out
}

/// Where a sequence or mapping that starts at byte `s` ends. The parser's
/// end event runs up to the next token (over trailing comments and blank
/// lines), so: a flow collection ends after its closing bracket (at byte
/// `close`), a block collection at the end of its last child.
fn container_end<'n, 'a: 'n>(
    text: &str,
    s: usize,
    close: usize,
    children: impl Iterator<Item = &'n Node<'a>>,
) -> usize {
    let bytes = text.as_bytes();
    if matches!(bytes.get(s), Some(b'[' | b'{')) && matches!(bytes.get(close), Some(b']' | b'}')) {
        return close + 1;
    }
    children
        .map(|c| c.span.end as usize)
        .filter(|&e| e >= s)
        .max()
        .unwrap_or(s)
}

fn discard_partial(mut out: Parsed<'_>) -> Parsed<'_> {
    out.truncated = true;
    out
}

fn quoted_end(src: &str, start: usize, end: usize, style: ScalarStyle) -> usize {
    let quote = match style {
        ScalarStyle::SingleQuoted => b'\'',
        ScalarStyle::DoubleQuoted => b'"',
        _ => return end,
    };
    let bytes = src.as_bytes();
    let end = end.min(bytes.len());
    if bytes.get(start) != Some(&quote) {
        return end;
    }
    let mut i = start + 1;
    while i < end {
        let b = bytes[i];
        if quote == b'"' && b == b'\\' {
            i += 2;
            continue;
        }
        if b == quote {
            if quote == b'\'' && bytes.get(i + 1) == Some(&b'\'') {
                i += 2;
                continue;
            }
            return i + 1;
        }
        i += 1;
    }
    end
}

fn is_merge_key(node: &Node<'_>) -> bool {
    matches!(&node.kind, NodeKind::Scalar(s) if s.plain && s.text == "<<")
}

/// Applies YAML merge keys (`<<: *defaults`, `<<: [*a, *b]`): entries of the
/// merged mappings are added unless the mapping sets the key itself.
fn merge_keys<'a>(entries: &mut Vec<(Node<'a>, Node<'a>)>) {
    if !entries.iter().any(|(k, _)| is_merge_key(k)) {
        return;
    }
    let mut own = Vec::new();
    let mut merged: Vec<(Node<'a>, Node<'a>)> = Vec::new();
    for &(k, v) in entries.iter() {
        if !is_merge_key(&k) {
            own.push((k, v));
            continue;
        }
        let sources: &[Node<'a>] = match &v.kind {
            NodeKind::Map(_) => std::slice::from_ref(&v),
            NodeKind::Seq(items) => items,
            // Not mergeable: keep it so the loader reports an unknown field.
            NodeKind::Scalar(_) => {
                own.push((k, v));
                continue;
            }
        };
        for src in sources {
            if let NodeKind::Map(src_entries) = src.kind {
                merged.extend_from_slice(src_entries);
            }
        }
    }
    let mut seen: std::collections::HashSet<&str> = own
        .iter()
        .filter_map(|(k, _)| k.as_scalar().map(|s| s.text))
        .collect();
    for (k, v) in merged {
        match k.as_scalar().map(|s| s.text) {
            Some(n) if seen.contains(n) => {}
            Some(n) => {
                seen.insert(n);
                own.push((k, v));
            }
            None => own.push((k, v)),
        }
    }
    *entries = own;
}

/// Mappings up to this size look for duplicate keys by comparing every
/// pair (faster than hashing for the few keys of a design entity).
const SMALL_MAP: usize = 16;

/// Reports and removes the keys a mapping repeats (YAML keeps one value).
fn drop_duplicate_keys(entries: &mut Vec<(Node<'_>, Node<'_>)>, findings: &mut Vec<Finding>) {
    let key = |i: usize| entries[i].0.as_scalar().map(|s| s.text);
    let mut first: HashMap<&str, Span, foldhash::fast::RandomState> = HashMap::default();
    let small = entries.len() <= SMALL_MAP;
    let mut dup = Vec::new();
    for (i, (k, _)) in entries.iter().enumerate() {
        if let Some(s) = k.as_scalar() {
            let earlier = if small {
                (0..i)
                    .find(|&j| key(j) == Some(s.text))
                    .map(|j| entries[j].0.span)
            } else {
                first.get(s.text).copied()
            };
            match earlier {
                Some(prev) => {
                    findings.push(
                        Finding::stage(
                            &crate::rules::reference::INVALID_YAML,
                            k.span,
                            format!("invalid YAML: duplicate key `{}`", s.text),
                        )
                        .label(prev, "first defined here")
                        .help("remove one of the two; YAML keeps only one value per key"),
                    );
                    dup.push(i);
                }
                None if !small => {
                    first.insert(s.text, k.span);
                }
                None => {}
            }
        }
    }
    if dup.is_empty() {
        return;
    }
    let mut i = 0;
    entries.retain(|_| {
        let keep = dup.binary_search(&i).is_err();
        i += 1;
        keep
    });
}

fn describe_scan_error(info: &str) -> String {
    let lower = info.to_ascii_lowercase();
    if lower.contains("tab") {
        "tabs are not allowed for indentation".to_string()
    } else {
        info.to_string()
    }
}

fn scan_error_help(info: &str) -> String {
    let lower = info.to_ascii_lowercase();
    let help = if lower.contains("tab") {
        "indent with spaces"
    } else if lower.contains("mapping values are not allowed") {
        "indent this key like the other keys of its mapping, or quote a value that contains `: `"
    } else if lower.contains("expected '-' indicator") || lower.contains("expected key") {
        "indent this line like the other entries above it"
    } else if lower.contains("',' or ']'") {
        "close the `[` list with `]`, and separate its items with `,`"
    } else if lower.contains("',' or '}'") {
        "close the `{` mapping with `}`, and separate its entries with `,`"
    } else if lower.contains("quoted scalar") {
        "close the quote, and write a quote inside the text as `\\\"` (or use the other quote)"
    } else {
        "fix the YAML syntax at this position"
    };
    format!("{help}; the rest of the design is still checked")
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_arena_that_cannot_grow_is_reported_not_an_abort() {
        let text = format!(
            "sites: [{}]\n",
            vec!["a-long-enough-name"; 10_000].join(", ")
        );
        let arena = Bump::new();
        arena.set_allocation_limit(Some(64 * 1024));
        let parsed = parse(FileId(0), &text, &arena);
        assert!(parsed.out_of_memory && parsed.truncated);
        assert!(parsed.documents.is_empty());
        let roomy = Bump::new();
        assert!(!parse(FileId(0), &text, &roomy).out_of_memory);
    }

    use super::*;

    fn p(text: &str) -> Parsed<'static> {
        // A test's tree may live as long as the test.
        parse(FileId(0), text, Box::leak(Box::new(Bump::new())))
    }

    #[test]
    fn collection_spans_stop_before_trailing_comments() {
        let text = "a:\n  ipvpn: [l3]   # managed\n  m: {x: 1}  # c\n  c:\n    - 1\n    - 2\n\n# tail\nd: 1\n";
        let parsed = p(text);
        assert!(parsed.findings.is_empty());
        let NodeKind::Map(root) = &parsed.documents[0].root.kind else {
            panic!("root is a map")
        };
        let NodeKind::Map(a) = &root[0].1.kind else {
            panic!("a is a map")
        };
        let shown = |n: &Node| text[n.span.start as usize..n.span.end as usize].to_string();
        assert_eq!(shown(&a[0].1), "[l3]");
        assert_eq!(shown(&a[1].1), "{x: 1}");
        assert_eq!(shown(&a[2].1), "- 1\n    - 2");
        assert!(shown(&root[0].1).ends_with("- 2"));
    }

    #[test]
    fn spans_point_at_values() {
        let text = "sites:\n  - name: ams\n";
        let parsed = p(text);
        assert!(parsed.findings.is_empty());
        let NodeKind::Map(entries) = &parsed.documents[0].root.kind else {
            panic!("root is a map")
        };
        let NodeKind::Seq(items) = &entries[0].1.kind else {
            panic!("sites is a list")
        };
        let NodeKind::Map(site) = &items[0].kind else {
            panic!("site is a map")
        };
        let span = site[0].1.span;
        assert_eq!(&text[span.start as usize..span.end as usize], "ams");
    }

    #[test]
    fn quoted_scalar_spans_stop_at_the_closing_quote() {
        let text = "a: \"x y\"   # c\nb: 'it''s'  # d\n";
        let parsed = p(text);
        let NodeKind::Map(entries) = &parsed.documents[0].root.kind else {
            panic!("root is a map")
        };
        let slice = |n: &Node| &text[n.span.start as usize..n.span.end as usize];
        assert_eq!(slice(&entries[0].1), "\"x y\"");
        assert_eq!(slice(&entries[1].1), "'it''s'");
    }

    #[test]
    fn duplicate_key_is_reported_and_dropped() {
        let parsed = p("a: 1\na: 2\n");
        assert_eq!(parsed.findings.len(), 1);
        assert!(parsed.findings[0].message.contains("duplicate key"));
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let text = "[".repeat(100_000);
        let parsed = p(&text);
        assert_eq!(parsed.findings.len(), 1);
        assert!(parsed.documents.is_empty());
    }

    #[test]
    fn alias_bomb_is_bounded() {
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
        let mut prev = 'a';
        for c in 'b'..='j' {
            text.push_str(&format!(
                "{c}: &{c} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
            ));
            prev = c;
        }
        let parsed = p(&text);
        assert_eq!(parsed.findings.len(), 1, "{:?}", parsed.findings);
        assert!(parsed.findings[0].message.contains("alias"));
    }

    #[test]
    fn merge_keys_apply() {
        let parsed = p("d: &d {x: 1, y: 2}\ne:\n  <<: *d\n  y: 3\n");
        assert!(parsed.findings.is_empty());
        let NodeKind::Map(root) = &parsed.documents[0].root.kind else {
            panic!()
        };
        let NodeKind::Map(e) = &root[1].1.kind else {
            panic!()
        };
        let keys: Vec<_> = e
            .iter()
            .map(|(k, v)| (k.as_scalar().unwrap().text, v.as_scalar().unwrap().text))
            .collect();
        assert_eq!(keys, vec![("y", "3"), ("x", "1")]);
    }
}
