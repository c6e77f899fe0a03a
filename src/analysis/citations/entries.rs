//! Works-cited entries: one per paragraph of the list (or per line, when entries are written on
//! consecutive lines), parsed into authors, year, title and number. MLA ("Medvedev, Roy. Let
//! History Judge. Knopf, 1971."), APA ("Cohen, S. F. (1973). Bukharin and …"), Chicago
//! bibliography and author-date, numbered lists ("[1] Spence, M., …", "1. Strichartz, G. R.").

use super::Reference;
use crate::doc::{Document, ParagraphKind, Span};
use crate::lexicon;
use regex::Regex;
use std::sync::OnceLock;

pub(super) fn parse(doc: &Document) -> Vec<Reference> {
    let mut out: Vec<Reference> = Vec::new();
    if doc.references_heading.is_none() {
        return out;
    }
    // The entries' spans first, with the paragraph each starts in; an entry broken over
    // paragraphs or lines is joined back before it is parsed.
    let mut raw: Vec<(Span, usize)> = Vec::new();
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        if p.kind != ParagraphKind::Reference {
            continue;
        }
        let text = doc.slice(p.span);
        if is_list_heading(text) && !raw.last().is_some_and(|&(s, _)| open_ended(doc.slice(s))) {
            continue;
        }
        for span in split_entries(&doc.text, p.span) {
            raw.push((span, pi));
        }
    }
    let numbered = raw
        .first()
        .is_some_and(|&(s, _)| number_re().is_match(doc.slice(s)));
    let mut joined: Vec<(Span, usize)> = Vec::new();
    for (span, pi) in raw {
        let t = doc.slice(span);
        if let Some(last) = joined.last_mut() {
            if continues_entry(doc.slice(last.0), t, numbered) {
                last.0 = last.0.to(span);
                continue;
            }
        }
        joined.push((span, pi));
    }
    for (span, pi) in joined {
        let t = &doc.text[span.start..span.end];
        let lt = t.trim_start_matches(['<', '(']).to_lowercase();
        if lt.starts_with("http")
            || lt.starts_with("www.")
            || lt.starts_with("doi")
            || lt.starts_with("retrieved")
        {
            // A link on a line of its own belongs to the entry above.
            if let Some(last) = out.last_mut() {
                last.web = true;
                last.span = last.span.to(span);
            }
            continue;
        }
        let prev_authors = out.last().map(|r| r.authors.clone());
        if let Some(mut r) = parse_entry(t) {
            if r.repeated_author {
                if let Some(a) = prev_authors {
                    r.authors = a;
                }
            }
            r.span = span;
            r.paragraph = pi;
            r.pages = entry_pages(t);
            out.push(r);
        }
    }
    out
}

/// The entry stops mid-phrase: its last word is not followed by a full stop, a closing mark, a
/// page number or a link ("… Dept. Biology,", "… Adrenaline, Acetylcholine, and Ions, on the").
fn open_ended(prev: &str) -> bool {
    let t = prev.trim_end();
    let last = t.split_whitespace().last().unwrap_or("");
    if last.contains("http") || last.contains("www.") || last.contains("doi") {
        return false;
    }
    match t.chars().last() {
        Some(c) if c.is_alphabetic() => true,
        Some(',' | ':' | ';' | '&' | '-' | '–' | '(') => true,
        _ => false,
    }
}

/// A paragraph or line of the list that carries on the entry before it rather than starting
/// one: in a numbered list, one without a number ("2. Sadava … Life: / The Science of
/// Biology. …"); elsewhere, one after an entry that stops mid-phrase and that does not
/// begin like an entry itself ("Davis, E. (1931). … on the / Perfused Heart. …").
fn continues_entry(prev: &str, t: &str, numbered: bool) -> bool {
    let t = t.trim();
    if t.is_empty() {
        return true;
    }
    let starts_lower = t.chars().next().is_some_and(char::is_lowercase);
    if numbered {
        return !number_re().is_match(t) && (open_ended(prev) || starts_lower || !entry_like(t));
    }
    open_ended(prev) && (starts_lower || !entry_like(t))
}

/// Begins like a works-cited entry: a surname and a comma ("Davis, E."), initials after a
/// surname ("Isabel LA."), a number, a quoted title, or the dashes of a repeated author.
fn entry_like(t: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(
            r"^(?:\[\d{1,3}\]|\d{1,3}[.)]|[“\x22_—–-]|[\p{Lu}][\p{L}'’\-]+(?:\s+[\p{Lu}][\p{L}'’\-]+)?(?:,|\s+[\p{Lu}]{1,3}[.,]?\s))",
        )
        .expect("entry start")
    });
    re.is_match(t)
}

/// The pages an article or chapter occupies: "pp. 100–120", "12(3), 100–120", "12: 100–20".
/// The last such range of the entry; a range of years is not pages.
pub(super) fn entry_pages(t: &str) -> Option<(u32, u32)> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"(\bpp?\.\s*|\)\s*[,:]\s*|\d\s*:\s*|,\s*)(\d{1,5})\s*[-–—]{1,2}\s*(\d{1,5})\b")
            .expect("entry pages")
    });
    let c = re.captures_iter(t).last()?;
    let labelled = c[1].trim_start().starts_with('p');
    let year = |s: &str| s.len() == 4 && matches!(s.parse::<u32>(), Ok(1500..=2099));
    if !labelled && (year(&c[2]) || c[1].starts_with(',') && c[2].len() == 4) {
        return None;
    }
    crate::input::bibfile::page_range(&format!("{}-{}", &c[2], &c[3]))
}

/// A heading inside the list: "Works Cited", "Primary Sources:", "2. References".
fn is_list_heading(text: &str) -> bool {
    let t = text
        .trim()
        .trim_start_matches(|c: char| c == '#' || c.is_ascii_digit() || c == '.' || c == ' ')
        .trim_end_matches([':', '.', ' '])
        .to_lowercase();
    if lexicon::is_references_heading(&t) {
        return true;
    }
    let words = t.split_whitespace().count();
    words <= 4 && !t.contains(',') && !year_re().is_match(&t)
}

/// Entries on consecutive lines of one paragraph: a new entry starts on a line that is not
/// indented more than the first, after a line ending in a full stop, and begins like an entry.
fn split_entries(text: &str, span: Span) -> Vec<Span> {
    let para = &text[span.start..span.end];
    if !para.contains('\n') {
        return vec![span];
    }
    let mut out = Vec::new();
    let mut start = span.start;
    let mut offset = span.start;
    let mut first_indent = None;
    let mut prev_line_end = "";
    for (k, line) in para.split_inclusive('\n').enumerate() {
        let indent = line.len() - line.trim_start().len();
        let content = line.trim();
        let line_start = offset + indent;
        offset += line.len();
        if k == 0 {
            first_indent = Some(indent);
            prev_line_end = content;
            continue;
        }
        if content.is_empty() {
            continue;
        }
        let begins = content.chars().next().is_some_and(|c| {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(c, '[' | '“' | '"' | '-' | '—' | '–' | '_')
        });
        let prev_done =
            prev_line_end.ends_with(['.', ')', '”', '"']) || prev_line_end.contains("http");
        if begins && prev_done && indent <= first_indent.unwrap_or(0) {
            let end = line_start;
            let seg = &text[start..end];
            out.push(Span::new(start, start + seg.trim_end().len()));
            start = line_start;
        }
        prev_line_end = content;
    }
    let seg = &text[start..span.end];
    out.push(Span::new(start, start + seg.trim_end().len()));
    out.retain(|s| !s.is_empty());
    out
}

fn year_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?:^|[^\d])((?:1[4-9]|20)\d\d)([a-z])?(?:[^\d]|$)").expect("year")
    })
}

fn apa_year_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r"\(\s*((?:1[4-9]|20)\d\d[a-z]?|n\.\s?d\.|in press|forthcoming)(?:[,/][^)]{0,30})?\)",
        )
        .expect("apa year")
    })
}

/// Authors, then the year as a sentence of its own: "Anderson, T. 2006. ", "Somers, M. R. . 1999. ".
fn cse_year_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"^([^()]{0,300}?)[\s.,]*\s((?:1[4-9]|20)\d\d[a-z]?)\s*(?:[.:;,]\s|[.]?$)")
            .expect("cse year")
    })
}

/// "Surname, X. Y. Title": inverted name with initials, then a capitalised title word.
fn initials_title_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"^(\p{Lu}[\p{L}'’\-]+(?: \p{Lu}[\p{L}'’\-]+)?, (?:\p{Lu}\p{Ll}+ ){0,2}(?:\p{Lu}\.\s?-?){1,3})\s*(\p{Lu}\p{Ll}|\p{Lu} )")
            .expect("initials title")
    })
}

fn bare_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"^(\p{Lu}[\p{L}'’\-]+)\s*[:,]?\s*((?:1[4-9]|20)\d\d[a-z]?)\.?$").expect("bare")
    })
}

/// "Surname, Given[ and Given Surname]," opening an entry written with commas only.
fn comma_names_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"^(\p{Lu}[\p{L}'’\-]+(?: \p{Lu}[\p{L}'’\-]+)?, (?:\p{Lu}[\p{L}.'’\-]*\s?){1,3}(?:(?:and|&) (?:\p{Lu}[\p{L}.'’\-]*\s?){1,4})?),\s*")
            .expect("comma names")
    })
}

fn number_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"^\s*(?:\[(\d{1,3})\]|(\d{1,3})[.)]|\((\d{1,3})\))\s+").expect("number")
    })
}

/// Parses one entry. `None` if it does not look like an entry at all.
pub(super) fn parse_entry(raw: &str) -> Option<Reference> {
    let norm: String = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut s = norm.as_str();
    let mut r = Reference::default();
    if let Some(c) = number_re().captures(s) {
        r.number = c
            .get(1)
            .or(c.get(2))
            .or(c.get(3))
            .and_then(|m| m.as_str().parse().ok());
        s = &s[c.get(0).map_or(0, |m| m.end())..];
    } else if let Some(rest) = s.strip_prefix(['•', '-', '*']) {
        if rest.starts_with(' ') {
            s = rest.trim_start();
        }
    }
    let lower = s.to_lowercase();
    r.web = lower.contains("http")
        || lower.contains("www.")
        || lower.contains(" web.")
        || lower.contains("retrieved")
        || lower.contains("accessed");
    // "---. Title." repeats the previous entry's authors.
    let dashes = s
        .chars()
        .take_while(|c| matches!(c, '-' | '—' | '–' | '_'))
        .count();
    // ", 1978a, “On the Jewish Question” …": the author left out, as in the entry before.
    let dashes = if dashes == 0 && s.starts_with(", ") {
        1
    } else {
        dashes
    };
    if dashes >= 2 || (dashes == 1 && s.starts_with(", ")) || s.starts_with("—") {
        r.repeated_author = true;
        let rest = s[s.char_indices().nth(dashes).map_or(s.len(), |(i, _)| i)..]
            .trim_start_matches(['.', ',', ' ']);
        match cse_year_re().captures(rest) {
            Some(c) if c.get(1).is_some_and(|m| m.as_str().trim().is_empty()) => {
                r.year = Some(c[2].to_string());
                r.title = first_sentence(&rest[c.get(0).map_or(0, |m| m.end())..]).map(|t| t.0);
            }
            _ => {
                let (t, after) = first_sentence(rest)?;
                if t.len() <= 7 && year_re().is_match(&t) {
                    r.year = find_year(&t);
                    r.title = first_sentence(after).map(|t| t.0);
                } else {
                    r.title = Some(t);
                    r.year = find_year(rest);
                }
            }
        }
        return (r.title.is_some()).then_some(r);
    }
    // Title first, in quotation marks: “Stalinism.” Encyclopaedia Britannica, 2020.
    if s.starts_with(['“', '"']) {
        let (t, _) = quoted_title(s)?;
        r.title = Some(t);
        r.year = find_year(s);
        return Some(r);
    }
    // APA: authors (year). Title.
    if let Some(m) = apa_year_re().captures(s) {
        let whole = m.get(0)?;
        let before = s[..whole.start()].trim().trim_end_matches(['.', ',', ' ']);
        // The year in parentheses marks the end of the author part, however it is written.
        let author_ok = names_like(before)
            || (before.split_whitespace().count() <= 12
                && crate::doc::is_capitalized(before)
                && !before.contains(['“', '"', ':']));
        if !before.is_empty() && whole.start() < 400 && author_ok {
            r.year = Some(normalize_year(&m[1]));
            let after = s[whole.end()..].trim_start_matches(['.', ',', ' ']);
            set_authors(&mut r, before);
            r.title = first_sentence(after).map(|t| t.0);
            return Some(r);
        }
    }
    // CSE / Chicago author-date: "Anderson, T. 2006. Title.", "Hedrick PW, Verrelli VC. 2006."
    if let Some(c) = cse_year_re().captures(s) {
        let names = c[1].trim().trim_end_matches(['.', ',', ' ']);
        if !names.is_empty() && names_like(names) && !has_sentence_end(names) {
            set_authors(&mut r, names);
            r.year = Some(c[2].to_string());
            r.title = first_sentence(&s[c.get(0).map_or(0, |m| m.end())..]).map(|t| t.0);
            return Some(r);
        }
    }
    // "Frank, E. Aging and the Market …": initials followed straight by the title.
    if let Some(c) = initials_title_re().captures(s) {
        let names = c.get(1).map_or("", |m| m.as_str());
        set_authors(&mut r, names);
        let rest = &s[c.get(2).map_or(0, |m| m.start())..];
        if let Some((t, after)) = first_sentence(rest) {
            r.title = Some(t);
            r.year = find_year(after).or_else(|| find_year(rest));
        }
        return Some(r);
    }
    // "Clinton:1997": a bare author and year.
    if let Some(c) = bare_re().captures(s) {
        r.authors = vec![c[1].to_string()];
        r.year = Some(c[2].to_string());
        return Some(r);
    }
    // Chicago with commas only: "Marx, Karl and Friedrich Engels, The Communist Manifesto, (…)".
    if let Some(c) = comma_names_re().captures(s) {
        let names = c.get(1).map_or("", |m| m.as_str());
        let first_part = first_sentence(s).map(|f| f.0).unwrap_or_default();
        if first_part.len() > names.len() + 2 && !names_like(&first_part) {
            set_authors(&mut r, names);
            let rest = &s[c.get(0).map_or(0, |m| m.end())..];
            let title_end = rest.find([',', '(']).unwrap_or(rest.len());
            let t = rest[..title_end].trim().trim_end_matches(['.', ' ']);
            if t.starts_with(['“', '"']) {
                r.title = quoted_title(rest).map(|q| q.0);
            } else if !t.is_empty() {
                r.title = Some(t.to_string());
            }
            r.year = find_year(rest);
            return Some(r);
        }
    }
    // MLA / Chicago: Authors. Title. … Year.
    let (first, rest) = first_sentence(s)?;
    if names_like(&first) {
        set_authors(&mut r, &first);
        let rest = rest.trim_start();
        // Chicago author-date: "Kim, Claire Jean. 2000. Bitter Fruit."
        if let Some((second, after)) = first_sentence(rest) {
            let sec = second.trim();
            if sec.len() <= 6 && year_re().is_match(sec) {
                r.year = find_year(sec);
                r.title = first_sentence(after.trim_start()).map(|t| t.0);
            } else {
                r.title = Some(second);
                r.year = find_year(after).or_else(|| find_year(rest));
            }
        }
    } else {
        r.title = Some(first);
        r.year = find_year(rest);
    }
    if r.year.is_none() {
        r.year = find_year(s);
    }
    let plausible = r.year.is_some()
        || r.web
        || r.number.is_some()
        || (!r.authors.is_empty() && r.title.is_some());
    plausible.then_some(r)
}

fn normalize_year(y: &str) -> String {
    let l = y.to_lowercase();
    if l.starts_with("n.") {
        "n.d.".into()
    } else {
        y.to_string()
    }
}

/// The first year in the text, preferring one in parentheses.
fn find_year(s: &str) -> Option<String> {
    if let Some(m) = apa_year_re().captures(s) {
        return Some(normalize_year(&m[1]));
    }
    if let Some(c) = year_re().captures(s) {
        let mut y = c[1].to_string();
        if let Some(l) = c.get(2) {
            // "2004a" but not "1999 and"
            let after = &s[l.end()..];
            if after.chars().next().is_none_or(|ch| !ch.is_alphabetic()) {
                y.push_str(l.as_str());
            }
        }
        return Some(y);
    }
    let l = s.to_lowercase();
    (l.contains("n.d.") || l.contains("n. d.")).then(|| "n.d.".into())
}

/// A title in quotation marks at the start of `s`, and the text after it.
fn quoted_title(s: &str) -> Option<(String, &str)> {
    let open = s.chars().next()?;
    let rest = &s[open.len_utf8()..];
    let close = rest.find(['”', '"'])?;
    let t = rest[..close]
        .trim()
        .trim_end_matches(['.', ',', ' '])
        .to_string();
    let after_close = &rest[close..];
    let after = after_close
        .char_indices()
        .nth(1)
        .map_or("", |(i, _)| &after_close[i..]);
    (!t.is_empty()).then_some((t, after))
}

/// Abbreviations whose full stop does not end an entry's part.
fn is_abbrev(word: &str) -> bool {
    lexicon::in_list!(
        "citations/entry_abbreviations.txt",
        word.to_lowercase().as_str()
    )
}

/// The first part of an entry, up to a full stop that ends it (not an initial or an
/// abbreviation), or a quoted title; and the rest.
fn first_sentence(s: &str) -> Option<(String, &str)> {
    let s = s.trim_start();
    if s.is_empty() {
        return None;
    }
    if s.starts_with(['“', '"']) {
        return quoted_title(s);
    }
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        // A quoted title ends the author part: Spence, M., "Job Market Signalling", …
        if i > 0 && b[i - 1] == b' ' && (c == b'"' || s[i..].starts_with('“')) {
            let t = s[..i].trim().trim_end_matches([',', '.', ' ']).to_string();
            if !t.is_empty() {
                return Some((t, &s[i..]));
            }
        }
        if matches!(c, b'.' | b'?' | b'!') {
            let next = b.get(i + 1).copied();
            let ends =
                next.is_none() || next == Some(b' ') || (c == b'.' && matches!(next, Some(b'"')));
            if ends {
                if c != b'.' {
                    let t = s[..=i].trim().to_string();
                    return Some((t, &s[(i + 1).min(s.len())..]));
                }
                // The word before the full stop.
                let wstart = s[..i]
                    .rfind(|ch: char| ch.is_whitespace() || ch == '(' || ch == ',')
                    .map_or(0, |p| p + 1);
                let word = &s[wstart..i];
                let single = word.chars().count() == 1
                    && word.chars().next().is_some_and(|ch| ch.is_uppercase());
                let initials =
                    word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2);
                if !single && !initials && !is_abbrev(word) {
                    let t = s[..i].trim().to_string();
                    if !t.is_empty() {
                        return Some((t, &s[(i + 1).min(s.len())..]));
                    }
                }
            }
        }
        i += 1;
    }
    Some((s.trim().trim_end_matches('.').to_string(), ""))
}

/// The author part looks like names: "Medvedev, Roy", "Armsden, G., & Greenberg, M.",
/// "American Psychiatric Association", "Sniderman, Paul M., and Thomas Piazza".
fn names_like(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() || s.len() > 300 {
        return false;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    if words
        .iter()
        .any(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()))
    {
        return false;
    }
    let first = words[0].trim_end_matches([',', '.']);
    if !crate::doc::is_capitalized(first) && !super::lists::is_particle(&first.to_lowercase()) {
        return false;
    }
    if lexicon::is_function_word(&first.to_lowercase()) {
        return false;
    }
    let lowers = words
        .iter()
        .filter(|w| {
            let t = w.trim_end_matches([',', '.']);
            let l = t.to_lowercase();
            t.chars().next().is_some_and(|c| c.is_lowercase())
                && !matches!(
                    l.as_str(),
                    "and" | "ed" | "eds" | "et" | "al" | "trans" | "of" | "for" | "the" | "on"
                )
                && !super::lists::is_particle(&l)
        })
        .count();
    if lowers > 0 {
        return false;
    }
    // Inverted ("Medvedev, Roy") or short ("World Health Organization").
    s.contains(',') || s.contains('&') || words.len() <= 6
}

/// A full stop after a word of two or more lowercase letters ("John. A Book"): the author
/// part has ended there.
fn has_sentence_end(s: &str) -> bool {
    s.split_whitespace().any(|w| {
        w.ends_with('.')
            && w.chars().filter(|c| c.is_lowercase()).count() >= 2
            && !matches!(w, "Jr." | "Sr." | "al." | "eds." | "ed." | "Ed." | "Eds.")
    })
}

fn is_initials(chunk: &str) -> bool {
    let c = chunk.trim();
    !c.is_empty()
        && c.split([' ', '-']).filter(|p| !p.is_empty()).all(|p| {
            let letters: String = p.chars().filter(|ch| ch.is_alphabetic()).collect();
            letters.chars().count() <= 2
                && letters.chars().next().is_some_and(|ch| ch.is_uppercase())
                && (p.ends_with('.') || letters.chars().count() == 1)
        })
}

/// Fills `authors` (surnames) from the author part of an entry.
fn set_authors(r: &mut Reference, seg: &str) {
    // Drop parenthesised parts: "(Eds.)", "(Producer)".
    let mut s = String::with_capacity(seg.len());
    let mut depth = 0usize;
    for ch in seg.chars() {
        match ch {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => s.push(ch),
            _ => {}
        }
    }
    // Drop words that are not names: "ed.", "eds", "Jr.", "et al.". Capitals are initials:
    // "Boese SR", "Hill JR".
    let s: String = s
        .split(' ')
        .filter(|w| {
            let t = w.trim_end_matches([',', '.']);
            let l = t.to_lowercase();
            let suffix = matches!(l.as_str(), "jr" | "sr") && !crate::doc::is_all_caps(t);
            !suffix && !matches!(l.as_str(), "ed" | "eds" | "et" | "al" | "trans" | "comp")
        })
        .collect::<Vec<_>>()
        .join(" ");
    let s = s.trim().trim_end_matches(['.', ',', ' ']);
    // An organisation: no comma, and words like "of" or many words ("American Academy of
    // Pediatrics", "United States Department of Health and Human Services"), or a word such
    // as "Institute" or "Hospital" ("Hospital A Infection Control & Epidemiology": the "&"
    // joins two parts of its name, not two people).
    if !s.contains(',') {
        let words: Vec<&str> = s.split_whitespace().collect();
        if words.len() >= 2
            && words
                .iter()
                .any(|w| super::lists::is_organisation_word(&w.to_lowercase()))
        {
            r.corporate = true;
            r.authors = vec![s.to_string()];
            return;
        }
        let function = words.iter().any(|w| {
            let l = w.to_lowercase();
            lexicon::is_function_word(&l) && l != "and" && l != "&"
        });
        let has_and = words.iter().any(|w| *w == "and" || *w == "&");
        if words.len() >= 2
            && (function || (words.len() >= 4 && !has_and))
            && !words.iter().any(|w| is_initial_word(w))
        {
            r.corporate = true;
            r.authors = vec![s.to_string()];
            return;
        }
    }
    // Chunks between commas, each split again on "and" / "&".
    let mut chunks: Vec<String> = Vec::new();
    for c in s.split([',', ';']) {
        let mut cur: Vec<&str> = Vec::new();
        for w in c.split_whitespace() {
            if w == "and" || w == "&" {
                if !cur.is_empty() {
                    chunks.push(cur.join(" "));
                }
                cur.clear();
            } else {
                cur.push(w);
            }
        }
        if !cur.is_empty() {
            chunks.push(cur.join(" "));
        }
    }
    chunks.retain(|c| !c.trim().is_empty());
    if chunks.is_empty() {
        return;
    }
    if !s.contains(',') && chunks.len() >= 2 {
        // "Karl Marx & Frederick Engels": names in natural order.
        r.authors = chunks
            .iter()
            .map(|c| surname_of(&strip_initials(c).0))
            .collect();
        return;
    }
    if chunks.len() == 1 {
        let (name, had) = strip_initials(&chunks[0]);
        if had {
            r.authors = vec![surname_of(&name)];
            return;
        }
        let words: Vec<&str> = chunks[0].split_whitespace().collect();
        // Without a comma, a name of several words is an organisation ("Dartmouth College");
        // works-cited lists invert personal names.
        r.corporate = words.len() >= 2;
        r.authors = vec![chunks[0].clone()];
        return;
    }
    // "Hedrick PW", "Wolff J. O.", "R. D. Dueser": a chunk carrying its own initials.
    let (first_name, first_had_initials) = strip_initials(&chunks[0]);
    let mut authors = vec![first_name];
    // Unless the first chunk carried its initials, chunk 1 is its given names or initials.
    let mut i = if first_had_initials { 1 } else { 2 };
    while i < chunks.len() {
        let c = chunks[i].trim();
        if is_initials(c) {
            i += 1;
            continue;
        }
        let (name, had) = strip_initials(c);
        let words = name.split_whitespace().count();
        let next_initials = chunks.get(i + 1).is_some_and(|n| is_initials(n));
        if had || (words >= 2 && !next_initials) {
            authors.push(surname_of(&name));
        } else {
            authors.push(name);
        }
        i += 1;
    }
    authors.retain(|a| !a.is_empty() && a.chars().next().is_some_and(|c| c.is_alphabetic()));
    r.authors = authors;
}

/// An initial: "J.", "J.-P.", "PW", "R.D.", "A.M".
fn is_initial_word(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() || letters.len() > 3 || !letters.iter().all(|c| c.is_uppercase()) {
        return false;
    }
    w.contains('.') || letters.len() <= 3 && w.chars().all(|c| c.is_uppercase() || c == '-')
}

/// Removes initials from a name chunk; says whether there were any.
fn strip_initials(chunk: &str) -> (String, bool) {
    let words: Vec<&str> = chunk.split_whitespace().collect();
    let kept: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !is_initial_word(w))
        .collect();
    if kept.is_empty() {
        return (chunk.trim().to_string(), false);
    }
    let had = kept.len() < words.len();
    (kept.join(" ").trim_end_matches(['.', ',']).to_string(), had)
}

/// "Thomas Piazza" → "Piazza"; "Ludwig van Beethoven" → "van Beethoven".
fn surname_of(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() <= 1 {
        return name.trim().to_string();
    }
    let mut k = words.len() - 1;
    while k > 0
        && super::lists::is_particle(&words[k - 1].to_lowercase())
        && words[k - 1].chars().all(|c| c.is_lowercase())
    {
        k -= 1;
    }
    words[k..].join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Reference {
        parse_entry(s).unwrap_or_else(|| panic!("no entry: {s}"))
    }

    #[test]
    fn mla_entries() {
        let r = p("Baird, James. The Dome and the Rock: Structure in the Poetry of Wallace Stevens. Baltimore: The Johns Hopkins Press, 1968.");
        assert_eq!(r.authors, vec!["Baird"]);
        assert_eq!(r.year.as_deref(), Some("1968"));
        assert!(r.title.unwrap().starts_with("The Dome and the Rock"));
        let r = p("Perkins, David. “Wallace Stevens.” A History of Modern Poetry. Cambridge, Harvard University Press, 1976.");
        assert_eq!(r.authors, vec!["Perkins"]);
        assert_eq!(r.title.as_deref(), Some("Wallace Stevens"));
        let r = p("Sniderman, Paul M., and Thomas Piazza. 2002. Black Pride and Black Prejudice. Princeton: Princeton University Press.");
        assert_eq!(r.authors, vec!["Sniderman", "Piazza"]);
        assert_eq!(r.year.as_deref(), Some("2002"));
        assert_eq!(r.title.as_deref(), Some("Black Pride and Black Prejudice"));
        let r = p("Sullivan, John L., James Piereson, George E. Marcus. 1979. “An Alternative Conceptualization of Political Tolerance.” The American Political Science Review.");
        assert_eq!(r.authors, vec!["Sullivan", "Piereson", "Marcus"]);
    }

    #[test]
    fn apa_entries() {
        let r = p("Armsden, G., & Greenberg, M. (1987). The inventory of parent and peer attachment. Journal of Youth and Adolescence, 16, 427-454.");
        assert_eq!(r.authors, vec!["Armsden", "Greenberg"]);
        assert_eq!(r.year.as_deref(), Some("1987"));
        assert_eq!(
            r.title.as_deref(),
            Some("The inventory of parent and peer attachment")
        );
        let r = p("Beck, A. T., Steer, R. A., & Garbin, M. G. (1988). Psychometric properties. Clinical Psychology Review, 8, 77-100.");
        assert_eq!(r.authors, vec!["Beck", "Steer", "Garbin"]);
        let r = p("American Psychiatric Association. (1994). Diagnostic and statistical manual of mental disorders. Washington, DC.");
        assert_eq!(r.authors, vec!["American Psychiatric Association"]);
        assert!(r.corporate);
    }

    #[test]
    fn numbered_and_title_first() {
        let r = p("[1] Spence, M., \"Job Market Signalling\", Quarterly Journal of Economics, 87(3), 1973, 355-374");
        assert_eq!(r.number, Some(1));
        assert_eq!(r.authors, vec!["Spence"]);
        assert_eq!(r.year.as_deref(), Some("1973"));
        let r = p("1. Strichartz, G. R. (1973). The Inhibition of Sodium Currents. The Journal of General Physiology, 62(1), 37.");
        assert_eq!(r.number, Some(1));
        assert_eq!(r.authors, vec!["Strichartz"]);
        let r =
            p("“Stalinism.” Encyclopaedia Britannica, 2020, www.britannica.com/topic/Stalinism.");
        assert!(r.authors.is_empty());
        assert_eq!(r.title.as_deref(), Some("Stalinism"));
        assert!(r.web);
    }

    #[test]
    fn consecutive_lines_split() {
        let text =
            "Smith, John. A Book. New York:\n    Penguin, 2001.\nDoe, Jane. Another Book. 1999.";
        let spans = split_entries(text, Span::new(0, text.len()));
        assert_eq!(spans.len(), 2);
        assert!(text[spans[1].start..spans[1].end].starts_with("Doe"));
    }
}

#[cfg(test)]
mod more_tests {
    use super::*;

    fn p(s: &str) -> Reference {
        parse_entry(s).unwrap_or_else(|| panic!("no entry: {s}"))
    }

    #[test]
    fn cse_and_vancouver() {
        let r = p("Anderson, T. 2006. The effects of recent glacial history on forest community structure. The University of Michigan Biological Station.");
        assert_eq!(r.authors, vec!["Anderson"]);
        assert_eq!(r.year.as_deref(), Some("2006"));
        assert!(r.title.unwrap().starts_with("The effects"));
        let r = p("Wolff J. O., R. D. Dueser, and K. S. Berry. 1985. Food habits of Peromyscus leucopus. Journal of Mammalogy 66:795-798.");
        assert_eq!(r.authors, vec!["Wolff", "Dueser", "Berry"]);
        let r = p("Hedrick PW, Verrelli VC. 2006. “Ground truth” for selection on CCR5. TRENDS in Genetics 22(6):293-6.");
        assert_eq!(r.authors, vec!["Hedrick", "Verrelli"]);
        let r = p("Robins LN, Regier DA (Eds). Psychiatric Disorders in America, The Epidemiologic Catchment Area Study, 1990; New York: The Free Press.");
        assert_eq!(r.authors, vec!["Robins", "Regier"]);
        assert_eq!(r.year.as_deref(), Some("1990"));
        let r = p("MacKinnon. C.A. (1979). Sexual Harassment of Working Women. New Haven, CT: Yale University Press.");
        assert_eq!(r.authors, vec!["MacKinnon"]);
        let r = p("Nova (Producer). (2001, October 30). Sex: Unknown [Television broadcast].");
        assert_eq!(r.authors, vec!["Nova"]);
        let r = p("Frank, E. Aging and the Market in the United States 31 (2001).");
        assert_eq!(r.authors, vec!["Frank"]);
        assert_eq!(r.year.as_deref(), Some("2001"));
        let r = p("Smith, John. A Book. Penguin, 2001. Print.");
        assert_eq!(r.authors, vec!["Smith"]);
        assert_eq!(r.title.as_deref(), Some("A Book"));
        let r = p("———. 1987. Twenty Lectures: Sociological Theory since World War II. Columbia University Press.");
        assert!(r.repeated_author);
        assert_eq!(r.year.as_deref(), Some("1987"));
        assert!(r.title.unwrap().starts_with("Twenty Lectures"));
    }
}

#[cfg(test)]
mod comma_tests {
    use super::*;

    #[test]
    fn comma_styles() {
        let r = parse_entry("Marx, Karl and Friedrich Engels, The Communist Manifesto, (London, Penguin Books, 1967).").unwrap();
        assert_eq!(r.authors, vec!["Marx", "Engels"]);
        assert_eq!(r.year.as_deref(), Some("1967"));
        assert_eq!(r.title.as_deref(), Some("The Communist Manifesto"));
        let r =
            parse_entry("Said, Edward, Culture and Imperialism, (New York, Vintage Books, 1994).")
                .unwrap();
        assert_eq!(r.authors, vec!["Said"]);
        let r = parse_entry("Acemoglu, Daron, Simon Johnson, and James A. Robinson, 2001, \"The Colonial Origins of Comparative Development,\" American Economic Review, 91, 1369-1401.").unwrap();
        assert_eq!(r.authors, vec!["Acemoglu", "Johnson", "Robinson"]);
        assert_eq!(r.year.as_deref(), Some("2001"));
        let r =
            parse_entry(", 1978a, \"On the Jewish Question\" in Marx-Engels Reader, NY: Norton.")
                .unwrap();
        assert!(r.repeated_author);
        assert_eq!(r.year.as_deref(), Some("1978a"));
        let r = parse_entry(
            "United States department of health and human services (2001). Healthy people 2010.",
        )
        .unwrap();
        assert_eq!(
            r.authors,
            vec!["United States department of health and human services"]
        );
        let r = parse_entry("Clinton:1997").unwrap();
        assert_eq!(r.authors, vec!["Clinton"]);
    }
}

#[cfg(test)]
mod page_tests {
    #[test]
    fn entry_pages() {
        let t = "Brown, A., & Lee, K. (1988). Tolls and bridges. Journal of Trade History, 12(3), 101-120.";
        assert_eq!(super::entry_pages(t), Some((101, 120)));
        assert_eq!(
            super::entry_pages("Smith, J. (2001). Book. Press, 1990-1999."),
            None
        );
        assert_eq!(
            super::entry_pages("Doe, Jane. “Tolls.” Trade 12, no. 3 (1988): 101–20."),
            Some((101, 120))
        );
    }
}
