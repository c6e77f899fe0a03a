crate::rule::declare_rule! {
    /// # repeated-opener
    ///
    /// **What it does.** Finds three or more sentences in a row, within a paragraph, that begin
    /// with the same word ("Stalin … Stalin … Stalin’s …"), and essays in which most paragraphs
    /// begin the same way ("However, …" paragraph after paragraph). Forms of one word count as the
    /// same opener (Stalin, Stalin’s). After an article the next word counts too, so "The study …
    /// The study … The study" is reported but "The results … The data … The sample" is not.
    ///
    /// **Why it matters.** Sentences that all start alike make prose monotonous and hide how the
    /// ideas relate; varying the openings (a subordinate clause, a transition, a different
    /// subject) gives the paragraph a shape.
    ///
    /// **Example.**
    ///
    /// ```text
    /// Stalin purged the party. Stalin collectivised the farms. Stalin rewrote the history books.
    ///                                                          ^^^^^^ three sentences in a row begin with “Stalin”
    /// ```
    ///
    /// Headings, list items, block quotations and works-cited entries are not counted, nor are
    /// sentences that open with a number. It is advice.
    ///
    /// **Options.**
    ///
    /// - `min-run` (integer, default 3): how many sentences in a row make a run.
    ///
    /// **Fix safety.** No automatic fix: the rule only reports; the remedy (rewording, a citation, an
    /// entry in the works cited) is the writer's to choose.
    pub struct RepeatedOpener {
        name: "repeated-opener",
        category: Repetition,
        severity: Advice,
        summary: "consecutive sentences, or most paragraphs, that begin the same way",
        fix: None,
        options: RepeatedOpenerOptions {
            /// how many sentences in a row make a run
            min_run: i64 = 3,
        },
    }
}
use crate::analysis::words::{Words, CITED, NONE, QUOTED};
use crate::diagnostic::Diagnostic;
use crate::doc::{Document, ParagraphKind, Sentence, TokenKind};
use crate::rule::{Context, Rule};
use crate::Span;
use std::collections::HashMap;

/// Subject pronouns and demonstratives: an opener on their own ("We … We … We").
fn is_subject_word(s: &str) -> bool {
    crate::lexicon::in_list!("repetition/subject_words.txt", s)
}

/// The opener of a sentence and the span to show. The key is the first word (by lemma, so
/// Stalin and Stalin’s are one opener); after a function word it runs on to the first content
/// word, at most three words ("The study …", "In addition …", "For the red light …"), so that
/// "The results … The data …" are different openers. Sentences that open with a number, a
/// citation, a quotation or a label ("Table B …", "Part II …") have none.
fn opener(doc: &Document, w: &Words, s: &Sentence) -> Option<(u64, Span)> {
    let first = s
        .tokens
        .clone()
        .find(|&i| doc.tokens[i].kind != TokenKind::Punct)?;
    if first > s.tokens.start {
        // Opens with punctuation: a parenthesis, a quotation, a list marker.
        return None;
    }
    if doc.tokens[first].kind != TokenKind::Word || w.lemma[first] == NONE {
        return None;
    }
    if w.flags[first] & (QUOTED | CITED) != 0 {
        return None;
    }
    let t = doc.tok(first);
    if t.chars().count() == 1 && t != "I" && t != "A" {
        return None;
    }
    let mut key: u64 = 0xcbf2_9ce4_8422_2325;
    let mut end = first;
    for (n, k) in (first..).take(3).enumerate() {
        if k >= s.tokens.end || doc.tokens[k].kind != TokenKind::Word {
            break;
        }
        let info = w.info(k)?;
        let id = if info.function { w.form[k] } else { w.lemma[k] };
        key = (key ^ (id as u64 + 1)).wrapping_mul(0x0000_0100_0000_01b3);
        end = k;
        if !info.function || (n == 0 && is_subject_word(doc.lower(k))) {
            break;
        }
    }
    // Only function words ("The 12 items", "In 1922"): no opener to compare.
    // A subject pronoun or a sentence adverb before a comma ("However, …") stands alone.
    let comma_next = doc
        .tokens
        .get(end + 1)
        .is_some_and(|t| doc.slice(t.span) == ",");
    if w.info(end).is_some_and(|l| l.function)
        && !(end == first && (is_subject_word(doc.lower(end)) || comma_next))
    {
        return None;
    }
    // A label with its identifier: "Table B examines", "Part II", "Figure 3 shows".
    if let Some(next) = doc.tokens.get(end + 1).filter(|_| end + 1 < s.tokens.end) {
        let nt = doc.slice(next.span);
        let label = next.kind == TokenKind::Number
            || (nt.chars().count() <= 4
                && nt.chars().all(|c| c.is_ascii_uppercase())
                && !is_subject_word(&nt.to_lowercase()));
        if label && !w.info(end).is_some_and(|l| l.function) {
            return None;
        }
    }
    Some((
        key,
        Span::new(doc.tokens[first].span.start, doc.tokens[end].span.end),
    ))
}

impl Rule for RepeatedOpener {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let o = Self::options(cx);
        let doc = cx.doc;
        let min_run = o.min_run.max(2) as usize;
        let w = cx.words();

        // Runs of sentences within a paragraph.
        let mut para_openers: Vec<(u64, Span)> = Vec::new();
        for p in &doc.paragraphs {
            if p.kind != ParagraphKind::Body {
                continue;
            }
            let openers: Vec<Option<(u64, Span)>> = p
                .sentences
                .clone()
                .map(|si| opener(doc, w, &doc.sentences[si]))
                .collect();
            if p.sentences.len() >= 2 {
                if let Some(Some(o)) = openers.first() {
                    para_openers.push(*o);
                }
            }
            let mut k = 0;
            while k < openers.len() {
                let Some((key, _)) = openers[k] else {
                    k += 1;
                    continue;
                };
                let mut e = k + 1;
                while e < openers.len() && openers[e].is_some_and(|(x, _)| x == key) {
                    e += 1;
                }
                if e - k >= min_run {
                    let spans: Vec<Span> = openers[k..e].iter().flatten().map(|o| o.1).collect();
                    let third = spans[min_run - 1];
                    let text = doc.slice(spans[0]);
                    let mut d = cx.diag(
                        third,
                        format!(
                            "{} sentences in a row begin with “{text}”; vary the openings",
                            count_word(e - k)
                        ),
                    );
                    for (n, &s) in spans.iter().enumerate() {
                        if n != min_run - 1 {
                            d = d.related(s, "begins the same way");
                        }
                    }
                    out.push(d);
                }
                k = e;
            }
        }

        // Most paragraphs beginning the same way.
        if para_openers.len() >= 4 {
            let mut counts: HashMap<u64, usize> = HashMap::new();
            for (k, _) in &para_openers {
                *counts.entry(*k).or_insert(0) += 1;
            }
            let Some((&key, &n)) = counts.iter().max_by_key(|(k, n)| (**n, **k)) else {
                return;
            };
            if n >= 3 && n * 2 > para_openers.len() {
                let spans: Vec<Span> = para_openers
                    .iter()
                    .filter(|(k, _)| *k == key)
                    .map(|o| o.1)
                    .collect();
                let text = doc.slice(spans[0]);
                let mut d = cx.diag(
                    spans[0],
                    format!(
                        "{n} of {} paragraphs begin with “{text}”; vary the openings",
                        para_openers.len()
                    ),
                );
                for &s in &spans[1..] {
                    d = d.related(s, "begins the same way");
                }
                out.push(d);
            }
        }
    }
}

fn count_word(n: usize) -> String {
    match n {
        2 => "two".into(),
        3 => "three".into(),
        4 => "four".into(),
        5 => "five".into(),
        6 => "six".into(),
        _ => n.to_string(),
    }
}
