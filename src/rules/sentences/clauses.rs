//! Clause heuristics shared by comma-splice, run-on and fragment: where a finite verb may be,
//! and whether a stretch of tokens reads as an independent clause. Not a rule.

use super::ctx::Sent;
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

/// Tokens `a..b` hold a subject followed by a finite verb, and do not open with a subordinator,
/// a preposition, a participle or a relative word.
pub fn independent(s: &Sent, a: usize, b: usize) -> bool {
    // Judge the last clause of the stretch: what follows its last "that", "and", "or", "but".
    let a = (a..b)
        .rev()
        .find(|&k| matches!(s.w(k), "that" | "and" | "or" | "but" | "nor" | "yet" | "so"))
        .map_or(a, |k| k + 1);
    let mut first = a;
    while first < b && s.is_punct(Some(first)) {
        first += 1;
    }
    if first >= b {
        return false;
    }
    let t0 = s.t(Some(first));
    let w0 = s.w(first);
    if t0 & (SUBORD | WH | PREP) != 0 && t0 & PRON_SUBJ == 0
        || t0 & (VERB_ING | VERB_PART | MAY_ING) != 0 && t0 & (NOUN | PRON_SUBJ) == 0
        || matches!(w0, "the" | "to") && s.has(s.next(first), COMP)
        || matches!(
            w0,
            "to" | "due"
                | "apart"
                | "insofar"
                | "according"
                | "regardless"
                | "owing"
                | "given"
                | "like"
                | "unlike"
                | "as"
        )
    {
        return false;
    }
    // A subordinator anywhere before the comma: the comma probably closes that clause.
    if (first..b).any(|k| {
        s.has(Some(k), SUBORD) && !matches!(s.w(k), "that" | "as" | "once")
            || matches!(
                s.w(k),
                "whereas"
                    | "if"
                    | "because"
                    | "when"
                    | "although"
                    | "though"
                    | "unless"
                    | "while"
                    | "since"
            )
    }) {
        return false;
    }
    let mut subject = false;
    for k in first..b {
        let t = s.t(Some(k));
        if !subject {
            if t & (PRON_SUBJ | PRON_INDEF) != 0
                || (s.is_word(Some(k)) && pos::is_nounish(s.w(k)))
                || t & NOUN != 0
            {
                subject = true;
            }
            continue;
        }
        if (sure_finite(s, k) || may_be_finite(s, k) && s.has(Some(k), MAY_PAST | VERB_PAST))
            && !s.is_first_word(k)
        {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Document;

    #[test]
    fn finite_verbs() {
        let d = Document::from_text(
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
