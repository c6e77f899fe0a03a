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
    /// nor are capitalised words in mid-sentence (names: "World Health Organization"). With no
    /// clear majority (a tie) nothing is reported here; two spellings of one word are then left to
    /// `inconsistent-spelling`.
    ///
    /// Severity: nothing is reported on a thin majority (a lead of less than two words), advice on
    /// a lead of two, a warning when the majority is clear (a lead of three and at least three
    /// deciding words). With `dialect = "en-US"` (or en-GB, en-GB-oxford, en-CA, en-AU) in the
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

impl Rule for DialectMix {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let a = cx.dialect();
        if a.winners == 0 {
            return;
        }
        let max = a.scores.iter().copied().fold(0.0, f32::max);
        // First occurrence of each deciding word, in text order.
        let mut first: Vec<(usize, &str, &Info)> = Vec::new();
        for &(i, key, info) in &a.occurrences {
            if info.is_evidence()
                && info.preferred & a.winners != 0
                && !first.iter().any(|f| f.1 == key)
            {
                first.push((i, key, info));
            }
        }
        for &(i, key, info) in &a.occurrences {
            if !a.flags(info) || cx.config.accepts(key) {
                continue;
            }
            // A thin majority is no standard: "favour" twice against four American words is
            // as likely the slip as the four.
            let margin = max - a.support(info);
            if !a.forced && margin < 2.0 {
                continue;
            }
            let tok = doc.tok(i);
            let winner_bit = variants::DIALECTS
                .iter()
                .map(|d| d.0)
                .find(|&b| b & a.winners != 0 && info.preferred_in(b).is_some());
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
                format!("the configured dialect is {}", names(a.winners))
            } else {
                format!("this essay otherwise follows {} spelling", names(a.winners))
            };
            let mut msg = format!("`{tok}` is {} spelling; {how}", names(own));
            if let Some(alt) = alt {
                msg.push_str(&format!(": `{}`", spell::match_case(tok, alt)));
            }
            let span = doc.tokens[i].span;
            let mut d = cx.diag(span, msg);
            let sure = a.forced || (deciding.len() >= 3 && margin >= 3.0);
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
                    format!("{} spelling", names(f.2.preferred & a.winners)),
                );
            }
            out.push(d);
        }
    }
}
