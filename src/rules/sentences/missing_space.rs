crate::rule::declare_rule! {
    /// # missing-space
    ///
    /// **What it does.** Reports a comma, semicolon, colon, question mark, exclamation mark or full
    /// stop followed directly by a word, with no space: "the war,which", "ended.Then".
    ///
    /// **Why it matters.** The two words run together for the reader, spell checkers see one odd
    /// word, and a sentence boundary can disappear.
    ///
    /// **Example.**
    ///
    /// ```text
    /// The purges ended in 1938.Then the war came.
    ///                         ^ add a space after `.`
    /// ```
    ///
    /// Silent inside web addresses, e-mail addresses and file names (example.com, notes.txt),
    /// on initials and abbreviations (U.S., e.g.), on numbers (3.14, 1,000, 10:30) and after a
    /// full stop followed by a lowercase word.
    ///
    /// **Options.** None. The fix (adding the space) is safe.
    ///
    /// **Fix safety.** Safe: the fix inserts one space after the mark; decimals, initials, times, URLs
    /// and abbreviations are never reported.
    pub struct MissingSpace {
        name: "missing-space",
        category: Sentences,
        severity: Warning,
        summary: "no space after a comma, full stop or other mark (\"ended.Then\")",
        fix: Safe,
    }
}
use crate::diagnostic::Diagnostic;
use crate::doc::{Span, TokenKind};
use crate::lexicon;
use crate::rule::{Context, Rule};

/// The bounds of the run of non-space text around a byte offset.
fn run_around(text: &str, at: usize) -> (usize, usize) {
    let b = text.as_bytes();
    let mut s = at;
    while s > 0 && !b[s - 1].is_ascii_whitespace() {
        s -= 1;
    }
    let mut e = at;
    while e < b.len() && !b[e].is_ascii_whitespace() {
        e += 1;
    }
    while s < text.len() && !text.is_char_boundary(s) {
        s += 1;
    }
    while e < text.len() && !text.is_char_boundary(e) {
        e += 1;
    }
    (s.min(e), e)
}

/// True if the run is an address, a file name or notation (`a.b.c`, `x_y`), where a mark without
/// a space after it is normal.
fn notation(run: &str) -> bool {
    run.contains('/')
        || run.contains('@')
        || run.contains("www")
        || run.matches(['.', ':']).count() > 1
        || run.contains('_')
}

impl Rule for MissingSpace {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        // The run around a mark is judged once, for all its marks: a 160 KB run without
        // spaces (`a.a.a.…`) stays linear.
        let mut run: Option<(usize, usize, bool)> = None;
        for s in doc.prose_sentences() {
            let r = s.tokens.clone();
            for i in r.start + 1..r.end.saturating_sub(1) {
                let t = &doc.tokens[i];
                if t.kind != TokenKind::Punct || t.space_before {
                    continue;
                }
                let p = doc.tok(i);
                if !matches!(p, "," | ";" | ":" | "?" | "!" | ".") {
                    continue;
                }
                let (a, b) = (&doc.tokens[i - 1], &doc.tokens[i + 1]);
                let year_end = p == "." && a.kind == TokenKind::Number && doc.tok(i - 1).len() == 4;
                if (a.kind != TokenKind::Word && !year_end)
                    || b.kind != TokenKind::Word
                    || b.space_before
                {
                    continue;
                }
                let (wa, wb) = (doc.tok(i - 1), doc.tok(i + 1));
                if !(year_end || wa.chars().all(char::is_alphabetic))
                    || !wb.chars().all(char::is_alphabetic)
                {
                    continue;
                }
                let at = t.span.start;
                let skip = match run {
                    Some((s, e, skip)) if s <= at && at < e => skip,
                    _ => {
                        let (s, e) = run_around(&doc.text, at);
                        let skip = notation(&doc.text[s..e]);
                        run = Some((s, e, skip));
                        skip
                    }
                };
                if skip {
                    continue;
                }
                if p == "." {
                    // "ended.Then": a real word, a capitalised real word, no abbreviation.
                    let la = doc.lower(i - 1);
                    if wa.chars().count() < 2
                        || wb.chars().count() < 2
                        || !wb.chars().next().is_some_and(char::is_uppercase)
                        || wb.chars().skip(1).any(char::is_uppercase)
                        || wa.chars().any(char::is_uppercase) && wa.chars().count() <= 3
                        || lexicon::abbreviation(la).is_some()
                        || !lexicon::is_dictionary_word(wb)
                    {
                        continue;
                    }
                }
                // "root:shoot ratio" is notation; a colon before a capital is a slip.
                if p == ":"
                    && (wa.chars().count() < 2
                        || !wb.chars().next().is_some_and(char::is_uppercase))
                {
                    continue;
                }
                if p == "," && (wa.chars().count() < 2 || wb.chars().count() < 2) {
                    continue;
                }
                let at = Span::new(t.span.end, t.span.end);
                out.push(
                    cx.diag(t.span, format!("add a space after `{p}`"))
                        .suggest(format!("{p} "))
                        .fix(at, " "),
                );
            }
        }
    }
}
