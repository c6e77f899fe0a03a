//! Inline suppression comments, shared by the readers.
//!
//! ```text
//! <!-- essaylint-disable-next-line [rule|category …] -->   the next non-blank line
//! <!-- essaylint-disable-line [rule …] -->                 the line the comment is on
//! <!-- essaylint-disable [rule …] -->                      from here …
//! <!-- essaylint-enable [rule …] -->                       … to here (or to the end of the file)
//! % essaylint-disable-next-line [rule …]                   the same, as LaTeX comments
//! ```
//!
//! With no names, every rule is suppressed. Names are rule names (`doubled-word`) or category
//! names (`spelling`), separated by spaces or commas; anything after ` -- ` is a reason and ignored.

use crate::doc::Span;

/// One directive, as written in a comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Directive {
    DisableNextLine(Vec<String>),
    DisableLine(Vec<String>),
    Disable(Vec<String>),
    Enable(Vec<String>),
}

/// Parses the inside of a comment (`essaylint-disable-next-line doubled-word`).
pub fn parse(body: &str) -> Option<Directive> {
    let body = body.trim();
    let rest = body.strip_prefix("essaylint-")?;
    let (word, names) = rest
        .split_once(|c: char| c.is_whitespace())
        .unwrap_or((rest, ""));
    let names: Vec<String> = names
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|s| !s.is_empty())
        .take_while(|s| *s != "--")
        .map(|s| s.to_ascii_lowercase())
        .collect();
    Some(match word {
        "disable-next-line" => Directive::DisableNextLine(names),
        "disable-line" => Directive::DisableLine(names),
        "disable" => Directive::Disable(names),
        "enable" => Directive::Enable(names),
        _ => return None,
    })
}

/// Collects directives in file order and turns them into suppressed spans.
#[derive(Default)]
pub struct Collector {
    /// Open disable regions: where they start, their rules, the comment that opened them.
    open: Vec<(usize, Vec<String>, Span)>,
    out: Vec<(Span, Vec<String>)>,
}

impl Collector {
    /// Records a directive whose comment occupies `comment` in `text`.
    pub fn add(&mut self, text: &str, comment: Span, d: Directive) {
        match d {
            Directive::DisableNextLine(names) => {
                let mut start = line_end(text, comment.end);
                // Skip blank lines: the directive covers the next line with text on it.
                loop {
                    if start >= text.len() {
                        return;
                    }
                    start += 1;
                    let end = line_end(text, start);
                    if !text[start..end].trim().is_empty() {
                        self.out.push((Span::new(start, end), names));
                        return;
                    }
                    start = end;
                }
            }
            Directive::DisableLine(names) => {
                let start = text[..comment.start].rfind('\n').map_or(0, |p| p + 1);
                self.out
                    .push((Span::new(start, line_end(text, comment.end)), names));
            }
            Directive::Disable(names) => self.open.push((comment.end, names, comment)),
            Directive::Enable(names) => {
                let mut keep = Vec::new();
                for (start, rules, at) in self.open.drain(..) {
                    // `enable` with no names ends every region; with names, the regions that
                    // named one of them (a region of every rule is ended by any `enable`).
                    let ends = names.is_empty()
                        || rules.is_empty()
                        || rules.iter().any(|r| names.contains(r));
                    if ends {
                        self.out.push((Span::new(start, comment.start), rules));
                    } else {
                        keep.push((start, rules, at));
                    }
                }
                self.open = keep;
            }
        }
    }

    /// Notices for disable regions no `essaylint-enable` closes (they run to the end of the
    /// file, which may be meant, but is worth a word): call before [`Collector::finish`].
    pub fn unclosed(&self) -> Vec<(Span, String)> {
        self.open
            .iter()
            .map(|(_, rules, at)| {
                let what = if rules.is_empty() {
                    "every rule".to_string()
                } else {
                    format!("`{}`", rules.join("`, `"))
                };
                (
                    *at,
                    format!("this essaylint-disable is never ended by an essaylint-enable: {what} is off from here to the end of the file"),
                )
            })
            .collect()
    }

    pub fn finish(mut self, text_len: usize) -> Vec<(Span, Vec<String>)> {
        for (start, rules, _) in self.open.drain(..) {
            self.out.push((Span::new(start, text_len), rules));
        }
        self.out.retain(|(s, _)| !s.is_empty());
        self.out.sort_by_key(|(s, _)| (s.start, s.end));
        self.out
    }
}

/// The offset of the newline ending the line that contains `pos` (or the text length).
fn line_end(text: &str, pos: usize) -> usize {
    let pos = pos.min(text.len());
    text.as_bytes()[pos..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(text.len(), |p| pos + p)
}

/// Finds `<!-- essaylint-… -->` comments in `text` (all of them, or those starting inside
/// `allowed` ranges when given), feeds them to `c` and returns the comment spans.
pub fn html_comments(
    text: &str,
    allowed: Option<&[std::ops::Range<usize>]>,
    c: &mut Collector,
) -> Vec<Span> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(p) = text[from..].find("<!--") {
        let start = from + p;
        let Some(q) = text[start + 4..].find("-->") else {
            break;
        };
        let end = start + 4 + q + 3;
        from = end;
        if let Some(ranges) = allowed {
            let i = ranges.partition_point(|r| r.end <= start);
            if ranges.get(i).is_none_or(|r| r.start > start) {
                continue;
            }
        }
        if let Some(d) = parse(&text[start + 4..end - 3]) {
            c.add(text, Span::new(start, end), d);
            found.push(Span::new(start, end));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<(String, Vec<String>)> {
        let mut c = Collector::default();
        html_comments(text, None, &mut c);
        c.finish(text.len())
            .into_iter()
            .map(|(s, r)| (text[s.start..s.end].to_string(), r))
            .collect()
    }

    #[test]
    fn next_line_skips_blank_lines() {
        let t = "a\n<!-- essaylint-disable-next-line doubled-word, spelling -->\n\nthe the\nlast";
        assert_eq!(
            spans(t),
            vec![(
                "the the".to_string(),
                vec!["doubled-word".to_string(), "spelling".to_string()]
            )]
        );
    }

    #[test]
    fn regions_and_reasons() {
        let t = "<!-- essaylint-disable -- quoted text -->x y<!-- essaylint-enable -->z";
        assert_eq!(spans(t), vec![("x y".to_string(), vec![])]);
        let t = "<!-- essaylint-disable spelling -->x";
        assert_eq!(spans(t), vec![("x".to_string(), vec!["spelling".into()])]);
        assert_eq!(parse("essaylint-frobnicate"), None);
        assert_eq!(parse("not ours"), None);
    }
}
