//! `erlint server`: a Language Server Protocol server over stdio.
//!
//! On `initialize` it loads the whole design of each workspace folder with
//! the discovery and `erlint.toml` of `check`; open buffers overlay the
//! files on disk, and an edit re-parses and re-lowers that file only
//! (`DesignParts`). After each change it publishes the diagnostics of every
//! file whose findings changed, and clears those of files that have none.
//! Requests (definition, references, rename, symbols, hover, completion,
//! code actions) read the semantic view.
//!
//! Every handler runs under `catch_unwind`: a bug is an error response (or,
//! for a notification, a message to the user and the design loaded again),
//! never a crash of the editor's server.

mod actions;
mod complete;
mod context;
pub mod convert;
mod diagnostics;
mod navigate;
pub mod state;

pub use state::SettingsFor;

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as note, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    CodeActionOrCommand, CodeActionProviderCapability, CompletionOptions, CompletionResponse,
    DocumentSymbolResponse, FileChangeType, GotoDefinitionResponse, HoverProviderCapability,
    InitializeParams, OneOf, PublishDiagnosticsParams, Registration, RegistrationParams,
    ServerCapabilities, TextDocumentSyncCapability, TextDocumentSyncKind, Uri,
};
use state::State;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

/// Serves the client on standard input and output until it says `exit`.
pub fn run_stdio(settings_for: SettingsFor) -> Result<(), String> {
    let (connection, io) = Connection::stdio();
    serve(&connection, settings_for)?;
    drop(connection);
    io.join().map_err(|e| format!("the connection failed: {e}"))
}

/// What the server offers.
fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![":".into(), " ".into(), "[".into(), ",".into()]),
            ..CompletionOptions::default()
        }),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    }
}

/// The whole session over `connection`: initialize, then messages until
/// `shutdown` and `exit`.
pub fn serve(connection: &Connection, settings_for: SettingsFor) -> Result<(), String> {
    let caps = serde_json::to_value(capabilities()).map_err(|e| e.to_string())?;
    let params = connection
        .initialize(caps)
        .map_err(|e| format!("initialize failed: {e}"))?;
    let params: InitializeParams =
        serde_json::from_value(params).map_err(|e| format!("bad initialize parameters: {e}"))?;
    let mut server = Server {
        state: State::new(settings_for),
        connection,
        next_request: 0,
    };
    for folder in folders_of(&params) {
        server.state.load_folder(&folder);
    }
    server.watch_files(&params);
    server.after_change();
    server.main_loop()
}

/// The workspace folders, else the root, else the current folder.
#[allow(deprecated)] // `root_uri` and `root_path`: older clients send only those
fn folders_of(params: &InitializeParams) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = params
        .workspace_folders
        .iter()
        .flatten()
        .filter_map(|f| convert::path_of(&f.uri))
        .collect();
    if out.is_empty() {
        out.extend(params.root_uri.as_ref().and_then(convert::path_of));
    }
    if out.is_empty() {
        out.extend(params.root_path.as_ref().map(PathBuf::from));
    }
    if out.is_empty() {
        out.extend(std::env::current_dir().ok());
    }
    out
}

struct Server<'c> {
    state: State,
    connection: &'c Connection,
    next_request: i32,
}

impl Server<'_> {
    fn main_loop(&mut self) -> Result<(), String> {
        for msg in &self.connection.receiver {
            match msg {
                Message::Request(r) => {
                    // After `shutdown`, a client that closes the stream
                    // instead of sending `exit` has still ended the session.
                    if self.connection.handle_shutdown(&r).unwrap_or(true) {
                        return Ok(());
                    }
                    let id = r.id.clone();
                    let method = r.method.clone();
                    let response = catch_unwind(AssertUnwindSafe(|| self.request(r)))
                        .unwrap_or_else(|p| {
                            Response::new_err(
                                id,
                                ErrorCode::InternalError as i32,
                                format!(
                                    "internal error while answering {method}: {}; this is a bug in erlint, please report it",
                                    crate::driver::panic_message(&*p)
                                ),
                            )
                        });
                    self.send(Message::Response(response));
                }
                Message::Notification(n) => {
                    let method = n.method.clone();
                    let handled = catch_unwind(AssertUnwindSafe(|| self.notification(n)));
                    if let Err(p) = handled {
                        self.show(&format!(
                            "erlint: internal error while handling {method}: {}; this is a bug in erlint, please report it",
                            crate::driver::panic_message(&*p)
                        ));
                        // The state may be half-changed: start again from disk
                        // and the buffers.
                        let _ = catch_unwind(AssertUnwindSafe(|| {
                            for i in 0..self.state.folders.len() {
                                self.state.reload(i);
                            }
                        }));
                    }
                    let _ = catch_unwind(AssertUnwindSafe(|| self.after_change()));
                }
                Message::Response(_) => {}
            }
        }
        Ok(())
    }

    fn send(&self, msg: Message) {
        // A closed connection ends the loop on the receiving side.
        let _ = self.connection.sender.send(msg);
    }

    fn notify<N: note::Notification>(&self, params: N::Params) {
        self.send(Message::Notification(Notification::new(
            N::METHOD.to_string(),
            params,
        )));
    }

    /// A message in the editor (`window/showMessage`).
    fn show(&self, message: &str) {
        self.notify::<note::ShowMessage>(lsp_types::ShowMessageParams {
            typ: lsp_types::MessageType::ERROR,
            message: message.to_string(),
        });
    }

    /// Asks the client to tell us of changes to design files and
    /// `erlint.toml` on disk, when it can register watchers.
    fn watch_files(&mut self, params: &InitializeParams) {
        let dynamic = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false);
        if !dynamic {
            return;
        }
        let watchers: Vec<lsp_types::FileSystemWatcher> =
            ["**/*.yaml", "**/*.yml", "**/erlint.toml"]
                .iter()
                .map(|g| lsp_types::FileSystemWatcher {
                    glob_pattern: lsp_types::GlobPattern::String(g.to_string()),
                    kind: None,
                })
                .collect();
        let options = lsp_types::DidChangeWatchedFilesRegistrationOptions { watchers };
        let registration = Registration {
            id: "erlint-watched-files".into(),
            method: note::DidChangeWatchedFiles::METHOD.into(),
            register_options: serde_json::to_value(options).ok(),
        };
        self.next_request += 1;
        self.send(Message::Request(Request::new(
            RequestId::from(format!("erlint-{}", self.next_request)),
            req::RegisterCapability::METHOD.into(),
            RegistrationParams {
                registrations: vec![registration],
            },
        )));
    }

    /// Publishes what changed since the last publication; shows each
    /// folder's new problem once.
    fn after_change(&mut self) {
        let now = self.state.diagnostics();
        for (uri, diagnostics) in diagnostics::changes(&self.state.published, &now) {
            self.notify::<note::PublishDiagnostics>(PublishDiagnosticsParams {
                uri,
                diagnostics,
                version: None,
            });
        }
        self.state.published = now;
        let problems: Vec<String> = self
            .state
            .folders
            .iter_mut()
            .filter_map(|f| f.problem.take())
            .collect();
        for p in problems {
            self.show(&format!("erlint: {p}"));
        }
    }

    fn notification(&mut self, n: Notification) {
        match n.method.as_str() {
            note::DidOpenTextDocument::METHOD => {
                if let Ok(p) = parse::<lsp_types::DidOpenTextDocumentParams>(n.params) {
                    self.buffer_changed(&p.text_document.uri, Some(p.text_document.text));
                }
            }
            note::DidChangeTextDocument::METHOD => {
                if let Ok(p) = parse::<lsp_types::DidChangeTextDocumentParams>(n.params) {
                    // Full synchronisation: the last change is the text.
                    if let Some(change) = p.content_changes.into_iter().last() {
                        self.buffer_changed(&p.text_document.uri, Some(change.text));
                    }
                }
            }
            note::DidCloseTextDocument::METHOD => {
                if let Ok(p) = parse::<lsp_types::DidCloseTextDocumentParams>(n.params) {
                    self.buffer_changed(&p.text_document.uri, None);
                }
            }
            note::DidChangeWatchedFiles::METHOD => {
                if let Ok(p) = parse::<lsp_types::DidChangeWatchedFilesParams>(n.params) {
                    self.files_changed(p.changes);
                }
            }
            note::DidChangeWorkspaceFolders::METHOD => {
                if let Ok(p) = parse::<lsp_types::DidChangeWorkspaceFoldersParams>(n.params) {
                    for gone in p.event.removed {
                        if let Some(path) = convert::path_of(&gone.uri) {
                            let path = convert::canonical(&path);
                            self.state.folders.retain(|f| f.root != path);
                        }
                    }
                    for added in p.event.added {
                        if let Some(path) = convert::path_of(&added.uri) {
                            self.state.load_folder(&path);
                        }
                    }
                }
            }
            _ => {}
        }
    }

    fn buffer_changed(&mut self, uri: &Uri, text: Option<String>) {
        let Some(path) = convert::path_of(uri) else {
            return;
        };
        let path = convert::canonical(&path);
        self.state.file_changed(&path, text);
    }

    fn files_changed(&mut self, changes: Vec<lsp_types::FileEvent>) {
        let mut reload: Vec<usize> = Vec::new();
        for change in changes {
            let Some(path) = convert::path_of(&change.uri) else {
                continue;
            };
            let path = convert::canonical(&path);
            let folder = self
                .state
                .folders
                .iter()
                .position(|f| path.starts_with(&f.root));
            let is_config = path.file_name().is_some_and(|n| n == "erlint.toml");
            if is_config || change.typ != FileChangeType::CHANGED {
                // Settings, or the set of files, changed: load again.
                match folder {
                    Some(i) => reload.push(i),
                    // An erlint.toml above the folders applies to them all.
                    None if is_config => reload.extend(0..self.state.folders.len()),
                    None => {}
                }
            } else if !self.state.open.contains_key(&path) {
                // An open buffer wins over the disk.
                self.state.file_changed(&path, None);
            }
        }
        reload.sort_unstable();
        reload.dedup();
        for i in reload {
            self.state.reload(i);
        }
    }

    fn request(&mut self, r: Request) -> Response {
        injected_panic(&r.method);
        let id = r.id.clone();
        let result =
            match r.method.as_str() {
                req::GotoDefinition::METHOD => self.position_request(r, |folder, file, offset| {
                    let loc = navigate::definition(folder, file, offset);
                    to_value(loc.map(GotoDefinitionResponse::Scalar))
                }),
                req::References::METHOD => match parse::<lsp_types::ReferenceParams>(r.params) {
                    Ok(p) => {
                        let include = p.context.include_declaration;
                        self.at(&p.text_document_position, |folder, file, offset| {
                            to_value(navigate::references(folder, file, offset, include))
                        })
                    }
                    Err(e) => Err(e),
                },
                req::Rename::METHOD => match parse::<lsp_types::RenameParams>(r.params) {
                    Ok(p) => {
                        let new_name = p.new_name;
                        self.at(&p.text_document_position, |folder, file, offset| {
                            match navigate::rename(folder, file, offset, &new_name) {
                                Ok(edit) => to_value(edit),
                                Err(message) => Err((ErrorCode::InvalidParams, message)),
                            }
                        })
                    }
                    Err(e) => Err(e),
                },
                req::HoverRequest::METHOD => self.position_request(r, |folder, file, offset| {
                    to_value(navigate::hover(folder, file, offset))
                }),
                req::Completion::METHOD => self.position_request(r, |folder, file, offset| {
                    to_value(CompletionResponse::Array(complete::complete(
                        folder, file, offset,
                    )))
                }),
                req::DocumentSymbolRequest::METHOD => {
                    match parse::<lsp_types::DocumentSymbolParams>(r.params) {
                        Ok(p) => match self.file(&p.text_document.uri) {
                            Some((folder, file)) => to_value(DocumentSymbolResponse::Nested(
                                navigate::symbols(folder, file),
                            )),
                            None => to_value(Option::<()>::None),
                        },
                        Err(e) => Err(e),
                    }
                }
                req::CodeActionRequest::METHOD => {
                    match parse::<lsp_types::CodeActionParams>(r.params) {
                        Ok(p) => match self.file(&p.text_document.uri) {
                            Some((folder, file)) => {
                                let source = folder.parts.sources.get(file);
                                let (start, end) = source.map_or((0, 0), |s| {
                                    (
                                        convert::offset(s, p.range.start),
                                        convert::offset(s, p.range.end),
                                    )
                                });
                                let found: Vec<CodeActionOrCommand> =
                                    actions::actions(folder, file, start, end)
                                        .into_iter()
                                        .map(CodeActionOrCommand::CodeAction)
                                        .collect();
                                to_value(found)
                            }
                            None => to_value(Option::<()>::None),
                        },
                        Err(e) => Err(e),
                    }
                }
                _ => Err((
                    ErrorCode::MethodNotFound,
                    format!("erlint does not answer `{}`", r.method),
                )),
            };
        match result {
            Ok(value) => Response::new_ok(id, value),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        }
    }

    /// A request whose parameters are a text document position.
    fn position_request(
        &self,
        r: Request,
        answer: impl FnOnce(&state::Folder, crate::source::FileId, u32) -> Answer,
    ) -> Answer {
        let p = parse::<lsp_types::TextDocumentPositionParams>(r.params)?;
        self.at(&p, answer)
    }

    /// The folder, file and byte offset of a position, handed to `answer`
    /// (`null` for a file that is not part of a design).
    fn at(
        &self,
        p: &lsp_types::TextDocumentPositionParams,
        answer: impl FnOnce(&state::Folder, crate::source::FileId, u32) -> Answer,
    ) -> Answer {
        let Some((folder, file)) = self.file(&p.text_document.uri) else {
            return to_value(Option::<()>::None);
        };
        let Some(source) = folder.parts.sources.get(file) else {
            return to_value(Option::<()>::None);
        };
        answer(folder, file, convert::offset(source, p.position))
    }

    /// The folder and design file a URI names.
    fn file(&self, uri: &Uri) -> Option<(&state::Folder, crate::source::FileId)> {
        let path = convert::canonical(&convert::path_of(uri)?);
        self.state
            .folders
            .iter()
            .find_map(|f| f.parts.file_at(&path).map(|id| (f, id)))
    }
}

/// A request's result, or its error.
type Answer = Result<serde_json::Value, (ErrorCode, String)>;

fn parse<P: serde::de::DeserializeOwned>(
    params: serde_json::Value,
) -> Result<P, (ErrorCode, String)> {
    serde_json::from_value(params).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))
}

fn to_value<T: serde::Serialize>(v: T) -> Answer {
    serde_json::to_value(v).map_err(|e| (ErrorCode::InternalError, e.to_string()))
}

/// Test-only, debug builds only: `ERLINT_TEST_PANIC=server-<method>`
/// (`server-hover`) makes the handler of requests whose method ends with
/// `<method>` panic, so the tests can prove a bug is an error response.
fn injected_panic(method: &str) {
    #[cfg(debug_assertions)]
    if std::env::var("ERLINT_TEST_PANIC").is_ok_and(|v| {
        v.strip_prefix("server-")
            .is_some_and(|m| !m.is_empty() && method.ends_with(m))
    }) {
        panic!("injected by ERLINT_TEST_PANIC");
    }
    let _ = method;
}
