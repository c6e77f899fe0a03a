//! Finding a works-cited list by its entries' shape, when no heading the model knows opens it:
//! a list under "Resources", "Sources Used in This Paper", an unusual numbering, or no heading
//! at all. The last paragraphs of the document are read backwards; a run of at least three
//! that begin like entries ("Surname, X." or "Surname, First" or "[3] Surname", with a year or
//! "n.d.") is the list, and a short heading line right before it is its heading.

use crate::doc::{Document, ParagraphKind};
use regex::Regex;
use std::sync::OnceLock;

fn entry_start_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"^(?:\[\d{1,3}\]\s*|\d{1,3}[.)]\s+)?(?:[\p{Lu}][\p{L}'’\-]+(?:\s+(?:de|van|von|der|la|le|di|da|du|del|den|ten)\s+[\p{Lu}][\p{L}'’\-]+)?|[\p{Lu}][\p{L}'’\-]+\s+[\p{Lu}][\p{L}'’\-]+),\s+(?:[\p{Lu}]\.|[\p{Lu}][\p{L}'’\-]+|&)",
        )
        .expect("valid regex")
    })
}

fn year_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\b(?:1[5-9]\d\d|20\d\d)[a-z]?\b|\bn\.\s?d\.").expect("valid regex")
    })
}

/// The particles `entry_start_re` allows between two capitalised names ("Van der Berg").
const PARTICLES: [&str; 12] = [
    "de", "van", "von", "der", "la", "le", "di", "da", "du", "del", "den", "ten",
];

/// What any text `entry_start_re` matches has, checked by hand so that the (Unicode, slow to
/// compile) expression is built only for a paragraph that may match it: after whatever numbering,
/// a capital, and a comma ending the first name, the second (capitalised) or the third (after
/// a particle). A looser test than the expression's, never a stricter one.
fn may_start_entry(t: &str) -> bool {
    let s = t.trim_start_matches(|c: char| {
        matches!(c, '[' | ']' | '.' | ')') || c.is_numeric() || c.is_whitespace()
    });
    let mut w = s.split_whitespace();
    let (Some(a), b, c) = (w.next(), w.next(), w.next()) else {
        return false;
    };
    a.starts_with(char::is_uppercase)
        && (a.contains(',')
            || b.is_some_and(|b| b.contains(',') && b.starts_with(char::is_uppercase))
            || b.is_some_and(|b| PARTICLES.contains(&b)) && c.is_some_and(|c| c.contains(',')))
}

/// What any text `year_re` matches has: a year's first digit, or "n." of "n.d.".
fn may_hold_year(t: &str) -> bool {
    t.contains(['1', '2']) || t.contains("n.")
}

/// The paragraph begins and reads like a works-cited entry.
fn is_entry_shaped(text: &str) -> bool {
    let t = text.trim();
    let words = t.split_whitespace().count();
    let first = t
        .split(|c: char| !c.is_alphabetic())
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    // "Finally, Smith …", "However, In …": an adverb or function word opens a sentence.
    if first.ends_with("ly") || crate::lexicon::is_function_word(&first) {
        return false;
    }
    (3..=120).contains(&words)
        && may_start_entry(t)
        && entry_start_re().is_match(t)
        && may_hold_year(t)
        && year_re().is_match(t)
}

/// A link or DOI on a line of its own, continuing the entry above.
fn is_link(text: &str) -> bool {
    let l = text.trim().trim_start_matches(['<', '(']).to_lowercase();
    l.starts_with("http")
        || l.starts_with("www.")
        || l.starts_with("doi")
        || l.starts_with("retrieved")
}

/// Marks a trailing list of entries as the works-cited list when no heading found one.
pub(super) fn find_by_shape(doc: &mut Document) {
    if doc.references_heading.is_some() || doc.paragraphs.len() < 4 {
        return;
    }
    let mut first = None;
    let mut entries = 0;
    let mut pi = doc.paragraphs.len();
    while pi > 0 {
        pi -= 1;
        let p = &doc.paragraphs[pi];
        if !matches!(p.kind, ParagraphKind::Body | ParagraphKind::ListItem) {
            break;
        }
        let text = doc.slice(p.span);
        if is_entry_shaped(text) {
            entries += 1;
            first = Some(pi);
        } else if is_link(text) && first.is_some() {
            first = Some(pi);
        } else {
            break;
        }
    }
    let Some(first) = first else { return };
    // A heading right before the entries names the list, whatever it says.
    let heading =
        (first > 0 && doc.paragraphs[first - 1].kind == ParagraphKind::Heading).then(|| first - 1);
    if entries < 3 && !(entries >= 2 && heading.is_some()) {
        return;
    }
    // The body must come first: a document that is nothing but entries is a list, but one
    // whose every paragraph looks like an entry is more likely not an essay at all.
    if first < 2 {
        return;
    }
    let start = heading.unwrap_or(first);
    for p in &mut doc.paragraphs[start..] {
        p.kind = ParagraphKind::Reference;
    }
    doc.references_heading = Some(start);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_shapes() {
        assert!(is_entry_shaped(
            "Strichartz, G. R. (1973). The inhibition of sodium currents. J Gen Physiol, 62, 37."
        ));
        assert!(is_entry_shaped(
            "Medvedev, Roy. Let History Judge. New York: Knopf, 1971."
        ));
        assert!(is_entry_shaped(
            "[3] Spence, M. Job market signaling. QJE 87 (1973): 355–374."
        ));
        assert!(is_entry_shaped(
            "Van Dyke, J., & Lee, K. (n.d.). Notes on bees."
        ));
        assert!(!is_entry_shaped(
            "However, the results of 1973 were different from ours."
        ));
        assert!(!is_entry_shaped(
            "In 1973, Smith, the author, wrote a book."
        ));
    }
}

#[cfg(test)]
mod heading_tests {
    use crate::lexicon::is_references_heading as h;

    #[test]
    fn headings_as_written() {
        for t in [
            "References",
            "Resources",
            "7. Reference",
            "G: Literature Cited",
            "APPENDIX 1: REFERENCES",
            "References (Outside of Class)",
            "References and Bibliography",
            "Works Cited:",
            "IV. Bibliography",
            "Sources & References",
        ] {
            assert!(h(t), "{t}");
        }
        for t in [
            "Introduction",
            "Results and Discussion",
            "Appendix A",
            "Methods: Sources of error",
            "7. Conclusion",
        ] {
            assert!(!h(t), "{t}");
        }
    }
}
