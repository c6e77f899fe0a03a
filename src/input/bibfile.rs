//! Bibliography files beside an essay: BibTeX and BibLaTeX `.bib` files (read with the
//! `biblatex` crate, which resolves `@string` macros, accent commands and "von Last, Jr, First"
//! names), CSL-JSON (`.json`, what Zotero and pandoc export) and CSL-YAML (`.yaml`/`.yml`, read
//! with `yaml-rust2`; pandoc's own format, also written inline as `references:` in a Markdown
//! paper's front matter). A LaTeX paper names them with
//! `\bibliography{refs}` or `\addbibresource{refs.bib}`, a pandoc paper with `bibliography:` in its
//! front matter; `--bibliography FILE` names one on the command line. Their entries become the
//! essay's works-cited list, so `\cite{key}` and `[@key]` are checked key by key.

use crate::doc::citation::Reference;
use crate::doc::{Source, Span};
use std::path::{Path, PathBuf};

/// Reads the bibliography files `source` names (relative to `dir`, the essay's folder) and the
/// `extra` ones, and adds their entries to `source.apparatus.external`. Returns what the user
/// should know: a named file that is missing or could not be read, entries that were skipped.
pub fn attach(source: &mut Source, dir: Option<&Path>, extra: &[PathBuf]) -> Vec<String> {
    let mut notes = Vec::new();
    let mut seen: Vec<PathBuf> = Vec::new();
    let named = source.apparatus.bib_files.clone();
    for (span, name) in named {
        let base = dir.unwrap_or(Path::new("."));
        let Some(path) = resolve(base, &name) else {
            let line = source.text[..span.start.min(source.text.len())]
                .matches('\n')
                .count()
                + 1;
            notes.push(format!(
                "line {line}: the bibliography file `{name}` was not found beside the essay: its keys are not checked (name it with --bibliography)"
            ));
            continue;
        };
        if seen.contains(&path) {
            continue;
        }
        seen.push(path.clone());
        read_into(source, &path, span, &mut notes);
    }
    for path in extra {
        if seen.contains(path) {
            continue;
        }
        seen.push(path.clone());
        read_into(source, path, Span::new(0, 0), &mut notes);
    }
    notes
}

/// `refs` names `refs.bib` (BibTeX adds the extension); a name with its extension is itself.
fn resolve(dir: &Path, name: &str) -> Option<PathBuf> {
    let p = dir.join(name);
    if p.is_file() {
        return Some(p);
    }
    let with = dir.join(format!("{name}.bib"));
    with.is_file().then_some(with)
}

fn read_into(source: &mut Source, path: &Path, span: Span, notes: &mut Vec<String>) {
    let shown = path.display().to_string();
    let text = match super::files::read_regular(path, super::DEFAULT_MAX_INPUT) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            notes.push(format!("{shown}: the bibliography could not be read: {e}"));
            return;
        }
    };
    let file = path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| shown.clone());
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    let (entries, problems) = match ext.as_deref() {
        Some("yaml" | "yml") => parse_csl_yaml(&text),
        Some("json") => parse_csl_json(&text),
        _ if text.trim_start().starts_with('[') => parse_csl_json(&text),
        _ => parse_bib(&text),
    };
    for p in problems {
        notes.push(format!("{shown}: {p}"));
    }
    for mut r in entries {
        r.span = span;
        r.file = Some(file.clone());
        source.apparatus.external.push(r);
    }
}

/// The entries of a `.bib` file, and what could not be read. A file with a broken entry is
/// read entry by entry, so one unbalanced brace loses that entry only.
pub fn parse_bib(text: &str) -> (Vec<Reference>, Vec<String>) {
    if let Ok(b) = biblatex::Bibliography::parse(text) {
        return (b.iter().map(from_bib).collect(), Vec::new());
    }
    // Entry by entry, each with the file's @string macros in front.
    let mut starts: Vec<usize> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with('@') {
            starts.push(at + line.len() - line.trim_start().len());
        }
        at += line.len();
    }
    starts.push(text.len());
    let chunks: Vec<&str> = starts.windows(2).map(|w| &text[w[0]..w[1]]).collect();
    let strings: String = chunks
        .iter()
        .filter(|c| {
            c.get(..7)
                .is_some_and(|h| h.eq_ignore_ascii_case("@string"))
        })
        .copied()
        .collect();
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (k, chunk) in chunks.iter().enumerate() {
        let head = chunk.get(..8).unwrap_or(chunk).to_ascii_lowercase();
        if head.starts_with("@string")
            || head.starts_with("@comment")
            || head.starts_with("@preamb")
        {
            continue;
        }
        match biblatex::Bibliography::parse(&format!("{strings}{chunk}")) {
            Ok(b) => out.extend(b.iter().map(from_bib)),
            Err(e) => {
                let line = text[..starts[k]].matches('\n').count() + 1;
                problems.push(format!(
                    "line {line}: this entry could not be read ({}), so it is left out",
                    e.kind
                ));
            }
        }
    }
    (out, problems)
}

fn from_bib(e: &biblatex::Entry) -> Reference {
    use biblatex::{ChunksExt, DateValue, PermissiveType};
    let mut r = Reference {
        key: Some(e.key.clone()),
        ..Default::default()
    };
    let people = e
        .author()
        .ok()
        .filter(|a| !a.is_empty())
        .or_else(|| {
            e.editors()
                .ok()
                .and_then(|v| v.into_iter().next().map(|(p, _)| p))
        })
        .unwrap_or_default();
    for p in &people {
        let name = p.name.trim();
        if name.is_empty() {
            continue;
        }
        // `{World Health Organization}`: one "surname" of several words, no given name.
        if p.given_name.trim().is_empty() && name.split_whitespace().count() > 1 {
            r.corporate = true;
        }
        r.authors.push(name.to_string());
    }
    if r.authors.is_empty() {
        for field in ["organization", "institution", "publisher"] {
            if let Some(c) = e.get(field) {
                let v = c.format_verbatim();
                if !v.trim().is_empty() {
                    r.authors.push(v.trim().to_string());
                    r.corporate = true;
                    break;
                }
            }
        }
    }
    r.year = match e.date() {
        Ok(PermissiveType::Typed(d)) => Some(match d.value {
            DateValue::At(t) | DateValue::After(t) | DateValue::Before(t) => t.year,
            DateValue::Between(t, _) => t.year,
        })
        .map(|y| y.to_string()),
        _ => e
            .get("year")
            .map(|c| c.format_verbatim())
            .and_then(|y| first_year(&y)),
    };
    r.title = e
        .title()
        .ok()
        .map(|t| t.format_verbatim())
        .filter(|t| !t.trim().is_empty());
    r.pages = match e.pages() {
        Ok(PermissiveType::Typed(v)) => v
            .first()
            .filter(|p| p.end > p.start)
            .map(|p| (p.start, p.end)),
        Ok(PermissiveType::Chunks(c)) => page_range(&c.format_verbatim()),
        Err(_) => None,
    };
    r.web = e.get("url").is_some()
        && matches!(
            e.entry_type,
            biblatex::EntryType::Online | biblatex::EntryType::Misc
        );
    r
}

/// The entries of a CSL-JSON file (an array of items), and what could not be read.
pub fn parse_csl_json(text: &str) -> (Vec<Reference>, Vec<String>) {
    match serde_json::from_str(text) {
        Ok(v) => csl_items(&v),
        Err(e) => (Vec::new(), vec![format!("not valid CSL-JSON: {e}")]),
    }
}

/// The entries of a CSL-YAML file (a list of items, or pandoc's `references:` list, as in a
/// front-matter block), and what could not be read. The YAML is turned into the JSON value
/// CSL-JSON would give and read the same way.
pub fn parse_csl_yaml(text: &str) -> (Vec<Reference>, Vec<String>) {
    let docs = match yaml_rust2::YamlLoader::load_from_str(text) {
        Ok(d) => d,
        Err(e) => return (Vec::new(), vec![format!("not valid CSL-YAML: {e}")]),
    };
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for d in &docs {
        let v = yaml_to_json(d);
        if v.is_null() {
            continue;
        }
        let (e, p) = csl_items(&v);
        out.extend(e);
        problems.extend(p);
    }
    (out, problems)
}

/// The `references:` of a Markdown paper's YAML front matter (`block`, without its `---`
/// fences), or nothing when it has none. Unreadable YAML gives nothing: the front matter is the
/// author's, and a Markdown reader does not judge it.
pub fn front_matter_references(block: &str) -> Vec<Reference> {
    let Ok(docs) = yaml_rust2::YamlLoader::load_from_str(block) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for d in &docs {
        let refs = &d["references"];
        if matches!(refs, yaml_rust2::Yaml::Array(_)) {
            out.extend(csl_items(&yaml_to_json(refs)).0);
        }
    }
    out
}

fn yaml_to_json(y: &yaml_rust2::Yaml) -> serde_json::Value {
    use serde_json::Value;
    use yaml_rust2::Yaml;
    match y {
        Yaml::Real(s) | Yaml::String(s) => Value::String(s.clone()),
        Yaml::Integer(i) => Value::Number((*i).into()),
        Yaml::Boolean(b) => Value::Bool(*b),
        Yaml::Array(a) => Value::Array(a.iter().map(yaml_to_json).collect()),
        Yaml::Hash(h) => Value::Object(
            h.iter()
                .filter_map(|(k, v)| {
                    let key = match k {
                        Yaml::String(s) | Yaml::Real(s) => s.clone(),
                        Yaml::Integer(i) => i.to_string(),
                        Yaml::Boolean(b) => b.to_string(),
                        _ => return None,
                    };
                    Some((key, yaml_to_json(v)))
                })
                .collect(),
        ),
        Yaml::Alias(_) | Yaml::Null | Yaml::BadValue => Value::Null,
    }
}

/// The items of a CSL document already parsed (JSON, or YAML turned into JSON).
fn csl_items(v: &serde_json::Value) -> (Vec<Reference>, Vec<String>) {
    let items = match v {
        serde_json::Value::Array(a) => a.as_slice(),
        serde_json::Value::Object(o) => match o.get("items").or(o.get("references")) {
            Some(serde_json::Value::Array(a)) => a.as_slice(),
            _ => std::slice::from_ref(v),
        },
        _ => return (Vec::new(), vec!["not a CSL-JSON list of items".into()]),
    };
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (k, it) in items.iter().enumerate() {
        let Some(id) = it.get("id").and_then(|i| match i {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        }) else {
            problems.push(format!("item {} has no `id`, so it is left out", k + 1));
            continue;
        };
        let mut r = Reference {
            key: Some(id),
            ..Default::default()
        };
        let names = it
            .get("author")
            .or_else(|| it.get("editor"))
            .and_then(|a| a.as_array());
        for n in names.into_iter().flatten() {
            if let Some(f) = n.get("family").and_then(|f| f.as_str()) {
                r.authors.push(f.trim().to_string());
            } else if let Some(l) = n.get("literal").and_then(|f| f.as_str()) {
                r.authors.push(l.trim().to_string());
                r.corporate = l.split_whitespace().count() > 1;
            }
        }
        r.year = it.get("issued").and_then(|d| {
            d.get("date-parts")
                .and_then(|p| p.get(0))
                .and_then(|p| p.get(0))
                .and_then(|y| match y {
                    serde_json::Value::Number(n) => Some(n.to_string()),
                    serde_json::Value::String(s) => first_year(s),
                    _ => None,
                })
                .or_else(|| {
                    d.get("raw")
                        .or_else(|| d.get("literal"))
                        .and_then(|s| s.as_str())
                        .and_then(first_year)
                })
                // CSL-YAML as pandoc writes it: `issued: 2019-03`, `issued: 2019`, or the
                // older `issued: [{year: 2019}]`.
                .or_else(|| match d {
                    serde_json::Value::String(s) => first_year(s),
                    serde_json::Value::Number(n) => first_year(&n.to_string()),
                    serde_json::Value::Array(a) => {
                        a.first().and_then(|x| x.get("year")).and_then(|y| match y {
                            serde_json::Value::Number(n) => Some(n.to_string()),
                            serde_json::Value::String(s) => first_year(s),
                            _ => None,
                        })
                    }
                    _ => None,
                })
        });
        r.title = it
            .get("title")
            .and_then(|t| t.as_str())
            .map(|t| t.trim().to_string());
        r.pages = it.get("page").and_then(|p| match p {
            serde_json::Value::String(s) => page_range(s),
            serde_json::Value::Number(n) => page_range(&n.to_string()),
            _ => None,
        });
        r.web = it.get("type").and_then(|t| t.as_str()) == Some("webpage");
        out.push(r);
    }
    (out, problems)
}

fn first_year(s: &str) -> Option<String> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(3))
        .find(|&i| {
            b[i..i + 4].iter().all(u8::is_ascii_digit)
                && (i == 0 || !b[i - 1].is_ascii_digit())
                && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
        })
        .map(|i| s[i..i + 4].to_string())
}

/// "100-120", "100--120", "100–20" (the end abbreviated): the first and last page.
pub fn page_range(s: &str) -> Option<(u32, u32)> {
    let s = s.trim();
    let (a, z) = s.split_once(['-', '–', '—'])?;
    let a = a.trim();
    let z = z.trim_start_matches(['-', '–']).trim();
    let first: u32 = a.parse().ok()?;
    let mut last: u32 = z.parse().ok()?;
    if z.len() < a.len() {
        // "245–52": the end repeats the start's leading digits.
        let full = format!("{}{}", &a[..a.len() - z.len()], z);
        last = full.parse().ok()?;
    }
    (last >= first).then_some((first, last))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bib_entries_keys_names_years_pages() {
        let t = r#"@string{jhp = "Journal of Hard Problems"}
@article{smith2001,
  author = {Smith, John and van der Berg, Anna},
  title = {On {Hard} Problems},
  journal = jhp,
  year = 2001,
  pages = {100--120},
}
@book{who2010, author = {{World Health Organization}}, title = {Report}, date = {2010-05}}
"#;
        let (e, p) = parse_bib(t);
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].key.as_deref(), Some("smith2001"));
        assert_eq!(e[0].authors, vec!["Smith", "Berg"]);
        assert_eq!(e[0].year.as_deref(), Some("2001"));
        assert_eq!(e[0].title.as_deref(), Some("On Hard Problems"));
        assert_eq!(e[0].pages, Some((100, 120)));
        assert!(e[1].corporate);
        assert_eq!(e[1].year.as_deref(), Some("2010"));
    }

    #[test]
    fn a_broken_entry_loses_only_itself() {
        let t = "@book{a1, author = {Ann Alpha}, title = {One}, year = 1999}\n@book{b2, author = {Bob Beta, title = {Two}, year = 2000}\n@book{c3, author = {Cy Gamma}, title = {Three}, year = 2001}\n";
        let (e, p) = parse_bib(t);
        let keys: Vec<_> = e.iter().filter_map(|r| r.key.clone()).collect();
        assert!(keys.contains(&"a1".to_string()), "{keys:?}");
        assert!(!p.is_empty());
    }

    #[test]
    fn csl_json_items() {
        let t = r#"[{"id": "doe2019", "type": "article-journal", "author": [{"family": "Doe", "given": "Jane"}],
            "issued": {"date-parts": [[2019, 3]]}, "title": "Things", "page": "45-67"},
            {"id": "un", "author": [{"literal": "United Nations"}], "issued": {"raw": "2020"}}]"#;
        let (e, p) = parse_csl_json(t);
        assert!(p.is_empty());
        assert_eq!(e[0].authors, vec!["Doe"]);
        assert_eq!(e[0].year.as_deref(), Some("2019"));
        assert_eq!(e[0].pages, Some((45, 67)));
        assert!(e[1].corporate);
        assert_eq!(e[1].year.as_deref(), Some("2020"));
    }

    #[test]
    fn csl_yaml_items() {
        let t = "---\nreferences:\n- id: doe2019\n  type: article-journal\n  author:\n  - family: Doe\n    given: Jane\n  issued: 2019-03\n  title: Things\n  page: 45-67\n- id: roe\n  author:\n    - family: Roe\n  issued:\n    date-parts: [[2001]]\n- title: no id here\n...\n";
        let (e, p) = parse_csl_yaml(t);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].key.as_deref(), Some("doe2019"));
        assert_eq!(e[0].authors, vec!["Doe"]);
        assert_eq!(e[0].year.as_deref(), Some("2019"));
        assert_eq!(e[0].pages, Some((45, 67)));
        assert_eq!(e[1].year.as_deref(), Some("2001"));
        // A plain list of items, with the year as a number.
        let (e, p) = parse_csl_yaml("- id: a\n  author: [{family: Ode}]\n  issued: 1999\n");
        assert!(p.is_empty());
        assert_eq!(e[0].year.as_deref(), Some("1999"));
        let (e, p) = parse_csl_yaml("- id: [unclosed\n");
        assert!(e.is_empty());
        assert!(p[0].contains("not valid CSL-YAML"), "{p:?}");
    }

    #[test]
    fn front_matter_reference_list() {
        let block = "title: An essay\nbibliography: refs.bib\nreferences:\n  - id: smith\n    author:\n      - family: Smith\n    issued: 2010\n";
        let e = front_matter_references(block);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].authors, vec!["Smith"]);
        assert!(front_matter_references("title: x\n").is_empty());
        assert!(front_matter_references(": : [\n").is_empty());
    }

    #[test]
    fn page_ranges() {
        assert_eq!(page_range("245–52"), Some((245, 252)));
        assert_eq!(page_range("100--120"), Some((100, 120)));
        assert_eq!(page_range("45-12"), None);
        assert_eq!(page_range("xii-3"), None);
    }
}
