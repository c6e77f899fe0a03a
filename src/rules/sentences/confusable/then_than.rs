//! The then / than detector of the `confusable` rule: grammatical contexts that decide
//! between the members where word statistics cannot see.

use super::*;

impl Confusable {
    pub(super) fn then_than(&self, s: &Sent, i: usize, w: &str) -> Option<Hit> {
        let Around { n1, w1, p, wp, .. } = Around::of(s, i);
        if w == "then" {
            if !s.is_word(p) || !s.is_wordlike(n1) {
                return None;
            }
            let verbish = |k: Option<usize>| {
                s.has(
                    k,
                    VERB_PAST | VERB_3SG | MODAL | BE | HAVE | DO | VERB | MAY_VERB | PRON_SUBJ,
                ) && !s.has(k, PRON_OBJ | DET | POSS | NUM | QUANT)
            };
            let wpp = s.wo(p.and_then(|k| s.prev(k)));
            if wp == "rather" && !s.has(p.and_then(|k| s.prev(k)), MODAL) && !wpp.ends_with("'d") {
                return sure("than");
            }
            if wp == "other" && !verbish(n1) {
                return sure("than");
            }
            if wp == "said" && w1 == "done" {
                return sure("than");
            }
            let comp = |k: Option<usize>| {
                s.has(k, COMP)
                    && !matches!(s.wo(k), "other" | "rather" | "further" | "later" | "former")
            };
            let n2 = n1.and_then(|k| s.next(k));
            let clause_cmp = (s.has(n1, PRON_SUBJ) || w1 == "one")
                && (s.has(n2, MODAL | HAVE)
                    || matches!(
                        s.wo(n2),
                        "ever"
                            | "expected"
                            | "thought"
                            | "imagined"
                            | "anticipated"
                            | "predicted"
                            | "realized"
                            | "think"
                            | "expect"
                            | "imagine"
                    ));
            let obj_like = s.has(n1, PRON_OBJ | DET | POSS | NUM | QUANT | PRON_INDEF | PRON)
                || w1.ends_with("'d")
                || clause_cmp
                || matches!(
                    w1,
                    "ever" | "usual" | "expected" | "before" | "anyone" | "mine"
                )
                || n1.is_some_and(|k| is_capitalized(s.raw(k)))
                || pos::is_nounish(w1) && !verbish(n1);
            let subj_only = s.has(n1, PRON_SUBJ) && !s.has(n1, PRON_OBJ) && !clause_cmp;
            if comp(p) && obj_like && !subj_only {
                return sure("than");
            }
            // "more talented then her", "a less controversial decision then one would think"
            if obj_like && !subj_only && (!verbish(n1) || clause_cmp) {
                let mut k = p;
                for _ in 0..3 {
                    let Some(x) = k else { break };
                    if !s.is_word(Some(x)) {
                        break;
                    }
                    let wx = s.w(x);
                    if matches!(wx, "more" | "less" | "fewer") && x != p.unwrap_or(x) {
                        return sure("than");
                    }
                    let tx = s.t(Some(x));
                    if tx & (ADJ | MAY_ADJ | ADV | NOUN | MAY_NOUN | MAY_PAST) == 0
                        || tx & (BE | HAVE | MODAL | PRON_SUBJ | DET | PREP) != 0
                    {
                        break;
                    }
                    k = s.prev(x);
                }
            }
            if wp == "later" && s.has(n1, PRON_OBJ | DET) && !s.has(n1, PRON_SUBJ) {
                return sure("than");
            }
            // "better companies then GE"
            let pp = p.and_then(|k| s.prev(k));
            if comp(pp) && wp.ends_with('s') && pos::is_nounish(wp) && obj_like && !verbish(n1) {
                return maybe("than");
            }
            return None;
        }
        // than
        if s.is_first_word(i) && s.is_word(n1) {
            return sure("then");
        }
        if matches!(
            wp,
            "since" | "from" | "until" | "till" | "back" | "now" | "and" | "by" | "just"
        ) || wp == ","
        {
            // A comparison earlier in the sentence makes "than" right.
            let strong =
                matches!(wp, "since" | "until" | "till" | "back") || (wp == "from" && w1 == "on");
            if strong && s.is_word(p) {
                return sure("then");
            }
            let compared = (s.start..i).any(|k| {
                let wk = s.w(k);
                s.has(Some(k), COMP) || super::comparison::licenses_than(wk)
            });
            if compared {
                return None;
            }
            match wp {
                "since" | "from" | "until" | "till" | "back" | "by" | "just" => {
                    if matches!(wp, "from") && w1 != "on" {
                        return None;
                    }
                    return sure("then");
                }
                "now" => {
                    if s.at_end(i) || matches!(w1, "," | "on") || !s.is_word(n1) {
                        return sure("then");
                    }
                }
                "and" => {
                    let after_now = s.wo(p.and_then(|k| s.prev(k))) == "now";
                    if after_now || pos::is_verb_base_only(w1) || s.has(n1, PRON_SUBJ) {
                        return sure("then");
                    }
                }
                _ => {
                    // ", than we need", ", than, becomes"
                    if s.has(n1, PRON_SUBJ) && !s.has(n1, PRON_OBJ) || w1 == "," || w1 == "there" {
                        return sure("then");
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
        let got = run("The harvest of 1932 was smaller then the harvest of 1930.");
        assert_eq!(got, [("then".to_string(), "than".to_string())]);
    }

    #[test]
    fn stays_silent() {
        assert!(run("The output was higher than expected, and then it fell.").is_empty());
    }
}
