crate::rule::declare_rule! {
    /// # article
    ///
    /// **What it does.** Checks that "a" comes before a consonant sound and "an" before a vowel
    /// sound — by how the next word is *said*, not how it is spelled: "an hour", "a university",
    /// "a one-time offer", "an MBA", "an 8-year-old", "a European", "an FBI agent", "a UN report".
    ///
    /// **Why it matters.** The wrong article is one of the commonest slips left in revised text
    /// (the article often survives when the noun after it is changed), and readers hear it at once.
    ///
    /// **Example.**
    ///
    /// ```text
    /// It was an unique opportunity, a honest mistake, and a 8-hour day.
    ///        ^^ a           ^ an                        ^ an
    /// ```
    ///
    /// Acronyms are read letter by letter unless they are pronounced as words (NASA, NATO, OPEC);
    /// a wrong article before an acronym or a single letter is advice, since readings vary.
    /// Words said both ways ("a/an historic") pass. "Herb" follows the configured `dialect`: "an
    /// herb" in en-US and en-CA, "a herb" in en-GB and en-AU (advice); with no dialect set, both
    /// pass.
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** Safe only when the sound of the next word is certain: `a` and `an` are swapped,
    /// keeping the case. Where the pronunciation varies (an initialism, a dialect-dependent `h`) the
    /// change is a suggestion only.
    pub struct Article {
        name: "article",
        category: Sentences,
        severity: Warning,
        summary: "\"a\" before a vowel sound or \"an\" before a consonant sound",
        fix: Safe,
    }
}
use crate::analysis::sentence::{match_case, Sent};
use crate::diagnostic::Diagnostic;
use crate::doc::TokenKind;
use crate::lexicon::{self, pos};
use crate::rule::{Context, Rule};
use crate::Severity;
use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Sound {
    Vowel,
    Consonant,
    Unsure,
}

#[derive(Clone, Copy)]
enum Entry {
    A,
    An,
    Unsure,
}

struct Table {
    prefixes: HashMap<&'static str, Entry>,
    words: std::collections::HashSet<&'static str>,
    max_len: usize,
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let mut prefixes = HashMap::new();
        let mut words = std::collections::HashSet::new();
        let mut sec = "";
        for line in lexicon::lines(crate::lexicon::data_file!(
            "rules/sentences/article_sounds.txt"
        )) {
            if let Some(s) = line.strip_prefix('@') {
                sec = s.trim();
                continue;
            }
            for w in line.split_whitespace() {
                match sec {
                    "a" => {
                        prefixes.insert(w, Entry::A);
                    }
                    "an" => {
                        prefixes.insert(w, Entry::An);
                    }
                    "unsure" => {
                        prefixes.insert(w, Entry::Unsure);
                    }
                    _ => {
                        words.insert(w);
                    }
                }
            }
        }
        let max_len = prefixes.keys().map(|k| k.len()).max().unwrap_or(0);
        Table {
            prefixes,
            words,
            max_len,
        }
    })
}

/// The sound of a letter's name: "an F", "a U".
fn letter_sound(c: char) -> Sound {
    match c.to_ascii_lowercase() {
        'a' | 'e' | 'f' | 'h' | 'i' | 'l' | 'm' | 'n' | 'o' | 'r' | 's' | 'x' => Sound::Vowel,
        c if c.is_ascii_alphabetic() => Sound::Consonant,
        _ => Sound::Unsure,
    }
}

/// The sound a lowercase word starts with.
fn word_sound(w: &str) -> Sound {
    let t = table();
    let mut best = None;
    for (i, _) in w
        .char_indices()
        .skip(1)
        .chain(std::iter::once((w.len(), ' ')))
    {
        if i > t.max_len {
            break;
        }
        if let Some(e) = t.prefixes.get(&w[..i]) {
            best = Some(*e);
        }
    }
    match best {
        Some(Entry::A) => return Sound::Consonant,
        Some(Entry::An) => return Sound::Vowel,
        Some(Entry::Unsure) => return Sound::Unsure,
        None => {}
    }
    match w.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u') => Sound::Vowel,
        Some(c) if c.is_ascii_alphabetic() => Sound::Consonant,
        _ => Sound::Unsure,
    }
}

/// The indefinite article for a lowercase word by its first sound: "an" before a vowel sound,
/// else "a" (for the grammar rules that suggest an article).
pub(crate) fn indefinite_for(w: &str) -> &'static str {
    if word_sound(w) == Sound::Vowel {
        "an"
    } else {
        "a"
    }
}

/// The sound a number starts with when read aloud: "an 8", "an 11", "an 18,000", "a 100".
fn number_sound(raw: &str) -> Sound {
    let lead: String = raw.chars().take_while(|c| c.is_ascii_digit()).collect();
    if lead.is_empty() {
        return Sound::Unsure;
    }
    if lead.starts_with('8') {
        return Sound::Vowel;
    }
    let after = raw[lead.len()..].chars().next();
    let group = if after == Some(',') { 2 } else { lead.len() };
    let eleven = lead.starts_with("11") || lead.starts_with("18");
    match (eleven, group) {
        (true, 2) | (true, 5) => Sound::Vowel,
        (true, 4) => Sound::Unsure,
        _ => Sound::Consonant,
    }
}

/// What the word after the article sounds like, and whether the reading is certain.
fn sound_of(raw: &str, next_is_hyphen: bool) -> (Sound, bool) {
    let letters = raw.chars().filter(|c| c.is_alphabetic()).count();
    let first = raw.chars().next().unwrap_or(' ');
    if first.is_ascii_digit() {
        return (number_sound(raw), true);
    }
    if !raw.is_ascii() {
        return (Sound::Unsure, false);
    }
    let lower = raw.to_ascii_lowercase();
    if letters == 1 && raw.len() == 1 {
        // A single letter: "an F", "a U-turn", "an X-ray".
        if raw == "a" || raw == "I" || (!next_is_hyphen && first.is_lowercase()) {
            return (Sound::Unsure, false);
        }
        return (letter_sound(first), false);
    }
    let upper_run = raw.chars().take_while(|c| c.is_ascii_uppercase()).count();
    let is_acronym = upper_run >= 2 && raw.chars().all(|c| c.is_ascii_alphanumeric());
    if is_acronym {
        if table().words.contains(lower.as_str()) {
            return (word_sound(&lower), false);
        }
        let vowels = raw.chars().filter(|c| "AEIOUaeiou".contains(*c)).count();
        if upper_run <= 3 || vowels == 0 {
            if matches!(lower.as_str(), "sql" | "faq" | "url" | "ufo") {
                return (Sound::Unsure, false);
            }
            return (letter_sound(first), false);
        }
        return (Sound::Unsure, false);
    }
    if !raw[1..]
        .chars()
        .all(|c| c.is_ascii_lowercase() || c == '\'' || c == '-')
    {
        return (Sound::Unsure, false);
    }
    // A lowercase word without vowels is read letter by letter ("an npm package").
    if !lower.chars().any(|c| "aeiouy".contains(c)) {
        return (letter_sound(first), false);
    }
    if !lexicon::is_dictionary_word(raw) && !lexicon::is_dictionary_word(&lower) {
        return (Sound::Unsure, false);
    }
    (word_sound(&lower), true)
}

impl Rule for Article {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        for s in Sent::prose(doc) {
            for i in s.start..s.end {
                if doc.tokens[i].kind != TokenKind::Word {
                    continue;
                }
                let raw = doc.tok(i);
                let an = match raw {
                    "a" => false,
                    "an" => true,
                    "A" | "An" if s.is_first_word(i) => raw == "An",
                    "AN" => true,
                    _ => continue,
                };
                // The next word, past an opening quotation mark.
                let mut k = i + 1;
                while k < s.end
                    && doc.tokens[k].kind == TokenKind::Punct
                    && matches!(doc.tok(k), "\"" | "“" | "‘" | "'")
                {
                    k += 1;
                }
                if k >= s.end || !doc.tokens[k].is_wordlike() || !doc.tokens[i + 1].space_before {
                    continue;
                }
                let next = doc.tok(k);
                // "Latino/a", "genes a and b", "such a exists": a letter, not an article.
                if i > s.start && !doc.tokens[i].space_before && doc.tok(i - 1) == "/" {
                    continue;
                }
                if doc.tokens[k].kind == TokenKind::Word {
                    let nl = doc.lower(k);
                    let nt = pos::tags(nl);
                    let plural = nl.ends_with('s')
                        && !nl.ends_with("ss")
                        && !nl.ends_with("us")
                        && !nl.ends_with("is");
                    if nt
                        & (pos::CONJ
                            | pos::SUBORD
                            | pos::BE
                            | pos::HAVE
                            | pos::MODAL
                            | pos::PREP
                            | pos::PRON_SUBJ
                            | pos::PRON_OBJ
                            | pos::DET
                            | pos::POSS)
                        != 0
                        || (nt & pos::VERB_3SG != 0 && nt & pos::NOUN == 0)
                        || (plural
                            && raw == "a"
                            && nt & (pos::NOUN | pos::MAY_NOUN | pos::MAY_VERB) != 0)
                    {
                        continue;
                    }
                }
                let hyphen = doc.tokens.get(k + 1).is_some_and(|t| {
                    !t.space_before && t.kind == TokenKind::Punct && doc.tok(k + 1) == "-"
                });
                let (mut sound, certain) = sound_of(next, hyphen);
                // "herb" is said without the h in North America and with it elsewhere: follow
                // the configured dialect, and say nothing when none is set.
                let mut dialect_note = "";
                if sound == Sound::Unsure
                    && matches!(
                        doc.lower(k),
                        "herb" | "herbs" | "herbal" | "herbalist" | "herbalists"
                    )
                {
                    match cx.config.dialect.as_deref() {
                        Some("en-US" | "en-CA") => {
                            sound = Sound::Vowel;
                            dialect_note = " in North American English";
                        }
                        Some(d) if d.starts_with("en-GB") || d == "en-AU" => {
                            sound = Sound::Consonant;
                            dialect_note = " in British and Australian English";
                        }
                        _ => {}
                    }
                }
                let wrong = match sound {
                    Sound::Vowel => !an,
                    Sound::Consonant => an,
                    Sound::Unsure => false,
                };
                if !wrong {
                    continue;
                }
                let want = match_case(raw, if an { "a" } else { "an" });
                let msg = if an {
                    format!(
                        "use `{want}` before `{next}`, which starts with a consonant sound{dialect_note}"
                    )
                } else {
                    format!(
                        "use `{want}` before `{next}`, which starts with a vowel sound{dialect_note}"
                    )
                };
                let mut d = cx
                    .diag(doc.tokens[i].span, msg)
                    .suggest(want.clone())
                    .related(doc.tokens[k].span, "this word");
                if certain {
                    d = d.fix(doc.tokens[i].span, want);
                } else {
                    d = d.severity(Severity::Advice);
                }
                out.push(d);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sounds() {
        assert_eq!(word_sound("hour"), Sound::Vowel);
        assert_eq!(word_sound("university"), Sound::Consonant);
        assert_eq!(word_sound("uninformed"), Sound::Unsure);
        assert_eq!(word_sound("umbrella"), Sound::Vowel);
        assert_eq!(word_sound("european"), Sound::Consonant);
        assert_eq!(word_sound("one"), Sound::Consonant);
        assert_eq!(word_sound("onerous"), Sound::Unsure);
        assert_eq!(number_sound("8"), Sound::Vowel);
        assert_eq!(number_sound("18,000"), Sound::Vowel);
        assert_eq!(number_sound("11th"), Sound::Vowel);
        assert_eq!(number_sound("100"), Sound::Consonant);
        assert_eq!(number_sound("1800s"), Sound::Unsure);
        assert_eq!(sound_of("MBA", false).0, Sound::Vowel);
        assert_eq!(sound_of("FBI", false).0, Sound::Vowel);
        assert_eq!(sound_of("UN", false).0, Sound::Consonant);
        assert_eq!(sound_of("NATO", false).0, Sound::Consonant);
        assert_eq!(sound_of("npm", false).0, Sound::Vowel);
    }
}
