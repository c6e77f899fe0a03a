//! LaTeX commands written in plain text, superscript and glued footnote markers.

#[allow(unused_imports)]
use super::*;

pub(super) fn latex_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"\\(?P<cmd>[A-Za-z]*cite[A-Za-z]*|cite)\*?\s*(?:\[(?P<a>[^\]\n]{0,80})\]\s*)?(?:\[(?P<b>[^\]\n]{0,80})\]\s*)?\{(?P<keys>[^}\n]{1,300})\}")
            .expect("latex regex")
    })
}

pub(super) fn latex_literal(doc: &Document, out: &mut Vec<Citation>) {
    if !doc.prose.contains("cite") {
        return;
    }
    let mut found: Vec<Citation> = Vec::new();
    for caps in latex_re().captures_iter(&doc.prose) {
        let Some(m) = caps.get(0) else { continue };
        let keys = caps.name("keys").map_or("", |k| k.as_str());
        let kstart = caps.name("keys").map_or(m.start(), |k| k.start());
        // The postnote is the last optional argument.
        let post = caps
            .name("b")
            .or(caps.name("a"))
            .map(|x| x.as_str().trim().to_string())
            .filter(|s| !s.is_empty());
        let mut sources = Vec::new();
        let mut off = 0;
        for k in keys.split(',') {
            let s = kstart + off;
            off += k.len() + 1;
            let key = k.trim();
            if key.is_empty() {
                continue;
            }
            let lead = k.len() - k.trim_start().len();
            sources.push(CiteSource {
                span: Span::new(s + lead, s + lead + key.len()),
                key: Some(key.to_string()),
                pages: post.clone(),
                ..Default::default()
            });
        }
        if sources.is_empty() {
            continue;
        }
        found.push(Citation {
            span: Span::new(m.start(), m.end()),
            style: CiteStyle::Latex,
            sources,
            sentence: None,
            certain: true,
        });
    }
    if found.is_empty() {
        return;
    }
    // The command wins over any group parsed inside it ("{key}", "[p. 3]").
    out.retain(|c| {
        let i = found.partition_point(|f| f.span.end <= c.span.start);
        !found.get(i).is_some_and(|f| f.span.overlaps(c.span))
    });
    out.extend(found);
}

pub(super) fn superscript_value(c: char) -> Option<u32> {
    match c {
        '⁰' => Some(0),
        '¹' => Some(1),
        '²' => Some(2),
        '³' => Some(3),
        '⁴'..='⁹' => Some(c as u32 - '⁴' as u32 + 4),
        _ => None,
    }
}

/// Superscript digits after a word or punctuation: "Americans.¹", "collectivization²³".
pub(super) fn superscripts(doc: &Document, out: &mut Vec<Citation>) {
    let text = &doc.prose;
    if !text.chars().any(|c| superscript_value(c).is_some()) {
        return;
    }
    let mut it = text.char_indices().peekable();
    let mut prev_end_word_len = 0usize;
    let mut prev_char = ' ';
    while let Some((i, c)) = it.next() {
        if superscript_value(c).is_none() {
            if c.is_alphabetic() {
                prev_end_word_len += 1;
            } else {
                prev_end_word_len = 0;
            }
            prev_char = c;
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        let mut value = superscript_value(c).unwrap_or(0);
        while let Some(&(j, d)) = it.peek() {
            match superscript_value(d) {
                Some(v) => {
                    value = value.saturating_mul(10).saturating_add(v);
                    end = j + d.len_utf8();
                    it.next();
                }
                None => break,
            }
        }
        let after_ok = text[end..].chars().next().is_none_or(|d| {
            d.is_whitespace() || matches!(d, '.' | ',' | ';' | ':' | ')' | '”' | '"')
        });
        let before_ok = matches!(prev_char, '.' | ',' | ';' | ':' | '”' | '"' | ')' | '’')
            || prev_end_word_len >= 3;
        prev_end_word_len = 0;
        prev_char = ' ';
        if !(after_ok && before_ok) || value == 0 {
            continue;
        }
        let Some(si) = doc.sentence_at(start) else {
            continue;
        };
        if !doc.is_prose(&doc.sentences[si]) {
            continue;
        }
        let span = Span::new(start, end);
        out.push(Citation {
            span,
            style: CiteStyle::Footnote,
            sources: vec![CiteSource {
                span,
                number: Some(value),
                ..Default::default()
            }],
            sentence: None,
            certain: true,
        });
    }
}

/// Footnote numbers that lost their superscript: "… in 1929.12 The party …". Kept only when
/// there are several and they mostly count upwards.
pub(super) fn glued_markers(doc: &Document, out: &mut Vec<Citation>) {
    let mut found: Vec<(Span, u32)> = Vec::new();
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        if !matches!(p.kind, ParagraphKind::Body | ParagraphKind::BlockQuote) {
            continue;
        }
        let _ = pi;
        for i in p.tokens.start + 2..p.tokens.end {
            let t = &doc.tokens[i];
            if t.kind != TokenKind::Number || t.space_before {
                continue;
            }
            let s = doc.tok(i);
            if s.len() > 3 || !s.bytes().all(|b| b.is_ascii_digit()) {
                continue;
            }
            let Ok(n) = s.parse::<u32>() else { continue };
            if n == 0 || n > 300 {
                continue;
            }
            let punct = doc.tok(i - 1);
            if !matches!(punct, "." | "," | ";" | ":" | "”" | "\"" | ")")
                || doc.tokens[i - 1].space_before
            {
                continue;
            }
            let w = i - 2;
            if doc.tokens[w].kind != TokenKind::Word || doc.tok(w).chars().count() < 3 {
                continue;
            }
            let wl = doc.lower(w);
            if lists::is_not_source(wl) || lexicon::abbreviation(wl).is_some() {
                continue;
            }
            let next = doc.tokens.get(i + 1).filter(|_| i + 1 < p.tokens.end);
            let next_ok = match next {
                None => true,
                Some(nt) => {
                    nt.space_before
                        && (punct != "." || crate::doc::is_capitalized(doc.tok(i + 1)))
                        && nt.kind != TokenKind::Number
                }
            };
            if next_ok {
                found.push((t.span, n));
            }
        }
    }
    if found.len() < 2 {
        return;
    }
    let rising = found.windows(2).filter(|w| w[1].1 >= w[0].1).count();
    if rising * 4 < (found.len() - 1) * 3 {
        return;
    }
    for (span, n) in found {
        out.push(Citation {
            span,
            style: CiteStyle::Footnote,
            sources: vec![CiteSource {
                span,
                number: Some(n),
                ..Default::default()
            }],
            sentence: None,
            certain: true,
        });
    }
}
