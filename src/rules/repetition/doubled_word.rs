crate::rule::declare_rule! {
    /// # doubled-word
    ///
    /// **What it does.** Finds a word written twice in a row ("the the"), ignoring case, line
    /// breaks and markup between the two, and proposes deleting the second.
    ///
    /// **Why it matters.** A doubled word is almost always a slip made while revising, and readers
    /// trip over it; spell checkers miss it because each word is spelled correctly.
    ///
    /// **Example.**
    ///
    /// ```text
    /// The roots of Stalinism formed in the the early years.
    ///                                   ^^^^^^^ `the` is written twice
    /// ```
    ///
    /// Grammatical doubles stay silent: "she had had enough", "he said that that was wrong" (but
    /// not "that that this …"), "what it is is a trap", "what he did did matter", "gave her her
    /// book", "the can can hold water", "May may come", "to record record profits", and
    /// reduplications ("bye bye", "hee hee hee"). A word joined to its neighbour by a hyphen is
    /// part of a compound ("for for-profit", "opt-in in"). Two capitalised words in the middle of a
    /// sentence ("Sirhan Sirhan", "Walla Walla") are taken for a name, and a capitalised word
    /// followed by its lowercase self for a biological name ("Chanos chanos"), unless the word is
    /// a function word ("That is Will Will"). Numbers are not words here.
    ///
    /// **Options.** None. The fix (removing the second word) is safe and applied by `--fix`.
    ///
    /// **Fix safety.** Safe: the fix deletes the second copy and the space before it, which cannot
    /// change what the sentence says; grammatical doubles (had had, that that) are never reported.
    pub struct DoubledWord {
        name: "doubled-word",
        category: Repetition,
        severity: Warning,
        summary: "a word written twice in a row (\"the the\")",
        fix: Safe,
    }
}
use crate::diagnostic::Diagnostic;
use crate::doc::{is_capitalized, Document, TokenKind};
use crate::lexicon;
use crate::rule::{Context, Rule};
use crate::Span;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

fn allowed(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        lexicon::word_set(lexicon::data_file!(
            "rules/repetition/doubled_word_allowed.txt"
        ))
    })
    .contains(word)
}

/// Words that open the clause whose subject ends before "is is" ("what it is is").
fn clause_openers() -> &'static [&'static str] {
    crate::lexicon::keyed_list!("repetition/doubled_word_context.txt", "clause-openers")
}

/// Verbs that may be doubled at the end of a subject clause: "what it is is", "what he did did
/// matter", "whatever you do do it well".
fn clause_verbs() -> &'static [&'static str] {
    crate::lexicon::keyed_list!("repetition/doubled_word_context.txt", "clause-verbs")
}

/// Modals that are also nouns or names: "the can can hold", "May may come", "Will will go".
fn modal_homographs() -> &'static [&'static str] {
    crate::lexicon::keyed_list!("repetition/doubled_word_context.txt", "modal-homographs")
}

/// Determiners before a noun use of a modal homograph ("the can can").
fn determiners() -> &'static [&'static str] {
    crate::lexicon::keyed_list!("repetition/doubled_word_context.txt", "determiners")
}

/// Connectors that bind a word into a compound with its neighbour: "for for-profit",
/// "opt-in in", "t_test test".
fn joins(s: &str) -> bool {
    matches!(s, "-" | "‐" | "‑" | "_" | "/")
}

impl Rule for DoubledWord {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        // The sentence of every token, to join a sentence broken by a single line break.
        let mut sentence_of = vec![usize::MAX; doc.tokens.len()];
        for (si, s) in doc.sentences.iter().enumerate() {
            for t in s.tokens.clone() {
                sentence_of[t] = si;
            }
        }
        for i in 1..doc.tokens.len() {
            let (a, b) = (&doc.tokens[i - 1], &doc.tokens[i]);
            if a.kind != TokenKind::Word || b.kind != TokenKind::Word || !b.space_before {
                continue;
            }
            let (la, lb) = (doc.lower(i - 1), doc.lower(i));
            if la != lb || allowed(la) {
                continue;
            }
            let (sa, sb) = (sentence_of[i - 1], sentence_of[i]);
            if sa == usize::MAX || sb == usize::MAX {
                continue;
            }
            let toks = if sa == sb {
                doc.sentences[sa].tokens.clone()
            } else {
                // "was⏎was final": a line that ends without punctuation and a next line that
                // goes on in lowercase are one sentence, whatever the segmenter made of them.
                let prose = |si: usize| doc.is_prose(&doc.sentences[si]);
                // Not the cells of a table set one per line ("none⏎none").
                let line_words = |si: usize| {
                    let p = &doc.paragraphs[doc.sentences[si].paragraph];
                    p.tokens
                        .clone()
                        .filter(|&k| doc.tokens[k].is_wordlike())
                        .count()
                };
                if b.newlines_before != 1
                    || is_capitalized(doc.tok(i))
                    || !prose(sa)
                    || !prose(sb)
                    || line_words(sa) < 4
                {
                    continue;
                }
                doc.sentences[sa].tokens.start..doc.sentences[sb].tokens.end
            };
            {
                if !grammatical_double_excluded(doc, &toks, i) {
                    continue;
                }
                let (ta, tb) = (doc.tok(i - 1), doc.tok(i));
                let start = i - 1 == toks.start;
                let function = lexicon::is_function_word(la);
                if is_capitalized(ta) && !start && !function {
                    // "Sirhan Sirhan", "Walla Walla", and tautonyms such as "Chanos chanos".
                    continue;
                }
                if is_capitalized(ta) && start && !function {
                    // At a sentence start: a name ("Bora Bora is") or a tautonym ("Bison
                    // bison") when the word is not an ordinary lowercase word.
                    if is_capitalized(tb) || !lexicon::is_dictionary_word(la) {
                        continue;
                    }
                }
                // Single letters and Roman numerals in lists ("a a" in a grid, "I I") are rare
                // slips and common notation; skip words without a vowel-bearing body.
                if la.chars().count() == 1 && la != "a" {
                    continue;
                }
                let remove = Span::new(a.span.end, b.span.end);
                out.push(
                    cx.diag(b.span, format!("`{tb}` is written twice in a row"))
                        .suggest(ta.to_string())
                        .related(a.span, "first written here")
                        .fix(remove, ""),
                );
            }
        }
    }
}

/// False if the double at tokens `i - 1`, `i` is grammatical or deliberate; true if it should be
/// reported (subject to the capitalisation checks).
fn grammatical_double_excluded(doc: &Document, toks: &Range<usize>, i: usize) -> bool {
    let w = doc.lower(i);
    let prev = (i >= 2 && i - 2 >= toks.start).then(|| i - 2);
    let next = (i + 1 < toks.end).then_some(i + 1);
    // Part of a compound: "for for-profit", "opt-in in settings", "two two-sample".
    if next.is_some_and(|n| !doc.tokens[n].space_before && joins(doc.tok(n))) {
        return false;
    }
    if prev.is_some_and(|p| !doc.tokens[i - 1].space_before && joins(doc.tok(p))) {
        return false;
    }
    // Three or more in a row: deliberate ("hee hee hee", "no no no") or a column of a table.
    let same = |k: usize| doc.tokens[k].kind == TokenKind::Word && doc.lower(k) == w;
    if prev.is_some_and(same) || next.is_some_and(same) {
        return false;
    }
    // "that that" is grammatical unless a determiner follows ("that that this …").
    if w == "that" {
        return next.is_some_and(|n| {
            crate::lexicon::keyed_list!("repetition/doubled_word_context.txt", "that-before")
                .contains(&doc.lower(n))
        });
    }
    if clause_verbs().contains(&w)
        && toks
            .clone()
            .take_while(|&k| k < i - 1)
            .any(|k| clause_openers().contains(&doc.lower(k)))
    {
        return false;
    }
    if modal_homographs().contains(&w) {
        // "The can can hold the water."
        if prev.is_some_and(|p| determiners().contains(&doc.lower(p))) {
            return false;
        }
        // "May may come.", "Will Will come?": a name and a modal at the start.
        if i - 1 == toks.start && matches!(w, "may" | "will") && is_capitalized(doc.tok(i - 1)) {
            return false;
        }
    }
    // "to address address problems", "to record record profits": a verb, then the same word
    // as a noun modifier.
    if prev.is_some_and(|p| doc.lower(p) == "to")
        && !lexicon::is_function_word(w)
        && next.is_some_and(|n| doc.tokens[n].kind == TokenKind::Word && doc.tokens[n].space_before)
    {
        return false;
    }
    true
}
