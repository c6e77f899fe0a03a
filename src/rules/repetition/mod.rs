//! Rules of the `repetition` category.

use crate::rule::Rule;

pub mod doubled_word;
pub mod echo;
pub mod overused_phrase;
pub mod repeated_opener;

pub const RULES: &[&dyn Rule] = &[
    &doubled_word::DoubledWord,
    &echo::Echo,
    &overused_phrase::OverusedPhrase,
    &repeated_opener::RepeatedOpener,
];

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::diagnostic::{Diagnostic, Severity};
    use crate::doc::Document;
    use crate::engine;

    fn lint(text: &str) -> (Document, Vec<Diagnostic>) {
        let doc = crate::analysis::from_text(text);
        let diags = engine::lint(&doc, &Config::default())
            .into_iter()
            .filter(|d| d.category == crate::Category::Repetition)
            .collect();
        (doc, diags)
    }

    /// The sample essay's repetitions (seeds/EXPECTED.md): "wished for the wish", "ultimately"
    /// twice in one sentence, and "Stalin’s rise" seven times.
    #[test]
    fn sample_essay() {
        let (doc, diags) = lint(crate::lexicon::data_file!("seeds/stalinism.txt"));
        let find = |rule: &str, text: &str| {
            diags
                .iter()
                .find(|d| d.rule == rule && doc.slice(d.span) == text)
                .unwrap_or_else(|| panic!("no {rule} on {text:?}"))
        };
        let wish = find("echo", "wish");
        assert_eq!(doc.slice(wish.related[0].span), "wished");
        assert_eq!(wish.severity, Severity::Warning);
        let ult = find("echo", "ultimately");
        assert!(doc.text[ult.related[0].span.end..ult.span.start].contains("lose favour"));
        let rise = find("overused-phrase", "Stalin’s rise");
        assert_eq!(rise.related.len(), 6);
        assert_eq!(rise.severity, Severity::Advice);
        // Little else: the essay's names and terms are not echoes.
        assert!(diags.len() <= 6, "{diags:#?}");
    }

    #[test]
    fn odd_input_does_not_panic() {
        let long = "a".repeat(10_000);
        for text in [
            "",
            " ",
            "'s 's ’ ’s s' the the",
            "😀 😀 😀. 😀 😀.",
            "e\u{301}e\u{301} e\u{301}e\u{301} cafe\u{301} cafe\u{301}.",
            "Москва Москва. Москва’s rise. Москва’s rise. Москва’s rise. Москва’s rise. Москва’s rise.",
            "東京 東京。 東京 東京。",
            &long,
            &format!("{long} {long}. {long}’s {long}."),
            "The The The. However, x. However, y. However, z.",
            "\u{feff}Stalin’s\u{2028}rise\u{2029}Stalin’s rise",
        ] {
            let _ = lint(text);
        }
    }

    #[test]
    fn large_text_is_linear() {
        let para = "Stalin’s rise was not preordained, and he ultimately would lose favour, \
                    Stalin ultimately becoming the sole leader. He specifically wished for the \
                    wish that many held. The the policy failed from year to year.\n\n";
        let text = para.repeat(5_000); // about 0.9 MB
        let t = std::time::Instant::now();
        let (_, diags) = lint(&text);
        assert!(!diags.is_empty());
        // Generous bound for debug builds on a shared machine; quadratic behaviour would take
        // minutes.
        assert!(t.elapsed().as_secs() < 60, "{:?}", t.elapsed());
    }
}
