//! Suggestions: ranked corrections for an unknown word by a noisy-channel score.
//!
//! Candidates are the words of the suggestion lexicon (the frequency list of
//! `rules/spelling/word_frequency.txt` that a dictionary accepts) within two edits of the word
//! (found through a precomputed index of one-letter deletions: the word's deletions of one and
//! two letters meet the lexicon's of zero and one), the words that sound the same (Double
//! Metaphone codes, from the same index), dictionary words one edit away that the lexicon lacks,
//! and the word split in two. Each is scored by
//!
//! `score = ERROR_WEIGHT × error cost + prior − bonus for a word the essay uses`,
//!
//! where the error cost is an edit distance weighted for how people misspell ([`error_cost`]:
//! keyboard neighbours, transposed, doubled and dropped letters, vowels and similar sounds,
//! silent letters) and the prior is the word's `−ln` frequency. Lower is better.

use super::format::{self, COST_SCALE};
use super::lookup;
use super::{known_misspelling, FastSet};
use crate::lexicon;

static WORDS: &str = include_str!(concat!(env!("OUT_DIR"), "/sugg_words.txt"));
static OFFSETS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/sugg_offsets.bin"));
static COSTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/sugg_cost.bin"));
static BUCKETS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/sugg_buckets.bin"));
static IDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/sugg_ids.bin"));

/// Nats of score per unit of error cost: one ordinary slip is worth about a factor of 400 in
/// word frequency.
pub const ERROR_WEIGHT: f32 = 6.0;
/// Nats of score credited to a word the essay itself uses.
const IN_DOC_BONUS: f32 = 3.0;
/// Nats of score credited to a word that sounds like the misspelling.
const PHONETIC_BONUS: f32 = 2.5;
/// The prior of a dictionary word missing from the frequency list.
pub const RARE_PRIOR: f32 = 24.0;

fn u32_at(b: &[u8], i: usize) -> u32 {
    u32::from_le_bytes([b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]])
}

#[cfg(test)]
/// Words in the suggestion lexicon.
pub fn lexicon_len() -> usize {
    COSTS.len()
}

/// The word of a lexicon id, in dictionary case.
fn word(id: u32) -> &'static str {
    let (a, b) = (
        u32_at(OFFSETS, id as usize) as usize,
        u32_at(OFFSETS, id as usize + 1) as usize,
    );
    &WORDS[a..b - 1]
}

/// The prior cost of a lexicon id, in nats.
fn prior(id: u32) -> f32 {
    f32::from(COSTS[id as usize]) / COST_SCALE
}

/// The lexicon ids stored under a key (with hash collisions: verify).
fn ids(key: &[u8], out: &mut Vec<u32>) {
    let b = format::bucket(key);
    let (s, e) = (u32_at(BUCKETS, b) as usize, u32_at(BUCKETS, b + 1) as usize);
    for k in s..e {
        out.push(u32::from_le_bytes([
            IDS[3 * k],
            IDS[3 * k + 1],
            IDS[3 * k + 2],
            0,
        ]));
    }
}

/// The lexicon id of a lowercase word.
fn id_of(lower: &str) -> Option<u32> {
    let mut v = Vec::new();
    ids(lower.as_bytes(), &mut v);
    v.into_iter()
        .find(|&id| word(id).eq_ignore_ascii_case(lower) && word(id).len() == lower.len())
}

/// The lexicon id of a lowercase word (for the context model).
pub(crate) fn id_of_lower(lower: &str) -> Option<u32> {
    id_of(lower)
}

/// The prior probability of a lexicon id (its share of the frequency list's counts).
pub(crate) fn prior_prob(id: u32) -> f32 {
    (-prior(id)).exp()
}

/// The frequency rank of a lowercase word (0 = most frequent), if the lexicon has it.
pub fn frequency_rank(lower: &str) -> Option<u32> {
    id_of(lower)
}

/// The word's prior cost in nats (−ln of its frequency), if the lexicon has it.
pub fn prior_of(lower: &str) -> Option<f32> {
    id_of(lower).map(prior)
}

/// A candidate correction.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// The word, in dictionary case (or two words for a split).
    pub word: String,
    /// The error cost alone (weighted edits; see [`error_cost`]).
    pub cost: f32,
    /// The whole score: error, prior and the essay's own words (lower is better).
    pub score: f32,
    /// From a list of known misspellings.
    pub known: bool,
    /// Sounds like the misspelling (the same Double Metaphone code).
    pub phonetic: bool,
}

/// Ranked corrections for an unknown lowercase word, best first: the corrections of a known
/// human misspelling, then the candidates of the noisy-channel ranking. `in_doc` tells if a
/// word occurs elsewhere in the document.
pub fn suggest(lower: &str, in_doc: &dyn Fn(&str) -> bool) -> Vec<Suggestion> {
    rerank(&suggest_raw(lower), in_doc)
}

/// How many candidates [`suggest_raw`] keeps: enough that the essay's own words, credited
/// [`IN_DOC_BONUS`] by [`rerank`], are still among them.
const RAW_KEEP: usize = 40;

/// The ranking of [`suggest`] before the essay's own words are credited: the part that
/// depends on the word alone, to be computed once and cached (see [`rerank`]).
pub fn suggest_raw(lower: &str) -> Vec<Suggestion> {
    let mut out: Vec<Suggestion> = Vec::new();
    if lower.len() > 40 || !lower.is_ascii() || lower.is_empty() {
        return out;
    }
    let mut seen: FastSet<String> = FastSet::default();
    if let Some(c) = known_misspelling(lower) {
        for w in c {
            if (lookup::check(w) || w.split(' ').all(lookup::check)) && seen.insert(w.to_string()) {
                out.push(Suggestion {
                    word: w.to_string(),
                    cost: 0.0,
                    score: 0.0,
                    known: true,
                    phonetic: false,
                });
            }
        }
    }
    let mut cands = candidates(lower);
    cands.sort_by(|a, b| {
        a.score
            .total_cmp(&b.score)
            .then_with(|| a.word.cmp(&b.word))
    });
    for c in cands {
        if out.len() >= RAW_KEEP {
            break;
        }
        if seen.insert(c.word.clone()) {
            out.push(c);
        }
    }
    out
}

/// The ranking of [`suggest`] from the cached [`suggest_raw`]: words the essay uses are
/// credited [`IN_DOC_BONUS`], the known corrections stay first, and the best ten are kept.
pub fn rerank(raw: &[Suggestion], in_doc: &dyn Fn(&str) -> bool) -> Vec<Suggestion> {
    let known = raw.iter().take_while(|s| s.known).count();
    let mut out: Vec<Suggestion> = raw[..known].to_vec();
    let mut rest: Vec<Suggestion> = raw[known..].to_vec();
    for c in &mut rest {
        if in_doc(&c.word) || in_doc(&c.word.to_lowercase()) {
            c.score -= IN_DOC_BONUS;
        }
    }
    rest.sort_by(|a, b| {
        a.score
            .total_cmp(&b.score)
            .then_with(|| a.word.cmp(&b.word))
    });
    out.extend(rest);
    out.truncate(10);
    out
}

/// The noisy-channel candidates, unsorted.
fn candidates(lower: &str) -> Vec<Suggestion> {
    let b = lower.as_bytes();
    let mut keys: Vec<Vec<u8>> = vec![b.to_vec()];
    format::deletes(b, &mut keys);
    if b.len() >= 3 {
        let d1: Vec<Vec<u8>> = keys[1..].to_vec();
        for k in &d1 {
            format::deletes(k, &mut keys);
        }
    }
    keys.sort_unstable();
    keys.dedup();
    let mut found: Vec<u32> = Vec::with_capacity(256);
    for k in &keys {
        ids(k, &mut found);
    }
    let phon = format::phonetic_keys(lower);
    let mut phon_found: Vec<u32> = Vec::new();
    for k in &phon {
        ids(k, &mut phon_found);
    }
    phon_found.sort_unstable();
    phon_found.dedup();
    found.extend_from_slice(&phon_found);
    found.sort_unstable();
    found.dedup();

    // Words a spelling of a sound away ("enuf" → enough, "thru" → through), and one edit from
    // such a spelling ("enuff"): found by the same index, kept whatever their edit distance.
    let matches = grapheme_matches(b);
    let mut by_sound: Vec<u32> = Vec::new();
    for &(i, k) in &matches {
        let (t, w, _, _) = GRAPHEMES[k];
        // Only the spellings two edits or more long, and not one letter for two: the others'
        // words are within two edits of the word itself, found already (so "o" for au and
        // "e" for ai, in nearly every word, cost no look-ups).
        if t.len() < 2 && w.len() < t.len() + 2 || osa_distance(t, w, 2) < 2 {
            continue;
        }
        let mut v: Vec<u8> = Vec::with_capacity(b.len() + 4);
        v.extend_from_slice(&b[..i - t.len()]);
        v.extend_from_slice(w);
        v.extend_from_slice(&b[i..]);
        let mut vkeys: Vec<Vec<u8>> = vec![v.clone()];
        format::deletes(&v, &mut vkeys);
        for k in &vkeys {
            ids(k, &mut by_sound);
        }
    }
    by_sound.sort_unstable();
    by_sound.dedup();
    found.extend_from_slice(&by_sound);
    found.sort_unstable();
    found.dedup();

    let mut out: Vec<Suggestion> = Vec::new();
    let mut cand_lower = String::new();
    for id in found {
        let w = word(id);
        cand_lower.clear();
        cand_lower.push_str(w);
        cand_lower.make_ascii_lowercase();
        if cand_lower == lower {
            continue;
        }
        let d = osa_distance(b, cand_lower.as_bytes(), 3);
        // Stored under one of the word's phonetic keys (a hash collision is rare, and costs
        // only a misplaced bonus).
        let sounds = phon_found.binary_search(&id).is_ok()
            && (d <= 2 || cand_lower.len().abs_diff(b.len()) <= 2);
        let spelt = d > 2 && !matches.is_empty() && by_sound.binary_search(&id).is_ok();
        if d > 2 && !sounds && !spelt {
            continue;
        }
        let cost = error_cost_with(b, cand_lower.as_bytes(), &matches);
        if sounds && cost > 4.0 || spelt && !sounds && cost > 2.0 {
            continue;
        }
        let mut score = ERROR_WEIGHT * cost + prior(id);
        if sounds {
            score -= PHONETIC_BONUS;
        }
        out.push(Suggestion {
            word: w.to_string(),
            cost,
            score,
            known: false,
            phonetic: sounds,
        });
    }
    // Dictionary words one edit away that the frequency list lacks (rare and technical words).
    if !out.iter().any(|s| s.cost <= 1.0) {
        for e in edits1(lower) {
            if lookup::entry(&e) != 0 && id_of(&e).is_none() {
                let cost = error_cost(lower, &e);
                out.push(Suggestion {
                    word: e,
                    cost,
                    score: ERROR_WEIGHT * cost + RARE_PRIOR,
                    known: false,
                    phonetic: false,
                });
            }
        }
    }
    out.extend(splits(lower));
    out
}

/// The word split in two words of the lexicon ("infact" → "in fact", "eachother").
fn splits(lower: &str) -> Vec<Suggestion> {
    let mut out = Vec::new();
    if lower.len() < 4 || lower.contains('\'') {
        return out;
    }
    for k in 1..lower.len() {
        let (a, b) = lower.split_at(k);
        let ok = |p: &str| p.len() >= 3 || lexicon::is_function_word(p);
        if !ok(a) || !ok(b) {
            continue;
        }
        let (Some(ia), Some(ib)) = (id_of(a), id_of(b)) else {
            continue;
        };
        // A dropped space is a common slip; the phrase is about as likely as its rarer word.
        let cost = 0.6;
        let score = ERROR_WEIGHT * cost + prior(ia).max(prior(ib)) + 2.0;
        out.push(Suggestion {
            word: format!("{} {}", word(ia), word(ib)),
            cost,
            score,
            known: false,
            phonetic: false,
        });
    }
    out
}

/// The optimal-string-alignment distance (unit costs: insert, delete, substitute, transpose),
/// or `limit + 1` once it exceeds `limit`.
pub fn osa_distance(a: &[u8], b: &[u8], limit: usize) -> usize {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > limit {
        return limit + 1;
    }
    if n > 63 || m > 63 {
        return limit + 1;
    }
    let mut prev2 = [0usize; 64];
    let mut prev = [0usize; 64];
    let mut cur = [0usize; 64];
    for (j, v) in prev.iter_mut().enumerate().take(m + 1) {
        *v = j;
    }
    for i in 1..=n {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=m {
            let sub = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + sub);
            if i >= 2 && j >= 2 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > limit {
            return limit + 1;
        }
        prev2 = prev;
        prev = cur;
    }
    prev[m].min(limit + 1)
}

/// Every string one edit (delete, transpose, replace, insert, apostrophe) away, lowercase
/// ASCII letters.
pub fn edits1(word: &str) -> Vec<String> {
    let b = word.as_bytes();
    let n = b.len();
    let mut out = Vec::with_capacity(54 * n + 26);
    let mut buf: Vec<u8> = Vec::with_capacity(n + 1);
    let mut push = |buf: &Vec<u8>| {
        if let Ok(s) = std::str::from_utf8(buf) {
            out.push(s.to_string());
        }
    };
    for i in 0..n {
        buf.clear();
        buf.extend_from_slice(&b[..i]);
        buf.extend_from_slice(&b[i + 1..]);
        push(&buf);
    }
    for i in 0..n.saturating_sub(1) {
        if b[i] == b[i + 1] {
            continue;
        }
        buf.clear();
        buf.extend_from_slice(b);
        buf.swap(i, i + 1);
        push(&buf);
    }
    for i in 0..n {
        for c in b'a'..=b'z' {
            if c == b[i] {
                continue;
            }
            buf.clear();
            buf.extend_from_slice(b);
            buf[i] = c;
            push(&buf);
        }
    }
    for i in 1..n {
        buf.clear();
        buf.extend_from_slice(&b[..i]);
        buf.push(b'\'');
        buf.extend_from_slice(&b[i..]);
        push(&buf);
    }
    for i in 0..=n {
        for c in b'a'..=b'z' {
            buf.clear();
            buf.extend_from_slice(&b[..i]);
            buf.push(c);
            buf.extend_from_slice(&b[i..]);
            push(&buf);
        }
    }
    out
}

const KEYBOARD: [&[u8]; 3] = [b"qwertyuiop", b"asdfghjkl", b"zxcvbnm"];

/// Keys next to each other on a QWERTY keyboard (same row, or the staggered row above or
/// below).
fn keyboard_neighbours(a: u8, b: u8) -> bool {
    const OFFSET: [f32; 3] = [0.0, 0.25, 0.75];
    let pos = |c: u8| {
        KEYBOARD.iter().enumerate().find_map(|(r, row)| {
            row.iter()
                .position(|&k| k == c)
                .map(|p| (r as i32, p as f32 + OFFSET[r]))
        })
    };
    match (pos(a), pos(b)) {
        (Some((ra, xa)), Some((rb, xb))) => {
            ra == rb && (xa - xb).abs() == 1.0 || (ra - rb).abs() == 1 && (xa - xb).abs() <= 1.0
        }
        _ => false,
    }
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Letters that stand for the same or a close sound (c/k/s, s/z, f/v, g/j, m/n, d/t, b/p).
fn similar_sound(a: u8, b: u8) -> bool {
    matches!(
        (a.min(b), a.max(b)),
        (b's', b'z')
            | (b'c', b's')
            | (b'c', b'k')
            | (b'k', b'q')
            | (b'c', b'q')
            | (b'f', b'v')
            | (b'g', b'j')
            | (b'm', b'n')
            | (b'd', b't')
            | (b'b', b'p')
            | (b'x', b'z')
    )
}

/// The cost of substituting typed `a` for intended `b`.
fn sub_cost(a: u8, b: u8) -> f32 {
    if a == b {
        0.0
    } else if is_vowel(a) && is_vowel(b) {
        0.5
    } else if similar_sound(a, b) {
        0.6
    } else if keyboard_neighbours(a, b) {
        0.7
    } else {
        1.0
    }
}

/// [`sub_cost`] of every pair of ASCII bytes, computed once (the keyboard search is slow in
/// the inner loop of [`error_cost`]).
fn sub_table() -> &'static [[f32; 128]; 128] {
    static T: std::sync::OnceLock<Box<[[f32; 128]; 128]>> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let mut t = Box::new([[0f32; 128]; 128]);
        for (x, row) in t.iter_mut().enumerate() {
            for (y, v) in row.iter_mut().enumerate() {
                *v = sub_cost(x as u8, y as u8);
            }
        }
        t
    })
}

/// The cost of leaving out the intended letter `b[j]`: a doubled letter, a silent letter, an
/// unstressed vowel or an apostrophe is left out more often than other letters.
fn omit_cost(b: &[u8], j: usize) -> f32 {
    let c = b[j];
    let prev = if j > 0 { b[j - 1] } else { 0 };
    let next = b.get(j + 1).copied().unwrap_or(0);
    if c == b'\'' {
        return 0.3;
    }
    if c == prev || c == next {
        return 0.4;
    }
    let silent = match c {
        b'e' => j + 1 == b.len() || next == b'd' && j + 2 == b.len(),
        b'h' => matches!(prev, b'w' | b'g' | b'c' | b't' | b'r' | b'k') || j == 0,
        b'w' => next == b'r' || j == 0 && next == b'h',
        b'k' => next == b'n',
        b'b' => prev == b'm' || next == b't',
        b'g' => next == b'n' || next == b'h',
        b'u' => matches!(prev, b'g' | b'q'),
        b'l' => matches!(next, b'k' | b'm' | b'f') || prev == b'u' && next == b'd',
        b'c' => prev == b's' && matches!(next, b'e' | b'i' | b'y'),
        b'd' => next == b'g' && j > 0,
        b't' => next == b'c' || prev == b's' && next == b'e' && j + 2 == b.len(),
        b'n' => prev == b'm' && j + 1 == b.len(),
        b'p' => next == b's' && j == 0,
        _ => false,
    };
    if silent {
        0.5
    } else if is_vowel(c) && j > 0 {
        0.7
    } else {
        1.0
    }
}

/// The cost of typing the extra letter `a[i]` (not in the intended word): doubling a letter or
/// adding a vowel or an apostrophe costs less.
fn add_cost(a: &[u8], i: usize) -> f32 {
    let c = a[i];
    if c == b'\'' {
        return 0.3;
    }
    if i > 0 && a[i - 1] == c || a.get(i + 1) == Some(&c) {
        return 0.4;
    }
    if is_vowel(c) && i > 0 {
        0.7
    } else if c == b'h' || c == b'e' && i + 1 == a.len() {
        0.6
    } else {
        1.0
    }
}

/// Spellings of one sound written for another, beyond single letters (Brill and Moore's
/// multi-letter edits): `(typed, intended, cost, at the end only)`. "tuff"/"enuf" for -ough,
/// "nite" for -ight, "thru" for through, "kw" for qu, "f" for ph, "shun" for -tion, "o" for au
/// (becos),
/// "e" for ai (sed), and a regular ending put on the wrong stem: -ys, -yed, -yness, -yful for
/// -ies, -ied, -iness, -iful (familys, studyed, happyness, beautyful), "eing" for a dropped e
/// (makeing).
const GRAPHEMES: &[(&[u8], &[u8], f32, bool)] = &[
    (b"uff", b"ough", 0.4, false),
    (b"uf", b"ough", 0.4, false),
    (b"u", b"ough", 0.6, true),
    (b"o", b"ough", 0.6, true),
    (b"ite", b"ight", 0.4, false),
    (b"kw", b"qu", 0.4, false),
    (b"ks", b"x", 0.5, false),
    (b"f", b"ph", 0.4, false),
    (b"shun", b"tion", 0.5, false),
    (b"shon", b"tion", 0.5, false),
    (b"sion", b"tion", 0.4, false),
    (b"tion", b"sion", 0.4, false),
    (b"o", b"au", 0.5, false),
    (b"aw", b"au", 0.4, false),
    (b"au", b"aw", 0.4, false),
    (b"e", b"ai", 0.5, false),
    (b"ys", b"ies", 0.3, true),
    (b"yed", b"ied", 0.3, true),
    (b"yer", b"ier", 0.3, true),
    (b"yest", b"iest", 0.3, true),
    (b"yly", b"ily", 0.3, true),
    (b"yness", b"iness", 0.3, false),
    (b"yful", b"iful", 0.3, false),
    (b"eing", b"ing", 0.3, true),
];

/// The longest typed side of [`GRAPHEMES`].
const GRAPHEME_MAX: usize = 5;

/// Where each of [`GRAPHEMES`] ends in `typed`: `(end position, pattern index)`, in order.
fn grapheme_matches(typed: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for i in 1..=typed.len() {
        for (k, &(t, w, _, end)) in GRAPHEMES.iter().enumerate() {
            if t != w && typed[..i].ends_with(t) && (!end || i == typed.len()) {
                out.push((i, k));
            }
        }
    }
    out
}

/// An edit distance weighted for how people misspell `intended` as `typed` (both lowercase):
/// transposed letters (0.6, two vowels 0.4: "peice"), vowels confused (0.5), similar sounds
/// (0.6) and keyboard neighbours (0.7) cost less than other substitutions (1); doubled or
/// undoubled letters (0.4), silent letters (0.5) and unstressed vowels (0.7) left out or added
/// cost less than other letters (1); spellings of a sound written for another ([`GRAPHEMES`]:
/// "enuf", "nite", "familys") cost their own.
pub fn error_cost(typed: &str, intended: &str) -> f32 {
    error_cost_with(
        typed.as_bytes(),
        intended.as_bytes(),
        &grapheme_matches(typed.as_bytes()),
    )
}

/// [`error_cost`] with the [`grapheme_matches`] of `typed` computed once.
fn error_cost_with(a: &[u8], b: &[u8], matches: &[(usize, usize)]) -> f32 {
    let (n, m) = (a.len(), b.len());
    if n > 63 || m > 63 {
        return n.max(m) as f32;
    }
    // Rolling rows: the transposition looks two rows back, a grapheme up to GRAPHEME_MAX.
    const R: usize = GRAPHEME_MAX + 1;
    let mut rows = [[0f32; 64]; R];
    // The costs of each letter left out or added, once per letter (not per cell).
    let mut omit = [0f32; 64];
    for (j, o) in omit.iter_mut().enumerate().take(m) {
        *o = omit_cost(b, j);
    }
    let table = sub_table();
    let ascii = a.is_ascii() && b.is_ascii();
    for j in 1..=m {
        rows[0][j] = rows[0][j - 1] + omit[j - 1];
    }
    let mut mi = 0;
    for i in 1..=n {
        let (cur, prev, prev2) = (i % R, (i + R - 1) % R, (i + R - 2) % R);
        let add = add_cost(a, i - 1);
        let sub = &table[usize::from(a[i - 1] & 0x7f)];
        let sub_at = |c: u8| {
            if ascii {
                sub[usize::from(c)]
            } else {
                sub_cost(a[i - 1], c)
            }
        };
        rows[cur][0] = rows[prev][0] + add;
        for j in 1..=m {
            let mut v = (rows[prev][j] + add)
                .min(rows[cur][j - 1] + omit[j - 1])
                .min(rows[prev][j - 1] + sub_at(b[j - 1]));
            if i >= 2
                && j >= 2
                && a[i - 1] == b[j - 2]
                && a[i - 2] == b[j - 1]
                && a[i - 1] != a[i - 2]
            {
                let t = if is_vowel(a[i - 1]) && is_vowel(a[i - 2]) {
                    0.4
                } else {
                    0.6
                };
                v = v.min(rows[prev2][j - 2] + t);
            }
            rows[cur][j] = v;
        }
        // The spellings of a sound that end here in the typed word.
        while mi < matches.len() && matches[mi].0 < i {
            mi += 1;
        }
        let mut k = mi;
        while k < matches.len() && matches[k].0 == i {
            let (t, w, c, end) = GRAPHEMES[matches[k].1];
            let back = (i - t.len()) % R;
            for j in w.len()..=m {
                if (!end || j == m) && b[..j].ends_with(w) {
                    let v = rows[back][j - w.len()] + c;
                    if v < rows[cur][j] {
                        rows[cur][j] = v;
                        // Later cells of the row build on this one.
                        for j2 in j + 1..=m {
                            let v2 = rows[cur][j2 - 1] + omit[j2 - 1];
                            if v2 < rows[cur][j2] {
                                rows[cur][j2] = v2;
                            }
                        }
                    }
                }
            }
            k += 1;
        }
    }
    rows[n % R][m]
}

/// True if `lower` is a word of the suggestion lexicon that is common (among the most frequent
/// 30,000).
pub fn is_frequent(lower: &str) -> bool {
    frequency_rank(lower).is_some_and(|r| r < 30_000) || lexicon::is_function_word(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn top(w: &str) -> Vec<String> {
        suggest(w, &|_| false).into_iter().map(|s| s.word).collect()
    }

    #[test]
    fn lexicon_loads() {
        assert!(lexicon_len() > 50_000);
        assert_eq!(word(0), "the");
        assert!(frequency_rank("the") == Some(0));
        assert!(frequency_rank("government").is_some());
        assert!(frequency_rank("goverment").is_none());
    }

    #[test]
    fn ranks_slips_first() {
        assert_eq!(top("quazi")[0], "quasi");
        assert_eq!(top("recieve")[0], "receive");
        assert_eq!(top("beautyful")[0], "beautiful");
        assert_eq!(top("studdy")[0], "study");
        assert_eq!(top("clowds")[0], "clouds");
        assert!(
            top("infact").contains(&"in fact".to_string()),
            "{:?}",
            top("infact")
        );
        assert!(top("eachother").contains(&"each other".to_string()));
    }

    #[test]
    fn prefers_the_essays_words() {
        let rank = |s: &[Suggestion]| s.iter().position(|x| x.word == "walk");
        let plain = suggest("wark", &|_| false);
        let used = suggest("wark", &|w| w == "walk");
        // Ranked higher than without the bonus (or ranked where it was not ranked at all).
        let (u, p) = (rank(&used), rank(&plain));
        assert!(
            u.is_some_and(|u| p.is_none_or(|p| u < p) || u == 0),
            "{used:?}"
        );
    }

    /// The best of the noisy-channel candidates alone (no list of known misspellings).
    fn model_top(w: &str) -> String {
        let mut c = candidates(w);
        c.sort_by(|a, b| {
            a.score
                .total_cmp(&b.score)
                .then_with(|| a.word.cmp(&b.word))
        });
        c.first().map(|s| s.word.clone()).unwrap_or_default()
    }

    #[test]
    fn spellings_of_a_sound() {
        // A regular ending on the wrong stem, a spelling of a sound, two vowels swapped, a
        // silent letter left out.
        for (typed, intended) in [
            ("familys", "families"),
            ("nurserys", "nurseries"),
            ("studyed", "studied"),
            ("happyness", "happiness"),
            ("enuf", "enough"),
            ("sed", "said"),
            ("peice", "piece"),
            ("shoud", "should"),
            ("knowlege", "knowledge"),
        ] {
            assert_eq!(model_top(typed), intended, "{typed}");
        }
        assert!(error_cost("enuf", "enough") < 0.5);
        assert!(error_cost("familys", "families") < error_cost("familys", "females"));
        // A pattern's spelling only where the words have it: "therof" is thereof.
        assert!(error_cost("therof", "thereof") < error_cost("therof", "through"));
        assert!(error_cost("beak", "beach") > 1.0);
    }

    #[test]
    fn distances() {
        assert!(error_cost("quazi", "quasi") < error_cost("quazi", "quai"));
        assert!(error_cost("recieve", "receive") < 1.0);
        assert_eq!(error_cost("abc", "abc"), 0.0);
        assert!(error_cost("goverment", "government") <= 1.0);
        assert!(error_cost("goverment", "government") < error_cost("goverment", "governed"));
        assert_eq!(osa_distance(b"ab", b"ba", 2), 1);
        assert_eq!(osa_distance(b"kitten", b"sitting", 2), 3);
        assert!(keyboard_neighbours(b'q', b'w') && keyboard_neighbours(b's', b'e'));
        assert!(!keyboard_neighbours(b'q', b'p'));
    }
}
