//! The Hunspell stem table of `lexicon::pos`, built at compile time (by `build.rs`, which
//! includes this file) so that the binary reads it in place with no parsing at start-up.
//!
//! Three byte arrays, written into OUT_DIR:
//! - `pos_blob.bin`: every stem's bytes, one after another;
//! - `pos_records.bin`: per stem 8 bytes: offset into the blob (u32), length (u16) and the
//!   affix flags (u16), little-endian;
//! - `pos_slots.bin`: an open-addressing hash table (linear probing, a power of two of u32
//!   slots, at most half full): 0 for an empty slot, else the record's index + 1. The hash is
//!   [`hash`], shared by the builder and the reader.
//!
//! The stems and flags are those of `rules/dict/en_US.dic` (lowercase entries, flags united
//! over repeated entries), with `HF_GB_M` added where `rules/dict/en_GB.dic` gives the stem
//! (or its -our/-ise/-tre form) a possessive. The flag bits are those of `lexicon::pos`.

/// FNV-1a, 64-bit: the one hash of the table (the builder and the reader must agree).
pub fn hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The slot count for `n` entries: a power of two at least twice `n`.
#[allow(dead_code)]
pub fn slot_count(n: usize) -> usize {
    (2 * n).next_power_of_two().max(2)
}

/// The affix flag of a Hunspell flag letter (the bits of `lexicon::pos`).
#[allow(dead_code)]
fn hflag(c: char) -> u16 {
    match c {
        'D' => 1,
        'G' => 2,
        'S' => 4,
        'M' => 8,
        'R' => 16,
        'T' => 32,
        'Y' => 64,
        'P' => 128,
        'A' => 256,
        'C' => 512,
        'E' => 1024,
        'F' => 2048,
        'I' => 4096,
        'K' => 8192,
        'U' => 16384,
        _ => 0,
    }
}

/// 's in the en_GB dictionary.
#[allow(dead_code)]
const HF_GB_M: u16 = 1 << 15;

/// The stems and their flags, in the order of first appearance in en_US.dic.
#[allow(dead_code)]
pub fn stems(us: &str, gb: &str) -> Vec<(String, u16)> {
    let mut order: Vec<(String, u16)> = Vec::with_capacity(80_000);
    let mut at: std::collections::HashMap<String, usize> = Default::default();
    for line in us.lines().skip(1) {
        let (w, flags) = line.split_once('/').unwrap_or((line, ""));
        let w = w.trim();
        if w.is_empty() || w.bytes().any(|b| b.is_ascii_uppercase()) {
            continue;
        }
        let f = flags.chars().fold(0u16, |a, c| a | hflag(c));
        match at.get(w) {
            Some(&i) => order[i].1 |= f,
            None => {
                at.insert(w.to_string(), order.len());
                order.push((w.to_string(), f));
            }
        }
    }
    for line in gb.lines().skip(1) {
        let Some((w, flags)) = line.split_once('/') else {
            continue;
        };
        if flags.contains('M') {
            let w = w.trim();
            if let Some(&i) = at.get(w) {
                order[i].1 |= HF_GB_M;
            }
            let us = if let Some(b) = w.strip_suffix("our") {
                Some(format!("{b}or"))
            } else if let Some(b) = w.strip_suffix("ise") {
                Some(format!("{b}ize"))
            } else {
                w.strip_suffix("tre").map(|b| format!("{b}ter"))
            };
            if let Some(&i) = us.and_then(|u| at.get(u.as_str())) {
                order[i].1 |= HF_GB_M;
            }
        }
    }
    order
}

/// The three arrays (blob, records, slots) of the table of `stems`.
#[allow(dead_code)]
pub fn build(stems: &[(String, u16)]) -> (Vec<u8>, Vec<u8>, Vec<u8>) {
    let mut blob = Vec::new();
    let mut records = Vec::with_capacity(stems.len() * 8);
    let n = slot_count(stems.len());
    let mut slots = vec![0u32; n];
    for (i, (w, f)) in stems.iter().enumerate() {
        let off = u32::try_from(blob.len()).expect("a blob under 4 GiB");
        let len = u16::try_from(w.len()).expect("a stem under 64 KiB");
        blob.extend_from_slice(w.as_bytes());
        records.extend_from_slice(&off.to_le_bytes());
        records.extend_from_slice(&len.to_le_bytes());
        records.extend_from_slice(&f.to_le_bytes());
        let mut s = (hash(w.as_bytes()) as usize) & (n - 1);
        while slots[s] != 0 {
            s = (s + 1) & (n - 1);
        }
        slots[s] = i as u32 + 1;
    }
    let slots = slots.iter().flat_map(|s| s.to_le_bytes()).collect();
    (blob, records, slots)
}

/// Reads a table written by [`build`] in place: the value (the `u16` after the length in each
/// record) of `key`, if the table lists it.
#[allow(dead_code)]
pub fn get(blob: &[u8], records: &[u8], slots: &[u8], key: &str) -> Option<u16> {
    let n = slots.len() / 4;
    if n == 0 {
        return None;
    }
    let mask = n - 1;
    let mut i = (hash(key.as_bytes()) as usize) & mask;
    loop {
        let slot = u32::from_le_bytes(slots.get(i * 4..i * 4 + 4)?.try_into().ok()?) as usize;
        if slot == 0 {
            return None;
        }
        let r = records.get((slot - 1) * 8..(slot - 1) * 8 + 8)?;
        let off = u32::from_le_bytes([r[0], r[1], r[2], r[3]]) as usize;
        let len = u16::from_le_bytes([r[4], r[5]]) as usize;
        if len == key.len() && blob.get(off..off + len) == Some(key.as_bytes()) {
            return Some(u16::from_le_bytes([r[6], r[7]]));
        }
        i = (i + 1) & mask;
    }
}
