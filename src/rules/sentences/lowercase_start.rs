//! # lowercase-start
//!
//! **What it does.** Reports a sentence that starts with a lowercase letter after a sentence
//! that ended with a full stop, question mark or exclamation mark.
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
//! Silent on the first sentence of a text (an excerpt may start mid-sentence), on words that
//! are lowercase by design (iPhone, eBay, pH, mRNA), after abbreviations, and after a question
//! or exclamation that closes a quotation ("“Why?” he asked").
//!
//! **Options.** None.

use crate::diagnostic::Diagnostic;
use crate::doc::TokenKind;
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
        for si in 1..doc.sentences.len() {
            let s = &doc.sentences[si];
            let prev = &doc.sentences[si - 1];
            // Across paragraphs a lowercase start is usually an extraction artefact (a formula
            // or a table removed before it); judge only sentences that follow one in the same
            // paragraph.
            if !doc.is_prose(s)
                || !doc.is_prose(prev)
                || s.tokens.is_empty()
                || s.paragraph != prev.paragraph
            {
                continue;
            }
            let first = s.tokens.start;
            if doc.tokens[first].kind != TokenKind::Word {
                continue;
            }
            let w = doc.tok(first);
            let mut chars = w.chars();
            let Some(c0) = chars.next() else { continue };
            if !c0.is_lowercase() || !w.chars().all(|c| c.is_lowercase() || c == '\'' || c == '’')
            {
                continue;
            }
            if w.chars().count() < 2 || lexicon::abbreviation(&doc.lower(first)).is_some() {
                continue;
            }
            // How the previous sentence ended.
            let pe = prev.tokens.end;
            if pe == 0 || pe <= prev.tokens.start {
                continue;
            }
            let last = doc.tok(pe - 1);
            if last != "." {
                // "?" and "!" only when not closing a quotation; ellipses and colons never.
                if !matches!(last, "?" | "!") {
                    continue;
                }
            }
            // The word before the full stop: an abbreviation or an initial means no real end.
            if pe >= 2 && prev.tokens.start + 1 < pe {
                let before = pe - 2;
                let bw = doc.lower(before);
                if doc.tokens[before].kind == TokenKind::Word
                    && (bw.chars().count() == 1 || lexicon::abbreviation(bw).is_some())
                {
                    continue;
                }
                if doc.tokens[before].kind == TokenKind::Punct && doc.tok(before) != ")" {
                    continue;
                }
            }
            // The two sentences must be separated by space, as in running prose.
            if !doc.tokens[first].space_before {
                continue;
            }
            let cap: String = c0.to_uppercase().chain(chars).collect();
            out.push(
                cx.diag(
                    doc.tokens[first].span,
                    format!("start the sentence with a capital: `{cap}`"),
                )
                .suggest(cap.clone())
                .fix(doc.tokens[first].span, cap),
            );
        }
    }
}
