//! Paragraph and sentence segmentation over the token stream.

use super::{Document, Paragraph, ParagraphKind, Sentence, Span, TokenKind};
use crate::lexicon::{self, Abbrev};
use std::ops::Not;

/// Splits the document into paragraphs, then each paragraph into sentences.
pub(super) fn segment(doc: &mut Document, blocks: &[(Span, ParagraphKind)]) {
    let (hard_wrapped, wrap_width) = is_hard_wrapped(&doc.prose);
    let n = doc.tokens.len();
    let mut para_start = 0usize;
    let mut bounds: Vec<usize> = blocks.iter().flat_map(|(s, _)| [s.start, s.end]).collect();
    bounds.sort_unstable();
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for i in 1..=n {
        let brk = i == n || {
            let t = &doc.tokens[i];
            let prev = &doc.tokens[i - 1];
            if t.newlines_before >= 2 {
                // A blank line inside a sentence (a page break pasted in): "field strength and
                // ⏎⏎ concentration." does not start a paragraph.
                !(prev.kind == TokenKind::Word
                    && t.kind == TokenKind::Word
                    && doc.tok(i).chars().next().is_some_and(|c| c.is_lowercase())
                    && crosses_block(&bounds, prev.span.end, t.span.start).not())
            } else if t.newlines_before == 1 {
                !hard_wrapped
                    || starts_list_item(doc, i)
                    || line_is_heading_like(doc, para_start, i, wrap_width)
                    || crosses_block(&bounds, prev.span.end, t.span.start)
            } else {
                crosses_block(&bounds, prev.span.end, t.span.start)
            }
        };
        if brk {
            if para_start < i {
                ranges.push((para_start, i));
            }
            para_start = i;
        }
    }

    let mut in_refs = false;
    for (pi, &(a, b)) in ranges.iter().enumerate() {
        let span = Span::new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end);
        let mut kind =
            block_kind(blocks, span).unwrap_or_else(|| guess_kind(doc, a, b, pi, ranges.len()));
        // A short line naming the list is its heading, however it was guessed ("7. Reference"
        // reads as a list item, "REFERENCES." as a sentence).
        if matches!(kind, ParagraphKind::ListItem | ParagraphKind::Body)
            && b - a <= 10
            && (a + 1..b).all(|k| doc.tokens[k].newlines_before == 0)
            && lexicon::is_references_heading(&heading_title(doc.slice(span)))
        {
            kind = ParagraphKind::Heading;
        }
        if kind == ParagraphKind::Heading {
            let title = heading_title(doc.slice(span));
            if lexicon::is_references_heading(&title) {
                in_refs = true;
                doc.references_heading = Some(pi);
                kind = ParagraphKind::Reference;
            } else if in_refs && !title.starts_with("appendix") {
                kind = ParagraphKind::Reference;
            } else {
                in_refs = false;
            }
        } else if in_refs {
            kind = ParagraphKind::Reference;
        }
        let s0 = doc.sentences.len();
        if kind == ParagraphKind::Heading {
            doc.sentences.push(Sentence {
                span,
                tokens: a..b,
                paragraph: pi,
            });
        } else {
            split_sentences(doc, a, b, pi);
        }
        doc.paragraphs.push(Paragraph {
            span,
            kind,
            sentences: s0..doc.sentences.len(),
            tokens: a..b,
        });
    }
}

fn heading_title(s: &str) -> String {
    let t: String = s
        .trim()
        .trim_start_matches(|c: char| c == '#' || c.is_ascii_digit() || c == '.' || c == ' ')
        .trim_end_matches([':', '.', ' '])
        .to_lowercase();
    t
}

/// Plain text is hard-wrapped when most lines that continue into another line end without
/// sentence-final punctuation and no line is long: then a single newline is only a wrap.
/// Returns whether the text is hard-wrapped, and its longest line in characters.
fn is_hard_wrapped(text: &str) -> (bool, usize) {
    let mut lines = 0usize;
    let mut open_ended = 0usize;
    let mut long = 0usize;
    let mut prev: Option<&str> = None;
    let mut widest = 0usize;
    for line in text.lines() {
        let t = line.trim_end();
        let width = t.chars().count();
        widest = widest.max(width);
        if width > 110 {
            long += 1;
        }
        if let Some(p) = prev {
            if !p.trim().is_empty() && !t.trim().is_empty() {
                lines += 1;
                if !p.ends_with(['.', '!', '?', ':', '"', '”', ')']) {
                    open_ended += 1;
                }
            }
        }
        prev = Some(t);
    }
    (
        lines >= 2 && open_ended * 2 >= lines && long * 10 <= lines.max(1),
        widest,
    )
}

fn starts_list_item(doc: &Document, i: usize) -> bool {
    let t = doc.tok(i);
    match t {
        "-" | "*" | "•" | "–" | "‣" | "◦" => {
            doc.tokens.get(i + 1).is_some_and(|n| n.space_before)
        }
        _ if doc.tokens[i].kind == TokenKind::Number && t.len() <= 3 => {
            matches!(
                doc.tokens.get(i + 1).map(|_| doc.tok(i + 1)),
                Some("." | ")")
            ) && doc.tokens.get(i + 2).is_some_and(|n| n.space_before)
        }
        _ => false,
    }
}

/// The line ending before token `i` is short and unpunctuated, like a heading.
fn line_is_heading_like(doc: &Document, para_start: usize, i: usize, wrap_width: usize) -> bool {
    // Find the start of the previous line.
    let mut j = i - 1;
    while j > para_start && doc.tokens[j].newlines_before == 0 {
        j -= 1;
    }
    let words = (j..i).filter(|&k| doc.tokens[k].is_wordlike()).count();
    let last = doc.tok(i - 1);
    let width = doc.text[doc.tokens[j].span.start..doc.tokens[i - 1].span.end]
        .chars()
        .count();
    words > 0
        && words <= 8
        && width * 2 < wrap_width
        && !matches!(last, "." | "," | ";" | ":" | "!" | "?" | "-" | "—")
        && doc.tok(j).chars().next().is_some_and(|c| !c.is_lowercase())
        && j == para_start
}

/// A reader-given block starts or ends between the previous token and this one.
fn crosses_block(bounds: &[usize], prev_end: usize, start: usize) -> bool {
    let i = bounds.partition_point(|&b| b < prev_end);
    i < bounds.len() && bounds[i] <= start
}

fn block_kind(blocks: &[(Span, ParagraphKind)], span: Span) -> Option<ParagraphKind> {
    let i = blocks.partition_point(|(s, _)| s.end <= span.start);
    blocks
        .get(i)
        .filter(|(s, _)| s.start <= span.start && span.start < s.end)
        .map(|(_, k)| *k)
}

fn guess_kind(doc: &Document, a: usize, b: usize, pi: usize, count: usize) -> ParagraphKind {
    let words = (a..b).filter(|&k| doc.tokens[k].is_wordlike()).count();
    let last = doc.tok(b - 1);
    let one_line = (a + 1..b).all(|k| doc.tokens[k].newlines_before == 0);
    let first = doc.tok(a);
    if starts_list_item(doc, a) {
        return ParagraphKind::ListItem;
    }
    if one_line
        && words > 0
        && words <= 12
        && !matches!(
            last,
            "." | "," | ";" | "!" | "?" | "…" | "..." | "”" | "\"" | "’" | "'"
        )
        && !first.chars().next().is_some_and(|c| c.is_lowercase())
        && (pi + 1 < count || words <= 4)
    {
        return ParagraphKind::Heading;
    }
    // Indented multi-line block in a text whose lines are otherwise flush: a block quotation.
    let start = doc.tokens[a].span.start;
    let line_start = doc.text[..start].rfind('\n').map_or(0, |p| p + 1);
    let indent = &doc.text[line_start..start];
    if !one_line && indent.len() >= 4 && indent.chars().all(|c| c == ' ' || c == '\t') {
        let all_indented = (a + 1..b)
            .filter(|&k| doc.tokens[k].newlines_before > 0)
            .all(|k| {
                let s = doc.tokens[k].span.start;
                let ls = doc.text[..s].rfind('\n').map_or(0, |p| p + 1);
                s - ls >= 4
            });
        if all_indented {
            return ParagraphKind::BlockQuote;
        }
    }
    ParagraphKind::Body
}

fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "…" | "‽") || (s.len() >= 2 && s.bytes().all(|b| b == b'.'))
}

fn is_closer(s: &str) -> bool {
    matches!(
        s,
        "”" | "’" | "\"" | "'" | ")" | "]" | "»" | "›" | "*" | "_"
    )
}

fn split_sentences(doc: &mut Document, a: usize, b: usize, pi: usize) {
    let mut start = a;
    let mut j = a;
    while j < b {
        let t = doc.tok(j);
        if is_terminal(t) || t == "?!" {
            let mut k = j + 1;
            while k < b
                && !doc.tokens[k].space_before
                && (is_terminal(doc.tok(k)) || is_closer(doc.tok(k)))
            {
                k += 1;
            }
            if k >= b || ends_here(doc, j, k) {
                push_sentence(doc, start, k.min(b), pi);
                start = k.min(b);
                j = k;
                continue;
            }
        }
        j += 1;
    }
    if start < b {
        push_sentence(doc, start, b, pi);
    }
}

fn push_sentence(doc: &mut Document, a: usize, b: usize, pi: usize) {
    if a >= b {
        return;
    }
    doc.sentences.push(Sentence {
        span: Span::new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end),
        tokens: a..b,
        paragraph: pi,
    });
}

/// Does the sentence end at terminal token `j`, given that the next token after closers is `k`?
fn ends_here(doc: &Document, j: usize, k: usize) -> bool {
    let next = &doc.tokens[k];
    let next_text = doc.tok(k);
    let next_lower = next_text.chars().next().is_some_and(|c| c.is_lowercase());
    let term = doc.tok(j);
    if !next.space_before {
        // "end.Next": a missing space after a full stop between two real words.
        return term == "."
            && j > 0
            && doc.tokens[j - 1].kind == TokenKind::Word
            && doc.tok(j - 1).chars().count() >= 2
            && doc.tok(j - 1).chars().all(|c| c.is_lowercase())
            && next.kind == TokenKind::Word
            && next_text.chars().count() >= 2
            && next_text.chars().next().is_some_and(|c| c.is_uppercase())
            && next_text.chars().skip(1).all(|c| c.is_lowercase());
    }
    if next_lower {
        return false;
    }
    // A citation after the stop belongs to the sentence: `…her… (234).`, or a block quotation's
    // `… them. (153)` at the paragraph's end.
    if next_text == "(" {
        if let Some(close) = (k + 1..doc.tokens.len().min(k + 40)).find(|&m| doc.tok(m) == ")") {
            let after = close + 1;
            if after >= doc.tokens.len()
                || doc.tokens[after].newlines_before > 0
                || is_terminal(doc.tok(after))
            {
                return false;
            }
        }
    }
    if term != "." {
        return true;
    }
    // A full stop: abbreviations and initials do not end a sentence.
    if j == 0 || doc.tokens[j].space_before || doc.tokens[j - 1].kind != TokenKind::Word {
        return true;
    }
    let prev = doc.tok(j - 1);
    let mut chars = prev.chars();
    let first = chars.next().unwrap_or(' ');
    if chars.next().is_none() && first.is_alphabetic() {
        // A single letter: an initial (J. R. R. Tolkien) or part of e.g., U.S.
        return false;
    }
    let next_is_number = next.kind == TokenKind::Number;
    match lexicon::abbreviation(doc.lower(j - 1)) {
        Some(Abbrev::Always) => false,
        Some(Abbrev::MayEnd) => {
            // "et al. (2001)" continues; "etc. The" ends.
            !(next_is_number || next_text == "(" || next_text == ",")
        }
        Some(Abbrev::BeforeNumber) => !next_is_number,
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use crate::doc::{Document, ParagraphKind};

    fn sentences(t: &str) -> Vec<String> {
        let d = Document::from_text(t);
        d.sentences
            .iter()
            .map(|s| d.slice(s.span).to_string())
            .collect()
    }

    #[test]
    fn abbreviations_and_initials() {
        assert_eq!(
            sentences(
                "Dr. Smith met J. R. R. Tolkien in the U.S. in 1950. They spoke, e.g. of maps."
            ),
            vec![
                "Dr. Smith met J. R. R. Tolkien in the U.S. in 1950.",
                "They spoke, e.g. of maps."
            ]
        );
    }

    #[test]
    fn quotes_decimals_ellipses() {
        assert_eq!(
            sentences("He said “stop.” Then 3.5 percent left... and more. Why? Because."),
            vec![
                "He said “stop.”",
                "Then 3.5 percent left... and more.",
                "Why?",
                "Because."
            ]
        );
    }

    #[test]
    fn page_abbreviation_and_no_final_punctuation() {
        assert_eq!(
            sentences("See p. 5 and No. 3 for more. The end has no stop"),
            vec!["See p. 5 and No. 3 for more.", "The end has no stop"]
        );
    }

    #[test]
    fn citation_after_the_stop_stays() {
        assert_eq!(
            sentences("It was incredible… (234). The dream is detailed. Block quote ends. (153)"),
            vec![
                "It was incredible… (234).",
                "The dream is detailed.",
                "Block quote ends. (153)"
            ]
        );
        let d =
            crate::doc::Document::from_text("It depends on strength and\n\nconcentration. Next.");
        assert_eq!(d.paragraphs.len(), 1);
    }

    #[test]
    fn word_no_ends_sentence() {
        assert_eq!(
            sentences("She said no. Then left."),
            vec!["She said no.", "Then left."]
        );
    }

    #[test]
    fn paragraphs_by_line_and_blank_line() {
        let d = Document::from_text("First paragraph here.\nSecond one here.\n\nThird.");
        assert_eq!(d.paragraphs.len(), 3);
        let wrapped = "This text is wrapped at a\nfixed width so lines end\nmid sentence.\n\nNext paragraph is\nhere.";
        let d = Document::from_text(wrapped);
        assert_eq!(d.paragraphs.len(), 2);
        assert_eq!(d.sentences.len(), 2);
    }

    #[test]
    fn headings_and_references() {
        let d = Document::from_text(
            "Introduction\n\nSome text here. More text.\n\nWorks Cited\n\nSmith, John. A Book. 2001.\n\nDoe, Jane. Another. 1999.",
        );
        let kinds: Vec<_> = d.paragraphs.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            vec![
                ParagraphKind::Heading,
                ParagraphKind::Body,
                ParagraphKind::Reference,
                ParagraphKind::Reference,
                ParagraphKind::Reference
            ]
        );
        assert_eq!(d.references_heading, Some(2));
    }
}
