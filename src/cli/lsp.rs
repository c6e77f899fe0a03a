//! `essaylint lsp`: wires the library's language server to standard input and output.
//!
//! The transport is written here rather than taken from `lsp_server::Connection::stdio`, whose
//! reader stops for good at the first malformed message: a client that sends a broken header or
//! a body that is not JSON gets a log message (or an error response, when the message has an
//! id) and the server reads on.

use crossbeam_channel::{unbounded, Sender};
use lsp_server::{Connection, ErrorCode, Message, Notification, RequestId, Response};
use std::io::{self, BufRead};

pub fn run() -> i32 {
    let (to_server, from_client) = unbounded::<Message>();
    let (to_client, outgoing) = unbounded::<Message>();
    let writer = std::thread::spawn(move || {
        let stdout = io::stdout();
        let mut out = stdout.lock();
        for m in outgoing {
            if m.write(&mut out).is_err() {
                break;
            }
        }
    });
    let back = to_client.clone();
    std::thread::spawn(move || {
        let stdin = io::stdin();
        let mut input = stdin.lock();
        loop {
            match read(&mut input) {
                Frame::Eof => break,
                Frame::Bad(why) => log(
                    &back,
                    format!("essaylint: ignored a malformed message: {why}"),
                ),
                Frame::Body(body) => match parse(&body) {
                    Ok(msg) => {
                        let exit = matches!(&msg, Message::Notification(n) if n.method == "exit");
                        if to_server.send(msg).is_err() || exit {
                            break;
                        }
                    }
                    Err((Some(id), why)) => {
                        let _ = back.send(Message::Response(Response::new_err(
                            id,
                            ErrorCode::InvalidRequest as i32,
                            why,
                        )));
                    }
                    Err((None, why)) => log(&back, format!("essaylint: ignored a message: {why}")),
                },
            }
        }
    });
    let conn = Connection {
        sender: to_client,
        receiver: from_client,
    };
    let code = match essaylint::serve_lsp(conn) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("essaylint lsp: {e}");
            1
        }
    };
    // The connection is dropped: the writer drains what is queued, then ends.
    let _ = writer.join();
    code
}

fn log(to: &Sender<Message>, message: String) {
    let _ = to.send(Message::Notification(Notification::new(
        "window/logMessage".into(),
        serde_json::json!({ "type": 2, "message": message }),
    )));
}

enum Frame {
    Eof,
    Bad(String),
    Body(Vec<u8>),
}

/// The largest message read (a 50 MB document, as JSON, with room to spare).
const MAX_BODY: usize = 128 << 20;

/// Reads one `Content-Length`-framed message.
fn read(r: &mut impl BufRead) -> Frame {
    let mut size: Option<usize> = None;
    let mut bad: Option<String> = None;
    let mut line = Vec::new();
    loop {
        line.clear();
        match r.read_until(b'\n', &mut line) {
            Ok(0) => return Frame::Eof,
            Ok(_) => {}
            Err(_) => return Frame::Eof,
        }
        let text = String::from_utf8_lossy(&line);
        let l = text.trim_end_matches(['\r', '\n']);
        if l.is_empty() {
            if size.is_some() || bad.is_some() {
                break;
            }
            continue; // stray blank line between messages
        }
        match l.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                match value.trim().parse::<usize>() {
                    Ok(n) if n <= MAX_BODY => size = Some(n),
                    Ok(n) => bad = Some(format!("a body of {n} bytes is over the limit")),
                    Err(_) => bad = Some(format!("bad Content-Length `{}`", value.trim())),
                }
            }
            Some(_) => {} // Content-Type and other headers
            None => {
                bad = Some(format!(
                    "bad header line `{}`",
                    l.chars().take(80).collect::<String>()
                ))
            }
        }
    }
    let Some(n) = size else {
        return Frame::Bad(bad.unwrap_or_else(|| "no Content-Length".into()));
    };
    let mut body = vec![0; n];
    if r.read_exact(&mut body).is_err() {
        return Frame::Eof;
    }
    match bad {
        Some(why) => Frame::Bad(why),
        None => Frame::Body(body),
    }
}

/// Parses a body; an error carries the request id when there is one to answer.
fn parse(body: &[u8]) -> Result<Message, (Option<RequestId>, String)> {
    let v: serde_json::Value =
        serde_json::from_slice(body).map_err(|e| (None, format!("not JSON: {e}")))?;
    let id = v.get("id").and_then(|id| {
        id.as_i64()
            .and_then(|n| i32::try_from(n).ok())
            .map(RequestId::from)
            .or_else(|| id.as_str().map(|s| RequestId::from(s.to_string())))
    });
    let has = |k: &str| v.get(k).is_some();
    if !has("method") && !has("result") && !has("error") {
        return Err((id, "a message needs a method, a result or an error".into()));
    }
    serde_json::from_value::<Message>(v).map_err(|e| (id, format!("not a JSON-RPC message: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &str) -> Vec<String> {
        let mut r = io::Cursor::new(input.as_bytes().to_vec());
        let mut out = Vec::new();
        loop {
            match read(&mut r) {
                Frame::Eof => return out,
                Frame::Bad(w) => out.push(format!("bad: {w}")),
                Frame::Body(b) => out.push(String::from_utf8(b).unwrap()),
            }
        }
    }

    #[test]
    fn reads_on_after_bad_frames() {
        let got = frames(
            "garbage\r\n\r\nContent-Length: 2\r\n\r\n{}Content-Length: x\r\n\r\nContent-Length: 4\r\nContent-Type: a\r\n\r\nnull",
        );
        assert_eq!(
            got,
            vec![
                "bad: bad header line `garbage`",
                "{}",
                "bad: bad Content-Length `x`",
                "null"
            ]
        );
    }

    #[test]
    fn parse_errors_keep_the_id() {
        assert!(matches!(parse(b"{"), Err((None, _))));
        assert!(matches!(
            parse(br#"{"id": 7, "params": 3}"#),
            Err((Some(_), _))
        ));
        assert!(matches!(
            parse(br#"{"id": 7, "params": {}}"#),
            Err((Some(_), _))
        ));
        assert!(parse(br#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#).is_ok());
    }
}
