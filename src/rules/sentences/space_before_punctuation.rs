crate::rule::declare_rule! {
    /// # space-before-punctuation
    ///
    /// **What it does.** Reports a space before a comma, full stop, semicolon, colon, question mark
    /// or exclamation mark ("the war , which").
    ///
    /// **Why it matters.** In English these marks attach to the word before them; a space in front
    /// looks like a typing slip, and a line may even break before the mark.
    ///
    /// **Example.**
    ///
    /// ```text
    /// The party split , and Stalin rose .
    ///                ^^ remove the space before `,`
    /// ```
    ///
    /// Silent on spaced ellipses (". . ."), on marks that start a token (".NET", ".5"), and on
    /// ratios and times ("3 : 1").
    ///
    /// **Options.** None. The fix (removing the space) is safe.
    ///
    /// **Fix safety.** Safe: the fix deletes the spaces between a word and the mark that follows it;
    /// nothing else changes.
    pub struct SpaceBeforePunctuation {
        name: "space-before-punctuation",
        category: Sentences,
        severity: Warning,
        summary: "a space before a comma, full stop, semicolon, colon, ? or !",
        fix: Safe,
    }
}
use crate::diagnostic::Diagnostic;
use crate::doc::{Span, TokenKind};
use crate::rule::{Context, Rule};

impl Rule for SpaceBeforePunctuation {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        for s in doc.prose_sentences() {
            for i in s.tokens.clone() {
                let t = &doc.tokens[i];
                if t.kind != TokenKind::Punct || !t.space_before || t.newlines_before > 0 || i == 0
                {
                    continue;
                }
                let p = doc.tok(i);
                if !matches!(p, "," | "." | ";" | ":" | "!" | "?") {
                    continue;
                }
                let prev = &doc.tokens[i - 1];
                if !prev.is_wordlike() || i - 1 < s.tokens.start {
                    continue;
                }
                // Something was removed before the mark (a formula, a symbol): the word before
                // cannot end a clause, or is a lone letter or variable.
                let pw = doc.lower(i - 1);
                if crate::lexicon::is_function_word(pw)
                    || pw.chars().count() == 1
                    || (prev.kind == TokenKind::Word && pw.chars().any(|c| c.is_ascii_digit()))
                    || i - 1 == s.tokens.start
                    || !pw.chars().any(char::is_alphabetic) && prev.kind == TokenKind::Word
                {
                    continue;
                }
                let next = doc.tokens.get(i + 1);
                // ".NET", ".5", ":)" — the mark starts something.
                if next.is_some_and(|n| !n.space_before) {
                    continue;
                }
                // ". . ." spaced ellipsis.
                if p == "."
                    && next.is_some_and(|n| n.kind == TokenKind::Punct)
                    && doc.tok(i + 1) == "."
                {
                    continue;
                }
                if p == ":"
                    && (prev.kind == TokenKind::Number
                        || next.is_some_and(|n| n.kind == TokenKind::Number))
                {
                    continue;
                }
                let gap = Span::new(prev.span.end, t.span.start);
                if !doc
                    .slice(gap)
                    .chars()
                    .all(|c| c == ' ' || c == '\t' || c == '\u{a0}')
                {
                    continue;
                }
                out.push(
                    cx.diag(
                        Span::new(prev.span.end, t.span.end),
                        format!("remove the space before `{p}`"),
                    )
                    .suggest(p.to_string())
                    .fix(gap, ""),
                );
            }
        }
    }
}
