//! The "could of" for "could have", and "turning of" for "turning on" detector of the `confusable` rule: grammatical contexts that decide
//! between the members where word statistics cannot see.

use super::*;

impl Confusable {
    pub(super) fn could_of(&self, s: &Sent, i: usize) -> Option<Hit> {
        let p = s.prev(i)?;
        let wp = s.w(p);
        if !matches!(wp, "could" | "would" | "should" | "might" | "must" | "may") {
            return None;
        }
        if wp == "may" && is_capitalized(s.raw(p)) && !s.is_first_word(p) {
            return None;
        }
        let n1 = s.next(i);
        if s.is_word(n1) && (pos::is_participle(s.wo(n1)) || s.has(n1, VERB_PART)) {
            return sure("have");
        }
        None
    }

    /// "turning of policies" for "turning on": a verb that takes "on", followed by "of".
    pub(super) fn verb_on(&self, s: &Sent, i: usize) -> Option<Hit> {
        let p = s.prev(i)?;
        let wp = s.w(p);
        let stem = wp.strip_suffix("ing")?;
        if !matches!(
            stem,
            "turn"
                | "rely"
                | "depend"
                | "focus"
                | "focuss"
                | "insist"
                | "comment"
                | "dwell"
                | "concentrat"
                | "elaborat"
                | "embark"
                | "capitaliz"
                | "capitalis"
                | "reflect"
                | "impinging"
        ) {
            return None;
        }
        let pp = s.prev(p);
        if s.has(pp, DET | POSS | ADJ) || !s.is_word(pp) {
            return None;
        }
        let n1 = s.next(i);
        if s.has(n1, DET | POSS | PRON_OBJ) || s.is_word(n1) && pos::is_nounish(s.wo(n1)) {
            return maybe("on");
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::run;

    #[test]
    fn fires() {
        let got = run("Trotsky could of stayed in Moscow.");
        assert_eq!(got, [("of".to_string(), "have".to_string())]);
    }

    #[test]
    fn stays_silent() {
        assert!(run("Most of the delegates could have stayed.").is_empty());
    }
}
