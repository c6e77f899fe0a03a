//! The language server, driven as an editor drives it: `essaylint lsp` is started as a child
//! process and spoken to in JSON-RPC over its standard input and output. A second test drives
//! it from headless Neovim's built-in LSP client (skipped, with a message, where `nvim` is not
//! installed; `.ci/run` installs it).

#[path = "common/lsp_client.rs"]
mod lsp_client;

use lsp_client::{uri_of, Client};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_essaylint");

fn seed() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/stalinism.txt")).unwrap()
}

/// Byte offset of an LSP position (UTF-16 characters), computed independently of the server.
fn offset(text: &str, pos: &Value) -> usize {
    let (line, ch) = (
        pos["line"].as_u64().unwrap() as usize,
        pos["character"].as_u64().unwrap() as usize,
    );
    let mut start = 0;
    for _ in 0..line {
        start += text[start..].find('\n').unwrap() + 1;
    }
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= ch || c == '\n' {
            return start + i;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// Applies a WorkspaceEdit's edits for `uri` to `text`.
fn apply(text: &str, edit: &Value, uri: &str) -> String {
    let mut edits: Vec<(usize, usize, String)> = edit["changes"][uri]
        .as_array()
        .expect("edits for the document")
        .iter()
        .map(|e| {
            (
                offset(text, &e["range"]["start"]),
                offset(text, &e["range"]["end"]),
                e["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_string();
    for (a, b, t) in edits {
        out.replace_range(a..b, &t);
    }
    out
}

fn covered(text: &str, d: &Value) -> String {
    text[offset(text, &d["range"]["start"])..offset(text, &d["range"]["end"])].to_string()
}

fn actions(c: &mut Client, uri: &str, d: &Value) -> Vec<Value> {
    let r = c.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": d["range"],
            "context": { "diagnostics": [d] },
        }),
    );
    r["result"].as_array().unwrap().clone()
}

fn by_title<'a>(actions: &'a [Value], starts: &str) -> &'a Value {
    actions
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with(starts))
        .unwrap_or_else(|| panic!("no action `{starts}…` in {actions:#?}"))
}

fn workspace() -> (tempfile::TempDir, PathBuf, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let path = root.join("stalinism.txt");
    let text = seed();
    std::fs::write(&path, &text).unwrap();
    let uri = uri_of(&path);
    (dir, root, uri, text)
}

#[test]
fn name_variant_fixed_through_a_code_action() {
    let (_dir, root, uri, text) = workspace();
    let mut c = Client::start(BIN, &root, json!({ "debounceMs": 10 }));
    let ds = c.open(&uri, "plaintext", &text);
    let d = ds
        .iter()
        .find(|d| d["code"] == "name-variant")
        .expect("the Kamaney/Kamanev diagnostic")
        .clone();
    assert_eq!(covered(&text, &d), "Kamaney");
    assert_eq!(d["source"], "essaylint");
    // One use of each spelling: nothing says which is right, so it is advice (information).
    assert_eq!(d["severity"], 3, "advice");
    let rel = &d["relatedInformation"][0];
    assert_eq!(covered(&text, &rel["location"]), "Kamanev");
    assert!(d["codeDescription"]["href"]
        .as_str()
        .unwrap()
        .starts_with("file://"));
    // Every diagnostic's range lies inside the text, start before end.
    for d in &ds {
        let (a, b) = (
            offset(&text, &d["range"]["start"]),
            offset(&text, &d["range"]["end"]),
        );
        assert!(a <= b && b <= text.len());
    }

    let acts = actions(&mut c, &uri, &d);
    let fix = by_title(&acts, "Replace with `Kamanev`");
    assert_eq!(fix["kind"], "quickfix");
    let fixed = apply(&text, &fix["edit"], &uri);
    assert!(!fixed.contains("Kamaney"));
    assert_eq!(fixed.len(), text.len());

    // The editor applies the edit and sends it as an incremental change.
    let e = &fix["edit"]["changes"][&uri][0];
    c.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": uri, "version": 2 },
            "contentChanges": [{ "range": e["range"], "text": e["newText"] }],
        }),
    );
    let after = c.diagnostics(&uri, 2);
    assert!(
        !after.iter().any(|d| d["code"] == "name-variant"),
        "{after:#?}"
    );
    // Everything else is still reported, at the same places.
    assert_eq!(after.len(), ds.len() - 1);
    c.shutdown();
}

#[test]
fn hover_shows_the_rule_docs() {
    let (_dir, root, uri, text) = workspace();
    let mut c = Client::start(BIN, &root, json!({}));
    let ds = c.open(&uri, "plaintext", &text);
    let d = ds.iter().find(|d| d["code"] == "typo").unwrap().clone();
    let r = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": d["range"]["start"] }),
    );
    let md = r["result"]["contents"]["value"].as_str().unwrap();
    assert!(md.contains("spelling::typo"), "{md}");
    assert!(md.contains("What it does"), "{md}");
    // Nothing under the cursor: no hover.
    let r = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 0, "character": 0 } }),
    );
    assert!(r["result"].is_null() || r["result"]["contents"]["value"].as_str().is_some());
    c.shutdown();
}

#[test]
fn accept_word_edits_the_workspace_config() {
    let (_dir, root, uri, text) = workspace();
    // A config with the user's own comment and layout, which the edit must keep.
    let cfg = root.join("essaylint.toml");
    std::fs::write(
        &cfg,
        "# class style\ndialect = \"en-US\"\n\n[rules]\npassive-voice = \"off\"\n",
    )
    .unwrap();
    let mut c = Client::start(BIN, &root, json!({ "debounceMs": 10 }));
    let ds = c.open(&uri, "plaintext", &text);
    let d = ds
        .iter()
        .find(|d| d["code"] == "typo" && covered(&text, d) == "quazi")
        .unwrap()
        .clone();
    let acts = actions(&mut c, &uri, &d);
    let add = by_title(&acts, "Add `quazi` to the accept list");
    let cmd = &add["command"];
    let r = c.request(
        "workspace/executeCommand",
        json!({ "command": cmd["command"], "arguments": cmd["arguments"] }),
    );
    assert!(r.get("error").is_none(), "{r}");
    let written = std::fs::read_to_string(&cfg).unwrap();
    assert!(
        written.starts_with("# class style\ndialect = \"en-US\"\n"),
        "{written}"
    );
    assert!(written.contains("accept = [\"quazi\"]"), "{written}");
    assert!(
        written.contains("[rules]\npassive-voice = \"off\"\n"),
        "{written}"
    );
    // The server re-reads the configuration and lints again: the word is accepted.
    let after = c.diagnostics(&uri, 1);
    assert!(
        !after.iter().any(|d| covered(&text, d) == "quazi"),
        "{after:#?}"
    );
    c.shutdown();
}

#[test]
fn disable_line_and_fix_all() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let uri = uri_of(&root.join("draft.md"));
    let text = "# Draft\n\nThe the results were clear.\n\nWe saw the the same thing.\n";
    let mut c = Client::start(BIN, &root, json!({ "debounceMs": 10 }));
    let ds = c.open(&uri, "markdown", text);
    let doubled: Vec<&Value> = ds.iter().filter(|d| d["code"] == "doubled-word").collect();
    assert_eq!(doubled.len(), 2, "{ds:#?}");

    let acts = actions(&mut c, &uri, doubled[0]);
    let off = by_title(&acts, "Disable `doubled-word` on this line");
    let silenced = apply(text, &off["edit"], &uri);
    assert!(silenced
        .contains("The the results were clear. <!-- essaylint-disable-line doubled-word -->\n"));
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 2 }, "contentChanges": [{ "text": silenced }] }),
    );
    let after = c.diagnostics(&uri, 2);
    assert_eq!(
        after.iter().filter(|d| d["code"] == "doubled-word").count(),
        1,
        "{after:#?}"
    );

    // source.fixAll: every safe fix at once.
    let r = c.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } },
            "context": { "diagnostics": [], "only": ["source.fixAll"] },
        }),
    );
    let all = r["result"].as_array().unwrap();
    assert_eq!(all.len(), 1, "{all:#?}");
    let fixed = apply(&silenced, &all[0]["edit"], &uri);
    assert!(fixed.contains("We saw the same thing."), "{fixed}");
    c.shutdown();
}

#[test]
fn bad_input_never_kills_the_server() {
    let (_dir, root, uri, text) = workspace();
    let mut c = Client::start(BIN, &root, json!({}));
    // A body that is not JSON, a header that is not one, a message without a method.
    c.send_raw(b"Content-Length: 9\r\n\r\n{not json");
    c.send_raw(b"this is no header\r\n\r\n");
    c.send(&json!({ "jsonrpc": "2.0", "id": 99, "params": {} }));
    let r = c.wait(|m| m["id"] == 99);
    assert!(r["error"]["code"].is_number(), "{r}");
    // Unknown method: MethodNotFound.
    let r = c.request("essaylint/nonsense", json!({}));
    assert_eq!(r["error"]["code"], -32601);
    // Requests about a document never opened, or with nonsense params.
    let r = c.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": "file:///nowhere/x.txt" },
            "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } },
            "context": { "diagnostics": [] },
        }),
    );
    assert_eq!(r["result"], json!([]));
    let r = c.request("textDocument/hover", json!({ "nonsense": true }));
    assert_eq!(r["error"]["code"], -32602);
    // Changes to an unknown document; positions far outside the text; a surrogate half.
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": "file:///nowhere/y.txt", "version": 3 }, "contentChanges": [{ "text": "x" }] }),
    );
    c.open(&uri, "plaintext", &text);
    c.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": uri, "version": 2 },
            "contentChanges": [
                { "range": { "start": { "line": 9999, "character": 5 }, "end": { "line": 99999, "character": 0 } }, "text": "\nEnd 😀." },
                { "range": { "start": { "line": 0, "character": 100000 }, "end": { "line": 0, "character": 3 } }, "text": "" },
            ],
        }),
    );
    let after = c.diagnostics(&uri, 2);
    assert!(!after.is_empty());
    // Closing clears the diagnostics.
    c.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": uri } }),
    );
    let m = c.wait(|m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["diagnostics"] == json!([])
    });
    assert_eq!(m["params"]["uri"], uri);
    c.shutdown();
}

#[test]
fn each_workspace_folder_finds_its_own_config() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let (a, b) = (root.join("a"), root.join("b"));
    std::fs::create_dir_all(&a).unwrap();
    std::fs::create_dir_all(&b).unwrap();
    std::fs::write(
        a.join("essaylint.toml"),
        "[rules]\ndoubled-word = \"off\"\n",
    )
    .unwrap();
    let text = "We saw the the same thing.\n";
    let mut c = Client::start(BIN, &root, json!({ "debounceMs": 10 }));
    let (ua, ub) = (uri_of(&a.join("e.txt")), uri_of(&b.join("e.txt")));
    let da = c.open(&ua, "plaintext", text);
    let db = c.open(&ub, "plaintext", text);
    assert!(!da.iter().any(|d| d["code"] == "doubled-word"));
    assert!(db.iter().any(|d| d["code"] == "doubled-word"));
    // The config changes on disk; the client tells the server; both documents are linted again.
    std::fs::write(
        b.join("essaylint.toml"),
        "[rules]\ndoubled-word = \"off\"\n",
    )
    .unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri_of(&b.join("essaylint.toml")), "type": 1 }] }),
    );
    let db = c.diagnostics(&ub, 1);
    assert!(!db.iter().any(|d| d["code"] == "doubled-word"), "{db:#?}");
    c.shutdown();
}

#[test]
fn latex_documents_use_latex_comments() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let uri = uri_of(&root.join("thesis.tex"));
    let text = "\\section{Intro}\nWe saw the the same \\emph{thing}.\n";
    let mut c = Client::start(BIN, &root, json!({ "debounceMs": 10 }));
    let ds = c.open(&uri, "latex", text);
    let d = ds
        .iter()
        .find(|d| d["code"] == "doubled-word")
        .expect("doubled word")
        .clone();
    let acts = actions(&mut c, &uri, &d);
    let off = by_title(&acts, "Disable `doubled-word` on this line");
    let silenced = apply(text, &off["edit"], &uri);
    assert!(
        silenced.contains("\\emph{thing}. % essaylint-disable-line doubled-word\n"),
        "{silenced}"
    );
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 2 }, "contentChanges": [{ "text": silenced }] }),
    );
    let after = c.diagnostics(&uri, 2);
    assert!(
        !after.iter().any(|d| d["code"] == "doubled-word"),
        "{after:#?}"
    );
    c.shutdown();
}

/// Headless Neovim, with its own LSP client, opens the sample essay and reads what it receives.
#[test]
fn neovim_receives_the_diagnostics() {
    if Command::new("nvim").arg("--version").output().is_err() {
        eprintln!("skipped: nvim is not installed (apt-get install neovim); .ci/run installs it");
        return;
    }
    let (_dir, root, _uri, _text) = workspace();
    let out = root.join("diagnostics.txt");
    let script = root.join("init.lua");
    std::fs::write(
        &script,
        r#"
local bin, out, essay, root = os.getenv("ESSAYLINT_BIN"), os.getenv("OUT"), os.getenv("ESSAY"), os.getenv("ROOT")
vim.cmd("edit " .. vim.fn.fnameescape(essay))
local id = vim.lsp.start_client({ name = "essaylint", cmd = { bin, "lsp" }, root_dir = root })
vim.lsp.buf_attach_client(0, id)
local ok = vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local lines = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(lines, string.format("%d:%d %s", d.lnum + 1, d.col + 1, d.message))
end
if not ok then table.insert(lines, "TIMEOUT") end
vim.fn.writefile(lines, out)
vim.lsp.stop_client(id)
vim.wait(2000, function() return vim.lsp.get_client_by_id(id) == nil end, 50)
vim.cmd("qa!")
"#,
    )
    .unwrap();
    let status = Command::new("nvim")
        .args(["--headless", "--clean", "-n", "-c"])
        .arg(format!("luafile {}", script.display()))
        .env("ESSAYLINT_BIN", BIN)
        .env("OUT", &out)
        .env("ESSAY", root.join("stalinism.txt"))
        .env("ROOT", &root)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let got = std::fs::read_to_string(&out).expect("nvim wrote the diagnostics");
    assert!(!got.contains("TIMEOUT"), "{got}");
    assert!(
        got.lines().any(|l| l.contains("`Kamaney` and `Kamanev`")),
        "no name-variant diagnostic in:\n{got}"
    );
    assert!(got.lines().count() >= 10, "{got}");
}

#[test]
fn a_bibliography_beside_the_document_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    std::fs::write(
        root.join("refs.json"),
        r#"[{"id": "doe2019", "author": [{"family": "Doe"}], "issued": {"date-parts": [[2019]]}}]"#,
    )
    .unwrap();
    let path = root.join("essay.md");
    let text = "---\nbibliography: refs.json\n---\n\nRivers shape the land [@doe2019]. Others disagree [@roe2000].\n";
    std::fs::write(&path, text).unwrap();
    let uri = uri_of(&path);
    let mut c = Client::start(BIN, &root, json!({ "debounceMs": 10 }));
    let ds = c.open(&uri, "markdown", text);
    let missing: Vec<String> = ds
        .iter()
        .filter(|d| d["code"] == "missing-reference")
        .map(|d| d["message"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(missing.len(), 1, "{ds:#?}");
    assert!(missing[0].contains("roe2000"), "{missing:?}");
    c.shutdown();
}
