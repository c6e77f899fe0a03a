//! Code actions: what the editor offers on a diagnostic.
//!
//! - apply a suggestion, or the rule's own fix (preferred when it is safe);
//! - apply every safe fix in the document (`source.fixAll`), as `--fix` would;
//! - silence the rule on this line with the suppression comment the format supports;
//! - add a misspelt-looking word to the workspace's `accept` list, or make one spelling of a
//!   name the canonical one, in `essaylint.toml` (commands the server runs, see [`super::serve`]).

use super::text::{Encoding, Text};
use super::{convert, CMD_ACCEPT_NAME, CMD_ACCEPT_WORD};
use crate::diagnostic::{Applicability, Category, Diagnostic, Edit};
use crate::engine::Report;
use crate::fix;
use crate::input::Format;
use lsp_types as lt;
use serde_json::json;
use std::collections::HashMap;
use std::path::Path;

/// What the actions are computed from.
pub struct Cx<'a> {
    pub uri: &'a lt::Uri,
    pub text: &'a Text,
    pub format: Format,
    pub enc: Encoding,
    pub report: &'a Report,
    /// Where `essaylint.toml` edits go (the file in use, or where a new one would be created).
    pub config_path: Option<&'a Path>,
}

type Actions = Vec<lt::CodeActionOrCommand>;

pub fn code_actions(cx: &Cx<'_>, range: lt::Range, only: Option<&[lt::CodeActionKind]>) -> Actions {
    let wants = |kind: &lt::CodeActionKind| {
        only.is_none_or(|o| {
            o.iter().any(|k| {
                kind.as_str() == k.as_str()
                    || kind.as_str().starts_with(&format!("{}.", k.as_str()))
            })
        })
    };
    let a = cx.text.offset(range.start, cx.enc);
    let b = cx.text.offset(range.end, cx.enc).max(a);
    let mut out = Actions::new();
    let diags = &cx.report.diagnostics;
    if wants(&lt::CodeActionKind::QUICKFIX) {
        for (i, d) in diags.iter().enumerate() {
            if d.span.start <= b && a <= d.span.end {
                quick_fixes(cx, d, i, &mut out);
            }
        }
    }
    let fix_all = lt::CodeActionKind::new("source.fixAll.essaylint");
    if wants(&fix_all) || wants(&lt::CodeActionKind::SOURCE_FIX_ALL) {
        if let Some(action) = fix_all_action(cx, fix_all) {
            out.push(action);
        }
    }
    out
}

fn quick_fixes(cx: &Cx<'_>, d: &Diagnostic, index: usize, out: &mut Actions) {
    let text = &cx.text.text;
    let lsp_diag = convert::diagnostic(d, index, cx.text, cx.uri, cx.enc);
    let here = text.get(d.span.start..d.span.end).unwrap_or("");
    let action = |title: String, edits: &[Edit], preferred: bool| {
        lt::CodeActionOrCommand::CodeAction(lt::CodeAction {
            title,
            kind: Some(lt::CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![lsp_diag.clone()]),
            edit: Some(workspace_edit(cx, edits)),
            is_preferred: preferred.then_some(true),
            ..Default::default()
        })
    };
    // The rule's own fix first.
    let mut fix_single: Option<&Edit> = None;
    if let Some(f) = d
        .fix
        .as_ref()
        .filter(|f| f.applies_at(Applicability::Unsafe))
    {
        let title = match f.edits.as_slice() {
            [e] if e.span == d.span => {
                fix_single = Some(e);
                replace_title(here, &e.replacement)
            }
            _ => format!("Fix: {}", d.message),
        };
        out.push(action(
            title,
            &f.edits,
            f.applicability == Applicability::Safe,
        ));
    }
    for s in d.suggestions.iter().take(5) {
        if s == here || fix_single.is_some_and(|e| &e.replacement == s) {
            continue;
        }
        let e = Edit {
            span: d.span,
            replacement: s.clone(),
        };
        out.push(action(replace_title(here, s), &[e], false));
    }
    out.push(action(
        format!("Disable `{}` on this line", d.rule),
        &[disable_line(cx, d)],
        false,
    ));
    if let Some(path) = cx.config_path {
        let shown = path.display().to_string();
        let command = |title: String, cmd: &str, value: &str| {
            lt::CodeActionOrCommand::CodeAction(lt::CodeAction {
                title,
                kind: Some(lt::CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![lsp_diag.clone()]),
                command: Some(lt::Command {
                    title: cmd.into(),
                    command: cmd.into(),
                    arguments: Some(vec![json!(shown), json!(value)]),
                }),
                ..Default::default()
            })
        };
        if d.category == Category::Spelling && is_one_word(here) {
            out.push(command(
                format!("Add `{here}` to the accept list ({})", file_name(path)),
                CMD_ACCEPT_WORD,
                here,
            ));
        }
        if d.category == Category::Names {
            let mut spellings = vec![here];
            for r in &d.related {
                if let Some(t) = text.get(r.span.start..r.span.end) {
                    if is_one_word(t) && !spellings.contains(&t) {
                        spellings.push(t);
                    }
                }
            }
            for s in spellings.into_iter().filter(|s| !s.is_empty()) {
                out.push(command(
                    format!(
                        "Make `{s}` the name's canonical spelling ({})",
                        file_name(path)
                    ),
                    CMD_ACCEPT_NAME,
                    s,
                ));
            }
        }
    }
}

fn replace_title(old: &str, new: &str) -> String {
    if new.is_empty() {
        format!("Delete `{}`", old.trim())
    } else {
        format!("Replace with `{new}`")
    }
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

/// A single word (letters, apostrophes, hyphens): what an accept list holds.
fn is_one_word(s: &str) -> bool {
    !s.is_empty()
        && s.chars().any(char::is_alphabetic)
        && s.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
}

/// The comment that silences `d`'s rule on the line it starts on, appended to that line.
fn disable_line(cx: &Cx<'_>, d: &Diagnostic) -> Edit {
    let (_, end) = cx.text.line_of(d.span.start);
    let comment = match cx.format {
        Format::Latex => format!(" % essaylint-disable-line {}", d.rule),
        _ => format!(" <!-- essaylint-disable-line {} -->", d.rule),
    };
    Edit {
        span: crate::doc::Span { start: end, end },
        replacement: comment,
    }
}

fn fix_all_action(cx: &Cx<'_>, kind: lt::CodeActionKind) -> Option<lt::CodeActionOrCommand> {
    let (chosen, _) = fix::select(&cx.report.document, &cx.report.diagnostics);
    if chosen.is_empty() {
        return None;
    }
    let edits: Vec<Edit> = chosen
        .iter()
        .flat_map(|d| d.edits().iter().cloned())
        .collect();
    Some(lt::CodeActionOrCommand::CodeAction(lt::CodeAction {
        title: format!(
            "Apply every safe essaylint fix in the document ({})",
            chosen.len()
        ),
        kind: Some(kind),
        edit: Some(workspace_edit(cx, &edits)),
        ..Default::default()
    }))
}

fn workspace_edit(cx: &Cx<'_>, edits: &[Edit]) -> lt::WorkspaceEdit {
    let edits = edits
        .iter()
        .map(|e| lt::TextEdit {
            range: cx.text.range(e.span.start, e.span.end, cx.enc),
            new_text: e.replacement.clone(),
        })
        .collect();
    lt::WorkspaceEdit {
        changes: Some(HashMap::from([(cx.uri.clone(), edits)])),
        ..Default::default()
    }
}
