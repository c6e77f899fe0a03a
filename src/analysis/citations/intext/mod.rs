//! In-text citations found in the text itself: parenthetical and bracketed groups, narrative
//! "Cohen (1973)", LaTeX commands written literally, pandoc keys and footnote markers.
//!
//! The groups come from the document model (`doc.groups`); their inner text is parsed here with
//! a small lexer, because a citation's grammar (commas, colons, "et al.", "p.", quoted titles)
//! is its own. Everything that does not parse cleanly is an aside, not a citation: "(rich
//! peasant)", "(see below)", "(NEP)", "(Figure 2)", "(M = 3.4)", "(1922)" after a non-name.

mod lex;
mod markers;
mod pieces;
mod round;
mod segment;
mod square;

use lex::*;
use markers::*;
use pieces::*;
use round::*;
use segment::*;
use square::*;

use super::lists;
use super::{Citation, CiteSource, CiteStyle, Reference};
use crate::doc::{Document, Group, GroupKind, ParagraphKind, Span, TokenKind};
use crate::lexicon;
use regex::Regex;
use std::collections::HashSet;
use std::sync::OnceLock;

pub(super) fn find(doc: &Document, refs: &[Reference]) -> Vec<Citation> {
    let mut out = Vec::new();
    let mut name_only = Vec::new();
    for g in &doc.groups {
        if !g.closed || g.inner.is_empty() || g.inner.len() > 400 {
            continue;
        }
        if !matches!(
            doc.paragraphs[g.paragraph].kind,
            ParagraphKind::Body | ParagraphKind::BlockQuote | ParagraphKind::ListItem
        ) {
            continue;
        }
        match g.kind {
            GroupKind::Round => round(doc, g, &mut out, &mut name_only),
            GroupKind::Square => square(doc, g, &mut out),
            GroupKind::Curly => {}
        }
    }
    latex_literal(doc, &mut out);
    superscripts(doc, &mut out);
    glued_markers(doc, &mut out);
    // Parenthetical names without page or year are citations only with support.
    let mut known: HashSet<String> = HashSet::new();
    for c in out.iter().filter(|c| c.certain) {
        for s in &c.sources {
            for a in &s.authors {
                known.insert(super::fold_name(a));
            }
        }
    }
    for r in refs {
        for a in &r.authors {
            known.insert(super::fold_name(a));
        }
    }
    let first_author = |c: &Citation| {
        c.sources[0]
            .authors
            .first()
            .map(|a| super::fold_name(a))
            .unwrap_or_default()
    };
    let (strong, weak): (Vec<_>, Vec<_>) = name_only.into_iter().partition(|(_, s)| *s);
    for (c, _) in strong {
        known.insert(first_author(&c));
        out.push(c);
    }
    for (c, _) in weak {
        let first = first_author(&c);
        if !first.is_empty() && known.contains(&first) {
            out.push(c);
        }
    }
    // A title-only citation opening with a known author's name: "(Keller Letters from the Fair
    // 45)" names Keller and his work.
    for c in &mut out {
        if c.style != CiteStyle::Mla {
            continue;
        }
        for s in &mut c.sources {
            if !s.authors.is_empty() || s.title_quoted {
                continue;
            }
            let Some(t) = s.title.clone() else { continue };
            let mut parts = t.splitn(2, ' ');
            let (Some(first), Some(rest)) = (parts.next(), parts.next()) else {
                continue;
            };
            if known.contains(&super::fold_name(first)) {
                s.authors = vec![first.to_string()];
                s.title = Some(rest.to_string());
            }
        }
    }
    // Nested groups can both parse ("(see Smith (2001))"): keep the outer one.
    out.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
    let mut kept: Vec<Citation> = Vec::with_capacity(out.len());
    for c in out {
        if kept.last().is_some_and(|k| k.span.contains(c.span)) {
            continue;
        }
        kept.push(c);
    }
    kept
}

#[cfg(test)]
pub(super) fn parse_for_test(s: &str) -> Option<Vec<CiteSource>> {
    parse_inner(s, 0).map(|v| v.into_iter().map(|s| s.src).collect())
}
