//! Square groups: numeric `[3]`, `[3, 5–7]`, pandoc `[@key, p. 3]`, `[^1]`, `[Strichartz: 1973]`.

#[allow(unused_imports)]
use super::*;

pub(super) fn numeric_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r"^\s*\d{1,3}(?:\s*[-–—]\s*\d{1,3})?(?:\s*,\s*\d{1,3}(?:\s*[-–—]\s*\d{1,3})?)*\s*$",
        )
        .expect("numeric regex")
    })
}

pub(super) fn pandoc_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"^(?P<pre>[^@]*?)-?@(?P<key>[\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*)\s*(?:,\s*(?P<loc>.*?))?\s*$")
            .expect("pandoc regex")
    })
}

pub(super) fn square(doc: &Document, g: &Group, out: &mut Vec<Citation>) {
    let text = &doc.prose[g.inner.start..g.inner.end];
    let base = g.inner.start;
    let trimmed = text.trim();
    if let Some(label) = trimmed.strip_prefix('^') {
        if !label.is_empty() && label.len() <= 40 && !label.contains(char::is_whitespace) {
            out.push(Citation {
                span: g.span,
                style: CiteStyle::Footnote,
                sources: vec![CiteSource {
                    span: g.span,
                    key: Some(label.to_string()),
                    number: label.parse().ok(),
                    ..Default::default()
                }],
                sentence: None,
                certain: true,
            });
        }
        return;
    }
    if trimmed.contains('@') {
        let mut sources = Vec::new();
        let mut off = 0;
        for part in text.split(';') {
            let pstart = base + off;
            off += part.len() + 1;
            let caps = pandoc_re().captures(part.trim());
            let Some(caps) = caps else {
                return;
            };
            let key = caps["key"].trim_end_matches(['.', ':', ',']).to_string();
            let lead = part.len() - part.trim_start().len();
            sources.push(CiteSource {
                span: Span::new(pstart + lead, pstart + part.trim_end().len().max(lead)),
                key: Some(key),
                pages: caps
                    .name("loc")
                    .map(|m| m.as_str().trim().to_string())
                    .filter(|s| !s.is_empty()),
                ..Default::default()
            });
        }
        if !sources.is_empty() {
            out.push(Citation {
                span: g.span,
                style: CiteStyle::Pandoc,
                sources,
                sentence: None,
                certain: true,
            });
        }
        return;
    }
    if numeric_re().is_match(text) {
        // "[1]" opening a list item is the item's number.
        let p = &doc.paragraphs[g.paragraph];
        if g.tokens.start == p.tokens.start + 1 && p.kind == ParagraphKind::ListItem {
            return;
        }
        // "LaCl[3]", "CO[2]": a subscript written in brackets after a formula.
        let open = g.tokens.start.saturating_sub(1);
        if open > 0 && !doc.tokens[open].space_before && doc.tokens[open - 1].is_word() {
            let w = doc.tok(open - 1);
            if w.chars().skip(1).any(|c| c.is_uppercase())
                || crate::doc::is_all_caps(w)
                || w.chars().count() <= 2
            {
                return;
            }
        }
        let mut sources = Vec::new();
        let mut off = 0;
        for part in text.split(',') {
            let pstart = base + off;
            off += part.len() + 1;
            let nums: Vec<u32> = part
                .split(['-', '–', '—'])
                .filter_map(|n| n.trim().parse().ok())
                .collect();
            let span = Span::new(pstart, pstart + part.len());
            match nums.as_slice() {
                [a] => sources.push(CiteSource {
                    span,
                    number: Some(*a),
                    ..Default::default()
                }),
                [a, b] if a <= b && b - a <= 30 => {
                    for n in *a..=*b {
                        sources.push(CiteSource {
                            span,
                            number: Some(n),
                            ..Default::default()
                        });
                    }
                }
                _ => return,
            }
        }
        if sources.iter().any(|s| s.number == Some(0)) {
            return;
        }
        out.push(Citation {
            span: g.span,
            style: CiteStyle::Numeric,
            sources,
            sentence: None,
            certain: true,
        });
        return;
    }
    // Author-date in square brackets (lab reports): [Strichartz: 1973], [Hammock 1983].
    let Some(segs) = parse_inner(text, base) else {
        return;
    };
    if segs
        .iter()
        .all(|s| s.kind == SegKind::Full && s.src.year.is_some())
    {
        let style = style_of(&segs[0]);
        out.push(Citation {
            span: g.span,
            style,
            sources: segs.into_iter().map(|s| s.src).collect(),
            sentence: None,
            certain: true,
        });
    }
}
