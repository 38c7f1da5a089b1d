//! Applying edits to a text, and choosing which fixes of a report can be
//! applied together.

use crate::finding::{Edit, Finding, Fix};
use crate::source::{FileId, Span};
use std::collections::HashMap;

/// `text` with `edits` applied (identical edits count once), or `None` when
/// two edits overlap or one is not inside the text.
pub fn apply_edits(text: &str, edits: &[&Edit]) -> Option<String> {
    let mut sorted: Vec<&Edit> = edits.to_vec();
    sorted.sort_by_key(|e| (e.span.start, e.span.end));
    sorted.dedup_by(|a, b| a.span == b.span && a.replacement == b.replacement);
    let mut out = String::with_capacity(text.len());
    let mut at = 0usize;
    for (i, e) in sorted.iter().enumerate() {
        let (start, end) = (e.span.start as usize, e.span.end as usize);
        if start < at || end < start || text.get(start..end).is_none() {
            return None;
        }
        // Two insertions at one place, or an insertion where a
        // replacement starts: their order would be a guess.
        if i > 0 && start == at && (start == end || sorted[i - 1].span.is_empty()) {
            return None;
        }
        out.push_str(text.get(at..start)?);
        out.push_str(&e.replacement);
        at = end;
    }
    out.push_str(text.get(at..)?);
    Some(out)
}

/// True when two edits cannot both be applied (identical ones can).
fn conflict(a: &Edit, b: &Edit) -> bool {
    if a == b {
        return false;
    }
    let (a0, a1, b0, b1) = (a.span.start, a.span.end, b.span.start, b.span.end);
    (a0 < b1 && b0 < a1)
        || (a0 == b0 && (a0 == a1 || b0 == b1))
        || (a0 == b1 && a0 == a1)
        || (b0 == a1 && b0 == b1)
}

/// The byte ranges of a text used again through an alias (see
/// [`crate::syntax::Parsed::aliased`]).
pub(super) fn aliased_ranges(file: FileId, text: &str) -> Vec<(u32, u32)> {
    let arena = crate::syntax::Bump::new();
    let parsed = crate::syntax::parse(file, text, &arena);
    let mut out: Vec<(u32, u32)> = parsed.aliased.iter().map(|s| (s.start, s.end)).collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn inside_any(span: Span, ranges: &[(u32, u32)]) -> bool {
    ranges
        .iter()
        .any(|&(s, e)| s <= span.start && span.end <= e && s < e)
}

/// A fix chosen to be applied, and the finding it removes.
pub(super) struct Chosen<'r> {
    pub finding: &'r Finding,
    pub fix: &'r Fix,
}

/// The fixes of `findings` to apply together: for each finding (in report
/// order) its first fix that `wanted` accepts, when every edit is in a file
/// `editable` knows the text of, outside what aliases share, and overlaps
/// no fix chosen before it. At most `max` fixes.
pub(super) fn choose<'r>(
    findings: &'r [Finding],
    wanted: impl Fn(&Finding, &Fix) -> bool,
    editable: impl Fn(FileId) -> Option<&'r str>,
    max: usize,
) -> Vec<Chosen<'r>> {
    let mut chosen: Vec<Chosen<'r>> = Vec::new();
    let mut taken: Vec<&Edit> = Vec::new();
    let mut aliased: HashMap<FileId, Vec<(u32, u32)>> = HashMap::new();
    for finding in findings {
        if chosen.len() >= max {
            break;
        }
        let Some(fix) = finding.fixes.iter().find(|fix| wanted(finding, fix)) else {
            continue;
        };
        let fits = !fix.edits.is_empty()
            && fix.edits.iter().all(|edit| {
                let Some(text) = editable(edit.span.file) else {
                    return false;
                };
                let shared = aliased
                    .entry(edit.span.file)
                    .or_insert_with(|| aliased_ranges(edit.span.file, text));
                text.get(edit.span.start as usize..edit.span.end as usize)
                    .is_some()
                    && !inside_any(edit.span, shared)
                    && !taken.iter().any(|t| conflict(t, edit))
            });
        if fits {
            taken.extend(fix.edits.iter());
            chosen.push(Chosen { finding, fix });
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(start: usize, end: usize, with: &str) -> Edit {
        Edit {
            span: Span::new(FileId(0), start, end),
            replacement: with.into(),
        }
    }

    #[test]
    fn applies_edits_in_order_and_refuses_overlaps() {
        let (a, b) = (edit(0, 1, "X"), edit(4, 5, ""));
        assert_eq!(apply_edits("abcdef", &[&b, &a]).as_deref(), Some("Xbcdf"));
        assert_eq!(apply_edits("abcdef", &[&a, &a]).as_deref(), Some("Xbcdef"));
        let c = edit(0, 2, "Y");
        assert_eq!(apply_edits("abcdef", &[&a, &c]), None);
        assert_eq!(apply_edits("abc", &[&edit(2, 9, "")]), None);
        assert!(conflict(&a, &c));
        assert!(!conflict(&a, &b));
        assert!(conflict(&edit(1, 1, "x"), &edit(1, 1, "y")));
    }

    #[test]
    fn edits_inside_an_aliased_value_are_refused() {
        let text = "a: &d {billing: metered}\nb:\n  <<: *d\n";
        let ranges = aliased_ranges(FileId(0), text);
        let at = text.find("metered").unwrap_or(0);
        assert!(inside_any(Span::new(FileId(0), at, at + 7), &ranges));
        assert!(!inside_any(Span::new(FileId(0), 0, 1), &ranges));
    }
}
