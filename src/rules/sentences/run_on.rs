//! # run-on
//!
//! **What it does.** Finds two independent clauses run together with no punctuation at all —
//! "The treaty was signed it ended the war", "I went home however I forgot the keys" — where a
//! new subject and verb start right after a word that ends a clause (an object pronoun, an
//! adverb of time or place) or after a bare "however".
//!
//! **Why it matters.** Without a boundary the reader has to go back and find where one
//! statement ends and the next begins.
//!
//! **Example.**
//!
//! ```text
//! The party distrusted him he had too much power.
//!                          ^^ run-on sentence: start a new sentence (or add a semicolon) before `he`
//! ```
//!
//! It is advice. Relative clauses without "that" ("the book I read") are not run-ons and are
//! left alone: the word before the new subject must not be a noun.
//!
//! **Options.** None.

use super::clauses::{independent, sure_finite};
use super::ctx::Sent;
use crate::diagnostic::Diagnostic;
use crate::doc::TokenKind;
use crate::rule::{Context, Rule, RuleMeta};
use crate::{rule_source, Category, Severity};

pub struct RunOn;

static META: RuleMeta = RuleMeta {
    name: "run-on",
    category: Category::Sentences,
    severity: Severity::Advice,
    summary: "two independent clauses run together without punctuation",
    source: rule_source!(),
    options: &[],
    default_off: false,
};

const CLAUSE_ENDERS: &[&str] = &[
    "it",
    "them",
    "him",
    "me",
    "us",
    "here",
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "too",
    "again",
    "home",
    "later",
    "anymore",
    "however",
];

impl Rule for RunOn {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        for sent in &doc.sentences {
            if !doc.is_prose(sent) {
                continue;
            }
            let s = Sent::new(doc, sent);
            let mut clause_start = s.start;
            for k in s.start + 1..s.end.saturating_sub(1) {
                let t = &doc.tokens[k];
                if t.kind == TokenKind::Punct {
                    clause_start = k + 1;
                    continue;
                }
                if t.kind != TokenKind::Word || k < clause_start + 2 {
                    continue;
                }
                let w = s.w(k);
                if !matches!(w, "he" | "she" | "we" | "they" | "i") {
                    continue;
                }
                let prev = s.w(k - 1);
                if !CLAUSE_ENDERS.contains(&prev) || !s.is_word(Some(k - 1)) {
                    continue;
                }
                // "told him I was sorry": a verb that takes an object and a clause.
                if k >= 2
                    && matches!(prev, "him" | "me" | "us" | "them" | "it")
                    && matches!(
                        s.w(k - 2),
                        "tell"
                            | "told"
                            | "tells"
                            | "telling"
                            | "show"
                            | "showed"
                            | "shows"
                            | "remind"
                            | "reminded"
                            | "assure"
                            | "assured"
                            | "convince"
                            | "convinced"
                            | "inform"
                            | "informed"
                            | "warn"
                            | "warned"
                            | "promise"
                            | "promised"
                            | "teach"
                            | "taught"
                            | "ask"
                            | "asked"
                            | "let"
                            | "make"
                            | "made"
                            | "have"
                            | "had"
                            | "help"
                            | "helped"
                            | "see"
                            | "saw"
                            | "hear"
                            | "heard"
                            | "watch"
                            | "watched"
                            | "bet"
                            | "give"
                            | "gave"
                            | "find"
                            | "found"
                            | "think"
                            | "thought"
                            | "consider"
                            | "considered"
                    )
                {
                    continue;
                }
                if !sure_finite(&s, k + 1) || s.has(Some(k + 1), crate::lexicon::pos::NOUN) {
                    continue;
                }
                // "however" at a clause start is an adverb ("However it is done, …").
                if prev == "however" && k - 1 == clause_start {
                    continue;
                }
                let left_end = if prev == "however" { k - 1 } else { k };
                if !independent(&s, clause_start, left_end) {
                    continue;
                }
                let raw = s.raw(k);
                out.push(cx.diag(
                    t.span,
                    format!(
                        "run-on sentence: start a new sentence (or add a semicolon) before `{raw}`"
                    ),
                ));
                break;
            }
        }
    }
}
