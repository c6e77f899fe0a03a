crate::rule::declare_rule! {
    /// # overused-phrase
    ///
    /// **What it does.** Finds a wording of two to five words that the essay keeps coming back to
    /// far more often than a writer means to, such as a name in the possessive with the same noun
    /// ("Stalin’s rise" seven times in 1,700 words) or the same noun phrase built on a name ("the
    /// rise of Stalin"). It reports the phrase once, at its first use, with every other use as a
    /// related location. Case and the apostrophe (’ or ') do not matter.
    ///
    /// It also finds a stock phrase or filler the writer leans on ("it is important to note that"
    /// four times, "when it comes to", "due to the fact that", "in terms of", "plays a major role"),
    /// from a list in `rules/repetition/stock_phrases.txt`. Each line of the list is one phrase,
    /// matched word by word on lowercase forms (’ folded), with `play|plays|played` giving the forms
    /// one word may take; all forms of a line count as one phrase.
    ///
    /// **Why it matters.** A phrase repeated every few paragraphs becomes a refrain: the reader
    /// starts to hear the wording instead of the argument. A pronoun ("his rise"), a synonym ("his
    /// ascent") or a restructured sentence keeps the idea without the echo.
    ///
    /// **Example.**
    ///
    /// ```text
    /// First, Stalin’s rise was not preordained or even predictable.
    ///        ^^^^^^^^^^^^^ “Stalin’s rise” is used 7 times in 1,697 words
    /// ```
    ///
    /// The threshold grows with the length of the essay: at least 5 uses, and at least 3.5 per
    /// 1,000 words. Not counted: the essay's terms (noun compounds such as "climate change",
    /// names such as "the Soviet Union", eponyms such as "Alzheimer’s disease" or "Newton’s
    /// laws"), phrases of function words only ("of the"), and wording inside quotations. A phrase
    /// inside a longer reported phrase is reported once. It is advice.
    ///
    /// A stock phrase needs fewer uses: at least 3, and at least 1.5 per 1,000 words (so 3 in a
    /// 2,000-word essay, 8 in 5,000 words). Phrases that good prose also uses freely, marked `+` in
    /// the list ("in order to", "as a result", "on the other hand"), need at least twice the
    /// minimum count (6) and 1.75 times the rate (about 2.6 per 1,000 words). Uses must be in the
    /// writer's own prose: quotations, citations, headings and works-cited entries do not count.
    ///
    /// **Options.**
    ///
    /// - `per-thousand` (number, default 3.5): uses per 1,000 words from which a phrase is
    ///   reported.
    /// - `min-count` (integer, default 5): the fewest uses ever reported.
    /// - `stock-per-thousand` (number, default 1.5): uses per 1,000 words from which a stock
    ///   phrase is reported (1.75 times this for the `+` phrases).
    /// - `stock-min-count` (integer, default 3): the fewest uses of a stock phrase ever reported
    ///   (twice this for the `+` phrases).
    ///
    /// **Fix safety.** No automatic fix: the rule only reports; the remedy (rewording, a citation, an
    /// entry in the works cited) is the writer's to choose.
    pub struct OverusedPhrase {
        name: "overused-phrase",
        category: Repetition,
        severity: Advice,
        summary: "a phrase repeated far more often than a writer intends (\"Stalin’s rise\" ×7)",
        fix: None,
        options: OverusedPhraseOptions {
            /// uses per 1,000 words from which a phrase is reported
            per_thousand: f64 = 3.5,
            /// the fewest uses ever reported
            min_count: i64 = 5,
            /// uses per 1,000 words from which a stock phrase ("in order to") is reported
            stock_per_thousand: f64 = 1.5,
            /// the fewest uses of a stock phrase ever reported
            stock_min_count: i64 = 3,
        },
    }
}
use crate::analysis::words::{Words, NONE};
use crate::diagnostic::Diagnostic;
use crate::doc::{is_capitalized, Document, TokenKind};
use crate::lexicon;
use crate::rule::{Context, Rule};
use crate::Span;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Head nouns that make a possessive name an eponymous term (Alzheimer's disease).
fn eponym_head(lemma: &str) -> bool {
    crate::lexicon::in_list!("repetition/eponym_heads.txt", lemma)
}

const MAX_N: usize = 5;

struct Candidate {
    /// Token index of each use's first word; the phrase is `n` word tokens long.
    starts: Vec<usize>,
    n: usize,
    /// A stock phrase from the list (reported from a lower threshold, with its own advice).
    stock: bool,
    /// A stock phrase common in good prose too (marked `+` in the list): twice the threshold.
    common: bool,
}

/// The stock-phrase list, parsed once: every wording as a sequence of word ids (lowercase
/// forms), with the line it came from, and the wordings indexed by their first two words.
struct StockList {
    /// Lowercase form of a list word → its id.
    vocab: HashMap<String, u32>,
    /// Each wording and the index of its line (all forms of a line are one phrase).
    phrases: Vec<(Box<[u32]>, u32)>,
    /// Per line: marked `+`, common in good prose too.
    common: Vec<bool>,
    by_first_two: HashMap<(u32, u32), Vec<u32>>,
}

fn stock_list() -> &'static StockList {
    static LIST: OnceLock<StockList> = OnceLock::new();
    LIST.get_or_init(|| {
        let mut list = StockList {
            vocab: HashMap::new(),
            phrases: Vec::new(),
            common: Vec::new(),
            by_first_two: HashMap::new(),
        };
        let mut seen: HashSet<Box<[u32]>> = HashSet::new();
        let src = crate::lexicon::data_file!("rules/repetition/stock_phrases.txt");
        for (line_no, line) in lexicon::lines(src).enumerate() {
            let common = line.starts_with('+');
            list.common.push(common);
            let line = line.trim_start_matches('+');
            let slots: Vec<Vec<u32>> = line
                .split_whitespace()
                .map(|word| {
                    word.split('|')
                        .filter(|f| !f.is_empty())
                        .map(|f| {
                            let low = f.to_lowercase().replace('’', "'");
                            let next = list.vocab.len() as u32;
                            *list.vocab.entry(low).or_insert(next)
                        })
                        .collect()
                })
                .collect();
            if slots.len() < 2 || slots.len() > MAX_STOCK || slots.iter().any(Vec::is_empty) {
                continue;
            }
            // Every combination of the forms (a handful per line).
            let mut wordings: Vec<Vec<u32>> = vec![Vec::new()];
            for slot in &slots {
                wordings = wordings
                    .iter()
                    .flat_map(|w| {
                        slot.iter().map(move |&f| {
                            let mut w = w.clone();
                            w.push(f);
                            w
                        })
                    })
                    .collect();
            }
            for ids in wordings {
                let ids: Box<[u32]> = ids.into();
                if !seen.insert(ids.clone()) {
                    continue;
                }
                let idx = list.phrases.len() as u32;
                list.by_first_two
                    .entry((ids[0], ids[1]))
                    .or_default()
                    .push(idx);
                list.phrases.push((ids, line_no as u32));
            }
        }
        list
    })
}

/// The longest stock phrase, in words.
const MAX_STOCK: usize = 8;

impl Rule for OverusedPhrase {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let o = Self::options(cx);
        let doc = cx.doc;
        let w = cx.words();
        let per_k = o.per_thousand.max(0.0);
        let min_count = o.min_count.max(2) as usize;
        let threshold = min_count.max((w.prose_words as f64 * per_k / 1000.0).ceil() as usize);
        let stock_per_k = o.stock_per_thousand.max(0.0);
        let stock_min = o.stock_min_count.max(2) as usize;
        let stock_threshold =
            stock_min.max((w.prose_words as f64 * stock_per_k / 1000.0).ceil() as usize);
        // Phrases good prose also uses freely: twice the count, 1.75 times the rate.
        let common_threshold = (2 * stock_min)
            .max((w.prose_words as f64 * stock_per_k * 1.75 / 1000.0).ceil() as usize);
        let needed = |c: &Candidate| match (c.stock, c.common) {
            (false, _) => threshold,
            (true, false) => stock_threshold,
            (true, true) => common_threshold,
        };

        // Runs of the writer's own words, broken by punctuation, numbers and quotations.
        let mut phrases: HashMap<u64, Candidate> = HashMap::new();
        // Uses of each possessive form, and how often each is followed by the same head.
        let mut possessive_uses: HashMap<u32, u32> = HashMap::new();
        let mut run: Vec<usize> = Vec::new();
        let n_tok = doc.tokens.len();
        for i in 0..=n_tok {
            let continues = i < n_tok
                && w.own_prose(i)
                && doc.tokens[i].kind == TokenKind::Word
                && (run.is_empty() || same_sentence_gap(doc, run[run.len() - 1], i));
            if continues {
                run.push(i);
                continue;
            }
            collect(doc, w, &run, &mut phrases, &mut possessive_uses);
            run.clear();
            if i < n_tok && w.own_prose(i) && doc.tokens[i].kind == TokenKind::Word {
                run.push(i);
            }
        }

        let mut cands: Vec<Candidate> = phrases
            .into_values()
            .filter(|c| c.starts.len() >= threshold)
            .filter(|c| !is_eponym(doc, w, c, &possessive_uses))
            .collect();
        cands.extend(
            stock_uses(doc, w)
                .into_iter()
                .filter(|c| c.starts.len() >= needed(c)),
        );
        // Longest phrases first, then the most used; ties in text order.
        cands.sort_by(|a, b| {
            b.n.cmp(&a.n)
                .then(b.starts.len().cmp(&a.starts.len()))
                .then(a.starts[0].cmp(&b.starts[0]))
        });
        let mut claimed: Vec<(usize, usize)> = Vec::new();
        let words = w.prose_words;
        for c in cands {
            let free: Vec<usize> = c
                .starts
                .iter()
                .copied()
                .filter(|&s| {
                    let e = s + c.n;
                    !claimed.iter().any(|&(a, b)| s < b && a < e)
                })
                .collect();
            if free.len() < needed(&c) {
                continue;
            }
            let span_of = |s: usize| {
                // Runs are consecutive tokens, so the phrase ends `n - 1` tokens on.
                Span::new(doc.tokens[s].span.start, doc.tokens[s + c.n - 1].span.end)
            };
            let first = span_of(free[0]);
            let text = doc.slice(first).to_string();
            let advice = if c.stock {
                "a stock phrase read this often turns into filler: cut most uses, or say it \
                 another way"
            } else {
                "vary the wording (a pronoun, a synonym, or a different sentence shape)"
            };
            let mut d = cx.diag(
                first,
                format!(
                    "“{text}” is used {} times in {} words of your own (quotations aside); {advice}",
                    free.len(),
                    group_thousands(words)
                ),
            );
            for &s in &free[1..] {
                d = d.related(span_of(s), "used again here");
            }
            out.push(d);
            for &s in &c.starts {
                claimed.push((s, s + c.n));
            }
        }
    }
}

/// Every use of each stock phrase in the writer's own prose: one pass over the tokens, looking
/// up the first two words' ids in a table built once.
fn stock_uses(doc: &Document, w: &Words) -> Vec<Candidate> {
    let list = stock_list();
    const UNSEEN: u32 = u32::MAX - 1;
    // The list-word id of each lowercase form in this document, looked up on first sight
    // (NONE if no phrase uses it).
    let n_forms = w
        .form
        .iter()
        .filter(|&&f| f != NONE)
        .max()
        .map_or(0, |&f| f as usize + 1);
    let mut ids: Vec<u32> = vec![UNSEEN; n_forms];
    let n_tok = doc.tokens.len();
    let mut id_at = |i: usize| -> u32 {
        if i >= n_tok || !w.own_prose(i) || doc.tokens[i].kind != TokenKind::Word {
            return NONE;
        }
        let f = w.form[i] as usize;
        if ids[f] == UNSEEN {
            ids[f] = list.vocab.get(doc.lower(i)).copied().unwrap_or(NONE);
        }
        ids[f]
    };
    // Uses per line of the list.
    let mut uses: HashMap<u32, (Vec<usize>, usize)> = HashMap::new();
    for i in 0..n_tok.saturating_sub(1) {
        let a = id_at(i);
        if a == NONE || !same_sentence_gap(doc, i, i + 1) {
            continue;
        }
        let b = id_at(i + 1);
        if b == NONE {
            continue;
        }
        let Some(idxs) = list.by_first_two.get(&(a, b)) else {
            continue;
        };
        for &p in idxs {
            let (words, line) = &list.phrases[p as usize];
            let matches = (2..words.len()).all(|k| {
                let j = i + k;
                j < n_tok && same_sentence_gap(doc, j - 1, j) && id_at(j) == words[k]
            });
            if matches {
                uses.entry(*line)
                    .or_insert_with(|| (Vec::new(), words.len()))
                    .0
                    .push(i);
            }
        }
    }
    uses.into_iter()
        .map(|(line, (starts, n))| Candidate {
            starts,
            n,
            stock: true,
            common: list.common[line as usize],
        })
        .collect()
}

/// True if word tokens `a` and `b` (a < b) are adjacent in a run: nothing but space between.
fn same_sentence_gap(doc: &Document, a: usize, b: usize) -> bool {
    b == a + 1 && doc.tokens[b].space_before
}

fn mix(h: u64, x: u32) -> u64 {
    (h ^ (x as u64).wrapping_add(0x9e37_79b9_7f4a_7c15))
        .wrapping_mul(0xff51_afd7_ed55_8ccd)
        .rotate_left(29)
}

/// Adds the phrases of one run of words that match a reportable shape.
fn collect(
    doc: &Document,
    w: &Words,
    run: &[usize],
    phrases: &mut HashMap<u64, Candidate>,
    possessive_uses: &mut HashMap<u32, u32>,
) {
    let lower_content = |i: usize| {
        w.info(i).is_some_and(|l| !l.function && !l.name)
            && !is_capitalized(doc.tok(i))
            && w.lemma[i] != NONE
    };
    let lowercase = |i: usize| !is_capitalized(doc.tok(i));
    for k in 0..run.len() {
        let i = run[k];
        let t = doc.lower(i);
        let possessive_name = (t.ends_with("'s") || t.ends_with("s'"))
            && is_capitalized(doc.tok(i))
            && w.info(i).is_some_and(|l| l.name);
        if possessive_name {
            *possessive_uses.entry(w.form[i]).or_insert(0) += 1;
            // Stalin's rise, Stalin's rise to power: lowercase words ending in a content word.
            let mut h = mix(1, w.form[i]);
            for n in 2..=MAX_N {
                let Some(&j) = run.get(k + n - 1) else { break };
                if !lowercase(j) {
                    break;
                }
                h = mix(h, w.form[j]);
                if lower_content(j) {
                    phrases
                        .entry(h)
                        .or_insert_with(|| Candidate {
                            starts: Vec::new(),
                            n,
                            stock: false,
                            common: false,
                        })
                        .starts
                        .push(i);
                }
            }
        }
        // the rise of Stalin: a lowercase content noun, "of", a name.
        if k + 2 < run.len() && lower_content(i) && t != "of" {
            let (o, nm) = (run[k + 1], run[k + 2]);
            if doc.lower(o) == "of"
                && is_capitalized(doc.tok(nm))
                && w.info(nm).is_some_and(|l| l.name)
                // The name ends the phrase: not "of Manduca sexta", "of New York".
                && run
                    .get(k + 3)
                    .is_none_or(|&x| w.info(x).is_none_or(|l| l.function))
                && (k == 0 || !is_capitalized(doc.tok(run[k - 1])))
            {
                let h = mix(mix(mix(2, w.form[i]), w.form[o]), w.form[nm]);
                phrases
                    .entry(h)
                    .or_insert_with(|| Candidate {
                        starts: Vec::new(),
                        n: 3,
                        stock: false,
                        common: false,
                    })
                    .starts
                    .push(i);
            }
        }
    }
}

/// An eponymous term (Alzheimer's disease, Newton's laws): a known head noun, or a possessive
/// that is almost never followed by anything else.
fn is_eponym(doc: &Document, w: &Words, c: &Candidate, uses: &HashMap<u32, u32>) -> bool {
    let s = c.starts[0];
    let t = doc.lower(s);
    if !(t.ends_with("'s") || t.ends_with("s'")) {
        return false;
    }
    let head = s + 1;
    if w.info(head).is_some_and(|l| eponym_head(&l.text)) {
        return true;
    }
    // A possessive almost always followed by this head, and a name seldom used without the
    // possessive: "Down's syndrome", not "Napoleon's rise" in an essay about Napoleon.
    let total = uses.get(&w.form[s]).copied().unwrap_or(0) as usize;
    let bare = w
        .info(s)
        .map_or(0, |l| (l.count as usize).saturating_sub(total));
    c.n == 2 && total > 0 && c.starts.len() * 10 >= total * 9 && bare * 4 < total
}

fn group_thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (k, ch) in s.chars().enumerate() {
        if k > 0 && (s.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::group_thousands;

    #[test]
    fn thousands() {
        assert_eq!(group_thousands(7), "7");
        assert_eq!(group_thousands(1697), "1,697");
        assert_eq!(group_thousands(1234567), "1,234,567");
    }
}
