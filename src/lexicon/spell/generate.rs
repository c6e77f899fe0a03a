//! Part of the build script (`build.rs` calls [`run`]): compiles the spelling data of `rules/` into
//! structures the library loads with no parsing (layout in `format.rs`).
//!
//! - The Hunspell dictionaries (`rules/dict/en_{US,GB,CA,AU}.aff/.dic`) are expanded: every stem
//!   with every prefix and suffix its flags allow (and the cross products the `.aff` permits),
//!   each form tagged with the dialects that accept it, into one `fst` map.
//! - The frequency list (`rules/spelling/word_frequency.txt`), restricted to words a dictionary
//!   accepts, becomes the suggestion lexicon with a prior cost per word and a hash index of each
//!   word's deletions and phonetic codes (a SymSpell-style index).
//!
//! The affix files use single-character flags, `PFX`/`SFX` rules without continuation classes,
//! `NOSUGGEST` and `ONLYINCOMPOUND` (the ordinal-number compounds, which are not words); the
//! parser rejects anything else it would need to understand, so a new dictionary cannot be
//! expanded silently wrong.

#[path = "format.rs"]
pub mod format;

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

pub fn run() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it"));
    println!("cargo:rerun-if-changed=src/lexicon/spell/generate.rs");
    println!("cargo:rerun-if-changed=src/lexicon/spell/format.rs");
    let mut words: HashMap<String, u64> = HashMap::with_capacity(1 << 20);
    for (name, bit) in [
        ("en_US", format::US),
        ("en_GB", format::GB),
        ("en_CA", format::CA),
        ("en_AU", format::AU),
    ] {
        let aff = root.join(format!("rules/dict/{name}.aff"));
        let dic = root.join(format!("rules/dict/{name}.dic"));
        println!("cargo:rerun-if-changed={}", aff.display());
        println!("cargo:rerun-if-changed={}", dic.display());
        let aff = Aff::parse(&read(&aff)).unwrap_or_else(|e| panic!("{name}.aff: {e}"));
        expand(&aff, &read(&dic), bit, &mut words);
    }
    let mut sorted: Vec<(&String, &u64)> = words.iter().collect();
    sorted.sort_unstable_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    let mut b = fst::MapBuilder::memory();
    for (w, v) in &sorted {
        b.insert(w.as_bytes(), **v).expect("sorted, distinct");
    }
    write(&out.join("words.fst"), &b.into_inner().expect("in memory"));

    let freq = root.join("rules/spelling/word_frequency.txt");
    println!("cargo:rerun-if-changed={}", freq.display());
    let bigrams = root.join("rules/spelling/bigrams.txt");
    println!("cargo:rerun-if-changed={}", bigrams.display());
    let lex = suggestion_index(&read(&freq), &words, &out);
    bigram_index(&read(&bigrams), &lex, &out);
}

/// The word pairs of `rules/spelling/bigrams.txt` as sorted `u64` keys `left id << 32 | right
/// id` of suggestion-lexicon ids (`bigram_keys.bin`), their counts in the file's units
/// (`bigram_counts.bin`, `u16`), and the sorted ids of every word in some pair
/// (`bigram_vocab.bin`, `u32`): a pair of two vocabulary words that is missing was seen fewer
/// times than the source's floor.
fn bigram_index(text: &str, lex: &[(String, u64)], out: &Path) {
    let mut id_of: HashMap<String, u32> = HashMap::with_capacity(lex.len());
    for (id, (w, _)) in lex.iter().enumerate() {
        id_of.entry(w.to_lowercase()).or_insert(id as u32);
    }
    let mut pairs: Vec<(u64, u16)> = Vec::with_capacity(250_000);
    let mut vocab: Vec<u32> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (left, rest) = line
            .split_once(' ')
            .unwrap_or_else(|| panic!("bigrams.txt: bad line {line:?}"));
        let Some(&a) = id_of.get(left) else { continue };
        let f: Vec<&str> = rest.split_whitespace().collect();
        assert!(f.len() % 2 == 0, "bigrams.txt: odd fields after {left}");
        for p in f.chunks(2) {
            let count: u32 = p[1]
                .parse()
                .unwrap_or_else(|_| panic!("bigrams.txt: bad count {:?}", p[1]));
            let Some(&b) = id_of.get(p[0]) else { continue };
            pairs.push((u64::from(a) << 32 | u64::from(b), count.min(65_535) as u16));
            vocab.push(a);
            vocab.push(b);
        }
    }
    pairs.sort_unstable();
    pairs.dedup_by_key(|p| p.0);
    vocab.sort_unstable();
    vocab.dedup();
    let mut keys = Vec::with_capacity(pairs.len() * 8);
    let mut counts = Vec::with_capacity(pairs.len() * 2);
    for (k, c) in &pairs {
        keys.extend_from_slice(&k.to_le_bytes());
        counts.extend_from_slice(&c.to_le_bytes());
    }
    let vocab: Vec<u8> = vocab.iter().flat_map(|v| v.to_le_bytes()).collect();
    write(&out.join("bigram_keys.bin"), &keys);
    write(&out.join("bigram_counts.bin"), &counts);
    write(&out.join("bigram_vocab.bin"), &vocab);
}

fn read(p: &Path) -> String {
    let s = fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    s.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(s)
}

fn write(p: &Path, bytes: &[u8]) {
    fs::write(p, bytes).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
}

/// One element of an affix condition.
enum Cond {
    Any,
    Char(char),
    Set { negated: bool, chars: Vec<char> },
}

impl Cond {
    fn matches(&self, c: char) -> bool {
        match self {
            Cond::Any => true,
            Cond::Char(x) => *x == c,
            Cond::Set { negated, chars } => chars.contains(&c) != *negated,
        }
    }
}

struct Rule {
    strip: String,
    add: String,
    cond: Vec<Cond>,
}

struct Affix {
    cross: bool,
    rules: Vec<Rule>,
}

#[derive(Default)]
struct Aff {
    prefixes: HashMap<char, Affix>,
    suffixes: HashMap<char, Affix>,
    only_in_compound: Option<char>,
    no_suggest: Option<char>,
}

fn parse_cond(s: &str) -> Result<Vec<Cond>, String> {
    let mut out = Vec::new();
    let mut cs = s.chars();
    while let Some(c) = cs.next() {
        match c {
            '.' => out.push(Cond::Any),
            '[' => {
                let mut chars = Vec::new();
                let mut negated = false;
                let mut first = true;
                loop {
                    match cs.next() {
                        None => return Err(format!("unclosed [ in condition {s}")),
                        Some(']') => break,
                        Some('^') if first => negated = true,
                        Some(x) => chars.push(x),
                    }
                    first = false;
                }
                out.push(Cond::Set { negated, chars });
            }
            c => out.push(Cond::Char(c)),
        }
    }
    Ok(out)
}

fn one_flag(s: &str, what: &str) -> Result<char, String> {
    let mut cs = s.chars();
    match (cs.next(), cs.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(format!("{what}: expected one flag, found {s:?}")),
    }
}

impl Aff {
    fn parse(text: &str) -> Result<Aff, String> {
        let mut aff = Aff::default();
        for (n, line) in text.lines().enumerate() {
            let f: Vec<&str> = line.split_whitespace().collect();
            let Some(&head) = f.first() else { continue };
            let err = |m: &str| format!("line {}: {m}", n + 1);
            match head {
                "PFX" | "SFX" => {
                    let flag =
                        one_flag(f.get(1).copied().unwrap_or(""), "affix").map_err(|e| err(&e))?;
                    let table = if head == "PFX" {
                        &mut aff.prefixes
                    } else {
                        &mut aff.suffixes
                    };
                    if f.len() == 4 {
                        table.insert(
                            flag,
                            Affix {
                                cross: f[2] == "Y",
                                rules: Vec::new(),
                            },
                        );
                        continue;
                    }
                    if f.len() < 5 {
                        return Err(err("short affix rule"));
                    }
                    if f[3].contains('/') {
                        return Err(err("continuation classes are not supported"));
                    }
                    let zero = |s: &str| {
                        if s == "0" {
                            String::new()
                        } else {
                            s.to_string()
                        }
                    };
                    let rule = Rule {
                        strip: zero(f[2]),
                        add: zero(f[3]),
                        cond: parse_cond(f[4]).map_err(|e| err(&e))?,
                    };
                    table
                        .get_mut(&flag)
                        .ok_or_else(|| err("affix rule before its header"))?
                        .rules
                        .push(rule);
                }
                "ONLYINCOMPOUND" => {
                    aff.only_in_compound = Some(one_flag(f.get(1).copied().unwrap_or(""), head)?)
                }
                "NOSUGGEST" => {
                    aff.no_suggest = Some(one_flag(f.get(1).copied().unwrap_or(""), head)?)
                }
                "FLAG" | "NEEDAFFIX" | "FORBIDDENWORD" | "KEEPCASE" | "CIRCUMFIX"
                | "COMPOUNDFLAG" | "COMPOUNDBEGIN" | "IGNORE" | "FULLSTRIP" => {
                    return Err(err(&format!("{head} is not supported by the expander")))
                }
                _ => {}
            }
        }
        Ok(aff)
    }
}

/// True if the condition holds at the end (suffix) or start (prefix) of `word`.
fn cond_holds(cond: &[Cond], word: &str, suffix: bool) -> bool {
    let chars: Vec<char> = word.chars().collect();
    if cond.len() > chars.len() {
        return false;
    }
    let start = if suffix { chars.len() - cond.len() } else { 0 };
    cond.iter()
        .zip(&chars[start..start + cond.len()])
        .all(|(c, &ch)| c.matches(ch))
}

fn apply_suffix(r: &Rule, stem: &str) -> Option<String> {
    if !stem.ends_with(&r.strip) || !cond_holds(&r.cond, stem, true) {
        return None;
    }
    let base = &stem[..stem.len() - r.strip.len()];
    if base.is_empty() && r.add.is_empty() {
        return None;
    }
    Some(format!("{base}{}", r.add))
}

fn apply_prefix(r: &Rule, stem: &str) -> Option<String> {
    if !stem.starts_with(&r.strip) || !cond_holds(&r.cond, stem, false) {
        return None;
    }
    Some(format!("{}{}", r.add, &stem[r.strip.len()..]))
}

fn expand(aff: &Aff, dic: &str, bit: u64, words: &mut HashMap<String, u64>) {
    let mut add = |w: String, extra: u64| {
        let w = w.replace('\u{2019}', "'");
        *words.entry(w).or_insert(0) |= bit | extra;
    };
    for line in dic.lines().skip(1) {
        let entry = line.split('\t').next().unwrap_or("").trim();
        if entry.is_empty() {
            continue;
        }
        let (stem, flags) = match entry.split_once('/') {
            Some((s, f)) => (s, f),
            None => (entry, ""),
        };
        let flags: Vec<char> = flags.chars().collect();
        if aff.only_in_compound.is_some_and(|c| flags.contains(&c)) {
            continue;
        }
        let extra = if aff.no_suggest.is_some_and(|c| flags.contains(&c)) {
            format::NOSUGGEST
        } else {
            0
        };
        add(stem.to_string(), extra);
        let mut crossable: Vec<String> = Vec::new();
        for f in &flags {
            if let Some(a) = aff.suffixes.get(f) {
                for r in &a.rules {
                    if let Some(w) = apply_suffix(r, stem) {
                        if a.cross {
                            crossable.push(w.clone());
                        }
                        add(w, extra);
                    }
                }
            }
        }
        for f in &flags {
            if let Some(a) = aff.prefixes.get(f) {
                for r in &a.rules {
                    if let Some(w) = apply_prefix(r, stem) {
                        add(w, extra);
                    }
                    if a.cross {
                        for s in &crossable {
                            if let Some(w) = apply_prefix(r, s) {
                                add(w, extra);
                            }
                        }
                    }
                }
            }
        }
    }
}

fn title(w: &str) -> String {
    let mut cs = w.chars();
    match cs.next() {
        Some(f) => f.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// The suggestion lexicon and its key index (see `format.rs`).
fn suggestion_index(freq: &str, words: &HashMap<String, u64>, out: &Path) -> Vec<(String, u64)> {
    let mut lex: Vec<(String, u64)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for line in freq.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (w, c) = line
            .split_once(' ')
            .unwrap_or_else(|| panic!("word_frequency.txt: bad line {line:?}"));
        let count: u64 = c
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("bad count in {line:?}"));
        // The dictionary's own case: english -> English, i -> I.
        let form = [w.to_string(), title(w), w.to_uppercase()]
            .into_iter()
            .find(|f| words.get(f).is_some_and(|v| v & format::NOSUGGEST == 0));
        let Some(form) = form else { continue };
        if seen.insert(form.clone()) {
            lex.push((form, count));
        }
    }
    let total: f64 = lex.iter().map(|l| l.1 as f64).sum();
    let mut text = String::new();
    let mut offsets: Vec<u8> = Vec::new();
    let mut costs: Vec<u8> = Vec::new();
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    let mut keys: Vec<Vec<u8>> = Vec::new();
    for (id, (w, c)) in lex.iter().enumerate() {
        offsets.extend_from_slice(&(text.len() as u32).to_le_bytes());
        text.push_str(w);
        text.push('\n');
        let cost = (-(*c as f64 / total).ln() * f64::from(format::COST_SCALE)).round();
        costs.push(cost.clamp(0.0, 255.0) as u8);
        let lower = w.to_lowercase();
        keys.clear();
        keys.push(lower.as_bytes().to_vec());
        format::deletes(lower.as_bytes(), &mut keys);
        keys.extend(format::phonetic_keys(&lower));
        for k in &keys {
            pairs.push((format::bucket(k) as u32, id as u32));
        }
    }
    offsets.extend_from_slice(&(text.len() as u32).to_le_bytes());
    pairs.sort_unstable();
    pairs.dedup();
    let mut buckets: Vec<u8> = Vec::with_capacity((format::BUCKETS + 1) * 4);
    let mut ids: Vec<u8> = Vec::with_capacity(pairs.len() * 3);
    let mut k = 0usize;
    for b in 0..=format::BUCKETS {
        buckets.extend_from_slice(&((ids.len() / 3) as u32).to_le_bytes());
        while k < pairs.len() && pairs[k].0 as usize == b {
            ids.extend_from_slice(&pairs[k].1.to_le_bytes()[..3]);
            k += 1;
        }
    }
    write(&out.join("sugg_words.txt"), text.as_bytes());
    write(&out.join("sugg_offsets.bin"), &offsets);
    write(&out.join("sugg_cost.bin"), &costs);
    write(&out.join("sugg_buckets.bin"), &buckets);
    write(&out.join("sugg_ids.bin"), &ids);
    write(&out.join("sugg_total.bin"), &total.to_le_bytes());
    lex
}
