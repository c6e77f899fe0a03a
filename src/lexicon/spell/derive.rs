//! Derivation: words the dictionaries do not list but English forms regularly from words they
//! do list (a prefix, a suffix, an inflection spelled by the rules of English orthography, two
//! words written together, another national spelling), and old spellings.

use super::check;
use super::lookup::check_us;
use super::shape::{fold_accents, is_roman_numeral};
use crate::lexicon;
use std::sync::OnceLock;

fn prefixes() -> &'static [&'static str] {
    static P: OnceLock<Vec<&'static str>> = OnceLock::new();
    P.get_or_init(|| {
        let mut v: Vec<_> =
            lexicon::lines(lexicon::data_file!("rules/spelling/prefixes.txt")).collect();
        v.sort_by_key(|p| std::cmp::Reverse(p.len()));
        v
    })
}

fn suffixes() -> &'static [(&'static str, &'static str)] {
    static S: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    S.get_or_init(|| {
        lexicon::lines(lexicon::data_file!("rules/spelling/suffixes.txt"))
            .map(|l| match l.split_once(" -> ") {
                Some((a, b)) => (a.trim(), b.trim()),
                None => (l, ""),
            })
            .collect()
    })
}

/// True if the word is a productive prefix (co, non, quasi, …) that may stand before a hyphen.
pub fn is_prefix(lower: &str) -> bool {
    prefixes().contains(&lower)
}

/// How a lowercase word is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Known {
    /// In a dictionary, possibly after removing a possessive or contraction ending.
    Dictionary,
    /// Formed from a dictionary word by a productive prefix or suffix (overindulging,
    /// bureaucratical), or an accented spelling of a dictionary word (naïve).
    Derived,
    /// A Roman numeral.
    Numeral,
    /// Not known.
    Unknown,
}

/// Classifies a word as written (case matters: see [`check`](super::check)). `word` uses `'` for apostrophes.
pub fn classify(word: &str) -> Known {
    if check(word) {
        return Known::Dictionary;
    }
    if is_roman_numeral(word) {
        return Known::Numeral;
    }
    // Possessives and contractions: strip the ending and check the stem.
    if let Some((stem, end)) = word.rsplit_once('\'') {
        let end_l = end.to_ascii_lowercase();
        if matches!(end_l.as_str(), "s" | "d" | "ll" | "ve" | "re" | "m" | "t") && !stem.is_empty()
        {
            let stem = if end_l == "t" {
                stem.strip_suffix(['n', 'N']).unwrap_or(stem)
            } else {
                stem
            };
            if !stem.is_empty() && !stem.contains('\'') {
                let k = classify(stem);
                if k != Known::Unknown {
                    return k;
                }
            }
        }
        return Known::Unknown;
    }
    // Accented spellings of dictionary words (naïve, rôle, coöperate).
    if !word.is_ascii() {
        let folded = fold_accents(word);
        if folded != word && folded.is_ascii() && check(&folded) {
            return Known::Derived;
        }
        return Known::Unknown;
    }
    if derived(word, 0) || inflected(word) || compound(word) || dialect_variant(word) {
        return Known::Derived;
    }
    Known::Unknown
}

/// The endings of regular inflection and derivation, each with the ways English spelling
/// attaches it to a stem.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ending {
    /// -s/-es (plural, third person).
    S,
    /// -ed (past).
    Ed,
    /// -ing.
    Ing,
    /// -er (agent, comparative).
    Er,
    /// -ers.
    Ers,
    /// -est.
    Est,
    /// -ly.
    Ly,
    /// -ness, -less, -ful, -ment: consonant endings that change a final consonant + y to i.
    Consonant(&'static str),
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Every spelling English orthography allows for `stem` + `ending`: y to i after a consonant,
/// a silent e dropped before a vowel, a final consonant doubled after a single vowel (optional:
/// stress decides it), -es after a sibilant.
fn attach(stem: &str, ending: Ending) -> Vec<String> {
    let b = stem.as_bytes();
    let n = b.len();
    if n < 2 {
        return Vec::new();
    }
    let last = b[n - 1];
    let prev = b[n - 2];
    let cons_y = last == b'y' && !is_vowel(prev);
    let silent_e = last == b'e' && !matches!(prev, b'e' | b'o' | b'y');
    // Consonant-vowel-consonant: the final consonant may double (pipetting, targeted).
    let cvc = n >= 3
        && !is_vowel(last)
        && !matches!(last, b'w' | b'x' | b'y')
        && is_vowel(prev)
        && !is_vowel(b[n - 3]);
    let root = &stem[..n - 1];
    let vowel_suffix = |suf: &str| -> Vec<String> {
        let mut v = Vec::new();
        if cons_y && !suf.starts_with('i') {
            v.push(format!("{root}i{suf}"));
        } else if silent_e || last == b'e' && suf.starts_with('e') {
            v.push(format!("{root}{suf}"));
        } else if stem.ends_with("ie") && suf == "ing" {
            v.push(format!("{}ying", &stem[..n - 2]));
        } else {
            v.push(format!("{stem}{suf}"));
            if cvc {
                v.push(format!("{stem}{}{suf}", last as char));
            }
        }
        v
    };
    match ending {
        Ending::S => {
            if cons_y {
                vec![format!("{root}ies")]
            } else if stem.ends_with(['s', 'x', 'z'])
                || stem.ends_with("ch")
                || stem.ends_with("sh")
            {
                vec![format!("{stem}es")]
            } else if last == b'o' {
                vec![format!("{stem}s"), format!("{stem}es")]
            } else {
                vec![format!("{stem}s")]
            }
        }
        Ending::Ed => vowel_suffix("ed"),
        Ending::Ing => vowel_suffix("ing"),
        Ending::Er => vowel_suffix("er"),
        Ending::Ers => vowel_suffix("ers"),
        Ending::Est => vowel_suffix("est"),
        Ending::Ly => {
            if cons_y {
                vec![format!("{root}ily")]
            } else if stem.ends_with("le") && n >= 3 && !is_vowel(b[n - 3]) {
                vec![format!("{root}y")]
            } else if stem.ends_with("ic") {
                vec![format!("{stem}ally")]
            } else if stem.ends_with("ll") {
                vec![format!("{stem}y")]
            } else {
                vec![format!("{stem}ly")]
            }
        }
        Ending::Consonant(suf) => {
            if cons_y {
                vec![format!("{root}i{suf}")]
            } else {
                vec![format!("{stem}{suf}")]
            }
        }
    }
}

/// The stems a word ending in `ending` could have been made from (to be checked by
/// [`attach`]): the word without the ending, with a silent e or a y restored, or with a doubled
/// consonant undone.
fn stems(word: &str, ending: Ending) -> Vec<String> {
    let strip: &[&str] = match ending {
        Ending::S => &["ies", "es", "s"],
        Ending::Ed => &["ied", "ed", "d"],
        Ending::Ing => &["ying", "ing"],
        Ending::Er => &["ier", "er", "r"],
        Ending::Ers => &["iers", "ers", "rs"],
        Ending::Est => &["iest", "est", "st"],
        Ending::Ly => &["ily", "ally", "ly", "y"],
        Ending::Consonant(s) => &[s],
    };
    let mut out = Vec::new();
    for s in strip {
        let Some(base) = word.strip_suffix(s) else {
            continue;
        };
        if base.len() < 2 {
            continue;
        }
        out.push(base.to_string());
        for add in ["y", "e", "le", "ie"] {
            out.push(format!("{base}{add}"));
        }
        let bb = base.as_bytes();
        if bb.len() >= 3 && bb[bb.len() - 1] == bb[bb.len() - 2] {
            out.push(base[..base.len() - 1].to_string());
        }
        if let Some(r) = base.strip_suffix('i') {
            out.push(format!("{r}y"));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Frequency ranks from which a word counts as rare (see [`inflected`]).
const RARE_RANK: u32 = 20_000;

const ENDINGS: [Ending; 11] = [
    Ending::S,
    Ending::Ed,
    Ending::Ing,
    Ending::Er,
    Ending::Ers,
    Ending::Est,
    Ending::Ly,
    Ending::Consonant("ness"),
    Ending::Consonant("less"),
    Ending::Consonant("ful"),
    Ending::Consonant("ment"),
];

/// A regular inflection of a dictionary word that the dictionary does not list (azoles,
/// opsonized, pipetting), spelled as English orthography requires, and only when the
/// dictionary lists no form of that stem with that ending: "familys" (families), "studyed"
/// (studied), "occured" (occurred), "begining" (beginning) are not accepted.
fn inflected(word: &str) -> bool {
    let n = word.len();
    if n < 4 || n == 4 && !word.ends_with('s') {
        return false;
    }
    // The dictionaries list the inflections of common words; only a rare stem (a technical
    // word whose entry lacks its affix flags) may take a regular ending they do not list.
    let rare = |stem: &str| super::suggest::frequency_rank(stem).is_none_or(|r| r >= RARE_RANK);
    let stem_ok = |stem: &str| stem.len() >= 3 && rare(stem) && (check(stem) || derived(stem, 1));
    for ending in ENDINGS {
        for stem in stems(word, ending) {
            // A plural is regular for any noun the dictionary lacks it for (year-olds).
            let ok = if ending == Ending::S {
                stem.len() >= 3 && check(&stem)
            } else {
                stem_ok(&stem)
            };
            if !ok {
                continue;
            }
            let forms = attach(&stem, ending);
            // The dictionary spells this inflection of the stem another way.
            if forms.iter().any(|f| f != word && check(f)) {
                continue;
            }
            if forms.iter().any(|f| f == word) {
                return true;
            }
        }
    }
    false
}

/// Two dictionary words written together (hornworm, seagrasses), neither a function word.
fn compound(word: &str) -> bool {
    let n = word.len();
    if !(7..=30).contains(&n) || !word.is_ascii() {
        return false;
    }
    (3..=n - 3).any(|k| {
        let (a, b) = word.split_at(k);
        !lexicon::is_function_word(a)
            && !lexicon::is_function_word(b)
            // A suffix is not a word of a compound: "happyness" is happy + -ness, which
            // spelling rules make "happiness" (see `derived`).
            && !is_suffix_word(b)
            && check_us(a)
            && (check_us(b) || inflected(b))
            // A short part must be a common word (sea-grasses, not tel-phoned).
            && [a, b].iter().all(|p| {
                p.len() >= 4 || super::suggest::frequency_rank(p).is_some_and(|r| r < 20_000)
            })
    })
}

/// A suffix that is also a dictionary word (ness, less, ship, hood, like, wise, ful, ment).
fn is_suffix_word(part: &str) -> bool {
    let p = part.strip_suffix('s').unwrap_or(part);
    matches!(p, "ful" | "fully" | "ment" | "ly")
        || suffixes().iter().any(|&(s, _)| s == part || s == p)
}

/// Another national spelling of a dictionary word that the dictionaries lack (hemolymph for
/// haemolymph, esophageal for oesophageal).
fn dialect_variant(word: &str) -> bool {
    // Short words are too close to other words: "sor" is not a spelling of sour, nor "flor"
    // of flour.
    if word.len() < 6 {
        return false;
    }
    let b = word.as_bytes();
    let mut cands: Vec<String> = Vec::new();
    for (i, &c) in b.iter().enumerate() {
        if c == b'e' && i > 0 {
            cands.push(format!("{}a{}", &word[..i], &word[i..]));
            cands.push(format!("{}o{}", &word[..i], &word[i..]));
        }
    }
    for (from, to) in [
        ("or", "our"),
        ("er", "re"),
        ("iz", "is"),
        ("is", "iz"),
        ("yz", "ys"),
        ("og", "ogue"),
        ("ense", "ence"),
    ] {
        let mut start = 0;
        while let Some(k) = word[start..].find(from) {
            let at = start + k;
            cands.push(format!("{}{to}{}", &word[..at], &word[at + from.len()..]));
            start = at + from.len();
        }
    }
    cands.iter().take(200).any(|c| check(c))
}

/// A word made of a prefix and a dictionary word, or a dictionary word and a suffix.
fn derived(word: &str, depth: u8) -> bool {
    if depth > 1 || word.len() < 6 {
        return false;
    }
    let lower_start = word.chars().next().is_some_and(|c| c.is_lowercase());
    if lower_start {
        // a- before a long word: abiological, asymmetrical, apolitical.
        if let Some(rest) = word.strip_prefix('a') {
            if rest.len() >= 8 && check(rest) {
                return true;
            }
        }
        for p in prefixes() {
            if let Some(rest) = word.strip_prefix(p) {
                if rest.len() >= 4
                    && !rest.starts_with('-')
                    && (check(rest) || derived(rest, depth + 1))
                {
                    return true;
                }
            }
        }
    }
    for &(suf, replace) in suffixes() {
        if let Some(stem) = word.strip_suffix(suf) {
            if stem.len() < 4 {
                continue;
            }
            // "happyness", "beautyful": a y before a consonant ending is a misspelling.
            if stem.ends_with('y') && !suf.starts_with(['a', 'e', 'i', 'o', 'u']) {
                continue;
            }
            if replace.is_empty() {
                if check(stem) {
                    return true;
                }
            } else {
                for r in replace.split('|') {
                    let r = if r == "0" { "" } else { r };
                    let cand = format!("{stem}{r}");
                    if check(&cand) {
                        return true;
                    }
                }
            }
        }
    }
    false
}

/// An early modern or Middle English spelling of a dictionary word: u and v or i and j
/// swapped (vnto, receiue, obiect), a final e (certaine), -eth and -est
/// endings (goeth, torturest). Quoted old texts are full of them; modern typos are not.
pub fn is_archaic_spelling(lower: &str) -> bool {
    is_early_modern_spelling(lower) || {
        // A final e (certaine): children and learners add one as often.
        lower.len() >= 4
            && lower
                .strip_suffix('e')
                .is_some_and(|stem| stem.len() >= 3 && check(stem))
    }
}

/// The distinctive early modern spellings of [`is_archaic_spelling`], without the final e
/// that modern writers add too (soape, drye): u/v and i/j swapped (vnto, receiue), y for i
/// inside a stem (nyght), -eth and -est endings (goeth).
pub fn is_early_modern_spelling(lower: &str) -> bool {
    if !lower.is_ascii() || lower.len() < 3 {
        return false;
    }
    // (y for i is left out: "beautyful", "studyed" are modern misspellings.)
    let swaps: [(u8, u8); 4] = [(b'u', b'v'), (b'v', b'u'), (b'i', b'j'), (b'j', b'i')];
    let b = lower.as_bytes();
    for (from, to) in swaps {
        if !b.contains(&from) {
            continue;
        }
        // Swap one occurrence at a time, then all of them.
        for (k, _) in b.iter().enumerate().filter(|(_, c)| **c == from) {
            let mut v = b.to_vec();
            v[k] = to;
            if std::str::from_utf8(&v).is_ok_and(check) {
                return true;
            }
        }
        let all: Vec<u8> = b.iter().map(|&c| if c == from { to } else { c }).collect();
        if std::str::from_utf8(&all).is_ok_and(check) {
            return true;
        }
    }
    // y for i inside a stem (nyght, blyssyd, pylgrymages), where the letters up to the y are
    // not a word of their own: "beautyful" (beauty + ful) and "studyed" are modern slips.
    for (k, _) in b.iter().enumerate().filter(|(_, c)| **c == b'y') {
        if !(1..b.len() - 1).contains(&k) || is_vowel(b[k - 1]) || is_vowel(b[k + 1]) {
            continue;
        }
        if check(&lower[..=k]) {
            continue;
        }
        let all: String = lower
            .bytes()
            .map(|c| if c == b'y' { 'i' } else { c as char })
            .collect();
        let one = format!("{}i{}", &lower[..k], &lower[k + 1..]);
        if check(&one) || check(&all) {
            return true;
        }
    }
    for (suf, repl) in [
        ("eth", "s"),
        ("eth", "es"),
        ("est", "s"),
        ("est", "es"),
        ("st", "s"),
    ] {
        if let Some(stem) = lower.strip_suffix(suf) {
            if stem.len() >= 3 && check(&format!("{stem}{repl}")) {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies() {
        assert_eq!(classify("party's"), Known::Dictionary);
        assert_eq!(classify("doesn't"), Known::Dictionary);
        assert_eq!(classify("xiv"), Known::Dictionary);
        assert_eq!(classify("mcmxciv"), Known::Numeral);
        assert_eq!(classify("bureaucratical"), Known::Derived);
        assert_eq!(classify("naïve"), Known::Dictionary);
        assert_eq!(classify("quazi"), Known::Unknown);
        assert_eq!(classify("smychka"), Known::Unknown);
    }

    #[test]
    fn inflections_follow_spelling_rules() {
        for w in [
            "familys",
            "studyed",
            "happyness",
            "beautyful",
            "occured",
            "begining",
            "hopeing",
        ] {
            assert_eq!(classify(w), Known::Unknown, "{w}");
        }
        for w in ["nyght", "pylgrymages"] {
            assert!(is_archaic_spelling(w), "{w}");
        }
        for w in ["beautyful", "studyed", "happyness"] {
            assert!(!is_archaic_spelling(w), "{w}");
        }
        for w in ["pipetting", "hornworm"] {
            assert_ne!(classify(w), Known::Unknown, "{w}");
        }
        assert!(attach("family", Ending::S).contains(&"families".to_string()));
        assert!(attach("hope", Ending::Ing).contains(&"hoping".to_string()));
        assert!(attach("pipet", Ending::Ing).contains(&"pipetting".to_string()));
        assert!(attach("simple", Ending::Ly).contains(&"simply".to_string()));
    }
}
