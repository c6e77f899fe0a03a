//! When are two spellings one name? Folding (case, diacritics), transliteration keys, edit
//! distance with transpositions, the Double Metaphone key, and the endings that make a related
//! word rather than a variant (Stalin / Stalinism).

use super::metaphone::{double_metaphone, Codes};
use crate::lexicon;
use std::sync::OnceLock;

/// Everything about one spelling that the comparison needs, computed once per distinct spelling.
#[derive(Clone, Debug, Default)]
pub struct Key {
    /// Lowercase, diacritics removed, apostrophes dropped: "Gödel" → "godel".
    pub fold: String,
    /// The fold with umlauts written out ("Müller" → "mueller"); equal to `fold` without them.
    pub fold_alt: String,
    /// The fold after the transliteration rules: "Zinovyev" and "Zinoviev" share it.
    pub translit: String,
    /// The fold with doubled letters made single: "Carribean" and "Caribbean" share it.
    pub single: String,
    pub chars: Vec<char>,
    pub codes: Codes,
    /// Lowercase, diacritics kept, apostrophes made straight.
    pub lower: String,
    /// Neither the dictionary (as written) nor the census of personal names knows it.
    pub rare: bool,
}

impl Key {
    pub fn new(word: &str) -> Key {
        let (fold, fold_alt) = fold2(word);
        let translit = transliterate(&fold);
        let single = undouble(&fold);
        let codes = double_metaphone(&fold);
        let rare = super::group::census_frequency(&fold) == 0 && !lexicon::spell::check(word);
        Key {
            rare,
            lower: crate::doc::normalize_word(word),
            chars: fold.chars().collect(),
            fold,
            fold_alt,
            translit,
            single,
            codes,
        }
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// True if the two Double Metaphone codes share a value of at least two sounds.
    pub fn sounds_like(&self, other: &Key) -> bool {
        let (a, b) = (&self.codes, &other.codes);
        let ok = |x: &String, y: &String| x.len() >= 2 && x == y;
        ok(&a.primary, &b.primary)
            || ok(&a.primary, &b.alternate)
            || ok(&a.alternate, &b.primary)
            || ok(&a.alternate, &b.alternate)
    }
}

/// How two spellings differ, from the surest sign of one name to the weakest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// Only in capitals inside the name: McDonald / Mcdonald, LabScribe / Labscribe.
    Case,
    /// Only in diacritics: Gödel / Godel, Müller / Mueller.
    Diacritics,
    /// Two romanisations of one name: Zinoviev / Zinovyev, Tchaikovsky / Chaikovsky.
    Transliteration,
    /// Two neighbouring letters swapped: Tolkein / Tolkien.
    Transposition,
    /// A letter doubled or made single: Carribean / Caribbean, Rockerfeller is not.
    Doubling,
    /// One letter replaced, added or dropped: Kamaney / Kamanev.
    OneEdit,
    /// Two or three edits in a long name that sounds the same: Massachussets / Massachusetts.
    FewEdits,
}

/// The result of comparing two spellings that look like one name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Similarity {
    pub kind: Kind,
    /// Edit distance (optimal string alignment) between the folds.
    pub distance: u8,
    /// The Double Metaphone codes agree.
    pub sounds_alike: bool,
    /// Shorter length in characters.
    pub len: usize,
}

impl Similarity {
    /// Strong evidence of one name: an editor would change it without asking.
    pub fn is_strong(&self) -> bool {
        match self.kind {
            Kind::Case
            | Kind::Diacritics
            | Kind::Transliteration
            | Kind::Transposition
            | Kind::Doubling => true,
            Kind::OneEdit => self.len >= 6 || (self.len >= 5 && self.sounds_alike),
            Kind::FewEdits => self.len >= 9 && (self.sounds_alike || self.distance <= 2),
        }
    }
}

/// Names at least this long may differ by two letters replaced (Microfost / Microsoft); two
/// edits that change the length need ten letters or the same sound (Austria / Australia do not
/// qualify).
pub const TWO_EDITS_LEN: usize = 7;

/// Rare names at least this long that sound the same may differ by three letters (see
/// [`compare`]).
pub const RARE_SOUND_LEN: usize = 8;

/// Compares two spellings. `None` if they are not plausibly one name; related forms
/// (Stalin / Stalinist) are `None` too.
pub fn compare(a: &Key, b: &Key) -> Option<Similarity> {
    if a.lower == b.lower && a.lower.contains('\'') {
        // O’Brien / O'Brien: typography, not spelling.
        return None;
    }
    if a.fold == b.fold || a.fold_alt == b.fold_alt || a.fold == b.fold_alt || a.fold_alt == b.fold
    {
        return Some(Similarity {
            kind: if a.lower == b.lower {
                Kind::Case
            } else {
                Kind::Diacritics
            },
            distance: 0,
            sounds_alike: true,
            len: a.len().min(b.len()),
        });
    }
    let n = a.len().min(b.len());
    if n < 4 || a.len().abs_diff(b.len()) > 3 {
        return None;
    }
    if related_forms(&a.fold, &b.fold) || a.fold.replace("iz", "is") == b.fold.replace("iz", "is") {
        // Related forms, or -ise / -ize spellings (a matter of dialect, not of the name).
        return None;
    }
    let sounds_alike = a.sounds_like(b);
    let d = osa_bounded(&a.chars, &b.chars, 3)?;
    let sim = |kind| {
        Some(Similarity {
            kind,
            distance: d as u8,
            sounds_alike,
            len: n,
        })
    };
    if a.translit == b.translit && n >= 5 {
        return sim(Kind::Transliteration);
    }
    // Misspellings keep the first letter; a changed first letter needs the same sound.
    if a.chars[0] != b.chars[0] && !sounds_alike {
        return None;
    }
    if a.single == b.single && d <= 2 {
        return sim(Kind::Doubling);
    }
    match d {
        1 => {
            if is_transposition(&a.chars, &b.chars) {
                return sim(Kind::Transposition);
            }
            if n >= 5 || sounds_alike {
                return sim(Kind::OneEdit);
            }
            None
        }
        2 if (n >= 6 && sounds_alike) || n >= 10 || (n >= TWO_EDITS_LEN && a.len() == b.len()) => {
            sim(Kind::FewEdits)
        }
        // Three letters apart but the same sound: a long name (Massachussets), or a name of
        // eight letters or more that neither the dictionary nor the census knows, spelled by
        // ear (Aleksandrov / Alexandrof: x for ks, f for v).
        3 if sounds_alike && (n >= 12 || (n >= RARE_SOUND_LEN && a.rare && b.rare)) => {
            sim(Kind::FewEdits)
        }
        _ => None,
    }
}

/// True if the two spellings differ only in a romanised ending: -sky / -ski / -skiy,
/// -off / -ov, -eff / -ev, -iy / -ii / -y / -i (Trotsky / Trotski, Rachmaninoff / Rachmaninov).
pub fn romanised_ending(a: &Key, b: &Key) -> bool {
    const GROUPS: &[&[&str]] = &[
        &["skiy", "skii", "sky", "ski"],
        &["ckiy", "cky", "cki"],
        &["off", "ov"],
        &["eff", "ev"],
        &["iy", "ii", "yi", "y", "i"],
    ];
    let canon = |s: &str| -> String {
        for (g, group) in GROUPS.iter().enumerate() {
            for e in group.iter() {
                if let Some(stem) = s.strip_suffix(e) {
                    return format!("{stem}#{g}");
                }
            }
        }
        s.to_string()
    };
    a.fold != b.fold && canon(&a.fold) == canon(&b.fold)
}

/// True if `a` and `b` differ by one swap of neighbouring characters.
fn is_transposition(a: &[char], b: &[char]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let diffs: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    diffs.len() == 2
        && diffs[1] == diffs[0] + 1
        && a[diffs[0]] == b[diffs[1]]
        && a[diffs[1]] == b[diffs[0]]
}

/// Optimal string alignment distance (Damerau–Levenshtein without repeated edits of a
/// substring), or `None` when it exceeds `max`. O(len²) on short names; callers bound lengths.
pub fn osa_bounded(a: &[char], b: &[char], max: usize) -> Option<usize> {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > max {
        return None;
    }
    if n == 0 || m == 0 {
        return (n.max(m) <= max).then_some(n.max(m));
    }
    let w = m + 1;
    let mut prev2 = vec![0usize; w];
    let mut prev: Vec<usize> = (0..w).collect();
    let mut cur = vec![0usize; w];
    for i in 1..=n {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[m];
    (d <= max).then_some(d)
}

/// The derived-form endings, and the pairs of endings of one word (Latin plurals: -us / -i).
type SuffixData = (Vec<&'static str>, Vec<(&'static str, &'static str)>);

fn suffix_data() -> &'static SuffixData {
    static S: OnceLock<SuffixData> = OnceLock::new();
    S.get_or_init(|| {
        let mut single = Vec::new();
        let mut pairs = Vec::new();
        for l in lexicon::lines(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/rules/names/derived_suffixes.txt"
        ))) {
            match l.split_once('|') {
                Some((x, y)) => pairs.push((x.trim(), y.trim())),
                None => single.push(l),
            }
        }
        (single, pairs)
    })
}

fn suffixes() -> &'static [&'static str] {
    &suffix_data().0
}

/// True if one spelling is a form of the other (plural, -ism, -ist, -ites, -ian, …) or both
/// are forms of one stem (Stalinist / Stalinism). Works on folds.
pub fn related_forms(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let sufs = suffixes();
    if let Some(rest) = long.strip_prefix(short) {
        // A one-letter ending that repeats the last letter is a doubled letter (Habermas /
        // Habermass, Baldwin / Baldwinn), and one other than a plural -s needs a base that is a
        // word in its own right (Russia / Russian, Israel / Israeli; not Wharto / Wharton).
        let one = rest.chars().count() == 1;
        if sufs.contains(&rest)
            && !(one && short.ends_with(rest))
            && (!one || rest == "s" || known_base(short))
        {
            return true;
        }
    }
    // Canada / Canadian, Italy / Italian, Europe / European: the base drops a final vowel.
    if let Some(last) = short.chars().last() {
        if "aeiouy".contains(last) && short.len() > 3 {
            let base = &short[..short.len() - 1];
            if let Some(rest) = long.strip_prefix(base) {
                // The ending replaces the vowel (Canada / Canadian); one that begins with it
                // only adds letters, and is the rule above (Hofstadte / Hofstadter is a slip).
                if rest.len() >= 2 && sufs.contains(&rest) && !rest.starts_with(last) {
                    return true;
                }
            }
        }
    }
    // Singular and plural of a Latin or Greek name: Lactococcus / Lactococci.
    for &(x, y) in &suffix_data().1 {
        for (p, q) in [(a, b), (b, a)] {
            if let (Some(s1), Some(s2)) = (p.strip_suffix(x), q.strip_suffix(y)) {
                if s1 == s2 && s1.len() >= 3 {
                    return true;
                }
            }
        }
    }
    // Two forms of one stem (Stalinist / Stalinism): strip a long ending from each. Endings
    // that differ only in vowels (-ean / -ian, -es / -ese) are one ending misspelled.
    for sa in sufs.iter().filter(|s| s.len() >= 2) {
        let Some(stem) = a.strip_suffix(sa) else {
            continue;
        };
        if stem.chars().count() < 3 {
            continue;
        }
        if let Some(rest) = b.strip_prefix(stem) {
            if rest.len() >= 2
                && rest != *sa
                && sufs.contains(&rest)
                && consonants(rest) != consonants(sa)
            {
                return true;
            }
        }
    }
    false
}

/// True if a fold is a word the dictionary knows, in lowercase or capitalised (russia → Russia).
fn known_base(fold: &str) -> bool {
    let mut c = fold.chars();
    let cap: String = c
        .next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default();
    lexicon::is_dictionary_word(fold) || lexicon::is_dictionary_word(&cap)
}

fn consonants(s: &str) -> String {
    s.chars().filter(|c| !"aeiouy".contains(*c)).collect()
}

struct Rule {
    from: &'static str,
    to: &'static str,
    start: bool,
    end: bool,
    inner: bool,
}

fn rules() -> &'static [Rule] {
    static R: OnceLock<Vec<Rule>> = OnceLock::new();
    R.get_or_init(|| {
        lexicon::lines(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/rules/names/transliteration.txt"
        )))
        .filter_map(|l| {
            let (from, to) = l.split_once("->")?;
            let (mut from, to) = (from.trim(), to.trim());
            let start = from.starts_with('^');
            let inner = from.starts_with('_');
            from = from.trim_start_matches(['^', '_']);
            let end = from.ends_with('$');
            from = from.trim_end_matches('$');
            (!from.is_empty()).then_some(Rule {
                from,
                to,
                start,
                end,
                inner,
            })
        })
        .collect()
    })
}

/// Applies the transliteration rules to a fold.
pub fn transliterate(fold: &str) -> String {
    let mut s = fold.to_string();
    for r in rules() {
        if r.start {
            if let Some(rest) = s.strip_prefix(r.from) {
                s = format!("{}{}", r.to, rest);
            }
        } else if r.end {
            if let Some(rest) = s.strip_suffix(r.from) {
                s = format!("{}{}", rest, r.to);
            }
        } else if s.contains(r.from) {
            if r.inner {
                // Keep the first character as it is.
                let Some(first) = s.chars().next() else {
                    continue;
                };
                let k = first.len_utf8();
                s = format!("{}{}", &s[..k], s[k..].replace(r.from, r.to));
            } else {
                s = s.replace(r.from, r.to);
            }
        }
    }
    s
}

/// Removes immediate letter doublings: "carribean" → "caribean".
fn undouble(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last = None;
    for c in s.chars() {
        if Some(c) != last {
            out.push(c);
        }
        last = Some(c);
    }
    out
}

/// The lowercase fold of a word without diacritics, and the alternative with umlauts written
/// out (ä → ae). Apostrophes and combining marks are dropped.
pub fn fold2(word: &str) -> (String, String) {
    let mut a = String::with_capacity(word.len());
    let mut b = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        if lexicon::fold::is_combining(c) || c == '\'' || c == '\u{2019}' || c == '\u{2018}' {
            continue;
        }
        match c {
            'ä' => {
                a.push('a');
                b.push_str("ae");
            }
            'ö' => {
                a.push('o');
                b.push_str("oe");
            }
            'ü' => {
                a.push('u');
                b.push_str("ue");
            }
            _ => {
                let at = a.len();
                lexicon::fold::push_folded(c, &mut a);
                b.push_str(&a[at..]);
            }
        }
    }
    (a, b)
}

/// The lowercase fold of a word (see [`fold2`]).
pub fn fold(word: &str) -> String {
    fold2(word).0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cmp(a: &str, b: &str) -> Option<Kind> {
        compare(&Key::new(a), &Key::new(b)).map(|s| s.kind)
    }

    #[test]
    fn folds() {
        assert_eq!(fold("Gödel"), "godel");
        assert_eq!(fold2("Müller").1, "mueller");
        assert_eq!(fold("O’Brien"), "obrien");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("e\u{301}cole"), "ecole");
    }

    #[test]
    fn distances() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(osa_bounded(&c("kamanev"), &c("kamaney"), 3), Some(1));
        assert_eq!(osa_bounded(&c("tolkein"), &c("tolkien"), 3), Some(1));
        assert_eq!(osa_bounded(&c("abc"), &c("abcdefg"), 3), None);
        assert_eq!(osa_bounded(&c("austria"), &c("australia"), 3), Some(2));
        assert_eq!(osa_bounded(&c(""), &c("ab"), 3), Some(2));
    }

    #[test]
    fn one_name() {
        assert_eq!(cmp("Gödel", "Godel"), Some(Kind::Diacritics));
        assert_eq!(cmp("Müller", "Mueller"), Some(Kind::Diacritics));
        assert_eq!(cmp("Zinoviev", "Zinovyev"), Some(Kind::Transliteration));
        assert_eq!(
            cmp("Tchaikovsky", "Chaikovski"),
            Some(Kind::Transliteration)
        );
        assert_eq!(cmp("Dostoevsky", "Dostoevski"), Some(Kind::Transliteration));
        assert_eq!(
            cmp("Rachmaninoff", "Rachmaninov"),
            Some(Kind::Transliteration)
        );
        assert_eq!(cmp("Tolkein", "Tolkien"), Some(Kind::Transposition));
        assert_eq!(cmp("Carribean", "Caribbean"), Some(Kind::Doubling));
        assert_eq!(cmp("Kamaney", "Kamanev"), Some(Kind::OneEdit));
        assert!(cmp("Ghandi", "Gandhi").is_some());
        assert!(cmp("Massachussets", "Massachusetts").is_some());
        assert_eq!(cmp("Microfost", "Microsoft"), Some(Kind::FewEdits));
        // Spelled by ear: three letters apart, the same sound, both rare.
        assert_eq!(cmp("Aleksandrov", "Alexandrof"), Some(Kind::FewEdits));
    }

    #[test]
    fn not_one_name() {
        assert_eq!(cmp("Stalin", "Stalinism"), None);
        assert_eq!(cmp("Stalinist", "Stalinism"), None);
        assert_eq!(cmp("Bukharin", "Bukharinites"), None);
        assert_eq!(cmp("Soviet", "Soviets"), None);
        assert_eq!(cmp("Canada", "Canadian"), None);
        assert_eq!(cmp("Marxist", "Marxian"), None);
        assert_eq!(cmp("Lactococcus", "Lactococci"), None);
        assert_eq!(cmp("Provincializing", "Provincialising"), None);
        assert_eq!(cmp("LabScribe", "Labscribe"), Some(Kind::Case));
        assert!(cmp("Atheneans", "Athenians").is_some());
        assert!(cmp("Portugues", "Portuguese").is_some());
        assert!(cmp("Carthagian", "Carthaginian").is_some());
        assert_eq!(cmp("Jackson", "Jacobson"), None);
        assert_eq!(cmp("Austria", "Australia"), None);
        assert_eq!(cmp("Iran", "Iraq"), None);
        assert_eq!(cmp("Lenin", "Stalin"), None);
        // Three letters apart in a name the census knows: two names, however alike they sound.
        assert_eq!(cmp("Alexander", "Aleksandar"), None);
    }
}
