//! The their / there / they're detector of the `confusable` rule: grammatical contexts that decide
//! between the members where word statistics cannot see.

use super::*;

impl Confusable {
    pub(super) fn there(&self, s: &Sent, i: usize, w: &str) -> Option<Hit> {
        let Around { n1, w1, n2, p, wp } = Around::of(s, i);
        let w2 = s.wo(n2);
        match w {
            "their" => {
                if matches!(
                    w1,
                    "is" | "are" | "was" | "were" | "isn't" | "aren't" | "wasn't" | "weren't"
                ) {
                    return sure("there");
                }
                if s.has(n1, MODAL) && w2 == "be" {
                    return sure("there");
                }
                if w1 == "going" && w2 == "to" && s.has(n2.and_then(|k| s.next(k)), VERB) {
                    return sure("they're");
                }
                if s.at_end(i)
                    && n1.is_some()
                    && matches!(
                        wp,
                        "over"
                            | "out"
                            | "in"
                            | "up"
                            | "down"
                            | "back"
                            | "from"
                            | "get"
                            | "go"
                            | "went"
                            | "been"
                            | "stay"
                            | "stayed"
                            | "live"
                            | "lived"
                            | "here"
                    )
                {
                    return maybe("there");
                }
                None
            }
            "there" => {
                if w1 == "own" {
                    return sure("their");
                }
                let noun_after = |k: Option<usize>| -> bool {
                    let Some(k) = k else { return false };
                    let w = s.w(k);
                    s.is_word(Some(k))
                        && !is_capitalized(s.raw(k))
                        && pos::is_nounish(w)
                        && !s.has(Some(k), VERB_ING | MAY_ING | VERB_PAST)
                        && !super::possessive::time_noun(w)
                };
                if matches!(
                    wp,
                    "at" | "on"
                        | "in"
                        | "with"
                        | "of"
                        | "by"
                        | "about"
                        | "for"
                        | "into"
                        | "onto"
                        | "upon"
                        | "to"
                ) && s.is_word(p)
                {
                    let np = noun_after(n1)
                        || (s.has(n1, ADJ) && !s.has(n1, ADV | NOUN) && noun_after(n2));
                    let after = if noun_after(n1) {
                        n2
                    } else {
                        n2.and_then(|k| s.next(k))
                    };
                    if np && !matches!(s.wo(after), "ago" | "before" | "later" | "earlier") {
                        return sure("their");
                    }
                }
                // "if there demands are not met"
                if (s.has(p, SUBORD | CONJ) || wp == ",")
                    && noun_after(n1)
                    && w1.ends_with('s')
                    && s.has(n2, BE | MODAL | HAVE)
                {
                    return sure("their");
                }
                // "I hope there going to win"
                if w1 == "going"
                    && w2 == "to"
                    && !s.has(p, BE | MODAL | HAVE)
                    && !matches!(wp, "is" | "are" | "was" | "were" | "be")
                    && s.has(n2.and_then(|k| s.next(k)), VERB)
                {
                    return sure("they're");
                }
                // "There where major delays"
                None
            }
            _ => {
                // they're
                if w1 == "own" {
                    return sure("their");
                }
                if matches!(w1, "is" | "was" | "are" | "were") {
                    return sure("there");
                }
                if pure_prep(wp) && s.is_word(p) && noun_phrase(s, n1) {
                    return sure("their");
                }
                if (s.has(p, BE) || matches!(wp, "that's" | "it's"))
                    && s.is_word(p)
                    && (pos::is_nounish(w1) && !s.has(n1, ADJ | MAY_ADJ) && !looks_plural(w1)
                        || (s.has(n1, SUP) && pos::is_nounish(w2)))
                {
                    return sure("their");
                }
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::run;

    #[test]
    fn fires() {
        let got = run("The peasants resented the seizure of there land.");
        assert_eq!(got, [("there".to_string(), "their".to_string())]);
    }

    #[test]
    fn stays_silent() {
        assert!(
            run("Their leaders were there when it happened, and they're still remembered.")
                .is_empty()
        );
    }
}
