//! The were / where detector of the `confusable` rule: grammatical contexts that decide
//! between the members where word statistics cannot see.

use super::*;

impl Confusable {
    pub(super) fn were_where(&self, s: &Sent, i: usize, w: &str) -> Option<Hit> {
        let Around { n1, w1, n2, p, wp } = Around::of(s, i);
        if w == "where" {
            if matches!(wp, "we" | "they") && s.is_word(n1) && !s.has(n1, PRON_SUBJ) {
                return sure("were");
            }
            if wp == "you"
                && s.is_word(n1)
                && p.is_some_and(|k| {
                    s.is_first_word(k) || s.is_punct(s.prev(k)) || s.has(s.prev(k), SUBORD | CONJ)
                })
                && !s.has(n1, PRON_SUBJ | POSS | MODAL)
                && (s.has(n1, VERB_ING | VERB_PART | ADJ | DET | ADV)
                    || matches!(w1, "supposed" | "able"))
            {
                return sure("were");
            }
            if s.is_first_word(i)
                && matches!(w1, "you" | "they" | "we")
                && (s.has(n2, VERB_ING)
                    || matches!(s.wo(n2), "able" | "unable" | "supposed" | "aware" | "sure"))
            {
                return sure("were");
            }
            if wp == "there"
                && p.is_some_and(|k| s.is_first_word(k))
                && s.is_word(n1)
                && !s.has(n1, DET | POSS | PRON_SUBJ | PRON_OBJ | WH)
                && (s.has(n1, ADJ | QUANT | NUM) || (w1.ends_with('s') && pos::is_nounish(w1)))
            {
                return sure("were");
            }
            return None;
        }
        // were
        if s.is_first_word(i) {
            if s.has(n1, BE) && !s.has(n1, VERB_PART) {
                return sure("we");
            }
            if s.has(n1, MODAL) && s.has(n2, PRON_SUBJ) {
                return sure("where");
            }
            return None;
        }
        if matches!(wp, "is" | "that's" | "this's" | "here's" | "what's") && s.is_word(n1) {
            return sure("where");
        }
        if (matches!(wp, "to" | "from") || pure_prep(wp) && s.is_word(p) && wp != "for")
            && (s.has(n1, PRON_SUBJ | DET))
            && !s.has(n1, NOUN)
        {
            return sure("where");
        }
        // "I know were the bug is", "Check were the error occurred".
        let obj_after_verb = matches!(wp, "me" | "him" | "us" | "them")
            && s.has(p.and_then(|k| s.prev(k)), ANY_VERB | VERB_CLAUSE);
        let verb_prev = obj_after_verb
            || s.has(p, ANY_VERB | VERB_CLAUSE)
                && !s.has(p, BE | HAVE | MODAL | DO | NOUN | PRON_SUBJ)
                && !s.has(p.and_then(|k| s.prev(k)), DET | POSS);
        if verb_prev {
            let subj_pron = s.has(n1, PRON_SUBJ) && !matches!(w1, "you" | "it") || w1 == "i";
            if (subj_pron || matches!(w1, "you" | "it"))
                && s.has(n2, ANY_VERB | BE | HAVE | MODAL | MAY_VERB)
                && !s.has(n2, NOUN | VERB_ING)
            {
                return sure("where");
            }
            if matches!(
                w1,
                "the" | "my" | "his" | "her" | "your" | "our" | "their" | "a" | "an"
            ) {
                let mut k = n2;
                if s.has(k, ADJ) && !s.has(k, NOUN) {
                    k = k.and_then(|x| s.next(x));
                }
                if s.is_word(k) && pos::is_nounish(s.wo(k)) {
                    let v = k.and_then(|x| s.next(x));
                    if finite_at(s, v) && !s.has(v, VERB_ING) {
                        return sure("where");
                    }
                }
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
        let got = run("Historians still argue about were the order came from.");
        assert_eq!(got, [("were".to_string(), "where".to_string())]);
    }

    #[test]
    fn stays_silent() {
        assert!(run("Where were the delegates when the vote was taken?").is_empty());
    }
}
