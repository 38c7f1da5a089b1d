//! Between erlint's positions and the protocol's: byte offsets ↔ LSP
//! positions (0-based line, column in UTF-16 code units, as LSP counts by
//! default), file paths ↔ `file://` URIs.

use crate::source::{SourceDb, SourceFile, Span};
use lsp_types::{Location, Position, Range, Uri};
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// The LSP position of byte `offset` of `file` (clamped to the text, and
/// back to a character boundary).
pub fn position(file: &SourceFile, offset: u32) -> Position {
    let text = &*file.text;
    let mut offset = (offset as usize).min(text.len());
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let line = file
        .line_col(u32::try_from(offset).unwrap_or(u32::MAX))
        .line;
    let start = file.line_start(line).unwrap_or(0).min(offset);
    let column: usize = text[start..offset].chars().map(char::len_utf16).sum();
    Position {
        line: u32::try_from(line.saturating_sub(1)).unwrap_or(u32::MAX),
        character: u32::try_from(column).unwrap_or(u32::MAX),
    }
}

/// The byte offset of an LSP position in `file`: a line past the end is
/// the end of the text, a column past the line's end its end, a column
/// inside a surrogate pair the start of that character.
pub fn offset(file: &SourceFile, pos: Position) -> u32 {
    let text = &*file.text;
    let Some(start) = file.line_start(pos.line as usize + 1) else {
        return u32::try_from(text.len()).unwrap_or(u32::MAX);
    };
    let line = file.line_text(pos.line as usize + 1);
    let mut units = 0usize;
    let mut bytes = line.len();
    for (i, c) in line.char_indices() {
        if units + c.len_utf16() > pos.character as usize {
            bytes = i;
            break;
        }
        units += c.len_utf16();
    }
    u32::try_from(start + bytes).unwrap_or(u32::MAX)
}

/// The LSP range of `span`.
pub fn range(sources: &SourceDb, span: Span) -> Range {
    match sources.get(span.file) {
        Some(f) => Range {
            start: position(f, span.start),
            end: position(f, span.end),
        },
        None => Range::default(),
    }
}

/// The location of `span`, if its file has a path on disk.
pub fn location(sources: &SourceDb, paths: &[Option<PathBuf>], span: Span) -> Option<Location> {
    let path = paths.get(span.file.0 as usize)?.as_deref()?;
    Some(Location {
        uri: uri_of(path)?,
        range: range(sources, span),
    })
}

/// `file://` URI of an absolute path (bytes outside the unreserved set
/// percent-encoded).
pub fn uri_of(path: &Path) -> Option<Uri> {
    let s = path.to_str()?;
    let mut out = String::from("file://");
    if !s.starts_with('/') {
        out.push('/');
    }
    for b in s.bytes() {
        let c = b as char;
        if c.is_ascii_alphanumeric() || "-._~/".contains(c) {
            out.push(c);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    Uri::from_str(&out).ok()
}

/// The path a `file://` URI names (`None` for another scheme or an
/// encoding that is not UTF-8).
pub fn path_of(uri: &Uri) -> Option<PathBuf> {
    let s = uri.as_str();
    let rest = s.strip_prefix("file://")?;
    // An authority of `localhost` or nothing: the local machine.
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    if !rest.starts_with('/') {
        return None;
    }
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let path = String::from_utf8(out).ok()?;
    // `file:///C:/x` on Windows.
    #[cfg(windows)]
    let path = path.trim_start_matches('/').to_string();
    Some(PathBuf::from(path))
}

/// `path` made canonical when it exists (a link resolved), else as given.
pub fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| crate::normalize(path))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn file(text: &str) -> SourceFile {
        SourceFile::new("f.yaml".into(), Arc::from(text))
    }

    #[test]
    fn ascii_positions_round_trip() {
        let f = file("a: 1\nbb: 2\n");
        let p = position(&f, 6);
        assert_eq!((p.line, p.character), (1, 1));
        assert_eq!(offset(&f, p), 6);
    }

    #[test]
    fn columns_count_utf16_units() {
        // `é` is 2 bytes and 1 unit; `😀` is 4 bytes and 2 units (a
        // surrogate pair).
        let text = "city: é😀x\n";
        let f = file(text);
        let x = text.find('x').unwrap() as u32;
        let p = position(&f, x);
        assert_eq!((p.line, p.character), (0, 6 + 1 + 2));
        assert_eq!(offset(&f, p), x);
        // Inside the surrogate pair: the start of the emoji.
        let emoji = text.find('😀').unwrap() as u32;
        assert_eq!(offset(&f, Position::new(0, 8)), emoji);
        // Past the line's end: its end; past the last line: the text's end.
        assert_eq!(offset(&f, Position::new(0, 99)), text.len() as u32 - 1);
        assert_eq!(offset(&f, Position::new(9, 0)), text.len() as u32);
    }

    #[test]
    fn crlf_lines() {
        let f = file("a: 1\r\nb: ü2\r\n");
        // `2` is byte 11: after `ü` (2 bytes, 1 unit).
        let p = position(&f, 11);
        assert_eq!((p.line, p.character), (1, 4));
        assert_eq!(offset(&f, Position::new(1, 4)), 11);
        // Inside `ü`: its start.
        assert_eq!(position(&f, 10), Position::new(1, 3));
    }

    #[test]
    fn uris_round_trip_with_escapes() {
        let path = Path::new("/tmp/my design/sités#1.yaml");
        let uri = uri_of(path).unwrap();
        assert_eq!(uri.as_str(), "file:///tmp/my%20design/sit%C3%A9s%231.yaml");
        assert_eq!(path_of(&uri).unwrap(), path);
        let other = Uri::from_str("untitled:Untitled-1").unwrap();
        assert!(path_of(&other).is_none());
    }
}
