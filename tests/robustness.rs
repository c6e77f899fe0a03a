//! No input makes essaylint panic: random mixtures of tricky characters, huge tokens, odd
//! scripts, every rule on, every renderer.

use essaylint::config::{Config, Level};
use essaylint::output::{self, FileReport};
use essaylint::{catalog as rules, Severity, Source};

mod common;
use common::Rng;

const PIECES: &[&str] = &[
    "the",
    "The",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    ".",
    ",",
    "?",
    "!",
    "…",
    "...",
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "-",
    "—",
    "–",
    ":",
    ";",
    "Stalin’s",
    "it's",
    "its",
    "their",
    "there",
    "a",
    "an",
    "hour",
    "e.g.",
    "Dr.",
    "U.S.",
    "p.",
    "12th",
    "1920’s",
    "3.5",
    "1,000",
    "%",
    "(Smith 45)",
    "(Cohen, 1973, p. 3)",
    "[3]",
    "\\cite{key}",
    "[@key]",
    "Gödel",
    "cafe\u{301}",
    "東京",
    "Москва",
    "مرحبا",
    "🙂",
    "👩‍👩‍👧",
    "\u{feff}",
    "\t",
    "\r\n",
    "Works Cited",
    "References",
    "    ",
    "#",
    "*",
    "_",
    "`",
    "<!--",
    "-->",
    "http://x.y/z",
    "a@b.c",
    "colour",
    "color",
    "realise",
    "realize",
    "quazi",
    "recieve",
    "Kamanev",
    "Kamaney",
    "was",
    "by",
    "written",
    "is",
    "to",
    "too",
    "than",
    "then",
    "\u{200d}",
    "\u{0}",
    "\u{7f}",
    "ǅ",
    "ﬁ",
    "İ",
    "ß",
];

fn lint_everything(text: &str) {
    let mut config = Config::default();
    for r in rules::all() {
        config.set_level(r.meta().name, Level::On(Severity::Advice));
    }
    let report = essaylint::check(Source::plain(text), &config);
    for d in &report.diagnostics {
        assert!(
            d.span.start <= d.span.end && d.span.end <= text.len(),
            "{d:?}"
        );
        assert!(
            text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end),
            "{d:?}"
        );
        for r in &d.related {
            assert!(
                r.span.start <= r.span.end
                    && r.span.end <= text.len()
                    && text.is_char_boundary(r.span.start)
                    && text.is_char_boundary(r.span.end),
                "{d:?}"
            );
        }
        for e in d.edits() {
            assert!(
                e.span.start <= e.span.end
                    && e.span.end <= text.len()
                    && text.is_char_boundary(e.span.start)
                    && text.is_char_boundary(e.span.end),
                "fix edit out of bounds or off a character boundary: {d:?}"
            );
        }
        // A fix is never safer than its rule declares.
        let declared = rules::find(d.rule).and_then(|r| r.meta().fix);
        if let Some(f) = &d.fix {
            assert!(
                declared.is_some_and(|a| f.applicability <= a),
                "{} fixes ({}) beyond its declaration ({declared:?})",
                d.rule,
                f.applicability
            );
        }
    }
    let files = [FileReport {
        path: "fuzz.txt",
        report: &report,
    }];
    let _ = output::json::render(&files);
    let _ = output::human::render(&files, output::human::Options::default());
}

#[test]
fn random_texts_do_not_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..300 {
        let n = (rng.next() % 200) as usize;
        let text: String = (0..n).map(|_| rng.pick(PIECES)).collect();
        lint_everything(&text);
    }
}

#[test]
fn huge_tokens_and_scripts() {
    lint_everything(&"a".repeat(10_000));
    lint_everything(&format!(
        "The {} word is long. {}",
        "x".repeat(10_000),
        "é".repeat(5_000)
    ));
    lint_everything(&"\u{301}".repeat(3_000));
    lint_everything(&"(".repeat(5_000));
    lint_everything(&"“".repeat(5_000));
    lint_everything(&". ".repeat(5_000));
    lint_everything("Это русский текст. これは日本語です。 هذا نص عربي.");
    lint_everything(&"🙂".repeat(2_000));
    lint_everything("\u{feff}");
    lint_everything("x");
}
