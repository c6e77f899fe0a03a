//! # lowercase-start
//!
//! **What it does.** Reports a sentence that starts with a lowercase letter after a full stop,
//! question mark or exclamation mark in the same paragraph.
//!
//! **Why it matters.** A capital letter is how the reader sees a new sentence begin; without it
//! the boundary blurs, and the slip reads as haste.
//!
//! **Example.**
//!
//! ```text
//! The party was divided. the left wanted faster change.
//!                        ^^^ start the sentence with a capital: `The`
//! ```
//!
//! Silent on the first sentence of a text (an excerpt may start mid-sentence), at the start of a
//! paragraph (often an artefact of a removed formula or table), on words that are lowercase by
//! design (iPhone, eBay, pH, mRNA), after abbreviations and initials ("e.g. the", "U.S. army",
//! "etc. and"), and after a question or exclamation that closes a quotation ("“Why?” he asked").
//!
//! **Options.** None. The fix (capitalising the word) is safe.

use crate::diagnostic::Diagnostic;
use crate::doc::{ParagraphKind, TokenKind};
use crate::lexicon;
use crate::rule::{Context, Rule, RuleMeta};
use crate::{rule_source, Category, Severity};

pub struct LowercaseStart;

static META: RuleMeta = RuleMeta {
    name: "lowercase-start",
    category: Category::Sentences,
    severity: Severity::Warning,
    summary: "a sentence that starts with a lowercase letter",
    source: rule_source!(),
    options: &[],
    default_off: false,
};

impl Rule for LowercaseStart {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        for para in &doc.paragraphs {
            if !matches!(para.kind, ParagraphKind::Body | ParagraphKind::BlockQuote) {
                continue;
            }
            let r = para.tokens.clone();
            for i in r.start + 1..r.end.saturating_sub(1) {
                let t = &doc.tokens[i];
                if t.kind != TokenKind::Punct || !matches!(doc.tok(i), "." | "?" | "!") {
                    continue;
                }
                let (a, b) = (&doc.tokens[i - 1], &doc.tokens[i + 1]);
                if t.space_before || !b.space_before || b.newlines_before > 0 {
                    continue;
                }
                if b.kind != TokenKind::Word || a.kind == TokenKind::Punct {
                    continue;
                }
                // The word before the mark: an abbreviation or an initial is no sentence end.
                if a.kind == TokenKind::Word {
                    let la = doc.lower(i - 1);
                    if la.chars().count() == 1 || lexicon::abbreviation(la).is_some() {
                        continue;
                    }
                    if i >= 2 && doc.tok(i - 2) == "." && !doc.tokens[i - 1].space_before {
                        continue; // "U.S.", "Ph.D."
                    }
                }
                let w = doc.tok(i + 1);
                let mut chars = w.chars();
                let Some(c0) = chars.next() else { continue };
                if !c0.is_lowercase()
                    || !w.chars().all(|c| c.is_lowercase() || c == '\'' || c == '’')
                    || w.chars().count() < 2
                    || lexicon::abbreviation(doc.lower(i + 1)).is_some()
                {
                    continue;
                }
                let cap: String = c0.to_uppercase().chain(chars).collect();
                out.push(
                    cx.diag(
                        b.span,
                        format!("start the sentence with a capital: `{cap}`"),
                    )
                    .suggest(cap.clone())
                    .fix(b.span, cap),
                );
            }
        }
    }
}
