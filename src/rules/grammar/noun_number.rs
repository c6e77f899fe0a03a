crate::rule::declare_rule! {
    /// # noun-number
    ///
    /// **What it does.** Checks the number of a noun after a word that fixes it: a plural
    /// determiner or quantifier takes a plural noun ("many student" → students, "several problem",
    /// "these kind of" → kinds, "two reason", "these subject are" → subjects: before a finite
    /// verb or as a verb's object "these" is no pronoun), so does "one of the" ("one of the reason" →
    /// reasons); "much" takes an uncountable noun ("much people" → many people); and uncountable
    /// nouns have no plural ("informations" → information).
    ///
    /// **Why it matters.** Noun number is among the commonest errors in learner essays; the
    /// quantifier in front makes each case certain.
    ///
    /// **Example.**
    ///
    /// ```text
    /// There are many reason for this, and one of the main problem is that much people agree.
    ///                ^^^^^^ reasons                 ^^^^^^^ problems    ^^^^ many
    /// ```
    ///
    /// The noun phrase is read by the chunker, so the head noun is judged, not a modifier ("many
    /// student loans" passes). Uncountable nouns after "many" ("many information") are left to the
    /// writer, as are nouns of either number (sheep, series, data), "many a man", "both the teacher
    /// and", and phrases whose head may be a verb ("many people fear").
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** No automatic fix: a suggestion only, since sometimes another word is what is wrong.
    pub struct NounNumber {
        name: "noun-number",
        category: Grammar,
        severity: Warning,
        summary: "a singular noun after a plural quantifier (\"many student\"), \"much\" with a plural, \"informations\"",
        fix: None,
    }
}
use super::{lex, may_be_noun, surely_countable};
use crate::analysis::sentence::match_case;
use crate::analysis::syntax::Tagged;
use crate::diagnostic::Diagnostic;
use crate::lexicon::chunk::np_at;
use crate::lexicon::inflect::{self, noun_is, noun_number, NounClass, Number};
use crate::lexicon::pos;
use crate::lexicon::tagger::Tag;
use crate::rule::{Context, Rule};
use crate::Severity;

fn plural_trigger(w: &str) -> bool {
    matches!(
        w,
        "many"
            | "several"
            | "these"
            | "those"
            | "various"
            | "numerous"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "twenty"
            | "thirty"
            | "forty"
            | "fifty"
            | "hundreds"
            | "thousands"
            | "millions"
            | "multiple"
            | "countless"
            | "few"
    )
}

impl Rule for NounNumber {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for g in cx.tagged() {
            for k in 0..g.len() {
                if !g.is_word(k) || g.quoted(k) {
                    continue;
                }
                let w = g.w(k);
                // "further evidences that": an -s form that is also a verb, used as one.
                let verb_use = lex(g, k) & (pos::ANY_VERB | pos::MAY_VERB | pos::MAY_3SG) != 0
                    && (matches!(g.w(k + 1), "that" | "how" | "whether")
                        || matches!(g.t(k + 1), Tag::DT | Tag::PRP | Tag::PRPS)
                        || k == 0
                        || matches!(
                            g.t(k - 1),
                            Tag::PRP | Tag::RB | Tag::MD | Tag::TO | Tag::WDT
                        ));
                if noun_is(w, NounClass::NeverPlural)
                    && !verb_use
                    && g.raw(k).bytes().all(|b| b.is_ascii_lowercase())
                {
                    let sg = &w[..w.len() - 1];
                    out.push(
                        cx.diag(
                            g.span(k),
                            format!("`{sg}` is uncountable and has no plural; use `{sg}`"),
                        )
                        .suggest(match_case(g.raw(k), sg)),
                    );
                    continue;
                }
                if let Some(sg) = mass_plural_in_np(g, k) {
                    out.push(
                        cx.diag(
                            g.span(k),
                            format!(
                                "`{sg}` is uncountable here and has no plural in use; use `{sg}`"
                            ),
                        )
                        .suggest(match_case(g.raw(k), &sg)),
                    );
                    continue;
                }
                if w == "much" {
                    much(cx, g, k, out);
                    continue;
                }
                // "one of the reason", "each of my friend"
                if matches!(w, "one" | "each" | "many" | "several" | "few" | "both")
                    && g.w(k + 1) == "of"
                    // "part one of our experiment": a numbered label.
                    && !(k > 0 && g.t(k - 1).is_noun())
                    && matches!(g.t(k + 2), Tag::DT | Tag::PRPS | Tag::POS)
                    && !matches!(
                        g.w(k + 2),
                        "a" | "an" | "this" | "that" | "each" | "every" | "another"
                    )
                {
                    if let Some(np) = np_at(&g.words, &g.tags, k + 2) {
                        if np.det == Some(k + 2) {
                            judge_singular(cx, g, k, np.start, np.head, np.end, out);
                        }
                    }
                    continue;
                }
                // "these kind of tests": a plural determiner before a singular noun of kind
                // ("kind", "sort", "type"), whose "of" phrase the chunker would read past.
                if matches!(w, "these" | "those")
                    && matches!(g.w(k + 1), "kind" | "sort" | "type")
                    && g.w(k + 2) == "of"
                    && g.raw(k + 1).bytes().all(|b| b.is_ascii_lowercase())
                    && !g.quoted(k + 1)
                {
                    let pl = format!("{}s", g.w(k + 1));
                    let sg_det = if w == "these" { "this" } else { "that" };
                    out.push(
                        cx.diag(
                            g.span(k + 1),
                            format!(
                                "after `{}` the noun is plural: `{pl} of`, or `{sg_det} {} of`",
                                g.raw(k),
                                g.raw(k + 1)
                            ),
                        )
                        .suggest(pl)
                        .related(g.span(k), "this word needs a plural"),
                    );
                    continue;
                }
                if let Some(np_start) = quantity_of(g, k) {
                    quantity(cx, g, k, np_start, out);
                    continue;
                }
                if !plural_trigger(w) {
                    continue;
                }
                // "few" alone is fine with a plural and rare with a singular; "a few" too.
                if w == "few" && g.w(k.wrapping_sub(1)) != "a" && g.w(k.wrapping_sub(1)) != "very" {
                    continue;
                }
                // "many a man"; a number word inside a bigger number ("one hundred two").
                if matches!(g.w(k + 1), "a" | "an" | "of" | "other" | "more" | "less") {
                    continue;
                }
                if k > 0
                    && matches!(
                        g.w(k - 1),
                        "a" | "an" | "one" | "every" | "each" | "per" | "another" | "-"
                    )
                {
                    continue;
                }
                // "these/those" as pronouns: "these are", "those who".
                let Some(np) = np_at(&g.words, &g.tags, k) else {
                    continue;
                };
                if np.det != Some(k) {
                    continue;
                }
                judge_singular(cx, g, k, np.start, np.head, np.end, out);
            }
        }
    }
}

/// The head at `head` should be plural (phrase `start..end`, trigger at `k`).
fn judge_singular(
    cx: &Context<'_>,
    g: &Tagged,
    k: usize,
    start: usize,
    head: usize,
    end: usize,
    out: &mut Vec<Diagnostic>,
) {
    let hw = g.w(head);
    if g.t(head) != Tag::NN
        || g.quoted(head)
        || !g.raw(head).bytes().all(|b| b.is_ascii_lowercase())
    {
        return;
    }
    // Every other noun of the phrase is a singular modifier; a plural one inside means the
    // chunker ran on into a verb ("many people fear"). A singular noun inside makes a measure
    // compound ("two week period", "three point cross", "two water baths").
    let numeric = lex(g, k) & pos::NUM != 0 && g.w(k + 1) != "of";
    if (start..head)
        .any(|j| matches!(g.t(j), Tag::NNS | Tag::NNP | Tag::VBG) || numeric && g.t(j) == Tag::NN)
    {
        return;
    }
    // The head continues into a compound: "two food processing companies", "two sample
    // t-tests", "the most prevalent current debates" (an -s word after it may be the plural
    // head whatever the tagger made of it).
    let nx = lex(g, end);
    if matches!(g.t(end), Tag::VBG | Tag::VBN) && (g.t(end + 1).is_noun() || g.w(end + 1) == "-")
        || g.is_word(end) && g.w(end).ends_with('s') && nx & (pos::MAY_3SG | pos::MAY_NOUN) != 0
        || g.is_word(end) && g.w(end).len() == 1
    {
        return;
    }
    // The phrase must end at the head: a noun, hyphen or possessive after it means a compound
    // the chunker did not see whole.
    // Judged by the lexicon, not the tags: "two case studies", "these initial results",
    // "several important life factors" are compounds whatever the tagger made of the last word.
    let next = g.w(end);
    let next_t = lex(g, end);
    if g.t(end).is_noun()
        || g.is_word(end)
            && next_t & (pos::FUNCTION | pos::COMP | pos::SUP) == 0
            && (may_be_noun(next_t) || next_t & pos::NUM != 0)
        || matches!(next, "-" | "'s" | "’s")
        || g.t(end) == Tag::POS
        || g.raw(end).starts_with(|c: char| c.is_uppercase())
        || g.t(end) == Tag::CD
    {
        return;
    }
    // A modifier that looks plural or unknown ("these new equilibriums mean"): the phrase may
    // end before the word judged.
    // "three dimensional structure": a number and an adjective make one compound adjective.
    if (start + 1..head).any(|j| g.w(j).ends_with('s') || lex(g, j) & pos::KNOWN == 0)
        || lex(g, k) & pos::NUM != 0 && g.w(k + 1).ends_with("al")
    {
        return;
    }
    let t = lex(g, head);
    let kind = matches!(hw, "kind" | "sort" | "type");
    if noun_number(hw) != Number::Singular
        || noun_is(hw, NounClass::Mass) && !kind
        || noun_is(hw, NounClass::Invariant)
        || noun_is(hw, NounClass::Partitive) && !kind
        || !may_be_noun(t)
        || t & (pos::ADJ | pos::COMP | pos::SUP | pos::FUNCTION | pos::NUM | pos::ADV) != 0
        || t & pos::VERB_ING != 0
    {
        return;
    }
    // "both the teacher and the students"
    if g.w(k) == "both" && (end..g.len()).any(|j| g.t(j) == Tag::CC) {
        return;
    }
    // "two hour drive", "five year plan": a measure noun before another noun is singular.
    if g.t(end).is_adj() && g.t(end + 1).is_noun() {
        return;
    }
    // A base verb reading after "these"/"those" as pronouns ("those who work"): the head
    // must not be a verb the chunker took for a noun after a pronoun-like trigger.
    if matches!(g.w(k), "these" | "those")
        && head == k + 1
        && t & (pos::ANY_VERB | pos::MAY_VERB) != 0
        && g.t(end).is_noun()
    {
        return;
    }
    // "these motor and sensory maps", "the few objective (easily measured) signals"
    if matches!(g.t(end), Tag::CC) || g.raw(end) == "(" {
        return;
    }
    // "many note that", "many feel a sense": "many" as a pronoun before a verb.
    if head == k + 1
        && t & (pos::ANY_VERB | pos::MAY_VERB) != 0
        && (matches!(g.t(end), Tag::DT | Tag::PRPS | Tag::PRP) || g.w(end) == "that")
    {
        return;
    }
    let Some(pl) = inflect::plural_of(hw) else {
        return;
    };
    // "these", "those", "both" and number words also stand alone as pronouns ("those present",
    // "the two work together", "these express"): there only a noun with no verb or adjective
    // reading is judged.
    let pronoun_like = matches!(g.w(k), "these" | "those" | "both" | "few")
        || lex(g, k) & pos::NUM != 0 && g.w(k + 1) != "of";
    let other_reading = t & (pos::ANY_VERB | pos::MAY_VERB | pos::MAY_ADJ) != 0;
    // "these subject are", "those problem were": a finite form of "be", "have" or a modal
    // right after the word makes it the head of the subject, not a verb after a pronoun.
    // So does a verb's object position ("we study these subject closely"): "these" there is
    // no subject a verb could follow (perception and causative verbs aside: "let these work").
    let object_slot = g.w(k) == "these"
        && k > 0
        && matches!(
            g.t(k - 1),
            Tag::VB | Tag::VBP | Tag::VBZ | Tag::VBD | Tag::VBG
        )
        && inflect::verb_base(g.w(k - 1)).is_some_and(|b| {
            !matches!(
                b.as_str(),
                "make"
                    | "let"
                    | "help"
                    | "have"
                    | "see"
                    | "watch"
                    | "hear"
                    | "feel"
                    | "be"
                    | "do"
                    | "get"
                    | "say"
                    | "think"
                    | "show"
                    | "mean"
                    | "find"
                    | "know"
            )
        })
        && !g.t(end).is_verb()
        && !matches!(g.t(end), Tag::DT | Tag::PRPS | Tag::PRP | Tag::TO);
    let finite_next = matches!(g.w(k), "these" | "those")
        && head == k + 1
        && (object_slot
            || matches!(
                g.w(end),
                "are" | "were" | "have" | "can" | "could" | "will" | "would" | "should"
                    | "must" | "may" | "might" | "aren't" | "weren't" | "haven't" | "don't"
            ))
        // "those present were": a word that may be an adjective stands as one; after the
        // pronoun "those" only a noun whose plural is common is sure to be one.
        && t & pos::MAY_ADJ == 0
        && (g.w(k) == "these" || surely_countable(hw))
        && (k == 0 || !g.t(k - 1).is_verb() && !matches!(g.t(k - 1), Tag::IN | Tag::TO));
    if pronoun_like && other_reading && head == k + 1 && !finite_next {
        return;
    }
    // Sure after the quantifiers that only take plurals; "these", "those", "both" and number
    // words also head pronouns and compound modifiers ("those least fit", "two food
    // processing companies"), so there it is advice.
    let sure = matches!(
        g.w(k),
        "many" | "several" | "various" | "numerous" | "multiple" | "countless" | "one" | "each"
    )
        // "that many advocate for": "many" as a pronoun before a verb and a preposition;
        // "the most prevalent current": an adjective reading of the head.
        && !(head == k + 1 && t & (pos::ANY_VERB | pos::MAY_VERB) != 0 && g.t(end) == Tag::IN)
        && t & pos::MAY_ADJ == 0
        || finite_next;
    let trigger = if g.w(k + 1) == "of" {
        format!("{} of", g.raw(k))
    } else {
        g.raw(k).to_string()
    };
    let message = format!(
        "after `{trigger}` the noun is plural: `{pl}`, not `{}`",
        g.raw(head)
    );
    push_plural(
        cx,
        g,
        (head, k),
        message,
        pl,
        "this word needs a plural",
        sure,
        out,
    );
}

/// "much people" → many people.
fn much(cx: &Context<'_>, g: &Tagged, k: usize, out: &mut Vec<Diagnostic>) {
    let h = k + 1;
    // "how much students believed": "how much" modifies the clause.
    if matches!(g.w(k.wrapping_sub(1)), "how" | "as" | "very")
        || g.t(h + 1).is_verb()
        || g.t(k) == Tag::RB
        || g.t(h) != Tag::NNS
        || !g.raw(h).bytes().all(|b| b.is_ascii_lowercase())
    {
        return;
    }
    let hw = g.w(h);
    let t = lex(g, h);
    // "so much depends on", "much remains to be done": a verb, not a plural noun.
    if t & (pos::ANY_VERB | pos::MAY_VERB) != 0 && (super::object_follows(g, h) || !may_be_noun(t))
        || matches!(hw, "thanks" | "remains" | "news" | "means")
        // "anyways", "towards": an -s word whose singular is an adverb is no plural noun.
        || inflect::singular_of(hw).is_some_and(|sg| {
            let st = pos::tags(&sg);
            st & pos::ADV != 0 || st & (pos::NOUN | pos::MAY_NOUN) == 0
        })
        || noun_number(hw) != Number::Plural
        || g.t(h + 1).is_noun()
    {
        return;
    }
    // "how much", "too much", "so much", "very much" are all fine with "many" instead.
    let fix = match_case(g.raw(k), "many");
    out.push(
        cx.diag(
            g.span(k),
            format!(
                "`{}` is plural: use `{fix}` (\"much\" goes with uncountable nouns)",
                g.raw(h)
            ),
        )
        .suggest(fix)
        .related(g.span(h), "a plural noun"),
    );
    let _ = Severity::Warning;
}

/// Word `k` is the head of a noun phrase opened by a determiner ("the researches", "many
/// useful advices", "their medias") and is a plural the language does not use
/// ([`inflect::mass_plural`]): the singular. Only where the word cannot be a verb: right after
/// the determiner or an adjective, and with no noun after it (a compound, "the news medias
/// coverage", is left alone).
fn mass_plural_in_np(g: &Tagged, k: usize) -> Option<String> {
    if k == 0 || !g.raw(k).bytes().all(|b| b.is_ascii_lowercase()) || !g.w(k).ends_with('s') {
        return None;
    }
    let mut d = k - 1;
    // Back over up to two adjectives ("many useful advices").
    while d > 0 && g.t(d).is_adj() && lex(g, d) & pos::NOUN == 0 && k - d <= 2 {
        d -= 1;
    }
    let det = g.w(d);
    let opens = matches!(g.t(d), Tag::DT | Tag::PRPS)
        && !matches!(
            det,
            "a" | "an" | "this" | "that" | "each" | "every" | "another"
        )
        || matches!(
            det,
            "many" | "several" | "various" | "numerous" | "few" | "multiple"
        );
    if !opens {
        return None;
    }
    // "the research's", "the researches show" is still an error, but "the medias coverage" may
    // be a compound: no noun, number or possessive after.
    if g.t(k + 1).is_noun() || g.t(k + 1) == Tag::POS || g.w(k + 1) == "-" {
        return None;
    }
    inflect::mass_plural(g.w(k))
}

/// A quantity phrase at `k` whose "of" phrase must be plural for a count noun ("a lot of",
/// "lots of", "plenty of", "a number of", "a couple of", "a variety of", "the majority of"):
/// where that phrase starts.
fn quantity_of(g: &Tagged, k: usize) -> Option<usize> {
    let w = g.w(k);
    let before = g.w(k.wrapping_sub(1));
    let ok = match w {
        "lot" => before == "a",
        "lots" | "plenty" => true,
        "number" | "couple" | "variety" | "range" | "majority" | "handful" | "multitude" => {
            matches!(before, "a" | "the")
        }
        _ => false,
    };
    (ok && k > 0 && g.w(k + 1) == "of").then_some(k + 2)
}

/// "a lot of place" → places: a count noun (its plural common in use) after a quantity
/// phrase. Mass nouns ("a lot of time", "plenty of water") are fine and never judged.
fn quantity(cx: &Context<'_>, g: &Tagged, k: usize, start: usize, out: &mut Vec<Diagnostic>) {
    let Some(np) = np_at(&g.words, &g.tags, start) else {
        return;
    };
    let head = np.head;
    let hw = g.w(head);
    let end = np.end;
    let det_ok = np.det.is_none_or(|d| {
        d == start
            && matches!(
                g.w(d),
                "the" | "these" | "those" | "my" | "our" | "their" | "his" | "your"
            )
    });
    let next_t = lex(g, end);
    if !det_ok
        || g.t(head) != Tag::NN
        || g.quoted(head)
        || !g.raw(head).bytes().all(|b| b.is_ascii_lowercase())
        || (start..head).any(|j| g.t(j).is_noun() || g.t(j) == Tag::CD || g.t(j) == Tag::VBG)
        // The phrase goes on: a compound ("a lot of student loans"), a hyphen, a possessive.
        || g.t(end).is_noun()
        || g.is_word(end) && next_t & pos::FUNCTION == 0 && (may_be_noun(next_t) || next_t & pos::NUM != 0)
        || matches!(g.w(end), "-" | "'s" | "and" | "or")
        || g.t(end) == Tag::POS
        || lex(g, head) & (pos::ADJ | pos::ADV | pos::FUNCTION | pos::NUM | pos::VERB_ING) != 0
        || !surely_countable(hw)
    {
        return;
    }
    let Some(pl) = inflect::plural_of(hw) else {
        return;
    };
    let trigger =
        if matches!(g.w(k.wrapping_sub(1)), "a" | "the") && !matches!(g.w(k), "lots" | "plenty") {
            format!("{} {} of", g.raw(k - 1), g.raw(k))
        } else {
            format!("{} of", g.raw(k))
        };
    // "a number of", "a couple of" take only plurals; after "a lot of", "lots of", "the
    // majority of" an abstract noun may be used as uncountable ("a lot of opportunity", "lots
    // of hardship"), unless a plural verb before shows the number ("there are a lot of").
    let a = usize::from(matches!(g.w(k.wrapping_sub(1)), "a" | "the"));
    let plural_verb_before =
        k > a && matches!(g.w(k - a - 1), "are" | "were" | "aren't" | "weren't");
    let sure =
        matches!(g.w(k), "number" | "couple" | "handful" | "multitude") || plural_verb_before;
    let message = format!(
        "after `{trigger}` a count noun is plural: `{pl}`, not `{}`",
        g.raw(head)
    );
    push_plural(
        cx,
        g,
        (head, k),
        message,
        pl,
        "this phrase needs a plural",
        sure,
        out,
    );
}

/// Reports the singular `head` that the word at `trigger` wants plural: a warning when `sure`,
/// advice otherwise, with the plural suggested.
#[allow(clippy::too_many_arguments)]
fn push_plural(
    cx: &Context<'_>,
    g: &Tagged,
    (head, trigger): (usize, usize),
    message: String,
    plural: String,
    why: &str,
    sure: bool,
    out: &mut Vec<Diagnostic>,
) {
    let mut d = cx
        .diag(g.span(head), message)
        .suggest(plural)
        .related(g.span(trigger), why);
    if !sure {
        d = d.severity(Severity::Advice);
    }
    out.push(d);
}
