//! Context: how well a word fits between its neighbours, from the word-pair counts of
//! `rules/spelling/bigrams.txt` (compiled at build time by `generate.rs` into sorted keys of
//! suggestion-lexicon ids).
//!
//! The measure is the pointwise mutual information of a pair, `ln P(a b) / (P(a) P(b))` in
//! nats: positive when the words go together ("the floor"), negative when two words that are
//! each frequent enough to be seen together are missing from the pairs ("the what"), and 0 when
//! nothing is known (a word outside the pairs' vocabulary, or two words too rare for their
//! pair to have been kept). The noisy-channel score of a correction in context is its score
//! minus its information with each neighbour.

use super::suggest;

static KEYS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bigram_keys.bin"));
static COUNTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bigram_counts.bin"));
static VOCAB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bigram_vocab.bin"));
static TOTAL: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/sugg_total.bin"));

/// The unit of the counts in `bigrams.txt`.
const UNIT: f64 = 100_000.0;
/// The smallest count the source keeps: a missing pair was seen fewer times.
const FLOOR: f64 = 6_400_000.0;
/// The information of a pair is clamped to ±this many nats (a few pairs are idioms).
const CLAMP: f32 = 6.0;

fn total() -> f64 {
    let mut b = [0u8; 8];
    b.copy_from_slice(&TOTAL[..8]);
    f64::from_le_bytes(b)
}

fn key_at(i: usize) -> u64 {
    let mut b = [0u8; 8];
    b.copy_from_slice(&KEYS[8 * i..8 * i + 8]);
    u64::from_le_bytes(b)
}

fn in_vocab(id: u32) -> bool {
    let n = VOCAB.len() / 4;
    let at = |i: usize| {
        u32::from_le_bytes([
            VOCAB[4 * i],
            VOCAB[4 * i + 1],
            VOCAB[4 * i + 2],
            VOCAB[4 * i + 3],
        ])
    };
    let (mut lo, mut hi) = (0usize, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        match at(mid).cmp(&id) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// The count of the pair `a b` (ids), if the pairs list it.
fn pair_count(a: u32, b: u32) -> Option<f64> {
    let key = u64::from(a) << 32 | u64::from(b);
    let n = KEYS.len() / 8;
    let (mut lo, mut hi) = (0usize, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        match key_at(mid).cmp(&key) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => {
                let c = u16::from_le_bytes([COUNTS[2 * mid], COUNTS[2 * mid + 1]]);
                return Some(f64::from(c) * UNIT);
            }
        }
    }
    None
}

/// The pointwise mutual information of the pair `a b` (lowercase words) in nats, clamped to
/// ±[`CLAMP`]; 0 when nothing is known. A missing pair of two vocabulary words was seen fewer
/// than [`FLOOR`] times: its information is at most that bound's, and never above 0.
pub fn pmi(a: &str, b: &str) -> f32 {
    let (Some(ia), Some(ib)) = (suggest::id_of_lower(a), suggest::id_of_lower(b)) else {
        return 0.0;
    };
    if !in_vocab(ia) || !in_vocab(ib) {
        return 0.0;
    }
    let n = total();
    let ca = n * f64::from(suggest::prior_prob(ia));
    let cb = n * f64::from(suggest::prior_prob(ib));
    let v = match pair_count(ia, ib) {
        Some(c) => (c * n / (ca * cb)).ln(),
        None => (FLOOR * n / (ca * cb)).ln().min(0.0),
    };
    (v as f32).clamp(-CLAMP, CLAMP)
}

/// How often `word` (lowercase) comes right after `left`, for each occurrence of `word`: the
/// pair's count over the word's count in the frequency list. The two lists count different
/// corpora, so the value is only good for comparing words after the same `left` ("a city" is
/// common for "city", "a water" rare for "water"). 0 when the pairs do not list the pair (seen
/// fewer than [`FLOOR`] times); None for a word outside the pairs' vocabulary.
pub fn share_after(left: &str, word: &str) -> Option<f64> {
    let (ia, ib) = (suggest::id_of_lower(left)?, suggest::id_of_lower(word)?);
    if !in_vocab(ia) || !in_vocab(ib) {
        return None;
    }
    let cb = total() * f64::from(suggest::prior_prob(ib));
    Some(pair_count(ia, ib).unwrap_or(0.0) / cb)
}

/// How much better (in nats) `word` fits between `prev` and `next` than a word about which
/// nothing is known: its information with each neighbour (a missing neighbour adds nothing).
pub fn fit(prev: Option<&str>, word: &str, next: Option<&str>) -> f32 {
    let w = word.to_lowercase();
    prev.map_or(0.0, |p| pmi(p, &w)) + next.map_or(0.0, |n| pmi(&w, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_load_and_inform() {
        assert!(total() > 1e11);
        assert!(pmi("the", "floor") > 0.0, "{}", pmi("the", "floor"));
        // Two frequent words never seen together.
        assert!(pmi("the", "the") < 0.0);
        // Unknown words tell nothing.
        assert_eq!(pmi("the", "qzxv"), 0.0);
        assert!(fit(Some("the"), "floor", Some("of")) > fit(Some("the"), "flor", Some("of")));
        // A count noun follows "a" far more often, for its frequency, than a mass noun.
        let a = |w| share_after("a", w).unwrap_or(0.0);
        assert!(
            a("city") > 3.0 * a("information"),
            "{} {}",
            a("city"),
            a("information")
        );
        assert_eq!(share_after("a", "qzxv"), None);
    }
}
