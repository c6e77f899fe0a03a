crate::rule::declare_rule! {
    /// # unclosed-markup
    ///
    /// **What it does.** Reports, at the place it starts, markup that is never closed and so hides
    /// the rest of the text from every other rule: a LaTeX `$` or `\[` without its closing mark, a
    /// `verbatim` or maths environment without its `\end`, an unclosed `\verb`, a Markdown code
    /// fence without its closing fence, an HTML comment without `-->`, or an `essaylint-disable`
    /// comment no `essaylint-enable` ends.
    ///
    /// **Why it matters.** Everything after such a mark is read as maths, code or a comment, or
    /// is suppressed: essaylint checks nothing there, and without this notice a clean report would
    /// look like a clean essay.
    ///
    /// **Example.**
    ///
    /// ```text
    /// The cost is $5 and the rest of the paragraph is never checked.
    ///             ^ this `$` is never closed: everything up to the next blank line is read as maths
    /// ```
    ///
    /// It is advice: a disable comment meant to run to the end of the file is fine, and an
    /// unclosed `$` may be a typesetting slip the author will see in the PDF anyway. The readers
    /// find these places; the rule reports them.
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** No automatic fix: where the region should end is the author's call.
    pub struct UnclosedMarkup {
        name: "unclosed-markup",
        category: Style,
        severity: Advice,
        summary: "maths, verbatim, a code fence or a disable region never closed: the rest goes unchecked",
        fix: None,
    }
}

use crate::diagnostic::Diagnostic;
use crate::rule::{Context, Rule};

impl Rule for UnclosedMarkup {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for (span, message) in &cx.doc.notices {
            out.push(cx.diag(*span, message.clone()));
        }
    }
}
