crate::rule::declare_rule! {
    /// # long-sentence
    ///
    /// **What it does.** Reports sentences of running prose longer than a word limit (40 words by
    /// default). Headings and works-cited entries are not counted.
    ///
    /// **Why it matters.** Readers hold a limited amount in mind before the verb and object arrive;
    /// past about forty words most sentences lose their thread, and a grader reads them as rambling.
    /// Splitting a long sentence usually makes its logic visible.
    ///
    /// **Example.**
    ///
    /// ```text
    /// This is not to say that Lenin did not purge enemies and the Soviets had acted with respect
    /// to all ideologies up to this point, but rather that … (54 words)
    /// ```
    ///
    /// It is advice: a long sentence is not an error, only one to reread.
    ///
    /// **Options.**
    ///
    /// - `max-words` (integer, default 40): the longest sentence that passes.
    ///
    /// **Fix safety.** No automatic fix: the rule only reports; the remedy (rewording, a citation, an
    /// entry in the works cited) is the writer's to choose.
    pub struct LongSentence {
        name: "long-sentence",
        category: Sentences,
        severity: Advice,
        summary: "a sentence over the word limit (40 by default)",
        fix: None,
        options: LongSentenceOptions {
            /// the longest sentence that passes
            max_words: i64 = 40,
        },
    }
}
use crate::diagnostic::Diagnostic;
use crate::rule::{Context, Rule};

impl Rule for LongSentence {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let o = Self::options(cx);
        let max = o.max_words.max(1) as usize;
        let doc = cx.doc;
        for s in doc.prose_sentences() {
            let n = doc.sentence_word_count(s);
            if n > max {
                out.push(cx.diag(
                    s.span,
                    format!(
                        "this sentence has {n} words (the limit is {max}); consider splitting it"
                    ),
                ));
            }
        }
    }
}
