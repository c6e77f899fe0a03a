//! The whose / who's detector of the `confusable` rule: grammatical contexts that decide
//! between the members where word statistics cannot see.

use super::*;

impl Confusable {
    pub(super) fn whose(&self, s: &Sent, i: usize, w: &str) -> Option<Hit> {
        let Around { n1, w1, n2, .. } = Around::of(s, i);
        let w2 = s.wo(n2);
        if w == "whose" {
            if matches!(
                w1,
                "the"
                    | "a"
                    | "an"
                    | "not"
                    | "been"
                    | "going"
                    | "coming"
                    | "there"
                    | "here"
                    | "at"
                    | "on"
                    | "to"
            ) && !(s.is_punct(n2) && s.raw(n2.unwrap_or(i)) == "-")
            {
                return sure("who's");
            }
            return None;
        }
        // who's
        if !s.is_word(n1) || is_capitalized(s.raw(n1.unwrap_or(i))) {
            return None;
        }
        let t1 = s.t(n1);
        if t1 & (FUNCTION | ADV | ADV_DEGREE | VERB_ING | MAY_ING | VERB_PART | NUM) != 0 {
            return None;
        }
        if (t1 & (ADJ | SUP | MAY_ADJ) != 0 || pos::is_adj_only(w1))
            && !matches!(
                w1,
                "next"
                    | "new"
                    | "right"
                    | "wrong"
                    | "first"
                    | "last"
                    | "responsible"
                    | "ready"
                    | "able"
            )
        {
            if s.is_word(n2) && pos::is_nounish(w2) && !s.has(n2, VERB_ING | MAY_ING) {
                return sure("whose");
            }
            if pos::is_nounish(w1) && !s.has(n1, ADJ) {
                // an adjective that may also be a noun: fall through
            } else {
                return None;
            }
        }
        if pos::is_nounish(w1) && !s.has(n1, ADJ | MAY_ADJ) {
            let plural = looks_plural(w1);
            let after_verb = finite_at(s, n2)
                || (plural && s.has(n2, MAY_PAST) && !s.has(n2, NOUN | ADJ))
                || matches!(w2, "that" | "this" | "these" | "those");
            let after_punct = n2.is_none() || s.is_punct(n2);
            if after_verb || (plural && after_punct && pos::is_noun_only(w1)) {
                return sure("whose");
            }
            if pos::is_noun_only(w1) && s.is_word(n2) && pos::is_nounish(w2) && !s.has(n2, PREP) {
                return maybe("whose");
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
        let got = run("Bukharin, who's ideas shaped the NEP, fell in 1929.");
        assert_eq!(got, [("who's".to_string(), "whose".to_string())]);
    }

    #[test]
    fn stays_silent() {
        assert!(run("Whose letter was it?").is_empty());
        assert!(run("Who's responsible for the famine?").is_empty());
    }
}
