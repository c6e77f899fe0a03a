crate::rule::declare_rule! {
    /// # needless-capital
    ///
    /// **What it does.** Reports a capital letter in mid-sentence where English writes none:
    ///
    /// - a function word ("For example, When I travelled", "because If I became", "So It will"):
    ///   a pronoun, determiner, preposition or conjunction after a lowercase word or a comma, before
    ///   a lowercase word. A warning.
    /// - a common noun ("the Monarchy", "a Doctor", "in the Summer"): a word the dictionary lists
    ///   only in lowercase, standing alone between lowercase words, that the essay itself writes in
    ///   lowercase more often than capitalised, or capitalises only this once. Advice: an essay may
    ///   have its reasons ("the Party", "the State" are left to it).
    ///
    /// It never reports names (a word the dictionary also knows capitalised: "March", "Bill",
    /// "China"), a run of capitalised words (a title of a work, an institution: "the Supreme Court",
    /// "Gone With the Wind"), a word before a number ("Table 3", "Experiment 2"), a word named
    /// rather than used ("the word The", "a poem called If"), reported speech after "said,",
    /// headings, list items, works-cited entries, quotations, words after a colon, a dash, a bracket
    /// or a line break (verse, captions), sentences in title case, or a term the essay consistently
    /// capitalises (twice or more, and never less often than in lowercase).
    ///
    /// **Why it matters.** A capital letter says "name"; on a common word it sends the reader looking
    /// for a name that is not there, and on a function word it looks like a sentence that begins in
    /// the wrong place.
    ///
    /// **Example.**
    ///
    /// ```text
    /// For example, When I visited the city, my uncle was a Doctor there.
    ///              ^^^^ `when`                         ^^^^^^ `doctor`
    /// ```
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** No automatic fix: a capital may mark a title or a name the dictionary does
    /// not know. The lowercase word is suggested.
    pub struct NeedlessCapital {
        name: "needless-capital",
        category: Capitalisation,
        severity: Warning,
        summary: "a capital letter on a common word in mid-sentence",
        fix: None,
    }
}

use super::{decapitalise, in_title, is_transcript_line, title_joiner};
use crate::diagnostic::Diagnostic;
use crate::doc::{Document, ParagraphKind, TokenKind};
use crate::lexicon::spell::{self, Shape};
use crate::lexicon::{self, pos};
use crate::rule::{Context, Rule};
use crate::Severity;
use std::collections::HashSet;
use std::sync::OnceLock;

#[derive(Default)]
struct Data {
    mention: HashSet<&'static str>,
    names: HashSet<&'static str>,
    say: HashSet<&'static str>,
    homographs: HashSet<&'static str>,
}

fn data() -> &'static Data {
    static D: OnceLock<Data> = OnceLock::new();
    D.get_or_init(|| {
        let mut d = Data::default();
        let mut sec = "";
        for line in lexicon::lines(lexicon::data_file!(
            "rules/capitalisation/needless_capital.txt"
        )) {
            if let Some(s) = line.strip_prefix('@') {
                sec = s.trim();
                continue;
            }
            let set = match sec {
                "mention" => &mut d.mention,
                "names" => &mut d.names,
                _ => &mut d.say,
            };
            set.extend(line.split_whitespace());
        }
        // Words whose capital changes the meaning ("the State", "the Church", "Nature").
        d.homographs =
            lexicon::word_set(lexicon::data_file!("rules/spelling/capital_homographs.txt"));
        d
    })
}

/// A text of some length without a single double quotation mark: its quotations have lost
/// their marks (a conversion that dropped them), so a capital in mid-sentence may open one.
fn quotes_stripped(doc: &Document) -> bool {
    doc.word_count() >= 500
        && !doc
            .text
            .contains(['"', '\u{201c}', '\u{201d}', '\u{ab}', '\u{bb}'])
}

fn capitalised(w: &str) -> bool {
    spell::shape(w) != Shape::Lower
}

impl Rule for NeedlessCapital {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let d = data();
        let n = doc.tokens.len();
        let uses = cx.case_usage();
        let mut no_quotes: Option<bool> = None;
        for s in doc.sentences.iter() {
            if doc.paragraphs[s.paragraph].kind != ParagraphKind::Body
                || is_transcript_line(doc, s.paragraph)
            {
                continue;
            }
            let words: Vec<usize> = doc.sentence_words(s).collect();
            let Some(&first) = words.first() else {
                continue;
            };
            // A sentence in title case: a title or a headline.
            let caps = words.iter().filter(|&&k| capitalised(doc.tok(k))).count();
            if caps * 2 >= words.len() {
                continue;
            }
            for &i in &words[1..] {
                let t = &doc.tokens[i];
                let w = doc.tok(i);
                if t.kind != TokenKind::Word
                    || spell::shape(w) != Shape::Title
                    || w.chars().count() < 2
                    || !spell::is_latin_word(w)
                    || t.newlines_before > 0
                {
                    continue;
                }
                let lower = doc.lower(i);
                if lower == "i" || lower.starts_with("i'") {
                    continue;
                }
                // The previous token: a lowercase word (or the sentence's first word), or a
                // comma after a word.
                let prev = i - 1;
                let prev_word = if doc.tokens[prev].is_word() {
                    prev
                } else if doc.tok(prev) == "," && prev > s.tokens.start {
                    if !doc.tokens[prev - 1].is_word() {
                        continue;
                    }
                    if d.say.contains(doc.lower(prev - 1)) {
                        continue;
                    }
                    prev - 1
                } else {
                    continue;
                };
                if prev_word != first && capitalised(doc.tok(prev_word)) {
                    continue; // a run of capitals: a name or a title
                }
                if d.mention.contains(doc.lower(prev_word)) {
                    continue;
                }
                // The next token: a lowercase word, or punctuation (not a number, not a
                // capitalised word, not "of America").
                let next_ok = match (i + 1 < n).then_some(i + 1) {
                    None => true,
                    Some(k) => {
                        let nt = &doc.tokens[k];
                        match nt.kind {
                            TokenKind::Word => {
                                let nw = doc.tok(k);
                                (!capitalised(nw) || nw == "I" || nw.starts_with("I'"))
                                    && !(matches!(doc.lower(k), "of" | "for" | "and" | "de")
                                        && (k + 1 < n && capitalised(doc.tok(k + 1))))
                            }
                            TokenKind::Number | TokenKind::Symbol => false,
                            TokenKind::Punct => !matches!(doc.tok(k), "-" | "’" | "'" | "(" | "&"),
                        }
                    }
                };
                if !next_ok
                    || doc.in_quotation(t.span)
                    || in_title(doc, first, (i, i), title_joiner)
                {
                    continue;
                }
                let function = lexicon::is_function_word(lower);
                let low = decapitalise(w);
                if function {
                    // Before a lowercase word only: "the word If, …" names it. Not a name
                    // ("May", "Down syndrome"), not the first word of a title ("In On the
                    // Jewish Question").
                    let next_word = i + 1 < n
                        && doc.tokens[i + 1].kind == TokenKind::Word
                        && doc.tokens[i + 1].space_before;
                    let title_follows = i + 2 < n
                        && doc.tokens[i + 1].kind == TokenKind::Word
                        && !capitalised(doc.tok(i + 1))
                        && doc.tokens[i + 2].kind == TokenKind::Word
                        && capitalised(doc.tok(i + 2))
                        && doc.tok(i + 2) != "I"
                        && !doc.tok(i + 2).starts_with("I'");
                    if !next_word || title_follows || d.names.contains(lower) {
                        continue;
                    }
                    // Right after the sentence's opening ("For example, When", "So It",
                    // "because If"): the writer started the sentence again. A warning, unless a
                    // verb comes before it ("Smith recognizes, Every man…": a quotation that
                    // lost its marks).
                    let position = words.iter().position(|&k| k == i).unwrap_or(usize::MAX);
                    let pw = doc.lower(prev_word);
                    let pt = pos::tags(pw);
                    let verb_before = !lexicon::is_function_word(pw)
                        && (pt & (pos::VERB_3SG | pos::VERB_PAST | pos::MAY_3SG | pos::MAY_PAST)
                            != 0
                            || pt & (pos::VERB | pos::MAY_VERB) != 0 && !pos::is_nounish(pw))
                        // "states that The …", "deduce that But …": reported words.
                        || pw == "that";
                    let opening = position <= 3 && !verb_before;
                    if !opening && *no_quotes.get_or_insert_with(|| quotes_stripped(doc)) {
                        // Mid-sentence capitals in a text without quotation marks are mostly
                        // quotations whose marks were lost.
                        continue;
                    }
                    let mut diag = cx
                        .diag(
                            t.span,
                            format!("`{w}` does not start a sentence here: write `{low}`"),
                        )
                        .suggest(low);
                    if !opening {
                        diag = diag.severity(Severity::Advice);
                        diag.message = format!(
                            "`{w}` in mid-sentence: a lost full stop before it, or write `{}`",
                            decapitalise(w)
                        );
                    }
                    out.push(diag);
                    continue;
                }
                // A common noun the dictionary knows only in lowercase.
                // A word the dictionary also knows capitalised ("Bill", "Rose", "Doctor") only
                // after an indefinite determiner, which a name does not take ("a Doctor").
                let indefinite =
                    crate::lexicon::keyed_list!("capitalisation/context_words.txt", "indefinite")
                        .contains(&doc.lower(prev_word));
                if !spell::check(lower)
                    || spell::has_capitalised_entry(lower) && !indefinite
                    || d.homographs.contains(lower)
                    || !(spell::is_common_word(lower) || pos::is(lower, pos::NOUN))
                    || pos::tags(lower) & (pos::NOUN | pos::MAY_NOUN) == 0
                {
                    continue;
                }
                let u = uses.get(lower);
                let (l, c) = (u.lower, u.title_mid);
                // The essay capitalises the term consistently: its convention.
                if c >= 2 && l <= c {
                    continue;
                }
                if c == 1 && l == 0 {
                    // Only this once, never in lowercase: after a determiner only ("a Doctor").
                    if !pos::is(doc.lower(prev_word), pos::DET | pos::QUANT | pos::POSS) {
                        continue;
                    }
                }
                out.push(
                    cx.diag(
                        t.span,
                        format!("`{w}` is a common noun here: write `{low}`"),
                    )
                    .severity(Severity::Advice)
                    .suggest(low),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<(String, Severity)> {
        let (doc, out) = crate::rule::run_rule(&NeedlessCapital, text);
        out.iter()
            .map(|d| (doc.slice(d.span).to_string(), d.severity))
            .collect()
    }

    #[test]
    fn fires() {
        assert_eq!(
            run("For example, When I travelled, my uncle was a Doctor there. So It will be a good trip."),
            vec![
                ("When".to_string(), Severity::Warning),
                ("Doctor".to_string(), Severity::Advice),
                ("It".to_string(), Severity::Warning)
            ]
        );
    }

    #[test]
    fn silent_on_names_and_titles() {
        for t in [
            "He read Gone With the Wind and the Supreme Court ruled. See Table 3 for more.",
            "The word If is short. He said, The end is near. The poem If, by Kipling, is old.",
            "The Party ruled the land. The Party was strong. The party line held.",
            "She met Bill in March and spoke of China.",
        ] {
            assert!(run(t).is_empty(), "{t}: {:?}", run(t));
        }
    }
}
