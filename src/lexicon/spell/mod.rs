//! Spelling knowledge shared by the `spelling` rules: the Hunspell dictionaries (en_US, en_GB),
//! known human misspellings (the typos-dict crate), US/UK variants (VARCON, see [`variants`]),
//! word shapes (Roman numerals, initialisms, other scripts), derivation by productive affixes,
//! and ranked suggestions.
//!
//! Everything is parsed once per process. Checking a word costs a few hash look-ups and one or
//! two Hunspell checks; suggestions are computed only for words a rule is about to report, and
//! their cost is bounded by a [`Budget`].

pub mod variants;

use crate::lexicon;
use spellbook::Dictionary;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// A fast non-cryptographic hasher for word keys (the Fx hash of rustc): the spelling rules
/// hash every word of the essay a few times, and SipHash dominated their cost.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes(c.try_into().expect("8 bytes"));
            h = (h.rotate_left(5) ^ v).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
        self.0 = h;
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map keyed by words, with [`FxHasher`].
pub type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FxHasher>>;
/// A hash set of words, with [`FxHasher`].
pub type FastSet<K> = HashSet<K, std::hash::BuildHasherDefault<FxHasher>>;

/// The US dictionary (shared with [`lexicon::is_dictionary_word`]).
pub fn us() -> &'static Dictionary {
    &lexicon::dictionaries().en_us
}

static GB: OnceLock<Dictionary> = OnceLock::new();

/// The British dictionary (LibreOffice en_GB: -ise and -ize, many hyphenated compounds).
pub fn gb() -> &'static Dictionary {
    GB.get_or_init(|| {
        Dictionary::new(
            include_str!("../../../rules/dict/en_GB.aff"),
            include_str!("../../../rules/dict/en_GB.dic"),
        )
        .expect("the compiled-in en_GB dictionary parses")
    })
}

/// Starts parsing the dictionaries on another thread, so that the two parses overlap. Cheap
/// after the first call.
pub fn prewarm() {
    static STARTED: OnceLock<()> = OnceLock::new();
    STARTED.get_or_init(|| {
        if GB.get().is_none() {
            std::thread::spawn(|| {
                gb();
            });
        }
    });
}

/// True if a dictionary of any dialect accepts the word as written (case-aware: "Receive" and
/// "RECEIVE" pass because "receive" does; "america" fails because only "America" is listed).
pub fn check(word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    us().check(word) || variants::in_table(word) || gb().check(word)
}

/// True if the US dictionary lists the word (lowercase input) with a capital letter, as a name
/// or a proper adjective (March, China, Polish, Internet), or its plural or possessive.
pub fn has_capitalised_entry(lower: &str) -> bool {
    static SET: OnceLock<FastSet<String>> = OnceLock::new();
    let set = SET.get_or_init(|| {
        let mut set = FastSet::default();
        {
            let dic = include_str!("../../../rules/dict/en_US.dic");
            for line in dic.lines().skip(1) {
                if !line.starts_with(|c: char| c.is_uppercase()) {
                    continue;
                }
                let stem = line.split(['/', '\t']).next().unwrap_or("").trim();
                if stem.chars().skip(1).all(|c| !c.is_uppercase()) {
                    set.insert(stem.to_lowercase());
                }
            }
        }
        set
    });
    set.contains(lower)
        || lower.strip_suffix("'s").is_some_and(|s| set.contains(s))
        || lower.strip_suffix('s').is_some_and(|s| set.contains(s))
        || lower.strip_suffix("es").is_some_and(|s| set.contains(s))
}

/// Corrections of a known human misspelling, lowercase input: essaylint's own list
/// (`rules/spelling/misspellings.txt`), then typos-dict.
pub fn known_misspelling(lower: &str) -> Option<&'static [&'static str]> {
    static OWN: OnceLock<FastMap<&'static str, Vec<&'static str>>> = OnceLock::new();
    if !lower.is_ascii() || lower.len() < 2 {
        return None;
    }
    let own = OWN.get_or_init(|| {
        lexicon::lines(include_str!("../../../rules/spelling/misspellings.txt"))
            .filter_map(|l| l.split_once(" -> "))
            .map(|(a, b)| (a.trim(), b.split('|').map(str::trim).collect()))
            .collect()
    });
    if let Some(v) = own.get(lower) {
        return Some(v.as_slice());
    }
    typos_dict::WORD
        .find(&unicase::UniCase::new(lower))
        .copied()
        .filter(|c| !c.is_empty())
}

/// The case pattern of a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// No uppercase letter.
    Lower,
    /// An uppercase first letter, the rest lowercase (or a single uppercase letter).
    Title,
    /// Two or more letters, all uppercase.
    Upper,
    /// Anything else: iPhone, McDonald, BoJack.
    Mixed,
}

/// The case pattern of a word.
pub fn shape(word: &str) -> Shape {
    if word.is_ascii() {
        let mut letters = word.bytes().filter(u8::is_ascii_alphabetic);
        let Some(first) = letters.next() else {
            return Shape::Lower;
        };
        let (mut upper, mut lower) = (0usize, 0usize);
        for b in letters {
            if b.is_ascii_uppercase() {
                upper += 1;
            } else {
                lower += 1;
            }
        }
        return match (first.is_ascii_uppercase(), upper, lower) {
            (false, 0, _) => Shape::Lower,
            (true, 0, _) => Shape::Title,
            (true, _, 0) => Shape::Upper,
            _ => Shape::Mixed,
        };
    }
    let mut chars = word.chars().filter(|c| c.is_alphabetic());
    let Some(first) = chars.next() else {
        return Shape::Lower;
    };
    let (mut upper, mut lower) = (0usize, 0usize);
    for c in chars {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    match (first.is_uppercase(), upper, lower) {
        (false, 0, _) => Shape::Lower,
        (true, 0, _) => Shape::Title,
        (true, _, 0) => Shape::Upper,
        _ => Shape::Mixed,
    }
}

/// True for words people commonly mean to type: the corrections in the known-misspelling
/// lists (about 30,000 everyday and general academic words). A rare dictionary word one slip
/// away from an unknown word ("hornwort" for "hornworm") is weak evidence of a typo.
pub fn is_common_word(lower: &str) -> bool {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set = FastSet::with_capacity_and_hasher(40_000, Default::default());
        for v in typos_dict::WORD.map.values() {
            for w in v.iter() {
                set.insert(*w);
            }
        }
        set
    })
    .contains(lower)
        || lexicon::is_function_word(lower)
        || is_prefix(lower)
}

/// The letters of a word are all Latin (ASCII or accented Latin) or apostrophes.
pub fn is_latin_word(word: &str) -> bool {
    word.chars().all(|c| {
        c.is_ascii_alphabetic()
            || c == '\''
            || c == '\u{2019}'
            || matches!(c as u32, 0xC0..=0x24F | 0x1E00..=0x1EFF) && c.is_alphabetic()
    })
}

/// A Roman numeral (i, iv, xiv, MCMXCIV), either case.
pub fn is_roman_numeral(word: &str) -> bool {
    if word.is_empty() || word.len() > 15 {
        return false;
    }
    let lower = word.to_ascii_lowercase();
    let b = lower.as_bytes();
    if !b.iter().all(|c| b"ivxlcdm".contains(c)) {
        return false;
    }
    let val = |c: u8| match c {
        b'i' => 1,
        b'v' => 5,
        b'x' => 10,
        b'l' => 50,
        b'c' => 100,
        b'd' => 500,
        _ => 1000,
    };
    // Parse, then require the canonical spelling of the value.
    let mut total = 0u32;
    for i in 0..b.len() {
        let v = val(b[i]);
        if i + 1 < b.len() && v < val(b[i + 1]) {
            total = total.wrapping_sub(v);
        } else {
            total = total.wrapping_add(v);
        }
    }
    if total == 0 || total >= 4000 {
        return false;
    }
    let mut n = total;
    let mut canon = String::new();
    for (v, s) in [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ] {
        while n >= v {
            canon.push_str(s);
            n -= v;
        }
    }
    canon == lower
}

fn prefixes() -> &'static [&'static str] {
    static P: OnceLock<Vec<&'static str>> = OnceLock::new();
    P.get_or_init(|| {
        let mut v: Vec<_> =
            lexicon::lines(include_str!("../../../rules/spelling/prefixes.txt")).collect();
        v.sort_by_key(|p| std::cmp::Reverse(p.len()));
        v
    })
}

fn suffixes() -> &'static [(&'static str, &'static str)] {
    static S: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    S.get_or_init(|| {
        lexicon::lines(include_str!("../../../rules/spelling/suffixes.txt"))
            .map(|l| match l.split_once(" -> ") {
                Some((a, b)) => (a.trim(), b.trim()),
                None => (l, ""),
            })
            .collect()
    })
}

/// True if the word is a productive prefix (co, non, quasi, …) that may stand before a hyphen.
pub fn is_prefix(lower: &str) -> bool {
    prefixes().contains(&lower)
}

/// How a lowercase word is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Known {
    /// In a dictionary, possibly after removing a possessive or contraction ending.
    Dictionary,
    /// Formed from a dictionary word by a productive prefix or suffix (overindulging,
    /// bureaucratical), or an accented spelling of a dictionary word (naïve).
    Derived,
    /// A Roman numeral.
    Numeral,
    /// Not known.
    Unknown,
}

/// Classifies a word as written (case matters: see [`check`]). `word` uses `'` for apostrophes.
pub fn classify(word: &str) -> Known {
    if check(word) {
        return Known::Dictionary;
    }
    if is_roman_numeral(word) {
        return Known::Numeral;
    }
    // Possessives and contractions: strip the ending and check the stem.
    if let Some((stem, end)) = word.rsplit_once('\'') {
        let end_l = end.to_ascii_lowercase();
        if matches!(end_l.as_str(), "s" | "d" | "ll" | "ve" | "re" | "m" | "t") && !stem.is_empty()
        {
            let stem = if end_l == "t" {
                stem.strip_suffix(['n', 'N']).unwrap_or(stem)
            } else {
                stem
            };
            if !stem.is_empty() && !stem.contains('\'') {
                let k = classify(stem);
                if k != Known::Unknown {
                    return k;
                }
            }
        }
        return Known::Unknown;
    }
    // Accented spellings of dictionary words (naïve, rôle, coöperate).
    if !word.is_ascii() {
        let folded = fold_accents(word);
        if folded != word && folded.is_ascii() && check(&folded) {
            return Known::Derived;
        }
        return Known::Unknown;
    }
    if derived(word, 0) || inflected(word) || compound(word) || dialect_variant(word) {
        return Known::Derived;
    }
    Known::Unknown
}

/// A regular inflection of a dictionary word the dictionary does not list (azoles, opsonized,
/// pipetting). Misspelled inflections of common words ("occured", "begining") are in the list
/// of known misspellings, which is consulted first.
fn inflected(word: &str) -> bool {
    let n = word.len();
    if n < 4 || n == 4 && !word.ends_with('s') {
        return false;
    }
    let try_stem = |stem: &str| stem.len() >= 3 && (check(stem) || derived(stem, 1));
    for (suf, repls) in [
        ("ies", &["y"][..]),
        ("ied", &["y"]),
        ("es", &[""]),
        ("s", &[""]),
        ("ed", &["", "e"]),
        ("d", &[""]),
        ("ing", &["", "e"]),
        ("ers", &["", "e"]),
        ("er", &["", "e"]),
        ("ly", &[""]),
    ] {
        let Some(stem) = word.strip_suffix(suf) else {
            continue;
        };
        for r in repls {
            if r.is_empty() {
                if try_stem(stem) {
                    return true;
                }
            } else if try_stem(&format!("{stem}{r}")) {
                return true;
            }
        }
    }
    false
}

/// Two dictionary words written together (hornworm, seagrasses), neither a function word.
fn compound(word: &str) -> bool {
    let n = word.len();
    if !(7..=30).contains(&n) || !word.is_ascii() {
        return false;
    }
    (3..=n - 3).any(|k| {
        let (a, b) = word.split_at(k);
        !lexicon::is_function_word(a)
            && !lexicon::is_function_word(b)
            && us().check(a)
            && (us().check(b) || inflected(b))
    })
}

/// Another national spelling of a dictionary word that the dictionaries lack (hemolymph for
/// haemolymph, esophageal for oesophageal).
fn dialect_variant(word: &str) -> bool {
    let b = word.as_bytes();
    let mut cands: Vec<String> = Vec::new();
    for (i, &c) in b.iter().enumerate() {
        if c == b'e' && i > 0 {
            cands.push(format!("{}a{}", &word[..i], &word[i..]));
            cands.push(format!("{}o{}", &word[..i], &word[i..]));
        }
    }
    for (from, to) in [
        ("or", "our"),
        ("er", "re"),
        ("iz", "is"),
        ("is", "iz"),
        ("yz", "ys"),
        ("og", "ogue"),
        ("ense", "ence"),
    ] {
        let mut start = 0;
        while let Some(k) = word[start..].find(from) {
            let at = start + k;
            cands.push(format!("{}{to}{}", &word[..at], &word[at + from.len()..]));
            start = at + from.len();
        }
    }
    cands.iter().take(200).any(|c| check(c))
}

/// A word made of a prefix and a dictionary word, or a dictionary word and a suffix.
fn derived(word: &str, depth: u8) -> bool {
    if depth > 1 || word.len() < 6 {
        return false;
    }
    let lower_start = word.chars().next().is_some_and(|c| c.is_lowercase());
    if lower_start {
        // a- before a long word: abiological, asymmetrical, apolitical.
        if let Some(rest) = word.strip_prefix('a') {
            if rest.len() >= 8 && check(rest) {
                return true;
            }
        }
        for p in prefixes() {
            if let Some(rest) = word.strip_prefix(p) {
                if rest.len() >= 4
                    && !rest.starts_with('-')
                    && (check(rest) || derived(rest, depth + 1))
                {
                    return true;
                }
            }
        }
    }
    for &(suf, replace) in suffixes() {
        if let Some(stem) = word.strip_suffix(suf) {
            if stem.len() < 4 {
                continue;
            }
            // "happyness", "beautyful": a y before a consonant ending is a misspelling.
            if stem.ends_with('y') && !suf.starts_with(['a', 'e', 'i', 'o', 'u']) {
                continue;
            }
            if replace.is_empty() {
                if check(stem) {
                    return true;
                }
            } else {
                for r in replace.split('|') {
                    let r = if r == "0" { "" } else { r };
                    let cand = format!("{stem}{r}");
                    if check(&cand) {
                        return true;
                    }
                }
            }
        }
    }
    false
}

/// An early modern or Middle English spelling of a dictionary word: u and v or i and j
/// swapped (vnto, receiue, obiect), y for i (thyng), a final e (certaine), -eth and -est
/// endings (goeth, torturest). Quoted old texts are full of them; modern typos are not.
pub fn is_archaic_spelling(lower: &str) -> bool {
    if !lower.is_ascii() || lower.len() < 3 {
        return false;
    }
    let swaps: [(u8, u8); 5] = [
        (b'u', b'v'),
        (b'v', b'u'),
        (b'i', b'j'),
        (b'j', b'i'),
        (b'y', b'i'),
    ];
    let b = lower.as_bytes();
    for (from, to) in swaps {
        if !b.contains(&from) {
            continue;
        }
        // Swap one occurrence at a time, then all of them.
        for (k, _) in b.iter().enumerate().filter(|(_, c)| **c == from) {
            let mut v = b.to_vec();
            v[k] = to;
            if std::str::from_utf8(&v).is_ok_and(check) {
                return true;
            }
        }
        let all: Vec<u8> = b.iter().map(|&c| if c == from { to } else { c }).collect();
        if std::str::from_utf8(&all).is_ok_and(check) {
            return true;
        }
    }
    if let Some(stem) = lower.strip_suffix('e') {
        if stem.len() >= 3 && check(stem) {
            return true;
        }
    }
    for (suf, repl) in [
        ("eth", "s"),
        ("eth", "es"),
        ("est", "s"),
        ("est", "es"),
        ("st", "s"),
    ] {
        if let Some(stem) = lower.strip_suffix(suf) {
            if stem.len() >= 3 && check(&format!("{stem}{repl}")) {
                return true;
            }
        }
    }
    false
}

/// Removes diacritics from Latin letters (é → e, ß → ss); other characters are kept.
pub fn fold_accents(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        let r = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
            'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => "A",
            'ç' | 'ć' | 'č' => "c",
            'Ç' | 'Č' => "C",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
            'È' | 'É' | 'Ê' | 'Ë' => "E",
            'ì' | 'í' | 'î' | 'ï' | 'ī' => "i",
            'Ì' | 'Í' | 'Î' | 'Ï' => "I",
            'ñ' | 'ń' | 'ň' => "n",
            'Ñ' => "N",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
            'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => "O",
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
            'Ù' | 'Ú' | 'Û' | 'Ü' => "U",
            'ý' | 'ÿ' => "y",
            'š' | 'ś' => "s",
            'ž' | 'ź' | 'ż' => "z",
            'ß' => "ss",
            'æ' => "ae",
            'œ' => "oe",
            '\u{300}'..='\u{36f}' => "",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(r);
    }
    out
}

/// Bounds the expensive suggestion work for one document.
#[derive(Debug)]
pub struct Budget {
    /// Searches of the words one edit away left (each costs about a millisecond).
    pub edit_searches: usize,
    /// Hunspell suggestion calls left (each costs several milliseconds).
    pub hunspell_calls: usize,
}

impl Default for Budget {
    fn default() -> Self {
        Budget {
            edit_searches: 128,
            hunspell_calls: 0,
        }
    }
}

/// A candidate correction with its cost (lower is better).
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    pub word: String,
    pub cost: f32,
    /// From a list of known misspellings.
    pub known: bool,
}

/// Ranked corrections for an unknown lowercase word: known human misspellings first, then
/// dictionary words one edit away (found by checking every edit: about a millisecond), then
/// Hunspell's own suggestions (slower), each while the budget lasts. `in_doc` tells if a
/// candidate occurs elsewhere in the document, which ranks it higher.
pub fn suggest(lower: &str, budget: &mut Budget, in_doc: &dyn Fn(&str) -> bool) -> Vec<Suggestion> {
    let mut out: Vec<Suggestion> = Vec::new();
    if lower.len() > 40 || !lower.is_ascii() {
        return out;
    }
    let mut seen: FastSet<String> = FastSet::default();
    if let Some(c) = known_misspelling(lower) {
        for w in c {
            if (check(w) || w.split(' ').all(check)) && seen.insert(w.to_string()) {
                out.push(Suggestion {
                    word: w.to_string(),
                    cost: 0.0,
                    known: true,
                });
            }
        }
    }
    let mut cands: Vec<Suggestion> = Vec::new();
    if budget.edit_searches > 0 {
        budget.edit_searches -= 1;
        let edits = edits1(lower);
        let mut add = |e: &String, cands: &mut Vec<Suggestion>| {
            if !seen.contains(e) {
                seen.insert(e.clone());
                cands.push(Suggestion {
                    word: e.clone(),
                    cost: weighted_distance(lower, e),
                    known: false,
                });
            }
        };
        for e in &edits {
            if us().check(e) || variants::in_table(e) {
                add(e, &mut cands);
            }
        }
        if cands.is_empty() {
            for e in &edits {
                if gb().check(e) {
                    add(e, &mut cands);
                }
            }
        }
    }
    if cands.is_empty() && budget.hunspell_calls > 0 {
        budget.hunspell_calls -= 1;
        let mut tmp = Vec::new();
        for d in [us(), gb()] {
            d.suggester()
                .with_ngram_suggestions(false)
                .suggest(lower, &mut tmp);
            for s in tmp.drain(..) {
                if !acceptable_suggestion(&s) || seen.contains(&s) {
                    continue;
                }
                let cost = weighted_distance(lower, &s.to_lowercase());
                seen.insert(s.clone());
                cands.push(Suggestion {
                    word: s,
                    cost,
                    known: false,
                });
            }
        }
    }
    for c in &mut cands {
        if in_doc(&c.word) {
            c.cost -= 0.3;
        }
    }
    cands.sort_by(|a, b| a.cost.total_cmp(&b.cost).then_with(|| a.word.cmp(&b.word)));
    out.extend(cands);
    out
}

/// Hunspell suggests splits ("creep ed"); keep only those whose parts are real words.
fn acceptable_suggestion(s: &str) -> bool {
    if s.contains(' ') || s.contains('-') {
        return s
            .split([' ', '-'])
            .all(|p| p.len() >= 3 || lexicon::is_function_word(p) || p == "a");
    }
    true
}

/// Every string one edit (delete, transpose, replace, insert) away, lowercase ASCII letters.
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

fn similar(a: u8, b: u8) -> bool {
    let vowel = |c: u8| b"aeiouy".contains(&c);
    (vowel(a) && vowel(b))
        || matches!(
            (a.min(b), a.max(b)),
            (b's', b'z') | (b'c', b's') | (b'c', b'k') | (b'k', b'q') | (b'f', b'v') | (b'g', b'j')
        )
}

/// An edit distance weighted for human slips: transposing two letters, doubling or undoubling a
/// letter and swapping similar-sounding letters cost less than other edits.
pub fn weighted_distance(a: &str, b: &str) -> f32 {
    let a = a.as_bytes();
    let b = b.as_bytes();
    let (n, m) = (a.len(), b.len());
    if n > 64 || m > 64 {
        return (n.max(m)) as f32;
    }
    let mut d = vec![vec![0f32; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i as f32;
    }
    for (j, v) in d[0].iter_mut().enumerate() {
        *v = j as f32;
    }
    for i in 1..=n {
        for j in 1..=m {
            let sub = if a[i - 1] == b[j - 1] {
                0.0
            } else if similar(a[i - 1], b[j - 1]) {
                0.7
            } else {
                1.0
            };
            let del = if (i >= 2 && a[i - 1] == a[i - 2]) || a[i - 1] == b'\'' {
                0.5
            } else {
                1.0
            };
            let ins = if (j >= 2 && b[j - 1] == b[j - 2]) || b[j - 1] == b'\'' {
                0.5
            } else {
                1.0
            };
            let mut v = (d[i - 1][j] + del)
                .min(d[i][j - 1] + ins)
                .min(d[i - 1][j - 1] + sub);
            if i >= 2 && j >= 2 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 0.6);
            }
            d[i][j] = v;
        }
    }
    d[n][m]
}

// One `match_case` for every rule: it lives in `lexicon`.
pub use crate::lexicon::match_case;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_all_dialects() {
        assert!(check("receive"));
        assert!(check("colour"));
        assert!(check("organisation"));
        assert!(check("politburo"));
        assert!(!check("recieve"));
        assert!(!check("america"));
        assert!(check("America"));
    }

    #[test]
    fn classifies() {
        assert_eq!(classify("party's"), Known::Dictionary);
        assert_eq!(classify("doesn't"), Known::Dictionary);
        assert_eq!(classify("xiv"), Known::Dictionary);
        assert_eq!(classify("mcmxciv"), Known::Numeral);
        assert_eq!(classify("bureaucratical"), Known::Derived);
        assert_eq!(classify("naïve"), Known::Dictionary);
        assert_eq!(classify("quazi"), Known::Unknown);
        assert_eq!(classify("smychka"), Known::Unknown);
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("word"), Shape::Lower);
        assert_eq!(shape("Word"), Shape::Title);
        assert_eq!(shape("NEP"), Shape::Upper);
        assert_eq!(shape("iPhone"), Shape::Mixed);
        assert_eq!(shape("Stalin’s"), Shape::Title);
        assert_eq!(shape("ÉCOLE"), Shape::Upper);
        assert_eq!(shape("éte"), Shape::Lower);
        assert_eq!(shape("Gödel"), Shape::Title);
        assert_eq!(shape(""), Shape::Lower);
    }

    #[test]
    fn roman_numerals() {
        for w in ["i", "iv", "xiv", "XLII", "mcmxciv"] {
            assert!(is_roman_numeral(w), "{w}");
        }
        for w in ["iiii", "vx", "ic", "civil", "vv", ""] {
            assert!(!is_roman_numeral(w), "{w}");
        }
    }

    #[test]
    fn suggestions_rank_slips_first() {
        let mut b = Budget::default();
        let none = |_: &str| false;
        let s = suggest("quazi", &mut b, &none);
        assert_eq!(s[0].word, "quasi", "{s:?}");
        let s = suggest("recieve", &mut b, &none);
        assert_eq!(s[0].word, "receive", "{s:?}");
        assert!(s[0].known);
    }

    #[test]
    fn misspellings_known() {
        assert_eq!(known_misspelling("recieve"), Some(&["receive"][..]));
        assert_eq!(known_misspelling("receive"), None);
        assert_eq!(known_misspelling("東京"), None);
    }

    #[test]
    fn distances() {
        assert!(weighted_distance("quazi", "quasi") < weighted_distance("quazi", "quai"));
        assert!(weighted_distance("recieve", "receive") < 1.0);
        assert_eq!(weighted_distance("abc", "abc"), 0.0);
    }

    #[test]
    fn cases() {
        assert_eq!(match_case("Quazi", "quasi"), "Quasi");
        assert_eq!(match_case("QUAZI", "quasi"), "QUASI");
        assert_eq!(match_case("quazi", "quasi"), "quasi");
        assert_eq!(fold_accents("naïve café"), "naive cafe");
    }
}
