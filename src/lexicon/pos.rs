//! A compact part-of-speech lexicon: what a word *can* be (determiner, pronoun, verb, …), for
//! rules that read context from neighbouring tokens.
//!
//! Two layers, both compiled in and built once per process:
//!
//! - a curated list (`rules/sentences/pos.txt`, `rules/sentences/irregular_verbs.txt`) with the
//!   closed classes in full and the common open-class words, with verb forms derived from the
//!   base form (walk → walks, walked, walking);
//! - the affix flags of the Hunspell dictionary (`rules/dict/en_US.dic`, SCOWL), which say of
//!   most English stems whether they take -ed/-ing (a verb), a possessive (a noun) or -er/-est (a
//!   gradable adjective). These are "may be" tags: broad but loose, good for vetoes ("this word
//!   could also be a verb, so stay silent").
//!
//! Input words are lowercase with `'` apostrophes (as `Document::lower` gives them).

use crate::lexicon::spell::FastMap;
use std::sync::OnceLock;

/// A set of tags (bit flags).
pub type Tags = u64;

pub const DET: Tags = 1 << 0;
pub const QUANT: Tags = 1 << 1;
pub const POSS: Tags = 1 << 2;
pub const PRON_SUBJ: Tags = 1 << 3;
pub const PRON_OBJ: Tags = 1 << 4;
pub const PRON_INDEF: Tags = 1 << 5;
pub const PRON: Tags = 1 << 6;
pub const PREP: Tags = 1 << 7;
pub const CONJ: Tags = 1 << 8;
pub const SUBORD: Tags = 1 << 9;
pub const WH: Tags = 1 << 10;
pub const MODAL: Tags = 1 << 11;
pub const BE: Tags = 1 << 12;
pub const HAVE: Tags = 1 << 13;
pub const DO: Tags = 1 << 14;
pub const NEG: Tags = 1 << 15;
pub const ADV_DEGREE: Tags = 1 << 16;
pub const ADV: Tags = 1 << 17;
pub const ADJ: Tags = 1 << 18;
pub const COMP: Tags = 1 << 19;
pub const SUP: Tags = 1 << 20;
pub const NOUN: Tags = 1 << 21;
/// Base form of a verb (go, walk).
pub const VERB: Tags = 1 << 22;
pub const VERB_3SG: Tags = 1 << 23;
pub const VERB_PAST: Tags = 1 << 24;
pub const VERB_PART: Tags = 1 << 25;
pub const VERB_ING: Tags = 1 << 26;
/// Takes a to-infinitive (want, decide, choose).
pub const VERB_INF: Tags = 1 << 27;
/// Takes a clause (think, know, hope).
pub const VERB_CLAUSE: Tags = 1 << 28;
pub const NUM: Tags = 1 << 29;
/// Hunspell: the stem takes -ed/-ing, so the word may be a verb form.
pub const MAY_VERB: Tags = 1 << 32;
/// Hunspell: the stem takes a possessive, so the word may be a noun.
pub const MAY_NOUN: Tags = 1 << 33;
/// Hunspell: the stem takes -er/-est or -ly/-ness, so the word may be an adjective.
pub const MAY_ADJ: Tags = 1 << 34;
/// Hunspell: a past or participle form of a verb stem (-ed).
pub const MAY_PAST: Tags = 1 << 35;
/// Hunspell: an -ing form of a verb stem.
pub const MAY_ING: Tags = 1 << 36;
/// Hunspell: an -s form of a verb stem.
pub const MAY_3SG: Tags = 1 << 37;
/// The word is in the dictionary at all.
pub const KNOWN: Tags = 1 << 38;
/// The British dictionary (en_GB) gives the word's stem a possessive: a second, independent
/// "may be a noun" signal (its flags mark many nouns the US list does not: ice, reason).
pub const MAY_NOUN_GB: Tags = 1 << 39;

/// Any verb form from the curated lists.
pub const ANY_VERB: Tags = VERB | VERB_3SG | VERB_PAST | VERB_PART | VERB_ING;
/// Words of the closed classes.
pub const FUNCTION: Tags = DET
    | QUANT
    | POSS
    | PRON_SUBJ
    | PRON_OBJ
    | PRON_INDEF
    | PRON
    | PREP
    | CONJ
    | SUBORD
    | WH
    | MODAL
    | BE
    | HAVE
    | DO
    | NEG;
/// Auxiliaries that make a finite verb group.
pub const AUX: Tags = MODAL | BE | HAVE | DO;

struct Lexicon {
    curated: FastMap<String, Tags>,
}

/// Hunspell stems and their affix flags (the `HF_` bits), compiled in by build.rs as a hash
/// table read in place (see src/lexicon/stems_gen.rs): nothing to parse at start-up.
struct Stems;

static STEM_BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/pos_blob.bin"));
static STEM_RECORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/pos_records.bin"));
static STEM_SLOTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/pos_slots.bin"));

impl Stems {
    /// The flags of a stem, if the dictionary has it.
    fn get(&self, s: &str) -> Option<u16> {
        let n = STEM_SLOTS.len() / 4;
        let mask = n - 1;
        let mut i = (super::stems_gen::hash(s.as_bytes()) as usize) & mask;
        loop {
            let slot = u32::from_le_bytes(STEM_SLOTS[i * 4..i * 4 + 4].try_into().ok()?);
            if slot == 0 {
                return None;
            }
            let r = &STEM_RECORDS[(slot as usize - 1) * 8..][..8];
            let off = u32::from_le_bytes([r[0], r[1], r[2], r[3]]) as usize;
            let len = u16::from_le_bytes([r[4], r[5]]) as usize;
            if len == s.len() && &STEM_BLOB[off..off + len] == s.as_bytes() {
                return Some(u16::from_le_bytes([r[6], r[7]]));
            }
            i = (i + 1) & mask;
        }
    }
}

const HF_D: u16 = 1; // -ed
const HF_G: u16 = 2; // -ing
const HF_S: u16 = 4; // -s
const HF_M: u16 = 8; // 's
const HF_R: u16 = 16; // -er
const HF_T: u16 = 32; // -est
const HF_Y: u16 = 64; // -ly
const HF_P: u16 = 128; // -ness
const HF_GB_M: u16 = 1 << 15; // 's in the en_GB dictionary
                              // Prefix flags: the stem also takes re-, de-, dis-, con-, in-, pro-, un-.
const HF_PRE_RE: u16 = 256;
const HF_PRE_DE: u16 = 512;
const HF_PRE_DIS: u16 = 1024;
const HF_PRE_CON: u16 = 2048;
const HF_PRE_IN: u16 = 4096;
const HF_PRE_PRO: u16 = 8192;
const HF_PRE_UN: u16 = 16384;
const PREFIXES: [(&str, u16); 7] = [
    ("re", HF_PRE_RE),
    ("de", HF_PRE_DE),
    ("dis", HF_PRE_DIS),
    ("con", HF_PRE_CON),
    ("in", HF_PRE_IN),
    ("pro", HF_PRE_PRO),
    ("un", HF_PRE_UN),
];

fn section_tag(name: &str) -> Tags {
    match name {
        "det" => DET,
        "quant" => QUANT,
        "poss" => POSS,
        "pron_subj" => PRON_SUBJ,
        "pron_obj" => PRON_OBJ,
        "pron_indef" => PRON_INDEF,
        "pron" => PRON,
        "prep" => PREP,
        "conj" => CONJ,
        "subord" => SUBORD,
        "wh" => WH,
        "modal" => MODAL,
        "be" => BE,
        "have" => HAVE,
        "do" => DO,
        "neg" => NEG,
        "adv_degree" => ADV_DEGREE,
        "adv" => ADV,
        "adj" => ADJ,
        "comp" => COMP,
        "sup" => SUP,
        "noun" => NOUN,
        "verb" => VERB,
        "verb_inf" => VERB_INF,
        "verb_clause" => VERB_CLAUSE,
        _ => 0,
    }
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// The regular inflections of a base verb: (-s, -ed forms, -ing forms).
pub(crate) fn inflect(base: &str) -> (String, Vec<String>, Vec<String>) {
    let b = base.as_bytes();
    let n = b.len();
    let last = b[n - 1];
    let s = if base.ends_with('s')
        || base.ends_with('x')
        || base.ends_with('z')
        || base.ends_with("ch")
        || base.ends_with("sh")
        || base.ends_with('o')
    {
        format!("{base}es")
    } else if last == b'y' && n > 1 && !is_vowel(b[n - 2]) {
        format!("{}ies", &base[..n - 1])
    } else {
        format!("{base}s")
    };
    let mut ed = Vec::new();
    let mut ing = Vec::new();
    if last == b'e' {
        ed.push(format!("{base}d"));
        if base.ends_with("ee") || base.ends_with("ye") || base.ends_with("oe") {
            ing.push(format!("{base}ing"));
        } else {
            ing.push(format!("{}ing", &base[..n - 1]));
        }
    } else if last == b'y' && n > 1 && !is_vowel(b[n - 2]) {
        ed.push(format!("{}ied", &base[..n - 1]));
        ing.push(format!("{base}ing"));
    } else {
        ed.push(format!("{base}ed"));
        ing.push(format!("{base}ing"));
        // Consonant-vowel-consonant endings may double (stop → stopped, prefer → preferred).
        if n >= 3
            && !is_vowel(last)
            && !matches!(last, b'w' | b'x' | b'y')
            && is_vowel(b[n - 2])
            && !is_vowel(b[n - 3])
        {
            let c = last as char;
            ed.push(format!("{base}{c}ed"));
            ing.push(format!("{base}{c}ing"));
        }
    }
    (s, ed, ing)
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut curated: FastMap<String, Tags> = FastMap::default();
        let add = |w: &str, t: Tags, m: &mut FastMap<String, Tags>| {
            *m.entry(w.to_string()).or_insert(0) |= t;
        };
        let mut tag = 0;
        for line in super::lines(crate::lexicon::data_file!("rules/sentences/pos.txt")) {
            if let Some(name) = line.strip_prefix('@') {
                tag = section_tag(name.trim());
                continue;
            }
            for w in line.split_whitespace() {
                add(w, tag, &mut curated);
                if tag == VERB {
                    let (s, ed, ing) = inflect(w);
                    add(&s, VERB_3SG, &mut curated);
                    for e in ed {
                        add(&e, VERB_PAST | VERB_PART, &mut curated);
                    }
                    for g in ing {
                        add(&g, VERB_ING, &mut curated);
                    }
                }
            }
        }
        for line in super::lines(crate::lexicon::data_file!(
            "rules/sentences/irregular_verbs.txt"
        )) {
            let mut it = line.split_whitespace();
            let (Some(base), Some(past), Some(part)) = (it.next(), it.next(), it.next()) else {
                continue;
            };
            add(base, VERB, &mut curated);
            let (s, _, ing) = inflect(base);
            if base != "be" && base != "have" && base != "do" {
                add(&s, VERB_3SG, &mut curated);
                for g in ing {
                    add(&g, VERB_ING, &mut curated);
                }
            }
            for p in past.split('|') {
                add(p, VERB_PAST, &mut curated);
            }
            for p in part.split('|') {
                add(p, VERB_PART, &mut curated);
            }
        }
        // Numbers in words.
        for w in [
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "twenty",
            "thirty",
            "forty",
            "fifty",
            "hundred",
            "thousand",
            "million",
            "billion",
            "dozen",
            "dozens",
            "hundreds",
            "thousands",
            "millions",
        ] {
            add(w, NUM, &mut curated);
        }
        Lexicon { curated }
    })
}

fn stem_flags(stems: &Stems, s: &str, req: u16) -> Option<u16> {
    stems.get(s).filter(|f| f & req == req)
}

/// Looks a stem up with a suffix appended, without allocating (`buf` is a scratch buffer).
fn stem_plus(stems: &Stems, base: &str, add: &str, req: u16) -> Option<u16> {
    let mut buf = [0u8; 64];
    let n = base.len() + add.len();
    if n > buf.len() {
        return None;
    }
    buf[..base.len()].copy_from_slice(base.as_bytes());
    buf[base.len()..n].copy_from_slice(add.as_bytes());
    std::str::from_utf8(&buf[..n])
        .ok()
        .and_then(|s| stem_flags(stems, s, req))
}

/// The Hunspell-derived tags of a word; with `req`, only stems that carry those flags count
/// (used for prefixed words: "distrusted" is dis- + a stem flagged for dis-).
fn hunspell_tags(w: &str, req: u16) -> Tags {
    let st = &Stems;
    let mut t = 0;
    let stem = |f: u16, t: &mut Tags| {
        *t |= KNOWN;
        if f & (HF_D | HF_G) != 0 {
            *t |= MAY_VERB;
        }
        if f & HF_M != 0 || (f & HF_S != 0 && f & (HF_D | HF_G) == 0) {
            *t |= MAY_NOUN;
        }
        if f & HF_GB_M != 0 {
            *t |= MAY_NOUN_GB;
        }
        if f & (HF_R | HF_T) == (HF_R | HF_T) || (f & (HF_Y | HF_P) != 0 && f & HF_M == 0) {
            *t |= MAY_ADJ;
        }
    };
    if let Some(f) = stem_flags(st, w, req) {
        stem(f, &mut t);
    }
    let b = w.as_bytes();
    let n = b.len();
    // -ed
    if n > 4 && w.ends_with("ed") {
        let cands: [(&str, &str); 3] = if w.ends_with("ied") {
            [(&w[..n - 3], "y"), (&w[..n - 1], ""), ("", "")]
        } else {
            [(&w[..n - 2], ""), (&w[..n - 1], ""), (&w[..n - 3], "")]
        };
        for (base, add) in cands {
            if base.is_empty() {
                continue;
            }
            // The doubled-consonant candidate only when the consonant really is doubled.
            if base.len() == n - 3 && add.is_empty() && b[n - 3] != b[n - 4] {
                continue;
            }
            if let Some(f) = stem_plus(st, base, add, req) {
                if f & HF_D != 0 {
                    t |= MAY_VERB | MAY_PAST | KNOWN;
                    break;
                }
            }
        }
    }
    // -ing
    if n > 5 && w.ends_with("ing") {
        let base = &w[..n - 3];
        let found = stem_plus(st, base, "", req)
            .or_else(|| stem_plus(st, base, "e", req))
            .or_else(|| {
                (base.len() > 2
                    && base.as_bytes()[base.len() - 1] == base.as_bytes()[base.len() - 2])
                    .then(|| stem_plus(st, &base[..base.len() - 1], "", req))
                    .flatten()
            });
        if found.is_some_and(|f| f & HF_G != 0) {
            t |= MAY_VERB | MAY_ING | KNOWN;
        }
    }
    // -s
    if n > 3 && w.ends_with('s') && !w.ends_with("ss") {
        let f = if w.ends_with("ies") {
            stem_plus(st, &w[..n - 3], "y", req)
        } else {
            None
        }
        .or_else(|| stem_plus(st, &w[..n - 1], "", req))
        .or_else(|| {
            w.ends_with("es")
                .then(|| stem_plus(st, &w[..n - 2], "", req))
                .flatten()
        });
        if let Some(f) = f {
            if f & HF_S != 0 {
                t |= KNOWN;
                if f & (HF_D | HF_G) != 0 {
                    t |= MAY_VERB | MAY_3SG;
                }
                if f & HF_M != 0 || f & (HF_D | HF_G) == 0 {
                    t |= MAY_NOUN;
                }
                if f & HF_GB_M != 0 {
                    t |= MAY_NOUN_GB;
                }
            }
        }
    }
    // -er / -est of gradable adjectives
    if n > 4 && (w.ends_with("er") || w.ends_with("est")) {
        let k = if w.ends_with("er") { 2 } else { 3 };
        let base = &w[..n - k];
        let f = stem_plus(st, base, "", req)
            .or_else(|| stem_plus(st, base, "e", req))
            .or_else(|| {
                base.ends_with('i')
                    .then(|| stem_plus(st, &base[..base.len() - 1], "y", req))
                    .flatten()
            })
            .or_else(|| {
                let bb = base.as_bytes();
                (bb.len() > 2 && bb[bb.len() - 1] == bb[bb.len() - 2])
                    .then(|| stem_plus(st, &base[..base.len() - 1], "", req))
                    .flatten()
            });
        if f.is_some_and(|f| f & HF_R != 0 && f & HF_T != 0) {
            t |= MAY_ADJ | KNOWN | if k == 2 { COMP } else { SUP };
        }
    }
    t
}

/// Everything the lexicon knows of a lowercase word.
pub fn tags(word: &str) -> Tags {
    thread_local! { static M: super::memo::Memo<Tags> = const { super::memo::Memo::new() }; }
    M.with(|m| m.get(word, tags_uncached))
}

fn tags_uncached(word: &str) -> Tags {
    let lex = lexicon();
    let mut t = lex.curated.get(word).copied().unwrap_or(0);
    if word.len() < 40 && word.is_ascii() {
        let h = hunspell_tags(word, 0);
        t |= h;
        if h & KNOWN == 0 {
            if let Some(&(p, flag)) = PREFIXES
                .iter()
                .find(|(p, _)| word.len() > p.len() + 3 && word.starts_with(p))
            {
                t |= hunspell_tags(&word[p.len()..], flag);
            }
        }
    }
    if word.starts_with(|c: char| c.is_ascii_digit()) {
        t |= NUM;
    }
    t
}

/// True if the word has any of the tags.
#[inline]
pub fn is(word: &str, t: Tags) -> bool {
    tags(word) & t != 0
}

/// A word that can only be a noun: curated or Hunspell noun, and no verb, adjective, adverb or
/// function-word reading.
pub fn is_noun_only(word: &str) -> bool {
    let t = tags(word);
    t & (NOUN | MAY_NOUN) != 0
        && t & (ANY_VERB
            | MAY_VERB
            | ADJ
            | MAY_ADJ
            | ADV
            | ADV_DEGREE
            | FUNCTION
            | NUM
            | COMP
            | SUP)
            == 0
}

/// A word that is probably a noun: a noun reading, and no adjective or function-word reading
/// (it may also be a verb: "change", "result").
pub fn is_nounish(word: &str) -> bool {
    let t = tags(word);
    t & (NOUN | MAY_NOUN) != 0 && t & (ADJ | ADV | ADV_DEGREE | FUNCTION | NUM) == 0
}

/// A word that can only be an adjective (or adverb of degree): no noun or verb reading.
pub fn is_adj_only(word: &str) -> bool {
    let t = tags(word);
    t & (ADJ | COMP | SUP) != 0 && t & (ANY_VERB | MAY_VERB | NOUN | MAY_NOUN | FUNCTION) == 0
}

/// A base-form verb that is not also a noun, adjective or function word (go, give, make).
pub fn is_verb_base_only(word: &str) -> bool {
    let t = tags(word);
    t & VERB != 0 && t & (NOUN | ADJ | ADV | FUNCTION | VERB_PAST | NUM) == 0
}

/// A past participle: irregular (chosen, built) or a regular -ed form of a verb.
pub fn is_participle(word: &str) -> bool {
    let t = tags(word);
    t & VERB_PART != 0 || t & MAY_PAST != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closed_classes() {
        assert!(is("the", DET));
        assert!(is("their", POSS));
        assert!(is("could", MODAL));
        assert!(is("were", BE));
        assert!(is("were", VERB_PAST));
    }

    #[test]
    fn verb_forms() {
        assert!(is("walked", VERB_PAST));
        assert!(is("stopped", VERB_PAST));
        assert!(is("tries", VERB_3SG));
        assert!(is("chosen", VERB_PART));
        assert!(is("going", VERB_ING));
        assert!(is_participle("painted"));
        assert!(is_participle("consolidated"));
        assert!(!is_participle("red"));
    }

    #[test]
    fn hunspell_layer() {
        assert!(is("abandon", MAY_VERB));
        assert!(is("abandoning", MAY_ING));
        assert!(is("bigger", COMP));
        assert!(is("clean", MAY_VERB));
        assert!(!is_adj_only("clean"));
        assert!(is_adj_only("early"));
        assert!(is_verb_base_only("go"));
        assert!(!is_verb_base_only("result"));
        assert!(is_noun_only("shoulders") || is_nounish("shoulders"));
        assert!(is_noun_only("happiness"));
    }

    #[test]
    fn prefixed_stems() {
        // dis- + trust (flagged for dis-), re- + consider, un- + lock.
        assert!(is("distrusted", MAY_PAST));
        assert!(is("reconsidered", MAY_PAST));
        assert!(is("unlocked", MAY_PAST));
        // A prefix the stem does not take gives nothing.
        assert_eq!(tags("distable"), 0);
    }

    #[test]
    fn odd_input() {
        assert_eq!(tags(""), 0);
        let long = "x".repeat(10_000);
        let _ = tags(&long);
        let _ = tags("ñandú");
    }
}
