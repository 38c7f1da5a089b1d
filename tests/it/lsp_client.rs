//! A small LSP client for the tests: drives `erlint server` over stdio
//! with JSON-RPC framed as editors frame it (`Content-Length` headers),
//! every wait under a deadline.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

/// How long any one answer may take (a debug build on a loaded machine).
const DEADLINE: Duration = Duration::from_secs(60);

pub struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    incoming: Receiver<Value>,
    next_id: i64,
    /// Notifications received while waiting for something else.
    pub notifications: Vec<Value>,
}

/// A file's `file://` URI, as an editor sends it.
pub fn uri(path: &Path) -> String {
    let mut out = String::from("file://");
    for b in path.to_str().expect("a UTF-8 path").bytes() {
        let c = b as char;
        if c.is_ascii_alphanumeric() || "-._~/".contains(c) {
            out.push(c);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

impl Client {
    /// Starts `erlint server` in `cwd` with `env` set.
    pub fn start(cwd: &Path, env: &[(&str, &str)]) -> Client {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_erlint"));
        cmd.arg("server")
            .current_dir(cwd)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("erlint server starts");
        let stdout = child.stdout.take().expect("stdout");
        let stdin = child.stdin.take();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    match reader.read_line(&mut line) {
                        Ok(0) | Err(_) => return,
                        Ok(_) => {}
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = n.parse::<usize>().ok();
                    }
                }
                let Some(n) = length else { return };
                let mut body = vec![0; n];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                let Ok(v) = serde_json::from_slice::<Value>(&body) else {
                    return;
                };
                if tx.send(v).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            incoming: rx,
            next_id: 0,
            notifications: Vec::new(),
        }
    }

    fn send(&mut self, v: &Value) {
        let body = serde_json::to_string(v).expect("JSON");
        let stdin = self.stdin.as_mut().expect("stdin open");
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        stdin.flush().expect("flush");
    }

    fn next(&mut self, deadline: Instant) -> Value {
        let left = deadline.saturating_duration_since(Instant::now());
        match self.incoming.recv_timeout(left) {
            Ok(v) => v,
            Err(_) => panic!(
                "no message from the server in time; notifications so far: {:#?}",
                self.notifications
            ),
        }
    }

    /// Answers a request the server made (`client/registerCapability`).
    fn answer_server_request(&mut self, v: &Value) {
        let reply = json!({"jsonrpc": "2.0", "id": v["id"], "result": null});
        self.send(&reply);
    }

    /// Sends a request and returns the whole response (`result` or
    /// `error`).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let deadline = Instant::now() + DEADLINE;
        loop {
            let v = self.next(deadline);
            if v.get("method").is_some() && v.get("id").is_some() {
                self.answer_server_request(&v);
            } else if v.get("method").is_some() {
                self.notifications.push(v);
            } else if v["id"] == json!(id) {
                return v;
            }
        }
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Waits for the next `textDocument/publishDiagnostics` for `uri`
    /// (one already received counts first) and returns its diagnostics.
    pub fn diagnostics_for(&mut self, uri: &str) -> Vec<Value> {
        let is_it = |v: &Value| {
            v["method"] == "textDocument/publishDiagnostics" && v["params"]["uri"] == uri
        };
        if let Some(i) = self.notifications.iter().position(is_it) {
            let v = self.notifications.remove(i);
            return v["params"]["diagnostics"]
                .as_array()
                .cloned()
                .unwrap_or_default();
        }
        let deadline = Instant::now() + DEADLINE;
        loop {
            let v = self.next(deadline);
            if v.get("method").is_some() && v.get("id").is_some() {
                self.answer_server_request(&v);
            } else if is_it(&v) {
                return v["params"]["diagnostics"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
            } else {
                self.notifications.push(v);
            }
        }
    }

    /// Waits for a `window/showMessage` and returns its text.
    pub fn message(&mut self) -> String {
        let is_it = |v: &Value| v["method"] == "window/showMessage";
        if let Some(i) = self.notifications.iter().position(is_it) {
            let v = self.notifications.remove(i);
            return v["params"]["message"].as_str().unwrap_or("").to_string();
        }
        let deadline = Instant::now() + DEADLINE;
        loop {
            let v = self.next(deadline);
            if is_it(&v) {
                return v["params"]["message"].as_str().unwrap_or("").to_string();
            }
            self.notifications.push(v);
        }
    }

    /// `initialize` with `folder` as the workspace folder, then
    /// `initialized`; returns the server's capabilities.
    pub fn initialize(&mut self, folder: &Path) -> Value {
        self.initialize_folders(&[folder])
    }

    /// `initialize` with several workspace folders (the first as root).
    pub fn initialize_folders(&mut self, folders: &[&Path]) -> Value {
        let list: Vec<Value> = folders
            .iter()
            .map(|f| json!({"uri": uri(f), "name": "design"}))
            .collect();
        let r = self.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri(folders[0]),
                "workspaceFolders": list,
                "capabilities": {
                    "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}},
                    "textDocument": {"publishDiagnostics": {"relatedInformation": true}}
                }
            }),
        );
        self.notify("initialized", json!({}));
        r["result"]["capabilities"].clone()
    }

    /// `shutdown` then `exit`; the server's exit status.
    pub fn shut_down(mut self) -> std::process::ExitStatus {
        let r = self.request("shutdown", Value::Null);
        assert!(r.get("error").is_none(), "{r}");
        self.notify("exit", Value::Null);
        drop(self.stdin.take());
        let deadline = Instant::now() + DEADLINE;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        // A failed test must not leave the server running.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
