//! One self-contained HTML page (no external files, fonts or scripts): for each file, the essay
//! with every flagged stretch highlighted in its category's colour, the list of diagnostics beside
//! it (click one to jump to the text, click the text to find the note), and the statistics.
//!
//! Short spans are highlighted; spans longer than a line or so (a whole sentence, a paragraph) are
//! underlined instead, so a long-sentence note does not paint the whole page. Markup that is not
//! prose (Markdown code, LaTeX commands) is shown in grey. Everything from the essay is escaped.

use super::{suggestion_text, FileReport, Summary};
use crate::diagnostic::{Category, Diagnostic, Severity};
use crate::doc::{Document, Span};
use std::fmt::Write;

/// Spans longer than this (in bytes) are underlined rather than highlighted.
const WIDE: usize = 90;

pub fn render(files: &[FileReport<'_>]) -> String {
    let mut page = Page::new();
    for f in files {
        page.add(f);
    }
    page.finish()
}

/// What the class summary shows of one essay: kept when the essay's report is dropped.
pub struct Row {
    pub path: String,
    pub summary: Summary,
    pub words: usize,
    pub grade: String,
    pub words_per_sentence: String,
}

impl Row {
    pub fn of(f: &FileReport<'_>) -> Row {
        let st = stat_fields(f);
        let num = |k: &str| {
            st.iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        Row {
            path: f.path.to_string(),
            summary: Summary::of(f.report.diagnostics.iter(), 1),
            words: f.report.stats.words,
            grade: num("flesch_kincaid_grade"),
            words_per_sentence: num("words_per_sentence"),
        }
    }
}

/// A page built one essay at a time: each essay's section is rendered when it is added (and its
/// report can then be dropped); the header, filters and class summary, which need every essay,
/// are written by [`Page::finish`].
#[derive(Default)]
pub struct Page {
    /// A link back to the class summary (a page of `--output-dir`).
    back: Option<String>,
    sections: String,
    rows: Vec<Row>,
    rules: std::collections::BTreeSet<&'static str>,
    summary: Summary,
}

impl Page {
    pub fn new() -> Page {
        Page::default()
    }

    pub fn add(&mut self, f: &FileReport<'_>) {
        let fi = self.rows.len();
        file(&mut self.sections, fi, f);
        self.rules
            .extend(f.report.diagnostics.iter().map(|d| d.rule));
        let row = Row::of(f);
        self.summary.add(&row.summary);
        self.rows.push(row);
    }

    pub fn finish(self) -> String {
        let n = self.rows.len();
        let mut out = String::with_capacity(self.sections.len() + 64 * 1024);
        let title = if n == 1 {
            format!("essaylint: {}", self.rows[0].path)
        } else {
            format!("essaylint: {n} files")
        };
        head(&mut out, &title);
        if let Some(back) = &self.back {
            let _ = writeln!(
                out,
                "<nav class=\"back\"><a href=\"{}\">← class summary</a></nav>",
                esc(back)
            );
        }
        let _ = writeln!(
            out,
            "<header class=\"top\"><h1>essaylint report</h1><p class=\"sum\">{} file{} checked · {}</p>{}</header>",
            n,
            if n == 1 { "" } else { "s" },
            esc(&self.summary.line()),
            filters(self.rules.iter().copied(), &self.summary)
        );
        if n > 1 {
            class_summary(&mut out, &self.rows, |i| format!("#f{i}"));
        }
        out.push_str(&self.sections);
        foot(&mut out);
        out
    }
}

/// One essay's page of its own (`--output-dir`), linking back to the class summary `back`.
pub fn essay_page(f: &FileReport<'_>, back: &str) -> String {
    let mut page = Page {
        back: Some(back.to_string()),
        ..Page::default()
    };
    page.add(f);
    page.finish()
}

/// The class summary page of `--output-dir`: every essay's row, linking to its page (`links`,
/// in the same order), and the counts over the class.
pub fn index_page(rows: &[Row], links: &[String], summary: &Summary) -> String {
    let n = rows.len();
    let mut out = String::new();
    head(&mut out, &format!("essaylint: {n} essay{}", plural(n)));
    let _ = writeln!(
        out,
        "<header class=\"top\"><h1>essaylint class report</h1><p class=\"sum\">{n} essay{} checked · {}</p></header>",
        plural(n),
        esc(&summary.line())
    );
    class_summary(&mut out, rows, |i| {
        links.get(i).cloned().unwrap_or_default()
    });
    foot(&mut out);
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn head(out: &mut String, title: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"essaylint {}\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        esc(title),
        CSS
    );
}

fn foot(out: &mut String) {
    out.push_str("<footer>Made by essaylint ");
    out.push_str(env!("CARGO_PKG_VERSION"));
    out.push_str(". Colours mark the kind of problem; an underline marks a long stretch (a sentence or more). Hover over a marked passage to read the note, or click it to find the note in the list.</footer>\n");
    out.push_str("<script>");
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body>\n</html>\n");
}

fn counts(s: &Summary) -> String {
    if s.diagnostics == 0 {
        return "no problems".into();
    }
    let mut parts = Vec::new();
    if s.errors > 0 {
        parts.push(format!(
            "{} error{}",
            s.errors,
            if s.errors == 1 { "" } else { "s" }
        ));
    }
    if s.warnings > 0 {
        parts.push(format!(
            "{} warning{}",
            s.warnings,
            if s.warnings == 1 { "" } else { "s" }
        ));
    }
    if s.advice > 0 {
        parts.push(format!("{} advice", s.advice));
    }
    parts.join(", ")
}

/// The filter bar: a checkbox for each category and severity (with its count) and a rule
/// chooser. They really filter: unticking hides the notes and dims their marks in the text, and
/// the counts of what is shown update. The state is kept in the address (`#hide=advice,style`)
/// so a filtered view can be bookmarked or sent.
fn filters<'a>(rules: impl Iterator<Item = &'a str>, s: &Summary) -> String {
    let mut out = String::from(
        "<form class=\"filters\" aria-label=\"Filters\"><fieldset><legend>Kinds</legend>",
    );
    for c in Category::ALL {
        let n = s.by_category.get(c.as_str()).copied().unwrap_or(0);
        let _ = write!(
            out,
            "<label class=\"c-{c}\"><input type=\"checkbox\" data-f=\"c-{c}\" checked><span class=\"swatch\"></span>{c} <b data-count=\"c-{c}\">{n}</b></label>"
        );
    }
    out.push_str("</fieldset><fieldset><legend>Severity</legend>");
    for (sev, n) in [
        (Severity::Error, s.errors),
        (Severity::Warning, s.warnings),
        (Severity::Advice, s.advice),
    ] {
        let _ = write!(
            out,
            "<label><input type=\"checkbox\" data-f=\"s-{sev}\" checked>{sev} <b data-count=\"s-{sev}\">{n}</b></label>"
        );
    }
    let mut rules: Vec<&str> = rules.collect();
    rules.sort_unstable();
    rules.dedup();
    out.push_str("</fieldset><fieldset><legend>Rule</legend><select data-rule><option value=\"\">every rule</option>");
    for r in rules {
        let _ = write!(out, "<option value=\"r-{0}\">{0}</option>", esc(r));
    }
    let _ = write!(
        out,
        "</select></fieldset><p class=\"shown\"><b data-shown>{0}</b> of {0} notes shown · keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous note</p></form>",
        s.diagnostics
    );
    out
}

/// One row per essay: words, problems by category, readability, names and citation problems;
/// sortable by any column (click its heading); each essay's name links to its report.
pub fn class_summary(out: &mut String, rows: &[Row], link: impl Fn(usize) -> String) {
    out.push_str("<section class=\"class\"><h2>Class summary</h2><div class=\"scroll\"><table class=\"sortable\"><thead><tr><th>essay</th><th>words</th><th>errors</th><th>warnings</th><th>advice</th>");
    for c in Category::ALL {
        // A soft hyphen lets the longest heading break, so the table fits a laptop screen.
        let label = c.as_str().replacen("isation", "&shy;isation", 1);
        let _ = write!(out, "<th class=\"c-{c}\" title=\"{c}\">{label}</th>");
    }
    out.push_str("<th title=\"Flesch–Kincaid grade level\">grade</th><th>words per sentence</th><th>problems per 1,000 words</th><th>chart</th></tr></thead><tbody>");
    let max = rows
        .iter()
        .map(|r| r.summary.diagnostics)
        .max()
        .unwrap_or(0)
        .max(1);
    for (i, r) in rows.iter().enumerate() {
        let s = &r.summary;
        let words = r.words;
        let _ = write!(
            out,
            "<tr><td><a href=\"{}\">{}</a></td><td>{words}</td><td>{}</td><td>{}</td><td>{}</td>",
            esc(&link(i)),
            esc(&r.path),
            s.errors,
            s.warnings,
            s.advice
        );
        for c in Category::ALL {
            let _ = write!(
                out,
                "<td>{}</td>",
                s.by_category.get(c.as_str()).copied().unwrap_or(0)
            );
        }
        let per = 1000.0 * s.diagnostics as f64 / words.max(1) as f64;
        let _ = write!(
            out,
            "<td>{}</td><td>{}</td><td>{per:.1}</td><td>{}</td></tr>",
            esc(&r.grade),
            esc(&r.words_per_sentence),
            category_bar(s, max, 80)
        );
    }
    out.push_str("</tbody></table></div></section>\n");
}

/// A stacked bar of problems by category (inline SVG), `width` wide for `max` problems.
fn category_bar(s: &Summary, max: usize, width: usize) -> String {
    let mut out = format!(
        "<svg class=\"bar\" width=\"{width}\" height=\"12\" role=\"img\" aria-label=\"{} problems by kind\">",
        s.diagnostics
    );
    let mut x = 0.0;
    for c in Category::ALL {
        let n = s.by_category.get(c.as_str()).copied().unwrap_or(0);
        if n == 0 {
            continue;
        }
        let w = width as f64 * n as f64 / max as f64;
        let _ = write!(
            out,
            "<rect class=\"c-{c}\" x=\"{x:.1}\" y=\"0\" width=\"{w:.1}\" height=\"12\"><title>{c}: {n}</title></rect>"
        );
        x += w;
    }
    out.push_str("</svg>");
    out
}

fn file(out: &mut String, fi: usize, f: &FileReport<'_>) {
    let doc = &f.report.document;
    let diags = &f.report.diagnostics;
    let s = Summary::of(diags.iter(), 1);
    let _ = write!(
        out,
        "<section class=\"file\" id=\"f{fi}\">\n<h2>{}</h2>\n<div class=\"stats\">",
        esc(f.path)
    );
    stats(out, f, &s);
    out.push_str("</div>\n<div class=\"charts\">");
    by_category_chart(out, &s);
    sentence_strip(out, fi, doc);
    paragraph_chart(out, doc);
    out.push_str("</div>\n");
    if f.is_extracted() {
        out.push_str("<p class=\"note\">This is the text essaylint extracted from the Word document (footnotes follow the paragraph that cites them). Make the changes in Word.</p>\n");
    }
    out.push_str("<div class=\"cols\">\n<article class=\"essay\"><div class=\"text\">");
    let markdown = matches!(
        crate::input::Format::from_path(std::path::Path::new(f.path)),
        Some(crate::input::Format::Markdown)
    );
    essay(out, fi, doc, diags, markdown);
    out.push_str("</div></article>\n<aside class=\"diags\">");
    if diags.is_empty() {
        out.push_str("<p class=\"none\">No problems found.</p>");
    } else {
        let _ = write!(out, "<h3>{}</h3><ol>", esc(&counts(&s)));
        for (i, d) in diags.iter().enumerate() {
            item(out, fi, i, doc, d);
        }
        out.push_str("</ol>");
    }
    out.push_str("</aside>\n</div>\n");
    tables(out, doc);
    consistency(out, doc, diags);
    out.push_str("</section>\n");
}

/// The essay's name table and citation table (what `essaylint names` and `citations` print),
/// as sections a teacher can open.
fn tables(out: &mut String, doc: &Document) {
    let config = crate::config::Config::default();
    let names = crate::analysis::names::render_table(doc, &config, "names");
    let cites = crate::analysis::citations::table(doc, &config);
    for (title, body) in [
        ("Names and their spellings", names),
        ("Citations and sources", cites),
    ] {
        let body = body.trim_end();
        if body.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "<details class=\"table\" open><summary>{title}</summary><pre>{}</pre></details>",
            esc(body)
        );
    }
}

/// A paragraph number for every offset: the paragraph holding it (1-based), or the nearest one
/// before it.
fn paragraph_of(doc: &Document, offset: usize) -> usize {
    doc.paragraphs
        .partition_point(|p| p.span.start <= offset)
        .max(1)
}

fn stat_fields(f: &FileReport<'_>) -> Vec<(String, String)> {
    let st = &f.report.stats;
    let grade = st.flesch_kincaid_grade;
    let scale = match grade {
        g if g < 6.0 => "easy: primary school",
        g if g < 9.0 => "plain: middle school",
        g if g < 13.0 => "secondary school",
        g if g < 17.0 => "university",
        _ => "very dense: graduate level",
    };
    vec![
        ("words".into(), st.words.to_string()),
        ("sentences".into(), st.sentences.to_string()),
        ("paragraphs".into(), st.paragraphs.to_string()),
        (
            "words_per_sentence".into(),
            format!("{:.1}", st.avg_sentence_length),
        ),
        ("flesch_kincaid_grade".into(), format!("{grade:.1}")),
        ("grade_scale".into(), scale.into()),
        (
            "passive".into(),
            format!(
                "{:.0}% of sentences ({})",
                st.passive_ratio * 100.0,
                st.passive_sentences
            ),
        ),
    ]
}

/// A small table of the consistency checks that found something (names, spelling standard,
/// house style), with counts and the first finding.
fn consistency(out: &mut String, doc: &Document, diags: &[Diagnostic]) {
    let rows = super::consistency_rows(doc, diags);
    if rows.is_empty() {
        return;
    }
    out.push_str("<details class=\"consistency\"><summary>Consistency</summary><table><tr><th>check</th><th>findings</th><th>first line</th><th>first finding</th></tr>");
    for (rule, n, line, msg) in rows {
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{n}</td><td>{line}</td><td>{}</td></tr>",
            esc(rule),
            esc(&msg)
        );
    }
    out.push_str("</table></details>\n");
}

fn stats(out: &mut String, f: &FileReport<'_>, s: &Summary) {
    let fields = stat_fields(f);
    let get = |k: &str| {
        fields
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    };
    out.push_str("<dl>");
    for (label, value, help) in [
        ("words", get("words").to_string(), "running prose: headings and works-cited entries are not counted"),
        ("sentences", get("sentences").to_string(), ""),
        ("paragraphs", get("paragraphs").to_string(), ""),
        ("words per sentence", get("words_per_sentence").to_string(), "published prose averages 15–25"),
        (
            "reading grade",
            format!("{} <small>{}</small>", esc(get("flesch_kincaid_grade")), esc(get("grade_scale"))),
            "Flesch–Kincaid grade level: the years of schooling a reader needs (8 plain, 12 end of school, 16 university)",
        ),
        ("passive voice", esc(get("passive")), "sentences with a passive verb"),
    ] {
        let value = if label == "reading grade" || label == "passive voice" {
            value
        } else {
            esc(&value)
        };
        let _ = write!(
            out,
            "<div title=\"{}\"><dt>{label}</dt><dd>{value}</dd></div>",
            esc(help)
        );
    }
    let _ = write!(
        out,
        "<div><dt>errors</dt><dd>{}</dd></div><div><dt>warnings</dt><dd>{}</dd></div><div><dt>advice</dt><dd>{}</dd></div>",
        s.errors, s.warnings, s.advice
    );
    out.push_str("</dl>");
}

/// Problems by category, as horizontal bars (inline SVG).
fn by_category_chart(out: &mut String, s: &Summary) {
    let max = s.by_category.values().copied().max().unwrap_or(0).max(1);
    let row = 18;
    let h = row * Category::ALL.len() + 4;
    let _ = write!(
        out,
        "<figure class=\"chart\"><figcaption>Problems by kind</figcaption><svg width=\"300\" height=\"{h}\" viewBox=\"0 0 300 {h}\" role=\"img\" aria-label=\"problems by kind\">"
    );
    for (k, c) in Category::ALL.iter().enumerate() {
        let n = s.by_category.get(c.as_str()).copied().unwrap_or(0);
        let y = k * row + 2;
        let w = 190.0 * n as f64 / max as f64;
        let _ = write!(
            out,
            "<text x=\"0\" y=\"{}\" class=\"lbl\">{c}</text><rect class=\"c-{c}\" x=\"80\" y=\"{y}\" width=\"{w:.1}\" height=\"13\" rx=\"2\"></rect><text x=\"{:.1}\" y=\"{}\" class=\"num\">{n}</text>",
            y + 11,
            84.0 + w,
            y + 11
        );
    }
    out.push_str("</svg></figure>");
}

/// Each sentence of the essay's prose as a bar as tall as it is long; sentences over 40 words
/// are marked. A bar links to its sentence.
fn sentence_strip(out: &mut String, fi: usize, doc: &Document) {
    let lens: Vec<(usize, usize)> = doc
        .sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            doc.paragraphs
                .get(s.paragraph)
                .is_some_and(|p| p.kind == crate::doc::ParagraphKind::Body)
        })
        .map(|(i, s)| {
            (
                i,
                doc.tokens[s.tokens.clone()]
                    .iter()
                    .filter(|t| t.is_wordlike())
                    .count(),
            )
        })
        .collect();
    if lens.is_empty() {
        return;
    }
    let max = lens.iter().map(|l| l.1).max().unwrap_or(1).max(40);
    let bw = (600.0 / lens.len() as f64).clamp(1.0, 8.0);
    let width = (bw * lens.len() as f64).ceil() as usize;
    let _ = write!(
        out,
        "<figure class=\"chart\"><figcaption>Sentence lengths ({} sentences; red: over 40 words)</figcaption><svg width=\"{width}\" height=\"64\" viewBox=\"0 0 {width} 64\" role=\"img\" aria-label=\"sentence lengths\">",
        lens.len()
    );
    let y40 = 60.0 - 56.0 * 40.0 / max as f64;
    for (k, &(si, n)) in lens.iter().enumerate() {
        let h = 56.0 * n as f64 / max as f64;
        let start = doc.sentences[si].span.start;
        let _ = write!(
            out,
            "<a href=\"#f{fi}-s{start}\"><rect class=\"{}\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{h:.1}\"><title>{n} words (paragraph {})</title></rect></a>",
            if n > 40 { "long" } else { "ok" },
            k as f64 * bw,
            60.0 - h,
            (bw - 0.5).max(0.8),
            paragraph_of(doc, start)
        );
    }
    let _ = write!(
        out,
        "<line x1=\"0\" x2=\"{width}\" y1=\"{y40:.1}\" y2=\"{y40:.1}\" class=\"limit\"></line></svg></figure>"
    );
}

/// Passive voice and reading grade paragraph by paragraph: for each paragraph of running prose,
/// a bar for the share of its sentences with a passive verb and one for its Flesch–Kincaid
/// grade, so a teacher sees where the prose gets heavy.
fn paragraph_chart(out: &mut String, doc: &Document) {
    let config = crate::config::Config::default();
    let analyses = crate::analysis::Analyses::new(doc, &config);
    let passives = analyses.passives();
    // paragraph index -> (sentences, passive sentences, words, syllables)
    let mut paras: std::collections::BTreeMap<usize, (usize, usize, usize, usize)> =
        std::collections::BTreeMap::new();
    for (si, sent) in doc.sentences.iter().enumerate() {
        if !doc.is_prose(sent) {
            continue;
        }
        let e = paras.entry(sent.paragraph).or_default();
        e.0 += 1;
        if passives.get(si).is_some_and(Option::is_some) {
            e.1 += 1;
        }
        for i in sent.tokens.clone() {
            if doc.tokens[i].kind == crate::doc::TokenKind::Word {
                e.2 += 1;
                e.3 += crate::analysis::stats::syllables(doc.tok(i));
            }
        }
    }
    let rows: Vec<(usize, f64, f64, usize, usize)> = paras
        .into_iter()
        .filter(|(_, e)| e.2 > 0)
        .map(|(p, (n, pass, words, syl))| {
            let grade = 0.39 * words as f64 / n as f64 + 11.8 * syl as f64 / words as f64 - 15.59;
            (p + 1, pass as f64 / n as f64, grade.max(0.0), pass, n)
        })
        .collect();
    if rows.len() < 2 {
        return;
    }
    let bw = (600.0 / rows.len() as f64).clamp(4.0, 24.0);
    let width = (bw * rows.len() as f64).ceil() as usize;
    let max_grade = rows.iter().map(|r| r.2).fold(16.0, f64::max);
    let _ = write!(
        out,
        "<figure class=\"chart\"><figcaption>By paragraph: passive voice (share of sentences, top) and reading grade (bottom; the line is grade 12, the end of school)</figcaption><svg width=\"{width}\" height=\"104\" viewBox=\"0 0 {width} 104\" role=\"img\" aria-label=\"passive voice and reading grade by paragraph\">"
    );
    for (k, &(para, share, grade, pass, n)) in rows.iter().enumerate() {
        let x = k as f64 * bw;
        let w = (bw - 1.0).max(1.0);
        let hp = 44.0 * share;
        let hg = 44.0 * grade / max_grade;
        let _ = write!(
            out,
            "<g><title>paragraph {para}: {pass} of {n} sentence{} passive; reading grade {grade:.1}</title><rect class=\"passive\" x=\"{x:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{hp:.1}\"></rect><rect class=\"grade\" x=\"{x:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{hg:.1}\"></rect></g>",
            if n == 1 { "" } else { "s" },
            46.0 - hp,
            102.0 - hg
        );
    }
    let y12 = 102.0 - 44.0 * 12.0 / max_grade;
    let _ = write!(
        out,
        "<line x1=\"0\" x2=\"{width}\" y1=\"46.5\" y2=\"46.5\" class=\"axis\"></line><line x1=\"0\" x2=\"{width}\" y1=\"{y12:.1}\" y2=\"{y12:.1}\" class=\"limit\"></line></svg></figure>"
    );
}

fn item(out: &mut String, fi: usize, i: usize, doc: &Document, d: &Diagnostic) {
    let (line, col) = doc.line_col(d.span.start);
    let para = paragraph_of(doc, d.span.start);
    let _ = write!(
        out,
        "<li id=\"f{fi}-d{i}\" class=\"diag c-{} s-{} r-{}\" tabindex=\"-1\"><span class=\"num\">{}</span> <a class=\"where\" href=\"#f{fi}-m{i}\" data-m=\"f{fi}-m{i}\" title=\"line {line}, column {col}\">paragraph {para}</a> <span class=\"sev\">{}</span> <span class=\"rule\">{}</span>",
        d.category, d.severity, esc(d.rule), i + 1, d.severity, esc(d.rule)
    );
    let quoted = excerpt(doc, d.span);
    if !quoted.is_empty() {
        let _ = write!(out, " <q>{}</q>", esc(&quoted));
    }
    let _ = write!(out, "<p class=\"msg\">{}</p>", code_spans(&d.message));
    if let Some(s) = suggestion_text(d) {
        let _ = write!(out, "<p class=\"sugg\">{}</p>", code_spans(&s));
    }
    for (k, r) in d.related.iter().enumerate().take(8) {
        let p = paragraph_of(doc, r.span.start);
        let _ = write!(
            out,
            "<p class=\"rel\"><a href=\"#f{fi}-r{i}-{k}\" data-m=\"f{fi}-r{i}-{k}\">paragraph {p}</a>: {}</p>",
            code_spans(&r.message)
        );
    }
    out.push_str("</li>");
}

/// The flagged text, shortened for the list.
fn excerpt(doc: &Document, span: Span) -> String {
    if span.end > doc.text.len()
        || !doc.text.is_char_boundary(span.start)
        || !doc.text.is_char_boundary(span.end)
    {
        return String::new();
    }
    // The prose view, so that Markdown or LaTeX markup inside the span (`*emphasis*`, a link's
    // address) is not quoted; a span that is all markup (a `\\cite{…}`) is quoted as written.
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let prose = doc
        .prose
        .get(span.start..span.end)
        .map(words)
        .unwrap_or_default();
    let t = if prose.is_empty() {
        words(doc.slice(span))
    } else {
        prose
    };
    if t.chars().count() > 60 {
        let head: String = t.chars().take(28).collect();
        let tail: String = {
            let v: Vec<char> = t.chars().collect();
            v[v.len() - 24..].iter().collect()
        };
        format!("{head} … {tail}")
    } else {
        t
    }
}

/// Escapes text and turns `backticked` words into <code>.
fn code_spans(s: &str) -> String {
    let mut out = String::new();
    for (i, part) in s.split('`').enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "<code>{}</code>", esc(part));
        } else {
            out.push_str(&esc(part));
        }
    }
    out
}

/// The essay text with marks. The text is cut at every span edge, every related place, every
/// sentence and paragraph start and every change between prose and markup; each piece is
/// painted by the narrowest diagnostic covering it and underlined by the wide ones. Related
/// places (the other spelling of a name, the first use of an echoed word) get a dotted frame
/// and link back to their note. Paragraphs are numbered in the margin, as the notes cite them.
///
/// In Markdown, marks that are only syntax (`#`, `*`, `_`, `>`, list bullets, the brackets of a
/// link) are left out, so the essay reads as prose; code and addresses stay, in grey.
fn essay(out: &mut String, fi: usize, doc: &Document, diags: &[Diagnostic], markdown: bool) {
    let text = &doc.text;
    let len = text.len();
    let fit = |mut o: usize| {
        o = o.min(len);
        while o > 0 && !text.is_char_boundary(o) {
            o -= 1;
        }
        o
    };
    let spans: Vec<(usize, usize)> = diags
        .iter()
        .map(|d| {
            let s = fit(d.span.start);
            (s, fit(d.span.end).max(s))
        })
        .collect();
    // Related places: (start, end, diagnostic, index among its related).
    let mut rels: Vec<(usize, usize, usize, usize)> = Vec::new();
    for (i, d) in diags.iter().enumerate() {
        for (k, r) in d.related.iter().enumerate().take(8) {
            let s = fit(r.span.start);
            rels.push((s, fit(r.span.end).max(s), i, k));
        }
    }
    rels.sort_unstable();
    let mut cuts: Vec<usize> = spans.iter().flat_map(|&(s, e)| [s, e]).collect();
    cuts.extend(rels.iter().flat_map(|r| [r.0, r.1]));
    cuts.push(0);
    cuts.push(len);
    let para_starts: Vec<(usize, usize)> = doc
        .paragraphs
        .iter()
        .enumerate()
        .map(|(k, p)| (fit(p.span.start), k + 1))
        .collect();
    let sent_starts: Vec<usize> = doc.sentences.iter().map(|s| fit(s.span.start)).collect();
    cuts.extend(para_starts.iter().map(|p| p.0));
    cuts.extend(sent_starts.iter().copied());
    // Headings, set as headings (their `#` marks are hidden with the rest of the markup).
    let heads: Vec<(usize, usize)> = doc
        .paragraphs
        .iter()
        .filter(|p| matches!(p.kind, crate::doc::ParagraphKind::Heading))
        .map(|p| {
            // To the end of its line, so that markup after the words (a closing tag, trailing
            // `#`s) stays inside the heading.
            let e = fit(p.span.end);
            let eol = text[e..].find('\n').map_or(len, |k| e + k);
            (fit(p.span.start), eol)
        })
        .collect();
    cuts.extend(heads.iter().flat_map(|h| [h.0, h.1]));
    // Prose/markup edges.
    let prose = doc.prose.as_bytes();
    let masked = |i: usize| prose.get(i) != text.as_bytes().get(i);
    let has_mask = doc.prose != doc.text;
    if has_mask {
        let mut prev = false;
        for (i, _) in text.char_indices() {
            let m = masked(i) && !text[i..].starts_with(char::is_whitespace);
            if m != prev {
                cuts.push(i);
                prev = m;
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();

    // Diagnostics by start, for anchors and empty spans.
    let mut starts: Vec<usize> = (0..diags.len()).collect();
    starts.sort_by_key(|&i| spans[i].0);
    let mut next_start = 0usize;
    let (mut next_para, mut next_sent, mut next_rel) = (0usize, 0usize, 0usize);
    let mut active: Vec<usize> = Vec::new();
    let mut active_rel: Vec<(usize, usize, usize, usize)> = Vec::new();
    let mut next_head = 0usize;
    // The end of the heading whose `<span class="hd">` is open.
    let mut open_head: Option<usize> = None;
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        if open_head.is_some_and(|e| a >= e || para_starts.get(next_para).is_some_and(|p| p.0 <= a))
        {
            out.push_str("</span>");
            open_head = None;
        }
        while next_para < para_starts.len() && para_starts[next_para].0 <= a {
            let _ = write!(
                out,
                "<span class=\"pno\" aria-hidden=\"true\">{}</span>",
                para_starts[next_para].1
            );
            next_para += 1;
        }
        while next_sent < sent_starts.len() && sent_starts[next_sent] <= a {
            let _ = write!(
                out,
                "<a class=\"anchor\" id=\"f{fi}-s{}\"></a>",
                sent_starts[next_sent]
            );
            next_sent += 1;
        }
        while next_rel < rels.len() && rels[next_rel].0 <= a {
            let r = rels[next_rel];
            let _ = write!(
                out,
                "<a class=\"anchor\" id=\"f{fi}-r{}-{}\"></a>",
                r.2, r.3
            );
            active_rel.push(r);
            next_rel += 1;
        }
        // Anchors and point marks for diagnostics starting here.
        while next_start < starts.len() && spans[starts[next_start]].0 <= a {
            let i = starts[next_start];
            let _ = write!(out, "<a class=\"anchor\" id=\"f{fi}-m{i}\"></a>");
            if spans[i].0 == spans[i].1 {
                let d = &diags[i];
                let _ = write!(
                    out,
                    "<mark class=\"pt c-{}\" data-d=\"f{fi}-d{i}\" data-ds=\"f{fi}-d{i}\" data-n=\"{}\" title=\"{}\"></mark>",
                    d.category,
                    i + 1,
                    esc(&tooltip(d))
                );
            } else {
                active.push(i);
            }
            next_start += 1;
        }
        active.retain(|&i| spans[i].1 > a);
        active_rel.retain(|r| r.1 > a);
        while next_head < heads.len() && heads[next_head].1 <= a {
            next_head += 1;
        }
        if open_head.is_none() && heads.get(next_head).is_some_and(|h| h.0 <= a && a < h.1) {
            out.push_str("<span class=\"hd\">");
            open_head = Some(heads[next_head].1);
        }
        if a == b {
            continue;
        }
        let piece = &text[a..b];
        let markup = has_mask && masked(a) && !piece.starts_with(char::is_whitespace);
        if active.is_empty() && active_rel.is_empty() {
            if markup && markdown && is_syntax(piece) {
                let _ = write!(out, "<span class=\"np mdm\">{}</span>", esc(piece));
            } else if markup {
                let _ = write!(out, "<span class=\"np\">{}</span>", esc(piece));
            } else {
                out.push_str(&esc(piece));
            }
            continue;
        }
        if active.is_empty() {
            // Only a related place.
            let r = active_rel[0];
            let _ = write!(
                out,
                "<mark class=\"relm c-{}\" data-d=\"f{fi}-d{}\" data-ds=\"f{fi}-d{}\" title=\"{}\">{}</mark>",
                diags[r.2].category,
                r.2,
                r.2,
                esc(&format!("{} (see note {})", diags[r.2].related[r.3].message, r.2 + 1)),
                esc(piece)
            );
            continue;
        }
        let narrow = active
            .iter()
            .copied()
            .filter(|&i| spans[i].1 - spans[i].0 <= WIDE)
            .min_by_key(|&i| {
                (
                    spans[i].1 - spans[i].0,
                    diags[i].severity != Severity::Error,
                )
            });
        let wide = active
            .iter()
            .copied()
            .filter(|&i| spans[i].1 - spans[i].0 > WIDE)
            .min_by_key(|&i| spans[i].1 - spans[i].0);
        let mut class = String::new();
        if let Some(i) = narrow {
            let _ = write!(class, "bg c-{} s-{}", diags[i].category, diags[i].severity);
        }
        if let Some(i) = wide {
            let _ = write!(
                class,
                "{}ul u-{}",
                if class.is_empty() { "" } else { " " },
                diags[i].category
            );
        }
        if active.len() > 1 {
            class.push_str(" many");
        }
        if !active_rel.is_empty() {
            class.push_str(" relm");
        }
        if markup {
            class.push_str(" np");
        }
        let target = narrow.or(wide).unwrap_or(active[0]);
        let tip: Vec<String> = active.iter().map(|&i| tooltip(&diags[i])).collect();
        let ds: Vec<String> = active.iter().map(|&i| format!("f{fi}-d{i}")).collect();
        // The note numbers for print, only where a mark begins.
        let nums: Vec<String> = active
            .iter()
            .filter(|&&i| spans[i].0 == a)
            .map(|&i| (i + 1).to_string())
            .collect();
        let _ = write!(
            out,
            "<mark class=\"{class}\" data-d=\"f{fi}-d{target}\" data-ds=\"{}\"{} title=\"{}\">{}</mark>",
            ds.join(" "),
            if nums.is_empty() {
                String::new()
            } else {
                format!(" data-n=\"{}\"", nums.join(","))
            },
            esc(&tip.join("\n")),
            if markup && markdown && is_syntax(piece) {
                // Markdown syntax inside a mark is hidden as it is outside one; the mark stays
                // (empty) so that a note number printed where it begins is kept.
                format!("<span class=\"mdm\">{}</span>", esc(piece))
            } else {
                esc(piece)
            }
        );
    }
    if open_head.is_some() {
        out.push_str("</span>");
    }
    // Diagnostics at the very end of the text.
    while next_start < starts.len() {
        let i = starts[next_start];
        let _ = write!(out, "<a class=\"anchor\" id=\"f{fi}-m{i}\"></a>");
        next_start += 1;
    }
}

/// Markdown syntax and nothing else: heading and emphasis marks, quote marks, bullets, link
/// brackets and a link's destination (`](https://…)`, `][ref]`), rules. Code fences stay
/// (grey), as the code they enclose does.
fn is_syntax(piece: &str) -> bool {
    let marks = |p: &str| {
        p.chars().all(|c| {
            matches!(
                c,
                '#' | '*' | '_' | '>' | '[' | ']' | '(' | ')' | '!' | '~' | '|' | '=' | '+' | '-'
            )
        })
    };
    // A link's destination or reference, closed, with no space inside (a title in quotes
    // after the address keeps the piece visible, as anything unusual does).
    let target = |p: &str| {
        let p = p.trim_end_matches(['*', '_', '~']);
        p.strip_prefix("](")
            .and_then(|r| r.strip_suffix(')'))
            .or_else(|| p.strip_prefix("][").and_then(|r| r.strip_suffix(']')))
            .is_some_and(|inner| {
                !inner.contains(char::is_whitespace) && !inner.contains(['(', ')', '[', ']'])
            })
    };
    !piece.is_empty() && !piece.starts_with("~~~") && (marks(piece) || target(piece))
}

fn tooltip(d: &Diagnostic) -> String {
    let mut s = format!("{} ({}): {}", d.rule, d.severity, d.message);
    if let Some(sug) = suggestion_text(d) {
        s.push_str(" — ");
        s.push_str(&sug);
    }
    s
}

/// Escapes text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than tab and newline are not allowed in HTML text.
            c if c.is_control() && c != '\n' && c != '\t' && c != '\r' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

const CSS: &str = r#"
:root{--ink:#1d2330;--mute:#5b6474;--line:#dde1e8;--paper:#fff;--bg:#f5f6f8;
--spelling:#d13b3b;--spelling-bg:#ffe0e0;--names:#7b3fd0;--names-bg:#eee2ff;
--repetition:#c46a00;--repetition-bg:#ffe9cc;--citations:#2463c7;--citations-bg:#dce9ff;
--sentences:#23845a;--sentences-bg:#daf3e4;--capitalisation:#8a5a00;--capitalisation-bg:#f6ecd2;--style:#0f7f86;--style-bg:#d7f1f2;--grammar:#b4235a;--grammar-bg:#fbdde8}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
header.top{background:var(--paper);border-bottom:1px solid var(--line);padding:14px 28px}
h1{font-size:20px;margin:0 0 2px}
.sum{margin:0 0 8px;color:var(--mute)}
.legend{list-style:none;display:flex;flex-wrap:wrap;gap:6px 16px;margin:0;padding:0;font-size:13px}
.legend li{display:flex;align-items:center;gap:6px;text-transform:capitalize}
.swatch{display:inline-block;width:14px;height:14px;border-radius:3px;background:var(--c-bg);border:2px solid var(--c)}
nav.back{margin:10px 28px 0;font-size:14px}
.text .mdm{display:none}
.text .hd{font:600 1.3em/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2937}
svg rect.passive{fill:var(--citations)}svg rect.grade{fill:var(--sentences)}svg line.axis{stroke:var(--line)}
nav.files{margin:16px 28px;background:var(--paper);border:1px solid var(--line);border-radius:8px;padding:8px 16px}
nav.files h2{font-size:15px;margin:4px 0}
nav.files ol{margin:0;padding-left:22px}
nav.files .count{color:var(--mute);font-size:13px}
section.file{margin:18px 28px 28px}
section.file>h2{font-size:17px;margin:0 0 8px;word-break:break-all}
.stats dl{display:flex;flex-wrap:wrap;gap:8px;margin:0 0 12px}
.stats dl>div{background:var(--paper);border:1px solid var(--line);border-radius:6px;padding:4px 10px}
.stats dt{font-size:11px;text-transform:uppercase;letter-spacing:.04em;color:var(--mute)}
.stats dd{margin:0;font-weight:600;font-variant-numeric:tabular-nums}
.note{background:#fff8dc;border:1px solid #eedf9f;border-radius:6px;padding:6px 10px;font-size:14px}
.cols{display:grid;grid-template-columns:minmax(0,1fr) 400px;gap:20px;align-items:start}
.essay{background:var(--paper);border:1px solid var(--line);border-radius:8px;padding:28px 36px;box-shadow:0 1px 2px rgba(0,0,0,.04)}
.text{white-space:pre-wrap;overflow-wrap:anywhere;font:17px/1.75 Georgia,"Times New Roman",Cambria,serif;max-width:46em}
.np{color:#8a93a3;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.82em}
mark{background:none;color:inherit;border-radius:2px;cursor:pointer}
mark.bg{background:var(--c-bg);box-shadow:inset 0 -2px 0 var(--c)}
mark.bg.s-error{box-shadow:inset 0 -3px 0 var(--c)}
mark.ul{text-decoration:underline wavy var(--u);text-decoration-thickness:1px;text-underline-offset:4px}
mark.many{outline:1px dotted var(--mute)}
mark.pt{display:inline-block;width:0;position:relative}
mark.pt::after{content:"‸";position:absolute;left:-4px;top:.5em;color:var(--c);font-weight:700}
mark.flash,li.flash{animation:flash 1.6s ease-out}
@keyframes flash{0%{outline:3px solid #ffbf00}100%{outline:3px solid transparent}}
.c-spelling{--c:var(--spelling);--c-bg:var(--spelling-bg)}.u-spelling{--u:var(--spelling)}
.c-names{--c:var(--names);--c-bg:var(--names-bg)}.u-names{--u:var(--names)}
.c-repetition{--c:var(--repetition);--c-bg:var(--repetition-bg)}.u-repetition{--u:var(--repetition)}
.c-citations{--c:var(--citations);--c-bg:var(--citations-bg)}.u-citations{--u:var(--citations)}
.c-sentences{--c:var(--sentences);--c-bg:var(--sentences-bg)}.u-sentences{--u:var(--sentences)}
.c-capitalisation{--c:var(--capitalisation);--c-bg:var(--capitalisation-bg)}.u-capitalisation{--u:var(--capitalisation)}
.c-style{--c:var(--style);--c-bg:var(--style-bg)}.u-style{--u:var(--style)}
.c-grammar{--c:var(--grammar);--c-bg:var(--grammar-bg)}.u-grammar{--u:var(--grammar)}
.diags{position:sticky;top:12px;max-height:calc(100vh - 24px);overflow:auto;background:var(--paper);border:1px solid var(--line);border-radius:8px;padding:12px 14px}
.diags h3{font-size:14px;margin:0 0 8px;color:var(--mute);font-weight:600}
.diags ol{list-style:none;margin:0;padding:0}
.diag{border-left:4px solid var(--c);padding:6px 10px;margin:0 0 8px;background:#fafbfc;border-radius:0 6px 6px 0;font-size:14px}
.diag .where{font-variant-numeric:tabular-nums;color:var(--mute);text-decoration:none;font-size:12px}
.diag .where:hover{text-decoration:underline}
.sev{font-size:11px;text-transform:uppercase;letter-spacing:.04em;padding:1px 6px;border-radius:9px;background:#eef0f3;color:var(--mute)}
.s-error .sev{background:#fde2e2;color:#a11}
.s-warning .sev{background:#fff0cc;color:#8a5a00}
.rule{font-weight:600;color:var(--c)}
.diag q{display:block;font-family:Georgia,serif;color:var(--ink);margin-top:2px}
.msg{margin:2px 0 0}
.sugg{margin:2px 0 0;color:#1f6f3b}
.rel{margin:2px 0 0;color:var(--mute);font-size:13px}
code{font-family:ui-monospace,Menlo,Consolas,monospace;background:#eef0f3;border-radius:3px;padding:0 3px;font-size:.92em}
.none{color:var(--sentences);font-weight:600}
footer{margin:0 28px 28px;color:var(--mute);font-size:13px}
.filters{display:flex;flex-wrap:wrap;gap:6px 18px;align-items:center;margin:4px 0 0;font-size:13px}
.filters fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 12px;align-items:center}
.filters legend{float:left;font-weight:600;color:var(--mute);margin-right:6px;padding:0}
.filters label{display:flex;align-items:center;gap:4px;text-transform:capitalize;cursor:pointer}
.filters select{font:inherit}
.filters .shown{margin:0;color:var(--mute)}
kbd{font-family:ui-monospace,monospace;border:1px solid var(--line);border-bottom-width:2px;border-radius:3px;padding:0 3px;font-size:11px}
.charts{display:flex;flex-wrap:wrap;gap:12px 28px;margin:0 0 12px}
.chart{margin:0;max-width:100%;box-sizing:border-box;background:var(--paper);border:1px solid var(--line);border-radius:8px;padding:8px 12px}
.chart svg{max-width:100%;height:auto;display:block}
.chart figcaption{font-size:12px;color:var(--mute);margin-bottom:4px}
.chart .lbl,.chart .num{font-size:11px;fill:var(--mute)}
.chart rect{fill:var(--c)}
.chart rect.ok{fill:#9aa6b8}.chart rect.long{fill:var(--spelling)}
.chart .limit{stroke:var(--spelling);stroke-dasharray:3 2;stroke-width:1}
svg.bar rect{fill:var(--c)}
.pno{display:inline-block;width:2.2em;margin-left:-2.8em;margin-right:.6em;text-align:right;color:#a3abb8;font:12px/1 system-ui,sans-serif;user-select:none}
.text{padding-left:1.2em}
mark.relm{outline:1px dashed var(--c);outline-offset:1px}
li.diag[hidden],mark.off{display:revert}
li.diag[hidden]{display:none}
mark.off{background:none!important;box-shadow:none!important;text-decoration:none!important;outline:none!important;cursor:auto}
li.diag:focus{outline:2px solid #ffbf00}
.diag .num{display:none}
section.class{margin:16px 28px;background:var(--paper);border:1px solid var(--line);border-radius:8px;padding:8px 16px}
section.class h2{font-size:16px;margin:4px 0 8px}
.scroll{overflow-x:auto}
table.sortable{border-collapse:collapse;font-size:12.5px;font-variant-numeric:tabular-nums;width:100%}
table.sortable th,table.sortable td{border-bottom:1px solid var(--line);padding:4px 4px;text-align:right;white-space:nowrap}
table.sortable th:first-child,table.sortable td:first-child{text-align:left}
table.sortable th{white-space:normal;vertical-align:bottom;cursor:pointer;color:var(--mute);font-weight:600;text-transform:capitalize}
table.sortable th[aria-sort=ascending]::after{content:" ▲"}
table.sortable th[aria-sort=descending]::after{content:" ▼"}
details.table{margin:16px 0 0;background:var(--paper);border:1px solid var(--line);border-radius:8px;padding:8px 14px}
details.table summary{font-weight:600;cursor:pointer}
details.table pre{overflow-x:auto;font-size:13px;margin:8px 0 4px}
@media (max-width:1000px){.cols{grid-template-columns:1fr}.diags{position:static;max-height:none}}
@media (max-width:600px){section.file,section.class,nav.files,footer{margin-left:8px;margin-right:8px}.essay{padding:16px 14px}.text{font-size:16px}header.top{padding:10px 12px}}
@media print{body{background:#fff}.filters{display:none}.chart{break-inside:avoid}.cols{grid-template-columns:1fr}.diags{position:static;max-height:none;border:0}.essay{border:0;box-shadow:none;padding:0}
mark[data-n]::after{content:attr(data-n);vertical-align:super;font:bold 9px/1 system-ui,sans-serif;color:var(--c,#000);margin-left:1px}
.diag .num{display:inline;font-weight:700}.diag{break-inside:avoid}li.diag[hidden]{display:none}}
"#;

const SCRIPT: &str = r#"
(function(){
function flash(el){if(!el)return;el.classList.remove('flash');void el.offsetWidth;el.classList.add('flash');}
var form=document.querySelector('form.filters');
var notes=Array.prototype.slice.call(document.querySelectorAll('li.diag'));
var marks=Array.prototype.slice.call(document.querySelectorAll('mark[data-ds]'));
function state(){
 var off=[];if(!form)return {off:off,rule:''};
 form.querySelectorAll('input[data-f]').forEach(function(b){if(!b.checked)off.push(b.getAttribute('data-f'));});
 var sel=form.querySelector('select[data-rule]');
 return {off:off,rule:sel?sel.value:''};
}
function apply(save){
 var st=state(),shown=0,counts={};
 notes.forEach(function(li){
  var hide=st.off.some(function(c){return li.classList.contains(c);})||(st.rule&&!li.classList.contains(st.rule));
  li.hidden=hide;
  if(!hide){shown++;li.classList.forEach(function(c){counts[c]=(counts[c]||0)+1;});}
 });
 marks.forEach(function(m){
  var any=m.getAttribute('data-ds').split(' ').some(function(id){var li=document.getElementById(id);return li&&!li.hidden;});
  m.classList.toggle('off',!any);
 });
 document.querySelectorAll('[data-count]').forEach(function(b){b.textContent=counts[b.getAttribute('data-count')]||0;});
 var sh=document.querySelector('[data-shown]');if(sh)sh.textContent=shown;
 if(save){var h=[];if(st.off.length)h.push('hide='+st.off.join(','));if(st.rule)h.push('rule='+st.rule);
  history.replaceState(null,'',h.length?'#'+h.join('&'):location.pathname+location.search);}
}
function load(){
 if(!form)return;var h=location.hash.replace(/^#/,'');
 h.split('&').forEach(function(kv){var p=kv.split('=');
  if(p[0]==='hide')(p[1]||'').split(',').forEach(function(f){var b=form.querySelector('input[data-f="'+f+'"]');if(b)b.checked=false;});
  if(p[0]==='rule'){var s=form.querySelector('select[data-rule]');if(s)s.value=p[1]||'';}
 });
}
if(form){form.addEventListener('change',function(){apply(true);});load();apply(false);}
document.addEventListener('click',function(e){
 var m=e.target.closest('mark[data-d]');
 if(m&&!m.classList.contains('off')){var li=document.getElementById(m.getAttribute('data-d'));if(li){li.scrollIntoView({block:'nearest',behavior:'smooth'});flash(li);}return;}
 var a=e.target.closest('a[data-m]');
 if(a){var t=document.getElementById(a.getAttribute('data-m'));if(t){e.preventDefault();var n=t.nextElementSibling||t;n.scrollIntoView({block:'center',behavior:'smooth'});flash(n);}}
});
var cur=-1;
document.addEventListener('keydown',function(e){
 if(e.target.closest('input,select,textarea')||e.metaKey||e.ctrlKey||e.altKey)return;
 if(e.key!=='j'&&e.key!=='k')return;
 var vis=notes.filter(function(li){return !li.hidden;});if(!vis.length)return;
 cur=e.key==='j'?Math.min(cur+1,vis.length-1):Math.max(cur-1,0);
 var li=vis[cur];li.focus({preventScroll:true});li.scrollIntoView({block:'nearest'});
 var w=li.querySelector('a[data-m]');var t=w&&document.getElementById(w.getAttribute('data-m'));
 if(t){var n=t.nextElementSibling||t;n.scrollIntoView({block:'center'});flash(n);}
 e.preventDefault();
});
document.querySelectorAll('table.sortable').forEach(function(t){
 t.querySelectorAll('th').forEach(function(th,i){th.addEventListener('click',function(){
  var asc=th.getAttribute('aria-sort')!=='ascending';
  t.querySelectorAll('th').forEach(function(x){x.removeAttribute('aria-sort');});
  th.setAttribute('aria-sort',asc?'ascending':'descending');
  var body=t.tBodies[0],rows=Array.prototype.slice.call(body.rows);
  rows.sort(function(a,b){var x=a.cells[i].textContent,y=b.cells[i].textContent,nx=parseFloat(x),ny=parseFloat(y);
   var c=(!isNaN(nx)&&!isNaN(ny))?nx-ny:x.localeCompare(y);return asc?c:-c;});
  rows.forEach(function(r){body.appendChild(r);});
 });});
});
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::engine;
    use crate::input;

    #[test]
    fn escapes_and_marks() {
        let src = input::read_text(
            "<b>Bold</b> & the the \"end\".\n".to_string(),
            input::Format::Plain,
        );
        let report = engine::check(src, &Config::default());
        let f = FileReport {
            path: "<x>.txt",
            report: &report,
        };
        let h = render(&[f]);
        assert!(h.contains("&lt;b&gt;Bold&lt;/b&gt; &amp; "));
        assert!(h.contains("&lt;x&gt;.txt"));
        assert!(!h.contains("<b>Bold"));
        assert!(h.contains("<mark class=\"bg c-repetition"));
        assert!(h.contains("doubled-word"));
        assert_eq!(h.matches("<section").count(), 1);
    }

    #[test]
    fn charts_scale_to_a_phone_and_print() {
        let text = "The first sentence is short. The second sentence is a little longer than the first one.\n\nA new paragraph was written by the author, and it was read by the class.\n";
        let src = input::read_text(text.to_string(), input::Format::Plain);
        let report = engine::check(src, &Config::default());
        let h = render(&[FileReport {
            path: "a.txt",
            report: &report,
        }]);
        // Every chart keeps its drawing when shrunk to a narrow screen: a viewBox, and CSS that
        // caps its width.
        let charts: Vec<&str> = h.split("<figure class=\"chart\">").skip(1).collect();
        assert!(charts.len() >= 3, "expected the three charts");
        for c in &charts {
            let svg = &c[c.find("<svg").unwrap()..];
            let open = &svg[..svg.find('>').unwrap()];
            assert!(open.contains("viewBox=\"0 0 "), "{open}");
        }
        assert!(h.contains(".chart svg{max-width:100%"));
        // The sentence bars are links to their sentences; printing must not hide links, or the
        // printed chart is empty.
        let print = &h[h.find("@media print").unwrap()..];
        let print = &print[..print.find("}}").unwrap()];
        assert!(!print.contains(" a{display:none}") && !print.contains(",a{display:none}"));
        assert!(!print.contains("charts a"), "{print}");
    }

    #[test]
    fn markdown_headings_styled_and_link_syntax_hidden() {
        let src = input::read_text(
            "# A Short History of Bridges\n\nThe first bridges were logs, as [one survey](https://example.org/bridges) explains.\n"
                .to_string(),
            input::Format::Markdown,
        );
        let report = engine::check(src, &Config::default());
        let f = FileReport {
            path: "bridges.md",
            report: &report,
        };
        let h = render(&[f]);
        // The heading is set in its own style, its `#` hidden.
        let at = h.find("<span class=\"hd\">").expect("a heading span");
        let head = &h[at..at + h[at..].find("</span>").unwrap()];
        assert!(h[at..].contains("A Short History of Bridges"), "{head}");
        assert!(
            h.contains("<span class=\"np mdm\"># </span>")
                || h.contains("<span class=\"np mdm\">#</span>")
        );
        // The link's destination is markup, hidden with its brackets; its words stay.
        assert!(
            h.contains("<span class=\"np mdm\">](https://example.org/bridges)</span>"),
            "{}",
            &h[h.find("one survey").unwrap_or(0)..][..200]
        );
        assert!(h.contains("one survey"));
        // The body paragraph is not a heading.
        assert_eq!(h.matches("<span class=\"hd\">").count(), 1);
    }

    #[test]
    fn markdown_syntax_inside_a_note_is_hidden_and_not_quoted() {
        // The whole sentence is a fragment (advice), so its emphasis marks and the link's address
        // lie inside a mark: hidden there too, and the note quotes the words, not the markup.
        let src = input::read_text(
            "# Notes\n\nSome *emphasis* and a [link](https://example.org/x) here. The cat sat on the mat.\n"
                .to_string(),
            input::Format::Markdown,
        );
        let report = engine::check(src, &Config::default());
        assert!(
            report.diagnostics.iter().any(|d| d.rule == "fragment"),
            "{:?}",
            report.diagnostics
        );
        let f = FileReport {
            path: "frag.md",
            report: &report,
        };
        let h = render(&[f]);
        assert!(h.contains("<span class=\"mdm\">*</span>"), "{h}");
        assert!(h.contains("<span class=\"mdm\">](https://example.org/x)</span>"));
        assert!(
            h.contains("Some emphasis and a link here."),
            "the note quotes the prose"
        );
        assert!(!h.contains("Some *emphasis*"));
    }

    #[test]
    fn link_targets_are_syntax() {
        assert!(is_syntax("](https://example.org/a_b)"));
        assert!(is_syntax("][ref]"));
        assert!(is_syntax("**"));
        assert!(!is_syntax("](see the note below)"));
        assert!(!is_syntax("(1998)"));
        assert!(!is_syntax("~~~rust"));
    }
}
