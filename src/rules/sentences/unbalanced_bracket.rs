crate::rule::declare_rule! {
    /// # unbalanced-bracket
    ///
    /// **What it does.** Reports an opening bracket — (, [ or { — that is never closed in its
    /// paragraph, and a closing bracket with no opening one.
    ///
    /// **Why it matters.** An unclosed parenthesis leaves the reader waiting for the aside to end;
    /// in citations it often means a page number or year went missing.
    ///
    /// **Example.**
    ///
    /// ```text
    /// Stalin held the post (Medvedev 69 and used it to build support.
    ///                      ^ this `(` is never closed
    /// ```
    ///
    /// List markers ("1)", "a)", and labels glued to the text before them, "defenses:1)",
    /// "outside.11b)") and emoticons are not brackets. A paragraph with three or more unmatched
    /// brackets is bracket notation (a syntax tree, "[TP many students [T' …") or pasted material
    /// more often than three slips: it gets one advice instead of a warning per bracket.
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** No automatic fix: the rule only reports; the remedy (rewording, a citation, an
    /// entry in the works cited) is the writer's to choose.
    pub struct UnbalancedBracket {
        name: "unbalanced-bracket",
        category: Sentences,
        severity: Warning,
        summary: "a bracket that is never closed, or closed without being opened",
        fix: None,
    }
}
use crate::diagnostic::Diagnostic;
use crate::doc::{Span, TokenKind};
use crate::rule::{Context, Rule};
use crate::Severity;

impl Rule for UnbalancedBracket {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let prose = |pi: usize| doc.paragraphs[pi].kind.is_prose();
        // (paragraph, diagnostic) pairs, so that a paragraph full of them can be summarised.
        let mut found: Vec<(usize, Diagnostic)> = Vec::new();
        for g in &doc.groups {
            if g.closed || !prose(g.paragraph) {
                continue;
            }
            let open = Span::new(g.span.start, g.inner.start.max(g.span.start));
            let b = doc.slice(open).to_string();
            found.push((
                g.paragraph,
                cx.diag(open, format!("this `{b}` is never closed"))
                    .related(Span::new(g.span.end, g.span.end), "the paragraph ends here"),
            ));
        }
        for &sp in &doc.stray_closers {
            let text = doc.slice(sp);
            if !matches!(text, ")" | "]" | "}") {
                continue;
            }
            let Some(si) = doc.sentence_at(sp.start) else {
                continue;
            };
            let pi = doc.sentences[si].paragraph;
            if !prose(pi) {
                continue;
            }
            // An inline enumeration: "… 1) first, 2) second", "a) … b)".
            let ti = doc.token_at(sp.start);
            if ti > 1 && doc.tok(ti - 1) == "." && doc.tokens[ti - 2].kind == TokenKind::Number {
                continue;
            }
            if ti > 0 && !doc.tokens[ti].space_before {
                let p = &doc.tokens[ti - 1];
                let pt = doc.tok(ti - 1);
                let short = pt.chars().count() <= 3 && p.kind != TokenKind::Punct;
                let roman = pt.chars().all(|c| "ivxlIVXL".contains(c));
                let small = pt.chars().count() == 1 || roman;
                if short && (p.space_before || ti - 1 == 0) && small {
                    continue;
                }
                // A numbered label glued to the text before it: "defenses:1) Langerhans",
                // "outside.11b) *Many students", "(CN)7b) There".
                let label = short
                    && pt.starts_with(|c: char| c.is_ascii_digit())
                    && pt.chars().all(|c| c.is_ascii_alphanumeric());
                let glued = ti >= 2
                    && !p.space_before
                    && doc.tokens[ti - 2].kind == TokenKind::Punct
                    && matches!(doc.tok(ti - 2), "." | ":" | ")" | ";");
                if label && (p.newlines_before > 0 || glued) {
                    continue;
                }
            }
            found.push((
                pi,
                cx.diag(sp, format!("this `{text}` has no opening bracket")),
            ));
        }
        // Three or more unmatched brackets in one paragraph: bracket notation (a syntax tree,
        // "[TP many students [T' …") or pasted material, not three slips. One advice says so.
        found.sort_by_key(|(pi, d)| (*pi, d.span.start));
        let mut k = 0;
        while k < found.len() {
            let pi = found[k].0;
            let n = found[k..].iter().take_while(|(p, _)| *p == pi).count();
            if n >= 3 {
                let first = found[k].1.span;
                out.push(
                    cx.diag(
                        first,
                        format!("{n} brackets in this paragraph do not pair up; check them if this is not notation"),
                    )
                    .severity(Severity::Advice),
                );
            } else {
                out.extend(found[k..k + n].iter().map(|(_, d)| d.clone()));
            }
            k += n;
        }
    }
}
