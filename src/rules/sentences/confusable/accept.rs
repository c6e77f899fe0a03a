//! The accept / except detector of the `confusable` rule: grammatical contexts that decide
//! between the members where word statistics cannot see.

use super::*;

impl Confusable {
    pub(super) fn accept(&self, s: &Sent, i: usize, w: &str) -> Option<Hit> {
        let Around { n1, w1, n2, p, wp } = Around::of(s, i);
        let w2 = s.wo(n2);
        let _ = &w2;
        if w == "except" {
            if wp == "please" {
                return sure("accept");
            }
            let before = s.has(p, MODAL) && s.is_word(p)
                || wp == "to"
                    && s.has(p.and_then(|k| s.prev(k)), VERB | VERB_3SG | VERB_PAST | ADJ)
                || is_contraction_nt(wp)
                || matches!(wp, "i" | "we" | "they");
            if before
                && (s.has(n1, POSS) || matches!(w1, "this" | "these" | "it" | "them" | "him"))
                && !s.has(n1, PREP)
            {
                return sure("accept");
            }
            return None;
        }
        // accept
        if wp == "(" {
            return sure("except");
        }
        if w1 == "for"
            && matches!(
                w2,
                "the"
                    | "that"
                    | "a"
                    | "an"
                    | "one"
                    | "this"
                    | "those"
                    | "these"
                    | "some"
                    | "when"
                    | "him"
                    | "her"
                    | "them"
                    | "me"
                    | "us"
            )
            && !s.has(p, PRON_SUBJ | MODAL | NEG)
            && !is_contraction_nt(wp)
            && wp != "to"
            && s.is_word(p)
        {
            return sure("except");
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::run;

    #[test]
    fn fires() {
        let got = run("Please except my apologies for the delay.");
        assert_eq!(got, [("except".to_string(), "accept".to_string())]);
    }

    #[test]
    fn stays_silent() {
        assert!(run("Everyone except Trotsky agreed to accept the terms.").is_empty());
    }
}
