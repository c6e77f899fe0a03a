//! essaylint diagnostics as LSP diagnostics.

use super::text::{Encoding, Text};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules;
use lsp_types as lt;
use serde_json::json;
use std::path::PathBuf;
use std::sync::OnceLock;

/// `error`/`warning`/`advice` as the editor's Error/Warning/Information.
pub fn severity(s: Severity) -> lt::DiagnosticSeverity {
    match s {
        Severity::Error => lt::DiagnosticSeverity::ERROR,
        Severity::Warning => lt::DiagnosticSeverity::WARNING,
        Severity::Advice => lt::DiagnosticSeverity::INFORMATION,
    }
}

/// One diagnostic; `index` is its place in the document's lint, kept in `data` so code actions
/// can find it again.
pub fn diagnostic(
    d: &Diagnostic,
    index: usize,
    text: &Text,
    uri: &lt::Uri,
    enc: Encoding,
) -> lt::Diagnostic {
    let related: Vec<lt::DiagnosticRelatedInformation> = d
        .related
        .iter()
        .map(|r| lt::DiagnosticRelatedInformation {
            location: lt::Location::new(uri.clone(), text.range(r.span.start, r.span.end, enc)),
            message: r.message.clone(),
        })
        .collect();
    lt::Diagnostic {
        range: text.range(d.span.start, d.span.end, enc),
        severity: Some(severity(d.severity)),
        code: Some(lt::NumberOrString::String(d.rule.to_string())),
        code_description: docs_uri(d.rule).map(|href| lt::CodeDescription { href }),
        source: Some("essaylint".into()),
        message: format!("{} [{}]", d.message, d.category.as_str()),
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: Some(json!({
            "index": index,
            "rule": d.rule,
            "category": d.category.as_str(),
            "suggestions": d.suggestions,
        })),
    }
}

/// A `file:` URI of the rule's documentation, written once per run into a folder of the
/// system's temporary directory named for this version (editors open it beside the essay; no network is needed).
pub fn docs_uri(rule: &str) -> Option<lt::Uri> {
    static DIR: OnceLock<Option<PathBuf>> = OnceLock::new();
    let dir = DIR.get_or_init(|| {
        let dir =
            std::env::temp_dir().join(format!("essaylint-{}-rules", env!("CARGO_PKG_VERSION")));
        std::fs::create_dir_all(&dir).ok()?;
        for r in rules::all() {
            let m = r.meta();
            let body = format!(
                "{}\n\n({}, {} by default)\n",
                m.docs(),
                m.category.as_str(),
                m.severity.as_str()
            );
            std::fs::write(dir.join(format!("{}.md", m.name)), body).ok()?;
        }
        Some(dir)
    });
    let path = dir.as_ref()?.join(format!("{rule}.md"));
    path_to_uri(&path).parse().ok()
}

/// A `file:` URI for an absolute path, percent-encoding what a URI cannot hold.
pub fn path_to_uri(path: &std::path::Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    let mut out = String::from("file://");
    if !s.starts_with('/') {
        out.push('/');
    }
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~:".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Category;
    use crate::doc::Span;

    #[test]
    fn maps_severity_range_code_and_related() {
        let text = Text::new("Kamenev met Kamenev and Kamenyev.".into());
        let uri: lt::Uri = "file:///tmp/e.txt".parse().unwrap();
        let d = Diagnostic::new(
            "name-variant",
            Category::Names,
            Severity::Warning,
            Span { start: 24, end: 32 },
            "`Kamenyev` is spelled `Kamenev` elsewhere",
        )
        .related(Span { start: 0, end: 7 }, "spelled this way here");
        let l = diagnostic(&d, 3, &text, &uri, Encoding::Utf16);
        assert_eq!(l.severity, Some(lt::DiagnosticSeverity::WARNING));
        assert_eq!(
            l.code,
            Some(lt::NumberOrString::String("name-variant".into()))
        );
        assert_eq!(l.range.start.character, 24);
        assert_eq!(l.range.end.character, 32);
        let rel = l.related_information.unwrap();
        assert_eq!(rel[0].location.range.end.character, 7);
        assert_eq!(l.data.unwrap()["index"], 3);
        assert!(l
            .code_description
            .unwrap()
            .href
            .as_str()
            .ends_with("name-variant.md"));
        assert_eq!(
            severity(Severity::Advice),
            lt::DiagnosticSeverity::INFORMATION
        );
    }

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(
            path_to_uri(std::path::Path::new("/a b/é.md")),
            "file:///a%20b/%C3%A9.md"
        );
    }
}
