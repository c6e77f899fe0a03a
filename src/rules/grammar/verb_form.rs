crate::rule::declare_rule! {
    /// # verb-form
    ///
    /// **What it does.** Checks the form of a verb after an auxiliary, a modal or the infinitive
    /// marker: a modal, "to" and "do" take the base form ("can went" → go, "to studied" → study,
    /// "didn't went" → go, "doesn't knows" → know); "have" takes the past participle ("has went"
    /// → gone, "had took" → taken); a passive "be" takes the participle ("was build" → built, "were
    /// took" → taken); and "be" does not go with a present verb ("is consist of" → consists of).
    ///
    /// **Why it matters.** A wrong verb form after an auxiliary is one of the commonest errors of
    /// learners of English, and it is unambiguous: the auxiliary fixes which form must follow.
    ///
    /// **Example.**
    ///
    /// ```text
    /// She can went home, but he has took the car and the house was build in 1900.
    ///         ^^^^ go              ^^^^ taken                   ^^^^^ built
    /// ```
    ///
    /// Only forms that cannot be right are reported: irregular pasts that are not participles
    /// (went, took, gave), -s forms and regular pasts of words that are only verbs. "To" before an
    /// adjective or noun ("to used cars"), "can" and "will" as nouns ("free will"), pseudo-clefts
    /// ("what he did was help them") and "didn't used to" are left alone.
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** No automatic fix: a suggestion only, since sometimes another word is what is wrong.
    pub struct VerbForm {
        name: "verb-form",
        category: Grammar,
        severity: Warning,
        summary: "a wrong verb form after a modal, \"to\", \"do\", \"have\" or \"be\" (\"can went\", \"has went\")",
        fix: None,
    }
}
use super::{lex, may_be_noun};
use crate::analysis::sentence::match_case;
use crate::analysis::syntax::Tagged;
use crate::diagnostic::Diagnostic;
use crate::lexicon::inflect;
use crate::lexicon::pos;
use crate::lexicon::tagger::Tag;
use crate::rule::{Context, Rule};
use crate::Severity;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Aux {
    /// can, will, must…: base form.
    Modal,
    /// infinitive "to": base form.
    To,
    /// do/does/did with "not": base form.
    Do,
    /// have/has/had: participle.
    Have,
    /// be/is/was…: participle (passive) or -ing.
    Be,
}

fn aux_kind(g: &Tagged, k: usize) -> Option<Aux> {
    let w = g.w(k);
    match w {
        "have" | "has" | "had" | "having" | "haven't" | "hasn't" | "hadn't" | "'ve" => {
            Some(Aux::Have)
        }
        "is" | "are" | "was" | "were" | "be" | "been" | "being" | "am" | "isn't" | "aren't"
        | "wasn't" | "weren't" => Some(Aux::Be),
        "don't" | "doesn't" | "didn't" => Some(Aux::Do),
        "do" | "does" | "did" if g.w(k + 1) == "not" => Some(Aux::Do),
        "to" => Some(Aux::To),
        _ if g.t(k) == Tag::MD && !w.ends_with("n't")
            || matches!(
                w,
                "can't" | "cannot" | "won't" | "wouldn't" | "couldn't" | "shouldn't" | "mustn't"
            ) =>
        {
            Some(Aux::Modal)
        }
        _ => None,
    }
}

/// Verbs that take no object: after "be" the writer meant the verb itself ("is consist of" →
/// consists of), not a passive.
fn intransitive(base: &str) -> bool {
    crate::lexicon::in_list!("grammar/intransitive_verbs.txt", base)
}

/// Verbs whose infinitive "to" is a preposition before an -ed adjective ("to used cars").
fn infinitive_trigger(w: &str) -> bool {
    pos::is(w, pos::VERB_INF)
        || matches!(
            w,
            "order"
                | "able"
                | "unable"
                | "going"
                | "gonna"
                | "want"
                | "has"
                | "have"
                | "had"
                | "ought"
                | "trying"
                | "tried"
                | "decided"
                | "wants"
                | "wanted"
                | "needs"
                | "need"
                | "needed"
                | "try"
                | "started"
                | "began"
                | "begin"
                | "likely"
                | "allowed"
                | "helps"
                | "help"
                | "helped"
        )
}

impl Rule for VerbForm {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for g in cx.tagged() {
            let has_do = (0..g.len()).any(|k| matches!(g.w(k), "do" | "did" | "does" | "done"));
            for k in 0..g.len() {
                let Some(aux) = aux_kind(g, k) else { continue };
                if g.quoted(k) {
                    continue;
                }
                // "will" and "can" as nouns: "the will of the people", "free will".
                if aux == Aux::Modal
                    && k > 0
                    && matches!(g.t(k - 1), Tag::DT | Tag::PRPS | Tag::JJ | Tag::POS)
                {
                    continue;
                }
                // "Or will altered hormone levels prevent": a modal opening a clause is a
                // question's, and its subject comes next.
                if aux == Aux::Modal
                    && (k == 0 || matches!(g.t(k - 1), Tag::PUNCT | Tag::CC))
                    && g.raw(k - usize::from(k > 0)) != ","
                {
                    continue;
                }
                // "The experience I had was": "had" ends a relative clause with no "that".
                if aux == Aux::Have && k >= 2 && g.t(k - 1) == Tag::PRP && g.t(k - 2).is_noun() {
                    continue;
                }
                let mut v = k + 1;
                if matches!(aux, Aux::Do) && g.w(v) == "not" {
                    v += 1;
                }
                while v < g.len() && g.t(v) == Tag::RB && v <= k + 3 && g.w(v) != "there" {
                    v += 1;
                }
                if !g.is_word(v) || g.quoted(v) {
                    continue;
                }
                let raw = g.raw(v);
                if !raw.bytes().all(|b| b.is_ascii_lowercase()) {
                    continue;
                }
                if let Some((fix, msg, sure)) = judge(g, k, aux, v, has_do) {
                    let fix = match_case(raw, &fix);
                    let mut d = cx
                        .diag(g.span(v), msg.replace("{fix}", &fix))
                        .suggest(fix)
                        .related(g.span(k), "the auxiliary");
                    if !sure {
                        d = d.severity(Severity::Advice);
                    }
                    out.push(d);
                }
            }
        }
    }
}

fn judge(g: &Tagged, k: usize, aux: Aux, v: usize, has_do: bool) -> Option<(String, String, bool)> {
    let w = g.w(v);
    let t = lex(g, v);
    let a = g.raw(k);
    let verbish = t & (pos::ANY_VERB | pos::MAY_VERB) != 0;
    let noun_or_adj = may_be_noun(t) || t & (pos::ADJ | pos::MAY_ADJ | pos::COMP | pos::SUP) != 0;
    match aux {
        Aux::Modal | Aux::Do | Aux::To => {
            let past_only = inflect::participle_for_past(w).is_some() && t & pos::VERB == 0;
            let s_form = w.ends_with('s') && t & (pos::VERB_3SG | pos::MAY_3SG) != 0;
            let ed = t & (pos::VERB_PAST | pos::MAY_PAST) != 0 && t & pos::VERB == 0;
            let be_form = matches!(
                w,
                "is" | "are" | "was" | "were" | "am" | "has" | "had" | "does" | "did"
            );
            if aux == Aux::To {
                // "to" is also a preposition: "to used cars", "to studies of". Only a past that
                // cannot be a noun or adjective, after a verb that takes an infinitive.
                let trigger = k > 0 && infinitive_trigger(g.w(k - 1));
                if !(trigger
                    && (past_only && !noun_or_adj || (ed || s_form) && !noun_or_adj && verbish)
                    || be_form && trigger)
                {
                    return None;
                }
            } else {
                if aux == Aux::Do && be_form {
                    return None;
                }
                if !(past_only
                    || s_form && !may_be_noun(t)
                    || s_form && matches!(aux, Aux::Do | Aux::Modal)
                    || ed && verbish
                    || be_form)
                {
                    return None;
                }
                // "didn't used to" is a common (and accepted) spelling of "didn't use to".
                if w == "used" && g.w(v + 1) == "to" {
                    return None;
                }
                if aux == Aux::Modal && !(past_only || be_form || verbish && (ed || s_form)) {
                    return None;
                }
            }
            let base = match w {
                "is" | "are" | "was" | "were" | "am" => "be".to_string(),
                "has" | "had" => "have".to_string(),
                "does" | "did" => "do".to_string(),
                _ => inflect::verb_base(w)?,
            };
            if base == w || base.len() < 2 {
                return None;
            }
            let after = match aux {
                Aux::Modal => format!("after `{a}`"),
                Aux::To => "after infinitive `to`".to_string(),
                _ => format!("after `{a}`"),
            };
            Some((
                base,
                format!(
                    "{after} the verb takes its base form: `{{fix}}`, not `{}`",
                    g.raw(v)
                ),
                true,
            ))
        }
        Aux::Have => {
            // "has went" → gone; "have took" → taken.
            let part = inflect::participle_for_past(w)?;
            if t & pos::VERB != 0
                || t & pos::NOUN != 0 && g.t(v + 1).is_noun()
                || matches!(w, "was" | "were")
            {
                return None;
            }
            // "had" as a main verb is followed by a noun phrase, never by "went".
            Some((
                part.to_string(),
                format!(
                    "after `{a}` the verb takes its past participle: `{{fix}}`, not `{}`",
                    g.raw(v)
                ),
                true,
            ))
        }
        Aux::Be => {
            // Pseudo-clefts: "what he did was help them", "all we can do is wait".
            if has_do
                || matches!(
                    w,
                    "was" | "were" | "had" | "did" | "is" | "are" | "been" | "be"
                )
                || g.w(v + 1) == "-"
                || w.ends_with("ed")
                || w.ends_with("ing")
            {
                return None;
            }
            if let Some(part) = inflect::participle_for_past(w) {
                // "was took" → taken; "was went" → went.
                if t & pos::VERB != 0
                    || t & pos::ADJ != 0
                    || matches!(
                        w,
                        "broke" | "lay" | "saw" | "spoke" | "rose" | "bore" | "fell" | "won"
                    )
                {
                    return None;
                }
                let base = inflect::verb_base(w)?;
                if intransitive(&base) {
                    return None;
                }
                return Some((
                    part.to_string(),
                    format!(
                        "after `{a}` a passive takes the past participle: `{{fix}}`, not `{}`",
                        g.raw(v)
                    ),
                    true,
                ));
            }
            // "is consist of", "is depends on": the verb itself was meant.
            let base = inflect::verb_base(w)?;
            if t & (pos::ADJ
                | pos::MAY_ADJ
                | pos::COMP
                | pos::SUP
                | pos::FUNCTION
                | pos::ADV
                | pos::NUM)
                != 0
            {
                return None;
            }
            if w.ends_with('s')
                && t & (pos::VERB_3SG | pos::MAY_3SG) != 0
                && !may_be_noun(t)
                && intransitive(&base)
                && base != w
                && matches!(a, "is" | "are" | "am" | "was" | "were")
            {
                // "it is depends on" → "it depends on"
                return Some((
                    w.to_string(),
                    format!(
                        "`{a}` and `{}` are two verbs; drop `{a}`: `{{fix}}`",
                        g.raw(v)
                    ),
                    true,
                ));
            }
            if base != w || t & pos::VERB == 0 && t & pos::MAY_VERB == 0 {
                return None;
            }
            // "side by side": a noun repeated, not a passive.
            let by = g.w(v + 1) == "by" && g.w(v + 2) != w && t & pos::NOUN == 0;
            let verb_only = !may_be_noun(t) && t & pos::NOUN == 0;
            let irregular_distinct =
                inflect::irregular_forms(&base).is_some_and(|(_, part)| !part.contains(&w));
            if intransitive(&base) {
                if !verb_only || !matches!(a, "is" | "are" | "am") {
                    return None;
                }
                let form = if a == "is" {
                    inflect::third_singular(&base)
                } else {
                    base.clone()
                };
                return Some((
                    form,
                    format!(
                        "`{a}` and `{}` are two verbs; use `{{fix}}` without `{a}`",
                        g.raw(v)
                    ),
                    true,
                ));
            }
            // A base form after "be" is a slip for the participle only where it cannot be a
            // predicate noun or adjective: before "by" ("was use by"), or an irregular verb
            // whose participle differs, followed by a preposition or the end ("was build in").
            let after_ok = matches!(g.t(v + 1), Tag::IN | Tag::PUNCT | Tag::TO)
                && !matches!(g.w(v + 1), "of" | "that" | "as" | "like" | "than");
            if !(by
                || irregular_distinct
                    && after_ok
                    && !crate::lexicon::inflect::noun_is(
                        w,
                        crate::lexicon::inflect::NounClass::Mass,
                    ))
            {
                return None;
            }
            // A noun reading after "be" without a determiner is rare but possible ("it was
            // fun", "he was president"): a noun-capable word is advice unless "by" follows.
            // "will be extinct by 2050": a word the lexicon knows only loosely as a verb may be
            // an adjective.
            let sure = verb_only && by && t & pos::VERB != 0;
            let part = inflect::past_participle(&base)?;
            // "will be extinct by 2050": no such participle as "extincted", so not a verb.
            if part == w || !crate::lexicon::is_dictionary_word(&part) {
                return None;
            }
            Some((
                part,
                format!(
                    "after `{a}` a passive takes the past participle: `{{fix}}`, not `{}`",
                    g.raw(v)
                ),
                sure,
            ))
        }
    }
}
