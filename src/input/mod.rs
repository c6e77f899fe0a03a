//! Input readers: bytes in, a [`Source`] out. One file per format; encodings are decoded here.
//!
//! Every reader keeps the text as read (decoded to UTF-8) and masks what is not prose, so spans
//! point into the original file. DOCX is the exception: its reader extracts the text of the
//! document (paragraphs, footnotes, bibliography) and spans point into that extracted text.

pub mod bibfile;
pub(crate) mod docx;
pub(crate) mod encoding;
pub mod files;
pub(crate) mod latex;
pub(crate) mod markdown;
pub(crate) mod mask;
pub(crate) mod plain;
pub(crate) mod suppress;

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
    /// Larger than the input size limit (in bytes).
    TooLarge(u64),
    /// Not a regular file: a FIFO, a device, a socket (what it is).
    NotRegular(&'static str),
}

/// The input size limit unless configured (`max-input-size`): 50 MB, for a file's bytes, a
/// DOCX's inflated parts, standard input and accept files alike.
pub const DEFAULT_MAX_INPUT: u64 = 50_000_000;

/// A size in bytes, for messages: "50 MB", "1.5 kB", "12 bytes".
pub fn show_size(n: u64) -> String {
    let f = n as f64;
    if n >= 1_000_000_000 {
        format!("{} GB", trim_num(f / 1e9))
    } else if n >= 1_000_000 {
        format!("{} MB", trim_num(f / 1e6))
    } else if n >= 1_000 {
        format!("{} kB", trim_num(f / 1e3))
    } else {
        format!("{n} bytes")
    }
}

fn trim_num(f: f64) -> String {
    let s = format!("{f:.1}");
    s.strip_suffix(".0").map(String::from).unwrap_or(s)
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Io(e) => write!(f, "{e}"),
            InputError::NotText => f.write_str("not a text file (binary data)"),
            InputError::Empty => f.write_str("empty: nothing to check"),
            InputError::Format(m) => f.write_str(m),
            InputError::TooLarge(limit) => write!(
                f,
                "larger than the input size limit of {} (set `max-input-size` in essaylint.toml to raise it)",
                show_size(*limit)
            ),
            InputError::NotRegular(what) => write!(
                f,
                "not a regular file ({what}): essaylint reads files, folders and `-` (standard input) only"
            ),
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
    /// For text formats, how the bytes were decoded (bad bytes, CR-only line ends); its `text`
    /// has moved into `source`.
    pub decoded: Option<encoding::Decoded>,
}

impl Loaded {
    /// True if the text can be written back byte for byte (a text format without bytes that
    /// had to be replaced in decoding).
    pub fn fixable(&self) -> bool {
        self.format.is_text() && self.decoded.as_ref().is_some_and(|d| d.invalid.is_empty())
    }

    /// What the user should know about how the file was read (bad bytes replaced), if anything.
    pub fn notice(&self) -> Option<String> {
        let d = self.decoded.as_ref()?;
        if d.invalid.is_empty() {
            return None;
        }
        let shown: Vec<String> = d.invalid.iter().take(5).map(|o| o.to_string()).collect();
        let more = d.invalid.len().saturating_sub(5);
        Some(format!(
            "not valid UTF-8 at byte offset{} {}{}: read as UTF-8 with {} shown as \u{fffd}",
            if d.invalid.len() == 1 { "" } else { "s" },
            shown.join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            },
            if d.invalid.len() == 1 {
                "that byte"
            } else {
                "those bytes"
            }
        ))
    }

    /// `text` (this file's text, fixed) encoded as the file was: see [`Encoder::encode`].
    pub fn encode(&self, text: &str) -> Result<Vec<u8>, String> {
        self.encoder().encode(text)
    }

    /// What writing this file's text back needs, without the text.
    pub fn encoder(&self) -> Encoder {
        Encoder {
            format: self.format,
            encoding: self.encoding,
            decoded: self.decoded.clone(),
        }
    }
}

/// How a file was read, to write its text back the same way.
#[derive(Clone, Debug)]
pub struct Encoder {
    pub format: Format,
    pub encoding: Option<Encoding>,
    decoded: Option<encoding::Decoded>,
}

impl Encoder {
    /// `text` encoded as the file was: encoding, byte-order mark and line ends. Fails for a
    /// format essaylint does not rewrite, for a file whose bad bytes were replaced in reading,
    /// and for text the encoding cannot hold.
    pub fn encode(&self, text: &str) -> Result<Vec<u8>, String> {
        let Some(d) = &self.decoded else {
            return Err("essaylint does not rewrite this format".into());
        };
        if !d.invalid.is_empty() {
            return Err(format!(
                "the file has bytes that are not UTF-8 (the first at byte offset {}); correct them, then run --fix again",
                d.invalid[0]
            ));
        }
        encoding::encode_as(text, d)
    }
}

/// Reads bytes as the given format.
pub fn read_bytes(bytes: &[u8], format: Format) -> Result<Source, InputError> {
    load_bytes(bytes, Some(format)).map(|l| l.source)
}

/// Reads a file, choosing the format by extension (plain text when unknown).
pub fn read_file(path: &Path, format: Option<Format>) -> Result<Source, InputError> {
    load_file(path, format).map(|l| l.source)
}

/// Reads a file as `format`, or as its extension says, or as its content says. Only regular
/// files are read, up to [`DEFAULT_MAX_INPUT`] bytes.
pub fn load_file(path: &Path, format: Option<Format>) -> Result<Loaded, InputError> {
    load_file_limited(path, format, DEFAULT_MAX_INPUT)
}

/// [`load_file`] with an input size limit.
pub fn load_file_limited(
    path: &Path,
    format: Option<Format>,
    limit: u64,
) -> Result<Loaded, InputError> {
    let bytes = files::read_regular(path, limit)?;
    load_limited(&bytes, format.or_else(|| Format::from_path(path)), limit)
}

/// Reads bytes as `format`, or as their content says when `None` (a zip archive is taken for
/// DOCX, anything else for plain text), with the default input size limit.
pub fn load_bytes(bytes: &[u8], format: Option<Format>) -> Result<Loaded, InputError> {
    load_limited(bytes, format, DEFAULT_MAX_INPUT)
}

/// [`load_bytes`] with an input size limit, which the bytes and (for DOCX) the inflated parts
/// must keep to.
pub fn load_limited(
    bytes: &[u8],
    format: Option<Format>,
    limit: u64,
) -> Result<Loaded, InputError> {
    if bytes.len() as u64 > limit {
        return Err(InputError::TooLarge(limit));
    }
    let format = format.unwrap_or_else(|| sniff(bytes));
    if format == Format::Docx {
        let source = docx::read_limited(bytes, limit)?;
        if source.text.trim().is_empty() {
            return Err(InputError::Empty);
        }
        return Ok(Loaded {
            source,
            format,
            encoding: None,
            decoded: None,
        });
    }
    if let Some(why) = known_binary(bytes) {
        return Err(InputError::Format(why.into()));
    }
    let mut decoded = encoding::decode_full(bytes)?;
    if decoded
        .text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        return Err(InputError::Empty);
    }
    let text = std::mem::take(&mut decoded.text);
    Ok(Loaded {
        source: read_text(text, format),
        format,
        encoding: Some(decoded.encoding),
        decoded: Some(decoded),
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
