//! # unbalanced-bracket
//!
//! **What it does.** Reports an opening bracket — (, [ or { — that is never closed in its
//! paragraph, and a closing bracket with no opening one.
//!
//! **Why it matters.** An unclosed parenthesis leaves the reader waiting for the aside to end;
//! in citations it often means a page number or year went missing.
//!
//! **Example.**
//!
//! ```text
//! Stalin held the post (Medvedev 69 and used it to build support.
//!                      ^ this `(` is never closed
//! ```
//!
//! List markers ("1)", "a)") and emoticons are not brackets.
//!
//! **Options.** None.

use crate::diagnostic::Diagnostic;
use crate::doc::{ParagraphKind, Span, TokenKind};
use crate::rule::{Context, Rule, RuleMeta};
use crate::{rule_source, Category, Severity};

pub struct UnbalancedBracket;

static META: RuleMeta = RuleMeta {
    name: "unbalanced-bracket",
    category: Category::Sentences,
    severity: Severity::Warning,
    summary: "a bracket that is never closed, or closed without being opened",
    source: rule_source!(),
    options: &[],
    default_off: false,
};

impl Rule for UnbalancedBracket {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let prose = |pi: usize| {
            matches!(
                doc.paragraphs[pi].kind,
                ParagraphKind::Body | ParagraphKind::BlockQuote | ParagraphKind::ListItem
            )
        };
        for g in &doc.groups {
            if g.closed || !prose(g.paragraph) {
                continue;
            }
            let open = Span::new(g.span.start, g.inner.start.max(g.span.start));
            let b = doc.slice(open).to_string();
            out.push(
                cx.diag(open, format!("this `{b}` is never closed"))
                    .related(Span::new(g.span.end, g.span.end), "the paragraph ends here"),
            );
        }
        for &sp in &doc.stray_closers {
            let text = doc.slice(sp);
            if !matches!(text, ")" | "]" | "}") {
                continue;
            }
            let Some(si) = doc.sentence_at(sp.start) else {
                continue;
            };
            if !prose(doc.sentences[si].paragraph) {
                continue;
            }
            // An inline enumeration: "… 1) first, 2) second", "a) … b)".
            let ti = doc.token_at(sp.start);
            if ti > 1 && doc.tok(ti - 1) == "." && doc.tokens[ti - 2].kind == TokenKind::Number {
                continue;
            }
            if ti > 0 && !doc.tokens[ti].space_before {
                let p = &doc.tokens[ti - 1];
                let pt = doc.tok(ti - 1);
                let short = pt.chars().count() <= 3 && p.kind != TokenKind::Punct;
                let roman = pt.chars().all(|c| "ivxlIVXL".contains(c));
                let small = pt.chars().count() == 1 || roman;
                if short && (p.space_before || ti - 1 == 0) && small {
                    continue;
                }
            }
            out.push(cx.diag(sp, format!("this `{text}` has no opening bracket")));
        }
    }
}
