crate::rule::declare_rule! {
    /// # typo
    ///
    /// **What it does.** Finds words of running prose that no English dictionary (US, British,
    /// Canadian, Australian) knows, and proposes ranked corrections: first the correction of a known
    /// human misspelling ("recieve" → receive), then dictionary words one slip away, closest first
    /// (a swapped pair of letters, a doubled letter, a similar-sounding letter), preferring words the
    /// essay itself uses. A lowercase word that only exists capitalised ("america") is left to the
    /// capitalisation rule `lowercase-proper`.
    ///
    /// **Why it matters.** A misspelled word is the first thing a reader notices and the cheapest
    /// to fix.
    ///
    /// **Example.**
    ///
    /// ```text
    /// ultimately leaving the two in a period of quazi-joint rule.
    ///                                           ^^^^^ `quazi` is not in the dictionary; did you mean `quasi`?
    /// ```
    ///
    /// Also reported: an initialism written as a word ("Dna", "Ceo" → DNA, CEO), and known
    /// misspellings in headings and in title-case titles ("The Cheif Recieved a Letter").
    ///
    /// Not reported:
    /// - capitalised words in mid-sentence that no dictionary knows: names, checked by the `names`
    ///   rules (a known misspelling in a title is the exception);
    /// - initialisms (NEP, USSR), words with digits, Roman numerals, numbers, ordinals and decades
    ///   (12th, 1930s, 1920’s), short lowercase abbreviations and symbols (df, tv);
    /// - possessives and contractions of known words (Stalin’s, doesn't), and elisions ('tis);
    /// - hyphenated compounds whose parts are words, prefixes before a hyphen (co-, non-, quasi-)
    ///   and words broken by a hyphen at a line end (atten-tion);
    /// - words formed from dictionary words by a productive prefix or suffix, a regular inflection
    ///   or compounding (overindulging, bureaucratical, hornworm), and another national spelling of
    ///   a dictionary word (hemolymph);
    /// - URLs, e-mail addresses and file names; words in other scripts; the other words of
    ///   headings; the works-cited list;
    /// - foreign and old text: a sentence mostly in another language, a word beside two other
    ///   unknown words, a word after a foreign particle (de jure, per se), early modern spellings
    ///   (vnto, receiue, certaine); the species name after a genus (E. coli, Procyon lotor);
    /// - a lowercase word the essay uses more than once (smychka): a term of the field, unless it
    ///   is one small slip from a dictionary word the essay also uses.
    ///
    /// Severity: a known misspelling, or a word used once that is one slip (not at its very end)
    /// from a common word, is a warning; quoted text, a word beside another unknown word, a slip
    /// from a rare word and anything less certain is advice; an unknown word with no dictionary
    /// word one slip away is left alone. The correction is applied by `--fix` only when it is the
    /// single known correction (or a capital letter, or an initialism). Suggestions cost about a
    /// millisecond each and are bounded per document.
    ///
    /// **Options.** None. Words to accept go in the configuration: `accept = ["smychka"]` or
    /// `accept-file = "words.txt"`.
    ///
    /// **Fix safety.** Safe when there is exactly one known correction and the word is not quoted: the
    /// word is replaced by it, in the original's case; initialisms are upper-cased. With several
    /// candidates the corrections are suggestions only.
    pub struct Typo {
        name: "typo",
        category: Spelling,
        severity: Warning,
        summary: "a word no dictionary knows, with ranked corrections",
        fix: Safe,
    }
}
use crate::analysis::scan;
use crate::diagnostic::Diagnostic;
use crate::doc::Document;
use crate::lexicon::nonstandard;
use crate::lexicon::spell::FastMap;
use crate::lexicon::spell::{self, Budget, Known, Shape};
use crate::lexicon::{self};
use crate::rule::{Context, Rule};
use crate::Severity;

/// What is known of one lowercase word across the document.
#[derive(Default)]
struct Stat {
    /// Lowercase occurrences.
    lower: u32,
    /// Capitalised occurrences in mid-sentence.
    title_mid: u32,
    /// Capitalised occurrences at a sentence start.
    initial: u32,
    /// The first occurrence (token index).
    first: usize,
    known_lower: Option<bool>,
    known_title: Option<bool>,
    /// The word is an initialism the dictionaries know only in capitals (DNA).
    initialism: Option<String>,
}

/// The distinct words of a document: an index by lowercase form and their statistics.
struct Words<'a> {
    index: FastMap<&'a str, u32>,
    list: Vec<(&'a str, Stat)>,
}

impl Words<'_> {
    fn get(&self, w: &str) -> Option<&Stat> {
        self.index.get(w).map(|&k| &self.list[k as usize].1)
    }
}

/// The verdict on an unknown word, decided once per document.
#[derive(Clone)]
enum Verdict {
    Silent,
    Report {
        severity: Severity,
        message: String,
        suggestions: Vec<String>,
        /// Safe to apply automatically.
        fix: bool,
        /// A token where the suggested word appears (the essay's own spelling).
        related: Option<usize>,
        /// The correction is the capitalised form.
        capitalise: bool,
    },
}

/// Particles of foreign phrases and names: the word after them is not a lowercased name.
const FOREIGN_PARTICLES: &[&str] = &[
    "de", "du", "des", "la", "le", "les", "el", "los", "las", "von", "van", "der", "den", "di",
    "da", "del", "della", "dos", "das", "ibn", "bin", "al", "et", "y", "e", "und", "per", "ad",
    "in", "sui", "sine",
];

/// The upper-case form of a short word that the dictionaries know only in capitals (DNA, CPU,
/// NASA), when the word is unknown as written.
fn initialism(key: &str, st: &Stat) -> Option<String> {
    let len = key.chars().count();
    if !(2..=5).contains(&len) || !key.is_ascii() || key.contains('\'') {
        return None;
    }
    // Known in lowercase or capitalised: not an initialism-only word.
    if st.known_lower == Some(true) || st.known_title == Some(true) {
        return None;
    }
    let upper = key.to_ascii_uppercase();
    let title = spell::match_case("A", key);
    (!spell::check(key) && !spell::check(&title) && spell::check(&upper)).then_some(upper)
}

/// Words that open foreign phrases in English prose (de jure, per se, ad nauseam).
const LATIN_PARTICLES: &[&str] = &[
    "de", "du", "des", "la", "le", "les", "el", "los", "las", "von", "van", "der", "den", "di",
    "da", "del", "della", "dos", "das", "et", "und", "ad", "sui", "sine", "per", "voces", "ex",
    "ab", "inter", "pro", "sub", "cum", "lingua", "terra", "res", "homo", "mea",
];

/// A word glued to an editorial bracket ("presse[s]", "e[verything]") or followed by an
/// apostrophe of elision ("runnin’").
fn edited_or_elided(doc: &Document, i: usize) -> bool {
    let n = doc.tokens.len();
    let glued_before = i > 0 && !doc.tokens[i].space_before;
    let glued_after = i + 1 < n && !doc.tokens[i + 1].space_before;
    glued_before && matches!(doc.tok(i - 1), "[" | "]")
        || glued_after && matches!(doc.tok(i + 1), "[" | "]" | "’" | "'")
}

/// A classification is a known word, unless it is only derived and a known misspelling
/// ("truely" = true + ly).
fn known(k: Known, key: &str) -> bool {
    match k {
        Known::Unknown => false,
        Known::Derived => spell::known_misspelling(key).is_none(),
        _ => true,
    }
}

/// How many other unknown lowercase words stand within six words of token `i`.
fn strange_neighbours(doc: &Document, strange: &[bool], i: usize) -> usize {
    let mut count = 0;
    for dir in [-1isize, 1] {
        let mut k = i as isize;
        let mut words = 0;
        while words < 6 {
            k += dir;
            if k < 0 || k as usize >= doc.tokens.len() {
                break;
            }
            let k_u = k as usize;
            let t = &doc.tokens[k_u];
            // Stop at a paragraph break.
            let boundary = if dir > 0 { k_u } else { k_u + 1 };
            if doc.tokens[boundary].newlines_before > 1 {
                break;
            }
            if t.is_wordlike() {
                words += 1;
                if strange[k_u] {
                    count += 1;
                }
            }
        }
    }
    count
}

/// Endings of Latin species names (the epithet after a genus: Escherichia coli).
const EPITHET_ENDINGS: &[&str] = &[
    "us", "um", "a", "is", "ae", "ii", "i", "es", "ensis", "oides", "ata", "ica", "ans", "ens",
    "alis", "aris", "iae", "ium", "ella", "ina", "ix", "ax", "ei", "ora", "x",
];

impl Rule for Typo {
    #[allow(clippy::needless_range_loop)] // token indices index several parallel tables
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        spell::prewarm();
        let doc = cx.doc;
        let sc = cx.scan();
        let n = doc.tokens.len();

        // Pass 1: count every checkable word by its lowercase form and shape.
        let mut words = Words {
            index: FastMap::default(),
            list: Vec::new(),
        };
        let mut shape_of: Vec<Option<Shape>> = vec![None; n];
        let mut id_of: Vec<u32> = vec![u32::MAX; n];
        for i in 0..n {
            // Headings are checked for known misspellings only (see pass 2).
            let heading = doc.tokens[i].is_word()
                && sc.is(i, scan::HEADING)
                && !sc.is(i, scan::CODE)
                && spell::known_misspelling(doc.lower(i)).is_some();
            if !sc.prose_word(doc, i) && !heading {
                continue;
            }
            let w = doc.tok(i);
            if !scan::checkable(w) {
                continue;
            }
            let sh = spell::shape(w);
            if matches!(sh, Shape::Upper | Shape::Mixed) {
                continue;
            }
            let key = doc.lower(i);
            // A prefix before a hyphen (co-operate, non-profit, quasi-religious).
            let (_, right) = scan::hyphen_neighbours(doc, i);
            if right && spell::is_prefix(key) {
                continue;
            }
            shape_of[i] = Some(sh);
            let id = *words.index.entry(key).or_insert_with(|| {
                words.list.push((
                    key,
                    Stat {
                        first: i,
                        ..Stat::default()
                    },
                ));
                (words.list.len() - 1) as u32
            });
            id_of[i] = id;
            let st = &mut words.list[id as usize].1;
            match sh {
                Shape::Lower => st.lower += 1,
                _ if sc.is(i, scan::INITIAL) => st.initial += 1,
                _ => st.title_mid += 1,
            }
        }

        // Which forms are known.
        let mut unknown_any = false;
        for (key, st) in words.list.iter_mut() {
            if cx.config.accepts(key) {
                st.known_lower = Some(true);
                st.known_title = Some(true);
                continue;
            }
            if st.lower > 0 {
                let k = known(spell::classify(key), key);
                st.known_lower = Some(k);
                unknown_any |= !k;
            }
            if st.title_mid + st.initial > 0 {
                let title = spell::match_case("A", key);
                let k = known(spell::classify(&title), key) || st.known_lower == Some(true);
                st.known_title = Some(k);
                unknown_any |= !k;
            }
        }
        if !unknown_any {
            return;
        }
        for (key, st) in words.list.iter_mut() {
            if st.known_lower == Some(false) || st.known_title == Some(false) {
                st.initialism = initialism(key, st);
            }
        }
        // Per token: is this occurrence unknown as written?
        let unknown_at = |i: usize| -> bool {
            let id = id_of[i];
            if id == u32::MAX {
                return false;
            }
            let st = &words.list[id as usize].1;
            match shape_of[i] {
                Some(Shape::Lower) => st.known_lower == Some(false),
                Some(_) => st.known_title == Some(false),
                None => false,
            }
        };

        // Sentences mostly made of unknown lowercase words are in another language.
        let foreign = foreign_sentences(doc, &shape_of, &unknown_at);

        // Unknown lowercase words that are not known misspellings: archaic or foreign text
        // when several stand close together.
        let strange: Vec<bool> = (0..n)
            .map(|i| {
                if shape_of[i] == Some(Shape::Lower) {
                    let key = doc.lower(i);
                    unknown_at(i)
                        && (spell::known_misspelling(key).is_none()
                            || spell::is_archaic_spelling(key))
                } else {
                    // A word in another script (Greek, Cyrillic) beside a transliteration.
                    doc.tokens[i].is_word() && !spell::is_latin_word(doc.tok(i))
                }
            })
            .collect();

        // Pass 2: report unknown occurrences.
        let mut verdicts: FastMap<&str, Verdict> = FastMap::default();
        let mut budget = Budget::default();
        for i in 0..n {
            let Some(sh) = shape_of[i] else { continue };
            if !unknown_at(i) {
                continue;
            }
            let key = doc.lower(i);
            let st = &words.list[id_of[i] as usize].1;
            if sc.sentence[i] != usize::MAX && foreign.get(sc.sentence[i]).copied() == Some(true) {
                continue;
            }
            if in_known_compound(doc, i) {
                continue;
            }
            let tok = doc.tok(i);
            if cx.config.accepts(tok) {
                continue;
            }
            let in_heading = sc.is(i, scan::NOT_PROSE);
            if in_heading && (sh == Shape::Upper || spell::known_misspelling(key).is_none()) {
                continue;
            }
            let neighbours = strange_neighbours(doc, &strange, i);
            if neighbours >= 2 || edited_or_elided(doc, i) {
                continue;
            }
            // An initialism written as a word: "Dna" or "dna" for DNA.
            if let Some(upper) = st.initialism.clone() {
                let initial = sc.is(i, scan::INITIAL);
                let (left, right) = scan::hyphen_neighbours(doc, i);
                // Lowercase two-letter words are symbols and abbreviations (tv, ie, ul).
                let lower_ok = sh == Shape::Lower && key.len() >= 3 && !left && !right;
                if lower_ok || sh != Shape::Lower && (initial || st.title_mid <= 1) {
                    let short = key.chars().count() <= 3;
                    let sev = if short && initial && sh != Shape::Lower {
                        Severity::Warning
                    } else {
                        Severity::Advice
                    };
                    let span = doc.tokens[i].span;
                    out.push(
                        cx.diag(span, format!("`{tok}` is an initialism: `{upper}`"))
                            .severity(sev)
                            .suggest(upper.clone())
                            .fix(span, upper),
                    );
                }
                continue;
            }
            // Capitalised words: names belong to the names rules. Only a capitalised known
            // misspelling ("Recieve" in a title) or a capitalised sentence opening whose
            // lowercase form the essay also uses is reported here.
            if sh != Shape::Lower {
                let misspelt = spell::known_misspelling(key).is_some();
                let lower_used = st.lower > 0 && st.known_lower == Some(false);
                let initial = sc.is(i, scan::INITIAL);
                let report = if lower_used && initial {
                    true
                } else if !misspelt
                    || attached_to_name(doc, i)
                    || author_year(doc, i)
                    || st.title_mid + st.initial >= 3
                {
                    // Not a known misspelling, or a name: hyphenated to another, in a citation,
                    // or recurring capitalised ("Abou El Fadl").
                    false
                } else if initial {
                    // A sentence opening; a name if the essay also capitalises it mid-sentence.
                    st.title_mid == 0
                } else {
                    // Mid-sentence only inside a run of capitalised words (a title).
                    title_context(doc, i)
                };
                if !report {
                    continue;
                }
            } else if is_epithet(doc, i, key, &words) {
                continue;
            }
            // "de jure", "per se", "voces magicae": a foreign phrase.
            if sh == Shape::Lower && i > 0 && LATIN_PARTICLES.contains(&doc.lower(i - 1)) {
                continue;
            }
            let verdict = verdicts
                .entry(key)
                .or_insert_with(|| decide(cx, key, st, &words, &mut budget))
                .clone();
            let Verdict::Report {
                mut severity,
                message,
                suggestions,
                fix,
                related,
                capitalise,
            } = verdict
            else {
                continue;
            };
            // "de novo", "du Laurens": a foreign particle, not a lowercased name.
            if capitalise && i > 0 && FOREIGN_PARTICLES.contains(&doc.lower(i - 1)) {
                continue;
            }
            if sc.is(i, scan::QUOTED)
                || neighbours == 1
                || sh != Shape::Lower && !sc.is(i, scan::INITIAL)
            {
                severity = Severity::Advice;
            }
            let span = doc.tokens[i].span;
            let mut d = cx.diag(span, message).severity(severity);
            for s in suggestions.iter().take(3) {
                d = d.suggest(spell::match_case(tok, s));
            }
            if fix && suggestions.len() == 1 && !sc.is(i, scan::QUOTED) {
                d = d.fix(span, spell::match_case(tok, &suggestions[0]));
            }
            if let Some(r) = related {
                if r != i {
                    d = d.related(doc.tokens[r].span, "spelled this way here");
                }
            }
            out.push(d);
        }
    }
}

/// Decides once per document what to say about an unknown lowercase word.
fn decide(
    cx: &Context<'_>,
    key: &str,
    st: &Stat,
    stats: &Words<'_>,
    budget: &mut Budget,
) -> Verdict {
    if nonstandard::lookup(key).is_some() || cx.config.accepts(key) {
        return Verdict::Silent;
    }
    let used = |w: &str| stats.get(w).is_some_and(|s| s.known_lower == Some(true));
    let count = st.lower + st.title_mid + st.initial;
    // A known misspelling.
    if let Some(corr) = spell::known_misspelling(key) {
        let good: Vec<String> = corr
            .iter()
            .filter(|c| spell::check(c) || c.split(' ').all(spell::check))
            .map(|c| c.to_string())
            .collect();
        if !good.is_empty() {
            let list = good
                .iter()
                .map(|g| format!("`{g}`"))
                .collect::<Vec<_>>()
                .join(" or ");
            let related = good
                .iter()
                .find_map(|g| {
                    stats
                        .get(g.as_str())
                        .filter(|s| s.known_lower == Some(true))
                })
                .map(|s| s.first);
            return Verdict::Report {
                severity: Severity::Warning,
                message: format!("`{key}` is a misspelling of {list}"),
                fix: good.len() == 1,
                suggestions: good,
                related,
                capitalise: false,
            };
        }
    }
    let len = key.chars().count();
    // Short words are abbreviations and symbols (df, tv, ul); elisions ('tis, wou'd) and
    // early modern spellings (vnto, receiue, certaine) come from quoted old texts: only known
    // misspellings are reported.
    if len <= 3 || key.contains('\'') || spell::is_archaic_spelling(key) {
        return Verdict::Silent;
    }
    // Only known capitalised (america → America): the capitalisation rule
    // `lowercase-proper` reports it.
    if st.lower > 0 && spell::check(&spell::match_case("A", key)) {
        return Verdict::Silent;
    }
    let in_doc = |w: &str| used(w);
    let sugg = spell::suggest(key, budget, &in_doc);
    let Some(best) = sugg.first() else {
        return Verdict::Silent;
    };
    // The slip itself, without the bonus for words the essay uses.
    let slip = spell::weighted_distance(key, &best.word.to_lowercase());
    let close = slip <= 1.0;
    let best_in_doc = used(&best.word);
    let common = best.word.split(' ').all(spell::is_common_word);
    // An edit of the last letter, or a letter added or dropped at the end, is an inflection or
    // a derivation more often than a slip.
    let prefix = key
        .bytes()
        .zip(best.word.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    let end_edit = prefix + 1 >= len.min(best.word.len());
    let severity = if count >= 2 {
        // A word used consistently is a term of the field (logoi beside logos), unless it is
        // one small slip (a swap, a doubled letter) from a word the essay also uses.
        if !(slip <= 0.7 && best_in_doc) {
            return Verdict::Silent;
        }
        Severity::Advice
    } else if close && (common || best_in_doc) && !end_edit {
        Severity::Warning
    } else if close && (common || best_in_doc || len >= 9 || slip <= 0.7) {
        Severity::Advice
    } else {
        return Verdict::Silent;
    };
    let related = if best_in_doc {
        stats.get(best.word.as_str()).map(|s| s.first)
    } else {
        None
    };
    Verdict::Report {
        severity,
        message: format!(
            "`{key}` is not in the dictionary; did you mean `{}`?",
            best.word
        ),
        suggestions: sugg.iter().take(3).map(|s| s.word.clone()).collect(),
        fix: false,
        related,
        capitalise: false,
    }
}

/// Part of a hyphenated name: "Groth-Marnat", "Sheung-Tak".
fn attached_to_name(doc: &Document, i: usize) -> bool {
    let (left, right) = scan::hyphen_neighbours(doc, i);
    let cap = |k: usize| spell::shape(doc.tok(k)) != Shape::Lower;
    left && cap(i - 2) || right && cap(i + 2)
}

/// An author in a citation: "(Autor:2000)", "Fiel, 2001", "(Groth 1990)".
fn author_year(doc: &Document, i: usize) -> bool {
    let n = doc.tokens.len();
    let after_paren = i > 0 && doc.tok(i - 1) == "(";
    let year_after = (i + 1..n.min(i + 3))
        .take_while(|&k| !doc.tokens[k].is_word())
        .any(|k| doc.tokens[k].kind == crate::doc::TokenKind::Number);
    after_paren || year_after
}

/// Capitalised words on both sides: a title in title case ("The Cheif Recieved a Letter").
fn title_context(doc: &Document, i: usize) -> bool {
    let word_at = |k: usize| doc.tokens[k].is_word();
    // A capitalised dictionary word ("The", "Letter"), not a name ("Khaled").
    let title_word = |k: usize| {
        spell::shape(doc.tok(k)) != Shape::Lower
            && (lexicon::is_function_word(doc.lower(k))
                || spell::check(doc.lower(k))
                || spell::known_misspelling(doc.lower(k)).is_some())
    };
    let prev = (i > 0 && word_at(i - 1)).then(|| i - 1);
    let next = (i + 1 < doc.tokens.len() && word_at(i + 1)).then_some(i + 1);
    prev.is_some_and(title_word) && next.is_none_or(title_word)
}

/// A hyphenated compound the dictionary knows as a whole (co-operate, x-ray), or a word broken
/// by a hyphen (atten-tion).
fn in_known_compound(doc: &Document, i: usize) -> bool {
    let (left, right) = scan::hyphen_neighbours(doc, i);
    if !left && !right {
        return false;
    }
    let start = if left { i - 2 } else { i };
    let end = if right { i + 2 } else { i };
    let span = doc.tokens[start].span.to(doc.tokens[end].span);
    let text = doc.slice(span);
    if text.len() > 60 {
        return false;
    }
    // The compound as a whole, or one word broken at a line end ("atten-tion").
    spell::check(text) || {
        let closed: String = text
            .chars()
            .filter(|c| *c != '-' && *c != '\u{2010}')
            .collect();
        spell::check(&closed)
    }
}

/// The species name after a genus: "E. coli", "Drosophila melanogaster", "Procyon lotor".
fn is_epithet(doc: &Document, i: usize, key: &str, stats: &Words<'_>) -> bool {
    if i == 0 {
        return false;
    }
    let prev = i - 1;
    let t = doc.tok(prev);
    let latin = EPITHET_ENDINGS.iter().any(|e| key.ends_with(e));
    if t == "." && prev >= 1 {
        let g = doc.tok(prev - 1);
        return latin || g.chars().count() <= 2 && g.chars().next().is_some_and(char::is_uppercase);
    }
    if !doc.tokens[prev].is_word() || spell::shape(t) != Shape::Title || t.chars().count() < 3 {
        return false;
    }
    // After an unknown capitalised word (a genus), or a known one with a Latin ending.
    let genus_unknown = stats
        .get(doc.lower(prev))
        .is_some_and(|s| s.known_title == Some(false));
    genus_unknown || latin && !lexicon::is_function_word(doc.lower(prev))
}

/// Sentences in which at least three words, and a quarter of the words, are unknown lowercase
/// words: another language, not a string of typos.
fn foreign_sentences(
    doc: &Document,
    shape_of: &[Option<Shape>],
    unknown_at: &dyn Fn(usize) -> bool,
) -> Vec<bool> {
    let mut out = vec![false; doc.sentences.len()];
    for (si, s) in doc.sentences.iter().enumerate() {
        let (mut words, mut unknown) = (0usize, 0usize);
        for i in s.tokens.clone() {
            if !doc.tokens[i].is_word() {
                continue;
            }
            words += 1;
            if shape_of[i] == Some(Shape::Lower)
                && unknown_at(i)
                && spell::known_misspelling(doc.lower(i)).is_none()
            {
                unknown += 1;
            }
        }
        out[si] = unknown >= 3 && unknown * 4 >= words;
    }
    out
}
