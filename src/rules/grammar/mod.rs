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
pub mod noun_number;
pub mod verb_form;

pub const RULES: &[&dyn Rule] = &[
    &agreement::Agreement,
    &verb_form::VerbForm,
    &noun_number::NounNumber,
    &determiner_number::DeterminerNumber,
    &double_comparative::DoubleComparative,
    &an_other::AnOther,
];

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
pub fn after_coordination(g: &Tagged, i: usize) -> bool {
    i > 0 && (g.t(i - 1) == Tag::CC || g.raw(i - 1) == ",")
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
