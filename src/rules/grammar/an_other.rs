crate::rule::declare_rule! {
    /// # an-other
    ///
    /// **What it does.** Reports "an other" (and "a other") written for "another": "an other
    /// reason" → another reason.
    ///
    /// **Why it matters.** "Another" is one word; the split form is a common slip of learners and
    /// of fast typing.
    ///
    /// **Example.**
    ///
    /// ```text
    /// This is an other reason to leave.
    ///         ^^^^^^^^ another
    /// ```
    ///
    /// Hyphenated compounds ("an other-worldly calm") and the capitalised philosophical "Other"
    /// ("an Other") pass.
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** Safe.
    pub struct AnOther {
        name: "an-other",
        category: Grammar,
        severity: Warning,
        summary: "\"an other\" for \"another\"",
        fix: Safe,
    }
}
use crate::analysis::sentence::match_case;
use crate::diagnostic::Diagnostic;
use crate::rule::{Context, Rule};
use crate::Severity;

impl Rule for AnOther {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for g in cx.tagged() {
            for k in 0..g.len().saturating_sub(1) {
                if !matches!(g.w(k), "an" | "a") || g.raw(k + 1) != "other" || g.quoted(k) {
                    continue;
                }
                if matches!(g.raw(k + 2), "-" | "–") || k > 0 && g.raw(k - 1) == "/" {
                    continue;
                }
                let fix = match_case(g.raw(k), "another");
                let span = g.span(k).to(g.span(k + 1));
                out.push(
                    cx.diag(
                        span,
                        format!("`{} other` is written as one word: `{fix}`", g.raw(k)),
                    )
                    .suggest(fix.clone())
                    .fix(span, fix),
                );
                let _ = Severity::Warning;
            }
        }
    }
}
