crate::rule::declare_rule! {
    /// # abbreviation-definition
    ///
    /// **What it does.** Finds the abbreviations the essay defines, "the World Health
    /// Organization (WHO)" or "WHO (World Health Organization)", and reports one used before
    /// its definition, one defined twice, and one defined but never used again.
    ///
    /// **Why it matters.** A reader meets an abbreviation once and needs its long form at that
    /// first use, not three paragraphs later; defining it again, or defining one the essay
    /// never uses, is clutter every style guide asks writers to cut.
    ///
    /// **Example.**
    ///
    /// ```text
    /// WHO data show a rise. … The World Health Organization (WHO) reported …
    /// ^^^ `WHO` is used here before it is defined (line 4): define it at its first use
    /// ```
    ///
    /// A definition is a parenthesised capital abbreviation whose letters are the initials of
    /// the words just before it (small words such as "of" and "the" may be skipped, and a
    /// hyphenated word gives each part's initial), or the reverse. Headings, the works cited,
    /// quotations and citations are not counted. Abbreviations the essay never defines
    /// (USA, DNA) are not reported: which ones a reader knows is the writer's call. Using an
    /// abbreviation before its definition is a warning (advice in the title and the first
    /// paragraph, where an abstract may come before the body that defines it); a second
    /// definition and a definition never used are advice. "(conditioned stimulus, CS)" is a
    /// definition too.
    ///
    /// **Options.** None.
    ///
    /// **Fix safety.** No automatic fix: moving a definition means rewriting two sentences.
    pub struct AbbreviationDefinition {
        name: "abbreviation-definition",
        category: Style,
        severity: Warning,
        summary: "an abbreviation used before its definition, defined twice, or defined and never used",
        fix: None,
    }
}

use crate::diagnostic::{Diagnostic, Severity};
use crate::doc::{Document, Span, TokenKind};
use crate::rule::{Context, Rule};

/// Small words a definition's initials may skip ("Bureau of Labor Statistics (BLS)").
const SKIPPABLE: &[&str] = &["of", "the", "and", "for", "in", "on", "to", "a", "an", "&"];

/// The abbreviation a token spells, without a plural or possessive ending: "NGOs" → "NGO".
fn abbreviation(s: &str) -> Option<&str> {
    let s = s
        .strip_suffix("’s")
        .or_else(|| s.strip_suffix("'s"))
        .unwrap_or(s);
    let core = s.strip_suffix('s').unwrap_or(s);
    let n = core.chars().count();
    ((2..=8).contains(&n) && core.chars().all(|c| c.is_ascii_uppercase())).then_some(core)
}

/// True if the initials of `words` (in order) spell `abbr`, skipping small words.
fn initials_match(abbr: &str, words: &[&str]) -> bool {
    // Initials from the end: each letter of the abbreviation, last first, is the initial of a
    // word (or a hyphenated part); a skippable word may give none.
    let parts: Vec<&str> = words
        .iter()
        .flat_map(|w| w.split(['-', '‐']))
        .filter(|p| !p.is_empty())
        .collect();
    let letters: Vec<char> = abbr.chars().map(|c| c.to_ascii_lowercase()).collect();
    fn go(letters: &[char], parts: &[&str]) -> bool {
        match (letters.last(), parts.last()) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(&l), Some(p)) => {
                let first = p.chars().next().map(|c| c.to_ascii_lowercase());
                let lower = p.to_lowercase();
                (first == Some(l) && go(&letters[..letters.len() - 1], &parts[..parts.len() - 1]))
                    || (SKIPPABLE.contains(&lower.as_str())
                        && go(letters, &parts[..parts.len() - 1]))
            }
        }
    }
    // The first word must give the first letter (no skipped word at the start).
    (1..=parts.len()).any(|k| {
        let tail = &parts[parts.len() - k..];
        tail[0].chars().next().map(|c| c.to_ascii_lowercase()) == letters.first().copied()
            && go(&letters, tail)
    })
}

/// One definition: the abbreviation's token and the span of the whole "long form (ABBR)".
struct Definition<'a> {
    abbr: &'a str,
    token: usize,
    span: Span,
}

/// The words (text) of tokens `from..to`, or `None` if anything but words and hyphens is there.
fn words_of(doc: &Document, from: usize, to: usize) -> Option<Vec<&str>> {
    let mut v = Vec::new();
    for i in from..to {
        match doc.tokens[i].kind {
            TokenKind::Word => v.push(doc.tok(i)),
            _ if doc.tok(i) == "&" => v.push("&"),
            _ => return None,
        }
    }
    Some(v)
}

impl Rule for AbbreviationDefinition {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let mut defs: Vec<Definition<'_>> = Vec::new();
        // Tokens that are uses: (abbreviation, token index).
        let mut uses: Vec<(&str, usize)> = Vec::new();
        for para in &doc.paragraphs {
            if !para.kind.is_own_prose() {
                continue;
            }
            let toks = para.tokens.clone();
            for i in toks.clone() {
                let t = doc.tokens[i];
                if t.kind != TokenKind::Word {
                    continue;
                }
                let Some(abbr) = abbreviation(doc.tok(i)) else {
                    continue;
                };
                if doc.in_quotation(t.span) || doc.citations_overlapping(t.span).next().is_some() {
                    continue;
                }
                let bracketed = i > toks.start
                    && doc.tok(i - 1) == "("
                    && i + 1 < toks.end
                    && doc.tok(i + 1) == ")";
                let n = abbr.chars().count();
                // "long form (ABBR)": the words before the bracket.
                if bracketed {
                    let found = (1..=n + 4).find(|&k| {
                        i >= toks.start + 1 + k
                            && words_of(doc, i - 1 - k, i - 1)
                                .is_some_and(|w| w.len() >= n.min(2) && initials_match(abbr, &w))
                    });
                    if let Some(k) = found {
                        // The shortest run of words that spells it starts the definition.
                        let start = doc.tokens[i - 1 - k].span;
                        defs.push(Definition {
                            abbr,
                            token: i,
                            span: start.to(doc.tokens[i + 1].span),
                        });
                        continue;
                    }
                }
                // "(long form, ABBR)".
                if i + 1 < toks.end
                    && doc.tok(i + 1) == ")"
                    && i > toks.start + 2
                    && doc.tok(i - 1) == ","
                {
                    if let Some(open) = (toks.start.max(i.saturating_sub(3 + 2 * n))..i - 1)
                        .rev()
                        .find(|&j| doc.tok(j) == "(")
                    {
                        if words_of(doc, open + 1, i - 1)
                            .is_some_and(|w| w.len() >= 2 && initials_match(abbr, &w))
                        {
                            defs.push(Definition {
                                abbr,
                                token: i,
                                span: doc.tokens[open].span.to(doc.tokens[i + 1].span),
                            });
                            continue;
                        }
                    }
                }
                // "ABBR (long form)".
                if i + 2 < toks.end && doc.tok(i + 1) == "(" {
                    if let Some(close) =
                        (i + 2..toks.end.min(i + 4 + 2 * n)).find(|&j| doc.tok(j) == ")")
                    {
                        if words_of(doc, i + 2, close)
                            .is_some_and(|w| w.len() >= 2 && initials_match(abbr, &w))
                        {
                            defs.push(Definition {
                                abbr,
                                token: i,
                                span: t.span.to(doc.tokens[close].span),
                            });
                            continue;
                        }
                    }
                }
                uses.push((abbr, i));
            }
        }
        let mut seen: Vec<&str> = Vec::new();
        for d in &defs {
            if seen.contains(&d.abbr) {
                continue;
            }
            seen.push(d.abbr);
            let same: Vec<&Definition<'_>> = defs.iter().filter(|e| e.abbr == d.abbr).collect();
            let used: Vec<usize> = uses.iter().filter(|u| u.0 == d.abbr).map(|u| u.1).collect();
            let line = |i: usize| doc.line_col(doc.tokens[i].span.start).0;
            // Used before its definition.
            let before: Vec<usize> = used.iter().copied().filter(|&u| u < d.token).collect();
            if let Some(&first) = before.first() {
                let mut diag = cx.diag(
                    doc.tokens[first].span,
                    format!(
                        "`{}` is used here before it is defined (line {}): define it at its first \
                         use{}",
                        d.abbr,
                        line(d.token),
                        if before.len() > 1 {
                            format!(" ({} uses before the definition)", before.len())
                        } else {
                            String::new()
                        }
                    ),
                );
                diag = diag.related(d.span, "defined here");
                // In the title or the opening paragraph (an abstract) the long form often
                // waits for the body: advice there.
                let para = |i: usize| {
                    doc.paragraphs
                        .iter()
                        .position(|p| p.tokens.contains(&i))
                        .unwrap_or(0)
                };
                let body_start = doc
                    .paragraphs
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| p.kind.is_own_prose())
                    .map(|(k, _)| k)
                    .nth(1)
                    .unwrap_or(0);
                if para(first) < body_start {
                    diag = diag.severity(Severity::Advice);
                }
                out.push(diag);
            }
            // Defined again.
            for again in same.iter().skip(1) {
                let mut diag = cx
                    .diag(
                        again.span,
                        format!(
                            "`{}` is defined again here; it was defined on line {}: use the \
                             abbreviation alone",
                            d.abbr,
                            line(d.token)
                        ),
                    )
                    .severity(Severity::Advice);
                diag = diag.related(d.span, "first defined here");
                out.push(diag);
            }
            // Never used after its definition.
            let last_def = same.last().map_or(d.token, |e| e.token);
            if before.is_empty() && same.len() == 1 && !used.iter().any(|&u| u > last_def) {
                out.push(
                    cx.diag(
                        d.span,
                        format!(
                            "`{}` is defined here but never used again: write the long form alone, \
                             or use the abbreviation later",
                            d.abbr
                        ),
                    )
                    .severity(Severity::Advice),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials() {
        assert!(initials_match("WHO", &["World", "Health", "Organization"]));
        assert!(initials_match(
            "BLS",
            &["the", "Bureau", "of", "Labor", "Statistics"]
        ));
        assert!(initials_match("NGO", &["non-governmental", "organization"]));
        assert!(!initials_match("WHO", &["the", "war", "was", "over"]));
        assert!(!initials_match("US", &["the", "war"]));
        assert_eq!(abbreviation("NGOs"), Some("NGO"));
        assert_eq!(abbreviation("Stalin"), None);
        assert_eq!(abbreviation("A"), None);
    }
}
