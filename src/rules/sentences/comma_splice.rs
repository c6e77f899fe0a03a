//! # comma-splice
//!
//! **What it does.** Finds two independent clauses joined by a comma alone: "Socialism came to
//! mean the USSR was the leader, even foreign Communists were at Stalin's mercy." The first part
//! must have a subject and a verb and not start with a subordinating word ("When…", "If…");
//! the second must open with a subject and a finite verb ("it was", "they had", "the
//! economy was"), perhaps after "however" or "therefore".
//!
//! **Why it matters.** A comma cannot hold two sentences together; graders mark the comma splice
//! as a sentence-boundary error. A full stop, a semicolon or a conjunction ("and", "but") fixes
//! it.
//!
//! **Example.**
//!
//! ```text
//! Lenin distrusted Stalin, he wrote as much in his testament.
//!                        ^ comma splice: use a full stop or a semicolon, or add a conjunction
//! ```
//!
//! It is advice: asides ("it seems,", "I think,"), reported speech ("he said, it was") and
//! deliberate series ("I came, I saw, I conquered") are written this way on purpose.
//!
//! **Options.** None.

use super::clauses::{independent, sure_finite};
use super::ctx::Sent;
use crate::diagnostic::Diagnostic;
use crate::doc::TokenKind;
use crate::lexicon::pos::{self, *};
use crate::rule::{Context, Rule, RuleMeta};
use crate::{rule_source, Category, Severity};

pub struct CommaSplice;

static META: RuleMeta = RuleMeta {
    name: "comma-splice",
    category: Category::Sentences,
    severity: Severity::Advice,
    summary: "two independent clauses joined by a comma alone",
    source: rule_source!(),
    options: &[],
    default_off: false,
};

const LINKERS: &[&str] = &[
    "however",
    "therefore",
    "moreover",
    "nevertheless",
    "consequently",
    "furthermore",
    "hence",
    "instead",
    "otherwise",
    "meanwhile",
];

const ASIDES: &[&str] = &[
    "think", "thought", "believe", "believed", "seems", "seemed", "said", "says", "argues",
    "argued", "suppose", "guess", "know", "knew", "hope", "mean", "feel", "suspect", "wrote",
    "writes", "claims", "notes", "noted", "admit", "agree", "recall", "imagine", "see", "appears",
];

/// The second clause starts at `k`: (linker [,]) subject finite-verb. Returns the verb index.
fn clause_opening(s: &Sent, mut k: usize) -> Option<usize> {
    if LINKERS.contains(&s.w(k)) {
        k += 1;
        if s.is_punct(Some(k)) && s.raw(k) == "," {
            k += 1;
        }
    }
    if k >= s.end || !s.is_word(Some(k)) {
        return None;
    }
    let w = s.w(k);
    let t = s.t(Some(k));
    // A pronoun subject: "it was", "they had", "he wrote".
    if t & PRON_SUBJ != 0 && w != "you" || matches!(w, "this" | "these" | "there") {
        let mut v = k + 1;
        if s.has(Some(v), ADV | NEG) && !s.has(Some(v), ANY_VERB | MAY_VERB) {
            v += 1;
        }
        if v < s.end && sure_finite(s, v) && (w != "there" || s.has(Some(v), BE)) {
            return Some(v);
        }
        return None;
    }
    // A short noun phrase subject before "be", "have" or a modal: "the economy was".
    let mut j = k;
    let mut last_noun = false;
    while j < s.end && j < k + 4 && s.is_word(Some(j)) {
        let tj = s.t(Some(j));
        if tj & (BE | HAVE | MODAL) != 0 {
            break;
        }
        if tj & (PRON_SUBJ | PREP | SUBORD | WH | CONJ | VERB_ING) != 0 && tj & DET == 0 {
            return None;
        }
        last_noun = pos::is_nounish(s.w(j)) && tj & DET == 0;
        j += 1;
    }
    if j > k && last_noun && j < s.end && s.has(Some(j), BE | HAVE | MODAL) && !s.has(Some(j), NOUN)
    {
        let first = s.w(k);
        if s.has(Some(k), DET | POSS | QUANT | ADV)
            || matches!(first, "even" | "many" | "most" | "all")
            || pos::is_nounish(first)
        {
            return Some(j);
        }
    }
    None
}

impl Rule for CommaSplice {
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
            // Comma splices inside quotations are the quoted author's.
            let mut clause_start = s.start;
            for c in s.start..s.end {
                let tk = &doc.tokens[c];
                if tk.kind != TokenKind::Punct {
                    continue;
                }
                let p = doc.tok(c);
                if matches!(p, ";" | ":" | "—" | "–" | "--" | "(" | ")") {
                    clause_start = c + 1;
                    continue;
                }
                if p != "," || c + 1 >= s.end {
                    continue;
                }
                let quoted = doc
                    .quotations
                    .iter()
                    .any(|q| q.span.start <= tk.span.start && tk.span.end <= q.span.end);
                let next_quote = matches!(doc.tok(c + 1), "“" | "\"" | "”" | "‘" | "’" | "'");
                let prev_quote = c > 0 && matches!(doc.tok(c - 1), "”" | "\"" | "’" | "'");
                if quoted || next_quote || prev_quote {
                    clause_start = c + 1;
                    continue;
                }
                let left_ok = independent(&s, clause_start, c);
                let segment_start = clause_start;
                clause_start = c + 1;
                if !left_ok {
                    continue;
                }
                // A reporting verb just before the comma: "he said, it was".
                if c > segment_start && ASIDES.contains(&s.w(c - 1)) {
                    continue;
                }
                let Some(v) = clause_opening(&s, c + 1) else {
                    continue;
                };
                // An aside: "…, it seems, …", "…, I think."
                let after = v + 1;
                if ASIDES.contains(&s.w(v)) && (after >= s.end || s.is_punct(Some(after))) {
                    continue;
                }
                // A short aside between commas: "These groups can, it is perhaps arguable, be…".
                let next_comma = (c + 1..s.end).find(|&k| s.is_punct(Some(k)) && s.raw(k) == ",");
                if next_comma.is_some_and(|n| n <= c + 6) {
                    continue;
                }
                out.push(
                    cx.diag(
                        tk.span,
                        "comma splice: two independent clauses joined by a comma; use a full stop or a semicolon, or add a conjunction",
                    )
                    .suggest(";"),
                );
                break;
            }
        }
    }
}
