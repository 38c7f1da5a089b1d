//! `--output FILE`: never onto a file the run read, and written whole or
//! not at all (a temporary file in the same folder, then renamed), so a
//! failing or interrupted run leaves no truncated report.

use super::Failure;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Refuses an output that is one of `inputs` (canonical paths of every file
/// the run read), also through a link or a hard link.
pub fn check_not_an_input(output: &Path, inputs: &[PathBuf]) -> Result<(), Failure> {
    let Ok(target) = std::fs::canonicalize(output) else {
        return Ok(()); // it does not exist yet: no input is lost
    };
    let refuse = || {
        Failure(format!(
            "`--output {}` is a file this run reads; write the report elsewhere",
            output.display()
        ))
    };
    if inputs.contains(&target) {
        return Err(refuse());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let Ok(meta) = std::fs::metadata(&target) {
            if meta.nlink() > 1 {
                let same = |p: &PathBuf| {
                    std::fs::metadata(p)
                        .is_ok_and(|m| m.dev() == meta.dev() && m.ino() == meta.ino())
                };
                if inputs.iter().any(same) {
                    return Err(refuse());
                }
            }
        }
    }
    Ok(())
}

/// Writes `bytes` to `output` atomically when it is (or will be) a
/// regular file; a FIFO or a device (`/dev/stderr`) is written directly.
pub fn write_report(output: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let cannot = |e: std::io::Error| Failure(format!("cannot write `{}`: {e}", output.display()));
    // Through a link: replace the file it leads to, not the link.
    let target = std::fs::canonicalize(output).unwrap_or_else(|_| output.to_path_buf());
    let existing = std::fs::metadata(&target).ok();
    if existing.as_ref().is_some_and(|m| !m.is_file()) {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .open(&target)
            .map_err(cannot)?;
        return f.write_all(bytes).and_then(|_| f.flush()).map_err(cannot);
    }
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map_or_else(|| "report".into(), |n| n.to_string_lossy().into_owned());
    let (temp, mut file) = create_temp(&folder, &name).map_err(cannot)?;
    let written = file
        .write_all(bytes)
        .and_then(|_| file.flush())
        .and_then(|_| match &existing {
            Some(meta) => file.set_permissions(meta.permissions()),
            None => Ok(()),
        });
    drop(file);
    let done = written.and_then(|_| std::fs::rename(&temp, &target));
    if done.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    done.map_err(cannot)
}

/// A new file next to the report, named after it, that did not exist.
fn create_temp(folder: &Path, name: &str) -> std::io::Result<(PathBuf, std::fs::File)> {
    let mut last = None;
    for n in 0..100u32 {
        let temp = folder.join(format!(".{name}.erlint-{}-{n}.tmp", std::process::id()));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
        {
            Ok(f) => return Ok((temp, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("no temporary file name is free")))
}
