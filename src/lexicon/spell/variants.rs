//! US, British (-ise and Oxford -ize), Canadian and Australian spelling variants, from VARCON
//! (Kevin Atkinson's Variant Conversion Info, part of SCOWL) as packaged by the `varcon` crate.
//!
//! For every spelling the table gives the dialects in which it is *acceptable* (preferred or an
//! accepted variant) and those in which it is *preferred*, united over all the senses the table
//! lists (so "check", acceptable everywhere as a verb, is no evidence of American spelling even
//! though the banking sense is "cheque" in Britain), and the other spellings of the same entries.

use std::sync::OnceLock;

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

// The index is compiled in by build.rs (see src/lexicon/spell/variants_gen.rs) as a hash table
// read in place; each spelling's `Info` is decoded the first time it is looked up.
static BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/varcon_blob.bin"));
static RECORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/varcon_records.bin"));
static ALTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/varcon_alts.bin"));
static SLOTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/varcon_slots.bin"));
include!(concat!(env!("OUT_DIR"), "/varcon_len.rs"));

/// The decoded records, filled in on first use (zeroed memory until then).
static DECODED: [OnceLock<Info>; VARCON_LEN] = [const { OnceLock::new() }; VARCON_LEN];

const RECORD: usize = 20;

fn u16_at(b: &[u8], i: usize) -> u16 {
    u16::from_le_bytes([b[i], b[i + 1]])
}

fn u32_at(b: &[u8], i: usize) -> u32 {
    u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]])
}

/// The spelling of record `k`.
fn spelling(k: usize) -> &'static str {
    let r = &RECORDS[k * RECORD..][..RECORD];
    let (off, len) = (u32_at(r, 0) as usize, u16_at(r, 4) as usize);
    // The blob holds whole UTF-8 spellings (build.rs wrote them from `&str`s).
    std::str::from_utf8(&BLOB[off..off + len]).unwrap_or("")
}

/// The record index of a spelling, if the table lists it.
fn find(lower: &str) -> Option<usize> {
    let n = SLOTS.len() / 4;
    let mask = n - 1;
    let mut i = (crate::lexicon::stems_gen::hash(lower.as_bytes()) as usize) & mask;
    loop {
        let slot = u32_at(SLOTS, i * 4) as usize;
        if slot == 0 {
            return None;
        }
        let r = &RECORDS[(slot - 1) * RECORD..][..RECORD];
        let (off, len) = (u32_at(r, 0) as usize, u16_at(r, 4) as usize);
        if len == lower.len() && &BLOB[off..off + len] == lower.as_bytes() {
            return Some(slot - 1);
        }
        i = (i + 1) & mask;
    }
}

fn decode(k: usize) -> Info {
    let r = &RECORDS[k * RECORD..][..RECORD];
    let (first, count) = (u32_at(r, 12) as usize, u16_at(r, 16) as usize);
    let alternatives = (first..first + count)
        .map(|a| {
            let x = &ALTS[a * 8..][..8];
            (spelling(u32_at(x, 0) as usize), x[4], x[5])
        })
        .collect();
    Info {
        acceptable: r[6],
        preferred: r[7],
        used: r[8],
        alternatives,
        entries: u16_at(r, 10),
        pos_specific: r[9] != 0,
    }
}

/// What the table says about a lowercase spelling.
pub fn lookup(lower: &str) -> Option<&'static Info> {
    let k = find(lower)?;
    Some(DECODED[k].get_or_init(|| decode(k)))
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
