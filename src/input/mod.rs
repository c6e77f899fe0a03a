//! Input readers: bytes in, a [`Source`] out. One file per format; encodings are decoded here.
//!
//! Every reader keeps the text as read (decoded to UTF-8) and masks what is not prose, so spans
//! point into the original file. DOCX is the exception: its reader extracts the text of the
//! document (paragraphs, footnotes, bibliography) and spans point into that extracted text.

pub mod docx;
pub mod encoding;
pub mod latex;
pub mod markdown;
pub(crate) mod mask;
pub mod plain;
pub mod suppress;

use crate::doc::Source;
pub use encoding::Encoding;
use std::fmt;
use std::path::Path;

/// The formats essaylint reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Plain,
    Markdown,
    Latex,
    Docx,
}

impl Format {
    /// Every format, in the order `--input-format` lists them.
    pub const ALL: [Format; 4] = [Format::Plain, Format::Markdown, Format::Latex, Format::Docx];

    /// The format for a file name, by extension; `None` if it is not one essaylint reads.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Plain),
            "md" | "markdown" | "mdown" | "mkd" | "mkdn" | "mdwn" | "mdtext" | "rmd" | "qmd" => {
                Some(Format::Markdown)
            }
            "tex" | "latex" | "ltx" => Some(Format::Latex),
            "docx" | "docm" => Some(Format::Docx),
            _ => None,
        }
    }

    pub fn parse(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "plain" | "text" | "txt" => Some(Format::Plain),
            "markdown" | "md" => Some(Format::Markdown),
            "latex" | "tex" => Some(Format::Latex),
            "docx" | "word" => Some(Format::Docx),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Plain => "plain",
            Format::Markdown => "markdown",
            Format::Latex => "latex",
            Format::Docx => "docx",
        }
    }

    /// True if spans and lines refer to the file itself, so `--fix` can rewrite it; false for
    /// formats whose text is extracted (DOCX).
    pub fn is_text(self) -> bool {
        !matches!(self, Format::Docx)
    }
}

/// Extensions of essay formats essaylint does not read, with what to do instead.
pub fn unsupported(path: &Path) -> Option<&'static str> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "doc" => "Word 97–2003 documents (.doc) are not supported: save it as .docx",
        "odt" => "OpenDocument text (.odt) is not supported: save it as .docx",
        "rtf" => "RTF is not supported: save it as .docx or plain text",
        "pdf" => "PDF is not supported: check the .docx or text it was made from",
        "pages" => "Pages documents are not supported: export it as .docx",
        _ => return None,
    })
}

/// Why a file could not be read.
#[derive(Debug)]
pub enum InputError {
    Io(std::io::Error),
    /// Binary data, not text.
    NotText,
    /// Nothing but whitespace.
    Empty,
    /// A format-specific problem (a broken DOCX, …).
    Format(String),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Io(e) => write!(f, "{e}"),
            InputError::NotText => f.write_str("not a text file (binary data)"),
            InputError::Empty => f.write_str("empty: nothing to check"),
            InputError::Format(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for InputError {}

impl From<std::io::Error> for InputError {
    fn from(e: std::io::Error) -> Self {
        InputError::Io(e)
    }
}

/// A file read and understood: the source for the model, the format it was read as, and for text
/// formats the encoding (so `--fix` can write it back the same way).
#[derive(Debug)]
pub struct Loaded {
    pub source: Source,
    pub format: Format,
    pub encoding: Option<Encoding>,
}

/// Reads bytes as the given format.
pub fn read_bytes(bytes: &[u8], format: Format) -> Result<Source, InputError> {
    load_bytes(bytes, Some(format)).map(|l| l.source)
}

/// Reads a file, choosing the format by extension (plain text when unknown).
pub fn read_file(path: &Path, format: Option<Format>) -> Result<Source, InputError> {
    load_file(path, format).map(|l| l.source)
}

/// Reads a file as `format`, or as its extension says, or as its content says.
pub fn load_file(path: &Path, format: Option<Format>) -> Result<Loaded, InputError> {
    let bytes = std::fs::read(path)?;
    load_bytes(&bytes, format.or_else(|| Format::from_path(path)))
}

/// Reads bytes as `format`, or as their content says when `None` (a zip archive is taken for
/// DOCX, anything else for plain text).
pub fn load_bytes(bytes: &[u8], format: Option<Format>) -> Result<Loaded, InputError> {
    let format = format.unwrap_or_else(|| sniff(bytes));
    if format == Format::Docx {
        let source = docx::read(bytes)?;
        if source.text.trim().is_empty() {
            return Err(InputError::Empty);
        }
        return Ok(Loaded {
            source,
            format,
            encoding: None,
        });
    }
    if let Some(why) = known_binary(bytes) {
        return Err(InputError::Format(why.into()));
    }
    let (text, enc) = encoding::decode_detect(bytes)?;
    if text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        return Err(InputError::Empty);
    }
    Ok(Loaded {
        source: read_text(text, format),
        format,
        encoding: Some(enc),
    })
}

/// Reads decoded text as a text format (DOCX text is read as plain text).
pub fn read_text(text: String, format: Format) -> Source {
    match format {
        Format::Plain | Format::Docx => plain::read(text),
        Format::Markdown => markdown::read(text),
        Format::Latex => latex::read(text),
    }
}

/// The format of bytes whose name says nothing.
fn sniff(bytes: &[u8]) -> Format {
    if bytes.starts_with(b"PK\x03\x04") {
        Format::Docx
    } else {
        Format::Plain
    }
}

/// Binary formats people mistake for essays, recognised by their first bytes.
fn known_binary(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("a PDF file, which essaylint does not read: check the .docx or text it was made from")
    } else if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        Some("a Word 97–2003 document or an encrypted Office file: save it as .docx without a password")
    } else if bytes.starts_with(b"PK\x03\x04") {
        Some("a zip archive, not text (if it is a Word document, name it .docx or use --input-format docx)")
    } else if bytes.starts_with(b"{\\rtf") {
        Some("an RTF document, which essaylint does not read: save it as .docx or plain text")
    } else {
        None
    }
}
