crate::rule::declare_rule! {
    /// # term-capitalisation
    ///
    /// **What it does.** Finds a term of two to four words that the essay writes with capitals in
    /// some places and without in others, in mid-sentence ("the Cold War" … "after the cold war";
    /// "the Industrial Revolution" … "the industrial revolution"), and points at the less used
    /// form with the counts, suggesting the essay's usual one. Single words written both ways
    /// ("the Internet" and "the internet") are `inconsistent-spelling`'s.
    ///
    /// **Why it matters.** Whether a period, an event or an institution takes capitals is a house
    /// style decision, and style guides differ; but an essay that writes one term both ways looks
    /// unrevised, and a reader wonders whether two different things are meant.
    ///
    /// **Example.**
    ///
    /// ```text
    /// The Cold War shaped trade. … After the cold war, markets opened. … The Cold War …
    ///                                       ^^^^^^^^ `cold war` is written `Cold War` 2 times
    ///                                                elsewhere in this essay
    /// ```
    ///
    /// The essay decides: the form it uses more often wins, a tie going to the one written first.
    /// Only uses in mid-sentence count (a sentence's first word, a word after a colon, a dash,
    /// a bracket or a line break is capitalised for other reasons), in running prose (not
    /// headings, list items, the works cited or sentences in title case), outside quotations and
    /// citations. A lowercase use after an indefinite word ("a civil war", "any great
    /// depression") is a common phrase, not the name, and is not counted; when the capitalised
    /// term mostly follows "the" ("the Cold War"), only lowercase uses after "the" count. A
    /// capitalised run that is part of a longer title with small words inside ("Of Political or
    /// Civil Society", "Comprehensive Test of Phonological Processing") or stands in brackets
    /// ("see Drug Infusion above") names a work or a section and is not counted. A warning when
    /// the lowercase form is the slip: the capitalised form is used at least three times and
    /// three times as often; advice otherwise (a capitalised minority is often a title, and a
    /// form with a proper adjective, "the Soviet empire", is a closer call).
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** No automatic fix: a capital may mark a name the writer means ("the Civil
    /// War" of one country beside "a civil war" elsewhere). The usual form is suggested.
    pub struct TermCapitalisation {
        name: "term-capitalisation",
        category: Capitalisation,
        severity: Warning,
        summary: "one multi-word term capitalised two ways (the Cold War / the cold war)",
        fix: None,
    }
}

use super::{in_title, is_transcript_line};
use crate::diagnostic::Diagnostic;
use crate::doc::{Document, ParagraphKind, TokenKind};
use crate::lexicon::spell::{self, Shape};
use crate::lexicon::{self};
use crate::rule::{Context, Rule};
use crate::{Severity, Span};
use std::collections::{HashMap, HashSet};

/// How a use of a term is capitalised.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Case {
    /// Every word capitalised ("Cold War").
    Title,
    /// Every word in lowercase ("cold war").
    Lower,
    /// Some of each ("Cold war").
    Mixed,
}

/// One use of a term: where, how capitalised, and whether "the" comes before it.
#[derive(Clone, Copy, Debug)]
struct Use {
    span: Span,
    case: Case,
    after_the: bool,
    indefinite: bool,
}

/// Words that make what follows a common phrase rather than a name ("a civil war").
fn indefinite(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "another"
            | "any"
            | "each"
            | "every"
            | "no"
            | "some"
            | "such"
            | "one"
            | "many"
            | "several"
            | "two"
            | "three"
            | "few"
            | "new"
    )
}

/// A word that can be part of a capitalised term: letters only, at least two of them, not a
/// function word (a term does not begin or end with "of" or "the", and runs across them are
/// titles of works, left alone).
fn term_word(doc: &Document, i: usize) -> bool {
    let t = &doc.tokens[i];
    let w = doc.tok(i);
    t.kind == TokenKind::Word
        && w.chars().count() >= 2
        && spell::is_latin_word(w)
        && w.chars().all(char::is_alphabetic)
        && !lexicon::is_function_word(doc.lower(i))
}

/// The sentences that count: running prose, not in title case, not a transcript line.
fn prose_sentences(doc: &Document) -> Vec<(usize, Vec<usize>)> {
    let mut out = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        let kind = doc.paragraphs[s.paragraph].kind;
        if kind != ParagraphKind::Body || is_transcript_line(doc, s.paragraph) {
            continue;
        }
        let words: Vec<usize> = doc.sentence_words(s).collect();
        if words.len() < 4 {
            continue;
        }
        let caps = words
            .iter()
            .filter(|&&k| spell::shape(doc.tok(k)) != Shape::Lower)
            .count();
        if caps * 2 >= words.len() {
            continue; // a title or a headline
        }
        out.push((si, words));
    }
    out
}

/// Word `words[j]` stands in mid-sentence: not the sentence's first word, and not right after
/// a colon, a dash, a bracket, a quotation mark or a line break.
fn mid_sentence(doc: &Document, words: &[usize], j: usize) -> bool {
    if j == 0 {
        return false;
    }
    let i = words[j];
    if doc.tokens[i].newlines_before > 0 {
        return false;
    }
    let prev = i - 1;
    if doc.tokens[prev].kind == TokenKind::Word {
        return true;
    }
    !matches!(
        doc.tok(prev),
        ":" | "—" | "–" | "-" | "(" | "[" | "\"" | "“" | "‘" | "'" | "…" | "." | "?" | "!"
    )
}

/// Ahead of a capitalised run, only the small words that join a title's parts: "the Cold War
/// in Europe" and "the Industrial Revolution in England" are the term followed by a place.
fn title_part_joiner(w: &str) -> bool {
    matches!(
        w,
        "of" | "the" | "and" | "a" | "an" | "or" | "as" | "for" | "at"
    )
}

/// Token `i` stands inside brackets opened earlier in its sentence (a source, a section
/// name: "(see Drug Infusion above)", "(in Latina Girls, p. 35)").
fn in_brackets(doc: &Document, sentence_start: usize, i: usize) -> bool {
    let mut depth = 0i32;
    for k in sentence_start..i {
        match doc.tok(k) {
            "(" | "[" => depth += 1,
            ")" | "]" => depth -= 1,
            _ => {}
        }
    }
    depth > 0
}

/// Words `words[j..j + n]` follow one another separated by plain spaces only.
fn contiguous(doc: &Document, words: &[usize], j: usize, n: usize) -> bool {
    (1..n).all(|k| {
        let (a, b) = (words[j + k - 1], words[j + k]);
        b == a + 1 && doc.tokens[b].space_before && doc.tokens[b].newlines_before == 0
    })
}

fn case_of(doc: &Document, words: &[usize]) -> Option<Case> {
    let mut title = 0;
    let mut lower = 0;
    for &i in words {
        match spell::shape(doc.tok(i)) {
            Shape::Title => title += 1,
            Shape::Lower => lower += 1,
            _ => return None, // ALL CAPS, camelCase: another matter
        }
    }
    Some(if lower == 0 {
        Case::Title
    } else if title == 0 {
        Case::Lower
    } else {
        Case::Mixed
    })
}

/// Endings of Latin species epithets (sexta, radiata, pipens, vulgaris, sativum).
const EPITHET_ENDINGS: &[&str] = &["a", "us", "um", "is", "ae", "ii", "ens", "ans", "ata"];

/// A two-word term that may be a species name: a genus the dictionary does not know, and an
/// epithet unknown to it with a Latin ending.
fn binomial(key: &[String]) -> bool {
    key.len() == 2
        && !lexicon::is_dictionary_word(&key[0])
        && !spell::has_capitalised_entry(&key[0])
        && !lexicon::is_dictionary_word(&key[1])
        && EPITHET_ENDINGS.iter().any(|e| key[1].ends_with(e))
}

/// "Manduca sexta": the first word capitalised, the rest lowercase.
fn genus_species(form: &str) -> bool {
    let mut w = form.split_whitespace();
    w.next().is_some_and(|g| g.starts_with(char::is_uppercase))
        && w.all(|s| s.starts_with(char::is_lowercase))
}

/// A term of ordinary lowercase words that names nothing: every word a dictionary word the
/// dictionary does not also know capitalised, and a last word that is not the head of a name
/// (`rules/capitalisation/name_heads.txt`: war, revolution, court, party …).
fn common_term(key: &[String]) -> bool {
    let last = key[key.len() - 1].as_str();
    let head = last
        .strip_suffix('s')
        .filter(|h| h.len() >= 3)
        .unwrap_or(last);
    key.iter()
        .all(|w| lexicon::is_dictionary_word(w) && !spell::has_capitalised_entry(w))
        && !lexicon::in_list!("capitalisation/name_heads.txt", last)
        && !lexicon::in_list!("capitalisation/name_heads.txt", head)
}

impl Rule for TermCapitalisation {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let sentences = prose_sentences(doc);
        let counts =
            |span: Span| doc.in_quotation(span) || doc.citations_overlapping(span).next().is_some();
        // 1. The capitalised terms: maximal runs of two to four capitalised words in
        //    mid-sentence.
        let mut terms: HashSet<Vec<String>> = HashSet::new();
        for (_, words) in &sentences {
            let mut j = 1;
            while j < words.len() {
                let start = j;
                while j < words.len()
                    && term_word(doc, words[j])
                    && spell::shape(doc.tok(words[j])) == Shape::Title
                    && (j == start || contiguous(doc, words, j - 1, 2))
                {
                    j += 1;
                }
                let n = j - start;
                if (2..=4).contains(&n) && mid_sentence(doc, words, start) {
                    // Not glued to a capitalised word before ("New York Stock Exchange" read
                    // from its second word) or after.
                    let before = words[start] - 1;
                    let glued_before = doc.tokens[before].kind == TokenKind::Word
                        && spell::shape(doc.tok(before)) != Shape::Lower;
                    let span = doc.tokens[words[start]]
                        .span
                        .to(doc.tokens[words[j - 1]].span);
                    let s0 = words[0];
                    if !glued_before
                        && !counts(span)
                        && !in_title(doc, s0, (words[start], words[j - 1]), title_part_joiner)
                        && !in_brackets(doc, s0, words[start])
                    {
                        let key: Vec<String> = words[start..j]
                            .iter()
                            .map(|&k| doc.lower(k).to_string())
                            .collect();
                        terms.insert(key);
                    }
                }
                j = j.max(start + 1);
            }
        }
        if terms.is_empty() {
            return;
        }
        let mut by_first: HashMap<&str, Vec<&Vec<String>>> = HashMap::new();
        for key in &terms {
            by_first.entry(key[0].as_str()).or_default().push(key);
        }
        // 2. Every mid-sentence use of those terms, whatever its capitals.
        let mut uses: HashMap<&Vec<String>, Vec<Use>> = HashMap::new();
        for (_, words) in &sentences {
            for j in 1..words.len() {
                let Some(keys) = by_first.get(doc.lower(words[j])) else {
                    continue;
                };
                for key in keys {
                    let n = key.len();
                    if j + n > words.len()
                        || !contiguous(doc, words, j, n)
                        || !(0..n).all(|k| doc.lower(words[j + k]) == key[k])
                        || !mid_sentence(doc, words, j)
                    {
                        continue;
                    }
                    let run = &words[j..j + n];
                    let Some(case) = case_of(doc, run) else {
                        continue;
                    };
                    // The use is the whole term, not part of a longer capitalised run.
                    let edge = |k: usize| {
                        doc.tokens[k].kind == TokenKind::Word
                            && spell::shape(doc.tok(k)) != Shape::Lower
                    };
                    let before = run[0] - 1;
                    let after = run[n - 1] + 1;
                    if case != Case::Lower
                        && (edge(before) || after < doc.tokens.len() && edge(after))
                    {
                        continue;
                    }
                    let span = doc.tokens[run[0]].span.to(doc.tokens[run[n - 1]].span);
                    if counts(span)
                        || in_brackets(doc, words[0], run[0])
                        || case != Case::Lower
                            && in_title(doc, words[0], (run[0], run[n - 1]), title_part_joiner)
                    {
                        continue;
                    }
                    let prev = if doc.tokens[before].kind == TokenKind::Word {
                        doc.lower(before)
                    } else {
                        ""
                    };
                    uses.entry(key).or_default().push(Use {
                        span,
                        case,
                        after_the: prev == "the",
                        indefinite: indefinite(prev),
                    });
                }
            }
        }
        // 3. Judge each term.
        let mut found: Vec<Diagnostic> = Vec::new();
        for (key, list) in uses {
            let title: Vec<&Use> = list.iter().filter(|u| u.case == Case::Title).collect();
            if title.is_empty() {
                continue;
            }
            let the_name = title.iter().filter(|u| u.after_the).count() * 2 > title.len();
            let counted: Vec<&Use> = list
                .iter()
                .filter(|u| u.case == Case::Title || !u.indefinite && (!the_name || u.after_the))
                .collect();
            let mut forms: Vec<(String, Vec<Span>, Case)> = Vec::new();
            for u in &counted {
                let surface = doc
                    .slice(u.span)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                match forms.iter_mut().find(|(s, _, _)| *s == surface) {
                    Some((_, spans, _)) => spans.push(u.span),
                    None => forms.push((surface, vec![u.span], u.case)),
                }
            }
            if forms.len() < 2 {
                continue;
            }
            // The usual form: the most used, a tie going to the first written.
            let m = (0..forms.len())
                .min_by(|&a, &b| {
                    forms[b]
                        .1
                        .len()
                        .cmp(&forms[a].1.len())
                        .then(forms[a].1[0].start.cmp(&forms[b].1[0].start))
                })
                .unwrap_or(0);
            // A species name (Manduca sexta): only the genus takes a capital, whatever the
            // majority, when the essay writes it so at least once.
            let species = binomial(key)
                .then(|| {
                    forms
                        .iter()
                        .position(|(f, _, c)| *c == Case::Mixed && genus_species(f))
                })
                .flatten();
            let m = species.unwrap_or(m);
            let (major, major_spans, major_case) = &forms[m];
            // A term of ordinary words that is no name ("Juvenile Hormone" beside "juvenile
            // hormone"), capitalised at least twice: the capitals are the needless ones; pointed
            // at, as advice. (Once against once, the capitalised use is as often a title.)
            if species.is_none()
                && *major_case == Case::Title
                && major_spans.len() >= 2
                && common_term(key)
            {
                if let Some((lower, lower_spans, _)) =
                    forms.iter().find(|(_, _, c)| *c == Case::Lower)
                {
                    let times = |c: usize| {
                        if c == 1 {
                            "once".to_string()
                        } else {
                            format!("{c} times")
                        }
                    };
                    let msg = format!(
                        "`{major}` is capitalised {} in this essay but written `{lower}` {}: a \
                         common noun takes no capitals; write `{lower}` throughout",
                        times(major_spans.len()),
                        times(lower_spans.len())
                    );
                    let mut d = cx
                        .diag(major_spans[0], msg)
                        .suggest(lower.clone())
                        .severity(Severity::Advice)
                        .related(lower_spans[0], format!("`{lower}` here"));
                    for s in major_spans.iter().skip(1).take(3) {
                        d = d.related(*s, format!("`{major}` again"));
                    }
                    found.push(d);
                    continue;
                }
            }
            for (k, (form, spans, case)) in forms.iter().enumerate() {
                if k == m {
                    continue;
                }
                let n = spans.len();
                let big = major_spans.len();
                let times = |c: usize| {
                    if c == 1 {
                        "once".to_string()
                    } else {
                        format!("{c} times")
                    }
                };
                let msg = if species.is_some() {
                    format!(
                        "`{form}` is written `{major}` {} elsewhere in this essay (`{form}` {}): \
                         in a species name only the genus takes a capital",
                        times(big),
                        times(n)
                    )
                } else {
                    format!(
                        "`{form}` is written `{major}` {} elsewhere in this essay (`{form}` {}): \
                         capitalise the term one way throughout",
                        times(big),
                        times(n)
                    )
                };
                // Sure only of a lowercase slip in a term the essay otherwise capitalises: a
                // capitalised minority is often a title of a work or a section, and a mixed
                // form often holds a proper adjective ("Soviet empire").
                let sure = big >= 3
                    && big >= 3 * n
                    && (*case == Case::Lower && *major_case == Case::Title || species.is_some());
                let mut d = cx.diag(spans[0], msg).suggest(major.clone());
                if !sure {
                    d = d.severity(Severity::Advice);
                }
                d = d.related(major_spans[0], format!("`{major}` here"));
                for s in spans.iter().skip(1).take(3) {
                    d = d.related(*s, format!("`{form}` again"));
                }
                found.push(d);
            }
        }
        found.sort_by_key(|d| d.span.start);
        out.extend(found);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<(String, Severity)> {
        let (doc, out) = crate::rule::run_rule(&TermCapitalisation, text);
        out.iter()
            .map(|d| (doc.slice(d.span).to_string(), d.severity))
            .collect()
    }

    #[test]
    fn fires_on_the_minority_form() {
        let text = "Historians argue that the Cold War shaped every market. Trade slowed during \
                    the Cold War in many regions. After the cold war ended, markets opened to \
                    new firms. Memories of the Cold War still shape policy today.";
        assert_eq!(run(text), vec![("cold war".to_string(), Severity::Warning)]);
    }

    #[test]
    fn a_tie_is_advice() {
        let text = "Many workers left farms during the Industrial Revolution in England. Wages \
                    rose slowly after the industrial revolution began in the north.";
        assert_eq!(
            run(text),
            vec![("industrial revolution".to_string(), Severity::Advice)]
        );
    }

    #[test]
    fn silent_on_common_phrases_and_openings() {
        for t in [
            // An indefinite use is the common phrase.
            "Lincoln led the nation through the Civil War with care. Syria fell into a civil \
             war much later than its neighbours.",
            // Sentence openings and colons capitalise for other reasons.
            "The nation recovered slowly after the war ended. Cold war tensions rose in the \
             north. Critics wrote this: Cold war politics ruined trade for years.",
            // A longer name that contains the words.
            "She worked for the Supreme Court Historical Society for years. The supreme court \
             of the state met in the spring.",
            // Consistent use.
            "Workers struck during the Great Depression in many towns. Banks failed during the \
             Great Depression as well.",
        ] {
            assert!(run(t).is_empty(), "{t}: {:?}", run(t));
        }
    }
}
