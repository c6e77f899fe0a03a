//! The names of an essay: which capitalised words are names, which spellings are one name, and
//! the name table that `essaylint names FILE` prints.
//!
//! - [`extract`]: names and multi-word names with their uses; possessives folded.
//! - [`similar`]: when two spellings are one name (folds, transliteration, edit distance,
//!   [`metaphone`]), and when they are related forms instead (Stalin / Stalinism).
//! - [`group`]: bucketed comparison of distinct spellings and the decision which one is the slip.
//!
//! The library never prints: [`render_table`] returns the table as a string.

pub mod extract;
pub mod group;
pub mod metaphone;
pub mod similar;

use crate::config::Config;
use crate::doc::Document;
use std::collections::HashMap;
use std::fmt::Write as _;

pub use extract::{Names, Phrase, Spelling};
pub use group::{Finding, FindingKind, Right};

/// The names of a document and the variant spellings found among them.
#[derive(Debug)]
pub struct Analysis {
    pub names: Names,
    pub findings: Vec<Finding>,
}

/// Extracts the names of `doc` and finds the spellings that are variants of another.
pub fn analyze(doc: &Document, config: &Config) -> Analysis {
    let names = Names::extract(doc);
    let mut findings = group::find(&names, config);
    // Old or foreign spellings quoted without quotation marks ("voowyng sum of vs pylgrymages
    // to our lady of Walsyngham") are the source's, not slips.
    let mut cache: HashMap<String, bool> = HashMap::new();
    let mut old_text: Option<bool> = None;
    findings.retain(|f| {
        let w = &names.spellings[f.wrong as usize];
        // A period spelling of a name ("Latyn" beside "Latin", "Iewes" beside "Jewes") in an
        // essay that quotes old texts without quotation marks: the source's, not a slip.
        if let Right::Spelling(r) = &f.right {
            if period_variant(&w.text, &names.spellings[*r as usize].text)
                && *old_text.get_or_insert_with(|| quotes_old_text(doc))
            {
                return false;
            }
        }
        let mut own = w.own_uses().peekable();
        if own.peek().is_none() {
            return false;
        }
        if own.all(|u| foreign_context(doc, u.span, &mut cache) || in_verse(doc, u.span)) {
            return false;
        }
        // Nor is a variant of a spelling only ever used in such passages (Iewes / Jewes).
        match &f.right {
            Right::Spelling(r) => {
                let r = &names.spellings[*r as usize];
                r.uses.is_empty()
                    || !r
                        .uses
                        .iter()
                        .all(|u| foreign_context(doc, u.span, &mut cache))
            }
            Right::Declared(_) => true,
        }
    });
    group::resolve_chains(&mut findings);
    Analysis { names, findings }
}

/// True if `wrong` differs from `right` only by the letters early modern and Middle English
/// spelling exchanged: y for i, u for v, i for j and back ("Latyn" / "Latin", "Iewes" /
/// "Jewes"), letter for letter, case aside.
pub fn period_variant(wrong: &str, right: &str) -> bool {
    let (w, r): (Vec<char>, Vec<char>) = (
        wrong.to_lowercase().chars().collect(),
        right.to_lowercase().chars().collect(),
    );
    w.len() == r.len()
        && w != r
        && w.iter().zip(&r).all(|(&a, &b)| {
            a == b
                || matches!(
                    (a, b),
                    ('y', 'i') | ('i', 'y') | ('u', 'v') | ('v', 'u') | ('i', 'j') | ('j', 'i')
                )
        })
}

/// True if the essay quotes old texts: at least three distinct lowercase words unknown to the
/// dictionary are early modern spellings of words it knows (pylgrymes, kepyng, vnto).
pub fn quotes_old_text(doc: &Document) -> bool {
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for i in 0..doc.tokens.len() {
        if !doc.tokens[i].is_word() {
            continue;
        }
        let t = doc.tok(i);
        if !t.starts_with(char::is_lowercase) || t.len() < 4 {
            continue;
        }
        let l = doc.lower(i);
        if seen.contains(l) {
            continue;
        }
        if !crate::lexicon::is_dictionary_word(l)
            && crate::lexicon::spell::is_early_modern_spelling(l)
        {
            seen.insert(l);
            if seen.len() >= 3 {
                return true;
            }
        }
    }
    false
}

/// True if `span` is in verse quoted run in with slashes for its line breaks ("Ther was also a
/// Reve, and a Millere,/ A Sumnour…"): the spelling is the poem's. A line break is a slash
/// followed by a space and a capital, within 120 bytes of the name in its sentence; "and/or"
/// has no space and does not count.
pub fn in_verse(doc: &Document, span: crate::doc::Span) -> bool {
    const NEAR: usize = 120;
    let Some(si) = doc.sentence_at(span.start) else {
        return false;
    };
    let s = doc.sentences[si].span;
    let (lo, hi) = (
        span.start.saturating_sub(NEAR).max(s.start),
        (span.end + NEAR).min(s.end),
    );
    let Some(text) = doc
        .text
        .get(lo..hi)
        .or_else(|| doc.text.get(s.start..s.end))
    else {
        return false;
    };
    text.match_indices('/').any(|(i, _)| {
        let rest = &text[i + 1..];
        let trimmed = rest.trim_start_matches('/').trim_start();
        rest.len() > trimmed.len()
            && rest.starts_with([' ', '/'])
            && trimmed.starts_with(char::is_uppercase)
    })
}

/// True if the words around `span` look like another language or an old spelling: of the ten
/// lowercase words (three letters or more) on either side within the sentence, at least two
/// are unknown to the dictionary, and they make a fifth of those words or more.
pub fn foreign_context(
    doc: &Document,
    span: crate::doc::Span,
    cache: &mut HashMap<String, bool>,
) -> bool {
    const EACH_SIDE: usize = 10;
    let Some(si) = doc.sentence_at(span.start) else {
        return false;
    };
    let range = doc.sentences[si].tokens.clone();
    let at = doc.token_at(span.start).clamp(range.start, range.end);
    let mut check = |k: usize| -> Option<bool> {
        if !doc.tokens[k].is_word() {
            return None;
        }
        let w = doc.tok(k);
        if !w.chars().next().is_some_and(char::is_lowercase) || w.chars().count() < 3 {
            return None;
        }
        let l = doc.lower(k);
        Some(match cache.get(l) {
            Some(&b) => b,
            None => {
                let b = crate::lexicon::is_dictionary_word(l);
                cache.insert(l.to_string(), b);
                b
            }
        })
    };
    let (mut words, mut unknown) = (0usize, 0usize);
    let before = (range.start..at)
        .rev()
        .filter_map(&mut check)
        .take(EACH_SIDE)
        .collect::<Vec<_>>();
    let after = (at + 1..range.end)
        .filter_map(&mut check)
        .take(EACH_SIDE)
        .collect::<Vec<_>>();
    for known in before.into_iter().chain(after) {
        words += 1;
        unknown += usize::from(!known);
    }
    unknown >= 2 && unknown * 5 >= words
}

impl Analysis {
    /// The spelling a finding says is right, as text.
    pub fn right_text<'a>(&'a self, f: &'a Finding) -> &'a str {
        match &f.right {
            Right::Spelling(i) => &self.names.spellings[*i as usize].text,
            Right::Declared(s) => s,
        }
    }
}

/// Whether a spelling belongs in the name table: a name that is not merely an ordinary word
/// inside a multi-word name ("Great" in "Great Purge") or a title ("Discipline and Punish"). An
/// ordinary word counts when it is capitalised on its own at least twice (the Soviet system).
///
/// A word the essay capitalises only where every word is capitalised (the start of a
/// sentence, a quotation, a clause after a colon) is listed only if something else says it is
/// a name: the works cited list it as an author, the dictionary knows it capitalised (Stalin),
/// or the census knows it as a personal name. "Doomscrolling harms sleep." lists nothing.
fn in_table(sp: &Spelling) -> bool {
    sp.is_name
        && !sp.uses.is_empty()
        && (!sp.dict_lower || sp.standalone >= 2)
        && (sp.mid_uses() > 0
            || sp.ref_uses > 0
            || sp.dict
            || group::census_frequency(&similar::fold(&sp.text)) > 0)
}

/// The name table of a document: each name with its uses and first line, the other forms of it
/// (plurals, -ism, -ist…), and its variant spellings with their uses and first lines.
pub fn render_table(doc: &Document, config: &Config, title: &str) -> String {
    let a = analyze(doc, config);
    let sp = &a.names.spellings;
    // Line numbers by binary search over the line starts (no column counting on long lines).
    let starts: Vec<usize> = doc.text.match_indices('\n').map(|(i, _)| i + 1).collect();
    let line_of = |off: usize| starts.partition_point(|&s| s <= off) + 1;
    let line = |s: &Spelling| s.uses.first().map_or(0, |u| line_of(u.span.start));

    // Variants, by the spelling they belong to.
    let mut variants: HashMap<u32, Vec<&Finding>> = HashMap::new();
    let mut is_variant = vec![false; sp.len()];
    for f in &a.findings {
        if let Right::Spelling(r) = f.right {
            variants.entry(r).or_default().push(f);
            is_variant[f.wrong as usize] = true;
        }
    }
    // Related forms (Stalinism under Stalin, Soviets under Soviet).
    let by_fold: HashMap<String, u32> = sp
        .iter()
        .enumerate()
        .filter(|(_, s)| in_table(s))
        .map(|(i, s)| (similar::fold(&s.text), i as u32))
        .collect();
    let mut forms: HashMap<u32, Vec<u32>> = HashMap::new();
    let mut is_form = vec![false; sp.len()];
    for (i, s) in sp.iter().enumerate() {
        if !in_table(s) || is_variant[i] {
            continue;
        }
        let f = similar::fold(&s.text);
        let base = (3..f.len())
            .rev()
            .filter(|&k| f.is_char_boundary(k))
            .filter_map(|k| by_fold.get(&f[..k]).copied())
            .find(|&b| {
                b as usize != i && similar::related_forms(&similar::fold(&sp[b as usize].text), &f)
            });
        if let Some(b) = base {
            forms.entry(b).or_default().push(i as u32);
            is_form[i] = true;
        }
    }

    let mut rows: Vec<u32> = (0..sp.len() as u32)
        .filter(|&i| in_table(&sp[i as usize]) && !is_variant[i as usize] && !is_form[i as usize])
        .collect();
    rows.sort_by(|&x, &y| {
        let (a, b) = (&sp[x as usize], &sp[y as usize]);
        b.uses
            .len()
            .cmp(&a.uses.len())
            .then(a.uses[0].span.start.cmp(&b.uses[0].span.start))
    });
    let mut phrases: Vec<&Phrase> = a.names.phrases.iter().collect();
    phrases.sort_by(|x, y| {
        y.uses
            .len()
            .cmp(&x.uses.len())
            .then(x.uses[0].start.cmp(&y.uses[0].start))
    });

    let with_variants = rows.iter().filter(|r| variants.contains_key(r)).count();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{title}: {} name{}, {} spelled more than one way",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" },
        with_variants
    );
    if !rows.is_empty() {
        let _ = writeln!(out, "\n uses  line  name");
    }
    for &r in &rows {
        let s = &sp[r as usize];
        let _ = writeln!(out, "{:>5}  {:>4}  {}", s.uses.len(), line(s), s.text);
        if let Some(fs) = forms.get(&r) {
            let list: Vec<String> = fs
                .iter()
                .map(|&f| format!("{} {}", sp[f as usize].text, sp[f as usize].uses.len()))
                .collect();
            let _ = writeln!(out, "              forms: {}", list.join(", "));
        }
        for f in variants.get(&r).into_iter().flatten() {
            let w = &sp[f.wrong as usize];
            let note = match f.kind {
                FindingKind::Tie => " (one use each: which is right?)",
                FindingKind::Reference => " (the works cited spell it the other way)",
                _ => "",
            };
            let _ = writeln!(
                out,
                "              variant: {} {}, line {}{}",
                w.text,
                w.uses.len(),
                line(w),
                note
            );
        }
    }
    // Declared names spelled otherwise.
    for f in &a.findings {
        if let Right::Declared(d) = &f.right {
            let w = &sp[f.wrong as usize];
            let _ = writeln!(
                out,
                "{:>5}  {:>4}  {}  (declared name {d})",
                w.uses.len(),
                line(w),
                w.text
            );
        }
    }
    if !phrases.is_empty() {
        let _ = writeln!(out, "\nmulti-word names\n uses  line  name");
        for p in phrases {
            let _ = writeln!(
                out,
                "{:>5}  {:>4}  {}",
                p.uses.len(),
                line_of(p.uses[0].start),
                p.text
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_input_never_panics() {
        let long = format!("Kamenev {} Kamenev", "Ab".repeat(6000));
        for t in [
            "",
            "É",
            "’s",
            "Ωμέγα Ωμέγας Ωμέγα. Ωμεγα Ωμέγα.",
            "Каменев и Каменов. Каменев снова.",
            "😀 Kamenev 😀 Kameney 😀",
            "Go\u{308}del Go\u{308}del Gödel Godel",
            "(Smith, 2001; Smyth, 2003)",
            &long,
        ] {
            let doc = crate::analysis::from_text(t);
            let _ = analyze(&doc, &Config::default());
            let _ = render_table(&doc, &Config::default(), "t");
        }
    }

    #[test]
    fn table_lists_names_forms_and_variants() {
        let doc = crate::analysis::from_text(
            "Stalin rose. Stalinism followed Stalin and the Soviets. Kamaney and Zinoviev met.\n\
             Later Kamanev spoke to the Soviet leaders and to Stalin.",
        );
        let t = render_table(&doc, &Config::default(), "essay");
        assert!(t.contains("Stalin"), "{t}");
        assert!(t.contains("forms: Stalinism 1"), "{t}");
        assert!(
            t.contains("variant: Kamanev 1") || t.contains("variant: Kamaney 1"),
            "{t}"
        );
    }
}
