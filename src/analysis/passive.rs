//! Passive verb groups ("was decided", "is not often seen"): the first of each sentence. Read
//! by `passive-voice` and by the report's statistics, through `Analyses::passives`.

use crate::doc::{Document, Sentence, Span, TokenKind};
use crate::lexicon::{self, pos};
use std::collections::HashSet;
use std::sync::OnceLock;

/// Participles used as adjectives ("is interested"): states, not passives of action.
fn adjectival(w: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        lexicon::lines(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/rules/style/adjectival_participles.txt"
        )))
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
