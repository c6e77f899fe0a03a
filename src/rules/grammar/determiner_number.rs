crate::rule::declare_rule! {
    /// # determiner-number
    ///
    /// **What it does.** Checks that a singular determiner has a singular noun: "a students" →
    /// a student, "an ideas", "every students" → every student, "each days", "another problems",
    /// "this problems" → these problems; and the pronoun "others" before a noun ("many others
    /// animals" → other animals, or the possessive "others'").
    ///
    /// **Why it matters.** A determiner that does not match its noun is a frequent slip of
    /// revision (the noun was made plural and the article stayed) and a common learner error.
    ///
    /// **Example.**
    ///
    /// ```text
    /// Every students needs a books, and this problems are another issues.
    ///       ^^^^^^^^ student ^^^^^ book   ^^^^ these      ^^^^^^ issue
    /// ```
    ///
    /// The head of the noun phrase is judged, so compounds with a plural first part pass ("a sports
    /// car", "a savings account"), as do numbers and quantities ("a hundred people", "every two
    /// weeks", "another three years", "a great many"), nouns that end in -s in the singular (a
    /// series, a means, a lens) and "this" followed by a verb ("this helps students").
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** No automatic fix: a suggestion only, since sometimes another word is what is wrong.
    pub struct DeterminerNumber {
        name: "determiner-number",
        category: Grammar,
        severity: Warning,
        summary: "a singular determiner before a plural noun (\"a students\", \"every days\", \"this problems\")",
        fix: None,
    }
}
use super::lex;
use crate::analysis::sentence::match_case;
use crate::diagnostic::Diagnostic;
use crate::lexicon::chunk::np_at;
use crate::lexicon::inflect::{self, noun_is, noun_number, NounClass, Number};
use crate::lexicon::pos;
use crate::lexicon::tagger::Tag;
use crate::rule::{Context, Rule};
use crate::Severity;

impl Rule for DeterminerNumber {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for g in cx.tagged() {
            for k in 0..g.len() {
                let w = g.w(k);
                if w == "others" && !g.quoted(k) {
                    others(cx, g, k, out);
                    continue;
                }
                if !matches!(w, "a" | "an" | "every" | "each" | "another" | "this") || g.quoted(k) {
                    continue;
                }
                // A capital "A" inside a sentence is a label: "Table A lists".
                if k > 0 && g.raw(k) == "A" && g.is_word(k - 1) {
                    continue;
                }
                // "a" as a letter or a label: "Latino/a", "part a".
                if w == "a" && k > 0 && matches!(g.raw(k - 1), "/" | "(") {
                    continue;
                }
                let Some(np) = np_at(&g.words, &g.tags, k) else {
                    continue;
                };
                if np.det != Some(k) || g.quoted(np.head) {
                    continue;
                }
                let h = np.head;
                let hw = g.w(h);
                if g.t(h) != Tag::NNS || !g.raw(h).bytes().all(|b| b.is_ascii_lowercase()) {
                    continue;
                }
                // Numbers and quantities inside: "a hundred people", "every two weeks", "a
                // further three years", "another few days", "every other".
                if (k + 1..h).any(|j| {
                    matches!(g.t(j), Tag::CD | Tag::NNS | Tag::NNP | Tag::POS | Tag::VBG)
                        || matches!(
                            g.w(j),
                            "few"
                                | "many"
                                | "other"
                                | "dozen"
                                | "hundred"
                                | "thousand"
                                | "million"
                                | "couple"
                                | "-"
                                | "number"
                                | "lot"
                        )
                }) {
                    continue;
                }
                // The phrase must end at its head: "a sports car", "a savings account".
                let after = g.w(np.end);
                if g.t(np.end).is_noun()
                    || g.is_word(np.end)
                        && lex(g, np.end) & pos::FUNCTION == 0
                        && super::may_be_noun(lex(g, np.end))
                    || matches!(after, "-" | "'")
                    // "an independent samples t test": a letter after it continues the name.
                    || g.is_word(np.end) && g.w(np.end).len() == 1 && after != "a"
                    || g.t(np.end) == Tag::POS
                {
                    continue;
                }
                let t = lex(g, h);
                if noun_number(hw) != Number::Plural
                    || noun_is(hw, NounClass::PluralOnly)
                    || noun_is(hw, NounClass::Invariant)
                    || noun_is(hw, NounClass::SingularInS)
                    || t & (pos::FUNCTION | pos::NUM) != 0
                {
                    continue;
                }
                // "this helps", "each contributes": "this" and "each" stand alone before a verb.
                if matches!(w, "this" | "each" | "another")
                    && t & (pos::ANY_VERB | pos::MAY_VERB | pos::MAY_3SG) != 0
                    || w == "this" && (h != k + 1 || !g.t(np.end).is_verb())
                    || hw.ends_with("wards")
                {
                    continue;
                }
                // "a muscle contracts", "a disorder takes": after a noun a verb-capable -s word
                // is the verb; "Lamps each contained": "each" floats after its noun.
                if h > k + 1
                    && g.t(h - 1).is_noun()
                    && t & (pos::ANY_VERB | pos::MAY_VERB | pos::MAY_3SG) != 0
                    || w == "each" && k > 0 && (g.t(k - 1).is_noun() || g.t(k - 1) == Tag::PRP)
                {
                    continue;
                }
                // "each other's", "each others" is a different slip.
                if hw == "others" {
                    continue;
                }
                // "When a muscle contracts,", "the daughter of a fortunate dies.": a clause with
                // no other finite verb needs this -s word as its verb.
                let sg_verb = inflect::singular_of(hw)
                    .is_some_and(|sg| pos::tags(&sg) & (pos::VERB | pos::MAY_VERB) != 0);
                if (t & (pos::ANY_VERB | pos::MAY_VERB | pos::MAY_3SG) != 0 || sg_verb)
                    && !finite_in_clause(g, k, h)
                {
                    continue;
                }
                let Some(sg) = inflect::singular_of(hw) else {
                    continue;
                };
                let (span, msg, fix) = if w == "this" {
                    (
                        g.span(k),
                        format!(
                            "`{}` is plural: use `these`, or the singular `{sg}`",
                            g.raw(h)
                        ),
                        match_case(g.raw(k), "these"),
                    )
                } else {
                    (
                        g.span(h),
                        format!(
                            "after `{}` the noun is singular: `{sg}`, not `{}`",
                            g.raw(k),
                            g.raw(h)
                        ),
                        sg.clone(),
                    )
                };
                let mut d = cx.diag(span, msg).suggest(fix);
                if w != "this" && matches!(w, "a" | "an") {
                    d = d.related(g.span(k), "a singular article");
                }
                // A noun between the determiner and the head may end a phrase of its own ("as a
                // result companies are", "every day activities"): advice.
                if (k + 1..h).any(|j| g.t(j) == Tag::NN && lex(g, j) & pos::NOUN != 0) {
                    d = d.severity(Severity::Advice);
                }
                out.push(d);
            }
        }
    }
}

/// The clause around the phrase `k..=h` has a finite verb outside it (before the determiner or
/// after the head, up to a comma, semicolon or the sentence's end); a clause opened by a
/// preposition ("In a developmental states such as") holds no verb of its own either.
fn finite_in_clause(g: &crate::analysis::syntax::Tagged, k: usize, h: usize) -> bool {
    let finite = |j: usize| {
        matches!(g.t(j), Tag::VBZ | Tag::VBP | Tag::VBD | Tag::MD | Tag::VB)
            || lex(g, j) & (pos::BE | pos::HAVE | pos::MODAL) != 0 && lex(g, j) & pos::NOUN == 0
    };
    // A clause ends at a comma, semicolon, bracket or the end, and begins after a subordinator
    // or relative word ("claimed that a stand underlies", "at which a muscle contracts").
    let boundary = |j: usize| {
        g.t(j) == Tag::PUNCT && matches!(g.raw(j), "," | ";" | ":" | "." | "?" | "!" | "(" | ")")
            || matches!(g.t(j), Tag::WDT | Tag::WP | Tag::WRB)
            || matches!(
                g.w(j),
                "that"
                    | "because"
                    | "if"
                    | "when"
                    | "whether"
                    | "while"
                    | "although"
                    | "since"
                    | "as"
            ) && g.t(j) == Tag::IN
    };
    let mut j = k;
    while j > 0 && !boundary(j - 1) {
        j -= 1;
        if finite(j) {
            return true;
        }
    }
    // The phrase is a preposition's object at the clause's start.
    if k > 0 && g.t(k - 1) == Tag::IN && k - 1 == j {
        return true;
    }
    let mut j = h + 1;
    while j < g.len() && !boundary(j) {
        if finite(j) {
            return true;
        }
        j += 1;
    }
    false
}

/// "many others animals" → other animals: "others" is a pronoun, and before a noun the
/// determiner "other" is meant (or the possessive "others'": "others' opinions"). The noun must
/// be a plain plural with no verb reading, or "others" follow a determiner or quantifier
/// ("the others students", "many others people"), so that the -s word is no verb ("others
/// needs").
fn others(
    cx: &Context<'_>,
    g: &crate::analysis::syntax::Tagged,
    k: usize,
    out: &mut Vec<Diagnostic>,
) {
    let h = k + 1;
    if g.t(h) != Tag::NNS
        || !g.raw(k).bytes().all(|b| b.is_ascii_lowercase())
        || !g.raw(h).bytes().all(|b| b.is_ascii_lowercase())
        || g.quoted(h)
        || k > 0 && g.w(k - 1) == "each"
    {
        return;
    }
    let t = lex(g, h);
    let quantified = k > 0
        && (matches!(g.t(k - 1), Tag::DT | Tag::PRPS | Tag::CD)
            || matches!(
                g.w(k - 1),
                "many" | "several" | "few" | "various" | "numerous"
            ));
    if noun_number(g.w(h)) != Number::Plural
        || !super::may_be_noun(t)
        || t & (pos::FUNCTION | pos::NUM | pos::ADJ | pos::ADV) != 0
        || t & (pos::ANY_VERB | pos::MAY_VERB | pos::MAY_3SG) != 0 && !quantified
        || g.t(h + 1).is_noun()
    {
        return;
    }
    let fix = match_case(g.raw(k), "other");
    out.push(
        cx.diag(
            g.span(k),
            format!(
                "`{}` is a pronoun; before the noun `{}` use `{fix}` (or the possessive `{}'`)",
                g.raw(k),
                g.raw(h),
                g.raw(k)
            ),
        )
        .suggest(fix)
        .suggest(format!("{}'", g.raw(k))),
    );
}
