//! The to / too / two detector of the `confusable` rule: grammatical contexts that decide
//! between the members where word statistics cannot see.

use super::*;

impl Confusable {
    pub(super) fn to_too(&self, s: &Sent, i: usize, w: &str) -> Option<Hit> {
        let Around { n1, w1, n2, p, wp } = Around::of(s, i);
        let w2 = s.wo(n2);
        match w {
            "two" => {
                if matches!(w1, "much" | "many") && !s.has(p, DET) {
                    return sure("too");
                }
                None
            }
            "too" => {
                if w1 == "o'clock" {
                    return sure("two");
                }
                // "too 37 seconds", "too ten new locations"
                if s.has(n1, NUM) && !s.has(n1, QUANT) {
                    let raw = s.raw(n1.unwrap_or(i));
                    let digits: String = raw.chars().take_while(|c| c.is_ascii_digit()).collect();
                    let decade = raw.ends_with('s')
                        && w2 != "of"
                        && (digits.len() == 2
                            || (digits.len() == 4
                                && digits.ends_with('0')
                                && (&digits[..2] >= "11" && &digits[..2] <= "20")));
                    let hyphen = s.is_punct(n2) && s.raw(n2.unwrap_or(i)) == "-";
                    if !decade && (!hyphen || s.has(n2.and_then(|k| s.next(k)), NUM)) {
                        return sure("to");
                    }
                }
                if matches!(
                    w1,
                    "a" | "an"
                        | "the"
                        | "my"
                        | "your"
                        | "his"
                        | "our"
                        | "their"
                        | "every"
                        | "all"
                        | "him"
                        | "them"
                        | "us"
                ) && s.is_word(p)
                    && !matches!(wp, "so" | "me" | "and" | "but" | "not")
                {
                    return sure("to");
                }
                // "I want too go", "I would like her too do it".
                if (pos::is_verb_base_only(w1)
                    || matches!(w1, "do" | "be" | "have" | "go" | "get" | "make" | "see"))
                    && !s.is_punct(p)
                    && (s.has(p, VERB_INF | VERB | VERB_3SG | VERB_PAST) && !s.has(p, NOUN)
                        || matches!(wp, "him" | "her" | "them" | "us" | "me" | "how" | "order"))
                    && !s.has(p, PRON_SUBJ | MODAL | BE)
                {
                    return sure("to");
                }
                // "chose not too due to", "decided not too."
                if wp == "not" && s.has(p.and_then(|k| s.prev(k)), VERB_INF) {
                    let follows = n1.is_none()
                        || matches!(w1, "due" | "because" | "since" | "as" | "but" | "and")
                        || (s.is_punct(n1) && matches!(s.raw(n1.unwrap_or(i)), "." | "," | ";"));
                    if follows {
                        return sure("to");
                    }
                }
                None
            }
            _ => {
                // w == "to"
                if wp == "," && s.at_end(i) && s.is_word(p.and_then(|k| s.prev(k))) {
                    return sure("too");
                }
                let degree_prev = s.has(p, BE)
                    || matches!(
                        wp,
                        "not"
                            | "isn't"
                            | "wasn't"
                            | "aren't"
                            | "weren't"
                            | "way"
                            | "much"
                            | "far"
                            | "seem"
                            | "seems"
                            | "seemed"
                            | "look"
                            | "looks"
                            | "looked"
                            | "feel"
                            | "feels"
                            | "felt"
                            | "get"
                            | "gets"
                            | "got"
                            | "getting"
                            | "became"
                            | "become"
                            | "becomes"
                            | "grew"
                            | "remains"
                            | "remained"
                            | "sound"
                            | "sounds"
                            | "sounded"
                    )
                    || (wp.ends_with("'s")
                        && matches!(wp, "it's" | "that's" | "he's" | "she's" | "this's"))
                    || (s.is_first_word(i) && s.is_word(n1));
                if !s.is_word(n1) {
                    return None;
                }
                // "She returned to quickly."
                if w1.ends_with("ly")
                    && (s.has(n1, ADV) || pos::is(&w1[..w1.len() - 2], ADJ | MAY_ADJ))
                    && s.at_end(n1.unwrap_or(i))
                    && s.has(p, VERB | VERB_PAST | VERB_3SG | MAY_VERB)
                    && !s.has(p, NOUN | PREP)
                    && !matches!(
                        w1,
                        "only"
                            | "early"
                            | "likely"
                            | "family"
                            | "fly"
                            | "july"
                            | "italy"
                            | "rely"
                            | "apply"
                            | "reply"
                            | "supply"
                            | "ally"
                            | "bully"
                            | "belly"
                    )
                {
                    return maybe("too");
                }
                if !degree_prev {
                    return None;
                }
                let degree_adv = matches!(
                    w1,
                    "soon"
                        | "late"
                        | "early"
                        | "often"
                        | "long"
                        | "far"
                        | "fast"
                        | "quickly"
                        | "slowly"
                        | "easily"
                        | "closely"
                        | "hard"
                        | "much"
                        | "many"
                        | "little"
                        | "few"
                );
                let adj = degree_adv || pred_adj(s, n1) && !s.has(n1, MAY_VERB);
                if !adj {
                    return None;
                }
                let first = s.is_first_word(i);
                let follow_ok = if first {
                    matches!(w2, "that")
                        || (s.is_punct(n2) && matches!(s.raw(n2.unwrap()), "!" | "."))
                } else if matches!(w1, "much" | "many" | "few" | "little") {
                    predicate_end(s, n2, true) && w2 != "that"
                } else {
                    predicate_end(s, n2, true)
                        || matches!(w2, "from" | "in" | "with" | "ago" | "away")
                };
                if follow_ok {
                    return sure("too");
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
        let got = run("Lenin chose not too due to his illness.");
        assert_eq!(got, [("too".to_string(), "to".to_string())]);
    }

    #[test]
    fn stays_silent() {
        assert!(run("The policy was too harsh, and the peasants suffered too.").is_empty());
        assert!(run("I too have read the letters.").is_empty());
    }
}
