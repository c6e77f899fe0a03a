//! Part-of-speech tags for every token of the document's prose sentences, computed once per
//! document ([`crate::lexicon::tagger`]) and shared by the grammar rules, with a sentence view
//! that hands the tagger's words and tags to the chunker ([`crate::lexicon::chunk`]).
//!
//! Computed once per document by [`super::Analyses`]; a rule reaches it as `cx.syntax()`.

use crate::doc::{Document, Sentence, TokenKind};
use crate::lexicon::inflect::{self, noun_number, Number};
use crate::lexicon::pos;
use crate::lexicon::tagger::{self, Tag, Word};

/// The tags of one document: `tags[i]` is token `i`'s ([`Tag::PUNCT`] outside prose).
pub struct Syntax {
    pub tags: Vec<Tag>,
}

impl Syntax {
    /// Tags every prose sentence of the document.
    pub fn compute(doc: &Document) -> Syntax {
        let mut tags = vec![Tag::PUNCT; doc.tokens.len()];
        for s in doc.prose_sentences() {
            let words = words(doc, s);
            let mut t = tagger::tag(&words);
            refine(&words, &mut t);
            for (j, t) in t.into_iter().enumerate() {
                tags[s.tokens.start + j] = t;
            }
        }
        Syntax { tags }
    }
}

/// The tagger's view of a sentence's tokens.
pub fn words<'a>(doc: &'a Document, s: &Sentence) -> Vec<Word<'a>> {
    s.tokens
        .clone()
        .map(|i| Word {
            lower: doc.lower(i),
            raw: doc.tok(i),
            kind: doc.tokens[i].kind,
        })
        .collect()
}

/// One prose sentence with its words and tags, indexed from 0 (token `start + i` of the
/// document is word `i`).
pub struct Tagged<'a> {
    pub doc: &'a Document,
    pub start: usize,
    pub words: Vec<Word<'a>>,
    pub tags: Vec<Tag>,
}

impl<'a> Tagged<'a> {
    pub fn len(&self) -> usize {
        self.words.len()
    }
    /// Lowercase word `i` ("" past the end).
    pub fn w(&self, i: usize) -> &'a str {
        self.words.get(i).map_or("", |w| w.lower)
    }
    /// Tag of word `i` (PUNCT past the end).
    pub fn t(&self, i: usize) -> Tag {
        self.tags.get(i).copied().unwrap_or(Tag::PUNCT)
    }
    pub fn raw(&self, i: usize) -> &'a str {
        self.words.get(i).map_or("", |w| w.raw)
    }
    pub fn is_word(&self, i: usize) -> bool {
        self.words.get(i).is_some_and(|w| w.kind == TokenKind::Word)
    }
    /// The document span of word `i`.
    pub fn span(&self, i: usize) -> crate::doc::Span {
        self.doc.tokens[self.start + i].span
    }
    /// Word `i` is inside a quotation (quoted words are the source's, not the writer's).
    pub fn quoted(&self, i: usize) -> bool {
        self.doc.in_quotation(self.span(i))
    }
}

/// Every prose sentence of the document, tagged, but for sentences of old text quoted without
/// quotation marks ([`old_text`]), whose grammar is the source's, not the writer's.
pub fn tagged<'a>(doc: &'a Document, syn: &Syntax) -> Vec<Tagged<'a>> {
    doc.prose_sentences()
        .filter(|s| !old_text(doc, s))
        .map(|s| Tagged {
            doc,
            start: s.tokens.start,
            words: words(doc, s),
            tags: syn.tags[s.tokens.clone()].to_vec(),
        })
        .collect()
}

/// The sentence is old text, quoted without quotation marks (student papers on Chaucer,
/// Shakespeare or Locke often run quotations into their prose): it has a pronoun or verb form
/// of early modern English (`rules/grammar/archaic_words.txt`: thou, hath, doth), it is verse
/// run in with slashes for its line breaks ("which us doth blind,/ But fate"), or it is spelled
/// the Middle English way, an early modern spelling unknown to the dictionary (haue, vnto,
/// goeth) beside two more unknown lowercase words ("yf an Englyschman haue that sykenes").
pub fn old_text(doc: &Document, s: &Sentence) -> bool {
    let mut unknown = 0;
    let mut early_modern = false;
    for i in s.tokens.clone() {
        if !doc.tokens[i].is_word() {
            continue;
        }
        let w = doc.lower(i);
        if crate::lexicon::in_list!("grammar/archaic_words.txt", w) {
            return true;
        }
        if doc.tok(i).starts_with(|c: char| c.is_ascii_lowercase())
            && w.len() >= 2
            && !crate::lexicon::is_dictionary_word(w)
        {
            unknown += 1;
            early_modern |= crate::lexicon::spell::is_early_modern_spelling(w);
        }
    }
    if early_modern && unknown >= 3 {
        return true;
    }
    // A line break of verse: a slash, a space and a capital ("blind,/ But"); "and/or" and
    // "km/h" have no space.
    let text = doc.text.get(s.span.start..s.span.end).unwrap_or("");
    text.match_indices('/').any(|(k, _)| {
        let rest = &text[k + 1..];
        rest.starts_with(' ') && rest.trim_start().starts_with(|c: char| c.is_uppercase())
    })
}

/// A finite verb tag (what a clause needs once).
fn finite(t: Tag) -> bool {
    matches!(t, Tag::VBZ | Tag::VBP | Tag::VBD | Tag::MD)
}

/// Words that close the clause a verb belongs to when scanning forwards or backwards.
fn clause_break(w: &Word, t: Tag) -> bool {
    t == Tag::PUNCT
        && matches!(
            w.lower,
            "," | ";" | ":" | "." | "!" | "?" | "(" | ")" | "—" | "–"
        )
        || matches!(t, Tag::WDT | Tag::WP | Tag::WRB | Tag::CC)
        || matches!(
            w.lower,
            "that"
                | "because"
                | "if"
                | "when"
                | "while"
                | "although"
                | "though"
                | "since"
                | "as"
                | "unless"
                | "until"
                | "whereas"
                | "than"
        )
}

/// A finite verb in the clause of word `i`, other than `i` itself: scanning both ways to the
/// clause's edges.
fn clause_has_finite(words: &[Word], tags: &[Tag], i: usize) -> bool {
    let after = (i + 1..words.len())
        .take_while(|&j| !clause_break(&words[j], tags[j]))
        .any(|j| finite(tags[j]));
    let before = (0..i)
        .rev()
        .take_while(|&j| !clause_break(&words[j], tags[j]))
        .any(|j| finite(tags[j]));
    after || before
}

/// What follows word `i` can only be a verb's object: a determiner other than "that", a
/// possessive, or an object pronoun ("shows a decline", "tell us", "use their phones").
/// A noun phrase never runs on into one of these, so the word before is not part of it.
pub fn strong_object_after(words: &[Word], tags: &[Tag], i: usize) -> bool {
    let Some(n) = words.get(i + 1) else {
        return false;
    };
    matches!(
        n.lower,
        "the"
            | "a"
            | "an"
            | "this"
            | "these"
            | "those"
            | "my"
            | "your"
            | "our"
            | "their"
            | "his"
            | "its"
            | "me"
            | "us"
            | "him"
            | "them"
            | "every"
            | "each"
    ) || tags[i + 1] == Tag::PRPS && n.lower != "her"
}

/// Word `i`, an -s word that may be a verb, right after a plural noun that may not, reads as
/// the clause's verb: no other finite verb in the clause, and an object or complement after it
/// (a determiner, possessive or object pronoun, or a known word that is not a verb, not a
/// plural noun: "patients shows improvement", not "sales figures show growth").
pub fn verb_after_plural(words: &[Word], tags: &[Tag], i: usize) -> bool {
    let w = &words[i];
    let lex = pos::tags(w.lower);
    if i == 0
        || tags[i - 1] != Tag::NNS
        || w.kind != TokenKind::Word
        || lex & (pos::VERB_3SG | pos::MAY_3SG) == 0
        || lex & (pos::ADJ | pos::ADV | pos::FUNCTION | pos::NUM) != 0
        || inflect::verb_base(w.lower).is_none_or(|b| b == w.lower)
        // The plural before may itself be the verb ("the government funds projects"), unless
        // a determiner or possessive opens the phrase ("my friends likes").
        || pos::tags(words[i - 1].lower) & (pos::ANY_VERB | pos::MAY_VERB | pos::MAY_3SG) != 0
            && !(i >= 2 && matches!(tags[i - 2], Tag::DT | Tag::PRPS) && words[i - 2].lower != "that")
        || clause_has_finite(words, tags, i)
    {
        return false;
    }
    let next = words.get(i + 1);
    let next_lex = next.map_or(0, |n| pos::tags(n.lower));
    // "my friends likes to play": a verb that takes an infinitive, before "to" and a word that
    // may be a base verb.
    let infinitive = next.is_some_and(|n| n.lower == "to")
        && inflect::verb_base(w.lower).is_some_and(|b| pos::is(&b, pos::VERB_INF))
        && words.get(i + 2).is_some_and(|x| {
            x.kind == TokenKind::Word
                && pos::tags(x.lower) & (pos::VERB | pos::MAY_VERB) != 0
                && inflect::verb_base(x.lower).is_some_and(|b| b == x.lower)
        });
    infinitive
        || strong_object_after(words, tags, i)
        || next.is_some_and(|n| n.kind == TokenKind::Word)
            && tags[i + 1] != Tag::NNS
            && next_lex & (pos::ANY_VERB | pos::MAY_VERB | pos::FUNCTION) == 0
            && next_lex & pos::KNOWN != 0
}

/// Contextual corrections of the tagger's output where a word's two readings, noun and verb,
/// were resolved by its neighbour alone and the clause decides otherwise:
///
/// - a plural noun, then an -s word that may be a verb, in a clause with no finite verb: the
///   -s word is the verb ("the heart patients shows improvement", "the students needs a
///   rest"), unless a base form that may be a verb follows ("the sales figures show growth");
/// - a singular noun, then a base form that may be a verb, before a determiner, possessive or
///   object pronoun, in a clause with no finite verb: the base form is the verb ("history tell
///   us", "the government use the money").
pub fn refine(words: &[Word], tags: &mut [Tag]) {
    for i in 1..words.len() {
        let w = &words[i];
        if w.kind != TokenKind::Word || !w.raw.bytes().all(|b| b.is_ascii_lowercase()) {
            continue;
        }
        let lex = pos::tags(w.lower);
        let prev = tags[i - 1];
        if tags[i] == Tag::NNS && verb_after_plural(words, tags, i) {
            tags[i] = Tag::VBZ;
            continue;
        }
        if prev == Tag::NN
            && tags[i] == Tag::NN
            && lex & (pos::VERB | pos::MAY_VERB) != 0
            && lex & (pos::ADJ | pos::ADV | pos::FUNCTION | pos::NUM) == 0
            && noun_number(w.lower) == Number::Singular
            && inflect::verb_base(w.lower).is_some_and(|b| b == w.lower)
            && strong_object_after(words, tags, i)
            && !clause_has_finite(words, tags, i)
            // Not inside a prepositional phrase ("as the variance in the application process
            // a increases"): the noun before heads the clause's subject.
            && !(0..i)
                .rev()
                .take_while(|&j| !clause_break(&words[j], tags[j]))
                .any(|j| matches!(tags[j], Tag::IN | Tag::TO))
        {
            tags[i] = Tag::VBP;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Accuracy of the tags the grammar rules read (tagger plus [`refine`]) on a tagged file
    /// named by `ESSAYLINT_TAGGED` (`word/TAG` tokens, one sentence a line, `TAG1|TAG2` where
    /// either is right). Measurement only: run with
    /// `ESSAYLINT_TAGGED=file cargo test --lib external_tagged_accuracy -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn external_tagged_accuracy() {
        let Ok(path) = std::env::var("ESSAYLINT_TAGGED") else {
            return;
        };
        let text = std::fs::read_to_string(&path).expect("readable tagged file");
        let (mut right, mut total, mut right_raw) = (0usize, 0usize, 0usize);
        for line in text
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let toks: Vec<(String, String, Vec<Tag>)> = line
                .split_whitespace()
                .map(|wt| {
                    let (w, t) = wt.rsplit_once('/').expect("word/TAG");
                    let tags = t.split('|').map(|x| Tag::parse(x).expect("tag")).collect();
                    (w.to_string(), crate::doc::normalize_word(w), tags)
                })
                .collect();
            let words: Vec<Word> = toks
                .iter()
                .map(|(raw, lower, _)| tagger::test_word(raw, lower))
                .collect();
            let raw_tags = tagger::tag(&words);
            let mut tags = raw_tags.clone();
            refine(&words, &mut tags);
            for (k, (raw, _, want)) in toks.iter().enumerate() {
                if want.contains(&Tag::PUNCT) {
                    continue;
                }
                total += 1;
                right += usize::from(want.contains(&tags[k]));
                right_raw += usize::from(want.contains(&raw_tags[k]));
                if !want.contains(&tags[k]) {
                    println!("  {raw}: want {want:?}, got {:?}", tags[k]);
                }
            }
        }
        println!(
            "tagged accuracy: {:.1}% of {total} (tagger alone {:.1}%)",
            100.0 * right as f64 / total.max(1) as f64,
            100.0 * right_raw as f64 / total.max(1) as f64
        );
    }

    fn tag_str(s: &str) -> Vec<Tag> {
        let raw: Vec<&str> = s.split_whitespace().collect();
        let lower: Vec<String> = raw.iter().map(|w| crate::doc::normalize_word(w)).collect();
        let words: Vec<Word> = raw
            .iter()
            .zip(&lower)
            .map(|(r, l)| Word {
                lower: l,
                raw: r,
                kind: if r.chars().any(char::is_alphanumeric) {
                    TokenKind::Word
                } else {
                    TokenKind::Punct
                },
            })
            .collect();
        let mut t = tagger::tag(&words);
        refine(&words, &mut t);
        t
    }

    /// Prints the tags of `ESSAYLINT_TAG_THIS`, sentences separated by `|` (a debugging aid).
    #[test]
    #[ignore]
    fn show_tags() {
        // Sentences separated by "|".
        if let Ok(all) = std::env::var("ESSAYLINT_TAG_THIS") {
            for s in all.split('|') {
                let raw: Vec<&str> = s.split_whitespace().collect();
                for (w, t) in raw.iter().zip(tag_str(s)) {
                    print!("{w}/{t:?} ");
                }
                println!();
            }
        }
    }

    #[test]
    fn refine_reads_the_clause() {
        // The -s word after a plural noun is the verb when the clause has none.
        assert_eq!(
            tag_str("The heart patients shows improvement .")[3],
            Tag::VBZ
        );
        // A base form that may be a verb follows: the -s word is part of the noun phrase.
        assert_ne!(tag_str("The sales figures show growth .")[2], Tag::VBZ);
        // A base form before an object pronoun, with no other verb in the clause.
        assert_eq!(tag_str("But history tell us nothing .")[2], Tag::VBP);
    }
}
