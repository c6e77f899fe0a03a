//! Dictionary look-up: is a spelling an English word, and in which dialects.
//!
//! The Hunspell dictionaries of `rules/dict` (US, GB, CA, AU) are expanded at build time
//! (`generate.rs`) into one `fst` map from every accepted spelling to its dialects; nothing is
//! parsed at run time. [`check`] follows Hunspell's rules of case and of breaking: a lowercase
//! entry accepts its Title and UPPER forms, a capitalised one (America) only Title and UPPER,
//! numbers and ordinals are accepted, and a hyphenated word is accepted when its parts are.

use super::format;
use super::variants;
use crate::lexicon::memo::Memo;
use std::sync::OnceLock;

pub use format::{AU, CA, GB, US};

static WORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/words.fst"));

/// Every dialect.
pub const ANY: u64 = US | GB | CA | AU;

fn map() -> &'static fst::Map<&'static [u8]> {
    static M: OnceLock<fst::Map<&'static [u8]>> = OnceLock::new();
    M.get_or_init(|| fst::Map::new(WORDS).expect("the compiled-in word map is valid"))
}

/// The dialect bits of one spelling exactly as listed (0 if none lists it).
pub fn entry(word: &str) -> u64 {
    thread_local! { static M: Memo<u64> = const { Memo::new() }; }
    M.with(|m| {
        m.get(word, |w| {
            map().get(w).unwrap_or(0) & (ANY | format::NOSUGGEST)
        })
    })
}

fn title_case(lower: &str) -> String {
    let mut cs = lower.chars();
    match cs.next() {
        Some(f) => f.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// Dialects accepting the word in this case, by Hunspell's case rules.
fn casing(word: &str) -> u64 {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let first_upper = letters.next().is_some_and(char::is_uppercase);
    let (mut upper, mut lower) = (false, false);
    for c in letters {
        upper |= c.is_uppercase();
        lower |= c.is_lowercase();
    }
    let exact = entry(word);
    match (first_upper, upper, lower) {
        // Title case: Receive (receive), America.
        (true, false, _) => exact | entry(&word.to_lowercase()),
        // All capitals: RECEIVE, AMERICA, NASA.
        (true, true, false) => {
            let l = word.to_lowercase();
            exact | entry(&l) | entry(&title_case(&l))
        }
        _ => exact,
    }
}

fn is_number(w: &str) -> bool {
    let b = w.as_bytes();
    if b.is_empty() || !b[0].is_ascii_digit() || !b[b.len() - 1].is_ascii_digit() {
        return false;
    }
    b.windows(2)
        .all(|p| p[0].is_ascii_digit() || p[1].is_ascii_digit())
        && b.iter()
            .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b',' | b'-'))
}

/// 1st, 22nd, 13th, 101ST: the dictionaries' ordinal compounds.
fn is_ordinal(w: &str) -> bool {
    let l = w.to_ascii_lowercase();
    let digits = l.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let end = &l[digits.len()..];
    if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) || end.len() != 2 {
        return false;
    }
    if w[digits.len()..].chars().any(char::is_uppercase) && w[digits.len()..] != *end.to_uppercase()
    {
        return false;
    }
    let d = digits.as_bytes();
    let tens = d.len() >= 2 && d[d.len() - 2] == b'1';
    let want = match (tens, d[d.len() - 1]) {
        (false, b'1') => "st",
        (false, b'2') => "nd",
        (false, b'3') => "rd",
        _ => "th",
    };
    end == want
}

/// Hunspell's breaking: a word is accepted if it is accepted whole, or without a leading or
/// trailing hyphen, or as two accepted parts around a hyphen.
fn broken(word: &str, depth: u8) -> u64 {
    let bits = casing(word);
    if bits != 0 || depth >= 9 {
        return bits;
    }
    if let Some(rest) = word.strip_prefix('-') {
        let b = broken(rest, depth + 1);
        if b != 0 {
            return b;
        }
    }
    if let Some(rest) = word.strip_suffix('-') {
        let b = broken(rest, depth + 1);
        if b != 0 {
            return b;
        }
    }
    if let Some((a, b)) = word.split_once('-') {
        if !a.is_empty() && !b.is_empty() {
            let x = broken(a, depth + 1);
            if x != 0 {
                return x & broken(b, depth + 1);
            }
        }
    }
    0
}

/// The dialects whose dictionary accepts the word as written (0 if none): case-aware
/// ("Receive" and "RECEIVE" pass because "receive" does; "america" fails because only
/// "America" is listed), with Hunspell's handling of numbers, trailing full stops and hyphens.
pub fn dialects(word: &str) -> u64 {
    thread_local! { static M: Memo<u64> = const { Memo::new() }; }
    M.with(|m| m.get(word, dialects_uncached))
}

fn dialects_uncached(word: &str) -> u64 {
    if word.is_empty() || word.len() > 100 {
        return 0;
    }
    let converted;
    let word = if word.contains('\u{2019}') {
        converted = word.replace('\u{2019}', "'");
        converted.as_str()
    } else {
        word
    };
    let trimmed = word.trim_end_matches('.');
    if is_number(trimmed) || is_ordinal(trimmed) {
        return ANY;
    }
    let b = broken(trimmed, 0);
    if b != 0 || trimmed.len() == word.len() {
        return b;
    }
    broken(word, 0)
}

/// True if the dictionary of a dialect in `mask` accepts the word as written.
pub fn check_in(word: &str, mask: u64) -> bool {
    dialects(word) & mask != 0
}

/// True if a dictionary of any dialect, or the VARCON variant table, accepts the word as
/// written.
pub fn check(word: &str) -> bool {
    !word.is_empty() && (dialects(word) != 0 || variants::in_table(word))
}

/// True if the US dictionary (the reference for word lists elsewhere) accepts the word.
pub fn check_us(word: &str) -> bool {
    check_in(word, US)
}

/// True if the US dictionary lists the word (lowercase input) with a capital letter, as a
/// name or a proper adjective (March, China, Polish, Internet), or its plural or possessive.
pub fn has_capitalised_entry(lower: &str) -> bool {
    thread_local! { static M: Memo<bool> = const { Memo::new() }; }
    M.with(|m| m.get(lower, has_capitalised_entry_uncached))
}

fn has_capitalised_entry_uncached(lower: &str) -> bool {
    let listed = |l: &str| {
        let t = title_case(l);
        t != l && entry(&t) & US != 0
    };
    listed(lower)
        || lower.strip_suffix("'s").is_some_and(listed)
        || lower.strip_suffix('s').is_some_and(listed)
        || lower.strip_suffix("es").is_some_and(listed)
}

#[cfg(test)]
/// True if some dialect lists the word only capitalised (monday → Monday), lowercase input.
pub fn capitalised_only(lower: &str) -> bool {
    let t = title_case(lower);
    t != lower && entry(&t) & ANY != 0 && entry(lower) & ANY == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_rules() {
        assert!(check("receive") && check("Receive") && check("RECEIVE"));
        assert!(check("America") && check("AMERICA") && !check("america"));
        assert!(!check("recieve"));
        assert!(check("colour") && !check_us("colour"));
        assert!(check("organisation"));
        assert!(check("politburo"));
        assert!(check("doesn't") && check("doesn’t"));
    }

    #[test]
    fn affix_expansion() {
        // Flags expand into the licensed forms only.
        assert!(check("families") && !check("familys"));
        assert!(check("studied") && !check("studyed"));
        assert!(check("unhappiness") && !check("happyness"));
        assert!(check("rewriting"));
    }

    #[test]
    fn numbers_ordinals_hyphens() {
        assert!(check("1930") && check("1,000") && check("21st") && check("13th"));
        assert!(!check("21th") && !check("12nd"));
        assert!(check("well-known") && check("long-term"));
        assert!(!check("quazi-joint"));
        assert!(check("etc."));
    }

    #[test]
    fn capitalised_entries() {
        assert!(has_capitalised_entry("march") && has_capitalised_entry("china"));
        assert!(!has_capitalised_entry("receive"));
        assert!(capitalised_only("monday") && capitalised_only("january"));
        assert!(!capitalised_only("receive") && !capitalised_only("march"));
    }
}
