//! Double Metaphone: a phonetic key for English and anglicised foreign names.
//!
//! Lawrence Philips' Double Metaphone (1999/2000), from the `rphonetic` crate (a port of Apache
//! Commons Codec's `DoubleMetaphone`, also used by the spelling suggester), working on the ASCII
//! fold of a name (see [`super::similar::fold`]) and producing codes of unbounded length,
//! because names need more than the classic four characters to tell Kamenev from Kamen.

use std::sync::OnceLock;

/// The primary and alternate codes of a word.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Codes {
    pub primary: String,
    pub alternate: String,
}

/// The Double Metaphone codes of a word; letters other than ASCII A–Z are ignored.
pub fn double_metaphone(word: &str) -> Codes {
    static DM: OnceLock<rphonetic::DoubleMetaphone> = OnceLock::new();
    let letters: String = word
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if letters.is_empty() {
        return Codes::default();
    }
    let r = DM
        .get_or_init(|| rphonetic::DoubleMetaphone::new(None))
        .double_metaphone(&letters);
    // Commons Codec writes a blank as the alternate sound of a final J ("Raj": "RJ" / "R ");
    // a name key has no blanks.
    Codes {
        primary: r.primary().trim_end().to_string(),
        alternate: r.alternate().trim_end().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> String {
        double_metaphone(s).primary
    }
    fn a(s: &str) -> String {
        double_metaphone(s).alternate
    }

    #[test]
    fn classic_codes() {
        // Values from the reference implementation, without the four-character limit.
        assert_eq!(p("Smith"), "SM0");
        assert_eq!(a("Smith"), "XMT");
        assert_eq!(p("Schmidt"), "XMT");
        assert_eq!(a("Schmidt"), "SMT");
        assert_eq!(p("Thomas"), "TMS");
        assert_eq!(p("Knight"), "NT");
        assert_eq!(p("Michael"), "MKL");
        assert_eq!(a("Michael"), "MXL");
        assert_eq!(p("Tchaikovsky"), p("Chaikovsky"));
        assert_eq!(p("Gandhi"), p("Ghandi"));
        assert_eq!(p("Caribbean"), p("Carribean"));
        assert_eq!(p("Zinoviev"), p("Zinovyev"));
        assert_eq!(p("Jose"), "HS");
        assert_eq!(p("Filipowicz"), "FLPTS");
        assert_eq!(p("Czerny"), "SRN");
        assert_eq!(p("Laugh"), "LF");
    }

    #[test]
    fn never_panics() {
        for s in [
            "", "x", "W", "GH", "Ç", "ЖЖ", "CHAE", "SCH", "UMB", "ALLE", "Jjjj", "dg",
        ] {
            let _ = double_metaphone(s);
        }
    }
}
