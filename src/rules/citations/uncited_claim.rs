crate::rule::declare_rule! {
    /// # uncited-claim
    ///
    /// **What it does.** Points at statistics and strong factual claims ("45 percent", "doubled",
    /// "three out of four", "one in five", "studies show", "according to experts") in a paragraph
    /// that cites nothing. At most one note per paragraph.
    ///
    /// **Why it matters.** A number or a "research shows" without a source asks the reader to take
    /// it on trust; graders ask "says who?". Citing it, or softening it, makes the argument hold.
    ///
    /// **Example.**
    ///
    /// ```text
    /// Within four years coal and steel production doubled.
    ///                                             ^^^^^^^ a statistic with no source in this paragraph
    /// ```
    ///
    /// It is advice. Stay silent: paragraphs with any citation; the writer's own results (sentences
    /// with "we", "our", "I", "this study", "participants", "Table", "Figure"); sections headed
    /// Results, Methods, Materials, Procedure, Data, Findings, Abstract; and, by default, essays
    /// that cite nothing at all (a personal essay's numbers are its own).
    ///
    /// **Options.**
    ///
    /// - `only-when-citing` (boolean, default true): report only in essays that cite sources
    ///   somewhere.
    ///
    /// **Fix safety.** No automatic fix: the rule only reports; the remedy (rewording, a citation, an
    /// entry in the works cited) is the writer's to choose.
    pub struct UncitedClaim {
        name: "uncited-claim",
        category: Citations,
        severity: Advice,
        summary: "a statistic or strong factual claim in a paragraph that cites nothing",
        fix: None,
        options: UncitedClaimOptions {
            /// report only in essays that cite sources somewhere
            only_when_citing: bool = true,
        },
    }
}
use crate::analysis::citations::fold_name;
use crate::diagnostic::Diagnostic;
use crate::doc::{Document, ParagraphKind, Span, TokenKind};
use crate::lexicon;
use crate::rule::{Context, Rule};
use std::collections::HashSet;
use std::sync::OnceLock;

enum Pat {
    Num,
    Percent,
    Words(Vec<&'static str>),
}

fn patterns() -> &'static [Vec<Pat>] {
    static P: OnceLock<Vec<Vec<Pat>>> = OnceLock::new();
    P.get_or_init(|| {
        lexicon::lines(crate::lexicon::data_file!("rules/citations/claims.txt"))
            .map(|l| {
                l.split_whitespace()
                    .map(|t| match t {
                        "N" => Pat::Num,
                        "%" => Pat::Percent,
                        _ => Pat::Words(
                            t.trim_start_matches('{')
                                .trim_end_matches('}')
                                .split('|')
                                .collect(),
                        ),
                    })
                    .collect()
            })
            .collect()
    })
}

/// Number words of a statistic ("one in five", "half of").
fn number_words() -> &'static [&'static str] {
    crate::lexicon::keyed_list!("common/number_words.txt", "claim-numbers")
}

fn is_num(doc: &Document, i: usize) -> bool {
    let t = &doc.tokens[i];
    match t.kind {
        TokenKind::Number => {
            let s = doc.tok(i);
            // A year is not a statistic.
            !(s.len() == 4
                && s.bytes().all(|b| b.is_ascii_digit())
                && (s.starts_with("1") || s.starts_with("20")))
        }
        TokenKind::Word => number_words().contains(&doc.lower(i)),
        _ => false,
    }
}

fn matches_at(doc: &Document, i: usize, end: usize, pat: &[Pat]) -> Option<usize> {
    let mut k = i;
    for p in pat {
        if k >= end {
            return None;
        }
        let ok = match p {
            Pat::Num => is_num(doc, k),
            Pat::Percent => doc.tok(k) == "%",
            Pat::Words(ws) => {
                let l = doc.lower(k);
                ws.iter().any(|w| match *w {
                    "N" => is_num(doc, k),
                    _ => *w == l,
                })
            }
        };
        if !ok {
            return None;
        }
        k += 1;
    }
    Some(k)
}

/// Words that make a sentence report the writer's own work or data, or a hypothesis.
fn own_work(lower: &str) -> bool {
    crate::lexicon::in_list!("citations/own_work.txt", lower)
}

/// Headings under which the numbers are the writer's own.
fn skip_sections() -> &'static [&'static str] {
    crate::lexicon::keyed_list!("citations/claim_sections.txt", "skip")
}

/// Headings that make the whole paper empirical: its numbers are its own data.
fn empirical_sections() -> &'static [&'static str] {
    crate::lexicon::keyed_list!("citations/claim_sections.txt", "empirical")
}

/// True if token `i` sits inside a short bracketed group: "(21.4%)".
fn in_parens(doc: &Document, i: usize) -> bool {
    let off = doc.tokens[i].span.start;
    let upto = doc.groups.partition_point(|g| g.span.start < off);
    doc.groups[..upto]
        .iter()
        .rev()
        .take_while(|g| g.span.start + 200 > off)
        .any(|g| off < g.span.end && g.span.len() < 200)
}

/// A source named in the sentence: "The Bureau of Justice Statistics reports", "according to
/// the Census Bureau".
fn names_a_source(doc: &Document, s: &crate::doc::Sentence) -> bool {
    let toks = s.tokens.clone();
    toks.clone().any(|i| {
        i > s.tokens.start + 1
            && doc.tokens[i].is_word()
            && crate::analysis::citations::lists::is_signal_verb(doc.lower(i))
            && (i - 2..i).any(|k| {
                k > s.tokens.start
                    && doc.tokens[k].is_word()
                    && crate::doc::is_capitalized(doc.tok(k))
            })
    }) || toks.clone().any(|i| {
        doc.lower(i) == "according"
            && i + 3 < s.tokens.end
            && doc.lower(i + 1) == "to"
            && (i + 2..i + 4)
                .any(|k| doc.tokens[k].is_word() && crate::doc::is_capitalized(doc.tok(k)))
    })
}

impl Rule for UncitedClaim {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let o = Self::options(cx);
        let doc = cx.doc;
        let cites_at_all = doc.citations.iter().any(|c| c.certain) || !doc.references.is_empty();
        if o.only_when_citing && !cites_at_all {
            return;
        }
        // Names of cited authors and listed authors: a sentence naming one has a source.
        let mut authors: HashSet<String> = HashSet::new();
        for c in &doc.citations {
            for src in &c.sources {
                authors.extend(src.authors.iter().map(|a| fold_name(a)));
            }
        }
        for r in &doc.references {
            authors.extend(r.authors.iter().map(|a| fold_name(a)));
        }
        let mut cite_paras = vec![false; doc.paragraphs.len()];
        for c in &doc.citations {
            if let Some(s) = c.sentence {
                cite_paras[doc.sentences[s].paragraph] = true;
            }
        }
        // A paper with a Results or Methods section reports its own numbers: there only the
        // "studies show" kind of claim is checked.
        let empirical = doc.paragraphs.iter().any(|p| {
            p.kind == ParagraphKind::Heading && {
                let h = doc.slice(p.span).to_lowercase();
                empirical_sections().iter().any(|w| h.contains(w))
            }
        });
        for (pi, p) in doc.paragraphs.iter().enumerate() {
            if !p.kind.is_own_prose() || cite_paras[pi] {
                continue;
            }
            let in_skipped_section = doc.paragraphs[..pi]
                .iter()
                .rev()
                .filter(|q| q.kind == ParagraphKind::Heading)
                .take(3)
                .any(|q| {
                    let h = doc.slice(q.span).to_lowercase();
                    skip_sections().iter().any(|w| h.contains(w))
                });
            if in_skipped_section {
                continue;
            }
            // A paragraph about the writer's figures and tables reports the writer's data.
            if p.tokens
                .clone()
                .any(|i| matches!(doc.lower(i), "figure" | "fig" | "table" | "graph"))
            {
                continue;
            }
            'sentences: for s in &doc.sentences[p.sentences.clone()] {
                if s.tokens.clone().any(|i| own_work(doc.lower(i))) || names_a_source(doc, s) {
                    continue;
                }
                // An author named in the sentence is its source ("as Rupp has shown").
                if s.tokens.clone().any(|i| {
                    doc.tokens[i].is_word()
                        && crate::doc::is_capitalized(doc.tok(i))
                        && authors.contains(&fold_name(doc.tok(i)))
                }) {
                    continue;
                }
                let has_number = s
                    .tokens
                    .clone()
                    .any(|i| is_num(doc, i) || doc.tok(i) == "%");
                for i in s.tokens.clone() {
                    // "These studies show", "the data suggest": studies already named.
                    if i > s.tokens.start
                        && crate::lexicon::keyed_list!("citations/claim_words.txt", "named-before")
                            .contains(&doc.lower(i - 1))
                    {
                        continue;
                    }
                    // "her height doubled": a change without a number is not a statistic.
                    if !has_number
                        && crate::lexicon::keyed_list!("citations/claim_words.txt", "change-words")
                            .contains(&doc.lower(i))
                    {
                        continue;
                    }
                    for pat in patterns() {
                        let Some(end) = matches_at(doc, i, s.tokens.end, pat) else {
                            continue;
                        };
                        // Numbers in an empirical paper, or in brackets, are data.
                        if matches!(pat.first(), Some(Pat::Num)) && (empirical || in_parens(doc, i))
                        {
                            continue;
                        }
                        // "45 percent of" is shown as "45 percent".
                        let mut last = end - 1;
                        if last > i && doc.lower(last) == "of" {
                            last -= 1;
                        }
                        let span = Span::new(doc.tokens[i].span.start, doc.tokens[last].span.end);
                        // Inside a quotation the claim is the quoted source's.
                        let upto = doc
                            .quotations
                            .partition_point(|q| q.span.start <= span.start);
                        if doc.quotations[..upto]
                            .iter()
                            .rev()
                            .take(50)
                            .any(|q| q.span.contains(span))
                        {
                            continue;
                        }
                        out.push(cx.diag(
                            span,
                            "a statistic or factual claim with no source in this paragraph: cite where it comes from",
                        ));
                        break 'sentences;
                    }
                }
            }
        }
    }
}
