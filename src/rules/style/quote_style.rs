crate::rule::declare_rule! {
    /// # quote-style
    ///
    /// **What it does.** Counts straight and curly quotation marks ("…" and “…”) and straight
    /// and curly apostrophes (don't and don’t, Stalin's and Stalin’s) in the essay, and reports
    /// the kind it uses less, with the counts: one diagnostic for the quotation marks, one for
    /// the apostrophes.
    ///
    /// **Why it matters.** Either kind is acceptable, but a mixture shows text pasted from
    /// elsewhere or typed in two programs, and it prints unevenly.
    ///
    /// **Example.**
    ///
    /// ```text
    /// He called it “a revolution from above”. … She called it "a second revolution".
    ///                                                         ^ quotation marks: a straight quotation
    ///                                                           mark here, but this essay mostly
    ///                                                           writes curly quotation marks
    /// ```
    ///
    /// Marks in headings and in the works cited are not counted. Straight marks are the only
    /// ones in plain-text formats such as LaTeX and Markdown source, where an editor turns them
    /// curly, so a file with no curly mark is never reported. A warning when the majority kind
    /// is used at least six times and three times as often as the other, advice otherwise.
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** No automatic fix: which curly mark is right (opening or closing) depends on
    /// its place, and the change is best made by the word processor's own replace.
    pub struct QuoteStyle {
        name: "quote-style",
        category: Style,
        severity: Warning,
        summary: "straight and curly quotation marks or apostrophes mixed (\" and “, ' and ’)",
        fix: None,
    }
}

use super::{report_minority, Form};
use crate::diagnostic::Diagnostic;
use crate::doc::{ParagraphKind, Span, TokenKind};
use crate::rule::{Context, Rule};

impl Rule for QuoteStyle {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let mut quotes = [
            Form::new("a curly quotation mark", "curly quotation marks", "“ ”"),
            Form::new(
                "a straight quotation mark",
                "straight quotation marks",
                "\"",
            ),
        ];
        let mut apostrophes = [
            Form::new("a curly apostrophe", "curly apostrophes", "’"),
            Form::new("a straight apostrophe", "straight apostrophes", "'"),
        ];
        for para in &doc.paragraphs {
            if matches!(para.kind, ParagraphKind::Heading | ParagraphKind::Reference) {
                continue;
            }
            for i in para.tokens.clone() {
                let t = doc.tokens[i];
                let s = doc.tok(i);
                match t.kind {
                    TokenKind::Word => {
                        // An apostrophe inside a word (don't, Stalin's).
                        for (k, c) in s.char_indices() {
                            let f = match c {
                                '’' => 0,
                                '\'' => 1,
                                _ => continue,
                            };
                            if k == 0 || k + c.len_utf8() >= s.len() && !s.ends_with("s'") {
                                continue;
                            }
                            let at = t.span.start + k;
                            apostrophes[f].spans.push(Span::new(at, at + c.len_utf8()));
                        }
                    }
                    _ => match s {
                        "“" | "”" => quotes[0].spans.push(t.span),
                        "\"" => quotes[1].spans.push(t.span),
                        _ => {}
                    },
                }
            }
        }
        // Pairs count once: two marks per quotation.
        report_minority(cx, "quotation marks", &quotes, 6, false, out);
        report_minority(cx, "apostrophes", &apostrophes, 6, false, out);
    }
}
