//! The VARCON variant index of `lexicon::spell::variants`, built at compile time (by `build.rs`,
//! which includes this file; the `varcon` crate is a build dependency only) so that the binary
//! reads it in place: no index is built at start-up (it was 70% of a small file's start-up).
//!
//! Four byte arrays, written into OUT_DIR, every number little-endian:
//! - `varcon_blob.bin`: every spelling's bytes, one after another;
//! - `varcon_records.bin`: per spelling 20 bytes: offset into the blob (u32), length (u16),
//!   acceptable, preferred and used dialect bits (u8 each), `pos_specific` (u8), entries (u16),
//!   first alternative (u32), number of alternatives (u16), 2 bytes of padding;
//! - `varcon_alts.bin`: per alternative 8 bytes: the record index of its spelling (u32), its
//!   acceptable and preferred bits in the entry (u8 each), 2 bytes of padding;
//! - `varcon_slots.bin`: an open-addressing hash table as in `stems_gen` (linear probing, a
//!   power of two of u32 slots, 0 empty, else record index + 1), hashed with
//!   `stems_gen::hash`.
//!
//! And `varcon_len.rs`, the number of records as `const VARCON_LEN: usize`.
//!
//! The index is the one the run-time code built until now, record for record: for every
//! spelling the dialects in which it is acceptable, preferred or used, united over the entries
//! (senses) that list it, and the other spellings of those entries in the order met.

use varcon::{Category, Tag};

const US: u8 = 1;
const GB: u8 = 2;
const OXFORD: u8 = 4;
const CA: u8 = 8;
const AU: u8 = 16;
const ALL: u8 = US | GB | OXFORD | CA | AU;

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

#[derive(Default)]
struct Info {
    acceptable: u8,
    preferred: u8,
    used: u8,
    alternatives: Vec<(&'static str, u8, u8)>,
    entries: u16,
    pos_specific: bool,
}

/// The index: spellings in the order first met, with what the table says about each.
fn index() -> Vec<(&'static str, Info)> {
    let mut order: Vec<(&'static str, Info)> = Vec::with_capacity(60_000);
    let mut at: std::collections::HashMap<&'static str, usize> = Default::default();
    for cluster in varcon::VARCON {
        for entry in cluster.entries {
            let mut vs: Vec<(&'static str, u8, u8, u8)> = Vec::with_capacity(entry.variants.len());
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
                let k = *at.entry(w).or_insert_with(|| {
                    order.push((w, Info::default()));
                    order.len() - 1
                });
                let info = &mut order[k].1;
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
    order
}

/// Writes the arrays into `out`.
pub fn run(out: &std::path::Path) {
    let idx = index();
    let at: std::collections::HashMap<&str, u32> = idx
        .iter()
        .enumerate()
        .map(|(i, (w, _))| (*w, i as u32))
        .collect();
    let (mut blob, mut records, mut alts) = (Vec::new(), Vec::new(), Vec::new());
    let n = crate::stems_gen::slot_count(idx.len());
    let mut slots = vec![0u32; n];
    for (i, (w, info)) in idx.iter().enumerate() {
        let off = u32::try_from(blob.len()).expect("a blob under 4 GiB");
        let len = u16::try_from(w.len()).expect("a spelling under 64 KiB");
        blob.extend_from_slice(w.as_bytes());
        let first = u32::try_from(alts.len() / 8).expect("fewer than 4G alternatives");
        let count = u16::try_from(info.alternatives.len()).expect("under 64K alternatives");
        records.extend_from_slice(&off.to_le_bytes());
        records.extend_from_slice(&len.to_le_bytes());
        records.extend_from_slice(&[
            info.acceptable,
            info.preferred,
            info.used,
            u8::from(info.pos_specific),
        ]);
        records.extend_from_slice(&info.entries.to_le_bytes());
        records.extend_from_slice(&first.to_le_bytes());
        records.extend_from_slice(&count.to_le_bytes());
        records.extend_from_slice(&[0, 0]);
        for &(a, acc, pref) in &info.alternatives {
            alts.extend_from_slice(&at[a].to_le_bytes());
            alts.extend_from_slice(&[acc, pref, 0, 0]);
        }
        let mut s = (crate::stems_gen::hash(w.as_bytes()) as usize) & (n - 1);
        while slots[s] != 0 {
            s = (s + 1) & (n - 1);
        }
        slots[s] = i as u32 + 1;
    }
    let slots: Vec<u8> = slots.iter().flat_map(|s| s.to_le_bytes()).collect();
    std::fs::write(out.join("varcon_blob.bin"), blob).unwrap();
    std::fs::write(out.join("varcon_records.bin"), records).unwrap();
    std::fs::write(out.join("varcon_alts.bin"), alts).unwrap();
    std::fs::write(out.join("varcon_slots.bin"), slots).unwrap();
    std::fs::write(
        out.join("varcon_len.rs"),
        format!("const VARCON_LEN: usize = {};\n", idx.len()),
    )
    .unwrap();
}
