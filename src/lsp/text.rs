//! An open document's text and the mapping between byte offsets and LSP positions.
//!
//! LSP positions are (line, character) pairs where the character counts UTF-16 code units by
//! default, or bytes when the client and server agree on UTF-8. Lines end at `\n`, `\r\n` or a
//! lone `\r`. A position a client sends may be out of range or fall inside a character: it is
//! clamped to the line's end, or moved back to the start of that character, never trusted.

use lsp_types::{Position, Range};

/// How a position's `character` counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

/// The text of one document with the byte offset of each line's start.
#[derive(Clone, Debug)]
pub struct Text {
    pub text: String,
    line_starts: Vec<usize>,
}

impl Text {
    pub fn new(text: String) -> Text {
        let line_starts = line_starts(&text);
        Text { text, line_starts }
    }

    /// The byte range of line `line` without its line break.
    fn line_range(&self, line: usize) -> (usize, usize) {
        let start = self.line_starts[line];
        let mut end = self
            .line_starts
            .get(line + 1)
            .copied()
            .unwrap_or(self.text.len());
        let b = self.text.as_bytes();
        if end > start && b[end - 1] == b'\n' {
            end -= 1;
        }
        if end > start && b[end - 1] == b'\r' {
            end -= 1;
        }
        (start, end)
    }

    /// The position of a byte offset (clamped to the text, moved back to a character start).
    pub fn position(&self, offset: usize, enc: Encoding) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let (start, end) = self.line_range(line);
        let upto = &self.text[start..offset.min(end).max(start)];
        let character = match enc {
            Encoding::Utf8 => upto.len(),
            Encoding::Utf16 => upto.encode_utf16().count(),
        };
        Position::new(line as u32, character as u32)
    }

    pub fn range(&self, start: usize, end: usize, enc: Encoding) -> Range {
        Range::new(self.position(start, enc), self.position(end, enc))
    }

    /// The byte offset of a position: a line past the end is the end of the text; a character
    /// past the line's end is the line's end; a character inside a multi-unit character is that
    /// character's start.
    pub fn offset(&self, pos: Position, enc: Encoding) -> usize {
        let line = pos.line as usize;
        if line >= self.line_starts.len() {
            return self.text.len();
        }
        let (start, end) = self.line_range(line);
        let want = pos.character as usize;
        let mut units = 0;
        for (i, c) in self.text[start..end].char_indices() {
            let w = match enc {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            };
            if units + w > want {
                return start + i;
            }
            units += w;
        }
        end
    }

    /// Replaces a range (or the whole text when `range` is `None`) with `new_text`.
    pub fn edit(&mut self, range: Option<Range>, new_text: &str, enc: Encoding) {
        match range {
            None => self.text = new_text.to_string(),
            Some(r) => {
                let a = self.offset(r.start, enc);
                let b = self.offset(r.end, enc).max(a);
                self.text.replace_range(a..b, new_text);
            }
        }
        self.line_starts = line_starts(&self.text);
    }

    /// The byte range of the line holding `offset`, without its line break.
    pub fn line_of(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        self.line_range(line)
    }
}

fn line_starts(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut out = vec![0];
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => out.push(i + 1),
            b'\r' if b.get(i + 1) != Some(&b'\n') => out.push(i + 1),
            _ => {}
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_positions_count_surrogate_pairs() {
        let t = Text::new("a😀b\ncafé x".into());
        // 😀 is 4 bytes, 2 UTF-16 units.
        assert_eq!(t.position(5, Encoding::Utf16), Position::new(0, 3));
        assert_eq!(t.position(5, Encoding::Utf8), Position::new(0, 5));
        assert_eq!(t.offset(Position::new(0, 3), Encoding::Utf16), 5);
        // Inside the surrogate pair: back to the character's start.
        assert_eq!(t.offset(Position::new(0, 2), Encoding::Utf16), 1);
        // Second line: é is 2 bytes, 1 unit.
        assert_eq!(t.offset(Position::new(1, 5), Encoding::Utf16), 13);
        assert_eq!(t.position(13, Encoding::Utf16), Position::new(1, 5));
    }

    #[test]
    fn out_of_range_positions_are_clamped() {
        let t = Text::new("ab\r\ncd".into());
        assert_eq!(t.offset(Position::new(0, 99), Encoding::Utf16), 2);
        assert_eq!(t.offset(Position::new(9, 0), Encoding::Utf16), 6);
        assert_eq!(t.position(99, Encoding::Utf16), Position::new(1, 2));
        // Inside a multi-byte character: moved back.
        let t = Text::new("é".into());
        assert_eq!(t.position(1, Encoding::Utf8), Position::new(0, 0));
    }

    #[test]
    fn lone_cr_ends_a_line() {
        let t = Text::new("a\rb\nc".into());
        assert_eq!(t.position(2, Encoding::Utf16), Position::new(1, 0));
        assert_eq!(t.position(4, Encoding::Utf16), Position::new(2, 0));
    }

    #[test]
    fn incremental_edits() {
        let mut t = Text::new("one two\nthree".into());
        t.edit(
            Some(Range::new(Position::new(0, 4), Position::new(1, 0))),
            "2\n",
            Encoding::Utf16,
        );
        assert_eq!(t.text, "one 2\nthree");
        t.edit(
            Some(Range::new(Position::new(1, 5), Position::new(1, 5))),
            "!",
            Encoding::Utf16,
        );
        assert_eq!(t.text, "one 2\nthree!");
        // An end before the start is taken as an insertion at the start.
        t.edit(
            Some(Range::new(Position::new(0, 3), Position::new(0, 1))),
            "_",
            Encoding::Utf16,
        );
        assert_eq!(t.text, "one_ 2\nthree!");
        t.edit(None, "new", Encoding::Utf16);
        assert_eq!(t.text, "new");
        assert_eq!(t.line_of(1), (0, 3));
    }
}
