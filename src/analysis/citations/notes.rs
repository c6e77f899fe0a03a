//! Footnotes and endnotes as citations (Chicago notes-bibliography). Each footnote citation is
//! tied to its note: the reader's (Markdown `[^1]: …`, LaTeX `\footnote{…}`, a Word document's
//! notes) or, in plain text, the paragraph further on that starts with the note's number (an
//! endnotes section, or footnotes pasted below their page). The note's text is read as the
//! sources it cites: a full note ("John Smith, *The Title* (New York: Knopf, 2001), 45."), a
//! short one ("Smith, *Title*, 47."), "Ibid., 48.", several joined by semicolons. Matching then
//! links them to the bibliography like any other citation; a note that cites nothing (a comment)
//! gives no source.

use super::{Citation, CiteSource, CiteStyle};
use crate::doc::citation::Note;
use crate::doc::{Document, ParagraphKind, Span};
use regex::Regex;
use std::sync::OnceLock;

/// Footnote citations for the notes whose reader made none (LaTeX `\footnote`): only notes that
/// cite a source, so a paper whose footnotes are comments keeps its own citation style.
pub(super) fn note_citations(doc: &Document) -> Vec<Citation> {
    let mut out = Vec::new();
    for n in &doc.apparatus.notes {
        let Some(marker) = n.marker else { continue };
        if parse_note(doc, n.span).is_empty() {
            continue;
        }
        out.push(Citation {
            span: marker,
            style: CiteStyle::Footnote,
            sources: vec![CiteSource {
                span: marker,
                key: Some(n.label.clone()),
                ..Default::default()
            }],
            sentence: None,
            certain: true,
        });
    }
    out
}

/// Reads the note of every footnote citation into its sources; "ibid." takes the source of the
/// note before.
pub(super) fn read_notes(doc: &mut Document) {
    if !doc.citations.iter().any(|c| c.style == CiteStyle::Footnote) {
        return;
    }
    find_endnotes(doc);
    let mut cites = std::mem::take(&mut doc.citations);
    let mut previous: Option<CiteSource> = None;
    for c in cites.iter_mut().filter(|c| c.style == CiteStyle::Footnote) {
        let Some(label) = note_label(c) else { continue };
        let Some(note) = doc
            .apparatus
            .notes
            .iter()
            .find(|n| n.label == label)
            .map(|n| n.span)
        else {
            continue;
        };
        let mut sources = parse_note(doc, note);
        if sources.is_empty() {
            continue;
        }
        for s in &mut sources {
            if s.ibid {
                // "Ibid., 48.": the previous note's source, at another page.
                if let Some(p) = &previous {
                    s.authors = p.authors.clone();
                    s.title = p.title.clone();
                    s.year = p.year.clone();
                    s.et_al = p.et_al;
                }
            } else {
                previous = Some(s.clone());
            }
        }
        c.sources = sources;
    }
    doc.citations = cites;
}

/// The label a footnote citation's note carries: its key (`[^note]`) or its number (`¹`).
fn note_label(c: &Citation) -> Option<String> {
    let s = c.sources.first()?;
    s.key.clone().or_else(|| s.number.map(|n| n.to_string()))
}

/// True if every footnote citation of the essay has its note (so what the notes cite is known).
pub fn notes_known(doc: &Document) -> bool {
    doc.citations
        .iter()
        .filter(|c| c.style == CiteStyle::Footnote)
        .all(|c| {
            c.sources
                .iter()
                .any(|s| (s.names_source() || s.ibid) && s.key.is_none() && s.number.is_none())
                || note_label(c).is_some_and(|l| doc.apparatus.notes.iter().any(|n| n.label == l))
        })
}

/// True if `span` lies inside one of the essay's notes.
pub fn in_note(doc: &Document, span: Span) -> bool {
    doc.apparatus
        .notes
        .iter()
        .any(|n| n.span.start <= span.start && span.end <= n.span.end)
}

/// Plain text: the note of footnote number N is the first paragraph after the citation that
/// starts with N ("12 Ibid., 45.", "12. John Smith, …", "¹² …").
fn find_endnotes(doc: &mut Document) {
    let mut found: Vec<Note> = Vec::new();
    for c in doc
        .citations
        .iter()
        .filter(|c| c.style == CiteStyle::Footnote)
    {
        let Some(n) = c.sources.first().and_then(|s| s.number) else {
            continue;
        };
        let label = n.to_string();
        if doc.apparatus.notes.iter().any(|x| x.label == label)
            || found.iter().any(|x| x.label == label)
        {
            continue;
        }
        let from = doc
            .sentence_at(c.span.start)
            .map_or(0, |s| doc.sentences[s].paragraph + 1);
        for p in doc.paragraphs.iter().skip(from) {
            if !matches!(p.kind, ParagraphKind::Body | ParagraphKind::ListItem) {
                continue;
            }
            let t = &doc.prose[p.span.start..p.span.end];
            if let Some(rest) = leading_number(t, n) {
                let a = p.span.end - rest.len();
                found.push(Note {
                    label: label.clone(),
                    span: Span::new(a, p.span.end),
                    marker: None,
                });
                break;
            }
        }
    }
    doc.apparatus.notes.extend(found);
}

/// The text after a leading note number `n`: "12 …", "12. …", "12) …", "¹² …".
fn leading_number(t: &str, n: u32) -> Option<&str> {
    let digits: String = t
        .chars()
        .take_while(|c| c.is_ascii_digit() || superscript(*c).is_some())
        .collect();
    if digits.is_empty() {
        return None;
    }
    let value: u32 = digits
        .chars()
        .map(|c| c.to_digit(10).or(superscript(c)).unwrap_or(0))
        .try_fold(0u32, |v, d| v.checked_mul(10)?.checked_add(d))?;
    if value != n {
        return None;
    }
    let rest = &t[digits.len()..];
    let rest = rest.strip_prefix(['.', ')']).unwrap_or(rest);
    if !rest.starts_with([' ', '\t']) && !digits.chars().all(|c| superscript(c).is_some()) {
        return None;
    }
    let rest = rest.trim_start();
    (!rest.is_empty()).then_some(rest)
}

fn superscript(c: char) -> Option<u32> {
    Some(match c {
        '⁰' => 0,
        '¹' => 1,
        '²' => 2,
        '³' => 3,
        '⁴' => 4,
        '⁵' => 5,
        '⁶' => 6,
        '⁷' => 7,
        '⁸' => 8,
        '⁹' => 9,
        _ => return None,
    })
}

fn year_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"\((?:[^()]{0,120}?[\s,:;])?((?:1[5-9]|20)\d\d)[a-z]?\)").expect("year")
    })
}

fn page_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"[,:]\s*(?:pp?\.\s*)?(\d{1,5}(?:\s*[-–—]\s*\d{1,5})?(?:,\s*\d{1,5}(?:\s*[-–—]\s*\d{1,5})?)*)\s*\.?\s*$")
            .expect("page")
    })
}

/// Words that open a note's comment rather than a name: "However, …", "Also, …".
fn not_a_name(w: &str) -> bool {
    let l = w.to_lowercase();
    crate::lexicon::is_function_word(&l)
        || super::lists::is_not_source(&l)
        || matches!(
            l.as_str(),
            "however" | "also" | "here" | "thus" | "indeed" | "similarly" | "further" | "finally"
        )
}

/// The sources a note cites, with spans into the document.
pub(super) fn parse_note(doc: &Document, span: Span) -> Vec<CiteSource> {
    let text = &doc.prose[span.start..span.end];
    let mut out = Vec::new();
    let mut off = 0;
    for part in split_top(text, ';') {
        let at = span.start + off;
        off += part.len() + 1;
        let lead = part.len() - part.trim_start().len();
        let p = part.trim();
        if p.is_empty() {
            continue;
        }
        let s_span = Span::new(at + lead, at + lead + p.len());
        if let Some(s) = parse_part(p, s_span) {
            out.push(s);
        }
    }
    out
}

/// Splits at `sep` outside parentheses and quotation marks.
fn split_top(t: &str, sep: char) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut quoted, mut start) = (0i32, false, 0);
    for (i, c) in t.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            '“' => quoted = true,
            '”' => quoted = false,
            _ if c == sep && depth <= 0 && !quoted => {
                out.push(&t[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push(&t[start..]);
    out
}

fn parse_part(p: &str, span: Span) -> Option<CiteSource> {
    let mut p = p;
    for lead in [
        "See also ",
        "see also ",
        "See, e.g., ",
        "See ",
        "see ",
        "Cf. ",
        "cf. ",
        "Quoted in ",
        "quoted in ",
        "Also ",
        "and ",
    ] {
        if let Some(r) = p.strip_prefix(lead) {
            p = r.trim_start();
            break;
        }
    }
    let pages = page_re()
        .captures(p)
        .map(|c| c[1].split_whitespace().collect::<String>());
    let low = p.to_lowercase();
    if low.starts_with("ibid") || low.starts_with("id.") {
        return Some(CiteSource {
            span,
            ibid: true,
            pages,
            ..Default::default()
        });
    }
    let (name, rest) = p.split_once(',')?;
    let name = name.trim();
    let rest = rest.trim();
    let mut et_al = false;
    let name = match name.strip_suffix("et al.").or(name.strip_suffix("et al")) {
        Some(n) => {
            et_al = true;
            n.trim()
        }
        None => name,
    };
    let people: Vec<&str> = name
        .split(" and ")
        .flat_map(|x| x.split(" & "))
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .collect();
    if people.is_empty() || people.len() > 4 {
        return None;
    }
    let mut authors = Vec::new();
    for person in &people {
        let words: Vec<&str> = person.split_whitespace().collect();
        if words.is_empty() || words.len() > 5 {
            return None;
        }
        let particle = |w: &str| {
            matches!(
                w,
                "van" | "von" | "de" | "der" | "den" | "la" | "le" | "du" | "da" | "di" | "del"
            )
        };
        let ok = words.iter().all(|w| {
            particle(w)
                || (w.chars().next().is_some_and(char::is_uppercase)
                    && !w.chars().any(|c| c.is_ascii_digit()))
        });
        if !ok || not_a_name(words[0]) {
            return None;
        }
        let surname = words
            .iter()
            .rev()
            .find(|w| !matches!(**w, "Jr." | "Jr" | "Sr." | "III" | "II") && !particle(w))?;
        authors.push(surname.trim_end_matches('.').to_string());
    }
    // The title: in quotation marks, or up to the publication facts or the page.
    let title = if let Some(r) = rest.strip_prefix(['“', '"']) {
        let end = r.find(['”', '"'])?;
        r[..end].trim_end_matches([',', '.']).trim().to_string()
    } else {
        let cut = rest
            .find(" (")
            .or_else(|| page_re().find(rest).map(|m| m.start()))
            .unwrap_or(rest.len());
        rest[..cut].trim().trim_end_matches([',', '.']).to_string()
    };
    let year = year_re().captures(rest).map(|c| c[1].to_string());
    // A name and a title are a note's citation only with a year (a full note) or a page (a
    // short one); a title must look like one.
    let title_ok = title.chars().next().is_some_and(|c| c.is_uppercase())
        && title.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && title.split_whitespace().count() <= 30;
    if !title_ok || (year.is_none() && pages.is_none()) {
        return None;
    }
    Some(CiteSource {
        span,
        authors,
        title: Some(title),
        year,
        pages,
        et_al,
        ..Default::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(t: &str) -> Vec<CiteSource> {
        let doc = Document::from_text(t);
        parse_note(&doc, Span::new(0, t.len()))
    }

    #[test]
    fn full_short_and_ibid_notes() {
        let s = parse("John Smith, The Hard Problem (New York: Knopf, 2001), 45.");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].authors, vec!["Smith"]);
        assert_eq!(s[0].title.as_deref(), Some("The Hard Problem"));
        assert_eq!(s[0].year.as_deref(), Some("2001"));
        assert_eq!(s[0].pages.as_deref(), Some("45"));
        let s = parse("Smith, Hard Problem, 47.");
        assert_eq!(s[0].authors, vec!["Smith"]);
        assert_eq!(s[0].pages.as_deref(), Some("47"));
        let s = parse("Ibid., 48.");
        assert!(s[0].ibid);
        let s = parse("Anna van der Berg and Tom Roe, “On Rivers,” Journal of Water 12, no. 3 (1999): 45–67; see also Smith, Hard Problem, 3.");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].authors, vec!["Berg", "Roe"]);
        assert_eq!(s[0].title.as_deref(), Some("On Rivers"));
        assert_eq!(s[0].year.as_deref(), Some("1999"));
    }

    #[test]
    fn comments_are_not_citations() {
        assert!(parse("However, this was not the whole story.").is_empty());
        assert!(parse("This point is argued at length in chapter four.").is_empty());
        assert!(parse("Smith, for one, disagreed.").is_empty());
    }

    #[test]
    fn leading_numbers() {
        assert_eq!(
            leading_number("12. John Smith, X", 12),
            Some("John Smith, X")
        );
        assert_eq!(leading_number("¹² Ibid.", 12), Some("Ibid."));
        assert_eq!(leading_number("12 Ibid.", 12), Some("Ibid."));
        assert_eq!(leading_number("120 people came", 12), None);
        assert_eq!(leading_number("12,000 people", 12), None);
    }
}

#[cfg(test)]
mod doc_tests {
    use crate::analysis;
    use crate::doc::citation::CiteStyle;

    #[test]
    fn markdown_notes_are_read_and_matched() {
        let t = "Rivers shape the land.[^1] Later work disagrees.[^2] A comment.[^3]\n\n[^1]: John Smith, *On Rivers and Land* (New York: Knopf, 2001), 45.\n[^2]: Ibid., 47.\n[^3]: This point is argued elsewhere.\n\n## Bibliography\n\nSmith, John. *On Rivers and Land*. New York: Knopf, 2001.\n\nDoe, Jane. *An Unused Book*. Boston: Beacon, 1990.\n";
        let d = analysis::build(crate::input::markdown::read(t.to_string()));
        let notes: Vec<_> = d
            .citations
            .iter()
            .filter(|c| c.style == CiteStyle::Footnote)
            .collect();
        assert_eq!(notes.len(), 3, "{:#?}", d.citations);
        assert_eq!(notes[0].sources[0].authors, vec!["Smith"]);
        assert_eq!(
            notes[0].sources[0].reference,
            Some(0),
            "{:#?}",
            d.references
        );
        assert!(notes[1].sources[0].ibid);
        assert_eq!(notes[1].sources[0].reference, Some(0));
        assert!(super::notes_known(&d), "{:#?}", d.apparatus);
    }
}
