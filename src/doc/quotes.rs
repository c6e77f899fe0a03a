//! Quotations (straight and curly, nested, unclosed) and bracketed groups, found per paragraph.

use super::{Document, Span, TokenKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteKind {
    /// “…”, "…" or «…»
    Double,
    /// ‘…’ or '…'
    Single,
}

#[derive(Clone, Debug)]
pub struct Quotation {
    /// From the opening mark to the closing mark inclusive (to the paragraph's end if unclosed).
    pub span: Span,
    /// The quoted text, without the marks.
    pub inner: Span,
    pub closed: bool,
    pub kind: QuoteKind,
    /// 0 for an outermost quotation, 1 for a quotation inside it, …
    pub depth: u8,
    pub paragraph: usize,
    /// Index range of the tokens inside the marks.
    pub tokens: std::ops::Range<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupKind {
    Round,
    Square,
    Curly,
}

#[derive(Clone, Debug)]
pub struct Group {
    pub span: Span,
    pub inner: Span,
    pub closed: bool,
    pub kind: GroupKind,
    pub paragraph: usize,
    pub tokens: std::ops::Range<usize>,
}

#[derive(Clone, Copy)]
struct OpenQuote {
    tok: usize,
    kind: QuoteKind,
    straight: bool,
}

pub(super) fn find_quotes_and_groups(doc: &mut Document) {
    let mut quotes = Vec::new();
    let mut groups = Vec::new();
    let mut strays = Vec::new();
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        let mut qstack: Vec<OpenQuote> = Vec::new();
        let mut gstack: Vec<(usize, GroupKind)> = Vec::new();
        let (a, b) = (p.tokens.start, p.tokens.end);
        let mut close_quote =
            |stack: &mut Vec<OpenQuote>, pos: usize, end_tok: usize, closed: bool| {
                let o: OpenQuote = stack.remove(pos);
                let open = doc.tokens[o.tok].span;
                let (span, inner) = if closed {
                    let c = doc.tokens[end_tok].span;
                    (Span::new(open.start, c.end), Span::new(open.end, c.start))
                } else {
                    let last = doc.tokens[end_tok].span;
                    (
                        Span::new(open.start, last.end),
                        Span::new(open.end, last.end),
                    )
                };
                quotes.push(Quotation {
                    span,
                    inner,
                    closed,
                    kind: o.kind,
                    depth: pos as u8,
                    paragraph: pi,
                    tokens: o.tok + 1..if closed { end_tok } else { end_tok + 1 },
                });
            };
        for i in a..b {
            let t = doc.tokens[i];
            if t.kind != TokenKind::Punct {
                continue;
            }
            let s = &doc.text[t.span.start..t.span.end];
            let next = doc.tokens.get(i + 1).filter(|_| i + 1 < b);
            let next_attached_word =
                next.is_some_and(|n| !n.space_before && n.kind != TokenKind::Punct);
            let prev_attached = i > a && !t.space_before;
            let after_space_or_end =
                next.is_none_or(|n| n.space_before || n.kind == TokenKind::Punct);
            match s {
                "“" | "«" | "„" => qstack.push(OpenQuote {
                    tok: i,
                    kind: QuoteKind::Double,
                    straight: false,
                }),
                "‘" => qstack.push(OpenQuote {
                    tok: i,
                    kind: QuoteKind::Single,
                    straight: false,
                }),
                "”" | "»" => {
                    if let Some(pos) = qstack.iter().rposition(|q| q.kind == QuoteKind::Double) {
                        while qstack.len() > pos + 1 {
                            let top = qstack.len() - 1;
                            close_quote(&mut qstack, top, i - 1, false);
                        }
                        close_quote(&mut qstack, pos, i, true);
                    } else {
                        strays.push(t.span);
                    }
                }
                "\"" => {
                    if let Some(pos) = qstack
                        .iter()
                        .rposition(|q| q.kind == QuoteKind::Double && q.straight)
                    {
                        if !(t.space_before && next_attached_word) || qstack.len() == pos + 1 {
                            while qstack.len() > pos + 1 {
                                let top = qstack.len() - 1;
                                close_quote(&mut qstack, top, i - 1, false);
                            }
                            close_quote(&mut qstack, pos, i, true);
                            continue;
                        }
                    }
                    if prev_attached && after_space_or_end && !next_attached_word && i > a {
                        strays.push(t.span);
                    } else {
                        qstack.push(OpenQuote {
                            tok: i,
                            kind: QuoteKind::Double,
                            straight: true,
                        });
                    }
                }
                "’" | "'" => {
                    let straight = s == "'";
                    if let Some(pos) = qstack
                        .iter()
                        .rposition(|q| q.kind == QuoteKind::Single && q.straight == straight)
                    {
                        // A closing single quote is followed by space, punctuation or the end.
                        if after_space_or_end {
                            while qstack.len() > pos + 1 {
                                let top = qstack.len() - 1;
                                close_quote(&mut qstack, top, i - 1, false);
                            }
                            close_quote(&mut qstack, pos, i, true);
                        }
                    } else if straight && (t.space_before || i == a) && next_attached_word {
                        qstack.push(OpenQuote {
                            tok: i,
                            kind: QuoteKind::Single,
                            straight: true,
                        });
                    }
                    // otherwise an apostrophe (students’, ’90s)
                }
                "(" | "[" | "{" => {
                    let k = match s {
                        "(" => GroupKind::Round,
                        "[" => GroupKind::Square,
                        _ => GroupKind::Curly,
                    };
                    gstack.push((i, k));
                }
                ")" | "]" | "}" => {
                    let k = match s {
                        ")" => GroupKind::Round,
                        "]" => GroupKind::Square,
                        _ => GroupKind::Curly,
                    };
                    if let Some(pos) = gstack.iter().rposition(|g| g.1 == k) {
                        while gstack.len() > pos + 1 {
                            let (o, ok) = gstack.pop().unwrap_or((i, k));
                            groups.push(unclosed_group(doc, o, ok, i - 1, pi));
                        }
                        let (o, _) = gstack.pop().unwrap_or((i, k));
                        let open = doc.tokens[o].span;
                        groups.push(Group {
                            span: Span::new(open.start, t.span.end),
                            inner: Span::new(open.end, t.span.start),
                            closed: true,
                            kind: k,
                            paragraph: pi,
                            tokens: o + 1..i,
                        });
                    } else if !is_list_marker_or_smiley(doc, a, i) {
                        strays.push(t.span);
                    }
                }
                _ => {}
            }
        }
        while let Some(top) = qstack.len().checked_sub(1) {
            close_quote(&mut qstack, top, b - 1, false);
        }
        while let Some((o, k)) = gstack.pop() {
            groups.push(unclosed_group(doc, o, k, b - 1, pi));
        }
    }
    quotes.sort_by_key(|q| (q.span.start, q.depth));
    groups.sort_by_key(|g| g.span.start);
    doc.quotations = quotes;
    doc.groups = groups;
    doc.stray_closers = strays;
}

fn unclosed_group(doc: &Document, o: usize, kind: GroupKind, last: usize, pi: usize) -> Group {
    let open = doc.tokens[o].span;
    let end = doc.tokens[last.max(o)].span.end;
    Group {
        span: Span::new(open.start, end),
        inner: Span::new(open.end, end),
        closed: false,
        kind,
        paragraph: pi,
        tokens: o + 1..last.max(o) + 1,
    }
}

/// "a)" or "1)" opening a list item, and ":)" smileys, are not stray brackets.
fn is_list_marker_or_smiley(doc: &Document, para_start: usize, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let prev = doc.tok(i - 1);
    if matches!(prev, ":" | ";" | "-") && !doc.tokens[i].space_before {
        return true;
    }
    let line_start = i - 1 == para_start || doc.tokens[i - 1].newlines_before > 0;
    line_start && prev.chars().count() <= 3 && !doc.tokens[i].space_before
}

#[cfg(test)]
mod tests {
    use crate::doc::Document;

    #[test]
    fn curly_nested_and_unclosed() {
        let d = Document::from_text("He said “she wrote ‘no’ twice” and “left");
        let q: Vec<_> = d
            .quotations
            .iter()
            .map(|q| (d.slice(q.inner), q.closed, q.depth))
            .collect();
        assert_eq!(
            q,
            vec![
                ("she wrote ‘no’ twice", true, 0),
                ("no", true, 1),
                ("left", false, 0)
            ]
        );
    }

    #[test]
    fn straight_quotes_and_apostrophes() {
        let d = Document::from_text("The \"kulak\" class and the students' 'work' mattered.");
        let q: Vec<_> = d.quotations.iter().map(|q| d.slice(q.inner)).collect();
        assert_eq!(q, vec!["kulak", "work"]);
    }

    #[test]
    fn groups() {
        let d = Document::from_text("A (b [c] d) e (f. Next) g)\n1) item");
        let g: Vec<_> = d
            .groups
            .iter()
            .map(|g| (d.slice(g.inner), g.closed))
            .collect();
        assert_eq!(g, vec![("b [c] d", true), ("c", true), ("f. Next", true)]);
        assert_eq!(d.stray_closers.len(), 1);
    }
}
