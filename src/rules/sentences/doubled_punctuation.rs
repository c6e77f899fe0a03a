crate::rule::declare_rule! {
    /// # doubled-punctuation
    ///
    /// **What it does.** Reports punctuation written twice or two clashing marks in a row: ",,",
    /// ";;", "..", ",.", ".,", "?.", and "!!" or "??" (advice: emphasis that essays avoid).
    ///
    /// **Why it matters.** A doubled mark is a slip left by revising (a full stop added after
    /// "etc.", a comma left before a full stop); it catches the eye and looks careless.
    ///
    /// **Example.**
    ///
    /// ```text
    /// They purged the kulaks, the priests, the officers etc..
    ///                                                   ^^ one full stop is enough
    /// ```
    ///
    /// Silent on ellipses ("…", "..."), on "?!" and on a comma after an abbreviation ("e.g.,",
    /// "etc.,").
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** No automatic fix: a doubled mark may hide a missing word, so the single mark is
    /// only suggested.
    pub struct DoubledPunctuation {
        name: "doubled-punctuation",
        category: Sentences,
        severity: Warning,
        summary: "punctuation written twice (\",,\", \"..\", \",.\")",
        fix: None,
    }
}
use crate::diagnostic::Diagnostic;
use crate::doc::{Span, TokenKind};
use crate::lexicon;
use crate::rule::{Context, Rule};
use crate::Severity;

impl Rule for DoubledPunctuation {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        for para in &doc.paragraphs {
            if !matches!(
                para.kind,
                crate::doc::ParagraphKind::Body
                    | crate::doc::ParagraphKind::BlockQuote
                    | crate::doc::ParagraphKind::ListItem
            ) {
                continue;
            }
            for i in para.tokens.clone() {
                let t = &doc.tokens[i];
                if t.kind != TokenKind::Punct {
                    continue;
                }
                let a = doc.tok(i);
                if a == ".." && i > para.tokens.start && doc.tokens[i - 1].is_wordlike() {
                    out.push(
                        cx.diag(t.span, "two full stops: use one (or an ellipsis, `…`)")
                            .suggest("."),
                    );
                    continue;
                }
                if i + 1 >= para.tokens.end {
                    continue;
                }
                let n = &doc.tokens[i + 1];
                if n.kind != TokenKind::Punct || n.space_before {
                    continue;
                }
                let b = doc.tok(i + 1);
                // The word before the first mark: an abbreviation explains "e.g.," and "etc.,".
                let after_abbrev = i > 0
                    && doc.tokens[i - 1].kind == TokenKind::Word
                    && (doc.lower(i - 1).chars().count() == 1
                        || lexicon::abbreviation(doc.lower(i - 1)).is_some());
                let (sev, msg, keep) = match (a, b) {
                    (",", ",") | (";", ";") => {
                        (Severity::Warning, format!("`{a}` is written twice"), a)
                    }
                    (".", ".") if !after_abbrev => (
                        Severity::Warning,
                        "two full stops: use one".to_string(),
                        ".",
                    ),
                    (",", ".") | (";", ".") | (":", ".") => {
                        (Severity::Warning, format!("`{a}` before a full stop"), ".")
                    }
                    (".", ",") | (".", ";")
                        if !after_abbrev
                            && (doc.tok(i - 1) == ")"
                                || doc.tok(i - 1).chars().all(|c| c.is_lowercase())
                                    && doc.tok(i - 1).chars().count() > 3) =>
                    {
                        (Severity::Warning, format!("a full stop before `{b}`"), b)
                    }
                    ("?", ".") | ("!", ".") => {
                        (Severity::Warning, format!("a full stop after `{a}`"), a)
                    }
                    ("!", "!") | ("?", "?") => (
                        Severity::Advice,
                        format!("`{a}{b}`: one mark is enough in formal writing"),
                        a,
                    ),
                    _ => continue,
                };
                if i > 0
                    && !doc.tokens[i - 1].is_wordlike()
                    && !matches!(doc.tok(i - 1), ")" | "”" | "\"" | "’")
                {
                    continue;
                }
                let span = Span::new(t.span.start, n.span.end);
                out.push(cx.diag(span, msg).severity(sev).suggest(keep.to_string()));
            }
        }
    }
}
