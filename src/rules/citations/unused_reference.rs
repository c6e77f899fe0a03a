crate::rule::declare_rule! {
    /// # unused-reference
    ///
    /// **What it does.** Reports a works-cited entry that nothing in the essay cites: no in-text
    /// citation matches it, and its author's surname (or, for an entry without an author, its
    /// title) appears nowhere in the text. A surname counts only where it is written as a name,
    /// capitalised: "black voters" does not name Black. An entry broken over lines or
    /// paragraphs (a numbered entry whose second line has no number, a line that stops
    /// mid-phrase) is read as one entry, not as an uncited fragment.
    ///
    /// **Why it matters.** A list of works *cited* promises that each entry is used. An uncited
    /// entry is padding, or a sign that a citation was lost in revision.
    ///
    /// **Example.**
    ///
    /// ```text
    /// Works Cited
    /// …
    /// Green, Tom. An Unused Book. 1990.
    /// ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ nothing in the essay cites this entry
    /// ```
    ///
    /// Under a "Works Cited", "References" or "Literature Cited" heading it is a warning; under
    /// "Bibliography", "Works Consulted" or "Sources", which may list works read but not cited, it
    /// is advice. An essay citing by footnotes or endnotes is cross-checked through its notes
    /// (the sources each note names, "Ibid." and short notes resolved); when some note cannot be
    /// found, nothing is reported. Entries of a `.bib` or CSL-JSON file are never reported:
    /// BibTeX, biber and pandoc print only the entries the paper cites.
    /// When no in-text citation matches any entry, or more than half the entries are unused, one
    /// advice note replaces the list of warnings: the citations may be in a form essaylint does not
    /// read.
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** No automatic fix: the rule only reports; the remedy (rewording, a citation, an
    /// entry in the works cited) is the writer's to choose.
    pub struct UnusedReference {
        name: "unused-reference",
        category: Citations,
        severity: Warning,
        summary: "a works-cited entry that nothing in the essay cites",
        fix: None,
    }
}
use crate::analysis::citations::{fold_name, CiteStyle};
use crate::diagnostic::Diagnostic;
use crate::doc::ParagraphKind;
use crate::rule::{Context, Rule};
use crate::Severity;
use std::collections::HashSet;

impl Rule for UnusedReference {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        if doc.references.is_empty() {
            return;
        }
        // Notes carry the sources: when some note could not be found, what they cite is unknown.
        if doc.citations.iter().any(|c| c.style == CiteStyle::Footnote)
            && !crate::analysis::citations::notes::notes_known(doc)
        {
            return;
        }
        let n = doc.references.len();
        // Entries of a bibliography file are a database: BibTeX, biber and pandoc print only
        // the cited ones, so an entry nothing cites is not in the paper.
        if doc.references.iter().all(|r| r.file.is_some()) {
            return;
        }
        let mut used = vec![false; n];
        for c in &doc.citations {
            for s in &c.sources {
                if let Some(r) = s.reference {
                    used[r] = true;
                }
                if let Some(near) = &s.near {
                    used[near.entry()] = true;
                }
            }
        }
        let matched_any = used.iter().any(|u| *u);
        for (u, r) in used.iter_mut().zip(&doc.references) {
            *u |= r.file.is_some();
        }
        // Words of the running text, folded: an author named in a signal phrase counts as cited.
        let mut words: HashSet<String> = HashSet::new();
        // The capitalised ones: a surname that is also a word ("Black", "Rich", "Mills") is
        // named only where it is written as a name.
        let mut names: HashSet<String> = HashSet::new();
        for p in &doc.paragraphs {
            if !matches!(
                p.kind,
                ParagraphKind::Body
                    | ParagraphKind::BlockQuote
                    | ParagraphKind::ListItem
                    | ParagraphKind::Heading
            ) {
                continue;
            }
            for i in p.tokens.clone() {
                if doc.tokens[i].is_word() {
                    let w = doc.tok(i);
                    let base = w
                        .strip_suffix("’s")
                        .or_else(|| w.strip_suffix("'s"))
                        .unwrap_or(w);
                    words.insert(fold_name(base));
                    if crate::doc::is_capitalized(base) {
                        names.insert(fold_name(base));
                    }
                }
            }
        }
        for (i, r) in doc.references.iter().enumerate() {
            if used[i] {
                continue;
            }
            let named = r.authors.iter().any(|a| {
                if r.corporate {
                    let ws = crate::analysis::citations::title_words(a);
                    !ws.is_empty()
                        && ws.iter().filter(|w| words.contains(*w)).count() * 2 > ws.len().max(1)
                } else {
                    a.split_whitespace()
                        .last()
                        .map(fold_name)
                        .is_some_and(|f| f.chars().count() >= 2 && names.contains(&f))
                }
            });
            let titled = r.authors.is_empty()
                && r.title.as_deref().is_some_and(|t| {
                    let ws = crate::analysis::citations::title_words(t);
                    !ws.is_empty()
                        && ws.iter().filter(|w| words.contains(*w)).count() * 5 >= ws.len() * 3
                });
            if named || titled {
                used[i] = true;
            }
        }
        let unused: Vec<usize> = (0..n).filter(|&i| !used[i]).collect();
        if unused.is_empty() {
            return;
        }
        let heading = doc
            .references_heading
            .map(|h| doc.slice(doc.paragraphs[h].span).trim().to_lowercase())
            .unwrap_or_default();
        let strict = ["cited", "reference"].iter().any(|w| heading.contains(w));
        let severity = if strict {
            Severity::Warning
        } else {
            Severity::Advice
        };
        if !matched_any || (unused.len() * 2 > n && unused.len() > 2) {
            let at = doc
                .references_heading
                .map(|h| doc.paragraphs[h].span)
                .unwrap_or(doc.references[unused[0]].span);
            let msg = if !matched_any {
                format!(
                    "no in-text citation matches any of the {n} works-cited entries: cite the sources where you use them"
                )
            } else {
                format!(
                    "{} of the {n} works-cited entries are cited nowhere in the text",
                    unused.len()
                )
            };
            let mut d = cx.diag(at, msg).severity(Severity::Advice);
            for &i in unused.iter().take(5) {
                d = d.related(doc.references[i].span, "not cited");
            }
            out.push(d);
            return;
        }
        for i in unused {
            let r = &doc.references[i];
            let span = first_line(doc, r.span);
            out.push(
                cx.diag(
                    span,
                    format!("nothing in the essay cites this entry ({})", r.label()),
                )
                .severity(severity),
            );
        }
    }
}

/// The entry's first line: entries can be long, and the start is enough to find it.
fn first_line(doc: &crate::doc::Document, span: crate::doc::Span) -> crate::doc::Span {
    let t = doc.slice(span);
    match t.find('\n') {
        Some(p) => crate::doc::Span::new(span.start, span.start + t[..p].trim_end().len()),
        None => span,
    }
}
