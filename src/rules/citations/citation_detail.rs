crate::rule::declare_rule! {
    /// # citation-detail
    ///
    /// **What it does.** Checks the details of a citation against the entry it names, as a careful
    /// editor (or Recite) does:
    ///
    /// - "et al." for a work by two authors, which every style names in full ("Smith and Doe");
    /// - one name for a work by two authors ("(Smith, 2001)" for Smith and Doe);
    /// - every name of a work by three or more authors in an APA essay ("Smith et al."; four or more
    ///   in Chicago author-date and MLA, whose 7th edition named three), reported from the second
    ///   citation of the work on (APA's 6th edition still named three to five authors the first
    ///   time) or at once for six or more;
    /// - a page range written backwards ("pp. 45–12"; "245–52" is a shortened "245–252");
    /// - a page outside the pages the entry gives for an article or chapter ("p. 45" of an article
    ///   on pages 100–120).
    ///
    /// **Why it matters.** These are the slips that tell a reader the citations were not checked,
    /// and a wrong page sends them to the wrong place.
    ///
    /// **Example.**
    ///
    /// ```text
    /// Rivers carve valleys (Smith et al., 2001).
    ///                       ^^^^^^^^^^^^^^^^^^^ the works cited lists two authors, Smith and Doe: name both
    /// ```
    ///
    /// It is advice: the entry may be the one that is wrong, and course styles differ.
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** No automatic fix: the rule only reports; which of the citation and the entry
    /// is right is the writer's to check.
    pub struct CitationDetail {
        name: "citation-detail",
        category: Citations,
        severity: Advice,
        summary: "a citation whose authors or pages disagree with its entry (et al., page ranges)",
        fix: None,
    }
}

use crate::analysis::citations::{fold_name, CiteSource, CiteStyle, Reference};
use crate::diagnostic::Diagnostic;
use crate::rule::{Context, Rule};
use std::collections::{HashMap, HashSet};

impl Rule for CitationDetail {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        // How often each entry has been cited by all its names so far.
        let mut full_names: HashMap<usize, usize> = HashMap::new();
        let mut seen: HashMap<usize, usize> = HashMap::new();
        // APA shortens three authors to "et al."; Chicago author-date and MLA's 7th edition name
        // up to three. The essay's own majority decides, since one citation's commas may mislead.
        let count = |st: CiteStyle| doc.citations.iter().filter(|c| c.style == st).count();
        let apa =
            count(CiteStyle::Apa) > count(CiteStyle::ChicagoAuthorDate) + count(CiteStyle::Mla);
        // Each kind of slip is reported once per work, at its first citation.
        let mut told: HashSet<(usize, u8)> = HashSet::new();
        for c in &doc.citations {
            if !c.certain {
                continue;
            }
            for s in &c.sources {
                if let Some(p) = s.pages.as_deref() {
                    if let Some((a, z)) = backwards(p) {
                        out.push(cx.diag(
                            s.span,
                            format!("the page range {a}–{z} runs backwards: write the first page, then the last"),
                        ));
                        continue;
                    }
                }
                let Some(ri) = s.reference else { continue };
                let r = &doc.references[ri];
                let times = seen.entry(ri).or_default();
                *times += 1;
                if s.secondary || s.ibid || s.attributed {
                    continue;
                }
                if let Some(d) = pages_outside(s, r) {
                    out.push(cx.diag(s.span, d));
                    continue;
                }
                if !matches!(
                    c.style,
                    CiteStyle::Apa
                        | CiteStyle::Mla
                        | CiteStyle::ChicagoAuthorDate
                        | CiteStyle::Narrative
                        | CiteStyle::Footnote
                ) || r.corporate
                    || !same_first_author(s, r)
                {
                    continue;
                }
                let listed = r.authors.len();
                let cited = s.authors.len();
                let two = listed == 2 && two_names_written(doc, r);
                if two && s.et_al && cited == 1 {
                    if !told.insert((ri, 0)) {
                        continue;
                    }
                    out.push(cx.diag(
                        s.span,
                        format!(
                            "“et al.” for a work by two authors: the works cited lists {} and {}; name both",
                            r.authors[0], r.authors[1]
                        ),
                    ));
                } else if two && cited == 1 && !s.et_al && c.style != CiteStyle::Footnote {
                    if !told.insert((ri, 1)) {
                        continue;
                    }
                    out.push(cx.diag(
                        s.span,
                        format!(
                            "this work has two authors, {} and {}: cite both names",
                            r.authors[0], r.authors[1]
                        ),
                    ));
                } else if cited >= 3 && cited == listed && !s.et_al {
                    let limit = if apa { 3 } else { 4 };
                    let n = full_names.entry(ri).or_default();
                    *n += 1;
                    if cited >= limit
                        && (*n >= 2 || *times >= 2 || cited >= 6)
                        && told.insert((ri, 2))
                    {
                        out.push(cx.diag(
                            s.span,
                            format!(
                                "a work by {cited} authors is cited by the first and “et al.”: “{} et al.”",
                                s.authors[0]
                            ),
                        ));
                    }
                }
            }
        }
    }
}

/// The entry's own text bears out its two authors: its names part ("Portes, P. R., & Zady, M.
/// F." or "Singleton, Jenny L., and Elissa L. Newport") holds two surnames, or two surnames and
/// two given names, not three names ("Wisker, G. Robinson, G., & Shacham, M.", a comma missing).
fn two_names_written(doc: &crate::doc::Document, r: &Reference) -> bool {
    if r.file.is_some() {
        return true;
    }
    let t = doc.slice(r.span);
    let mut end = t.find('(').unwrap_or(t.len());
    let b = t.as_bytes();
    for (i, _) in t.match_indices(". ") {
        if i >= 2 && b[i - 1].is_ascii_lowercase() && b[i - 2].is_ascii_alphabetic() {
            end = end.min(i);
            break;
        }
    }
    let names = t[..end]
        .split(|c: char| c.is_whitespace() || c == ',' || c == '&')
        .filter(|w| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && w.chars().next().is_some_and(char::is_uppercase)
                && !w.ends_with('.')
        })
        .count();
    names == 2 || names == 4
}

/// The citation's first author is the entry's (not a title or key match).
fn same_first_author(s: &CiteSource, r: &Reference) -> bool {
    match (s.authors.first(), r.authors.first()) {
        (Some(a), Some(b)) => {
            let (a, b) = (fold_name(a), fold_name(b));
            !a.is_empty() && (a == b || b.ends_with(&a) || a.ends_with(&b))
        }
        _ => false,
    }
}

/// The numbers of a plain page locator: "45", "p. 45", "pp. 45–47", "45, 47". `None` for
/// anything else (lines, sections, "3.1.56", roman numerals).
fn page_numbers(p: &str) -> Option<Vec<(u32, Option<u32>)>> {
    let mut t = p.trim().trim_end_matches('.');
    for label in ["pp.", "p.", "pages", "page", "pp", "p"] {
        if let Some(r) = t.strip_prefix(label) {
            t = r.trim_start();
            break;
        }
    }
    let mut out = Vec::new();
    for part in t.split(',') {
        let part = part.trim();
        let (a, z) = match part.split_once(['-', '–', '—']) {
            Some((a, z)) => (a.trim(), Some(z.trim().trim_start_matches(['-', '–']))),
            None => (part, None),
        };
        if a.is_empty() || a.len() > 5 || !a.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let z = match z {
            Some(z) if !z.is_empty() && z.len() <= 5 && z.bytes().all(|b| b.is_ascii_digit()) => {
                Some(z)
            }
            Some(_) => return None,
            None => None,
        };
        let first: u32 = a.parse().ok()?;
        let last = match z {
            Some(z) if z.len() < a.len() => {
                format!("{}{}", &a[..a.len() - z.len()], z).parse().ok()
            }
            Some(z) => z.parse().ok(),
            None => None,
        };
        out.push((first, last));
    }
    (!out.is_empty()).then_some(out)
}

/// A range whose last page comes before its first, even read as shortened ("45–12").
fn backwards(p: &str) -> Option<(u32, u32)> {
    page_numbers(p)?
        .into_iter()
        .find_map(|(a, z)| z.filter(|&z| z < a).map(|z| (a, z)))
}

/// "p. 45" of an entry on pages 100–120.
fn pages_outside(s: &CiteSource, r: &Reference) -> Option<String> {
    let (lo, hi) = r.pages?;
    if hi <= lo {
        return None;
    }
    let nums = page_numbers(s.pages.as_deref()?)?;
    let bad = nums
        .iter()
        .flat_map(|&(a, z)| [Some(a), z])
        .flatten()
        .find(|&n| n < lo || n > hi)?;
    Some(format!(
        "page {bad} is outside the pages of this work in the works cited ({lo}–{hi})"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages() {
        assert_eq!(page_numbers("p. 45"), Some(vec![(45, None)]));
        assert_eq!(page_numbers("pp. 245-52"), Some(vec![(245, Some(252))]));
        assert_eq!(page_numbers("3.1.56"), None);
        assert_eq!(backwards("pp. 45-12"), Some((45, 12)));
        assert_eq!(backwards("245–52"), None);
        assert_eq!(backwards("para. 4"), None);
    }
}
