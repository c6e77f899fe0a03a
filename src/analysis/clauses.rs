//! Clause heuristics shared by comma-splice, run-on and fragment: where a finite verb may be,
//! and whether a stretch of tokens reads as an independent clause. Not a rule.

use crate::analysis::sentence::Sent;
use crate::lexicon::pos::{self, *};

/// Token `k` may be a finite verb (is, had, can, walked, rises), judged from the word and the
/// word before it. Loose on purpose: callers use it to stay silent.
pub fn may_be_finite(s: &Sent, k: usize) -> bool {
    if !s.is_word(Some(k)) {
        return false;
    }
    let w = s.w(k);
    let t = s.t(Some(k));
    let p = s.prev(k);
    let wp = s.wo(p);
    if wp == "to" && !s.has(p.and_then(|x| s.prev(x)), BE) {
        return false;
    }
    if t & (BE | HAVE | DO | MODAL) != 0 {
        return !matches!(w, "be" | "being" | "been" | "having" | "doing" | "done");
    }
    if t & (DET | POSS | PREP | CONJ | SUBORD | PRON_SUBJ | PRON_OBJ | QUANT) != 0 {
        return false;
    }
    if w.contains('\'') && !w.ends_with("'s") || w.ends_with("n't") {
        return true;
    }
    if w.ends_with("'s") && s.has(Some(k), PRON_SUBJ | WH) {
        return true;
    }
    let verbal = t & (VERB | VERB_3SG | VERB_PAST | MAY_VERB | MAY_3SG) != 0
        && !(t & (VERB_ING | MAY_ING) != 0 && t & (VERB_PAST | VERB_3SG | VERB) == 0);
    if !verbal {
        return false;
    }
    if s.is_first_word(k) {
        // An imperative ("Consider the case…") or a verb after a dropped subject.
        return t & (VERB | MAY_VERB) != 0;
    }
    let Some(p) = p else { return true };
    if s.is_punct(Some(p)) {
        // After a comma an -ed word is usually one more modifier in a list ("a unified,
        // centralized state"); anything else may be a verb.
        return !(s.raw(p) == "," && t & (VERB_PAST | VERB_PART | MAY_PAST) != 0);
    }
    let tp = s.t(Some(p));
    if tp & (DET | POSS | PREP | QUANT | NUM) != 0
        && tp & (PRON_SUBJ | WH) == 0
        && !matches!(
            wp,
            "this"
                | "that"
                | "these"
                | "those"
                | "some"
                | "all"
                | "many"
                | "most"
                | "much"
                | "few"
                | "both"
                | "each"
                | "none"
        )
    {
        return false;
    }
    if pos::is_adj_only(wp) {
        return false;
    }
    // An adjective by its ending before the word: "bureaucratic state", "political power".
    let adj_suffix = [
        "ic", "al", "ous", "ive", "ful", "less", "able", "ible", "ary", "ian",
    ]
    .iter()
    .any(|x| wp.ends_with(x) && wp.len() > x.len() + 3);
    if adj_suffix && tp & (VERB | VERB_3SG | VERB_PAST | MAY_VERB | NOUN) == 0 {
        return false;
    }
    true
}

/// A sure finite verb group at `k`: an auxiliary or a curated past/present form after a subject.
pub fn sure_finite(s: &Sent, k: usize) -> bool {
    let w = s.wo(Some(k));
    (s.has(Some(k), BE | HAVE | MODAL | DO)
        && !matches!(w, "be" | "being" | "been" | "having" | "doing" | "done"))
        || w.ends_with("n't")
        || (s.has(Some(k), VERB_PAST | VERB_3SG) && !s.has(Some(k), NOUN | ADJ))
}

/// Words after which what follows is a subordinate clause (or a relative one): a comma after
/// such a clause closes it and is no comma splice.
fn subordinating(s: &Sent, k: usize, first: usize, b: usize) -> bool {
    let w = s.w(k);
    match w {
        "although" | "though" | "because" | "if" | "unless" | "whereas" | "whether" | "while"
        | "whilst" | "when" | "whenever" | "wherever" | "lest" | "since" | "until" | "till"
        | "after" | "before" | "which" | "who" | "whom" | "whose" | "what" | "whatever"
        | "whoever" | "whichever" | "where" | "why" | "how" | "whereby" | "wherein"
        | "provided" | "providing" | "assuming" | "supposing" | "given" | "granted"
        | "considering" | "unlike" | "like" | "despite" | "except" => true,
        // "that" as a complementiser or relative; not "That was…" or "…did that,".
        // "of that year", "in that case": a determiner.
        "that" if s.has(s.prev(k), PREP) && pos::is_nounish(s.w(k + 1)) => false,
        "that" => {
            k != first
                && (k + 1 != b
                    || may_be_finite(s, k - 1)
                    || clause_taking(s.w(k - 1))
                    || s.has(s.prev(k), VERB_CLAUSE))
        }
        // "As it grew, …", "just as", "as they": a clause; "such as", "as well" are not.
        "as" => {
            k == first
                || matches!(
                    s.w(k.saturating_sub(1)),
                    "just" | "even" | "so" | "inasmuch"
                )
                || s.has(s.next(k), PRON_SUBJ)
        }
        "once" => k == first,
        // "every time it rains", "the moment he left", "by the time", "now that", "so that"
        "time" | "moment" | "minute" | "day" => {
            k > first
                && matches!(
                    s.w(k - 1),
                    "every"
                        | "each"
                        | "any"
                        | "the"
                        | "first"
                        | "second"
                        | "third"
                        | "next"
                        | "last"
                        | "final"
                        | "only"
                        | "same"
                )
                && (s.has(s.next(k), PRON_SUBJ | DET | POSS) || k - 1 == first)
        }
        "now" | "so" | "such" | "in" => s.w(k + 1) == "that" && k + 1 < b,
        _ => false,
    }
}

/// A subordinating or relative word among tokens `a..b`.
pub fn has_subordinator(s: &Sent, a: usize, b: usize) -> bool {
    (a..b).any(|k| s.is_word(Some(k)) && subordinating(s, k, a, b))
}

/// Verbs that introduce speech or a quotation after a comma ("She tells the duke, I would…")
/// or that report it after one ("…, she told me").
pub fn reporting_verb(w: &str) -> bool {
    crate::lexicon::reporting::is(w, crate::lexicon::reporting::Use::Report)
}

/// Verbs that take a clause: before a comma ("This means, we…", "I think, it…") the comma
/// introduces that clause.
pub fn clause_taking(w: &str) -> bool {
    crate::lexicon::reporting::is(w, crate::lexicon::reporting::Use::Clause)
}

/// How a comma-delimited stretch `a..b` of a sentence reads, for comma-splice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Segment {
    /// An independent clause: it opens with a subject (after an optional "and"/"but" or one
    /// adverb), has a finite verb, and holds no subordinator, relative word or reporting verb.
    Main,
    /// A short introductory phrase with no verb and no subordinator ("In 1920", "However",
    /// "For example", "On the other hand").
    Intro,
    /// Anything else: a subordinate clause, a participial or prepositional opener, a list item.
    Other,
}

/// Classifies tokens `a..b` (a stretch between commas).
pub fn segment(s: &Sent, a: usize, b: usize) -> Segment {
    let mut first = a;
    while first < b && s.is_punct(Some(first)) {
        first += 1;
    }
    if first >= b {
        return Segment::Other;
    }
    // "that is," "in turn," "that said,": discourse markers.
    if b - first <= 2 && matches!(s.w(first), "that" | "in" | "this") && !s.is_word(Some(b)) {
        return Segment::Intro;
    }
    if (first..b).any(|k| {
        subordinating(s, k, first, b)
            // A full stop inside: an abbreviation, or a sentence boundary the segmenter missed.
            || s.is_punct(Some(k)) && matches!(s.raw(k), "." | "?" | "!" | "\"" | "“" | "”")
    }) {
        return Segment::Other;
    }
    let words = (first..b).filter(|&k| s.is_wordlike(Some(k))).count();
    let verbal = (first..b)
        .any(|k| may_be_finite(s, k) || s.has(Some(k), VERB_ING | VERB_PART | MAY_ING | MAY_PAST));
    // After the last coordinating conjunction a new clause starts; if it has no verb yet it is
    // the opening phrase of the clause after the comma ("…and in turn, he will…").
    if let Some(cj) = (first + 1..b)
        .rev()
        .find(|&k| matches!(s.w(k), "and" | "but" | "or" | "yet" | "so" | "nor"))
    {
        if !(cj + 1..b).any(|k| may_be_finite(s, k)) {
            return Segment::Other;
        }
    }
    // Skip a coordinating conjunction and one adverb: "and it was", "but then he left".
    let mut k = first;
    if matches!(s.w(k), "and" | "but" | "yet" | "so" | "or" | "nor") {
        k += 1;
    }
    if s.has(Some(k), ADV) && !s.has(Some(k), DET | PRON_SUBJ | NOUN) && s.w(k) != "there" {
        k += 1;
    }
    if k < b && words >= 3 {
        if let Some(head) = subject_head(s, k, b) {
            let pronoun = s.has(Some(head), PRON_SUBJ) || s.w(head) == "there";
            // The verb follows the subject, perhaps after a prepositional phrase ("Socialism in
            // one country came") and an adverb or two ("probably will").
            let mut v = head + 1;
            if !pronoun && s.has(Some(v), PREP) && !s.has(Some(v), SUBORD | ADV) {
                let mut j = v + 2;
                while j < b && j <= v + 5 && s.is_word(Some(j)) {
                    if pos::is_nounish(s.w(j - 1)) && verb_after_noun(s, j, b) {
                        v = j;
                        break;
                    }
                    j += 1;
                }
            }
            while v < b && v <= head + 2 && s.has(Some(v), ADV | NEG) && !sure_finite(s, v) {
                v += 1;
            }
            let finite = v < b
                && if pronoun {
                    sure_finite(s, v) || may_be_finite(s, v) && s.has(Some(v), MAY_PAST | VERB_PAST)
                } else {
                    verb_after_noun(s, v, b)
                };
            if finite && !(first..b).any(|j| s.is_word(Some(j)) && reporting_verb(s.w(j))) {
                return Segment::Main;
            }
        }
    }
    if words <= 5 && !verbal {
        return Segment::Intro;
    }
    Segment::Other
}

/// Token `v`, right after a noun, is its finite verb: an auxiliary, a present or past form —
/// but not an -ed form that reads as a participle ("the model used in economics", "the tubes
/// placed on ice": followed by a preposition or "by").
pub fn verb_after_noun(s: &Sent, v: usize, b: usize) -> bool {
    let t = s.t(Some(v));
    if t & (BE | HAVE | MODAL | DO) != 0 {
        return sure_finite(s, v);
    }
    if !(sure_finite(s, v) || may_be_finite(s, v) && t & (MAY_PAST | VERB_PAST) != 0) {
        return false;
    }
    let ed = t & (VERB_PART | MAY_PAST) != 0 || s.w(v).ends_with("ed");
    !(ed && v + 1 < b && s.has(s.next(v), PREP))
}

/// Where a subject noun phrase starting at `k` ends (its last token), if `k` starts one.
fn subject_head(s: &Sent, k: usize, b: usize) -> Option<usize> {
    if !s.is_word(Some(k)) {
        return None;
    }
    let w = s.w(k);
    let t = s.t(Some(k));
    if t & PRON_SUBJ != 0
        || matches!(w, "this" | "these" | "those" | "that") && sure_finite(s, k + 1)
    {
        return Some(k);
    }
    if w == "there" {
        return s.has(s.next(k), BE | MODAL).then_some(k);
    }
    // "the economy", "his many enemies", "all three parties", "both men"
    let head = if t & (DET | POSS | QUANT | NUM) != 0 && t & (PREP | SUBORD | WH) == 0 {
        let mut j = k + 1;
        let mut last = None;
        while j < b && j <= k + 4 && s.is_word(Some(j)) {
            let tj = s.t(Some(j));
            if tj & (FUNCTION & !(QUANT | DET)) != 0 && tj & NOUN == 0 {
                break;
            }
            if sure_finite(s, j) && last.is_some() {
                break;
            }
            if pos::is_nounish(s.w(j)) || tj & NOUN != 0 || tj & NUM != 0 {
                last = Some(j);
            } else if tj & (ADJ | MAY_ADJ | COMP | SUP | VERB_PART | MAY_PAST | QUANT) == 0
                && tj & KNOWN != 0
            {
                break;
            }
            j += 1;
        }
        last?
    } else {
        if t & (PREP
            | SUBORD
            | WH
            | ADV
            | ADV_DEGREE
            | VERB_ING
            | MAY_ING
            | VERB_PART
            | MAY_PAST
            | NEG
            | FUNCTION)
            != 0
            || pos::is_adj_only(w)
        {
            return None;
        }
        // A proper name or a bare noun: "Lenin distrusted", "Men are", "Housing was". At the
        // start of a sentence every word is capitalised, so there it must read as a noun.
        let raw = s.raw(k);
        let capital = raw.chars().next().is_some_and(char::is_uppercase) && !s.is_first_word(k);
        let name = capital && t & (ANY_VERB | MAY_VERB | ADJ | MAY_ADJ) == 0
            || s.is_first_word(k) && t & KNOWN == 0 && t == 0;
        if !(pos::is_nounish(w) || name) {
            return None;
        }
        let mut j = k;
        // "Joseph Stalin", "Soviet industry"
        while j + 1 < b
            && j < k + 2
            && s.is_word(Some(j + 1))
            && (s.raw(j + 1).chars().next().is_some_and(char::is_uppercase)
                || pos::is_noun_only(s.w(j + 1)))
        {
            j += 1;
        }
        j
    };
    // "The next two reps we did, …": a relative clause without "that" follows the noun, so the
    // noun is not the subject of the verb after it.
    if s.has(s.next(head), PRON_SUBJ) {
        return None;
    }
    Some(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finite_verbs() {
        let d = crate::analysis::from_text(
            "The result, a unified, centralized, dictatorial, bureaucratic state.",
        );
        let s = Sent::new(&d, &d.sentences[0]);
        let f: Vec<_> = (s.start..s.end)
            .filter(|&k| may_be_finite(&s, k))
            .map(|k| d.tok(k))
            .collect();
        assert!(f.is_empty(), "{f:?}");
    }
}
