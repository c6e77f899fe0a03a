//! The your / you're detector of the `confusable` rule: grammatical contexts that decide
//! between the members where word statistics cannot see.

use super::*;

impl Confusable {
    pub(super) fn your(&self, s: &Sent, i: usize, w: &str) -> Option<Hit> {
        let Around { n1, w1, n2, p, wp } = Around::of(s, i);
        if w == "you're" {
            if w1 == "own" {
                return sure("your");
            }
            if pure_prep(wp) && s.is_word(p) && noun_phrase(s, n1) {
                return sure("your");
            }
            if matches!(wp, "that's" | "it's") && noun_phrase(s, n1) {
                return sure("your");
            }
            if s.is_first_word(i)
                && s.is_word(n1)
                && !is_capitalized(s.raw(n1.unwrap_or(i)))
                && pos::is_noun_only(w1)
                && s.has(n2, BE | MODAL | HAVE)
            {
                return sure("your");
            }
            return None;
        }
        // your
        if matches!(w1, "a" | "an" | "the") {
            return sure("you're");
        }
        if w1 == "not" && !s.has(n2, VERB_ING) {
            return sure("you're");
        }
        if !strong_start(s, i) {
            return None;
        }
        if s.is_first_word(i) && w1 == "welcome" && s.at_end(n1.unwrap_or(i)) {
            return sure("you're");
        }
        let adj_only = |k: Option<usize>| pred_adj(s, k);
        let adj_loose = |k: Option<usize>| {
            s.is_word(k)
                && s.has(k, ADJ)
                && !s.has(k, ANY_VERB)
                && !matches!(
                    s.wo(k),
                    "own"
                        | "best"
                        | "worst"
                        | "first"
                        | "last"
                        | "next"
                        | "only"
                        | "whole"
                        | "other"
                        | "very"
                )
        };
        if adj_only(n1) && predicate_end(s, n2, true) {
            return sure("you're");
        }
        if adj_loose(n1)
            && (n2.is_none()
                || s.is_punct(n2) && matches!(s.raw(n2.unwrap_or(i)), "," | "." | "!" | "?")
                || s.wo(n2) == "but")
        {
            return sure("you're");
        }
        if s.has(n1, ADV_DEGREE)
            && (adj_only(n2) || s.has(n2, VERB_ING | MAY_ING | MAY_ADJ | ADJ))
            && predicate_end(s, n2.and_then(|k| s.next(k)), true)
        {
            return sure("you're");
        }
        if !s.is_first_word(i)
            && s.has(n1, VERB_ING | MAY_ING)
            && !s.has(n1, NOUN)
            && (s.has(n2, DET | POSS | PREP | PRON_OBJ | QUANT | NUM)
                || matches!(
                    w1,
                    "using"
                        | "going"
                        | "doing"
                        | "getting"
                        | "trying"
                        | "making"
                        | "taking"
                        | "looking"
                        | "planning"
                        | "thinking"
                ) && s.is_word(n2)
                    && !finite_at(s, n2))
            && !s.has(n2, BE | MODAL)
        {
            return maybe("you're");
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::run;

    #[test]
    fn fires() {
        let got = run("If your reading this, the archive is open.");
        assert_eq!(got, [("your".to_string(), "you're".to_string())]);
    }

    #[test]
    fn stays_silent() {
        assert!(run("You're right that your argument needs a source.").is_empty());
    }
}
