//! The verb-form slot of the `confusable` rule, for the sets whose members are two forms of one
//! verb (lead / led, choose / chose): both take the same words after them, so bigram counts
//! only tell which form is commoner ("ultimately led to" would lose to "lead to"). What decides
//! is the word before: "to" wants the base form ("to choose"), "have" the participle ("has
//! led"). The model leaves such pairs to this file, which is silent where the word before
//! decides nothing. (After a modal or "do", and in a passive, the grammar rule `verb-form`
//! reports the wrong form already: "will led", "can chose", "was lead by".)

use super::model::Model;
use super::*;

/// A past form with no base reading (led, chose).
fn past_form(w: &str) -> bool {
    pos::is(w, VERB_PAST | VERB_PART) && !pos::is(w, VERB | MAY_VERB)
}

/// A base form with no past reading (lead, choose).
fn base_form(w: &str) -> bool {
    pos::is(w, VERB) && !pos::is(w, VERB_PAST | VERB_PART | MAY_PAST)
}

/// Whether `a` and `b` are the base and the past form of one verb, as the lexicon tags them
/// (in either order, with one initial letter).
pub(super) fn inflection_pair(a: &str, b: &str) -> bool {
    a.as_bytes().first() == b.as_bytes().first()
        && (past_form(a) && base_form(b) || base_form(a) && past_form(b))
}

/// Words before a verb that want its participle.
fn wants_participle(w: &str) -> bool {
    matches!(
        w,
        "has" | "have" | "had" | "having" | "hasn't" | "haven't" | "hadn't" | "'ve" | "'s"
    )
}

impl Confusable {
    /// The verdict on `w` against the members of its sets that are its other verb form:
    /// `Some(hit)` where the word before decides, `None` otherwise.
    pub(super) fn verb_form_slot(&self, s: &Sent, i: usize, w: &str) -> Option<Hit> {
        let model = Model::get();
        let p = s.prev(i);
        if !s.is_word(p) {
            return None;
        }
        let wp = s.wo(p);
        // "to" before a noun is a preposition ("to led lighting"): only before a plain verb
        // slot.
        let n1 = s.next(i);
        for set in model.sets_of(w) {
            for &a in &set.members {
                if a == w || !inflection_pair(w, a) {
                    continue;
                }
                if past_form(w) && wp == "to" {
                    if s.is_word(n1) && pos::is_nounish(s.wo(n1)) {
                        continue;
                    }
                    return sure(a);
                }
                if base_form(w) && past_form(a) && pos::is(a, VERB_PART) && wants_participle(wp) {
                    return sure(a);
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::run;
    use super::*;

    #[test]
    fn pairs_from_the_lexicon() {
        assert!(inflection_pair("lead", "led"));
        assert!(inflection_pair("chose", "choose"));
        assert!(!inflection_pair("threw", "through"));
        assert!(!inflection_pair("past", "passed"));
    }

    #[test]
    fn the_word_before_decides() {
        assert_eq!(
            run("The reform has lead to frequent disputes."),
            [("lead".to_string(), "led".to_string())]
        );
        assert_eq!(
            run("They want to chose the topics."),
            [("chose".to_string(), "choose".to_string())]
        );
    }

    #[test]
    fn stays_silent() {
        for t in [
            "The research ultimately led to the discovery.",
            "The push often led to violent disagreements.",
            "They chose whether or not to stay.",
            "Exposure to lead poisoning is common.",
            "The main pollutant was lead.",
        ] {
            assert!(run(t).is_empty(), "{t}: {:?}", run(t));
        }
    }
}
