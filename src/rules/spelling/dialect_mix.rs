crate::rule::declare_rule! {
    /// # dialect-mix
    ///
    /// **What it does.** Works out which spelling standard the essay follows from its own words —
    /// American (color, organize), British (colour, organise), British Oxford (colour, organize),
    /// Canadian (colour, organize, center or centre) or Australian (colour, organise, program) — by
    /// majority, and reports each word spelled the way another standard spells it, naming the
    /// words that decided the majority. Families covered: -our/-or, -ise/-ize with every derived
    /// form (organisation, realised), -yse/-yze, -re/-er, -ll-/-l- (travelled, cancelled),
    /// -ogue/-og, -ence/-ense, and single words (grey/gray, aluminium, sceptical, jewellery,
    /// pyjamas, cheque, tyre, programme, …): the table is VARCON (part of SCOWL), through the
    /// `varcon` crate.
    ///
    /// **Why it matters.** Either standard is right; mixing them in one essay is not, and readers
    /// and markers notice.
    ///
    /// **Example.**
    ///
    /// ```text
    /// The colour of the flag and the organisation of the parade showed the neighbourhood's
    /// pride. Every color had a meaning.
    ///             ^^^^^ `color` is American spelling; this essay otherwise follows British
    ///                   spelling: `colour`
    /// ```
    ///
    /// A spelling that is right in the winning standard is never reported: "favour" beside
    /// "organizational" and "realizing" is consistent Canadian or Oxford spelling. A word used in
    /// several senses (check, cheque; practice, practise as noun and verb) counts only where every
    /// sense agrees. Quotations are the source's spelling and are neither counted nor reported;
    /// nor are capitalised words in mid-sentence (names: "World Health Organization").
    ///
    /// Ties and near-ties are still mixing: with a lead of less than two words each minority
    /// spelling is advice that names both standards and the counts ("3 American, 2 British
    /// spellings"); on an exact tie the standard of the first deciding word is taken. Within one
    /// systematic family (-our/-or, -re/-er, -ise/-ize, -yse/-yze) any mixing is a warning
    /// whatever the overall counts ("colour" and "harbor"), decided by the family's own majority
    /// (a tie by the overall standard, then the first written, and then only advice); "favour"
    /// with "-ize" is two families and consistent Oxford or Canadian spelling.
    ///
    /// Severity: advice on a thin majority (a lead of less than two words) or a lead of two, a
    /// warning when the majority is clear (a lead of three and at least three deciding words)
    /// or the family is mixed. With `dialect = "en-US"` (or en-GB, en-GB-oxford, en-CA, en-AU) in the
    /// configuration, that standard is used instead of the majority, every other spelling is a
    /// warning, and `--fix` applies the standard's spelling.
    ///
    /// **Options.** None; see `dialect` in the configuration.
    ///
    /// **Fix safety.** Safe, and offered only when `dialect` is set in the configuration: the word is
    /// replaced by its spelling in that dialect (the same word, same case). Without a configured
    /// dialect the majority is a guess, so only a suggestion is given.
    pub struct DialectMix {
        name: "dialect-mix",
        category: Spelling,
        severity: Warning,
        summary: "American and British (or other) spellings mixed in one essay",
        fix: Safe,
    }
}
use crate::diagnostic::Diagnostic;
use crate::lexicon::spell::variants::{self, Info};
use crate::lexicon::spell::{self};
use crate::rule::{Context, Rule};
use crate::Severity;

/// Names the dialects of a bit set ("British or Australian").
fn names(bits: u8) -> String {
    let v: Vec<&str> = variants::DIALECTS
        .iter()
        .filter(|d| bits & d.0 != 0)
        .map(|d| d.2)
        .collect();
    match v.len() {
        0 => "other".into(),
        1 => v[0].into(),
        _ => format!("{} or {}", v[..v.len() - 1].join(", "), v[v.len() - 1]),
    }
}

/// The one standard a family spelling is best known by ("British" for colour, which Oxford,
/// Canadian and Australian spelling share), for messages that name the family's letters too.
fn short_name(bits: u8) -> String {
    if bits & variants::GB != 0 {
        "British".into()
    } else if bits & variants::US != 0 {
        "American".into()
    } else {
        names(bits)
    }
}

/// The letters one side of a family is written with: "-our" for the "u" of colour.
fn side_name(label: &str, side: &str) -> &'static str {
    match (label, side) {
        ("-our/-or", "u") => "-our",
        ("-our/-or", _) => "-or",
        ("-re/-er", "re") => "-re",
        ("-re/-er", _) => "-er",
        ("-ise/-ize", "s") => "-ise",
        ("-ise/-ize", _) => "-ize",
        ("-yse/-yze", "s") => "-yse",
        _ => "-yze",
    }
}

/// The systematic families whose mixing in one essay is a slip whatever the majority: the
/// part two spellings differ in, and the letters beside it ("u" between "o" and "r").
fn family(word: &str, alt: &str) -> Option<&'static str> {
    let (a, b) = (word.as_bytes(), alt.as_bytes());
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let s = a[p..]
        .iter()
        .rev()
        .zip(b[p..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (x, y) = (&word[p..word.len() - s], &alt[p..alt.len() - s]);
    let before = a[..p].last().copied().unwrap_or(b' ');
    let after = a[a.len() - s..].first().copied().unwrap_or(b' ');
    let (x, y) = if x <= y { (x, y) } else { (y, x) };
    Some(match (x, y) {
        ("", "u") if before == b'o' && after == b'r' => "-our/-or",
        ("er", "re") => "-re/-er",
        ("s", "z") if before == b'i' => "-ise/-ize",
        ("s", "z") if before == b'y' => "-yse/-yze",
        _ => return None,
    })
}

/// One family's spellings in the essay: (side, occurrences) where a side is the part the
/// spellings differ in ("u" for colour, "" for color).
struct FamilyUse<'a> {
    label: &'static str,
    side: &'a str,
    occ: usize,
}

impl Rule for DialectMix {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let a = cx.dialect();
        if a.winners == 0 {
            return;
        }
        let max = a.scores.iter().copied().fold(0.0, f32::max);
        let mut reported: Vec<usize> = Vec::new();
        if !a.forced {
            self.families(cx, a, &mut reported, out);
        }
        // An exact tie between standards that disagree: the first deciding spelling sets the
        // standard, as an editor's style sheet records the first choice.
        let evidence = |info: &Info| info.is_evidence();
        let mut winners = a.winners;
        if !a.forced
            && a.occurrences
                .iter()
                .any(|o| evidence(o.2) && o.2.used & winners != winners)
        {
            if let Some(f) = a
                .occurrences
                .iter()
                .find(|o| evidence(o.2) && o.2.preferred & winners != 0)
            {
                winners &= f.2.preferred;
            }
        }
        let flags = |info: &Info| {
            let ok = if a.forced { info.acceptable } else { info.used };
            info.acceptable != 0 && ok & winners == 0
        };
        // First occurrence of each deciding word, in text order.
        let mut first: Vec<(usize, &str, &Info)> = Vec::new();
        for &(i, key, info) in &a.occurrences {
            if info.is_evidence()
                && info.preferred & winners != 0
                && !first.iter().any(|f| f.1 == key)
            {
                first.push((i, key, info));
            }
        }
        for &(i, key, info) in &a.occurrences {
            if !flags(info) || cx.config.accepts(key) || reported.contains(&i) {
                continue;
            }
            // A thin majority is no standard ("favour" twice against four American words is as
            // likely the slip as the four), but it is still mixing: advice with the counts.
            let margin = max - a.support(info);
            let near = !a.forced && margin < 2.0;
            let tok = doc.tok(i);
            let winner_bit = variants::DIALECTS
                .iter()
                .map(|d| d.0)
                .find(|&b| b & winners != 0 && info.preferred_in(b).is_some());
            let alt = winner_bit.and_then(|b| info.preferred_in(b));
            let own = if info.preferred != 0 {
                info.preferred
            } else {
                info.acceptable
            };
            // The words that decided: winners' spellings this word's standard does not accept.
            let deciding: Vec<&(usize, &str, &Info)> = first
                .iter()
                .filter(|f| f.2.acceptable & info.acceptable == 0)
                .take(3)
                .collect();
            let how = if a.forced {
                format!("the configured dialect is {}", names(winners))
            } else if near {
                let theirs = a
                    .occurrences
                    .iter()
                    .filter(|o| o.2.is_evidence() && o.2.preferred & winners != 0)
                    .filter(|o| o.2.used & own == 0)
                    .count();
                let ours = a
                    .occurrences
                    .iter()
                    .filter(|o| o.2.is_evidence() && o.2.preferred & own != 0)
                    .filter(|o| o.2.used & winners == 0)
                    .count();
                let w = names(winners);
                let o = names(own);
                format!(
                    "this essay mixes the standards ({theirs} {w}, {ours} {o} spelling{}): \
                     choose one, for example {w}",
                    if ours == 1 { "" } else { "s" }
                )
            } else {
                format!("this essay otherwise follows {} spelling", names(winners))
            };
            let mut msg = format!("`{tok}` is {} spelling; {how}", names(own));
            if let Some(alt) = alt {
                msg.push_str(&format!(": `{}`", spell::match_case(tok, alt)));
            }
            let span = doc.tokens[i].span;
            let mut d = cx.diag(span, msg);
            let sure = a.forced || (!near && deciding.len() >= 3 && margin >= 3.0);
            if !sure {
                d = d.severity(Severity::Advice);
            }
            if let Some(alt) = alt {
                let repl = spell::match_case(tok, alt);
                d = d.suggest(repl.clone());
                if a.forced {
                    d = d.fix(span, repl);
                }
            }
            for f in deciding {
                d = d.related(
                    doc.tokens[f.0].span,
                    format!("{} spelling", names(f.2.preferred & winners)),
                );
            }
            out.push(d);
        }
    }
}

impl DialectMix {
    /// Mixing within one family (colour and harbor, centre and center, organise and realize)
    /// is a warning whatever the overall counts: the family's own majority decides, a tie the
    /// spelling written first. Reported occurrences go into `reported`.
    fn families(
        &self,
        cx: &Context<'_>,
        a: &crate::analysis::dialect::Analysis<'_>,
        reported: &mut Vec<usize>,
        out: &mut Vec<Diagnostic>,
    ) {
        let doc = cx.doc;
        let mut uses: Vec<FamilyUse<'_>> = Vec::new();
        for (k, &(_, key, info)) in a.occurrences.iter().enumerate() {
            if !info.is_evidence() || cx.config.accepts(key) {
                continue;
            }
            let Some(alt) = info
                .alternatives
                .iter()
                .find(|x| x.2 != 0 && x.2 & info.preferred == 0)
            else {
                continue;
            };
            let Some(label) = family(key, alt.0) else {
                continue;
            };
            let p = key
                .bytes()
                .zip(alt.0.bytes())
                .take_while(|(x, y)| x == y)
                .count();
            let s = key[p..]
                .bytes()
                .rev()
                .zip(alt.0[p..].bytes().rev())
                .take_while(|(x, y)| x == y)
                .count();
            uses.push(FamilyUse {
                label,
                side: &key[p..key.len() - s],
                occ: k,
            });
        }
        let mut labels: Vec<&str> = uses.iter().map(|u| u.label).collect();
        labels.sort_unstable();
        labels.dedup();
        for label in labels {
            let fam: Vec<&FamilyUse<'_>> = uses.iter().filter(|u| u.label == label).collect();
            let mut sides: Vec<(&str, usize, usize)> = Vec::new(); // side, count, first occ
            for u in &fam {
                match sides.iter_mut().find(|s| s.0 == u.side) {
                    Some(s) => s.1 += 1,
                    None => sides.push((u.side, 1, u.occ)),
                }
            }
            if sides.len() < 2 {
                continue;
            }
            // The majority side; a tie goes to the side the overall standard prefers, then to
            // the first written.
            let prefers =
                |s: &(&str, usize, usize)| a.occurrences[s.2].2.preferred & a.winners != 0;
            sides.sort_by(|x, y| {
                y.1.cmp(&x.1)
                    .then(prefers(y).cmp(&prefers(x)))
                    .then(x.2.cmp(&y.2))
            });
            let major = sides[0];
            let major_info = a.occurrences[major.2].2;
            let examples: Vec<&str> = {
                let mut v: Vec<&str> = Vec::new();
                for u in fam.iter().filter(|u| u.side == major.0) {
                    let w = a.occurrences[u.occ].1;
                    if !v.contains(&w) && v.len() < 3 {
                        v.push(w);
                    }
                }
                v
            };
            let minority: usize = sides[1..].iter().map(|s| s.1).sum();
            for u in fam.iter().filter(|u| u.side != major.0) {
                let (i, key, info) = a.occurrences[u.occ];
                let own = if info.preferred != 0 {
                    info.preferred
                } else {
                    info.acceptable
                };
                let theirs = major_info.preferred & !info.acceptable;
                let theirs = if theirs != 0 {
                    theirs
                } else {
                    major_info.preferred
                };
                let tok = doc.tok(i);
                let alt = info.preferred_in(theirs).or_else(|| {
                    info.alternatives
                        .iter()
                        .find(|x| family(key, x.0) == Some(label))
                        .map(|x| x.0)
                });
                let (ours_side, theirs_side) =
                    (side_name(label, u.side), side_name(label, major.0));
                let mut msg = format!(
                    "`{tok}` is the {} {ours_side} spelling, but this essay writes the other \
                     {label} words with {theirs_side} ({}): {} {theirs_side}, {minority} \
                     {ours_side}",
                    short_name(own),
                    examples.join(", "),
                    major.1,
                );
                if let Some(alt) = alt {
                    msg.push_str(&format!("; write `{}`", spell::match_case(tok, alt)));
                }
                let mut d = cx.diag(doc.tokens[i].span, msg);
                // A tie inside the family (one "centre", one "center") is mixing, but which
                // side is the slip only the overall standard suggests: advice.
                if major.1 <= minority {
                    d = d.severity(Severity::Advice);
                }
                if let Some(alt) = alt {
                    d = d.suggest(spell::match_case(tok, alt));
                }
                let first_major = a.occurrences[major.2].0;
                d = d.related(
                    doc.tokens[first_major].span,
                    format!("{} spelling", names(theirs)),
                );
                reported.push(i);
                out.push(d);
            }
        }
    }
}
