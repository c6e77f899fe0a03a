//! `essaylint lsp`: a Language Server Protocol server.
//!
//! The server keeps the open documents, lints each one on open, on save and (debounced) after
//! a change, and publishes the diagnostics. Linting runs on a worker thread: a change that
//! arrives while a document is being linted makes the running result stale (it is dropped, not
//! published) and only the newest version of each document is linted next, so a long thesis
//! never holds up the editor. Code actions apply a suggestion or every safe fix, silence a rule
//! on a line, add a word to the workspace's accept list or fix a name's canonical spelling in
//! `essaylint.toml`; hover shows the rule's documentation.
//!
//! The library does no I/O here: [`serve`] talks through an [`lsp_server::Connection`] that the
//! binary wires to standard input and output.

mod actions;
mod config_edit;
mod convert;
mod text;

pub use text::{Encoding, Text};

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::engine::{self, Report};
use crate::input::{self, Format};
use crate::rules;
use crossbeam_channel::{select, unbounded, Receiver, Sender};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types as lt;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The commands the server executes (`workspace/executeCommand`).
pub const CMD_ACCEPT_WORD: &str = "essaylint.acceptWord";
pub const CMD_ACCEPT_NAME: &str = "essaylint.acceptName";

/// Options a client may pass in `initializationOptions`.
#[derive(Clone, Debug)]
struct Options {
    /// Quiet time after a change before the document is linted again.
    debounce: Duration,
}

/// One open document.
struct Doc {
    text: Text,
    version: i32,
    format: Format,
    /// The file behind the document, when its URI is a `file:` URI.
    path: Option<PathBuf>,
    /// When a change is waiting to be linted, the time it may be linted.
    due: Option<Instant>,
    /// The last lint of this document (for code actions and hover).
    result: Option<Linted>,
}

/// A lint result and the version it was computed for (its document holds the text).
struct Linted {
    version: i32,
    text: String,
    /// `None` if linting failed (a rule panicked): the document then has no diagnostics.
    report: Option<Report>,
    config: Arc<Config>,
}

impl Linted {
    fn text(&self) -> &str {
        &self.text
    }

    fn diagnostics(&self) -> &[Diagnostic] {
        self.report.as_ref().map_or(&[], |r| &r.diagnostics)
    }
}

/// Work for the lint thread.
struct Job {
    uri: String,
    version: i32,
    text: String,
    format: Format,
    config: Arc<Config>,
}

struct Done {
    uri: String,
    linted: Linted,
}

/// Runs the server until the client sends `exit` (or the connection closes). Returns an error
/// message if the protocol could not even start.
pub fn serve(conn: Connection) -> Result<(), String> {
    let (id, params) = conn.initialize_start().map_err(|e| e.to_string())?;
    let init: lt::InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let enc = choose_encoding(&init);
    let caps = capabilities(enc);
    let result = json!({
        "capabilities": caps,
        "serverInfo": { "name": "essaylint", "version": env!("CARGO_PKG_VERSION") },
    });
    conn.initialize_finish(id, result)
        .map_err(|e| e.to_string())?;
    let mut server = Server::new(conn, init, enc);
    server.run();
    Ok(())
}

fn choose_encoding(init: &lt::InitializeParams) -> Encoding {
    let offered = init
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref());
    match offered {
        Some(v) if v.contains(&lt::PositionEncodingKind::UTF8) => Encoding::Utf8,
        _ => Encoding::Utf16,
    }
}

fn capabilities(enc: Encoding) -> lt::ServerCapabilities {
    lt::ServerCapabilities {
        position_encoding: Some(match enc {
            Encoding::Utf8 => lt::PositionEncodingKind::UTF8,
            Encoding::Utf16 => lt::PositionEncodingKind::UTF16,
        }),
        text_document_sync: Some(lt::TextDocumentSyncCapability::Options(
            lt::TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(lt::TextDocumentSyncKind::INCREMENTAL),
                save: Some(lt::TextDocumentSyncSaveOptions::SaveOptions(
                    lt::SaveOptions {
                        include_text: Some(false),
                    },
                )),
                ..Default::default()
            },
        )),
        code_action_provider: Some(lt::CodeActionProviderCapability::Options(
            lt::CodeActionOptions {
                code_action_kinds: Some(vec![
                    lt::CodeActionKind::QUICKFIX,
                    lt::CodeActionKind::SOURCE_FIX_ALL,
                ]),
                ..Default::default()
            },
        )),
        hover_provider: Some(lt::HoverProviderCapability::Simple(true)),
        execute_command_provider: Some(lt::ExecuteCommandOptions {
            commands: vec![CMD_ACCEPT_WORD.into(), CMD_ACCEPT_NAME.into()],
            ..Default::default()
        }),
        ..Default::default()
    }
}

struct Server {
    conn: Connection,
    enc: Encoding,
    options: Options,
    docs: HashMap<String, Doc>,
    /// Configurations by folder (the folder a document is in), read once until a change.
    configs: HashMap<PathBuf, Arc<Config>>,
    /// Workspace folders, for documents that are not files and for new configuration files.
    roots: Vec<PathBuf>,
    jobs: Sender<Job>,
    done: Receiver<Done>,
    /// A lint is running or queued for these URIs.
    busy: HashMap<String, i32>,
    next_request: i32,
    shutdown: bool,
}

impl Server {
    fn new(conn: Connection, init: lt::InitializeParams, enc: Encoding) -> Server {
        let opts = init.initialization_options.as_ref();
        let debounce = opts
            .and_then(|o| o.get("debounceMs"))
            .and_then(Value::as_u64)
            .unwrap_or(150);
        let mut roots: Vec<PathBuf> = init
            .workspace_folders
            .iter()
            .flatten()
            .filter_map(|f| uri_to_path(f.uri.as_str()))
            .collect();
        #[allow(deprecated)]
        if roots.is_empty() {
            if let Some(p) = init.root_uri.as_ref().and_then(|u| uri_to_path(u.as_str())) {
                roots.push(p);
            }
        }
        let (jobs, job_rx) = unbounded::<Job>();
        let (done_tx, done) = unbounded::<Done>();
        std::thread::Builder::new()
            .name("essaylint-lint".into())
            .spawn(move || lint_worker(job_rx, done_tx))
            .expect("spawn the lint thread");
        Server {
            conn,
            enc,
            options: Options {
                debounce: Duration::from_millis(debounce),
            },
            docs: HashMap::new(),
            configs: HashMap::new(),
            roots,
            jobs,
            done,
            busy: HashMap::new(),
            next_request: 1,
            shutdown: false,
        }
    }

    fn run(&mut self) {
        let receiver = self.conn.receiver.clone();
        let done = self.done.clone();
        loop {
            let wait = self
                .next_due()
                .map(|d| d.saturating_duration_since(Instant::now()));
            let timeout = crossbeam_channel::after(wait.unwrap_or(Duration::from_secs(3600)));
            select! {
                recv(receiver) -> msg => match msg {
                    Ok(msg) => {
                        if self.handle(msg) {
                            return;
                        }
                    }
                    Err(_) => return,
                },
                recv(done) -> d => {
                    if let Ok(d) = d {
                        self.finished(d);
                    }
                }
                recv(timeout) -> _ => {}
            }
            self.start_due();
        }
    }

    /// The earliest time a changed document may be linted.
    fn next_due(&self) -> Option<Instant> {
        self.docs.values().filter_map(|d| d.due).min()
    }

    /// Starts the lints whose debounce has passed.
    fn start_due(&mut self) {
        let now = Instant::now();
        let due: Vec<String> = self
            .docs
            .iter()
            .filter(|(_, d)| d.due.is_some_and(|t| t <= now))
            .map(|(u, _)| u.clone())
            .collect();
        for uri in due {
            self.schedule(&uri);
        }
    }

    /// Queues a lint of the document's current version.
    fn schedule(&mut self, uri: &str) {
        let Some(doc) = self.docs.get_mut(uri) else {
            return;
        };
        doc.due = None;
        let dir = doc
            .path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf);
        let (version, text, format) = (doc.version, doc.text.text.clone(), doc.format);
        let config = self.config_for(dir.as_deref());
        self.busy.insert(uri.to_string(), version);
        let _ = self.jobs.send(Job {
            uri: uri.to_string(),
            version,
            text,
            format,
            config,
        });
    }

    /// A lint finished: publish it unless the document changed meanwhile.
    fn finished(&mut self, d: Done) {
        let Some(doc) = self.docs.get_mut(&d.uri) else {
            return;
        };
        if self.busy.get(&d.uri) == Some(&d.linted.version) {
            self.busy.remove(&d.uri);
        }
        if d.linted.version != doc.version || d.linted.text() != doc.text.text {
            return; // stale: a newer version is queued or due
        }
        let uri = d.uri.clone();
        doc.result = Some(d.linted);
        self.publish(&uri);
    }

    fn publish(&mut self, uri: &str) {
        let Some(doc) = self.docs.get(uri) else {
            return;
        };
        let Some(linted) = &doc.result else {
            return;
        };
        let Ok(lsp_uri) = uri.parse::<lt::Uri>() else {
            return;
        };
        let diagnostics = linted
            .diagnostics()
            .iter()
            .enumerate()
            .map(|(i, d)| convert::diagnostic(d, i, &doc.text, &lsp_uri, self.enc))
            .collect();
        let params = lt::PublishDiagnosticsParams {
            uri: lsp_uri,
            diagnostics,
            version: Some(doc.version),
        };
        self.notify("textDocument/publishDiagnostics", params);
    }

    fn notify(&self, method: &str, params: impl serde::Serialize) {
        let _ = self
            .conn
            .sender
            .send(Message::Notification(Notification::new(
                method.into(),
                params,
            )));
    }

    fn log(&self, kind: lt::MessageType, message: String) {
        self.notify(
            "window/logMessage",
            lt::LogMessageParams { typ: kind, message },
        );
    }

    fn show(&self, kind: lt::MessageType, message: String) {
        self.notify(
            "window/showMessage",
            lt::ShowMessageParams { typ: kind, message },
        );
    }

    fn respond(&self, r: Response) {
        let _ = self.conn.sender.send(Message::Response(r));
    }

    /// The configuration for a document in `dir` (the nearest `essaylint.toml` above it, else
    /// above the first workspace folder). A broken configuration is reported once and the
    /// defaults are used until it is mended.
    fn config_for(&mut self, dir: Option<&Path>) -> Arc<Config> {
        let dir = dir
            .map(Path::to_path_buf)
            .or_else(|| self.roots.first().cloned())
            .unwrap_or_else(|| PathBuf::from("."));
        if let Some(c) = self.configs.get(&dir) {
            return c.clone();
        }
        let c = match rules::discover_config(&dir) {
            Ok(c) => c,
            Err(e) => {
                self.show(lt::MessageType::ERROR, format!("essaylint: {e}"));
                Config::default()
            }
        };
        let c = Arc::new(c);
        self.configs.insert(dir, c.clone());
        c
    }

    /// Forgets every configuration read and lints every open document again.
    fn reload_configs(&mut self) {
        self.configs.clear();
        let uris: Vec<String> = self.docs.keys().cloned().collect();
        for u in uris {
            self.schedule(&u);
        }
    }

    /// Handles one message; true when the server should stop.
    fn handle(&mut self, msg: Message) -> bool {
        match msg {
            Message::Request(req) => {
                if self.shutdown {
                    self.respond(Response::new_err(
                        req.id,
                        ErrorCode::InvalidRequest as i32,
                        "the server is shutting down".into(),
                    ));
                    return false;
                }
                self.request(req);
                false
            }
            Message::Notification(n) => self.notification(n),
            Message::Response(_) => false, // answers to our own requests (applyEdit, register)
        }
    }

    fn request(&mut self, req: Request) {
        let id = req.id.clone();
        let result: Result<Value, (ErrorCode, String)> = match req.method.as_str() {
            "shutdown" => {
                self.shutdown = true;
                Ok(Value::Null)
            }
            "textDocument/codeAction" => parse(req.params).map(|p| self.code_actions(p)),
            "textDocument/hover" => parse(req.params).map(|p| self.hover(p)),
            "workspace/executeCommand" => {
                parse(req.params).and_then(|p: lt::ExecuteCommandParams| self.execute(p))
            }
            m => Err((ErrorCode::MethodNotFound, format!("unknown method `{m}`"))),
        };
        self.respond(match result {
            Ok(v) => Response::new_ok(id, v),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        });
    }

    /// Handles a notification; true on `exit`.
    fn notification(&mut self, n: Notification) -> bool {
        let method = n.method.clone();
        let outcome: Result<(), (ErrorCode, String)> = match method.as_str() {
            "exit" => return true,
            "initialized" => {
                self.register_watchers();
                Ok(())
            }
            "textDocument/didOpen" => parse(n.params).map(|p| self.did_open(p)),
            "textDocument/didChange" => parse(n.params).map(|p| self.did_change(p)),
            "textDocument/didSave" => parse(n.params).map(|p| self.did_save(p)),
            "textDocument/didClose" => parse(n.params).map(|p| self.did_close(p)),
            "workspace/didChangeConfiguration" => {
                self.reload_configs();
                Ok(())
            }
            "workspace/didChangeWatchedFiles" => {
                self.reload_configs();
                Ok(())
            }
            "workspace/didChangeWorkspaceFolders" => {
                parse(n.params).map(|p: lt::DidChangeWorkspaceFoldersParams| self.change_folders(p))
            }
            _ => Ok(()), // $/cancelRequest, $/setTrace, …: nothing to do
        };
        if let Err((_, message)) = outcome {
            self.log(
                lt::MessageType::WARNING,
                format!("essaylint: ignored `{method}`: {message}"),
            );
        }
        false
    }

    /// Asks the client to tell us when a configuration file changes on disk.
    fn register_watchers(&mut self) {
        let options = lt::DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![lt::FileSystemWatcher {
                glob_pattern: lt::GlobPattern::String("**/{essaylint.toml,.essaylint.toml}".into()),
                kind: None,
            }],
        };
        let params = lt::RegistrationParams {
            registrations: vec![lt::Registration {
                id: "essaylint-config".into(),
                method: "workspace/didChangeWatchedFiles".into(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        let id = RequestId::from(self.next_request);
        self.next_request += 1;
        let _ = self.conn.sender.send(Message::Request(Request::new(
            id,
            "client/registerCapability".into(),
            params,
        )));
    }

    fn change_folders(&mut self, p: lt::DidChangeWorkspaceFoldersParams) {
        for f in p.event.removed {
            if let Some(path) = uri_to_path(f.uri.as_str()) {
                self.roots.retain(|r| r != &path);
            }
        }
        for f in p.event.added {
            if let Some(path) = uri_to_path(f.uri.as_str()) {
                self.roots.push(path);
            }
        }
        self.reload_configs();
    }

    fn did_open(&mut self, p: lt::DidOpenTextDocumentParams) {
        let uri = p.text_document.uri.as_str().to_string();
        let path = uri_to_path(&uri);
        if path.as_deref().is_some_and(is_config_file) {
            return;
        }
        let format = format_of(&p.text_document.language_id, path.as_deref());
        self.docs.insert(
            uri.clone(),
            Doc {
                text: Text::new(p.text_document.text),
                version: p.text_document.version,
                format,
                path,
                due: None,
                result: None,
            },
        );
        self.schedule(&uri);
    }

    fn did_change(&mut self, p: lt::DidChangeTextDocumentParams) {
        let uri = p.text_document.uri.as_str();
        let Some(doc) = self.docs.get_mut(uri) else {
            return;
        };
        for c in p.content_changes {
            doc.text.edit(c.range, &c.text, self.enc);
        }
        doc.version = p.text_document.version;
        doc.due = Some(Instant::now() + self.options.debounce);
    }

    fn did_save(&mut self, p: lt::DidSaveTextDocumentParams) {
        let uri = p.text_document.uri.as_str().to_string();
        if uri_to_path(&uri).as_deref().is_some_and(is_config_file) {
            self.reload_configs();
            return;
        }
        if self.docs.contains_key(&uri) {
            self.schedule(&uri);
        }
    }

    fn did_close(&mut self, p: lt::DidCloseTextDocumentParams) {
        let uri = p.text_document.uri;
        if self.docs.remove(uri.as_str()).is_some() {
            self.busy.remove(uri.as_str());
            self.notify(
                "textDocument/publishDiagnostics",
                lt::PublishDiagnosticsParams {
                    uri,
                    diagnostics: Vec::new(),
                    version: None,
                },
            );
        }
    }

    /// Makes sure the document's lint is of its current text, linting now if it is stale
    /// (a code action or hover must not answer for text the user has changed). False for an
    /// unknown document.
    fn ensure_current(&mut self, uri: &str) -> bool {
        let Some(doc) = self.docs.get(uri) else {
            return false;
        };
        if let Some(r) = &doc.result {
            if r.version == doc.version && r.text() == doc.text.text {
                return true;
            }
        }
        let dir = doc
            .path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf);
        let config = self.config_for(dir.as_deref());
        let Some(doc) = self.docs.get_mut(uri) else {
            return false;
        };
        let linted = lint(
            doc.version,
            doc.text.text.clone(),
            doc.format,
            config,
            dir.as_deref(),
        );
        doc.result = Some(linted);
        doc.due = None;
        self.publish(uri);
        true
    }

    fn code_actions(&mut self, p: lt::CodeActionParams) -> Value {
        let uri = p.text_document.uri.as_str().to_string();
        if !self.ensure_current(&uri) {
            return json!([]);
        }
        let doc = &self.docs[&uri];
        let Some(linted) = doc.result.as_ref() else {
            return json!([]);
        };
        let Some(report) = linted.report.as_ref() else {
            return json!([]);
        };
        let config_path = self.config_file_for(doc.path.as_deref(), &linted.config);
        let cx = actions::Cx {
            uri: &p.text_document.uri,
            text: &doc.text,
            format: doc.format,
            enc: self.enc,
            report,
            config_path: config_path.as_deref(),
        };
        let only = p.context.only.as_deref();
        serde_json::to_value(actions::code_actions(&cx, p.range, only)).unwrap_or(json!([]))
    }

    /// The configuration file edits go to: the one in use, or a new `essaylint.toml` in the
    /// workspace folder holding the document (else beside it).
    fn config_file_for(&self, doc: Option<&Path>, config: &Config) -> Option<PathBuf> {
        if let Some(p) = &config.path {
            return Some(p.clone());
        }
        let doc = doc?;
        let root = self
            .roots
            .iter()
            .filter(|r| doc.starts_with(r))
            .max_by_key(|r| r.components().count())
            .cloned()
            .or_else(|| doc.parent().map(Path::to_path_buf))?;
        Some(root.join("essaylint.toml"))
    }

    fn hover(&mut self, p: lt::HoverParams) -> Value {
        let uri = p
            .text_document_position_params
            .text_document
            .uri
            .as_str()
            .to_string();
        if !self.ensure_current(&uri) {
            return Value::Null;
        }
        let doc = &self.docs[&uri];
        let Some(linted) = doc.result.as_ref() else {
            return Value::Null;
        };
        let at = doc
            .text
            .offset(p.text_document_position_params.position, self.enc);
        let hits: Vec<&Diagnostic> = linted
            .diagnostics()
            .iter()
            .filter(|d| d.span.start <= at && at <= d.span.end)
            .collect();
        if hits.is_empty() {
            return Value::Null;
        }
        let mut md = String::new();
        for d in &hits {
            md.push_str(&format!(
                "**{}::{}** ({}): {}\n\n",
                d.category.as_str(),
                d.rule,
                d.severity.as_str(),
                d.message
            ));
        }
        let mut seen = Vec::new();
        for d in &hits {
            if seen.contains(&d.rule) {
                continue;
            }
            seen.push(d.rule);
            if let Some(r) = rules::find(d.rule) {
                md.push_str("---\n\n");
                md.push_str(&r.meta().docs());
                md.push('\n');
            }
        }
        let first = hits[0];
        let hover = lt::Hover {
            contents: lt::HoverContents::Markup(lt::MarkupContent {
                kind: lt::MarkupKind::Markdown,
                value: md,
            }),
            range: Some(doc.text.range(first.span.start, first.span.end, self.enc)),
        };
        serde_json::to_value(hover).unwrap_or(Value::Null)
    }

    fn execute(&mut self, p: lt::ExecuteCommandParams) -> Result<Value, (ErrorCode, String)> {
        let key = match p.command.as_str() {
            CMD_ACCEPT_WORD => "accept",
            CMD_ACCEPT_NAME => "names",
            c => return Err((ErrorCode::InvalidParams, format!("unknown command `{c}`"))),
        };
        let (Some(path), Some(value)) = (
            p.arguments.first().and_then(Value::as_str),
            p.arguments.get(1).and_then(Value::as_str),
        ) else {
            return Err((
                ErrorCode::InvalidParams,
                format!("`{}` takes a configuration path and a word", p.command),
            ));
        };
        let path = PathBuf::from(path);
        if !is_config_file(&path) {
            return Err((
                ErrorCode::InvalidParams,
                format!(
                    "`{}` is not an essaylint configuration file",
                    path.display()
                ),
            ));
        }
        config_edit::add_to_file(&path, key, value).map_err(|e| {
            self.show(lt::MessageType::ERROR, format!("essaylint: {e}"));
            (ErrorCode::RequestFailed, e)
        })?;
        self.reload_configs();
        Ok(Value::Null)
    }
}

fn parse<T: serde::de::DeserializeOwned>(v: Value) -> Result<T, (ErrorCode, String)> {
    serde_json::from_value(v).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))
}

/// The lint thread: takes jobs, keeps only the newest per document, lints, sends results back.
fn lint_worker(jobs: Receiver<Job>, done: Sender<Done>) {
    while let Ok(first) = jobs.recv() {
        let mut batch = vec![first];
        batch.extend(jobs.try_iter());
        // Newest job per document wins; the others are stale already.
        let mut newest: Vec<Job> = Vec::new();
        for j in batch {
            if let Some(k) = newest.iter().position(|n| n.uri == j.uri) {
                newest[k] = j;
            } else {
                newest.push(j);
            }
        }
        for j in newest {
            let dir = uri_to_path(&j.uri).and_then(|p| p.parent().map(Path::to_path_buf));
            let linted = lint(j.version, j.text, j.format, j.config, dir.as_deref());
            if done.send(Done { uri: j.uri, linted }).is_err() {
                return;
            }
        }
    }
}

/// Lints one document. `dir` is its folder on disk, where the bibliography files it names
/// (`\bibliography{refs}`, pandoc's `bibliography:`) are read from, as the command line does.
fn lint(
    version: i32,
    text: String,
    format: Format,
    config: Arc<Config>,
    dir: Option<&Path>,
) -> Linted {
    let run = || {
        let mut source = input::read_text(text.clone(), format);
        // A missing or unreadable file leaves its keys unchecked; the notes are the command
        // line's to print, and a server has no terminal to print them on.
        let _ = input::bibfile::attach(&mut source, dir, &[]);
        engine::check(source, &config)
    };
    // A rule that panics must not take the server down: the document gets no diagnostics.
    let report = std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)).ok();
    Linted {
        version,
        text,
        report,
        config,
    }
}

/// The reader for a document: by the client's language id, else by the file's extension.
fn format_of(language_id: &str, path: Option<&Path>) -> Format {
    match language_id.to_ascii_lowercase().as_str() {
        "markdown" | "md" | "quarto" | "rmd" | "mdx" => Format::Markdown,
        "latex" | "tex" | "plaintex" | "bibtex" | "context" => Format::Latex,
        "plaintext" | "text" | "txt" => Format::Plain,
        _ => path
            .and_then(Format::from_path)
            .filter(|f| *f != Format::Docx)
            .unwrap_or(Format::Plain),
    }
}

fn is_config_file(p: &Path) -> bool {
    matches!(
        p.file_name().and_then(|n| n.to_str()),
        Some("essaylint.toml" | ".essaylint.toml")
    )
}

/// The path of a `file:` URI (percent-decoded), or `None` for other schemes.
pub fn uri_to_path(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    // file:///path or file://localhost/path
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    if !rest.starts_with('/') {
        return None;
    }
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(b) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    let s = String::from_utf8(out).ok()?;
    // Windows: file:///C:/x
    let s = match s.as_bytes() {
        [b'/', d, b':', ..] if d.is_ascii_alphabetic() && cfg!(windows) => s[1..].to_string(),
        _ => s,
    };
    Some(PathBuf::from(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_uris_become_paths() {
        assert_eq!(
            uri_to_path("file:///home/a/My%20Essay.md"),
            Some(PathBuf::from("/home/a/My Essay.md"))
        );
        assert_eq!(
            uri_to_path("file://localhost/x.txt"),
            Some(PathBuf::from("/x.txt"))
        );
        assert_eq!(uri_to_path("untitled:Untitled-1"), None);
        assert_eq!(uri_to_path("file:///a%2"), Some(PathBuf::from("/a%2")));
    }

    #[test]
    fn formats_follow_language_then_extension() {
        assert_eq!(format_of("markdown", None), Format::Markdown);
        assert_eq!(format_of("latex", None), Format::Latex);
        assert_eq!(
            format_of("unknown", Some(Path::new("/a/thesis.tex"))),
            Format::Latex
        );
        assert_eq!(
            format_of("plaintext", Some(Path::new("a.md"))),
            Format::Plain
        );
        assert_eq!(format_of("x", Some(Path::new("a.docx"))), Format::Plain);
    }
}
