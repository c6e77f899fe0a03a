//! A little fuzzing of the readers: random bytes, mutated and truncated samples of every format
//! go through reading, the model and the rules; nothing may panic, every mask keeps the text's
//! length, and every diagnostic's span lies on character boundaries of the text.

use essaylint::config::Config;
use essaylint::input::{self, Format};
use essaylint::output;
use std::io::{Cursor, Write};

mod common;
use common::Rng;

fn docx_sample() -> Vec<u8> {
    let mut buf = Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let o = zip::write::SimpleFileOptions::default();
        z.start_file("word/document.xml", o).unwrap();
        z.write_all(
            br#"<w:document xmlns:w="x"><w:body><w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Title</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">The the </w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:br/><w:t>&amp; more&#8212;text.</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>"#,
        )
        .unwrap();
        z.start_file("word/footnotes.xml", o).unwrap();
        z.write_all(br#"<w:footnotes xmlns:w="x"><w:footnote w:id="1"><w:p><w:r><w:t>A note.</w:t></w:r></w:p></w:footnote></w:footnotes>"#).unwrap();
        z.finish().unwrap();
    }
    buf.into_inner()
}

const MARKDOWN: &str = "---\nt: x\n---\n# Head *it*\n\n> quote `code` [l](u) ![i](j)\n\n- a\n  - b **c**\n\n| a | b |\n|---|---|\n| c | d |\n\n```\nx\n```\n<!-- essaylint-disable -->\n$x$ [^1]\n\n[^1]: note é\n";
const LATEX: &str = "\\documentclass{a}\\begin{document}\\section*{T}Text \\emph{x} $y$ \\cite[p.~1]{k} % c\n\\begin{itemize}\\item a\\end{itemize}\\verb|z| Schr\\\"odinger \\\\ ~ \\[ m \\] \\begin{tabular}{ll} a & b \\\\ \\end{tabular}\n% essaylint-disable-next-line\n\\end{document}";

fn check_all(bytes: &[u8], format: Format) {
    let Ok(src) = input::read_bytes(bytes, format) else {
        return;
    };
    if let Some(m) = &src.masked {
        assert_eq!(m.len(), src.text.len(), "{format:?}");
    }
    for (s, _) in &src.blocks {
        assert!(s.end <= src.text.len());
    }
    let report = essaylint::check(src, &Config::default());
    let text = &report.document.text;
    for d in &report.diagnostics {
        assert!(d.span.end <= text.len());
        assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
    }
    // The renderers must cope too.
    let f = [output::FileReport {
        path: "f",
        report: &report,
    }];
    let _ = output::html::render(&f);
    let _ = output::sarif::render(&f);
    let _ = output::github::render(&f);
}

#[test]
fn random_bytes() {
    let mut r = Rng(0x9E3779B97F4A7C15);
    for _ in 0..300 {
        let n = r.below(400);
        let mut b: Vec<u8> = (0..n).map(|_| r.next() as u8).collect();
        // Half of the inputs mostly printable, to get past the binary check.
        if r.below(2) == 0 {
            for x in &mut b {
                *x = b" \n\\{}[]$%*_`#<>!-|&~^aeioutTh.\""[(*x as usize) % 31];
            }
        }
        for f in Format::ALL {
            check_all(&b, f);
        }
    }
}

#[test]
fn mutated_and_truncated_samples() {
    let mut r = Rng(0xD1B54A32D192ED03);
    let samples: Vec<(Vec<u8>, Format)> = vec![
        (MARKDOWN.as_bytes().to_vec(), Format::Markdown),
        (LATEX.as_bytes().to_vec(), Format::Latex),
        (docx_sample(), Format::Docx),
    ];
    for (sample, format) in &samples {
        check_all(sample, *format);
        for cut in 0..sample.len().min(600) {
            check_all(&sample[..cut], *format);
        }
        for _ in 0..300 {
            let mut b = sample.clone();
            for _ in 0..1 + r.below(6) {
                let i = r.below(b.len());
                match r.below(3) {
                    0 => b[i] = r.next() as u8,
                    1 => {
                        b.remove(i);
                    }
                    _ => b.insert(i, b[r.below(b.len())]),
                }
            }
            check_all(&b, *format);
        }
    }
}

#[test]
fn pathological_nesting_and_long_tokens() {
    let deep_md = format!("{}x\n", "> ".repeat(500));
    check_all(deep_md.as_bytes(), Format::Markdown);
    let deep_tex = format!("{}x{}", "{".repeat(5000), "}".repeat(4000));
    check_all(deep_tex.as_bytes(), Format::Latex);
    let long = "é".repeat(20_000);
    for f in [Format::Plain, Format::Markdown, Format::Latex] {
        check_all(long.as_bytes(), f);
    }
    check_all("\\".repeat(10_000).as_bytes(), Format::Latex);
    check_all("$".repeat(10_001).as_bytes(), Format::Latex);
    check_all("`".repeat(10_001).as_bytes(), Format::Markdown);
}
