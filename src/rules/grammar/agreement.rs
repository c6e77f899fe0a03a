crate::rule::declare_rule! {
    /// # subject-verb-agreement
    ///
    /// **What it does.** Checks that a present-tense verb (and "was"/"were") agrees in number with
    /// its subject: "the results shows" → show, "he go" → goes, "they was" → were, "the number of
    /// cases are" → is (the head noun decides, not the nearest one), "each of the students have" →
    /// has, "there is many reasons" → are.
    ///
    /// **Why it matters.** Agreement slips are the commonest grammar error in student writing, and
    /// the one readers notice first: they make a sentence look unrevised.
    ///
    /// **Example.**
    ///
    /// ```text
    /// The results of the survey shows that each of the students have a job.
    ///                           ^^^^^ show                      ^^^^ has
    /// ```
    ///
    /// The subject is read by the noun-phrase chunker: its head noun, past "of" phrases and short
    /// prepositional phrases ("the effect of these policies on farmers is"); after a quantity noun
    /// ("a lot of", "the majority of", "a number of") the noun after "of" decides. Two noun
    /// phrases joined by "and", each with its own determiner, are plural ("the exam and the
    /// test is" → are; "every boy and every girl is", "my friend and colleague has" pass). The
    /// verb after a subject with a relative clause agrees with the subject ("people who live in
    /// the city is" → are, "people who live in the city wants" → want), when the clause is
    /// read to its end and the verb is a form of "be", "have" or "do" or a word that reads
    /// only as a verb. Other coordinated subjects, collective nouns (which take a plural verb in British English:
    /// "the team have"), proper names, nouns of either number (data, series) and subjunctives
    /// ("we suggest that he go", "if she were") are left alone. "There's" with a plural is advice:
    /// it is common in speech.
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** No automatic fix: a suggestion only, since sometimes another word is what is wrong.
    pub struct Agreement {
        name: "subject-verb-agreement",
        category: Grammar,
        severity: Warning,
        summary: "a verb that does not agree with its subject (\"the results shows\", \"they was\")",
        fix: None,
    }
}
use super::{
    after_coordination, after_intro_phrase, clause_start, finite_after, lex, mandative_before,
    may_be_noun, object_follows, surely_countable, verb_by_object,
};
use crate::analysis::sentence::match_case;
use crate::analysis::syntax::Tagged;
use crate::diagnostic::Diagnostic;
use crate::lexicon::chunk::{np_at, np_number, subject_at};
use crate::lexicon::inflect::{self, noun_is, NounClass, Number};
use crate::lexicon::pos;
use crate::lexicon::tagger::Tag;
use crate::rule::{Context, Rule};
use crate::Severity;

/// Person and number of a subject.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Person {
    /// I
    First,
    /// he, she, it, a singular noun
    Third,
    /// we, they, you, a plural noun
    Plural,
}

/// The form an auxiliary should take for the subject, if `w` is one that does not agree.
fn aux_for(w: &str, p: Person) -> Option<&'static str> {
    Some(match (w, p) {
        ("is", Person::Plural) => "are",
        ("is", Person::First) => "am",
        ("are", Person::Third) => "is",
        ("are", Person::First) => "am",
        ("am", Person::Third) => "is",
        ("am", Person::Plural) => "are",
        ("isn't", Person::Plural) => "aren't",
        ("aren't", Person::Third) => "isn't",
        ("was", Person::Plural) => "were",
        ("wasn't", Person::Plural) => "weren't",
        ("has", Person::Plural | Person::First) => "have",
        ("hasn't", Person::Plural | Person::First) => "haven't",
        ("have", Person::Third) => "has",
        ("haven't", Person::Third) => "hasn't",
        ("does", Person::Plural | Person::First) => "do",
        ("doesn't", Person::Plural | Person::First) => "don't",
        ("do", Person::Third) => "does",
        ("don't", Person::Third) => "doesn't",
        _ => return None,
    })
}

/// The base of an -s verb form (owns → own, lives → live, carries → carry), checked by
/// inflecting it back.
fn base_of_s(w: &str) -> Option<String> {
    let n = w.len();
    let mut cands = vec![w[..n - 1].to_string()];
    if w.ends_with("es") {
        cands.push(w[..n - 2].to_string());
    }
    if w.ends_with("ies") {
        cands.push(format!("{}y", &w[..n - 3]));
    }
    cands.into_iter().find(|c| {
        c.len() > 1 && pos::is(c, pos::VERB | pos::MAY_VERB) && inflect::third_singular(c) == w
    })
}

/// Verbs whose past is their base form (cost, put, set): "it cost" may be past tense.
fn same_past(base: &str) -> bool {
    inflect::irregular_forms(base).is_some_and(|(past, _)| past.contains(&base))
}

/// A present-tense content verb at `v` that disagrees with a subject of person `p`: the
/// corrected form. `after_adverb`: adverbs stand between the subject and `v` ("my brother
/// often play"), so `v` is no second half of a compound noun.
fn content_verb_for(
    g: &Tagged,
    v: usize,
    p: Person,
    pronoun: bool,
    after_adverb: bool,
) -> Option<String> {
    let w = g.w(v);
    let t = lex(g, v);
    // "he like the film", "she often like to read": right after a singular subject, with an
    // object or an infinitive after it, "like" is the verb, not the preposition.
    let like_verb = w == "like"
        && p == Person::Third
        && (pronoun || after_adverb)
        && (crate::analysis::syntax::strong_object_after(&g.words, &g.tags, v)
            || g.w(v + 1) == "to" && g.t(v + 2) == Tag::VB);
    if like_verb {
        return Some("likes".to_string());
    }
    if t & (pos::ANY_VERB | pos::MAY_VERB) == 0
        || t & (pos::ADJ
            | pos::MAY_ADJ
            | pos::ADV
            | pos::FUNCTION
            | pos::NUM
            | pos::COMP
            | pos::SUP)
            != 0
        || !w.bytes().all(|b| b.is_ascii_lowercase())
    {
        return None;
    }
    match p {
        Person::Third => {
            // A base form after a singular subject: "he go", "the teacher teach".
            if t & (pos::VERB_3SG
                | pos::MAY_3SG
                | pos::VERB_PAST
                | pos::MAY_PAST
                | pos::VERB_ING
                | pos::MAY_ING)
                != 0
                || t & pos::VERB_PART != 0
                || w.ends_with('s')
            {
                return None;
            }
            if !matches!(g.t(v), Tag::VBP | Tag::VB | Tag::NN) || same_past(w) {
                return None;
            }
            // After a noun the word may be the second half of a compound ("the school board"):
            // only a word with no noun reading counts.
            // A determiner, possessive or object pronoun after it makes it the verb ("history
            // tell us", "the government use the money").
            // Past adverbs ("my brother often play football") a word with a verb reading is
            // the verb, when no other finite verb follows in its clause.
            let verb_read = g.t(v) == Tag::VBP && verb_by_object(g, v)
                || after_adverb
                    && matches!(g.t(v), Tag::VBP | Tag::VB)
                    && t & pos::VERB != 0
                    && !finite_after(g, v);
            if !(pronoun || verb_read) && (may_be_noun(t) || !object_follows(g, v)) {
                return None;
            }
            // "The sum of my observations helps create": the word before may be the verb.
            if v > 0
                && lex(g, v - 1) & (pos::VERB_3SG | pos::MAY_3SG) != 0
                && g.w(v - 1).ends_with('s')
            {
                return None;
            }
            let base = inflect::verb_base(w)?;
            (base == w).then(|| inflect::third_singular(w))
        }
        Person::Plural | Person::First => {
            // An -s form after a plural subject: "the results shows", "they goes".
            if g.t(v) != Tag::VBZ && !(pronoun && t & (pos::VERB_3SG | pos::MAY_3SG) != 0) {
                return None;
            }
            if !w.ends_with('s') || w.ends_with("ss") {
                return None;
            }
            // A plural noun reading ("the sports teams") needs an object after it to be a verb.
            if !pronoun
                && may_be_noun(t)
                && !object_follows(g, v)
                && !crate::analysis::syntax::verb_after_plural(&g.words, &g.tags, v)
            {
                return None;
            }
            // After a singular noun or an adjective a noun-capable -s word ends a compound
            // ("isolation conditions", "fluorescent lights"); only right after the plural head.
            // A determiner or object pronoun after it ends the phrase ("the results of the
            // survey shows a decline").
            if !pronoun
                && may_be_noun(t)
                && v > 0
                && !matches!(g.t(v - 1), Tag::NNS | Tag::RB)
                && !verb_by_object(g, v)
            {
                return None;
            }
            let base = inflect::verb_base(w)?;
            (base != w && inflect::third_singular(&base) == w).then_some(base)
        }
    }
}

impl Rule for Agreement {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for g in cx.tagged() {
            check_sentence(cx, g, out);
            relative(cx, g, out);
            coordinated(cx, g, out);
            after_relative(cx, g, out);
        }
    }
}

/// A lowercase common noun the chunker made the head of a phrase, whose number the lexicon
/// knows and which takes either number in use nowhere (not a collective, a quantity, a mass
/// noun, a name, an unknown word): its number decides the verb.
fn plain_head(g: &Tagged, h: usize) -> bool {
    let hw = g.w(h);
    let ht = lex(g, h);
    // A capitalised first word the tagger took for a name ("Farmers who work") counts when
    // its singular is a known noun.
    let first_plural = h == 0
        && g.t(h) == Tag::NNP
        && inflect::singular_of(hw)
            .is_some_and(|sg| sg != hw && pos::is(&sg, pos::NOUN | pos::MAY_NOUN));
    (matches!(g.t(h), Tag::NN | Tag::NNS) || first_plural)
        && g.raw(h)
            .bytes()
            .skip(usize::from(h == 0))
            .all(|b| b.is_ascii_lowercase())
        && hw.len() > 2
        && may_be_noun(ht)
        && (ht & pos::KNOWN != 0 || inflect::singular_of(hw).is_some())
        && ht & (pos::ADJ | pos::ADV | pos::FUNCTION | pos::NUM | pos::COMP | pos::SUP) == 0
        && !hw.ends_with("ics")
        && !noun_is(hw, NounClass::Collective)
        && !noun_is(hw, NounClass::Partitive)
        && !noun_is(hw, NounClass::Invariant)
        && !crate::lexicon::in_list!("grammar/subject_heads.txt", hw)
}

/// An -s verb at `v` that reads only as the clause's verb: tagged so, known as a verb, no
/// adjective or function reading, and either no noun reading or an object after it. Its base.
fn s_verb_base(g: &Tagged, v: usize) -> Option<String> {
    let w = g.w(v);
    let t = lex(g, v);
    if g.t(v) != Tag::VBZ
        || !w.bytes().all(|b| b.is_ascii_lowercase())
        || !w.ends_with('s')
        || w.ends_with("ss")
        || t & (pos::VERB_3SG | pos::MAY_3SG) == 0
        || t & (pos::ADJ | pos::MAY_ADJ | pos::ADV | pos::FUNCTION | pos::NUM) != 0
        || may_be_noun(t) && !object_follows(g, v)
    {
        return None;
    }
    base_of_s(w)
}

/// Two noun phrases joined by "and", each opened by its own determiner or possessive, make a
/// plural subject: "the exam and the test is" → are, "my father and my mother works" → work.
/// Only at a clause's start and with the verb right after the second phrase; "every"/"each"
/// ("every boy and every girl is"), nouns of either number and a phrase with no determiner
/// ("the bread and butter", "my friend and colleague", one thing or person) are left alone.
fn coordinated(cx: &Context<'_>, g: &Tagged, out: &mut Vec<Diagnostic>) {
    let opener = |j: usize| {
        matches!(g.t(j), Tag::DT | Tag::PRPS)
            && !crate::lexicon::in_list!("grammar/coordination_determiners.txt", g.w(j))
    };
    for i in 0..g.len() {
        if !g.is_word(i)
            || g.quoted(i)
            || !opener(i)
            || !(clause_start(g, i) || after_intro_phrase(g, i))
            || after_coordination(g, i)
            || i > 0 && matches!(g.w(i - 1), "both" | "between" | "of")
        {
            continue;
        }
        let Some(a) = np_at(&g.words, &g.tags, i) else {
            continue;
        };
        if a.det != Some(i) || g.w(a.end) != "and" || !plain_head(g, a.head) {
            continue;
        }
        let j = a.end + 1;
        if !opener(j) {
            continue;
        }
        let Some(b) = np_at(&g.words, &g.tags, j) else {
            continue;
        };
        if b.det != Some(j)
            || !plain_head(g, b.head)
            || (a.start..b.end).any(|k| g.t(k) == Tag::NNP)
        {
            continue;
        }
        let mut v = b.end;
        while g.t(v) == Tag::RB && !matches!(g.w(v), "not" | "there") && v < b.end + 2 {
            v += 1;
        }
        if !g.is_word(v) || g.quoted(v) || mandative_before(g, i) {
            continue;
        }
        let vw = g.w(v);
        let fix = if matches!(
            vw,
            "is" | "was" | "has" | "does" | "isn't" | "wasn't" | "hasn't" | "doesn't"
        ) {
            aux_for(vw, Person::Plural).map(str::to_string)
        } else {
            s_verb_base(g, v)
        };
        let Some(fix) = fix else { continue };
        let fix = match_case(g.raw(v), &fix);
        let msg = format!(
            "`{}` does not agree with its subject, `{}` and `{}` together, which is plural; use `{fix}`",
            g.raw(v),
            g.raw(a.head),
            g.raw(b.head)
        );
        out.push(
            cx.diag(g.span(v), msg)
                .suggest(fix)
                .related(g.span(a.start).to(g.span(b.head)), "the subject"),
        );
    }
}

/// The main verb after a subject with a relative clause agrees with the subject, not with the
/// clause's last noun: "people who live in the city is" → are, "the man who lives next door
/// are" → is, "the problems that we have is" → are, "people who live in the city wants" →
/// want. The clause is read as its verb (after "who/that/which", or a pronoun and its verb) and
/// what may follow a verb inside it (objects, prepositional phrases, adverbs, an infinitive),
/// up to the first finite verb, which is judged if it is a form of "be", "have" or "do" or a
/// content verb that reads only as a verb ([`content_after_relative`]). A clause whose verb takes a clause ("people
/// who think the test is hard"), a noun followed by another phrase ("things the company is
/// selling": a clause within), a comma or a conjunction leave the sentence alone.
fn after_relative(cx: &Context<'_>, g: &Tagged, out: &mut Vec<Diagnostic>) {
    let n = g.len();
    for i in 0..n {
        if !g.is_word(i)
            || g.quoted(i)
            || !(matches!(g.t(i), Tag::DT | Tag::PRPS | Tag::NN | Tag::NNS | Tag::JJ)
                || i == 0 && g.t(i) == Tag::NNP)
            || !(clause_start(g, i) || after_intro_phrase(g, i))
            || after_coordination(g, i)
        {
            continue;
        }
        let Some(np) = np_at(&g.words, &g.tags, i) else {
            continue;
        };
        let r = np.end;
        let rw = g.w(r);
        if !matches!(rw, "who" | "that" | "which") || !plain_head(g, np.head) {
            continue;
        }
        // Every word of the phrase is a plain modifier: no name, number, possessive noun.
        if (np.start..np.head).any(|k| matches!(g.t(k), Tag::NNP | Tag::CD | Tag::POS)) {
            continue;
        }
        let number = if g.t(np.head) == Tag::NNP {
            inflect::noun_number(g.w(np.head))
        } else {
            np_number(&g.words, &g.tags, &np)
        };
        let person = match number {
            Number::Singular => Person::Third,
            Number::Plural => Person::Plural,
            Number::Unknown => continue,
        };
        if noun_is(g.w(np.head), NounClass::Mass) && person == Person::Third {
            continue;
        }
        // The clause's verb: right after the relative word, or after a subject pronoun
        // ("the problems that we have").
        let mut k = r + 1;
        if matches!(g.w(k), "i" | "we" | "they" | "he" | "she" | "you") && rw != "who" {
            k += 1;
        }
        while g.t(k) == Tag::RB && !matches!(g.w(k), "not" | "there") && k < r + 4 {
            k += 1;
        }
        if !matches!(g.t(k), Tag::VBZ | Tag::VBP | Tag::VBD | Tag::MD) {
            continue;
        }
        let rv = k;
        let rvw = g.w(rv);
        let base = inflect::verb_base(rvw);
        if pos::is(rvw, pos::VERB_CLAUSE)
            || base.as_deref().is_some_and(|b| {
                pos::is(b, pos::VERB_CLAUSE)
                    || crate::lexicon::in_list!("grammar/clause_verbs.txt", b)
            })
            || rvw.ends_with("n't")
        {
            continue;
        }
        // The rest of the clause, up to the next finite verb.
        let mut j = rv + 1;
        let mut bad = false;
        while j < n {
            let t = g.t(j);
            let w = g.w(j);
            if matches!(t, Tag::VBZ | Tag::VBP | Tag::VBD | Tag::MD) {
                break;
            }
            let ok = match t {
                Tag::DT
                | Tag::PRPS
                | Tag::JJ
                | Tag::JJR
                | Tag::JJS
                | Tag::NN
                | Tag::NNS
                | Tag::CD
                | Tag::TO
                | Tag::VB
                | Tag::VBN
                | Tag::VBG => w != "that",
                Tag::RB => w != "there",
                Tag::IN => w != "that" && !crate::lexicon::in_list!("grammar/subordinators.txt", w),
                Tag::PRP => matches!(w, "me" | "him" | "us" | "them"),
                _ => false,
            };
            // A noun followed by a determiner, possessive or pronoun opens another clause or
            // a second object ("the things the company is selling").
            if !ok
                || t.is_noun() && matches!(g.t(j + 1), Tag::DT | Tag::PRPS | Tag::PRP)
                || t == Tag::PRP && g.t(j + 1).is_noun()
                || g.quoted(j)
            {
                bad = true;
                break;
            }
            j += 1;
        }
        let mv = j;
        if bad || mv >= n || mv == rv + 1 || g.quoted(mv) || mandative_before(g, i) {
            continue;
        }
        let mw = g.w(mv);
        if !g
            .raw(mv)
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b == b'\'')
        {
            continue;
        }
        let fix = match aux_for(mw, person) {
            Some(f) => f.to_string(),
            // A content verb only right after the clause's last noun ("people who live in
            // the city wants"), and not when the clause's verb is a modal ("a policy that
            // would better achieve"): its infinitive may run on.
            None if g.t(mv - 1).is_noun() && g.t(rv) != Tag::MD => {
                match content_after_relative(g, mv, person) {
                    Some(f) => f,
                    None => continue,
                }
            }
            None => continue,
        };
        let fix = match_case(g.raw(mv), &fix);
        let msg = format!(
            "`{}` does not agree with its subject `{}`, which is {} (the clause `{} …` describes it); use `{fix}`",
            g.raw(mv),
            g.raw(np.head),
            if person == Person::Plural {
                "plural"
            } else {
                "singular"
            },
            g.raw(r)
        );
        out.push(
            cx.diag(g.span(mv), msg)
                .suggest(fix)
                .related(g.span(np.head), "the subject"),
        );
    }
}

/// A content verb at `v`, the main verb after a subject and its relative clause, that disagrees
/// with a subject of person `p` ("people who live in the city wants" → want, "a man who lives
/// alone need" → needs): the corrected form. Only a word that reads as the verb whatever else
/// it may be: an -s form the tagger made the verb ([`s_verb_base`]); a base form tagged as a
/// verb with no noun, adjective or function reading, or with an object after it, that is not
/// its own past (cost, put).
fn content_after_relative(g: &Tagged, v: usize, p: Person) -> Option<String> {
    match p {
        Person::Plural => s_verb_base(g, v),
        Person::Third => {
            let w = g.w(v);
            let t = lex(g, v);
            if g.t(v) != Tag::VBP
                || t & pos::VERB == 0
                || t & super::NOT_PLAIN_PRESENT != 0
                || may_be_noun(t) && !verb_by_object(g, v)
                || same_past(w)
                || matches!(w, "need" | "dare")
            {
                return None;
            }
            inflect::verb_base(w)
                .filter(|b| b == w)
                .map(|b| inflect::third_singular(&b))
        }
        Person::First => None,
    }
}

/// A relative clause's verb agrees with the noun the relative pronoun stands for: "people who
/// has" → have, "a student who live" → lives, "companies that has" → have. Only a restrictive
/// clause right after its noun, where the antecedent is not inside an "of" phrase or a
/// coordination ("the results of the study that show", "the teacher and students who are").
fn relative(cx: &Context<'_>, g: &Tagged, out: &mut Vec<Diagnostic>) {
    for r in 1..g.len() {
        let rw = g.w(r);
        if !matches!(rw, "who" | "that" | "which") || g.quoted(r) {
            continue;
        }
        let a = r - 1;
        if !matches!(g.t(a), Tag::NN | Tag::NNS)
            || !g
                .raw(a)
                .bytes()
                .skip(usize::from(a == 0))
                .all(|b| b.is_ascii_lowercase())
            || !may_be_noun(lex(g, a))
            || lex(g, a) & pos::KNOWN == 0 && inflect::singular_of(g.w(a)).is_none()
            || lex(g, a) & (pos::ADJ | pos::ADV | pos::FUNCTION | pos::NUM) != 0
        {
            continue;
        }
        let aw = g.w(a);
        let number = inflect::noun_number(aw);
        if number == Number::Unknown
            || noun_is(aw, NounClass::Collective)
            || noun_is(aw, NounClass::Partitive)
            || noun_is(aw, NounClass::Mass) && number == Number::Singular && rw != "who"
        {
            continue;
        }
        // The start of the antecedent's noun phrase: back over nouns, adjectives, determiners.
        let mut st = a;
        while st > 0
            && (g.t(st - 1).is_noun()
                || g.t(st - 1).is_adj()
                || g.t(st - 1).is_determiner_like()
                || g.t(st - 1) == Tag::VBN)
            && a - st < 5
        {
            st -= 1;
        }
        // Inside a prepositional phrase or a participle's object the antecedent may be the noun
        // before ("the passages in the novel which seem", "blacks seeking credit that have").
        if st > 0
            && (matches!(g.w(st - 1), "of" | "and" | "or" | "," | "nor")
                || matches!(g.t(st - 1), Tag::CC | Tag::IN | Tag::TO | Tag::VBG | Tag::VBN))
            || (st..a).any(|j| g.t(j) == Tag::CC || g.w(j) == "," || g.t(j) == Tag::POS)
            // "this phenomena that": a determiner of the other number.
            || (st..a).any(|j| {
                matches!(
                    (g.w(j), number),
                    ("this" | "that" | "a" | "an" | "each" | "every" | "another", Number::Plural)
                        | ("these" | "those" | "many" | "several" | "both", Number::Singular)
                )
            })
            || (st..a).any(|j| g.t(j) == Tag::CD)
        {
            continue;
        }
        let Some(v) = super::verb_after_adverbs(g, r + 1) else {
            continue;
        };
        let vw = g.w(v);
        let vt = lex(g, v);
        let person = if number == Number::Plural {
            Person::Plural
        } else {
            Person::Third
        };
        let fix = if let Some(f) = aux_for(vw, person) {
            // "the way that is" is fine either way only when singular; "was"/"were" in "if" clauses.
            Some(f.to_string())
        } else if rw != "who" {
            // After "that"/"which" the next word may start the clause's subject ("the notion
            // that desire must", "the idea that students like"), or "which" stand for a whole
            // clause: beyond auxiliaries only this is judged there. After a plural noun, an -s verb that reads only as a verb and takes an object
            // ("the results that shows a decline", "the factors which leads to") is the
            // clause's own verb; a noun reading needs a determiner, pronoun or "to" after it
            // ("the reports that prices in Europe rose": "prices" is the subject there). After
            // "who" the next word is the verb.
            {
                if person != Person::Plural
                    || !vw.ends_with('s')
                    || vw.ends_with("ss")
                    || vt & (pos::ADJ | pos::ADV | pos::FUNCTION | pos::NUM) != 0
                    || vt & (pos::VERB_3SG | pos::MAY_3SG) == 0 && g.t(v) != Tag::VBZ
                    || v != r + 1
                {
                    continue;
                }
                let nt = g.t(v + 1);
                let ok = if may_be_noun(vt) {
                    matches!(nt, Tag::DT | Tag::PRPS | Tag::PRP | Tag::TO)
                        && !matches!(g.w(v + 1), "that" | "this" | "these" | "those")
                } else {
                    // A word that can only be a verb is the clause's verb ("farmers that grows
                    // rice"), whatever follows it.
                    object_follows(g, v)
                        || g.t(v + 1) == Tag::VBN
                        || vt & (pos::NOUN | pos::MAY_NOUN | pos::MAY_NOUN_GB) == 0
                            && vt & pos::KNOWN != 0
                };
                if !ok || g.t(v + 1).is_verb() && g.t(v + 1) != Tag::VBN {
                    continue;
                }
                let Some(b) = base_of_s(vw) else { continue };
                Some(b)
            }
        } else {
            if vt & (pos::ADJ | pos::MAY_ADJ | pos::ADV | pos::FUNCTION | pos::NUM) != 0
                || vt & (pos::ANY_VERB | pos::MAY_VERB) == 0
            {
                continue;
            }
            match person {
                Person::Plural => {
                    if !vw.ends_with('s') || vw.ends_with("ss") {
                        continue;
                    }
                    base_of_s(vw)
                }
                _ => {
                    if vt
                        & (pos::VERB_3SG
                            | pos::MAY_3SG
                            | pos::VERB_PAST
                            | pos::MAY_PAST
                            | pos::VERB_ING
                            | pos::MAY_ING
                            | pos::VERB_PART)
                        != 0
                        || vw.ends_with('s')
                        || same_past(vw)
                        || vt & pos::VERB == 0
                    {
                        continue;
                    }
                    inflect::verb_base(vw)
                        .filter(|b| b == vw)
                        .map(|b| inflect::third_singular(&b))
                }
            }
        };
        let Some(fix) = fix else { continue };
        if mandative_before(g, r) {
            continue;
        }
        // Past "that"/"which" with a content verb, a bare plural antecedent may sit inside a
        // longer phrase the clause describes ("a case of boys that gets"): advice there.
        let unsure = rw != "who"
            && aux_for(vw, person).is_none()
            && !(st..a).any(|j| {
                matches!(g.t(j), Tag::DT | Tag::PRPS)
                    || matches!(g.w(j), "many" | "several" | "most" | "some" | "few" | "all")
            });
        let fix = match_case(g.raw(v), &fix);
        let msg = format!(
            "`{}` does not agree with `{}`, the {} noun `{rw}` stands for; use `{fix}`",
            g.raw(v),
            g.raw(a),
            if person == Person::Plural {
                "plural"
            } else {
                "singular"
            }
        );
        let mut d = cx
            .diag(g.span(v), msg)
            .suggest(fix)
            .related(g.span(a), "the noun the clause describes");
        if unsure {
            d = d.severity(Severity::Advice);
        }
        out.push(d);
    }
}

fn check_sentence(cx: &Context<'_>, g: &Tagged, out: &mut Vec<Diagnostic>) {
    let n = g.len();
    let mut i = 0;
    while i < n {
        if !g.is_word(i)
            || g.quoted(i)
            || !(clause_start(g, i) || after_intro_phrase(g, i) || pronoun_subject(g, i))
        {
            i += 1;
            continue;
        }
        if g.t(i) == Tag::EX || g.w(i) == "there's" {
            there(cx, g, i, out);
            i += 1;
            continue;
        }
        let w = g.w(i);
        // "He and I are", "you and they": a coordinated pronoun subject.
        let coordinated = after_coordination(g, i);
        // "He likes risky things and he enjoy it": after a clause with its own finite verb,
        // "and" joins clauses, and the pronoun is the new clause's subject.
        let clause_and = i >= 2
            && g.t(i - 1) == Tag::CC
            && (0..i - 1)
                .rev()
                .take_while(|&j| {
                    !matches!(g.raw(j), "," | ";" | ":")
                        && !matches!(g.t(j), Tag::WRB | Tag::WDT | Tag::WP | Tag::IN)
                })
                .any(|j| matches!(g.t(j), Tag::VBZ | Tag::VBP | Tag::VBD | Tag::MD));
        if coordinated
            && !clause_and
            && matches!(w, "i" | "he" | "she" | "it" | "we" | "they")
            && i >= 2
            && (g.t(i - 2).is_noun() || g.t(i - 2) == Tag::PRP)
            || g.t(i + 1) == Tag::CC
        {
            i += 1;
            continue;
        }
        let (person, head, end, pronoun, modified) = match w {
            "i" => (Person::First, i, i + 1, true, false),
            "he" | "she" | "it" => (Person::Third, i, i + 1, true, false),
            "we" | "they" => (Person::Plural, i, i + 1, true, false),
            _ => {
                if coordinated
                    || !matches!(
                        g.t(i),
                        Tag::DT | Tag::PRPS | Tag::POS | Tag::NN | Tag::NNS | Tag::JJ | Tag::CD
                    )
                {
                    i += 1;
                    continue;
                }
                let Some(s) = subject_at(&g.words, &g.tags, i) else {
                    i += 1;
                    continue;
                };
                let hw = g.w(s.head);
                let person = match s.number {
                    Number::Singular => Person::Third,
                    Number::Plural => Person::Plural,
                    Number::Unknown => {
                        i += 1;
                        continue;
                    }
                };
                let ht = lex(g, s.head);
                // Heads the lexicon does not know as nouns (loci, hyphae, thou), adjectives used
                // as nouns ("the clever are"), adverbs ("Now consider"), -ics words (politics is
                // either), letters and symbols.
                let doubtful = ht & pos::KNOWN == 0
                    && ht & pos::NOUN == 0
                    && inflect::singular_of(hw).is_none()
                    || ht & pos::ADV != 0
                    || ht & (pos::ADJ | pos::MAY_ADJ | pos::COMP | pos::SUP) != 0 && ht & pos::NOUN == 0
                    || hw.ends_with("ics")
                    || hw.len() < 2
                    // A plural noun before the head: the head may be a verb ("the scales cover").
                    || (i..s.head).any(|j| g.t(j) == Tag::NNS)
                    // "Fries was a scholar": a capitalised bare plural opening the sentence is
                    // likely a name.
                    || s.head == i && i == 0 && g.t(i) == Tag::NNS && g.raw(i).starts_with(|c: char| c.is_uppercase())
                    // Dashes and brackets open parentheticals, not clauses.
                    || i > 0 && matches!(g.raw(i - 1), "—" | "–" | "-" | "(")
                    || g.t(i) == Tag::CD
                    || !g.t(s.head).is_noun() && g.w(s.head + 1) != "of"
                    // A participle the chunker took for a noun ("the samples emitted").
                    || hw.ends_with("ed") && ht & (pos::VERB_PAST | pos::VERB_PART | pos::MAY_PAST) != 0
                    // "the PNS plays is": after a name an -s word may be the name's verb.
                    || hw.ends_with('s')
                        && ht & (pos::VERB_3SG | pos::MAY_3SG) != 0
                        && (i..s.head).any(|j| g.t(j) == Tag::NNP)
                    // An unknown word before the head: a typo or a name, the phrase unclear.
                    || (i..s.head).any(|j| {
                        g.is_word(j)
                            && g.t(j) != Tag::POS
                            && g.raw(j).bytes().all(|b| b.is_ascii_lowercase())
                            && lex(g, j) & pos::KNOWN == 0
                    });
                // "Let denote the level", "Consider the case": a sentence-initial word that
                // may be a base verb is an imperative, not a subject.
                let imperative = s.head == i
                    && (i == 0 || !g.is_word(i - 1) && (0..i).all(|j| !g.is_word(j)))
                    && ht & (pos::VERB | pos::MAY_VERB) != 0
                    && inflect::verb_base(hw).is_some_and(|b| b == hw);
                if doubtful
                    || imperative
                    || g.t(s.head) == Tag::NNP
                    || noun_is(hw, NounClass::Collective) && person == Person::Third
                    // Pronouns and determiners used alone, ordinals used as nouns ("the first are").
                    || crate::lexicon::in_list!("grammar/subject_heads.txt", hw)
                    || !hw.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
                {
                    i += 1;
                    continue;
                }
                (person, s.head, s.end, false, s.modified)
            }
        };
        // The verb: past adverbs ("often", "also"), not past "not".
        let mut v = end;
        while v < n && g.t(v) == Tag::RB && !matches!(g.w(v), "not" | "there") && v < end + 2 {
            v += 1;
        }
        if v >= n || !g.is_word(v) || g.quoted(v) {
            i += 1;
            continue;
        }
        let vw = g.w(v);
        // "that an individual have experienced", "that she be": subjunctives; "conceive[s]":
        // an edited quotation; "it need be": a modal use. (Sentences of old text, "thou
        // give", never reach the grammar rules: `analysis::syntax::old_text`.)
        let skip = mandative_before(g, i)
            || g.raw(v + 1) == "[" && !g.doc.tokens[g.start + v + 1].space_before
            || pronoun && matches!(vw, "need" | "dare");
        // "he use of": a noun-capable word before "of" is a noun (a lost "T" of "The").
        let skip = skip
            || pronoun
                && g.w(v + 1) == "of"
                && may_be_noun(lex(g, v))
                && aux_for(vw, person).is_none();
        // "they authors argue": a finite verb right after the word means the word is not the verb.
        let skip = skip
            || pronoun
                && matches!(g.t(v + 1), Tag::VBZ | Tag::VBP | Tag::VBD | Tag::MD)
                && aux_for(vw, person).is_none();
        let fix = if skip {
            None
        } else if let Some(a) = aux_for(vw, person) {
            // "it is I", "what we have": only after a clause-initial subject.
            // "you" takes plural forms: never reported as third person.
            Some(a.to_string())
        } else if v > 0 && g.w(v - 1) == "not" {
            None
        } else {
            content_verb_for(g, v, person, pronoun, v > end)
        };
        if let Some(fix) = fix {
            // "he" after a verb may be the object in a causative ("let he go" is wrong anyway);
            // "it" after a verb is an object: "make it work".
            let it_obj = w == "it" && i > 0 && g.t(i - 1).is_verb();
            if !it_obj {
                let fix = match_case(g.raw(v), &fix);
                let subj = if pronoun {
                    g.raw(head).to_string()
                } else {
                    format!("`{}`", g.raw(head))
                };
                let number = match person {
                    Person::First => "first person",
                    Person::Third => "singular",
                    Person::Plural => "plural",
                };
                let msg = if pronoun {
                    format!("`{}` does not agree with `{subj}`; use `{fix}`", g.raw(v))
                } else {
                    format!(
                        "`{}` does not agree with its subject {subj}, which is {number}; use `{fix}`",
                        g.raw(v)
                    )
                };
                let _ = modified;
                // "In this case student learn": a count noun with no determiner and a plural
                // verb; the plural noun is the likelier intent, and either word may be the one
                // to change.
                let hw = g.w(head);
                let bare_count = !pronoun
                    && person == Person::Third
                    && v == head + 1
                    && g.t(head) == Tag::NN
                    && (i..head).all(|j| g.t(j).is_adj() || j == i && g.w(j) == "some")
                    && (head == 0 || g.raw(head).bytes().all(|b| b.is_ascii_lowercase()))
                    && surely_countable(hw);
                let plural = bare_count
                    .then(|| inflect::plural_of(hw))
                    .flatten()
                    .map(|p| match_case(g.raw(head), &p));
                let mut d = if let Some(pl) = plural {
                    let msg = format!(
                        "`{} {}`: `{}` is a singular count noun with no determiner, and the verb is plural; use `{pl} {}` (or `{} {fix}`)",
                        g.raw(head),
                        g.raw(v),
                        g.raw(head),
                        g.raw(v),
                        g.raw(head)
                    );
                    cx.diag(g.span(head).to(g.span(v)), msg)
                        .suggest(format!("{pl} {}", g.raw(v)))
                        .suggest(format!("{} {fix}", g.raw(head)))
                } else {
                    cx.diag(g.span(v), msg)
                        .suggest(fix)
                        .related(g.span(head), "the subject")
                };
                // "The term women of color is", "Business services is": a plural head after a
                // noun modifier often names a term or a category, which takes a singular verb.
                if !pronoun
                    && person == Person::Plural
                    && head > 0
                    && matches!(g.t(head - 1), Tag::NN | Tag::NNP)
                {
                    d = d.severity(Severity::Advice);
                }
                out.push(d);
            }
        }
        i = v.max(i + 1);
    }
}

/// "there is many reasons" → are; "there are a reason" → is.
fn there(cx: &Context<'_>, g: &Tagged, i: usize, out: &mut Vec<Diagnostic>) {
    let (verb, np_start, contracted) = if g.w(i) == "there's" {
        (i, i + 1, true)
    } else {
        (i + 1, i + 2, false)
    };
    let vw = g.w(verb);
    let singular_verb = contracted || matches!(vw, "is" | "was" | "isn't" | "wasn't");
    let plural_verb = matches!(vw, "are" | "were" | "aren't" | "weren't");
    if !singular_verb && !plural_verb {
        return;
    }
    let mut k = np_start;
    // "there is still", "there are also"
    while g.t(k) == Tag::RB && !matches!(g.w(k), "not" | "no") && k < np_start + 2 {
        k += 1;
    }
    let Some(np) = np_at(&g.words, &g.tags, k) else {
        return;
    };
    if g.quoted(np.head) || g.t(np.head) != Tag::NN && g.t(np.head) != Tag::NNS {
        return;
    }
    // Coordinated noun phrases agree with the first in "there is" (a desk and two chairs).
    let after = np.end;
    let s = subject_at(&g.words, &g.tags, k);
    let number = s.map_or_else(|| np_number(&g.words, &g.tags, &np), |s| s.number);
    let det = np.det.map(|d| g.w(d)).unwrap_or("");
    let lot = noun_is(g.w(np.head), NounClass::Partitive);
    if plural_verb && i > 0 && matches!(g.w(i - 1), "if" | "whether" | "wish" | "though") {
        return;
    }
    // "there is many ways": a determiner that takes only plurals shows the number.
    let number = if matches!(
        det,
        "many" | "several" | "various" | "numerous" | "these" | "those" | "both"
    ) {
        Number::Plural
    } else {
        number
    };
    // "there are some lecture": after a plural verb, a count noun with no determiner or a
    // determiner of either number is the word to make plural.
    if plural_verb
        && number == Number::Singular
        && matches!(det, "" | "some" | "no" | "any" | "other" | "more")
        && g.t(np.head) == Tag::NN
        && np.head + 1 == after
        && g.raw(np.head).bytes().all(|b| b.is_ascii_lowercase())
        && !matches!(g.w(after), "of" | "and" | "or" | "," | "-")
        && !g.t(after).is_noun()
        && !(g.is_word(after) && may_be_noun(lex(g, after)) && lex(g, after) & pos::FUNCTION == 0)
        && (np.start..np.head).all(|j| !g.t(j).is_noun() && g.t(j) != Tag::CD)
        && surely_countable(g.w(np.head))
    {
        if let Some(pl) = inflect::plural_of(g.w(np.head)) {
            let msg = format!(
                "after `{} {}` the noun is plural: `{pl}`, not `{}`",
                g.raw(i),
                g.raw(verb),
                g.raw(np.head)
            );
            out.push(
                cx.diag(g.span(np.head), msg)
                    .suggest(pl)
                    .related(g.span(verb), "the plural verb"),
            );
        }
        return;
    }
    let fix = if singular_verb && number == Number::Plural && g.w(after) != "and" {
        match vw {
            "is" | "there's" => "are",
            "was" => "were",
            "isn't" => "aren't",
            _ => "weren't",
        }
    } else if plural_verb
        && number == Number::Singular
        && matches!(
            det,
            "a" | "an" | "one" | "this" | "each" | "every" | "another"
        )
        // "there are a lot", "there were a number": a quantity noun takes either.
        && !noun_is(g.w(np.head), NounClass::Partitive)
        && g.w(np.head) != "few"
        && g.w(after) != "of"
        && !matches!(g.t(after), Tag::CC)
        && g.w(after) != ","
    {
        match vw {
            "are" => "is",
            "were" => "was",
            "aren't" => "isn't",
            _ => "wasn't",
        }
    } else {
        return;
    };
    let (span, fix_text) = if contracted {
        (
            g.span(i),
            format!("{} {fix}", match_case(g.raw(i), "there")),
        )
    } else {
        (g.span(verb), match_case(g.raw(verb), fix))
    };
    let msg = format!(
        "after \"there\" the verb agrees with what follows: `{}` is {}; use `{fix_text}`",
        g.raw(np.head),
        if number == Number::Plural {
            "plural"
        } else {
            "singular"
        }
    );
    let mut d = cx
        .diag(span, msg)
        .suggest(fix_text)
        .related(g.span(np.head), "the noun it agrees with");
    if contracted || lot {
        d = d.severity(Severity::Advice);
    }
    out.push(d);
}

/// A subject pronoun that opens a clause wherever it stands: "he", "she", "we", "they" and "I"
/// are nominative, so only an auxiliary or verb before them (a question: "does he go", "can
/// they") makes the next verb anything but theirs; "it" counts after a noun or an adverb ("In
/// addition it have"), where it cannot be an object.
fn pronoun_subject(g: &Tagged, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let p = g.t(i - 1);
    let pw = g.raw(i - 1);
    // A noun that may also be an adjective may be modifying the pronoun used as a noun ("the
    // universal we").
    let lower_noun = matches!(p, Tag::NN | Tag::NNS)
        && pw.bytes().all(|b| b.is_ascii_lowercase())
        && lex(g, i - 1) & (pos::ADJ | pos::MAY_ADJ) == 0
        && !matches!(g.t(i.saturating_sub(2)), Tag::DT | Tag::PRPS);
    // After an adverb, a wh-word or a subordinator (not a preposition: "of we").
    let opener = matches!(p, Tag::RB | Tag::WP | Tag::WDT | Tag::WRB)
        && !matches!(g.w(i - 1), "not" | "there")
        || p == Tag::IN && crate::lexicon::in_list!("grammar/subordinators.txt", g.w(i - 1));
    match g.raw(i) {
        // "I" after a noun or a name is a numeral or a letter ("Axis I disorders", "Vol. I").
        "I" => opener,
        "he" | "she" | "we" | "they" => opener || lower_noun,
        "it" => opener || lower_noun,
        _ => false,
    }
}
