//! Which spellings of an essay are one name, and which of them is the slip.
//!
//! Distinct spellings are compared, never occurrences, and only spellings that share a bucket:
//! one of the deletion neighbourhoods of their fold (every string with one letter removed, so
//! that any two spellings one edit apart meet), their transliteration key, their fold without
//! doubled letters, or their Double Metaphone codes. A bucket holding more than
//! [`BUCKET_CAP`] spellings is skipped: a crowd of look-alike names is a list of distinct
//! names, not one name misspelled. Work is linear in the number of distinct spellings.

use super::extract::{Names, Spelling};
use super::similar::{self, compare, Key, Kind, Similarity};
use crate::config::Config;
use std::collections::{HashMap, HashSet};

/// Buckets larger than this are not compared within.
pub const BUCKET_CAP: usize = 48;
/// Spellings longer than this (in characters) get no deletion neighbourhood.
const MAX_NEIGHBOURHOOD_LEN: usize = 32;
/// Spellings at least this long are compared at two edits (see [`super::similar::compare`]).
const LONG_NAME: usize = similar::TWO_EDITS_LEN;

/// What is wrong and what it should be.
#[derive(Clone, Debug, PartialEq)]
pub enum Right {
    /// Another spelling of the essay (index into `Names::spellings`).
    Spelling(u32),
    /// A name declared in the configuration.
    Declared(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FindingKind {
    /// The wrong spelling is the essay's minority spelling.
    Minority,
    /// Each spelling is used equally often (once each): one diagnostic names both.
    Tie,
    /// The works-cited list spells the name the other way.
    Reference,
    /// The configuration declares the other spelling.
    Declared,
}

/// One spelling judged a variant of a name.
#[derive(Clone, Debug)]
pub struct Finding {
    pub kind: FindingKind,
    /// Index into `Names::spellings`.
    pub wrong: u32,
    pub right: Right,
    pub similarity: Similarity,
    /// Confident enough for a warning.
    pub confident: bool,
    /// Further plausible spellings, weaker than `right`.
    pub others: Vec<u32>,
}

struct Participant {
    key: Key,
    /// `None` for a declared name absent from the essay's spellings.
    spelling: Option<u32>,
    declared: Option<String>,
}

fn fnv(tag: u8, parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325 ^ u64::from(tag);
    for p in parts {
        for &b in *p {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100000001b3);
        }
    }
    h
}

/// True if the spelling may be reported as a slip: a name used outside quotations that the
/// configuration does not accept. (Spellings the dictionary knows are only reported for
/// differences in accents, capitals or a romanised ending: see [`decide`].)
fn is_query(sp: &Spelling, config: &Config, declared: &HashSet<&str>) -> bool {
    sp.is_name
        && sp.own_uses().next().is_some()
        && !config.accepts(&sp.text)
        && !declared.contains(sp.text.as_str())
        && sp.text.chars().count() >= 4
}

/// Finds the variant spellings of the essay's names.
pub fn find(names: &Names, config: &Config) -> Vec<Finding> {
    let declared_words: Vec<&str> = config
        .names
        .iter()
        .flat_map(|n| n.split_whitespace())
        .filter(|w| w.chars().count() >= 3)
        .collect();
    let declared: HashSet<&str> = declared_words.iter().copied().collect();

    let mut parts: Vec<Participant> = Vec::new();
    let mut query: Vec<bool> = Vec::new();
    for (i, sp) in names.spellings.iter().enumerate() {
        if !(sp.is_name || sp.ref_uses > 0) || sp.text.chars().count() < 3 {
            continue;
        }
        let q = is_query(sp, config, &declared);
        parts.push(Participant {
            key: Key::new(&sp.text),
            spelling: Some(i as u32),
            declared: declared.contains(sp.text.as_str()).then(|| sp.text.clone()),
        });
        query.push(q);
    }
    let spelling_texts: HashSet<&str> = names.spellings.iter().map(|s| s.text.as_str()).collect();
    for d in &declared_words {
        if !spelling_texts.contains(d) {
            parts.push(Participant {
                key: Key::new(d),
                spelling: None,
                declared: Some(d.to_string()),
            });
            query.push(false);
        }
    }

    // Buckets.
    let mut buckets: HashMap<u64, Vec<u32>> = HashMap::new();
    let mut buf = String::new();
    for (pi, p) in parts.iter().enumerate() {
        let k = &p.key;
        if k.is_empty() {
            continue;
        }
        let mut keys: Vec<u64> = Vec::with_capacity(k.len() + 5);
        keys.push(fnv(b't', &[k.translit.as_bytes()]));
        keys.push(fnv(b's', &[k.single.as_bytes()]));
        keys.push(fnv(b'a', &[k.fold_alt.as_bytes()]));
        if k.codes.primary.len() >= 2 {
            keys.push(fnv(b'p', &[k.codes.primary.as_bytes()]));
        }
        if k.codes.alternate.len() >= 2 && k.codes.alternate != k.codes.primary {
            keys.push(fnv(b'p', &[k.codes.alternate.as_bytes()]));
        }
        if k.len() <= MAX_NEIGHBOURHOOD_LEN {
            keys.push(fnv(b'd', &[k.fold.as_bytes()]));
            for (ci, c) in k.fold.char_indices() {
                buf.clear();
                buf.push_str(&k.fold[..ci]);
                buf.push_str(&k.fold[ci + c.len_utf8()..]);
                keys.push(fnv(b'd', &[buf.as_bytes()]));
            }
            // Long names may differ by two edits: index their two-deletion neighbourhood too.
            if k.len() >= LONG_NAME {
                let n = k.chars.len();
                for x in 0..n {
                    for y in x + 1..n {
                        buf.clear();
                        buf.extend(
                            k.chars
                                .iter()
                                .enumerate()
                                .filter(|&(z, _)| z != x && z != y)
                                .map(|(_, c)| c),
                        );
                        keys.push(fnv(b'd', &[buf.as_bytes()]));
                    }
                }
            }
        }
        keys.sort_unstable();
        keys.dedup();
        for h in keys {
            let b = buckets.entry(h).or_default();
            if b.len() <= BUCKET_CAP {
                b.push(pi as u32);
            }
        }
    }
    let mut pairs: HashSet<(u32, u32)> = HashSet::new();
    for b in buckets.values() {
        if b.len() < 2 || b.len() > BUCKET_CAP {
            continue;
        }
        for (x, &i) in b.iter().enumerate() {
            for &j in &b[x + 1..] {
                if query[i as usize] || query[j as usize] {
                    pairs.insert((i.min(j), i.max(j)));
                }
            }
        }
    }

    // Candidate partners of each query spelling.
    let mut cands: HashMap<u32, Vec<(u32, Similarity)>> = HashMap::new();
    let mut pairs: Vec<(u32, u32)> = pairs.into_iter().collect();
    pairs.sort_unstable();
    for (i, j) in pairs {
        let (pa, pb) = (&parts[i as usize], &parts[j as usize]);
        let Some(sim) = compare(&pa.key, &pb.key) else {
            continue;
        };
        if query[i as usize] {
            cands.entry(i).or_default().push((j, sim));
        }
        if query[j as usize] {
            cands.entry(j).or_default().push((i, sim));
        }
    }

    let mut out = Vec::new();
    let mut qs: Vec<u32> = cands.keys().copied().collect();
    qs.sort_unstable();
    for q in qs {
        if let Some(f) = decide(names, &parts, &query, q, &cands[&q]) {
            out.push(f);
        }
    }
    out
}

/// When the suggested spelling is itself a slip for a third (MacLauglin → MacLaughlin →
/// McLaughlin), suggest the end of the chain. Ties are not followed.
pub fn resolve_chains(findings: &mut [Finding]) {
    let next: HashMap<u32, Right> = findings
        .iter()
        .filter(|f| f.kind != FindingKind::Tie)
        .map(|f| (f.wrong, f.right.clone()))
        .collect();
    for f in findings.iter_mut() {
        let mut steps = 0;
        while let Right::Spelling(r) = f.right {
            match next.get(&r) {
                Some(n) if *n != Right::Spelling(f.wrong) && steps < 4 => {
                    f.right = n.clone();
                    steps += 1;
                }
                _ => break,
            }
        }
    }
}

/// How much a similarity counts: the kind first, then the shorter distance.
fn rank(s: &Similarity) -> (u8, u8) {
    (s.kind as u8, s.distance)
}

/// True if the two spellings are used in one sentence, outside its citations: "Hansen and
/// Hanson found…" names two people, "Hobsbawn insists (Hobsbawm 45)" cites the one it names.
fn share_sentence(a: &Spelling, b: &Spelling) -> bool {
    a.uses
        .iter()
        .filter(|u| !u.cited)
        .any(|u| b.uses.iter().any(|v| v.sentence == u.sentence && !v.cited))
}

/// True if both sets are known and have nothing in common.
fn disjoint<T: Eq + std::hash::Hash + Copy>(
    a: impl Iterator<Item = T>,
    b: impl Iterator<Item = T>,
) -> bool {
    let a: HashSet<T> = a.collect();
    let b: HashSet<T> = b.collect();
    !a.is_empty() && !b.is_empty() && a.is_disjoint(&b)
}

/// True if spelling `id` may stand beside a name as a first name or surname: a name that is not
/// an ordinary word ("Later Kovalenko" opens a sentence), or a personal name in the census.
fn person_word(names: &Names, id: u32) -> bool {
    let sp = &names.spellings[id as usize];
    sp.is_name && (!sp.dict_lower || census_frequency(&super::similar::fold(&sp.text)) > 0)
}

/// Evidence that two look-alike spellings are two names: different first names or surnames
/// beside them ("Robert Mueller", "Hermann Muller"; "Florenz Ziegfeld", "Florence Mills"), or
/// citations of different years ("Morais, 1984", "Morris, 2002").
fn distinct_context(names: &Names, a: &Spelling, b: &Spelling) -> bool {
    let person = |id: &u32| person_word(names, *id);
    disjoint(
        a.uses.iter().filter_map(|u| u.prev).filter(person),
        b.uses.iter().filter_map(|u| u.prev).filter(person),
    ) || disjoint(
        a.uses.iter().filter_map(|u| u.next).filter(person),
        b.uses.iter().filter_map(|u| u.next).filter(person),
    ) || disjoint(
        a.uses
            .iter()
            .filter_map(|u| u.year)
            .chain(a.ref_years.iter().copied()),
        b.uses
            .iter()
            .filter_map(|u| u.year)
            .chain(b.ref_years.iter().copied()),
    )
}

/// How common a personal name is in the U.S. census, in thousandths of a percent (0: rarer
/// than 0.001 % or unknown). Takes a fold (lowercase, no accents).
pub fn census_frequency(fold: &str) -> u32 {
    // rules/names/census_names.txt, compiled by build.rs into a table read in place (parsing
    // its 23,000 lines was 15% of a 2,000-word essay's run).
    static BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/census_blob.bin"));
    static RECORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/census_records.bin"));
    static SLOTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/census_slots.bin"));
    crate::lexicon::table_get(BLOB, RECORDS, SLOTS, fold).map_or(0, u32::from)
}

/// A name at least this fraction as common as the other is a name in its own right.
const COMMON_RATIO: u32 = 20;

/// True if the census knows `a` as a personal name at least 1/[`COMMON_RATIO`] as common as `b`:
/// Brendon beside Brendan, Herren beside Herron are two real names, Jospeh beside Joseph is not.
fn common_name(a: &Key, b: &Key) -> bool {
    let fa = census_frequency(&a.fold);
    fa > 0 && fa * COMMON_RATIO >= census_frequency(&b.fold)
}

/// Positive evidence that two spellings are one person: the same first name before them, or
/// citations of the same year ("Shultz, 1998" in the text, "Schultz … (1998)" in the list).
fn same_identity(names: &Names, a: &Spelling, b: &Spelling) -> bool {
    let prev: HashSet<u32> = a
        .uses
        .iter()
        .filter_map(|u| u.prev)
        .filter(|&p| person_word(names, p))
        .collect();
    let years: HashSet<u16> = a
        .uses
        .iter()
        .filter_map(|u| u.year)
        .chain(a.ref_years.iter().copied())
        .collect();
    b.uses.iter().any(|u| {
        u.prev.is_some_and(|p| prev.contains(&p)) || u.year.is_some_and(|y| years.contains(&y))
    }) || b.ref_years.iter().any(|y| years.contains(y))
}

/// True if `a` has letters with diacritics that `b` lacks: a writer who types "Türkes" means a
/// different word from "Turks".
fn adds_diacritics(a: &str, b: &str) -> bool {
    a.chars()
        .any(|c| !c.is_ascii() && c.is_alphabetic() && !b.contains(c))
}

/// True if a spelling the dictionary or the census knows is still reported against `other`:
/// it is used once, the other is well attested (twice or more, or among the authors of the
/// works cited), and the two are close (swapped or doubled letters, or one letter in a name of
/// six letters or more, or of five that sounds the same). The guards keep two real names apart only when
/// the essay attests both.
fn overrides_guard(m: &Spelling, other: Option<&Spelling>, s: &Similarity) -> bool {
    let Some(other) = other else {
        return false;
    };
    // A different ending is another word (Germany / German, Americas / Americans, Barbary /
    // Barbara); a slip inside the word keeps the ending (Malcom / Malcolm, Tuscon / Tucson): the
    // two share their last two letters, or a last letter other than a plural -s.
    let (fa, fb) = (similar::fold(&m.text), similar::fold(&other.text));
    let common = fa
        .chars()
        .rev()
        .zip(fb.chars().rev())
        .take_while(|(x, y)| x == y)
        .count();
    (common >= 2 || (common == 1 && !fa.ends_with('s')))
        && m.own_uses().count() == 1
        && m.uses.len() == 1
        && m.ref_uses == 0
        && (other.uses.len() >= 2 || other.ref_uses > 0)
        && match s.kind {
            Kind::Transposition | Kind::Doubling => s.len >= 4,
            Kind::OneEdit => s.len >= 6 || (s.len >= 5 && s.sounds_alike),
            _ => false,
        }
}

/// Decides whether query spelling `q` (a participant index) is a slip, and for what.
fn decide(
    names: &Names,
    parts: &[Participant],
    query: &[bool],
    q: u32,
    cands: &[(u32, Similarity)],
) -> Option<Finding> {
    let qp = &parts[q as usize];
    let wrong = qp.spelling?;
    let m = &names.spellings[wrong as usize];
    let cm = m.uses.len();
    let all_initial = m.own_uses().all(|u| u.initial);
    // A spelling the dictionary knows is a name in its own right, unless the other spelling
    // differs only in accents, capitals or a romanised ending (Trotski / Trotsky).
    let allowed = |p: u32, s: &Similarity| {
        !m.dict
            || matches!(s.kind, Kind::Case | Kind::Diacritics)
            || (s.kind == Kind::Transliteration
                && similar::romanised_ending(&qp.key, &parts[p as usize].key))
            || overrides_guard(
                m,
                parts[p as usize]
                    .spelling
                    .map(|o| &names.spellings[o as usize]),
                s,
            )
    };

    // A declared name wins, however often the essay spells it otherwise.
    let mut declared: Vec<&(u32, Similarity)> = cands
        .iter()
        .filter(|(p, s)| parts[*p as usize].declared.is_some() && allowed(*p, s))
        .collect();
    declared.sort_by_key(|(_, s)| rank(s));
    if let Some((p, sim)) = declared.first() {
        return Some(Finding {
            kind: FindingKind::Declared,
            wrong,
            right: Right::Declared(parts[*p as usize].declared.clone().unwrap_or_default()),
            similarity: *sim,
            confident: sim.is_strong(),
            others: Vec::new(),
        });
    }

    // The essay's other spellings that survive the checks for distinct names.
    let mut viable: Vec<(u32, Similarity, u32)> = Vec::new();
    for &(p, sim) in cands {
        let Some(o) = parts[p as usize].spelling else {
            continue;
        };
        let other = &names.spellings[o as usize];
        if (other.uses.is_empty() && other.ref_uses == 0) || !allowed(p, &sim) {
            continue;
        }
        // An ordinary word capitalised in a title (Arabian Nights, Extension Toxicology
        // Network): a matter of spelling, not of names.
        if other.dict_lower
            && !matches!(sim.kind, Kind::Case | Kind::Diacritics)
            && m.own_uses().all(|u| u.in_phrase || u.initial)
        {
            continue;
        }
        // Both among the authors of the works cited: two authors.
        if m.ref_uses > 0 && other.ref_uses > 0 {
            continue;
        }
        // Written in one sentence ("Hansen and Hanson found…"), or beside different first
        // names, surnames or citation years: two names.
        if share_sentence(m, other) || distinct_context(names, m, other) {
            continue;
        }
        if sim.kind != Kind::Diacritics && adds_diacritics(&m.text, &other.text) {
            continue;
        }
        // Two real personal names, unless the essay ties them to one person or uses one of
        // them once beside a well-attested other.
        let both_common = common_name(&qp.key, &parts[p as usize].key);
        if both_common
            && !matches!(sim.kind, Kind::Case | Kind::Diacritics)
            && !same_identity(names, m, other)
            && !overrides_guard(m, Some(other), &sim)
        {
            continue;
        }
        viable.push((o, sim, p));
    }
    if viable.is_empty() {
        return None;
    }
    // Best partner: the strongest similarity, then an author in the works cited, then the most
    // used.
    viable.sort_by(|a, b| {
        let (sa, sb) = (
            &names.spellings[a.0 as usize],
            &names.spellings[b.0 as usize],
        );
        rank(&a.1)
            .cmp(&rank(&b.1))
            .then(sb.ref_uses.min(1).cmp(&sa.ref_uses.min(1)))
            .then(sb.uses.len().cmp(&sa.uses.len()))
    });
    let (o, sim, p) = viable[0];
    let other = &names.spellings[o as usize];
    let co = other.uses.len();
    let ambiguous = viable.len() > 1 && rank(&viable[1].1).0 == rank(&sim).0;
    let others: Vec<u32> = viable[1..].iter().map(|v| v.0).collect();
    // A spelling the dictionary or the census knows, reported only because it is used once
    // beside a well-attested other (Malcom beside Malcolm ×3), is worth a look, not an alarm.
    let guarded = (m.dict
        && !matches!(
            sim.kind,
            Kind::Case | Kind::Diacritics | Kind::Transliteration
        ))
        || (common_name(&qp.key, &parts[p as usize].key)
            && !matches!(sim.kind, Kind::Case | Kind::Diacritics)
            && !same_identity(names, m, other));
    let strong = sim.is_strong() && !ambiguous && !guarded;
    let finding = |kind, confident| {
        Some(Finding {
            kind,
            wrong,
            right: Right::Spelling(o),
            similarity: sim,
            confident,
            others: others.clone(),
        })
    };

    // The works-cited list usually has the author's name right (it is copied from the source),
    // but it has slips of its own: only a warning when the essay's own uses agree with it.
    if other.ref_uses > 0 && m.ref_uses == 0 {
        if sim.kind == Kind::Case || (cm >= 3 && !strong) {
            return None;
        }
        // The essay agrees with the list: it uses the list's spelling more (the entry counts
        // as a use: one use in the text and the entry are two against the slip's one), the
        // dictionary knows it, or a citation of the same year ties the two to one work.
        let backed = other.dict || co + 1 > cm || same_identity(names, m, other);
        return finding(
            FindingKind::Reference,
            strong && backed && cm <= 2 && !all_initial,
        );
    }
    if m.ref_uses > 0 && other.ref_uses == 0 {
        return None;
    }
    // Both used often: two names, or a deliberate choice. A rare spelling beside a frequent
    // one is reported whatever the counts: a warning for one use against two or more (two
    // against five), advice otherwise.
    if cm >= 3 || (cm == 2 && co < 3) {
        return None;
    }
    if cm < co {
        return finding(
            FindingKind::Minority,
            strong && ((cm == 1 && co >= 2) || co >= 5) && !all_initial,
        );
    }
    if cm == co && cm == 1 {
        let known = |k: &Key| census_frequency(&k.fold) > 0;
        if other.dict || !query[p as usize] || (known(&parts[p as usize].key) && !known(&qp.key)) {
            // The dictionary or the configuration knows the other spelling: this one is the slip.
            return finding(FindingKind::Minority, strong && !all_initial);
        }
        // One use each: report once, from the spelling written first.
        // One use each: nothing says which is right, so it is advice.
        if m.uses[0].span.start < other.uses[0].span.start {
            return finding(FindingKind::Tie, false);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(text: &str, config: &Config) -> Vec<(String, String, FindingKind)> {
        let doc = crate::analysis::from_text(text);
        let names = Names::extract(&doc);
        find(&names, config)
            .into_iter()
            .map(|f| {
                let right = match &f.right {
                    Right::Spelling(r) => names.spellings[*r as usize].text.clone(),
                    Right::Declared(d) => d.clone(),
                };
                (
                    names.spellings[f.wrong as usize].text.clone(),
                    right,
                    f.kind,
                )
            })
            .collect()
    }

    #[test]
    fn minority_and_tie() {
        let f = findings(
            "We read Kovalenko first. Later Kovalenko wrote again. Then Kovalenka replied.",
            &Config::default(),
        );
        assert_eq!(
            f,
            vec![(
                "Kovalenka".into(),
                "Kovalenko".into(),
                FindingKind::Minority
            )]
        );
        let f = findings(
            "We read Kovalenko first. Then Kovalenka replied.",
            &Config::default(),
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].2, FindingKind::Tie);
    }

    #[test]
    fn declared_names_win_over_the_majority() {
        let mut c = Config::default();
        c.names.push("Kamenev".into());
        let f = findings(
            "Then Kameney spoke. Later Kameney left. Kameney returned.",
            &c,
        );
        assert_eq!(
            f,
            vec![("Kameney".into(), "Kamenev".into(), FindingKind::Declared)]
        );
    }

    #[test]
    fn a_crowd_of_look_alikes_is_not_compared() {
        // Sixty spellings one letter apart share one bucket, which is over the cap.
        let text: String = (b'a'..=b'z')
            .chain(b'a'..=b'z')
            .take(60)
            .enumerate()
            .map(|(i, c)| format!("We met Zorbax{}{} today. ", c as char, i % 3))
            .collect();
        // Digits make these non-names; use letters only.
        let text = text.replace(['0', '1', '2'], "");
        let f = findings(&text, &Config::default());
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn census_names_are_people() {
        let f = findings(
            "We met Brendan there. Brendan spoke, and Brendan left. Brendon arrived later. Brendon sat.",
            &Config::default(),
        );
        assert!(f.is_empty(), "{f:?}");
        assert!(census_frequency("smith") > 500);
        assert_eq!(census_frequency("kamanev"), 0);
    }
}
