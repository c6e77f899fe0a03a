crate::rule::declare_rule! {
    /// # mixed-format
    ///
    /// **What it does.** Reports citations whose form breaks the essay's own pattern:
    ///
    /// - a citation in another style family than the essay's (MLA "(Smith 45)" in an essay that
    ///   otherwise cites APA "(Smith, 1987, p. 45)"; numeric "[3]" beside author-date), judged
    ///   against the majority of its citations or the configured `citation-style`;
    /// - one source cited two ways: by title alone in one place and by author and title in another
    ///   ("(On Social Relations in Russia 668)" beside "(Engels, “On Social Relations in Russia”
    ///   672)"), or with its title quoted in one place and not in another;
    /// - author-date citations punctuated two ways ("(Smith 2001)" beside "(Jones, 2003)"), as
    ///   advice.
    ///
    /// The minority form is reported, pointing at an example of the majority. When two forms are
    /// used equally often, the one rarer in the essay as a whole is reported.
    ///
    /// **Why it matters.** Consistency is most of what a citation style asks. A reader who learns
    /// the essay's pattern stumbles on the exception, and graders mark every one.
    ///
    /// **Example.**
    ///
    /// ```text
    /// … its dependency on keeping the state alive (On Social Relations in Russia 668).
    ///                                             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ cited by title
    ///                          alone here, by author and title on line 12
    /// ```
    ///
    /// Citations the parser is unsure of, bare pages "(69)", ibid. and LaTeX or pandoc keys do not
    /// count.
    ///
    /// **Options.** None (the essay's style can be set with `citation-style` in the configuration).
    ///
    /// **Fix safety.** No automatic fix: the rule only reports; the remedy (rewording, a citation, an
    /// entry in the works cited) is the writer's to choose.
    pub struct MixedFormat {
        name: "mixed-format",
        category: Citations,
        severity: Warning,
        summary: "citation styles mixed, or one source cited two ways",
        fix: None,
    }
}
use crate::analysis::citations::{title_words, Citation, CiteStyle, Family, SourceForm};
use crate::diagnostic::Diagnostic;
use crate::doc::Document;
use crate::rule::{Context, Rule};
use crate::Severity;
use std::collections::{HashMap, HashSet};

fn line(doc: &Document, c: &Citation) -> usize {
    doc.line_col(c.span.start).0
}

/// How a source is written, for "one source cited two ways".
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Shape {
    form: SourceForm,
    quoted: bool,
}

impl Shape {
    fn describe(self, other: Shape) -> String {
        if self.form == other.form {
            if self.quoted {
                "with its title in quotation marks".into()
            } else {
                "with its title not in quotation marks".into()
            }
        } else {
            self.form.describe().into()
        }
    }
}

impl Rule for MixedFormat {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let mut done: HashSet<usize> = HashSet::new();

        // 1. Style families.
        let counts = cx.citation_family_counts();
        let configured = cx
            .config
            .citation_style
            .as_deref()
            .and_then(Family::from_config);
        if let Some(allowed) = configured {
            let style = cx.config.citation_style.as_deref().unwrap_or("");
            for (i, c) in doc.citations.iter().enumerate() {
                if let Some(f) = c.family() {
                    if !allowed.contains(&f) {
                        done.insert(i);
                        out.push(cx.diag(
                            c.span,
                            format!(
                                "this is a {} citation, but the essay’s citation style is set to {style}",
                                f.name()
                            ),
                        ));
                    }
                }
            }
        } else if counts.len() >= 2 {
            let major = cx
                .citation_family()
                .filter(|m| counts.iter().find(|x| x.0 == *m).map_or(0, |x| x.1) >= 2);
            if let Some(major) = major {
                let mn = counts.iter().find(|x| x.0 == major).map_or(0, |x| x.1);
                let example = doc.citations.iter().find(|c| c.family() == Some(major));
                for (i, c) in doc.citations.iter().enumerate() {
                    let Some(f) = c.family() else { continue };
                    if f == major {
                        continue;
                    }
                    let fcount = counts.iter().find(|x| x.0 == f).map_or(0, |x| x.1);
                    // "Jones (1995) states" in an MLA essay is common enough to be advice.
                    let clear = mn >= 3 && fcount * 3 <= mn && c.style != CiteStyle::Narrative;
                    let mut d = cx
                        .diag(
                            c.span,
                            format!(
                                "a {} citation in an essay that otherwise cites in {} style ({mn} citation{}): use one style",
                                f.name(),
                                major.name(),
                                if mn == 1 { "" } else { "s" }
                            ),
                        )
                        .severity(if clear { Severity::Warning } else { Severity::Advice });
                    if let Some(e) = example {
                        d = d.related(e.span, format!("{} style here", major.name()));
                    }
                    done.insert(i);
                    out.push(d);
                }
            }
        }

        // 2. One source cited two ways.
        let mut groups: HashMap<String, Vec<(usize, Shape)>> = HashMap::new();
        let mut shape_total: HashMap<Shape, usize> = HashMap::new();
        for (i, c) in doc.citations.iter().enumerate() {
            if c.style != CiteStyle::Mla {
                continue;
            }
            for s in &c.sources {
                let form = s.form();
                if !matches!(
                    form,
                    SourceForm::Author | SourceForm::AuthorTitle | SourceForm::Title
                ) {
                    continue;
                }
                let shape = Shape {
                    form,
                    quoted: s.title.is_some() && s.title_quoted,
                };
                *shape_total.entry(shape).or_default() += 1;
                let id = if let Some(r) = s.reference {
                    format!("r{r}")
                } else if let Some(t) = &s.title {
                    let w = title_words(t);
                    if w.is_empty() {
                        continue;
                    }
                    format!("t{}", w.join(" "))
                } else {
                    continue;
                };
                groups.entry(id).or_default().push((i, shape));
            }
        }
        let mut keys: Vec<&String> = groups.keys().collect();
        keys.sort_by_key(|k| groups[*k][0].0);
        for k in keys {
            let g = &groups[k];
            let mut shapes: Vec<(Shape, usize, usize)> = Vec::new(); // shape, count, first use
            for (i, sh) in g {
                match shapes.iter_mut().find(|x| x.0 == *sh) {
                    Some(x) => x.1 += 1,
                    None => shapes.push((*sh, 1, *i)),
                }
            }
            if shapes.len() < 2 {
                continue;
            }
            // The majority: most uses for this source; then the more usual in the essay (naming
            // the author or not, then the exact shape); then the first used.
            let authored = |sh: &Shape| sh.form != SourceForm::Title;
            let by_author = |sh: &Shape| -> usize {
                shape_total
                    .iter()
                    .filter(|(k, _)| authored(k) == authored(sh))
                    .map(|(_, n)| *n)
                    .sum()
            };
            shapes.sort_by(|a, b| {
                b.1.cmp(&a.1)
                    .then(by_author(&b.0).cmp(&by_author(&a.0)))
                    .then(shape_total[&b.0].cmp(&shape_total[&a.0]))
                    .then(a.2.cmp(&b.2))
            });
            let (major, _, first) = shapes[0];
            let example = &doc.citations[first];
            for (i, sh) in g {
                if *sh == major || !done.insert(*i) {
                    continue;
                }
                let c = &doc.citations[*i];
                out.push(
                    cx.diag(
                        c.span,
                        format!(
                            "this source is cited {} here but {} on line {}: cite one source one way",
                            sh.describe(major),
                            major.describe(*sh),
                            line(doc, example)
                        ),
                    )
                    .related(example.span, "cited this way here"),
                );
            }
        }

        // 3. Author-date punctuation: (Smith 2001) beside (Jones, 2003).
        let mut sigs: Vec<((char, char), usize, usize)> = Vec::new();
        let sig_of = |c: &Citation| -> Option<(char, char)> {
            if !c.certain || !matches!(c.style, CiteStyle::Apa | CiteStyle::ChicagoAuthorDate) {
                return None;
            }
            let bracket = doc.text[c.span.start..].chars().next()?;
            let sep = c.sources.first()?.year_sep?;
            Some((bracket, sep))
        };
        for (i, c) in doc.citations.iter().enumerate() {
            if let Some(sig) = sig_of(c) {
                match sigs.iter_mut().find(|x| x.0 == sig) {
                    Some(x) => x.1 += 1,
                    None => sigs.push((sig, 1, i)),
                }
            }
        }
        if sigs.len() >= 2 {
            sigs.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
            let (major, mn, first) = sigs[0];
            let minor_total: usize = sigs[1..].iter().map(|x| x.1).sum();
            if mn >= 3 && minor_total * 3 <= mn {
                let example = &doc.citations[first];
                for (i, c) in doc.citations.iter().enumerate() {
                    let Some(sig) = sig_of(c) else { continue };
                    if sig == major || !done.insert(i) {
                        continue;
                    }
                    let what = if sig.0 != major.0 {
                        format!("in {} brackets", bracket_name(sig.0))
                    } else {
                        sep_name(sig.1).to_string()
                    };
                    let usual = if sig.0 != major.0 {
                        format!("in {} brackets", bracket_name(major.0))
                    } else {
                        sep_name(major.1).to_string()
                    };
                    out.push(
                        cx.diag(
                            c.span,
                            format!(
                                "this citation is written {what}, but the essay’s other {mn} are written {usual}"
                            ),
                        )
                        .severity(Severity::Advice)
                        .related(example.span, "the usual form"),
                    );
                }
            }
        }
    }
}

fn bracket_name(c: char) -> &'static str {
    if c == '[' {
        "square"
    } else {
        "round"
    }
}

fn sep_name(c: char) -> &'static str {
    match c {
        ',' => "with a comma before the year",
        ':' => "with a colon before the year",
        _ => "with no comma before the year",
    }
}
