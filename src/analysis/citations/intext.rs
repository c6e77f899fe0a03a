//! In-text citations found in the text itself: parenthetical and bracketed groups, narrative
//! "Cohen (1973)", LaTeX commands written literally, pandoc keys and footnote markers.
//!
//! The groups come from the document model (`doc.groups`); their inner text is parsed here with
//! a small lexer, because a citation's grammar (commas, colons, "et al.", "p.", quoted titles)
//! is its own. Everything that does not parse cleanly is an aside, not a citation: "(rich
//! peasant)", "(see below)", "(NEP)", "(Figure 2)", "(M = 3.4)", "(1922)" after a non-name.

use super::lists;
use super::{Citation, CiteSource, CiteStyle, Reference};
use crate::doc::{Document, Group, GroupKind, ParagraphKind, Span, TokenKind};
use crate::lexicon;
use regex::Regex;
use std::collections::HashSet;
use std::sync::OnceLock;

pub(super) fn find(doc: &Document, refs: &[Reference]) -> Vec<Citation> {
    let mut out = Vec::new();
    let mut name_only = Vec::new();
    for g in &doc.groups {
        if !g.closed || g.inner.is_empty() || g.inner.len() > 400 {
            continue;
        }
        if !matches!(
            doc.paragraphs[g.paragraph].kind,
            ParagraphKind::Body | ParagraphKind::BlockQuote | ParagraphKind::ListItem
        ) {
            continue;
        }
        match g.kind {
            GroupKind::Round => round(doc, g, &mut out, &mut name_only),
            GroupKind::Square => square(doc, g, &mut out),
            GroupKind::Curly => {}
        }
    }
    latex_literal(doc, &mut out);
    superscripts(doc, &mut out);
    glued_markers(doc, &mut out);
    // Parenthetical names without page or year are citations only with support.
    let mut known: HashSet<String> = HashSet::new();
    for c in out.iter().filter(|c| c.certain) {
        for s in &c.sources {
            for a in &s.authors {
                known.insert(super::fold_name(a));
            }
        }
    }
    for r in refs {
        for a in &r.authors {
            known.insert(super::fold_name(a));
        }
    }
    let first_author = |c: &Citation| {
        c.sources[0]
            .authors
            .first()
            .map(|a| super::fold_name(a))
            .unwrap_or_default()
    };
    let (strong, weak): (Vec<_>, Vec<_>) = name_only.into_iter().partition(|(_, s)| *s);
    for (c, _) in strong {
        known.insert(first_author(&c));
        out.push(c);
    }
    for (c, _) in weak {
        let first = first_author(&c);
        if !first.is_empty() && known.contains(&first) {
            out.push(c);
        }
    }
    // A title-only citation opening with a known author's name: "(Keller Letters from the Fair
    // 45)" names Keller and his work.
    for c in &mut out {
        if c.style != CiteStyle::Mla {
            continue;
        }
        for s in &mut c.sources {
            if !s.authors.is_empty() || s.title_quoted {
                continue;
            }
            let Some(t) = s.title.clone() else { continue };
            let mut parts = t.splitn(2, ' ');
            let (Some(first), Some(rest)) = (parts.next(), parts.next()) else {
                continue;
            };
            if known.contains(&super::fold_name(first)) {
                s.authors = vec![first.to_string()];
                s.title = Some(rest.to_string());
            }
        }
    }
    // Nested groups can both parse ("(see Smith (2001))"): keep the outer one.
    out.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
    let mut kept: Vec<Citation> = Vec::with_capacity(out.len());
    for c in out {
        if kept.last().is_some_and(|k| k.span.contains(c.span)) {
            continue;
        }
        kept.push(c);
    }
    kept
}

// ---------------------------------------------------------------------------------------------
// Lexing the inside of a group.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum It {
    Word,
    Comma,
    Colon,
    Semi,
    Quoted,
}

#[derive(Clone, Copy, Debug)]
struct Item<'a> {
    s: &'a str,
    start: usize,
    end: usize,
    kind: It,
}

/// Splits a group's inner text into words, commas, colons, semicolons and quoted titles.
/// `None` if it holds characters no citation has (`=`, `<`, `%`, brackets, …).
fn lex<'a>(s: &'a str) -> Option<Vec<Item<'a>>> {
    let mut out: Vec<Item<'a>> = Vec::new();
    let mut i = 0;
    let b = s.as_bytes();
    let mut word_start: Option<usize> = None;
    let flush = |out: &mut Vec<Item<'a>>, ws: &mut Option<usize>, end: usize| {
        if let Some(st) = ws.take() {
            out.push(Item {
                s: &s[st..end],
                start: st,
                end,
                kind: It::Word,
            });
        }
    };
    while i < b.len() {
        let c = s[i..].chars().next().unwrap_or(' ');
        let cl = c.len_utf8();
        if c.is_whitespace() {
            flush(&mut out, &mut word_start, i);
            i += cl;
            continue;
        }
        match c {
            ',' | ';' => {
                flush(&mut out, &mut word_start, i);
                out.push(Item {
                    s: &s[i..i + 1],
                    start: i,
                    end: i + 1,
                    kind: if c == ',' { It::Comma } else { It::Semi },
                });
            }
            ':' => {
                // "3:16" stays one word.
                let digit_before = i > 0 && b[i - 1].is_ascii_digit();
                let digit_after = b.get(i + 1).is_some_and(|d| d.is_ascii_digit());
                if digit_before && digit_after && word_start.is_some() {
                    i += 1;
                    continue;
                }
                flush(&mut out, &mut word_start, i);
                out.push(Item {
                    s: &s[i..i + 1],
                    start: i,
                    end: i + 1,
                    kind: It::Colon,
                });
            }
            '“' | '"' | '‘' | '«' => {
                if word_start.is_some() && c == '‘' {
                    return None;
                }
                flush(&mut out, &mut word_start, i);
                let close: &[char] = match c {
                    '“' => &['”', '"'],
                    '"' => &['"', '”'],
                    '«' => &['»'],
                    _ => &['’', '\''],
                };
                let inner_start = i + cl;
                let mut j = inner_start;
                let mut found = None;
                while j < b.len() {
                    let d = s[j..].chars().next().unwrap_or(' ');
                    if close.contains(&d) {
                        let after = j + d.len_utf8();
                        let next = s[after..].chars().next();
                        // A closing single quote is not an apostrophe inside a word.
                        if c != '‘' || next.is_none_or(|n| !n.is_alphanumeric()) {
                            found = Some((j, after));
                            break;
                        }
                    }
                    j += d.len_utf8();
                }
                let (inner_end, after) = found?;
                out.push(Item {
                    s: &s[inner_start..inner_end],
                    start: inner_start,
                    end: inner_end,
                    kind: It::Quoted,
                });
                i = after;
                continue;
            }
            '=' | '<' | '>' | '%' | '+' | '*' | '|' | '#' | '$' | '(' | ')' | '[' | ']' | '{'
            | '}' | '~' | '^' | '!' | '?' | '→' | '×' | '±' | '≤' | '≥' | '@' | '\\' => {
                return None
            }
            '/' => {
                // Only inside a number ("1973/1990").
                let digit_before = i > 0 && b[i - 1].is_ascii_digit();
                let digit_after = b.get(i + 1).is_some_and(|d| d.is_ascii_digit());
                if !(digit_before && digit_after) {
                    return None;
                }
                if word_start.is_none() {
                    word_start = Some(i);
                }
            }
            '.' => {
                // "al.1996": a full stop between letters and digits ends the word.
                let letter_before = i > 0 && b[i - 1].is_ascii_alphabetic();
                let digit_after = b.get(i + 1).is_some_and(|d| d.is_ascii_digit());
                if word_start.is_none() {
                    word_start = Some(i);
                }
                if letter_before && digit_after {
                    flush(&mut out, &mut word_start, i + 1);
                }
            }
            _ => {
                if word_start.is_none() {
                    word_start = Some(i);
                }
            }
        }
        i += cl;
    }
    flush(&mut out, &mut word_start, s.len());
    Some(out)
}

// ---------------------------------------------------------------------------------------------
// Pieces: years, locators, names.

fn year_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"^(1[4-9]\d\d|20\d\d)[a-z]?(/(\d\d|\d{4}))?\.?$").expect("year regex")
    })
}

fn is_year(w: &str) -> bool {
    year_re().is_match(w) || year_range_re().is_match(w)
}

/// "1994-5", "1994–95", "1994-1995": a span of years, as some author-date citations give.
fn year_range_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"^(1[4-9]\d\d|20\d\d)[-–/](\d{1,2}|1[4-9]\d\d|20\d\d)\.?$").expect("year range")
    })
}

fn is_year_value(w: &str) -> bool {
    w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) && is_year(w)
}

/// One locator piece: "45", "p. 45", "pp. 113-114", "3.1.56-60", "ix", "ll. 3-5", "ch. 2", "45ff".
fn loc_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        let label = r"(?:(?i:pp?|pg|pgs|pages?|paras?|pars?|¶¶?|chs?|chaps?|chapters?|secs?|sects?|sections?|§§?|ll?|lines?|sts?|stanzas?|fols?|ff|cols?|locs?|location|nn?|notes?|vols?|volumes?|bks?|books?|acts?|sc|scenes?|vv?|verses?|min|arts?)\.?\s*)";
        let loc = r"(?:\d+[a-z]?(?:[.:]\d+[a-z]?)*|[ivxlc]{2,}|[ivx]|[IVXLC]+(?:[.:]\d+)+|[ivxlc]+(?:[.:]\d+)+)";
        Regex::new(&format!(
            r"^(?P<label>{label})?{loc}(?:\s*(?:-|–|—|to)\s*{loc})?(?:\s*ff?\.?)?\.?$"
        ))
        .expect("loc regex")
    })
}

/// A locator list: pieces separated by commas, "and" or "&". Returns whether it is one, and
/// whether its first piece has a label ("p.", "ll.").
fn parse_loc(s: &str) -> Option<bool> {
    let s = s.trim().trim_end_matches('.');
    if s.is_empty() {
        return None;
    }
    let mut labelled = None;
    for piece in s.split([',', '&', ';']) {
        let piece = piece.trim();
        let piece = piece.strip_prefix("and ").unwrap_or(piece).trim();
        if piece.is_empty() {
            return None;
        }
        let caps = loc_re().captures(piece)?;
        if labelled.is_none() {
            labelled = Some(caps.name("label").is_some());
        }
    }
    labelled
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Wc {
    Cap,
    Connector,
    EtAl,
    Num,
    Bad,
}

fn word_class(w: &str) -> Wc {
    let t = w.trim_end_matches(['.', ',']);
    let Some(first) = t.chars().next() else {
        return Wc::Bad;
    };
    let lower = t.to_lowercase();
    if lower == "et" || lower == "al" {
        return Wc::EtAl;
    }
    if first.is_uppercase() {
        return Wc::Cap;
    }
    if first.is_ascii_digit() {
        return Wc::Num;
    }
    if lists::is_name_connector(&lower) || lower == "&" {
        return Wc::Connector;
    }
    // "al-Rashid", "d’Alembert", "van't Hoff"
    if let Some(p) = t.rfind(['-', '’', '\'']) {
        if t[p..].chars().nth(1).is_some_and(|c| c.is_uppercase()) {
            return Wc::Cap;
        }
    }
    Wc::Bad
}

// `is_abbreviation` moved to `doc::citation` (the model uses it); re-exported here.
pub(crate) use crate::doc::citation::is_abbreviation;

/// Names and title parsed from the part of a citation before its year or page.
#[derive(Default, Debug)]
struct Names {
    authors: Vec<String>,
    title: Option<String>,
    title_quoted: bool,
    et_al: bool,
    /// A single all-capitals word: "(SBN 172)", "(NEP)".
    acronym: bool,
    /// Written "Author, Title".
    comma_form: bool,
    /// The last word names a kind of source ("Handout", "Lecture").
    source_word: bool,
    /// A single word that is also an ordinary English word ("European").
    common_word: bool,
}

fn parse_names(items: &[Item<'_>], has_year: bool) -> Option<Names> {
    let mut n = Names::default();
    let mut words: Vec<&Item<'_>> = Vec::new();
    let mut chunks: Vec<Vec<&str>> = vec![Vec::new()];
    for it in items {
        match it.kind {
            It::Quoted => {
                if n.title.is_some() {
                    return None;
                }
                let t = it.s.trim().trim_end_matches([',', '.']);
                if t.is_empty() {
                    return None;
                }
                n.title = Some(t.to_string());
                n.title_quoted = true;
            }
            It::Comma => {
                if !chunks.last().is_some_and(|c| c.is_empty()) {
                    chunks.push(Vec::new());
                }
            }
            It::Colon | It::Semi => return None,
            It::Word => {
                words.push(it);
                if let Some(c) = chunks.last_mut() {
                    c.push(it.s);
                }
            }
        }
    }
    if chunks.last().is_some_and(|c| c.is_empty()) {
        chunks.pop();
    }
    if words.is_empty() {
        return n.title.is_some().then_some(n);
    }
    if words.len() > 12 {
        return None;
    }
    let classes: Vec<Wc> = words.iter().map(|w| word_class(w.s)).collect();
    if classes.contains(&Wc::Bad) {
        return None;
    }
    if !classes.contains(&Wc::Cap) {
        return None;
    }
    let first_lower = words[0].s.trim_end_matches(['.', ',']).to_lowercase();
    match classes[0] {
        Wc::Cap => {}
        Wc::Connector if lists::is_particle(&first_lower) => {}
        _ => return None,
    }
    if lists::is_not_source(&first_lower) || lists::is_month(&first_lower) {
        return None;
    }
    // "(Refer to Figure 1 and 2)", "(as in Table 3)": a cross-reference anywhere in it.
    if words.iter().any(|w| {
        matches!(
            w.s.trim_end_matches(['.', ',']).to_lowercase().as_str(),
            "figure"
                | "figures"
                | "fig"
                | "figs"
                | "table"
                | "tables"
                | "appendix"
                | "graph"
                | "chart"
                | "equation"
                | "eq"
        )
    }) {
        return None;
    }
    // "et al." must be written as such.
    for (k, c) in classes.iter().enumerate() {
        if *c == Wc::EtAl {
            let w = words[k].s.to_lowercase();
            if (w == "et" || w == "et.")
                && words
                    .get(k + 1)
                    .is_some_and(|x| x.s.to_lowercase().starts_with("al"))
            {
                n.et_al = true;
            }
        }
    }
    let last_lower = words[words.len() - 1]
        .s
        .trim_end_matches(['.', ','])
        .to_lowercase();
    if classes[classes.len() - 1] == Wc::Connector && last_lower != "al" {
        return None;
    }
    n.source_word = lists::is_source_word(&last_lower);
    // Abbreviated works: "(GP I. 542)", "(ParP 334)", "(Supp. Mag. 4)", "(SBN 172)".
    if words.iter().all(|w| is_abbreviation(w.s)) {
        n.acronym = true;
    }
    if words.len() == 1 {
        n.common_word = lexicon::is_dictionary_word(&first_lower);
    }

    let clean = |ws: &[&str]| -> String {
        let mut out: Vec<&str> = Vec::new();
        for w in ws {
            let l = w.to_lowercase();
            if l == "et" || l == "et." || l.starts_with("al.") || l == "al" || l == "al," {
                break;
            }
            out.push(w);
        }
        out.join(" ")
            .trim()
            .trim_end_matches([',', ' '])
            .to_string()
    };
    let split_and = |ws: &[&str]| -> Vec<String> {
        let mut out = Vec::new();
        let mut cur: Vec<&str> = Vec::new();
        for w in ws {
            let l = w.to_lowercase();
            if l == "and" || l == "&" {
                if !cur.is_empty() {
                    out.push(clean(&cur));
                }
                cur.clear();
            } else {
                cur.push(w);
            }
        }
        if !cur.is_empty() {
            out.push(clean(&cur));
        }
        out.retain(|s| !s.is_empty());
        out
    };
    let starts_with_function_word =
        lexicon::is_function_word(&first_lower) && !lists::is_particle(&first_lower);

    if n.title.is_some() {
        // Author, “Title” page; (Hoston Lecture Outline Week 9 “Stalinism …”)
        let ws: Vec<&str> = words.iter().map(|w| w.s).collect();
        let has_and = ws
            .iter()
            .any(|w| matches!(w.to_lowercase().as_str(), "and" | "&"));
        n.authors = if chunks.len() == 1 && ws.len() > 1 && !has_and && !n.et_al {
            vec![clean(&ws[..1])]
        } else {
            chunks.iter().flat_map(|c| split_and(c)).collect()
        };
        n.comma_form = chunks.len() > 1 || words.len() == 1;
        return Some(n);
    }
    if starts_with_function_word {
        // (On Social Relations in Russia 668), (The Trouble With Evan, 1994)
        n.title = Some(clean(&words.iter().map(|w| w.s).collect::<Vec<_>>()));
        return Some(n);
    }
    let author_like = |c: &Vec<&str>| {
        c.len() <= 4
            && c.iter().all(|w| {
                let l = w.to_lowercase();
                matches!(word_class(w), Wc::Cap | Wc::EtAl)
                    || l == "and"
                    || l == "&"
                    || lists::is_particle(&l)
            })
    };
    if chunks.len() >= 2 {
        let all_authors = has_year
            || (chunks.iter().all(author_like)
                && (chunks.len() >= 3
                    || chunks[chunks.len() - 1]
                        .first()
                        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "and" | "&"))));
        if all_authors {
            n.authors = chunks.iter().flat_map(|c| split_and(c)).collect();
        } else {
            n.authors = split_and(&chunks[0]);
            let rest: Vec<String> = chunks[1..].iter().map(|c| c.join(" ")).collect();
            n.title = Some(rest.join(", "));
            n.comma_form = true;
        }
        return Some(n);
    }
    let ws: Vec<&str> = words.iter().map(|w| w.s).collect();
    let has_and = ws
        .iter()
        .any(|w| matches!(w.to_lowercase().as_str(), "and" | "&"));
    if has_year || has_and || n.et_al || ws.len() == 1 {
        n.authors = split_and(&ws);
        return Some(n);
    }
    let has_connector = classes.iter().skip(1).any(|c| *c == Wc::Connector);
    // "(Letters from the Fair 45)": a title that opens with an ordinary word. (A known author
    // opening it is split off later: "(Keller Letters from the Fair 45)".)
    if (ws.len() >= 3 || has_connector) && lexicon::is_dictionary_word(&first_lower) {
        n.title = Some(clean(&ws));
        return Some(n);
    }
    if ws.len() >= 3 || has_connector {
        // (Lenin Letter to Congress 728): an author followed by a title.
        n.authors = vec![clean(&ws[..1])];
        n.title = Some(clean(&ws[1..]));
    } else {
        n.authors = vec![clean(&ws)];
    }
    Some(n)
}

// ---------------------------------------------------------------------------------------------
// Segments: one source each, separated by ";".

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SegKind {
    /// Names with a year or a page.
    Full,
    /// Names alone.
    NameOnly,
    /// A year alone: "(1973)", "(1973, p. 310)".
    YearOnly,
    /// A locator alone; `true` if labelled ("p. 45").
    PageOnly(bool),
    Ibid,
}

#[derive(Debug)]
struct Seg {
    src: CiteSource,
    kind: SegKind,
    names: Names,
}

fn parse_segment(items: &[Item<'_>], text: &str, base: usize) -> Option<Seg> {
    if items.is_empty() {
        return None;
    }
    let seg_start = items[0].start;
    let seg_end = items[items.len() - 1].end;
    let mut src = CiteSource {
        span: Span::new(base + seg_start, base + seg_end),
        ..Default::default()
    };
    // Prefixes: "see", "cf.", "qtd. in", "e.g.,".
    let mut k = 0;
    'outer: loop {
        let rest = &text[items[k].start..seg_end];
        let lower = rest.to_lowercase();
        for (p, secondary) in lists::prefixes() {
            if lower.starts_with(p)
                && lower[p.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_whitespace() || c == ',')
            {
                let cut = items[k].start + p.len();
                let mut j = k;
                while j < items.len() && items[j].start < cut {
                    j += 1;
                }
                while j < items.len() && items[j].kind == It::Comma {
                    j += 1;
                }
                if j >= items.len() || j == k {
                    return None;
                }
                src.secondary |= *secondary;
                k = j;
                continue 'outer;
            }
        }
        break;
    }
    let items = &items[k..];
    let start = items[0].start;
    src.span.start = base + start;
    let body = text[start..seg_end].trim();
    let lower = body.to_lowercase();

    // ibid.
    let ib = lower.trim_start_matches(['(', ' ']);
    for p in ["ibid.", "ibid", "ibidem", "id."] {
        if let Some(rest) = ib.strip_prefix(p) {
            let rest = rest.trim_start_matches([',', ' ', '.']);
            if rest.is_empty() {
                src.ibid = true;
                return Some(Seg {
                    src,
                    kind: SegKind::Ibid,
                    names: Names::default(),
                });
            }
            if parse_loc(rest).is_some() {
                src.ibid = true;
                src.pages = Some(rest.trim().to_string());
                return Some(Seg {
                    src,
                    kind: SegKind::Ibid,
                    names: Names::default(),
                });
            }
            return None;
        }
    }

    // A locator alone.
    if let Some(labelled) = parse_loc(body) {
        // A year range is a date, not pages.
        let nums: Vec<&str> = body
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .collect();
        if !labelled && !nums.is_empty() && nums.iter().all(|n| is_year_value(n)) {
            if nums.len() == 1 {
                src.year = Some(body.trim_end_matches('.').to_string());
                return Some(Seg {
                    src,
                    kind: SegKind::YearOnly,
                    names: Names::default(),
                });
            }
            return None;
        }
        src.pages = Some(body.to_string());
        return Some(Seg {
            src,
            kind: SegKind::PageOnly(labelled),
            names: Names::default(),
        });
    }

    // The year, if any.
    let mut year_at = None;
    for (i, it) in items.iter().enumerate() {
        if it.kind != It::Word {
            continue;
        }
        let l = it.s.to_lowercase();
        if is_year(it.s) {
            year_at = Some((i, i + 1));
            break;
        }
        if matches!(l.as_str(), "n.d." | "n.d" | "n.d.," | "nd." | "forthcoming") {
            year_at = Some((i, i + 1));
            break;
        }
        if l == "n."
            && items
                .get(i + 1)
                .is_some_and(|x| x.s.to_lowercase().starts_with("d."))
        {
            year_at = Some((i, i + 2));
            break;
        }
        if l == "in"
            && items
                .get(i + 1)
                .is_some_and(|x| x.s.to_lowercase() == "press")
        {
            year_at = Some((i, i + 2));
            break;
        }
    }
    if let Some((ys, ye)) = year_at {
        src.year = Some(
            text[items[ys].start..items[ye - 1].end]
                .trim_end_matches([',', '.'])
                .to_string(),
        );
        if src
            .year
            .as_deref()
            .is_some_and(|y| y.eq_ignore_ascii_case("n.d"))
        {
            src.year = Some("n.d.".into());
        }
        let mut name_end = ys;
        while name_end > 0 && matches!(items[name_end - 1].kind, It::Comma | It::Colon) {
            src.year_sep = Some(if items[name_end - 1].kind == It::Comma {
                ','
            } else {
                ':'
            });
            name_end -= 1;
        }
        if src.year_sep.is_none() && name_end > 0 {
            src.year_sep = Some(' ');
        }
        // The locator after the year: ", p. 310", ": 168", ", 425", or more years.
        let mut ls = ye;
        while ls < items.len() && matches!(items[ls].kind, It::Comma | It::Colon) {
            ls += 1;
        }
        if ls < items.len()
            && items[ls].s.eq_ignore_ascii_case("in")
            && ls + 1 < items.len()
            && items[ls + 1].kind == It::Word
        {
            // "Buech et al. 1977 in Fisher and Wilkinson 2005": the list holds the second.
            if let Some(mut inner) = parse_segment(&items[ls + 1..], text, base) {
                if inner.kind == SegKind::Full {
                    inner.src.secondary = true;
                    return Some(inner);
                }
            }
        }
        if ls < items.len() {
            let loc = text[items[ls].start..seg_end].trim();
            let more_years = loc
                .split([',', ' '])
                .filter(|w| !w.is_empty())
                .all(|w| is_year(w.trim()));
            if parse_loc(loc).is_some() && !more_years {
                src.pages = Some(loc.to_string());
            } else if !more_years && name_end == 0 {
                return None;
            }
        }
        if name_end == 0 {
            return Some(Seg {
                src,
                kind: SegKind::YearOnly,
                names: Names::default(),
            });
        }
        let names = parse_names(&items[..name_end], true)?;
        src.authors.clone_from(&names.authors);
        src.title.clone_from(&names.title);
        src.title_quoted = names.title_quoted;
        src.et_al = names.et_al;
        return Some(Seg {
            src,
            kind: SegKind::Full,
            names,
        });
    }

    // No year: names, then perhaps a locator at the end (after any quoted title).
    let after_title = items
        .iter()
        .rposition(|it| it.kind == It::Quoted)
        .map_or(1, |p| p + 1);
    let mut name_end = items.len();
    let mut pages = None;
    for cut in after_title.max(1)..items.len() {
        if items[cut].kind != It::Word {
            continue;
        }
        let loc = text[items[cut].start..seg_end].trim();
        if parse_loc(loc).is_some() {
            // A single capital roman numeral ends a name: "Henry V", "Richard III".
            let w = items[cut].s;
            if cut + 1 == items.len() && w.chars().all(|c| "IVXLC".contains(c)) {
                break;
            }
            name_end = cut;
            pages = Some(loc.to_string());
            break;
        }
    }
    while name_end > 0 && items[name_end - 1].kind == It::Comma {
        name_end -= 1;
    }
    if name_end == 0 {
        return None;
    }
    let names = parse_names(&items[..name_end], false)?;
    src.authors.clone_from(&names.authors);
    src.title.clone_from(&names.title);
    src.title_quoted = names.title_quoted;
    src.et_al = names.et_al;
    let kind = if pages.is_some() {
        SegKind::Full
    } else {
        SegKind::NameOnly
    };
    src.pages = pages;
    Some(Seg { src, kind, names })
}

/// Parses a group's inner text into its segments. `None` unless every segment parses.
fn parse_inner(text: &str, base: usize) -> Option<Vec<Seg>> {
    let items = lex(text)?;
    if items.is_empty() {
        return None;
    }
    let mut segs = Vec::new();
    for part in items.split(|it| it.kind == It::Semi) {
        if part.is_empty() {
            continue;
        }
        segs.push(parse_segment(part, text, base)?);
    }
    (!segs.is_empty()).then_some(segs)
}

fn style_of(seg: &Seg) -> CiteStyle {
    if seg.src.year.is_some() {
        if seg.src.year_sep == Some(',') {
            CiteStyle::Apa
        } else {
            CiteStyle::ChicagoAuthorDate
        }
    } else {
        CiteStyle::Mla
    }
}

// ---------------------------------------------------------------------------------------------
// Round groups: (Medvedev 69), (Cohen, 1973, p. 310), Cohen (1973), (69) after a quotation.

fn round(
    doc: &Document,
    g: &Group,
    out: &mut Vec<Citation>,
    name_only: &mut Vec<(Citation, bool)>,
) {
    let text = &doc.prose[g.inner.start..g.inner.end];
    let Some(segs) = parse_inner(text, g.inner.start) else {
        return;
    };
    let open = g.tokens.start.saturating_sub(1);
    if segs.len() == 1 {
        let seg = &segs[0];
        match seg.kind {
            SegKind::YearOnly => {
                if let Some(c) = narrative(doc, g, open, seg) {
                    out.push(c);
                }
                return;
            }
            SegKind::PageOnly(labelled) => {
                if labelled || page_context(doc, g, open) {
                    out.push(Citation {
                        span: g.span,
                        style: CiteStyle::Mla,
                        sources: vec![seg.src.clone()],
                        sentence: None,
                        certain: true,
                    });
                }
                return;
            }
            SegKind::NameOnly => {
                let n = &seg.names;
                if n.acronym || !ends_clause(doc, g) {
                    return;
                }
                let after_quote = after_quotation(doc, open);
                let strong = n.comma_form
                    || n.title_quoted
                    || n.source_word
                    || (after_quote && !n.common_word)
                    || n.et_al;
                name_only.push((
                    Citation {
                        span: g.span,
                        style: CiteStyle::Mla,
                        sources: vec![seg.src.clone()],
                        sentence: None,
                        certain: false,
                    },
                    strong,
                ));
                return;
            }
            SegKind::Full | SegKind::Ibid => {}
        }
    }
    if segs
        .iter()
        .any(|s| matches!(s.kind, SegKind::YearOnly | SegKind::PageOnly(_)))
    {
        return;
    }
    if !segs
        .iter()
        .any(|s| matches!(s.kind, SegKind::Full | SegKind::Ibid))
    {
        return;
    }
    // A lone acronym with a page ("(SBN 172)") is a citation, but an unsure one.
    let certain = segs.iter().any(|s| {
        s.kind == SegKind::Ibid
            || (s.kind == SegKind::Full
                && (s.src.year.is_some() || !(s.names.acronym || s.names.common_word)))
    });
    let style = segs
        .iter()
        .find(|s| s.kind == SegKind::Full)
        .map_or(CiteStyle::Mla, style_of);
    out.push(Citation {
        span: g.span,
        style,
        sources: segs.into_iter().map(|s| s.src).collect(),
        sentence: None,
        certain,
    });
}

/// The group is followed by clause punctuation or the end of the paragraph.
fn ends_clause(doc: &Document, g: &Group) -> bool {
    let next = g.tokens.end + 1;
    let pend = doc.paragraphs[g.paragraph].tokens.end;
    next >= pend
        || matches!(
            doc.tok(next),
            "." | "," | ";" | ":" | "!" | "?" | "”" | "\""
        )
}

fn is_closing_quote(s: &str) -> bool {
    matches!(s, "”" | "\"" | "’" | "'" | "»")
}

/// The token before `open` closes a quotation (possibly followed by a comma or stop).
fn after_quotation(doc: &Document, open: usize) -> bool {
    let mut j = open;
    for _ in 0..2 {
        if j == 0 {
            return false;
        }
        j -= 1;
        let t = doc.tok(j);
        if is_closing_quote(t) {
            return true;
        }
        if !matches!(t, "," | "." | "…" | "...") {
            return false;
        }
    }
    false
}

/// A bare locator "(69)" is a citation after a quotation in its sentence, at the end of a block
/// quotation, or right after a reporting verb.
fn page_context(doc: &Document, g: &Group, open: usize) -> bool {
    if after_quotation(doc, open) {
        return true;
    }
    let p = &doc.paragraphs[g.paragraph];
    if p.kind == ParagraphKind::BlockQuote && g.tokens.end + 2 >= p.tokens.end {
        return true;
    }
    if let Some(si) = doc.sentence_at(g.span.start) {
        let s = &doc.sentences[si];
        let from = doc
            .quotations
            .partition_point(|q| q.span.start < s.span.start);
        if doc.quotations[from..]
            .iter()
            .take_while(|q| q.span.start < g.span.start)
            .any(|q| q.closed && q.depth == 0 && q.span.end <= g.span.start)
        {
            return true;
        }
    }
    open > 0 && doc.tokens[open - 1].is_word() && lists::is_signal_verb(doc.lower(open - 1))
}

/// "Cohen (1973) argues", "Cohen and Smith (1973)", "Cohen et al.’s (1973)".
fn narrative(doc: &Document, g: &Group, open: usize, seg: &Seg) -> Option<Citation> {
    let pstart = doc.paragraphs[g.paragraph].tokens.start;
    if open <= pstart {
        return None;
    }
    let mut j = open - 1;
    let mut et_al = false;
    if doc.tok(j) == "." && j >= pstart + 2 && doc.lower(j - 1) == "al" && doc.lower(j - 2) == "et"
    {
        et_al = true;
        j = j.checked_sub(3)?;
        if j < pstart {
            return None;
        }
    } else if doc.lower(j).starts_with("al") && j > pstart && doc.lower(j - 1) == "et" {
        et_al = true;
        j = j.checked_sub(2)?;
    }
    let mut possessive = false;
    let name_of = |k: usize, poss: &mut bool| -> Option<String> {
        if doc.tokens[k].kind != TokenKind::Word {
            return None;
        }
        let t = doc.tok(k);
        let mut base = t;
        for suf in ["’s", "'s", "’", "'"] {
            if let Some(b) = t.strip_suffix(suf) {
                base = b;
                *poss = true;
                break;
            }
        }
        let lower = base.to_lowercase();
        if !crate::doc::is_capitalized(base)
            || lexicon::is_function_word(&lower)
            || lists::is_not_source(&lower)
            || lists::is_month(&lower)
            || base.chars().count() < 2
        {
            return None;
        }
        Some(base.to_string())
    };
    let first = name_of(j, &mut possessive)?;
    let mut authors = vec![first];
    let mut k = j;
    let mut dummy = false;
    let mut organisation_name = false;
    // particles: "van Dijk"
    if k > pstart
        && lists::is_particle(doc.lower(k - 1))
        && doc.tok(k - 1).chars().all(|c| c.is_lowercase())
    {
        k -= 1;
        authors[0] = format!("{} {}", doc.tok(k), authors[0]);
    } else if !possessive && !et_al {
        // An organisation: "the National Institute of Mental Health (2007)".
        let mut m = k;
        let mut words = 1;
        while m > pstart && words < 7 {
            let prev = m - 1;
            let t = doc.tok(prev);
            let l = doc.lower(prev);
            let cap = doc.tokens[prev].is_word()
                && crate::doc::is_capitalized(t)
                && !lexicon::is_function_word(l)
                && !lists::is_not_source(l)
                && !t.ends_with("’s")
                && !t.ends_with("'s");
            let connector = matches!(l, "of" | "for" | "on");
            if !(cap || connector) {
                break;
            }
            m = prev;
            words += 1;
        }
        // Never end on a connector: "of Mental Health" keeps only "Mental Health".
        while m < k && matches!(doc.lower(m), "of" | "for" | "on") {
            m += 1;
        }
        if m < k && doc.tokens[m..k].iter().any(|t| t.is_word()) {
            let opens = doc
                .sentence_at(doc.tokens[m].span.start)
                .is_some_and(|s| doc.sentences[s].tokens.start == m);
            // A sentence-opening ordinary word is not part of the name ("Research (2001)").
            if opens
                && lexicon::is_dictionary_word(doc.lower(m))
                && !crate::doc::is_all_caps(doc.tok(m))
            {
                m += 1;
                while m < k && matches!(doc.lower(m), "of" | "for" | "on") {
                    m += 1;
                }
            }
            // Only an organisation's name is taken whole: "Institute of …", "… Network".
            let organisation = (m..=k).any(|i| {
                matches!(doc.lower(i), "of" | "for" | "on")
                    || lists::is_organisation_word(doc.lower(i))
            });
            if m < k && organisation {
                let prefix = &doc.text[doc.tokens[m].span.start..doc.tokens[k - 1].span.end];
                authors[0] = format!("{prefix} {}", authors[0]);
                k = m;
                organisation_name = true;
            }
        }
    }
    // "Smith and Jones", "Smith, Jones, and Brown"
    if !organisation_name && k >= pstart + 2 && matches!(doc.lower(k - 1), "and" | "&") {
        let mut m = k - 2;
        if doc.tok(m) == "," && m > pstart {
            m -= 1; // the Oxford comma
        }
        if let Some(a) = name_of(m, &mut dummy) {
            authors.insert(0, a);
            k = m;
            while k >= pstart + 2 && doc.tok(k - 1) == "," {
                let cand = k - 2;
                // "Similarly, Bonnot and Croizet (2007)": an adverb opening the sentence.
                let opens = doc
                    .sentence_at(doc.tokens[cand].span.start)
                    .is_some_and(|s| doc.sentences[s].tokens.start == cand);
                let l = doc.lower(cand);
                if opens
                    && (lexicon::is_function_word(l)
                        || l.ends_with("ly")
                        || matches!(
                            l,
                            "however"
                                | "thus"
                                | "therefore"
                                | "moreover"
                                | "furthermore"
                                | "indeed"
                                | "hence"
                                | "nevertheless"
                                | "nonetheless"
                                | "meanwhile"
                                | "instead"
                                | "again"
                                | "later"
                                | "first"
                                | "second"
                                | "third"
                                | "finally"
                                | "also"
                                | "yet"
                                | "still"
                                | "then"
                        ))
                {
                    break;
                }
                match name_of(cand, &mut dummy) {
                    Some(a) => {
                        authors.insert(0, a);
                        k = cand;
                    }
                    None => break,
                }
            }
        }
    }
    // The strength of the evidence that this is a citation, not a date after a name.
    let next_word = (g.tokens.end + 1
        ..(g.tokens.end + 5).min(doc.paragraphs[g.paragraph].tokens.end))
        .filter(|&i| doc.tokens[i].is_word())
        .find(|&i| {
            !matches!(
                doc.lower(i),
                "also"
                    | "has"
                    | "have"
                    | "had"
                    | "further"
                    | "similarly"
                    | "later"
                    | "recently"
                    | "first"
            )
        });
    let verb_after = next_word.is_some_and(|i| lists::is_signal_verb(doc.lower(i)));
    let according = k >= pstart + 2 && doc.lower(k - 1) == "to" && doc.lower(k - 2) == "according";
    let by_in = k > pstart && matches!(doc.lower(k - 1), "by" | "see" | "in" | "from");
    // A run of capitalised words before a year is as often a title or a place ("New York City
    // (2000)") as an organisation: it counts only if the list has it.
    let certain = !organisation_name
        && (et_al || authors.len() > 1 || possessive || verb_after || according || by_in);
    let mut src = seg.src.clone();
    src.authors = authors;
    src.et_al = et_al;
    src.year_sep = None;
    src.span = Span::new(doc.tokens[k].span.start, g.span.end);
    Some(Citation {
        span: Span::new(doc.tokens[k].span.start, g.span.end),
        style: CiteStyle::Narrative,
        sources: vec![src],
        sentence: None,
        certain,
    })
}

// ---------------------------------------------------------------------------------------------
// Square groups: [3], [3, 5–7], [@key, p. 3], [^1], [Strichartz: 1973].

fn numeric_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r"^\s*\d{1,3}(?:\s*[-–—]\s*\d{1,3})?(?:\s*,\s*\d{1,3}(?:\s*[-–—]\s*\d{1,3})?)*\s*$",
        )
        .expect("numeric regex")
    })
}

fn pandoc_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"^(?P<pre>[^@]*?)-?@(?P<key>[\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*)\s*(?:,\s*(?P<loc>.*?))?\s*$")
            .expect("pandoc regex")
    })
}

fn square(doc: &Document, g: &Group, out: &mut Vec<Citation>) {
    let text = &doc.prose[g.inner.start..g.inner.end];
    let base = g.inner.start;
    let trimmed = text.trim();
    if let Some(label) = trimmed.strip_prefix('^') {
        if !label.is_empty() && label.len() <= 40 && !label.contains(char::is_whitespace) {
            out.push(Citation {
                span: g.span,
                style: CiteStyle::Footnote,
                sources: vec![CiteSource {
                    span: g.span,
                    key: Some(label.to_string()),
                    number: label.parse().ok(),
                    ..Default::default()
                }],
                sentence: None,
                certain: true,
            });
        }
        return;
    }
    if trimmed.contains('@') {
        let mut sources = Vec::new();
        let mut off = 0;
        for part in text.split(';') {
            let pstart = base + off;
            off += part.len() + 1;
            let caps = pandoc_re().captures(part.trim());
            let Some(caps) = caps else {
                return;
            };
            let key = caps["key"].trim_end_matches(['.', ':', ',']).to_string();
            let lead = part.len() - part.trim_start().len();
            sources.push(CiteSource {
                span: Span::new(pstart + lead, pstart + part.trim_end().len().max(lead)),
                key: Some(key),
                pages: caps
                    .name("loc")
                    .map(|m| m.as_str().trim().to_string())
                    .filter(|s| !s.is_empty()),
                ..Default::default()
            });
        }
        if !sources.is_empty() {
            out.push(Citation {
                span: g.span,
                style: CiteStyle::Pandoc,
                sources,
                sentence: None,
                certain: true,
            });
        }
        return;
    }
    if numeric_re().is_match(text) {
        // "[1]" opening a list item is the item's number.
        let p = &doc.paragraphs[g.paragraph];
        if g.tokens.start == p.tokens.start + 1 && p.kind == ParagraphKind::ListItem {
            return;
        }
        // "LaCl[3]", "CO[2]": a subscript written in brackets after a formula.
        let open = g.tokens.start.saturating_sub(1);
        if open > 0 && !doc.tokens[open].space_before && doc.tokens[open - 1].is_word() {
            let w = doc.tok(open - 1);
            if w.chars().skip(1).any(|c| c.is_uppercase())
                || crate::doc::is_all_caps(w)
                || w.chars().count() <= 2
            {
                return;
            }
        }
        let mut sources = Vec::new();
        let mut off = 0;
        for part in text.split(',') {
            let pstart = base + off;
            off += part.len() + 1;
            let nums: Vec<u32> = part
                .split(['-', '–', '—'])
                .filter_map(|n| n.trim().parse().ok())
                .collect();
            let span = Span::new(pstart, pstart + part.len());
            match nums.as_slice() {
                [a] => sources.push(CiteSource {
                    span,
                    number: Some(*a),
                    ..Default::default()
                }),
                [a, b] if a <= b && b - a <= 30 => {
                    for n in *a..=*b {
                        sources.push(CiteSource {
                            span,
                            number: Some(n),
                            ..Default::default()
                        });
                    }
                }
                _ => return,
            }
        }
        if sources.iter().any(|s| s.number == Some(0)) {
            return;
        }
        out.push(Citation {
            span: g.span,
            style: CiteStyle::Numeric,
            sources,
            sentence: None,
            certain: true,
        });
        return;
    }
    // Author-date in square brackets (lab reports): [Strichartz: 1973], [Hammock 1983].
    let Some(segs) = parse_inner(text, base) else {
        return;
    };
    if segs
        .iter()
        .all(|s| s.kind == SegKind::Full && s.src.year.is_some())
    {
        let style = style_of(&segs[0]);
        out.push(Citation {
            span: g.span,
            style,
            sources: segs.into_iter().map(|s| s.src).collect(),
            sentence: None,
            certain: true,
        });
    }
}

// ---------------------------------------------------------------------------------------------
// LaTeX commands written in plain text, superscript and glued footnote markers.

fn latex_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"\\(?P<cmd>[A-Za-z]*cite[A-Za-z]*|cite)\*?\s*(?:\[(?P<a>[^\]\n]{0,80})\]\s*)?(?:\[(?P<b>[^\]\n]{0,80})\]\s*)?\{(?P<keys>[^}\n]{1,300})\}")
            .expect("latex regex")
    })
}

fn latex_literal(doc: &Document, out: &mut Vec<Citation>) {
    if !doc.prose.contains("cite") {
        return;
    }
    let mut found: Vec<Citation> = Vec::new();
    for caps in latex_re().captures_iter(&doc.prose) {
        let Some(m) = caps.get(0) else { continue };
        let keys = caps.name("keys").map_or("", |k| k.as_str());
        let kstart = caps.name("keys").map_or(m.start(), |k| k.start());
        // The postnote is the last optional argument.
        let post = caps
            .name("b")
            .or(caps.name("a"))
            .map(|x| x.as_str().trim().to_string())
            .filter(|s| !s.is_empty());
        let mut sources = Vec::new();
        let mut off = 0;
        for k in keys.split(',') {
            let s = kstart + off;
            off += k.len() + 1;
            let key = k.trim();
            if key.is_empty() {
                continue;
            }
            let lead = k.len() - k.trim_start().len();
            sources.push(CiteSource {
                span: Span::new(s + lead, s + lead + key.len()),
                key: Some(key.to_string()),
                pages: post.clone(),
                ..Default::default()
            });
        }
        if sources.is_empty() {
            continue;
        }
        found.push(Citation {
            span: Span::new(m.start(), m.end()),
            style: CiteStyle::Latex,
            sources,
            sentence: None,
            certain: true,
        });
    }
    if found.is_empty() {
        return;
    }
    // The command wins over any group parsed inside it ("{key}", "[p. 3]").
    out.retain(|c| {
        let i = found.partition_point(|f| f.span.end <= c.span.start);
        !found.get(i).is_some_and(|f| f.span.overlaps(c.span))
    });
    out.extend(found);
}

fn superscript_value(c: char) -> Option<u32> {
    match c {
        '⁰' => Some(0),
        '¹' => Some(1),
        '²' => Some(2),
        '³' => Some(3),
        '⁴'..='⁹' => Some(c as u32 - '⁴' as u32 + 4),
        _ => None,
    }
}

/// Superscript digits after a word or punctuation: "Americans.¹", "collectivization²³".
fn superscripts(doc: &Document, out: &mut Vec<Citation>) {
    let text = &doc.prose;
    if !text.chars().any(|c| superscript_value(c).is_some()) {
        return;
    }
    let mut it = text.char_indices().peekable();
    let mut prev_end_word_len = 0usize;
    let mut prev_char = ' ';
    while let Some((i, c)) = it.next() {
        if superscript_value(c).is_none() {
            if c.is_alphabetic() {
                prev_end_word_len += 1;
            } else {
                prev_end_word_len = 0;
            }
            prev_char = c;
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        let mut value = superscript_value(c).unwrap_or(0);
        while let Some(&(j, d)) = it.peek() {
            match superscript_value(d) {
                Some(v) => {
                    value = value.saturating_mul(10).saturating_add(v);
                    end = j + d.len_utf8();
                    it.next();
                }
                None => break,
            }
        }
        let after_ok = text[end..].chars().next().is_none_or(|d| {
            d.is_whitespace() || matches!(d, '.' | ',' | ';' | ':' | ')' | '”' | '"')
        });
        let before_ok = matches!(prev_char, '.' | ',' | ';' | ':' | '”' | '"' | ')' | '’')
            || prev_end_word_len >= 3;
        prev_end_word_len = 0;
        prev_char = ' ';
        if !(after_ok && before_ok) || value == 0 {
            continue;
        }
        let Some(si) = doc.sentence_at(start) else {
            continue;
        };
        if !doc.is_prose(&doc.sentences[si]) {
            continue;
        }
        let span = Span::new(start, end);
        out.push(Citation {
            span,
            style: CiteStyle::Footnote,
            sources: vec![CiteSource {
                span,
                number: Some(value),
                ..Default::default()
            }],
            sentence: None,
            certain: true,
        });
    }
}

/// Footnote numbers that lost their superscript: "… in 1929.12 The party …". Kept only when
/// there are several and they mostly count upwards.
fn glued_markers(doc: &Document, out: &mut Vec<Citation>) {
    let mut found: Vec<(Span, u32)> = Vec::new();
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        if !matches!(p.kind, ParagraphKind::Body | ParagraphKind::BlockQuote) {
            continue;
        }
        let _ = pi;
        for i in p.tokens.start + 2..p.tokens.end {
            let t = &doc.tokens[i];
            if t.kind != TokenKind::Number || t.space_before {
                continue;
            }
            let s = doc.tok(i);
            if s.len() > 3 || !s.bytes().all(|b| b.is_ascii_digit()) {
                continue;
            }
            let Ok(n) = s.parse::<u32>() else { continue };
            if n == 0 || n > 300 {
                continue;
            }
            let punct = doc.tok(i - 1);
            if !matches!(punct, "." | "," | ";" | ":" | "”" | "\"" | ")")
                || doc.tokens[i - 1].space_before
            {
                continue;
            }
            let w = i - 2;
            if doc.tokens[w].kind != TokenKind::Word || doc.tok(w).chars().count() < 3 {
                continue;
            }
            let wl = doc.lower(w);
            if lists::is_not_source(wl) || lexicon::abbreviation(wl).is_some() {
                continue;
            }
            let next = doc.tokens.get(i + 1).filter(|_| i + 1 < p.tokens.end);
            let next_ok = match next {
                None => true,
                Some(nt) => {
                    nt.space_before
                        && (punct != "." || crate::doc::is_capitalized(doc.tok(i + 1)))
                        && nt.kind != TokenKind::Number
                }
            };
            if next_ok {
                found.push((t.span, n));
            }
        }
    }
    if found.len() < 2 {
        return;
    }
    let rising = found.windows(2).filter(|w| w[1].1 >= w[0].1).count();
    if rising * 4 < (found.len() - 1) * 3 {
        return;
    }
    for (span, n) in found {
        out.push(Citation {
            span,
            style: CiteStyle::Footnote,
            sources: vec![CiteSource {
                span,
                number: Some(n),
                ..Default::default()
            }],
            sentence: None,
            certain: true,
        });
    }
}

#[cfg(test)]
pub(super) fn parse_for_test(s: &str) -> Option<Vec<CiteSource>> {
    parse_inner(s, 0).map(|v| v.into_iter().map(|s| s.src).collect())
}
