crate::rule::declare_rule! {
    /// # citation-page
    ///
    /// **What it does.** Points at a direct quotation (four words or more) whose citation gives no
    /// page, line or other locator, when the essay's style expects one: MLA, APA and Chicago
    /// author-date all ask for the page of a quotation. A bare "(p. 45)" after a narrative
    /// citation counts as the page.
    ///
    /// **Why it matters.** A page lets the reader check the quoted words; without it the citation
    /// only says which book to search.
    ///
    /// **Example.**
    ///
    /// ```text
    /// Cohen (1973) calls it “a new civil war against the countryside.”
    ///                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ cited without a page
    /// ```
    ///
    /// It is advice: some sources (web pages, lectures, handouts) have no pages. It stays silent for
    /// numeric and footnote styles, for sources whose entry is a web page, and for citations the
    /// parser is unsure of.
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** No automatic fix: the rule only reports; the remedy (rewording, a citation, an
    /// entry in the works cited) is the writer's to choose.
    pub struct CitationPage {
        name: "citation-page",
        category: Citations,
        severity: Advice,
        summary: "a quotation cited without a page where the style expects one",
        fix: None,
    }
}
use crate::analysis::citations::coverage::{covering, head, is_candidate_quote};
use crate::analysis::citations::Family;
use crate::diagnostic::Diagnostic;
use crate::rule::{Context, Rule};

impl Rule for CitationPage {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        if !matches!(
            cx.citation_family(),
            Some(Family::AuthorPage | Family::AuthorDate)
        ) {
            return;
        }
        let idx = cx.cite_index();
        for q in &doc.quotations {
            if !q.closed || !is_candidate_quote(doc, q, 4) {
                continue;
            }
            let cov = covering(doc, idx, q.span, q.closed);
            if cov.is_empty() {
                continue;
            }
            // The nearest citations: those in the quotation's own sentence when there are any.
            let own = doc.sentence_at(q.span.start);
            let mine: Vec<usize> = cov
                .iter()
                .copied()
                .filter(|&i| {
                    doc.citations[i].sentence == own || q.span.contains(doc.citations[i].span)
                })
                .collect();
            let chosen = if mine.is_empty() { cov } else { mine };
            let cites: Vec<_> = chosen.iter().map(|&i| &doc.citations[i]).collect();
            if cites.iter().any(|c| c.has_page() || !c.certain) {
                continue;
            }
            // Course conventions such as "[Strichartz: 1973]" or "(Egan and North: 1986)" set
            // their own rules; only the standard styles are held to pages.
            let standard = cites.iter().all(|c| {
                doc.text[c.span.start..].starts_with('(')
                    && c.sources.iter().all(|s| s.year_sep != Some(':'))
            });
            if !standard {
                continue;
            }
            // Web sources have no pages.
            let web = cites.iter().any(|c| {
                c.sources
                    .iter()
                    .any(|s| s.reference.is_some_and(|r| doc.references[r].web))
            });
            if web {
                continue;
            }
            if !cites
                .iter()
                .any(|c| c.sources.iter().any(|s| s.names_source()))
            {
                continue;
            }
            if cites
                .iter()
                .any(|c| !matches!(c.family(), Some(Family::AuthorPage | Family::AuthorDate)))
            {
                continue;
            }
            let cite = cites[0];
            out.push(
                cx.diag(
                    head(doc, q.span, 60),
                    "this quotation is cited without a page: add the page it comes from",
                )
                .related(cite.span, "the citation"),
            );
        }
    }
}
