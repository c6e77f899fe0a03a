//! LaTeX: the prose of the document body. Masked, so spans stay in the original file: the preamble,
//! command names and the arguments that are not prose (labels, references, file names, lengths,
//! colours, definitions), comments, maths (`$…$`, `$$…$$`, `\(…\)`, `\[…\]` and the equation
//! environments), verbatim and picture environments, braces and alignment characters. Words written
//! with accent commands (`Schr\"odinger`) are masked whole rather than cut in two.
//!
//! `\cite`, `\parencite`, `\textcite` and the rest of the natbib and biblatex family become
//! citations with their keys and page notes. `\section` and its relatives are headings, `\item`s
//! list items, `quote`/`quotation`/`verse` block quotations, `thebibliography` entries references
//! and table cells fragments (reported as headings, which are spell-checked but not treated as
//! sentences). A line break inside a paragraph reads as a space; a blank line or a line of markup
//! ends a paragraph. `% essaylint-disable-next-line [rule …]`, `% essaylint-disable` and
//! `% essaylint-enable` suppress diagnostics.

use super::mask::Mask;
use super::suppress::{self, Collector};
use crate::doc::citation::{Apparatus, Citation, CiteSource, CiteStyle, Note};
use crate::doc::{ParagraphKind, Source, Span};

const SECTIONS: &[&str] = &[
    "part",
    "chapter",
    "section",
    "subsection",
    "subsubsection",
    "paragraph",
    "subparagraph",
    "title",
    "subtitle",
    "addsec",
    "addchap",
    "frametitle",
];

const CITES: &[&str] = &[
    "cite",
    "Cite",
    "citep",
    "citet",
    "citealp",
    "citealt",
    "citeauthor",
    "Citeauthor",
    "citeyear",
    "citeyearpar",
    "citetitle",
    "parencite",
    "Parencite",
    "textcite",
    "Textcite",
    "autocite",
    "Autocite",
    "footcite",
    "footcitetext",
    "smartcite",
    "Smartcite",
    "supercite",
    "fullcite",
    "footfullcite",
    "cites",
    "parencites",
    "Parencites",
    "textcites",
    "Textcites",
    "autocites",
    "Autocites",
    "footcites",
    "smartcites",
];

/// Commands whose first N mandatory arguments are not prose (optional arguments are always
/// masked). Arguments after those, if any, are read as prose groups.
const NON_PROSE_ARGS: &[(&str, usize)] = &[
    ("label", 1),
    ("ref", 1),
    ("eqref", 1),
    ("pageref", 1),
    ("cref", 1),
    ("Cref", 1),
    ("cpageref", 1),
    ("autoref", 1),
    ("nameref", 1),
    ("vref", 1),
    ("url", 1),
    ("nolinkurl", 1),
    ("href", 1),
    ("hyperref", 0),
    ("input", 1),
    ("include", 1),
    ("includeonly", 1),
    ("includegraphics", 1),
    ("includepdf", 1),
    ("usepackage", 1),
    ("RequirePackage", 1),
    ("documentclass", 1),
    ("bibliography", 1),
    ("bibliographystyle", 1),
    ("addbibresource", 1),
    ("nocite", 1),
    ("newcommand", 2),
    ("renewcommand", 2),
    ("providecommand", 2),
    ("DeclareRobustCommand", 2),
    ("newenvironment", 3),
    ("renewenvironment", 3),
    ("newtheorem", 2),
    ("DeclareMathOperator", 2),
    ("setlength", 2),
    ("addtolength", 2),
    ("settowidth", 2),
    ("setcounter", 2),
    ("addtocounter", 2),
    ("stepcounter", 1),
    ("refstepcounter", 1),
    ("vspace", 1),
    ("hspace", 1),
    ("author", 1),
    ("date", 1),
    ("thanks", 1),
    ("affiliation", 1),
    ("institute", 1),
    ("email", 1),
    ("pagestyle", 1),
    ("thispagestyle", 1),
    ("pagenumbering", 1),
    ("hypersetup", 1),
    ("geometry", 1),
    ("graphicspath", 1),
    ("color", 1),
    ("textcolor", 1),
    ("colorbox", 1),
    ("fcolorbox", 2),
    ("definecolor", 3),
    ("index", 1),
    ("glossary", 1),
    ("fontsize", 2),
    ("linespread", 1),
    ("captionsetup", 1),
    ("setmainfont", 1),
    ("setsansfont", 1),
    ("setmonofont", 1),
    ("usetheme", 1),
    ("usecolortheme", 1),
    ("printbibliography", 0),
    ("rule", 2),
    ("raisebox", 1),
    ("resizebox", 2),
    ("scalebox", 1),
    ("makebox", 0),
    ("parbox", 1),
    ("multicolumn", 2),
    ("multirow", 2),
    ("cline", 1),
    ("cmidrule", 1),
    ("hfill", 0),
    ("SI", 2),
    ("si", 1),
    ("num", 1),
    ("ensuremath", 1),
];

const MATH_ENVS: &[&str] = &[
    "equation",
    "equation*",
    "align",
    "align*",
    "alignat",
    "alignat*",
    "flalign",
    "flalign*",
    "gather",
    "gather*",
    "multline",
    "multline*",
    "eqnarray",
    "eqnarray*",
    "math",
    "displaymath",
    "dmath",
    "dmath*",
];

const SKIPPED_ENVS: &[&str] = &[
    "verbatim",
    "verbatim*",
    "Verbatim",
    "lstlisting",
    "minted",
    "comment",
    "filecontents",
    "filecontents*",
    "alltt",
    "tikzpicture",
    "pgfpicture",
    "picture",
    "pspicture",
    "forest",
    "axis",
    "code",
];

const LIST_ENVS: &[&str] = &[
    "itemize",
    "enumerate",
    "description",
    "compactitem",
    "compactenum",
    "inparaenum",
    "list",
    "asparaenum",
    "outline",
];

const QUOTE_ENVS: &[&str] = &[
    "quote",
    "quotation",
    "verse",
    "displayquote",
    "quoting",
    "epigraph",
];

const TABLE_ENVS: &[&str] = &[
    "tabular",
    "tabular*",
    "tabularx",
    "tabulary",
    "longtable",
    "tabu",
    "supertabular",
    "xtabular",
];

/// Mandatory arguments of `\begin{env}` that are not prose.
const ENV_ARGS: &[(&str, usize)] = &[
    ("tabular", 1),
    ("tabular*", 2),
    ("tabularx", 2),
    ("tabulary", 2),
    ("longtable", 1),
    ("tabu", 1),
    ("supertabular", 1),
    ("xtabular", 1),
    ("thebibliography", 1),
    ("minipage", 1),
    ("multicols", 1),
    ("list", 2),
    ("wrapfigure", 2),
    ("wraptable", 2),
    ("epigraph", 0),
];

/// Single-letter accents (`\"o`) and the letter commands that make a character (`\ss`, `\c{c}`).
const ACCENT_SYMBOLS: &[u8] = b"'`^\"~=.";
const ACCENT_WORDS: &[&str] = &[
    "c", "v", "u", "H", "r", "k", "d", "b", "t", "ss", "o", "O", "ae", "AE", "oe", "OE", "aa",
    "AA", "l", "L", "i", "j",
];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Env {
    List { item: bool },
    Quote,
    Bibliography,
    Table,
    Other,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Frame {
    Group,
    Heading,
}

struct Tex<'a> {
    text: &'a str,
    b: &'a [u8],
    mask: Mask,
    envs: Vec<(String, Env)>,
    frames: Vec<Frame>,
    headings: usize,
    region: (usize, ParagraphKind),
    regions: Vec<(usize, usize, ParagraphKind)>,
    cites: Vec<Citation>,
    supp: Collector,
    /// Unclosed maths and verbatim: where they start, what is swallowed.
    notices: Vec<(Span, String)>,
    /// `\footnote`s, `\bibitem` keys, `\bibliography` files.
    apparatus: Apparatus,
}

pub fn read(text: String) -> Source {
    let (blocks, citations, suppressions, masked, notices, apparatus) = {
        let mut t = Tex {
            text: &text,
            b: text.as_bytes(),
            mask: Mask::shown(&text),
            envs: Vec::new(),
            frames: Vec::new(),
            headings: 0,
            region: (0, ParagraphKind::Body),
            regions: Vec::new(),
            cites: Vec::new(),
            supp: Collector::default(),
            notices: Vec::new(),
            apparatus: Apparatus::default(),
        };
        let start = t.skip_preamble();
        t.run(start);
        let end = text.len();
        t.boundary(end);
        t.mask.hide_urls();
        soften(&text, &mut t.mask);
        let blocks = t.blocks();
        let Tex {
            mask,
            cites,
            supp,
            mut notices,
            apparatus,
            ..
        } = t;
        notices.extend(supp.unclosed());
        notices.sort_by_key(|(s, _)| s.start);
        (
            blocks,
            cites,
            supp.finish(text.len()),
            mask.finish(&text),
            notices,
            apparatus,
        )
    };
    Source {
        text,
        masked,
        blocks,
        citations,
        suppressions,
        notices,
        apparatus,
    }
}

impl<'a> Tex<'a> {
    /// Masks everything up to and including `\begin{document}`, if there is one.
    fn skip_preamble(&mut self) -> usize {
        let needle = "\\begin{document}";
        let mut from = 0;
        while let Some(p) = self.text[from..].find(needle) {
            let at = from + p;
            let line_start = self.text[..at].rfind('\n').map_or(0, |q| q + 1);
            if !self.text[line_start..at].contains('%') {
                // Directives in the preamble still count, and so do bibliography files.
                self.comments_in(0, at);
                self.preamble_bibliographies(at);
                self.mask.hide(0..at + needle.len());
                return at + needle.len();
            }
            from = at + needle.len();
        }
        0
    }

    /// `\addbibresource{refs.bib}` (and `\bibliography{…}`) in the preamble, which is masked
    /// without being read as commands.
    fn preamble_bibliographies(&mut self, to: usize) {
        let mut i = 0;
        while i < to {
            match self.b[i] {
                b'%' => i = self.eol(i),
                b'\\' => {
                    let mut j = i + 1;
                    while j < to && self.b[j].is_ascii_alphabetic() {
                        j += 1;
                    }
                    let name = &self.text[i + 1..j];
                    if matches!(name, "addbibresource" | "bibliography" | "addglobalbib") {
                        let (_, k) = self.optionals(j);
                        if let Some((a, z, e)) = self.argument(k) {
                            self.bib_names(a, z);
                            j = e.max(j);
                        }
                    }
                    i = j.max(i + 1);
                }
                _ => i += 1,
            }
        }
    }

    /// The comma-separated file names between `a` and `z`.
    fn bib_names(&mut self, a: usize, z: usize) {
        let mut s = a;
        for part in self.slice(a, z).split(',') {
            let lead = part.len() - part.trim_start().len();
            let name = part.trim();
            if !name.is_empty() {
                let p = s + lead;
                self.apparatus
                    .bib_files
                    .push((Span::new(p, p + name.len()), name.to_string()));
            }
            s += part.len() + 1;
        }
    }

    /// Reads suppression directives in `%` comments of a masked stretch.
    fn comments_in(&mut self, from: usize, to: usize) {
        let mut i = from;
        while i < to {
            match self.b[i] {
                b'\\' => i += 2,
                b'%' => {
                    let end = self.eol(i);
                    self.directive(i, end);
                    i = end;
                }
                _ => i += 1,
            }
        }
    }

    fn eol(&self, i: usize) -> usize {
        self.b[i..]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(self.b.len(), |p| i + p)
    }

    fn directive(&mut self, start: usize, end: usize) {
        let body = self.text[start..end].trim_start_matches('%');
        if let Some(d) = suppress::parse(body) {
            self.supp.add(self.text, Span::new(start, end), d);
        }
    }

    fn kind(&self) -> ParagraphKind {
        if self.headings > 0 {
            return ParagraphKind::Heading;
        }
        for (_, e) in self.envs.iter().rev() {
            match e {
                Env::List { item: true } => return ParagraphKind::ListItem,
                Env::Quote => return ParagraphKind::BlockQuote,
                Env::Bibliography => return ParagraphKind::Reference,
                Env::Table => return ParagraphKind::Heading,
                Env::List { item: false } | Env::Other => {}
            }
        }
        ParagraphKind::Body
    }

    /// Ends the current block region at `at` and starts one of the current kind.
    fn boundary(&mut self, at: usize) {
        let (start, kind) = self.region;
        if start < at {
            self.regions.push((start, at, kind));
        }
        self.region = (at, self.kind());
    }

    fn blocks(&self) -> Vec<(Span, ParagraphKind)> {
        let mut out = Vec::new();
        let masked = &self.mask;
        for &(s, e, k) in &self.regions {
            if k == ParagraphKind::Body || !masked.has_prose(s..e) {
                continue;
            }
            // Trim to the prose inside.
            let mut a = s;
            while a < e && !masked.is_shown(self.text, a) {
                a += 1;
            }
            let mut z = e;
            while z > a && !masked.is_shown(self.text, z - 1) {
                z -= 1;
            }
            if a < z {
                out.push((Span::new(a, z), k));
            }
        }
        out
    }

    fn run(&mut self, mut i: usize) {
        let n = self.b.len();
        while i < n {
            match self.b[i] {
                b'%' => {
                    let end = self.eol(i);
                    self.directive(i, end);
                    self.mask.hide(i..end);
                    i = end;
                }
                b'\\' => {
                    match self.command(i) {
                        Some(next) => i = next,
                        None => return, // \end{document}
                    }
                }
                b'$' => {
                    let (end, closed) = self.math_dollar(i);
                    let double = self.b.get(i + 1) == Some(&b'$');
                    if !closed {
                        let mark = if double { "$$" } else { "$" };
                        let to = if end == self.b.len() {
                            "the end of the file"
                        } else {
                            "the next blank line"
                        };
                        self.notice(
                            i,
                            i + mark.len(),
                            format!("this `{mark}` is never closed: everything up to {to} is read as maths, not checked"),
                        );
                    }
                    self.mask.hide(i..end);
                    i = end;
                }
                b'{' => {
                    self.frames.push(Frame::Group);
                    self.mask.hide(i..i + 1);
                    i += 1;
                }
                b'}' => {
                    self.mask.hide(i..i + 1);
                    if self.frames.pop() == Some(Frame::Heading) {
                        self.headings = self.headings.saturating_sub(1);
                        self.boundary(i + 1);
                    }
                    i += 1;
                }
                b'~' | b'&' | b'#' | b'^' | b'_' => {
                    self.mask.hide(i..i + 1);
                    i += 1;
                }
                _ => i += 1,
            }
        }
    }

    fn notice(&mut self, start: usize, end: usize, message: String) {
        let end = self.char_end(end.saturating_sub(1)).max(start);
        self.notices
            .push((Span::new(start, end.min(self.b.len())), message));
    }

    /// `$…$` or `$$…$$`: the end of the maths (an unclosed one runs to the next blank line).
    fn math_dollar(&self, i: usize) -> (usize, bool) {
        let double = self.b.get(i + 1) == Some(&b'$');
        let mut j = i + if double { 2 } else { 1 };
        while j < self.b.len() {
            match self.b[j] {
                b'\\' => j += 2,
                b'$' => {
                    if !double {
                        return (j + 1, true);
                    }
                    if self.b.get(j + 1) == Some(&b'$') {
                        return (j + 2, true);
                    }
                    j += 1;
                }
                b'\n' if self.blank_line_after(j) => return (j, false),
                _ => j += 1,
            }
        }
        (self.b.len(), false)
    }

    fn blank_line_after(&self, nl: usize) -> bool {
        let end = self.eol(nl + 1);
        self.b[nl + 1..end].iter().all(|c| c.is_ascii_whitespace())
    }

    fn skip_ws(&self, mut i: usize) -> usize {
        while i < self.b.len() && matches!(self.b[i], b' ' | b'\t' | b'\r' | b'\n') {
            // Arguments may follow on the next line, but not across a blank line.
            if self.b[i] == b'\n' && self.blank_line_after(i) {
                break;
            }
            i += 1;
        }
        i
    }

    /// The end of a balanced group opening at `i` (`{` … `}` or `[` … `]`).
    fn group_end(&self, i: usize) -> usize {
        self.group(i).0
    }

    /// The text inside a group opening at `i` (after the opening character, before the closing
    /// one, or to where an unclosed group stops) and the group's end.
    fn group_inside(&self, i: usize) -> (usize, usize, usize) {
        let (end, closed) = self.group(i);
        let inner_end = if closed { end - 1 } else { end };
        (i + 1, inner_end.max(i + 1), end)
    }

    /// The end of a balanced group opening at `i`, and whether it was closed (an unclosed group
    /// stops at a blank line or the end of the text).
    fn group(&self, i: usize) -> (usize, bool) {
        let (open, close) = if self.b[i] == b'[' {
            (b'[', b']')
        } else {
            (b'{', b'}')
        };
        let mut depth = 0usize;
        let mut j = i;
        while j < self.b.len() {
            let c = self.b[j];
            if c == b'\\' {
                j += 2;
                continue;
            }
            if c == b'%' {
                j = self.eol(j);
                continue;
            }
            if c == open {
                depth += 1;
            } else if c == close {
                depth -= 1;
                if depth == 0 {
                    return (j + 1, true);
                }
            } else if c == b'\n' && self.blank_line_after(j) {
                // Arguments do not run across paragraphs: an unclosed one stops at the blank
                // line (which also keeps broken input linear).
                return (j, false);
            }
            j += 1;
        }
        (self.b.len(), false)
    }

    /// The text from `a` to `z`, both moved back to character boundaries: positions found by
    /// byte scanning may fall inside a multi-byte character of malformed markup.
    fn slice(&self, a: usize, z: usize) -> &'a str {
        let text = self.text;
        let floor = |mut p: usize| {
            p = p.min(text.len());
            while !text.is_char_boundary(p) {
                p -= 1;
            }
            p
        };
        let (a, z) = (floor(a), floor(z));
        text.get(a..z.max(a)).unwrap_or("")
    }

    /// The end of the character starting at `i` (one past the text's end is the end).
    fn char_end(&self, i: usize) -> usize {
        self.text
            .get(i..)
            .and_then(|t| t.chars().next())
            .map_or((i + 1).min(self.b.len()), |c| i + c.len_utf8())
    }

    /// Optional arguments `[…]` at `i` (after spaces): masked; returns their texts and the end.
    fn optionals(&mut self, i: usize) -> (Vec<(usize, usize)>, usize) {
        let mut out = Vec::new();
        let mut j = i;
        loop {
            let k = self.skip_ws(j);
            if self.b.get(k) != Some(&b'[') {
                return (out, j);
            }
            let (a, z, end) = self.group_inside(k);
            out.push((a, z));
            self.mask.hide(j..end);
            j = end;
        }
    }

    /// One mandatory argument at `i` (after spaces): a group, a control sequence or a character.
    /// Returns (content start, content end, end) without masking.
    fn argument(&self, i: usize) -> Option<(usize, usize, usize)> {
        let k = self.skip_ws(i);
        match self.b.get(k)? {
            b'{' => Some(self.group_inside(k)),
            b'\\' => {
                let mut e = k + 1;
                while e < self.b.len() && self.b[e].is_ascii_alphabetic() {
                    e += 1;
                }
                if e == k + 1 {
                    // A control symbol: the backslash and one character (of any length).
                    e = self.char_end(k + 1);
                }
                Some((k, e, e))
            }
            b'}' | b'%' => None,
            _ => {
                let c = self.text.get(k..)?.chars().next()?;
                Some((k, k + c.len_utf8(), k + c.len_utf8()))
            }
        }
    }

    /// Masks `n` mandatory arguments (and optional ones around them) from `i`; returns the end.
    fn skip_args(&mut self, mut i: usize, n: usize) -> usize {
        for _ in 0..n {
            let (_, j) = self.optionals(i);
            i = j;
            let Some((_, _, end)) = self.argument(i) else {
                return i;
            };
            self.mask.hide(i..end);
            i = end;
        }
        let (_, j) = self.optionals(i);
        j
    }

    /// Handles the command at `i` (a backslash); returns where to go on, or `None` at the end
    /// of the document.
    fn command(&mut self, i: usize) -> Option<usize> {
        let b = self.b;
        let Some(&c) = b.get(i + 1) else {
            self.mask.hide(i..i + 1);
            return Some(i + 1);
        };
        if !c.is_ascii_alphabetic() {
            return Some(self.control_symbol(i, c));
        }
        let mut j = i + 1;
        while j < b.len() && b[j].is_ascii_alphabetic() {
            j += 1;
        }
        let name = &self.text[i + 1..j];
        let starred = b.get(j) == Some(&b'*');
        let after = if starred { j + 1 } else { j };

        if ACCENT_WORDS.contains(&name) {
            return Some(self.hide_accented_word(i, j));
        }
        self.mask.hide(i..after);
        match name {
            "begin" => Some(self.begin(i, after)),
            "end" => self.end(i, after),
            "item" => {
                self.boundary(i);
                if let Some((_, Env::List { item })) = self.envs.last_mut() {
                    *item = true;
                }
                self.region.1 = self.kind();
                let (_, e) = self.optionals(after);
                Some(e)
            }
            "bibitem" => {
                self.boundary(i);
                // \bibitem[label]{key}: the entry's key, for `\cite{key}`.
                let (_, k) = self.optionals(after);
                if let Some((a, z, _)) = self.argument(k) {
                    let key = self.slice(a, z).trim();
                    if !key.is_empty() && !key.starts_with('\\') {
                        self.apparatus.entry_keys.push((i, key.to_string()));
                    }
                }
                Some(self.skip_args(after, 1))
            }
            "bibliography" | "addbibresource" | "addglobalbib" | "addsectionbib" => {
                let (_, k) = self.optionals(after);
                if let Some((a, z, _)) = self.argument(k) {
                    self.bib_names(a, z);
                }
                Some(self.skip_args(after, 1))
            }
            "footnote" | "endnote" => {
                // The note's text stays prose where it stands; it is recorded so the citation
                // analysis can read the source it cites, if any.
                let (_, k) = self.optionals(after);
                let s = self.skip_ws(k);
                if self.b.get(s) == Some(&b'{') {
                    let (a, z, _) = self.group_inside(s);
                    let n = self.apparatus.notes.len() + 1;
                    self.apparatus.notes.push(Note {
                        label: format!("latex-note-{n}"),
                        span: Span::new(a, z),
                        marker: Some(Span::new(i, after)),
                    });
                }
                Some(k)
            }
            "par" => Some(after),
            "verb" | "lstinline" | "mintinline" => Some(self.verb(i, after, name)),
            "def" | "gdef" | "edef" | "xdef" => {
                // \def\name#1#2{body}
                let Some((_, _, e)) = self.argument(after) else {
                    return Some(after);
                };
                let mut k = e;
                while k < b.len() && b[k] != b'{' && b[k] != b'\n' {
                    k += 1;
                }
                let end = if b.get(k) == Some(&b'{') {
                    self.group_end(k)
                } else {
                    k
                };
                self.mask.hide(i..end);
                Some(end)
            }
            _ if SECTIONS.contains(&name) => {
                self.boundary(i);
                let (_, k) = self.optionals(after);
                let k2 = self.skip_ws(k);
                if b.get(k2) == Some(&b'{') {
                    self.mask.hide(k..k2 + 1);
                    self.frames.push(Frame::Heading);
                    self.headings += 1;
                    self.boundary(k2 + 1);
                    Some(k2 + 1)
                } else {
                    Some(k)
                }
            }
            _ if CITES.contains(&name) => Some(self.citation(i, after, name)),
            _ => {
                if let Some(&(_, n)) = NON_PROSE_ARGS.iter().find(|(c, _)| *c == name) {
                    return Some(self.skip_args(after, n));
                }
                // Any other command: its name is masked, its optional arguments too, and braced
                // arguments are read as prose (\emph{…}, \footnote{…}, \textbf{…}).
                let (_, e) = self.optionals(after);
                Some(e)
            }
        }
    }

    fn control_symbol(&mut self, i: usize, c: u8) -> usize {
        match c {
            b'\\' => {
                self.mask.hide(i..i + 2);
                let mut e = i + 2;
                if self.b.get(e) == Some(&b'*') {
                    self.mask.hide(e..e + 1);
                    e += 1;
                }
                let (_, e) = self.optionals(e);
                if matches!(self.envs.last(), Some((_, Env::Table))) {
                    self.boundary(e);
                }
                e
            }
            b'[' | b'(' => {
                let close = if c == b'[' { "\\]" } else { "\\)" };
                let end = match self.text[i + 2..].find(close) {
                    Some(p) => i + 2 + p + 2,
                    None => {
                        self.notice(
                            i,
                            i + 2,
                            format!("this `\\{}` is never closed by `{close}`: the rest of the file is read as maths, not checked", c as char),
                        );
                        self.b.len()
                    }
                };
                self.mask.hide(i..end);
                end
            }
            b'%' | b'&' | b'$' | b'#' | b'_' | b'{' | b'}' => {
                // An escaped character is prose; only the backslash is markup.
                self.mask.hide(i..i + 1);
                i + 2
            }
            _ if ACCENT_SYMBOLS.contains(&c) => self.hide_accented_word(i, i + 2),
            _ => {
                // \, \; \! \  \/ \- \@ and other spacing or control symbols.
                let n = self.text[i + 1..]
                    .chars()
                    .next()
                    .map_or(1, |ch| ch.len_utf8());
                self.mask.hide(i..i + 1 + n);
                i + 1 + n
            }
        }
    }

    /// A word containing an accent command (`Schr\"odinger`, `na\"{\i}ve`) cannot be shown with
    /// the command masked without splitting it: the whole word is masked instead.
    fn hide_accented_word(&mut self, cmd_start: usize, cmd_end: usize) -> usize {
        let b = self.b;
        let letter = |c: u8| c.is_ascii_alphabetic() || c >= 0x80;
        let mut a = cmd_start;
        while a > 0 && letter(b[a - 1]) {
            a -= 1;
        }
        let mut e = cmd_end.min(b.len());
        while e < b.len() {
            if letter(b[e]) {
                e += 1;
            } else if b[e] == b'{' {
                // The accent's argument: `{o}`, `{\i}`.
                e = self.group_end(e);
            } else if b[e] == b'\\' && e + 1 < b.len() {
                let c = b[e + 1];
                if ACCENT_SYMBOLS.contains(&c) {
                    e += 2;
                    continue;
                }
                let mut k = e + 1;
                while k < b.len() && b[k].is_ascii_alphabetic() {
                    k += 1;
                }
                if k > e + 1 && ACCENT_WORDS.contains(&&self.text[e + 1..k]) {
                    e = k;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        while e < b.len() && !self.text.is_char_boundary(e) {
            e += 1;
        }
        while a > 0 && !self.text.is_char_boundary(a) {
            a -= 1;
        }
        self.mask.hide(a..e);
        e
    }

    fn verb(&mut self, i: usize, after: usize, name: &str) -> usize {
        let b = self.b;
        let mut k = after;
        if name != "verb" {
            let (_, e) = self.optionals(k);
            k = e;
            if name == "mintinline" {
                if let Some((_, _, e)) = self.argument(k) {
                    k = e;
                }
            }
        }
        let Some(delim) = self.text.get(k..).and_then(|t| t.chars().next()) else {
            return k;
        };
        let close = if delim == '{' { '}' } else { delim };
        let from = k + delim.len_utf8();
        let rest = self.text.get(from..).unwrap_or("");
        let found = rest.char_indices().find(|&(_, c)| c == close || c == '\n');
        if found.is_none_or(|(_, c)| c != close) {
            self.notice(
                i,
                from,
                format!("this `\\{name}` is never closed by `{close}`: the rest of its line is skipped as code"),
            );
        }
        let end = found
            .map_or(b.len(), |(p, c)| from + p + c.len_utf8())
            .min(b.len());
        self.mask.hide(i..end);
        end
    }

    fn begin(&mut self, i: usize, after: usize) -> usize {
        let Some((a, z, end)) = self.argument(after) else {
            return after;
        };
        let name = self.slice(a, z).trim().to_string();
        self.mask.hide(after..end);
        if MATH_ENVS.contains(&name.as_str()) || SKIPPED_ENVS.contains(&name.as_str()) {
            let close = format!("\\end{{{name}}}");
            let stop = self
                .text
                .get(end..)
                .and_then(|t| t.find(&close))
                .map_or(self.b.len(), |p| end + p + close.len());
            if stop == self.b.len() && !self.text.ends_with(&close) {
                let what = if MATH_ENVS.contains(&name.as_str()) {
                    "read as maths"
                } else {
                    "skipped as not prose"
                };
                self.notice(
                    i,
                    end,
                    format!("`\\begin{{{name}}}` has no `{close}`: the rest of the file is {what}, not checked"),
                );
            }
            // Directives inside a skipped environment are not read: it is not prose.
            self.mask.hide(i..stop);
            return stop;
        }
        let env = if LIST_ENVS.contains(&name.as_str()) {
            Env::List { item: false }
        } else if QUOTE_ENVS.contains(&name.as_str()) {
            Env::Quote
        } else if name == "thebibliography" {
            Env::Bibliography
        } else if TABLE_ENVS.contains(&name.as_str()) {
            Env::Table
        } else {
            Env::Other
        };
        let n = ENV_ARGS
            .iter()
            .find(|(e, _)| *e == name)
            .map_or(0, |(_, n)| *n);
        let e = self.skip_args(end, n);
        self.boundary(i);
        self.envs.push((name, env));
        self.region.1 = self.kind();
        e
    }

    fn end(&mut self, i: usize, after: usize) -> Option<usize> {
        let Some((a, z, end)) = self.argument(after) else {
            return Some(after);
        };
        let name = self.slice(a, z).trim();
        self.mask.hide(after..end);
        if name == "document" {
            // Directives after the end are not read; the rest is not the essay.
            self.boundary(i);
            self.mask.hide(i..self.b.len());
            return None;
        }
        self.boundary(i);
        if let Some(p) = self.envs.iter().rposition(|(n, _)| n == name) {
            self.envs.truncate(p);
        }
        self.region.1 = self.kind();
        Some(end)
    }

    fn citation(&mut self, i: usize, after: usize, name: &str) -> usize {
        let multi = name.ends_with("cites");
        let mut j = after;
        let mut sources = Vec::new();
        loop {
            let (opts, k) = self.optionals(j);
            let Some((a, z, end)) = self.argument(k).filter(|_| {
                let s = self.skip_ws(k);
                self.b.get(s) == Some(&b'{')
            }) else {
                j = k;
                break;
            };
            // natbib and biblatex: one optional argument is the page note, two are the
            // prenote and the page note.
            let pages = opts.last().map(|&(s, e)| {
                self.slice(s, e)
                    .replace('~', " ")
                    .trim()
                    .trim_start_matches("pp.")
                    .trim_start_matches("p.")
                    .trim()
                    .to_string()
            });
            let pages = pages.filter(|p| !p.is_empty() && p.chars().any(|c| c.is_ascii_digit()));
            let mut s = a;
            for part in self.slice(a, z).split(',') {
                let lead = part.len() - part.trim_start().len();
                let key = part.trim();
                if !key.is_empty() {
                    let ks = s + lead;
                    sources.push(CiteSource {
                        span: Span::new(ks, ks + key.len()),
                        key: Some(key.to_string()),
                        pages: pages.clone(),
                        ..Default::default()
                    });
                }
                s += part.len() + 1;
            }
            j = end;
            if !multi {
                break;
            }
        }
        self.mask.hide(i..j);
        if !sources.is_empty() {
            self.cites.push(Citation {
                span: Span::new(i, j),
                style: CiteStyle::Latex,
                sources,
                sentence: None,
                certain: true,
            });
        }
        j
    }
}

/// A line break is a space inside a paragraph. A newline stays a newline (a paragraph break in
/// the prose view) next to a blank line or a line of markup with no prose on it (`\begin{…}`,
/// `\item` alone, `\label{…}`); comment-only lines are transparent, as in LaTeX.
fn soften(text: &str, mask: &mut Mask) {
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut s = 0;
    for (p, _) in text.match_indices('\n') {
        lines.push((s, p));
        s = p + 1;
    }
    lines.push((s, text.len()));
    // For each line: does it let a paragraph run through it?
    let joins: Vec<bool> = lines
        .iter()
        .map(|&(a, z)| {
            let src = text[a..z].trim();
            !src.is_empty() && (src.starts_with('%') || mask.has_prose(a..z))
        })
        .collect();
    for k in 0..lines.len().saturating_sub(1) {
        if joins[k] && joins[k + 1] {
            mask.soften(lines[k].1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The prose view with runs of spaces collapsed.
    fn prose(t: &str) -> String {
        let s = read(t.to_string());
        let m = s.masked.unwrap();
        assert_eq!(m.len(), t.len());
        m.split(' ')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn commands_comments_maths_masked() {
        let t = "\\documentclass{article}\n\\title{Secret}\n\\begin{document}\nThe \\emph{real} text, $x^2$ here % note\nand \\[ y \\] there\\footnote{A note.}.\n\\begin{equation}\nE = mc^2\n\\end{equation}\n\\end{document}\nafter";
        let p = prose(t);
        assert!(!p.contains("documentclass") && !p.contains("Secret"));
        assert!(p.contains("The real text,"), "{p}");
        assert!(!p.contains("x^2") && !p.contains("note\n"));
        assert!(p.contains("A note."));
        assert!(!p.contains("mc") && !p.contains("after"));
    }

    #[test]
    fn citations_with_keys_and_pages() {
        let t = "As shown \\citep[see][p.~45]{smith2001, doe99} and \\textcite{lee}.";
        let s = read(t.to_string());
        assert_eq!(s.citations.len(), 2);
        let c = &s.citations[0];
        assert_eq!(c.style, CiteStyle::Latex);
        let keys: Vec<_> = c.sources.iter().map(|x| x.key.clone().unwrap()).collect();
        assert_eq!(keys, vec!["smith2001", "doe99"]);
        assert_eq!(c.sources[0].pages.as_deref(), Some("45"));
        assert_eq!(&t[c.sources[1].span.start..c.sources[1].span.end], "doe99");
        assert!(!s.masked.unwrap().contains("smith"));
    }

    #[test]
    fn structure_as_blocks() {
        let t = "\\section{Introduction}\nSome text here.\n\\begin{itemize}\n\\item First point.\n\\item Second point.\n\\end{itemize}\n\\begin{quote}\nQuoted words.\n\\end{quote}\n";
        let d = crate::analysis::build(read(t.to_string()));
        let kinds: Vec<_> = d
            .paragraphs
            .iter()
            .map(|p| (d.slice(p.span).to_string(), p.kind))
            .collect();
        assert_eq!(
            kinds,
            vec![
                ("Introduction".to_string(), ParagraphKind::Heading),
                ("Some text here.".to_string(), ParagraphKind::Body),
                ("First point.".to_string(), ParagraphKind::ListItem),
                ("Second point.".to_string(), ParagraphKind::ListItem),
                ("Quoted words.".to_string(), ParagraphKind::BlockQuote),
            ]
        );
    }

    #[test]
    fn lines_join_into_paragraphs() {
        let t = "One sentence.\nAnother one.\n% a comment\nA third.\n\nNew paragraph.";
        let d = crate::analysis::build(read(t.to_string()));
        assert_eq!(d.paragraphs.len(), 2);
    }

    #[test]
    fn accents_mask_the_whole_word() {
        let p = prose("Schr\\\"odinger and na\\\"{\\i}ve ideas, 50\\% off.");
        assert!(!p.contains("Schr") && !p.contains("odinger") && !p.contains("ve "));
        assert!(p.contains("and"));
        assert!(p.contains("ideas, 50 % off."), "{p}");
    }

    #[test]
    fn suppression_comments() {
        let t = "First.\n% essaylint-disable-next-line doubled-word\nthe the end.\n";
        let s = read(t.to_string());
        assert_eq!(s.suppressions.len(), 1);
        let sp = s.suppressions[0].0;
        assert_eq!(&t[sp.start..sp.end], "the the end.");
    }

    #[test]
    fn broken_input_does_not_panic() {
        for t in [
            "\\",
            "{",
            "}",
            "$",
            "\\begin{",
            "\\begin{itemize",
            "\\verb",
            "\\cite[",
            "\\section",
            "é\\\"",
            "\\\"é",
            "\\end{document}",
            "\\[ unclosed",
            "%",
            "\\def",
            // Multi-byte characters where the reader expected markup (found by fuzzing).
            "\\end\\é",
            "\\begin\\é",
            "\\begin{é",
            "\\cite{é",
            "Text \\end{café\n\nmore",
            "\\cite[é",
            "\\verbé x é",
            "\\verb",
            "\\begin{verbatim\\é",
        ] {
            let s = read(t.to_string());
            if let Some(m) = &s.masked {
                assert_eq!(m.len(), t.len());
            }
            let _ = crate::analysis::build(s);
        }
    }
}
