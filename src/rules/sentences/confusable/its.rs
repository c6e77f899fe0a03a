//! The its / it's detector of the `confusable` rule: grammatical contexts that decide
//! between the members where word statistics cannot see.

use super::*;

impl Confusable {
    pub(super) fn its(&self, s: &Sent, i: usize, w: &str) -> Option<Hit> {
        let Around { n1, w1, n2, p, wp } = Around::of(s, i);
        let w2 = s.wo(n2);
        if w == "it's" {
            if w1 == "own" {
                return sure("its");
            }
            if !s.is_word(n1) {
                return None;
            }
            // "it's various colors": "various" only ever stands before a plural noun.
            if w1 == "various" && s.is_word(n2) && (pos::is_nounish(w2) || looks_plural(w2)) {
                return sure("its");
            }
            // "Understand it's values, …": "it is" + a bare plural noun that ends the phrase
            // ("values," "values." "values and") is no sentence; the possessive is.
            if looks_plural(w1)
                && s.has(n1, NOUN | MAY_NOUN)
                && !s.has(n1, ADJ | MAY_ADJ | FUNCTION | ADV | VERB_PART | MAY_PAST)
                && !is_capitalized(s.raw(n1.unwrap_or(i)))
                && (s.is_punct(n2) && matches!(s.raw(n2.unwrap_or(i)), "," | ";" | ".")
                    || matches!(w2, "and" | "or"))
                && !s.is_first_word(i)
            {
                return maybe("its");
            }
            // After a preposition a clause cannot start: "on it's way", "by it's cover".
            let fixed_all = wp == "all"
                && matches!(
                    s.wo(p.and_then(|k| s.prev(k))),
                    "for" | "from" | "by" | "with" | "despite" | "through"
                );
            if (pure_prep(wp) && s.is_word(p) && wp != "for")
                || fixed_all
                || (wp == "as" && s.wo(p.and_then(|k| s.prev(k))) == "such")
            {
                let t1 = s.t(n1);
                if t1 & (DET | NEG | BE | MODAL | HAVE | PRON_SUBJ | PRON_INDEF) == 0
                    && (!s.has(n1, ADV) || noun_phrase(s, n1))
                {
                    return sure("its");
                }
            }
            if wp == "for" && noun_phrase(s, n1) {
                return sure("its");
            }
            if wp == "at" || wp == "of" {
                // "at it's best"
                if s.has(n1, SUP) && predicate_end(s, n2, false) {
                    return sure("its");
                }
            }
            // "We could borrow it's approach", "What are it's benefits?": a verb that takes an
            // object (not a clause) before, a noun phrase after, and then the end of the clause.
            if s.is_word(p) && noun_phrase(s, n1) {
                let tp = s.t(p);
                let head = if pos::is_nounish(w1) && !s.has(n1, ADJ) {
                    n1
                } else {
                    n2
                };
                let after = head.and_then(|k| s.next(k));
                let ends = after.is_none()
                    || s.is_punct(after)
                        && matches!(s.raw(after.unwrap_or(i)), "." | "," | "?" | "!" | ";")
                    || s.has(after, PREP | CONJ);
                let hw = s.wo(head);
                let transitive = tp & (VERB | VERB_3SG | VERB_PAST | MAY_VERB) != 0
                    && tp
                        & (VERB_CLAUSE | BE | HAVE | MODAL | DO | NOUN | PREP | SUBORD | ADJ | ADV)
                        == 0
                    && !clause_verb(wp)
                    && !crate::lexicon::in_list!("confusable/clause_object_verbs.txt", wp);
                let question_be = s.has(p, BE)
                    && (s.raw(s.end - 1) == "?")
                    && s.has(p.and_then(|k| s.prev(k)), WH);
                if (transitive || question_be)
                    && ends
                    && !matches!(
                        hw,
                        "time"
                            | "nothing"
                            | "something"
                            | "everything"
                            | "one"
                            | "fine"
                            | "okay"
                            | "ok"
                    )
                    && !is_capitalized(s.raw(head.unwrap_or(i)))
                {
                    return sure("its");
                }
            }
            // "It's benefits are numerous": a noun that is the subject of the next verb.
            if !is_capitalized(s.raw(n1.unwrap_or(i))) || s.is_first_word(i) {
                let (head, after) = if s.has(n1, ADJ | SUP | MAY_ADJ) && !pos::is_nounish(w1) {
                    (n2, n2.and_then(|k| s.next(k)))
                } else {
                    (n1, n2)
                };
                if let Some(h) = head {
                    let hw = s.w(h);
                    if pos::is_nounish(hw)
                        && !is_capitalized(s.raw(h))
                        && !matches!(hw, "time" | "nothing" | "something" | "everything" | "one")
                        && s.is_word(after)
                        && matches!(s.wo(after), "is" | "are" | "was" | "were" | "has" | "have")
                    {
                        return sure("its");
                    }
                }
            }
            return None;
        }
        // w == "its"
        let t1 = s.t(n1);
        if matches!(
            w1,
            "a" | "an" | "the" | "my" | "your" | "his" | "our" | "their"
        ) {
            return sure("it's");
        }
        if matches!(w1, "been" | "gonna") {
            return sure("it's");
        }
        if t1 & PRON_INDEF != 0 {
            return sure("it's");
        }
        if w1 == "not" && !(s.has(n2, ADJ | MAY_ADJ) && noun_phrase(s, n2)) {
            return sure("it's");
        }
        if w1 == "going" && w2 == "to" {
            let n3 = n2.and_then(|k| s.next(k));
            if s.has(n3, VERB) {
                return sure("it's");
            }
        }
        if matches!(w1, "had" | "got") && s.has(n2, DET | POSS | PRON_INDEF | VERB_PART) {
            return sure("it's");
        }
        let medium = strong_start(s, i) || matches!(wp, "and" | "but" | "or" | "so" | "then");
        if medium
            && s.has(n1, ADV_DEGREE)
            && pred_adj(s, n2)
            && predicate_end(s, n2.and_then(|k| s.next(k)), true)
        {
            return sure("it's");
        }
        let strong = strong_start(s, i);
        if !strong {
            return None;
        }
        if matches!(w1, "where" | "when" | "why" | "how" | "because" | "like") && s.is_word(n2) {
            return sure("it's");
        }
        if w1 == "time" && w2 == "to" {
            return sure("it's");
        }
        if matches!(w1, "called" | "named" | "titled") {
            return sure("it's");
        }
        if w1 == "that" && pred_adj(s, n2) && predicate_end(s, n2.and_then(|k| s.next(k)), true) {
            return sure("it's");
        }
        // "Its hard to explain", "its okay."
        if pred_adj(s, n1) && predicate_end(s, n2, true) {
            return sure("it's");
        }
        if s.has(n1, ADV_DEGREE)
            && pred_adj(s, n2)
            && predicate_end(s, n2.and_then(|k| s.next(k)), true)
        {
            return sure("it's");
        }
        // "Its removing the errors."
        if s.is_first_word(i)
            && s.has(n1, VERB_ING)
            && !s.has(n1, NOUN)
            && s.has(n2, DET | POSS | PRON_OBJ)
        {
            return maybe("it's");
        }
        // "I think its Google, not Microsoft."
        if clause_verb(wp) && n1.is_some_and(|k| is_capitalized(s.raw(k))) {
            let mut k = n1;
            while k.is_some_and(|x| s.is_word(Some(x)) && is_capitalized(s.raw(x))) {
                k = k.and_then(|x| s.next(x));
            }
            if k.is_none()
                || s.is_punct(k)
                || s.has(k, NUM)
                || matches!(s.wo(k), "this" | "next" | "last" | "who" | "that")
            {
                return sure("it's");
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::run;

    #[test]
    fn fires() {
        let got = run("The state lost control of it's own economy.");
        assert_eq!(got, [("it's".to_string(), "its".to_string())]);
    }

    #[test]
    fn stays_silent() {
        assert!(run("The party kept its own press.").is_empty());
        assert!(run("After all it's only a draft.").is_empty());
    }
}
