crate::rule::declare_rule! {
    /// # run-on
    ///
    /// **What it does.** Finds two independent clauses fused with no punctuation at all: a clause
    /// that ends with an object pronoun ("him", "it", "them", "me", "us") or an adverb that closes
    /// it ("again", "home", "too"), followed at once by a new subject pronoun ("he", "she", "we",
    /// "they", "I") and its finite verb — "The party distrusted him he had too much power", "We
    /// tested it they worked" — or two clauses joined by a bare "however".
    ///
    /// **Why it matters.** Without a boundary the reader has to go back and find where one
    /// statement ends and the next begins.
    ///
    /// **Example.**
    ///
    /// ```text
    /// The party distrusted him he had too much power.
    ///                          ^^ run-on sentence: start a new sentence (or add a semicolon) before `he`
    /// ```
    ///
    /// It is advice, and conservative: the part before must itself be a main clause (subject and
    /// finite verb, nothing subordinate); verbs that take an object and a clause ("told him he was
    /// wrong", "showed them it worked", "convinced us we…") are left alone, and so are relative
    /// clauses without "that" ("the book I read", "everything about him he hated").
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** No automatic fix: the rule only reports; the remedy (rewording, a citation, an
    /// entry in the works cited) is the writer's to choose.
    pub struct RunOn {
        name: "run-on",
        category: Sentences,
        severity: Advice,
        summary: "two independent clauses run together without punctuation",
        fix: None,
    }
}
use crate::analysis::clauses::{has_subordinator, segment, sure_finite, Segment};
use crate::analysis::sentence::Sent;
use crate::diagnostic::Diagnostic;
use crate::doc::TokenKind;
use crate::lexicon::reporting::{self, Use};
use crate::rule::{Context, Rule};

impl Rule for RunOn {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        for s in Sent::prose(doc) {
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
                if !crate::lexicon::in_list!("sentences/clause_enders.txt", prev)
                    || !s.is_word(Some(k - 1))
                {
                    continue;
                }
                // "told him I was sorry": a verb that takes an object and a clause.
                if k >= 2
                    && matches!(prev, "him" | "me" | "us" | "them" | "it")
                    && reporting::is(s.w(k - 2), Use::Object)
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
                // The part before is a main clause, and nothing subordinate is open since the
                // sentence start ("If she liked it they stayed" lacks a comma, not a full stop).
                if segment(&s, clause_start, left_end) != Segment::Main
                    || has_subordinator(&s, s.start, clause_start)
                {
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
