//! The context model of the `confusable` rule: which member of a confusion set the words on
//! either side of a use call for.
//!
//! The data (`rules/confusable/context.txt`, built by `rules/confusable/build.py` from the
//! trigram language model of CMU PocketSphinx) holds unigram counts of the set members and of
//! their neighbours with their backoff weights, the bigram counts in which a member takes part
//! with their backoff weights as contexts, the trigrams in which a member takes part, and each
//! set's threshold and level, calibrated on held-out text. A member `c` between the words
//! `l2 l` and `r r2` scores what the trigram model gives the words around it,
//!
//! ```text
//! log P(c | l2 l) + log P(r | l c) + log P(r2 | c r)
//! ```
//!
//! up to a constant shared by the members, with the prior `log U(c)` scaled by [`PRIOR`]. Its
//! bigram part is written as in naive Bayes,
//! `log U(c) + log P(l | c) + log P(r | c)` with `P(l | c) = B(l c) / (R · U(c))`, where a
//! bigram missing from the data is estimated as the language model backs off: as if its words
//! were independent, times the left word's backoff weight. A trigram adds its correction of the
//! backed-off estimate (`G` records); a missing one backs off, which costs the backoff weight of
//! its first two words when they are a bigram with a member (the weight of `l2 l` and the
//! bigram `r r2` are the same for every member and cancel). The rule reports a member when
//! another one outscores it by more than the set's threshold, at least one of the other
//! member's bigrams with this context was seen, no neighbour alone calls for the written word
//! ([`CONTRA`]), and the written word is not familiar beside both neighbours ([`FAMILIAR`]).

use crate::lexicon::inplace;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The bigram counts are on a scale this many times the unigram counts' (a convention of the
/// data format; `build.py` writes the pseudo-counts so).
const R: f64 = 60.0;

/// A verdict from one informative neighbour only (the other is punctuation, the sentence edge,
/// or a word no member was seen beside) must win by this much more than the set's threshold;
/// `build.py` calibrates with the same rule.
const ONE_SIDED: f64 = 1.5;

/// The members' prior within their set: their unigram probabilities raised to this power. A
/// writer who writes the rarer member of a set usually means it, so the full unigram ratio
/// overrates the common member where the context is weak; `build.py` calibrates with the same
/// prior (see there for the measurements that chose it).
const PRIOR: f64 = 0.5;

/// A verdict must not go against either informative neighbour: when one side alone favours
/// the written word over the alternative by more than this (natural log of the ratio of
/// `P(side | member)`), the model keeps quiet ("a change in weight for both": "in" calls for
/// "weight", only "for" for "wait"). `build.py` calibrates with the same rule.
const CONTRA: f64 = 0.5;

/// How much less likely than another member a written word may be beside a neighbour it was
/// seen with and still count as familiar there (natural log); see [`Model::familiar`].
/// `build.py` uses the same constant.
const FAMILIAR: f64 = 1.5;

/// How a set speaks when its threshold is passed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Warning,
    Advice,
    Off,
}

/// One confusion set with its calibrated thresholds (natural-log units): past `threshold` the
/// set speaks at its `level`; past `advice` (at most `threshold`) it speaks as advice.
#[derive(Debug)]
pub struct Set {
    pub members: Vec<&'static str>,
    pub threshold: f64,
    pub advice: f64,
    pub level: Level,
}

/// The model's verdict on one word: the member the context calls for instead, by how much it
/// outscores the written word, and whether its set speaks as a warning.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub word: &'static str,
    pub margin: f64,
    pub sure: bool,
}

/// The model's words, sorted: a list (parsed from the text), or the compiled-in table read in
/// place (`text` holds the words with a `\n` between; word `i` runs from `starts[i]` to one
/// byte before `starts[i + 1]`).
#[derive(Debug)]
enum Words {
    List(Vec<&'static str>),
    Packed {
        text: &'static str,
        starts: Cow<'static, [u32]>,
    },
}

impl Words {
    fn len(&self) -> usize {
        match self {
            Words::List(l) => l.len(),
            Words::Packed { starts, .. } => starts.len().saturating_sub(1),
        }
    }

    fn get(&self, i: usize) -> &'static str {
        match self {
            Words::List(l) => l[i],
            Words::Packed { text, starts } => &text[starts[i] as usize..starts[i + 1] as usize - 1],
        }
    }

    /// The index of `w`, if listed (the words are sorted and distinct).
    fn find(&self, w: &str) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.get(mid).cmp(w) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    #[cfg(test)]
    fn to_vec(&self) -> Vec<&'static str> {
        (0..self.len()).map(|i| self.get(i)).collect()
    }
}

pub struct Model {
    /// Every word with a count, sorted; a word's index is its id.
    words: Words,
    /// Unigram counts by id (0 for a word seen only in bigrams).
    uni: Cow<'static, [f32]>,
    /// Backoff weights by id: a missing bigram starting with the word is estimated at this
    /// share of the independent estimate (1 when the data gives none).
    bo: Cow<'static, [f32]>,
    /// Bigrams as sorted keys `left << 32 | right`, with their counts and their backoff
    /// weights as a context (1 when the data gives none).
    keys: Cow<'static, [u64]>,
    counts: Cow<'static, [f32]>,
    bo2: Cow<'static, [f32]>,
    /// Trigrams as sorted keys `a << 42 | b << 21 | c`, with their corrections of the
    /// backed-off estimate in tenths of a natural log.
    tkeys: Cow<'static, [u64]>,
    tvals: Cow<'static, [i8]>,
    total: f64,
    floor: f64,
    udef: f64,
    sets: Vec<Set>,
    of_word: HashMap<&'static str, Vec<usize>>,
}

/// Whether the model judges `w` where it is written: not a function word or a small number
/// word, whose use two words of context cannot decide ("that our hypothesis", "people of
/// color", "by and large"); the grammatical detectors judge those. `build.py` calibrates with
/// the same rule.
fn judged_as_written(w: &str) -> bool {
    !crate::lexicon::is_function_word(w) && !matches!(w, "one" | "two" | "four")
}

static SETS: &str = include_str!("../../../../rules/confusable/sets.txt");

/// The `keep:` bigrams of sets.txt: terms of art in which a member is right.
fn kept(a: &str, b: &str) -> bool {
    static K: OnceLock<std::collections::HashSet<(&'static str, &'static str)>> = OnceLock::new();
    K.get_or_init(|| {
        SETS.lines()
            .filter_map(|l| l.strip_prefix("keep:"))
            .filter_map(|l| {
                let mut f = l.split_whitespace();
                Some((f.next()?, f.next()?))
            })
            .collect()
    })
    .contains(&(a, b))
}

impl Model {
    /// The model compiled into the binary: the tables `build.rs` sorted at compile time,
    /// read in place (copying them was 4% of a 2,000-word essay's run).
    pub fn get() -> &'static Model {
        static M: OnceLock<Model> = OnceLock::new();
        M.get_or_init(|| {
            let words = include_str!(concat!(env!("OUT_DIR"), "/cm_words.txt"));
            let starts = inplace::include_aligned!(concat!(env!("OUT_DIR"), "/cm_starts.bin"));
            let uni = inplace::include_aligned!(concat!(env!("OUT_DIR"), "/cm_uni.bin"));
            let bo = inplace::include_aligned!(concat!(env!("OUT_DIR"), "/cm_bo.bin"));
            let keys = inplace::include_aligned!(concat!(env!("OUT_DIR"), "/cm_keys.bin"));
            let counts = inplace::include_aligned!(concat!(env!("OUT_DIR"), "/cm_counts.bin"));
            let bo2 = inplace::include_aligned!(concat!(env!("OUT_DIR"), "/cm_bo2.bin"));
            let tkeys = inplace::include_aligned!(concat!(env!("OUT_DIR"), "/cm_tri_keys.bin"));
            let tvals = inplace::include_aligned!(concat!(env!("OUT_DIR"), "/cm_tri_vals.bin"));
            let meta = include_str!(concat!(env!("OUT_DIR"), "/cm_meta.txt"));
            let mut m = Model::parse(meta).expect("rules/confusable/context.txt is well formed");
            m.words = Words::Packed {
                text: words,
                starts: inplace::le_u32s(starts),
            };
            m.uni = inplace::le_f32s(uni);
            m.bo = inplace::le_f32s(bo);
            m.keys = inplace::le_u64s(keys);
            m.counts = inplace::le_f32s(counts);
            m.bo2 = inplace::le_f32s(bo2);
            m.tkeys = inplace::le_u64s(tkeys);
            m.tvals = inplace::le_i8s(tvals);
            m.udef = m
                .uni
                .iter()
                .map(|&c| f64::from(c))
                .filter(|&c| c > 0.0)
                .fold(f64::MAX, f64::min);
            if m.udef == f64::MAX {
                m.udef = 1.0;
            }
            m
        })
    }

    /// Parse the data format described in the header of `context.txt` (the compiled-in model
    /// is the same data, sorted by `build.rs`).
    pub fn parse(text: &'static str) -> Result<Model, String> {
        let mut m = Model {
            words: Words::List(Vec::new()),
            uni: Cow::Borrowed(&[]),
            bo: Cow::Borrowed(&[]),
            keys: Cow::Borrowed(&[]),
            counts: Cow::Borrowed(&[]),
            bo2: Cow::Borrowed(&[]),
            tkeys: Cow::Borrowed(&[]),
            tvals: Cow::Borrowed(&[]),
            total: 0.0,
            floor: 0.0,
            udef: f64::MAX,
            sets: Vec::new(),
            of_word: HashMap::new(),
        };
        let num = |s: Option<&str>, line: usize| -> Result<f64, String> {
            s.and_then(|s| s.parse::<f64>().ok())
                .ok_or_else(|| format!("line {line}: expected a number"))
        };
        let mut unigrams: Vec<(&'static str, f64, f64)> = Vec::new();
        let mut bigrams: Vec<(&'static str, &'static str, f64, f32)> = Vec::new();
        let mut trigrams: Vec<(&'static str, &'static str, &'static str, i8)> = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let n = n + 1;
            let mut f = line.split_ascii_whitespace();
            match f.next() {
                None => {}
                Some(c) if c.starts_with('#') => {}
                Some("N") => {
                    m.total = num(f.next(), n)?;
                    m.floor = num(f.next(), n)?;
                }
                Some("U") => {
                    let w = f.next().ok_or(format!("line {n}: no word"))?;
                    let c = num(f.next(), n)?;
                    // An optional third field: the word's backoff weight.
                    let bo = match f.next() {
                        Some(x) => num(Some(x), n)?,
                        None => 1.0,
                    };
                    unigrams.push((w, c, bo));
                }
                Some("B") => {
                    let a = f.next().ok_or(format!("line {n}: no word"))?;
                    let b = f.next().ok_or(format!("line {n}: no word"))?;
                    let c = num(f.next(), n)?;
                    // An optional fourth field: the bigram's backoff weight as a context.
                    let bo = match f.next() {
                        Some(x) => num(Some(x), n)? as f32,
                        None => 1.0,
                    };
                    bigrams.push((a, b, c, bo));
                }
                Some("G") => {
                    let a = f.next().ok_or(format!("line {n}: no word"))?;
                    let b = f.next().ok_or(format!("line {n}: no word"))?;
                    let c = f.next().ok_or(format!("line {n}: no word"))?;
                    let v = num(f.next(), n)?;
                    trigrams.push((a, b, c, (v * 10.0).round().clamp(-127.0, 127.0) as i8));
                }
                Some("T") => {
                    let level = match f.next() {
                        Some("warning") => Level::Warning,
                        Some("advice") => Level::Advice,
                        Some("off") => Level::Off,
                        _ => return Err(format!("line {n}: unknown level")),
                    };
                    let threshold = num(f.next(), n)?;
                    let mut f = f.peekable();
                    // An optional second number: the advice threshold.
                    let advice = match f.peek().and_then(|x| x.parse::<f64>().ok()) {
                        Some(a) => {
                            f.next();
                            a.min(threshold)
                        }
                        None => threshold,
                    };
                    let members: Vec<&'static str> = f.collect();
                    if members.len() < 2 {
                        return Err(format!("line {n}: a set needs two members"));
                    }
                    for w in &members {
                        m.of_word.entry(*w).or_default().push(m.sets.len());
                    }
                    m.sets.push(Set {
                        members,
                        threshold,
                        advice,
                        level,
                    });
                }
                Some(x) => return Err(format!("line {n}: unknown record `{x}`")),
            }
        }
        if m.total <= 0.0 || m.floor <= 0.0 {
            return Err("no `N total floor` record".into());
        }
        let mut words: Vec<&'static str> = unigrams.iter().map(|u| u.0).collect();
        words.extend(bigrams.iter().flat_map(|&(a, b, _, _)| [a, b]));
        words.extend(trigrams.iter().flat_map(|&(a, b, c, _)| [a, b, c]));
        words.sort_unstable();
        words.dedup();
        m.words = Words::List(words);
        m.uni = Cow::Owned(vec![0.0; m.words.len()]);
        m.bo = Cow::Owned(vec![1.0; m.words.len()]);
        for (w, c, bo) in unigrams {
            let id = m.id(w).expect("a listed word");
            m.uni.to_mut()[id as usize] = c as f32;
            m.bo.to_mut()[id as usize] = bo as f32;
            m.udef = m.udef.min(f64::from(c as f32));
        }
        let mut keyed: Vec<(u64, f64, f32)> = bigrams
            .iter()
            .map(|&(a, b, c, bo)| {
                let (x, y) = (m.id(a).expect("listed"), m.id(b).expect("listed"));
                (u64::from(x) << 32 | u64::from(y), c, bo)
            })
            .collect();
        keyed.sort_unstable_by_key(|k| k.0);
        m.keys = keyed.iter().map(|k| k.0).collect::<Vec<_>>().into();
        m.counts = keyed.iter().map(|k| k.1 as f32).collect();
        m.bo2 = keyed.iter().map(|k| k.2).collect();
        let mut tkeyed: Vec<(u64, i8)> = trigrams
            .iter()
            .map(|&(a, b, c, v)| {
                let id = |w| u64::from(m.id(w).expect("listed"));
                (id(a) << 42 | id(b) << 21 | id(c), v)
            })
            .collect();
        tkeyed.sort_unstable_by_key(|k| k.0);
        m.tkeys = tkeyed.iter().map(|k| k.0).collect();
        m.tvals = tkeyed.iter().map(|k| k.1).collect();
        if m.udef == f64::MAX {
            m.udef = 1.0;
        }
        Ok(m)
    }

    fn id(&self, w: &str) -> Option<u32> {
        self.words.find(w).map(|i| i as u32)
    }

    #[cfg(test)]
    /// The sets, in the order of the data file.
    pub fn sets(&self) -> &[Set] {
        &self.sets
    }

    /// The sets a word belongs to.
    pub fn sets_of(&self, w: &str) -> impl Iterator<Item = &Set> {
        self.of_word
            .get(w)
            .into_iter()
            .flatten()
            .map(|&k| &self.sets[k])
    }

    fn unigram(&self, w: &str) -> f64 {
        match self.id(w) {
            Some(id) if self.uni[id as usize] > 0.0 => f64::from(self.uni[id as usize]),
            _ => self.udef,
        }
    }

    /// The count of the bigram `a b`, and whether it was seen; a missing one is estimated as if
    /// its words were independent, times the left word's backoff weight, but never above the
    /// data's floor.
    fn pair(&self, a: &str, b: &str) -> (f64, bool) {
        let (x, y) = (self.id(a), self.id(b));
        if let (Some(x), Some(y)) = (x, y) {
            if let Ok(k) = self
                .keys
                .binary_search(&(u64::from(x) << 32 | u64::from(y)))
            {
                return (f64::from(self.counts[k]), true);
            }
        }
        let bo = x.map_or(1.0, |x| {
            self.bo.get(x as usize).map_or(1.0, |&b| f64::from(b))
        });
        let est = R * self.unigram(a) * self.unigram(b) / self.total * bo;
        (est.min(self.floor), false)
    }

    /// The backoff weight of the bigram `a b` as a context: what a trigram `a b x` missing
    /// from the data costs (natural log; 0 when the data gives none).
    fn context_weight(&self, a: &str, b: &str) -> f64 {
        let (Some(x), Some(y)) = (self.id(a), self.id(b)) else {
            return 0.0;
        };
        match self
            .keys
            .binary_search(&(u64::from(x) << 32 | u64::from(y)))
        {
            Ok(k) => f64::from(self.bo2[k]).ln(),
            Err(_) => 0.0,
        }
    }

    /// The correction the trigram `a b c` makes to its backed-off estimate (natural log; 0
    /// when the data does not hold it).
    fn trigram(&self, a: &str, b: &str, c: &str) -> f64 {
        let (Some(x), Some(y), Some(z)) = (self.id(a), self.id(b), self.id(c)) else {
            return 0.0;
        };
        let key = u64::from(x) << 42 | u64::from(y) << 21 | u64::from(z);
        match self.tkeys.binary_search(&key) {
            Ok(k) => f64::from(self.tvals[k]) / 10.0,
            Err(_) => 0.0,
        }
    }

    /// The score of member `c` between `left` and `right` (either may be missing), and
    /// whether any of its bigrams with them was seen.
    // The one-word-each-side form, kept for callers that have no wider context.
    #[allow(dead_code)]
    pub fn score(&self, c: &str, left: Option<&str>, right: Option<&str>) -> (f64, bool) {
        self.score_wide(c, [None, left, right, None])
    }

    /// The score of member `c` in the context `[left2, left, right, right2]` (`left2` is the
    /// word before `left`; any may be missing, and one beyond a missing neighbour is not
    /// read), and whether any of its bigrams with its neighbours was seen.
    pub fn score_wide(&self, c: &str, ctx: [Option<&str>; 4]) -> (f64, bool) {
        let [left2, left, right, right2] = ctx;
        let u = self.unigram(c);
        let mut s = PRIOR * u.ln();
        let mut seen = false;
        if let Some(l) = left {
            let (n, k) = self.pair(l, c);
            s += n.ln() - (R * u).ln();
            seen |= k;
            if let Some(l2) = left2 {
                s += self.trigram(l2, l, c);
            }
        }
        if let Some(r) = right {
            let (n, k) = self.pair(c, r);
            s += n.ln() - (R * u).ln();
            seen |= k;
            if let Some(r2) = right2 {
                s += self.context_weight(c, r) + self.trigram(c, r, r2);
            }
        }
        if let (Some(l), Some(r)) = (left, right) {
            s += self.context_weight(l, c) + self.trigram(l, c, r);
        }
        (s, seen)
    }

    /// The member of `set` that would replace `w` here and its margin over `w`, if any other
    /// member has evidence.
    #[allow(dead_code)]
    pub fn best_alternative(
        &self,
        set: &Set,
        w: &str,
        left: Option<&str>,
        right: Option<&str>,
    ) -> Option<(&'static str, f64)> {
        self.best_alternative_wide(set, w, [None, left, right, None])
    }

    /// [`Model::best_alternative`] in the context `[left2, left, right, right2]`.
    pub fn best_alternative_wide(
        &self,
        set: &Set,
        w: &str,
        ctx: [Option<&str>; 4],
    ) -> Option<(&'static str, f64)> {
        let [left2, left, right, right2] = ctx;
        // A side informs only if some member was seen with it there; a verdict on one
        // informative side must win by ONE_SIDED more.
        let left = left.filter(|l| set.members.iter().any(|a| self.pair(l, a).1));
        let right = right.filter(|r| set.members.iter().any(|a| self.pair(a, r).1));
        let ctx = [
            left2.filter(|_| left.is_some()),
            left,
            right,
            right2.filter(|_| right.is_some()),
        ];
        let (s0, _) = self.score_wide(w, ctx);
        let mut best: Option<(&'static str, f64)> = None;
        for &a in &set.members {
            if a == w {
                continue;
            }
            let (s, seen) = self.score_wide(a, ctx);
            if seen && !self.familiar(w, a, ctx) && best.is_none_or(|(_, m)| s - s0 > m) {
                best = Some((a, s - s0));
            }
        }
        if best.is_some_and(|(a, _)| self.contradicted(a, w, ctx)) {
            return None;
        }
        if left.is_none() || right.is_none() {
            best = best.map(|(a, m)| (a, m - ONE_SIDED));
        }
        best
    }

    /// What each side says of member `c` (natural log of P(side | c), less a constant shared
    /// by the members): the bigram with the neighbour and the trigram reaching out to the word
    /// beyond it; and whether the data holds either. `None` for a missing side.
    fn sides(&self, c: &str, ctx: [Option<&str>; 4]) -> [Option<(f64, bool)>; 2] {
        let [left2, left, right, right2] = ctx;
        let u = self.unigram(c);
        let l = left.map(|l| {
            let (n, seen) = self.pair(l, c);
            let t = left2.map_or(0.0, |l2| self.trigram(l2, l, c));
            ((n / u).ln() + t, seen || t != 0.0)
        });
        let r = right.map(|r| {
            let (n, seen) = self.pair(c, r);
            let t = right2.map_or(0.0, |r2| self.trigram(c, r, r2));
            let w = right2.map_or(0.0, |_| self.context_weight(c, r));
            ((n / u).ln() + w + t, seen || t != 0.0)
        });
        [l, r]
    }

    /// Whether the written `w` is in a context real text uses: the data has seen it beside
    /// each informative neighbour (or in a trigram reaching out on that side), and neither
    /// side makes it more than [`FAMILIAR`] less likely than `a` ("in sum,", "been sighted
    /// in": left alone; "a peace of": judged).
    fn familiar(&self, w: &str, a: &str, ctx: [Option<&str>; 4]) -> bool {
        let (sw, sa) = (self.sides(w, ctx), self.sides(a, ctx));
        let ok = |x: Option<(f64, bool)>, y: Option<(f64, bool)>| match (x, y) {
            (Some((xw, seen)), Some((ya, _))) => seen && xw - ya >= -FAMILIAR,
            _ => true,
        };
        (ctx[1].is_some() || ctx[2].is_some()) && ok(sw[0], sa[0]) && ok(sw[1], sa[1])
    }

    /// Whether one side alone favours the written `w` over `a` by more than [`CONTRA`].
    fn contradicted(&self, a: &str, w: &str, ctx: [Option<&str>; 4]) -> bool {
        let (sw, sa) = (self.sides(w, ctx), self.sides(a, ctx));
        (0..2).any(|k| matches!((sw[k], sa[k]), (Some((x, _)), Some((y, _))) if x - y > CONTRA))
    }

    /// The verdict on `w` (lowercase) between `left` and `right`: the member its context calls
    /// for when that member wins by more than its set's threshold (sure when the set speaks as
    /// a warning), or by more than its advice threshold (not sure).
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn judge(&self, w: &str, left: Option<&str>, right: Option<&str>) -> Option<Verdict> {
        self.judge_wide(w, [None, left, right, None])
    }

    /// [`Model::judge`] in the context `[left2, left, right, right2]` (`left2` is the word
    /// before `left`, `right2` the one after `right`).
    pub fn judge_wide(&self, w: &str, ctx: [Option<&str>; 4]) -> Option<Verdict> {
        let [_, left, right, _] = ctx;
        if left.is_none() && right.is_none() || !judged_as_written(w) {
            return None;
        }
        if left.is_some_and(|l| kept(l, w)) || right.is_some_and(|r| kept(w, r)) {
            return None;
        }
        let mut out: Option<(Verdict, f64)> = None;
        for set in self.sets_of(w) {
            if set.level == Level::Off {
                continue;
            }
            let Some((a, margin)) = self.best_alternative_wide(set, w, ctx) else {
                continue;
            };
            let (over, sure) = if margin > set.threshold {
                (margin - set.threshold, set.level == Level::Warning)
            } else {
                (margin - set.advice, false)
            };
            if over > 0.0 && out.as_ref().is_none_or(|(_, o)| over > *o) {
                let v = Verdict {
                    word: a,
                    margin,
                    sure,
                };
                out = Some((v, over));
            }
        }
        out.map(|(v, _)| v)
    }
}

use super::{looks_plural, strong_start, Confusable, Hit};
use crate::analysis::sentence::Sent;
use crate::lexicon::pos::{self, *};

/// A neighbour that gives context: a plain lowercase-able word (not a number, a symbol or a
/// name in capitals mid-sentence).
fn context_word<'a>(s: &Sent<'a>, k: Option<usize>) -> Option<&'a str> {
    if !s.is_word(k) {
        return None;
    }
    let w = s.wo(k);
    w.bytes().all(|b| b.is_ascii_alphabetic()).then_some(w)
}

impl Confusable {
    /// The statistical detector: token `i` judged by the context model against the members of
    /// its confusion sets.
    pub(super) fn by_context(&self, s: &Sent, i: usize, w: &str) -> Option<Hit> {
        let model = Model::get();
        model.of_word.get(w)?;
        let raw = s.raw(i);
        // A capital mid-sentence is a name or a title ("Principal Skinner", "The Sun"); a word
        // in capitals is an acronym or a shout.
        if !s.is_first_word(i) && raw.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        if raw.len() > 1 && raw.chars().all(|c| c.is_ascii_uppercase()) {
            return None;
        }
        // Part of a hyphenated compound or a name with an apostrophe: no plain neighbours.
        let (p, n) = (s.prev(i), s.next(i));
        let joined = |k: Option<usize>| {
            s.is_punct(k) && matches!(s.raw(k.unwrap_or(i)), "-" | "'" | "’" | "/")
        };
        if joined(p) || joined(n) {
            return None;
        }
        // Two forms of one verb (lead / led): the word before decides, not the counts.
        if let Some(h) = self.verb_form_slot(s, i, w) {
            return Some(h);
        }
        let left = context_word(s, p);
        let right = context_word(s, n);
        let left2 = left.and_then(|_| context_word(s, p.and_then(|k| s.prev(k))));
        let right2 = right.and_then(|_| context_word(s, n.and_then(|k| s.next(k))));
        let v = model.judge_wide(w, [left2, left, right, right2])?;
        if super::verb_form::inflection_pair(w, v.word) {
            return None;
        }
        // A verb right after its subject pronoun stays a verb: "It threw the weight of law
        // behind …" is no "through".
        // (Only a word the lexicon knows as a finite verb: "wood" is a verb only in Hunspell.)
        let verbal = ANY_VERB | AUX | MAY_VERB | MAY_PAST | MAY_3SG;
        let subject =
            s.has(p, PRON_SUBJ) && (!s.has(p, PRON_OBJ) || p.is_some_and(|k| strong_start(s, k)));
        // So does a verb between a plural noun and its object: "people sense the injustice"
        // is no "since".
        // (A plural the lexicon does not know counts when its singular is a noun: "receptors".)
        let noun_subject = (s.has(p, NOUN)
            || s.wo(p).strip_suffix('s').is_some_and(pos::is_nounish) && !s.has(p, ANY_VERB))
            && !s.has(p, FUNCTION | VERB_3SG | VERB_PAST | VERB_ING | ADV)
            && (looks_plural(s.wo(p))
                || matches!(s.wo(p), "people" | "children" | "men" | "women"))
            && s.has(n, DET | POSS | PRON_OBJ);
        // And a base verb after an infinitive "to" before its object: "to weather the storm".
        let infinitive =
            s.wo(p) == "to" && s.has(n, DET | POSS | PRON_OBJ) && pos::is(w, VERB | MAY_VERB);
        // After a plural noun or "to", a verb the lexicon knows only from Hunspell counts too
        // ("receptors sense the change"): the object after it leaves no other reading.
        let finite = pos::is(w, VERB | VERB_3SG | VERB_PAST);
        let base = finite || pos::is(w, MAY_VERB);
        if (subject && finite || (noun_subject || infinitive) && base) && !pos::is(v.word, verbal) {
            return None;
        }
        Some(Hit {
            repl: v.word,
            sure: v.sure,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_parses_and_covers_the_sets() {
        let m = Model::get();
        assert!(m.sets().len() >= 200, "{} sets", m.sets().len());
        for s in m.sets() {
            for w in &s.members {
                assert!(m.id(w).is_some(), "{w} has no count");
            }
        }
    }

    #[test]
    fn context_decides() {
        let m = Model::get();
        let v = m
            .judge("peace", Some("a"), Some("of"))
            .expect("peace → piece");
        assert_eq!(v.word, "piece");
        assert!(m.judge("piece", Some("a"), Some("of")).is_none());
        // Function words as written are the grammatical detectors' to judge.
        assert!(m.judge("then", Some("taller"), Some("her")).is_none());
        // A written word seen beside both neighbours is left alone, even when one neighbour
        // calls for another member more strongly ("in weight for": "wait for").
        assert!(m.judge("weight", Some("in"), Some("for")).is_none());
        assert!(m.judge("sum", Some("in"), None).is_none());
        // "the cite of" alone calls for "sight" ("the sight of blood"); the words beyond decide
        // between "sight" and "site": "visited the cite of the" is "site".
        let v = m
            .judge("cite", Some("the"), Some("of"))
            .expect("cite → sight");
        assert_eq!(v.word, "sight");
        let ctx = [Some("visited"), Some("the"), Some("of"), Some("the")];
        let v = m.judge_wide("cite", ctx).expect("cite → site");
        assert_eq!(v.word, "site");
        assert!(m.judge_wide("site", ctx).is_none());
        let v = m
            .judge("principle", Some("school"), Some("said"))
            .expect("principle → principal");
        assert_eq!(v.word, "principal");
        assert!(m.judge("principal", Some("school"), Some("said")).is_none());
        assert!(m.judge("then", None, None).is_none());
    }

    #[test]
    fn the_compiled_tables_match_the_text() {
        let text = include_str!("../../../../rules/confusable/context.txt");
        let parsed = Model::parse(text).unwrap();
        let built = Model::get();
        assert_eq!(parsed.words.to_vec(), built.words.to_vec());
        assert!(matches!(built.words, Words::Packed { .. }));
        assert_eq!(parsed.keys, built.keys);
        assert_eq!(parsed.counts, built.counts);
        assert_eq!(parsed.bo2, built.bo2);
        assert_eq!(parsed.tkeys, built.tkeys);
        assert_eq!(parsed.tvals, built.tvals);
        assert_eq!(parsed.uni, built.uni);
        assert_eq!(parsed.bo, built.bo);
        assert_eq!(parsed.udef, built.udef);
        assert_eq!(parsed.sets.len(), built.sets.len());
    }

    #[test]
    fn a_missing_bigram_is_backed_off() {
        let m = Model::get();
        let (n, seen) = m.pair("the", "whose");
        assert!(!seen);
        assert!(n <= m.floor);
        let id = m.id("the").unwrap() as usize;
        assert!(
            m.bo[id] < 1.0,
            "the backoff weight of `the` is {}",
            m.bo[id]
        );
        let est = R * m.unigram("the") * m.unigram("whose") / m.total * f64::from(m.bo[id]);
        assert!((n - est).abs() <= 1e-9 * est);
        // The text's optional third field of a `U` record is the backoff weight.
        let t = Model::parse("N 1000 1000000\nU ab 10 0.5\nU bc 10\nT warning 0.5 ab bc").unwrap();
        assert_eq!(t.pair("ab", "bc").0, R * 10.0 * 10.0 / 1000.0 * 0.5);
        assert_eq!(t.pair("bc", "ab").0, R * 10.0 * 10.0 / 1000.0);
        assert!(Model::parse("N 1000 5\nU ab 10 x").is_err());
    }

    #[test]
    fn trigrams_correct_the_backed_off_estimate() {
        // Two members alike but for one bigram (`x bc` is missing: estimated at 6 against 9)
        // and their trigrams.
        let text = "N 1000 1000000\nU ab 10\nU bc 10\nU x 10\nU y 10\nU z 10\n\
                    B x ab 9\nB ab y 9 0.5\nB bc y 9 0.5\n\
                    G z x ab 2.0\nG ab y z -1.0\nG bc y z 0.7\nT warning 0.5 ab bc";
        let m = Model::parse(text).unwrap();
        assert_eq!(m.trigram("z", "x", "ab"), 2.0);
        assert_eq!(m.trigram("z", "x", "bc"), 0.0);
        assert!((m.context_weight("ab", "y") - 0.5f64.ln()).abs() < 1e-6);
        assert_eq!(m.context_weight("x", "bc"), 0.0);
        let bigrams = (9.0f64 / 6.0).ln();
        let ctx = [Some("z"), Some("x"), Some("y"), Some("z")];
        let (sa, _) = m.score_wide("ab", ctx);
        let (sb, _) = m.score_wide("bc", ctx);
        // Both pay the weight of their bigram with `y` for the trigram after it.
        assert!(
            (sa - sb - (bigrams + 2.0 - 1.0 - 0.7)).abs() < 1e-6,
            "{sa} {sb}"
        );
        // The bigrams alone stay below the threshold; the trigram on the left decides.
        assert!(m.judge("bc", Some("x"), Some("y")).is_none());
        let v = m
            .judge_wide("bc", [Some("z"), Some("x"), Some("y"), None])
            .expect("the left trigram calls for ab");
        assert_eq!(v.word, "ab");
        assert!((v.margin - (bigrams + 2.0)).abs() < 1e-6, "{}", v.margin);
        // A word beyond a missing neighbour is not read.
        assert!(m
            .judge_wide("bc", [Some("z"), None, Some("y"), None])
            .is_none());
        assert!(Model::parse("N 1000 5\nG a b").is_err());
    }

    #[test]
    fn the_model_reads_two_words_each_side() {
        let m = Model::get();
        let v = m
            .judge_wide("rein", [Some("during"), Some("the"), Some("of"), None])
            .expect("rein -> reign");
        assert_eq!(v.word, "reign");
        let narrow = m
            .judge("rein", Some("the"), Some("of"))
            .expect("rein -> reign");
        assert!(v.margin > narrow.margin, "{} {}", v.margin, narrow.margin);
        assert!(m
            .judge_wide("reign", [Some("during"), Some("the"), Some("of"), None])
            .is_none());
        // "a future precedent for": "future president" is the likelier bigram, but not after
        // "a" and before "for".
        assert!(m
            .judge_wide("precedent", [Some("a"), Some("future"), Some("for"), None])
            .is_none());
    }

    #[test]
    fn the_members_prior_is_tempered() {
        // Two members alike but for their unigram counts (100 against 1, no bigram evidence
        // beyond one shared context word): the common member outscores the rare one by half
        // the log of the ratio, not the whole of it.
        let m =
            Model::parse("N 1000 1000000\nU ab 100\nU bc 1\nU x 10\nT warning 0.5 ab bc").unwrap();
        let (sa, _) = m.score("ab", None, None);
        let (sb, _) = m.score("bc", None, None);
        assert!((sa - sb - PRIOR * 100f64.ln()).abs() < 1e-9, "{sa} {sb}");
        assert!((sa - sb - 0.5 * 100f64.ln()).abs() < 1e-9);
    }

    #[test]
    fn bad_data_is_an_error() {
        assert!(Model::parse("U the").is_err());
        assert!(Model::parse("T loud 1.0 a b\nN 10 1").is_err());
        assert!(Model::parse("T warning 1.0 a\nN 10 1").is_err());
        assert!(Model::parse("U a 3").is_err());
        let m = Model::parse("N 1000 5\nU ab 10\nU bc 10\nB x ab 9\nB ab y 9\nT warning 0.5 ab bc")
            .unwrap();
        assert_eq!(m.sets().len(), 1);
        assert_eq!(
            m.judge("bc", Some("x"), Some("y")).map(|v| v.word),
            Some("ab")
        );
        // A second number is the advice threshold: past it (but not past the warning one) the
        // verdict is advice.
        let m =
            Model::parse("N 1000 5\nU ab 10\nU bc 10\nB x ab 9\nB ab y 9\nT warning 99 0.5 ab bc")
                .unwrap();
        assert_eq!(m.sets()[0].advice, 0.5);
        let v = m.judge("bc", Some("x"), Some("y")).expect("advice");
        assert_eq!((v.word, v.sure), ("ab", false));
        let m = Model::parse("N 1000 5\nU ab 10\nU bc 10\nB x ab 9\nB ab y 9\nT warning 0.5 ab bc")
            .unwrap();
        assert!(m.judge("bc", Some("x"), Some("y")).expect("warning").sure);
    }
}
