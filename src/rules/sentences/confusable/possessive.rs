//! The possessive-slot detector of the `confusable` rule, one mechanism for every set of a
//! possessive determiner and its twin (their / there / they're, its / it's, your / you're,
//! whose / who's): a possessive determiner opens a noun phrase, so it cannot stand before a
//! word that no noun phrase starts with ("their not", "its just", "your the best"); its twin
//! cannot stand where only a determiner can, right after a preposition or a verb's -ing form and
//! before a noun phrase ("during there growth", "describing it's parts"). It runs after the
//! pair's own detector has found nothing.

use super::*;

/// The contraction (or adverb) twin of a possessive determiner, and back.
fn twin(w: &str) -> Option<&'static str> {
    Some(match w {
        "their" => "they're",
        "its" => "it's",
        "your" => "you're",
        "whose" => "who's",
        "there" | "they're" => "their",
        "it's" => "its",
        "you're" => "your",
        "who's" => "whose",
        _ => return None,
    })
}

/// Adverbs a noun phrase can open with after a possessive ("their very lives", "its only
/// hope", "their once great empire"), which therefore say nothing.
fn np_adverb(w: &str) -> bool {
    matches!(
        w,
        "very"
            | "only"
            | "once"
            | "ever"
            | "own"
            | "much"
            | "more"
            | "most"
            | "less"
            | "least"
            | "well"
            | "all"
            | "long"
            | "far"
            | "best"
            | "better"
            | "first"
            | "last"
            | "next"
            | "back"
            | "home"
            | "half"
            | "twice"
            | "then"
            | "now"
            | "here"
            | "there"
            | "hitherto"
            | "soon"
    )
}

/// Words a noun phrase never opens with, whatever else the lexicon says they can be ("still",
/// "just" and "so" are adjectives too, "gonna" is in no dictionary).
fn never_opens_np(w: &str) -> bool {
    matches!(
        w,
        "not"
            | "still"
            | "so"
            | "too"
            | "just"
            | "always"
            | "never"
            | "also"
            | "really"
            | "probably"
            | "gonna"
            | "definitely"
            | "already"
            | "sometimes"
            | "usually"
            | "often"
            | "quite"
            | "almost"
            | "either"
            | "neither"
            | "no"
            | "nearly"
            | "certainly"
            | "actually"
            | "obviously"
            | "clearly"
            | "finally"
            | "simply"
    )
}

/// Nominal adjectives: after a possessive they are the noun ("their young", "its dead").
fn nominal_adj(w: &str) -> bool {
    matches!(
        w,
        "young"
            | "old"
            | "poor"
            | "rich"
            | "dead"
            | "wounded"
            | "elderly"
            | "sick"
            | "living"
            | "dying"
            | "faithful"
            | "utmost"
            | "fill"
            | "worst"
            | "best"
            | "due"
            | "own"
            | "worth"
    )
}

/// Prepositions after which "there" is an adverb of place ("in there", "from there", "over
/// there"); after the others only a determiner fits before a noun phrase.
fn place_prep(w: &str) -> bool {
    matches!(
        w,
        "in" | "from"
            | "to"
            | "over"
            | "through"
            | "throughout"
            | "around"
            | "under"
            | "inside"
            | "outside"
            | "across"
            | "behind"
            | "below"
            | "beneath"
            | "beyond"
            | "above"
            | "alongside"
            | "beside"
            | "near"
            | "up"
            | "down"
            | "out"
            | "off"
            | "back"
    )
}

/// Nouns of time and quantity that follow an adverbial "there" ("stayed there years").
pub(super) fn time_noun(w: &str) -> bool {
    crate::lexicon::in_list!("confusable/time_words.txt", w)
}

/// A noun, plural nouns included (the lexicon marks "parts", "protests" only as verbs in -s:
/// their singular tells).
fn noun_like(w: &str) -> bool {
    if pos::is_nounish(w) {
        return true;
    }
    if !looks_plural(w) {
        return false;
    }
    let one = w.strip_suffix("ies").map(|x| format!("{x}y"));
    one.as_deref().is_some_and(pos::is_nounish)
        || w.strip_suffix("es").is_some_and(pos::is_nounish)
        || w.strip_suffix('s').is_some_and(pos::is_nounish)
}

/// Token `k` starts a noun phrase: `noun_phrase`, or a plural noun, or an adjective (or
/// participle) and a plural noun.
fn np_start(s: &Sent, k: Option<usize>) -> bool {
    if noun_phrase(s, k) {
        return true;
    }
    let Some(k) = k else { return false };
    if !s.is_word(Some(k)) || s.has(Some(k), FUNCTION | NUM) {
        return false;
    }
    let w = s.w(k);
    if noun_like(w) && !s.has(Some(k), VERB_ING | MAY_ING | ADJ) {
        return true;
    }
    let n = s.next(k);
    s.has(Some(k), ADJ | MAY_ADJ | MAY_PAST | VERB_PART) && s.is_word(n) && noun_like(s.wo(n))
}

impl Confusable {
    pub(super) fn possessive_slot(&self, s: &Sent, i: usize, w: &str) -> Option<Hit> {
        let repl = twin(w)?;
        let Around { n1, w1, n2, p, wp } = Around::of(s, i);
        if !s.is_word(n1) || is_capitalized(s.raw(n1.unwrap_or(i))) {
            return None;
        }
        // Part of a compound ("their so-called allies", "its to-do list"): no judgement.
        let joined = |k: Option<usize>| s.is_punct(k) && matches!(s.raw(k.unwrap_or(i)), "-" | "/");
        if joined(n2) || joined(p) {
            return None;
        }
        let t1 = s.t(n1);
        if matches!(w, "their" | "its" | "your" | "whose") {
            // The determiner before what cannot open a noun phrase.
            if np_adverb(w1) || matches!(w1, "own" | "all" | "each" | "both") {
                return None;
            }
            // A determiner or a personal pronoun: "their the best", "its those".
            if matches!(
                w1,
                "the" | "a" | "an" | "those" | "these" | "yours" | "mine" | "ours" | "theirs"
            ) || (t1 & PRON_SUBJ != 0 && t1 & (NOUN | MAY_NOUN) == 0)
            {
                return sure(repl);
            }
            // "going to" and a verb: "your going to be caged".
            if w1 == "going"
                && s.wo(n2) == "to"
                && pos::is_verb_base_only(s.wo(n2.and_then(|k| s.next(k))))
            {
                return sure(repl);
            }
            // "not", or an adverb that is nothing else, unless a noun phrase follows it ("their
            // sometimes violent protests"). Before a gerund ("their not knowing", "their always
            // being late") it is a contraction only where a clause must start.
            // A participle or adjective and a noun after the adverb make a noun phrase ("their
            // directly employed counterparts").
            let n3 = n2.and_then(|k| s.next(k));
            // (Liberal: the lexicon knows many nouns only as verbs, "protests".)
            let content = |k: Option<usize>| {
                s.is_word(k)
                    && s.t(k) & (FUNCTION | NUM | ADV | ADV_DEGREE | AUX | PRON_SUBJ | PRON_OBJ)
                        == 0
            };
            let np_after =
                np_start(s, n2) || s.has(n2, ANY_VERB | ADJ | MAY_ADJ | MAY_PAST) && content(n3);
            let clause_next = s.has(n2, DET | PRON_SUBJ | PRON_OBJ | PREP | SUBORD)
                || n2.is_none()
                || s.is_punct(n2) && matches!(s.raw(n2.unwrap_or(i)), "," | "." | "!" | "?");
            let adverb_only = never_opens_np(w1)
                || t1 & (ADV | NEG) != 0
                    && t1 & (ADJ | MAY_ADJ | NOUN | MAY_NOUN | ANY_VERB | MAY_VERB | PREP | DET)
                        == 0
                    && clause_next;
            if adverb_only && !np_after && s.is_wordlike(n2) {
                if !s.has(n2, VERB_ING | MAY_ING) {
                    return sure(repl);
                }
                if s.has(p, SUBORD) || matches!(wp, "that" | "when" | "if" | "because") {
                    return sure(repl);
                }
            }
            // A preposition: "its about time", "the side your on".
            let ends = n2.is_none()
                || s.is_punct(n2) && matches!(s.raw(n2.unwrap_or(i)), "," | "." | "!" | "?");
            if t1 & PREP != 0
                && t1 & (ADJ | MAY_ADJ | NOUN | MAY_NOUN | VERB | MAY_VERB) == 0
                && (s.is_word(n2) || ends)
                && !matches!(w1, "of" | "to" | "for")
            {
                return sure(repl);
            }
            // A participle that takes an agent or a complement, not a noun: "their attracted
            // by", "until their changed or", "its based on".
            if s.has(n1, VERB_PART | VERB_PAST | MAY_PAST)
                && !s.has(n1, ADJ | MAY_ADJ | NOUN | MAY_NOUN | VERB_ING)
                && (s.has(n2, PREP | DET | PRON_OBJ | PRON_SUBJ) && !np_start(s, n2)
                    || s.wo(n2) == "by"
                    || matches!(s.wo(n2), "or" | "and") && !content(n3)
                    || n2.is_none()
                    || s.is_punct(n2) && matches!(s.raw(n2.unwrap_or(i)), "," | "." | "!" | "?"))
            {
                return sure(repl);
            }
            // A predicative adjective that ends the phrase: "their tasty and cheap", "its
            // possible.", "their great at".
            if pred_adj(s, n1)
                && !nominal_adj(w1)
                && (predicate_end(s, n2, true) || pure_prep(s.wo(n2)) && s.is_word(n2))
            {
                // Coordinated adjectives before the noun: "its social, cultural and economic
                // consequences", "its lively and participatory democracy".
                let n3 = n2.and_then(|k| s.next(k));
                let coordinated = (matches!(s.wo(n2), "and" | "or" | "but")
                    || s.is_punct(n2) && s.raw(n2.unwrap_or(i)) == ",")
                    && s.is_word(n3)
                    && !s.has(n3, DET | PRON_SUBJ | PRON_OBJ | BE | MODAL | HAVE | PREP);
                if !coordinated {
                    return sure(repl);
                }
            }
            return None;
        }
        // The twin where only a determiner fits, before a noun phrase.
        if !np_start(s, n1) || time_noun(w1) || t1 & (DET | QUANT | NUM) != 0 {
            return None;
        }
        let head_next = if noun_like(w1) && !s.has(n1, ADJ | MAY_ADJ) {
            n2
        } else {
            n2.and_then(|k| s.next(k))
        };
        if matches!(s.wo(head_next), "ago" | "before" | "later" | "earlier") {
            return None;
        }
        if !s.is_word(p) {
            return None;
        }
        let after_prep = pure_prep(wp) && !(w == "there" && place_prep(wp)) && wp != "for"
            || (wp == "for" && w != "there");
        // A verb's -ing form takes an object: "describing there varieties".
        let after_ing = s.has(p, VERB_ING)
            && !s.has(p, NOUN | MAY_NOUN | ADJ | PREP)
            && !matches!(wp, "being" | "having" | "saying" | "thinking" | "meaning");
        if after_prep || after_ing {
            return sure(repl);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::run;

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn the_determiner_before_no_noun_phrase() {
        assert_eq!(
            run("Argue for your limitations, and sure enough, their not wrong."),
            pairs(&[("their", "they're")])
        );
        assert_eq!(
            run("Its just that some people never listen."),
            pairs(&[("Its", "It's")])
        );
        assert_eq!(
            run("Ask them if their attracted by the offer."),
            pairs(&[("their", "they're")])
        );
    }

    #[test]
    fn the_twin_where_a_determiner_must_be() {
        assert_eq!(
            run("The nests are guarded during there rapid growth."),
            pairs(&[("there", "their")])
        );
        assert_eq!(
            run("The method works by examining it's parts one by one."),
            pairs(&[("it's", "its")])
        );
    }

    #[test]
    fn stays_silent() {
        for t in [
            "Their very existence was in doubt.",
            "Their not knowing the answer surprised us.",
            "Their sometimes violent protests drew crowds.",
            "They put their so-called allies first.",
            "Their combined efforts paid off.",
            "Its known uses are few.",
            "The party gave its all to the campaign.",
            "We stayed in there for hours.",
            "The road from there people call the old route.",
            "Their old and new friends came.",
            "It was their best.",
            "We left there years ago.",
            "It is their own fault.",
        ] {
            assert!(run(t).is_empty(), "{t}: {:?}", run(t));
        }
    }
}
