crate::rule::declare_rule! {
    /// # dash-style
    ///
    /// **What it does.** Counts the ways the essay writes a dash between words — an unspaced em
    /// dash (word—word), a spaced em dash (word — word), a spaced en dash (word – word), a
    /// double hyphen (word--word) or a spaced hyphen (word - word) — and reports the forms the
    /// essay uses less, naming the counts.
    ///
    /// **Why it matters.** Every style guide accepts one of these (Chicago and APA the
    /// unspaced em dash, many British publishers the spaced en dash); an essay that switches
    /// between them looks unedited, and a spaced hyphen or double hyphen is a typewriter habit.
    ///
    /// **Example.**
    ///
    /// ```text
    /// The reforms—land, grain and credit—failed. … The peasants — as before — paid.
    ///                                                           ^ dash style: a spaced em dash here, but
    ///                                                             this essay mostly writes unspaced em dashes
    /// ```
    ///
    /// Dashes inside quotations are the source's and are not counted; an unspaced en dash is a
    /// range or a compound (1917–1921, Franco–Prussian), not a dash. It is a warning when the
    /// majority form is used at least four times and three times as often as the other, advice
    /// otherwise.
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** No automatic fix: changing the spaces around a dash is easy to do by
    /// hand, and the majority form is only suggested.
    pub struct DashStyle {
        name: "dash-style",
        category: Style,
        severity: Warning,
        summary: "dashes written two ways (word—word and word – word)",
        fix: None,
    }
}

use super::{report_minority, Form};
use crate::diagnostic::Diagnostic;
use crate::doc::{ParagraphKind, TokenKind};
use crate::rule::{Context, Rule};

impl Rule for DashStyle {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let mut forms = [
            Form::new("an unspaced em dash", "unspaced em dashes", "—"),
            Form::new("a spaced em dash", "spaced em dashes", " — "),
            Form::new("a spaced en dash", "spaced en dashes", " – "),
            Form::new("a double hyphen", "double hyphens", "--"),
            Form::new("a spaced hyphen", "spaced hyphens", " - "),
        ];
        for para in &doc.paragraphs {
            if !matches!(para.kind, ParagraphKind::Body | ParagraphKind::ListItem) {
                continue;
            }
            let toks = para.tokens.clone();
            for i in toks.clone() {
                let t = doc.tokens[i];
                if t.kind == TokenKind::Word || t.kind == TokenKind::Number {
                    continue;
                }
                let s = doc.tok(i);
                // Between two words (or a word and a closing mark) on one line.
                if i == toks.start || i + 1 >= toks.end {
                    continue;
                }
                let (p, n) = (doc.tokens[i - 1], doc.tokens[i + 1]);
                if !p.is_wordlike() || !n.is_wordlike() || n.newlines_before > 0 {
                    continue;
                }
                let spaced_before = t.space_before;
                let spaced_after = n.space_before;
                let form = match s {
                    "—" if !spaced_before && !spaced_after => 0,
                    "—" if spaced_before && spaced_after => 1,
                    "–" if spaced_before && spaced_after => 2,
                    _ if s.len() >= 2 && s.bytes().all(|b| b == b'-') => 3,
                    "-" if spaced_before && spaced_after => 4,
                    _ => continue,
                };
                // 1990 - 1995 is a range.
                let numbers = p.kind == TokenKind::Number && n.kind == TokenKind::Number;
                if (numbers && form >= 2) || doc.in_quotation(t.span) {
                    continue;
                }
                forms[form].spans.push(t.span);
            }
        }
        report_minority(cx, "dash style", &forms, 4, true, out);
    }
}
