crate::rule::declare_rule! {
    /// # fragment
    ///
    /// **What it does.** Finds a sentence that is not one: a stretch ending with a full stop that
    /// has no finite verb ("The result, a unified, centralized, bureaucratic state."), or a
    /// subordinate clause standing alone ("Because the party feared him." "Which is why he won.").
    ///
    /// **Why it matters.** A fragment leaves the reader waiting for the main statement. In fiction
    /// it is a device; in an essay it usually marks a full stop put where a comma or a colon
    /// belongs.
    ///
    /// **Example.**
    ///
    /// ```text
    /// The Great Purge consolidated his power. The result, a unified, bureaucratic state.
    ///                                         ^^^^^^^^^^ fragment: this has no main verb
    /// ```
    ///
    /// It is advice, and silent on headings, list items, captions ("Figure 1. …"), sentences of
    /// three words or fewer ("Not at all."), quotations, questions and exclamations, and the
    /// first sentence of a text (an excerpt may start mid-sentence).
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** No automatic fix: the rule only reports; the remedy (rewording, a citation, an
    /// entry in the works cited) is the writer's to choose.
    pub struct Fragment {
        name: "fragment",
        category: Sentences,
        severity: Advice,
        summary: "a sentence without a main verb, or a subordinate clause standing alone",
        fix: None,
    }
}
use crate::analysis::clauses::may_be_finite;
use crate::analysis::sentence::Sent;
use crate::diagnostic::Diagnostic;
use crate::doc::{ParagraphKind, Span, TokenKind};
use crate::rule::{Context, Rule};

impl Rule for Fragment {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        for (si, sent) in doc.sentences.iter().enumerate() {
            if si == 0 || doc.paragraphs[sent.paragraph].kind != ParagraphKind::Body {
                continue;
            }
            // A footnote or endnote ("Smith, *Title*, 47.") is a citation, not a sentence.
            if crate::analysis::citations::notes::in_note(doc, sent.span) {
                continue;
            }
            let s = Sent::new(doc, sent);
            if s.end <= s.start || doc.tok(s.end - 1) != "." {
                continue;
            }
            let words = doc.sentence_word_count(sent);
            if words <= 3 || words > 30 {
                continue;
            }
            let first = s.start;
            if doc.tokens[first].kind != TokenKind::Word
                || crate::lexicon::in_list!("sentences/caption_words.txt", doc.lower(first))
                || !doc
                    .tok(first)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
            {
                continue;
            }
            // Inside a quotation, or a sentence that is mostly a quotation.
            if doc
                .quotations_overlapping(sent.span)
                .any(|q| q.span.len() * 2 > sent.span.len())
            {
                continue;
            }
            // "4. Asking them for money." — an item of an inline numbered list.
            if first >= 2
                && doc.tok(first - 1) == "."
                && doc.tokens[first - 2].kind == TokenKind::Number
            {
                continue;
            }
            if (s.start..s.end).any(|k| doc.tokens[k].kind == TokenKind::Number && k == first + 1) {
                continue;
            }
            // Every word must be one the lexicon knows, or the verb may be hiding in it.
            if (s.start..s.end).any(|k| {
                doc.tokens[k].kind == TokenKind::Word
                    && crate::lexicon::pos::tags(doc.lower(k)) == 0
            }) {
                continue;
            }
            let finite: usize = (s.start..s.end).filter(|&k| may_be_finite(&s, k)).count();
            let w0 = doc.lower(first);
            let (why, span) = if finite == 0 && words <= 15 {
                (
                    "fragment: this sentence has no main verb; join it to the one before or add a verb",
                    Span::new(doc.tokens[first].span.start, doc.tokens[s.end - 1].span.end),
                )
            } else if matches!(w0, "because" | "although" | "whereas" | "which")
                && finite <= 1
                && !(s.start..s.end).any(|k| matches!(doc.tok(k), "," | ";" | ":"))
            {
                (
                    "fragment: a subordinate clause standing alone; join it to the sentence before",
                    doc.tokens[first].span,
                )
            } else {
                continue;
            };
            out.push(cx.diag(span, why));
        }
    }
}
