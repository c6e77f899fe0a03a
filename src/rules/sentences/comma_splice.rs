crate::rule::declare_rule! {
    /// # comma-splice
    ///
    /// **What it does.** Finds two independent clauses joined by a comma alone: "Socialism came to
    /// mean the USSR was the leader, even foreign Communists were at Stalin's mercy." It is built
    /// for precision, so both halves must be unmistakable clauses:
    ///
    /// - the part before the comma is a main clause: it opens (at the sentence start, after a
    ///   semicolon, colon or dash, after a coordinating conjunction, or after a short introductory
    ///   phrase such as "In 1920," or "However,") with a subject — a pronoun, a noun phrase or a name —
    ///   followed by its finite verb; and nothing since the sentence start is subordinate: no "if",
    ///   "when", "while", "although", "because", "since", "as", "that", "whether", "once", "until",
    ///   "whereas", "every time", no relative word ("which", "who"), no participial or
    ///   prepositional opener ("With so much emphasis placed on…", "Given…", "Physically unable…"),
    ///   no reporting verb ("She tells the duke, I would…");
    /// - the part after it opens with a subject pronoun ("it", "he", "they", "this", "there") or a
    ///   short noun phrase with a determiner ("the economy", "each group", "even foreign
    ///   Communists") and a finite verb, perhaps after "however", "therefore" or "thus".
    ///
    /// Silent on reported speech ("…, she told me", "he said, it was"), asides ("it seems,", "I
    /// think,"), a clause-taking verb before the comma ("This means, we…"), quotations, short
    /// parallel clauses ("It is not the outcome, it is the motive"; "I came, I saw"), a series ending
    /// in "and" ("The room was cold, the food was bad, and the band left"), "It is one thing…, it is
    /// another…", and noun phrases with a participle ("The model used in economics, the rational
    /// actor model…").
    ///
    /// **Why it matters.** A comma cannot hold two sentences together; graders mark the comma splice
    /// as a sentence-boundary error. A full stop, a semicolon or a conjunction ("and", "but") fixes
    /// it.
    ///
    /// **Example.**
    ///
    /// ```text
    /// Lenin distrusted Stalin, he wrote as much in his testament.
    ///                        ^ comma splice: use a full stop or a semicolon, or add a conjunction
    /// ```
    ///
    /// It is advice: a comma splice is sometimes a deliberate effect.
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** No automatic fix: a splice can be mended with a full stop, a semicolon or a
    /// conjunction, and the writer chooses; a repair is only suggested.
    pub struct CommaSplice {
        name: "comma-splice",
        category: Sentences,
        severity: Advice,
        summary: "two independent clauses joined by a comma alone",
        fix: None,
    }
}
use crate::analysis::clauses::{
    clause_taking, reporting_verb, segment, sure_finite, verb_after_noun, Segment,
};
use crate::analysis::sentence::Sent;
use crate::diagnostic::Diagnostic;
use crate::doc::TokenKind;
use crate::lexicon::pos::{self, *};
use crate::lexicon::reporting::{self, Use};
use crate::rule::{Context, Rule};

/// The second clause starts at `k`: (linker [,]) subject finite-verb. Returns the verb index.
fn clause_opening(s: &Sent, mut k: usize) -> Option<usize> {
    if crate::lexicon::in_list!("sentences/sentence_linkers.txt", s.w(k)) {
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
    // A short noun phrase with a determiner, then its verb: "the economy was", "each group is",
    // "the quarrels went on".
    let first = s.w(k);
    if !((s.has(Some(k), DET | POSS | QUANT) || first == "even")
        && !s.has(Some(k), WH)
        && first != "that")
    {
        return None;
    }
    let mut j = k + 1;
    while j < s.end && j <= k + 4 && s.is_word(Some(j)) {
        if j > k + 1 && pos::is_nounish(s.w(j - 1)) && verb_after_noun(s, j, s.end) {
            return Some(j);
        }
        let tj = s.t(Some(j));
        if tj & (PRON_SUBJ | PREP | SUBORD | WH | CONJ | VERB_ING) != 0 && tj & DET == 0 {
            return None;
        }
        j += 1;
    }
    None
}

impl Rule for CommaSplice {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        for s in Sent::prose(doc) {
            // The stretch since the sentence start (or a semicolon, colon or dash) holds only
            // introductory phrases and main clauses: nothing subordinate is still open.
            let mut clean = true;
            let mut seg_start = s.start;
            for c in s.start..s.end {
                let tk = &doc.tokens[c];
                if tk.kind != TokenKind::Punct {
                    continue;
                }
                let p = doc.tok(c);
                if matches!(p, ";" | ":" | "—" | "–" | "--") {
                    seg_start = c + 1;
                    clean = true;
                    continue;
                }
                if matches!(p, "(" | ")" | "[" | "]") {
                    // A parenthesis interrupts; what it holds is not judged.
                    clean = false;
                    seg_start = c + 1;
                    continue;
                }
                if p != "," || c + 1 >= s.end {
                    continue;
                }
                let kind = segment(&s, seg_start, c);
                let left_start = seg_start;
                seg_start = c + 1;
                let was_clean = clean;
                clean &= kind != Segment::Other;
                if kind != Segment::Main || !was_clean {
                    continue;
                }
                // Comma splices inside quotations are the quoted author's.
                let quoted = doc.in_quotation(tk.span);
                let next_quote = matches!(doc.tok(c + 1), "“" | "\"" | "”" | "‘" | "’" | "'");
                let prev_quote = c > 0 && matches!(doc.tok(c - 1), "”" | "\"" | "’" | "'");
                if quoted || next_quote || prev_quote {
                    continue;
                }
                // `clear,the`: missing-space reports that comma; one slip, one diagnostic.
                if !doc.tokens[c + 1].space_before {
                    continue;
                }
                // A verb that takes a clause just before the comma (perhaps with an adverb):
                // "he said, it was", "This means ultimately, we are…".
                let mut lv = c.saturating_sub(1);
                if lv > left_start && s.has(Some(lv), ADV) && !s.has(Some(lv), ANY_VERB) {
                    lv -= 1;
                }
                if c > left_start && (reporting::is(s.w(lv), Use::Aside) || clause_taking(s.w(lv)))
                {
                    continue;
                }
                let Some(v) = clause_opening(&s, c + 1) else {
                    continue;
                };
                // Reported speech: "…, she told me", "…, it seems, …", "…, I think."
                if reporting_verb(s.w(v)) || reporting::is(s.w(v), Use::Aside) {
                    continue;
                }
                // A short aside between commas: "These groups can, it is perhaps arguable, be…".
                let next_comma = (c + 1..s.end).find(|&k| s.is_punct(Some(k)) && s.raw(k) == ",");
                if next_comma.is_some_and(|n| n <= c + 6) {
                    continue;
                }
                // A series of clauses: "The room was cold, the food was bad, and the band left."
                if next_comma.is_some_and(|n| matches!(s.w(n + 1), "and" | "or")) {
                    continue;
                }
                // Deliberate parallel clauses: "It is not the outcome, it is the motive."
                if s.w(left_start) == s.w(c + 1)
                    && s.w(left_start + 1) == s.w(c + 2)
                    && s.is_word(Some(c + 2))
                {
                    continue;
                }
                // "It is one thing to describe…, it is another to assume…"
                if (left_start..c).any(|k| s.w(k) == "one" && s.w(k + 1) == "thing")
                    && (v..s.end.min(v + 3)).any(|k| s.w(k) == "another")
                {
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
