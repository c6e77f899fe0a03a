crate::rule::declare_rule! {
    /// # lowercase-proper
    ///
    /// **What it does.** Reports a word written in lowercase that is only ever written with a
    /// capital: a day or a month ("monday", "january"), a language or a nationality ("english",
    /// "american", "italian"), a country, a city or a person ("britain", "stalin"), a proper
    /// adjective ("victorian", "marxist", "shakespearean"). The dictionary (`rules/dict`, SCOWL)
    /// decides: it lists these words only capitalised. The fix is the capitalised word.
    ///
    /// Some of these words are also ordinary words in lowercase, and then the context decides:
    ///
    /// - "march", "may", "august" are months next to a date ("may 5", "3 march") or after "in",
    ///   "since", "until", "early", "last"… at the end of a phrase ("in may,", "since march and");
    ///   otherwise the walk, the modal and the adjective are left alone;
    /// - "china", "turkey" are countries after "in", "to", "from", "visited"… when no noun follows
    ///   ("fine china cups", "roast turkey" stay quiet), or with a possessive ("china's economy");
    ///   this is a warning when the essay also writes the country with its capital, advice otherwise;
    /// - "polish" is the nationality between a determiner and a noun ("the polish army"), as advice
    ///   unless the essay also writes "Polish";
    /// - "english", "french", "german", "dutch", "christian" are reported like words known only
    ///   capitalised (their lowercase senses, a spin on a ball or strips of meat, are rare in essays);
    /// - "internet" is advice: current style guides differ.
    ///
    /// Other words that are a name and a common word ("bill", "frank", "mark", "rose") are never
    /// reported.
    ///
    /// Silent in headings and works-cited entries, in transcript lines, in URLs, e-mail addresses
    /// and code, after a name particle ("de novo", "van gogh"), after a genus ("Escherichia coli",
    /// "E. coli"), in a sentence of another language, and on words shorter than three letters.
    /// A name the essay always writes in lowercase, three times or more and never capitalised (a
    /// brand, a pen name such as "bell hooks"), is advice, unless it is a day, a month, a language
    /// or a nationality. Inside a quotation the words are the quoted writer's: advice, no fix.
    ///
    /// **Why it matters.** Days, months, languages, nationalities and the adjectives formed from
    /// names take a capital in English; the lowercase form is among the first things a reader marks.
    ///
    /// **Example.**
    ///
    /// ```text
    /// On monday the english teacher spoke of victorian novels.
    ///    ^^^^^^ `Monday`  ^^^^^^^ `English`  ^^^^^^^^^ `Victorian`
    /// ```
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** Safe for the warnings outside quotations: the dictionary has no lowercase form
    /// of the word (or, for the months and countries, the context makes the sense certain). Advice
    /// is never fixed automatically.
    pub struct LowercaseProper {
        name: "lowercase-proper",
        category: Capitalisation,
        severity: Warning,
        summary: "a day, month, language, nationality or name written in lowercase",
        fix: Safe,
    }
}

use super::{is_glued, is_transcript_line};
use crate::diagnostic::Diagnostic;
use crate::doc::{Document, ParagraphKind, TokenKind};
use crate::lexicon::spell::{self, Shape};
use crate::lexicon::{self, pos};
use crate::rule::{Context, Rule};
use crate::Severity;
use std::collections::HashSet;
use std::sync::OnceLock;

#[derive(Default)]
struct Data {
    calendar: HashSet<&'static str>,
    proper: HashSet<&'static str>,
    style: HashSet<&'static str>,
    month: HashSet<&'static str>,
    country: HashSet<&'static str>,
    nationality: HashSet<&'static str>,
    particles: HashSet<&'static str>,
    month_context: HashSet<&'static str>,
    country_context: HashSet<&'static str>,
}

fn data() -> &'static Data {
    static D: OnceLock<Data> = OnceLock::new();
    D.get_or_init(|| {
        let mut d = Data::default();
        let mut sec = "";
        for line in lexicon::lines(lexicon::data_file!("rules/capitalisation/proper_words.txt")) {
            if let Some(s) = line.strip_prefix('@') {
                sec = s.trim();
                continue;
            }
            let set = match sec {
                "calendar" => &mut d.calendar,
                "proper" => &mut d.proper,
                "style" => &mut d.style,
                "month" => &mut d.month,
                "country" => &mut d.country,
                "nationality" => &mut d.nationality,
                "particles" => &mut d.particles,
                "months-context" => &mut d.month_context,
                _ => &mut d.country_context,
            };
            set.extend(line.split_whitespace());
        }
        d
    })
}

/// Endings of nationalities, languages, creeds and the adjectives of names.
fn proper_endings() -> &'static [&'static str] {
    static E: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    E.get_or_init(|| {
        crate::lexicon::lines(crate::lexicon::data_file!(
            "rules/capitalisation/proper_endings.txt"
        ))
        .collect()
    })
}

/// What kind of homograph a word is, if the context may make it the proper noun.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Known only capitalised, or as good as (`@proper`).
    Only,
    /// Capitalised by the dictionary, lowercase in some styles.
    Style,
    Month,
    Country,
    Nationality,
}

fn kind(lower: &str, title: &str) -> Option<Kind> {
    let d = data();
    if d.proper.contains(lower) {
        return Some(Kind::Only);
    }
    if d.style.contains(lower) {
        return Some(Kind::Style);
    }
    if d.month.contains(lower) {
        return Some(Kind::Month);
    }
    if d.country.contains(lower) {
        return Some(Kind::Country);
    }
    if d.nationality.contains(lower) {
        return Some(Kind::Nationality);
    }
    // Known only capitalised: "monday", "victorian" (possessives and plurals too).
    (!spell::check(lower) && spell::check(title)).then_some(Kind::Only)
}

/// How the essay writes a word: in lowercase, and capitalised in mid-sentence.
/// A sentence in another language: three or more words, and a quarter of its words, are
/// lowercase words no dictionary knows.
fn foreign(doc: &Document, s: &crate::doc::Sentence) -> bool {
    let (mut words, mut unknown) = (0usize, 0usize);
    for i in doc.sentence_words(s) {
        if doc.tokens[i].kind != TokenKind::Word {
            continue;
        }
        words += 1;
        let w = doc.tok(i);
        // Words known capitalised ("monday", "victorian") are this rule's business, not
        // evidence of another language.
        if spell::shape(w) == Shape::Lower
            && spell::classify(doc.lower(i)) == spell::Known::Unknown
            && !spell::has_capitalised_entry(doc.lower(i))
        {
            unknown += 1;
        }
    }
    unknown >= 3 && unknown * 4 >= words
}

/// The word after a genus: "Escherichia coli", "E. coli", "Homo erectus".
fn after_genus(doc: &Document, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let p = doc.tok(i - 1);
    if p == "." && i >= 2 {
        let g = doc.tok(i - 2);
        return g.chars().count() <= 2 && g.chars().next().is_some_and(char::is_uppercase);
    }
    doc.tokens[i - 1].is_word()
        && spell::shape(p) == Shape::Title
        && !spell::check(doc.lower(i - 1))
        && !spell::check(p)
}

/// The context makes a month of "march", "may", "august".
fn month_context(doc: &Document, i: usize) -> bool {
    let n = doc.tokens.len();
    let num = |k: usize| k < n && doc.tokens[k].kind == TokenKind::Number;
    if num(i + 1) && doc.tokens[i + 1].newlines_before == 0 {
        return true; // "may 5", "march 2010"
    }
    let d = data();
    // "5 may,", "3rd march and", "in may.", "since march and".
    let before = i > 0
        && (d.month_context.contains(doc.lower(i - 1)) || num(i - 1) && doc.tok(i - 1).len() <= 4);
    let after_ok = i + 1 >= n
        || doc.tokens[i + 1].kind == TokenKind::Punct && !matches!(doc.tok(i + 1), "-" | "'" | "’")
        || crate::lexicon::keyed_list!("capitalisation/context_words.txt", "month-after")
            .contains(&doc.lower(i + 1));
    before && after_ok
}

/// The context makes a country of "china", "turkey".
fn country_context(doc: &Document, i: usize, lower: &str) -> bool {
    if lower.ends_with("'s") {
        return true;
    }
    let n = doc.tokens.len();
    let before = i > 0 && data().country_context.contains(doc.lower(i - 1));
    let next_noun = i + 1 < n
        && doc.tokens[i + 1].kind == TokenKind::Word
        && doc.tokens[i + 1].space_before
        && {
            let t = pos::tags(doc.lower(i + 1));
            t & (pos::NOUN | pos::MAY_NOUN | pos::ADJ | pos::MAY_ADJ) != 0
                && t & (pos::FUNCTION | pos::VERB_PAST | pos::MODAL | pos::BE | pos::HAVE | pos::DO)
                    == 0
        };
    before && !next_noun
}

/// The context makes a nationality of "polish": a determiner before, a noun after.
fn nationality_context(doc: &Document, i: usize) -> bool {
    let n = doc.tokens.len();
    if i == 0 || i + 1 >= n || doc.tokens[i + 1].kind != TokenKind::Word {
        return false;
    }
    let prev = pos::tags(doc.lower(i - 1));
    let next = pos::tags(doc.lower(i + 1));
    prev & (pos::DET | pos::POSS) != 0
        && next & (pos::NOUN | pos::MAY_NOUN) != 0
        && next & (pos::FUNCTION | pos::ADV) == 0
}

impl Rule for LowercaseProper {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let d = data();
        let uses = cx.case_usage();
        for s in doc.sentences.iter() {
            let para = &doc.paragraphs[s.paragraph];
            if !matches!(
                para.kind,
                ParagraphKind::Body | ParagraphKind::ListItem | ParagraphKind::BlockQuote
            ) || is_transcript_line(doc, s.paragraph)
            {
                continue;
            }
            let mut is_foreign: Option<bool> = None;
            for i in s.tokens.clone() {
                let t = &doc.tokens[i];
                if t.kind != TokenKind::Word {
                    continue;
                }
                let w = doc.tok(i);
                if w.len() < 3
                    || !w.starts_with(|c: char| c.is_ascii_lowercase())
                    || spell::shape(w) != Shape::Lower
                    || !spell::is_latin_word(w)
                {
                    continue;
                }
                let lower = doc.lower(i);
                // Quick filter: the dictionary lists the word (or its stem) capitalised.
                let stem = lower.strip_suffix("'s").unwrap_or(lower);
                if !spell::has_capitalised_entry(stem) {
                    continue;
                }
                let title = super::capitalise(w);
                let Some(k) = kind(lower, &title) else {
                    continue;
                };
                // A prefix before a hyphen ("neo-natal"), a name particle itself ("Ecole des").
                let prefix = doc
                    .tokens
                    .get(i + 1)
                    .is_some_and(|n| !n.space_before && doc.tok(i + 1) == "-");
                if spell::is_roman_numeral(w)
                    || prefix
                    || d.particles.contains(lower)
                    || is_glued(doc, i)
                    || i > 0 && d.particles.contains(doc.lower(i - 1))
                    || after_genus(doc, i)
                {
                    continue;
                }
                if *is_foreign.get_or_insert_with(|| foreign(doc, s)) {
                    continue;
                }
                let u = uses.get(lower);
                let capitalised_elsewhere = uses.get(stem).title > 0;
                let calendar = d.calendar.contains(stem)
                    || stem
                        .strip_suffix('s')
                        .is_some_and(|s| d.calendar.contains(s));
                let severity = match k {
                    Kind::Only => {
                        let class = calendar
                            || proper_endings().iter().any(|e| stem.ends_with(e))
                            || d.proper.contains(stem);
                        let common = spell::is_common_word(&title.to_lowercase())
                            || spell::is_common_word(stem);
                        let short = stem.chars().count() <= 3;
                        if calendar
                            || !short && (class || common) && !(u.lower >= 3 && u.title == 0)
                        {
                            Severity::Warning
                        } else if short && !common || stem.chars().count() <= 4 && !common && !class
                        {
                            // "han", "nat", "wal": a foreign or old word more often than a name.
                            continue;
                        } else {
                            Severity::Advice
                        }
                    }
                    Kind::Style => Severity::Advice,
                    Kind::Month => {
                        if !month_context(doc, i) {
                            continue;
                        }
                        Severity::Warning
                    }
                    Kind::Country => {
                        if !country_context(doc, i, lower) {
                            continue;
                        }
                        if capitalised_elsewhere {
                            Severity::Warning
                        } else {
                            Severity::Advice
                        }
                    }
                    Kind::Nationality => {
                        if !nationality_context(doc, i) {
                            continue;
                        }
                        if capitalised_elsewhere {
                            Severity::Warning
                        } else {
                            Severity::Advice
                        }
                    }
                };
                let quoted = doc.in_quotation(t.span) || para.kind == ParagraphKind::BlockQuote;
                let severity = if quoted { Severity::Advice } else { severity };
                let mut diag = cx
                    .diag(
                        t.span,
                        format!("`{w}` is written with a capital letter: `{title}`"),
                    )
                    .severity(severity)
                    .suggest(title.clone());
                if severity == Severity::Warning {
                    diag = diag.fix(t.span, title);
                }
                out.push(diag);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<(String, Severity)> {
        let (doc, out) = crate::rule::run_rule(&LowercaseProper, text);
        out.iter()
            .map(|d| (doc.slice(d.span).to_string(), d.severity))
            .collect()
    }

    #[test]
    fn fires() {
        let w = |s: &str| (s.to_string(), Severity::Warning);
        assert_eq!(
            run("On monday the english teacher read victorian novels to the americans."),
            vec![w("monday"), w("english"), w("victorian"), w("americans")]
        );
        assert_eq!(
            run("We left in may, and in march 2010 we came back."),
            vec![w("may"), w("march")]
        );
    }

    #[test]
    fn homographs_by_context() {
        for t in [
            "You may march on the capital in august company.",
            "She bought fine china cups and a roast turkey for the feast.",
            "Polish the silver, and the march of time goes on.",
            "The treatment was studied de novo in Escherichia coli and E. coli cells.",
            "Bill and Frank left; the bill was paid.",
        ] {
            assert!(run(t).is_empty(), "{t}: {:?}", run(t));
        }
        assert_eq!(
            run("China grew fast. Exports from china rose."),
            vec![("china".to_string(), Severity::Warning)]
        );
    }
}
