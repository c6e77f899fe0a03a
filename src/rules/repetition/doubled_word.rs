//! # doubled-word
//!
//! **What it does.** Finds a word written twice in a row ("the the"), ignoring case, line
//! breaks and markup between the two, and proposes deleting the second.
//!
//! **Why it matters.** A doubled word is almost always a slip made while revising, and readers
//! trip over it; spell checkers miss it because each word is spelled correctly.
//!
//! **Example.**
//!
//! ```text
//! The roots of Stalinism formed in the the early years.
//!                                   ^^^^^^^ `the` is written twice
//! ```
//!
//! Grammatical doubles stay silent: "she had had enough", "he said that that was wrong",
//! "what it is is a trap", "bye bye". Two capitalised words in the middle of a sentence
//! ("Sirhan Sirhan", "Walla Walla") are taken for a name. Numbers are not words here.
//!
//! **Options.** None. The fix (removing the second word) is safe and applied by `--fix`.

use crate::diagnostic::Diagnostic;
use crate::doc::{is_capitalized, TokenKind};
use crate::lexicon;
use crate::rule::{Context, Rule, RuleMeta};
use crate::{rule_source, Category, Severity, Span};
use std::collections::HashSet;
use std::sync::OnceLock;

pub struct DoubledWord;

static META: RuleMeta = RuleMeta {
    name: "doubled-word",
    category: Category::Repetition,
    severity: Severity::Warning,
    summary: "a word written twice in a row (\"the the\")",
    source: rule_source!(),
    options: &[],
    default_off: false,
};

fn allowed(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        lexicon::word_set(include_str!(
            "../../../rules/repetition/doubled_word_allowed.txt"
        ))
    })
    .contains(word)
}

/// Words that open the clause whose subject ends before "is is" ("what it is is").
const CLAUSE_OPENERS: &[&str] = &[
    "what", "where", "how", "who", "why", "whatever", "all", "thing", "problem", "question",
    "point", "issue", "fact", "reason", "trouble",
];

impl Rule for DoubledWord {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        for s in &doc.sentences {
            let toks = s.tokens.clone();
            for i in toks.start + 1..toks.end {
                let (a, b) = (&doc.tokens[i - 1], &doc.tokens[i]);
                if a.kind != TokenKind::Word || b.kind != TokenKind::Word || !b.space_before {
                    continue;
                }
                let (la, lb) = (doc.lower(i - 1), doc.lower(i));
                if la != lb || allowed(la) {
                    continue;
                }
                if la == "is"
                    && toks
                        .clone()
                        .take_while(|&k| k < i - 1)
                        .any(|k| CLAUSE_OPENERS.contains(&doc.lower(k)))
                {
                    continue;
                }
                let (ta, tb) = (doc.tok(i - 1), doc.tok(i));
                // Two capitalised words mid-sentence: a name such as "Sirhan Sirhan".
                if is_capitalized(ta) && is_capitalized(tb) && i - 1 > toks.start {
                    continue;
                }
                // Single letters and Roman numerals in lists ("a a" in a grid, "I I") are rare
                // slips and common notation; skip words without a vowel-bearing body.
                if la.chars().count() == 1 && la != "a" {
                    continue;
                }
                let remove = Span::new(a.span.end, b.span.end);
                out.push(
                    cx.diag(b.span, format!("`{tb}` is written twice in a row"))
                        .suggest(ta.to_string())
                        .related(a.span, "first written here")
                        .fix(remove, ""),
                );
            }
        }
    }
}
