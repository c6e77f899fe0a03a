//! The document model shared by every rule: paragraphs, sentences, tokens, quotations,
//! bracketed groups and citations, each with byte spans into the original text.
//!
//! The model is built in one pass from a [`Source`]: the text as read, plus a *masked* copy of the
//! same length in which everything that is not prose (Markdown code, LaTeX commands, …) has been
//! replaced by spaces. Rules read the model and never re-tokenise the text, and because the mask
//! keeps every byte offset, every span points straight into the original file.

mod quotes;
mod segment;
mod tokenize;

use serde::Serialize;
use std::ops::Range;
use std::sync::OnceLock;

pub use quotes::{Group, GroupKind, Quotation, QuoteKind};
pub use tokenize::is_apostrophe;

pub mod citation;

use citation::{Citation, Reference};

/// A half-open byte range `[start, end)` into the document text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The smallest span covering both.
    pub fn to(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, digits and marks, with internal apostrophes (don't, Stalin’s).
    Word,
    /// Starts with a digit: 1920, 3.14, 1,000, 12th, 1930s, 1920’s.
    Number,
    /// One punctuation character, or a run of dots (…) or hyphens (--).
    Punct,
    /// Anything else that is not whitespace: emoji, symbols.
    Symbol,
}

#[derive(Clone, Copy, Debug)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// Whitespace separates this token from the previous one.
    pub space_before: bool,
    /// Line breaks between the previous token and this one (saturating).
    pub newlines_before: u8,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
    /// Words and numbers: what counts towards a word count.
    pub fn is_wordlike(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Number)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ParagraphKind {
    /// Running prose.
    Body,
    /// A heading (Markdown `#`, LaTeX `\section`, or a short unpunctuated line in plain text).
    Heading,
    /// An item of a bulleted or numbered list.
    ListItem,
    /// A block quotation (Markdown `>`, LaTeX `quote`, an indented block in plain text).
    BlockQuote,
    /// An entry of the works-cited list, or its heading.
    Reference,
}

impl ParagraphKind {
    /// Prose: running text, list items and block quotations (not headings or works-cited
    /// entries). The one "is prose" test; [`ParagraphKind::is_own_prose`] leaves out quotations.
    pub fn is_prose(self) -> bool {
        matches!(
            self,
            ParagraphKind::Body | ParagraphKind::BlockQuote | ParagraphKind::ListItem
        )
    }

    /// The writer's own prose: running text and list items (not block quotations).
    pub fn is_own_prose(self) -> bool {
        matches!(self, ParagraphKind::Body | ParagraphKind::ListItem)
    }
}

#[derive(Clone, Debug)]
pub struct Paragraph {
    pub span: Span,
    pub kind: ParagraphKind,
    /// Indices into [`Document::sentences`].
    pub sentences: Range<usize>,
    /// Indices into [`Document::tokens`].
    pub tokens: Range<usize>,
}

#[derive(Clone, Debug)]
pub struct Sentence {
    pub span: Span,
    /// Indices into [`Document::tokens`].
    pub tokens: Range<usize>,
    /// Index into [`Document::paragraphs`].
    pub paragraph: usize,
}

/// Where the text came from and what is prose, as produced by an input reader.
#[derive(Clone, Debug, Default)]
pub struct Source {
    /// The text as read (decoded to UTF-8).
    pub text: String,
    /// Same length as `text`; non-prose bytes replaced by ASCII spaces (newlines kept).
    /// `None` means the whole text is prose.
    pub masked: Option<String>,
    /// Spans of block-level structure the reader knows for certain (Markdown headings, …).
    pub blocks: Vec<(Span, ParagraphKind)>,
    /// Citations the reader found in markup (LaTeX `\cite`), added to the text's own.
    pub citations: Vec<Citation>,
    /// Byte ranges where diagnostics are suppressed, with the rules (empty = all rules).
    pub suppressions: Vec<(Span, Vec<String>)>,
    /// What the reader could not read as the author probably meant, at the place it starts:
    /// an unclosed maths, verbatim, code fence or disable region that swallows the rest.
    pub notices: Vec<(Span, String)>,
    /// Notes, bibliography files and entry keys the reader found (see [`citation::Apparatus`]).
    pub apparatus: citation::Apparatus,
}

impl Source {
    pub fn plain(text: impl Into<String>) -> Self {
        Source {
            text: text.into(),
            ..Default::default()
        }
    }
}

/// Every token lowercased (see [`Document::lower`]), one after another in one buffer: token
/// `i` is `buf[spans[i].0..spans[i].1]` (one allocation for the document, not one per token).
#[derive(Debug)]
struct LowerCache {
    buf: String,
    spans: Vec<(u32, u32)>,
}

/// A buffer range as 32-bit offsets. A text past 4 GiB (far beyond any input limit one would
/// set) gets empty lower-case forms past that point rather than a panic.
fn span32(start: usize, end: usize) -> (u32, u32) {
    match (u32::try_from(start), u32::try_from(end)) {
        (Ok(s), Ok(e)) => (s, e),
        _ => (0, 0),
    }
}

/// The shared model of one essay.
#[derive(Debug)]
pub struct Document {
    /// The text as read; spans index into it.
    pub text: String,
    /// The prose view of `text` (same length), see [`Source::masked`].
    pub prose: String,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    pub paragraphs: Vec<Paragraph>,
    pub quotations: Vec<Quotation>,
    /// Bracketed groups: (…), […], {…}.
    pub groups: Vec<Group>,
    /// Closing brackets with no opener.
    pub stray_closers: Vec<Span>,
    /// In-text citations, each tied to its sentence.
    pub citations: Vec<Citation>,
    /// Entries of the works-cited list.
    pub references: Vec<Reference>,
    /// Index of the works-cited heading paragraph, if there is one.
    pub references_heading: Option<usize>,
    pub suppressions: Vec<(Span, Vec<String>)>,
    /// The reader's notices (see [`Source::notices`]).
    pub notices: Vec<(Span, String)>,
    /// The reader's notes, bibliography files and entry keys (see [`Source::apparatus`]).
    pub apparatus: citation::Apparatus,
    line_starts: Vec<usize>,
    lower_cache: OnceLock<LowerCache>,
}

impl Document {
    /// Builds the model from plain text.
    pub fn from_text(text: impl Into<String>) -> Self {
        Self::build(Source::plain(text))
    }

    /// Builds the model in one pass over the source.
    pub fn build(source: Source) -> Self {
        let Source {
            text,
            masked,
            blocks,
            citations: extra_citations,
            suppressions,
            notices,
            apparatus,
        } = source;
        let mut prose = match masked {
            Some(m) if m.len() == text.len() => m,
            _ => text.clone(),
        };
        // A byte-order mark is kept in the text (spans stay file offsets) but is not prose.
        if prose.starts_with('\u{feff}') {
            prose.replace_range(..3, "   ");
        }
        let tokens = tokenize::tokenize(&prose);
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let mut doc = Document {
            text,
            prose,
            tokens,
            sentences: Vec::new(),
            paragraphs: Vec::new(),
            quotations: Vec::new(),
            groups: Vec::new(),
            stray_closers: Vec::new(),
            citations: Vec::new(),
            references: Vec::new(),
            references_heading: None,
            suppressions,
            notices,
            apparatus,
            line_starts,
            lower_cache: OnceLock::new(),
        };
        segment::segment(&mut doc, &blocks);
        quotes::find_quotes_and_groups(&mut doc);
        // The reader's citations wait here for the citation analysis (`analysis::build`),
        // which finds the text's own, parses the works cited and links them.
        doc.citations = extra_citations;
        doc
    }

    /// The text of a span.
    #[inline]
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }

    /// The text of token `i`.
    #[inline]
    pub fn tok(&self, i: usize) -> &str {
        let s = self.tokens[i].span;
        &self.text[s.start..s.end]
    }

    /// Token `i` lowercased, with ’ folded to ' (cached; computed once per document).
    #[inline]
    pub fn lower(&self, i: usize) -> &str {
        let cache = match self.lower_cache.get() {
            Some(c) => c,
            None => self.lower_cache.get_or_init(|| self.lower_all()),
        };
        let (start, end) = cache.spans[i];
        &cache.buf[start as usize..end as usize]
    }

    /// Every token lowercased, for [`Document::lower`].
    #[cold]
    fn lower_all(&self) -> LowerCache {
        let mut c = LowerCache {
            buf: String::with_capacity(self.text.len()),
            spans: Vec::with_capacity(self.tokens.len()),
        };
        for t in &self.tokens {
            let s = &self.text[t.span.start..t.span.end];
            let start = c.buf.len();
            if t.kind == TokenKind::Word || t.kind == TokenKind::Number {
                push_normalized(&mut c.buf, s);
            } else {
                c.buf.push_str(s);
            }
            c.spans.push(span32(start, c.buf.len()));
        }
        c
    }

    /// The words of a sentence (indices of Word and Number tokens).
    pub fn sentence_words(&self, s: &Sentence) -> impl Iterator<Item = usize> + '_ {
        s.tokens.clone().filter(|&i| self.tokens[i].is_wordlike())
    }

    /// Number of words (Word and Number tokens) in a sentence.
    pub fn sentence_word_count(&self, s: &Sentence) -> usize {
        self.sentence_words(s).count()
    }

    /// The paragraph of a sentence.
    pub fn paragraph_of(&self, s: &Sentence) -> &Paragraph {
        &self.paragraphs[s.paragraph]
    }

    /// True if the sentence is running prose (not a heading or works-cited entry).
    pub fn is_prose(&self, s: &Sentence) -> bool {
        self.paragraphs[s.paragraph].kind.is_prose()
    }

    /// The sentences of running prose (not headings or works-cited entries).
    pub fn prose_sentences(&self) -> impl Iterator<Item = &Sentence> + '_ {
        self.sentences.iter().filter(|s| self.is_prose(s))
    }

    /// The sentence index containing a byte offset, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }

    /// The start of the paragraph holding (or following) a byte offset, at most the offset.
    fn paragraph_start(&self, offset: usize) -> usize {
        let p = self.paragraphs.partition_point(|p| p.span.end <= offset);
        self.paragraphs
            .get(p)
            .map_or(offset, |p| p.span.start.min(offset))
    }

    /// Quotations overlapping a span, found by binary search: a quotation never crosses a
    /// paragraph, so only those starting in the span's paragraph are looked at.
    pub fn quotations_overlapping(&self, span: Span) -> impl Iterator<Item = &Quotation> + '_ {
        let from = self.paragraph_start(span.start);
        let lo = self.quotations.partition_point(|q| q.span.start < from);
        let hi = self
            .quotations
            .partition_point(|q| q.span.start < span.end.max(span.start + 1));
        self.quotations[lo..hi.max(lo)].iter().filter(move |q| {
            q.span.overlaps(span)
                || span.is_empty() && q.span.start <= span.start && span.start < q.span.end
        })
    }

    /// True if the span lies inside a quotation (marks included).
    pub fn in_quotation(&self, span: Span) -> bool {
        self.quotations_overlapping(span)
            .any(|q| q.span.contains(span))
    }

    /// Citations overlapping a span, found by binary search (citations are sorted and short).
    pub fn citations_overlapping(&self, span: Span) -> impl Iterator<Item = &Citation> + '_ {
        // A citation never crosses a paragraph either.
        let from = self.paragraph_start(span.start);
        let lo = self.citations.partition_point(|c| c.span.start < from);
        let hi = self.citations.partition_point(|c| c.span.start <= span.end);
        self.citations[lo..hi.max(lo)].iter().filter(move |c| {
            c.span.overlaps(span) || c.span.end == span.end || c.span.start == span.end
        })
    }

    /// The token index at or after a byte offset.
    pub fn token_at(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.span.end <= offset)
    }

    /// 1-based line and 1-based column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts[line - 1];
        let mut o = offset;
        while o > start && !self.text.is_char_boundary(o) {
            o -= 1;
        }
        let mut col = self.text[start..o].chars().count() + 1;
        // A byte-order mark is kept in the text but is not a visible column.
        if start == 0 && o > 0 && self.text.starts_with('\u{feff}') {
            col -= 1;
        }
        (line, col)
    }

    /// True if a diagnostic of `rule` at `span` is suppressed by an inline comment.
    pub fn is_suppressed(&self, rule: &str, category: &str, span: Span) -> bool {
        self.suppressions.iter().any(|(s, rules)| {
            s.overlaps(span)
                && (rules.is_empty() || rules.iter().any(|r| r == rule || r == category))
        })
    }

    /// Counts for the summary.
    pub fn word_count(&self) -> usize {
        self.tokens.iter().filter(|t| t.is_wordlike()).count()
    }
}

/// Lowercases a word and folds the typographic apostrophe to `'`.
pub fn normalize_word(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_normalized(&mut out, s);
    out
}

/// Appends [`normalize_word`]`(s)` to `out`.
fn push_normalized(out: &mut String, s: &str) {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        out.push_str(s);
        return;
    }
    for c in s.chars() {
        if c == '\u{2019}' || c == '\u{2018}' {
            out.push('\'');
        } else if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// True if the word starts with an uppercase letter.
pub fn is_capitalized(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

/// True if every letter is uppercase and there are at least two letters.
pub fn is_all_caps(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_chars() {
        let d = Document::from_text("ab\nc’d e");
        assert_eq!(d.line_col(0), (1, 1));
        assert_eq!(d.line_col(3), (2, 1));
        let e = d.text.find('e').unwrap();
        assert_eq!(d.line_col(e), (2, 5));
    }

    #[test]
    fn indexed_quotation_and_citation_lookups() {
        let d = Document::from_text("He said “one two three” today.\nShe wrote “four” then.");
        let second = d.text.find("She").unwrap();
        let inner = d.quotations[0].inner;
        assert!(d.in_quotation(inner));
        assert!(!d.in_quotation(Span::new(second, second + 3)));
        let all: Vec<_> = d
            .quotations_overlapping(Span::new(0, d.text.len()))
            .collect();
        assert_eq!(all.len(), 2);
        let in_second: Vec<_> = d.quotations_overlapping(d.paragraphs[1].span).collect();
        assert_eq!(in_second.len(), 1);
        assert_eq!(
            d.citations_overlapping(Span::new(0, d.text.len())).count(),
            d.citations.len()
        );
    }

    #[test]
    fn lower_folds_apostrophes() {
        let d = Document::from_text("Stalin’s RISE");
        assert_eq!(d.lower(0), "stalin's");
        assert_eq!(d.lower(1), "rise");
    }
}
