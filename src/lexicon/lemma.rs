//! A small English lemmatiser: reduces an inflected word to its base form (wished → wish,
//! rising → rise, studies → study, rose → rise, Stalin’s → stalin), so that rules can match
//! the forms of one word.
//!
//! Irregular forms come from `rules/common/irregular_forms.txt`; regular forms are undone by
//! suffix rules (-s, -es, -ies, -ed, -ied, -ing, doubled consonants, a restored final e), and a
//! candidate base is accepted only if the compiled-in dictionary knows it (US or British
//! spelling) and it is not a function word. A word no rule can reduce is its own lemma.
//! Comparatives and -ly adverbs are left alone. Each call does a few dictionary look-ups, so
//! callers that see many tokens should lemmatise each distinct word once.

use super::{is_dictionary_word, is_function_word, lines};
use std::borrow::Cow;
// Word-keyed tables on the fast word hasher.
use crate::lexicon::spell::{FastMap as HashMap, FastSet as HashSet};
use std::sync::OnceLock;

struct Irregular {
    /// Form → lemma.
    forms: HashMap<&'static str, &'static str>,
    /// Words that look inflected but are base forms (news, species, morning).
    fixed: HashSet<&'static str>,
}

fn irregular() -> &'static Irregular {
    static IRR: OnceLock<Irregular> = OnceLock::new();
    IRR.get_or_init(|| {
        let mut forms = HashMap::default();
        let mut fixed = HashSet::default();
        for line in lines(crate::lexicon::data_file!(
            "rules/common/irregular_forms.txt"
        )) {
            let mut words = line.split_whitespace();
            let Some(lemma) = words.next() else { continue };
            fixed.insert(lemma);
            for f in words {
                forms.insert(f, lemma);
            }
        }
        Irregular { forms, fixed }
    })
}

#[cfg(test)]
/// The lemma of a word, lowercased (input in any case; ’ is treated as ').
///
/// Possessives lose their ending (Stalin’s → stalin, workers' → worker), contractions are left
/// whole (don't), and words with digits are returned as they are.
pub fn lemma(word: &str) -> Cow<'_, str> {
    let needs_norm = word
        .chars()
        .any(|c| c.is_uppercase() || c == '\u{2019}' || c == '\u{2018}');
    if needs_norm {
        let w = crate::doc::normalize_word(word);
        return Cow::Owned(lemma_lower(&w).into_owned());
    }
    lemma_lower(word)
}

/// [`lemma`] for a word already lowercased with ’ folded to ' (as `Document::lower` gives).
pub fn lemma_lower(w: &str) -> Cow<'_, str> {
    if w.is_empty() || !w.chars().all(|c| c.is_alphabetic() || c == '\'') {
        return Cow::Borrowed(w);
    }
    // Possessives: stalin's → stalin, workers' → workers (then → worker).
    let base = if let Some(b) = w.strip_suffix("'s") {
        b
    } else if let Some(b) = w.strip_suffix('\'') {
        b
    } else {
        w
    };
    if base.contains('\'') || base.is_empty() {
        return Cow::Borrowed(w);
    }
    let irr = irregular();
    if let Some(l) = irr.forms.get(base) {
        return Cow::Borrowed(l);
    }
    if irr.fixed.contains(base) || base.len() <= 3 || !base.is_ascii() {
        return Cow::Borrowed(base);
    }
    match reduce(base) {
        Some(s) => Cow::Owned(s),
        None => Cow::Borrowed(base),
    }
}

/// A candidate base form: a dictionary word (US or British spelling), not a function word,
/// at least three letters long.
fn acceptable(c: &str) -> bool {
    if c.len() < 3 || is_function_word(c) {
        return false;
    }
    if is_dictionary_word(c) {
        return true;
    }
    // British spellings the US dictionary lacks: organise → organize, favour → favor.
    if let Some(p) = c.rfind("is") {
        if c[p..].starts_with("is") && (c.len() - p <= 5) {
            let alt = format!("{}iz{}", &c[..p], &c[p + 2..]);
            if is_dictionary_word(&alt) {
                return true;
            }
        }
    }
    if let Some(p) = c.rfind("our") {
        let alt = format!("{}or{}", &c[..p], &c[p + 3..]);
        if is_dictionary_word(&alt) {
            return true;
        }
    }
    false
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Ends in a vowel and one consonant (hop, caus, plan), where a dropped final e is likely.
fn ends_vc(s: &[u8]) -> bool {
    let n = s.len();
    n >= 2 && !is_vowel(s[n - 1]) && !matches!(s[n - 1], b'w' | b'x' | b'y') && is_vowel(s[n - 2])
}

/// Ends in a doubled consonant that inflection doubles (runn, stopp), not ll/ss/zz/ff.
fn ends_doubled(s: &[u8]) -> bool {
    let n = s.len();
    n >= 4
        && s[n - 1] == s[n - 2]
        && !is_vowel(s[n - 1])
        && !matches!(s[n - 1], b'l' | b's' | b'z' | b'f')
}

/// Undoes -ed / -ing given the stem without the ending.
fn undo_verb_ending(stem: &str) -> Option<String> {
    let b = stem.as_bytes();
    if b.len() < 2 {
        return None;
    }
    if ends_doubled(b) {
        let und = &stem[..stem.len() - 1];
        if acceptable(und) {
            return Some(und.to_string());
        }
    }
    let with_e = format!("{stem}e");
    // hop+ing → hope, bas+ed → base: after a single vowel, try the e first.
    if ends_vc(b) && acceptable(&with_e) {
        return Some(with_e);
    }
    if acceptable(stem) {
        return Some(stem.to_string());
    }
    if acceptable(&with_e) {
        return Some(with_e);
    }
    None
}

fn reduce(w: &str) -> Option<String> {
    let irr = irregular();
    if let Some(stem) = w.strip_suffix("ies") {
        if stem.len() >= 2 {
            let y = format!("{stem}y");
            if acceptable(&y) {
                return Some(y);
            }
        }
    }
    if let Some(stem) = w.strip_suffix("ied") {
        if stem.len() >= 2 {
            let y = format!("{stem}y");
            if acceptable(&y) {
                return Some(y);
            }
        }
    }
    if let Some(stem) = w.strip_suffix("ing") {
        if stem.len() >= 2 && stem.bytes().any(is_vowel_or_y) {
            if let Some(l) = irr.forms.get(stem) {
                return Some((*l).to_string());
            }
            return undo_verb_ending(stem);
        }
        return None;
    }
    if let Some(stem) = w.strip_suffix("ed") {
        if stem.len() >= 2 && !w.ends_with("eed") {
            return undo_verb_ending(stem);
        }
        if w.ends_with("eed") && w.len() >= 6 {
            // agreed → agree, decreed → decree (need, seed, speed are listed as fixed).
            let e = &w[..w.len() - 1];
            if acceptable(e) {
                return Some(e.to_string());
            }
        }
        return None;
    }
    if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        let one = &w[..w.len() - 1];
        if let Some(l) = irr.forms.get(one) {
            return Some((*l).to_string());
        }
        if acceptable(one) {
            return Some(one.to_string());
        }
        if let Some(stem) = w.strip_suffix("es") {
            if acceptable(stem) {
                return Some(stem.to_string());
            }
        }
    }
    None
}

fn is_vowel_or_y(b: u8) -> bool {
    is_vowel(b) || b == b'y'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(w: &str) -> String {
        lemma(w).into_owned()
    }

    #[test]
    fn regular_forms() {
        for (form, want) in [
            ("wished", "wish"),
            ("wishes", "wish"),
            ("wishing", "wish"),
            ("wish", "wish"),
            ("rising", "rise"),
            ("rises", "rise"),
            ("studies", "study"),
            ("studied", "study"),
            ("studying", "study"),
            ("running", "run"),
            ("stopped", "stop"),
            ("falling", "fall"),
            ("hoping", "hope"),
            ("hoped", "hope"),
            ("used", "use"),
            ("based", "base"),
            ("caused", "cause"),
            ("agreed", "agree"),
            ("opening", "open"),
            ("visited", "visit"),
            ("beginning", "begin"),
            ("adding", "add"),
            ("policies", "policy"),
            ("boxes", "box"),
            ("horses", "horse"),
            ("singing", "sing"),
            ("organised", "organise"),
            ("favoured", "favour"),
        ] {
            assert_eq!(l(form), want, "{form}");
        }
    }

    #[test]
    fn irregular_forms() {
        for (form, want) in [
            ("rose", "rise"),
            ("risen", "rise"),
            ("went", "go"),
            ("children", "child"),
            ("was", "be"),
            ("had", "have"),
            ("Stalin’s", "stalin"),
            ("workers'", "worker"),
            ("crept", "creep"),
        ] {
            assert_eq!(l(form), want, "{form}");
        }
    }

    #[test]
    fn base_forms_stay() {
        for w in [
            "seed",
            "need",
            "species",
            "series",
            "news",
            "analysis",
            "status",
            "class",
            "morning",
            "during",
            "thing",
            "this",
            "hundred",
            "always",
            "don't",
            "1920s",
            "bus",
            "émigrés",
        ] {
            assert_eq!(l(w), w.to_lowercase(), "{w}");
        }
        assert_eq!(l(""), "");
        assert_eq!(l("'"), "'");
        assert_eq!(l("'s"), "'s");
    }
}
