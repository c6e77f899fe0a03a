//! Finding the names of an essay: capitalised words that are not capitalised merely because
//! they start a sentence, and runs of them that make multi-word names (Great Purge, New
//! Economic Policy, Union of Soviet Socialist Republics).

use crate::doc::{
    is_all_caps, is_apostrophe, normalize_word, Document, ParagraphKind, Span, TokenKind,
};
use crate::lexicon;
use std::collections::{HashMap, HashSet};

/// One use of a spelling in running prose.
#[derive(Clone, Copy, Debug)]
pub struct Use {
    /// The name without a possessive ending.
    pub span: Span,
    /// Index into `Document::sentences`.
    pub sentence: u32,
    /// The word opens a sentence, a quotation or a clause after a colon, where any word is
    /// capitalised.
    pub initial: bool,
    /// The capitalised word just before it in the same multi-word name ("Lev" in "Lev Kamenev").
    pub prev: Option<u32>,
    /// The capitalised word just after it in the same multi-word name ("Kamenev" in "Lev
    /// Kamenev").
    pub next: Option<u32>,
    /// Inside a quotation or a block quotation: the source's spelling, never reported.
    pub quoted: bool,
    /// The year of a citation right after the name ("Cohen (1973)", "Cohen, 1973").
    pub year: Option<u16>,
    /// Part of a run of capitalised words: a multi-word name or a title in title case.
    pub in_phrase: bool,
    /// Inside a parenthetical citation ("(Hobsbawm 45)"): a use of the author's name, but not
    /// a second name written in the same sentence.
    pub cited: bool,
}

/// One distinct capitalised spelling (possessives folded: Stalin’s counts as Stalin).
#[derive(Clone, Debug, Default)]
pub struct Spelling {
    pub text: String,
    /// Uses in prose (body, lists, block quotations), in text order.
    pub uses: Vec<Use>,
    /// Uses among the authors of works-cited entries (titles are not counted).
    pub ref_uses: u32,
    pub first_ref: Option<Span>,
    /// The years of the works-cited entries it is an author of.
    pub ref_years: Vec<u16>,
    /// Mid-sentence uses outside a multi-word name.
    pub standalone: u32,
    /// The essay also writes the word in lowercase, so it is an ordinary word.
    pub lower_seen: bool,
    /// The dictionary knows the spelling as written (a known name or word).
    pub dict: bool,
    /// The dictionary knows the word in lowercase (an ordinary word).
    pub dict_lower: bool,
    /// Judged a name: see [`Names::judge`].
    pub is_name: bool,
}

impl Spelling {
    /// Uses not at the start of a sentence.
    pub fn mid_uses(&self) -> usize {
        self.uses.iter().filter(|u| !u.initial).count()
    }

    /// Uses outside quotations: the ones a diagnostic may point at.
    pub fn own_uses(&self) -> impl Iterator<Item = &Use> {
        self.uses.iter().filter(|u| !u.quoted)
    }
}

/// The year a number token stands for, if it looks like a citation year (1500–2099, "1998a").
fn year_of(s: &str) -> Option<u16> {
    let b = s.as_bytes();
    if b.len() < 4 || b.len() > 5 || !b[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    if b.len() == 5 && !b[4].is_ascii_lowercase() {
        return None;
    }
    let y: u16 = s[..4].parse().ok()?;
    (1500..=2099).contains(&y).then_some(y)
}

/// The year of a citation that follows the name at token `ti` within the sentence, with only
/// names, punctuation and "and", "et al." between: "Cohen (1973)", "Nosek, Banaji & Greenwald,
/// 2002".
fn citation_year(doc: &Document, ti: usize, end: usize) -> Option<u16> {
    for k in ti + 1..end.min(ti + 14) {
        let s = doc.tok(k);
        match doc.tokens[k].kind {
            TokenKind::Number => return year_of(s),
            TokenKind::Word => {
                let upper = s.chars().next().is_some_and(char::is_uppercase);
                if !upper && !matches!(doc.lower(k), "and" | "et" | "al" | "de" | "van" | "von") {
                    return None;
                }
            }
            _ => {
                if matches!(s, ";" | ")" | "]" | "!" | "?") {
                    return None;
                }
            }
        }
    }
    None
}

/// A multi-word name: the spellings of its words, and its uses.
#[derive(Clone, Debug)]
pub struct Phrase {
    pub words: Vec<u32>,
    /// The connectors between words ("of" in "Union of Soviet…"), as written at first use.
    pub text: String,
    pub uses: Vec<Span>,
}

/// The names of a document.
#[derive(Debug, Default)]
pub struct Names {
    pub spellings: Vec<Spelling>,
    pub phrases: Vec<Phrase>,
}

/// Splits a possessive ending off a word: "Stalin’s" → "Stalin". Returns the byte length kept.
pub fn strip_possessive(w: &str) -> usize {
    let mut it = w.char_indices().rev();
    if let (Some((_, s)), Some((i, a))) = (it.next(), it.next()) {
        if (s == 's' || s == 'S') && is_apostrophe(a) && i > 0 {
            return i;
        }
    }
    w.len()
}

#[derive(Clone, Copy)]
enum RunTok {
    Word { id: u32, span: Span, initial: bool },
    Connector,
}

impl Names {
    /// Extracts the names of `doc`. Linear in the number of tokens.
    pub fn extract(doc: &Document) -> Names {
        let mut by_text: HashMap<&str, u32> = HashMap::new();
        let mut spellings: Vec<Spelling> = Vec::new();
        let mut lower: HashSet<&str> = HashSet::new();
        let mut runs: Vec<Vec<RunTok>> = Vec::new();
        let mut run: Vec<RunTok> = Vec::new();
        // Token ranges of closed quotations, in text order.
        let mut quoted: Vec<(usize, usize)> = doc
            .quotations
            .iter()
            .filter(|q| q.closed && q.depth == 0)
            .map(|q| (q.tokens.start, q.tokens.end))
            .collect();
        quoted.sort_unstable();
        let mut qi = 0usize;

        for (pi, para) in doc.paragraphs.iter().enumerate() {
            let is_ref = para.kind == ParagraphKind::Reference;
            if para.kind == ParagraphKind::Heading {
                continue;
            }
            if is_ref {
                Self::reference_authors(doc, pi, &mut by_text, &mut spellings);
                continue;
            }
            let block_quote = para.kind == ParagraphKind::BlockQuote;
            for si in para.sentences.clone() {
                let s = &doc.sentences[si];
                let mut at_start = true;
                let mut last_word: Option<usize> = None; // token index of the run's last word
                flush(&mut run, &mut runs);
                for ti in s.tokens.clone() {
                    let tok = doc.tokens[ti];
                    if !tok.is_word() {
                        flush(&mut run, &mut runs);
                        last_word = None;
                        let p = doc.tok(ti);
                        // Quotations, clauses after a colon or dash, and lines of verse after a
                        // slash may start with a capital; brackets mostly hold citations.
                        if matches!(
                            p,
                            "“" | "\"" | "‘" | ":" | "—" | "–" | "«" | "„" | "¿" | "¡" | "/"
                        ) {
                            at_start = true;
                        }
                        continue;
                    }
                    // A word opening a line may open a line of verse, capitalised as such.
                    let initial = at_start || tok.newlines_before > 0;
                    at_start = false;
                    let w = doc.tok(ti);
                    let Some(first) = w.chars().next() else {
                        continue;
                    };
                    if !first.is_uppercase() {
                        if first.is_lowercase() {
                            let l = doc.lower(ti);
                            lower.insert(&l[..strip_possessive(l)]);
                        }
                        // A connector continues a run only between two capitalised words.
                        let adjacent = last_word == Some(ti.wrapping_sub(1));
                        if adjacent && !run.is_empty() && connects(&run, doc.lower(ti)) {
                            run.push(RunTok::Connector);
                            last_word = Some(ti);
                        } else {
                            flush(&mut run, &mut runs);
                            last_word = None;
                        }
                        continue;
                    }
                    let keep = strip_possessive(w);
                    let name = &w[..keep];
                    let span = Span::new(tok.span.start, tok.span.start + keep);
                    if name.chars().count() < 2
                        || is_contraction(name)
                        || is_acronym(name)
                        || name.chars().any(|c| c.is_numeric())
                    {
                        flush(&mut run, &mut runs);
                        last_word = None;
                        continue;
                    }
                    let id = intern(&mut by_text, &mut spellings, name);
                    while qi < quoted.len() && quoted[qi].1 <= ti {
                        qi += 1;
                    }
                    let in_quote = block_quote || (qi < quoted.len() && quoted[qi].0 <= ti);
                    let adjacent = last_word == Some(ti.wrapping_sub(1)) && !run.is_empty();
                    if !adjacent {
                        flush(&mut run, &mut runs);
                    }
                    let prev = match run.last() {
                        Some(RunTok::Word { id: p, .. }) if adjacent => {
                            let p = *p;
                            if let Some(u) = spellings[p as usize].uses.last_mut() {
                                u.next = Some(id);
                            }
                            Some(p)
                        }
                        _ => None,
                    };
                    spellings[id as usize].uses.push(Use {
                        span,
                        sentence: si as u32,
                        initial,
                        prev,
                        next: None,
                        quoted: in_quote,
                        year: citation_year(doc, ti, s.tokens.end),
                        in_phrase: false,
                        cited: doc.citations_overlapping(span).next().is_some(),
                    });
                    run.push(RunTok::Word { id, span, initial });
                    last_word = Some(ti);
                    if keep < w.len() {
                        // A possessive ends the name: "Stalin’s Great Purge".
                        flush(&mut run, &mut runs);
                        last_word = None;
                    }
                }
                flush(&mut run, &mut runs);
            }
        }

        for sp in &mut spellings {
            let l = normalize_word(&sp.text);
            sp.lower_seen = lower.contains(l.as_str());
            if sp.uses.is_empty() && sp.ref_uses == 0 {
                continue;
            }
            sp.dict = lexicon::is_dictionary_word(&sp.text);
            sp.dict_lower = l != sp.text && lexicon::is_dictionary_word(&l);
        }
        let mut names = Names {
            spellings,
            phrases: Vec::new(),
        };
        names.judge();
        names.build_phrases(doc, runs);
        names
    }

    /// Records the authors of works-cited entry `pi`: the capitalised words before the entry's
    /// year or before the first full stop after a word (not an initial), whichever comes first.
    fn reference_authors<'d>(
        doc: &'d Document,
        pi: usize,
        by_text: &mut HashMap<&'d str, u32>,
        spellings: &mut Vec<Spelling>,
    ) {
        let para = &doc.paragraphs[pi];
        let toks = para.tokens.clone();
        let year = toks
            .clone()
            .filter(|&k| doc.tokens[k].kind == TokenKind::Number)
            .find_map(|k| year_of(doc.tok(k)));
        let mut prev_len = 0usize;
        for ti in toks {
            let tok = doc.tokens[ti];
            let w = doc.tok(ti);
            match tok.kind {
                TokenKind::Number if year_of(w).is_some() => break,
                TokenKind::Punct if w == "." && prev_len >= 2 => break,
                TokenKind::Punct if matches!(w, ":" | "“" | "\"" | "?" | "!") => break,
                TokenKind::Word => {}
                _ => {
                    prev_len = 0;
                    continue;
                }
            }
            let keep = strip_possessive(w);
            let name = &w[..keep];
            prev_len = name.chars().count();
            if !name.chars().next().is_some_and(char::is_uppercase)
                || prev_len < 3
                || is_acronym(name)
                || name.chars().any(char::is_numeric)
            {
                continue;
            }
            let id = intern(&mut *by_text, &mut *spellings, name);
            let sp = &mut spellings[id as usize];
            sp.ref_uses += 1;
            sp.first_ref
                .get_or_insert(Span::new(tok.span.start, tok.span.start + keep));
            if let Some(y) = year {
                sp.ref_years.push(y);
            }
        }
    }

    /// Decides which spellings are names. A spelling is a name if the essay never writes it in
    /// lowercase and it is capitalised somewhere other than the start of a sentence, or, when
    /// it only opens sentences, if the dictionary does not know it as an ordinary lowercase word.
    fn judge(&mut self) {
        for sp in &mut self.spellings {
            let mid = sp.mid_uses();
            let initial = sp.uses.len() - mid;
            sp.is_name = !sp.lower_seen && (mid > 0 || (initial > 0 && !sp.dict_lower));
        }
    }

    /// True if the spelling may start a multi-word name at the start of a sentence.
    fn can_lead(&self, id: u32) -> bool {
        let sp = &self.spellings[id as usize];
        sp.is_name && !lexicon::is_function_word(&normalize_word(&sp.text))
    }

    fn build_phrases(&mut self, doc: &Document, runs: Vec<Vec<RunTok>>) {
        let mut index: HashMap<Vec<u32>, usize> = HashMap::new();
        for run in runs {
            let n_words = run
                .iter()
                .filter(|t| matches!(t, RunTok::Word { .. }))
                .count();
            if n_words >= 2 {
                for t in &run {
                    if let RunTok::Word { id, span, .. } = *t {
                        let uses = &mut self.spellings[id as usize].uses;
                        if let Ok(k) = uses.binary_search_by_key(&span.start, |u| u.span.start) {
                            uses[k].in_phrase = true;
                        }
                    }
                }
            }
            let mut a = 0;
            let mut b = run.len();
            // Trim words that are capitalised only because they open the sentence.
            while a < b {
                match run[a] {
                    RunTok::Word { id, initial, .. } if initial && !self.can_lead(id) => a += 1,
                    RunTok::Word { id, .. }
                        if lexicon::is_function_word(&normalize_word(
                            &self.spellings[id as usize].text,
                        )) =>
                    {
                        a += 1
                    }
                    RunTok::Connector => a += 1,
                    _ => break,
                }
            }
            while b > a && matches!(run[b - 1], RunTok::Connector) {
                b -= 1;
            }
            let words: Vec<(u32, Span, bool)> = run[a..b]
                .iter()
                .filter_map(|t| match *t {
                    RunTok::Word { id, span, initial } => Some((id, span, initial)),
                    RunTok::Connector => None,
                })
                .collect();
            match words.len() {
                0 => {}
                1 => {
                    if !words[0].2 {
                        self.spellings[words[0].0 as usize].standalone += 1;
                    }
                }
                _ => {
                    let span = words[0].1.to(words[words.len() - 1].1);
                    let ids: Vec<u32> = words.iter().map(|w| w.0).collect();
                    let k = *index.entry(ids.clone()).or_insert_with(|| {
                        self.phrases.push(Phrase {
                            words: ids,
                            text: doc
                                .slice(span)
                                .split_whitespace()
                                .collect::<Vec<_>>()
                                .join(" "),
                            uses: Vec::new(),
                        });
                        self.phrases.len() - 1
                    });
                    self.phrases[k].uses.push(span);
                }
            }
        }
    }
}

/// True if `word` may continue the run: a name particle (de, von, van…) anywhere, "of" after
/// a single word (Union of Soviet…, but not Policy of the Union), "the" after such an "of".
fn connects(run: &[RunTok], word: &str) -> bool {
    match word {
        "of" => run.len() == 1,
        "the" => run.len() == 2 && matches!(run[1], RunTok::Connector),
        w => crate::lexicon::in_list!("names/name_connectors.txt", w),
    }
}

/// A word with an apostrophe not followed by a capital: I’ve, Don’t (but O’Brien is a name).
fn is_contraction(w: &str) -> bool {
    let mut it = w.chars().skip_while(|&c| !is_apostrophe(c));
    it.next().is_some() && !it.next().is_some_and(char::is_uppercase)
}

/// Words in capitals, with a plural s or not: NEP, USSR, APNs.
fn is_acronym(w: &str) -> bool {
    is_all_caps(w) || w.strip_suffix('s').is_some_and(is_all_caps)
}

fn flush(run: &mut Vec<RunTok>, runs: &mut Vec<Vec<RunTok>>) {
    if !run.is_empty() {
        runs.push(std::mem::take(run));
    }
}

/// The id of a spelling, added to the table on first sight.
fn intern<'d>(
    by_text: &mut HashMap<&'d str, u32>,
    spellings: &mut Vec<Spelling>,
    name: &'d str,
) -> u32 {
    *by_text.entry(name).or_insert_with(|| {
        spellings.push(Spelling {
            text: name.to_string(),
            ..Default::default()
        });
        (spellings.len() - 1) as u32
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Names {
        Names::extract(&crate::analysis::from_text(text))
    }

    fn is_name(n: &Names, w: &str) -> bool {
        n.spellings.iter().any(|s| s.text == w && s.is_name)
    }

    #[test]
    fn possessives_fold() {
        assert_eq!(strip_possessive("Stalin’s"), 6);
        assert_eq!(strip_possessive("Stalin's"), 6);
        assert_eq!(strip_possessive("Stalin"), 6);
        assert_eq!(strip_possessive("’s"), "’s".len());
        let n = names("Stalin’s rise began. We saw that Stalin's rise and Stalin won.");
        let s = n.spellings.iter().find(|s| s.text == "Stalin").unwrap();
        assert_eq!(s.uses.len(), 3);
    }

    #[test]
    fn sentence_starts_are_not_names() {
        let n = names(
            "Totalitarian policies grew. The party met Kamenev there. Bukharin spoke. \
             Economic policy changed, as Economic historians note.",
        );
        assert!(!is_name(&n, "Totalitarian"));
        assert!(!is_name(&n, "The"));
        assert!(is_name(&n, "Kamenev"));
        assert!(is_name(&n, "Bukharin"));
        // Written lowercase elsewhere: an ordinary word.
        let n = names("The Party ruled the party.");
        assert!(!is_name(&n, "Party"));
    }

    #[test]
    fn multi_word_names() {
        let n = names(
            "The Great Purge began. It followed the New Economic Policy of the Union of Soviet \
             Socialist Republics and the Central Committee’s orders.",
        );
        let texts: Vec<&str> = n.phrases.iter().map(|p| p.text.as_str()).collect();
        assert!(texts.contains(&"Great Purge"), "{texts:?}");
        assert!(texts.contains(&"New Economic Policy"), "{texts:?}");
        assert!(
            texts.contains(&"Union of Soviet Socialist Republics"),
            "{texts:?}"
        );
        assert!(texts.contains(&"Central Committee"), "{texts:?}");
    }

    #[test]
    fn references_are_evidence_only() {
        let t = "Skocpol wrote it (Skocpol 226).\n\nWorks Cited\n\nSkocpol, Theda. States and Social Revolutions. 1979.\n";
        let n = names(t);
        let s = n.spellings.iter().find(|s| s.text == "Skocpol").unwrap();
        assert_eq!(s.uses.len(), 2);
        assert_eq!(s.ref_uses, 1);
    }

    #[test]
    fn odd_input() {
        for t in [
            "",
            "É",
            "’s",
            "A’s B’s",
            "😀 Ωμέγα Ωμέγας",
            "X\u{301}yz Xyz",
            &"Ab".repeat(5000),
        ] {
            let _ = names(t);
        }
    }
}
