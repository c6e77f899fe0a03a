crate::rule::declare_rule! {
    /// # confusable
    ///
    /// **What it does.** Finds a real word written for another one: a homophone, a near-homophone or
    /// a word writers mix up (to/too/two, its/it's, their/there/they're, then/than, affect/effect,
    /// peace/piece, weather/whether, principal/principle, and 360 more sets), judged by the words
    /// around it, not by the word alone.
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
    /// She ate a peace of the cake.                → piece
    /// ```
    ///
    /// Two families of detectors, one file each:
    ///
    /// - grammatical detectors (`its.rs`, `to_too.rs`, `there.rs`, `then_than.rs`, `were_where.rs`,
    ///   `your.rs`, `whose.rs`, `affect.rs`, `lose.rs`, `accept.rs`, `of.rs`) look at the
    ///   neighbouring words' parts of speech (a determiner, a modal, a comparative, a subject
    ///   pronoun, a preposition) and fire only where the other reading is impossible or nearly so;
    ///   they judge the contractions and function words that statistics cannot ("could of", "its
    ///   + verb");
    /// - three general grammatical mechanisms run after them: the possessive slot
    ///   (`possessive.rs`: a possessive determiner opens a noun phrase, so "their not", "its
    ///   just" are contractions, and its twin cannot stand where only a determiner fits, "during
    ///   there growth"), the comparison scope (`comparison.rs`: "than" needs a comparison before
    ///   it, "then" inside a comparative's clause is "than") and the verb-form slot
    ///   (`verb_form.rs`: for two forms of one verb, lead/led, the word before decides, "has
    ///   lead" → "led", not the counts);
    /// - the context model (`model.rs`) judges every other set of `rules/confusable/sets.txt`: it
    ///   scores each member of the set between the written word's neighbours with the bigram
    ///   language model of CMU PocketSphinx (`rules/confusable/context.txt`, 385,000 bigrams
    ///   with backoff) and reports the word when another member wins by more than the set's
    ///   threshold, calibrated on held-out text for a precision of at least 0.99; a lower
    ///   advice threshold per set reports, as advice, where the set still flags under 0.4% of
    ///   correct uses. Sets whose evidence is thin speak as advice or stay silent. A written
    ///   word that a neighbour calls for, or that the model knows beside both neighbours ("in
    ///   sum,", "been sighted in"), is left alone. A finite verb right after its subject
    ///   pronoun is never judged a non-verb. The document's own usage counts too: a word it
    ///   uses three times or more is left alone when the model objects to fewer than half of
    ///   its uses ("the red mane display" in a paper about manes), and is advice otherwise.
    ///
    /// Where a context is strong but not watertight the diagnostic is advice. Correct uses stay
    /// silent: "too much", "I too have", "its own", "after all it's", "the effect of affect on
    /// memory", "to effect change", "cut loose", "except for", "a piece of", "in the past".
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** No automatic fix: the rule judges from the context around the word and can be
    /// wrong on an unusual sentence, so the other word is only suggested.
    pub struct Confusable {
        name: "confusable",
        category: Sentences,
        severity: Warning,
        summary: "a real word written for another: to/too, its/it's, then/than, peace/piece, …",
        fix: None,
    }
}

mod accept;
mod affect;
mod comparison;
mod its;
mod lose;
pub mod model;
mod of;
mod possessive;
mod slot;
mod then_than;
mod there;
mod to_too;
mod verb_form;
mod were_where;
mod whose;
mod your;

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

/// A word the document uses this many times or more is judged by the context model against
/// the document's own usage as well (see `Confusable::check`).
const REPEATED: usize = 3;

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

impl Rule for Confusable {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        // Every finding of the document, rendered after the whole document is read: the
        // token, the finding, whether the context model made it, and the message of a "could
        // of" (which names the word before).
        let mut found: Vec<(usize, Hit, bool, Option<String>)> = Vec::new();
        // How often the document uses each word (lowercase) in its own prose.
        let mut uses: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for s in Sent::prose(doc) {
            for i in s.start..s.end {
                if doc.tokens[i].kind == TokenKind::Word {
                    *uses.entry(doc.lower(i)).or_default() += 1;
                }
            }
            let mut hits: Vec<(usize, Hit)> = Vec::new();
            let mut by_model: Vec<usize> = Vec::new();
            for i in s.start..s.end {
                if doc.tokens[i].kind != TokenKind::Word {
                    continue;
                }
                let w = doc.lower(i);
                let hit = match w {
                    "its" | "it's" => self
                        .its(&s, i, w)
                        .or_else(|| self.possessive_slot(&s, i, w)),
                    "to" | "too" | "two" => self.to_too(&s, i, w),
                    "their" | "there" | "they're" => self
                        .there(&s, i, w)
                        .or_else(|| self.possessive_slot(&s, i, w)),
                    "then" | "than" => self
                        .then_than(&s, i, w)
                        .or_else(|| self.comparison_scope(&s, i, w)),
                    "were" | "where" => self.were_where(&s, i, w),
                    "your" | "you're" => self
                        .your(&s, i, w)
                        .or_else(|| self.possessive_slot(&s, i, w)),
                    "whose" | "who's" => self
                        .whose(&s, i, w)
                        .or_else(|| self.possessive_slot(&s, i, w)),
                    "affect" | "affects" | "effect" | "effected" | "effects" => {
                        self.affect(&s, i, w)
                    }
                    "loose" | "looses" | "loosing" | "lose" => self.lose(&s, i, w),
                    "accept" | "except" => self.accept(&s, i, w),
                    "of" => self.could_of(&s, i).or_else(|| self.verb_on(&s, i)),
                    _ => None,
                };
                let hit = hit.or_else(|| self.slot(&s, i, w));
                let hit = hit.or_else(|| {
                    let h = self.by_context(&s, i, w);
                    if h.is_some() {
                        by_model.push(i);
                    }
                    h
                });
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
                let of = (doc.lower(i) == "of" && h.repl == "have")
                    .then(|| format!("`{} of` should be `{} have`", s.raw(i - 1), s.raw(i - 1)));
                found.push((i, h, by_model.contains(&i), of));
            }
        }
        // The document's own usage is evidence too. A word it uses three times or more is
        // rarely a slip each time ("the red mane display", "the piece begins", "that sight
        // does"): where the context model objects to fewer than half of its uses, the other
        // uses show the writer means the word, and the model keeps quiet; where it objects to
        // most of them (a writer who always writes "principle" for "principal"), it speaks as
        // advice, since one consistent habit is a choice to consider, not a certain error.
        let mut objected: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (i, _, model, _) in &found {
            if *model {
                *objected.entry(doc.lower(*i)).or_default() += 1;
            }
        }
        for (i, mut h, model, of) in found {
            let w = doc.lower(i);
            if model {
                let n = uses.get(w).copied().unwrap_or(0);
                if n >= REPEATED {
                    if 2 * objected.get(w).copied().unwrap_or(0) < n {
                        continue;
                    }
                    h.sure = false;
                }
            }
            let raw = doc.tok(i);
            let repl = if raw.contains('\u{2019}') {
                match_case(raw, h.repl).replace('\'', "\u{2019}")
            } else {
                match_case(raw, h.repl)
            };
            let msg = if let Some(m) = of {
                m
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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::config::Config;
    use crate::doc::Document;

    /// The words the rule flags in `text`, each with its first suggestion.
    pub(crate) fn run(text: &str) -> Vec<(String, String)> {
        let doc = Document::from_text(text);
        let config = Config::default();
        let cx = Context::new(&doc, &config, crate::rule::Declared::meta(&Confusable));
        let mut out = Vec::new();
        Confusable.check(&cx, &mut out);
        out.iter()
            .map(|d| {
                let s = d.suggestions.first().cloned().unwrap_or_default();
                (doc.slice(d.span).to_string(), s)
            })
            .collect()
    }

    #[test]
    fn the_sets_file_tests_pass() {
        let data = include_str!("../../../../rules/confusable/sets.txt");
        // (text, the (wrong, right) pairs it must report; none for a silent test)
        let mut tests: Vec<(&str, Vec<(String, String)>)> = Vec::new();
        for line in data.lines() {
            if let Some(t) = line.strip_prefix("test:") {
                tests.push((t.trim(), Vec::new()));
            } else if let Some(t) = line.strip_prefix("test-silent:") {
                tests.push((t.trim(), Vec::new()));
            } else if let Some(e) = line.strip_prefix("expect:") {
                let (a, b) = e.split_once("->").expect("expect: wrong -> right");
                let last = tests.last_mut().expect("expect: after a test");
                last.1.push((a.trim().to_string(), b.trim().to_string()));
            }
        }
        let mut failures = Vec::new();
        for (text, want) in &tests {
            let got = run(text);
            if &got != want {
                failures.push(format!("{text}\n    want {want:?}\n    got  {got:?}"));
            }
        }
        assert!(tests.len() >= 40, "only {} tests", tests.len());
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn every_set_line_is_well_formed() {
        let data = include_str!("../../../../rules/confusable/sets.txt");
        let mut sets = 0;
        for line in data.lines() {
            if let Some(s) = line.strip_prefix("set:") {
                let members: Vec<&str> = s.split_whitespace().collect();
                assert!(members.len() >= 2, "{line}");
                assert!(
                    members
                        .iter()
                        .all(|w| w.chars().all(|c| c.is_ascii_lowercase() || c == '\'')),
                    "{line}"
                );
                sets += 1;
            } else {
                assert!(
                    line.is_empty()
                        || line.starts_with('#')
                        || line.starts_with("test:")
                        || line.starts_with("test-silent:")
                        || line.starts_with("expect:")
                        || line.starts_with("rule:")
                        || line
                            .strip_prefix("keep:")
                            .is_some_and(|k| k.split_whitespace().count() == 2),
                    "unknown line: {line}"
                );
            }
        }
        assert!(sets >= 200, "{sets} sets");
    }

    #[test]
    fn names_and_compounds_are_left_alone() {
        assert!(run("We met Principle Skinner at noon.").is_empty());
        assert!(run("The well-known peace-keeping force left.").is_empty());
    }
}
