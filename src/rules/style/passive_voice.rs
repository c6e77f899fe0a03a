crate::rule::declare_rule! {
    /// # passive-voice
    ///
    /// **What it does.** Finds sentences in the passive voice — a form of "be" followed by a past
    /// participle, regular or irregular ("was decided", "were taken", "has been shown"), with or
    /// without a by-agent — and marks what an editor would mark: a *paragraph* that leans on the
    /// passive. A paragraph is reported, once, when at least 3 of its sentences (`min-passives`)
    /// and at least half of them (`paragraph-share`) are passive; the note sits on the first
    /// passive verb group and points at the others as related spans. Nothing is reported unless
    /// more than 40% of the whole essay's sentences are passive (`max-ratio`).
    ///
    /// **Why it matters.** The passive hides who acted ("mistakes were made"), and a run of passive
    /// sentences reads as evasive and slow. Used now and then it is fine — which is why single
    /// passives pass silently, and why the essay's passive ratio (and the count of passive
    /// sentences) is shown in the statistics of every report, human and JSON.
    ///
    /// **Example.**
    ///
    /// ```text
    /// The letters were hidden. The decision was taken in secret. Stalin rose. The rest was done by the party.
    ///             ^^^^^^^^^^^ passive-heavy paragraph: 3 of its 4 sentences are in the passive
    ///                          (`were hidden`, `was taken`, `was done`); consider saying who acted
    /// ```
    ///
    /// States described with a participle ("is interested", "was located", "were tired") are not
    /// counted unless a by-agent follows. Block quotations are not reported (the passives are the
    /// quoted author's), and neither is a methods section — paragraphs under a heading such as
    /// "Materials and Methods", "Procedure" or "Methodology", where the passive is the convention
    /// of lab reports — though their sentences still count towards the essay's ratio.
    ///
    /// **Options.**
    ///
    /// - `max-ratio` (number, default 0.4): report only when more than this share of the essay's
    ///   sentences are passive (0 considers every essay).
    /// - `paragraph-share` (number, default 0.5): the share of a paragraph's sentences that must be
    ///   passive for it to be reported.
    /// - `min-passives` (integer, default 3): the fewest passive sentences a reported paragraph has.
    /// - `per-sentence` (true or false, default false): instead, report every passive sentence on
    ///   its own (in essays over `max-ratio`), as a style checker for a single draft might.
    /// - `skip-methods` (true or false, default true): stay silent in methods sections.
    ///
    /// **Fix safety.** No automatic fix: the rule only reports; the remedy (rewording, a citation, an
    /// entry in the works cited) is the writer's to choose.
    pub struct PassiveVoice {
        name: "passive-voice",
        category: Style,
        severity: Advice,
        summary: "paragraphs that lean on the passive voice",
        fix: None,
        options: PassiveVoiceOptions {
            /// report only when more than this share of the essay's sentences is passive
            max_ratio: f64 = 0.4,
            /// share of a paragraph's sentences that must be passive to report it
            paragraph_share: f64 = 0.5,
            /// fewest passive sentences in a reported paragraph
            min_passives: i64 = 3,
            /// report every passive sentence instead of passive-heavy paragraphs
            per_sentence: bool = false,
            /// stay silent in methods sections, where the passive is the convention
            skip_methods: bool = true,
        },
    }
}
use crate::analysis::passive::Passive;
use crate::diagnostic::Diagnostic;
use crate::doc::ParagraphKind;
use crate::rule::{Context, Rule};

/// A heading that opens a methods section, where the passive is the convention.
fn is_methods_heading(title: &str) -> bool {
    title.split(|c: char| !c.is_alphabetic()).any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "method"
                | "methods"
                | "methodology"
                | "materials"
                | "procedure"
                | "procedures"
                | "protocol"
                | "protocols"
        )
    })
}

impl Rule for PassiveVoice {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let o = Self::options(cx);
        let doc = cx.doc;
        let max = o.max_ratio;
        let share = o.paragraph_share;
        let min = o.min_passives.max(1) as usize;
        let per_sentence = o.per_sentence;
        let skip_methods = o.skip_methods;
        // Per paragraph: its prose sentences and their passive verb groups.
        let mut paras: Vec<(usize, Vec<Passive>)> = Vec::new();
        let (mut prose, mut passives) = (0usize, 0usize);
        let mut in_methods = false;
        for para in &doc.paragraphs {
            match para.kind {
                ParagraphKind::Heading => {
                    in_methods = is_methods_heading(doc.slice(para.span));
                    continue;
                }
                ParagraphKind::Reference => continue,
                _ => {}
            }
            let mut found = Vec::new();
            let mut n = 0;
            for si in para.sentences.clone() {
                if !doc.is_prose(&doc.sentences[si]) {
                    continue;
                }
                n += 1;
                if let Some(p) = cx.passives()[si] {
                    found.push(p);
                }
            }
            prose += n;
            passives += found.len();
            // Quoted passives are the quoted author's; a methods section is passive by design.
            if para.kind != ParagraphKind::BlockQuote && !(skip_methods && in_methods) {
                paras.push((n, found));
            }
        }
        let ratio = if prose == 0 {
            return;
        } else {
            passives as f64 / prose as f64
        };
        if ratio <= max {
            return;
        }
        let pct = (ratio * 100.0).round();
        for (n, found) in paras {
            if per_sentence {
                for p in found {
                    out.push(cx.diag(
                        p.span,
                        format!(
                            "passive voice (`{}`): consider saying who acted",
                            doc.slice(p.span)
                        ),
                    ));
                }
                continue;
            }
            if found.len() < min || (found.len() as f64) < share * n as f64 {
                continue;
            }
            let shown: Vec<String> = found
                .iter()
                .take(3)
                .map(|p| format!("`{}`", doc.slice(p.span)))
                .collect();
            let more = if found.len() > 3 { ", …" } else { "" };
            let msg = format!(
                "passive-heavy paragraph: {} of its {} sentences are in the passive ({}{more}; \
                 {pct}% in the whole text); consider saying who acted in some of them",
                found.len(),
                n,
                shown.join(", ")
            );
            let mut d = cx.diag(found[0].span, msg);
            for p in &found[1..] {
                d = d.related(p.span, "passive");
            }
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passive(t: &str) -> Option<String> {
        let d = crate::analysis::from_text(t);
        crate::analysis::passive::first_passive(&d, &d.sentences[0])
            .map(|p| d.slice(p.span).to_string())
    }

    #[test]
    fn one_note_per_passive_paragraph_with_related_spans() {
        let d = crate::analysis::from_text(
            "The letters were hidden. The matter was decided by the committee. Stalin rose. \
             The opposition was crushed.\n\nStalin rose. Trotsky fled. The party grew.",
        );
        let config = crate::config::Config::default();
        let cx = Context::new(&d, &config, crate::rule::Declared::meta(&PassiveVoice));
        let mut out = Vec::new();
        PassiveVoice.check(&cx, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(d.slice(out[0].span), "were hidden");
        let rel: Vec<_> = out[0].related.iter().map(|r| d.slice(r.span)).collect();
        assert_eq!(rel, ["was decided", "was crushed"]);
        assert!(
            out[0].message.contains("3 of its 4 sentences"),
            "{}",
            out[0].message
        );
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
