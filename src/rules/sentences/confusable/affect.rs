//! The affect / effect detector of the `confusable` rule: grammatical contexts that decide
//! between the members where word statistics cannot see.

use super::*;

impl Confusable {
    pub(super) fn affect(&self, s: &Sent, i: usize, w: &str) -> Option<Hit> {
        let Around { n1, w1, n2, p, wp } = Around::of(s, i);
        let pp = p.and_then(|k| s.prev(k));
        let wpp = s.wo(pp);
        let plural = w.ends_with('s');
        match w {
            "affect" | "affects" => {
                let repl = if plural { "effects" } else { "effect" };
                if wp == "side" || (wp == "-" && wpp == "side") {
                    return sure(repl);
                }
                if wp == "and" && wpp == "cause" {
                    return sure(repl);
                }
                if matches!(wp, "take" | "takes" | "took" | "taken" | "taking" | "into") && !plural
                {
                    return sure(repl);
                }
                if wp == "no"
                    && (matches!(wpp, "to" | "had" | "has" | "have")
                        || matches!(w1, "on" | "upon" | "whatsoever"))
                {
                    return sure(repl);
                }
                if wp == "in"
                    && (s.has(pp, BE) || matches!(wpp, "remain" | "remains" | "remained" | "still"))
                {
                    return sure(repl);
                }
                let det_adj = matches!(
                    wp,
                    "an" | "the"
                        | "any"
                        | "some"
                        | "little"
                        | "same"
                        | "big"
                        | "bigger"
                        | "great"
                        | "greater"
                        | "huge"
                        | "major"
                        | "profound"
                        | "significant"
                        | "lasting"
                        | "direct"
                        | "immediate"
                        | "adverse"
                        | "real"
                        | "strong"
                        | "minimal"
                        | "negligible"
                        | "dramatic"
                        | "serious"
                        | "opposite"
                        | "desired"
                        | "overall"
                        | "harmful"
                        | "detrimental"
                        | "beneficial"
                        | "large"
                        | "larger"
                        | "small"
                        | "noticeable"
                        | "tremendous"
                        | "enormous"
                        | "ripple"
                        | "domino"
                        | "greatest"
                        | "biggest"
                        | "its"
                        | "their"
                        | "these"
                        | "those"
                );
                if det_adj && matches!(w1, "on" | "upon") {
                    return sure(repl);
                }
                if plural && wp == "the" && w1 == "of" {
                    return sure(repl);
                }
                if matches!(
                    wp,
                    "immediate" | "lasting" | "adverse" | "harmful" | "desired"
                ) && (n1.is_none() || s.is_punct(n1))
                {
                    return sure(repl);
                }
                None
            }
            _ => {
                // effect, effected, effects
                const CAUSED: &[&str] = &[
                    "change",
                    "changes",
                    "reform",
                    "reforms",
                    "transformation",
                    "transformations",
                    "transition",
                    "cure",
                    "escape",
                    "rescue",
                    "repair",
                    "repairs",
                    "compromise",
                    "settlement",
                    "entry",
                    "recovery",
                    "improvement",
                    "improvements",
                    "solution",
                    "revolution",
                    "shift",
                    "shifts",
                    "transfer",
                    "reconciliation",
                    "merger",
                    "union",
                    "release",
                    "withdrawal",
                    "turnaround",
                    "coup",
                ];
                let caused = |k: Option<usize>| CAUSED.contains(&s.wo(k));
                let obj = s.has(n1, DET | POSS | PRON_OBJ | QUANT)
                    && !caused(n2)
                    && !caused(n2.and_then(|k| s.next(k)))
                    && !caused(n1)
                    && w1 != "it";
                let adverb = wp.ends_with("ly")
                    && s.is_word(p)
                    && matches!(
                        wp,
                        "adversely"
                            | "negatively"
                            | "positively"
                            | "greatly"
                            | "directly"
                            | "seriously"
                            | "badly"
                            | "deeply"
                            | "significantly"
                            | "strongly"
                            | "severely"
                            | "profoundly"
                            | "heavily"
                            | "drastically"
                            | "dramatically"
                            | "indirectly"
                            | "disproportionately"
                            | "personally"
                            | "emotionally"
                            | "negatively,"
                            | "really"
                            | "majorly"
                            | "hugely"
                    );
                match w {
                    "effect" => {
                        if (s.has(p, MODAL) || is_contraction_nt(wp))
                            && (obj || s.has(n1, PRON_OBJ) && w1 != "it")
                        {
                            return sure("affect");
                        }
                        if adverb && (obj || s.has(n1, PRON_OBJ)) {
                            return sure("affect");
                        }
                        if wp == "to" && obj && s.has(pp, VERB | VERB_3SG | VERB_PAST | ADJ) {
                            return maybe("affect");
                        }
                        None
                    }
                    "effected" => {
                        if adverb && !caused(n1) {
                            return sure("affected");
                        }
                        if (matches!(wp, "have" | "has" | "had") || wp.ends_with("'ve")) && obj {
                            return sure("affected");
                        }
                        if s.has(p, BE)
                            && matches!(wpp, "was" | "were" | "been" | "be" | "is" | "are")
                        {
                            return None;
                        }
                        None
                    }
                    "effects" => {
                        if matches!(wp, "it" | "this" | "that" | "he" | "she")
                            && obj
                            && s.is_word(p)
                        {
                            return maybe("affects");
                        }
                        None
                    }
                    _ => None,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::run;

    #[test]
    fn fires() {
        let got = run("The famine had an affect on every village.");
        assert_eq!(got, [("affect".to_string(), "effect".to_string())]);
    }

    #[test]
    fn stays_silent() {
        assert!(run(
            "The effect of the famine was lasting; it will affect the region for decades."
        )
        .is_empty());
        assert!(run("Reforms were meant to effect change.").is_empty());
    }
}
