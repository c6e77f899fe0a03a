crate::rule::declare_rule! {
    /// # confusable
    ///
    /// **What it does.** Finds a word confused with a near-homophone — to/too/two, its/it's,
    /// their/there/they're, then/than, your/you're, whose/who's, affect/effect, lose/loose,
    /// were/where, accept/except, "could of" for "could have" — judged by the words around it, not
    /// by the word alone.
    ///
    /// **Why it matters.** A spell checker passes every one of these, because each is a real word;
    /// a reader does not. They are the slips graders circle most, and they make careful work look
    /// careless.
    ///
    /// **Example.**
    ///
    /// ```text
    /// Lenin could have intervened, but chose not too due to his illness.
    ///                                            ^^^ did you mean `to`?
    /// The policy had an affect on the peasants.   → effect
    /// Its clear that the party was divided.       → It's
    /// ```
    ///
    /// Each pattern looks at the neighbouring words (a determiner, a modal verb, a comparative, a
    /// subject pronoun, a preposition) and fires only where the other reading is impossible or
    /// nearly so. Where a context is strong but not watertight the diagnostic is advice. Correct uses
    /// stay silent: "too much", "I too have", "its own", "after all it's", "the effect of affect on
    /// memory", "to effect change", "cut loose", "except for".
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** No automatic fix: the rule judges from the context around the word and can be
    /// wrong on an unusual sentence, so the other word is only suggested.
    pub struct Confusable {
        name: "confusable",
        category: Sentences,
        severity: Warning,
        summary: "a word confused with a near-homophone (to/too, its/it's, then/than, …)",
        fix: None,
    }
}
use crate::analysis::sentence::{match_case, Sent};
use crate::diagnostic::Diagnostic;
use crate::doc::{is_capitalized, TokenKind};
use crate::lexicon::pos::{self, *};
use crate::rule::{Context, Rule};
use crate::Severity;

/// The words around token `i`: the next (`n1`, its text `w1`), the one after (`n2`), and the
/// previous (`p`, its text `wp`). Every pair's test starts from these.
struct Around<'a> {
    n1: Option<usize>,
    w1: &'a str,
    n2: Option<usize>,
    p: Option<usize>,
    wp: &'a str,
}

impl<'a> Around<'a> {
    fn of(s: &Sent<'a>, i: usize) -> Self {
        let n1 = s.next(i);
        let p = s.prev(i);
        Around {
            n1,
            w1: s.wo(n1),
            n2: n1.and_then(|k| s.next(k)),
            p,
            wp: s.wo(p),
        }
    }
}

/// A finding: the replacement for the token, and whether the context makes it certain.
struct Hit {
    repl: &'static str,
    sure: bool,
}

fn sure(repl: &'static str) -> Option<Hit> {
    Some(Hit { repl, sure: true })
}

fn maybe(repl: &'static str) -> Option<Hit> {
    Some(Hit { repl, sure: false })
}

/// Prepositions after which a clause cannot start, so "it's", "you're", "they're" cannot follow.
fn pure_prep(w: &str) -> bool {
    matches!(
        w,
        "of" | "in"
            | "on"
            | "at"
            | "by"
            | "with"
            | "from"
            | "to"
            | "into"
            | "onto"
            | "about"
            | "above"
            | "alongside"
            | "amid"
            | "amidst"
            | "among"
            | "amongst"
            | "despite"
            | "within"
            | "without"
            | "under"
            | "over"
            | "through"
            | "throughout"
            | "toward"
            | "towards"
            | "upon"
            | "across"
            | "behind"
            | "beneath"
            | "below"
            | "beside"
            | "between"
            | "beyond"
            | "during"
            | "inside"
            | "outside"
            | "via"
            | "against"
            | "around"
            | "regarding"
            | "concerning"
            | "for"
    )
}

/// Verbs after which a clause follows directly ("I think it's", "I hope its").
fn clause_verb(w: &str) -> bool {
    matches!(
        w,
        "think"
            | "thinks"
            | "thought"
            | "hope"
            | "hopes"
            | "hoped"
            | "guess"
            | "guessed"
            | "assume"
            | "assumes"
            | "assumed"
            | "doubt"
            | "doubts"
            | "doubted"
            | "suppose"
            | "supposed"
            | "reckon"
            | "believe"
            | "believes"
            | "believed"
            | "bet"
            | "claim"
            | "claims"
            | "claimed"
            | "feel"
            | "feels"
    )
}

/// A clause starts at token `i` for sure: first word, after , ; : or a subordinator, or after a
/// verb that takes a clause. ("and"/"but" are left out: "the team and its players".)
fn strong_start(s: &Sent, i: usize) -> bool {
    if s.is_first_word(i) {
        return true;
    }
    let Some(p) = s.prev(i) else { return true };
    if s.is_punct(Some(p)) {
        return matches!(s.raw(p), "," | ";" | ":");
    }
    let w = s.w(p);
    matches!(
        w,
        "that"
            | "because"
            | "if"
            | "when"
            | "since"
            | "although"
            | "though"
            | "so"
            | "well"
            | "yes"
            | "sorry"
            | "maybe"
            | "perhaps"
            | "unless"
            | "whether"
            | "while"
    ) || clause_verb(w)
}

/// Token `k` ends a predicate: sentence end, a comma, or a word that starts a complement.
fn predicate_end(s: &Sent, k: Option<usize>, allow_to: bool) -> bool {
    let Some(k) = k else { return true };
    if s.is_punct(Some(k)) {
        return matches!(
            s.raw(k),
            "," | "." | "!" | "?" | ";" | ":" | "…" | "..." | ")"
        );
    }
    let w = s.w(k);
    (allow_to && matches!(w, "to" | "for" | "that" | "if" | "enough"))
        || matches!(w, "but" | "because" | "when" | "and")
}

/// Ends like a plural noun (-s, but not -ss, -us, -is, -ness).
fn looks_plural(w: &str) -> bool {
    w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !w.ends_with("ness")
}

fn is_contraction_nt(w: &str) -> bool {
    w.ends_with("n't")
}

/// An adjective that can stand as a predicate ("hard", "okay"), not a noun or verb in disguise.
fn pred_adj(s: &Sent, k: Option<usize>) -> bool {
    let Some(k) = k else { return false };
    if !s.is_word(Some(k)) {
        return false;
    }
    let w = s.w(k);
    if matches!(
        w,
        "own"
            | "best"
            | "worst"
            | "first"
            | "last"
            | "next"
            | "only"
            | "whole"
            | "entire"
            | "main"
            | "very"
            | "same"
            | "other"
            | "former"
            | "latter"
            | "many"
            | "few"
    ) {
        return false;
    }
    pos::is_adj_only(w) || (s.has(Some(k), ADJ | COMP) && !s.has(Some(k), NOUN | ANY_VERB))
}

/// Token `k` starts a noun phrase: a noun, or an adjective followed by a noun.
fn noun_phrase(s: &Sent, k: Option<usize>) -> bool {
    let Some(k) = k else { return false };
    if !s.is_word(Some(k)) {
        return false;
    }
    let w = s.w(k);
    let t = s.t(Some(k));
    if t & (FUNCTION | NUM | ADV | ADV_DEGREE) != 0 && !matches!(w, "various" | "numerous") {
        return matches!(w, "various" | "numerous");
    }
    if pos::is_nounish(w) && t & (VERB_ING | MAY_ING) == 0 {
        return true;
    }
    if t & (ADJ | MAY_ADJ | SUP | COMP) != 0 || matches!(w, "various" | "numerous") {
        let n = s.next(k);
        return s.is_word(n) && pos::is_nounish(s.wo(n));
    }
    false
}

/// A finite verb group follows at `k` (is, was, has, can, walks, walked).
fn finite_at(s: &Sent, k: Option<usize>) -> bool {
    s.has(k, BE | HAVE | MODAL | VERB_3SG | VERB_PAST) && !s.has(k, NOUN) && s.wo(k) != "being"
        || matches!(
            s.wo(k),
            "is" | "are" | "was" | "were" | "has" | "have" | "had"
        )
}

impl Confusable {
    fn its(&self, s: &Sent, i: usize, w: &str) -> Option<Hit> {
        let Around { n1, w1, n2, p, wp } = Around::of(s, i);
        let w2 = s.wo(n2);
        if w == "it's" {
            if w1 == "own" {
                return sure("its");
            }
            if !s.is_word(n1) {
                return None;
            }
            // "it's various colors": "various" only ever stands before a plural noun.
            if w1 == "various" && s.is_word(n2) && (pos::is_nounish(w2) || looks_plural(w2)) {
                return sure("its");
            }
            // "Understand it's values, …": "it is" + a bare plural noun that ends the phrase
            // ("values," "values." "values and") is no sentence; the possessive is.
            if looks_plural(w1)
                && s.has(n1, NOUN | MAY_NOUN)
                && !s.has(n1, ADJ | MAY_ADJ | FUNCTION | ADV | VERB_PART | MAY_PAST)
                && !is_capitalized(s.raw(n1.unwrap_or(i)))
                && (s.is_punct(n2) && matches!(s.raw(n2.unwrap_or(i)), "," | ";" | ".")
                    || matches!(w2, "and" | "or"))
                && !s.is_first_word(i)
            {
                return maybe("its");
            }
            // After a preposition a clause cannot start: "on it's way", "by it's cover".
            let fixed_all = wp == "all"
                && matches!(
                    s.wo(p.and_then(|k| s.prev(k))),
                    "for" | "from" | "by" | "with" | "despite" | "through"
                );
            if (pure_prep(wp) && s.is_word(p) && wp != "for")
                || fixed_all
                || (wp == "as" && s.wo(p.and_then(|k| s.prev(k))) == "such")
            {
                let t1 = s.t(n1);
                if t1 & (DET | NEG | BE | MODAL | HAVE | PRON_SUBJ | PRON_INDEF) == 0
                    && (!s.has(n1, ADV) || noun_phrase(s, n1))
                {
                    return sure("its");
                }
            }
            if wp == "for" && noun_phrase(s, n1) {
                return sure("its");
            }
            if wp == "at" || wp == "of" {
                // "at it's best"
                if s.has(n1, SUP) && predicate_end(s, n2, false) {
                    return sure("its");
                }
            }
            // "We could borrow it's approach", "What are it's benefits?": a verb that takes an
            // object (not a clause) before, a noun phrase after, and then the end of the clause.
            if s.is_word(p) && noun_phrase(s, n1) {
                let tp = s.t(p);
                let head = if pos::is_nounish(w1) && !s.has(n1, ADJ) {
                    n1
                } else {
                    n2
                };
                let after = head.and_then(|k| s.next(k));
                let ends = after.is_none()
                    || s.is_punct(after)
                        && matches!(s.raw(after.unwrap_or(i)), "." | "," | "?" | "!" | ";")
                    || s.has(after, PREP | CONJ);
                let hw = s.wo(head);
                let transitive = tp & (VERB | VERB_3SG | VERB_PAST | MAY_VERB) != 0
                    && tp
                        & (VERB_CLAUSE | BE | HAVE | MODAL | DO | NOUN | PREP | SUBORD | ADJ | ADV)
                        == 0
                    && !clause_verb(wp)
                    && !matches!(
                        wp,
                        "realize"
                            | "realized"
                            | "realise"
                            | "realised"
                            | "means"
                            | "mean"
                            | "hear"
                            | "heard"
                            | "note"
                            | "noted"
                            | "shows"
                            | "showed"
                            | "proves"
                            | "proved"
                            | "suggests"
                            | "suggested"
                            | "argues"
                            | "argued"
                            | "admit"
                            | "admitted"
                            | "insist"
                            | "insisted"
                            | "decide"
                            | "decided"
                            | "agree"
                            | "agreed"
                            | "ensure"
                            | "ensures"
                            | "explain"
                            | "explains"
                            | "explained"
                            | "says"
                            | "said"
                            | "states"
                            | "stated"
                            | "writes"
                            | "wrote"
                            | "seems"
                            | "seem"
                            | "seemed"
                            | "appears"
                            | "appear"
                            | "appeared"
                            | "maybe"
                            | "guarantee"
                            | "bet"
                            | "wish"
                            | "warn"
                            | "warned"
                            | "promise"
                            | "promised"
                            | "reckon"
                            | "figure"
                            | "figured"
                            | "see"
                            | "saw"
                            | "seen"
                            | "sees"
                            | "know"
                            | "knew"
                            | "knows"
                            | "find"
                            | "found"
                            | "finds"
                            | "notice"
                            | "noticed"
                    );
                let question_be = s.has(p, BE)
                    && (s.raw(s.end - 1) == "?")
                    && s.has(p.and_then(|k| s.prev(k)), WH);
                if (transitive || question_be)
                    && ends
                    && !matches!(
                        hw,
                        "time"
                            | "nothing"
                            | "something"
                            | "everything"
                            | "one"
                            | "fine"
                            | "okay"
                            | "ok"
                    )
                    && !is_capitalized(s.raw(head.unwrap_or(i)))
                {
                    return sure("its");
                }
            }
            // "It's benefits are numerous": a noun that is the subject of the next verb.
            if !is_capitalized(s.raw(n1.unwrap_or(i))) || s.is_first_word(i) {
                let (head, after) = if s.has(n1, ADJ | SUP | MAY_ADJ) && !pos::is_nounish(w1) {
                    (n2, n2.and_then(|k| s.next(k)))
                } else {
                    (n1, n2)
                };
                if let Some(h) = head {
                    let hw = s.w(h);
                    if pos::is_nounish(hw)
                        && !is_capitalized(s.raw(h))
                        && !matches!(hw, "time" | "nothing" | "something" | "everything" | "one")
                        && s.is_word(after)
                        && matches!(s.wo(after), "is" | "are" | "was" | "were" | "has" | "have")
                    {
                        return sure("its");
                    }
                }
            }
            return None;
        }
        // w == "its"
        let t1 = s.t(n1);
        if matches!(
            w1,
            "a" | "an" | "the" | "my" | "your" | "his" | "our" | "their"
        ) {
            return sure("it's");
        }
        if matches!(w1, "been" | "gonna") {
            return sure("it's");
        }
        if t1 & PRON_INDEF != 0 {
            return sure("it's");
        }
        if w1 == "not" && !(s.has(n2, ADJ | MAY_ADJ) && noun_phrase(s, n2)) {
            return sure("it's");
        }
        if w1 == "going" && w2 == "to" {
            let n3 = n2.and_then(|k| s.next(k));
            if s.has(n3, VERB) {
                return sure("it's");
            }
        }
        if matches!(w1, "had" | "got") && s.has(n2, DET | POSS | PRON_INDEF | VERB_PART) {
            return sure("it's");
        }
        let medium = strong_start(s, i) || matches!(wp, "and" | "but" | "or" | "so" | "then");
        if medium
            && s.has(n1, ADV_DEGREE)
            && pred_adj(s, n2)
            && predicate_end(s, n2.and_then(|k| s.next(k)), true)
        {
            return sure("it's");
        }
        let strong = strong_start(s, i);
        if !strong {
            return None;
        }
        if matches!(w1, "where" | "when" | "why" | "how" | "because" | "like") && s.is_word(n2) {
            return sure("it's");
        }
        if w1 == "time" && w2 == "to" {
            return sure("it's");
        }
        if matches!(w1, "called" | "named" | "titled") {
            return sure("it's");
        }
        if w1 == "that" && pred_adj(s, n2) && predicate_end(s, n2.and_then(|k| s.next(k)), true) {
            return sure("it's");
        }
        // "Its hard to explain", "its okay."
        if pred_adj(s, n1) && predicate_end(s, n2, true) {
            return sure("it's");
        }
        if s.has(n1, ADV_DEGREE)
            && pred_adj(s, n2)
            && predicate_end(s, n2.and_then(|k| s.next(k)), true)
        {
            return sure("it's");
        }
        // "Its removing the errors."
        if s.is_first_word(i)
            && s.has(n1, VERB_ING)
            && !s.has(n1, NOUN)
            && s.has(n2, DET | POSS | PRON_OBJ)
        {
            return maybe("it's");
        }
        // "I think its Google, not Microsoft."
        if clause_verb(wp) && n1.is_some_and(|k| is_capitalized(s.raw(k))) {
            let mut k = n1;
            while k.is_some_and(|x| s.is_word(Some(x)) && is_capitalized(s.raw(x))) {
                k = k.and_then(|x| s.next(x));
            }
            if k.is_none()
                || s.is_punct(k)
                || s.has(k, NUM)
                || matches!(s.wo(k), "this" | "next" | "last" | "who" | "that")
            {
                return sure("it's");
            }
        }
        None
    }

    fn to_too(&self, s: &Sent, i: usize, w: &str) -> Option<Hit> {
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

    fn there(&self, s: &Sent, i: usize, w: &str) -> Option<Hit> {
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
                        && !matches!(
                            w,
                            "years"
                                | "days"
                                | "hours"
                                | "minutes"
                                | "weeks"
                                | "months"
                                | "time"
                                | "times"
                                | "decades"
                                | "centuries"
                                | "today"
                                | "tonight"
                                | "yesterday"
                                | "tomorrow"
                                | "once"
                                | "now"
                                | "then"
                                | "alone"
                        )
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

    fn then_than(&self, s: &Sent, i: usize, w: &str) -> Option<Hit> {
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
                s.has(Some(k), COMP)
                    || matches!(
                        wk,
                        "rather"
                            | "other"
                            | "else"
                            | "otherwise"
                            | "different"
                            | "differently"
                            | "prefer"
                            | "prefers"
                            | "preferred"
                            | "preferable"
                            | "sooner"
                            | "twice"
                            | "times"
                            | "anything"
                            | "anyone"
                            | "nothing"
                    )
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

    fn were_where(&self, s: &Sent, i: usize, w: &str) -> Option<Hit> {
        let Around { n1, w1, n2, p, wp } = Around::of(s, i);
        if w == "where" {
            if matches!(wp, "we" | "they") && s.is_word(n1) && !s.has(n1, PRON_SUBJ) {
                return sure("were");
            }
            if wp == "you"
                && s.is_word(n1)
                && p.is_some_and(|k| {
                    s.is_first_word(k) || s.is_punct(s.prev(k)) || s.has(s.prev(k), SUBORD | CONJ)
                })
                && !s.has(n1, PRON_SUBJ | POSS | MODAL)
                && (s.has(n1, VERB_ING | VERB_PART | ADJ | DET | ADV)
                    || matches!(w1, "supposed" | "able"))
            {
                return sure("were");
            }
            if s.is_first_word(i)
                && matches!(w1, "you" | "they" | "we")
                && (s.has(n2, VERB_ING)
                    || matches!(s.wo(n2), "able" | "unable" | "supposed" | "aware" | "sure"))
            {
                return sure("were");
            }
            if wp == "there"
                && p.is_some_and(|k| s.is_first_word(k))
                && s.is_word(n1)
                && !s.has(n1, DET | POSS | PRON_SUBJ | PRON_OBJ | WH)
                && (s.has(n1, ADJ | QUANT | NUM) || (w1.ends_with('s') && pos::is_nounish(w1)))
            {
                return sure("were");
            }
            return None;
        }
        // were
        if s.is_first_word(i) {
            if s.has(n1, BE) && !s.has(n1, VERB_PART) {
                return sure("we");
            }
            if s.has(n1, MODAL) && s.has(n2, PRON_SUBJ) {
                return sure("where");
            }
            return None;
        }
        if matches!(wp, "is" | "that's" | "this's" | "here's" | "what's") && s.is_word(n1) {
            return sure("where");
        }
        if (matches!(wp, "to" | "from") || pure_prep(wp) && s.is_word(p) && wp != "for")
            && (s.has(n1, PRON_SUBJ | DET))
            && !s.has(n1, NOUN)
        {
            return sure("where");
        }
        // "I know were the bug is", "Check were the error occurred".
        let obj_after_verb = matches!(wp, "me" | "him" | "us" | "them")
            && s.has(p.and_then(|k| s.prev(k)), ANY_VERB | VERB_CLAUSE);
        let verb_prev = obj_after_verb
            || s.has(p, ANY_VERB | VERB_CLAUSE)
                && !s.has(p, BE | HAVE | MODAL | DO | NOUN | PRON_SUBJ)
                && !s.has(p.and_then(|k| s.prev(k)), DET | POSS);
        if verb_prev {
            let subj_pron = s.has(n1, PRON_SUBJ) && !matches!(w1, "you" | "it") || w1 == "i";
            if (subj_pron || matches!(w1, "you" | "it"))
                && s.has(n2, ANY_VERB | BE | HAVE | MODAL | MAY_VERB)
                && !s.has(n2, NOUN | VERB_ING)
            {
                return sure("where");
            }
            if matches!(
                w1,
                "the" | "my" | "his" | "her" | "your" | "our" | "their" | "a" | "an"
            ) {
                let mut k = n2;
                if s.has(k, ADJ) && !s.has(k, NOUN) {
                    k = k.and_then(|x| s.next(x));
                }
                if s.is_word(k) && pos::is_nounish(s.wo(k)) {
                    let v = k.and_then(|x| s.next(x));
                    if finite_at(s, v) && !s.has(v, VERB_ING) {
                        return sure("where");
                    }
                }
            }
        }
        None
    }

    fn your(&self, s: &Sent, i: usize, w: &str) -> Option<Hit> {
        let Around { n1, w1, n2, p, wp } = Around::of(s, i);
        if w == "you're" {
            if w1 == "own" {
                return sure("your");
            }
            if pure_prep(wp) && s.is_word(p) && noun_phrase(s, n1) {
                return sure("your");
            }
            if matches!(wp, "that's" | "it's") && noun_phrase(s, n1) {
                return sure("your");
            }
            if s.is_first_word(i)
                && s.is_word(n1)
                && !is_capitalized(s.raw(n1.unwrap_or(i)))
                && pos::is_noun_only(w1)
                && s.has(n2, BE | MODAL | HAVE)
            {
                return sure("your");
            }
            return None;
        }
        // your
        if matches!(w1, "a" | "an" | "the") {
            return sure("you're");
        }
        if w1 == "not" && !s.has(n2, VERB_ING) {
            return sure("you're");
        }
        if !strong_start(s, i) {
            return None;
        }
        if s.is_first_word(i) && w1 == "welcome" && s.at_end(n1.unwrap_or(i)) {
            return sure("you're");
        }
        let adj_only = |k: Option<usize>| pred_adj(s, k);
        let adj_loose = |k: Option<usize>| {
            s.is_word(k)
                && s.has(k, ADJ)
                && !s.has(k, ANY_VERB)
                && !matches!(
                    s.wo(k),
                    "own"
                        | "best"
                        | "worst"
                        | "first"
                        | "last"
                        | "next"
                        | "only"
                        | "whole"
                        | "other"
                        | "very"
                )
        };
        if adj_only(n1) && predicate_end(s, n2, true) {
            return sure("you're");
        }
        if adj_loose(n1)
            && (n2.is_none()
                || s.is_punct(n2) && matches!(s.raw(n2.unwrap_or(i)), "," | "." | "!" | "?")
                || s.wo(n2) == "but")
        {
            return sure("you're");
        }
        if s.has(n1, ADV_DEGREE)
            && (adj_only(n2) || s.has(n2, VERB_ING | MAY_ING | MAY_ADJ | ADJ))
            && predicate_end(s, n2.and_then(|k| s.next(k)), true)
        {
            return sure("you're");
        }
        if !s.is_first_word(i)
            && s.has(n1, VERB_ING | MAY_ING)
            && !s.has(n1, NOUN)
            && (s.has(n2, DET | POSS | PREP | PRON_OBJ | QUANT | NUM)
                || matches!(
                    w1,
                    "using"
                        | "going"
                        | "doing"
                        | "getting"
                        | "trying"
                        | "making"
                        | "taking"
                        | "looking"
                        | "planning"
                        | "thinking"
                ) && s.is_word(n2)
                    && !finite_at(s, n2))
            && !s.has(n2, BE | MODAL)
        {
            return maybe("you're");
        }
        None
    }

    fn whose(&self, s: &Sent, i: usize, w: &str) -> Option<Hit> {
        let Around { n1, w1, n2, .. } = Around::of(s, i);
        let w2 = s.wo(n2);
        if w == "whose" {
            if matches!(
                w1,
                "the"
                    | "a"
                    | "an"
                    | "not"
                    | "been"
                    | "going"
                    | "coming"
                    | "there"
                    | "here"
                    | "at"
                    | "on"
                    | "to"
            ) && !(s.is_punct(n2) && s.raw(n2.unwrap_or(i)) == "-")
            {
                return sure("who's");
            }
            return None;
        }
        // who's
        if !s.is_word(n1) || is_capitalized(s.raw(n1.unwrap_or(i))) {
            return None;
        }
        let t1 = s.t(n1);
        if t1 & (FUNCTION | ADV | ADV_DEGREE | VERB_ING | MAY_ING | VERB_PART | NUM) != 0 {
            return None;
        }
        if (t1 & (ADJ | SUP | MAY_ADJ) != 0 || pos::is_adj_only(w1))
            && !matches!(
                w1,
                "next"
                    | "new"
                    | "right"
                    | "wrong"
                    | "first"
                    | "last"
                    | "responsible"
                    | "ready"
                    | "able"
            )
        {
            if s.is_word(n2) && pos::is_nounish(w2) && !s.has(n2, VERB_ING | MAY_ING) {
                return sure("whose");
            }
            if pos::is_nounish(w1) && !s.has(n1, ADJ) {
                // an adjective that may also be a noun: fall through
            } else {
                return None;
            }
        }
        if pos::is_nounish(w1) && !s.has(n1, ADJ | MAY_ADJ) {
            let plural = looks_plural(w1);
            let after_verb = finite_at(s, n2)
                || (plural && s.has(n2, MAY_PAST) && !s.has(n2, NOUN | ADJ))
                || matches!(w2, "that" | "this" | "these" | "those");
            let after_punct = n2.is_none() || s.is_punct(n2);
            if after_verb || (plural && after_punct && pos::is_noun_only(w1)) {
                return sure("whose");
            }
            if pos::is_noun_only(w1) && s.is_word(n2) && pos::is_nounish(w2) && !s.has(n2, PREP) {
                return maybe("whose");
            }
        }
        None
    }

    fn affect(&self, s: &Sent, i: usize, w: &str) -> Option<Hit> {
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

    fn lose(&self, s: &Sent, i: usize, w: &str) -> Option<Hit> {
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

    fn accept(&self, s: &Sent, i: usize, w: &str) -> Option<Hit> {
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

    fn could_of(&self, s: &Sent, i: usize) -> Option<Hit> {
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
    fn verb_on(&self, s: &Sent, i: usize) -> Option<Hit> {
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

impl Rule for Confusable {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        for s in Sent::prose(doc) {
            let mut hits: Vec<(usize, Hit)> = Vec::new();
            for i in s.start..s.end {
                if doc.tokens[i].kind != TokenKind::Word {
                    continue;
                }
                let w = doc.lower(i);
                let hit = match w {
                    "its" | "it's" => self.its(&s, i, w),
                    "to" | "too" | "two" => self.to_too(&s, i, w),
                    "their" | "there" | "they're" => self.there(&s, i, w),
                    "then" | "than" => self.then_than(&s, i, w),
                    "were" | "where" => self.were_where(&s, i, w),
                    "your" | "you're" => self.your(&s, i, w),
                    "whose" | "who's" => self.whose(&s, i, w),
                    "affect" | "affects" | "effect" | "effected" | "effects" => {
                        self.affect(&s, i, w)
                    }
                    "loose" | "looses" | "loosing" | "lose" => self.lose(&s, i, w),
                    "accept" | "except" => self.accept(&s, i, w),
                    "of" => self.could_of(&s, i).or_else(|| self.verb_on(&s, i)),
                    _ => None,
                };
                if let Some(h) = hit {
                    hits.push((i, h));
                }
            }
            // "Understand it's code, it's values, and it's purpose": in a list whose members
            // open with a possessive "its" (written right, or flagged), the other "it's + noun"
            // members are possessives too.
            let member = |k: usize| {
                let n = s.next(k);
                let head = if s.has(n, ADJ | MAY_ADJ) && !pos::is_nounish(s.wo(n)) {
                    n.and_then(|x| s.next(x))
                } else {
                    n
                };
                let after = head.and_then(|x| s.next(x));
                let comma_after = s.is_punct(after) && s.raw(after.unwrap_or(k)) == ",";
                let ends = comma_after
                    || after.is_none()
                    || s.is_punct(after) && matches!(s.raw(after.unwrap_or(k)), "." | ";")
                    || matches!(s.wo(after), "and" | "or");
                noun_phrase(&s, n)
                    && !matches!(
                        s.wo(head),
                        "time" | "nothing" | "something" | "everything" | "one"
                    )
                    && ends
                    && (s.is_punct(s.prev(k)) && s.raw(k - 1) == ","
                        || matches!(s.wo(s.prev(k)), "and" | "or")
                        || comma_after
                        || matches!(s.wo(after), "and" | "or"))
            };
            let anchor = (s.start..s.end).any(|k| {
                let w = s.w(k);
                (w == "its" && !hits.iter().any(|(j, _)| *j == k)
                    || w == "it's" && hits.iter().any(|(j, h)| *j == k && h.repl == "its"))
                    && member(k)
            });
            if anchor {
                for k in s.start..s.end {
                    if s.w(k) == "it's" && !hits.iter().any(|(j, _)| *j == k) && member(k) {
                        hits.push((
                            k,
                            Hit {
                                repl: "its",
                                sure: false,
                            },
                        ));
                    }
                }
                hits.sort_by_key(|(k, _)| *k);
            }
            for (i, h) in hits {
                let w = doc.lower(i);
                let raw = doc.tok(i);
                let repl = if raw.contains('\u{2019}') {
                    match_case(raw, h.repl).replace('\'', "\u{2019}")
                } else {
                    match_case(raw, h.repl)
                };
                let msg = if w == "of" && h.repl == "have" {
                    format!("`{} of` should be `{} have`", s.raw(i - 1), s.raw(i - 1))
                } else if h.sure {
                    format!("`{raw}` is confused with `{repl}` here")
                } else {
                    format!("`{raw}` may be confused with `{repl}` here")
                };
                let mut d = cx.diag(doc.tokens[i].span, msg).suggest(repl);
                if !h.sure {
                    d = d.severity(Severity::Advice);
                }
                out.push(d);
            }
        }
    }
}
