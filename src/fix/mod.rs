//! Fixes: making the edits of findings' [`Fix`]es exact for every consumer
//! (`settle`), choosing and applying them (`apply.rs`), the loop that lints
//! the fixed text again before anything is written (`run.rs`), and the
//! unified diff of `--diff` (`diff.rs`).
//!
//! Rules and stages build fixes from the spans of what they report; they
//! never see text. This module is where a fix meets the text: a replacement
//! of a quoted scalar keeps its quotes, and an edit inside a value used
//! again through an alias is not applied (it would change every use).

mod apply;
mod diff;
mod run;

pub use apply::apply_edits;
pub use diff::unified_diff;
pub use run::{fix, FixMode, Fixed, FixedFile};

use crate::finding::{Applicability, Finding, Fix};
use crate::source::SourceDb;

/// True when `fix` is applied in `mode`: safe fixes always, unsafe ones
/// with `--unsafe-fixes`.
pub fn is_applied(fix: &Fix, unsafe_fixes: bool) -> bool {
    fix.applicability == Applicability::Safe || unsafe_fixes
}

/// Makes every fix of `findings` exact against the text it edits: a
/// replacement of a quoted scalar (`"er-ams-l"`) is quoted the same way,
/// and a fix with an edit outside its file's text (a text that could not
/// be read again) is dropped, so what JSON, SARIF and `--fix` carry applies
/// as it is.
pub fn settle(findings: &mut [Finding], sources: &SourceDb) {
    for f in findings.iter_mut().filter(|f| !f.fixes.is_empty()) {
        f.fixes.retain_mut(|fix| {
            fix.edits.iter_mut().all(|edit| {
                let Some(file) = sources.get(edit.span.file) else {
                    return false;
                };
                let (start, end) = (edit.span.start as usize, edit.span.end as usize);
                let Some(written) = file.text.get(start..end) else {
                    return false;
                };
                if !edit.replacement.is_empty() {
                    if let Some(quoted) = requote(written, &edit.replacement) {
                        edit.replacement = quoted;
                    }
                }
                true
            })
        });
    }
}

/// `replacement` in the quotes of `written`, when `written` is a quoted
/// scalar and `replacement` is not quoted already.
fn requote(written: &str, replacement: &str) -> Option<String> {
    let quote = written.chars().next().filter(|c| matches!(c, '"' | '\''))?;
    if written.len() < 2 || !written.ends_with(quote) || replacement.starts_with(quote) {
        return None;
    }
    let inner = if quote == '\'' {
        replacement.replace('\'', "''")
    } else {
        replacement.replace('\\', "\\\\").replace('"', "\\\"")
    };
    Some(format!("{quote}{inner}{quote}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_scalars_keep_their_quotes() {
        assert_eq!(
            requote("\"er-ams-l\"", "er-ams-1").as_deref(),
            Some("\"er-ams-1\"")
        );
        assert_eq!(requote("'it''s'", "it's").as_deref(), Some("'it''s'"));
        assert_eq!(requote("\"a\"", "b\"c").as_deref(), Some("\"b\\\"c\""));
        assert_eq!(requote("plain", "other"), None);
        assert_eq!(requote("\"", "x"), None);
    }
}
