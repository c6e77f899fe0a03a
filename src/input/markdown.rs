//! Markdown (CommonMark with tables, footnotes, strikethrough, task lists, front matter and maths),
//! parsed with pulldown-cmark. Only prose is kept: code blocks, inline code, maths, HTML, front
//! matter, link targets, image descriptions, bare web addresses and markup characters are masked,
//! so spans stay in the original file. Headings, list items, block quotations and table cells are
//! reported as blocks; a line break inside a paragraph reads as a space. Footnote references
//! (`[^1]`) become footnote citations; `<!-- essaylint-… -->` comments suppress diagnostics.

use super::mask::Mask;
use super::suppress::{self, Collector};
use crate::doc::citation::{Citation, CiteSource, CiteStyle};
use crate::doc::{ParagraphKind, Source, Span};
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use std::ops::Range;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Container {
    BlockQuote,
    Item,
    Heading,
    Cell,
    Other,
}

struct Leaves {
    open: Option<(usize, usize, ParagraphKind)>,
    blocks: Vec<(Span, ParagraphKind)>,
}

impl Leaves {
    fn prose(&mut self, r: &Range<usize>, kind: ParagraphKind) {
        match &mut self.open {
            Some((_, end, _)) => *end = (*end).max(r.end),
            None => self.open = Some((r.start, r.end, kind)),
        }
    }
    fn close(&mut self) {
        if let Some((s, e, k)) = self.open.take() {
            // Running prose is left to the model's own judgement (a short unpunctuated paragraph
            // such as "Works Cited" is a heading); the reader reports what the markup says.
            if k != ParagraphKind::Body && s < e {
                self.blocks.push((Span::new(s, e), k));
            }
        }
    }
}

pub fn read(text: String) -> Source {
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_MATH
        | Options::ENABLE_GFM;
    let mut mask = Mask::hidden(&text);
    let mut stack: Vec<Container> = Vec::new();
    let mut skip = 0usize;
    let mut leaves = Leaves {
        open: None,
        blocks: Vec::new(),
    };
    let mut html: Vec<Range<usize>> = Vec::new();
    let mut citations = Vec::new();
    let mut soft_breaks = Vec::new();
    let mut links: Vec<bool> = Vec::new();
    let mut notices: Vec<(Span, String)> = Vec::new();
    let mut apparatus = crate::doc::citation::Apparatus::default();

    for (ev, r) in Parser::new_ext(&text, opts).into_offset_iter() {
        match ev {
            Event::Start(tag) => {
                match &tag {
                    Tag::Emphasis
                    | Tag::Strong
                    | Tag::Strikethrough
                    | Tag::Superscript
                    | Tag::Subscript => {}
                    Tag::Link { link_type, .. } => {
                        let auto = matches!(link_type, LinkType::Autolink | LinkType::Email);
                        links.push(auto);
                        if auto {
                            skip += 1;
                        }
                    }
                    _ => leaves.close(),
                }
                if let Tag::CodeBlock(pulldown_cmark::CodeBlockKind::Fenced(_)) = &tag {
                    if let Some(n) = unclosed_fence(&text, r.clone()) {
                        notices.push(n);
                    }
                }
                if matches!(tag, Tag::HtmlBlock) {
                    if let Some(n) = unclosed_comment(&text, r.clone()) {
                        notices.push(n);
                    }
                }
                if let Tag::FootnoteDefinition(label) = &tag {
                    if let Some(n) = note_definition(&text, r.clone(), label) {
                        apparatus.notes.push(n);
                    }
                }
                if let Tag::MetadataBlock(_) = &tag {
                    apparatus
                        .bib_files
                        .extend(yaml_bibliography(&text, r.clone()));
                    apparatus
                        .external
                        .extend(front_matter_references(&text, r.clone()));
                }
                match tag {
                    Tag::CodeBlock(_) | Tag::MetadataBlock(_) | Tag::Image { .. } => skip += 1,
                    Tag::HtmlBlock => html.push(r.clone()),
                    Tag::BlockQuote(_) => stack.push(Container::BlockQuote),
                    Tag::Item => stack.push(Container::Item),
                    Tag::Heading { .. } => stack.push(Container::Heading),
                    Tag::TableCell => stack.push(Container::Cell),
                    Tag::FootnoteDefinition(_) | Tag::DefinitionListDefinition => {
                        stack.push(Container::Other)
                    }
                    _ => {}
                }
            }
            Event::End(end) => {
                match end {
                    TagEnd::Emphasis
                    | TagEnd::Strong
                    | TagEnd::Strikethrough
                    | TagEnd::Superscript
                    | TagEnd::Subscript => {}
                    TagEnd::Link => {}
                    _ => leaves.close(),
                }
                match end {
                    TagEnd::CodeBlock | TagEnd::MetadataBlock(_) | TagEnd::Image => {
                        skip = skip.saturating_sub(1)
                    }
                    TagEnd::BlockQuote(_)
                    | TagEnd::Item
                    | TagEnd::Heading(_)
                    | TagEnd::TableCell
                    | TagEnd::FootnoteDefinition
                    | TagEnd::DefinitionListDefinition => {
                        stack.pop();
                    }
                    _ => {}
                }
                // An autolink's text is its address: skipped until the link ends.
                if end == TagEnd::Link && links.pop() == Some(true) {
                    skip = skip.saturating_sub(1);
                }
            }
            Event::Text(t) if skip == 0 => {
                let src = &text[r.clone()];
                let shown = if src == t.as_ref() {
                    Some(r.clone())
                } else {
                    // A backslash escape (`\*`) is reported as the character after it; an entity
                    // (`&amp;`) cannot be shown in place and stays masked.
                    src.find(t.as_ref())
                        .filter(|_| !t.is_empty())
                        .map(|p| r.start + p..r.start + p + t.len())
                };
                if let Some(s) = shown {
                    mask.show(&text, s.clone());
                    leaves.prose(&s, kind_of(&stack));
                }
            }
            Event::Html(_) | Event::InlineHtml(_) => html.push(r.clone()),
            Event::FootnoteReference(label) if skip == 0 => {
                let span = Span::new(r.start, r.end);
                citations.push(Citation {
                    span,
                    style: CiteStyle::Footnote,
                    sources: vec![CiteSource {
                        span,
                        key: Some(label.to_string()),
                        ..Default::default()
                    }],
                    sentence: None,
                    certain: true,
                });
            }
            Event::SoftBreak => soft_breaks.push(r.clone()),
            _ => {}
        }
    }
    leaves.close();

    // Suppression comments: only in HTML the parser found (not in code).
    html.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in html {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    let mut c = Collector::default();
    suppress::html_comments(&text, Some(&merged), &mut c);

    mask.hide_urls();
    // A line break inside a paragraph renders as a space.
    for r in soft_breaks {
        if let Some(p) = text[r.clone()].find('\n') {
            mask.soften(r.start + p);
        }
    }
    notices.extend(c.unclosed());
    notices.sort_by_key(|(s, _)| s.start);
    let suppressions = c.finish(text.len());
    let masked = mask.finish(&text);
    Source {
        text,
        masked,
        blocks: leaves.blocks,
        citations,
        suppressions,
        notices,
        apparatus,
    }
}

/// A footnote definition `[^label]: text` at `r`: the note, its text after the colon.
fn note_definition(text: &str, r: Range<usize>, label: &str) -> Option<crate::doc::citation::Note> {
    let def = text.get(r.clone())?;
    let colon = def.find("]:")? + 2;
    let body = &def[colon..];
    let lead = body.len() - body.trim_start().len();
    let (a, z) = (
        r.start + colon + lead,
        r.start + colon + body.trim_end().len(),
    );
    (a < z).then(|| crate::doc::citation::Note {
        label: label.to_string(),
        span: Span::new(a, z),
        marker: None,
    })
}

/// Pandoc's `bibliography:` in YAML front matter at `r`: one file, a `[a.bib, b.json]` list, or
/// a list of `- file` lines below it. Each file with the span of its name.
fn yaml_bibliography(text: &str, r: Range<usize>) -> Vec<(Span, String)> {
    let mut out = Vec::new();
    let Some(block) = text.get(r.clone()) else {
        return out;
    };
    let mut in_list = false;
    let mut at = r.start;
    for line in block.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let l = line.trim_end();
        let name_at = |s: &str| start + (s.as_ptr() as usize - line.as_ptr() as usize);
        if let Some(v) = l.strip_prefix("bibliography:") {
            in_list = v.trim().is_empty();
            let v = v.trim();
            let inner = v.strip_prefix('[').and_then(|x| x.strip_suffix(']'));
            for part in inner.map_or_else(|| vec![v], |x| x.split(',').collect()) {
                let name = part.trim().trim_matches(['"', '\'']);
                if !name.is_empty() {
                    let p = name_at(name);
                    out.push((Span::new(p, p + name.len()), name.to_string()));
                }
            }
            continue;
        }
        if in_list {
            match l.trim_start().strip_prefix("- ") {
                Some(v) => {
                    let name = v.trim().trim_matches(['"', '\'']);
                    if !name.is_empty() {
                        let p = name_at(name);
                        out.push((Span::new(p, p + name.len()), name.to_string()));
                    }
                }
                None => in_list = false,
            }
        }
    }
    out
}

/// Pandoc's inline `references:` in the YAML front matter at `r` (CSL-YAML items), each with
/// the span of its `id`, so an entry nothing cites is reported where it is written.
fn front_matter_references(text: &str, r: Range<usize>) -> Vec<crate::doc::citation::Reference> {
    let Some(block) = text.get(r.clone()) else {
        return Vec::new();
    };
    if !block.contains("references:") {
        return Vec::new();
    }
    let mut refs = super::bibfile::front_matter_references(block);
    let mut from = 0;
    for e in &mut refs {
        let key = e.key.clone().unwrap_or_default();
        // The first `id:` line at or after the previous entry's that names this key.
        let found = block[from..]
            .match_indices(key.as_str())
            .map(|(i, _)| from + i)
            .find(|&i| {
                !key.is_empty()
                    && block[..i]
                        .trim_end_matches(['"', '\''])
                        .trim_end()
                        .ends_with("id:")
            });
        e.span = match found {
            Some(i) => {
                from = i + key.len();
                Span::new(r.start + i, r.start + i + key.len())
            }
            None => Span::new(r.start, r.end),
        };
    }
    refs
}

/// A fenced code block at `r` that runs to the end of the file without its closing fence.
fn unclosed_fence(text: &str, r: Range<usize>) -> Option<(Span, String)> {
    if r.end < text.trim_end().len() {
        return None;
    }
    let block = &text[r.clone()];
    let first = block.lines().next()?;
    let opener = first.trim_start();
    let fc = opener.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let n = opener.chars().take_while(|&c| c == fc).count();
    let last = block.trim_end().lines().last().unwrap_or("").trim();
    let closed = block.trim_end().lines().count() > 1
        && last.chars().take_while(|&c| c == fc).count() >= n
        && last.chars().all(|c| c == fc);
    if closed {
        return None;
    }
    let start = r.start + (first.len() - opener.len());
    Some((
        Span::new(start, start + n * fc.len_utf8()),
        format!(
            "this code fence ({}) is never closed: the rest of the file is read as code, not checked",
            fc.to_string().repeat(n)
        ),
    ))
}

/// An HTML comment opening an HTML block at `r` with no `-->`: the rest is not prose.
fn unclosed_comment(text: &str, r: Range<usize>) -> Option<(Span, String)> {
    let block = &text[r.clone()];
    let at = block.find("<!--")?;
    if block.trim_start().starts_with("<!--") && !text[r.start + at..].contains("-->") {
        let s = r.start + at;
        return Some((
            Span::new(s, s + 4),
            "this `<!--` comment is never closed by `-->`: the rest of the file is hidden, not checked".into(),
        ));
    }
    None
}

fn kind_of(stack: &[Container]) -> ParagraphKind {
    // The innermost container decides: a quotation inside a list item is a quotation.
    match stack.last() {
        Some(Container::Heading | Container::Cell) => ParagraphKind::Heading,
        Some(Container::Item) => ParagraphKind::ListItem,
        Some(Container::BlockQuote) => ParagraphKind::BlockQuote,
        Some(Container::Other) | None => ParagraphKind::Body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(t: &str) -> String {
        read(t.to_string()).masked.unwrap()
    }

    #[test]
    fn code_links_html_and_front_matter_masked() {
        let t = "---\ntitle: Draft\n---\n\n# The *Title*\n\nSee [the report](http://x.org/a) and `code`.\n\n```\nthe the\n```\n\n<div>html</div>\n";
        let p = prose(t);
        assert_eq!(p.len(), t.len());
        assert!(!p.contains("Draft"));
        assert!(p.contains("The  Title "));
        assert!(p.contains("See  the report"));
        assert!(!p.contains("x.org"));
        assert!(!p.contains("code"));
        assert!(!p.contains("the the"));
        assert!(!p.contains("html"));
    }

    #[test]
    fn blocks_for_structure() {
        let t =
            "# Heading\nText right after.\n\n- item one\n- item two\n\n> quoted words\n\nBody.\n";
        let s = read(t.to_string());
        let kinds: Vec<_> = s.blocks.iter().map(|(_, k)| *k).collect();
        assert_eq!(
            kinds,
            vec![
                ParagraphKind::Heading,
                ParagraphKind::ListItem,
                ParagraphKind::ListItem,
                ParagraphKind::BlockQuote
            ]
        );
        let d = crate::analysis::build(s);
        let kinds: Vec<_> = d.paragraphs.iter().map(|p| p.kind).collect();
        assert_eq!(kinds[0], ParagraphKind::Heading);
        assert_eq!(d.slice(d.paragraphs[1].span), "Text right after.");
        assert!(kinds.contains(&ParagraphKind::BlockQuote));
    }

    #[test]
    fn soft_breaks_join_a_paragraph() {
        let t = "One sentence here.\nAnother on the next line.\n\nNew paragraph.";
        let d = crate::analysis::build(read(t.to_string()));
        assert_eq!(d.paragraphs.len(), 2);
        assert_eq!(d.sentences.len(), 3);
    }

    #[test]
    fn escapes_entities_and_footnotes() {
        let t = "Use \\*stars\\* &amp; more.[^1]\n\n[^1]: A note.\n";
        let s = read(t.to_string());
        let p = s.masked.clone().unwrap();
        assert!(p.contains("*stars"));
        assert!(!p.contains("amp"));
        assert_eq!(s.citations.len(), 1);
        assert_eq!(s.citations[0].sources[0].key.as_deref(), Some("1"));
        assert!(p.contains("A note."));
    }

    #[test]
    fn suppression_only_outside_code() {
        let t = "<!-- essaylint-disable-next-line doubled-word -->\nthe the\n\n```\n<!-- essaylint-disable -->\n```\n";
        let s = read(t.to_string());
        assert_eq!(s.suppressions.len(), 1);
        assert_eq!(
            &t[s.suppressions[0].0.start..s.suppressions[0].0.end],
            "the the"
        );
    }
}
