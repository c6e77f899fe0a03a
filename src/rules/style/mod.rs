//! Rules of the `style` category, and the majority report the house-style rules share.
//!
//! The house-style rules (`dash-style`, `quote-style`, `percent-style`, `number-style`,
//! `serial-comma`, `abbreviation-definition`) live here rather than in
//! a category of their own: each is a choice between correct forms that the essay makes by its
//! own majority, which is what `style` means in this linter (a matter of consistency, never of
//! error), and a teacher who wants none of them turns them off by name.

use crate::diagnostic::{Diagnostic, Severity};
use crate::doc::Span;
use crate::rule::{Context, Rule};

pub mod abbreviation_definition;
pub mod compound_variant;
pub mod dash_style;
pub mod number_style;
pub mod passive_voice;
pub mod percent_style;
pub mod quote_style;
pub mod redundancy;
pub mod serial_comma;
pub mod unclosed_markup;

pub const RULES: &[&dyn Rule] = &[
    &passive_voice::PassiveVoice,
    &redundancy::Redundancy,
    &dash_style::DashStyle,
    &quote_style::QuoteStyle,
    &percent_style::PercentStyle,
    &number_style::NumberStyle,
    &serial_comma::SerialComma,
    &compound_variant::CompoundVariant,
    &abbreviation_definition::AbbreviationDefinition,
    &unclosed_markup::UnclosedMarkup,
];

/// One form of a house-style choice ("spaced em dash") and where the essay uses it.
pub struct Form {
    /// One use ("spaced em dash").
    pub label: &'static str,
    /// Several uses ("spaced em dashes").
    pub plural: &'static str,
    /// Shown in the message, e.g. "—" or "per cent".
    pub sample: &'static str,
    pub spans: Vec<Span>,
}

impl Form {
    /// A new form with no uses yet.
    pub const fn new(label: &'static str, plural: &'static str, sample: &'static str) -> Form {
        Form {
            label,
            plural,
            sample,
            spans: Vec::new(),
        }
    }

    /// The label for `n` uses.
    fn counted(&self, n: usize) -> &'static str {
        if n == 1 {
            let l = self.label;
            l.strip_prefix("a ")
                .or_else(|| l.strip_prefix("an "))
                .unwrap_or(l)
        } else {
            self.plural
        }
    }
}

/// The majority form of a choice: the most used, a tie going to the one written first.
fn majority(forms: &[Form]) -> Option<usize> {
    let used: Vec<usize> = (0..forms.len())
        .filter(|&i| !forms[i].spans.is_empty())
        .collect();
    if used.len() < 2 {
        return None;
    }
    used.into_iter().min_by(|&a, &b| {
        forms[b]
            .spans
            .len()
            .cmp(&forms[a].spans.len())
            .then(forms[a].spans[0].start.cmp(&forms[b].spans[0].start))
    })
}

/// Reports every minority form of one choice: one diagnostic at its first use naming the
/// counts ("2 spaced, 9 unspaced em dashes"), with the first majority use and further minority
/// uses as related spans. A warning only when the essay has clearly chosen: the majority is
/// used at least `clear` times and three times as often as the form reported; advice otherwise.
pub fn report_minority(
    cx: &Context<'_>,
    what: &str,
    forms: &[Form],
    clear: usize,
    suggest: bool,
    out: &mut Vec<Diagnostic>,
) {
    let Some(m) = majority(forms) else {
        return;
    };
    let major = &forms[m];
    let counts: Vec<String> = forms
        .iter()
        .filter(|f| !f.spans.is_empty())
        .map(|f| format!("{} {}", f.spans.len(), f.counted(f.spans.len())))
        .collect();
    for (i, f) in forms.iter().enumerate() {
        if i == m || f.spans.is_empty() {
            continue;
        }
        let n = f.spans.len();
        // The sample is shown unless the label already spells it ("per cent").
        let sample = if major.plural.contains(major.sample.trim()) {
            String::new()
        } else {
            format!(" (`{}`)", major.sample)
        };
        let msg = if major.spans.len() == n {
            format!(
                "{what}: {} here, but {} elsewhere{sample}: {}; use one form throughout",
                f.label,
                major.label,
                counts.join(", ")
            )
        } else {
            format!(
                "{what}: {} here, but this essay mostly writes {}{sample}: {}; use one form \
                 throughout",
                f.label,
                major.plural,
                counts.join(", ")
            )
        };
        let sure = major.spans.len() >= clear && major.spans.len() >= 3 * n;
        let mut d = cx.diag(f.spans[0], msg);
        if !sure {
            d = d.severity(Severity::Advice);
        }
        if suggest {
            d = d.suggest(major.sample);
        }
        d = d.related(major.spans[0], format!("{} here", major.label));
        for s in f.spans.iter().skip(1).take(3) {
            d = d.related(*s, format!("{} again", f.label));
        }
        out.push(d);
    }
}
