crate::rule::declare_rule! {
    /// # double-negative
    ///
    /// **What it does.** Finds two negatives in one clause where standard English wants one: a
    /// negated verb ("didn't", "can't", "not", "never") followed in the same clause by "nothing",
    /// "nobody", "no one", "none", "nowhere", "no" + noun, "never" or a second "not" — "we didn't
    /// find nothing", "they never had no chance", "there wasn't nobody there", "you shouldn't not
    /// try" — a negative subject with a negative object ("Nobody told me nothing"), and a negated
    /// verb with "hardly", "scarcely" or "barely" ("couldn't hardly", "could not barely").
    ///
    /// **Why it matters.** In formal writing two negatives cancel out, or read as dialect; either
    /// way the sentence does not say what the writer meant, and graders mark it.
    ///
    /// **Example.**
    ///
    /// ```text
    /// The archive didn't hold nothing from before 1930.
    ///             ^^^^^^^^^^^^^^^^^^^ double negative: use `anything` (or drop one negative)
    /// ```
    ///
    /// Correct English stays silent: a litotes ("not uncommon", "not unlike"), a negative that
    /// starts a clause of its own ("I can't believe nobody came", "he did not know nothing could be
    /// done"), "no" as a word ("couldn't say no", "won't take no for an answer"), a negated
    /// gerund or infinitive ("didn't like not having money"), fixed phrases ("not for nothing",
    /// "nothing but", "no longer", "no matter", "no doubt", "none other than", "cannot do
    /// nothing", "It is not nothing"), negatives in different clauses ("did not say that no one
    /// came"), "not every…"/"not all…", and quotations, where the words are the quoted speaker's.
    ///
    /// A doubled "not" ("can't not love it") is sometimes deliberate emphasis, so it is advice; the
    /// rest are warnings.
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** No automatic fix: the positive rewrite changes the wording and sometimes the
    /// meaning, so it is only suggested.
    pub struct DoubleNegative {
        name: "double-negative",
        category: Sentences,
        severity: Warning,
        summary: "two negatives in one clause (\"didn't see nothing\", \"couldn't hardly\")",
        fix: None,
    }
}
use crate::analysis::sentence::{match_case, Sent};
use crate::diagnostic::Diagnostic;
use crate::doc::{Span, TokenKind};
use crate::lexicon::pos::*;
use crate::rule::{Context, Rule};
use crate::Severity;

/// Words at which a clause ends: the second negative after them is in another clause.
fn clause_break(w: &str) -> bool {
    crate::lexicon::in_list!("sentences/clause_breaks.txt", w)
}

/// The first negative: a negated verb or "not"/"never".
fn is_negator(w: &str) -> bool {
    matches!(w, "not" | "never" | "cannot") || w.ends_with("n't")
}

/// The positive form of a second negative, for the suggestion.
fn positive(w: &str) -> Option<&'static str> {
    Some(match w {
        "nothing" => "anything",
        "nobody" => "anybody",
        "none" => "any",
        "nowhere" => "anywhere",
        "no" => "any",
        "never" => "ever",
        "noone" => "anyone",
        _ => return None,
    })
}

/// "couldn't" → "could", "can't" → "can", "won't" → "will", "not" → "".
fn drop_negation(raw: &str) -> Option<String> {
    let lower = crate::doc::normalize_word(raw);
    let base = match lower.as_str() {
        "can't" | "cannot" => "can".to_string(),
        "won't" => "will".to_string(),
        "shan't" => "shall".to_string(),
        "ain't" => "isn't".to_string(),
        w => w.strip_suffix("n't")?.to_string(),
    };
    Some(match_case(raw, &base))
}

/// What kind of second negative token `k` is, if any.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Second {
    /// nothing, nobody, no one, none, nowhere, no + noun, never
    Pronoun,
    /// hardly, scarcely, barely
    Hardly,
    /// a second "not" after a negated auxiliary
    Not,
}

impl DoubleNegative {
    /// Token `k` (after the first negative at `n1`) as a second negative.
    fn second(&self, s: &Sent, n1: usize, k: usize) -> Option<Second> {
        let w = s.w(k);
        let next = s.next(k);
        let wn = s.wo(next);
        let prev = s.w(k - 1);
        match w {
            "hardly" | "scarcely" | "barely" => (k == n1 + 1).then_some(Second::Hardly),
            "not" => {
                // "shouldn't not do", "shouldn't have not done"; not "didn't like not having".
                let near = k == n1 + 1 || k == n1 + 2 && s.has(Some(n1 + 1), HAVE | BE);
                let then_verb = s.is_word(next)
                    && !s.has(next, VERB_ING | MAY_ING)
                    && wn != "to"
                    && !matches!(wn, "only" | "just" | "even" | "necessarily" | "always");
                (near && s.w(n1).ends_with("n't") && then_verb).then_some(Second::Not)
            }
            "never" => (k == n1 + 1 && s.w(n1).ends_with("n't")).then_some(Second::Pronoun),
            "nothing" | "nobody" | "none" | "nowhere" | "noone" | "no" => {
                // Fixed phrases.
                if matches!(
                    (w, wn),
                    ("nothing", "but" | "less" | "short" | "more")
                        | ("none", "other" | "the")
                        | (
                            "no",
                            "longer" | "more" | "less" | "matter" | "doubt" | "sooner"
                        )
                        | (
                            "no",
                            "wonder" | "way" | "fewer" | "later" | "earlier" | "small"
                        )
                ) || prev == "for" && w == "nothing"
                {
                    return None;
                }
                // "no" must be a determiner before a noun phrase ("no money", "no real
                // chance"), or "no one"; not the word "no" ("say no to", "take no for").
                if w == "no" {
                    let ok = wn == "one"
                        || s.is_word(next)
                            && !s.has(next, PREP | CONJ | ADV | SUBORD | WH | AUX | PRON_SUBJ)
                            && (!s.has(next, ANY_VERB) || s.has(next, NOUN | ADJ));
                    if !ok
                        || matches!(
                            prev,
                            "say"
                                | "says"
                                | "said"
                                | "saying"
                                | "take"
                                | "takes"
                                | "took"
                                | "taking"
                                | "accept"
                                | "accepted"
                                | "answer"
                                | "answered"
                                | "vote"
                                | "voted"
                        )
                    {
                        return None;
                    }
                }
                // A negative that starts a clause of its own: "can't believe nobody came".
                let after = if w == "no" && wn == "one" {
                    next.and_then(|x| s.next(x))
                } else if w == "no" {
                    // "no" + noun (+ noun): the verb would come after the noun phrase.
                    let mut j = next;
                    while s.is_word(j) && s.has(j, ADJ | NOUN | MAY_NOUN | MAY_ADJ) {
                        if s.has(j, AUX) {
                            break;
                        }
                        j = j.and_then(|x| s.next(x));
                    }
                    j
                } else {
                    next
                };
                // After "there wasn't" the negative is the subject already: "there wasn't
                // nobody left".
                let existential = n1 > s.start
                    && s.w(n1 - 1) == "there"
                    && matches!(
                        s.w(n1),
                        "isn't" | "wasn't" | "aren't" | "weren't" | "ain't" | "is" | "was"
                    );
                if !existential
                    && s.has(
                        after,
                        AUX | VERB_PAST | VERB_3SG | MODAL | MAY_PAST | MAY_3SG,
                    )
                    && !s.has(after, NOUN | PREP)
                    && s.wo(after) != "else"
                {
                    return None;
                }
                // "It is not nothing": deliberate; "do nothing" after a modal ("cannot do
                // nothing") is a choice, not a slip.
                if k == n1 + 1 && s.w(n1) == "not" && w == "nothing" {
                    return None;
                }
                if w == "nothing"
                    && matches!(prev, "do" | "doing")
                    && (s.has(Some(n1), MODAL)
                        || matches!(
                            s.w(n1),
                            "can't"
                                | "cannot"
                                | "couldn't"
                                | "won't"
                                | "wouldn't"
                                | "shouldn't"
                                | "mustn't"
                        )
                        || s.has(s.prev(n1), MODAL))
                {
                    return None;
                }
                Some(Second::Pronoun)
            }
            _ => None,
        }
    }
}

impl Rule for DoubleNegative {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        for s in Sent::prose(doc) {
            let mut i = s.start;
            while i < s.end {
                if doc.tokens[i].kind != TokenKind::Word {
                    i += 1;
                    continue;
                }
                let w = s.w(i);
                // The first negative: a negated verb, or a negative subject at a clause start
                // followed by its verb ("Nobody told me nothing").
                let subject = matches!(w, "nobody" | "nothing" | "noone")
                    && s.clause_start(i)
                    && s.has(s.next(i), ANY_VERB | AUX | MAY_VERB)
                    && !s.has(s.next(i), NOUN);
                if !is_negator(w) && !subject {
                    i += 1;
                    continue;
                }
                // "not every…", "not all…", "not only…", "whether or not": no clause negation.
                let wn = s.wo(s.next(i));
                if w == "not"
                    && (s.has(s.next(i), QUANT | DET)
                        || matches!(
                            wn,
                            "every"
                                | "everyone"
                                | "everybody"
                                | "everything"
                                | "only"
                                | "just"
                                | "merely"
                                | "simply"
                                | "because"
                                | "even"
                                | "until"
                                | "least"
                        )
                        || !s.is_word(s.next(i)))
                {
                    i += 1;
                    continue;
                }
                let mut found = None;
                let mut k = i + 1;
                let mut words = 0;
                while k < s.end && words < 6 {
                    let t = &doc.tokens[k];
                    if t.kind == TokenKind::Punct {
                        if !matches!(doc.tok(k), "'" | "’" | "-") {
                            break;
                        }
                        k += 1;
                        continue;
                    }
                    if t.kind != TokenKind::Word {
                        break;
                    }
                    let wk = s.w(k);
                    if clause_break(wk) || is_negator(wk) && wk != "not" && wk != "never" {
                        break;
                    }
                    // A new subject with its verb starts a clause of its own: "didn't seem like
                    // it was nothing", "don't think they did".
                    if s.has(Some(k), PRON_SUBJ)
                        && s.has(s.next(k), AUX | VERB_PAST | VERB_3SG)
                        && !s.has(s.next(k), NOUN)
                    {
                        break;
                    }
                    if let Some(kind) = self.second(&s, i, k) {
                        found = Some((k, kind));
                        break;
                    }
                    if wk == "not" || wk == "never" {
                        break;
                    }
                    words += 1;
                    k += 1;
                }
                let Some((k, kind)) = found else {
                    i += 1;
                    continue;
                };
                // Quoted words are the speaker's (dialect in a novel, a witness's words).
                let (qs, qe) = (doc.tokens[i].span.start, doc.tokens[k].span.end);
                if doc.in_quotation(crate::doc::Span::new(qs, qe)) {
                    i = k + 1;
                    continue;
                }
                // "no one" is one negative word in two tokens.
                let no_one = s.w(k) == "no" && s.wo(s.next(k)) == "one";
                let last = if no_one { k + 1 } else { k };
                let span = Span::new(doc.tokens[i].span.start, doc.tokens[last].span.end);
                let n1 = s.raw(i);
                let n2 = doc.slice(Span::new(doc.tokens[k].span.start, span.end));
                let d = match kind {
                    Second::Pronoun => {
                        let p = if no_one { Some("anyone") } else { positive(s.w(k)) };
                        match p {
                            Some(p) => {
                                let rel = doc.tokens[k].span.start - span.start;
                                let mut text = doc.slice(span).to_string();
                                text.replace_range(rel.., &match_case(n2, p));
                                cx.diag(
                                    span,
                                    format!(
                                        "double negative: `{n1}` … `{n2}`; use `{p}` (or drop one negative)"
                                    ),
                                )
                                .suggest(text)
                            }
                            None => cx.diag(span, format!("double negative: `{n1}` … `{n2}`")),
                        }
                    }
                    Second::Hardly => {
                        let mut d = cx.diag(
                            span,
                            format!("double negative: `{n2}` is already negative; drop the `not`"),
                        );
                        let fixed = if s.w(i) == "not" {
                            Some(n2.to_string())
                        } else {
                            drop_negation(n1).map(|b| format!("{b} {n2}"))
                        };
                        if let Some(f) = fixed {
                            d = d.suggest(f);
                        }
                        d
                    }
                    Second::Not => cx
                        .diag(
                            span,
                            "double negative: two `not`s cancel out; drop one unless the emphasis is deliberate",
                        )
                        .severity(Severity::Advice),
                };
                out.push(d);
                i = k + 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<String> {
        let (doc, out) = crate::rule::run_rule(&DoubleNegative, text);
        out.iter().map(|d| doc.slice(d.span).to_string()).collect()
    }

    #[test]
    fn fires() {
        assert_eq!(run("We didn't find nothing."), ["didn't find nothing"]);
        assert_eq!(run("They never had no chance."), ["never had no"]);
        assert_eq!(run("Nobody gave us nothing."), ["Nobody gave us nothing"]);
        assert_eq!(run("She couldn’t hardly breathe."), ["couldn’t hardly"]);
        assert_eq!(run("You can't not try."), ["can't not"]);
        assert_eq!(
            run("He wasn't talking to no one."),
            ["wasn't talking to no one"]
        );
    }

    #[test]
    fn silent() {
        for t in [
            "It is not uncommon.",
            "I can't believe nobody came.",
            "He did not know nothing could be done.",
            "I couldn't say no to her.",
            "She won't take no for an answer.",
            "He didn't like not having money.",
            "It was not for nothing.",
            "There is nothing but rain.",
            "We cannot do nothing.",
            "It is not nothing.",
            "He did not say that no one came.",
            "Not everyone has no money.",
            "I haven't said no yet.",
            "This is no longer true, and it isn't a problem.",
            "He said “we don't need no education” in the song.",
            "It didn't seem like it was nothing.",
            "Those who possess nothing lose nothing.",
        ] {
            assert!(run(t).is_empty(), "{t}: {:?}", run(t));
        }
    }
}
