//! What the fuzz targets share: the configuration (every rule on, so every rule is fuzzed), the
//! checks (`essaylint::invariants`), and the input transformations of the `fix` and `docx`
//! targets. A broken invariant panics with what broke, which libFuzzer reports as a crash.

use essaylint::config::{Config, Level};
use essaylint::input::Format;
use essaylint::testing as invariants;
use essaylint::{catalog as rules, Severity};
use std::io::Write;
use std::sync::OnceLock;

/// The default configuration with every rule on (default-off ones too).
pub fn config() -> &'static Config {
    static C: OnceLock<Config> = OnceLock::new();
    C.get_or_init(|| {
        let mut c = Config::default();
        for r in rules::all() {
            c.set_level(r.meta().name, Level::On(Severity::Advice));
        }
        c
    })
}

/// Reads `data` as `format` and checks every invariant of the source, the report and the
/// renderers.
pub fn input(data: &[u8], format: Format) {
    if let Err(e) = invariants::check_input(data, format, config()) {
        panic!("{format:?}: {e}");
    }
}

/// `--fix` on `data`: the first byte picks the format, the second how the text is stored
/// (UTF-8, with a BOM, CRLF or CR-only line ends, UTF-16 with and without a BOM).
pub fn fix(data: &[u8]) {
    let [f, e, rest @ ..] = data else {
        return;
    };
    let format = [Format::Plain, Format::Markdown, Format::Latex][*f as usize % 3];
    let Ok(text) = std::str::from_utf8(rest) else {
        // Raw bytes still go through decoding.
        if let Err(err) = invariants::check_fix(rest, format, config()) {
            panic!("{format:?} raw: {err}");
        }
        return;
    };
    let bytes = store(text, *e);
    if let Err(err) = invariants::check_fix(&bytes, format, config()) {
        panic!("{format:?} stored as {}: {err}", e % 7);
    }
}

/// `text` stored one of seven ways.
pub fn store(text: &str, how: u8) -> Vec<u8> {
    let utf16 = |t: &str, le: bool, bom: bool| -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(if le { b"\xFF\xFE" } else { b"\xFE\xFF" });
        }
        for u in t.encode_utf16() {
            out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        out
    };
    match how % 7 {
        0 => text.as_bytes().to_vec(),
        1 => [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        2 => text
            .replace("\r\n", "\n")
            .replace('\n', "\r\n")
            .into_bytes(),
        3 => text.replace("\r\n", "\n").replace('\n', "\r").into_bytes(),
        4 => utf16(text, true, true),
        5 => utf16(text, false, true),
        _ => utf16(text, true, false),
    }
}

/// A DOCX around `data`: when the first byte is even, `data` is the body of `word/document.xml`
/// (so the XML reader and the extraction are fuzzed, not only the zip reader); when odd, the
/// bytes after it are the file itself.
pub fn docx(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    if mode % 2 == 1 {
        return input(rest, Format::Docx);
    }
    let split = rest.iter().position(|&b| b == 0xFF).unwrap_or(rest.len());
    let (body, notes) = rest.split_at(split);
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let o = zip::write::SimpleFileOptions::default();
        let w = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
        z.start_file("word/document.xml", o).unwrap();
        z.write_all(format!("<w:document {w}><w:body>").as_bytes())
            .unwrap();
        z.write_all(body).unwrap();
        z.write_all(b"</w:body></w:document>").unwrap();
        if !notes.is_empty() {
            z.start_file("word/footnotes.xml", o).unwrap();
            z.write_all(format!("<w:footnotes {w}>").as_bytes())
                .unwrap();
            z.write_all(&notes[1..]).unwrap();
            z.write_all(b"</w:footnotes>").unwrap();
        }
        z.finish().unwrap();
    }
    input(&buf.into_inner(), Format::Docx);
}
