//! A part-of-speech tagger for English: the lexicon's "may be" tags ([`super::pos`]) resolved to
//! one tag per token by contextual rules (a determiner before a noun/verb word makes it a noun, a
//! modal or infinitive "to" makes it a base verb, a subject pronoun makes it a finite verb, …).
//!
//! The tag set is the Penn Treebank's, slightly reduced: no RP/PDT/RBR/RBS/UH/FW/LS; a possessive
//! noun ("Stalin's", "students'") is one token tagged [`Tag::POS`]; contractions are one token
//! tagged by their first part ("don't" VBP, "it's" PRP). Accuracy on hand-tagged held-out text is
//! measured by the `held_out_accuracy` test (`tests/data/tagged.txt`).
//!
//! The tagger knows nothing of the document model: it takes a sentence as lowercase words, their
//! original text and their kind, and is deterministic and allocation-light (one lexicon lookup per
//! token).

use super::inflect::{noun_number, Number};
use super::pos::{self, Tags};
use crate::doc::TokenKind;

/// A Penn Treebank part-of-speech tag (reduced set).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(clippy::upper_case_acronyms)]
pub enum Tag {
    /// Determiner: the, a, this, every, some, no.
    DT,
    /// Number: 1920, two, hundred.
    CD,
    /// Personal or reflexive pronoun: he, them, itself, mine.
    PRP,
    /// Possessive determiner: my, their, its.
    PRPS,
    /// Possessive noun: Stalin's, students'.
    POS,
    /// Existential "there".
    EX,
    /// Preposition or subordinating conjunction: of, in, because, that (complementiser).
    IN,
    TO,
    CC,
    /// Modal: can, would, must, won't.
    MD,
    RB,
    JJ,
    JJR,
    JJS,
    NN,
    NNS,
    NNP,
    /// Base form (after a modal, "to", "do"; imperative).
    VB,
    /// Present, not third person singular.
    VBP,
    VBZ,
    VBD,
    VBN,
    VBG,
    WDT,
    WP,
    WRB,
    PUNCT,
    SYM,
}

impl Tag {
    pub fn parse(s: &str) -> Option<Tag> {
        use Tag::*;
        Some(match s {
            "DT" => DT,
            "CD" => CD,
            "PRP" => PRP,
            "PRP$" => PRPS,
            "POS" => POS,
            "EX" => EX,
            "IN" => IN,
            "TO" => TO,
            "CC" => CC,
            "MD" => MD,
            "RB" => RB,
            "JJ" => JJ,
            "JJR" => JJR,
            "JJS" => JJS,
            "NN" => NN,
            "NNS" => NNS,
            "NNP" => NNP,
            "VB" => VB,
            "VBP" => VBP,
            "VBZ" => VBZ,
            "VBD" => VBD,
            "VBN" => VBN,
            "VBG" => VBG,
            "WDT" => WDT,
            "WP" => WP,
            "WRB" => WRB,
            "." | "PUNCT" => PUNCT,
            "SYM" => SYM,
            _ => return None,
        })
    }
    pub fn is_noun(self) -> bool {
        matches!(self, Tag::NN | Tag::NNS | Tag::NNP)
    }
    pub fn is_verb(self) -> bool {
        matches!(
            self,
            Tag::VB | Tag::VBP | Tag::VBZ | Tag::VBD | Tag::VBN | Tag::VBG | Tag::MD
        )
    }
    pub fn is_adj(self) -> bool {
        matches!(self, Tag::JJ | Tag::JJR | Tag::JJS)
    }
    /// Opens or continues a noun phrase before its head (the, my, Stalin's, two, many).
    pub fn is_determiner_like(self) -> bool {
        matches!(self, Tag::DT | Tag::PRPS | Tag::POS | Tag::CD)
    }
}

/// One token of a sentence, as the tagger sees it.
#[derive(Clone, Copy, Debug)]
pub struct Word<'a> {
    /// Lowercase, with ’ folded to '.
    pub lower: &'a str,
    /// The original text.
    pub raw: &'a str,
    pub kind: TokenKind,
}

/// A word of a tagged test sentence, its kind read off its text (tests of the tagger and of
/// the syntax analysis).
#[cfg(test)]
pub(crate) fn test_word<'a>(raw: &'a str, lower: &'a str) -> Word<'a> {
    Word {
        lower,
        raw,
        kind: if raw.starts_with(|c: char| c.is_ascii_digit()) {
            TokenKind::Number
        } else if raw.chars().any(char::is_alphanumeric) {
            TokenKind::Word
        } else {
            TokenKind::Punct
        },
    }
}

/// What an open-class word may be.
#[derive(Clone, Copy, Debug, Default)]
struct Open {
    n: bool,
    v: bool,
    j: bool,
    r: bool,
    form: Form,
    tags: Tags,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Form {
    #[default]
    Base,
    /// -s: a plural noun or a third-person verb.
    S,
    /// -ed, or an irregular past or participle.
    Ed,
    Ing,
}

fn open(w: &str, t: Tags) -> Open {
    use pos::*;
    let known = t & (KNOWN | ANY_VERB | NOUN | ADJ | ADV | COMP | SUP) != 0;
    let mut o = Open {
        n: t & (NOUN | MAY_NOUN | MAY_NOUN_GB) != 0 || !known,
        v: t & (ANY_VERB | MAY_VERB) != 0,
        j: t & (ADJ | MAY_ADJ | COMP | SUP) != 0,
        r: t & (ADV | ADV_DEGREE) != 0,
        form: Form::Base,
        tags: t,
    };
    if w.ends_with("ly") && w.len() > 4 && known && t & (NOUN | VERB) == 0 {
        o.r = true;
        o.n = false;
        o.v = false;
        o.j = t & ADJ != 0;
    }
    if t & (VERB_ING | MAY_ING) != 0 {
        o.form = Form::Ing;
        o.v = true;
    } else if t & (VERB_PAST | VERB_PART | MAY_PAST) != 0 && t & VERB == 0 {
        o.form = Form::Ed;
        o.v = true;
    } else if t & (VERB_3SG | MAY_3SG) != 0
        || (w.ends_with('s') && noun_number(w) == Number::Plural)
    {
        o.form = Form::S;
    }
    // Unflagged -ly, -ous, -al… words the lexicon does not know, or knows with no word class
    // (a dictionary word with no affix flags: "knowledgeable", "emitted", "likewise"): judge by
    // the ending.
    let classless = known && !o.n && !o.v && !o.j && !o.r && t & (FUNCTION | NUM) == 0;
    if classless {
        if w.ends_with("ly") || w.ends_with("wise") {
            o.r = true;
        } else if [
            "ous", "ive", "ful", "ic", "able", "ible", "ical", "less", "al", "ary", "ent", "ant",
        ]
        .iter()
        .any(|s| w.ends_with(s))
        {
            o.j = true;
        } else if w.ends_with("ing") && w.len() > 5 {
            o.form = Form::Ing;
            o.v = true;
        } else if w.ends_with("ed") && w.len() > 4 {
            o.form = Form::Ed;
            o.v = true;
        } else {
            o.n = true;
        }
    }
    if !known {
        if w.ends_with("ly") {
            o.r = true;
            o.n = false;
        } else if ["ous", "ive", "ful", "ic", "able", "ible", "ical", "less"]
            .iter()
            .any(|s| w.ends_with(s))
        {
            o.j = true;
            o.n = false;
        } else if w.ends_with("ing") {
            o.form = Form::Ing;
            o.v = true;
        } else if w.ends_with("ed") {
            o.form = Form::Ed;
            o.v = true;
            o.n = false;
        }
    }
    // Curated single-class words win over the loose Hunspell readings.
    let curated = t & (NOUN | ANY_VERB | ADJ | ADV | COMP | SUP);
    if curated != 0 {
        let cn = t & NOUN != 0;
        let cv = t & ANY_VERB != 0;
        let cj = t & (ADJ | COMP | SUP) != 0;
        let cr = t & ADV != 0;
        if cn && !cv && !cj && !cr && o.form != Form::Ing {
            o.v = false;
            o.j = false;
        }
        if cj && !cn && !cv {
            o.n = t & MAY_NOUN != 0 && t & ADJ == 0;
            o.v = false;
        }
    }
    o
}

/// Tags a sentence.
pub fn tag(words: &[Word]) -> Vec<Tag> {
    let n = words.len();
    let lex: Vec<Tags> = words
        .iter()
        .map(|w| match w.kind {
            TokenKind::Word => pos::tags(w.lower),
            TokenKind::Number => pos::NUM,
            _ => 0,
        })
        .collect();
    let mut out: Vec<Tag> = Vec::with_capacity(n);
    let first_word = words
        .iter()
        .position(|w| w.kind != TokenKind::Punct)
        .unwrap_or(0);
    for i in 0..n {
        let t = tag_one(words, &lex, &out, i, first_word);
        out.push(t);
    }
    out
}

fn is_subject_pronoun(w: &str) -> bool {
    matches!(w, "i" | "we" | "they" | "he" | "she" | "you" | "it" | "who")
}

fn be_tag(w: &str) -> Option<Tag> {
    Some(match w {
        "be" => Tag::VB,
        "am" | "are" | "'re" | "aren't" => Tag::VBP,
        "is" | "isn't" => Tag::VBZ,
        "was" | "were" | "wasn't" | "weren't" => Tag::VBD,
        "been" => Tag::VBN,
        "being" => Tag::VBG,
        "have" | "haven't" => Tag::VBP,
        "has" | "hasn't" => Tag::VBZ,
        "had" | "hadn't" => Tag::VBD,
        "having" => Tag::VBG,
        "do" | "don't" => Tag::VBP,
        "does" | "doesn't" => Tag::VBZ,
        "did" | "didn't" => Tag::VBD,
        "doing" => Tag::VBG,
        "done" => Tag::VBN,
        "can't" | "cannot" | "won't" | "wouldn't" | "couldn't" | "shouldn't" | "mustn't"
        | "mightn't" | "shan't" => Tag::MD,
        _ => return None,
    })
}

/// The previous tag, skipping adverbs and "not" (for auxiliary contexts: "can also go").
fn prev_skip_rb(out: &[Tag], words: &[Word], i: usize) -> Option<(usize, Tag)> {
    let mut k = i;
    while k > 0 {
        k -= 1;
        if out[k] != Tag::RB || words[k].lower == "there" {
            return Some((k, out[k]));
        }
    }
    None
}

fn tag_one(words: &[Word], lex: &[Tags], out: &[Tag], i: usize, first_word: usize) -> Tag {
    use pos::*;
    let w = words[i].lower;
    let raw = words[i].raw;
    match words[i].kind {
        TokenKind::Punct => return Tag::PUNCT,
        TokenKind::Symbol => return Tag::SYM,
        TokenKind::Number => return Tag::CD,
        TokenKind::Word => {}
    }
    let t = lex[i];
    let prev = i.checked_sub(1).map(|k| out[k]);
    let pw = i.checked_sub(1).map_or("", |k| words[k].lower);
    let next_t = lex.get(i + 1).copied().unwrap_or(0);
    let next_w = words.get(i + 1).map_or("", |x| x.lower);
    let next_is_word = words.get(i + 1).is_some_and(|x| x.kind == TokenKind::Word);
    let next_open = next_is_word.then(|| open(next_w, next_t));
    let next_nounish = next_open.is_some_and(|o| (o.n || o.j) && next_t & FUNCTION == 0)
        || next_t & (NUM | ADJ | COMP | SUP) != 0 && next_t & (PREP | BE) == 0;
    let first = i == first_word;
    let capital = raw.chars().next().is_some_and(char::is_uppercase);

    // Contractions and possessives.
    if let Some(stem) = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("'re"))
        .or_else(|| w.strip_suffix("'ve"))
        .or_else(|| w.strip_suffix("'ll"))
        .or_else(|| w.strip_suffix("'d"))
        .or_else(|| w.strip_suffix("'m"))
    {
        return match stem {
            "it" | "he" | "she" | "i" | "you" | "we" | "they" | "who" => Tag::PRP,
            "there" | "here" => Tag::EX,
            "that" | "this" => Tag::DT,
            "what" | "where" | "how" | "when" | "why" => Tag::WP,
            "let" => Tag::VB,
            _ if w.ends_with("'s") => Tag::POS,
            _ => Tag::PRP,
        };
    }
    if w.ends_with("s'") && w.len() > 2 {
        return Tag::POS;
    }
    if let Some(tg) = be_tag(w) {
        // "have" and "do" after a modal, "to" or "do" are base forms.
        if matches!(w, "have" | "do") {
            if let Some((_, p)) = prev_skip_rb(out, words, i) {
                if matches!(p, Tag::MD | Tag::TO)
                    || (p == Tag::VBD && words[i - 1].lower.starts_with("did"))
                {
                    return Tag::VB;
                }
            }
            if first && w == "do" {
                return Tag::VBP;
            }
        }
        return tg;
    }
    if w.ends_with("n't") {
        return Tag::MD;
    }
    match w {
        "the" | "a" | "an" | "this" | "these" | "those" | "every" | "each" | "another" | "no"
        | "all" | "both" | "some" | "any" | "either" | "neither" | "half" | "such" => {
            return Tag::DT
        }
        "my" | "your" | "our" | "their" | "its" | "thy" => return Tag::PRPS,
        "i" | "you" | "he" | "she" | "it" | "we" | "they" | "me" | "him" | "us" | "them"
        | "myself" | "yourself" | "himself" | "herself" | "itself" | "ourselves" | "yourselves"
        | "themselves" | "oneself" | "mine" | "yours" | "hers" | "ours" | "theirs" => {
            return Tag::PRP
        }
        "her" => {
            return if next_nounish && !matches!(next_w, "and" | "or" | "to") {
                Tag::PRPS
            } else {
                Tag::PRP
            }
        }
        "his" => {
            return if next_is_word && next_t & (PREP | CONJ | BE | MODAL) == 0 {
                Tag::PRPS
            } else {
                Tag::PRP
            }
        }
        "who" | "whom" | "what" | "whoever" | "whatever" | "whose" => return Tag::WP,
        "which" | "whichever" => return Tag::WDT,
        "where" | "when" | "why" | "how" | "whenever" | "wherever" | "whereby" => return Tag::WRB,
        "and" | "or" | "but" | "nor" | "&" => return Tag::CC,
        "to" => return Tag::TO,
        "not" | "never" | "n't" => return Tag::RB,
        "there" => {
            return if next_t & (BE | MODAL) != 0
                || matches!(
                    next_w,
                    "seems"
                        | "seem"
                        | "seemed"
                        | "exist"
                        | "exists"
                        | "existed"
                        | "remain"
                        | "remains"
                        | "remained"
                        | "appear"
                        | "appears"
                        | "appeared"
                        | "used"
                        | "has"
                        | "have"
                        | "had"
                ) {
                Tag::EX
            } else {
                Tag::RB
            };
        }
        "that" => {
            // "that book" (DT), "that is" (DT), "the book that fell" (WDT), "said that it" (IN)
            let nn = next_open.filter(|o| o.n && next_t & FUNCTION == 0);
            if next_t & (BE | MODAL) != 0 && !matches!(prev, Some(Tag::NN | Tag::NNS | Tag::NNP)) {
                return Tag::DT;
            }
            if matches!(prev, Some(Tag::NN | Tag::NNS | Tag::NNP))
                && next_open.is_some_and(|o| o.v && !o.n)
                || matches!(prev, Some(Tag::NN | Tag::NNS | Tag::NNP))
                    && next_t & (BE | MODAL | HAVE) != 0
            {
                return Tag::WDT;
            }
            if let Some(o) = nn {
                if noun_number(next_w) != Number::Plural
                    && o.form != Form::S
                    && (i == first_word
                        || matches!(
                            prev,
                            Some(
                                Tag::IN
                                    | Tag::VB
                                    | Tag::VBD
                                    | Tag::VBP
                                    | Tag::VBZ
                                    | Tag::VBG
                                    | Tag::CC
                            )
                        ) && !is_clause_verb(pw))
                {
                    return Tag::DT;
                }
            }
            return Tag::IN;
        }
        "more" | "most" | "less" | "least" => {
            let adj_next = next_open.is_some_and(|o| (o.j || o.r) && !o.n)
                || next_t & (ADV | ADV_DEGREE) != 0 && next_t & NOUN == 0;
            return if adj_next {
                Tag::RB
            } else if matches!(w, "more" | "less") {
                Tag::JJR
            } else {
                Tag::JJS
            };
        }
        "much" | "many" | "few" | "several" | "little" | "enough" | "various" | "numerous"
        | "fewer" => {
            if w == "much" && next_t & (COMP | ADJ | ADV) != 0 && next_t & NOUN == 0 {
                return Tag::RB;
            }
            return if w == "fewer" { Tag::JJR } else { Tag::JJ };
        }
        "like" => {
            return if matches!(
                prev,
                Some(Tag::PRP | Tag::NNS | Tag::MD | Tag::TO | Tag::WDT | Tag::WP)
            ) && !matches!(pw, "me" | "him" | "them" | "us")
                || pw == "would"
                || pw.ends_with("n't")
            {
                if matches!(prev, Some(Tag::MD | Tag::TO)) || pw.ends_with("n't") {
                    Tag::VB
                } else {
                    Tag::VBP
                }
            } else {
                Tag::IN
            };
        }
        _ => {}
    }
    if t & NUM != 0 && t & (NOUN | ANY_VERB) == 0 {
        return Tag::CD;
    }
    if t & MODAL != 0 {
        // "the will of the people", "a tin can", "with all his might"
        let pw_noun_det = matches!(
            pw,
            "the"
                | "a"
                | "an"
                | "free"
                | "good"
                | "ill"
                | "political"
                | "popular"
                | "general"
                | "own"
                | "last"
                | "divine"
                | "human"
                | "collective"
        );
        // "in general might have", "the popular will be": before "have", "be", "not" or a verb
        // with no noun reading it is the modal after all, unless an article or possessive
        // makes it a noun.
        let verb_next = matches!(next_w, "have" | "be" | "not")
            || next_t & VERB != 0 && next_t & (NOUN | MAY_NOUN | ADJ | FUNCTION) == 0;
        let article_before = matches!(pw, "the" | "a" | "an") || matches!(prev, Some(Tag::PRPS));
        if (pw_noun_det || matches!(prev, Some(Tag::PRPS | Tag::POS)))
            && !capital
            && (article_before || !verb_next)
        {
            return Tag::NN;
        }
        // "For Schopenhauer, will is not repressed": at a clause start and before a finite
        // "is"/"was"/"has" the word is the noun (a modal is followed by a base form).
        let clause_opening = i == first_word || matches!(prev, Some(Tag::PUNCT | Tag::CC));
        if clause_opening
            && !capital
            && matches!(next_w, "is" | "was" | "has" | "isn't" | "wasn't" | "hasn't")
        {
            return Tag::NN;
        }
        if capital && !first && matches!(w, "may" | "will" | "june") {
            return Tag::NNP;
        }
        return Tag::MD;
    }
    if t & (PREP | SUBORD | CONJ) != 0 && t & (NOUN | ADJ | ANY_VERB) == 0 {
        return Tag::IN;
    }
    if t & (PREP | SUBORD) != 0 {
        // Prepositions that are also nouns, adjectives or verbs: "the past", "round", "near",
        // "following", "including".
        if !matches!(prev, Some(Tag::DT | Tag::PRPS | Tag::POS | Tag::JJ)) {
            return Tag::IN;
        }
    }
    if t & PRON_INDEF != 0 {
        return Tag::NN;
    }
    if t & ADV != 0 && t & (NOUN | ADJ | ANY_VERB | MAY_VERB | MAY_NOUN) == 0 {
        return Tag::RB;
    }
    if t & ADV_DEGREE != 0 && t & (NOUN | ANY_VERB) == 0 {
        return Tag::RB;
    }

    // Open classes.
    let o = open(w, t);
    // Proper names: capitalised words inside the sentence, unknown capitalised words anywhere.
    if capital && (!first || t & (KNOWN | NOUN | ANY_VERB | ADJ | ADV) == 0) {
        return Tag::NNP;
    }
    resolve_open(words, out, i, o, prev, next_open, next_t, first)
}

fn is_clause_verb(w: &str) -> bool {
    pos::is(w, pos::VERB_CLAUSE)
        || matches!(
            w,
            "said"
                | "says"
                | "argued"
                | "argues"
                | "shows"
                | "showed"
                | "suggests"
                | "suggested"
                | "believe"
                | "claims"
                | "claimed"
                | "noted"
                | "notes"
                | "found"
                | "means"
        )
}

fn noun_tag(w: &str) -> Tag {
    if noun_number(w) == Number::Plural {
        Tag::NNS
    } else {
        Tag::NN
    }
}

fn adj_tag(o: &Open) -> Tag {
    if o.tags & pos::COMP != 0 && o.tags & pos::ADJ == 0 {
        Tag::JJR
    } else if o.tags & pos::SUP != 0 && o.tags & pos::ADJ == 0 {
        Tag::JJS
    } else {
        Tag::JJ
    }
}

/// The tag of a verb by its form, as a finite verb.
fn finite_tag(o: &Open) -> Tag {
    match o.form {
        Form::Base => Tag::VBP,
        Form::S => Tag::VBZ,
        Form::Ed => {
            if o.tags & pos::VERB_PART != 0 && o.tags & pos::VERB_PAST == 0 {
                Tag::VBN
            } else {
                Tag::VBD
            }
        }
        Form::Ing => Tag::VBG,
    }
}

/// The tag of a verb by its form where a non-finite form is expected (after a modal, "to",
/// "be", "have").
fn nonfinite_tag(o: &Open) -> Tag {
    match o.form {
        Form::Base => Tag::VB,
        Form::S => Tag::VBZ,
        Form::Ed => {
            if o.tags & pos::VERB_PAST != 0 && o.tags & pos::VERB_PART == 0 {
                Tag::VBD
            } else {
                Tag::VBN
            }
        }
        Form::Ing => Tag::VBG,
    }
}

/// Words after which a verb is the start of a predicate: the following token reads as an
/// object or complement (a determiner, a pronoun, "that", an adverb, a preposition).
fn object_follows(next_t: Tags, next_w: &str) -> bool {
    use pos::*;
    next_t & (DET | POSS | PRON_OBJ | PREP | ADV | NUM | QUANT | SUBORD) != 0
        && !matches!(next_w, "and" | "or")
        || matches!(next_w, "that" | "to" | "not")
}

#[allow(clippy::too_many_arguments)]
fn resolve_open(
    words: &[Word],
    out: &[Tag],
    i: usize,
    o: Open,
    prev: Option<Tag>,
    next_open: Option<Open>,
    next_t: Tags,
    first: bool,
) -> Tag {
    let w = words[i].lower;
    let next_w = words.get(i + 1).map_or("", |x| x.lower);
    let next_n = next_open.is_some_and(|x| x.n && x.tags & pos::FUNCTION == 0);
    // Unambiguous words.
    let classes = o.n as u8 + o.v as u8 + o.j as u8 + o.r as u8;
    if classes <= 1 {
        if o.v {
            return verb_in_context(words, out, i, &o, prev, next_t, next_w);
        }
        if o.j {
            return adj_tag(&o);
        }
        if o.r {
            return Tag::RB;
        }
        return noun_tag(w);
    }
    let pskip = prev_skip_rb(out, words, i);
    let pw_skip = pskip.map_or("", |(k, _)| words[k].lower);
    // After a modal, infinitive "to" or "do": a verb.
    if o.v {
        if let Some((_, p)) = pskip {
            let do_aux = matches!(
                pw_skip,
                "do" | "does" | "did" | "don't" | "doesn't" | "didn't"
            ) && words.get(i.wrapping_sub(1)).is_some_and(|x| {
                x.lower == "not" || x.lower.ends_with("n't") || x.lower.starts_with("d")
            });
            if p == Tag::MD || do_aux {
                return nonfinite_tag(&o);
            }
            if p == Tag::TO && pskip.is_some_and(|(k, _)| k + 1 == i) {
                // "to work" (verb) vs "went to work." (noun): a noun when a noun reading exists
                // and nothing verb-like follows.
                // After a verb that takes an infinitive ("wants to become", "likes to play")
                // "to" is the infinitive's.
                let catenative = pskip.is_some_and(|(k, _)| {
                    k > 0 && {
                        let before = words[k - 1].lower;
                        pos::is(before, pos::VERB_INF)
                            || super::inflect::verb_base(before)
                                .is_some_and(|b| b != before && pos::is(&b, pos::VERB_INF))
                    }
                });
                if !o.n
                    || o.form != Form::Base
                    || catenative && o.tags & (pos::VERB | pos::MAY_VERB) != 0
                    || object_follows(next_t, next_w)
                    || next_open.is_some_and(|x| x.n && !x.v)
                {
                    return nonfinite_tag(&o);
                }
                return noun_tag(w);
            }
        }
    }
    match prev {
        // After a determiner: an adjective before a noun, else a noun.
        Some(Tag::DT | Tag::PRPS | Tag::POS | Tag::CD | Tag::JJ | Tag::JJR | Tag::JJS) => {
            if o.j && next_n && !(o.n && o.tags & pos::ADJ == 0 && o.tags & pos::MAY_ADJ == 0) {
                return adj_tag(&o);
            }
            if o.form == Form::Ed && (o.j || !o.n) {
                return if o.j { adj_tag(&o) } else { Tag::VBN };
            }
            if o.form == Form::Ing && next_n && !o.n {
                return Tag::VBG;
            }
            if o.n {
                return noun_tag(w);
            }
            if o.j {
                return adj_tag(&o);
            }
            return verb_in_context(words, out, i, &o, prev, next_t, next_w);
        }
        // After "be": -ing, participle, adjective, noun.
        Some(Tag::VBZ | Tag::VBP | Tag::VBD | Tag::VB | Tag::VBN | Tag::VBG)
            if pskip.is_some_and(|(k, _)| is_be(words[k].lower)) =>
        {
            if o.form == Form::Ing {
                return Tag::VBG;
            }
            if o.form == Form::Ed {
                return Tag::VBN;
            }
            if o.j {
                return adj_tag(&o);
            }
            if o.n {
                return noun_tag(w);
            }
            return nonfinite_tag(&o);
        }
        _ => {}
    }
    if let Some((k, _)) = pskip {
        if is_have(words[k].lower) && o.form == Form::Ed && o.v {
            return Tag::VBN;
        }
    }
    // After a subject pronoun: a finite verb.
    if o.v
        && i > 0
        && is_subject_pronoun(words[i - 1].lower)
        && !matches!(words[i - 1].lower, "it" | "you")
    {
        return finite_tag(&o);
    }
    if o.v && pskip.is_some_and(|(k, _)| k + 1 < i && is_subject_pronoun(words[k].lower)) {
        return finite_tag(&o);
    }
    match prev {
        Some(Tag::NN | Tag::NNS | Tag::NNP | Tag::PRP) if o.v => {
            let pl = prev == Some(Tag::NNS);
            match o.form {
                Form::S => {
                    let end = next_w.is_empty()
                        || words.get(i + 1).is_some_and(|x| x.kind == TokenKind::Punct);
                    if !o.n || !pl && (object_follows(next_t, next_w) || end) {
                        return Tag::VBZ;
                    }
                    return Tag::NNS;
                }
                Form::Ed => {
                    let next_in = next_t & pos::PREP != 0 && !matches!(next_w, "that");
                    return if next_in && prev != Some(Tag::PRP) {
                        Tag::VBN
                    } else {
                        finite_tag(&o)
                    };
                }
                Form::Ing => {
                    return if o.n && next_t & (pos::BE | pos::MODAL) != 0 {
                        Tag::NN
                    } else {
                        Tag::VBG
                    };
                }
                Form::Base => {
                    if !o.n
                        || (pl || prev == Some(Tag::PRP) || prev == Some(Tag::NNP))
                            && object_follows(next_t, next_w)
                    {
                        return Tag::VBP;
                    }
                    return noun_tag(w);
                }
            }
        }
        Some(Tag::WDT | Tag::WP)
            if o.v && i > 0 && matches!(words[i - 1].lower, "who" | "which" | "that") =>
        {
            return finite_tag(&o);
        }
        Some(Tag::IN) => {
            if o.form == Form::Ing {
                return Tag::VBG;
            }
            if o.j && next_n {
                return adj_tag(&o);
            }
            if o.n {
                return noun_tag(w);
            }
        }
        Some(Tag::CC) if i >= 2 => {
            // Parallel to what stands before the conjunction.
            let before = out[i - 2];
            if before.is_noun() && o.n {
                return noun_tag(w);
            }
            if before.is_verb() && o.v {
                return if matches!(before, Tag::VB | Tag::VBN | Tag::VBG) {
                    nonfinite_tag(&o)
                } else {
                    finite_tag(&o)
                };
            }
            if before.is_adj() && o.j {
                return adj_tag(&o);
            }
        }
        _ => {}
    }
    if first || prev == Some(Tag::PUNCT) && out[..i].iter().all(|t| *t == Tag::PUNCT) {
        if o.form == Form::Ing {
            return Tag::VBG;
        }
        if o.v
            && o.form == Form::Base
            && next_t & (pos::DET | pos::POSS | pos::PRON_OBJ) != 0
            && next_t & pos::PRON_SUBJ == 0
        {
            return Tag::VB;
        }
    }
    if o.n && !(o.v && o.form == Form::Ed) {
        if o.j && next_n {
            return adj_tag(&o);
        }
        return noun_tag(w);
    }
    if o.j && !(o.v && o.form == Form::Ing) {
        return adj_tag(&o);
    }
    if o.v {
        return verb_in_context(words, out, i, &o, prev, next_t, next_w);
    }
    Tag::RB
}

fn is_be(w: &str) -> bool {
    matches!(
        w,
        "be" | "am"
            | "is"
            | "are"
            | "was"
            | "were"
            | "been"
            | "being"
            | "isn't"
            | "aren't"
            | "wasn't"
            | "weren't"
            | "'re"
    )
}

fn is_have(w: &str) -> bool {
    matches!(
        w,
        "have" | "has" | "had" | "having" | "haven't" | "hasn't" | "hadn't" | "'ve"
    )
}

/// A word that can only be a verb: its form decides, with the auxiliary before it.
fn verb_in_context(
    words: &[Word],
    out: &[Tag],
    i: usize,
    o: &Open,
    _prev: Option<Tag>,
    _next_t: Tags,
    _next_w: &str,
) -> Tag {
    let p = prev_skip_rb(out, words, i);
    let aux = p.map(|(k, t)| (words[k].lower, t));
    match aux {
        Some((_, Tag::MD | Tag::TO)) => nonfinite_tag(o),
        Some((w, _))
            if is_be(w) || is_have(w) || matches!(w, "get" | "got" | "gets" | "getting") =>
        {
            if o.form == Form::Base {
                Tag::VB
            } else {
                nonfinite_tag(o)
            }
        }
        Some(("do" | "does" | "did" | "don't" | "doesn't" | "didn't", _)) => nonfinite_tag(o),
        Some((_, Tag::DT | Tag::PRPS | Tag::POS)) if o.form == Form::Ed => Tag::VBN,
        Some((_, Tag::PUNCT)) if o.form == Form::Ed && i > 0 && words[i - 1].lower == "," => {
            Tag::VBN
        }
        None if o.form == Form::Base => Tag::VB,
        _ => finite_tag(o),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (sentence tokens, gold tags) from the hand-tagged file.
    fn gold() -> Vec<Vec<(String, String, Tag)>> {
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/tagged.txt"
        ))
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            l.split_whitespace()
                .map(|wt| {
                    let (w, t) = wt.rsplit_once('/').expect("word/TAG");
                    let tag = Tag::parse(t).unwrap_or_else(|| panic!("bad tag {t}"));
                    (w.to_string(), crate::doc::normalize_word(w), tag)
                })
                .collect()
        })
        .collect()
    }

    fn run(sent: &[(String, String, Tag)]) -> Vec<Tag> {
        let words: Vec<Word> = sent
            .iter()
            .map(|(raw, lower, _)| super::test_word(raw, lower))
            .collect();
        tag(&words)
    }

    /// Accuracy on the hand-tagged sentences: the first half was used while writing the rules,
    /// the second half is held out. Run with `--nocapture` to see the numbers and the errors.
    #[test]
    fn held_out_accuracy() {
        let g = gold();
        let half = g.len() / 2;
        let mut score = [(0usize, 0usize); 2];
        for (si, sent) in g.iter().enumerate() {
            let got = run(sent);
            let part = usize::from(si >= half);
            for ((raw, _, want), t) in sent.iter().zip(&got) {
                if *want == Tag::PUNCT {
                    continue;
                }
                score[part].1 += 1;
                if want == t {
                    score[part].0 += 1;
                } else {
                    println!("  {raw}: want {want:?}, got {t:?}  [{}]", si + 1);
                }
            }
        }
        let acc = |(a, b): (usize, usize)| a as f64 / b.max(1) as f64;
        println!(
            "tagger accuracy: development {:.1}% of {}, held out {:.1}% of {}",
            100.0 * acc(score[0]),
            score[0].1,
            100.0 * acc(score[1]),
            score[1].1
        );
        assert!(acc(score[1]) >= 0.90, "held-out accuracy fell below 90%");
    }
}
