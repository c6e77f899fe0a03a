//! The table `essaylint citations FILE` prints: each source, the lines it is cited on, and the
//! works-cited entry it matches; then the entries nothing cites.

use super::{
    detect_family, family_counts, fold_name, title_words, CiteStyle, Document, NearMiss, SourceForm,
};
use crate::config::Config;
use std::fmt::Write;

#[derive(PartialEq, Eq, Hash, Clone)]
enum Key {
    Entry(usize),
    Name(String),
    Pages,
    Footnotes,
}

struct Row {
    key: Key,
    label: String,
    lines: Vec<usize>,
    entry: String,
}

/// Renders the citation table of a document.
pub fn table(doc: &Document, config: &Config) -> String {
    let mut out = String::new();
    let counts = family_counts(doc);
    match detect_family(doc, config) {
        Some(f) if config.citation_style.is_some() => {
            let _ = writeln!(
                out,
                "citation style: {} (set in the configuration)",
                f.name()
            );
        }
        Some(f) => {
            let n: usize = counts.iter().map(|c| c.1).sum();
            let _ = writeln!(
                out,
                "citation style: {} ({} of {} citations that show a style)",
                f.name(),
                counts.iter().find(|c| c.0 == f).map_or(0, |c| c.1),
                n
            );
        }
        None => {
            let _ = writeln!(out, "citation style: not detected");
        }
    }
    match doc.references_heading {
        Some(h) if !doc.references.is_empty() => {
            let (line, _) = doc.line_col(doc.paragraphs[h].span.start);
            let _ = writeln!(
                out,
                "works-cited list: {} entries (heading on line {line})",
                doc.references.len()
            );
        }
        Some(h) => {
            let (line, _) = doc.line_col(doc.paragraphs[h].span.start);
            let _ = writeln!(
                out,
                "works-cited list: heading on line {line}, but no entries found"
            );
        }
        None if !doc.references.is_empty() => {
            let mut files: Vec<&str> = doc
                .references
                .iter()
                .filter_map(|r| r.file.as_deref())
                .collect();
            files.dedup();
            let from = if files.is_empty() {
                "a list without a heading (LaTeX thebibliography)".to_string()
            } else {
                files.join(", ")
            };
            let _ = writeln!(
                out,
                "works-cited list: {} entries from {from}",
                doc.references.len()
            );
        }
        None => {
            let _ = writeln!(out, "works-cited list: none");
        }
    }
    let has_list = !doc.references.is_empty();
    let mut rows: Vec<Row> = Vec::new();
    for c in &doc.citations {
        let (line, _) = doc.line_col(c.span.start);
        for s in &c.sources {
            let unread_note = c.style == CiteStyle::Footnote
                && matches!(s.form(), SourceForm::Key | SourceForm::Number);
            let (key, label, entry) = if unread_note {
                (
                    Key::Footnotes,
                    "footnote markers".to_string(),
                    "(notes that cite no source, or not found)".to_string(),
                )
            } else if let Some(r) = s.reference {
                let e = &doc.references[r];
                let at = match &e.file {
                    Some(f) => f.clone(),
                    None => format!("line {}", doc.line_col(e.span.start).0),
                };
                (Key::Entry(r), s.label(), format!("{at}: {}", e.label()))
            } else if s.form() == SourceForm::PageOnly && s.authors.is_empty() {
                (
                    Key::Pages,
                    "(page only)".to_string(),
                    "(source named in the sentence)".to_string(),
                )
            } else {
                let label = s.label();
                // One row per work: by title when the citation names one, else by author.
                let fold = match (&s.key, s.number, &s.title, s.authors.first()) {
                    (Some(k), _, _, _) => format!("@{k}"),
                    (_, Some(n), _, _) => format!("#{n}"),
                    (_, _, Some(t), _) => format!("t{}", title_words(t).join(" ")),
                    (_, _, _, Some(a)) => fold_name(a),
                    _ => fold_name(&label),
                };
                let entry = if !has_list {
                    "(no works-cited list)".to_string()
                } else {
                    match &s.near {
                        Some(NearMiss::Spelling { entry, listed, .. }) => {
                            let (l, _) = doc.line_col(doc.references[*entry].span.start);
                            format!("NO ENTRY (line {l} has {listed})")
                        }
                        Some(NearMiss::Year { entry, listed }) => {
                            let (l, _) = doc.line_col(doc.references[*entry].span.start);
                            format!("NO ENTRY for this year (line {l} is {listed})")
                        }
                        None if !c.certain => "(unsure citation; no entry)".to_string(),
                        None => "NO ENTRY".to_string(),
                    }
                };
                (Key::Name(fold), label, entry)
            };
            match rows.iter_mut().find(|r| r.key == key) {
                Some(r) => {
                    if r.lines.last() != Some(&line) {
                        r.lines.push(line);
                    }
                }
                None => rows.push(Row {
                    key,
                    label,
                    lines: vec![line],
                    entry,
                }),
            }
        }
    }
    if rows.is_empty() {
        let _ = writeln!(out, "\nno in-text citations found");
    } else {
        let w0 = rows
            .iter()
            .map(|r| r.label.chars().count())
            .max()
            .unwrap_or(6)
            .clamp(6, 48);
        let lines_of = |r: &Row| {
            let mut s = r
                .lines
                .iter()
                .take(12)
                .map(|l| l.to_string())
                .collect::<Vec<_>>()
                .join(", ");
            if r.lines.len() > 12 {
                s.push_str(&format!(", … ({} in all)", r.lines.len()));
            }
            s
        };
        let w1 = rows
            .iter()
            .map(|r| lines_of(r).chars().count())
            .max()
            .unwrap_or(5)
            .clamp(5, 40);
        let _ = writeln!(out);
        let _ = writeln!(out, "{:<w0$}  {:<w1$}  entry", "source", "lines");
        for r in &rows {
            let label: String = if r.label.chars().count() > w0 {
                let mut s: String = r.label.chars().take(w0 - 1).collect();
                s.push('…');
                s
            } else {
                r.label.clone()
            };
            let _ = writeln!(out, "{:<w0$}  {:<w1$}  {}", label, lines_of(r), r.entry);
        }
    }
    if has_list {
        let cited: Vec<bool> = (0..doc.references.len())
            .map(|i| {
                doc.citations.iter().any(|c| {
                    c.sources.iter().any(|s| {
                        s.reference == Some(i) || s.near.as_ref().is_some_and(|n| n.entry() == i)
                    })
                })
            })
            .collect();
        let unused: Vec<usize> = (0..doc.references.len()).filter(|&i| !cited[i]).collect();
        if !unused.is_empty() {
            let _ = writeln!(out, "\nentries no citation matches:");
            for i in unused {
                let r = &doc.references[i];
                let at = match &r.file {
                    Some(f) => format!("{f} @{}", r.key.as_deref().unwrap_or("")),
                    None => format!("line {}", doc.line_col(r.span.start).0),
                };
                let _ = writeln!(out, "  {at}: {}", r.label());
            }
        }
    }
    out
}
