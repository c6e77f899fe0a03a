//! A small cache for the pure word functions of the lexicon (dictionary look-ups, part-of-speech
//! tags, noun number) that rules call again and again for the same words: a fixed number of
//! slots per thread, direct-mapped by a hash of the word, each holding one short word and its
//! value. Memory is bounded (a few hundred KiB per thread, whatever the input), nothing is
//! shared between threads, and a word that does not fit a slot is simply not cached.
//!
//! The cached function must be pure (the same word always gives the same value); it may itself
//! call other cached functions, or the same one: no borrow is held while it runs.

use std::cell::RefCell;

/// The longest word a slot holds, in bytes.
const KEY: usize = 23;
/// Slots per cache (a power of two).
const SLOTS: usize = 4096;

#[derive(Clone, Copy)]
struct Slot<V> {
    /// Length of the word + 1 (0: empty).
    len: u8,
    key: [u8; KEY],
    val: V,
}

/// One cache: `thread_local!` it with [`Memo::new`] and call [`Memo::get`].
pub struct Memo<V: Copy + 'static> {
    slots: RefCell<Vec<Slot<V>>>,
}

fn hash(b: &[u8]) -> usize {
    // FNV-1a, folded: good enough to spread words over a few thousand slots.
    let h = super::stems_gen::hash(b);
    (h ^ (h >> 29)) as usize & (SLOTS - 1)
}

impl<V: Copy + 'static> Memo<V> {
    /// An empty cache (its slots are allocated on first use).
    pub const fn new() -> Self {
        Memo {
            slots: RefCell::new(Vec::new()),
        }
    }

    /// `f(word)`, from the cache when it holds the word.
    #[inline]
    pub fn get(&self, word: &str, f: impl FnOnce(&str) -> V) -> V {
        let b = word.as_bytes();
        if b.len() > KEY {
            return f(word);
        }
        let i = hash(b);
        if let Ok(slots) = self.slots.try_borrow() {
            if let Some(s) = slots.get(i) {
                if s.len as usize == b.len() + 1 && &s.key[..b.len()] == b {
                    return s.val;
                }
            }
        }
        let v = f(word);
        if let Ok(mut slots) = self.slots.try_borrow_mut() {
            if slots.is_empty() {
                slots.resize(
                    SLOTS,
                    Slot {
                        len: 0,
                        key: [0; KEY],
                        val: v,
                    },
                );
            }
            let s = &mut slots[i];
            s.len = b.len() as u8 + 1;
            s.key[..b.len()].copy_from_slice(b);
            s.val = v;
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caches_and_recomputes() {
        thread_local! { static M: Memo<usize> = const { Memo::new() }; }
        let calls = std::cell::Cell::new(0);
        let f = |w: &str| {
            calls.set(calls.get() + 1);
            w.len() * 2
        };
        M.with(|m| {
            assert_eq!(m.get("word", f), 8);
            assert_eq!(m.get("word", f), 8);
            assert_eq!(calls.get(), 1);
            // Longer than a slot holds: computed every time, still right.
            let long = "a".repeat(40);
            assert_eq!(m.get(&long, f), 80);
            assert_eq!(m.get(&long, f), 80);
            assert_eq!(calls.get(), 3);
            // Re-entrant use of the same cache.
            assert_eq!(m.get("outer", |w| m.get("inner", f) + w.len()), 15);
            // Many words: every answer right whatever the collisions.
            for n in 0..20_000usize {
                let w = format!("w{n}");
                assert_eq!(m.get(&w, f), w.len() * 2);
            }
            assert_eq!(m.get("", f), 0);
        });
    }
}
