crate::rule::declare_rule! {
    /// # double-comparative
    ///
    /// **What it does.** Reports a comparative or superlative marked twice: "more better" →
    /// better, "more easier" → easier, "most easiest" → easiest, "the most biggest" → biggest.
    ///
    /// **Why it matters.** An adjective takes either -er/-est or more/most, never both; the double
    /// form reads as a slip or as speech.
    ///
    /// **Example.**
    ///
    /// ```text
    /// Living in a city is more easier and the most cheapest choice.
    ///                     ^^^^^^^^^^^ easier  ^^^^^^^^^^^^ cheapest
    /// ```
    ///
    /// "More" as a quantity before a comparative adjective and a noun is right and passes ("more
    /// older people vote"), as do words that only look comparative (other, further, rather, later,
    /// number, water).
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** Safe: deleting "more"/"most" keeps the meaning.
    pub struct DoubleComparative {
        name: "double-comparative",
        category: Grammar,
        severity: Warning,
        summary: "a comparative or superlative marked twice (\"more better\", \"most easiest\")",
        fix: Safe,
    }
}
use super::{lex, may_be_noun};
use crate::diagnostic::Diagnostic;
use crate::lexicon::pos;
use crate::rule::{Context, Rule};
use crate::Severity;

fn curated_comparative(w: &str) -> bool {
    matches!(w, "better" | "worse" | "best" | "worst")
}

impl Rule for DoubleComparative {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for g in cx.tagged() {
            for k in 0..g.len().saturating_sub(1) {
                let m = g.w(k);
                let sup = match m {
                    "more" => false,
                    "most" => true,
                    _ => continue,
                };
                let j = k + 1;
                let w = g.w(j);
                if !g.is_word(j) || g.quoted(k) || !g.raw(j).bytes().all(|b| b.is_ascii_lowercase())
                {
                    continue;
                }
                let t = lex(g, j);
                let want = if sup { pos::SUP } else { pos::COMP };
                let form = if sup {
                    w.ends_with("est")
                } else {
                    w.ends_with("er")
                };
                if !(curated_comparative(w) || t & want != 0 && form && !may_be_noun(t)) {
                    continue;
                }
                if matches!(
                    w,
                    "other"
                        | "further"
                        | "farther"
                        | "rather"
                        | "later"
                        | "latter"
                        | "former"
                        | "sooner"
                        | "inner"
                        | "outer"
                        | "upper"
                        | "ever"
                        | "never"
                        | "over"
                        | "under"
                        | "after"
                        | "together"
                        | "however"
                        | "whether"
                        | "either"
                        | "neither"
                ) {
                    continue;
                }
                // "more older people": "more" counts the people.
                if !sup && g.t(j + 1).is_noun() {
                    continue;
                }
                // "best" and "worst" as nouns or adverbs after "most": "the most best" is still
                // wrong, but "most better" is not a phrase; keep to the pairs that match.
                if sup != matches!(w, "best" | "worst") && curated_comparative(w) {
                    continue;
                }
                let span = g.span(k).to(g.span(j));
                out.push(
                    cx.diag(
                        span,
                        format!(
                            "`{} {}` marks the comparison twice; use `{}`",
                            g.raw(k),
                            g.raw(j),
                            g.raw(j)
                        ),
                    )
                    .suggest(g.raw(j).to_string())
                    .fix(span, g.raw(j).to_string()),
                );
                let _ = Severity::Warning;
            }
        }
    }
}
