crate::rule::declare_rule! {
    /// # percent-style
    ///
    /// **What it does.** Reports an essay that writes percentages two ways: "per cent" and
    /// "percent", or, after figures, both "45%" and "45 percent". The less used form is
    /// reported at its first use, with the counts.
    ///
    /// **Why it matters.** Style guides differ (APA writes 45%, Chicago 45 percent, British
    /// publishers often 45 per cent) but every one of them picks one form; switching between
    /// them inside one essay looks careless, especially in a paragraph of figures.
    ///
    /// **Example.**
    ///
    /// ```text
    /// Turnout fell to 45% in 1920 … and to 38 percent two years later.
    ///                                        ^^^^^^^ percentages: a figure with a word here,
    ///                                                but this essay mostly writes figures with %
    /// ```
    ///
    /// A number written in words takes the word ("forty percent" beside "45%" is consistent
    /// APA), so only figures are compared with the symbol; "percentage" and "percentile" are
    /// other words. Quotations are not counted. A warning when the majority is used at least
    /// three times and three times as often as the other form, advice otherwise.
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** No automatic fix: the majority form is suggested.
    pub struct PercentStyle {
        name: "percent-style",
        category: Style,
        severity: Warning,
        summary: "percentages written two ways (45%, 45 percent, 45 per cent)",
        fix: None,
    }
}

use super::{report_minority, Form};
use crate::diagnostic::Diagnostic;
use crate::doc::{ParagraphKind, TokenKind};
use crate::rule::{Context, Rule};

impl Rule for PercentStyle {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        // The word's spelling anywhere.
        let mut words = [
            Form::new("\"percent\"", "\"percent\"", "percent"),
            Form::new("\"per cent\"", "\"per cent\"", "per cent"),
        ];
        // After a figure: the symbol or a word.
        let mut after_figure = [
            Form::new("a figure with %", "figures with %", "%"),
            Form::new("a figure with a word", "figures with a word", "percent"),
        ];
        for para in &doc.paragraphs {
            if !matches!(
                para.kind,
                ParagraphKind::Body | ParagraphKind::ListItem | ParagraphKind::BlockQuote
            ) {
                continue;
            }
            let toks = para.tokens.clone();
            for i in toks.clone() {
                let t = doc.tokens[i];
                let figure_before = i > toks.start && doc.tokens[i - 1].kind == TokenKind::Number;
                let s = doc.tok(i);
                let (word, span) = if s == "%" {
                    (None, t.span)
                } else if t.kind == TokenKind::Word && doc.lower(i) == "percent" {
                    (Some(0), t.span)
                } else if t.kind == TokenKind::Word
                    && doc.lower(i) == "per"
                    && i + 1 < toks.end
                    && doc.lower(i + 1) == "cent"
                {
                    (Some(1), t.span.to(doc.tokens[i + 1].span))
                } else {
                    continue;
                };
                if doc.in_quotation(span) {
                    continue;
                }
                match word {
                    None if figure_before => after_figure[0].spans.push(span),
                    None => {}
                    Some(w) => {
                        words[w].spans.push(span);
                        if figure_before {
                            after_figure[1].spans.push(span);
                        }
                    }
                }
            }
        }
        report_minority(cx, "percentages", &words, 3, true, out);
        report_minority(cx, "percentages", &after_figure, 3, true, out);
    }
}
