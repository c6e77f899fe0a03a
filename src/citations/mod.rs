//! In-text citations and the works-cited list, parsed into the document model.
//!
//! The foundation only records the works-cited entries (one per paragraph after the heading) and
//! citations handed over by input readers; the citation rules' issue fills in the parsers.

use crate::doc::{Document, ParagraphKind, Span};

/// The form an in-text citation takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CiteStyle {
    /// (Medvedev 69)
    Mla,
    /// (Cohen, 1973, p. 310)
    Apa,
    /// (Cohen 1973, 310)
    ChicagoAuthorDate,
    /// [3], [3, 5–7]
    Numeric,
    /// superscript digits, `[^1]`
    Footnote,
    /// `\cite{key}`
    Latex,
    /// `[@key, p. 3]`
    Pandoc,
    /// Cohen (1973) argues
    Narrative,
}

/// One source named inside a citation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CiteSource {
    pub span: Span,
    pub authors: Vec<String>,
    pub title: Option<String>,
    pub year: Option<String>,
    pub pages: Option<String>,
    pub key: Option<String>,
}

/// An in-text citation, tied to its sentence.
#[derive(Clone, Debug)]
pub struct Citation {
    pub span: Span,
    pub style: CiteStyle,
    pub sources: Vec<CiteSource>,
    /// Index into `Document::sentences`.
    pub sentence: Option<usize>,
}

/// An entry of the works-cited list.
#[derive(Clone, Debug, Default)]
pub struct Reference {
    pub span: Span,
    pub paragraph: usize,
    pub authors: Vec<String>,
    pub year: Option<String>,
    pub title: Option<String>,
    pub number: Option<u32>,
    pub key: Option<String>,
}

/// Fills `doc.citations` and `doc.references`.
pub fn extract(doc: &mut Document, from_reader: Vec<Citation>) {
    let mut cites = from_reader;
    for c in &mut cites {
        c.sentence = doc.sentence_at(c.span.start);
    }
    cites.sort_by_key(|c| c.span.start);
    doc.citations = cites;
    if let Some(h) = doc.references_heading {
        doc.references = doc.paragraphs[h + 1..]
            .iter()
            .enumerate()
            .filter(|(_, p)| p.kind == ParagraphKind::Reference)
            .map(|(i, p)| Reference {
                span: p.span,
                paragraph: h + 1 + i,
                ..Default::default()
            })
            .collect();
    }
}
