//! Input readers: bytes in, a [`Source`] out. One file per format; encodings are decoded here.

pub mod encoding;
pub mod plain;

use crate::doc::Source;
use std::fmt;
use std::path::Path;

/// The formats essaylint reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Plain,
}

impl Format {
    /// The format for a file name, by extension; `None` if it is not one essaylint reads.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Plain),
            _ => None,
        }
    }

    pub fn parse(name: &str) -> Option<Format> {
        match name {
            "plain" | "text" | "txt" => Some(Format::Plain),
            _ => None,
        }
    }
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

/// Reads bytes as the given format.
pub fn read_bytes(bytes: &[u8], format: Format) -> Result<Source, InputError> {
    let text = encoding::decode(bytes)?;
    if text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        return Err(InputError::Empty);
    }
    match format {
        Format::Plain => Ok(plain::read(text)),
    }
}

/// Reads a file, choosing the format by extension (plain text when unknown).
pub fn read_file(path: &Path, format: Option<Format>) -> Result<Source, InputError> {
    let bytes = std::fs::read(path)?;
    read_bytes(
        &bytes,
        format
            .or_else(|| Format::from_path(path))
            .unwrap_or(Format::Plain),
    )
}
