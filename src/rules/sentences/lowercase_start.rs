crate::rule::declare_rule! {
    /// # lowercase-start
    ///
    /// **What it does.** Reports a sentence that starts with a lowercase letter after a full stop in
    /// the same paragraph — but only where the evidence is strong, because a full stop followed by a
    /// lowercase word is far more often an abbreviation than a forgotten capital:
    ///
    /// - the full stop follows an ordinary lowercase word of two letters or more that is in the
    ///   dictionary and is not an abbreviation ("var.", "spp.", "ie.", "et.", "pers. comm.", "e.g.",
    ///   "Fig." are not sentence ends), and
    /// - the next word is a lowercase word that typically opens a sentence: a pronoun or determiner
    ///   ("the", "this", "we", "it", "there", "their"), a linking adverb ("however", "therefore",
    ///   "also") or a subordinator ("although", "because"). Words that usually continue a sentence
    ///   after an abbreviation ("and", "or", "was", "will", "to", "which", "in", "with", "before")
    ///   are never reported.
    ///
    /// Those are warnings. The same starter after a number, a capitalised word or an unknown word
    /// ("was 0.51. this p-value is…") is only advice; anything else is left alone.
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
    /// Silent on the first sentence of a text (an excerpt may start mid-sentence), at the start of a
    /// paragraph, in lists, headings and block quotations, inside quotations, after a question or
    /// exclamation mark (an embedded or quoted question: "asked What is this? with a picture"), on
    /// words that are lowercase by design (iPhone, pH, mRNA), on non-Latin scripts, after initials
    /// and dotted abbreviations ("U.S. army"), after a list number ("II. do the opposite",
    /// "Table 1. outlines"), and where anything the reader removed (a LaTeX `\textcite{…}`, a
    /// citation) stands between the full stop and the word.
    ///
    /// **Options.** None. The fix (capitalising the word) is safe.
    ///
    /// **Fix safety.** Safe only when the sentence before surely ended: the first letter is
    /// upper-cased. After an abbreviation or an uncertain end the capital is suggested, not applied.
    pub struct LowercaseStart {
        name: "lowercase-start",
        category: Sentences,
        severity: Warning,
        summary: "a sentence that starts with a lowercase letter",
        fix: Safe,
    }
}
use crate::diagnostic::Diagnostic;
use crate::doc::{is_all_caps, Document, ParagraphKind, TokenKind};
use crate::lexicon;
use crate::rule::{Context, Rule};
use crate::Severity;
use std::collections::HashSet;
use std::sync::OnceLock;

struct Data {
    starters: HashSet<&'static str>,
    abbreviations: HashSet<&'static str>,
}

fn data() -> &'static Data {
    static D: OnceLock<Data> = OnceLock::new();
    D.get_or_init(|| {
        let mut d = Data {
            starters: HashSet::new(),
            abbreviations: HashSet::new(),
        };
        let mut sec = "";
        for line in lexicon::lines(include_str!("../../../rules/sentences/lowercase_start.txt")) {
            if let Some(s) = line.strip_prefix('@') {
                sec = s.trim();
                continue;
            }
            let set = if sec == "starters" {
                &mut d.starters
            } else {
                &mut d.abbreviations
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

impl Rule for LowercaseStart {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let d = data();
        for para in &doc.paragraphs {
            if para.kind != ParagraphKind::Body {
                continue;
            }
            let r = para.tokens.clone();
            for i in r.start + 1..r.end.saturating_sub(1) {
                let t = &doc.tokens[i];
                if t.kind != TokenKind::Punct || doc.tok(i) != "." {
                    continue;
                }
                let b = &doc.tokens[i + 1];
                if !b.space_before || b.newlines_before > 0 || b.kind != TokenKind::Word {
                    continue;
                }
                let w = doc.tok(i + 1);
                // A lowercase Latin word that opens sentences ("the", "we", "however").
                if !w.starts_with(|c: char| c.is_ascii_lowercase())
                    || !d.starters.contains(doc.lower(i + 1))
                    || w.chars().any(|c| c.is_uppercase())
                {
                    continue;
                }
                let end = sentence_end(doc, r.start, i);
                if end == End::No {
                    continue;
                }
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
                let mut chars = w.chars();
                let Some(c0) = chars.next() else { continue };
                let cap: String = c0.to_uppercase().chain(chars).collect();
                let mut diag = cx
                    .diag(
                        b.span,
                        format!("start the sentence with a capital: `{cap}`"),
                    )
                    .suggest(cap.clone());
                if end == End::Sure {
                    diag = diag.fix(b.span, cap);
                } else {
                    diag = diag.severity(Severity::Advice);
                }
                out.push(diag);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn run(text: &str) -> Vec<(String, Severity)> {
        let doc = crate::analysis::from_text(text);
        let config = Config::default();
        let cx = Context::new(&doc, &config, crate::rule::Declared::meta(&LowercaseStart));
        let mut out = Vec::new();
        LowercaseStart.check(&cx, &mut out);
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
