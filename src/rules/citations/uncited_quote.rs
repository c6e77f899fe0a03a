crate::rule::declare_rule! {
    /// # uncited-quote
    ///
    /// **What it does.** Reports a direct quotation of four words or more with no citation in its
    /// sentence or the next, unless a signal phrase just before it names an author who is cited a
    /// sentence or two away. A quotation left open to the end of its paragraph is reported too (it
    /// usually means the citation, and the closing mark, were lost). Block quotations count.
    ///
    /// **Why it matters.** Quoting words without saying where they come from is the first thing a
    /// grader marks, and at worst it reads as plagiarism. Every quotation needs its source and, in
    /// MLA, APA and Chicago author-date, its page.
    ///
    /// **Example.**
    ///
    /// ```text
    /// She writes, “the French and Russian Revolutions shared certain important similarities
    ///             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ quotation without a citation
    /// ```
    ///
    /// Stay silent: short quotations used as terms or scare quotes ("kulak", the so-called
    /// "oppositions"), titles in title case ("Stalinism and Forced Collectivization"), mentions
    /// ("the phrase “…”", "a song titled “…”"), epigraphs with their attribution, and dialogue in
    /// narratives ("“I’m leaving,” she said"). Quotation marks that quote no source stay silent
    /// too: a label or category the paper names (a verbless phrase of up to six words, or one
    /// between a determiner and a noun: the “high stress low support” group), a term being named
    /// ("what we called “…”", "known as “…”"), and the paper's own data (the item “…”,
    /// participants answered “…”). A source named after the quotation ("“…” As Ong's article
    /// describes, …", or an attribution line "Sniderman and Piazza, p70.") counts as its
    /// signal phrase; a citation that only closes the sentence before does not, nor does a
    /// name in the sentence before when the quotation's own sentence gives it another, unnamed
    /// speaker ("Critics have long insisted that “…”", "As one observer put it, “…”"). A quotation of
    /// several paragraphs (each opening with a mark, or short list items) is judged as one,
    /// from its opening mark to its closing mark. In an essay that cites nothing at all, only
    /// quotations introduced as someone's writing ("she writes", "according to") are reported, and
    /// as advice: such an essay may be a narrative. Elsewhere it is a warning, except that a closed
    /// quotation whose signal phrase names an author the essay cites elsewhere ("As Skocpol
    /// writes, “…”") is advice: its source is known, only the citation in place is missing.
    ///
    /// **Options.**
    ///
    /// - `min-words` (integer, default 4): the shortest quotation that needs a citation.
    ///
    /// **Fix safety.** No automatic fix: the rule only reports; the remedy (rewording, a citation, an
    /// entry in the works cited) is the writer's to choose.
    pub struct UncitedQuote {
        name: "uncited-quote",
        category: Citations,
        severity: Warning,
        summary: "a direct quotation with no citation nearby",
        fix: None,
        options: UncitedQuoteOptions {
            /// the shortest quotation that needs a citation
            min_words: i64 = 4,
        },
    }
}
use crate::analysis::citations::coverage::{
    covering, head, is_candidate_quote, is_dialogue, is_not_source_quote, named_after,
    named_source_cited_nearby, names_known_author,
};
use crate::diagnostic::Diagnostic;
use crate::doc::{Document, ParagraphKind, Quotation, Span};
use crate::lexicon::reporting::{self, Use};
use crate::rule::{Context, Rule};
use crate::Severity;

/// "She writes", "according to", "states": the quotation is presented as someone's writing.
fn introduced_as_writing(doc: &Document, q: &Quotation) -> bool {
    let p = &doc.paragraphs[q.paragraph];
    let open = q.tokens.start.saturating_sub(1);
    let from = open.saturating_sub(6).max(p.tokens.start);
    (from..open).any(|i| {
        let l = doc.lower(i);
        reporting::is(l, Use::Writing)
    })
}

/// Where a quotation left open at its paragraph's end closes, if it runs on over the next
/// paragraphs: each later paragraph either opens with a quotation mark (the convention for a
/// quotation of several paragraphs) or has no quotation mark at all, until one whose first mark
/// closes it (a closing curly mark, or a straight one at the paragraph's end). Up to twelve
/// paragraphs; the byte offset just after the closing mark.
fn continued_end(doc: &Document, q: &Quotation) -> Option<usize> {
    if q.closed {
        return None;
    }
    let last = (q.paragraph + 12).min(doc.paragraphs.len().saturating_sub(1));
    for pi in q.paragraph + 1..=last {
        let p = &doc.paragraphs[pi];
        if matches!(p.kind, ParagraphKind::Heading) {
            return None;
        }
        let text = doc.slice(p.span);
        let trimmed = text.trim_start();
        let opens = trimmed.starts_with(['“', '"', '«']);
        let body = if opens {
            &trimmed[trimmed.chars().next().map_or(0, char::len_utf8)..]
        } else {
            trimmed
        };
        let skip = text.len() - body.len();
        // The first quotation mark after any opening one.
        let Some((at, mark)) = body
            .char_indices()
            .find(|&(_, c)| matches!(c, '“' | '”' | '"' | '«' | '»'))
        else {
            if opens {
                continue;
            }
            // No mark: a paragraph inside the quotation only if short (an item of a list).
            if body.split_whitespace().count() <= 60 {
                continue;
            }
            return None;
        };
        let closes = match mark {
            '”' | '»' => true,
            '"' => opens || body[at + 1..].trim().is_empty(),
            _ => false,
        };
        if closes {
            return Some(p.span.start + skip + at + mark.len_utf8());
        }
        return None;
    }
    None
}

impl Rule for UncitedQuote {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let o = Self::options(cx);
        let doc = cx.doc;
        let min = o.min_words.max(1) as usize;
        let idx = cx.cite_index();
        let cites_at_all = doc.citations.iter().any(|c| c.certain) || !doc.references.is_empty();
        // The end of the last quotation of several paragraphs: the quotations of its later
        // paragraphs are part of it.
        let mut inside_until = 0;
        for q in &doc.quotations {
            if q.span.start < inside_until {
                continue;
            }
            if !is_candidate_quote(doc, q, min) || is_not_source_quote(doc, q) {
                continue;
            }
            // A quotation of several paragraphs: judged as one, from its opening mark to the
            // closing mark paragraphs later.
            let (span, closed) = match continued_end(doc, q) {
                Some(end) => {
                    inside_until = end;
                    (Span::new(q.span.start, end), true)
                }
                None => (q.span, q.closed),
            };
            if !covering(doc, idx, span, closed).is_empty() {
                continue;
            }
            if closed && !q.closed && named_source_cited_nearby(doc, idx, span) {
                continue;
            }
            if named_source_cited_nearby(doc, idx, q.span)
                || is_dialogue(doc, q)
                || named_after(doc, span)
            {
                continue;
            }
            let severity = if cites_at_all {
                // "As Skocpol writes, “…”" with Skocpol cited elsewhere: the source is known,
                // only its place is missing. An unclosed quotation stays a warning.
                if closed && names_known_author(doc, idx, q.span) {
                    Severity::Advice
                } else {
                    Severity::Warning
                }
            } else if introduced_as_writing(doc, q) {
                Severity::Advice
            } else {
                continue;
            };
            let shown = head(doc, q.span, 60);
            let msg = if closed {
                "this quotation has no citation: name its source (and page) in this sentence or the next".to_string()
            } else {
                "this quotation is never closed and has no citation: close it and cite its source"
                    .to_string()
            };
            out.push(cx.diag(shown, msg).severity(severity));
        }
        // Block quotations without quotation marks.
        for (pi, p) in doc.paragraphs.iter().enumerate() {
            if p.kind != ParagraphKind::BlockQuote || p.sentences.is_empty() {
                continue;
            }
            let words = p
                .tokens
                .clone()
                .filter(|&i| doc.tokens[i].is_wordlike())
                .count();
            if words < min {
                continue;
            }
            // Part of the block quotation before? Then only its first paragraph is checked.
            if pi > 0 && doc.paragraphs[pi - 1].kind == ParagraphKind::BlockQuote {
                continue;
            }
            let mut end = pi;
            while end + 1 < doc.paragraphs.len()
                && doc.paragraphs[end + 1].kind == ParagraphKind::BlockQuote
            {
                end += 1;
            }
            let span = Span::new(p.span.start, doc.paragraphs[end].span.end);
            if crate::analysis::citations::coverage::cites_starting_in(doc, span)
                .any(|i| span.contains(doc.citations[i].span))
            {
                continue;
            }
            // Attribution line after it ("—Shakespeare") or a citation right after.
            if let Some(np) = doc.paragraphs.get(end + 1) {
                let first = doc.tok(np.tokens.start);
                if matches!(first, "—" | "–" | "--" | "―" | "-") {
                    continue;
                }
                if !idx.in_sentence(np.sentences.start).is_empty() {
                    continue;
                }
            }
            // Introduced by a sentence that cites.
            if p.sentences.start > 0 {
                let prev = p.sentences.start - 1;
                if !idx.in_sentence(prev).is_empty() {
                    continue;
                }
            }
            if !cites_at_all {
                continue;
            }
            let shown = head(doc, doc.sentences[p.sentences.start].span, 60);
            out.push(cx.diag(
                shown,
                "this block quotation has no citation: give its source (and page) after it",
            ));
        }
    }
}
