//! Re-lint latency of the language server, as an editor sees it: `essaylint lsp` runs as a
//! child process; the bench opens a document, then edits one word at a time and times each
//! edit from the `didChange` notification to the `publishDiagnostics` for that version (the
//! debounce is set to 0, so this is reading the change, linting and publishing).
//!
//! `cargo bench --bench lsp_latency` — a 2,000-word essay and a 50,000-word thesis built from
//! the sample essay.

#[path = "../tests/common/lsp_client.rs"]
#[allow(dead_code)]
mod lsp_client;

use lsp_client::{uri_of, Client};
use serde_json::json;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_essaylint");

fn text_of(words: usize) -> String {
    let seed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/stalinism.txt"))
        .unwrap();
    // Whole paragraphs (one per line in the seed) until the count is reached.
    let mut out = String::new();
    let mut n = 0;
    for line in seed.lines().cycle() {
        if n >= words {
            break;
        }
        n += line.split_whitespace().count();
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn run(label: &str, words: usize, edits: usize) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let uri = uri_of(&root.join("essay.txt"));
    let text = text_of(words);
    let mut c = Client::start(BIN, &root, json!({ "debounceMs": 0 }));
    c.open(&uri, "plaintext", &text);
    let mut times: Vec<Duration> = Vec::new();
    for i in 0..edits {
        let version = 2 + i as i64;
        // Replace the first word of line 3 with a word of the same length and back.
        let word = if i % 2 == 0 { "Xtalin" } else { "Stalin" };
        let t = Instant::now();
        c.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": uri, "version": version },
                "contentChanges": [{
                    "range": { "start": { "line": 2, "character": 0 }, "end": { "line": 2, "character": 6 } },
                    "text": word,
                }],
            }),
        );
        c.diagnostics(&uri, version);
        times.push(t.elapsed());
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{label:<28} {:>7} words  median {:>7.1} ms  p90 {:>7.1} ms  max {:>7.1} ms  ({edits} edits)",
        text.split_whitespace().count(),
        ms(times[times.len() / 2]),
        ms(times[times.len() * 9 / 10]),
        ms(*times.last().unwrap()),
    );
    c.shutdown();
}

fn main() {
    run("re-lint after an edit, essay", 2_000, 40);
    run("re-lint after an edit, thesis", 50_000, 15);
}
