//! The pieces of a citation: years, locators, word classes, names and titles.

#[allow(unused_imports)]
use super::*;

pub(super) fn year_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"^(1[4-9]\d\d|20\d\d)[a-z]?(/(\d\d|\d{4}))?\.?$").expect("year regex")
    })
}

pub(super) fn is_year(w: &str) -> bool {
    year_re().is_match(w) || year_range_re().is_match(w)
}

/// "1994-5", "1994–95", "1994-1995": a span of years, as some author-date citations give.
pub(super) fn year_range_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"^(1[4-9]\d\d|20\d\d)[-–/](\d{1,2}|1[4-9]\d\d|20\d\d)\.?$").expect("year range")
    })
}

pub(super) fn is_year_value(w: &str) -> bool {
    w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) && is_year(w)
}

/// One locator piece: "45", "p. 45", "pp. 113-114", "3.1.56-60", "ix", "ll. 3-5", "ch. 2", "45ff".
pub(super) fn loc_re() -> &'static Regex {
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
pub(super) fn parse_loc(s: &str) -> Option<bool> {
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
pub(super) enum Wc {
    Cap,
    Connector,
    EtAl,
    Num,
    Bad,
}

pub(super) fn word_class(w: &str) -> Wc {
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
pub(super) struct Names {
    pub(super) authors: Vec<String>,
    pub(super) title: Option<String>,
    pub(super) title_quoted: bool,
    pub(super) et_al: bool,
    /// A single all-capitals word: "(SBN 172)", "(NEP)".
    pub(super) acronym: bool,
    /// Written "Author, Title".
    pub(super) comma_form: bool,
    /// The last word names a kind of source ("Handout", "Lecture").
    pub(super) source_word: bool,
    /// A single word that is also an ordinary English word ("European").
    pub(super) common_word: bool,
}

pub(super) fn parse_names(items: &[Item<'_>], has_year: bool) -> Option<Names> {
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
