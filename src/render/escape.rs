//! What reaches a terminal: control characters, DEL, C1 controls and the
//! bidirectional-override characters of a design (in values, raw bytes of
//! a file, file names) are shown escaped and visible, as `\u{1b}`, so a
//! design cannot move the cursor, retitle the terminal, ring it, hide text
//! or reorder what is shown. Used by the `human` and `concise` formats.

use crate::source::SourceFile;
use std::borrow::Cow;
use std::fmt::Write as _;

/// A character a terminal would act on or reorder rather than show.
/// `\n` and `\t` are left to the caller ([`Newlines`]) and miette.
fn dangerous(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        // Bidirectional marks, embeddings, overrides and isolates
        // (Trojan Source), and the line and paragraph separators.
        | '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
}

/// Whether a line feed is kept (a multi-line help text) or escaped (a
/// one-line format, a file name).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Newlines {
    Keep,
    Escape,
}

fn needs(c: char, newlines: Newlines) -> bool {
    dangerous(c) || (c == '\n' && newlines == Newlines::Escape)
}

/// `s` with every dangerous character written as `\u{..}`.
pub fn escape(s: &str, newlines: Newlines) -> Cow<'_, str> {
    if !s.chars().any(|c| needs(c, newlines)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if needs(c, newlines) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A design file as shown in a snippet: its dangerous characters escaped,
/// a lone carriage return shown as the line break it is (one byte for
/// one, so line numbers stay those of every other format), and the map
/// from offsets in the file to offsets in what is shown.
pub struct Shown {
    pub file: SourceFile,
    /// Offsets in the file where an escape starts, with how many bytes
    /// longer the shown text is after it.
    grown: Vec<(usize, usize)>,
}

impl Shown {
    /// `None` when the file shows as it is (nearly always).
    pub fn of(file: &SourceFile) -> Option<Shown> {
        let text: &str = &file.text;
        let bytes = text.as_bytes();
        let lone_cr = |i: usize| bytes.get(i) == Some(&b'\r') && bytes.get(i + 1) != Some(&b'\n');
        let in_text = text
            .char_indices()
            .any(|(i, c)| (dangerous(c) && c != '\r') || lone_cr(i));
        let path = escape(&file.path, Newlines::Escape);
        if !in_text && matches!(path, Cow::Borrowed(_)) {
            return None;
        }
        let mut shown = String::with_capacity(text.len() + 16);
        let mut grown = Vec::new();
        for (i, c) in text.char_indices() {
            if c == '\r' {
                shown.push(if lone_cr(i) { '\n' } else { '\r' });
            } else if dangerous(c) {
                let before = shown.len();
                let _ = write!(shown, "\\u{{{:x}}}", c as u32);
                let extra = (shown.len() - before) - c.len_utf8();
                let total = grown.last().map_or(0, |&(_, t)| t) + extra;
                grown.push((i, total));
            } else {
                shown.push(c);
            }
        }
        Some(Shown {
            file: SourceFile::new(path.into_owned(), std::sync::Arc::from(shown)),
            grown,
        })
    }

    /// Where a file offset is in the shown text (an escaped character
    /// starts where it did, grown by the escapes before it).
    pub fn offset(&self, file_offset: usize) -> usize {
        let before = self.grown.partition_point(|&(at, _)| at < file_offset);
        let extra = before.checked_sub(1).map_or(0, |i| self.grown[i].1);
        file_offset + extra
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn escapes_what_a_terminal_acts_on() {
        assert_eq!(
            escape("a\u{1b}[2Jb\u{7}", Newlines::Keep),
            "a\\u{1b}[2Jb\\u{7}"
        );
        assert_eq!(
            escape("x\u{202e}y\u{0}", Newlines::Keep),
            "x\\u{202e}y\\u{0}"
        );
        assert_eq!(escape("two\nlines\tok", Newlines::Keep), "two\nlines\tok");
        assert_eq!(escape("two\nlines", Newlines::Escape), "two\\u{a}lines");
        assert!(matches!(escape("café", Newlines::Escape), Cow::Borrowed(_)));
    }

    #[test]
    fn shown_text_keeps_offsets_mapped() {
        let file = SourceFile::new("a.yaml".into(), Arc::from("a: \u{1b}x\rb: \u{7}\u{7}y\n"));
        let shown = Shown::of(&file).expect("escaped");
        assert_eq!(&*shown.file.text, "a: \\u{1b}x\nb: \\u{7}\\u{7}y\n");
        assert_eq!(shown.offset(3), 3);
        assert_eq!(shown.offset(4), 9);
        assert_eq!(shown.offset(11), 24);
        assert_eq!(&shown.file.text[24..25], "y");
        let plain = SourceFile::new("a.yaml".into(), Arc::from("a: b\r\nc: d\n"));
        assert!(Shown::of(&plain).is_none());
    }
}
