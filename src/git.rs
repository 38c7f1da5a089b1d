//! Reading a design as it is at a git revision (`check --diff-base REF`),
//! through git itself: `git ls-tree` lists the files of the revision and
//! `git cat-file --batch` gives their bytes. Nothing is checked out, the
//! work tree and the index are not touched.
//!
//! git runs with fixed arguments (never through a shell; the revision is
//! one argument, and one starting with `-` is refused), with
//! `core.fsmonitor` off, no pager, literal pathspecs, no terminal prompt
//! and no lazy fetch of missing objects (a partial clone does not go to the
//! network). Its output is read with bounds: a listing over
//! [`MAX_LISTING_BYTES`], a header line over 1 KiB or a file over
//! [`crate::syntax::limits::MAX_FILE_BYTES`] is never held in memory.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The most `git ls-tree` output read (about half a million files).
pub const MAX_LISTING_BYTES: u64 = 64 * 1024 * 1024;

/// A file of the tree at a revision.
#[derive(Debug)]
pub struct TreeFile {
    /// Relative to the repository root, `/`-separated.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The nearest folder at or above `start` that holds a `.git` (a folder,
/// or the file of a linked work tree or submodule): the repository root,
/// found without running git.
pub fn worktree_root(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|dir| std::fs::symlink_metadata(dir.join(".git")).is_ok())
        .map(Path::to_path_buf)
}

fn git(dir: &Path) -> Command {
    let mut c = Command::new("git");
    c.current_dir(dir)
        .args([
            "-c",
            "core.fsmonitor=false",
            "--no-pager",
            "--literal-pathspecs",
        ])
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_NO_LAZY_FETCH", "1")
        .env("GIT_OPTIONAL_LOCKS", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

/// Runs a git command that prints at most `limit` bytes; its standard
/// output, or why it failed.
fn run(mut cmd: Command, what: &str, limit: u64) -> Result<Vec<u8>, String> {
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot run git for {what}: {e}"))?;
    let mut out = Vec::new();
    let stdout = child
        .stdout
        .take()
        .ok_or_else(|| format!("git gave no output for {what}"))?;
    let stderr = child.stderr.take();
    // Standard error is drained on its own thread so that git never blocks
    // on a full pipe while standard output is read.
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(e) = stderr {
            let _ = e.take(4096).read_to_end(&mut buf);
        }
        buf
    });
    let read = stdout.take(limit + 1).read_to_end(&mut out);
    let too_long = out.len() as u64 > limit;
    if too_long {
        let _ = child.kill();
    }
    let status = child
        .wait()
        .map_err(|e| format!("git failed for {what}: {e}"))?;
    let err = err_reader.join().unwrap_or_default();
    read.map_err(|e| format!("cannot read git's output for {what}: {e}"))?;
    if too_long {
        return Err(format!(
            "git's output for {what} is over {} MiB; not read",
            limit / (1024 * 1024)
        ));
    }
    if !status.success() {
        let msg = printable(String::from_utf8_lossy(&err).trim());
        return Err(format!("git failed for {what}: {msg}"));
    }
    Ok(out)
}

/// Text from git or the command line as one printable line: line breaks
/// become `; `, other control characters `?`.
fn printable(s: &str) -> String {
    s.lines()
        .map(|l| {
            l.chars()
                .map(|c| if c.is_control() { '?' } else { c })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The root of the repository `dir` is in, as git sees it.
pub fn toplevel(dir: &Path) -> Result<PathBuf, String> {
    let mut cmd = git(dir);
    cmd.args(["rev-parse", "--show-toplevel"]);
    let out = run(cmd, "the repository root", 64 * 1024)?;
    let text = String::from_utf8(out)
        .map_err(|_| "the repository's path is not UTF-8 text".to_string())?;
    let path = text.trim_end_matches(['\n', '\r']);
    if path.is_empty() {
        return Err("`--diff-base` needs a git work tree (this is a bare repository)".into());
    }
    Ok(PathBuf::from(path))
}

/// The commit `rev` names.
fn commit_of(repo: &Path, rev: &str) -> Result<String, String> {
    if rev.is_empty() || rev.starts_with('-') || rev.chars().any(char::is_control) {
        return Err(format!("`{}` is not a git revision", printable(rev)));
    }
    let mut cmd = git(repo);
    cmd.args(["rev-parse", "--verify", "--quiet"])
        .arg(format!("{rev}^{{commit}}"));
    let out = run(cmd, &format!("revision `{rev}`"), 1024)
        .map_err(|_| format!("`{}` names no commit of this repository", printable(rev)))?;
    let oid = String::from_utf8_lossy(&out).trim().to_string();
    if oid.is_empty() || !oid.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(format!("`{rev}` names no commit of this repository"));
    }
    Ok(oid)
}

/// One `git ls-tree -l` entry: `<mode> <type> <object> <size>\t<path>`.
struct Entry {
    oid: String,
    size: u64,
    path: String,
}

fn parse_listing(out: &[u8]) -> Result<Vec<Entry>, String> {
    let mut entries = Vec::new();
    for record in out.split(|&b| b == 0).filter(|r| !r.is_empty()) {
        let text = std::str::from_utf8(record);
        let Ok(text) = text else {
            continue; // a path that is not UTF-8 is no design file erlint reports
        };
        let (meta, path) = text
            .split_once('\t')
            .ok_or_else(|| "unexpected `git ls-tree` output".to_string())?;
        let mut fields = meta.split_whitespace();
        let (Some(mode), Some(kind), Some(oid), Some(size)) =
            (fields.next(), fields.next(), fields.next(), fields.next())
        else {
            return Err("unexpected `git ls-tree` output".into());
        };
        // Regular files only: not symbolic links (120000), submodules
        // (160000, a commit) or anything else.
        if kind != "blob" || !matches!(mode, "100644" | "100755") {
            continue;
        }
        let size = size
            .parse::<u64>()
            .map_err(|_| "unexpected `git ls-tree` output".to_string())?;
        entries.push(Entry {
            oid: oid.to_string(),
            size,
            path: path.to_string(),
        });
    }
    Ok(entries)
}

/// The files of the tree at `rev` under `prefixes` (relative to the
/// repository root, `/`-separated; an empty prefix is the whole tree) for
/// which `wanted` holds. Files over the size limit are left out.
pub fn read_tree(
    repo: &Path,
    rev: &str,
    prefixes: &[String],
    wanted: impl Fn(&str) -> bool,
) -> Result<Vec<TreeFile>, String> {
    let commit = commit_of(repo, rev)?;
    let mut cmd = git(repo);
    cmd.args(["ls-tree", "-r", "-z", "-l", "--full-tree", &commit, "--"]);
    if !prefixes.iter().any(String::is_empty) {
        cmd.args(prefixes);
    }
    let listing = run(cmd, &format!("the files of `{rev}`"), MAX_LISTING_BYTES)?;
    let entries: Vec<Entry> = parse_listing(&listing)?
        .into_iter()
        .filter(|e| e.size <= crate::syntax::limits::MAX_FILE_BYTES && wanted(&e.path))
        .collect();
    if entries.is_empty() {
        return Ok(Vec::new());
    }
    cat_files(repo, entries)
}

/// The bytes of `entries`, through one `git cat-file --batch`.
fn cat_files(repo: &Path, entries: Vec<Entry>) -> Result<Vec<TreeFile>, String> {
    let mut cmd = git(repo);
    cmd.args(["cat-file", "--batch"]).stdin(Stdio::piped());
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot run git to read files: {e}"))?;
    let (Some(mut stdin), Some(stdout), Some(stderr)) =
        (child.stdin.take(), child.stdout.take(), child.stderr.take())
    else {
        let _ = child.kill();
        return Err("cannot talk to `git cat-file`".into());
    };
    // The object names are written on their own thread: git answers as it
    // reads, and a full pipe either way would otherwise block both sides.
    let names: String = entries.iter().map(|e| format!("{}\n", e.oid)).collect();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(names.as_bytes());
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stderr.take(4096).read_to_end(&mut buf);
        buf
    });
    let result = read_batch(BufReader::new(stdout), entries);
    if result.is_err() {
        let _ = child.kill();
    }
    let _ = writer.join();
    let status = child.wait();
    let _ = err_reader.join();
    let files = result?;
    match status {
        Ok(s) if s.success() => Ok(files),
        _ => Err("`git cat-file` failed".into()),
    }
}

fn read_batch(mut out: impl BufRead, entries: Vec<Entry>) -> Result<Vec<TreeFile>, String> {
    let unexpected = || "unexpected `git cat-file` output".to_string();
    let mut files = Vec::with_capacity(entries.len());
    for e in entries {
        // `<object> blob <size>\n<bytes>\n`
        let mut header = Vec::new();
        (&mut out)
            .take(1024)
            .read_until(b'\n', &mut header)
            .map_err(|e| format!("cannot read `git cat-file` output: {e}"))?;
        let header = std::str::from_utf8(&header).map_err(|_| unexpected())?;
        let mut fields = header.split_whitespace();
        let (Some(oid), Some("blob"), Some(size)) = (fields.next(), fields.next(), fields.next())
        else {
            return Err(unexpected());
        };
        if oid != e.oid || size.parse::<u64>().ok() != Some(e.size) {
            return Err(unexpected());
        }
        let len = usize::try_from(e.size).map_err(|_| unexpected())?;
        let mut bytes = vec![0; len];
        out.read_exact(&mut bytes)
            .map_err(|e| format!("cannot read `git cat-file` output: {e}"))?;
        let mut newline = [0u8; 1];
        out.read_exact(&mut newline)
            .map_err(|e| format!("cannot read `git cat-file` output: {e}"))?;
        if newline != *b"\n" {
            return Err(unexpected());
        }
        files.push(TreeFile {
            path: e.path,
            bytes,
        });
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listing_keeps_regular_files_only() {
        let records = [
            "100644 blob aaaa     12\tsites/a.yaml",
            "120000 blob bbbb 5\tlink.yaml",
            "160000 commit cccc       -\tsub",
            "100755 blob dddd 3\tx y.yml",
        ];
        let out = records.join("\0").into_bytes();
        let entries = parse_listing(&out).expect("parses");
        let paths: Vec<&str> = entries.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, ["sites/a.yaml", "x y.yml"]);
        assert_eq!(entries[0].size, 12);
        assert!(parse_listing(b"garbage\0").is_err());
    }

    #[test]
    fn batch_output_is_checked_against_the_listing() {
        let entry = |oid: &str, size| Entry {
            oid: oid.into(),
            size,
            path: "a.yaml".into(),
        };
        let files = read_batch(&b"aaaa blob 3\nabc\n"[..], vec![entry("aaaa", 3)]).expect("reads");
        assert_eq!(files[0].bytes, b"abc");
        assert!(read_batch(&b"aaaa blob 4\nabcd\n"[..], vec![entry("aaaa", 3)]).is_err());
        assert!(read_batch(&b"aaaa missing\n"[..], vec![entry("aaaa", 3)]).is_err());
        assert!(read_batch(&b"aaaa blob 3\nab"[..], vec![entry("aaaa", 3)]).is_err());
    }
}
