//! A noun-phrase chunker over tagged words ([`super::tagger`]): where a noun phrase starts and
//! ends, its head noun, and the grammatical number a verb must agree with.
//!
//! A noun phrase is an optional determiner or quantifier (the, my, Stalin's, two, many), then
//! modifiers (adjectives, participles, numbers, nouns used as modifiers), then one or more nouns,
//! the last being the head ("the new student housing" → housing). A subject is a noun phrase
//! with what attaches to it before the verb: "of" phrases ("the number of cases": number decides;
//! "a lot of cases", "most of the cases": the cases decide; "each of the cases": singular) and
//! other prepositional phrases ("the results of the new study" → results).

use super::inflect::{noun_is, noun_number, NounClass, Number};
use super::tagger::{Tag, Word};

/// A noun phrase: tokens `start..end` (end exclusive) of a tagged sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NounPhrase {
    pub start: usize,
    pub end: usize,
    /// The head noun (or pronoun).
    pub head: usize,
    /// The first determiner or quantifier, if any.
    pub det: Option<usize>,
}

fn is_modifier(t: Tag) -> bool {
    matches!(
        t,
        Tag::JJ
            | Tag::JJR
            | Tag::JJS
            | Tag::VBN
            | Tag::CD
            | Tag::NN
            | Tag::NNS
            | Tag::NNP
            | Tag::POS
    )
}

/// The noun phrase starting at `i`, if one does (a pronoun is a phrase of its own).
pub fn np_at(words: &[Word], tags: &[Tag], i: usize) -> Option<NounPhrase> {
    let n = tags.len();
    if i >= n {
        return None;
    }
    if tags[i] == Tag::PRP {
        return Some(NounPhrase {
            start: i,
            end: i + 1,
            head: i,
            det: None,
        });
    }
    let mut k = i;
    let mut det = None;
    while k < n && (tags[k].is_determiner_like() || is_quantifier(words[k].lower)) && k < i + 3 {
        if det.is_none() {
            det = Some(k);
        }
        k += 1;
    }
    let mut head = None;
    while k < n {
        let t = tags[k];
        // "a pluralistic liberal democratic societies": a word the lexicon knows only loosely as
        // a noun ("liberal") before an adjective and a noun was an adjective itself.
        let loose_noun = |j: usize| {
            let lt = super::pos::tags(words[j].lower);
            lt & super::pos::NOUN == 0 && lt & super::pos::MAY_NOUN != 0
        };
        if head.is_some_and(|h| h + 1 == k && loose_noun(h))
            && t.is_adj()
            && k + 1 < n
            && tags[k + 1].is_noun()
        {
            head = None;
            k += 1;
            continue;
        }
        if head.is_some() && !t.is_noun() && t != Tag::POS && words[k].lower != "-" {
            break;
        }
        if t.is_noun()
            && head.is_some()
            && super::pos::is(
                words[k].lower,
                super::pos::ADV | super::pos::ADJ | super::pos::NUM,
            )
        {
            break;
        }
        if t.is_noun() {
            head = Some(k);
        } else if is_modifier(t)
            || t == Tag::RB && k + 1 < n && tags[k + 1].is_adj()
            || t == Tag::VBG && head.is_none() && k + 1 < n && tags[k + 1].is_noun()
        {
            // an adjective, "very large", "rising sea levels"
            if t == Tag::POS {
                head = None;
            }
        } else if words[k].lower == "-" && head.is_some() && k + 1 < n {
            // "long-term" was split by the tokenizer
        } else {
            break;
        }
        k += 1;
    }
    let head = head?;
    Some(NounPhrase {
        start: i,
        end: head + 1,
        head,
        det,
    })
}

fn is_quantifier(w: &str) -> bool {
    matches!(
        w,
        "many"
            | "much"
            | "few"
            | "several"
            | "little"
            | "various"
            | "numerous"
            | "more"
            | "most"
            | "less"
            | "fewer"
            | "enough"
    )
}

/// The number a noun phrase shows: its head noun's, with determiners for nouns of either
/// number ("these sheep").
pub fn np_number(words: &[Word], tags: &[Tag], np: &NounPhrase) -> Number {
    let h = words[np.head].lower;
    if tags[np.head] == Tag::PRP {
        return match h {
            "he" | "she" | "it" => Number::Singular,
            "we" | "they" => Number::Plural,
            _ => Number::Unknown,
        };
    }
    if tags[np.head] == Tag::NNP {
        return Number::Unknown;
    }
    let num = noun_number(h);
    if let Some(d) = np.det {
        let shown = match words[d].lower {
            "these" | "those" | "many" | "several" | "few" | "both" => Number::Plural,
            "this" | "that" | "a" | "an" | "each" | "every" | "another" => Number::Singular,
            _ => Number::Unknown,
        };
        // "this phenomena", "these criterion": the determiner and the noun disagree, so the
        // phrase shows no number a verb could be judged by (the determiner rules report it).
        if num == Number::Unknown || shown != Number::Unknown && shown != num {
            return if num == Number::Unknown {
                shown
            } else {
                Number::Unknown
            };
        }
    }
    num
}

/// A subject starting at `i`: its head, its number, and where its verb should be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Subject {
    pub head: usize,
    pub number: Number,
    /// The token after the subject (its verb, if the sentence is regular).
    pub end: usize,
    /// The subject has a prepositional phrase or an "of" phrase after its head.
    pub modified: bool,
}

/// Reads the subject noun phrase that starts at `i` ("the number of cases", "each of the
/// students", "the results of the new study"). None when `i` starts no noun phrase or the
/// phrase is coordinated ("the teacher and the students").
pub fn subject_at(words: &[Word], tags: &[Tag], i: usize) -> Option<Subject> {
    let n = tags.len();
    let w0 = words.get(i)?.lower;
    // "each of the students", "one of the reasons", "either of them"
    if matches!(
        w0,
        "each"
            | "one"
            | "neither"
            | "either"
            | "none"
            | "some"
            | "all"
            | "most"
            | "many"
            | "few"
            | "several"
            | "both"
            | "half"
            | "any"
    ) && words.get(i + 1).is_some_and(|w| w.lower == "of")
    {
        let inner = np_at(words, tags, i + 2)?;
        let inner_num = np_number(words, tags, &inner);
        let number = match w0 {
            "each" | "one" => Number::Singular,
            "many" | "few" | "several" | "both" => Number::Plural,
            // "some of the water is", "some of the students are"
            "some" | "all" | "most" | "half" | "any" => inner_num,
            _ => Number::Unknown,
        };
        let end = skip_postmodifiers(words, tags, inner.end)?;
        return Some(Subject {
            head: i,
            number,
            end,
            modified: true,
        });
    }
    let np = np_at(words, tags, i)?;
    let mut number = np_number(words, tags, &np);
    // "Ten grams of food was given", "five years is long": a measure takes either number.
    if np.det.is_some_and(|d| tags[d] == Tag::CD) {
        number = Number::Unknown;
    }
    let head_w = words[np.head].lower;
    let mut k = np.end;
    let mut modified = false;
    if k < n && words[k].lower == "of" {
        let inner = np_at(words, tags, k + 1)?;
        modified = true;
        // "a lot of people", "the majority of voters", "a kind of": the inner phrase decides,
        // or nobody can say.
        if noun_is(head_w, NounClass::Partitive) {
            let det = np.det.map(|d| words[d].lower);
            number = if head_w == "number" && det == Some("the") {
                Number::Singular
            } else if head_w == "number" && det == Some("a") && np.head == np.start + 1
                || matches!(
                    head_w,
                    "lot" | "lots" | "plenty" | "couple" | "dozen" | "handful" | "bunch"
                )
            {
                np_number(words, tags, &inner)
            } else {
                Number::Unknown
            };
        }
        k = inner.end;
    }
    // A reduced relative clause: "the samples collected in May", "students living on campus".
    if k + 1 < n
        && matches!(tags[k], Tag::VBN | Tag::VBG | Tag::VBD)
        && (tags[k] != Tag::VBD || words[k].lower.ends_with("ed"))
        && tags[k + 1] == Tag::IN
    {
        k += 1;
    }
    let end = skip_postmodifiers(words, tags, k)?;
    modified |= end != np.end;
    Some(Subject {
        head: np.head,
        number,
        end,
        modified,
    })
}

/// Skips prepositional phrases after a noun phrase ("in the north", "of the new study"); None if
/// a coordination, a relative clause, a comma or anything unclear follows.
fn skip_postmodifiers(words: &[Word], tags: &[Tag], mut k: usize) -> Option<usize> {
    let n = tags.len();
    let mut hops = 0;
    while k < n && tags[k] == Tag::IN && hops < 2 {
        let w = words[k].lower;
        if !matches!(
            w,
            "of" | "in"
                | "on"
                | "at"
                | "for"
                | "from"
                | "with"
                | "about"
                | "between"
                | "among"
                | "across"
                | "around"
                | "near"
                | "under"
                | "without"
                | "within"
                | "throughout"
        ) {
            break;
        }
        let inner = np_at(words, tags, k + 1)?;
        k = inner.end;
        hops += 1;
    }
    if k < n && (tags[k] == Tag::CC || words[k].lower == "," || tags[k] == Tag::POS) {
        return None;
    }
    Some(k)
}
