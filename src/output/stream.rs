//! Writing a report while the files are still being checked.
//!
//! A folder run checks files on several threads. Each file's report becomes a [`Part`] where it
//! was checked ([`Format::part`]: the rendering happens in parallel too), and the report is
//! dropped; a [`Writer`] takes the parts in the files' order and writes each as soon as it comes.
//! The human, concise and JSON formats are written file by file and keep nothing but counts;
//! SARIF (whose `artifacts` come before `results`), GitHub (annotations sorted by level) and
//! the single HTML page (whose header counts every file) keep each file's rendered part, not its
//! report, until the end. The bytes equal what each format's `render` writes for all the files.

use super::{concise, github, html, human, json, sarif, statistics, FileReport, Summary};
use crate::engine::Report;
use std::io::{self, Write};

/// What to write.
#[derive(Clone, Copy)]
pub enum Format {
    Human(human::Options),
    /// `summary`: the last line counting files and problems.
    Concise {
        summary: bool,
    },
    Json,
    Sarif,
    /// GitHub annotations, and the job summary in Markdown.
    Github,
    Html,
    /// `--output-dir`: a page per essay and a class summary page, written as files (the
    /// folder is given to [`Writer::to_dir`]).
    Pages,
    /// `--statistics`: counts by rule.
    Statistics,
}

/// One file's share of the report, made where the file was checked.
pub struct Part {
    /// The file's counts.
    pub summary: Summary,
    body: Body,
}

enum Body {
    /// Rendered text, written as it is.
    Text(Vec<u8>),
    Json(Vec<u8>),
    Sarif((sarif::Artifact, Vec<sarif::SarifResult>)),
    /// An essay's own page and its row in the class summary.
    Page(String, html::Row),
    /// Formats that need the report in order (they number files or sort across them); the
    /// report is dropped as soon as the writer has taken what it needs.
    Report(String, Box<Report>),
}

impl Format {
    /// One file's part, made from its report (`report.diagnostics` are the ones to show). The
    /// formats written file by file render it here and drop it; the others keep it until the
    /// writer has taken what it needs.
    pub fn part(&self, path: &str, report: Report) -> Part {
        let summary = Summary::of(report.diagnostics.iter(), 1);
        let f = FileReport {
            path,
            report: &report,
        };
        let one = std::slice::from_ref(&f);
        let body = match self {
            Format::Human(o) => Body::Text(human::render(one, *o).into_bytes()),
            Format::Concise { .. } => Body::Text(concise::render(one, false).into_bytes()),
            Format::Json => Body::Json(json::file_part(&f)),
            Format::Sarif => Body::Sarif(sarif::file_part(&f)),
            Format::Pages => Body::Page(html::essay_page(&f, INDEX), html::Row::of(&f)),
            Format::Github | Format::Html | Format::Statistics => {
                Body::Report(path.to_string(), Box::new(report))
            }
        };
        Part { summary, body }
    }
}

/// The class summary page's name in an `--output-dir` folder.
pub const INDEX: &str = "index.html";

/// Takes the parts in order and writes them.
pub struct Writer {
    format: Format,
    /// With [`Format::Pages`]: the folder, the pages written (name and row) and the names taken.
    dir: Option<std::path::PathBuf>,
    pages: Vec<(String, html::Row)>,
    taken: std::collections::HashSet<String>,
    /// Pages that could not be written: the messages, for the caller to print.
    errors: Vec<String>,
    summary: Summary,
    json: json::Stream,
    sarif: sarif::Stream,
    github: github::Stream,
    html: html::Page,
    statistics: statistics::Counter,
}

/// What the writer leaves for the caller.
pub struct Finished {
    /// Every file's counts.
    pub summary: Summary,
    /// With the GitHub format: the job summary in Markdown.
    pub step_summary: Option<String>,
    /// With [`Format::Pages`]: how many essay pages were written, and the index page's path.
    pub pages: Option<(usize, std::path::PathBuf)>,
}

impl Writer {
    pub fn new(format: Format) -> Writer {
        Writer {
            format,
            dir: None,
            pages: Vec::new(),
            taken: std::collections::HashSet::from([INDEX.to_string()]),
            errors: Vec::new(),
            summary: Summary::default(),
            json: json::Stream::new(),
            sarif: sarif::Stream::new(),
            github: github::Stream::new(),
            html: html::Page::new(),
            statistics: statistics::Counter::default(),
        }
    }

    /// Pages go into this folder (with [`Format::Pages`]); it must exist.
    pub fn to_dir(mut self, dir: &std::path::Path) -> Writer {
        self.dir = Some(dir.to_path_buf());
        self
    }

    /// Messages about pages that could not be written since the last call.
    pub fn take_errors(&mut self) -> Vec<String> {
        std::mem::take(&mut self.errors)
    }

    /// How many files have been written.
    pub fn files(&self) -> usize {
        self.summary.files
    }

    /// Writes (or keeps) one file's part.
    pub fn push(&mut self, part: Part, out: &mut dyn Write) -> io::Result<()> {
        self.summary.add(&part.summary);
        match part.body {
            Body::Text(t) => out.write_all(&t),
            Body::Json(t) => self.json.file(out, &t),
            Body::Sarif(p) => {
                self.sarif.file(p);
                Ok(())
            }
            Body::Page(page, row) => {
                let name = page_name(&row.path, &mut self.taken);
                let dir = self.dir.as_deref().unwrap_or(std::path::Path::new("."));
                let path = dir.join(&name);
                match std::fs::write(&path, page) {
                    Ok(()) => self.pages.push((name, row)),
                    Err(e) => self
                        .errors
                        .push(format!("cannot write {}: {e}", path.display())),
                }
                Ok(())
            }
            Body::Report(path, report) => {
                let f = FileReport {
                    path: &path,
                    report: &report,
                };
                match self.format {
                    Format::Github => self.github.file(&f),
                    Format::Html => self.html.add(&f),
                    _ => self.statistics.add(&f),
                }
                Ok(())
            }
        }
    }

    /// Writes what comes after the last file. Call it only if a file was pushed.
    pub fn finish(self, out: &mut dyn Write) -> io::Result<Finished> {
        let n = self.summary.files;
        let mut step_summary = None;
        let mut pages = None;
        match self.format {
            Format::Human(o) => {
                if n > 1 && o.summary {
                    writeln!(out, "{n} files checked: {}", self.summary.line())?;
                }
            }
            Format::Concise { summary } => {
                if summary {
                    writeln!(
                        out,
                        "{n} file{} checked: {}",
                        if n == 1 { "" } else { "s" },
                        self.summary.line()
                    )?;
                }
            }
            Format::Json => self.json.finish(out, &self.summary)?,
            Format::Sarif => self.sarif.finish(out)?,
            Format::Github => {
                let (text, md) = self.github.finish();
                out.write_all(text.as_bytes())?;
                step_summary = Some(md);
            }
            Format::Html => out.write_all(self.html.finish().as_bytes())?,
            Format::Pages => {
                let dir = self.dir.as_deref().unwrap_or(std::path::Path::new("."));
                let (links, rows): (Vec<String>, Vec<html::Row>) = self.pages.into_iter().unzip();
                let path = dir.join(INDEX);
                std::fs::write(&path, html::index_page(&rows, &links, &self.summary)).map_err(
                    |e| io::Error::new(e.kind(), format!("cannot write {}: {e}", path.display())),
                )?;
                pages = Some((rows.len(), path));
            }
            Format::Statistics => out.write_all(self.statistics.finish().as_bytes())?,
        }
        Ok(Finished {
            summary: self.summary,
            step_summary,
            pages,
        })
    }
}

/// A page's file name for the essay shown as `path`: the path with every character but
/// letters, digits, `.`, `-` and `_` made `_`, then `.html`; `-2`, `-3`, … when taken.
fn page_name(path: &str, taken: &mut std::collections::HashSet<String>) -> String {
    let path = path.strip_prefix("./").unwrap_or(path);
    let mut stem: String = path
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let stem_trim = stem.trim_start_matches('.').to_string();
    stem = if stem_trim.is_empty() {
        "essay".to_string()
    } else {
        stem_trim
    };
    if stem.len() > 120 {
        let mut cut = 120;
        while !stem.is_char_boundary(cut) {
            cut -= 1;
        }
        stem.truncate(cut);
    }
    let mut name = format!("{stem}.html");
    let mut k = 2;
    while !taken.insert(name.clone()) {
        name = format!("{stem}-{k}.html");
        k += 1;
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine;

    #[test]
    fn page_names_are_safe_and_unique() {
        let mut taken = std::collections::HashSet::from([INDEX.to_string()]);
        assert_eq!(page_name("class/a b.txt", &mut taken), "class_a_b.txt.html");
        assert_eq!(
            page_name("class/a b.txt", &mut taken),
            "class_a_b.txt-2.html"
        );
        assert_eq!(page_name("./../x.md", &mut taken), "_x.md.html");
        assert_eq!(page_name("index", &mut taken), "index-2.html");
        assert_eq!(page_name("-", &mut taken), "-.html");
    }

    #[test]
    fn pages_go_to_the_folder_with_an_index() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = Writer::new(Format::Pages).to_dir(dir.path());
        let mut out = Vec::new();
        for (p, t) in [("a.txt", "We saw the the cat.\n"), ("sub/b.txt", "Fine.\n")] {
            let r = engine::check(
                crate::doc::Source::plain(t.to_string()),
                &Default::default(),
            );
            w.push(Format::Pages.part(p, r), &mut out).unwrap();
        }
        let done = w.finish(&mut out).unwrap();
        assert!(out.is_empty());
        assert_eq!(done.pages.as_ref().unwrap().0, 2);
        let index = std::fs::read_to_string(dir.path().join(INDEX)).unwrap();
        assert!(index.contains("href=\"a.txt.html\""), "{index}");
        assert!(index.contains("href=\"sub_b.txt.html\""));
        let a = std::fs::read_to_string(dir.path().join("a.txt.html")).unwrap();
        assert!(a.contains("doubled-word") && a.contains("href=\"index.html\""));
    }

    #[test]
    fn every_format_streams_what_it_renders() {
        let texts = [
            "We saw the the cat. Teh dog said \"hello\" (Smith 4).\n",
            "A colour and a color. It was decided by them.\n",
            "Fine words, well chosen.\n",
        ];
        let reports: Vec<Report> = texts
            .iter()
            .map(|t| {
                engine::check(
                    crate::doc::Source::plain(t.to_string()),
                    &Default::default(),
                )
            })
            .collect();
        let paths = ["a.txt", "b.txt", "c.md"];
        let files: Vec<FileReport<'_>> = reports
            .iter()
            .zip(paths)
            .map(|(r, p)| FileReport { path: p, report: r })
            .collect();
        let human = human::Options::default();
        let cases: [(Format, String); 7] = [
            (Format::Human(human), human::render(&files, human)),
            (
                Format::Concise { summary: true },
                concise::render(&files, true),
            ),
            (Format::Json, json::render(&files)),
            (Format::Sarif, sarif::render(&files)),
            (Format::Github, github::render(&files)),
            (Format::Html, html::render(&files)),
            (Format::Statistics, statistics::render(&files)),
        ];
        for (format, whole) in cases {
            let mut w = Writer::new(format);
            let mut out = Vec::new();
            for (p, t) in paths.iter().zip(texts) {
                let r = engine::check(
                    crate::doc::Source::plain(t.to_string()),
                    &Default::default(),
                );
                w.push(format.part(p, r), &mut out).unwrap();
            }
            let done = w.finish(&mut out).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), whole);
            assert_eq!(done.summary.files, 3);
            if let Format::Github = format {
                assert_eq!(done.step_summary.unwrap(), github::step_summary(&files));
            }
        }
    }
}
