//! The lose / loose detector of the `confusable` rule: grammatical contexts that decide
//! between the members where word statistics cannot see.

use super::*;

impl Confusable {
    pub(super) fn lose(&self, s: &Sent, i: usize, w: &str) -> Option<Hit> {
        let Around { n1, w1, n2, p, wp } = Around::of(s, i);
        let w2 = s.wo(n2);
        const LOST_THINGS: &[&str] = &[
            "weight",
            "money",
            "sight",
            "control",
            "track",
            "interest",
            "hope",
            "faith",
            "touch",
            "ground",
            "face",
            "patience",
            "time",
            "everything",
            "anything",
            "something",
            "nothing",
            "power",
            "support",
            "votes",
            "jobs",
            "lives",
            "respect",
            "focus",
        ];
        match w {
            "loose" => {
                let before = s.has(p, MODAL)
                    || is_contraction_nt(wp)
                    || matches!(
                        wp,
                        "to" | "i"
                            | "we"
                            | "they"
                            | "you"
                            | "never"
                            | "always"
                            | "not"
                            | "often"
                            | "will"
                            | "might"
                            | "may"
                    );
                let after = s.has(n1, DET | POSS | PRON_OBJ)
                    || LOST_THINGS.contains(&w1)
                    || (matches!(w1, "so" | "too") && matches!(w2, "much" | "many"));
                if before && ((after && w1 != "the") || (w1 == "the" && wp != "to")) {
                    return sure("lose");
                }
                if before && w1 == "the" {
                    return maybe("lose");
                }
                None
            }
            "looses" => {
                if matches!(wp, "he" | "she" | "it" | "who" | "that")
                    && (s.has(n1, DET | POSS | PRON_OBJ) || LOST_THINGS.contains(&w1))
                {
                    return sure("loses");
                }
                None
            }
            "loosing" => {
                if s.has(n1, POSS | PRON_OBJ)
                    || LOST_THINGS.contains(&w1)
                    || (s.has(n1, DET) && w1 != "the" && !s.has(p, DET))
                    || (s.has(p, DET)
                        && matches!(
                            w1,
                            "season"
                                | "battle"
                                | "game"
                                | "streak"
                                | "record"
                                | "team"
                                | "side"
                                | "proposition"
                                | "war"
                                | "fight"
                                | "money"
                        ))
                {
                    return sure("losing");
                }
                None
            }
            _ => {
                // lose
                let breaks = matches!(
                    wp,
                    "broke"
                        | "break"
                        | "breaks"
                        | "breaking"
                        | "knocked"
                        | "cut"
                        | "set"
                        | "come"
                        | "came"
                        | "comes"
                        | "coming"
                        | "shake"
                        | "shook"
                        | "tore"
                        | "tear"
                        | "pulled"
                        | "worked"
                        | "turned"
                        | "let"
                );
                let ends = n1.is_none()
                    || s.is_punct(n1)
                    || matches!(w1, "from" | "of" | "and" | "in" | "on" | "again" | "with");
                if breaks && ends {
                    return sure("loose");
                }
                if wp == "the" && s.wo(p.and_then(|k| s.prev(k))) == "on" && ends {
                    return sure("loose");
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
        let got = run("The party did not want to loose the support of the workers.");
        assert_eq!(got, [("loose".to_string(), "lose".to_string())]);
    }

    #[test]
    fn stays_silent() {
        assert!(run("The prisoners broke loose and the guards could lose their posts.").is_empty());
    }
}
