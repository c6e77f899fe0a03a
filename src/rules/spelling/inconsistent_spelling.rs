crate::rule::declare_rule! {
    /// # inconsistent-spelling
    ///
    /// **What it does.** Finds one word written two ways in the same essay and points at the less
    /// frequent form, naming the essay's usual one:
    ///
    /// - hyphenated and closed: "e-mail" and "email", "co-operate" and "cooperate";
    /// - two spellings of one word that the same standard accepts: "archaeology" and "archeology",
    ///   "judgement" and "judgment" (spellings from different national standards are
    ///   `dialect-mix`'s);
    /// - a common word capitalised in some places and not in others, in mid-sentence: "the
    ///   Internet" and "the internet", "Communism" and "communism" when not part of a name.
    ///
    /// **Why it matters.** Either form may be right, but switching between them looks careless,
    /// and style guides ask for one.
    ///
    /// **Example.**
    ///
    /// ```text
    /// Send the form by e-mail. … Most students answer by email.
    ///                                                    ^^^^^ `email` is also written `e-mail` in
    ///                                                          this essay (1 time)
    /// ```
    ///
    /// Not reported: pairs that differ in meaning (recover and re-cover, resign and re-sign);
    /// capitals at the start of a sentence, after a colon, in quotations, headings and the works
    /// cited, or in a run of capitalised words (a name or title: "the Communist Party"), or before
    /// a number or label ("Table 2" and "the table"); words that are other words when capitalised
    /// (March and march, China and china); short paragraphs such as titles and list items. Open forms of hyphenated
    /// compounds ("so called") are reported by `hyphenation`.
    ///
    /// Severity: advice.
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** No automatic fix: which of the two spellings is meant is the writer's call; the
    /// majority spelling is suggested.
    pub struct InconsistentSpelling {
        name: "inconsistent-spelling",
        category: Spelling,
        severity: Advice,
        summary: "one word written two ways in the same essay (e-mail and email)",
        fix: None,
    }
}
use crate::analysis::scan;
use crate::diagnostic::Diagnostic;
use crate::doc::{Document, TokenKind};
use crate::lexicon::spell::{self, variants, Shape};
use crate::lexicon::spell::{FastMap, FastSet};
use crate::lexicon::{self};
use crate::rule::{Context, Rule};
use crate::Span;
use std::sync::OnceLock;

/// Hyphenated forms whose closed form is another word (re-cover, recover).
fn distinct_pair(hyphenated: &str) -> bool {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        lexicon::lines(crate::lexicon::data_file!(
            "rules/spelling/hyphen_distinct.txt"
        ))
        .collect()
    })
    .contains(hyphenated)
}

/// Words whose capital letter changes the meaning (March, the State, Nature).
fn capital_homograph(lower: &str) -> bool {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        lexicon::lines(lexicon::data_file!("rules/spelling/capital_homographs.txt")).collect()
    })
    .contains(lower.trim_end_matches("'s"))
}

/// Occurrences of each form of one word.
struct Forms<'d> {
    /// form (as shown) -> token spans, in text order
    by_form: Vec<(String, Vec<Span>)>,
    /// A stable order for output: the first span of the key.
    _key: &'d str,
}

impl<'d> Forms<'d> {
    fn new(key: &'d str) -> Self {
        Forms {
            by_form: Vec::new(),
            _key: key,
        }
    }
    fn add(&mut self, form: &str, span: Span) {
        match self.by_form.iter_mut().find(|f| f.0 == form) {
            Some(f) => f.1.push(span),
            None => self.by_form.push((form.to_string(), vec![span])),
        }
    }
}

impl Rule for InconsistentSpelling {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let sc = cx.scan();
        let mut groups: Vec<(String, Forms)> = Vec::new();
        hyphen_groups(doc, sc, &mut groups);
        variant_groups(cx, doc, sc, &mut groups);
        capital_groups(doc, sc, &mut groups);
        for (what, g) in groups {
            report(cx, &what, g, out);
        }
    }
}

/// Reports every form but the most frequent (the first written, on a tie).
fn report(cx: &Context<'_>, what: &str, g: Forms, out: &mut Vec<Diagnostic>) {
    if g.by_form.len() < 2 {
        return;
    }
    let mut forms = g.by_form;
    // Majority first; on a tie, the form written first.
    forms.sort_by(|a, b| {
        b.1.len()
            .cmp(&a.1.len())
            .then(a.1[0].start.cmp(&b.1[0].start))
    });
    let (major, major_spans) = (&forms[0].0, &forms[0].1);
    for (form, spans) in &forms[1..] {
        if cx.config.accepts(form) {
            continue;
        }
        for &span in spans {
            let n = major_spans.len();
            let times = if n == 1 { "time" } else { "times" };
            let d = cx
                .diag(
                    span,
                    format!(
                        "`{}` is also written `{major}` in this essay ({n} {times}){what}",
                        cx.doc.slice(span)
                    ),
                )
                .suggest(major.clone())
                .related(major_spans[0], format!("written `{major}` here"));
            out.push(d);
        }
    }
}

/// e-mail / email: a hyphenated compound whose closed form is also used.
fn hyphen_groups<'d>(doc: &'d Document, sc: &scan::Scan, groups: &mut Vec<(String, Forms<'d>)>) {
    let n = doc.tokens.len();
    let mut hyph: FastMap<String, Vec<(Span, String)>> = FastMap::default();
    for i in 0..n {
        if !sc.prose_word(doc, i) || sc.is(i, scan::QUOTED) {
            continue;
        }
        let (left, right) = scan::hyphen_neighbours(doc, i);
        if left || !right || !doc.tokens[i + 2].is_word() {
            continue;
        }
        // Only two-part compounds: a third part would make "a-b" a fragment.
        if scan::hyphen_neighbours(doc, i + 2).1 {
            continue;
        }
        let closed = format!("{}{}", doc.lower(i), doc.lower(i + 2));
        let span = doc.tokens[i].span.to(doc.tokens[i + 2].span);
        let shown = doc.slice(span).to_string();
        if distinct_pair(&shown.to_lowercase()) {
            continue;
        }
        hyph.entry(closed).or_default().push((span, shown));
    }
    if hyph.is_empty() {
        return;
    }
    let mut closed_spans: FastMap<&str, Vec<Span>> = FastMap::default();
    for i in 0..n {
        if sc.prose_word(doc, i) && !sc.is(i, scan::QUOTED) && hyph.contains_key(doc.lower(i)) {
            let (l, r) = scan::hyphen_neighbours(doc, i);
            if !l && !r {
                closed_spans
                    .entry(doc.lower(i))
                    .or_default()
                    .push(doc.tokens[i].span);
            }
        }
    }
    let mut keys: Vec<_> = closed_spans.keys().copied().collect();
    keys.sort_by_key(|k| closed_spans[k][0].start);
    for key in keys {
        let mut f = Forms::new(key);
        for (span, shown) in &hyph[key] {
            f.add(&shown.to_lowercase(), *span);
        }
        for &span in &closed_spans[key] {
            f.add(key, span);
        }
        groups.push((String::new(), f));
    }
}

/// archaeology / archeology: two spellings of one sense that dialect-mix does not report.
fn variant_groups<'d>(
    cx: &Context<'d>,
    doc: &'d Document,
    _sc: &scan::Scan,
    groups: &mut Vec<(String, Forms<'d>)>,
) {
    let a = cx.dialect();
    let mut done: FastSet<&str> = FastSet::default();
    let mut order: Vec<&str> = Vec::new();
    for &(_, key, _) in &a.occurrences {
        if !order.contains(&key) {
            order.push(key);
        }
    }
    for key in order {
        if done.contains(key) {
            continue;
        }
        let info = variants::lookup(key).expect("in the table");
        // Other spellings of the same sense used in the essay.
        let others: Vec<&str> = info
            .alternatives
            .iter()
            .map(|alt| alt.0)
            .filter(|alt| a.counts.contains_key(alt))
            .filter(|alt| {
                let oi = variants::lookup(alt).expect("in the table");
                info.pure_variant_of(oi, alt) && !a.flags(oi) && !a.flags(info)
            })
            .collect();
        if others.is_empty() {
            continue;
        }
        let mut f = Forms::new(key);
        done.insert(key);
        for &(i, k, _) in &a.occurrences {
            if k == key || others.contains(&k) {
                f.add(k, doc.tokens[i].span);
            }
        }
        for o in &others {
            if let Some(k) = a.counts.keys().find(|k| *k == o) {
                done.insert(k);
            }
        }
        groups.push((String::new(), f));
    }
}

/// True if token `i` is a capitalised word inside a run of capitalised words (a name or a
/// title: "Imagination as Value", "The Signification of the Phallus"), looking through up to
/// two short joining words.
fn in_capitalised_run(doc: &Document, i: usize) -> bool {
    let n = doc.tokens.len();
    let cap = |k: usize| {
        doc.tokens[k].kind == TokenKind::Word
            && matches!(
                spell::shape(doc.tok(k)),
                Shape::Title | Shape::Upper | Shape::Mixed
            )
    };
    let joiner = |k: usize| {
        matches!(
            doc.lower(k),
            "of" | "and"
                | "the"
                | "for"
                | "de"
                | "on"
                | "in"
                | "as"
                | "to"
                | "a"
                | "an"
                | "with"
                | "from"
                | "at"
                | "by"
                | "&"
                | "-"
                | "'s"
        )
    };
    for dir in [-1isize, 1] {
        let mut k = i as isize;
        for _ in 0..3 {
            k += dir;
            if k < 0 || k as usize >= n {
                break;
            }
            let ku = k as usize;
            if cap(ku) || doc.tokens[ku].kind == TokenKind::Number {
                return true;
            }
            if !joiner(ku) {
                break;
            }
        }
    }
    false
}

/// Internet / internet: a common word capitalised in mid-sentence in some places only.
#[allow(clippy::needless_range_loop)] // token indices index several parallel tables
fn capital_groups<'d>(doc: &'d Document, sc: &scan::Scan, groups: &mut Vec<(String, Forms<'d>)>) {
    let n = doc.tokens.len();
    // Short paragraphs (titles, captions, list items) capitalise freely.
    let mut short = vec![false; n];
    for p in &doc.paragraphs {
        let words = p
            .tokens
            .clone()
            .filter(|&k| doc.tokens[k].is_word())
            .count();
        if words <= 12 || p.kind == crate::doc::ParagraphKind::ListItem {
            for k in p.tokens.clone() {
                short[k] = true;
            }
        }
    }
    let eligible =
        |i: usize| sc.prose_word(doc, i) && !sc.is(i, scan::QUOTED | scan::INITIAL) && !short[i];
    // Capitalised words in mid-sentence, outside names and titles (cheap tests first).
    let mut title: FastMap<&str, Vec<usize>> = FastMap::default();
    for i in 0..n {
        if !eligible(i) || doc.tok(i).len() < 3 || spell::shape(doc.tok(i)) != Shape::Title {
            continue;
        }
        // After a bracket, quote, dash, slash or bullet a capital may open a phrase of its own.
        let prev_punct =
            i > 0 && doc.tokens[i - 1].kind != TokenKind::Word && doc.tok(i - 1) != ",";
        if !prev_punct && !in_capitalised_run(doc, i) {
            title.entry(doc.lower(i)).or_default().push(i);
        }
    }
    if title.is_empty() {
        return;
    }
    // Lowercase occurrences of those words only.
    let mut lower: FastMap<&str, Vec<Span>> = FastMap::default();
    for i in 0..n {
        if eligible(i) && spell::shape(doc.tok(i)) == Shape::Lower {
            let key = doc.lower(i);
            if title.contains_key(key) {
                lower.entry(key).or_default().push(doc.tokens[i].span);
            }
        }
    }
    // Before a number or a label a capital names a part (Table 2, Group A); before an unknown
    // lowercase word it is a genus (Betta splendens).
    let labelled = |i: usize| {
        let k = i + 1;
        k < n && {
            let t = doc.tok(k);
            doc.tokens[k].kind == TokenKind::Number
                || t.chars().count() == 1
                || spell::is_roman_numeral(t) && spell::shape(t) == Shape::Upper
                || doc.tokens[k].is_word() && spell::shape(t) == Shape::Lower && !spell::check(t)
        }
    };
    let mut keys: Vec<(&str, Vec<Span>)> = Vec::new();
    for (key, idx) in &title {
        let Some(low) = lower.get(key) else { continue };
        if lexicon::is_function_word(key) || capital_homograph(key) || !spell::check(key) {
            continue;
        }
        let caps: Vec<Span> = idx
            .iter()
            .filter(|&&i| !labelled(i))
            .map(|&i| doc.tokens[i].span)
            .collect();
        // A slip against a habit: one form used at least three times, the other once or twice.
        let (a, b) = (caps.len(), low.len());
        if a == 0 || a.max(b) < 3 || a.min(b) > 2 {
            continue;
        }
        keys.push((key, caps));
    }
    keys.sort_by_key(|k| k.1[0].start);
    for (key, caps) in keys {
        let mut f = Forms::new(key);
        let cap = spell::match_case("A", key);
        for s in caps {
            f.add(&cap, s);
        }
        for &s in &lower[key] {
            f.add(key, s);
        }
        groups.push((" (capitalisation)".to_string(), f));
    }
}
