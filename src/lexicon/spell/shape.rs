//! Word shape: the case pattern of a word, its script, Roman numerals, accents.

/// The case pattern of a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// No uppercase letter.
    Lower,
    /// An uppercase first letter, the rest lowercase (or a single uppercase letter).
    Title,
    /// Two or more letters, all uppercase.
    Upper,
    /// Anything else: iPhone, McDonald, BoJack.
    Mixed,
}

/// The case pattern of a word.
pub fn shape(word: &str) -> Shape {
    if word.is_ascii() {
        // One pass without branches on the letters: whether any letter after the first is
        // upper or lower case.
        let b = word.as_bytes();
        let Some(at) = b.iter().position(u8::is_ascii_alphabetic) else {
            return Shape::Lower;
        };
        let (mut upper, mut lower) = (false, false);
        for &c in &b[at + 1..] {
            upper |= c.is_ascii_uppercase();
            lower |= c.is_ascii_lowercase();
        }
        return match (b[at].is_ascii_uppercase(), upper, lower) {
            (false, false, _) => Shape::Lower,
            (true, false, _) => Shape::Title,
            (true, true, false) => Shape::Upper,
            _ => Shape::Mixed,
        };
    }
    let mut chars = word.chars().filter(|c| c.is_alphabetic());
    let Some(first) = chars.next() else {
        return Shape::Lower;
    };
    let (mut upper, mut lower) = (0usize, 0usize);
    for c in chars {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    match (first.is_uppercase(), upper, lower) {
        (false, 0, _) => Shape::Lower,
        (true, 0, _) => Shape::Title,
        (true, _, 0) => Shape::Upper,
        _ => Shape::Mixed,
    }
}

/// The letters of a word are all Latin (ASCII or accented Latin) or apostrophes.
pub fn is_latin_word(word: &str) -> bool {
    word.chars().all(|c| {
        c.is_ascii_alphabetic()
            || c == '\''
            || c == '\u{2019}'
            || matches!(c as u32, 0xC0..=0x24F | 0x1E00..=0x1EFF) && c.is_alphabetic()
    })
}

/// A Roman numeral (i, iv, xiv, MCMXCIV), either case.
pub fn is_roman_numeral(word: &str) -> bool {
    if word.is_empty() || word.len() > 15 {
        return false;
    }
    let lower = word.to_ascii_lowercase();
    let b = lower.as_bytes();
    if !b.iter().all(|c| b"ivxlcdm".contains(c)) {
        return false;
    }
    let val = |c: u8| match c {
        b'i' => 1,
        b'v' => 5,
        b'x' => 10,
        b'l' => 50,
        b'c' => 100,
        b'd' => 500,
        _ => 1000,
    };
    // Parse, then require the canonical spelling of the value.
    let mut total = 0u32;
    for i in 0..b.len() {
        let v = val(b[i]);
        if i + 1 < b.len() && v < val(b[i + 1]) {
            total = total.wrapping_sub(v);
        } else {
            total = total.wrapping_add(v);
        }
    }
    if total == 0 || total >= 4000 {
        return false;
    }
    let mut n = total;
    let mut canon = String::new();
    for (v, s) in [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ] {
        while n >= v {
            canon.push_str(s);
            n -= v;
        }
    }
    canon == lower
}

/// Removes diacritics from Latin letters (é → e, ß → ss); other characters are kept: the one
/// fold of the lexicon, [`crate::lexicon::fold_accents`].
pub fn fold_accents(word: &str) -> String {
    crate::lexicon::fold_accents(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape("word"), Shape::Lower);
        assert_eq!(shape("Word"), Shape::Title);
        assert_eq!(shape("NEP"), Shape::Upper);
        assert_eq!(shape("iPhone"), Shape::Mixed);
        assert_eq!(shape("Stalin’s"), Shape::Title);
        assert_eq!(shape("ÉCOLE"), Shape::Upper);
        assert_eq!(shape("éte"), Shape::Lower);
        assert_eq!(shape("Gödel"), Shape::Title);
        assert_eq!(shape(""), Shape::Lower);
    }

    #[test]
    fn roman_numerals() {
        for w in ["i", "iv", "xiv", "XLII", "mcmxciv"] {
            assert!(is_roman_numeral(w), "{w}");
        }
        for w in ["iiii", "vx", "ic", "civil", "vv", ""] {
            assert!(!is_roman_numeral(w), "{w}");
        }
    }

    #[test]
    fn accents() {
        assert_eq!(fold_accents("naïve café"), "naive cafe");
    }
}
