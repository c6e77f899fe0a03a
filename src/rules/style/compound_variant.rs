crate::rule::declare_rule! {
    /// # compound-variant
    ///
    /// **What it does.** Reports a compound the essay writes in more than one form: open,
    /// hyphenated or closed ("coalition building" / "coalition-building", "health care" /
    /// "healthcare", "data set" / "dataset"). The essay's own majority decides: the less used
    /// form is reported at its first use, with the counts, and the majority form is suggested.
    /// No list is needed; any compound the essay writes two ways counts.
    ///
    /// **Why it matters.** Dictionaries and style guides disagree about many compounds, but an
    /// essay should pick one form and keep it; editors (and PerfectIt) mark the switch.
    ///
    /// **Example.**
    ///
    /// ```text
    /// The state runs the healthcare system. … Healthcare costs rose, and healthcare workers
    /// went on strike. … The health care workers won a raise.
    ///                       ^^^^^^^^^^^ `health care` is mostly written `healthcare` in this
    ///                       essay (1 open, 3 as one word); use one form throughout
    /// ```
    ///
    /// An open compound and a hyphenated one are compared only in the same position, because
    /// the hyphen often depends on it: "a long-term plan" (before a noun) and "in the long term"
    /// (a noun phrase) are both right, as are "a well-known author" and "the author is well
    /// known". The positions are: before a noun, after a linking verb or degree adverb ("is",
    /// "very"), and elsewhere. A closed form (one word) is the same word in every position.
    /// Open forms count only when both words are content words: "every day" / "everyday",
    /// "set up" / "setup", "any one" / "anyone" are different words. Pairs whose forms mean
    /// different things ("re-cover" / "recover", "long time" / "longtime") are listed in
    /// `rules/style/compound_distinct.txt`. Quotations, headings, the works cited, names (a
    /// capital inside the sentence) and chains of three or more parts ("up-to-date") are not
    /// counted; an open form the `hyphenation` rule already reports is left to it, and a
    /// hyphenated form beside a closed one with no open use ("e-mail" / "email") is
    /// `inconsistent-spelling`'s.
    ///
    /// A warning when the majority form is used at least three times and three times as often as
    /// the form reported; advice otherwise.
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** No automatic fix: the majority form is suggested, and the writer may prefer
    /// the other.
    pub struct CompoundVariant {
        name: "compound-variant",
        category: Style,
        severity: Warning,
        summary: "one compound written two ways (health care / healthcare, coalition building / coalition-building)",
        fix: None,
    }
}

use crate::analysis::scan::{self, Scan};
use crate::diagnostic::{Diagnostic, Severity};
use crate::doc::{Document, Span, TokenKind};
use crate::lexicon;
use crate::lexicon::spell::{FastMap, FastSet};
use crate::lexicon::tagger::Tag;
use crate::rule::{Context, Rule};
use std::sync::OnceLock;

/// How a compound is written.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Shape {
    Open,
    Hyphenated,
    Closed,
}

impl Shape {
    fn name(self) -> &'static str {
        match self {
            Shape::Open => "open",
            Shape::Hyphenated => "hyphenated",
            Shape::Closed => "as one word",
        }
    }
}

/// Where a compound stands: before a noun, after a linking verb or degree adverb, elsewhere.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Place {
    Attributive,
    Predicative,
    Other,
}

/// One use of a compound.
#[derive(Clone, Copy, Debug)]
struct Use {
    span: Span,
    shape: Shape,
    place: Place,
}

/// Pairs whose open, hyphenated and closed forms are different words, as "a b" (lowercase).
fn distinct() -> &'static FastSet<String> {
    static SET: OnceLock<FastSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        let src = lexicon::data_file!("rules/style/compound_distinct.txt");
        lexicon::lines(src)
            .filter(|l| !l.contains(':'))
            .map(|l| {
                l.split(['-', ' '])
                    .filter(|p| !p.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    })
}

/// Words before a compound that make it predicative ("is long term", "very well known").
fn predicative_before(w: &str) -> bool {
    // The linking verbs are hyphenation's list; the degree adverbs this rule's own.
    crate::lexicon::keyed_list!("spelling/hyphenation_context.txt", "linking").contains(&w)
        || crate::lexicon::keyed_list!("style/compound_distinct.txt", "degree-before").contains(&w)
}

impl Rule for CompoundVariant {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let sc = cx.scan();
        let tags = &cx.syntax().tags;
        let n = doc.tokens.len();
        // Uses by key "a b".
        let mut uses: FastMap<String, Vec<Use>> = FastMap::default();
        // Closed candidates: the closed spelling → key, filled from the open and hyphenated
        // forms the essay writes.
        let mut joined: FastMap<String, String> = FastMap::default();
        // Open pairs as (key, first token): most are never written another way, so their
        // place is worked out only for those that are.
        let mut open_pairs: Vec<(String, usize)> = Vec::new();
        let mut i = 0;
        while i < n {
            if !countable(doc, sc, i) {
                i += 1;
                continue;
            }
            // Hyphenated: word '-' word, no spaces, not part of a longer chain.
            if i + 2 < n
                && doc.tok(i + 1) == "-"
                && !doc.tokens[i + 1].space_before
                && !doc.tokens[i + 2].space_before
                && countable(doc, sc, i + 2)
                && sc.sentence[i + 2] == sc.sentence[i]
                && !hyphen_joined_before(doc, i)
                && !hyphen_joined_after(doc, i + 2)
            {
                let (a, b) = (doc.lower(i), doc.lower(i + 2));
                if latin_word(a) && latin_word(b) && !matches!(a, "a" | "i") {
                    let key = format!("{a} {b}");
                    if !distinct().contains(&key) {
                        joined.insert(format!("{a}{b}"), key.clone());
                        let span = doc.tokens[i].span.to(doc.tokens[i + 2].span);
                        uses.entry(key).or_default().push(Use {
                            span,
                            shape: Shape::Hyphenated,
                            place: place(doc, sc, tags, i, i + 2),
                        });
                    }
                }
                i += 3;
                continue;
            }
            // Open: two content words side by side.
            if i + 1 < n
                && countable(doc, sc, i + 1)
                && doc.tokens[i + 1].space_before
                && doc.tokens[i + 1].newlines_before <= 1
                && sc.sentence[i + 1] == sc.sentence[i]
                && !hyphen_joined_before(doc, i)
                && !hyphen_joined_after(doc, i + 1)
            {
                let (a, b) = (doc.lower(i), doc.lower(i + 1));
                if content_part(a) && content_part(b) {
                    let key = format!("{a} {b}");
                    if !distinct().contains(&key) {
                        open_pairs.push((key, i));
                    }
                }
            }
            i += 1;
        }
        // Open pairs count only for compounds the essay also writes another way; every open
        // pair may be a closed word's other form.
        for (key, _) in &open_pairs {
            let closed: String = key.split(' ').collect();
            joined.entry(closed).or_insert_with(|| key.clone());
        }
        // Closed forms.
        for i in 0..n {
            if !countable(doc, sc, i) || hyphen_joined_before(doc, i) || hyphen_joined_after(doc, i)
            {
                continue;
            }
            if let Some(key) = joined.get(doc.lower(i)) {
                uses.entry(key.clone()).or_default().push(Use {
                    span: doc.tokens[i].span,
                    shape: Shape::Closed,
                    place: place(doc, sc, tags, i, i),
                });
            }
        }
        for (key, i) in open_pairs {
            if let Some(v) = uses.get_mut(&key) {
                v.push(Use {
                    span: doc.tokens[i].span.to(doc.tokens[i + 1].span),
                    shape: Shape::Open,
                    place: place(doc, sc, tags, i, i + 1),
                });
            }
        }
        let mut keys: Vec<&String> = uses.keys().collect();
        keys.sort_by_key(|k| uses[*k].iter().map(|u| u.span.start).min());
        let mut reported: FastSet<usize> = FastSet::default();
        for key in keys {
            let mut v = uses[key].clone();
            v.sort_by_key(|u| u.span.start);
            // (Hyphenated against closed, "e-mail" / "email", is `inconsistent-spelling`'s.)
            // Open against the others: in the same position only. A compound the hyphenation
            // rule knows is its business (it reports the open form and never suggests it).
            if hyphenation_knows(key) {
                continue;
            }
            for p in [Place::Attributive, Place::Predicative, Place::Other] {
                let w: Vec<Use> = v.iter().copied().filter(|u| u.place == p).collect();
                report(cx, key, &w, true, &mut reported, out);
            }
        }
    }
}

/// A word of running prose outside quotations and code, in a sentence, that is not a name
/// (capitalised inside the sentence) or an abbreviation (all capitals).
fn countable(doc: &Document, sc: &Scan, i: usize) -> bool {
    if !sc.prose_word(doc, i) || sc.is(i, scan::QUOTED) || sc.sentence[i] == usize::MAX {
        return false;
    }
    let t = doc.tok(i);
    let mut chars = t.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if chars.any(char::is_uppercase) {
        return false;
    }
    !first.is_uppercase() || sc.is(i, scan::INITIAL)
}

/// A word that may be part of an open compound: three letters or more, a dictionary word, not a
/// function word (determiners, prepositions, particles: "every day", "set up").
fn content_part(w: &str) -> bool {
    w.len() >= 3 && latin_word(w) && !lexicon::is_function_word(w) && lexicon::is_dictionary_word(w)
}

/// Letters of the Latin script only (a Greek or Cyrillic term is the source's spelling).
fn latin_word(w: &str) -> bool {
    !w.is_empty() && w.chars().all(|c| c.is_alphabetic() && (c as u32) < 0x250)
}

/// Token `i` is the end of a hyphen chain ("state-of").
fn hyphen_joined_before(doc: &Document, i: usize) -> bool {
    i >= 1 && !doc.tokens[i].space_before && matches!(doc.tok(i - 1), "-" | "/")
}

/// Token `i` continues with a hyphen ("long-" in "long-term-care").
fn hyphen_joined_after(doc: &Document, i: usize) -> bool {
    i + 1 < doc.tokens.len()
        && !doc.tokens[i + 1].space_before
        && matches!(doc.tok(i + 1), "-" | "/")
}

/// Where the compound from token `first` to token `last` stands.
fn place(doc: &Document, sc: &Scan, tags: &[Tag], first: usize, last: usize) -> Place {
    if first >= 1
        && doc.tokens[first - 1].kind == TokenKind::Word
        && sc.sentence[first - 1] == sc.sentence[first]
        && predicative_before(doc.lower(first - 1))
    {
        return Place::Predicative;
    }
    let k = last + 1;
    if k < doc.tokens.len()
        && doc.tokens[k].kind == TokenKind::Word
        && doc.tokens[k].space_before
        && sc.sentence[k] == sc.sentence[last]
        && !lexicon::is_function_word(doc.lower(k))
        && !predicative_before(doc.lower(k))
        && !doc.tok(k).ends_with("ly")
        && tags.get(k).is_some_and(|t| t.is_noun() || t.is_adj())
    {
        return Place::Attributive;
    }
    Place::Other
}

/// True if the `hyphenation` rule knows the compound (its list, or a prefix it joins: "non
/// random", "self esteem"): it reports the open form itself, and the open form is never right.
fn hyphenation_knows(key: &str) -> bool {
    let parts: Vec<&str> = key.split(' ').collect();
    parts[0] == "self"
        || crate::lexicon::keyed_list!("spelling/hyphenation_context.txt", "loose-prefixes")
            .contains(&parts[0])
        || crate::rules::spelling::hyphenation::compounds()
            .get(parts[0])
            .is_some_and(|list| {
                list.iter()
                    .any(|c| c.parts.iter().map(String::as_str).eq(parts.iter().copied()))
            })
}

/// Reports the minority forms among `v` (uses of one compound in one comparable set).
/// With `open_only`, only a minority or majority that is the open form is reported (the
/// hyphenated against closed choice is reported apart); `reported` keeps one report a span.
fn report(
    cx: &Context<'_>,
    key: &str,
    v: &[Use],
    open_only: bool,
    reported: &mut FastSet<usize>,
    out: &mut Vec<Diagnostic>,
) {
    let doc = cx.doc;
    let shapes = [Shape::Open, Shape::Hyphenated, Shape::Closed];
    let count = |s: Shape| v.iter().filter(|u| u.shape == s).count();
    let used: Vec<Shape> = shapes.into_iter().filter(|&s| count(s) > 0).collect();
    if used.len() < 2 {
        return;
    }
    // The majority; a tie goes to the form written first.
    let first_of = |s: Shape| v.iter().find(|u| u.shape == s).map(|u| u.span.start);
    let Some(major) = used
        .iter()
        .copied()
        .min_by_key(|&s| (std::cmp::Reverse(count(s)), first_of(s)))
    else {
        return;
    };
    let (a, b) = key.split_once(' ').unwrap_or((key, ""));
    // Before a noun, a compound modifier whose second part is an adjective or a participle
    // takes the hyphen ("a science-related career"): an open majority does not make the
    // hyphenated form the slip; the open form is pointed at instead, as advice.
    let modifier = v.iter().all(|u| u.place == Place::Attributive)
        && major == Shape::Open
        && count(Shape::Hyphenated) > 0
        && (b.ends_with("ed") || b.ends_with("ing") || crate::lexicon::pos::is_adj_only(b));
    let major = if modifier { Shape::Hyphenated } else { major };
    let major_use = v.iter().find(|u| u.shape == major).copied();
    let Some(major_use) = major_use else { return };
    let form_text = |s: Shape| match s {
        Shape::Open => format!("{a} {b}"),
        Shape::Hyphenated => format!("{a}-{b}"),
        Shape::Closed => format!("{a}{b}"),
    };
    let counts: Vec<String> = used
        .iter()
        .map(|&s| format!("{} {}", count(s), s.name()))
        .collect();
    let m = count(major);
    for &s in &used {
        if s == major {
            continue;
        }
        let mine: Vec<&Use> = v.iter().filter(|u| u.shape == s).collect();
        let first = mine[0];
        if open_only && s != Shape::Open && major != Shape::Open {
            continue;
        }
        if !reported.insert(first.span.start) {
            continue;
        }
        let k = mine.len();
        let written = doc.slice(first.span).split_whitespace().collect::<Vec<_>>();
        let written = written.join(" ");
        let right = crate::lexicon::match_case(&written, &form_text(major));
        let how = if m == k { "also" } else { "mostly" };
        let msg = if modifier {
            format!(
                "`{written}` is also written `{}` in this essay ({}); before a noun, a compound \
                 modifier usually takes the hyphen: use `{}` throughout",
                form_text(major),
                counts.join(", "),
                form_text(major)
            )
        } else {
            format!(
                "`{written}` is {how} written `{}` in this essay ({}); use one form throughout",
                form_text(major),
                counts.join(", ")
            )
        };
        // A hyphenated modifier before a noun ("high-skill workers") is the standard form there,
        // even when the essay mostly writes the compound open: reported for consistency, but
        // as advice, since the suggestion would take a correct hyphen away.
        let hyphen_lost = s == Shape::Hyphenated
            && major == Shape::Open
            && mine.iter().all(|u| u.place == Place::Attributive);
        let sure = !modifier && !hyphen_lost && m >= 3 && m >= 3 * k;
        let mut d = cx.diag(first.span, msg).suggest(right);
        if !sure {
            d = d.severity(Severity::Advice);
        }
        d = d.related(major_use.span, format!("`{}` here", form_text(major)));
        for u in mine.iter().skip(1).take(3) {
            d = d.related(u.span, format!("`{}` again", form_text(s)));
        }
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn msgs(text: &str) -> Vec<String> {
        let doc = crate::analysis::from_text(text);
        let config = Config::default();
        let cx = Context::new(&doc, &config, crate::rule::Declared::meta(&CompoundVariant));
        let mut out = Vec::new();
        CompoundVariant.check(&cx, &mut out);
        out.iter().map(|d| d.message.clone()).collect()
    }

    #[test]
    fn open_and_closed() {
        let m = msgs(
            "The healthcare system is large. Healthcare costs rose, and healthcare workers \
             struck. The health care workers won.",
        );
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(
            m[0].contains("`health care` is mostly written `healthcare`"),
            "{m:?}"
        );
    }

    #[test]
    fn open_and_hyphen_same_place() {
        let m = msgs(
            "Unions began coalition-building in spring. The coalition-building process is slow. \
             Their coalition building process failed.",
        );
        assert_eq!(m.len(), 1, "{m:?}");
    }

    #[test]
    fn different_places_are_silent() {
        let m = msgs(
            "We made a long-term plan. In the long term, it failed. The plan is long-term \
             thinking.",
        );
        assert!(m.is_empty(), "{m:?}");
    }

    #[test]
    fn function_words_are_silent() {
        let m =
            msgs("I walk every day. It is an everyday habit. We set up the lab; the setup worked.");
        assert!(m.is_empty(), "{m:?}");
    }
}
