//! Rules of the `capitalisation` category: a sentence that starts in lowercase, the pronoun "i",
//! words the dictionary knows only with a capital (days, months, languages, nationalities,
//! proper adjectives), needless capitals in mid-sentence, and a term capitalised two ways.
//!
//! They share a few facts about a token's surroundings, kept here: whether a word is part of a
//! URL, a path or code rather than prose, whether a paragraph is a line of a transcript
//! ("tiger2: i dont think so"), and the capitalised form of a word.

use crate::doc::{Document, TokenKind};
use crate::rule::Rule;

pub mod lowercase_i;
pub mod lowercase_proper;
pub mod lowercase_start;
pub mod needless_capital;
pub mod term_capitalisation;

pub const RULES: &[&dyn Rule] = &[
    &lowercase_start::LowercaseStart,
    &lowercase_i::LowercaseI,
    &lowercase_proper::LowercaseProper,
    &needless_capital::NeedlessCapital,
    &term_capitalisation::TermCapitalisation,
];

/// The word with its first letter in uppercase.
pub(crate) fn capitalise(w: &str) -> String {
    let mut chars = w.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The word with its first letter in lowercase.
pub(crate) fn decapitalise(w: &str) -> String {
    let mut chars = w.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Token `i` is glued to something that is not prose: a URL or an e-mail address
/// (`www.google.com`, `name@site`), a path (`/usr/bin`), code (`print(`, `x_i`, `a=b`).
pub(crate) fn is_glued(doc: &Document, i: usize) -> bool {
    let n = doc.tokens.len();
    let tight_after = |k: usize| k < n && !doc.tokens[k].space_before;
    if i + 1 < n && tight_after(i + 1) {
        match doc.tok(i + 1) {
            "/" | "@" | "_" | "\\" | "=" | "(" | "[" | "{" | "<" | ">" | "#" | "+" | "|" | "~" => {
                return true
            }
            // "google.com", "file.txt": a dot with a word straight after it.
            "." | ":" if tight_after(i + 2) && doc.tokens[i + 2].kind != TokenKind::Punct => {
                return true
            }
            _ => {}
        }
    }
    if i > 0 && !doc.tokens[i].space_before {
        match doc.tok(i - 1) {
            "/" | "@" | "_" | "\\" | "=" | "#" | "<" | "+" | "|" | "~" | "$" | "^" => return true,
            "." | ":" if i >= 2 && !doc.tokens[i - 1].space_before => {
                return doc.tokens[i - 2].kind != TokenKind::Punct
            }
            _ => {}
        }
    }
    false
}

/// A line of a transcript or a chat log: the paragraph opens with a short label and a colon
/// ("tiger2: i dont think", "Interviewer: well…", "1 SunE13: i have"). What follows is the
/// speaker's words as written.
pub(crate) fn is_transcript_line(doc: &Document, para: usize) -> bool {
    let r = doc.paragraphs[para].tokens.clone();
    let mut k = r.start;
    // A line number first: "1 SunE13: …".
    if k + 1 < r.end && doc.tokens[k].kind == TokenKind::Number {
        k += 1;
    }
    k + 1 < r.end
        && doc.tokens[k].kind == TokenKind::Word
        && doc.tok(k + 1) == ":"
        && !doc.tokens[k + 1].space_before
}

/// The paragraph holding token `i`.
pub(crate) fn paragraph_of_token(doc: &Document, i: usize) -> usize {
    doc.paragraphs
        .partition_point(|p| p.tokens.end <= i)
        .min(doc.paragraphs.len().saturating_sub(1))
}

/// A small word a title or a name keeps in lowercase ("Silencing the Past", "Court of
/// Appeals", "Of Political or Civil Society").
pub(crate) fn title_joiner(w: &str) -> bool {
    crate::lexicon::in_list!("capitalisation/title_joiners.txt", w)
}

/// The tokens `first..=last` sit in a title or a name with lowercase small words inside: a
/// capitalised word (not the sentence's first, `sentence_first`) lies behind them across one or
/// two [`title_joiner`]s, or ahead of them across one or two words that `ahead_joiner` accepts.
pub(crate) fn in_title(
    doc: &Document,
    sentence_first: usize,
    (first, last): (usize, usize),
    ahead_joiner: impl Fn(&str) -> bool,
) -> bool {
    let word = |k: usize| doc.tokens[k].kind == TokenKind::Word;
    let cap_word = |k: usize| {
        word(k)
            && crate::lexicon::spell::shape(doc.tok(k)) != crate::lexicon::spell::Shape::Lower
            && doc.tok(k) != "I"
    };
    let mut k = first;
    let mut crossed = 0;
    while k > sentence_first && crossed <= 2 {
        k -= 1;
        if word(k) && title_joiner(doc.tok(k)) {
            crossed += 1;
            continue;
        }
        if crossed > 0 && cap_word(k) && k != sentence_first {
            return true;
        }
        break;
    }
    let mut k = last + 1;
    let mut crossed = 0;
    while k < doc.tokens.len() && crossed <= 2 {
        if word(k) && ahead_joiner(doc.tok(k)) {
            crossed += 1;
            k += 1;
            continue;
        }
        return crossed > 0 && cap_word(k);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glued_tokens() {
        let d = Document::from_text("see www.google.com or name@site now and print(x) later.");
        let at = |w: &str| (0..d.tokens.len()).find(|&k| d.tok(k) == w).unwrap();
        assert!(is_glued(&d, at("google")));
        assert!(is_glued(&d, at("com")));
        assert!(is_glued(&d, at("site")));
        assert!(is_glued(&d, at("print")));
        assert!(!is_glued(&d, at("now")));
        assert!(!is_glued(&d, at("later")));
    }

    #[test]
    fn transcripts() {
        let d = Document::from_text("tiger2: i dont think so\n\nThe text: it said so.");
        assert!(is_transcript_line(&d, 0));
        assert!(!is_transcript_line(&d, 1));
        assert_eq!(capitalise("monday"), "Monday");
        assert_eq!(decapitalise("When"), "when");
    }
}
