//! Citation and works-cited *data*: what an in-text citation and a reference entry are, as the
//! readers and the citation analysis (`analysis::citations`) fill them in. No logic above the
//! model lives here.

use crate::doc::Span;
use crate::lexicon;

/// The form an in-text citation takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
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

impl CiteStyle {
    /// A short human name.
    pub fn name(self) -> &'static str {
        match self {
            CiteStyle::Mla => "MLA",
            CiteStyle::Apa => "APA",
            CiteStyle::ChicagoAuthorDate => "Chicago author-date",
            CiteStyle::Numeric => "numeric",
            CiteStyle::Footnote => "footnote",
            CiteStyle::Latex => "LaTeX",
            CiteStyle::Pandoc => "pandoc",
            CiteStyle::Narrative => "narrative",
        }
    }
}

/// The family of citation styles a citation belongs to, for detecting mixed styles: MLA
/// author-page, author-date (APA, Chicago author-date, narrative), numeric, notes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Family {
    AuthorPage,
    AuthorDate,
    Numeric,
    Notes,
}

impl Family {
    pub fn name(self) -> &'static str {
        match self {
            Family::AuthorPage => "MLA author-page",
            Family::AuthorDate => "author-date",
            Family::Numeric => "numeric",
            Family::Notes => "footnote",
        }
    }

    /// The family a configured `citation-style` expects.
    pub fn from_config(style: &str) -> Option<&'static [Family]> {
        match style {
            "mla" => Some(&[Family::AuthorPage]),
            "apa" => Some(&[Family::AuthorDate]),
            "chicago" => Some(&[Family::AuthorDate, Family::Notes]),
            "numeric" => Some(&[Family::Numeric]),
            _ => None,
        }
    }
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
    /// `[3]`: the entry number.
    pub number: Option<u32>,
    /// "ibid." / "id.": the source of the previous citation.
    pub ibid: bool,
    /// "et al." followed the first author.
    pub et_al: bool,
    /// The title was written in quotation marks.
    pub title_quoted: bool,
    /// The punctuation between the author and the year (`,` APA, `:` or ` ` otherwise).
    pub year_sep: Option<char>,
    /// Cited through another work ("qtd. in", "as cited in").
    pub secondary: bool,
    /// A bare page whose author was taken from the sentence ("Medvedev writes … (69)"): the
    /// citation itself still gives only the page.
    pub attributed: bool,
    /// Index into `Document::references` of the entry this source names.
    pub reference: Option<usize>,
    /// No entry matches, but one nearly does (a misspelt surname, another year).
    pub near: Option<NearMiss>,
}

/// How a source is named, for "one source cited two ways".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceForm {
    AuthorYear,
    AuthorTitle,
    Author,
    Title,
    Key,
    Number,
    PageOnly,
    Ibid,
}

impl SourceForm {
    pub fn describe(self) -> &'static str {
        match self {
            SourceForm::AuthorYear => "by author and year",
            SourceForm::AuthorTitle => "by author and title",
            SourceForm::Author => "by author",
            SourceForm::Title => "by title alone",
            SourceForm::Key => "by key",
            SourceForm::Number => "by number",
            SourceForm::PageOnly => "by page alone",
            SourceForm::Ibid => "as ibid.",
        }
    }
}

impl CiteSource {
    /// How this source is named.
    pub fn form(&self) -> SourceForm {
        if self.ibid {
            SourceForm::Ibid
        } else if self.attributed {
            SourceForm::PageOnly
        } else if self.key.is_some() {
            SourceForm::Key
        } else if self.number.is_some() {
            SourceForm::Number
        } else if !self.authors.is_empty() && self.year.is_some() {
            SourceForm::AuthorYear
        } else if !self.authors.is_empty() && self.title.is_some() {
            SourceForm::AuthorTitle
        } else if !self.authors.is_empty() {
            SourceForm::Author
        } else if self.title.is_some() {
            SourceForm::Title
        } else {
            SourceForm::PageOnly
        }
    }

    /// The source is named by an abbreviation ("SBN", "GP I.", "COSSMHO"), which the list may
    /// spell out.
    pub fn abbreviated(&self) -> bool {
        let name = self.authors.first().or(self.title.as_ref());
        name.is_some_and(|n| n.split_whitespace().all(is_abbreviation))
    }

    /// True if the source names something to look up in the works-cited list.
    pub fn names_source(&self) -> bool {
        !matches!(self.form(), SourceForm::PageOnly | SourceForm::Ibid)
    }

    /// A short label: "Medvedev", "Cohen et al. 1973", "“On Social Relations in Russia”", "[3]".
    pub fn label(&self) -> String {
        if let Some(k) = &self.key {
            return format!("@{k}");
        }
        if let Some(n) = self.number {
            return format!("[{n}]");
        }
        if self.ibid {
            return "ibid.".into();
        }
        let mut s = String::new();
        if let Some(a) = self.authors.first() {
            s.push_str(a);
            if self.authors.len() == 2 {
                s.push_str(" and ");
                s.push_str(&self.authors[1]);
            } else if self.authors.len() > 2 || self.et_al {
                s.push_str(" et al.");
            }
        }
        if let Some(t) = &self.title {
            if !s.is_empty() {
                s.push_str(", ");
            }
            s.push('“');
            s.push_str(t);
            s.push('”');
        }
        if let Some(y) = &self.year {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(y);
        }
        if s.is_empty() {
            if let Some(p) = &self.pages {
                s = format!("page {p}");
            }
        }
        s
    }
}

/// An in-text citation, tied to its sentence.
#[derive(Clone, Debug)]
pub struct Citation {
    pub span: Span,
    pub style: CiteStyle,
    pub sources: Vec<CiteSource>,
    /// Index into `Document::sentences`.
    pub sentence: Option<usize>,
    /// The parse is sure this is a citation (it has a year, a page, a key or a number, or it
    /// names an entry of the list). Unsure ones ("(Smith)" after a quotation) still count as
    /// citing for the quotation rules, but are never reported as missing.
    pub certain: bool,
}

impl Citation {
    /// Only a page or line: "(69)", "(p. 45)", "(3.1.56)".
    pub fn is_page_only(&self) -> bool {
        self.sources
            .iter()
            .all(|s| s.form() == SourceForm::PageOnly)
    }

    /// True if any source gives a page, line or other locator.
    pub fn has_page(&self) -> bool {
        self.sources.iter().any(|s| s.pages.is_some())
    }

    /// The style family this citation votes for, if its form is particular to one.
    pub fn family(&self) -> Option<Family> {
        if !self.certain {
            return None;
        }
        // "(Supp. Mag. 45.9)", "(ST, 8)": classical abbreviations are used in every style.
        if !self.sources.is_empty() && self.sources.iter().all(|s| s.abbreviated()) {
            return None;
        }
        match self.style {
            CiteStyle::Numeric => Some(Family::Numeric),
            CiteStyle::Footnote => Some(Family::Notes),
            CiteStyle::Apa | CiteStyle::ChicagoAuthorDate | CiteStyle::Narrative => {
                Some(Family::AuthorDate)
            }
            CiteStyle::Mla => {
                if self.is_page_only() || self.sources.iter().all(|s| s.ibid) {
                    None
                } else {
                    Some(Family::AuthorPage)
                }
            }
            CiteStyle::Latex | CiteStyle::Pandoc => None,
        }
    }
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
    /// The author is an organisation ("American Psychiatric Association").
    pub corporate: bool,
    /// The entry gives a URL or says it is a web source (pages may not exist).
    pub web: bool,
    /// "---." : same authors as the entry before.
    pub repeated_author: bool,
    /// The bibliography file the entry was read from (`refs.bib`); `None` for an entry written
    /// in the essay. Such an entry's span is the place the essay names the file.
    pub file: Option<String>,
    /// The pages the work occupies (an article's or chapter's "100–120").
    pub pages: Option<(u32, u32)>,
}

impl Reference {
    /// A short label: "Medvedev 1971", "“Stalinism”".
    pub fn label(&self) -> String {
        let mut s = String::new();
        if let Some(n) = self.number {
            s.push_str(&format!("[{n}] "));
        }
        if let Some(a) = self.authors.first() {
            s.push_str(a);
            if self.authors.len() == 2 {
                s.push_str(" and ");
                s.push_str(&self.authors[1]);
            } else if self.authors.len() > 2 {
                s.push_str(" et al.");
            }
        } else if let Some(t) = &self.title {
            let short: String = t.chars().take(40).collect();
            s.push('“');
            s.push_str(short.trim_end());
            if short.len() < t.len() {
                s.push('…');
            }
            s.push('”');
        }
        if let Some(y) = &self.year {
            s.push(' ');
            s.push_str(y);
        }
        s
    }
}

/// What a reader found about the essay's sources besides its in-text citations: the texts of
/// its notes, the bibliography files it names, the keys of its own entries, and (once attached
/// by `input::bibfile`) the entries of those files.
#[derive(Clone, Debug, Default)]
pub struct Apparatus {
    /// Footnotes and endnotes.
    pub notes: Vec<Note>,
    /// Bibliography files the text names (`\bibliography{refs}`, `\addbibresource{refs.bib}`,
    /// pandoc's `bibliography:`), with the span that names each.
    pub bib_files: Vec<(Span, String)>,
    /// Keys the essay gives its own entries (`\bibitem{key}`), at the offset where the item
    /// starts.
    pub entry_keys: Vec<(usize, String)>,
    /// Entries read from bibliography files.
    pub external: Vec<Reference>,
}

/// A footnote or endnote the reader found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// The label its footnote citation gives (the key or number of `[^1]`, `¹`).
    pub label: String,
    /// The note's text.
    pub span: Span,
    /// Where the note is called, when the reader made no footnote citation for it (LaTeX's
    /// `\footnote{…}`, which holds comments as often as sources): the citation analysis makes
    /// one if the note cites a source.
    pub marker: Option<Span>,
}

/// No entry matches a source, but one nearly does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NearMiss {
    /// The surname is spelt differently in the entry.
    Spelling {
        entry: usize,
        cited: String,
        listed: String,
    },
    /// The author matches an entry of another year.
    Year { entry: usize, listed: String },
}

impl NearMiss {
    pub fn entry(&self) -> usize {
        match self {
            NearMiss::Spelling { entry, .. } | NearMiss::Year { entry, .. } => *entry,
        }
    }
}

/// An abbreviation rather than a name: "SBN", "GP", "I.", "ParP", "Supp.", "Mag.".
pub fn is_abbreviation(w: &str) -> bool {
    let t = w.trim_end_matches(',');
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 0 {
        return false;
    }
    let core = t.trim_end_matches('.');
    if crate::doc::is_all_caps(core) && letters <= 8 {
        return true;
    }
    if core.chars().count() == 1 {
        return true;
    }
    // Internal capitals in a short word: "ParP", "ParI".
    if letters <= 5 && core.chars().skip(1).any(|c| c.is_uppercase()) {
        return true;
    }
    t.ends_with('.')
        && (letters <= 4 || (letters <= 5 && !lexicon::is_dictionary_word(&core.to_lowercase())))
}
