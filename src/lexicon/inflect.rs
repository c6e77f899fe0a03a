//! Inflection of English verbs and nouns: the forms a grammar rule suggests (went → go,
//! go → gone, student → students, students → student) and the number of a noun.
//!
//! Irregular verbs come from `rules/sentences/irregular_verbs.txt`, irregular plurals from
//! `rules/common/irregular_forms.txt`, noun classes (mass, invariant, plural-only, collective,
//! partitive) from `rules/grammar/nouns.txt`; regular forms are built by the suffix rules of
//! [`super::pos`] and checked against the dictionary. Input words are lowercase.

use super::{is_dictionary_word, lemma, lines, pos};
// Word-keyed tables on the fast word hasher (SipHash was a tenth of all CPU on long texts).
use crate::lexicon::spell::FastMap as HashMap;
use std::sync::OnceLock;

struct Verbs {
    /// base → (past forms, participle forms)
    irregular: HashMap<&'static str, (Vec<&'static str>, Vec<&'static str>)>,
    /// past or participle form → base
    base_of: HashMap<&'static str, &'static str>,
}

fn verbs() -> &'static Verbs {
    static V: OnceLock<Verbs> = OnceLock::new();
    V.get_or_init(|| {
        let mut irregular = HashMap::default();
        let mut base_of = HashMap::default();
        for line in lines(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/rules/sentences/irregular_verbs.txt"
        ))) {
            let mut it = line.split_whitespace();
            let (Some(base), Some(past), Some(part)) = (it.next(), it.next(), it.next()) else {
                continue;
            };
            let past: Vec<_> = past.split('|').collect();
            let part: Vec<_> = part.split('|').collect();
            for f in past.iter().chain(part.iter()) {
                base_of.entry(*f).or_insert(base);
            }
            irregular.insert(base, (past, part));
        }
        Verbs { irregular, base_of }
    })
}

/// Classes of nouns (see `rules/grammar/nouns.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NounClass {
    Mass,
    NeverPlural,
    Invariant,
    PluralOnly,
    Collective,
    Partitive,
    SingularInS,
}

fn noun_classes() -> &'static HashMap<&'static str, Vec<NounClass>> {
    static M: OnceLock<HashMap<&'static str, Vec<NounClass>>> = OnceLock::new();
    M.get_or_init(|| {
        let mut m: HashMap<&'static str, Vec<NounClass>> = HashMap::default();
        let mut class = None;
        for line in lines(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/rules/grammar/nouns.txt"
        ))) {
            if let Some(name) = line.strip_prefix('@') {
                class = match name.trim() {
                    "mass" => Some(NounClass::Mass),
                    "never_plural" => Some(NounClass::NeverPlural),
                    "invariant" => Some(NounClass::Invariant),
                    "plural_only" => Some(NounClass::PluralOnly),
                    "collective" => Some(NounClass::Collective),
                    "partitive" => Some(NounClass::Partitive),
                    "pl_s" => Some(NounClass::SingularInS),
                    _ => None,
                };
                continue;
            }
            if let Some(c) = class {
                for w in line.split_whitespace() {
                    m.entry(w).or_default().push(c);
                }
            }
        }
        m
    })
}

/// True if the lowercase noun belongs to the class.
pub fn noun_is(word: &str, class: NounClass) -> bool {
    noun_classes().get(word).is_some_and(|v| v.contains(&class))
}

/// Two maps of irregular nouns: plural → singular and singular → plural.
type PluralMaps = (
    HashMap<&'static str, &'static str>,
    HashMap<&'static str, &'static str>,
);

/// Irregular plural → singular and singular → plural.
fn irregular_plurals() -> &'static PluralMaps {
    static M: OnceLock<PluralMaps> = OnceLock::new();
    M.get_or_init(|| {
        let mut to_sg = HashMap::default();
        let mut to_pl = HashMap::default();
        let src = include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/rules/common/irregular_forms.txt"
        ));
        let nouns = src
            .split("# Nouns with irregular plurals")
            .nth(1)
            .and_then(|s| s.split("# Base forms").next())
            .unwrap_or("");
        for line in nouns.lines().map(str::trim) {
            let mut it = line.split_whitespace();
            if let (Some(sg), Some(pl)) = (it.next(), it.next()) {
                if sg.starts_with('#') {
                    continue;
                }
                // Static lifetime: the text is compiled in.
                to_sg.insert(pl, sg);
                to_pl.insert(sg, pl);
            }
        }
        (to_sg, to_pl)
    })
}

/// The grammatical number a noun form shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Number {
    Singular,
    Plural,
    /// Either (sheep, series, data) or not known.
    Unknown,
}

/// The number of a lowercase noun form, judged by its form alone.
pub fn noun_number(w: &str) -> Number {
    thread_local! { static M: super::memo::Memo<Number> = const { super::memo::Memo::new() }; }
    M.with(|m| m.get(w, noun_number_uncached))
}

fn noun_number_uncached(w: &str) -> Number {
    if w.is_empty() || !w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
        return Number::Unknown;
    }
    // Compounds: the last part decides (mother-in-law aside).
    if let Some((_, last)) = w.rsplit_once('-') {
        if w.contains("-in-") || last.len() < 3 {
            return Number::Unknown;
        }
        return noun_number(last);
    }
    if noun_is(w, NounClass::Invariant)
        || w.ends_with("fish")
        || w.ends_with("craft")
        || w.ends_with("wards")
        || w.ends_with("ics")
    {
        return Number::Unknown;
    }
    if noun_is(w, NounClass::PluralOnly) || noun_is(w, NounClass::NeverPlural) {
        return Number::Plural;
    }
    let (to_sg, to_pl) = irregular_plurals();
    if to_sg.contains_key(w) {
        return Number::Plural;
    }
    if to_pl.contains_key(w) || noun_is(w, NounClass::SingularInS) {
        return Number::Singular;
    }
    if let Some(n) = foreign_plural(w) {
        return n;
    }
    if w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
    {
        if singular_of(w).is_some() {
            return Number::Plural;
        }
        return Number::Unknown;
    }
    Number::Singular
}

/// Plurals the tables do not list, by their Latin, Greek, French or English pattern, checked
/// against the dictionary: loci (locus), hyphae, tableaux, matrices (matrix), phenomena
/// (phenomenon), cavalrymen (cavalryman), laypeople. A Latin -a plural of an -um noun (data,
/// media, strata, agenda) is used with either number: Unknown. None: not such a form.
fn foreign_plural(w: &str) -> Option<Number> {
    foreign_singular(w).map(|(_, n)| n)
}

/// The singular of a plural of [`foreign_plural`]'s kinds, and the number the form shows.
fn foreign_singular(w: &str) -> Option<(String, Number)> {
    let n = w.len();
    if n < 4 {
        return None;
    }
    if !["people", "men", "i", "ae", "eaux", "ices", "a"]
        .iter()
        .any(|e| w.ends_with(e))
    {
        return None;
    }
    let dict = |c: &str| is_dictionary_word(c);
    // A singular with a regular plural (sundae → sundaes, taxi → taxis, area → areas), or a
    // regular plural (prices → price), is not one of these.
    if dict(&format!("{w}s")) || w.ends_with('s') && dict(&w[..n - 1]) {
        return None;
    }
    if let Some(stem) = w.strip_suffix("people") {
        if !stem.is_empty() {
            return Some((format!("{stem}person"), Number::Plural));
        }
    }
    if let Some(stem) = w.strip_suffix("men") {
        let sg = format!("{stem}man");
        if stem.len() > 1 && dict(&sg) {
            return Some((sg, Number::Plural));
        }
    }
    if let Some(stem) = w.strip_suffix('i') {
        let sg = format!("{stem}us");
        if dict(&sg) {
            return Some((sg, Number::Plural));
        }
    }
    if let Some(stem) = w.strip_suffix("ae") {
        return Some((format!("{stem}a"), Number::Plural));
    }
    if let Some(stem) = w.strip_suffix("eaux") {
        return Some((format!("{stem}eau"), Number::Plural));
    }
    if let Some(stem) = w.strip_suffix("ices") {
        for end in ["ex", "ix"] {
            let sg = format!("{stem}{end}");
            if dict(&sg) {
                return Some((sg, Number::Plural));
            }
        }
    }
    if let Some(stem) = w.strip_suffix('a') {
        let on = format!("{stem}on");
        // criteria, phenomena, automata (not sexta → sexton)
        if (stem.ends_with('i') || stem.ends_with("en") || stem.ends_with("at")) && dict(&on) {
            return Some((on, Number::Plural));
        }
        let um = format!("{stem}um");
        if dict(&um) {
            return Some((um, Number::Unknown));
        }
    }
    None
}

/// The singular of a plural noun form (students → student, criteria → criterion), if it is one.
pub fn singular_of(w: &str) -> Option<String> {
    let (to_sg, _) = irregular_plurals();
    if let Some(s) = to_sg.get(w) {
        return Some((*s).to_string());
    }
    if let Some((sg, Number::Plural)) = foreign_singular(w) {
        return Some(sg);
    }
    if noun_is(w, NounClass::NeverPlural) {
        return Some(w[..w.len() - 1].to_string());
    }
    if !w.ends_with('s') || w.ends_with("ss") || noun_is(w, NounClass::SingularInS) {
        return None;
    }
    let l = lemma::lemma_lower(w);
    if l != w && plural_of(&l).as_deref() == Some(w) {
        return Some(l.into_owned());
    }
    None
}

/// The plural of a singular noun (student → students, study → studies, child → children).
pub fn plural_of(w: &str) -> Option<String> {
    let (_, to_pl) = irregular_plurals();
    if let Some(p) = to_pl.get(w) {
        return Some((*p).to_string());
    }
    if w.len() < 2 || !w.is_ascii() {
        return None;
    }
    let b = w.as_bytes();
    let n = b.len();
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let mut cands = Vec::with_capacity(2);
    if w.ends_with('s')
        || w.ends_with('x')
        || w.ends_with('z')
        || w.ends_with("ch")
        || w.ends_with("sh")
    {
        cands.push(format!("{w}es"));
    } else if b[n - 1] == b'y' && !vowel(b[n - 2]) {
        cands.push(format!("{}ies", &w[..n - 1]));
    } else if b[n - 1] == b'o' {
        cands.push(format!("{w}s"));
        cands.push(format!("{w}es"));
    } else {
        cands.push(format!("{w}s"));
    }
    cands.into_iter().find(|c| is_dictionary_word(c))
}

/// The base form of a verb form (went → go, studied → study, goes → go), if it is a verb form.
pub fn verb_base(w: &str) -> Option<String> {
    let v = verbs();
    match w {
        "is" | "am" | "are" | "was" | "were" | "been" | "being" => return Some("be".into()),
        "has" | "had" | "having" => return Some("have".into()),
        "does" | "did" | "done" | "doing" => return Some("do".into()),
        "goes" => return Some("go".into()),
        _ => {}
    }
    if v.irregular.contains_key(w) {
        return Some(w.to_string());
    }
    if let Some(b) = v.base_of.get(w) {
        return Some((*b).to_string());
    }
    if !pos::is(w, pos::ANY_VERB | pos::MAY_VERB) {
        return None;
    }
    let l = lemma::lemma_lower(w);
    if l == w {
        return Some(w.to_string());
    }
    // The lemma must inflect back to the form (stopped → stop, not "stopp").
    let (s, ed, ing) = pos::inflect(&l);
    (s == w
        || ed.iter().any(|e| e == w)
        || ing.iter().any(|g| g == w)
        || v.irregular.contains_key(l.as_ref()))
    .then(|| l.into_owned())
}

/// The past participle of a base verb (go → gone, build → built, use → used).
pub fn past_participle(base: &str) -> Option<String> {
    if let Some((_, part)) = verbs().irregular.get(base) {
        return part.first().map(|p| (*p).to_string());
    }
    let (_, ed, _) = pos::inflect(base);
    let n = ed.len();
    ed.into_iter()
        .enumerate()
        .find(|(i, e)| *i + 1 == n || is_dictionary_word(e))
        .map(|(_, e)| e)
}

/// The -s form of a base verb (go → goes, have → has, be → is, study → studies).
pub fn third_singular(base: &str) -> String {
    match base {
        "be" => "is".into(),
        "have" => "has".into(),
        "do" => "does".into(),
        _ => pos::inflect(base).0,
    }
}

/// An irregular simple past that is not also a participle of the verb (went, ate, took,
/// became): with the participle it should be (gone, eaten, taken, become).
pub fn participle_for_past(w: &str) -> Option<&'static str> {
    let v = verbs();
    let base = v.base_of.get(w)?;
    let (past, part) = v.irregular.get(base)?;
    (past.contains(&w) && !part.contains(&w)).then(|| part[0])
}

/// Irregular forms the tables list for `base`: (past forms, participles).
pub fn irregular_forms(base: &str) -> Option<(&'static [&'static str], &'static [&'static str])> {
    verbs()
        .irregular
        .get(base)
        .map(|(a, b)| (a.as_slice(), b.as_slice()))
}

/// A plural noun form that English uses as good as never, because its singular is an
/// uncountable noun ("researches", "medias", "equipments", "advices"): the singular to use
/// instead. Count/mass knowledge from usage data, not from a list: the -s form is the regular
/// plural of a frequent noun (among the 20,000 most frequent words of the frequency list,
/// `rules/spelling/word_frequency.txt`) and is at least 300 times rarer than it (a count noun's
/// plural is seldom below a tenth of its singular: companies/company ≈ 0.36). Words the noun
/// list knows to be plural-only, invariant or singular in -s are never judged.
pub fn mass_plural(w: &str) -> Option<String> {
    use super::spell::suggest::{frequency_rank, prior_of};
    if !w.ends_with('s')
        || w.ends_with("ss")
        || noun_is(w, NounClass::PluralOnly)
        || noun_is(w, NounClass::SingularInS)
        || noun_is(w, NounClass::Invariant)
    {
        return None;
    }
    let sg = singular_of(w).or_else(|| {
        let s = &w[..w.len() - 1];
        noun_is(s, NounClass::Invariant).then(|| s.to_string())
    })?;
    // "statuses", "processes": the plural of a singular in -s is a count noun's.
    if noun_is(&sg, NounClass::PluralOnly) || sg.len() < 3 || sg.ends_with('s') {
        return None;
    }
    let t = super::pos::tags(&sg);
    if t & (super::pos::NOUN | super::pos::MAY_NOUN) == 0
        || t & (super::pos::ADJ | super::pos::FUNCTION | super::pos::NUM | super::pos::ADV) != 0
    {
        return None;
    }
    if frequency_rank(&sg)? > 20_000 {
        return None;
    }
    // Costs are −ln(frequency): the plural is rarer by a factor e^(difference).
    let gap = prior_of(w)? - prior_of(&sg)?;
    (gap > 300f32.ln()).then_some(sg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs() {
        assert_eq!(verb_base("went").as_deref(), Some("go"));
        assert_eq!(verb_base("studied").as_deref(), Some("study"));
        assert_eq!(verb_base("goes").as_deref(), Some("go"));
        assert_eq!(verb_base("stopped").as_deref(), Some("stop"));
        assert_eq!(verb_base("consists").as_deref(), Some("consist"));
        assert_eq!(past_participle("go").as_deref(), Some("gone"));
        assert_eq!(past_participle("build").as_deref(), Some("built"));
        assert_eq!(past_participle("use").as_deref(), Some("used"));
        assert_eq!(past_participle("stop").as_deref(), Some("stopped"));
        assert_eq!(past_participle("visit").as_deref(), Some("visited"));
        assert_eq!(third_singular("study"), "studies");
        assert_eq!(participle_for_past("went"), Some("gone"));
        assert_eq!(participle_for_past("took"), Some("taken"));
        assert_eq!(participle_for_past("built"), None);
    }

    #[test]
    fn nouns() {
        assert_eq!(noun_number("students"), Number::Plural);
        assert_eq!(noun_number("student"), Number::Singular);
        assert_eq!(noun_number("children"), Number::Plural);
        assert_eq!(noun_number("species"), Number::Unknown);
        assert_eq!(noun_number("analysis"), Number::Singular);
        assert_eq!(noun_number("bus"), Number::Singular);
        assert_eq!(noun_number("people"), Number::Plural);
        assert_eq!(noun_number("studies"), Number::Plural);
        assert_eq!(noun_number("loci"), Number::Plural);
        assert_eq!(noun_number("hyphae"), Number::Plural);
        assert_eq!(noun_number("tableaux"), Number::Plural);
        assert_eq!(noun_number("cavalrymen"), Number::Plural);
        assert_eq!(noun_number("laypeople"), Number::Plural);
        assert_eq!(noun_number("matrices"), Number::Plural);
        assert_eq!(noun_number("strata"), Number::Unknown);
        assert_eq!(noun_number("area"), Number::Singular);
        assert_eq!(noun_number("taxi"), Number::Singular);
        assert_eq!(noun_number("omen"), Number::Singular);
        assert_eq!(singular_of("loci").as_deref(), Some("locus"));
        assert_eq!(singular_of("cavalrymen").as_deref(), Some("cavalryman"));
        assert_eq!(plural_of("study").as_deref(), Some("studies"));
        assert_eq!(plural_of("reason").as_deref(), Some("reasons"));
        assert_eq!(plural_of("box").as_deref(), Some("boxes"));
        assert_eq!(plural_of("child").as_deref(), Some("children"));
        assert_eq!(singular_of("reasons").as_deref(), Some("reason"));
        assert_eq!(singular_of("informations").as_deref(), Some("information"));
        assert!(noun_is("information", NounClass::Mass));
        assert!(noun_is("lot", NounClass::Partitive));
        assert!(noun_is("species", NounClass::Invariant));
    }
}
