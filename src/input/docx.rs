//! DOCX (Word 2007 and later): the text of the document, extracted.
//!
//! Runs are joined into paragraphs, so a word Word split across runs (a spelling correction, a
//! change of formatting inside the word) is one word. Paragraphs are separated by a blank line.
//! Footnotes and endnotes follow the paragraph that cites them, each starting with its number in
//! superscript (`¹`); the reference in the paragraph is that number too, and both become footnote
//! citations. Field results (a citation manager's citations and bibliography), content controls,
//! hyperlinks, tracked insertions and text boxes are included; deleted text, field codes, hidden
//! text, equations, comments, headers and footers are not. Headings, list paragraphs, quotations
//! and bibliography entries are recognised by their paragraph styles; table cells are fragments.
//!
//! **Spans and lines refer to this extracted text**, not to the bytes of the file (which are
//! compressed XML): `essaylint extract essay.docx` prints it. Fixes are shown but never applied.
//!
//! A DOCX is a zip archive, so the parts read are capped once inflated (by default at the input size limit, [`super::DEFAULT_MAX_INPUT`]),
//! which stops a zip bomb.

use super::mask::Mask;
use super::InputError;
use crate::doc::citation::{Citation, CiteSource, CiteStyle};
use crate::doc::{ParagraphKind, Source, Span};
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Read};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum NoteKind {
    Foot,
    End,
}

#[derive(Debug)]
enum Piece {
    Text(String),
    /// A line break inside a paragraph: a newline in the text, a space in the prose.
    Break,
    Note(NoteKind, String),
}

#[derive(Debug, Default)]
struct Para {
    pieces: Vec<Piece>,
    style: Option<String>,
    list: bool,
    outline: bool,
    in_table: bool,
    /// The footnote or endnote this paragraph belongs to (in footnotes.xml / endnotes.xml).
    note: Option<(NoteKind, String)>,
}

impl Para {
    fn push_str(&mut self, s: &str) {
        if let Some(Piece::Text(t)) = self.pieces.last_mut() {
            t.push_str(s);
        } else {
            self.pieces.push(Piece::Text(s.to_string()));
        }
    }
    fn has_text(&self) -> bool {
        self.pieces.iter().any(|p| match p {
            Piece::Text(t) => !t.trim().is_empty(),
            Piece::Note(..) => true,
            Piece::Break => false,
        })
    }
}

type Zip<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

fn err(m: impl Into<String>) -> InputError {
    InputError::Format(m.into())
}

/// Reads a DOCX file's bytes with the default limit (tests).
#[cfg(test)]
fn read(bytes: &[u8]) -> Result<Source, InputError> {
    read_limited(bytes, super::DEFAULT_MAX_INPUT)
}

/// Reads a DOCX file's bytes, inflating at most `limit` bytes of its parts.
pub fn read_limited(bytes: &[u8], limit: u64) -> Result<Source, InputError> {
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Err(err(
            "not a DOCX file: a Word 97–2003 document or a password-protected one; save it as .docx without a password",
        ));
    }
    if !bytes.starts_with(b"PK") {
        return Err(err("not a DOCX file (not a zip archive)"));
    }
    // The zip and XML readers are not expected to panic, but a broken file must never take the
    // whole run down: a panic here is reported as this file's error.
    match std::panic::catch_unwind(|| read_zip(bytes, limit)) {
        Ok(r) => r,
        Err(_) => Err(err("not a readable DOCX file (the archive is corrupt)")),
    }
}

fn read_zip(bytes: &[u8], limit: u64) -> Result<Source, InputError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| err(format!("not a DOCX file: broken zip archive ({e})")))?;
    let mut budget = limit;

    let main = match entry(&mut zip, "_rels/.rels", &mut budget, limit)? {
        Some(xml) => rels(&xml, "_rels/.rels")?
            .into_iter()
            .find(|(t, _)| t.ends_with("/officeDocument"))
            .map(|(_, target)| resolve("", &target)),
        None => None,
    }
    .unwrap_or_else(|| "word/document.xml".to_string());
    let dir = main.rfind('/').map_or("", |p| &main[..p]).to_string();
    let doc_xml = entry(&mut zip, &main, &mut budget, limit)?.ok_or_else(|| {
        err(format!(
            "not a Word document: the archive has no {main} (is it a .docx?)"
        ))
    })?;

    // Where the other parts are: the document's relationships, or the usual names.
    let rel_name = format!(
        "{dir}{}_rels/{}.rels",
        if dir.is_empty() { "" } else { "/" },
        &main[main.rfind('/').map_or(0, |p| p + 1)..]
    );
    let mut parts: HashMap<&str, String> = HashMap::new();
    if let Some(xml) = entry(&mut zip, &rel_name, &mut budget, limit)? {
        for (t, target) in rels(&xml, &rel_name)? {
            for kind in ["footnotes", "endnotes", "styles"] {
                if t.ends_with(&format!("/{kind}")) {
                    parts.insert(kind, resolve(&dir, &target));
                }
            }
        }
    }
    let part = |kind: &str| {
        parts
            .get(kind)
            .cloned()
            .unwrap_or_else(|| resolve(&dir, &format!("{kind}.xml")))
    };

    let styles = match entry(&mut zip, &part("styles"), &mut budget, limit)? {
        Some(xml) => style_names(&xml, &part("styles"))?,
        None => HashMap::new(),
    };
    let mut notes: HashMap<(NoteKind, String), Vec<Para>> = HashMap::new();
    for kind in ["footnotes", "endnotes"] {
        let name = part(kind);
        if let Some(xml) = entry(&mut zip, &name, &mut budget, limit)? {
            for p in paragraphs(&xml, &name)? {
                if let Some(key) = p.note.clone() {
                    notes.entry(key).or_default().push(p);
                }
            }
        }
    }
    let body = paragraphs(&doc_xml, &main)?;
    Ok(assemble(body, &notes, &styles))
}

/// One part of the archive as text, or `None` if it is missing; inflation is capped.
fn entry(
    zip: &mut Zip<'_>,
    name: &str,
    budget: &mut u64,
    limit: u64,
) -> Result<Option<String>, InputError> {
    let f = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(err(format!("{name} in the archive: {e}"))),
    };
    if f.encrypted() {
        return Err(err(format!("{name} is encrypted")));
    }
    let too_big = || {
        err(format!(
            "{name} inflates past the input size limit ({}; `max-input-size` in essaylint.toml): refusing to read it (a zip bomb?)",
            super::show_size(limit)
        ))
    };
    if f.size() > *budget {
        return Err(too_big());
    }
    let mut buf = Vec::new();
    f.take(*budget + 1)
        .read_to_end(&mut buf)
        .map_err(|e| err(format!("{name} in the archive cannot be inflated: {e}")))?;
    if buf.len() as u64 > *budget {
        return Err(too_big());
    }
    *budget -= buf.len() as u64;
    let text = match String::from_utf8(buf) {
        Ok(s) => s,
        Err(e) => {
            let b = e.into_bytes();
            match super::encoding::decode(&b) {
                Ok(s) if b.starts_with(b"\xFF\xFE") || b.starts_with(b"\xFE\xFF") => s,
                _ => return Err(err(format!("{name} is not UTF-8 XML"))),
            }
        }
    };
    Ok(Some(text))
}

/// Resolves a relationship target against the folder of the part that names it.
fn resolve(dir: &str, target: &str) -> String {
    let mut parts: Vec<&str> = if target.starts_with('/') || dir.is_empty() {
        Vec::new()
    } else {
        dir.split('/').collect()
    };
    for seg in target.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

fn xml_error(name: &str, r: &Reader<&[u8]>, e: impl std::fmt::Display) -> InputError {
    err(format!(
        "{name} in the archive is broken XML (at byte {}): {e}",
        r.error_position()
    ))
}

fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.try_get_attribute(key)
        .ok()
        .flatten()
        .and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok())
        .map(|v| v.into_owned())
}

/// (relationship type, target) pairs of a .rels part.
fn rels(xml: &str, name: &str) -> Result<Vec<(String, String)>, InputError> {
    let mut r = Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match r.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == b"Relationship" => {
                if let (Some(t), Some(target)) = (attr(&e, "Type"), attr(&e, "Target")) {
                    if attr(&e, "TargetMode").as_deref() != Some("External") {
                        out.push((t, target));
                    }
                }
            }
            Ok(Event::Eof) => return Ok(out),
            Ok(_) => {}
            Err(e) => return Err(xml_error(name, &r, e)),
        }
    }
}

/// Style id → lowercased style name (`Heading1` → `heading 1`; ids are translated in
/// non-English Word, names of built-in styles are not).
fn style_names(xml: &str, name: &str) -> Result<HashMap<String, String>, InputError> {
    let mut r = Reader::from_str(xml);
    let mut out = HashMap::new();
    let mut current: Option<String> = None;
    loop {
        match r.read_event() {
            Ok(Event::Start(e)) if e.name().as_ref() == b"w:style" => {
                current = attr(&e, "w:styleId");
            }
            Ok(Event::Empty(e)) if e.name().as_ref() == b"w:name" => {
                if let (Some(id), Some(v)) = (current.clone(), attr(&e, "w:val")) {
                    out.insert(id, v.to_lowercase());
                }
            }
            Ok(Event::End(e)) if e.name().as_ref() == b"w:style" => current = None,
            Ok(Event::Eof) => return Ok(out),
            Ok(_) => {}
            Err(e) => return Err(xml_error(name, &r, e)),
        }
    }
}

/// Elements whose content is never text of the essay.
const SKIPPED: &[&[u8]] = &[
    b"w:instrText",
    b"w:delText",
    b"w:del",
    b"w:moveFrom",
    b"mc:Fallback",
    b"m:oMath",
    b"m:oMathPara",
    b"w:sdtPr",
    b"w:fldData",
    b"w:commentRangeStart",
    b"w:rPrChange",
    b"w:pPrChange",
];

/// The paragraphs of a document, footnotes or endnotes part, in order.
fn paragraphs(xml: &str, name: &str) -> Result<Vec<Para>, InputError> {
    let mut r = Reader::from_str(xml);
    r.config_mut().check_end_names = false;
    let mut out: Vec<Para> = Vec::new();
    let mut stack: Vec<Para> = Vec::new();
    let mut skip = 0usize;
    let mut in_t = false;
    let mut in_ppr = 0usize;
    let mut in_rpr = 0usize;
    let mut hidden_run = false;
    let mut cells = 0usize;
    let mut note: Option<(NoteKind, String)> = None;
    loop {
        let ev = match r.read_event() {
            Ok(ev) => ev,
            Err(e) => return Err(xml_error(name, &r, e)),
        };
        let (start, empty) = match &ev {
            Event::Start(e) => (Some(e), false),
            Event::Empty(e) => (Some(e), true),
            _ => (None, false),
        };
        if skip > 0 {
            match &ev {
                Event::Start(_) => skip += 1,
                Event::End(_) => skip -= 1,
                Event::Eof => break,
                _ => {}
            }
            continue;
        }
        if let Some(e) = start {
            let qn = e.name();
            let n = qn.as_ref();
            if SKIPPED.contains(&n) {
                if !empty {
                    skip = 1;
                }
                continue;
            }
            match n {
                b"w:p" if !empty => {
                    stack.push(Para {
                        in_table: cells > 0,
                        note: note.clone(),
                        ..Default::default()
                    });
                }
                b"w:footnote" | b"w:endnote" => {
                    let kind = if n == b"w:footnote" {
                        NoteKind::Foot
                    } else {
                        NoteKind::End
                    };
                    let ty = attr(e, "w:type");
                    let special = ty.is_some_and(|t| t != "normal");
                    if special {
                        if !empty {
                            skip = 1;
                        }
                    } else if !empty {
                        note = attr(e, "w:id").map(|id| (kind, id));
                    }
                }
                b"w:pPr" if !empty => in_ppr += 1,
                b"w:rPr" if !empty => in_rpr += 1,
                b"w:tc" if !empty => cells += 1,
                b"w:r" if !empty => hidden_run = false,
                b"w:t" if !empty => in_t = true,
                b"w:pStyle" if in_ppr > 0 => {
                    if let Some(p) = stack.last_mut() {
                        p.style = attr(e, "w:val");
                    }
                }
                b"w:numPr" if in_ppr > 0 => {
                    if let Some(p) = stack.last_mut() {
                        p.list = true;
                    }
                }
                b"w:outlineLvl" if in_ppr > 0 => {
                    if let Some(p) = stack.last_mut() {
                        p.outline = attr(e, "w:val")
                            .and_then(|v| v.parse::<u8>().ok())
                            .is_some_and(|v| v < 9);
                    }
                }
                b"w:vanish" if in_rpr > 0 && in_ppr == 0 => {
                    hidden_run =
                        !matches!(attr(e, "w:val").as_deref(), Some("0" | "false" | "off"));
                }
                _ if in_ppr > 0 || hidden_run => {}
                b"w:tab" | b"w:ptab" => push(&mut stack, "\t"),
                b"w:br" | b"w:cr" => {
                    let ty = attr(e, "w:type");
                    if matches!(ty.as_deref(), Some("page" | "column")) {
                        push(&mut stack, " ");
                    } else if let Some(p) = stack.last_mut() {
                        p.pieces.push(Piece::Break);
                    }
                }
                b"w:noBreakHyphen" => push(&mut stack, "-"),
                b"w:footnoteReference" | b"w:endnoteReference" => {
                    let kind = if n == b"w:footnoteReference" {
                        NoteKind::Foot
                    } else {
                        NoteKind::End
                    };
                    if let (Some(id), Some(p)) = (attr(e, "w:id"), stack.last_mut()) {
                        p.pieces.push(Piece::Note(kind, id));
                    }
                }
                _ => {}
            }
            continue;
        }
        match ev {
            Event::Text(t) if in_t && !hidden_run => {
                let s = t
                    .xml_content(XmlVersion::Implicit1_0)
                    .map_err(|e| xml_error(name, &r, e))?;
                push(&mut stack, &s);
            }
            Event::CData(t) if in_t && !hidden_run => {
                let s = t.decode().map_err(|e| xml_error(name, &r, e))?;
                push(&mut stack, &s);
            }
            Event::GeneralRef(g) if in_t && !hidden_run => {
                let c = match g.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match &*g as &[u8] {
                        b"amp" => Some('&'),
                        b"lt" => Some('<'),
                        b"gt" => Some('>'),
                        b"quot" => Some('"'),
                        b"apos" => Some('\''),
                        _ => None,
                    },
                };
                if let Some(c) = c {
                    push(&mut stack, c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::End(e) => match e.name().as_ref() {
                b"w:p" => {
                    if let Some(p) = stack.pop() {
                        out.push(p);
                    }
                }
                b"w:t" => in_t = false,
                b"w:pPr" => in_ppr = in_ppr.saturating_sub(1),
                b"w:rPr" => in_rpr = in_rpr.saturating_sub(1),
                b"w:tc" => cells = cells.saturating_sub(1),
                b"w:r" => hidden_run = false,
                b"w:footnote" | b"w:endnote" => note = None,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    // A truncated part: keep what was read.
    while let Some(p) = stack.pop() {
        out.push(p);
    }
    Ok(out)
}

fn push(stack: &mut [Para], s: &str) {
    if let Some(p) = stack.last_mut() {
        p.push_str(s);
    }
}

fn kind_of(p: &Para, styles: &HashMap<String, String>) -> Option<ParagraphKind> {
    let style = p
        .style
        .as_deref()
        .map(|id| styles.get(id).cloned().unwrap_or_else(|| id.to_lowercase()));
    let s = style.as_deref().unwrap_or("");
    if s.starts_with("heading") || s == "title" || s == "subtitle" || p.outline {
        return Some(ParagraphKind::Heading);
    }
    if s.contains("quote") || s == "block text" {
        return Some(ParagraphKind::BlockQuote);
    }
    if s.starts_with("bibliography") {
        return Some(ParagraphKind::Reference);
    }
    if s.starts_with("caption") || s.starts_with("toc ") || s == "table of figures" {
        return Some(ParagraphKind::Heading);
    }
    if p.in_table {
        return Some(ParagraphKind::Heading);
    }
    if p.list || s.starts_with("list") {
        return Some(ParagraphKind::ListItem);
    }
    None
}

fn superscript(n: usize) -> String {
    n.to_string()
        .chars()
        .map(|c| match c {
            '0' => '⁰',
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            '4' => '⁴',
            '5' => '⁵',
            '6' => '⁶',
            '7' => '⁷',
            '8' => '⁸',
            _ => '⁹',
        })
        .collect()
}

struct Out {
    text: String,
    hidden: Vec<(usize, usize)>,
    softened: Vec<usize>,
    blocks: Vec<(Span, ParagraphKind)>,
    cites: Vec<Citation>,
}

impl Out {
    /// Writes one paragraph; returns the notes it cites, numbered.
    fn para(
        &mut self,
        p: &Para,
        kind: Option<ParagraphKind>,
        marker: Option<usize>,
        next_note: &mut usize,
    ) -> Vec<(NoteKind, String, usize)> {
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        let start = self.text.len();
        if let Some(n) = marker {
            let m = superscript(n);
            self.text.push_str(&m);
            self.text.push(' ');
            self.hidden.push((start, self.text.len()));
        }
        let mut cited = Vec::new();
        for (i, piece) in p.pieces.iter().enumerate() {
            match piece {
                Piece::Text(t) if i == 0 && marker.is_some() => self.text.push_str(t.trim_start()),
                Piece::Text(t) => self.text.push_str(t),
                Piece::Break => {
                    self.softened.push(self.text.len());
                    self.text.push('\n');
                }
                Piece::Note(k, id) => {
                    *next_note += 1;
                    let n = *next_note;
                    let a = self.text.len();
                    self.text.push_str(&superscript(n));
                    let span = Span::new(a, self.text.len());
                    self.hidden.push((span.start, span.end));
                    self.cites.push(Citation {
                        span,
                        style: CiteStyle::Footnote,
                        sources: vec![CiteSource {
                            span,
                            key: Some(n.to_string()),
                            ..Default::default()
                        }],
                        sentence: None,
                        certain: true,
                    });
                    cited.push((*k, id.clone(), n));
                }
            }
        }
        if let Some(k) = kind {
            let body = &self.text[start..];
            let lead = body.len() - body.trim_start().len();
            let end = start + body.trim_end().len();
            if start + lead < end {
                self.blocks.push((Span::new(start + lead, end), k));
            }
        }
        cited
    }
}

fn assemble(
    body: Vec<Para>,
    notes: &HashMap<(NoteKind, String), Vec<Para>>,
    styles: &HashMap<String, String>,
) -> Source {
    let mut out = Out {
        text: String::new(),
        hidden: Vec::new(),
        softened: Vec::new(),
        blocks: Vec::new(),
        cites: Vec::new(),
    };
    let mut next_note = 0usize;
    let mut done: HashSet<(NoteKind, String)> = HashSet::new();
    let mut apparatus = crate::doc::citation::Apparatus::default();
    for p in &body {
        if !p.has_text() {
            continue;
        }
        let cited = out.para(p, kind_of(p, styles), None, &mut next_note);
        for (k, id, n) in cited {
            let key = (k, id);
            if !done.insert(key.clone()) {
                continue;
            }
            let Some(paras) = notes.get(&key) else {
                continue;
            };
            let mut first = true;
            let mut note: Option<(usize, usize)> = None;
            for np in paras.iter().filter(|p| p.has_text()) {
                // A note's own paragraphs are running prose (its text may cite further notes,
                // which are not followed).
                let mut ignore = usize::MAX / 2;
                let marker = first.then_some(n);
                let (at, hid) = (out.text.len(), out.hidden.len());
                out.para(np, Some(ParagraphKind::Body), marker, &mut ignore);
                // The note's text: after the marker, to the end of its last paragraph.
                let from = match out.hidden.get(hid) {
                    Some(h) if first => h.1,
                    _ => at,
                };
                note = Some((note.map_or(from, |x| x.0), out.text.len()));
                first = false;
            }
            if let Some((a, z)) = note.filter(|(a, z)| a < z) {
                apparatus.notes.push(crate::doc::citation::Note {
                    label: n.to_string(),
                    span: Span::new(a, z),
                    marker: None,
                });
            }
        }
    }
    let Out {
        text,
        hidden,
        softened,
        blocks,
        cites,
    } = out;
    let mut mask = Mask::shown(&text);
    for (a, z) in hidden {
        mask.hide(a..z);
    }
    for p in softened {
        mask.soften(p);
    }
    mask.hide_urls();
    let masked = mask.finish(&text);
    Source {
        text,
        masked,
        blocks,
        citations: cites,
        suppressions: Vec::new(),
        notices: Vec::new(),
        apparatus,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;
    use zip::write::SimpleFileOptions;

    /// Builds a DOCX in memory from (part name, content) pairs.
    pub fn build(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut buf = Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut buf);
            for (name, content) in parts {
                z.start_file(*name, SimpleFileOptions::default()).unwrap();
                z.write_all(content.as_bytes()).unwrap();
            }
            z.finish().unwrap();
        }
        buf.into_inner()
    }

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn doc(body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>"#
        )
    }

    #[test]
    fn runs_join_and_notes_follow() {
        let body = r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Intro</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">The rev</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>olution &amp; war.</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r>
<w:r><w:instrText>ADDIN ZOTERO_ITEM {json}</w:instrText></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del></w:p>
<w:p/>
<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r><w:r><w:t>Visible.</w:t></w:r></w:p>"#;
        let notes = format!(
            r#"<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> See Smith, 45.</w:t></w:r></w:p></w:footnote></w:footnotes>"#
        );
        let bytes = build(&[
            ("word/document.xml", &doc(body)),
            ("word/footnotes.xml", &notes),
        ]);
        let s = read(&bytes).unwrap();
        assert_eq!(
            s.text,
            "Intro\n\nThe revolution & war.¹\n\n¹ See Smith, 45.\n\nVisible."
        );
        assert_eq!(s.blocks[0].1, ParagraphKind::Heading);
        assert_eq!(s.citations.len(), 1);
        assert_eq!(s.citations[0].sources[0].key.as_deref(), Some("1"));
        let m = s.masked.unwrap();
        assert!(!m.contains('¹'));
        assert_eq!(m.len(), s.text.len());
    }

    #[test]
    fn broken_archives_name_the_reason() {
        let e = read(b"PK\x03\x04garbage").unwrap_err().to_string();
        assert!(e.contains("zip"), "{e}");
        let e = read(b"plain text").unwrap_err().to_string();
        assert!(e.contains("not a DOCX"), "{e}");
        let e = read(&build(&[("other.xml", "<a/>")]))
            .unwrap_err()
            .to_string();
        assert!(e.contains("word/document.xml"), "{e}");
        let e = read(&build(&[(
            "word/document.xml",
            "<w:document><w:body><w:p>",
        )]));
        // Truncated XML: what was read is kept, or the error names the part.
        if let Err(e) = e {
            assert!(e.to_string().contains("document.xml"));
        }
    }

    #[test]
    fn truncated_and_random_bytes_never_panic() {
        let good = build(&[(
            "word/document.xml",
            &doc("<w:p><w:r><w:t>Hello there.</w:t></w:r></w:p>"),
        )]);
        assert!(read(&good).is_ok());
        for cut in (0..good.len()).step_by(7) {
            let _ = read(&good[..cut]);
        }
        let mut x = 0x2545F4914F6CDD1Du64;
        for _ in 0..200 {
            let mut b = good.clone();
            for _ in 0..8 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                let i = (x as usize) % b.len();
                b[i] = (x >> 32) as u8;
            }
            let _ = read(&b);
        }
    }

    #[test]
    fn zip_bomb_is_refused() {
        let big = "a".repeat((super::super::DEFAULT_MAX_INPUT + 10) as usize);
        let bytes = {
            let mut buf = Cursor::new(Vec::new());
            let mut z = zip::ZipWriter::new(&mut buf);
            let o = SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated)
                .large_file(false);
            z.start_file("word/document.xml", o).unwrap();
            z.write_all(big.as_bytes()).unwrap();
            z.finish().unwrap();
            buf.into_inner()
        };
        assert!(bytes.len() < 1 << 20);
        let e = read(&bytes).unwrap_err().to_string();
        assert!(e.contains("zip bomb"), "{e}");
    }
}
