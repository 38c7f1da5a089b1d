//! The files of a design and positions inside them.
//!
//! A [`Span`] is a byte range in one file. Everything that reports a
//! position (findings, labels) carries a `Span`; turning it into the 1-based
//! line and character column that users see happens here, once.

use std::sync::{Arc, OnceLock};

/// Index of a file in the [`SourceDb`]. Files are numbered in sorted path
/// order, so ids are deterministic for a given design.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct FileId(pub u32);

/// A byte range `start..end` in one file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub file: FileId,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(file: FileId, start: usize, end: usize) -> Span {
        Span {
            file,
            start: clamp_u32(start),
            end: clamp_u32(end.max(start)),
        }
    }

    /// An empty span at the start of a file (line 1, column 1).
    pub fn file_start(file: FileId) -> Span {
        Span {
            file,
            start: 0,
            end: 0,
        }
    }

    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
}

fn clamp_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A 1-based line and a 1-based column counted in characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// One design file: its path as reported, and its text (empty when it could
/// not be read).
#[derive(Debug)]
pub struct SourceFile {
    /// The path as shown in reports: relative to the current directory when
    /// the file lies under it, with `/` separators.
    pub path: String,
    /// The path relative to the design root, what fingerprints are made
    /// of, when it differs from `path` (see [`crate::fingerprint`]).
    pub root_path: Option<String>,
    pub text: Arc<str>,
    /// Byte offset of each line's start; computed on first use, so files
    /// without findings never pay for it.
    line_starts: OnceLock<Vec<u32>>,
    /// Pure ASCII: a column is a byte count.
    ascii: bool,
    /// Characters before every [`CHECKPOINT`]th byte (non-ASCII text only),
    /// computed on first use.
    char_checkpoints: OnceLock<Vec<u32>>,
}

/// Bytes between two character-count checkpoints.
const CHECKPOINT: usize = 256;

impl SourceFile {
    pub fn new(path: String, text: Arc<str>) -> SourceFile {
        SourceFile {
            ascii: text.is_ascii(),
            path,
            root_path: None,
            text,
            line_starts: OnceLock::new(),
            char_checkpoints: OnceLock::new(),
        }
    }

    /// The same file, known under `root_path` relative to the design root.
    pub fn with_root_path(mut self, root_path: String) -> SourceFile {
        if root_path != self.path {
            self.root_path = Some(root_path);
        }
        self
    }

    /// The path relative to the design root.
    pub fn root_path(&self) -> &str {
        self.root_path.as_deref().unwrap_or(&self.path)
    }

    fn line_starts(&self) -> &[u32] {
        self.line_starts.get_or_init(|| {
            let bytes = self.text.as_bytes();
            let mut starts = Vec::with_capacity(1 + bytes.len() / 32);
            starts.push(0u32);
            // LF, CRLF and a lone CR each end a line, as in YAML.
            starts.extend(
                bytes
                    .iter()
                    .enumerate()
                    .filter(|&(i, &b)| {
                        b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'))
                    })
                    .map(|(i, _)| clamp_u32(i + 1)),
            );
            starts.shrink_to_fit();
            starts
        })
    }

    /// How many characters precede a byte offset (a character boundary):
    /// counted from the nearest checkpoint, so a column costs the same on a
    /// line of 50 MB as on one of 50 bytes.
    fn chars_before(&self, offset: usize) -> usize {
        if self.ascii {
            return offset;
        }
        let checkpoints = self.char_checkpoints.get_or_init(|| {
            let bytes = self.text.as_bytes();
            let mut counts = Vec::with_capacity(bytes.len() / CHECKPOINT + 1);
            let mut chars = 0usize;
            for block in bytes.chunks(CHECKPOINT) {
                counts.push(clamp_u32(chars));
                // Continuation bytes (10xxxxxx) start no character.
                chars += block.iter().filter(|&&b| (b & 0xc0) != 0x80).count();
            }
            counts
        });
        let block = offset / CHECKPOINT;
        let base = checkpoints.get(block).copied().unwrap_or(0) as usize;
        let from = block * CHECKPOINT;
        base + self.text.as_bytes()[from.min(offset)..offset]
            .iter()
            .filter(|&&b| (b & 0xc0) != 0x80)
            .count()
    }

    /// Line and character column of a byte offset. Offsets past the end or
    /// inside a multi-byte character are clamped, never a panic. O(log n):
    /// a binary search of the line starts, then characters counted from a
    /// checkpoint at most [`CHECKPOINT`] bytes back.
    pub fn line_col(&self, offset: u32) -> LineCol {
        let mut offset = (offset as usize).min(self.text.len());
        // Inside a character: count up to the previous boundary.
        while offset > 0 && !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line_starts = self.line_starts();
        let line_idx = match line_starts.binary_search(&clamp_u32(offset)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let line_start = (line_starts.get(line_idx).copied().unwrap_or(0) as usize).min(offset);
        LineCol {
            line: line_idx + 1,
            column: self.chars_before(offset) - self.chars_before(line_start) + 1,
        }
    }

    /// Text of the 1-based line `line`, without its line break.
    pub fn line_text(&self, line: usize) -> &str {
        let line_starts = self.line_starts();
        let Some(&start) = line_starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = line_starts
            .get(line)
            .map_or(self.text.len(), |&e| e as usize);
        let s = self.text.get(start as usize..end).unwrap_or("");
        s.trim_end_matches(['\n', '\r'])
    }

    /// Byte offset where the 1-based line `line` starts; `None` past the
    /// last line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.line_starts()
            .get(line.checked_sub(1)?)
            .map(|&s| s as usize)
    }

    pub fn line_count(&self) -> usize {
        self.line_starts().len()
    }

    /// The text a span covers (empty when the span does not fit the text).
    pub fn slice(&self, span: Span) -> &str {
        self.text
            .get(span.start as usize..span.end as usize)
            .unwrap_or("")
    }
}

/// Every file of the design, indexed by [`FileId`].
#[derive(Debug, Default)]
pub struct SourceDb {
    files: Vec<SourceFile>,
}

impl SourceDb {
    pub fn new() -> SourceDb {
        SourceDb::default()
    }

    pub fn add(&mut self, file: SourceFile) -> FileId {
        let id = FileId(clamp_u32(self.files.len()));
        self.files.push(file);
        id
    }

    /// Gives a file its text (one that was set aside during the run).
    pub(crate) fn set_text(&mut self, id: FileId, text: Arc<str>) {
        if let Some(f) = self.files.get_mut(id.0 as usize) {
            let root_path = f.root_path.take();
            *f = SourceFile::new(std::mem::take(&mut f.path), text);
            f.root_path = root_path;
        }
    }

    /// Replaces file `id` (the language server's edited buffer).
    pub fn replace(&mut self, id: FileId, file: SourceFile) {
        if let Some(f) = self.files.get_mut(id.0 as usize) {
            *f = file;
        }
    }

    pub fn get(&self, id: FileId) -> Option<&SourceFile> {
        self.files.get(id.0 as usize)
    }

    pub fn path(&self, id: FileId) -> &str {
        self.get(id).map_or("<unknown>", |f| f.path.as_str())
    }

    /// The path of a file relative to the design root (fingerprints).
    pub fn root_path(&self, id: FileId) -> &str {
        self.get(id).map_or("<unknown>", |f| f.root_path())
    }

    pub fn line_col(&self, span: Span) -> (LineCol, LineCol) {
        match self.get(span.file) {
            Some(f) => (f.line_col(span.start), f.line_col(span.end)),
            None => (
                LineCol { line: 1, column: 1 },
                LineCol { line: 1, column: 1 },
            ),
        }
    }

    pub fn slice(&self, span: Span) -> &str {
        self.get(span.file).map_or("", |f| f.slice(span))
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(clamp_u32(i)), f))
    }
}

/// Converts the character indices the YAML scanner reports into byte
/// offsets. Scanner positions arrive almost in order, so a cursor that walks
/// forward (or back) from the last answer keeps this linear overall.
pub struct CharToByte<'a> {
    text: &'a str,
    ascii: bool,
    char_idx: usize,
    byte_idx: usize,
}

impl<'a> CharToByte<'a> {
    pub fn new(text: &'a str) -> CharToByte<'a> {
        CharToByte {
            text,
            ascii: text.is_ascii(),
            char_idx: 0,
            byte_idx: 0,
        }
    }

    pub fn byte(&mut self, char_index: usize) -> usize {
        if self.ascii {
            return char_index.min(self.text.len());
        }
        let bytes = self.text.as_bytes();
        while self.char_idx < char_index && self.byte_idx < bytes.len() {
            self.byte_idx += 1;
            while self.byte_idx < bytes.len() && !self.text.is_char_boundary(self.byte_idx) {
                self.byte_idx += 1;
            }
            self.char_idx += 1;
        }
        while self.char_idx > char_index && self.byte_idx > 0 {
            self.byte_idx -= 1;
            while self.byte_idx > 0 && !self.text.is_char_boundary(self.byte_idx) {
                self.byte_idx -= 1;
            }
            self.char_idx -= 1;
        }
        self.byte_idx
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let f = SourceFile::new("a.yaml".into(), Arc::from("ab\nçé: x\n"));
        assert_eq!(f.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(f.line_col(3), LineCol { line: 2, column: 1 });
        // "çé" is 4 bytes, 2 characters.
        assert_eq!(f.line_col(7), LineCol { line: 2, column: 3 });
        assert_eq!(f.line_col(9999).line, 3);
    }

    #[test]
    fn cr_lf_and_crlf_each_end_a_line() {
        let f = SourceFile::new("a.yaml".into(), Arc::from("a\rb\r\nc\nd"));
        assert_eq!(f.line_col(2), LineCol { line: 2, column: 1 });
        assert_eq!(f.line_col(5), LineCol { line: 3, column: 1 });
        assert_eq!(f.line_col(7), LineCol { line: 4, column: 1 });
        assert_eq!(f.line_text(1), "a");
        assert_eq!(f.line_text(2), "b");
        assert_eq!(f.line_count(), 4);
    }

    #[test]
    fn columns_on_a_long_non_ascii_line_count_characters() {
        let text = "é".repeat(1000) + "x" + &"ç".repeat(300);
        let f = SourceFile::new("a.yaml".into(), Arc::from(text.as_str()));
        assert_eq!(
            f.line_col(2000),
            LineCol {
                line: 1,
                column: 1001
            }
        );
        assert_eq!(
            f.line_col(2001 + 599),
            LineCol {
                line: 1,
                column: 1301
            }
        );
        // Inside a character: the one it is in.
        assert_eq!(f.line_col(1), LineCol { line: 1, column: 1 });
        for offset in (0..text.len()).filter(|&o| text.is_char_boundary(o)) {
            assert_eq!(
                f.line_col(offset as u32).column,
                text[..offset].chars().count() + 1
            );
        }
    }

    #[test]
    fn char_to_byte_walks_both_ways() {
        let text = "aç€b";
        let mut c = CharToByte::new(text);
        assert_eq!(c.byte(3), 6);
        assert_eq!(c.byte(1), 1);
        assert_eq!(c.byte(2), 3);
        assert_eq!(c.byte(4), 7);
        assert_eq!(c.byte(10), 7);
    }
}
