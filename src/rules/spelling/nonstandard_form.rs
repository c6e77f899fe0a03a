crate::rule::declare_rule! {
    /// # nonstandard-form
    ///
    /// **What it does.** Finds word forms that exist in speech but that a careful reader marks in
    /// writing, and gives the standard form: regularised past tenses of irregular verbs ("creeped"
    /// for crept, "sweared" for swore), "alot" for a lot, "irregardless" for regardless,
    /// "hisself" for himself.
    ///
    /// **Why it matters.** Some of these forms are in dictionaries (as nonstandard), so a spelling
    /// checker passes them, but in an essay they read as mistakes.
    ///
    /// **Example.**
    ///
    /// ```text
    /// Through the factionalism of these debates, Stalin creeped his way up through the system,
    ///                                                   ^^^^^^^ `creeped` is nonstandard; the past tense of creep is `crept`
    /// ```
    ///
    /// "Creeped out" is idiomatic and stays silent. Informal forms such as "alright" and "anyways"
    /// are advice rather than warnings. The list is `rules/spelling/nonstandard.txt`.
    ///
    /// **Options.** None. A form the essay means to use can be accepted with `accept = [...]`.
    ///
    /// **Fix safety.** Safe: the nonstandard form is replaced by the standard one (`grinded` →
    /// `ground`). Forms that are sometimes right (advice) and words inside quotations get a
    /// suggestion, not a fix.
    pub struct NonstandardForm {
        name: "nonstandard-form",
        category: Spelling,
        severity: Warning,
        summary: "a nonstandard word form (\"creeped\" for crept, \"alot\")",
        fix: Safe,
    }
}
use crate::analysis::scan;
use crate::diagnostic::Diagnostic;
use crate::lexicon::spell;
use crate::rule::{Context, Rule};
use crate::Severity;

use crate::lexicon::nonstandard::lookup;

impl Rule for NonstandardForm {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let sc = cx.scan();
        for i in 0..doc.tokens.len() {
            if !sc.prose_word(doc, i) {
                continue;
            }
            let key = doc.lower(i);
            let Some(e) = lookup(key) else { continue };
            if cx.config.accepts(key) {
                continue;
            }
            let next = (i + 1..doc.tokens.len().min(i + 3))
                .filter(|&k| doc.tokens[k].is_word())
                .map(|k| doc.lower(k))
                .collect::<Vec<_>>();
            // "creeped out", "creeped me out"
            if next.iter().any(|w| e.not_before.contains(w)) {
                continue;
            }
            let tok = doc.tok(i);
            let repl = spell::match_case(tok, e.standard);
            let msg = if e.standard.contains(' ') || !key.ends_with("ed") {
                format!("`{tok}` is nonstandard; write `{repl}`")
            } else {
                format!("`{tok}` is a nonstandard past form; the standard form is `{repl}`")
            };
            let span = doc.tokens[i].span;
            let mut d = cx.diag(span, msg).suggest(repl.clone());
            if e.advice || sc.is(i, scan::QUOTED) {
                d = d.severity(Severity::Advice);
            } else {
                d = d.fix(span, repl);
            }
            out.push(d);
        }
    }
}
