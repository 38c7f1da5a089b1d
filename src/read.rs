//! The one reader of every input: design files, standard input,
//! `erlint.toml`, the catalog file, the baseline and ignore files.
//!
//! Regular files only (a FIFO, socket, device or folder is refused without
//! being opened, so nothing blocks and no writer waiting on a FIFO is let
//! through), at most [`MAX_BYTES`] read whatever the file claims (files in
//! `/proc` say they are empty and never end), and opened without blocking
//! and checked again once open, so a file swapped for a FIFO between the
//! check and the open is refused too.

use std::fs::File;
use std::io::Read;
use std::path::Path;

/// The most bytes read from any input: a design file, standard input or a
/// configuration file longer than this is not read.
pub const MAX_BYTES: u64 = crate::syntax::limits::MAX_FILE_BYTES;

/// Why an input was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// It does not exist (or is a dangling symbolic link).
    Missing,
    /// A FIFO, socket, device or folder: what it is.
    NotRegular(&'static str),
    /// Longer than [`MAX_BYTES`]: at least this many bytes.
    TooLarge(u64),
    PermissionDenied,
    /// A symbolic link that leads back to itself.
    Loop,
    Other(String),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Missing => f.write_str("it does not exist (a dangling symbolic link?)"),
            ReadError::NotRegular(what) => write!(f, "it is {what}, not a regular file"),
            // Only a lower bound is known of an input that claims no size.
            ReadError::TooLarge(bytes) if *bytes > MAX_BYTES + 1 => write!(
                f,
                "it is {} MiB, larger than the {} MiB erlint reads",
                bytes / (1024 * 1024),
                MAX_BYTES / (1024 * 1024)
            ),
            ReadError::TooLarge(_) => write!(
                f,
                "it is longer than the {} MiB erlint reads",
                MAX_BYTES / (1024 * 1024)
            ),
            ReadError::PermissionDenied => f.write_str("permission denied"),
            ReadError::Loop => f.write_str("it is a symbolic link loop"),
            ReadError::Other(e) => f.write_str(e),
        }
    }
}

#[cfg(any(target_os = "macos", target_os = "ios", target_os = "freebsd"))]
const ELOOP: i32 = 62;
#[cfg(not(any(target_os = "macos", target_os = "ios", target_os = "freebsd")))]
const ELOOP: i32 = 40;

impl From<std::io::Error> for ReadError {
    fn from(e: std::io::Error) -> ReadError {
        match e.kind() {
            std::io::ErrorKind::NotFound => ReadError::Missing,
            std::io::ErrorKind::PermissionDenied => ReadError::PermissionDenied,
            std::io::ErrorKind::IsADirectory => ReadError::NotRegular("a folder"),
            _ if e.raw_os_error() == Some(ELOOP) => ReadError::Loop,
            _ => ReadError::Other(e.to_string()),
        }
    }
}

/// What a file that is not a regular file is, in words.
fn kind_of(meta: &std::fs::Metadata) -> Option<&'static str> {
    if meta.is_file() {
        return None;
    }
    if meta.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return Some("a FIFO");
        }
        if t.is_socket() {
            return Some("a socket");
        }
        if t.is_char_device() || t.is_block_device() {
            return Some("a device");
        }
    }
    Some("a special file")
}

/// Checks what `path` is before opening it (opening a FIFO, even without
/// blocking, would let a writer waiting on it through).
pub fn check_regular(path: &Path) -> Result<std::fs::Metadata, ReadError> {
    let meta = std::fs::metadata(path)?;
    if let Some(what) = kind_of(&meta) {
        return Err(ReadError::NotRegular(what));
    }
    if meta.len() > MAX_BYTES {
        return Err(ReadError::TooLarge(meta.len()));
    }
    Ok(meta)
}

/// The bytes of the regular file `path`, at most [`MAX_BYTES`].
pub fn read_file(path: &Path) -> Result<Vec<u8>, ReadError> {
    check_regular(path)?;
    read_opened(open_nonblocking(path)?)
}

/// [`read_file`] for a UTF-8 text file (a configuration file). The error
/// never quotes the file's content.
pub fn read_text(path: &Path) -> Result<String, ReadError> {
    String::from_utf8(read_file(path)?).map_err(|e| {
        ReadError::Other(format!(
            "it is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// Opens `path` for reading without ever blocking (a FIFO opens at once
/// instead of waiting for a writer) and without making a terminal the
/// process's controlling terminal.
pub fn open_nonblocking(path: &Path) -> Result<File, ReadError> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    Ok(options.open(path)?)
}

/// The bytes of a file already open, if it is a regular file: what was
/// opened is checked again, whatever the path was when it was looked at.
pub fn read_opened(file: File) -> Result<Vec<u8>, ReadError> {
    let meta = file.metadata()?;
    if let Some(what) = kind_of(&meta) {
        return Err(ReadError::NotRegular(what));
    }
    read_bounded(file, meta.len())
}

/// Reads at most [`MAX_BYTES`] (and a page more, to tell a longer input
/// apart: a whole page, since files like `/proc/self/pagemap` refuse reads
/// that are not a multiple of 8 bytes); `hint` is the size the input
/// claims, which may be wrong.
fn read_bounded(reader: impl Read, hint: u64) -> Result<Vec<u8>, ReadError> {
    if hint > MAX_BYTES {
        return Err(ReadError::TooLarge(hint));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(hint).unwrap_or(0));
    reader.take(MAX_BYTES + 4096).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(ReadError::TooLarge(MAX_BYTES + 1));
    }
    Ok(bytes)
}

/// Standard input's bytes, at most [`MAX_BYTES`]. A pipe, a regular file
/// or a terminal is read; a device is refused, and so is a closed standard
/// input (which the Rust runtime reopens as `/dev/null` before `main`).
pub fn read_stdin() -> Result<Vec<u8>, ReadError> {
    let stdin = std::io::stdin();
    #[cfg(unix)]
    {
        use std::io::IsTerminal;
        use std::os::fd::AsFd;
        let meta = stdin
            .as_fd()
            .try_clone_to_owned()
            .map(File::from)
            .and_then(|f| f.metadata())?;
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if (t.is_char_device() || t.is_block_device()) && !stdin.is_terminal() {
            return Err(ReadError::NotRegular(
                "a device (standard input is closed, or is /dev/null)",
            ));
        }
        if t.is_dir() {
            return Err(ReadError::NotRegular("a folder"));
        }
        let hint = if t.is_file() { meta.len() } else { 0 };
        read_bounded(stdin.lock(), hint)
    }
    #[cfg(not(unix))]
    {
        read_bounded(stdin.lock(), 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_no_more_than_the_limit_of_an_endless_input() {
        let endless = std::io::repeat(b'a');
        assert_eq!(
            read_bounded(endless, 0),
            Err(ReadError::TooLarge(MAX_BYTES + 1))
        );
        assert_eq!(read_bounded(&b"a: b\n"[..], 5), Ok(b"a: b\n".to_vec()));
    }

    #[test]
    fn a_claimed_size_over_the_limit_is_refused_before_reading() {
        assert_eq!(
            read_bounded(&b""[..], MAX_BYTES + 10),
            Err(ReadError::TooLarge(MAX_BYTES + 10))
        );
    }
}
