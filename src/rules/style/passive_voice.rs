//! # passive-voice
//!
//! **What it does.** Points out sentences in the passive voice — a form of "be" followed by a
//! past participle, regular or irregular ("was decided", "were taken", "has been shown"), with or
//! without a by-agent — when the essay leans on the passive: by default only when more than
//! 40% of its sentences are passive. One note per sentence, on the verb group.
//!
//! **Why it matters.** The passive hides who acted ("mistakes were made"), and a run of passive
//! sentences reads as evasive and slow. Used now and then it is fine — which is why a few pass
//! silently and the essay's passive ratio is shown in the statistics.
//!
//! **Example.**
//!
//! ```text
//! Letters to Congress were subsequently decided to be excluded from meetings.
//!                     ^^^^^^^^^^^^^^^^^^^^^^^^^ passive voice: who decided?
//! ```
//!
//! States described with a participle ("is interested", "was located", "were tired") are not
//! counted unless a by-agent follows.
//!
//! **Options.**
//!
//! - `max-ratio` (number, default 0.4): report passive sentences only when more than this share
//!   of the essay's sentences are passive (0 reports every one).

use crate::diagnostic::Diagnostic;
use crate::doc::{Document, Sentence, Span, TokenKind};
use crate::lexicon::{self, pos};
use crate::rule::{Context, OptionKind, Rule, RuleMeta, RuleOption};
use crate::{rule_source, Category, Severity};
use std::collections::HashSet;
use std::sync::OnceLock;

pub struct PassiveVoice;

static META: RuleMeta = RuleMeta {
    name: "passive-voice",
    category: Category::Style,
    severity: Severity::Advice,
    summary: "passive-voice sentences, when the essay leans on them",
    source: rule_source!(),
    options: &[RuleOption {
        name: "max-ratio",
        kind: OptionKind::Float,
        default: "0.4",
        help: "report only when more than this share of sentences is passive",
    }],
    default_off: false,
};

fn adjectival(w: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        lexicon::lines(include_str!(
            "../../../rules/style/adjectival_participles.txt"
        ))
        .flat_map(str::split_whitespace)
        .collect()
    })
    .contains(w)
}

/// A passive verb group found in a sentence.
#[derive(Clone, Copy, Debug)]
pub struct Passive {
    /// From the form of "be" to the participle.
    pub span: Span,
    /// The participle's token index.
    pub participle: usize,
    /// A by-agent follows ("by the committee").
    pub agent: bool,
}

/// The first passive verb group of a sentence, if any.
pub fn first_passive(doc: &Document, s: &Sentence) -> Option<Passive> {
    let r = s.tokens.clone();
    let mut i = r.start;
    while i < r.end {
        if doc.tokens[i].kind != TokenKind::Word
            || !matches!(
                doc.lower(i),
                "am" | "is" | "are" | "was" | "were" | "be" | "been" | "being"
            )
        {
            i += 1;
            continue;
        }
        // Skip adverbs between: "was quickly taken", "is not often seen".
        let mut j = i + 1;
        let mut skipped = 0;
        while j < r.end && skipped < 3 && doc.tokens[j].kind == TokenKind::Word {
            let w = doc.lower(j);
            let t = pos::tags(w);
            let adverb = (t & (pos::ADV | pos::NEG | pos::ADV_DEGREE) != 0
                && t & (pos::VERB_PART | pos::MAY_PAST) == 0)
                || (w.ends_with("ly") && w.len() > 4 && t & pos::MAY_PAST == 0);
            if !adverb {
                break;
            }
            j += 1;
            skipped += 1;
        }
        if j >= r.end || doc.tokens[j].kind != TokenKind::Word {
            i += 1;
            continue;
        }
        let w = doc.lower(j);
        let t = pos::tags(w);
        let participle = t & pos::VERB_PART != 0
            || (t & pos::MAY_PAST != 0 && w.ends_with("ed") && t & pos::ADJ == 0);
        if participle && t & pos::BE == 0 && w != "had" {
            let agent = (j + 1..r.end.min(j + 8)).any(|k| doc.lower(k) == "by");
            let state = adjectival(w) || (w.starts_with("un") && w.ends_with("ed"));
            // "is used to", "is supposed to" are not passives of action.
            if (!state || agent)
                && !(matches!(w, "used" | "supposed") && j + 1 < r.end && doc.lower(j + 1) == "to")
            {
                return Some(Passive {
                    span: Span::new(doc.tokens[i].span.start, doc.tokens[j].span.end),
                    participle: j,
                    agent,
                });
            }
        }
        i = j.max(i + 1);
    }
    None
}

impl Rule for PassiveVoice {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let max = cx.opt_float("max-ratio", 0.4);
        let mut found = Vec::new();
        let mut prose = 0usize;
        for s in &doc.sentences {
            if !doc.is_prose(s) {
                continue;
            }
            prose += 1;
            if let Some(p) = first_passive(doc, s) {
                found.push(p);
            }
        }
        if prose == 0 {
            return;
        }
        let ratio = found.len() as f64 / prose as f64;
        if ratio <= max {
            return;
        }
        let pct = (ratio * 100.0).round();
        for p in found {
            let part = doc.tok(p.participle);
            let msg = if p.agent {
                format!("passive voice (`{}`); {pct}% of the sentences are passive — consider making the agent the subject", doc.slice(p.span))
            } else {
                format!("passive voice (`{}`) hides who acted; {pct}% of the sentences are passive — consider saying who {part} it", doc.slice(p.span))
            };
            out.push(cx.diag(p.span, msg));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passive(t: &str) -> Option<String> {
        let d = Document::from_text(t);
        first_passive(&d, &d.sentences[0]).map(|p| d.slice(p.span).to_string())
    }

    #[test]
    fn finds_passives() {
        assert_eq!(
            passive("The letters were hidden.").as_deref(),
            Some("were hidden")
        );
        assert_eq!(
            passive("It was quickly decided by the party.").as_deref(),
            Some("was quickly decided")
        );
        assert_eq!(
            passive("Stalin was appointed in 1922.").as_deref(),
            Some("was appointed")
        );
        assert_eq!(passive("She is interested in history."), None);
        assert_eq!(passive("He was tired."), None);
        assert_eq!(passive("The town is located on a river."), None);
        assert_eq!(passive("Stalin rose to power."), None);
        assert_eq!(passive("They were happy."), None);
    }
}
#[cfg(test)]
mod pv_debug {
    #[test]
    #[ignore]
    fn print_passives() {
        let p = std::env::var("FILE").unwrap_or_default();
        let d = crate::doc::Document::from_text(std::fs::read_to_string(p).unwrap());
        for s in &d.sentences {
            if let Some(p) = super::first_passive(&d, s) {
                println!("{}", d.slice(p.span));
            }
        }
    }
}
