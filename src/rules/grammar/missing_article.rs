crate::rule::declare_rule! {
    /// # missing-article
    ///
    /// **What it does.** Reports a singular count noun with no article or other determiner
    /// where English needs one: after "be"/"become" with an adjective ("is good idea" → a good
    /// idea, "was big problem" → a big problem) and as the object of "have",
    /// "buy" or "own" ("I have car" → a car, "they bought new house").
    ///
    /// **Why it matters.** Missing articles are among the commonest errors of writers whose
    /// first language has none; a singular count noun cannot stand bare in English.
    ///
    /// **Example.**
    ///
    /// ```text
    /// This is good idea, and now he has car.
    ///         ^^^^^^^^^ a good idea   ^^^ a car
    /// ```
    ///
    /// It also reports "lot of" with no article ("I spent lot of time" → a lot of). Only nouns
    /// that are count nouns by use count: their plural is common (at least 3 for every 10 of
    /// the singular, from the frequency list), or in use (1 for every 10) and the noun follows
    /// "a"/"an" often for its frequency (the bigram counts: "is small city", "was hard test";
    /// "is important part of", a partitive noun after an adjective, too); mass nouns, names, compounds ("has car
    /// insurance"), numbers and labels after the noun, and nouns that stand bare in ordinary
    /// use ("have lunch", "have difficulty", "is common practice", `rules/grammar/bare_nouns.txt`)
    /// pass, as do abstract nouns by their suffix (-tion, -ity, -ment …) and nouns after a
    /// classifying adjective ("is lexical organization"). After "have", "buy" and "own" it
    /// speaks as advice, since many count nouns also stand bare there in an abstract sense
    /// ("have merit", "have incentive to"). Plural predicates ("they are good friend") are left
    /// to the number rules.
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** No automatic fix: a suggestion only ("the" may be what is meant).
    pub struct MissingArticle {
        name: "missing-article",
        category: Grammar,
        severity: Warning,
        summary: "a singular count noun with no article (\"is good idea\", \"I have car\")",
        fix: None,
    }
}
use super::{countable_by_use, lex, may_be_noun, surely_countable};
use crate::analysis::sentence::match_case;
use crate::analysis::syntax::Tagged;
use crate::diagnostic::Diagnostic;
use crate::lexicon::inflect::{noun_is, noun_number, NounClass, Number};
use crate::lexicon::pos;
use crate::lexicon::tagger::Tag;
use crate::rule::{Context, Rule};
use crate::Severity;

/// What opens the slot: a linking verb (an adjective is then required before the noun) or a
/// verb of having (the noun may stand right after it).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Slot {
    Linking,
    Having,
}

fn slot_of(g: &Tagged, p: usize) -> Option<Slot> {
    if !g.t(p).is_verb() || g.t(p) == Tag::MD {
        return None;
    }
    match g.w(p) {
        "is" | "was" | "be" | "become" | "becomes" | "became" => Some(Slot::Linking),
        "have" | "has" | "had" | "buy" | "buys" | "bought" | "own" | "owns" | "owned" => {
            Some(Slot::Having)
        }
        _ => None,
    }
}

/// Adjectives that make a phrase without an article or are determiners themselves ("is next
/// door", "was last year", "had enough money", "is first"), or that make compound adjectives
/// with a noun ("was long term", "is full time", "is high risk").
/// A noun with a suffix of abstract nouns (-tion, -ity, -ment, -ance, -ness, -ism …), which
/// mostly have an uncountable use besides the countable one ("have application to", "is
/// sexual agency").
fn abstract_noun(w: &str) -> bool {
    // A stem of three letters or more before it: "city", "page" are no abstract nouns.
    [
        "tion", "sion", "ity", "ment", "ance", "ence", "ness", "ism", "ship", "ure", "age", "ing",
        "cy", "ogy", "dom", "hood", "ery",
    ]
    .iter()
    .any(|s| w.len() >= s.len() + 3 && w.ends_with(s))
}

fn determiner_adjective(w: &str) -> bool {
    crate::lexicon::in_list!("grammar/determiner_adjectives.txt", w)
}

impl Rule for MissingArticle {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for g in cx.tagged() {
            for p in 0..g.len() {
                if let Some(slot) = slot_of(g, p) {
                    judge(cx, g, p, slot, out);
                }
                bare_lot(cx, g, p, out);
            }
        }
    }
}

fn judge(cx: &Context<'_>, g: &Tagged, p: usize, slot: Slot, out: &mut Vec<Diagnostic>) {
    if g.quoted(p) || !g.raw(p).bytes().all(|b| b.is_ascii_lowercase()) {
        return;
    }
    // "have" as an auxiliary or in "have to", "had better": the next word decides below. A
    // "have" after a noun or "to" may be a base form in a longer chain; fine either way.
    let mut k = p + 1;
    // A degree adverb before the adjective: "is very good idea".
    if slot == Slot::Linking && matches!(g.w(k), "very" | "really" | "extremely" | "quite") {
        k += 1;
    }
    let start = k;
    while k < g.len() && g.t(k) == Tag::JJ && k < start + 2 {
        let w = g.w(k);
        let t = lex(g, k);
        if determiner_adjective(w)
            || !g.raw(k).bytes().all(|b| b.is_ascii_lowercase())
            || t & (pos::ADJ | pos::MAY_ADJ) == 0
            || t & (pos::FUNCTION | pos::NUM | pos::COMP | pos::SUP | pos::ADV) != 0
            || w.ends_with("ed") && t & (pos::VERB_PAST | pos::VERB_PART | pos::MAY_PAST) != 0
        {
            return;
        }
        k += 1;
    }
    let h = k;
    if slot == Slot::Linking && h == start || h >= g.len() {
        return;
    }
    let hw = g.w(h);
    let ht = lex(g, h);
    if g.t(h) != Tag::NN
        || g.quoted(h)
        || !g.raw(h).bytes().all(|b| b.is_ascii_lowercase())
        || hw.len() < 3
        || !may_be_noun(ht)
        || ht & pos::KNOWN == 0
        || ht
            & (pos::ADJ
                | pos::ADV
                | pos::FUNCTION
                | pos::NUM
                | pos::VERB_ING
                | pos::COMP
                | pos::SUP)
            != 0
        || noun_number(hw) != Number::Singular
        || noun_is(hw, NounClass::Mass)
        || crate::lexicon::in_list!("grammar/bare_nouns.txt", hw)
        || abstract_noun(hw)
        // A partitive noun after an adjective is a count noun too ("is important part of" →
        // an important part; "is part of" with no adjective is right).
        // The looser signals only after "be" and an adjective ("is small city"); as the
        // object of "have" many such nouns stand bare in a mass sense ("owns land").
        || !(surely_countable(hw)
            || slot == Slot::Linking && h > start && countable_by_use(hw, true))
        // A participle or past ("it is still set", "was well done") is no noun here.
        || ht & (pos::VERB_PART | pos::VERB_PAST | pos::MAY_PAST | pos::MAY_ADJ) != 0
    {
        return;
    }
    // Classifying adjectives make terms that stand bare ("is lexical organization", "is
    // statistical uncertainty"); only an evaluative or descriptive one ("is important part",
    // "was big problem") is sure.
    if (start..h).any(|j| {
        let w = g.w(j);
        w.ends_with("al") || w.ends_with("ic") || w.ends_with("ary") || w.ends_with("ar")
    }) {
        return;
    }
    // With no adjective, a noun that may be a verb or past form may be one ("have run", "had
    // cut"), and after "have" a participle reading is likelier.
    if h == start && ht & (pos::VERB_PAST | pos::VERB_PART | pos::MAY_PAST) != 0 {
        return;
    }
    // Right after "has"/"have"/"had" a word that may be a base verb is likelier a slip of the
    // participle ("has lead to" for "has led"), which other rules report.
    if h == start
        && matches!(g.w(p), "has" | "have" | "had")
        && ht & (pos::VERB | pos::MAY_VERB) != 0
    {
        return;
    }
    // The phrase ends at the noun: a noun, number, name, hyphen or possessive after it makes a
    // compound or a label ("has car insurance", "is model 3").
    let e = h + 1;
    let next = g.w(e);
    let nt = lex(g, e);
    if g.is_word(e)
        && (g.t(e).is_noun()
            || nt & pos::FUNCTION == 0 && (may_be_noun(nt) || nt & pos::NUM != 0)
            || !g.raw(e).bytes().all(|b| b.is_ascii_lowercase()))
        || g.t(e) == Tag::CD
        || g.t(e) == Tag::POS
        || matches!(next, "-" | "–" | "/" | "(" | "'s" | "’s")
        || g.t(e).is_verb() && g.t(e) != Tag::VBN
    {
        return;
    }
    // Before the verb: a plural subject ("they are") never reaches here ("is", "was"); "what it
    // is" and "such is life" read the other way round.
    if p > 0 && matches!(g.w(p - 1), "what" | "such" | "how" | "whatever") {
        return;
    }
    let first = g.w(start);
    let art = crate::rules::sentences::article::indefinite_for(first);
    let phrase = (start..=h).map(|j| g.raw(j)).collect::<Vec<_>>().join(" ");
    let fix = format!("{art} {phrase}");
    let msg = format!(
        "`{}` is a singular count noun and needs an article here: `{fix}` (or `the {phrase}`)",
        g.raw(h)
    );
    let mut d = cx
        .diag(g.span(start).to(g.span(h)), msg)
        .suggest(match_case(g.raw(start), &fix))
        .suggest(format!("the {phrase}"));
    // Many count nouns stand bare as objects of "have" in an abstract sense ("have incentive
    // to", "have merit", "have property"): advice there.
    if slot == Slot::Having {
        d = d.severity(Severity::Advice);
    }
    out.push(d);
}

/// "spent lot of time" → a lot of: the quantity noun "lot" takes "a" (or "the lot of", "a whole
/// lot of"). Only where nothing could stand for the determiner: at the sentence's start or right
/// after a verb, a preposition, a conjunction or a comma.
fn bare_lot(cx: &Context<'_>, g: &Tagged, i: usize, out: &mut Vec<Diagnostic>) {
    if g.w(i) != "lot" || g.w(i + 1) != "of" || g.quoted(i) || !g.is_word(i + 2) {
        return;
    }
    let opens = i == 0
        || matches!(g.t(i - 1), Tag::CC | Tag::IN | Tag::TO)
            && !matches!(g.w(i - 1), "that" | "whole")
        || g.t(i - 1).is_verb() && g.t(i - 1) != Tag::VBN
        || g.raw(i - 1) == ",";
    if !opens || i > 0 && !g.is_word(i - 1) && g.raw(i - 1) != "," {
        return;
    }
    let fix = match_case(g.raw(i), "a lot");
    let msg = format!("`{}` needs an article: `{fix} of` (or `lots of`)", g.raw(i));
    out.push(cx.diag(g.span(i), msg).suggest(fix));
}
