crate::rule::declare_rule! {
    /// # lowercase-start
    ///
    /// **What it does.** Reports a sentence whose first word is in lowercase, with the capitalised
    /// word as the fix:
    ///
    /// - at the start of a paragraph, when the paragraph before it ends a sentence (a full stop after
    ///   an ordinary word, a question or exclamation mark) or is a heading; at the start of the
    ///   text only a word that typically opens a sentence ("the", "this", "we", "however", "if"):
    ///   an excerpt may start mid-sentence ("now, but how it should continue");
    /// - inside a paragraph, after a full stop that ends a sentence: the full stop follows an
    ///   ordinary lowercase dictionary word of two letters or more that is not an abbreviation
    ///   ("var.", "spp.", "ie.", "et.", "pers. comm.", "e.g.", "Fig." are not sentence ends). Words
    ///   that usually continue a sentence after an abbreviation ("and", "or", "was", "to", "which",
    ///   "in") are not reported there. After a number, a capitalised word or an unknown word
    ///   ("was 0.51. this p-value is…"), or after a question or exclamation mark, only a word that
    ///   typically opens a sentence ("the", "this", "we", "however") is reported, as advice.
    ///
    /// It stays silent where the text shows the lowercase is deliberate: a paragraph that continues
    /// the sentence before it (the previous paragraph ends without a full stop, with a colon, or is a
    /// block quotation or a displayed formula: "where x is the mass"), a quoted fragment, an
    /// ellipsis, list items and labels ("a.", "ii)"), lines of a transcript ("tiger2: i dont know"),
    /// code, URLs and file names, words written in lowercase by design (iPhone, pH, mRNA), words
    /// the dictionary does not know (a brand or a name the essay writes in lowercase, a symbol, a
    /// typo the spelling rules report), single letters (variables) and non-Latin scripts. The
    /// pronoun "i" is left to `lowercase-i`, and a word the dictionary knows only capitalised
    /// ("monday") to `lowercase-proper`.
    ///
    /// When most sentences of a text start in lowercase (the text was lowercased, or its
    /// formatting lost), the rule speaks only as advice.
    ///
    /// **Why it matters.** A capital letter is how the reader sees a new sentence begin; without it
    /// the boundary blurs, and the slip reads as haste.
    ///
    /// **Example.**
    ///
    /// ```text
    /// The party was divided. the left wanted faster change.
    ///                        ^^^ start the sentence with a capital: `The`
    /// ```
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** Safe where the sentence boundary is certain, and applied by `--fix` only
    /// there: after a full stop that follows an ordinary lowercase dictionary word, before a word
    /// that opens sentences; at the start of a paragraph whose previous paragraph ends that way,
    /// or with a question or exclamation mark, or is a heading. Elsewhere (the start of the text,
    /// which may be an excerpt; after a number or an unknown word; a word that may continue the
    /// sentence) the capitalised word is only suggested.
    pub struct LowercaseStart {
        name: "lowercase-start",
        category: Capitalisation,
        severity: Warning,
        summary: "a sentence that starts with a lowercase letter",
        fix: Safe,
    }
}

use super::{is_glued, is_transcript_line};
use crate::diagnostic::Diagnostic;
use crate::doc::{is_all_caps, Document, ParagraphKind, TokenKind};
use crate::lexicon::{self, spell};
use crate::rule::{Context, Rule};
use crate::Severity;
use std::collections::HashSet;
use std::sync::OnceLock;

struct Data {
    starters: HashSet<&'static str>,
    continuers: HashSet<&'static str>,
    abbreviations: HashSet<&'static str>,
}

fn data() -> &'static Data {
    static D: OnceLock<Data> = OnceLock::new();
    D.get_or_init(|| {
        let mut d = Data {
            starters: HashSet::new(),
            continuers: HashSet::new(),
            abbreviations: HashSet::new(),
        };
        let mut sec = "";
        for line in lexicon::lines(lexicon::data_file!(
            "rules/capitalisation/lowercase_start.txt"
        )) {
            if let Some(s) = line.strip_prefix('@') {
                sec = s.trim();
                continue;
            }
            let set = match sec {
                "starters" => &mut d.starters,
                "continuers" => &mut d.continuers,
                _ => &mut d.abbreviations,
            };
            set.extend(line.split_whitespace());
        }
        d
    })
}

/// A word written with a full stop that need not end a sentence.
fn is_abbreviation(lower: &str) -> bool {
    lexicon::abbreviation(lower).is_some()
        || data().abbreviations.contains(lower)
        // No vowel: "pp", "ff", "hr", "vs", "cf" are abbreviations, not words.
        || !lower.bytes().any(|b| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y'))
}

/// How sure we are that the full stop at token `i` ends a sentence.
#[derive(Clone, Copy, PartialEq, Eq)]
enum End {
    /// After an ordinary lowercase dictionary word.
    Sure,
    /// After a number, a capitalised word or an unknown word.
    Likely,
    No,
}

fn sentence_end(doc: &Document, para_start: usize, i: usize) -> End {
    let a = &doc.tokens[i - 1];
    if doc.tokens[i].space_before {
        return End::No;
    }
    // "U.S.", "Ph.D.", "e.g.": a dotted abbreviation.
    if i >= 2 && doc.tok(i - 2) == "." && !a.space_before {
        return End::No;
    }
    match a.kind {
        TokenKind::Word => {
            let raw = doc.tok(i - 1);
            let la = doc.lower(i - 1);
            if raw.chars().count() < 2 || is_abbreviation(la) || is_all_caps(raw) {
                return End::No; // an initial, an abbreviation, a Roman numeral (II.)
            }
            if !raw
                .chars()
                .all(|c| c.is_alphabetic() || c == '\'' || c == '’')
            {
                return End::No;
            }
            let lower = raw.chars().all(|c| !c.is_uppercase());
            if lower && lexicon::is_dictionary_word(raw) {
                End::Sure
            } else if lower && raw.chars().count() < 4 {
                End::No
            } else {
                End::Likely
            }
        }
        TokenKind::Number => {
            // A list number or a label ("Table 1.", "Step 3.", "1.") is not a sentence end.
            if i < 2 || i - 1 == para_start {
                return End::No;
            }
            let b = i - 2;
            let t = &doc.tokens[b];
            if t.kind == TokenKind::Word
                && doc.tok(b).chars().next().is_some_and(char::is_uppercase)
                || t.kind == TokenKind::Punct && !matches!(doc.tok(b), ")" | "%")
                || t.newlines_before > 0
            {
                return End::No;
            }
            End::Likely
        }
        _ => End::No,
    }
}

/// How a first word stands: where its sentence boundary comes from, and how sure it is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Start {
    /// The boundary is certain and the word opens sentences: a safe fix.
    Certain,
    /// A sentence start, but the fix is left to the writer.
    Probable,
    /// Possibly a sentence start: advice.
    Possible,
}

/// A lowercase first word worth reporting: all lowercase Latin letters, a dictionary word with a
/// lowercase form, not a single letter (but "a"), not the pronoun "i", not glued to code or a URL,
/// not a label ("a.", "ii)").
fn candidate(doc: &Document, i: usize) -> bool {
    let t = &doc.tokens[i];
    if t.kind != TokenKind::Word {
        return false;
    }
    let w = doc.tok(i);
    if !w.starts_with(|c: char| c.is_lowercase())
        || w.chars().any(|c| c.is_uppercase() || c.is_numeric())
        || !spell::is_latin_word(w)
    {
        return false;
    }
    let lower = doc.lower(i);
    if lower == "i" || lower.starts_with("i'") || (w.chars().count() == 1 && w != "a") {
        return false;
    }
    if is_glued(doc, i) {
        return false;
    }
    // A label or an abbreviation: "a.", "ii)", "e.g.", "cf.".
    if let Some(n) = doc.tokens.get(i + 1) {
        if !n.space_before && matches!(doc.tok(i + 1), "." | ")" | "]") {
            return false;
        }
    }
    if spell::is_roman_numeral(w) && w.len() <= 4 {
        return false;
    }
    // A word with a lowercase dictionary form (a word known only capitalised is
    // `lowercase-proper`'s; an unknown word may be a brand, a symbol or a typo).
    spell::check(w)
}

/// How the paragraph `pi` is entered: `None` when it continues the sentence before it.
fn paragraph_entry(doc: &Document, pi: usize) -> Option<Start> {
    if pi == 0 {
        // The start of the text: an excerpt may start mid-sentence.
        return Some(Start::Probable);
    }
    let prev = &doc.paragraphs[pi - 1];
    match prev.kind {
        ParagraphKind::Heading => {
            // A heading ending in a colon introduces what follows ("Materials and Method:");
            // one ending in an abbreviation continues ("Abstract cont."); an equation number
            // ("(5)") or a table row without letters is no heading.
            let r = prev.tokens.clone();
            let last = doc.tok(r.end - 1);
            let letters = r.clone().any(|k| doc.tokens[k].kind == TokenKind::Word);
            return match last {
                _ if !letters => None,
                ":" | "," | ";" | "-" | "—" | "–" => None,
                "." if r.end - 1 > r.start && sentence_end(doc, r.start, r.end - 1) == End::No => {
                    None
                }
                _ => Some(Start::Certain),
            };
        }
        ParagraphKind::Body | ParagraphKind::ListItem => {}
        // After a block quotation or a works-cited entry the text often continues a sentence.
        ParagraphKind::BlockQuote | ParagraphKind::Reference => return None,
    }
    let r = prev.tokens.clone();
    let mut k = r.end - 1;
    // Closing quotation marks and brackets after the stop: `…end.”`
    while k > r.start && matches!(doc.tok(k), "”" | "’" | "\"" | "'" | "»" | "*" | "_") {
        k -= 1;
    }
    match doc.tok(k) {
        "!" | "?" if k > r.start && doc.tokens[k - 1].is_word() => Some(Start::Certain),
        "." if k > r.start => {
            // A displayed formula ends "…= mc2." and the prose goes on: "where m is…".
            if (r.start..k).any(|m| matches!(doc.tok(m), "=" | "<" | ">" | "≤" | "≥")) {
                return None;
            }
            match sentence_end(doc, r.start, k) {
                End::Sure => Some(Start::Certain),
                End::Likely => Some(Start::Probable),
                // A paragraph ending "… etc." or "… come”." ends a sentence all the same.
                End::No
                    if doc.tokens[k - 1].is_word()
                        && lexicon::abbreviation(doc.lower(k - 1))
                            == Some(lexicon::Abbrev::MayEnd) =>
                {
                    Some(Start::Probable)
                }
                End::No if matches!(doc.tok(k - 1), "”" | "\"" | "’") => Some(Start::Probable),
                End::No => None,
            }
        }
        _ => None,
    }
}

impl Rule for LowercaseStart {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let d = data();
        // (token, how it starts)
        let mut found: Vec<(usize, Start)> = Vec::new();
        // Certain sentence starts, and how many of them are in lowercase: the writer's (or the
        // text's) habit.
        let (mut starts, mut lower_starts) = (0usize, 0usize);
        for (pi, para) in doc.paragraphs.iter().enumerate() {
            if para.kind != ParagraphKind::Body || is_transcript_line(doc, pi) {
                continue;
            }
            let r = para.tokens.clone();
            // The paragraph's first word.
            // A real sentence: it ends with a full stop, a question or an exclamation mark, or
            // runs to ten words (not a table cell such as "none" or "degrees of freedom: 6").
            let Some(first_sentence) =
                (!para.sentences.is_empty()).then(|| &doc.sentences[para.sentences.start])
            else {
                continue;
            };
            let count = doc.sentence_word_count(first_sentence);
            let sentence_like = count >= 6
                || count >= 3
                    && first_sentence.tokens.clone().rev().take(3).any(|k| {
                        matches!(doc.tok(k), "." | "!" | "?")
                            && doc.tokens[k].kind == TokenKind::Punct
                    });
            let entry = if sentence_like {
                paragraph_entry(doc, pi)
            } else {
                None
            };
            if let Some(entry) = entry {
                let first = r.start;
                if doc.tokens[first].is_word() {
                    starts += 1;
                    if candidate(doc, first) && !doc.in_quotation(doc.tokens[first].span) {
                        lower_starts += 1;
                        // The text's first word: an excerpt may start mid-sentence ("now, but
                        // how it should continue."); only a word that opens sentences is a
                        // warning there.
                        if pi > 0 || d.starters.contains(doc.lower(first)) {
                            found.push((first, entry));
                        }
                    }
                }
            }
            // Sentence ends inside the paragraph.
            for i in r.start + 1..r.end.saturating_sub(1) {
                let t = &doc.tokens[i];
                let term = doc.tok(i);
                if t.kind != TokenKind::Punct || !matches!(term, "." | "?" | "!") {
                    continue;
                }
                let b = &doc.tokens[i + 1];
                if !b.space_before || b.kind != TokenKind::Word {
                    continue;
                }
                let end = if term == "." {
                    sentence_end(doc, r.start, i)
                } else if doc.tokens[i - 1].is_word()
                    && !doc.tokens[i].space_before
                    && doc.tok(i - 1).chars().all(char::is_lowercase)
                {
                    // "why? because": an embedded question is as likely ("asked What is this?
                    // with a picture").
                    End::Likely
                } else {
                    End::No
                };
                if end == End::No {
                    continue;
                }
                if end == End::Sure {
                    starts += 1;
                }
                let w = doc.lower(i + 1);
                if !candidate(doc, i + 1) {
                    continue;
                }
                let starter = d.starters.contains(w);
                let start = match end {
                    End::Sure if starter => Start::Certain,
                    End::Sure if !d.continuers.contains(w) => Start::Probable,
                    End::Likely if starter => Start::Possible,
                    _ => continue,
                };
                // Something the reader removed (a LaTeX citation command, markup) in between.
                let gap = crate::doc::Span::new(t.span.end, b.span.start);
                if !doc.slice(gap).chars().all(char::is_whitespace)
                    || doc.citations_overlapping(gap).next().is_some()
                {
                    continue;
                }
                // Quoted words are the quoted author's.
                if doc.in_quotation(crate::doc::Span::new(t.span.start, b.span.end)) {
                    continue;
                }
                if end == End::Sure {
                    lower_starts += 1;
                }
                found.push((i + 1, start));
            }
        }
        // Most sentences start in lowercase: a lowercased text, or one that lost its formatting.
        let habit = lower_starts >= 8 && lower_starts * 2 > starts;
        for (i, start) in found {
            let span = doc.tokens[i].span;
            let cap = super::capitalise(doc.tok(i));
            let mut diag = cx
                .diag(span, format!("start the sentence with a capital: `{cap}`"))
                .suggest(cap.clone());
            if habit {
                diag = diag.severity(Severity::Advice);
                diag.message
                    .push_str(" (most sentences in this text start in lowercase)");
            } else {
                match start {
                    Start::Certain => diag = diag.fix(span, cap),
                    Start::Probable => {}
                    Start::Possible => diag = diag.severity(Severity::Advice),
                }
            }
            out.push(diag);
        }
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<(String, Severity)> {
        let (doc, out) = crate::rule::run_rule(&LowercaseStart, text);
        out.iter()
            .map(|d| (doc.slice(d.span).to_string(), d.severity))
            .collect()
    }

    #[test]
    fn fires_on_a_real_sentence_end() {
        assert_eq!(
            run("Intro. The party was divided. the left wanted change."),
            vec![("the".to_string(), Severity::Warning)]
        );
        assert_eq!(
            run("Intro. The p-value was 0.51. this is above alpha."),
            vec![("this".to_string(), Severity::Advice)]
        );
    }

    #[test]
    fn silent_after_abbreviations_lists_and_questions() {
        for t in [
            "Intro. We studied Brassica oleracea var. sabellica in the lab.",
            "Intro. The rate of Procambris sp. will increase.",
            "Intro. Pinus spp. and oaks grew. Immigrant (ie. foreign born) children.",
            "Intro. Zhang et. all found it. Table 1. outlines the data.",
            "Intro. He asked What letter is this? with a picture.",
            "Intro. Strategies: I. defect, II. do the opposite.",
            "Intro. The party was divided. and the left wanted change.",
            "Intro. Figure 2. this graph shows the rates.",
        ] {
            assert!(run(t).is_empty(), "{t}: {:?}", run(t));
        }
    }
}
