crate::rule::declare_rule! {
    /// # lowercase-i
    ///
    /// **What it does.** Reports the pronoun "i" written in lowercase, and its contractions "i'm",
    /// "i've", "i'd", "i'll", with the capitalised form as the fix.
    ///
    /// A lowercase "i" is the pronoun when a verb, an adverb or a negation follows it ("i think",
    /// "i would", "i also", "i don't"), or when it ends a phrase after "and", "than", "as", "but" or
    /// "or" ("my sister and i."). It is left alone as a variable or an index ("college i students",
    /// "i = 1, 2", "for each i in", "x_i"), a list label ("(i)", "i.", "i)"), part of "i.e.", a
    /// hyphenated term ("i-th"), in code or a URL, and in the lines of a transcript or a chat log
    /// ("tiger2: i dont think"), which quote the speakers as they wrote. Inside a quotation it is
    /// advice, without a fix: the words are the quoted writer's.
    ///
    /// **Why it matters.** English writes the pronoun "I" with a capital everywhere; the lowercase
    /// form reads as a text message.
    ///
    /// **Example.**
    ///
    /// ```text
    /// Last year i moved to the city, and i've lived there since.
    ///           ^ `I`                     ^^^^ `I've`
    /// ```
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** Safe: capitalising the pronoun changes nothing else. Not offered inside
    /// quotations.
    pub struct LowercaseI {
        name: "lowercase-i",
        category: Capitalisation,
        severity: Warning,
        summary: "the pronoun `i` in lowercase",
        fix: Safe,
    }
}

use super::{is_glued, is_transcript_line, paragraph_of_token};
use crate::diagnostic::Diagnostic;
use crate::doc::{ParagraphKind, TokenKind};
use crate::lexicon::pos;
use crate::rule::{Context, Rule};
use crate::Severity;

/// Words that may follow the pronoun: verbs (not an -s form: "i is" is a variable), modals,
/// adverbs, negations.
fn follows_pronoun(next: &str) -> bool {
    // "i is", "i are": a variable ("college i are accepted").
    if matches!(next, "is" | "are" | "has" | "does") {
        return false;
    }
    if next.ends_with("n't") {
        return true; // "i don't", "i can't"
    }
    // "i dont", "i cant", "i didnt": a negated auxiliary without its apostrophe.
    if let Some(stem) = next.strip_suffix("nt") {
        let aux = pos::MODAL | pos::BE | pos::HAVE | pos::DO;
        if pos::is(stem, aux) || pos::is(&next[..next.len() - 1], aux) {
            return true;
        }
    }
    let t = pos::tags(next);
    // "for each i in", "i and j", "i the": a variable.
    if t & (pos::PREP | pos::DET | pos::CONJ | pos::SUBORD) != 0 && t & pos::ADV_DEGREE == 0 {
        return false;
    }
    if t & (pos::MODAL | pos::BE | pos::HAVE | pos::DO | pos::NEG | pos::ADV | pos::ADV_DEGREE) != 0
    {
        return true;
    }
    // A verb form that is not only a noun or a participle ("i think", "i went", not
    // "i students", "i given").
    let verb = t & (pos::VERB | pos::VERB_PAST | pos::MAY_VERB | pos::MAY_PAST) != 0;
    let third = t & pos::VERB_3SG != 0 && t & pos::VERB == 0;
    let only_participle = t & (pos::VERB_PART | pos::VERB_ING | pos::MAY_ING) != 0
        && t & (pos::VERB | pos::VERB_PAST | pos::MAY_VERB) == 0;
    verb && !third && !only_participle && t & pos::PREP == 0
}

impl Rule for LowercaseI {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let n = doc.tokens.len();
        for i in 0..n {
            let t = &doc.tokens[i];
            if t.kind != TokenKind::Word {
                continue;
            }
            let w = doc.tok(i);
            let lower = doc.lower(i);
            let contraction = matches!(lower, "i'm" | "i've" | "i'd" | "i'll");
            if !w.starts_with('i') || !(w == "i" || contraction) {
                continue;
            }
            let pi = paragraph_of_token(doc, i);
            if !matches!(
                doc.paragraphs[pi].kind,
                ParagraphKind::Body | ParagraphKind::ListItem | ParagraphKind::BlockQuote
            ) || is_transcript_line(doc, pi)
                || is_glued(doc, i)
            {
                continue;
            }
            if !contraction {
                let prev = (i > 0).then(|| doc.tok(i - 1));
                let next = (i + 1 < n).then(|| (doc.tok(i + 1), &doc.tokens[i + 1]));
                // A label or a hyphenated term: "(i)", "i)", "i.", "i-th".
                if matches!(prev, Some("(" | "[")) && !t.space_before
                    || next.is_some_and(|(s, nt)| {
                        !nt.space_before && matches!(s, ")" | "]" | "." | "-" | "'" | "’")
                    })
                {
                    // "…and i." at a sentence end is still the pronoun.
                    let sentence_end = next.is_some_and(|(s, _)| s == ".")
                        && doc.tokens.get(i + 2).is_none_or(|a| a.space_before)
                        && i > 0
                        && matches!(doc.lower(i - 1), "and" | "than" | "as" | "but" | "or");
                    if !sentence_end {
                        continue;
                    }
                } else {
                    let pronoun = match next {
                        Some((_, nt)) if nt.kind == TokenKind::Word => {
                            follows_pronoun(doc.lower(i + 1))
                        }
                        Some(("," | ";" | "!" | "?" | ".", _)) => {
                            i > 0
                                && matches!(doc.lower(i - 1), "and" | "than" | "as" | "but" | "or")
                        }
                        _ => false,
                    };
                    if !pronoun {
                        continue;
                    }
                }
            }
            let cap = super::capitalise(w);
            let span = t.span;
            let mut d = cx
                .diag(
                    span,
                    format!("the pronoun is written with a capital: `{cap}`"),
                )
                .suggest(cap.clone());
            if doc.in_quotation(span) {
                d = d.severity(Severity::Advice);
            } else {
                d = d.fix(span, cap);
            }
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<String> {
        let (doc, out) = crate::rule::run_rule(&LowercaseI, text);
        out.iter().map(|d| doc.slice(d.span).to_string()).collect()
    }

    #[test]
    fn pronoun() {
        assert_eq!(
            run(
                "Last year i moved, and i've stayed. So i think i am right, as do my sister and i."
            ),
            vec!["i", "i've", "i", "i", "i"]
        );
        assert_eq!(run("If i want to win, i don't stop."), vec!["i", "i"]);
    }

    #[test]
    fn not_the_pronoun() {
        for t in [
            "The productivity of college i students is higher.",
            "Let Ci ≥ 0 for i = 1, 2 in the model.",
            "For each i in the set, (i) holds; i.e. it is true.",
            "The i-th agent of ability i is accepted at college i given the rule.",
            "tiger2: i dont think so",
        ] {
            assert!(run(t).is_empty(), "{t}: {:?}", run(t));
        }
    }
}
