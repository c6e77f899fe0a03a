crate::rule::declare_rule! {
    /// # hyphenation
    ///
    /// **What it does.** Finds compounds written open that are hyphenated: "so called" → so-called,
    /// "well being" → well-being, "self esteem" → self-esteem, "twenty one" → twenty-one, and a
    /// prefix standing alone before a word when the dictionary knows the compound ("non profit" →
    /// non-profit). Compounds that take a hyphen only before a noun ("a well-known author", but
    /// "the author is well known") are reported only in that position, as advice.
    ///
    /// **Why it matters.** An open compound can be misread ("so called oppositions" reads as
    /// "called in that way"), and editors and style guides mark it.
    ///
    /// **Example.**
    ///
    /// ```text
    /// Continually sides in the politburo, the so called “oppositions” would pull Stalin
    ///                                         ^^^^^^^^^ `so called` is written with a hyphen: `so-called`
    /// ```
    ///
    /// "The city is so called because …" and "as well being …" stay silent. The list is
    /// `rules/spelling/hyphenated.txt`; the compound numbers are made from the number words of
    /// `rules/common/number_words.txt`.
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** Safe: the open or closed compound is replaced by its hyphenated form. Inside a
    /// quotation or an attributive use the rule only advises and offers no fix, since quoted words
    /// must stay as written.
    pub struct Hyphenation {
        name: "hyphenation",
        category: Spelling,
        severity: Warning,
        summary: "a compound written open that takes a hyphen (\"so called\" → so-called)",
        fix: Safe,
    }
}
use crate::analysis::scan;
use crate::diagnostic::Diagnostic;
use crate::doc::{Document, TokenKind};
use crate::lexicon;
use crate::lexicon::spell;
use crate::lexicon::spell::FastMap;
use crate::rule::{Context, Rule};
use crate::Severity;
use std::sync::OnceLock;

/// One compound of the list.
#[derive(Debug)]
pub struct Compound {
    /// The parts, lowercase ("so", "called").
    pub parts: Vec<String>,
    /// Only before a noun.
    pub attr: bool,
}

impl Compound {
    pub fn hyphenated(&self) -> String {
        self.parts.join("-")
    }
}

/// The compounds, keyed by their first part.
pub fn compounds() -> &'static FastMap<String, Vec<Compound>> {
    static MAP: OnceLock<FastMap<String, Vec<Compound>>> = OnceLock::new();
    MAP.get_or_init(|| {
        let src = crate::lexicon::data_file!("rules/spelling/hyphenated.txt");
        let mut map: FastMap<String, Vec<Compound>> = FastMap::default();
        let mut add = |parts: Vec<String>, attr: bool| {
            map.entry(parts[0].clone())
                .or_default()
                .push(Compound { parts, attr });
        };
        for l in lexicon::lines(src) {
            let (word, attr) = match l.strip_suffix("@attr") {
                Some(w) => (w.trim(), true),
                None => (l, false),
            };
            add(word.split('-').map(String::from).collect(), attr);
        }
        // Compound numbers: every tens word before "one", a units word or an ordinal
        // (twenty-one … ninety-nine, twenty-first …), from the one list of number words.
        let mut units = number_words("one");
        units.extend(number_words("units"));
        units.extend(number_words("ordinals"));
        for t in number_words("tens") {
            for u in &units {
                add(vec![t.to_string(), u.to_string()], false);
            }
        }
        map
    })
}

/// The number words of `key` in `rules/common/number_words.txt`.
fn number_words(key: &str) -> Vec<&'static str> {
    lexicon::keyed(lexicon::data_file!("rules/common/number_words.txt"), key)
}

/// Prefixes that are not words on their own: written open before a word, they belong to it.
fn loose_prefixes() -> &'static [&'static str] {
    crate::lexicon::keyed_list!("spelling/hyphenation_context.txt", "loose-prefixes")
}

/// Words after "so called" that show "called" is a verb ("the city is so called because …").
fn so_called_verbs() -> &'static [&'static str] {
    crate::lexicon::keyed_list!("spelling/hyphenation_context.txt", "so-called-verbs")
}

/// Words before "well being" that make "well" an adverb ("as well being", "doing well being").
fn well_before() -> &'static [&'static str] {
    crate::lexicon::keyed_list!("spelling/hyphenation_context.txt", "well-before")
}

/// Forms of "be" and linking verbs before a predicative compound ("is well known").
fn linking() -> &'static [&'static str] {
    crate::lexicon::keyed_list!("spelling/hyphenation_context.txt", "linking")
}

impl Rule for Hyphenation {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let sc = cx.scan();
        let map = compounds();
        let n = doc.tokens.len();
        let mut i = 0;
        while i < n {
            if !sc.prose_word(doc, i) || sc.sentence[i] == usize::MAX {
                i += 1;
                continue;
            }
            let key = doc.lower(i);
            let mut matched = None;
            if let Some(list) = map.get(key) {
                for c in list {
                    if let Some(end) = match_open(doc, sc, i, &c.parts) {
                        if accept_match(doc, sc, i, end, c) {
                            matched = Some((end, c.hyphenated(), c.attr));
                            break;
                        }
                    }
                }
            }
            if matched.is_none() && loose_prefixes().contains(&key) {
                matched = loose_prefix(doc, sc, i, key);
            }
            let Some((end, hyph, attr)) = matched else {
                i += 1;
                continue;
            };
            let span = doc.tokens[i].span.to(doc.tokens[end].span);
            let open = doc
                .slice(span)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            // Each part takes the case of the word it replaces ("Enlightened Self Interest" ->
            // "Self-Interest", not "Self-interest").
            let words: Vec<&str> = (i..=end)
                .map(|k| doc.tok(k))
                .filter(|t| t.chars().any(char::is_alphanumeric))
                .collect();
            let parts: Vec<&str> = hyph.split('-').collect();
            let repl = if words.len() == parts.len() {
                words
                    .iter()
                    .zip(&parts)
                    .map(|(w, p)| spell::match_case(w, p))
                    .collect::<Vec<_>>()
                    .join("-")
            } else {
                spell::match_case(doc.tok(i), &hyph)
            };
            let where_ = if attr { " before a noun" } else { "" };
            let mut d = cx
                .diag(
                    span,
                    format!("`{open}` is written with a hyphen{where_}: `{repl}`"),
                )
                .suggest(repl.clone());
            if attr || sc.is(i, scan::QUOTED) {
                d = d.severity(Severity::Advice);
            } else {
                d = d.fix(span, repl);
            }
            out.push(d);
            i = end + 1;
        }
    }
}

/// The index of the last token if the words `parts` are written open from token `i`.
fn match_open(doc: &Document, sc: &scan::Scan, i: usize, parts: &[String]) -> Option<usize> {
    let mut k = i;
    for p in &parts[1..] {
        k += 1;
        if k >= doc.tokens.len()
            || doc.tokens[k].kind != TokenKind::Word
            || !doc.tokens[k].space_before
            || doc.tokens[k].newlines_before > 1
            || sc.sentence[k] != sc.sentence[i]
            || doc.lower(k) != p.as_str()
        {
            return None;
        }
    }
    Some(k)
}

/// The next word token after `end` in the same sentence, with nothing but spaces between.
fn next_word(doc: &Document, sc: &scan::Scan, end: usize) -> Option<usize> {
    let k = end + 1;
    (k < doc.tokens.len()
        && doc.tokens[k].kind == TokenKind::Word
        && sc.sentence[k] == sc.sentence[end])
        .then_some(k)
}

fn prev_word(doc: &Document, i: usize) -> Option<&str> {
    (i > 0 && doc.tokens[i - 1].kind == TokenKind::Word).then(|| doc.lower(i - 1))
}

fn accept_match(doc: &Document, sc: &scan::Scan, i: usize, end: usize, c: &Compound) -> bool {
    let next = next_word(doc, sc, end).map(|k| doc.lower(k));
    let prev = prev_word(doc, i);
    if c.parts[0] == "so" && c.parts[1] == "called" {
        // "is so called because": called is a verb.
        return !next.is_some_and(|w| so_called_verbs().contains(&w));
    }
    if c.parts[0] == "well" && prev.is_some_and(|p| well_before().contains(&p)) {
        // "as well being", "doing well being a mother"
        return false;
    }
    if c.attr {
        let Some(w) = next else { return false };
        if lexicon::is_function_word(w) || linking().contains(&w) {
            return false;
        }
        if prev.is_some_and(|p| linking().contains(&p)) {
            return false;
        }
        // "work full time hours" is rare; "grew up working class" ends the phrase.
        return true;
    }
    true
}

/// "non profit" → non-profit when the dictionary knows nonprofit or non-profit.
fn loose_prefix(
    doc: &Document,
    sc: &scan::Scan,
    i: usize,
    key: &str,
) -> Option<(usize, String, bool)> {
    let k = next_word(doc, sc, i)?;
    if !doc.tokens[k].space_before {
        return None;
    }
    let w = doc.lower(k);
    if spell::shape(doc.tok(k)) != spell::Shape::Lower || w.len() < 3 || !spell::check(w) {
        return None;
    }
    // Latin phrases: "non sequitur", "sine qua non", "anti" as a noun.
    if w == "sequitur" || lexicon::is_function_word(w) {
        return None;
    }
    let closed = format!("{key}{w}");
    let hyph = format!("{key}-{w}");
    if spell::check(&hyph) || spell::check(&closed) {
        Some((k, hyph, false))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compound_numbers_come_from_the_number_words() {
        let has = |a: &str, b: &str| {
            compounds()[a]
                .iter()
                .any(|c| c.parts == [a.to_string(), b.to_string()] && !c.attr)
        };
        for (a, b) in [("twenty", "one"), ("ninety", "nine"), ("thirty", "first")] {
            assert!(has(a, b), "{a}-{b}");
        }
        // 8 tens × (one + 8 units + 9 ordinals).
        let numbers: usize = number_words("tens")
            .iter()
            .map(|t| compounds()[*t].len())
            .sum();
        assert_eq!(numbers, 8 * 18);
        // The number words live in one file only.
        let src = lexicon::data_file!("rules/spelling/hyphenated.txt");
        assert!(lexicon::lines(src).all(|l| !l.contains(':')));
    }
}
