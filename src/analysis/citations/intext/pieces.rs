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
    // Both expressions open with a year's first digit; ASCII words are matched by hand
    // (compiling the two for every run was 3% of a 2,000-word essay's instructions).
    if !w.starts_with(['1', '2']) {
        return false;
    }
    if w.is_ascii() {
        return is_year_ascii(w.as_bytes());
    }
    year_re().is_match(w) || year_range_re().is_match(w)
}

/// [`year_re`] or [`year_range_re`] on ASCII text (where `\d` is `[0-9]` and `–` cannot occur).
fn is_year_ascii(w: &[u8]) -> bool {
    let year = |b: &[u8]| {
        b.len() == 4
            && matches!((b[0], b[1]), (b'1', b'4'..=b'9') | (b'2', b'0'))
            && b[2].is_ascii_digit()
            && b[3].is_ascii_digit()
    };
    if w.len() < 4 || !year(&w[..4]) {
        return false;
    }
    // Neither expression has a `.` before its final optional one.
    let rest = w[4..].strip_suffix(b".").unwrap_or(&w[4..]);
    // year_re: `[a-z]?(/(\d\d|\d{4}))?`.
    let after = match rest.first() {
        Some(c) if c.is_ascii_lowercase() => &rest[1..],
        _ => rest,
    };
    if after.is_empty()
        || after[0] == b'/'
            && matches!(after.len(), 3 | 5)
            && after[1..].iter().all(u8::is_ascii_digit)
    {
        return true;
    }
    // year_range_re: `[-/](\d{1,2}|year)`.
    match rest.split_first() {
        Some((b'-' | b'/', r)) => {
            (1..=2).contains(&r.len()) && r.iter().all(u8::is_ascii_digit) || year(r)
        }
        _ => false,
    }
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
        let l = loc_piece(piece)?;
        if labelled.is_none() {
            labelled = Some(l);
        }
    }
    labelled
}

/// Whether one locator piece matches [`loc_re`], and whether with its label. Pieces that
/// cannot match are turned away by hand first ([`may_be_loc`]), faster than the expression.
fn loc_piece(piece: &str) -> Option<bool> {
    if !may_be_loc(piece) {
        return None;
    }
    Some(loc_re().captures(piece)?.name("label").is_some())
}

/// What every piece [`loc_re`] matches has (a looser test, never a stricter one): at most five
/// words (its `\s*` come after the label, around the dash and before `ff`), of letters,
/// digits and `.:-–—¶§` only, opening with a digit, a roman numeral or a label's first letter
/// (`ſ` folds to `s`).
fn may_be_loc(piece: &str) -> bool {
    piece
        .chars()
        .next()
        .is_some_and(|c| c.is_numeric() || "pPcCsSlLfFnNvVbBaAmMiIxX¶§ſ".contains(c))
        && piece.split_whitespace().nth(5).is_none()
        && piece.chars().all(|c| {
            c.is_alphanumeric()
                || c.is_whitespace()
                || matches!(c, '.' | ':' | '-' | '–' | '—' | '¶' | '§')
        })
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

#[cfg(test)]
mod year_tests {
    use super::*;

    /// The hand matcher agrees with the two expressions on every string of up to eight
    /// characters from a small alphabet around years, and on real forms.
    #[test]
    fn hand_matched_years_agree_with_the_expressions() {
        let by_re = |w: &str| year_re().is_match(w) || year_range_re().is_match(w);
        for w in [
            "1994",
            "1994.",
            "1994a",
            "1994a.",
            "1994/95",
            "1994/1995",
            "1994-5",
            "1994-95.",
            "1994-1995",
            "2020b/21",
            "1399",
            "2100",
            "1994..",
            "1994ab",
            "1994-199",
            "1994/9",
            "19945",
            "1994 ",
            "1994-2",
            "2003/04.",
        ] {
            assert_eq!(is_year(w), by_re(w), "{w}");
        }
        let alphabet = [b'1', b'2', b'0', b'4', b'9', b'a', b'.', b'/', b'-'];
        let mut buf = Vec::new();
        let mut n = 0u64;
        // Every string of length 4..=8 over the alphabet, with a year-like start fixed so the
        // enumeration stays small: the four-character openings below, then up to four more.
        for open in ["1994", "2004", "1400", "2090", "1390", "2104", "19a4"] {
            for len in 0..=4u32 {
                for mut k in 0..(alphabet.len() as u64).pow(len) {
                    buf.clear();
                    buf.extend_from_slice(open.as_bytes());
                    for _ in 0..len {
                        buf.push(alphabet[(k % alphabet.len() as u64) as usize]);
                        k /= alphabet.len() as u64;
                    }
                    let w = std::str::from_utf8(&buf).unwrap();
                    assert_eq!(is_year(w), by_re(w), "{w}");
                    n += 1;
                }
            }
        }
        assert!(n > 40_000);
    }
}

#[cfg(test)]
mod loc_tests {
    use super::*;

    fn by_re(piece: &str) -> Option<bool> {
        Some(loc_re().captures(piece)?.name("label").is_some())
    }

    /// The hand test turns away no piece `loc_re` matches: the same answers on real locators
    /// and on every sequence of up to four tokens from an alphabet of the expression's pieces.
    #[test]
    fn locators_prefiltered_agree_with_the_expression() {
        for w in [
            "45",
            "p. 45",
            "pp. 113-114",
            "3.1.56-60",
            "ix",
            "ll. 3-5",
            "ch. 2",
            "45ff",
            "45 ff.",
            "Pp. 12",
            "P 3",
            "vii",
            "vi",
            "iv.2",
            "IV.2.3",
            "xii:4",
            "45a",
            "45a.3b",
            "3 to 5",
            "Chapter 4",
            "PAGES 3-4",
            "sec.2",
            "v. 3",
            "vv. 3-4",
            "12-",
            "p.",
            "",
            "45 .",
            "45..",
            "Medvedev 395",
            "x",
            "c",
            "cc",
            "II",
            "II.3",
            "2 - 3",
            "2 to iv",
            "ff",
            "ff 3",
            "l.1",
            "art 5",
            "p.\u{a0}45",
            "45–50",
            "45—50",
            "Stalin’s",
            "¶ 3",
            "¶¶ 3-4",
            "§§ 4-5",
            "ſec. 3",
            "bK 2",
            "p. 3 to 4 ff.",
            "pp. 3 - 4 ff",
            "p. 3 - 4 ff extra",
            "٣٤",
            "p. ٣",
            "3 – 4",
            "Ⅳ",
            "min 3",
            "n 4",
            "note 3",
            "locs. 5",
            "45f",
            "45ff.",
            "45 f.",
            "iv-v",
        ] {
            assert_eq!(loc_piece(w), by_re(w), "{w:?}");
        }
        let tokens = [
            "p", "pp", ".", " ", "1", "23", "i", "v", "x", "c", "I", "V", "-", "to", "f", "a", ":",
            "Ll", "ch", "\t",
        ];
        let mut n = 0u64;
        let mut piece = String::new();
        for len in 1..=4u32 {
            for mut k in 0..(tokens.len() as u64).pow(len) {
                piece.clear();
                for _ in 0..len {
                    piece.push_str(tokens[(k % tokens.len() as u64) as usize]);
                    k /= tokens.len() as u64;
                }
                assert_eq!(loc_piece(&piece), by_re(&piece), "{piece:?}");
                n += 1;
            }
        }
        assert!(n > 150_000);
    }
}
