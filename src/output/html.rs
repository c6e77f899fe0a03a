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
    let summary = Summary::for_files(files);
    let mut out = String::with_capacity(
        files
            .iter()
            .map(|f| f.report.document.text.len() * 2 + 4096)
            .sum(),
    );
    let title = if files.len() == 1 {
        format!("essaylint: {}", files[0].path)
    } else {
        format!("essaylint: {} files", files.len())
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"essaylint {}\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        esc(&title),
        CSS
    );
    let _ = writeln!(
        out,
        "<header class=\"top\"><h1>essaylint report</h1><p class=\"sum\">{} file{} checked · {}</p>{}</header>",
        files.len(),
        if files.len() == 1 { "" } else { "s" },
        esc(&summary.line()),
        legend(&summary)
    );
    if files.len() > 1 {
        out.push_str("<nav class=\"files\"><h2>Files</h2><ol>");
        for (i, f) in files.iter().enumerate() {
            let s = Summary::of(f.report.diagnostics.iter(), 1);
            let _ = write!(
                out,
                "<li><a href=\"#f{i}\">{}</a> <span class=\"count\">{}</span></li>",
                esc(f.path),
                esc(&counts(&s))
            );
        }
        out.push_str("</ol></nav>\n");
    }
    for (i, f) in files.iter().enumerate() {
        file(&mut out, i, f);
    }
    out.push_str("<footer>Made by essaylint ");
    out.push_str(env!("CARGO_PKG_VERSION"));
    out.push_str(". Colours mark the kind of problem; an underline marks a long stretch (a sentence or more). Hover over a marked passage to read the note, or click it to find the note in the list.</footer>\n");
    out.push_str("<script>");
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body>\n</html>\n");
    out
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

fn legend(s: &Summary) -> String {
    let mut out = String::from("<ul class=\"legend\">");
    for c in Category::ALL {
        let n = s.by_category.get(c.as_str()).copied().unwrap_or(0);
        let _ = write!(
            out,
            "<li class=\"c-{c}\"><span class=\"swatch\"></span>{c} <b>{n}</b></li>"
        );
    }
    out.push_str("</ul>");
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
    out.push_str("</div>\n");
    if f.is_extracted() {
        out.push_str("<p class=\"note\">This is the text essaylint extracted from the Word document (footnotes follow the paragraph that cites them). Line numbers refer to this text. Make the changes in Word.</p>\n");
    }
    out.push_str("<div class=\"cols\">\n<article class=\"essay\"><div class=\"text\">");
    essay(out, fi, doc, diags);
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
    consistency(out, doc, diags);
    out.push_str("</section>\n");
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
    out.push_str("<dl>");
    // Every field of the statistics, whatever rules add to them.
    if let Ok(serde_json::Value::Object(m)) = serde_json::to_value(&f.report.stats) {
        // The counts people look for first, then the rest as they come.
        const FIRST: [&str; 3] = ["words", "sentences", "paragraphs"];
        let mut fields: Vec<(String, serde_json::Value)> = m.into_iter().collect();
        fields.sort_by_key(|(k, _)| FIRST.iter().position(|f| f == k).unwrap_or(FIRST.len()));
        for (k, v) in fields {
            let val = match &v {
                serde_json::Value::Number(n) => match n.as_f64() {
                    Some(x) if n.is_f64() => format!("{x:.1}"),
                    _ => n.to_string(),
                },
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Bool(b) => if *b { "yes" } else { "no" }.to_string(),
                _ => continue,
            };
            let _ = write!(
                out,
                "<div><dt>{}</dt><dd>{}</dd></div>",
                esc(&k.replace(['_', '-'], " ")),
                esc(&val)
            );
        }
    }
    let _ = write!(
        out,
        "<div><dt>errors</dt><dd>{}</dd></div><div><dt>warnings</dt><dd>{}</dd></div><div><dt>advice</dt><dd>{}</dd></div>",
        s.errors, s.warnings, s.advice
    );
    out.push_str("</dl>");
}

fn item(out: &mut String, fi: usize, i: usize, doc: &Document, d: &Diagnostic) {
    let (line, col) = doc.line_col(d.span.start);
    let _ = write!(
        out,
        "<li id=\"f{fi}-d{i}\" class=\"diag c-{} s-{}\"><a class=\"where\" href=\"#f{fi}-m{i}\" data-m=\"f{fi}-m{i}\">line {line}:{col}</a> <span class=\"sev\">{}</span> <span class=\"rule\">{}</span>",
        d.category, d.severity, d.severity, esc(d.rule)
    );
    let quoted = excerpt(doc, d.span);
    if !quoted.is_empty() {
        let _ = write!(out, " <q>{}</q>", esc(&quoted));
    }
    let _ = write!(out, "<p class=\"msg\">{}</p>", code_spans(&d.message));
    if let Some(s) = suggestion_text(d) {
        let _ = write!(out, "<p class=\"sugg\">{}</p>", code_spans(&s));
    }
    for r in d.related.iter().take(5) {
        let (l, _) = doc.line_col(r.span.start);
        let _ = write!(
            out,
            "<p class=\"rel\">line {l}: {}</p>",
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
    let t: String = doc
        .slice(span)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
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

/// The essay text with marks. The text is cut at every span edge and every change between prose
/// and markup; each piece is painted by the narrowest diagnostic covering it and underlined by
/// the wide ones.
fn essay(out: &mut String, fi: usize, doc: &Document, diags: &[Diagnostic]) {
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
    let mut cuts: Vec<usize> = spans.iter().flat_map(|&(s, e)| [s, e]).collect();
    cuts.push(0);
    cuts.push(len);
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
    let mut active: Vec<usize> = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        // Anchors and point marks for diagnostics starting here.
        while next_start < starts.len() && spans[starts[next_start]].0 <= a {
            let i = starts[next_start];
            let _ = write!(out, "<a class=\"anchor\" id=\"f{fi}-m{i}\"></a>");
            if spans[i].0 == spans[i].1 {
                let d = &diags[i];
                let _ = write!(
                    out,
                    "<mark class=\"pt c-{}\" data-d=\"f{fi}-d{i}\" title=\"{}\"></mark>",
                    d.category,
                    esc(&tooltip(d))
                );
            } else {
                active.push(i);
            }
            next_start += 1;
        }
        active.retain(|&i| spans[i].1 > a);
        if a == b {
            continue;
        }
        let piece = &text[a..b];
        let markup = has_mask && masked(a) && !piece.starts_with(char::is_whitespace);
        if active.is_empty() {
            if markup {
                let _ = write!(out, "<span class=\"np\">{}</span>", esc(piece));
            } else {
                out.push_str(&esc(piece));
            }
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
        if markup {
            class.push_str(" np");
        }
        let target = narrow.or(wide).unwrap_or(active[0]);
        let tip: Vec<String> = active.iter().map(|&i| tooltip(&diags[i])).collect();
        let _ = write!(
            out,
            "<mark class=\"{class}\" data-d=\"f{fi}-d{target}\" title=\"{}\">{}</mark>",
            esc(&tip.join("\n")),
            esc(piece)
        );
    }
    // Diagnostics at the very end of the text.
    while next_start < starts.len() {
        let i = starts[next_start];
        let _ = write!(out, "<a class=\"anchor\" id=\"f{fi}-m{i}\"></a>");
        next_start += 1;
    }
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
--sentences:#23845a;--sentences-bg:#daf3e4;--style:#0f7f86;--style-bg:#d7f1f2}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
header.top{background:var(--paper);border-bottom:1px solid var(--line);padding:14px 28px}
h1{font-size:20px;margin:0 0 2px}
.sum{margin:0 0 8px;color:var(--mute)}
.legend{list-style:none;display:flex;flex-wrap:wrap;gap:6px 16px;margin:0;padding:0;font-size:13px}
.legend li{display:flex;align-items:center;gap:6px;text-transform:capitalize}
.swatch{display:inline-block;width:14px;height:14px;border-radius:3px;background:var(--c-bg);border:2px solid var(--c)}
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
.c-style{--c:var(--style);--c-bg:var(--style-bg)}.u-style{--u:var(--style)}
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
@media (max-width:1000px){.cols{grid-template-columns:1fr}.diags{position:static;max-height:none}}
@media print{body{background:#fff}.cols{grid-template-columns:1fr}.diags{position:static;max-height:none;border:0}.essay{border:0;box-shadow:none;padding:0}}
"#;

const SCRIPT: &str = r#"
(function(){
function flash(el){if(!el)return;el.classList.remove('flash');void el.offsetWidth;el.classList.add('flash');}
document.addEventListener('click',function(e){
 var m=e.target.closest('mark[data-d]');
 if(m){var li=document.getElementById(m.getAttribute('data-d'));if(li){li.scrollIntoView({block:'nearest',behavior:'smooth'});flash(li);}return;}
 var a=e.target.closest('a[data-m]');
 if(a){var t=document.getElementById(a.getAttribute('data-m'));if(t){e.preventDefault();var n=t.nextElementSibling||t;n.scrollIntoView({block:'center',behavior:'smooth'});flash(n);}}
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
}
