crate::rule::declare_rule! {
    /// # unbalanced-quote
    ///
    /// **What it does.** Reports a quotation mark that is opened and never closed in its paragraph,
    /// and a closing quotation mark with no opening one.
    ///
    /// **Why it matters.** Without the closing mark the reader cannot tell where the quoted words
    /// end and yours begin — which matters for meaning and, in an essay, for plagiarism.
    ///
    /// **Example.**
    ///
    /// ```text
    /// She writes, “the French and Russian Revolutions shared certain important similarities
    ///             ^ this quotation is never closed
    /// ```
    ///
    /// A quotation that runs over several paragraphs, each reopened with a quotation mark (the
    /// usual convention), passes. An unclosed single quotation mark is advice, since it may be an
    /// apostrophe.
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** No automatic fix: the rule only reports; the remedy (rewording, a citation, an
    /// entry in the works cited) is the writer's to choose.
    pub struct UnbalancedQuote {
        name: "unbalanced-quote",
        category: Sentences,
        severity: Warning,
        summary: "a quotation mark that is never closed, or closed without being opened",
        fix: None,
    }
}
use crate::diagnostic::Diagnostic;
use crate::doc::{ParagraphKind, QuoteKind, Span, TokenKind};
use crate::rule::{Context, Rule};
use crate::Severity;

fn prose_kind(k: ParagraphKind) -> bool {
    k.is_prose()
}

impl Rule for UnbalancedQuote {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        for q in &doc.quotations {
            if q.closed || !prose_kind(doc.paragraphs[q.paragraph].kind) {
                continue;
            }
            // A quotation continued in the next paragraph, reopened there by convention.
            let reopened = doc.paragraphs.get(q.paragraph + 1).is_some_and(|p| {
                let t = p.tokens.start;
                t < p.tokens.end
                    && doc.tokens[t].kind == TokenKind::Punct
                    && matches!(doc.tok(t), "“" | "\"" | "«" | "‘" | "'")
            });
            if reopened {
                continue;
            }
            // A single mark before an elision or a number is an apostrophe: 'tis, '80s.
            if q.kind == QuoteKind::Single {
                let t = q.tokens.start;
                if t < doc.tokens.len() {
                    let w = doc.lower(t);
                    if doc.tokens[t].kind == TokenKind::Number
                        || matches!(
                            w,
                            "tis" | "twas" | "em" | "n" | "cause" | "til" | "round" | "bout"
                        )
                        || w.contains('\'')
                    {
                        continue;
                    }
                }
            }
            let mark = Span::new(q.span.start, q.inner.start.max(q.span.start));
            let mut d = cx
                .diag(mark, "this quotation mark is never closed")
                .related(
                    Span::new(q.span.end, q.span.end),
                    "the paragraph ends here without a closing mark",
                );
            if q.kind == QuoteKind::Single {
                d = d.severity(Severity::Advice);
            }
            out.push(d);
        }
        for &sp in &doc.stray_closers {
            let text = doc.slice(sp);
            if !matches!(text, "”" | "»" | "\"") {
                continue;
            }
            let Some(si) = doc.sentence_at(sp.start) else {
                continue;
            };
            if !doc.is_prose(&doc.sentences[si]) {
                continue;
            }
            let mut d = cx.diag(sp, "this closing quotation mark has no opening one");
            if text == "\"" {
                d = d.severity(Severity::Advice);
            }
            out.push(d);
        }
    }
}
