crate::rule::declare_rule! {
    /// # missing-reference
    ///
    /// **What it does.** Reports an in-text citation whose author, title, key or number matches no
    /// entry of the works-cited list. Matching is tolerant (surnames with or without particles and
    /// accents, corporate authors and their acronyms, title words, "et al."); when an entry nearly
    /// matches, the message names it: a misspelt surname ("Ericcson" cited, "Ericsson" listed) or
    /// another year ("Brown 2001" cited, "Brown 2002" listed). Each source is reported once, at its
    /// first citation.
    ///
    /// When the essay cites sources but has no works-cited list at all, the cross-checks are
    /// skipped and one advice note says so. A references heading with nothing under it is an
    /// empty list: each cited source is reported (a warning).
    ///
    /// A narrative citation ("Dhar (1997) found") counts when its name is no dictionary word
    /// (a word or a place before a year, "Vietnam (1965)", is not a citation), or when it nearly
    /// matches an entry ("Tlly (1985)" with "Tilly, C. (1985)" listed). A secondary citation
    /// ("Conrad, 1964 cited in Sternberg, 2004"; "(Tallal, 1980; Hurford, 1991; cited in
    /// McBride-Chang, 1995)") is checked for the work read only.
    ///
    /// **Why it matters.** A citation is a promise that the reader can find the source in the list.
    /// A citation with no entry (or an entry under another spelling or year) breaks that promise,
    /// and graders check.
    ///
    /// **Example.**
    ///
    /// ```text
    /// Jones agrees (Jonse 12).
    ///               ^^^^^^^^ “Jonse” matches no entry of the works-cited list; the list has “Jones”
    /// ```
    ///
    /// Notes are citations too: the sources a footnote or endnote names ("John Smith, *The Title*
    /// (New York: Knopf, 2001), 45.", "Smith, *Title*, 47.", "Ibid.") are checked against the
    /// bibliography like parenthetical ones. Keys (`\cite{smith2001}`, `[@smith2001]`) are checked
    /// exactly against a list with keys: a LaTeX `thebibliography` (`\bibitem{key}`) or the `.bib`
    /// or CSL-JSON file the essay names (`\bibliography{refs}`, `\addbibresource{refs.bib}`, pandoc
    /// `bibliography:`) or `--bibliography` gives; a mistyped key names the nearest one.
    ///
    /// Citations the parser is unsure of ("(Smith)" with no page, abbreviations such as "(SBN 172)"),
    /// notes that cite nothing (comments) and LaTeX or pandoc keys when the list has no keys are
    /// not reported.
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** No automatic fix: the missing entry must be written by the writer; the
    /// suggestion names the nearest entry, which may be the one meant under a misspelled name.
    pub struct MissingReference {
        name: "missing-reference",
        category: Citations,
        severity: Warning,
        summary: "an in-text citation that matches no works-cited entry",
        fix: None,
    }
}
use crate::analysis::citations::{CiteSource, CiteStyle, Family, NearMiss, SourceForm};
use crate::diagnostic::Diagnostic;
use crate::rule::{Context, Rule};
use crate::Severity;
use std::collections::{HashMap, HashSet};

impl Rule for MissingReference {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let checkable = |style: CiteStyle| {
            matches!(
                style,
                CiteStyle::Mla
                    | CiteStyle::Apa
                    | CiteStyle::ChicagoAuthorDate
                    | CiteStyle::Narrative
                    | CiteStyle::Numeric
            )
        };
        // Where the entries of a bibliography file live: "in refs.bib" rather than "of the
        // works-cited list".
        let files: Vec<&str> = {
            let mut f: Vec<&str> = doc
                .references
                .iter()
                .filter_map(|r| r.file.as_deref())
                .collect();
            f.dedup();
            f
        };
        let list_name = if files.is_empty() {
            "the works-cited list".to_string()
        } else {
            format!("the bibliography ({})", files.join(", "))
        };
        if doc.references.is_empty() {
            let cited: Vec<_> = doc
                .citations
                .iter()
                .filter(|c| {
                    c.certain && checkable(c.style) && c.sources.iter().any(|s| s.names_source())
                })
                .collect();
            // A heading with nothing under it: the list is missing for certain.
            let empty_list = doc.references_heading.is_some_and(|h| {
                doc.paragraphs[h + 1..]
                    .iter()
                    .all(|p| doc.slice(p.span).trim().is_empty())
            });
            if let Some(first) = cited.first() {
                if empty_list {
                    let h = doc.references_heading.unwrap_or(0);
                    let heading = doc.slice(doc.paragraphs[h].span).trim();
                    let mut seen: HashSet<String> = HashSet::new();
                    for c in &cited {
                        let Some(s) = c.sources.iter().find(|s| s.names_source()) else {
                            continue;
                        };
                        let label = s.label();
                        if !seen.insert(crate::analysis::citations::fold_name(&label)) {
                            continue;
                        }
                        out.push(cx.diag(
                            s.span,
                            format!("the list under “{heading}” is empty: {label} has no entry"),
                        ));
                    }
                    return;
                }
                let msg = if doc.references_heading.is_some() {
                    format!(
                        "the works-cited list has no entries that could be read, so the {} citation{} cannot be checked against it",
                        cited.len(),
                        if cited.len() == 1 { "" } else { "s" }
                    )
                } else {
                    format!(
                        "no works-cited list found: the {} citation{} cannot be checked against their entries; add a list of works cited at the end",
                        cited.len(),
                        if cited.len() == 1 { "" } else { "s" }
                    )
                };
                out.push(cx.diag(first.span, msg).severity(Severity::Advice));
            }
            return;
        }
        let refs_have_keys = doc.references.iter().any(|r| r.key.is_some());
        let keys_match = doc.citations.iter().any(|c| {
            c.sources
                .iter()
                .any(|s| s.key.is_some() && s.reference.is_some())
        });
        let numeric = cx.citation_family() == Some(Family::Numeric);
        let mut reported: HashSet<String> = HashSet::new();
        // How often each source is cited, counted once.
        let mut times_of: HashMap<String, usize> = HashMap::new();
        for c in &doc.citations {
            for s in &c.sources {
                *times_of
                    .entry(crate::analysis::citations::fold_name(&s.label()))
                    .or_default() += 1;
            }
        }
        for c in &doc.citations {
            if !c.certain {
                continue;
            }
            let key_style = matches!(c.style, CiteStyle::Latex | CiteStyle::Pandoc);
            let note = c.style == CiteStyle::Footnote;
            if !checkable(c.style) && !note && !(key_style && (refs_have_keys || keys_match)) {
                continue;
            }
            for s in &c.sources {
                if !s.names_source() || s.reference.is_some() {
                    continue;
                }
                // A note's own key or number names the note; the sources read from it count.
                if note && matches!(s.form(), SourceForm::Key | SourceForm::Number) {
                    continue;
                }
                // Numbers are checked only in a numeric essay ("[260]" may be a page).
                if s.form() == SourceForm::Number && (s.number.is_none() || !numeric) {
                    continue;
                }
                // Abbreviations ("SBN", "COSSMHO") and court cases ("Meritor v. Vinson") are
                // often cited without an entry under that name.
                if s.near.is_none() && (s.abbreviated() || is_case(s)) {
                    continue;
                }
                let label = s.label();
                let id = crate::analysis::citations::fold_name(&label);
                if !reported.insert(id.clone()) {
                    continue;
                }
                let times = times_of.get(&id).copied().unwrap_or(1);
                let again = if times > 1 {
                    format!(" (cited {times} times)")
                } else {
                    String::new()
                };
                let d = match &s.near {
                    Some(NearMiss::Spelling {
                        entry,
                        cited,
                        listed,
                    }) => {
                        let r = &doc.references[*entry];
                        let d = cx
                            .diag(
                                s.span,
                                format!(
                                    "“{cited}” matches no entry of {list_name}; the list has “{listed}”{again}"
                                ),
                            )
                            .suggest(listed.clone());
                        if r.file.is_none() {
                            d.related(r.span, format!("the entry for {listed}"))
                        } else {
                            d
                        }
                    }
                    Some(NearMiss::Year { entry, listed }) => {
                        let r = &doc.references[*entry];
                        let when = if listed.is_empty() {
                            "no year".to_string()
                        } else {
                            listed.clone()
                        };
                        let d = cx.diag(
                            s.span,
                            format!(
                                "no works-cited entry for {label}: the list dates this author’s work {when}{again}"
                            ),
                        );
                        if r.file.is_none() {
                            d.related(r.span, "the entry with another year")
                        } else {
                            d
                        }
                    }
                    None => {
                        let what = match s.form() {
                            SourceForm::Number => format!(
                                "citation {label} has no entry: the list has {} entr{}",
                                doc.references.len(),
                                if doc.references.len() == 1 {
                                    "y"
                                } else {
                                    "ies"
                                }
                            ),
                            _ => format!("{label} matches no entry of {list_name}{again}"),
                        };
                        cx.diag(s.span, what)
                    }
                };
                out.push(d);
            }
        }
    }
}

/// A court case: "Meritor Savings Bank v. Vinson", "Brown vs. Board".
fn is_case(s: &CiteSource) -> bool {
    s.authors.iter().chain(s.title.iter()).any(|a| {
        a.split_whitespace()
            .any(|w| matches!(w, "v." | "v" | "vs." | "vs"))
    })
}
