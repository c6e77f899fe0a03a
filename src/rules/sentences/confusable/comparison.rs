//! The comparison-scope detector of the `confusable` rule, for then / than beyond the
//! neighbouring words `then_than.rs` judges: "than" needs a comparison before it in its sentence
//! (a comparative, "more", "rather", "other", "different", …), so a "than" with none is "then";
//! and a "then" inside the clause of a comparative, before what the comparison is with, is
//! "than" ("harder to find a job then to keep one"). It runs after `then_than.rs` has found
//! nothing.

use super::*;

/// Words that license a following "than" besides comparatives.
pub(super) fn licenses_than(w: &str) -> bool {
    crate::lexicon::in_list!("confusable/than_licensers.txt", w)
}

/// A comparative form: tagged so, or a word in -er on an adjective stem ("lighter", "larger",
/// "bigger", "happier"). `loose` (for licensing a "than", where a wrong licence only keeps the
/// rule silent) takes any known stem, since the lexicon does not tag every adjective ("light"
/// is a noun and a verb to it); strict (for calling a "then" "than") takes only an adjective
/// stem and no -er noun ("layer", "order").
fn comparative(s: &Sent, k: usize, loose: bool) -> bool {
    let w = s.w(k);
    if s.has(Some(k), COMP) || loose && licenses_than(w) {
        return true;
    }
    if !loose && (matches!(w, "more" | "less" | "fewer") || s.has(Some(k), NOUN | MAY_NOUN)) {
        return matches!(w, "more" | "less" | "fewer");
    }
    let Some(stem) = w.strip_suffix("er") else {
        return false;
    };
    if stem.len() < 2 {
        return false;
    }
    let adj = |x: &str| {
        (pos::is(x, ADJ | MAY_ADJ) || loose && pos::is(x, KNOWN)) && !pos::is(x, FUNCTION)
    };
    let b = stem.as_bytes();
    let undoubled =
        (b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2]).then(|| &stem[..stem.len() - 1]);
    let happy = stem.strip_suffix('i').map(|x| format!("{x}y"));
    adj(stem)
        || adj(&format!("{stem}e"))
        || undoubled.is_some_and(adj)
        || happy.as_deref().is_some_and(adj)
}

impl Confusable {
    pub(super) fn comparison_scope(&self, s: &Sent, i: usize, w: &str) -> Option<Hit> {
        let Around { n1, w1, n2, p, wp } = Around::of(s, i);
        // "than" may stand before a comma ("Germany than, says Tacitus, was …").
        let comma_next = s.is_punct(n1) && s.raw(n1.unwrap_or(i)) == ",";
        if !(s.is_word(n1) || w == "than" && comma_next) {
            return None;
        }
        let joined = |k: Option<usize>| s.is_punct(k) && matches!(s.raw(k.unwrap_or(i)), "-" | "/");
        if joined(n1) || joined(p) {
            return None;
        }
        if w == "than" {
            // Any licence earlier in the sentence: then it is a comparison.
            if (s.start..i).any(|k| s.is_word(Some(k)) && comparative(s, k, true)) {
                return None;
            }
            // Nothing to compare: "than" is the adverb "then". Sure where a clause or a verb
            // group goes on ("pull up, than pull down", "which are than filled").
            // (After a noun, "than" before a verb is as likely a slip for "that": "the
            // property than enables".)
            let verb_next = s.has(n1, ANY_VERB | MODAL | BE | HAVE | DO | PRON_SUBJ)
                && !s.has(n1, NOUN | DET | ADJ)
                && (!pos::is_nounish(wp) || s.has(p, PRON_SUBJ | ADV));
            let joint = comma_next
                || s.is_punct(p) && matches!(s.raw(p.unwrap_or(i)), "," | ";")
                || s.has(p, BE | HAVE | MODAL | PRON_SUBJ | CONJ);
            // Elsewhere a "than" with nothing compared is as often a missing "more" or a slip for
            // "that" ("the property than enables"): no suggestion.
            return (verb_next || joint).then_some(Hit {
                repl: "then",
                sure: true,
            });
        }
        // then: a comparative earlier in the same clause, and no verb group starting here
        // (the adverb "then" opens or precedes a verb: "the larger group then split").
        if !s.is_word(p) || matches!(wp, "and" | "but" | "or" | "so" | "since" | "until" | "just") {
            return None;
        }
        // The adverb's places: after an auxiliary ("were then deprived"), before a verb ("buffer
        // then strained").
        if s.has(p, BE | HAVE | MODAL | DO) && !s.has(p, NOUN) {
            return None;
        }
        if s.has(n1, ANY_VERB | MODAL | BE | HAVE | DO) && !s.has(n1, NOUN | DET | PREP)
            || w1.ends_with("ed") && !(s.is_word(n2) && pos::is_nounish(s.wo(n2)))
        {
            return None;
        }
        if matches!(
            w1,
            "on" | "onwards" | "onward" | "again" | "as" | "too" | "also"
        ) {
            return None;
        }
        // A subordinator earlier in the clause makes "then" its consequence ("when it grew
        // colder then …"): leave it.
        let mut k = s.prev(i);
        while let Some(x) = k {
            if !s.is_word(Some(x)) {
                break;
            }
            if matches!(
                s.w(x),
                "if" | "when" | "whenever" | "once" | "after" | "before" | "as" | "unless"
            ) {
                return None;
            }
            k = s.prev(x);
        }
        let mut k = p;
        let mut steps = 0;
        while let Some(x) = k {
            if !s.is_word(Some(x)) || steps > 6 {
                return None;
            }
            let wx = s.w(x);
            if matches!(
                wx,
                "first"
                    | "but"
                    | "so"
                    | "until"
                    | "since"
                    | "while"
                    | "because"
                    | "longer"
                    | "later"
                    | "earlier"
                    | "former"
                    | "latter"
                    | "further"
                    | "other"
                    | "rather"
            ) {
                return None;
            }
            if comparative(s, x, false) {
                // "less dreadful then they seem": a subject and its verb after the comparison
                // make it likely but not certain.
                return if s.has(n1, PRON_SUBJ) && !s.has(n1, PRON_OBJ) {
                    maybe("than")
                } else {
                    sure("than")
                };
            }
            k = s.prev(x);
            steps += 1;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::run;

    #[test]
    fn than_with_nothing_compared() {
        assert_eq!(
            run("First pull up, than pull down."),
            [("than".to_string(), "then".to_string())]
        );
        assert_eq!(
            run("The arches divide the space, which is than filled with vaults."),
            [("than".to_string(), "then".to_string())]
        );
    }

    #[test]
    fn then_in_a_comparison() {
        assert_eq!(
            run("It is much harder to find a job then to keep one."),
            [("then".to_string(), "than".to_string())]
        );
    }

    #[test]
    fn stays_silent() {
        for t in [
            "It is better to give than to lend.",
            "He would rather walk than drive.",
            "Nothing pleases him more than a quiet walk.",
            "If the sample is larger, then the error shrinks.",
            "The larger group then split into two.",
            "The ozone layer then blocks most of the light.",
            "The bigger firms then bought the rest.",
        ] {
            assert!(run(t).is_empty(), "{t}: {:?}", run(t));
        }
    }
}
