//! Control characters from an essay never reach a terminal. A student's file could otherwise
//! clear the teacher's screen, set the window title or hide text (ANSI escape sequences, C1
//! controls, bidirectional overrides). Every human-facing output passes its text through here.

use std::borrow::Cow;

/// True for characters a terminal acts on rather than shows: C0 controls other than tab and
/// newline, DEL, C1 controls, and the bidirectional embedding, override and isolate controls.
pub fn is_dangerous(c: char) -> bool {
    matches!(c, '\0'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `s` with each dangerous character written as a visible escape (`\u{1b}`); newlines and tabs
/// are kept. Borrowed when there is nothing to escape.
pub fn escape(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_dangerous) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_dangerous(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `escape` for one-line values (file names, quoted words): newlines are escaped too.
pub fn escape_line(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| is_dangerous(c) || c == '\n') {
        return Cow::Borrowed(s);
    }
    Cow::Owned(escape(s).replace('\n', "\\n"))
}

/// `s` with each dangerous character replaced by `?` repeated to its byte length (a carriage
/// return by a space), so byte offsets into the text stay valid: for source excerpts whose spans
/// point into the text.
pub fn mask_same_length(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| is_dangerous(c) || c == '\r') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == '\r' {
            out.push(' ');
        } else if is_dangerous(c) {
            out.extend(std::iter::repeat_n('?', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    debug_assert_eq!(out.len(), s.len());
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_terminal_controls() {
        assert_eq!(escape("a\x1b[2Jb\n"), "a\\u{1b}[2Jb\n");
        assert_eq!(escape("\u{9b}x\u{202e}"), "\\u{9b}x\\u{202e}");
        assert_eq!(escape_line("a\nb"), "a\\nb");
        assert!(matches!(escape("plain café\ttext"), Cow::Borrowed(_)));
        let m = mask_same_length("x\x1b]0;t\x07\u{85}\r\n");
        assert_eq!(m, "x?]0;t??? \n");
        assert_eq!(m.len(), "x\x1b]0;t\x07\u{85}\r\n".len());
    }
}
