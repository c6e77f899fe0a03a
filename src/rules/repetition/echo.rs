crate::rule::declare_rule! {
    /// # echo
    ///
    /// **What it does.** Finds a content word that comes back too soon, in the same or another
    /// form, and points at both uses. Words are matched by lemma, so wish, wishes and wished are
    /// one word. It reports what a careful editor marks:
    ///
    /// - the word in another form close together in one sentence: "specifically wished for the
    ///   wish", "whites grew afraid the growing population", "resulted in some results";
    /// - an adverb in -ly used twice in a sentence, or a few words into the next: "he ultimately
    ///   would lose favour …, Stalin ultimately becoming the sole leader";
    /// - the same word again two or three words on: "limited because of limited interaction".
    ///
    /// **Why it matters.** A word repeated at close range draws the ear: the reader notices the
    /// word instead of the thought, and the sentence sounds unrevised. Usually one of the two can
    /// go, or be replaced by a pronoun or a more exact word.
    ///
    /// **Example.**
    ///
    /// ```text
    /// Stalin supported the NEP, and specifically wished for the wish that many Bukharinites held.
    ///                                                          ^^^^ `wish` echoes `wished` 2 words earlier
    /// ```
    ///
    /// Not echoes: a noun taken up again in the same or the next sentence (that is how prose keeps
    /// its subject in view); function words and light words (be, have, make, use, one, time, …);
    /// numbers; names and the essay's own terms (a word the essay uses many times, one of its most
    /// frequent content words, or one a paragraph keeps returning to); words inside quotations,
    /// citations, headings and block quotations; set phrases and parallel structures ("side by
    /// side", "from year to year", "boys will be boys", "on the one hand … on the other hand", "the
    /// first group … the second group", "real consequences for real people", "is spurred by … is
    /// spurred by").
    ///
    /// Another form of the word at most three words on, with no punctuation between, is a warning
    /// (it is almost always a slip); everything else is advice.
    ///
    /// **Options.**
    ///
    /// - `window` (integer, default 18): the most words between two uses of an adverb.
    ///
    /// **Fix safety.** No automatic fix: the rule only reports; the remedy (rewording, a citation, an
    /// entry in the works cited) is the writer's to choose.
    pub struct Echo {
        name: "echo",
        category: Repetition,
        severity: Warning,
        summary: "a word repeated too soon, in another form or as an adverb (\"wished for the wish\")",
        fix: None,
        options: EchoOptions {
            /// the most words between two uses of an adverb
            window: i64 = 18,
        },
    }
}
use crate::analysis::words::{Words, NONE, SENTENCE_START};
use crate::diagnostic::Diagnostic;
use crate::doc::{Document, TokenKind};
use crate::lexicon;
use crate::rule::{Context, Rule};
use crate::Severity;
use std::collections::HashSet;
use std::sync::OnceLock;

fn ignored(lemma: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        lexicon::word_set(crate::lexicon::data_file!(
            "rules/repetition/echo_ignore.txt"
        ))
    })
    .contains(lemma)
}

/// Words between two uses that make them a deliberate parallel ("economic and social …").
fn is_coordinator(w: &str) -> bool {
    matches!(
        w,
        "and" | "or" | "nor" | "but" | "than" | "versus" | "vs" | "as" | "to" | "from" | "into"
    )
}

/// Minimum uses that make a word one of the essay's terms rather than an echo.
fn term_threshold(words: usize) -> u32 {
    (4 + words / 700) as u32
}

/// How many of the essay's most frequent content lemmas count as its topic words.
const TOPIC_WORDS: usize = 12;

impl Rule for Echo {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let o = Self::options(cx);
        let doc = cx.doc;
        let window = o.window.clamp(1, 200) as usize;
        let w = cx.words();
        let (eligible_lemma, adverb) = eligible_lemmas(w);

        // Paragraph-level use counts, reset per paragraph: lemma → uses in this paragraph.
        let mut para_count: Vec<u32> = vec![0; w.lemmas.len()];
        // Last use of each lemma in the current paragraph: (token index, ordinal of the word).
        let mut last: Vec<(usize, usize)> = vec![(usize::MAX, 0); w.lemmas.len()];
        let mut reported: HashSet<usize> = HashSet::new();

        for p in &doc.paragraphs {
            let toks = p.tokens.clone();
            // Count uses per lemma in this paragraph first.
            for i in toks.clone() {
                if w.own_prose(i) && eligible_lemma[w.lemma[i] as usize] {
                    para_count[w.lemma[i] as usize] += 1;
                }
            }
            // The words of the paragraph in order, with their ordinals.
            let mut ordinal = 0usize;
            let mut touched: Vec<u32> = Vec::new();
            for si in p.sentences.clone() {
                let s = &doc.sentences[si];
                for j in s.tokens.clone() {
                    if !doc.tokens[j].is_wordlike() {
                        continue;
                    }
                    ordinal += 1;
                    if !w.own_prose(j) {
                        continue;
                    }
                    let lid = w.lemma[j] as usize;
                    if !eligible_lemma[lid] || !eligible_token(doc, w, j) {
                        continue;
                    }
                    let (i, oi) = last[lid];
                    last[lid] = (j, ordinal);
                    touched.push(lid as u32);
                    if i == usize::MAX {
                        continue;
                    }
                    let between = ordinal - oi - 1;
                    if between > window || between == 0 {
                        continue;
                    }
                    let Some(si_prev) = doc.sentence_at(doc.tokens[i].span.start) else {
                        continue;
                    };
                    if si_prev + 1 < si {
                        continue;
                    }
                    if !worth_reporting(doc, w, &adverb, (i, j), between, window, si_prev == si) {
                        continue;
                    }
                    if para_count[lid] >= 3 && !adverb[lid] {
                        continue; // the paragraph's subject
                    }
                    if reported.contains(&i) || deliberate(doc, w, i, j, between) {
                        continue;
                    }
                    reported.insert(j);
                    out.push(report(cx, doc, i, j, between, si_prev == si));
                }
            }
            for lid in touched {
                last[lid as usize] = (usize::MAX, 0);
            }
            for i in toks {
                if w.lemma[i] != NONE {
                    para_count[w.lemma[i] as usize] = 0;
                }
            }
        }
    }
}

/// Which repetitions of one lemma an editor marks. Nouns taken up again, in the same sentence
/// or the next, are how prose keeps its subject in view, so a repetition is reported only when
/// it is audible:
/// - an adverb in -ly twice (ultimately … ultimately), within the window, or a few words into
///   the next sentence;
/// - the word in another form, close together in one sentence (wished for the wish, resulted
///   in results, grew … growing), not merely singular and plural;
/// - a participle twice a few words apart (limited because of limited interaction).
fn worth_reporting(
    doc: &Document,
    w: &Words,
    adverb: &[bool],
    (i, j): (usize, usize),
    between: usize,
    window: usize,
    same_sentence: bool,
) -> bool {
    let (a, b) = (doc.lower(i), doc.lower(j));
    if adverb[w.lemma[i] as usize] && a.ends_with("ly") && b.ends_with("ly") {
        return if same_sentence {
            between <= window
        } else {
            between <= window.min(8)
        };
    }
    if !same_sentence {
        return false;
    }
    let punct_between = (i + 1..j).any(|k| doc.tokens[k].kind == TokenKind::Punct);
    if !number_variant(a, b) {
        return between <= 8;
    }
    // The same word a few words on: "limited because of limited interaction", "a serious
    // problem is a serious problem".
    a == b && between <= 3 && !punct_between
}

/// True for an adverb in -ly built on a word (ultimately, actually, happily, basically,
/// probably), not a word that merely ends in -ly (family, supply, anomaly).
fn is_ly_adverb(w: &str) -> bool {
    let Some(stem) = w.strip_suffix("ly") else {
        return false;
    };
    if stem.len() < 4 || !w.is_ascii() {
        return false;
    }
    let dict = |s: &str| s.len() >= 4 && lexicon::is_dictionary_word(s);
    dict(stem)
        || stem
            .strip_suffix('i')
            .is_some_and(|s| dict(&format!("{s}y")))
        || stem
            .strip_suffix("al")
            .is_some_and(|s| s.ends_with("ic") && dict(s))
        || stem
            .strip_suffix('b')
            .is_some_and(|s| dict(&format!("{s}ble")))
        || dict(&format!("{stem}le"))
}

/// Two forms of one word that differ only in number or person: policy/policies, decide/decides.
fn number_variant<'a_>(a: &'a_ str, b: &'a_ str) -> bool {
    let strip = |s: &'a_ str| {
        s.strip_suffix("'s")
            .or_else(|| s.strip_suffix('\''))
            .unwrap_or(s)
    };
    let (a, b) = (strip(a), strip(b));
    // analysis → analyses, crisis → crises
    if let (Some(x), Some(y)) = (a.strip_suffix("is"), b.strip_suffix("es")) {
        if x == y {
            return true;
        }
    }
    if let (Some(x), Some(y)) = (a.strip_suffix("es"), b.strip_suffix("is")) {
        if x == y {
            return true;
        }
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short == long {
        return true;
    }
    if let Some(rest) = long.strip_prefix(short) {
        return matches!(rest, "s" | "es" | "'s" | "s'");
    }
    // policy → policies
    if let (Some(stem), Some(lstem)) = (short.strip_suffix('y'), long.strip_suffix("ies")) {
        return stem == lstem;
    }
    false
}

/// Lemmas that may echo: content words that are not names, light words or the essay's terms
/// (adverbs in -ly are never terms: "clearly" ten times is a habit, not a subject); and which
/// of them are such adverbs.
fn eligible_lemmas(w: &Words) -> (Vec<bool>, Vec<bool>) {
    let threshold = term_threshold(w.prose_words);
    let base: Vec<bool> = w
        .lemmas
        .iter()
        .map(|l| {
            !l.function
                && !l.name
                && l.text.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && !ignored(&l.text)
                && l.text.chars().all(|c| c.is_alphabetic())
        })
        .collect();
    let adverb: Vec<bool> = w
        .lemmas
        .iter()
        .zip(&base)
        .map(|(l, &ok)| ok && is_ly_adverb(&l.text))
        .collect();
    let mut ok: Vec<bool> = w
        .lemmas
        .iter()
        .enumerate()
        .map(|(i, l)| base[i] && (adverb[i] || l.count < threshold))
        .collect();
    // The essay's most frequent content words are its topic, even below the threshold.
    let mut freq: Vec<(u32, usize)> = w
        .lemmas
        .iter()
        .enumerate()
        .filter(|(i, l)| !l.function && !adverb[*i] && l.count >= 3)
        .map(|(i, l)| (l.count, i))
        .collect();
    freq.sort_unstable_by(|a, b| b.cmp(a));
    for &(_, i) in freq.iter().take(TOPIC_WORDS) {
        ok[i] = false;
    }
    (ok, adverb)
}

/// A token that may take part in an echo: a lowercase word (or a capitalised one at the start
/// of a sentence), not an acronym.
fn eligible_token(doc: &Document, w: &Words, i: usize) -> bool {
    let t = doc.tok(i);
    if crate::doc::is_all_caps(t) {
        return false;
    }
    !crate::doc::is_capitalized(t) || w.flags[i] & SENTENCE_START != 0
}

/// The word tokens around `i`: (previous, next), skipping nothing (punctuation ends the search).
fn neighbours(doc: &Document, i: usize) -> (Option<usize>, Option<usize>) {
    let prev = i
        .checked_sub(1)
        .filter(|&k| doc.tokens[k].kind == TokenKind::Word && doc.tokens[i].space_before);
    let next = Some(i + 1).filter(|&k| {
        k < doc.tokens.len() && doc.tokens[k].kind == TokenKind::Word && doc.tokens[k].space_before
    });
    (prev, next)
}

/// True if the repetition of the word at `i` at `j` looks deliberate.
fn deliberate(doc: &Document, w: &Words, i: usize, j: usize, between: usize) -> bool {
    let middle: Vec<usize> = (i + 1..j)
        .filter(|&k| doc.tokens[k].is_wordlike())
        .collect();
    // "side by side", "year to year", "more and more", "face-to-face".
    if between == 1 && middle.iter().all(|&k| w.info(k).is_none_or(|l| l.function)) {
        return true;
    }
    // "watch Troilus watching", "saw him seeing": a verb of perception and its object.
    if between == 1 && doc.lower(j).ends_with("ing") {
        let m = middle[0];
        if w.info(m).is_some_and(|l| l.name)
            || matches!(
                doc.lower(m),
                "him" | "her" | "them" | "us" | "me" | "it" | "you"
            )
        {
            return true;
        }
    }
    // Tautologies: "boys will be boys", "a deal is a deal", "enough is enough".
    if w.form[i] == w.form[j]
        && between <= 3
        && middle.iter().all(|&k| w.info(k).is_none_or(|l| l.function))
    {
        return true;
    }
    // "the best of the best", "bone of my bones", "king of kings".
    if between <= 2 && middle.iter().any(|&k| doc.lower(k) == "of") {
        return true;
    }
    // A coordinated parallel: "economic and social policy … foreign policy", "not X but X".
    if between <= 6 && middle.iter().any(|&k| is_coordinator(doc.lower(k))) {
        return true;
    }
    let (pi, ni) = neighbours(doc, i);
    let (pj, nj) = neighbours(doc, j);
    let same = |a: Option<usize>, b: Option<usize>| match (a, b) {
        (Some(a), Some(b)) => w.form[a] == w.form[b],
        _ => false,
    };
    // The same slot twice ("is spurred by … is spurred by", "control group … control group"):
    // a parallel structure or a term, not an echo.
    if same(pi, pj) || same(ni, nj) {
        return true;
    }
    // The same words lead up to both: "an average of 15% annually … an average of 10% annually".
    let before = |k: usize| {
        (k.saturating_sub(4)..k)
            .filter(|&x| w.form[x] != NONE)
            .map(|x| w.form[x])
            .collect::<Vec<u32>>()
    };
    let (bi, bj) = (before(i), before(j));
    if bi.iter().filter(|f| bj.contains(f)).count() >= 2 {
        return true;
    }
    // Contrasting heads: "statistically insignificant … statistically significant", "roughly
    // subadult … roughly adult".
    if let (Some(a), Some(b)) = (ni, nj) {
        let (a, b) = (doc.lower(a), doc.lower(b));
        let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        if short.len() >= 4 && short != long && (long.ends_with(short) || long.starts_with(short)) {
            return true;
        }
    }
    let same_form = w.form[i] == w.form[j];
    let content = |k: Option<usize>| {
        k.filter(|&k| {
            w.info(k)
                .is_some_and(|l| !l.function || contrast_word(&l.text))
                || doc.tokens[k].kind == TokenKind::Number
        })
    };
    if same_form {
        // Contrasting modifiers: "the first group … the second group", "male … female flies".
        if content(pi).is_some() && content(pj).is_some() {
            return true;
        }
        // One modifier on two heads: "similar needs for similar pollinators", "real
        // consequences for real people" (not adverbs: "ultimately lose … ultimately becoming").
        if !doc.lower(i).ends_with("ly") && content(ni).is_some() && content(nj).is_some() {
            return true;
        }
        // A noun taken up again: "a period of joint rule. In this period", "the sentiment".
        if pj.is_some_and(|k| is_determiner(doc.lower(k))) {
            return true;
        }
    }
    // "on the one hand … on the other hand": contrast words two back.
    let two_back = |k: usize| {
        (k >= 2 && doc.tokens[k - 1].kind == TokenKind::Word)
            .then(|| doc.lower(k - 2))
            .filter(|s| contrast_word(s))
    };
    let one_back = |k: usize| {
        (k >= 1)
            .then(|| doc.lower(k - 1))
            .filter(|s| contrast_word(s))
    };
    let ci = one_back(i).or_else(|| two_back(i));
    let cj = one_back(j).or_else(|| two_back(j));
    if let (Some(a), Some(b)) = (ci, cj) {
        if a != b {
            return true;
        }
    }
    false
}

/// Determiners and possessives that introduce a noun phrase.
fn is_determiner(s: &str) -> bool {
    crate::lexicon::in_list!("repetition/determiners.txt", s)
}

/// Words that set one thing against another: "the one … the other", "first … second".
fn contrast_word(s: &str) -> bool {
    crate::lexicon::in_list!("repetition/contrast_words.txt", s)
}

fn report(
    cx: &Context<'_>,
    doc: &Document,
    i: usize,
    j: usize,
    between: usize,
    same_sentence: bool,
) -> Diagnostic {
    let (a, b) = (doc.tok(i), doc.tok(j));
    let words = if between == 1 { "word" } else { "words" };
    let msg = if same_sentence {
        format!("`{b}` echoes `{a}` {between} {words} earlier; consider another word or rephrasing")
    } else {
        format!("`{b}` echoes `{a}` in the previous sentence; consider another word or a pronoun")
    };
    let punct_between = (i + 1..j).any(|k| doc.tokens[k].kind == TokenKind::Punct);
    let other_form = !doc.lower(i).eq(doc.lower(j));
    let severity = if same_sentence && between <= 3 && !punct_between && other_form {
        Severity::Warning
    } else {
        Severity::Advice
    };
    cx.diag(doc.tokens[j].span, msg)
        .severity(severity)
        .related(doc.tokens[i].span, "first used here")
}
