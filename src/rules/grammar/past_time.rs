crate::rule::declare_rule! {
    /// # past-time-tense
    ///
    /// **What it does.** Reports a present-tense verb in a clause that a past time adverbial
    /// opens: "Yesterday I go to the park" → went, "Last summer my parents visit my aunt" →
    /// visited, "Two years ago, my brother move to Seoul" → moved.
    ///
    /// **Why it matters.** Learners whose first language marks time with adverbs rather than
    /// verb endings often leave the verb in the present; the adverbial shows which tense was
    /// meant.
    ///
    /// **Example.**
    ///
    /// ```text
    /// Yesterday I go to the park with my friends.
    ///             ^^ went
    /// ```
    ///
    /// Only a clause that opens with the adverbial (`rules/grammar/past_time.txt`: yesterday,
    /// last week/year/summer…, "<amount> <unit> ago"), then a subject pronoun or a noun phrase
    /// and the verb, with no other finite verb in the sentence before the next clause: "Last
    /// year's report shows" (a possessive), "Yesterday is history" (the adverbial as subject),
    /// modals ("Yesterday I could go"), "have" (a perfect: "Since last year I have"), quoted
    /// words and subjunctives pass.
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** No automatic fix: a suggestion only (the adverbial may be the slip).
    pub struct PastTimeTense {
        name: "past-time-tense",
        category: Grammar,
        severity: Warning,
        summary: "a present-tense verb after a past time adverbial (\"Yesterday I go\")",
        fix: None,
    }
}
use super::lex;
use crate::analysis::sentence::match_case;
use crate::analysis::syntax::Tagged;
use crate::diagnostic::Diagnostic;
use crate::lexicon::chunk::subject_at;
use crate::lexicon::inflect;
use crate::lexicon::pos;
use crate::lexicon::tagger::Tag;
use crate::rule::{Context, Rule};

impl Rule for PastTimeTense {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for g in cx.tagged() {
            if let Some(end) = past_opener(g) {
                judge(cx, g, end, out);
            }
        }
    }
}

/// The sentence opens with a past time adverbial: the word after it (past a comma).
fn past_opener(g: &Tagged) -> Option<usize> {
    static PHRASES: std::sync::OnceLock<Vec<Vec<&'static str>>> = std::sync::OnceLock::new();
    let phrases = PHRASES.get_or_init(|| {
        crate::lexicon::lines(crate::lexicon::data_file!("rules/grammar/past_time.txt"))
            .map(|l| l.split_whitespace().collect())
            .collect()
    });
    let mut end = None;
    for p in phrases {
        if p.as_slice() == ["ago"] {
            // "<amount> <unit> ago" within the first five words: a number or "a few", a time
            // noun, "ago".
            if let Some(k) = (1..6).find(|&k| g.w(k) == "ago") {
                if (0..k).all(|j| g.is_word(j)) && g.t(k - 1).is_noun() {
                    end = Some(k + 1);
                }
            }
        } else if p
            .iter()
            .enumerate()
            .all(|(j, w)| g.w(j) == *w && g.is_word(j))
        {
            end = Some(p.len());
        }
        if end.is_some() {
            break;
        }
    }
    let mut e = end?;
    if g.raw(e) == "," {
        e += 1;
    }
    Some(e)
}

fn judge(cx: &Context<'_>, g: &Tagged, i: usize, out: &mut Vec<Diagnostic>) {
    if !g.is_word(i) || g.quoted(i) {
        return;
    }
    // The subject: a pronoun, or a noun phrase the chunker reads.
    let w = g.w(i);
    let end = match w {
        "i" | "he" | "she" | "it" | "we" | "they" | "you" => i + 1,
        _ => {
            if !matches!(
                g.t(i),
                Tag::DT | Tag::PRPS | Tag::NN | Tag::NNS | Tag::JJ | Tag::CD
            ) {
                return;
            }
            match subject_at(&g.words, &g.tags, i) {
                Some(s) if g.t(s.head).is_noun() => s.end,
                _ => return,
            }
        }
    };
    let Some(v) = super::verb_after_adverbs(g, end) else {
        return;
    };
    let vw = g.w(v);
    let t = lex(g, v);
    // Present forms only: "be" (is, are, am) and content verbs, not "have" (a perfect may be
    // meant: "since last year I have"), not modals; after a noun subject, not a word that may
    // be a noun unless an object follows it.
    let past = match vw {
        "is" | "am" => "was".to_string(),
        "are" => "were".to_string(),
        _ => {
            if !matches!(g.t(v), Tag::VBZ | Tag::VBP)
                || t & pos::VERB == 0
                || t & super::NOT_PLAIN_PRESENT != 0
                || matches!(vw, "has" | "have" | "do" | "does" | "need" | "dare")
                || end != i + 1
                    && super::may_be_noun(t)
                    && !crate::analysis::syntax::strong_object_after(&g.words, &g.tags, v)
            {
                return;
            }
            let Some(base) = inflect::verb_base(vw) else {
                return;
            };
            if base != vw && inflect::third_singular(&base) != vw {
                return;
            }
            let past = match inflect::irregular_forms(&base) {
                Some((p, _)) => p.first().map(|p| (*p).to_string()),
                None => pos::inflect(&base).1.into_iter().next(),
            };
            match past {
                Some(p) if p != vw => p,
                _ => return,
            }
        }
    };
    // No other finite verb in the clause: "Yesterday I think he left" has two.
    if super::finite_after(g, v) || super::mandative_before(g, v) {
        return;
    }
    let fix = match_case(g.raw(v), &past);
    let last_word = if g.raw(i - 1) == "," { i - 2 } else { i - 1 };
    let adverbial = (0..=last_word)
        .filter(|&j| g.is_word(j))
        .map(|j| g.raw(j))
        .collect::<Vec<_>>()
        .join(" ");
    let msg = format!(
        "`{}` is present tense, but `{adverbial}` puts the clause in the past; use `{fix}`",
        g.raw(v)
    );
    out.push(
        cx.diag(g.span(v), msg)
            .suggest(fix)
            .related(g.span(0).to(g.span(last_word)), "the past time adverbial"),
    );
}
