//! Rules of the `grammar` category: agreement, verb forms, noun number and determiners. They
//! read the part-of-speech tags and noun phrases of [`crate::analysis::syntax`]; the helpers here
//! are the judgements several of them share. Not a rule.

use crate::analysis::syntax::Tagged;
use crate::lexicon::pos::{self, Tags};
use crate::lexicon::tagger::Tag;
use crate::rule::Rule;

pub mod agreement;
pub mod an_other;
pub mod determiner_number;
pub mod double_comparative;
pub mod missing_article;
pub mod noun_number;
pub mod past_time;
pub mod verb_form;

pub const RULES: &[&dyn Rule] = &[
    &agreement::Agreement,
    &verb_form::VerbForm,
    &noun_number::NounNumber,
    &determiner_number::DeterminerNumber,
    &double_comparative::DoubleComparative,
    &an_other::AnOther,
    &missing_article::MissingArticle,
    &past_time::PastTimeTense,
];

/// Readings that keep a word tagged as a present verb from being surely one: an adjective,
/// adverb, function word or number reading, or a past or participle form ("cost", "put").
pub const NOT_PLAIN_PRESENT: Tags = pos::ADJ
    | pos::MAY_ADJ
    | pos::ADV
    | pos::FUNCTION
    | pos::NUM
    | pos::VERB_PAST
    | pos::VERB_PART
    | pos::MAY_PAST;

/// Where a verb may stand from `start`: past at most two adverbs ("often really", not "not" or
/// "there"), a lowercase word outside quotations, if there is one.
pub fn verb_after_adverbs(g: &Tagged, start: usize) -> Option<usize> {
    let mut v = start;
    while g.t(v) == Tag::RB && !matches!(g.w(v), "not" | "there") && v < start + 2 {
        v += 1;
    }
    (g.is_word(v) && !g.quoted(v) && g.raw(v).bytes().all(|b| b.is_ascii_lowercase())).then_some(v)
}

/// The lexicon's tags of word `i` of a tagged sentence.
pub fn lex(g: &Tagged, i: usize) -> Tags {
    if g.is_word(i) {
        pos::tags(g.w(i))
    } else {
        0
    }
}

/// The word may be a noun by the lexicon (curated, or either dictionary's affix flags).
pub fn may_be_noun(t: Tags) -> bool {
    t & (pos::NOUN | pos::MAY_NOUN | pos::MAY_NOUN_GB) != 0 || t & pos::KNOWN == 0
}

/// What follows word `i` reads as the object or complement of a verb: a determiner, a pronoun,
/// "that", "to", an adverb, a preposition, a number.
pub fn object_follows(g: &Tagged, i: usize) -> bool {
    let w = g.w(i + 1);
    matches!(
        g.t(i + 1),
        Tag::DT | Tag::PRPS | Tag::PRP | Tag::IN | Tag::TO | Tag::CD | Tag::RB | Tag::POS
    ) && !matches!(w, "and" | "or" | "of")
        || w == "that"
}

/// Word `i` starts a clause: the first word, or after a comma, semicolon, colon, a coordinating
/// conjunction or a subordinator ("because", "that", "if").
pub fn clause_start(g: &Tagged, i: usize) -> bool {
    let mut k = i;
    // Past opening quotes and brackets.
    while k > 0 && g.t(k - 1) == Tag::PUNCT && matches!(g.raw(k - 1), "(" | "“" | "\"" | "‘") {
        k -= 1;
    }
    if k == 0 {
        return true;
    }
    let p = k - 1;
    // "the classification that occurs": after a noun, "that" opens a relative clause whose
    // subject is that noun (see the relative-clause check), unless a noun phrase follows ("the
    // fact that the students are").
    if g.w(p) == "that"
        && p > 0
        && g.t(p - 1).is_noun()
        && (g.t(k).is_verb()
            || lex(g, k) & (pos::ANY_VERB | pos::MAY_VERB | pos::MAY_3SG) != 0
                && !g.t(k + 1).is_verb())
    {
        return false;
    }
    match g.t(p) {
        // A colon counts only before a space ("ratio root:shoot" is notation).
        Tag::PUNCT => {
            matches!(g.raw(p), "," | ";")
                || g.raw(p) == ":" && g.doc.tokens[g.start + k].space_before
        }
        Tag::CC => true,
        _ => crate::lexicon::in_list!("grammar/subordinators.txt", g.w(p)) && g.t(p) != Tag::DT,
    }
}

/// Word `i` follows a comma or a coordinating conjunction: it may be the last member of a
/// coordinated subject ("A, B and C are"), whose number no single noun decides.
///
/// "but", "yet" and "so" join clauses, not noun phrases; and a comma after a stretch with a
/// finite verb ("when I did the interview, the employer asks") closes a clause, not a list item.
pub fn after_coordination(g: &Tagged, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    if g.t(i - 1) == Tag::CC {
        return !matches!(g.w(i - 1), "but" | "yet" | "so");
    }
    if g.raw(i - 1) != "," {
        return false;
    }
    // Back to the previous comma or clause edge: a stretch that opens with a subordinator and
    // has a finite verb ("when I did the interview, the employer asks") is an introductory
    // clause, and the comma ends it; anything else may be a list ("A, B, C are").
    let mut k = i - 1;
    let mut has_finite = false;
    while k > 0 {
        k -= 1;
        if matches!(g.raw(k), "," | ";" | ":" | "(" | ")") {
            k += 1;
            break;
        }
        has_finite |= matches!(g.t(k), Tag::VBZ | Tag::VBP | Tag::VBD | Tag::MD);
    }
    let opener = (g.t(k) == Tag::WRB
        || crate::lexicon::in_list!("grammar/subordinators.txt", g.w(k)) && g.t(k) != Tag::DT)
        && !matches!(g.w(k), "that" | "than");
    !(opener && has_finite && k + 1 < i - 1)
}

/// Word `i` opens the main clause after a short introductory phrase with no comma: a
/// sentence-initial adverb ("Recently scientists have") or a preposition and a short noun
/// phrase ("In this case students learn", "For example children like").
pub fn after_intro_phrase(g: &Tagged, i: usize) -> bool {
    if i == 0 || !g.is_word(0) {
        return false;
    }
    if i == 1 {
        return g.t(0) == Tag::RB && !matches!(g.w(0), "not" | "there" | "only" | "also" | "even");
    }
    if g.t(0) != Tag::IN || i > 4 || g.w(0) == "that" {
        return false;
    }
    // IN (DT|PRPS)? JJ* NN, with the noun right before word i.
    let mut k = 1;
    if matches!(g.t(k), Tag::DT | Tag::PRPS) {
        k += 1;
    }
    while k < i - 1 && g.t(k).is_adj() {
        k += 1;
    }
    k == i - 1 && matches!(g.t(k), Tag::NN | Tag::NNS)
}

/// The clause of word `v` has another finite verb after it (before the next comma,
/// subordinator or relative word): `v` may sit inside a reduced relative clause ("the
/// conditions the researchers imposed were").
pub fn finite_after(g: &Tagged, v: usize) -> bool {
    (v + 1..g.len())
        .take_while(|&j| {
            !(g.t(j) == Tag::PUNCT && g.raw(j) != "-"
                || matches!(g.t(j), Tag::WDT | Tag::WP | Tag::WRB | Tag::CC)
                || crate::lexicon::in_list!("grammar/subordinators.txt", g.w(j)))
        })
        .any(|j| matches!(g.t(j), Tag::VBZ | Tag::VBP | Tag::VBD | Tag::MD))
}

/// What follows word `v` can only be a verb's object (a determiner other than "that", a
/// possessive, an object pronoun), and no other finite verb follows in the clause: `v` is the
/// clause's verb whatever noun reading it has ("the survey shows a decline", "history tell
/// us").
pub fn verb_by_object(g: &Tagged, v: usize) -> bool {
    crate::analysis::syntax::strong_object_after(&g.words, &g.tags, v) && !finite_after(g, v)
}

/// A noun whose plural is common in use, at least 3 for every 10 of its singular
/// (students/student, cars/car, lectures/lecture), and which the noun list does not call
/// uncountable: a count noun, which a singular use needs a determiner for. From the frequency
/// list (`rules/spelling/word_frequency.txt`), not a list of count nouns.
pub fn surely_countable(w: &str) -> bool {
    listed_countable(w) && plural_share(w).is_some_and(|s| s >= 0.3)
}

/// A count noun by either of two signals from the word lists, not a list of count nouns (for
/// the missing-article rule, whose slots are narrower than the number rules'): its plural is
/// common ([`surely_countable`]), or its plural is less common but in use (at least 1 for every
/// 10 of the singular: cities/city, houses/house, tests/test) and it follows "a"/"an" often for
/// its frequency ("a city", "a test", against "a water", "a research": the bigram counts of
/// `rules/spelling/bigrams.txt`). With `partitive`, the noun list's partitive nouns count too
/// ("an important part of").
pub fn countable_by_use(w: &str, partitive: bool) -> bool {
    use crate::lexicon::inflect::{noun_is, NounClass};
    use crate::lexicon::spell::context::share_after;
    if !(listed_countable(w) || partitive && noun_is(w, NounClass::Partitive)) {
        return false;
    }
    let after_a = || share_after("a", w).unwrap_or(0.0) + share_after("an", w).unwrap_or(0.0);
    plural_share(w).is_some_and(|s| s >= 0.3 || s >= 0.1 && after_a() >= 0.75)
}

/// The noun list does not make `w` uncountable or of either number (mass, invariant,
/// partitive, collective, plural-only nouns, singulars in -s).
fn listed_countable(w: &str) -> bool {
    use crate::lexicon::inflect::{noun_is, NounClass};
    ![
        NounClass::Mass,
        NounClass::Invariant,
        NounClass::Partitive,
        NounClass::Collective,
        NounClass::PluralOnly,
        NounClass::SingularInS,
    ]
    .into_iter()
    .any(|c| noun_is(w, c))
}

/// How common the plural of a frequent noun is for each use of its singular (frequency list).
fn plural_share(w: &str) -> Option<f64> {
    use crate::lexicon::inflect::plural_of;
    use crate::lexicon::spell::suggest::{frequency_rank, prior_of};
    if frequency_rank(w).is_none_or(|r| r > 30_000) {
        return None;
    }
    let pl = plural_of(w)?;
    // Costs are -ln(frequency).
    Some(f64::from(prior_of(w)? - prior_of(&pl)?).exp())
}

/// A mandative context before word `i`: "suggest that he go", "it is essential that she be"
/// take a base-form verb (the subjunctive), which is right.
pub fn mandative_before(g: &Tagged, i: usize) -> bool {
    static LIST: std::sync::OnceLock<(Vec<&'static str>, Vec<&'static str>)> =
        std::sync::OnceLock::new();
    let (prefixes, words) = LIST.get_or_init(|| {
        let mut p = Vec::new();
        let mut w = Vec::new();
        for l in crate::lexicon::lines(crate::lexicon::data_file!("rules/grammar/mandative.txt")) {
            match l.strip_suffix('*') {
                Some(pre) => p.push(pre),
                None => w.push(l),
            }
        }
        (p, w)
    });
    let from = i.saturating_sub(8);
    (from..i).any(|k| {
        let w = g.w(k);
        prefixes.iter().any(|p| w.starts_with(p)) || words.contains(&w)
    })
}
