crate::rule::declare_rule! {
    /// # redundancy
    ///
    /// **What it does.** Points out redundant phrases — pairs where one word already says what the
    /// other adds: "added bonus", "past history", "end result", "free gift", "repeat again",
    /// "return back", "each and every", "absolutely essential", "close proximity", "future plans",
    /// "revert back", "a former alumnus", "add an additional" — and suggests the shorter form.
    ///
    /// **Why it matters.** Every word in an essay should work. A pleonasm makes the writer sound
    /// unsure that the plain word is enough, and readers (and graders) notice the padding.
    ///
    /// **Example.**
    ///
    /// ```text
    /// The end result was a return back to the old quotas.
    ///     ^^^^^^^^^^ redundant: `result` is enough
    ///                       ^^^^^^^^^^^ redundant: `return` is enough
    /// ```
    ///
    /// The phrases are a list (`rules/style/redundancy.txt`), matched on whole words; the longest
    /// match wins. Silent inside quotations and inside hyphenated compounds
    /// ("well-established fact"). It is advice: the emphasis is sometimes wanted.
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** No automatic fix: cutting a word can shift the emphasis, so the shorter phrase
    /// is only suggested.
    pub struct Redundancy {
        name: "redundancy",
        category: Style,
        severity: Advice,
        summary: "redundant phrases (\"added bonus\", \"return back\", \"past history\")",
        fix: None,
    }
}
use crate::analysis::sentence::match_case;
use crate::diagnostic::Diagnostic;
use crate::doc::{Span, TokenKind};
use crate::lexicon;
use crate::rule::{Context, Rule};
use std::collections::HashMap;
use std::sync::OnceLock;

struct Pattern {
    /// The accepted words at each position.
    words: Vec<Vec<&'static str>>,
    /// The positions the suggestion drops.
    redundant: Vec<bool>,
    /// An explicit suggestion ($1 … for the matched words).
    replacement: Option<&'static str>,
}

struct Table {
    patterns: Vec<Pattern>,
    /// First word → patterns starting with it.
    by_first: HashMap<&'static str, Vec<usize>>,
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let mut patterns = Vec::new();
        let mut by_first: HashMap<&'static str, Vec<usize>> = HashMap::new();
        for line in lexicon::lines(crate::lexicon::data_file!("rules/style/redundancy.txt")) {
            let (phrase, replacement) = match line.split_once("=>") {
                Some((p, r)) => (p.trim(), Some(r.trim())),
                None => (line, None),
            };
            let mut words = Vec::new();
            let mut redundant = Vec::new();
            let mut in_brackets = false;
            for tok in phrase.split_whitespace() {
                let mut t = tok;
                if let Some(rest) = t.strip_prefix('[') {
                    in_brackets = true;
                    t = rest;
                }
                let closes = t.ends_with(']');
                let t = t.trim_end_matches(']');
                words.push(t.split('|').filter(|w| !w.is_empty()).collect::<Vec<_>>());
                redundant.push(in_brackets);
                if closes {
                    in_brackets = false;
                }
            }
            if words.len() < 2 || words.iter().any(Vec::is_empty) {
                continue;
            }
            for &w in &words[0] {
                by_first.entry(w).or_default().push(patterns.len());
            }
            patterns.push(Pattern {
                words,
                redundant,
                replacement,
            });
        }
        Table { patterns, by_first }
    })
}

impl Rule for Redundancy {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let t = table();
        for sent in doc.prose_sentences() {
            let r = sent.tokens.clone();
            let mut i = r.start;
            while i < r.end {
                if doc.tokens[i].kind != TokenKind::Word {
                    i += 1;
                    continue;
                }
                let Some(cands) = t.by_first.get(doc.lower(i)) else {
                    i += 1;
                    continue;
                };
                // The longest pattern matching at i, on consecutive words.
                let best = cands
                    .iter()
                    .map(|&p| &t.patterns[p])
                    .filter(|p| {
                        i + p.words.len() <= r.end
                            && p.words.iter().enumerate().all(|(j, alts)| {
                                let k = i + j;
                                doc.tokens[k].kind == TokenKind::Word
                                    && alts.contains(&doc.lower(k))
                            })
                    })
                    .max_by_key(|p| p.words.len());
                let Some(p) = best else {
                    i += 1;
                    continue;
                };
                let end = i + p.words.len();
                // Part of a hyphenated compound: "well-established fact", "end result-driven".
                let hyphen = |k: usize| {
                    doc.tokens[k].kind == TokenKind::Punct
                        && matches!(doc.tok(k), "-" | "‐" | "–")
                        && !doc.tokens[k].space_before
                };
                if i > r.start && hyphen(i - 1) && !doc.tokens[i].space_before
                    || end < r.end && hyphen(end)
                {
                    i += 1;
                    continue;
                }
                let span = Span::new(doc.tokens[i].span.start, doc.tokens[end - 1].span.end);
                if doc.in_quotation(span) {
                    i = end;
                    continue;
                }
                let raw: Vec<&str> = (i..end).map(|k| doc.tok(k)).collect();
                let suggestion = match p.replacement {
                    Some(rep) => {
                        let mut s = rep.to_string();
                        for (n, w) in raw.iter().enumerate().rev() {
                            s = s.replace(&format!("${}", n + 1), w);
                        }
                        match_case(raw[0], &s)
                    }
                    None => {
                        let kept: Vec<&str> = raw
                            .iter()
                            .zip(&p.redundant)
                            .filter(|(_, &red)| !red)
                            .map(|(w, _)| *w)
                            .collect();
                        let s = kept.join(" ");
                        if p.redundant[0] {
                            match_case(raw[0], &s)
                        } else {
                            s
                        }
                    }
                };
                let phrase = doc.slice(span);
                out.push(
                    cx.diag(
                        span,
                        format!("redundant: `{phrase}` says the same thing twice; `{suggestion}` is enough"),
                    )
                    .suggest(suggestion),
                );
                i = end;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<(String, String)> {
        let (doc, out) = crate::rule::run_rule(&Redundancy, text);
        out.iter()
            .map(|d| (doc.slice(d.span).to_string(), d.suggestions[0].clone()))
            .collect()
    }

    #[test]
    fn finds_and_suggests() {
        assert_eq!(
            run("The end result was a return back to quotas."),
            [
                ("end result".into(), "result".into()),
                ("return back".into(), "return".into())
            ]
        );
        assert_eq!(
            run("They added an additional clause, in close proximity to the end."),
            [
                ("added an additional".into(), "added another".into()),
                ("in close proximity to".into(), "near".into())
            ]
        );
        assert_eq!(
            run("Each and every vote counted."),
            [("Each and every".into(), "Each".into())]
        );
        assert_eq!(
            run("Past history matters."),
            [("Past history".into(), "History".into())]
        );
    }

    #[test]
    fn silent() {
        for t in [
            "It is a well-established fact.",
            "The result was clear at the end.",
            "He said “the end result is near” with a smile.",
            "They returned to the back of the hall.",
        ] {
            assert!(run(t).is_empty(), "{t}: {:?}", run(t));
        }
    }
}
