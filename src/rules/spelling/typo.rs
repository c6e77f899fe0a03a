crate::rule::declare_rule! {
    /// # typo
    ///
    /// **What it does.** Reports every word of running prose that no English dictionary (US,
    /// British, Canadian, Australian Hunspell, the VARCON variants, the configuration's `accept`)
    /// knows, unless the document shows it is not a misspelling, and ranks corrections by a
    /// noisy-channel score: the correction of a known human misspelling ("recieve" → receive)
    /// first, then dictionary words within two edits, sounding the same (Double Metaphone) or
    /// one spelling of a sound away ("enuf" → enough, "nite" → night), scored by how people
    /// misspell (keyboard neighbours, transposed, doubled and dropped letters, vowels, silent
    /// letters, a spelling of a sound for another, a regular ending on the wrong stem: "babys"
    /// → babies) and by how frequent each word is, preferring words the essay itself uses. Words run together are reported with their split ("infact" → "in
    /// fact").
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
    /// A derived form is accepted only when a dictionary's affix rules list it, or when English
    /// spelling rules form it from a rare dictionary word whose inflections the dictionary does
    /// not list (pipetting, opsonized): "familys", "studyed", "happyness", "occured" are
    /// reported, since the dictionaries spell families, studied, happiness, occurred.
    ///
    /// Not reported (the document's evidence that a word is not a misspelling):
    /// - capitalised words in mid-sentence that no dictionary knows: names, checked by the `names`
    ///   rules (a known misspelling in a title is the exception); lowercase forms of words the
    ///   dictionaries know only capitalised (monday, english), left to the capitalisation rule;
    /// - initialisms (NEP, USSR), words with digits, Roman numerals, numbers, ordinals and decades
    ///   (12th, 1930s, 1920’s), two-letter words and short words without a vowel (df, tv, mgs);
    ///   words of three letters unless one slip from a common word;
    /// - possessives and contractions of known words (Stalin’s, doesn't), and elisions ('tis);
    /// - hyphenated compounds whose parts are words, prefixes before a hyphen (co-, non-, quasi-)
    ///   and words broken by a hyphen at a line end (atten-tion);
    /// - words formed by a productive prefix or suffix (overindulging, bureaucratical), two
    ///   content words written together (hornworm), another national spelling of a dictionary
    ///   word (hemolymph);
    /// - URLs, e-mail addresses and file names; words in other scripts; the other words of
    ///   headings; the works-cited list; a word quoted on its own (a term mentioned);
    /// - foreign and old text: a sentence in another language (three or more unknown words and a
    ///   quarter of its words, with two foreign function words or over half unknown), a word
    ///   after a foreign particle (de jure, per se), a word beside two early modern spellings
    ///   (vnto, receiue, certaine); the species name after a genus (E. coli) or a Latin noun
    ///   (corpus allata), and a capitalised word before a species name or beside another unknown
    ///   capitalised word (Rania pipiens, Manduca Sexta);
    /// - a word the essay uses more than once that is near no dictionary word (smychka): a term
    ///   of the field. A repeated word near a dictionary word is a repeated misspelling.
    ///
    /// Severity: a known misspelling, or a word one slip from a dictionary word (error cost at most
    /// 1, a capitalised candidate not counting), is a warning. What else to say depends on how
    /// carefully the document is spelled: where 1.5% or more of the running words are distinct
    /// unknown words (each alone in its sentence and without a Latin ending), or 0.4% known
    /// misspellings, a word two slips from a word, or sounding like one, or short, is a warning
    /// too; in a carefully spelled document such a word is as likely a term, a foreign or an old
    /// word, and is advice; there, too, words in quotations, in a sentence with another unknown
    /// word, early modern spellings and words with Latin or Greek endings (-us, -um, -ae, -oi,
    /// -tio, -es) are advice. Wherever it stands, a word of a two-word term the text writes twice
    /// or more (an unknown word beside another or beside a capitalised word: "manduca sexta"), is
    /// advice; where misspellings are frequent, so is a word used three times or more, built as
    /// terms are (a combining form before a dictionary word: myo + gram) and with no lowercase
    /// word one slip away. Where misspellings are frequent, a capitalised word one slip from a
    /// word ("Pollce") is reported as a slip unless it recurs capitalised or stands in a citation.
    /// Advice also for words alone in parentheses, capitalised at a sentence start, and long words
    /// near no dictionary word.
    /// Every reported word gets up to five ranked suggestions: nothing caps them per
    /// document (the candidate search is a few microseconds a word).
    ///
    /// **Options.** None. Words to accept go in the configuration: `accept = ["smychka"]` or
    /// `accept-file = "words.txt"`.
    ///
    /// **Fix safety.** `--fix` applies a correction, in the original's case and never inside a
    /// quotation, when it is the single known correction of a known misspelling, or when the best
    /// candidate is one slip away (error cost at most 1) and its score is at least 4 nats (a
    /// factor of about 50 in probability) ahead of the next candidate's; initialisms are
    /// upper-cased. Otherwise the corrections are suggestions only.
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
use crate::lexicon::spell::{self, Known, Shape};
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
    /// The lowercase form is accepted only as derived (a compound, an inflection, a prefix or
    /// suffix before a dictionary word).
    derived: bool,
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
        /// The score of each suggestion (`f32::NEG_INFINITY` for one that must stay first: a
        /// known correction), for the re-ranking in context.
        scores: Vec<f32>,
        /// Safe to apply automatically.
        fix: bool,
        /// A token where the suggested word appears (the essay's own spelling).
        related: Option<usize>,
        /// The correction is the capitalised form.
        capitalise: bool,
        /// The error cost of the best correction (`f32::MAX` if none).
        cost: f32,
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
/// ("truely" = true + ly), or only derived and one likely slip from a frequent word: "warking"
/// is war + king by the compounding rule, but far more often "working" mistyped.
fn known(k: Known, key: &str, cache: &Cache) -> bool {
    match k {
        Known::Unknown => false,
        Known::Derived => {
            spell::known_misspelling(key).is_none()
                && !slip_of_frequent(key, cache, 0.7, 16.0, true)
        }
        _ => true,
    }
}

/// Score (nats: error and prior, see `spell::suggest`) under which, in a carelessly spelled
/// document, a slip from a word of the frequency list explains a derived form better than the
/// derivation ("differcult", "telphoned", "gamekeeps"): about one and a half slips from a word
/// of rank 5,000.
const CARELESS_DERIVED_SCORE: f32 = 22.0;

/// The best single-word lowercase candidate is frequent, at most `max_cost` away (0.7 in
/// any document, one close slip: "predictivity" is not two vowels from productivity), and
/// scores under `max_score` (16 nats in any document: about the score of one slip, 6 nats,
/// from a word of rank 10,000). The regular formations stay words whatever is near them: a plural
/// or third person of a dictionary word (year-olds), a prefix before a dictionary word
/// (exosystem, demarks), and a consonant doubled or not before an ending (benefitting).
/// With `frequent_only` false any word of the frequency list will do, the score deciding.
fn slip_of_frequent(
    key: &str,
    cache: &Cache,
    max_cost: f32,
    max_score: f32,
    frequent_only: bool,
) -> bool {
    let n = key.len();
    // (A prefix before a word is a slip too where misspellings are frequent: "prerents".)
    if !key.is_ascii()
        || key
            .strip_suffix('s')
            .is_some_and(|s| s.len() >= 3 && spell::check(s))
        || frequent_only
            && (2..=5.min(n.saturating_sub(4)))
                .any(|k| spell::is_prefix(&key[..k]) && spell::check(&key[k..]))
    {
        return false;
    }
    let undoubled = |w: &str| {
        let mut v: Vec<u8> = w.bytes().collect();
        v.dedup();
        v
    };
    raw_for(cache, key)
        .iter()
        .take(10)
        .find(|s| !s.word.contains(' ') && spell::shape(&s.word) == Shape::Lower)
        .is_some_and(|s| {
            s.cost <= max_cost
                && s.score <= max_score
                && (!frequent_only || spell::is_frequent_word(&s.word))
                && undoubled(&s.word) != undoubled(key)
        })
}

/// Nats by which a frequent word one close slip away must beat a rare dictionary word's own
/// prior for the rare word to be taken, in a carelessly spelled document, for a slip ("lory"
/// for lorry, "nots" for notes): a factor of about 20,000. (Rare words of the frequency list
/// are left alone: children's and everyday words, beak or bunk, are rare in books and as
/// close to frequent words as the slips are.)
const RARE_WORD_EVIDENCE: f32 = 10.0;

/// The best frequent lowercase single-word candidate one slip from `key`, and how many nats
/// its score beats the prior of `key` itself (a word missing from the frequency list has the
/// rare prior of the suggestion lexicon).
fn slip_evidence(sugg: &[spell::Suggestion], key: &str) -> Option<(usize, f32)> {
    let own = spell::suggest::prior_of(key).unwrap_or(spell::suggest::RARE_PRIOR);
    sugg.iter()
        .position(|s| {
            !s.word.contains(' ')
                && spell::shape(&s.word) == Shape::Lower
                && s.cost <= 1.0
                && spell::is_frequent_word(&s.word)
                && !is_variant_of(key, &s.word)
        })
        .map(|k| (k, own - sugg[k].score))
}

/// Lowercase uses of `key` and of its inflections in the text: words that are `key` plus an
/// inflectional ending, or `key` minus one (molt, molts, molted, molting, molter).
fn family_uses(words: &Words<'_>, key: &str) -> u32 {
    const ENDINGS: [&str; 6] = ["s", "es", "ed", "ing", "er", "ers"];
    let stem = ENDINGS
        .iter()
        .filter_map(|e| key.strip_suffix(e))
        .filter(|s| s.len() >= 3)
        .max_by_key(|s| s.len());
    let mut total = 0;
    for (w, st) in &words.list {
        let related = *w == key
            || ENDINGS.iter().any(|e| {
                w.strip_suffix(e) == Some(key) || stem.is_some_and(|s| w.strip_suffix(e) == Some(s))
            })
            || stem == Some(*w);
        if related {
            total += st.lower;
        }
    }
    total
}

/// Lowercase uses of longer words that are a dictionary word of three letters or more joined
/// to `key` or to its plural (hornworms, earthworm for worm; mothballs for moth): a text that
/// builds compounds on a word uses the word itself.
fn compound_uses(words: &Words<'_>, key: &str) -> u32 {
    if key.len() < 3 {
        return 0;
    }
    let plural = format!("{key}s");
    let mut total = 0;
    for (w, st) in &words.list {
        if st.lower == 0 || w.len() < key.len() + 3 || !w.is_ascii() {
            continue;
        }
        let part = |rest: &str| rest.len() >= 3 && spell::check(rest);
        let joined = [key, plural.as_str()]
            .iter()
            .any(|k| w.strip_suffix(k).is_some_and(part) || w.strip_prefix(k).is_some_and(part));
        if joined {
            total += st.lower;
        }
    }
    total
}

/// A dictionary word of six letters or more with a Latin noun ending (not the English plural
/// -es) that the frequency list lacks: a term of a science (soleus, a muscle of the calf), written
/// on purpose, not a slip of a common word.
fn latin_term(key: &str) -> bool {
    key.len() >= 6
        && LATIN_ENDINGS.iter().any(|e| *e != "es" && key.ends_with(e))
        && spell::suggest::prior_of(key).is_none()
}

/// The least prior (nats) of the other spellings of `key` in VARCON that the frequency list
/// has (fibres for fibers, moulting for molting, anaesthetic for anesthetic).
fn variant_prior(key: &str) -> Option<f32> {
    spell::variants::lookup(key).and_then(|info| {
        info.alternatives
            .iter()
            .filter_map(|a| spell::suggest::prior_of(a.0))
            .min_by(f32::total_cmp)
    })
}

/// True if `cand` is another spelling of `key` in VARCON (fibres of fibers): a matter of
/// dialect, never a slip.
fn is_variant_of(key: &str, cand: &str) -> bool {
    spell::variants::lookup(key).is_some_and(|info| info.alternatives.iter().any(|a| a.0 == cand))
}

/// The prior (nats) of a dictionary word for the context check: its own, or that of another
/// spelling of it in VARCON (anesthetic, missing from the frequency list, is as frequent as
/// anaesthetic), or the rare prior of the suggestion lexicon.
fn context_prior(key: &str) -> f32 {
    match (spell::suggest::prior_of(key), variant_prior(key)) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b).unwrap_or(spell::suggest::RARE_PRIOR),
    }
}

/// [`slip_evidence`] for a rare dictionary word: the candidate must be a close slip (error
/// cost at most 0.7: a doubled letter, a vowel, a neighbouring key, a transposition).
fn rare_slip_evidence(sugg: &[spell::Suggestion], key: &str) -> Option<(usize, f32)> {
    slip_evidence(sugg, key).filter(|&(k, _)| sugg[k].cost <= 0.7)
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
        let doc = cx.doc;
        let sc = cx.scan();
        let n = doc.tokens.len();

        // Sentences written in capitals ("WE SIT IN THE GARDON"): their unknown words are
        // checked as lowercase words (elsewhere an all-capital word is an initialism).
        let shouted: Vec<bool> = doc
            .sentences
            .iter()
            .map(|s| {
                let (mut words, mut upper) = (0usize, 0usize);
                for k in s.tokens.clone() {
                    let t = doc.tok(k);
                    if doc.tokens[k].is_word()
                        && t.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    {
                        words += 1;
                        upper += usize::from(spell::shape(t) == Shape::Upper);
                    }
                }
                upper >= 3 && upper * 4 >= words * 3
            })
            .collect();

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
            let mut sh = spell::shape(w);
            if sh == Shape::Upper
                && w.chars().count() >= 3
                && sc.sentence[i] != usize::MAX
                && shouted.get(sc.sentence[i]).copied() == Some(true)
            {
                // Known as written (NASA, GARDEN): nothing to check.
                if spell::check(w) {
                    continue;
                }
                sh = Shape::Lower;
            }
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
        let cache = Cache::default();
        let mut unknown_any = false;
        for (key, st) in words.list.iter_mut() {
            if cx.config.accepts(key) {
                st.known_lower = Some(true);
                st.known_title = Some(true);
                continue;
            }
            if st.lower > 0 {
                let class = spell::classify(key);
                let k = known(class, key, &cache);
                st.known_lower = Some(k);
                st.derived = k && class == Known::Derived;
                unknown_any |= !k;
            }
            if st.title_mid + st.initial > 0 {
                let title = spell::match_case("A", key);
                let k = known(spell::classify(&title), key, &cache) || st.known_lower == Some(true);
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

        // Early modern spellings and words in other scripts: old or foreign text when several
        // stand close together (a string of modern misspellings is still reported).
        let strange: Vec<bool> = (0..n)
            .map(|i| {
                if shape_of[i] == Some(Shape::Lower) {
                    let key = doc.lower(i);
                    unknown_at(i) && spell::is_early_modern_spelling(key)
                } else {
                    // A word in another script (Greek, Cyrillic) beside a transliteration.
                    doc.tokens[i].is_word() && !spell::is_latin_word(doc.tok(i))
                }
            })
            .collect();

        // Paragraphs of old text: two or more distinct early modern spellings (vnto, nyght,
        // certaine) in one paragraph. Their other unknown words are old words or names too.
        let para_of = |i: usize| {
            let si = sc.sentence[i];
            (si != usize::MAX).then(|| doc.sentences[si].paragraph)
        };
        let mut archaic_in_para: FastMap<usize, Vec<&str>> = FastMap::default();
        for i in 0..n {
            if strange[i] && shape_of[i] == Some(Shape::Lower) {
                if let Some(p) = para_of(i) {
                    let v = archaic_in_para.entry(p).or_default();
                    if !v.contains(&doc.lower(i)) {
                        v.push(doc.lower(i));
                    }
                }
            }
        }
        let old_text = |i: usize| {
            para_of(i).is_some_and(|p| archaic_in_para.get(&p).is_some_and(|v| v.len() >= 2))
        };

        // Sentences with two or more unknown lowercase words.
        let mut unknown_in_sentence: FastMap<usize, u32> = FastMap::default();
        for i in 0..n {
            if shape_of[i] == Some(Shape::Lower) && unknown_at(i) && sc.sentence[i] != usize::MAX {
                *unknown_in_sentence.entry(sc.sentence[i]).or_default() += 1;
            }
        }
        // How carefully the document is spelled: the share of its running words that are
        // distinct unknown lowercase words standing alone in their sentence, without a Latin
        // ending (foreign passages, old texts and terms of the field do not count), or that are
        // known human misspellings.
        let mut prose_words = 0usize;
        let mut slips: FastMap<&str, ()> = FastMap::default();
        let mut known_slips: FastMap<&str, ()> = FastMap::default();
        for i in 0..n {
            if shape_of[i] != Some(Shape::Lower) || sc.is(i, scan::QUOTED) {
                continue;
            }
            prose_words += 1;
            let si = sc.sentence[i];
            if !unknown_at(i) || si == usize::MAX || foreign.get(si).copied() == Some(true) {
                continue;
            }
            let key = doc.lower(i);
            if spell::known_misspelling(key).is_some() {
                known_slips.insert(key, ());
            }
            if !LATIN_ENDINGS.iter().any(|e| key.ends_with(e))
                && !old_text(i)
                && !slips.contains_key(key)
                && clear_slip(&cache, key, &words)
            {
                slips.insert(key, ());
            }
        }
        let words_n = prose_words.max(1);
        let care = if slips.len() >= 2 && slips.len() * 200 >= words_n * 3
            || known_slips.len() >= 3 && known_slips.len() * 250 >= words_n
        {
            Care::Careless
        } else {
            Care::Careful
        };

        // Where misspellings are frequent, a rare dictionary word one slip from a frequent
        // word is more likely that word mistyped ("lory" for lorry, "sone" for some) than
        // itself: the frequent word's score beats the rare word's own prior by
        // RARE_WORD_EVIDENCE nats. In a carefully spelled document a rare word is a word.
        let mut rare: FastMap<u32, ()> = FastMap::default();
        if care == Care::Careless {
            for (id, (key, st)) in words.list.iter().enumerate() {
                // A rare word the text uses three times or more, counting its inflections, is
                // its subject, not a slip ("molt" and "molting" in a report on insect growth).
                // The family count scans the vocabulary: last, after the cheap tests.
                if st.lower == 0
                    || st.known_lower != Some(true)
                    || key.len() < 3
                    || !key.is_ascii()
                    || key.contains('\'')
                    || cx.config.accepts(key)
                    || spell::is_common_word(key)
                    || nonstandard::lookup(key).is_some()
                    || spell::suggest::frequency_rank(key).is_some()
                    || family_uses(&words, key) >= 3
                {
                    continue;
                }
                let sugg = suggestions_for(&cache, key, &words);
                if rare_slip_evidence(&sugg, key).is_some_and(|(_, e)| e >= RARE_WORD_EVIDENCE) {
                    rare.insert(id as u32, ());
                }
            }
        }

        // Where misspellings are frequent, a form accepted only as derived (a compound, an
        // inflection of a rare word) that is within one and a half slips of a word of the
        // frequency list, and scores under CARELESS_DERIVED_SCORE, is more likely that word
        // misspelled: "differcult" is differ + cult, "telphoned" telp + honed, "lated" a past
        // of lat. Not when the text uses the word's family three times (its subject).
        let mut derived_slip: FastMap<u32, ()> = FastMap::default();
        if care == Care::Careless {
            for (id, (key, st)) in words.list.iter().enumerate() {
                if st.derived
                    && st.lower > 0
                    && !cx.config.accepts(key)
                    && family_uses(&words, key) < 3
                    && slip_of_frequent(key, &cache, 1.5, CARELESS_DERIVED_SCORE, false)
                {
                    derived_slip.insert(id as u32, ());
                }
            }
        }

        // Where misspellings are frequent, each use of a less common dictionary word is
        // weighed against the frequent words one slip away in its context
        // ([`context_verdict`]).
        let mut context_ok = vec![false; words.list.len()];
        if care == Care::Careless {
            for (id, (key, st)) in words.list.iter().enumerate() {
                context_ok[id] = st.lower > 0
                    && st.known_lower == Some(true)
                    && key.contains(['a', 'e', 'i', 'o', 'u', 'y'])
                    && !FOREIGN_PARTICLES.contains(key)
                    && !LATIN_PARTICLES.contains(key)
                    && !latin_term(key)
                    && !rare.contains_key(&(id as u32))
                    && !derived_slip.contains_key(&(id as u32))
                    && key.is_ascii()
                    && key.len() >= 2
                    && !key.contains('\'')
                    && !cx.config.accepts(key)
                    && !lexicon::is_function_word(key)
                    && !spell::is_common_word(key)
                    && nonstandard::lookup(key).is_none()
                    && spell::suggest::frequency_rank(key).is_none_or(|r| r >= CONTEXT_MIN_RANK)
                    // The family and compound counts scan the vocabulary: last.
                    && family_uses(&words, key) + compound_uses(&words, key) < 3;
            }
        }

        // Tokens of quotations of at most three words.
        let mut short_quote = vec![false; n];
        for q in &doc.quotations {
            let r = q.tokens.start.min(n)..q.tokens.end.min(n);
            if r.clone().filter(|&k| doc.tokens[k].is_word()).count() <= 3 {
                for k in r {
                    short_quote[k] = true;
                }
            }
        }

        // Terms of two words: a pair of adjacent words in one sentence, one an unknown
        // lowercase word and the other another or a capitalised word (not a function word),
        // that the text writes twice or more ("manduca sexta", "Beta splenden"): the name of a
        // species or a substance, not two slips (a slip is rarely repeated beside the same
        // word). `pair_start[k]`: tokens k and k + 1 form such a pair.
        let lower_unknown = |j: usize| shape_of[j] == Some(Shape::Lower) && unknown_at(j);
        // A word one close slip from a lowercase word ("gass marsks" twice) is a slip however
        // often its pair recurs.
        let close_slip = |j: usize| {
            suggestions_for(&cache, doc.lower(j), &words)
                .iter()
                .any(|s| s.cost <= 0.7 && spell::shape(&s.word) == Shape::Lower)
        };
        let partner = |j: usize| {
            lower_unknown(j)
                || doc.tokens[j].is_word()
                    && spell::shape(doc.tok(j)) == Shape::Title
                    && !lexicon::is_function_word(doc.lower(j))
                    && (!sc.is(j, scan::INITIAL) || unknown_at(j))
        };
        let mut pair_start = vec![false; n];
        let mut pair_count: FastMap<(&str, &str), u32> = FastMap::default();
        for k in 0..n.saturating_sub(1) {
            let (a, b) = (lower_unknown(k), lower_unknown(k + 1));
            if (a && partner(k + 1) || b && partner(k))
                && doc.tokens[k].is_word()
                && doc.tokens[k + 1].is_word()
                && sc.sentence[k] == sc.sentence[k + 1]
                && !(a && close_slip(k) || b && close_slip(k + 1))
            {
                pair_start[k] = true;
                *pair_count
                    .entry((doc.lower(k), doc.lower(k + 1)))
                    .or_default() += 1;
            }
        }
        let term_pair = |i: usize| {
            let twice = |k: usize| {
                pair_start[k]
                    && pair_count
                        .get(&(doc.lower(k), doc.lower(k + 1)))
                        .is_some_and(|&c| c >= 2)
            };
            i > 0 && twice(i - 1) || i + 1 < n && twice(i)
        };
        // A capitalised word before a Latin species name, or beside another unknown
        // capitalised word (Rania pipiens, Manduca Sexta): part of a name.
        let in_name = |i: usize| {
            let unknown_title = |j: usize| {
                doc.tokens[j].is_word() && spell::shape(doc.tok(j)) == Shape::Title && unknown_at(j)
            };
            let epithet_next = i + 1 < n
                && lower_unknown(i + 1)
                && doc.lower(i + 1).len() >= 5
                && EPITHET_ENDINGS
                    .iter()
                    .any(|e| doc.lower(i + 1).ends_with(e));
            epithet_next || i > 0 && unknown_title(i - 1) || i + 1 < n && unknown_title(i + 1)
        };

        // Pass 2: report unknown occurrences.
        let mut verdicts: FastMap<&str, Verdict> = FastMap::default();
        for i in 0..n {
            let Some(sh) = shape_of[i] else { continue };
            let rare_word = sh == Shape::Lower && rare.contains_key(&id_of[i]);
            let derived_word = sh == Shape::Lower && derived_slip.contains_key(&id_of[i]);
            let context_word = sh == Shape::Lower
                && !unknown_at(i)
                && !rare_word
                && !derived_word
                && context_ok[id_of[i] as usize];
            if !unknown_at(i) && !rare_word && !derived_word && !context_word {
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
            if neighbours >= 2 || edited_or_elided(doc, i) || sh != Shape::Lower && old_text(i) {
                continue;
            }
            // An initialism written as a word: "Dna" or "dna" for DNA.
            if let Some(upper) = st.initialism.clone() {
                let initial = sc.is(i, scan::INITIAL);
                let (left, right) = scan::hyphen_neighbours(doc, i);
                // Lowercase two-letter words are symbols and abbreviations (tv, ie, ul); where
                // misspellings are frequent a longer lowercase initialism is a slip (warning).
                let careless = care == Care::Careless;
                let lower_ok = sh == Shape::Lower && key.len() >= 3 && !left && !right;
                if lower_ok || sh != Shape::Lower && (initial || st.title_mid <= 1) {
                    let short = key.chars().count() <= 3;
                    let sev = if short && initial && sh != Shape::Lower
                        || careless && sh == Shape::Lower
                    {
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
            let mut needs_slip = false;
            let mut recurring = false;
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
                // Where misspellings are frequent, a capitalised word one slip from a word
                // ("Pollce", "Londod") is a slip, not a name, unless it recurs capitalised.
                // A word recurring capitalised is a name (Manduca Sexta in a lab report).
                if !report
                    && care == Care::Careless
                    && key.chars().count() >= 4
                    && !attached_to_name(doc, i)
                    && !author_year(doc, i)
                    && !in_name(i)
                    && !term_pair(i)
                {
                    needs_slip = true;
                    recurring = st.title_mid + st.initial >= 3;
                } else if !report {
                    continue;
                }
            } else if is_epithet(doc, i, key, &words) {
                continue;
            }
            // "de jure", "per se", "voces magicae": a foreign phrase.
            if sh == Shape::Lower && i > 0 && LATIN_PARTICLES.contains(&doc.lower(i - 1)) {
                continue;
            }
            let verdict = if context_word {
                let (prev, next) = neighbour_words(doc, sc, i);
                match context_verdict(key, prev, next, &cache) {
                    Some(v) => v,
                    None => continue,
                }
            } else {
                verdicts
                    .entry(key)
                    .or_insert_with(|| {
                        if rare_word {
                            decide_rare(key, &words, &cache)
                        } else {
                            decide(cx, key, st, &words, care, &cache)
                        }
                    })
                    .clone()
            };
            let Verdict::Report {
                mut severity,
                mut message,
                suggestions: ranked,
                scores,
                mut fix,
                related,
                capitalise,
                cost,
            } = verdict
            else {
                continue;
            };
            // The candidates re-ranked by how well each fits between this occurrence's
            // neighbours; a new best is suggested first but never applied by --fix.
            let (prev, next) = neighbour_words(doc, sc, i);
            let mut suggestions = in_context(&ranked, &scores, prev, next);
            if let (Some(old), Some(new)) = (ranked.first(), suggestions.first()) {
                if old != new {
                    fix = false;
                    message = message.replace(&format!("`{old}`?"), &format!("`{new}`?"));
                }
            }
            // Spelled as the essay spells: "reconise" is recognize in an American essay.
            let before = suggestions.first().cloned();
            in_dialect(&mut suggestions, cx.dialect(), key);
            if let (Some(old), Some(new)) = (before, suggestions.first()) {
                if old != *new {
                    message = message.replace(&format!("`{old}`"), &format!("`{new}`"));
                }
            }
            // A capitalised word taken for a slip: one slip from a word, not two words run
            // together (Tonbury, Oakwell are place names), and a close slip unless the best
            // correction is a frequent lowercase word.
            if needs_slip {
                let best = suggestions.first().map_or("", String::as_str);
                let frequent_lower = spell::shape(best) == Shape::Lower
                    && spell::is_frequent_word(best)
                    && !best.contains(' ');
                if cost > 1.0 || best.contains(' ') || recurring || !frequent_lower && cost > 0.7 {
                    continue;
                }
            }
            // A species name after its genus, far from every English word; a laugh or an
            // interjection said twice.
            if sh == Shape::Lower && cost > 2.0 && after_capitalised(doc, i) || reduplicated(doc, i)
            {
                continue;
            }
            // "de novo", "du Laurens": a foreign particle, not a lowercased name.
            if capitalise && i > 0 && FOREIGN_PARTICLES.contains(&doc.lower(i - 1)) {
                continue;
            }
            // A word quoted on its own ("the so-called 'smychka'") is a term the essay mentions.
            if short_quote[i] {
                continue;
            }
            let crowded = care == Care::Careful
                && sc.sentence[i] != usize::MAX
                && unknown_in_sentence
                    .get(&sc.sentence[i])
                    .copied()
                    .unwrap_or(0)
                    >= 2
                && spell::known_misspelling(key).is_none();
            if sc.is(i, scan::QUOTED) && care == Care::Careful
                || crowded
                || sh == Shape::Lower && term_pair(i)
                || in_parentheses_alone(doc, i)
                || neighbours == 1
                || old_text(i)
                || sh != Shape::Lower && !sc.is(i, scan::INITIAL) && !needs_slip
            {
                severity = Severity::Advice;
            }
            let span = doc.tokens[i].span;
            let mut d = cx.diag(span, message).severity(severity);
            for s in suggestions.iter().take(5) {
                d = d.suggest(spell::match_case(tok, s));
            }
            if fix
                && severity == Severity::Warning
                && !suggestions.is_empty()
                && !sc.is(i, scan::QUOTED)
            {
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

/// Each suggestion spelled as the essay's dialect spells it: a spelling the `dialect-mix` rule
/// would report (recognise in an American essay, color in a British one) gives way to its
/// VARCON alternative that the essay's dialect prefers, or else accepts, if a dictionary knows
/// it; a suggestion listed twice, or that is the reported word itself (moulting → molting for
/// "molting"), is dropped. Without dialect evidence nothing changes.
fn in_dialect(sugg: &mut Vec<String>, d: &crate::analysis::dialect::Analysis<'_>, key: &str) {
    if d.winners == 0 {
        return;
    }
    let mut out: Vec<String> = Vec::with_capacity(sugg.len());
    for s in sugg.iter() {
        let mut w = s.clone();
        if let Some(info) = spell::variants::lookup(&s.to_lowercase()) {
            if d.flags(info) {
                let alt = |bits: fn(&(&'static str, u8, u8)) -> u8| {
                    info.alternatives
                        .iter()
                        .find(|a| bits(a) & d.winners != 0 && spell::check(a.0))
                };
                if let Some(a) = alt(|a| a.2).or_else(|| alt(|a| a.1)) {
                    w = spell::match_case(s, a.0);
                }
            }
        }
        if !out.contains(&w) && (w == *s || w.to_lowercase() != key) {
            out.push(w);
        }
    }
    *sugg = out;
}

/// The verdict on a rare dictionary word that is, by [`slip_evidence`], a slip of a frequent
/// word: a warning with the frequent words one slip away, never applied by `--fix`.
fn decide_rare(key: &str, stats: &Words<'_>, cache: &Cache) -> Verdict {
    let sugg = suggestions_for(cache, key, stats);
    let Some((k, _)) = rare_slip_evidence(&sugg, key) else {
        return Verdict::Silent;
    };
    let best = &sugg[k];
    let mut suggestions = vec![best.word.clone()];
    let mut scores = vec![f32::NEG_INFINITY];
    for s in &sugg {
        if suggestions.len() >= 5 {
            break;
        }
        if s.cost <= 1.0 && s.score <= best.score + SUGGEST_MARGIN && !suggestions.contains(&s.word)
        {
            suggestions.push(s.word.clone());
            scores.push(s.score);
        }
    }
    let related = stats
        .get(&best.word.to_lowercase())
        .filter(|s| s.known_lower == Some(true))
        .map(|s| s.first);
    Verdict::Report {
        severity: Severity::Warning,
        message: format!(
            "`{key}` is a rare word, and this text has many slips; did you mean `{}`?",
            best.word
        ),
        suggestions,
        scores,
        fix: false,
        related,
        capitalise: false,
        cost: best.cost,
    }
}

/// Decides once per document what to say about an unknown lowercase word.
fn decide(
    cx: &Context<'_>,
    key: &str,
    st: &Stat,
    stats: &Words<'_>,
    careful: Care,
    cache: &Cache,
) -> Verdict {
    if nonstandard::lookup(key).is_some() || cx.config.accepts(key) {
        return Verdict::Silent;
    }
    let used = |w: &str| {
        stats
            .get(&w.to_lowercase())
            .is_some_and(|s| s.known_lower == Some(true) || s.known_title == Some(true))
    };
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
            let fix = good.len() == 1;
            let mut scores = vec![f32::NEG_INFINITY; good.len()];
            let mut suggestions = good;
            for s in suggestions_for(cache, key, stats) {
                // Only close candidates beside a known correction.
                if suggestions.len() >= 5 || s.cost > 1.0 {
                    break;
                }
                if !suggestions.contains(&s.word) {
                    suggestions.push(s.word);
                    scores.push(s.score);
                }
            }
            return Verdict::Report {
                severity: Severity::Warning,
                message: format!("`{key}` is a misspelling of {list}"),
                fix,
                suggestions,
                scores,
                related,
                capitalise: false,
                cost: 0.0,
            };
        }
    }
    let len = key.chars().count();
    // Elisions ('tis, wou'd) and early modern spellings (vnto, receiue, certaine) come from
    // quoted old texts; two-letter words are symbols and abbreviations (df, tv), and so are
    // short words without a vowel (mgs, pkt).
    // Where misspellings are frequent, such a word is checked too ("ge" for get, "frm" for
    // from, "does'nt"), and reported when it is one slip from a frequent word.
    let vowel = key.contains(['a', 'e', 'i', 'o', 'u', 'y']);
    let careless = careful == Care::Careless;
    let abbreviation_like = len <= 2 || len <= 3 && !vowel || key.contains('\'');
    if len < 2
        || abbreviation_like
            && (!careless
                || !key.is_ascii()
                || FOREIGN_PARTICLES.contains(&key)
                || LATIN_PARTICLES.contains(&key))
    {
        return Verdict::Silent;
    }
    // Only known capitalised (america → America): the capitalisation rule
    // `lowercase-proper` reports it.
    // Where misspellings are frequent, a lowercase name one slip from a frequent word that
    // beats it ("sid" for said, "tim" for time) is a slip.
    let sugg = suggestions_for(cache, key, stats);
    // So is a two-letter word known only capitalised, a symbol ("ge" for get, not Ge).
    if st.lower > 0
        && spell::check(&spell::match_case("A", key))
        && !(careful == Care::Careless
            && slip_evidence(&sugg, key).is_some_and(|(k, e)| k == 0 && (e >= 0.0 || len <= 2)))
    {
        return Verdict::Silent;
    }
    let best = sugg.first();
    // How close the best correction is: a slip (cost ≤ 1), two slips (≤ 2), or nothing near.
    let cost = best.map_or(f32::MAX, |b| b.cost);
    let near = cost <= 2.0 || best.is_some_and(|b| b.phonetic && b.cost <= 3.0);
    // A short word is an abbreviation unless it is one slip from a common word; where
    // misspellings are frequent, one and a half ("sor" for saw, "ete" for ate). A word with an
    // apostrophe needs a dictionary word one slip away (does'nt → doesn't).
    let short_cost = if careless && !abbreviation_like {
        1.5
    } else {
        1.0
    };
    let common = |b: &spell::Suggestion| {
        !b.word.contains(' ')
            && (spell::is_frequent_word(&b.word.to_lowercase())
                || key.contains('\'') && b.word.contains('\''))
    };
    if (len <= 3 || abbreviation_like) && !(cost <= short_cost && best.is_some_and(common)) {
        return Verdict::Silent;
    }
    // A word used again and again that is near no English word is a term of the field
    // (smychka, logoi); a misspelling repeated is still a misspelling.
    // In a carefully spelled document a repeated word that is not one slip from a word is a
    // term too.
    // (A capitalised candidate, Nissan for "nisin", does not count.)
    let lower_cost = sugg
        .iter()
        .filter(|s| spell::shape(&s.word) == Shape::Lower)
        .map(|s| s.cost)
        .fold(f32::MAX, f32::min);
    if count >= 2 && (!near || careful == Care::Careful && lower_cost > 1.0) {
        return Verdict::Silent;
    }
    // In a carefully spelled document (few unknown words), a word two slips from the nearest
    // word, or in a sentence with other unknown words, is as likely a term, a foreign or an old
    // word as a misspelling; where misspellings are frequent it is a misspelling.
    // A capitalised word (Nissan for "nisin") is weak evidence for a lowercase slip.
    let latin = careful == Care::Careful
        && (LATIN_ENDINGS.iter().any(|e| key.ends_with(e)) || spell::is_archaic_spelling(key));
    // Where misspellings are frequent, a word used three times or more with no lowercase word
    // one slip away is as likely a term of the field (myogram, tetani) as a slip repeated.
    // (It must also end in a dictionary word of four letters or more after a combining form of
    // two or more, myo + gram: a word built as terms are, not a child's "frmh" for farmer.)
    let built = (2..key.len().saturating_sub(3))
        .any(|k| key.is_char_boundary(k) && spell::check(&key[k..]));
    let repeated_term = count >= 3 && lower_cost > 1.0 && built;
    let severity = if (lower_cost <= 1.0 && !latin
        || careful == Care::Careless && (near || len <= 8))
        && !repeated_term
    {
        Severity::Warning
    } else {
        Severity::Advice
    };
    let related = best
        .filter(|b| used(&b.word))
        .and_then(|b| stats.get(&b.word.to_lowercase()))
        .map(|s| s.first);
    // Applied by --fix only when the best is far ahead of the next.
    let fix = match (sugg.first(), sugg.get(1)) {
        (Some(a), Some(b)) => a.cost <= 1.0 && b.score - a.score >= FIX_MARGIN,
        (Some(a), None) => a.cost <= 1.0,
        _ => false,
    };
    let message = match best {
        Some(b) if b.word.contains(' ') && b.word.replace(' ', "") == key => {
            format!("`{key}` is two words run together: `{}`", b.word)
        }
        Some(b) if near => format!(
            "`{key}` is not in the dictionary; did you mean `{}`?",
            b.word
        ),
        _ => format!("`{key}` is not in the dictionary"),
    };
    // Candidates far behind the best (two slips' worth of score) are noise, not help. Eight
    // are kept for the re-ranking in context, five shown.
    let kept: Vec<&spell::Suggestion> = sugg
        .iter()
        .filter(|s| s.score <= sugg[0].score + SUGGEST_MARGIN)
        .take(8)
        .collect();
    Verdict::Report {
        severity,
        message,
        suggestions: kept.iter().map(|s| s.word.clone()).collect(),
        scores: kept.iter().map(|s| s.score).collect(),
        fix,
        related,
        capitalise: false,
        cost: lower_cost.min(cost),
    }
}

/// How far ahead (in nats of score) the best correction must be of the next for `--fix` to
/// apply it: about a factor of 50 in probability.
const FIX_MARGIN: f32 = 4.0;

/// Nats behind the best candidate beyond which a candidate is not suggested.
const SUGGEST_MARGIN: f32 = 12.0;

/// Endings of Latin and Greek inflection (bonum, implicatus, actiones, logoi): in a carefully
/// spelled document a word with one of them is more likely a foreign term than a slip.
const LATIN_ENDINGS: &[&str] = &[
    "us", "um", "ae", "orum", "arum", "ibus", "tio", "tas", "oi", "es", "ia", "ii",
];

/// How carefully a document is spelled (decides what a word two slips away is).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Care {
    /// Under 1.5% of the running words are distinct unknown words alone in their sentence,
    /// and under 0.4% distinct known misspellings.
    Careful,
    /// 1.5% or more (two at least), or 0.4% known misspellings (three at least).
    Careless,
}

/// An unknown word one slip (error cost at most 1) from a lowercase dictionary word: the
/// evidence of a careless document. Words far from every word (terms, foreign words) do not
/// count.
fn clear_slip(cache: &Cache, key: &str, stats: &Words<'_>) -> bool {
    suggestions_for(cache, key, stats)
        .iter()
        .any(|s| s.cost <= 1.0 && spell::shape(&s.word) == Shape::Lower)
}

/// The candidates of each distinct word looked up, before the document's own words are
/// credited ([`spell::suggest::suggest_raw`]): computed once per document, whether a derived
/// form is being tested or an unknown word reported.
type Cache = std::cell::RefCell<FastMap<String, std::rc::Rc<Vec<spell::Suggestion>>>>;

/// The cached candidates of `key` (see [`Cache`]).
fn raw_for(cache: &Cache, key: &str) -> std::rc::Rc<Vec<spell::Suggestion>> {
    if let Some(v) = cache.borrow().get(key) {
        return v.clone();
    }
    let v = std::rc::Rc::new(spell::suggest::suggest_raw(key));
    cache.borrow_mut().insert(key.to_string(), v.clone());
    v
}

/// The ranked suggestions for `key`, preferring the document's own words.
fn suggestions_for(cache: &Cache, key: &str, stats: &Words<'_>) -> Vec<spell::Suggestion> {
    let used = |w: &str| {
        stats
            .get(&w.to_lowercase())
            .is_some_and(|s| s.known_lower == Some(true) || s.known_title == Some(true))
    };
    spell::suggest::rerank(&raw_for(cache, key), &used)
}

/// Nats of score per nat of fit in context ([`spell::context::fit`]), when a dictionary word
/// is weighed against a slip.
const CONTEXT_WEIGHT: f32 = 1.0;

/// Nats of score per nat of fit when the corrections of an unknown word are re-ranked: the
/// context breaks near ties of error and frequency, it does not overrule them.
const RERANK_WEIGHT: f32 = 0.5;

/// The least information a neighbour contributes when corrections are re-ranked: a pair
/// missing from the counts is weak evidence against a correction.
const RERANK_FLOOR: f32 = -2.0;

/// The words written just before and after token `i` in its sentence (lowercase), with no
/// punctuation between: the context of the context model.
fn neighbour_words<'d>(
    doc: &'d Document,
    sc: &scan::Scan,
    i: usize,
) -> (Option<&'d str>, Option<&'d str>) {
    let si = sc.sentence[i];
    let word = |k: usize| doc.tokens[k].is_word() && sc.sentence[k] == si;
    let prev = (i > 0 && word(i - 1)).then(|| doc.lower(i - 1));
    let next = (i + 1 < doc.tokens.len() && word(i + 1)).then(|| doc.lower(i + 1));
    (prev, next)
}

/// How well a candidate (one word, or two for a split) fits between `prev` and `next`.
/// (Each neighbour's information counts at least [`RERANK_FLOOR`].)
fn fit_of(prev: Option<&str>, cand: &str, next: Option<&str>) -> f32 {
    let (first, last) = cand.split_once(' ').unwrap_or((cand, cand));
    let side = |a: &str, b: &str| spell::context::pmi(a, b).max(RERANK_FLOOR);
    prev.map_or(0.0, |p| side(p, first)) + next.map_or(0.0, |n| side(last, n))
}

/// The suggestions re-ranked in context: each scored candidate's score less its fit between
/// the neighbours; the ones that must stay first (score −∞: known corrections) stay first.
/// Five are kept.
fn in_context(
    sugg: &[String],
    scores: &[f32],
    prev: Option<&str>,
    next: Option<&str>,
) -> Vec<String> {
    if prev.is_none() && next.is_none() || sugg.len() < 2 || scores.len() != sugg.len() {
        return sugg.iter().take(5).cloned().collect();
    }
    let mut v: Vec<(f32, usize)> = sugg
        .iter()
        .zip(scores)
        .enumerate()
        .map(|(k, (w, &s))| {
            let adj = if s.is_finite() {
                s - RERANK_WEIGHT * fit_of(prev, &w.to_lowercase(), next)
            } else {
                s
            };
            (adj, k)
        })
        .collect();
    v.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    v.into_iter()
        .take(5)
        .map(|(_, k)| sugg[k].clone())
        .collect()
}

/// Nats by which, where misspellings are frequent, a frequent word one slip away must explain
/// an occurrence of a less common dictionary word better than the word itself, its prior and
/// its fit between the neighbours counted, for the word to be reported as a slip ("said wat
/// have", "they decider to", "the dor was"): a factor of about 20,000. (At 5 nats children's
/// own words, "the pig", "a bunk", "the rook", were taken for slips as often as not.)
const CONTEXT_EVIDENCE: f32 = 10.0;

/// Frequency ranks under which a dictionary word is never taken for a slip by its context:
/// a content word this frequent ("ate", "worm", "bean") is written on purpose far more often
/// than a word-pair model alone can tell it is a slip.
const CONTEXT_MIN_RANK: u32 = 10_000;

/// The verdict on one occurrence of a less common dictionary word in a carelessly spelled
/// document: a slip when a frequent lowercase word one slip away (error cost at most 1) beats
/// it by [`CONTEXT_EVIDENCE`] nats, error, prior and fit in context counted, and fits the
/// context better than the word does.
fn context_verdict(
    key: &str,
    prev: Option<&str>,
    next: Option<&str>,
    cache: &Cache,
) -> Option<Verdict> {
    let raw = raw_for(cache, key);
    let own_fit = spell::context::fit(prev, key, next);
    let own = context_prior(key) - CONTEXT_WEIGHT * own_fit;
    let mut ranked: Vec<(f32, f32, &spell::Suggestion)> = raw
        .iter()
        .take(10)
        .filter(|s| {
            !s.word.contains(' ')
                && s.cost <= 1.0
                && spell::shape(&s.word) == Shape::Lower
                && spell::is_frequent_word(&s.word)
                && !is_variant_of(key, &s.word)
        })
        .map(|s| {
            let f = spell::context::fit(prev, &s.word, next);
            (s.score - CONTEXT_WEIGHT * f, f, s)
        })
        .collect();
    ranked.sort_by(|a, b| a.0.total_cmp(&b.0));
    let &(best_score, best_fit, best) = ranked.first()?;
    if own - best_score < CONTEXT_EVIDENCE || best_fit <= own_fit {
        return None;
    }
    let suggestions: Vec<String> = ranked
        .iter()
        .filter(|r| r.0 <= best_score + SUGGEST_MARGIN)
        .take(5)
        .map(|r| r.2.word.clone())
        .collect();
    Some(Verdict::Report {
        severity: Severity::Warning,
        message: format!(
            "`{key}` is a rare word, and this text has many slips; did you mean `{}`?",
            best.word
        ),
        scores: vec![f32::NEG_INFINITY; suggestions.len()],
        suggestions,
        fix: false,
        related: None,
        capitalise: false,
        cost: best.cost,
    })
}

/// The same word before or after (hee hee, tut tut, Chanos chanos): an interjection or a
/// species name, not a slip.
fn reduplicated(doc: &Document, i: usize) -> bool {
    let same = |k: usize| doc.tokens[k].is_word() && doc.lower(k) == doc.lower(i);
    i > 0 && same(i - 1) || i + 1 < doc.tokens.len() && same(i + 1)
}

/// A capitalised word just before (a genus: "Drosophila melanogaster", "Chanos chanos").
fn after_capitalised(doc: &Document, i: usize) -> bool {
    i > 0 && doc.tokens[i - 1].is_word() && spell::shape(doc.tok(i - 1)) == Shape::Title
}

/// A word alone in parentheses ("the outposts (statio)"): a term glossed, not a slip.
fn in_parentheses_alone(doc: &Document, i: usize) -> bool {
    i > 0 && i + 1 < doc.tokens.len() && doc.tok(i - 1) == "(" && doc.tok(i + 1) == ")"
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
    if !doc.tokens[prev].is_word() || t.chars().count() < 3 {
        return false;
    }
    // After a Latin noun of five letters or more, capitalised or not (corpus allata, corpus
    // cardiacum, Pisum sativum): the second word of a Latin term. (Not after an English
    // adjective in -ous, nor with the English plural -es: "various animales".)
    let pl = doc.lower(prev);
    let latin_noun =
        pl.len() >= 5 && (pl.ends_with("us") && !pl.ends_with("ous") || pl.ends_with("um"));
    if latin && latin_noun && !key.ends_with("es") {
        return true;
    }
    if spell::shape(t) != Shape::Title {
        return false;
    }
    // After an unknown capitalised word (a genus), or a known one with a Latin ending.
    let genus_unknown = stats
        .get(doc.lower(prev))
        .is_some_and(|s| s.known_title == Some(false));
    genus_unknown || latin && !lexicon::is_function_word(doc.lower(prev))
}

/// Sentences in another language: at least three words and a quarter of the words unknown
/// lowercase words, with two function words of another language (de, que, und, est) or more
/// than half of the words unknown. A string of misspellings has English function words.
fn foreign_sentences(
    doc: &Document,
    shape_of: &[Option<Shape>],
    unknown_at: &dyn Fn(usize) -> bool,
) -> Vec<bool> {
    static FOREIGN: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    let foreign_fw = FOREIGN.get_or_init(|| {
        lexicon::word_set(lexicon::data_file!(
            "rules/spelling/foreign_function_words.txt"
        ))
    });
    let mut out = vec![false; doc.sentences.len()];
    for (si, s) in doc.sentences.iter().enumerate() {
        let (mut words, mut unknown, mut particles) = (0usize, 0usize, 0usize);
        for i in s.tokens.clone() {
            if !doc.tokens[i].is_word() {
                continue;
            }
            words += 1;
            if foreign_fw.contains(doc.lower(i)) {
                particles += 1;
            }
            if shape_of[i] == Some(Shape::Lower)
                && unknown_at(i)
                && spell::known_misspelling(doc.lower(i)).is_none()
            {
                unknown += 1;
            }
        }
        out[si] = unknown >= 3 && unknown * 4 >= words && (particles >= 2 || unknown * 2 > words);
    }
    out
}
