//! The lexer: a group's inner text as words, commas, colons, semicolons and quoted titles.

#[allow(unused_imports)]
use super::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum It {
    Word,
    Comma,
    Colon,
    Semi,
    Quoted,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Item<'a> {
    pub(super) s: &'a str,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: It,
}

/// Splits a group's inner text into words, commas, colons, semicolons and quoted titles.
/// `None` if it holds characters no citation has (`=`, `<`, `%`, brackets, …).
pub(super) fn lex<'a>(s: &'a str) -> Option<Vec<Item<'a>>> {
    let mut out: Vec<Item<'a>> = Vec::new();
    let mut i = 0;
    let b = s.as_bytes();
    let mut word_start: Option<usize> = None;
    let flush = |out: &mut Vec<Item<'a>>, ws: &mut Option<usize>, end: usize| {
        if let Some(st) = ws.take() {
            out.push(Item {
                s: &s[st..end],
                start: st,
                end,
                kind: It::Word,
            });
        }
    };
    while i < b.len() {
        let c = s[i..].chars().next().unwrap_or(' ');
        let cl = c.len_utf8();
        if c.is_whitespace() {
            flush(&mut out, &mut word_start, i);
            i += cl;
            continue;
        }
        match c {
            ',' | ';' => {
                flush(&mut out, &mut word_start, i);
                out.push(Item {
                    s: &s[i..i + 1],
                    start: i,
                    end: i + 1,
                    kind: if c == ',' { It::Comma } else { It::Semi },
                });
            }
            ':' => {
                // "3:16" stays one word.
                let digit_before = i > 0 && b[i - 1].is_ascii_digit();
                let digit_after = b.get(i + 1).is_some_and(|d| d.is_ascii_digit());
                if digit_before && digit_after && word_start.is_some() {
                    i += 1;
                    continue;
                }
                flush(&mut out, &mut word_start, i);
                out.push(Item {
                    s: &s[i..i + 1],
                    start: i,
                    end: i + 1,
                    kind: It::Colon,
                });
            }
            '“' | '"' | '‘' | '«' => {
                if word_start.is_some() && c == '‘' {
                    return None;
                }
                flush(&mut out, &mut word_start, i);
                let close: &[char] = match c {
                    '“' => &['”', '"'],
                    '"' => &['"', '”'],
                    '«' => &['»'],
                    _ => &['’', '\''],
                };
                let inner_start = i + cl;
                let mut j = inner_start;
                let mut found = None;
                while j < b.len() {
                    let d = s[j..].chars().next().unwrap_or(' ');
                    if close.contains(&d) {
                        let after = j + d.len_utf8();
                        let next = s[after..].chars().next();
                        // A closing single quote is not an apostrophe inside a word.
                        if c != '‘' || next.is_none_or(|n| !n.is_alphanumeric()) {
                            found = Some((j, after));
                            break;
                        }
                    }
                    j += d.len_utf8();
                }
                let (inner_end, after) = found?;
                out.push(Item {
                    s: &s[inner_start..inner_end],
                    start: inner_start,
                    end: inner_end,
                    kind: It::Quoted,
                });
                i = after;
                continue;
            }
            '=' | '<' | '>' | '%' | '+' | '*' | '|' | '#' | '$' | '(' | ')' | '[' | ']' | '{'
            | '}' | '~' | '^' | '!' | '?' | '→' | '×' | '±' | '≤' | '≥' | '@' | '\\' => {
                return None
            }
            '/' => {
                // Only inside a number ("1973/1990").
                let digit_before = i > 0 && b[i - 1].is_ascii_digit();
                let digit_after = b.get(i + 1).is_some_and(|d| d.is_ascii_digit());
                if !(digit_before && digit_after) {
                    return None;
                }
                if word_start.is_none() {
                    word_start = Some(i);
                }
            }
            '.' => {
                // "al.1996": a full stop between letters and digits ends the word.
                let letter_before = i > 0 && b[i - 1].is_ascii_alphabetic();
                let digit_after = b.get(i + 1).is_some_and(|d| d.is_ascii_digit());
                if word_start.is_none() {
                    word_start = Some(i);
                }
                if letter_before && digit_after {
                    flush(&mut out, &mut word_start, i + 1);
                }
            }
            _ => {
                if word_start.is_none() {
                    word_start = Some(i);
                }
            }
        }
        i += cl;
    }
    flush(&mut out, &mut word_start, s.len());
    Some(out)
}
