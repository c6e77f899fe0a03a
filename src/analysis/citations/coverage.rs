//! What the citation rules share: citations indexed by sentence ([`CiteIndex`], built once per
//! document by `Analyses::cite_index`), which citations cover a quotation, which quotations are
//! worth a citation at all (not titles, mentions or dialogue), and whether a source is named
//! nearby.

use crate::analysis::citations::fold_name;
use crate::doc::citation::Citation;
use crate::doc::{Document, Quotation, QuoteKind, Span, TokenKind};
use crate::lexicon;
use std::sync::OnceLock;

/// Words before a quotation that make it a mention or a title ("the phrase", "titled").
fn is_mention_cue(lower: &str) -> bool {
    lexicon::in_list!("citations/mention_cues.txt", lower)
}

/// Nouns naming the people a paper's data comes from ("participants", "respondents").
fn is_data_speaker(lower: &str) -> bool {
    lexicon::in_list!("citations/data_speakers.txt", lower)
}

/// Phrases right before a quotation that name a term ("called", "known as").
fn label_cues() -> &'static [Vec<&'static str>] {
    static S: OnceLock<Vec<Vec<&'static str>>> = OnceLock::new();
    S.get_or_init(|| {
        lexicon::lines(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/rules/citations/label_cues.txt"
        )))
        .map(|l| l.split_whitespace().collect())
        .collect()
    })
}

/// Verbs of speech ("said", "asked") that mark dialogue.
fn is_speech_verb(lower: &str) -> bool {
    lexicon::reporting::is(lower, lexicon::reporting::Use::Speech)
}

/// Citations indexed by sentence.
pub struct CiteIndex {
    by_sentence: Vec<Vec<usize>>,
    /// Every author of a citation or a works-cited entry, folded (`fold_name`): computed once,
    /// so a quotation's check is a lookup, not a scan of every citation.
    known_authors: std::collections::HashSet<String>,
}

impl CiteIndex {
    pub fn new(doc: &Document) -> Self {
        let mut by_sentence = vec![Vec::new(); doc.sentences.len()];
        for (i, c) in doc.citations.iter().enumerate() {
            if let Some(s) = c.sentence {
                if let Some(v) = by_sentence.get_mut(s) {
                    v.push(i);
                }
            }
        }
        let known_authors = doc
            .citations
            .iter()
            .flat_map(|c| c.sources.iter().flat_map(|s| s.authors.iter()))
            .chain(doc.references.iter().flat_map(|r| r.authors.iter()))
            .map(|a| fold_name(a))
            .collect();
        CiteIndex {
            by_sentence,
            known_authors,
        }
    }

    pub fn in_sentence(&self, s: usize) -> &[usize] {
        self.by_sentence.get(s).map_or(&[], |v| v.as_slice())
    }
}

/// The citations that cover a quotation: in its sentences, in the next sentence, inside it (an
/// unclosed quotation), or a narrative citation in the sentence that introduces it.
pub fn covering(doc: &Document, idx: &CiteIndex, span: Span, closed: bool) -> Vec<usize> {
    let mut out = Vec::new();
    let Some(s0) = doc.sentence_at(span.start) else {
        return out;
    };
    let s1 = doc
        .sentence_at(span.end.saturating_sub(1))
        .unwrap_or(s0)
        .max(s0);
    for s in s0..=s1 {
        out.extend_from_slice(idx.in_sentence(s));
    }
    let next = s1 + 1;
    if next < doc.sentences.len() {
        let same_para = doc.sentences[next].paragraph == doc.sentences[s1].paragraph;
        // A block quotation followed by its citation on a line of its own.
        let starts_with_cite = idx
            .in_sentence(next)
            .iter()
            .any(|&c| doc.citations[c].span.start <= doc.sentences[next].span.start);
        // A quotation left open at a paragraph's end may close in the next one.
        if same_para || starts_with_cite || !closed {
            out.extend_from_slice(idx.in_sentence(next));
        }
    }
    if s0 > 0
        && (doc.sentences[s0 - 1].paragraph == doc.sentences[s0].paragraph
            || introduced_by_colon(doc, s0))
    {
        let prev = &doc.sentences[s0 - 1];
        let ends_colon = prev.tokens.end > prev.tokens.start && doc.tok(prev.tokens.end - 1) == ":";
        for &c in idx.in_sentence(s0 - 1) {
            if ends_colon
                || doc.citations[c].style == crate::analysis::citations::CiteStyle::Narrative
            {
                out.push(c);
            }
        }
    }
    for i in cites_starting_in(doc, span) {
        if span.contains(doc.citations[i].span) {
            out.push(i);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Sentence `s` opens a paragraph right after one that ends with a colon ("… the statements:").
fn introduced_by_colon(doc: &Document, s: usize) -> bool {
    s > 0 && doc.sentences[s - 1].paragraph + 1 == doc.sentences[s].paragraph && {
        let prev = &doc.sentences[s - 1];
        prev.tokens.end > prev.tokens.start && doc.tok(prev.tokens.end - 1) == ":"
    }
}

/// Indices of the citations that start inside a span (citations are sorted by position).
pub fn cites_starting_in(doc: &Document, span: Span) -> std::ops::Range<usize> {
    let a = doc.citations.partition_point(|c| c.span.start < span.start);
    let b = doc.citations.partition_point(|c| c.span.start < span.end);
    a..b.max(a)
}

/// True if the span lies inside a citation ("(Engels, “On Social Relations in Russia” 672)").
pub fn inside_citation(doc: &Document, span: Span) -> bool {
    let i = doc.citations.partition_point(|c| c.span.end <= span.start);
    doc.citations[i.saturating_sub(1)..]
        .iter()
        .take(3)
        .any(|c| c.span.contains(span))
}

/// Number of words in a quotation.
pub fn quote_words(doc: &Document, q: &Quotation) -> usize {
    q.tokens
        .clone()
        .filter(|&i| doc.tokens[i].is_wordlike())
        .count()
}

/// A quotation in title case: “Stalinism and Forced Collectivization”, “The Love Song of …”.
fn is_title_like(doc: &Document, q: &Quotation) -> bool {
    let mut content = 0;
    let mut caps = 0;
    let mut last = "";
    for i in q.tokens.clone() {
        let t = &doc.tokens[i];
        if t.kind == TokenKind::Punct {
            last = doc.tok(i);
            continue;
        }
        last = "";
        if t.kind != TokenKind::Word {
            continue;
        }
        let w = doc.tok(i);
        if lexicon::is_function_word(doc.lower(i)) && i != q.tokens.start {
            continue;
        }
        content += 1;
        if crate::doc::is_capitalized(w) {
            caps += 1;
        }
    }
    // A full stop or comma before the closing mark is American punctuation, not a sentence.
    let ends_sentence = matches!(last, "!" | "?" | ";");
    let inner_stop = q
        .tokens
        .clone()
        .rev()
        .skip(1)
        .any(|i| matches!(doc.tok(i), "." | "!" | "?"));
    content >= 2 && caps * 4 >= content * 3 && !ends_sentence && !inner_stop
}

/// Why a quotation is not a candidate for needing a citation, if it is not.
pub fn is_candidate_quote(doc: &Document, q: &Quotation, min_words: usize) -> bool {
    if q.depth != 0 {
        return false;
    }
    if !doc.paragraphs[q.paragraph].kind.is_prose() {
        return false;
    }
    if q.kind == QuoteKind::Single {
        // Straight single quotes are too often apostrophes; unclosed single quotes always are.
        let open = doc.slice(Span::new(q.span.start, q.inner.start));
        if !q.closed || open == "'" {
            return false;
        }
    }
    if quote_words(doc, q) < min_words {
        return false;
    }
    if inside_citation(doc, q.span) || is_title_like(doc, q) {
        return false;
    }
    // A mention: "the phrase “…”", "a song titled “…”", "such as “…”".
    let open_tok = q.tokens.start.saturating_sub(1);
    let pstart = doc.paragraphs[q.paragraph].tokens.start;
    let mut k = open_tok;
    let mut seen = 0;
    while k > pstart && seen < 3 {
        k -= 1;
        if doc.tokens[k].kind == TokenKind::Punct {
            if matches!(doc.tok(k), "," | ":") {
                continue;
            }
            break;
        }
        seen += 1;
        let l = doc.lower(k);
        // "As studied in “Ecdysteroids regulate …”": right after "in", a title.
        if is_mention_cue(l) || (seen == 1 && l == "in") {
            return false;
        }
    }
    // A quotation opening its paragraph after "… the statements:" is introduced there.
    if open_tok == pstart && q.paragraph > 0 {
        let prev = &doc.paragraphs[q.paragraph - 1];
        let end = prev.tokens.end;
        if end > prev.tokens.start && doc.tok(end - 1) == ":" {
            let from = end.saturating_sub(4).max(prev.tokens.start);
            if (from..end).any(|i| is_mention_cue(doc.lower(i))) {
                return false;
            }
        }
    }
    // An attributed epigraph: “…” —Shakespeare.
    let mut j = q.tokens.end + usize::from(q.closed);
    let pend = doc.paragraphs[q.paragraph].tokens.end;
    while j < pend && matches!(doc.tok(j), "." | "," | "!" | "?") {
        j += 1;
    }
    if j < pend && matches!(doc.tok(j), "—" | "–" | "-" | "--" | "―") {
        return false;
    }
    if j >= pend && q.paragraph + 1 < doc.paragraphs.len() {
        let np = &doc.paragraphs[q.paragraph + 1];
        if matches!(doc.tok(np.tokens.start), "—" | "–" | "--" | "―") {
            return false;
        }
    }
    true
}

/// The quotation reads as a clause: a subject pronoun, an auxiliary or modal, a verb that can
/// only be finite ("argues", "was"), or "to" before a verb.
fn is_clause_like(doc: &Document, q: &Quotation) -> bool {
    use lexicon::pos::{self, AUX, PRON_SUBJ, VERB, VERB_3SG, VERB_PAST};
    let words: Vec<usize> = q
        .tokens
        .clone()
        .filter(|&i| doc.tokens[i].is_wordlike())
        .collect();
    words.iter().enumerate().any(|(n, &i)| {
        let l = doc.lower(i);
        let t = pos::tags(l);
        if t & (AUX | PRON_SUBJ) != 0 {
            return true;
        }
        if l == "to" {
            return words
                .get(n + 1)
                .is_some_and(|&j| pos::tags(doc.lower(j)) & VERB != 0);
        }
        // A finite reading only: "suggests", "fell"; not "results" or "perceived outcomes".
        let finite = t & (VERB_3SG | VERB_PAST) != 0 && !pos::is_nounish(l);
        finite && !(n == 0 && pos::is_participle(l))
    })
}

/// A label: a quoted noun phrase the paper names or uses as a category — the “high stress
/// low support” group, a “buffer effect of peer support” — rather than words taken from a
/// source. Either a determiner before it and a noun after it (the quotation modifies a noun),
/// or a short phrase (up to six words) that is no clause.
fn is_label(doc: &Document, q: &Quotation) -> bool {
    if is_clause_like(doc, q) {
        return false;
    }
    let words = quote_words(doc, q);
    if words <= 6 {
        return true;
    }
    let p = &doc.paragraphs[q.paragraph];
    let open = q.tokens.start.saturating_sub(1);
    let det_before = open > p.tokens.start
        && lexicon::pos::is(doc.lower(open - 1), lexicon::pos::DET | lexicon::pos::POSS);
    let after = q.tokens.end + usize::from(q.closed);
    let noun_after = after < p.tokens.end
        && doc.tokens[after].is_word()
        && lexicon::pos::is_noun_only(doc.lower(after));
    det_before && noun_after && words <= 10
}

/// A term being named: “…” right after "called", "known as", "the so-called".
fn named_term(doc: &Document, q: &Quotation) -> bool {
    let p = &doc.paragraphs[q.paragraph];
    let mut before: Vec<&str> = Vec::new();
    let mut k = q.tokens.start.saturating_sub(1);
    while k > p.tokens.start && before.len() < 3 {
        k -= 1;
        if doc.tokens[k].kind == TokenKind::Punct {
            if doc.tok(k) == "," && before.is_empty() {
                continue;
            }
            break;
        }
        before.push(doc.lower(k));
    }
    before.reverse();
    label_cues()
        .iter()
        .any(|cue| before.len() >= cue.len() && before[before.len() - cue.len()..] == cue[..])
}

/// A quotation of the paper's own data: its sentence names, before it, a participant,
/// respondent or questionnaire ("One respondent wrote “…”").
fn reports_own_data(doc: &Document, q: &Quotation) -> bool {
    let Some(s) = doc.sentence_at(q.span.start) else {
        return false;
    };
    let from = doc.sentences[s].tokens.start;
    (from..q.tokens.start.saturating_sub(1)).any(|i| is_data_speaker(doc.lower(i)))
}

/// Quotation marks that do not quote a source, whatever cites them: a label or category the
/// paper names, a term being named, an answer or item of the paper's own data.
pub(crate) fn is_not_source_quote(doc: &Document, q: &Quotation) -> bool {
    is_label(doc, q) || named_term(doc, q) || reports_own_data(doc, q)
}

/// Dialogue in a narrative: a speech verb next to the quotation, and "I", "you" or "we" in it.
pub fn is_dialogue(doc: &Document, q: &Quotation) -> bool {
    let personal = q.tokens.clone().any(|i| {
        matches!(
            doc.lower(i),
            "i" | "you" | "we" | "me" | "my" | "your" | "us" | "our" | "i'm" | "you're" | "we're"
        )
    });
    if !personal {
        return false;
    }
    let p = &doc.paragraphs[q.paragraph];
    let before = (q.tokens.start.saturating_sub(5).max(p.tokens.start)..q.tokens.start)
        .any(|i| is_speech_verb(doc.lower(i)));
    let end = q.tokens.end + usize::from(q.closed);
    let after = (end..(end + 4).min(p.tokens.end)).any(|i| is_speech_verb(doc.lower(i)));
    before || after
}

/// A signal phrase before the quotation (in its sentence or the one before) names an author who
/// is cited within a few sentences: "As Skocpol notes, “…”" with (Skocpol 230) close by.
/// The tokens where a signal phrase for a quotation at `span` may stand: from the start of the
/// previous sentence of the paragraph (or the one introducing it with a colon) up to the quotation.
fn signal_window(doc: &Document, span: Span) -> Option<(usize, usize, usize)> {
    let s0 = doc.sentence_at(span.start)?;
    let para = doc.sentences[s0].paragraph;
    let upto = doc.token_at(span.start).min(doc.tokens.len());
    let from = if s0 > 0
        && (doc.sentences[s0 - 1].paragraph == para || introduced_by_colon(doc, s0))
        && !own_unnamed_signal(doc, doc.sentences[s0].tokens.start, upto)
    {
        doc.sentences[s0 - 1].tokens.start
    } else {
        doc.sentences[s0].tokens.start
    };
    Some((s0, from, upto))
}

/// The quotation's own sentence gives it a speaker that is no name: a reporting verb before
/// it with no capitalised word but the sentence's first ("Critics have long insisted that
/// “…”", "As one observer put it, “…”", "It has been argued that “…”"). A name in the sentence
/// before is then not its signal phrase.
fn own_unnamed_signal(doc: &Document, from: usize, upto: usize) -> bool {
    let words: Vec<usize> = (from..upto).filter(|&k| doc.tokens[k].is_word()).collect();
    let signal = words
        .iter()
        .any(|&k| crate::analysis::citations::lists::is_signal_verb(doc.lower(k)));
    let named = words
        .iter()
        .skip(1)
        .any(|&k| crate::doc::is_capitalized(doc.tok(k)) && doc.lower(k) != "i");
    signal && !named
}

pub fn named_source_cited_nearby(doc: &Document, idx: &CiteIndex, span: Span) -> bool {
    let Some((s0, from, upto)) = signal_window(doc, span) else {
        return false;
    };
    let mut names: Vec<String> = Vec::new();
    let own = doc.sentences[s0].tokens.start;
    for k in from..upto.min(doc.tokens.len()) {
        let w = doc.tok(k);
        // In the sentence before, only a name in running text is a signal phrase ("Sullivan
        // and his colleagues asked …"); a citation closing that sentence covers that sentence.
        if k < own && inside_citation(doc, doc.tokens[k].span) {
            continue;
        }
        if doc.tokens[k].is_word() && crate::doc::is_capitalized(w) {
            let base = w
                .strip_suffix("’s")
                .or_else(|| w.strip_suffix("'s"))
                .unwrap_or(w);
            names.push(fold_name(base));
        }
        // "Section 401 a(4) states, “…”", "Article 5 reads": a locator in the signal phrase
        // cites the text in place.
        if doc.tokens[k].is_word()
            && matches!(
                doc.lower(k),
                "section"
                    | "sec"
                    | "article"
                    | "art"
                    | "clause"
                    | "amendment"
                    | "chapter"
                    | "verse"
                    | "§"
            )
            && doc
                .tokens
                .get(k + 1)
                .is_some_and(|t| t.kind == TokenKind::Number)
        {
            return true;
        }
    }
    if names.is_empty() {
        return false;
    }
    named_in_window(doc, idx, s0, doc.sentences[s0].paragraph, &names)
}

/// A signal phrase before the quotation names an author the essay cites somewhere or lists:
/// the source is known, if not cited in place.
pub fn names_known_author(doc: &Document, idx: &CiteIndex, span: Span) -> bool {
    signal_names(doc, span)
        .iter()
        .any(|n| idx.known_authors.contains(n))
}

/// After the quotation, in the rest of its sentence or the next sentence of its paragraph, a
/// name of an author the essay cites or lists: "“…,” Ong writes", "“…” As Ong's article
/// describes, …". The source is named by a signal phrase that follows the quotation.
pub(crate) fn named_after(doc: &Document, span: Span) -> bool {
    let Some(s0) = doc.sentence_at(span.end.saturating_sub(1)) else {
        return false;
    };
    let para = doc.sentences[s0].paragraph;
    let mut end = doc.sentences[s0].tokens.end;
    let from = doc.token_at(span.end);
    let mut next_start = None;
    if let Some(next) = doc.sentences.get(s0 + 1) {
        // An attribution line of its own: "Sniderman and Piazza, p70."
        let own_para = next.paragraph == para + 1 && {
            let np = &doc.paragraphs[next.paragraph];
            np.kind != crate::doc::ParagraphKind::Heading
                && np.sentences.len() == 1
                && np
                    .tokens
                    .clone()
                    .filter(|&i| doc.tokens[i].is_wordlike())
                    .count()
                    <= 8
        };
        if next.paragraph == para || own_para {
            end = next.tokens.end;
            if own_para {
                next_start = Some(next.tokens.start);
            }
        }
    }
    let names: Vec<String> = (from..end.min(doc.tokens.len()))
        .filter(|&k| doc.tokens[k].is_word() && crate::doc::is_capitalized(doc.tok(k)))
        .filter(|&k| !inside_citation(doc, doc.tokens[k].span))
        .filter(|&k| {
            // A signal phrase: "Ong's article", "Ong writes", "as Ong describes".
            let w = doc.tok(k);
            let possessive = w.ends_with("’s") || w.ends_with("'s");
            let verb_after = (k + 1..(k + 4).min(end))
                .any(|j| crate::analysis::citations::lists::is_signal_verb(doc.lower(j)));
            let cue_before =
                (k.saturating_sub(2)..k).any(|j| matches!(doc.lower(j), "as" | "according"));
            // On an attribution line of its own, only the name that opens it.
            if next_start.is_some_and(|n| k >= n) {
                return next_start == Some(k);
            }
            possessive || verb_after || cue_before
        })
        .map(|k| {
            let w = doc.tok(k);
            fold_name(
                w.strip_suffix("’s")
                    .or_else(|| w.strip_suffix("'s"))
                    .unwrap_or(w),
            )
        })
        .collect();
    !names.is_empty() && known_author(doc, &names)
}

/// One of the names is an author the essay cites (with certainty) or lists.
fn known_author(doc: &Document, names: &[String]) -> bool {
    doc.citations.iter().filter(|c| c.certain).any(|c| {
        c.sources
            .iter()
            .any(|s| s.authors.iter().any(|a| names.contains(&fold_name(a))))
    }) || doc
        .references
        .iter()
        .any(|r| r.authors.iter().any(|a| names.contains(&fold_name(a))))
}

/// Capitalised words in the quotation's sentence before it, and in the sentence before.
fn signal_names(doc: &Document, span: Span) -> Vec<String> {
    let Some((s0, from, upto)) = signal_window(doc, span) else {
        return Vec::new();
    };
    let own = doc.sentences[s0].tokens.start;
    (from..upto)
        .filter(|&k| doc.tokens[k].is_word() && crate::doc::is_capitalized(doc.tok(k)))
        .filter(|&k| k >= own || !inside_citation(doc, doc.tokens[k].span))
        .map(|k| {
            let w = doc.tok(k);
            fold_name(
                w.strip_suffix("’s")
                    .or_else(|| w.strip_suffix("'s"))
                    .unwrap_or(w),
            )
        })
        .collect()
}

fn named_in_window(
    doc: &Document,
    idx: &CiteIndex,
    s0: usize,
    para: usize,
    names: &[String],
) -> bool {
    let lo = s0.saturating_sub(3);
    let hi = (s0 + 3).min(doc.sentences.len().saturating_sub(1));
    (lo..=hi)
        .filter(|&s| doc.sentences[s].paragraph.abs_diff(para) <= 1)
        .flat_map(|s| idx.in_sentence(s).iter())
        .any(|&ci| {
            let c: &Citation = &doc.citations[ci];
            c.sources
                .iter()
                .any(|src| src.authors.iter().any(|a| names.contains(&fold_name(a))))
        })
}

/// The first `max` bytes of a span, cut at a word boundary: long quotations are shown by their
/// opening.
pub fn head(doc: &Document, span: Span, max: usize) -> Span {
    if span.len() <= max {
        return span;
    }
    let i = doc.token_at(span.start);
    let mut end = span.start;
    let mut k = i;
    while k < doc.tokens.len() && doc.tokens[k].span.end <= span.start + max {
        end = doc.tokens[k].span.end;
        k += 1;
    }
    if end <= span.start {
        span
    } else {
        Span::new(span.start, end)
    }
}
