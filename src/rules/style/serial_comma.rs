crate::rule::declare_rule! {
    /// # serial-comma
    ///
    /// **What it does.** Counts the essay's lists of three or more items written with the
    /// serial (Oxford) comma, "land, grain, and credit", and without it, "land, grain and
    /// credit", and reports the form it uses less, with the counts.
    ///
    /// **Why it matters.** Both are correct (Chicago and APA use the serial comma, many British
    /// publishers and newspapers do not), but one essay should pick one: a reader notices the
    /// switch, and a missing comma after a comma-full list can change what is grouped.
    ///
    /// **Example.**
    ///
    /// ```text
    /// The reforms touched land, grain, and credit. … The state took horses, carts and ploughs.
    ///                                                                              ^^^ serial comma: a
    ///       list without the serial comma here, but this essay mostly writes lists with it
    /// ```
    ///
    /// A list counts when its items are short (at most three words) and do not open with a
    /// relative word or preposition ("Stalin, who was ill, and Trotsky" is no list). Without the
    /// serial comma, "A, B and C" counts only when it is clearly a list: four items or more, or
    /// three single words that are all names or all lowercase content words, not after an opening phrase ("In the
    /// spring, soldiers and workers…" is no list). Quotations are the source's punctuation.
    /// Always advice: both forms are correct, and a pair in apposition ("two variables, trust
    /// and alienation") or a list of pairs reads like a list without the serial comma.
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** No automatic fix: the place of the comma is shown; adding or removing it is
    /// the writer's edit.
    pub struct SerialComma {
        name: "serial-comma",
        category: Style,
        severity: Advice,
        summary: "lists written both with and without the serial comma (A, B, and C / A, B and C)",
        fix: None,
    }
}

use super::{report_minority, Form};
use crate::diagnostic::Diagnostic;
use crate::doc::{Document, TokenKind};
use crate::lexicon::{self, pos};
use crate::rule::{Context, Rule};
use std::ops::Range;

/// Determiners that may open a list item ("the army, the party, and the state").
const DETERMINERS: &[&str] = &["the", "a", "an", "his", "her", "their", "its", "our"];

/// The word tokens of an item ending just before `end`: back to a comma, the sentence start or
/// other punctuation. Returns the item's first token and whether a comma precedes it.
fn item_before(doc: &Document, sent: &Range<usize>, end: usize) -> Option<(usize, bool)> {
    let mut i = end;
    while i > sent.start && doc.tokens[i - 1].is_wordlike() {
        i -= 1;
        // An item holding its own "and" is a pair ("need and demand, absence and lack").
        if matches!(doc.lower(i), "and" | "or" | "nor") {
            return None;
        }
        if end - i > 3 {
            return None;
        }
    }
    if i == end {
        return None;
    }
    Some((i, i > sent.start && doc.tok(i - 1) == ","))
}

/// True if an item starting at `i` can be a list item: it does not open with a relative word,
/// preposition or other function word (a determiner is fine).
fn opens_item(doc: &Document, i: usize) -> bool {
    let w = doc.lower(i);
    DETERMINERS.contains(&w) || !lexicon::is_function_word(w)
}

/// One word item's shape: a capitalised name, a lowercase content word, or neither.
fn shape(doc: &Document, from: usize, to: usize) -> Option<bool> {
    if to != from + 1 || doc.tokens[from].kind != TokenKind::Word {
        return None;
    }
    let s = doc.tok(from);
    if s.starts_with(|c: char| c.is_uppercase()) {
        Some(true)
    } else if !lexicon::is_function_word(doc.lower(from)) {
        Some(false)
    } else {
        None
    }
}

impl Rule for SerialComma {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let mut forms = [
            Form::new(
                "a list with the serial comma",
                "lists with the serial comma",
                ", and",
            ),
            Form::new(
                "a list without the serial comma",
                "lists without the serial comma",
                " and",
            ),
        ];
        for s in &doc.sentences {
            if !doc.paragraphs[s.paragraph].kind.is_own_prose() {
                continue;
            }
            let r = s.tokens.clone();
            for c in r.clone() {
                if !matches!(doc.lower(c), "and" | "or") || c == r.start || c + 1 >= r.end {
                    continue;
                }
                let t = doc.tokens[c];
                if !doc.tokens[c + 1].is_wordlike() || doc.in_quotation(t.span) {
                    continue;
                }
                if doc.tok(c - 1) == "," {
                    // A, B, and C: the item before the comma must itself follow a comma.
                    let Some((x, comma)) = item_before(doc, &r, c - 1) else {
                        continue;
                    };
                    if !comma || !opens_item(doc, x) || x < r.start + 2 {
                        continue;
                    }
                    if !doc.tokens[x - 2].is_wordlike() {
                        continue;
                    }
                    forms[0].spans.push(doc.tokens[c - 1].span);
                    continue;
                }
                // A, B and C.
                let Some((x, comma)) = item_before(doc, &r, c) else {
                    continue;
                };
                if !comma || !opens_item(doc, x) || x < r.start + 2 {
                    continue;
                }
                let before = item_before(doc, &r, x - 1);
                let clear = if let Some((w, true)) = before {
                    // Four items or more: V, W, X and Y.
                    opens_item(doc, w)
                } else {
                    // Three single words of one shape: W is the word before the first comma.
                    let w = x - 2;
                    let shapes = [
                        shape(doc, w, w + 1),
                        shape(doc, x, c),
                        shape(doc, c + 1, c + 2),
                    ];
                    let one_word_y = c + 2 >= r.end
                        || doc.tokens[c + 2].kind != TokenKind::Word
                        || !pos::is_nounish(doc.lower(c + 2));
                    // An opening phrase ("In the spring, soldiers and workers…", "When the war
                    // ended, …"): the sentence opens with a function word other than a
                    // determiner and runs to this comma without another.
                    let opening = (r.start..w).all(|j| doc.tokens[j].is_wordlike())
                        && !DETERMINERS.contains(&doc.lower(r.start))
                        && lexicon::is_function_word(doc.lower(r.start));
                    shapes[0].is_some()
                        && shapes.iter().all(|s| *s == shapes[0])
                        && one_word_y
                        && !opening
                        // A name opening the sentence may open it ("Today, Lenin and Trotsky…").
                        && w > r.start
                };
                if clear {
                    forms[1].spans.push(t.span);
                }
            }
        }
        report_minority(cx, "serial comma", &forms, 3, false, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn run(text: &str) -> Vec<String> {
        let doc = crate::analysis::from_text(text);
        let config = Config::default();
        let cx = Context::new(&doc, &config, crate::rule::Declared::meta(&SerialComma));
        let mut out = Vec::new();
        SerialComma.check(&cx, &mut out);
        out.iter().map(|d| d.message.clone()).collect()
    }

    #[test]
    fn counts_both_forms() {
        let got = run(
            "The reforms touched land, grain, and credit. The peasants lost cows, \
                       horses, and pigs. The towns wanted bread, meat, and fuel. The state took \
                       horses, carts and wagons from the villages.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(
            got[0].contains("3 lists with the serial comma, 1 list without"),
            "{got:?}"
        );
    }
}
