//! The layout of the spelling data that the build script (`generate.rs`) writes and the library
//! reads: shared by both, so the two cannot disagree.
//!
//! - `words.fst`: an `fst` map from every spelling the Hunspell dictionaries accept (affixes
//!   expanded, case as listed) to a bit set of [`US`], [`GB`], [`CA`], [`AU`] and [`NOSUGGEST`].
//! - `sugg_words.txt`: the suggestion lexicon, the words of the frequency list that a dictionary
//!   accepts, most frequent first, in dictionary case, one a line; `sugg_offsets.bin` the byte
//!   offset of each (u32 little-endian, one more than there are words); `sugg_cost.bin` one byte a
//!   word: its prior cost, `-ln(count / total) * COST_SCALE`.
//! - `sugg_buckets.bin` (u32 little-endian offsets, `BUCKETS + 1` of them) and `sugg_ids.bin`
//!   (word ids, 3 bytes little-endian each): a hash index from keys to the words that have them.
//!   A word's keys are its lowercase form, every deletion of one letter from it, and its Double
//!   Metaphone codes (prefixed with `#`). Hash collisions only add candidates, which the search
//!   verifies.

/// The dialect bits of `words.fst`.
pub const US: u64 = 1;
pub const GB: u64 = 2;
pub const CA: u64 = 4;
pub const AU: u64 = 8;
/// The word is accepted but never suggested (offensive words).
pub const NOSUGGEST: u64 = 16;

/// Bits of the bucket index.
pub const BUCKET_BITS: u32 = 18;
/// Buckets of the key index.
#[allow(dead_code)] // used by the build script
pub const BUCKETS: usize = 1 << BUCKET_BITS;
/// Nats per unit of the stored prior cost.
pub const COST_SCALE: f32 = 8.0;
/// The prefix of phonetic keys.
pub const PHONETIC: u8 = b'#';

/// The bucket of a key (FNV-1a, top bits).
pub fn bucket(key: &[u8]) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in key {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (h >> (64 - BUCKET_BITS)) as usize
}

/// Every string made by deleting one byte of `word` (distinct, in order).
pub fn deletes(word: &[u8], out: &mut Vec<Vec<u8>>) {
    for i in 0..word.len() {
        if i > 0 && word[i] == word[i - 1] {
            continue;
        }
        let mut v = Vec::with_capacity(word.len() - 1);
        v.extend_from_slice(&word[..i]);
        v.extend_from_slice(&word[i + 1..]);
        out.push(v);
    }
}

/// The phonetic keys of a lowercase word: its Double Metaphone primary and alternate codes.
pub fn phonetic_keys(lower: &str) -> Vec<Vec<u8>> {
    let dm = rphonetic::DoubleMetaphone::new(None).double_metaphone(lower);
    let mut out: Vec<Vec<u8>> = Vec::with_capacity(2);
    for code in [dm.primary(), dm.alternate()] {
        if code.is_empty() {
            continue;
        }
        let mut k = vec![PHONETIC];
        k.extend_from_slice(code.as_bytes());
        if !out.contains(&k) {
            out.push(k);
        }
    }
    out
}
