//! US, British (-ise and Oxford -ize), Canadian and Australian spelling variants, from VARCON
//! (Kevin Atkinson's Variant Conversion Info, part of SCOWL) as packaged by the `varcon` crate.
//!
//! For every spelling the table gives the dialects in which it is *acceptable* (preferred or an
//! accepted variant) and those in which it is *preferred*, united over all the senses the table
//! lists (so "check", acceptable everywhere as a verb, is no evidence of American spelling even
//! though the banking sense is "cheque" in Britain), and the other spellings of the same entries.

use crate::lexicon::spell::FastMap;
use std::sync::OnceLock;
use varcon::{Category, Tag};

/// Dialect bits.
pub const US: u8 = 1;
pub const GB: u8 = 2;
pub const OXFORD: u8 = 4;
pub const CA: u8 = 8;
pub const AU: u8 = 16;
pub const ALL: u8 = US | GB | OXFORD | CA | AU;

/// The dialects in the order they are named in the configuration (`dialect = "en-GB"`).
pub const DIALECTS: [(u8, &str, &str); 5] = [
    (US, "en-US", "American"),
    (GB, "en-GB", "British"),
    (OXFORD, "en-GB-oxford", "British Oxford (-ize)"),
    (CA, "en-CA", "Canadian"),
    (AU, "en-AU", "Australian"),
];

/// The bit of a configured dialect name.
pub fn dialect_bit(name: &str) -> Option<u8> {
    DIALECTS.iter().find(|d| d.1 == name).map(|d| d.0)
}

/// What the table says about one spelling (lowercase).
#[derive(Debug, Default)]
pub struct Info {
    /// Dialects in which some sense of the word is spelled this way acceptably.
    pub acceptable: u8,
    /// Dialects in which some sense of the word is spelled this way by preference.
    pub preferred: u8,
    /// Dialects in which the spelling is at least used, if seldom (amongst in American).
    pub used: u8,
    /// The other spellings of the same entries: (spelling, acceptable, preferred) in the entry.
    pub alternatives: Vec<(&'static str, u8, u8)>,
    /// How many entries (senses) list this spelling.
    pub entries: u16,
    /// Some entry is for one part of speech only (practice, noun; practise, verb).
    pub pos_specific: bool,
}

impl Info {
    /// True if the spelling tells the dialects apart (it is not acceptable everywhere).
    pub fn is_evidence(&self) -> bool {
        self.acceptable != ALL && self.preferred != 0
    }

    /// True if `other` is another spelling of the one sense this word has (archaeology and
    /// archeology; not check and cheque, nor practice and practise).
    pub fn pure_variant_of(&self, other: &Info, other_word: &str) -> bool {
        self.entries == 1
            && other.entries == 1
            && !self.pos_specific
            && !other.pos_specific
            && self.alternatives.iter().any(|a| a.0 == other_word)
    }

    /// The alternative preferred in `dialect`, if any.
    pub fn preferred_in(&self, dialect: u8) -> Option<&'static str> {
        self.alternatives
            .iter()
            .find(|a| a.2 & dialect != 0)
            .or_else(|| self.alternatives.iter().find(|a| a.1 & dialect != 0))
            .map(|a| a.0)
    }
}

fn bit(c: Category) -> u8 {
    match c {
        Category::American => US,
        Category::BritishIse => GB,
        Category::BritishIze => OXFORD,
        Category::Canadian => CA,
        Category::Australian => AU,
        Category::Other => 0,
    }
}

fn index() -> &'static FastMap<&'static str, Info> {
    static IDX: OnceLock<FastMap<&'static str, Info>> = OnceLock::new();
    IDX.get_or_init(|| {
        let mut map: FastMap<&'static str, Info> =
            FastMap::with_capacity_and_hasher(60_000, Default::default());
        for cluster in varcon::VARCON {
            for entry in cluster.entries {
                let mut vs: Vec<(&'static str, u8, u8, u8)> =
                    Vec::with_capacity(entry.variants.len());
                for v in entry.variants {
                    let (mut acc, mut pref, mut used) = (0u8, 0u8, 0u8);
                    for t in v.types {
                        let b = bit(t.category);
                        match t.tag {
                            None | Some(Tag::Eq) => {
                                acc |= b;
                                pref |= b;
                            }
                            Some(Tag::Variant) => acc |= b,
                            Some(Tag::Seldom) => used |= b,
                            _ => {}
                        }
                    }
                    // Rare words (SCOWL size above 60: caesar/cesar, owre/ower) and archaic
                    // spellings decide nothing.
                    if entry.archaic || cluster.level > 60 {
                        (acc, pref, used) = (ALL, 0, ALL);
                    }
                    used |= acc;
                    // The same spelling may be listed twice in one entry (different tags).
                    if let Some(x) = vs.iter_mut().find(|x| x.0 == v.word) {
                        x.1 |= acc;
                        x.2 |= pref;
                        x.3 |= used;
                    } else {
                        vs.push((v.word, acc, pref, used));
                    }
                }
                for &(w, acc, pref, used) in &vs {
                    let info = map.entry(w).or_default();
                    info.acceptable |= acc;
                    info.preferred |= pref;
                    info.used |= used;
                    info.entries = info.entries.saturating_add(1);
                    info.pos_specific |= entry.pos.is_some();
                    for &(a, aacc, apref, _) in &vs {
                        if a != w && !info.alternatives.iter().any(|x| x.0 == a) {
                            info.alternatives.push((a, aacc, apref));
                        }
                    }
                }
            }
        }
        map
    })
}

/// What the table says about a lowercase spelling.
pub fn lookup(lower: &str) -> Option<&'static Info> {
    index().get(lower)
}

/// True if the word (any case) is a spelling the table lists as acceptable somewhere.
pub fn in_table(word: &str) -> bool {
    let hit = |w: &str| lookup(w).is_some_and(|i| i.acceptable != 0);
    match super::shape(word) {
        super::Shape::Lower => {}
        super::Shape::Title | super::Shape::Upper => return hit(&word.to_lowercase()),
        super::Shape::Mixed => return false,
    }
    hit(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dialects_of_spellings() {
        let colour = lookup("colour").unwrap();
        assert_eq!(colour.acceptable & US, 0);
        assert_ne!(colour.preferred & GB, 0);
        assert_eq!(colour.preferred_in(US), Some("color"));
        let organize = lookup("organizational").unwrap();
        assert_ne!(organize.preferred & OXFORD, 0);
        assert_ne!(organize.preferred & CA, 0);
        assert_eq!(organize.acceptable & GB, 0, "{organize:?}");
        // "check" is acceptable everywhere in its verb sense: no evidence.
        assert!(!lookup("check").unwrap().is_evidence());
        assert!(lookup("grey").unwrap().is_evidence());
        assert!(in_table("Colour"));
        let arch = lookup("archaeology").unwrap();
        assert!(arch.pure_variant_of(lookup("archeology").unwrap(), "archeology"));
        let p = lookup("practice").unwrap();
        assert!(!p.pure_variant_of(lookup("practise").unwrap(), "practise"));
        assert!(!in_table("cOLOUR"));
    }
}
