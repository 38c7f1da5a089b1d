//! Running the binary on a hostile input: with a deadline (an attack that
//! makes it hang fails the test instead of hanging it), and the outcome.

use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// What a run printed and how it ended.
#[derive(Debug)]
pub struct Ran {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn erlint(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_erlint"));
    c.current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("RAYON_NUM_THREADS")
        .env("COLUMNS", "100")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

/// Runs `cmd`, killing it after `limit`: a run that needs longer fails.
pub fn within(limit: Duration, mut cmd: Command) -> Ran {
    let child = cmd.spawn().expect("spawn erlint");
    wait_within(limit, child)
}

pub fn wait_within(limit: Duration, mut child: Child) -> Ran {
    // Drain the pipes on threads so a long report cannot block the child.
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut buf);
            }
            String::from_utf8_lossy(&buf).into_owned()
        })
    };
    let out = drain(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let err = drain(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let start = Instant::now();
    let status = loop {
        match child.try_wait().expect("wait") {
            Some(status) => break status,
            None if start.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("erlint did not finish within {limit:?}");
            }
            None => std::thread::sleep(Duration::from_millis(20)),
        }
    };
    Ran {
        code: status.code().unwrap_or(-1),
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
    }
}

/// Long enough for a debug build on a loaded machine; an input read
/// without end takes far longer.
pub const DEADLINE: Duration = Duration::from_secs(60);

pub fn mkfifo(path: &Path) -> bool {
    let ok = Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("mkfifo is not available; skipped");
    }
    ok
}

/// A small valid design file.
pub const DESIGN: &str = "providers:\n  - name: Contoso\n    offers: { ipvpn: [l3] }\n";

/// A design folder in a temporary folder: `design.yaml` plus what a test adds.
pub fn design_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("design.yaml"), DESIGN).expect("write");
    dir
}
