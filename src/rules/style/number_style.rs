crate::rule::declare_rule! {
    /// # number-style
    ///
    /// **What it does.** Counts how the essay writes a number of things in prose, as a word
    /// ("three villages") or as a figure ("3 villages"), separately for two to nine and for ten
    /// to ninety-nine, and reports the form it uses less in a range, with the counts.
    ///
    /// **Why it matters.** Style guides disagree (Chicago spells out up to one hundred, APA up
    /// to nine) but each asks for one rule applied throughout; "three villages" beside
    /// "5 towns" reads as two drafts stitched together.
    ///
    /// **Example.**
    ///
    /// ```text
    /// Three villages resisted … two towns surrendered … four districts rebelled … 5 towns fell.
    ///                                                                           ^ numbers from two to
    ///       nine: a figure here, but this essay mostly writes words
    /// ```
    ///
    /// Only a count of things is compared: a whole number directly before a plural noun, not at
    /// the start of a sentence (where every style spells it out). Figures
    /// with units, percentages, dates, pages, tables and figures ("Table 3"), ranges ("3 to 5
    /// groups", "between 2 and 4"), numbers in brackets, citations and quotations are the
    /// conventional exceptions and are not counted, nor are periods of time and measures ("3
    /// minutes", "4 degrees", which APA writes as figures; the list is
    /// `rules/style/measure_words.txt`); "one" is too often a pronoun to count. A warning when the
    /// majority is used at least six times and three times as often as the other form, advice
    /// otherwise.
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** No automatic fix: the number is shown with the essay's usual form.
    pub struct NumberStyle {
        name: "number-style",
        category: Style,
        severity: Warning,
        summary: "counts written both as words and as figures in one range (three / 3 villages)",
        fix: None,
    }
}

use super::{report_minority, Form};
use crate::diagnostic::Diagnostic;
use crate::doc::{Document, TokenKind};
use crate::lexicon::pos;
use crate::rule::{Context, Rule};

fn units() -> &'static [&'static str] {
    crate::lexicon::keyed_list!("common/number_words.txt", "units")
}
fn teens() -> &'static [&'static str] {
    crate::lexicon::keyed_list!("common/number_words.txt", "teens")
}
fn tens() -> &'static [&'static str] {
    crate::lexicon::keyed_list!("common/number_words.txt", "tens")
}

/// The value of a number word from two to ninety-nine ("twenty-five" is one token or three).
fn word_value(w: &str) -> Option<u32> {
    if let Some(k) = units().iter().position(|&u| u == w) {
        return Some(k as u32 + 2);
    }
    if let Some(k) = teens().iter().position(|&u| u == w) {
        return Some(k as u32 + 10);
    }
    if let Some(k) = tens().iter().position(|&u| u == w) {
        return Some(k as u32 * 10 + 20);
    }
    let (t, u) = w.split_once('-')?;
    let ten = tens().iter().position(|&x| x == t)? as u32 * 10 + 20;
    let unit = units().iter().position(|&x| x == u)? as u32 + 2;
    Some(ten + unit)
}

/// True if the token after the number is a plural noun of a count ("villages", not "percent",
/// "mg" or "and").
fn counted_noun(doc: &Document, i: usize) -> bool {
    let t = doc.tokens[i];
    if t.kind != TokenKind::Word || !t.space_before {
        return false;
    }
    let s = doc.tok(i);
    !crate::lexicon::in_list!("style/measure_words.txt", s)
        && s.len() >= 4
        && s.ends_with('s')
        && !s.ends_with("ss")
        && s.chars().all(|c| c.is_lowercase())
        && pos::is_nounish(s)
}

/// True if the number at `i` stands in a context that has its own convention: after a label,
/// a bracket, a currency sign, or in a range.
fn exempt_before(doc: &Document, i: usize) -> bool {
    let Some(p) = i.checked_sub(1) else {
        return false;
    };
    let w = doc.lower(p);
    let t = doc.tokens[p];
    // A decimal or a thousands group: ".2 volts", "1,5".
    if matches!(w, "." | ",") && !doc.tokens[i].space_before {
        return true;
    }
    matches!(
        w,
        "(" | "[" | "$" | "£" | "€" | "#" | "-" | "–" | "—" | "/" | "to" | "and" | "or" | "between"
            | "from" | "of" | "than" | "no" | "p" | "pp" | "page" | "pages"
    ) || t.kind == TokenKind::Number
        // "Table 3", "Figure 2", "Chapter 4": a capitalised noun right before a figure.
        || (t.kind == TokenKind::Word
            && doc.tokens[i].kind == TokenKind::Number
            && doc.tok(p).starts_with(|c: char| c.is_uppercase())
            && pos::is_nounish(w))
}

impl Rule for NumberStyle {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let mut small = [
            Form::new("a word", "words", "three"),
            Form::new("a figure", "figures", "3"),
        ];
        let mut large = [
            Form::new("a word", "words", "twelve"),
            Form::new("a figure", "figures", "12"),
        ];
        for s in &doc.sentences {
            if !doc.paragraphs[s.paragraph].kind.is_own_prose() {
                continue;
            }
            let r = s.tokens.clone();
            for i in r.clone() {
                if i + 1 >= r.end {
                    continue;
                }
                let t = doc.tokens[i];
                let (value, figure) = match t.kind {
                    TokenKind::Number => match doc.tok(i).parse::<u32>() {
                        Ok(v) => (v, true),
                        Err(_) => continue,
                    },
                    TokenKind::Word => match word_value(doc.lower(i)) {
                        Some(v) => (v, false),
                        None => continue,
                    },
                    _ => continue,
                };
                if !(2..=99).contains(&value)
                    || !counted_noun(doc, i + 1)
                    || exempt_before(doc, i)
                    || i == r.start
                    || doc.in_quotation(t.span)
                    || doc.citations_overlapping(t.span).next().is_some()
                {
                    continue;
                }
                // A range after the noun ("2 or 3 villages" is caught above; "3 villages to 5").
                if i + 2 < r.end && matches!(doc.lower(i + 2), "to" | "–" | "-") {
                    continue;
                }
                let forms = if value < 10 { &mut small } else { &mut large };
                forms[usize::from(figure)].spans.push(t.span);
            }
        }
        report_minority(cx, "numbers from two to nine", &small, 6, false, out);
        report_minority(cx, "numbers from ten to ninety-nine", &large, 6, false, out);
    }
}

#[cfg(test)]
mod tests {
    use super::word_value;

    #[test]
    fn values() {
        assert_eq!(word_value("three"), Some(3));
        assert_eq!(word_value("twelve"), Some(12));
        assert_eq!(word_value("forty"), Some(40));
        assert_eq!(word_value("twenty-five"), Some(25));
        assert_eq!(word_value("one"), None);
        assert_eq!(word_value("hundred"), None);
    }
}
