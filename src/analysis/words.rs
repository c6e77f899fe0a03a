//! Word statistics shared by the repetition rules (not a rule): every word token's lowercase
//! form and lemma as small integer ids, which words are names, which sit inside quotations or
//! citations, and how often each lemma is used in the writer's own prose.
//!
//! Built in one pass over the tokens; each distinct word is lemmatised once, so the cost is
//! linear in the text plus a few dictionary look-ups per distinct word.

use crate::doc::{is_all_caps, is_capitalized, Document, TokenKind};
use crate::lexicon;
use crate::lexicon::lemma::lemma_lower;
use std::collections::HashMap;

/// No id: the token is not a word.
pub const NONE: u32 = u32::MAX;

/// Per-token flags.
pub const QUOTED: u8 = 1;
pub const CITED: u8 = 2;
/// The first word of its sentence (after any opening quotes or brackets).
pub const SENTENCE_START: u8 = 4;
/// In a heading, block quotation or works-cited entry: not the writer's running prose.
pub const NOT_PROSE: u8 = 8;

#[derive(Default, Clone)]
pub struct LemmaInfo {
    pub text: String,
    /// Uses in the writer's own prose (outside quotations, citations and non-prose paragraphs).
    pub count: u32,
    /// Mid-sentence uses written with a capital letter, and in lowercase.
    pub cap_mid: u32,
    pub low: u32,
    /// All-caps uses (NEP, USSR).
    pub caps: u32,
    pub function: bool,
    /// Mostly capitalised mid-sentence, or an acronym: a name the essay is about.
    pub name: bool,
}

pub struct Words {
    /// Lowercase-form id per token ([`NONE`] for non-words).
    pub form: Vec<u32>,
    /// Lemma id per token ([`NONE`] for non-words).
    pub lemma: Vec<u32>,
    pub flags: Vec<u8>,
    pub lemmas: Vec<LemmaInfo>,
    /// Words in the writer's own prose.
    pub prose_words: usize,
}

impl Words {
    pub fn new(doc: &Document) -> Words {
        let n = doc.tokens.len();
        let mut flags = vec![0u8; n];
        for q in &doc.quotations {
            for f in &mut flags[q.tokens.start.min(n)..q.tokens.end.min(n)] {
                *f |= QUOTED;
            }
        }
        for c in &doc.citations {
            let a = doc.token_at(c.span.start);
            let b = doc.token_at(c.span.end);
            for f in &mut flags[a.min(n)..b.min(n)] {
                *f |= CITED;
            }
        }
        for p in &doc.paragraphs {
            if !p.kind.is_own_prose() {
                for f in &mut flags[p.tokens.start.min(n)..p.tokens.end.min(n)] {
                    *f |= NOT_PROSE;
                }
            }
        }
        for s in &doc.sentences {
            if let Some(i) = s
                .tokens
                .clone()
                .find(|&i| doc.tokens[i].kind != TokenKind::Punct)
            {
                flags[i] |= SENTENCE_START;
            }
        }
        // A word right after a colon or an opening quotation may be capitalised too.
        for (i, f) in flags.iter_mut().enumerate().skip(1) {
            if matches!(doc.tok(i - 1), ":" | "“" | "\"" | "‘" | "(" | "[" | "—") {
                *f |= SENTENCE_START;
            }
        }

        let mut form_ids: HashMap<&str, u32> = HashMap::new();
        let mut lemma_ids: HashMap<String, u32> = HashMap::new();
        let mut form_lemma: Vec<u32> = Vec::new();
        let mut lemmas: Vec<LemmaInfo> = Vec::new();
        let mut form = vec![NONE; n];
        let mut lemma = vec![NONE; n];
        let mut prose_words = 0usize;
        for i in 0..n {
            let t = &doc.tokens[i];
            if t.kind != TokenKind::Word {
                continue;
            }
            let low = doc.lower(i);
            let next = form_ids.len() as u32;
            let fid = *form_ids.entry(low).or_insert(next);
            if fid as usize == form_lemma.len() {
                let l = lemma_lower(low);
                let nl = lemmas.len() as u32;
                let lid = match lemma_ids.get(l.as_ref()) {
                    Some(&id) => id,
                    None => {
                        lemma_ids.insert(l.to_string(), nl);
                        lemmas.push(LemmaInfo {
                            function: lexicon::is_function_word(&l)
                                || lexicon::is_function_word(low),
                            text: l.into_owned(),
                            ..Default::default()
                        });
                        nl
                    }
                };
                form_lemma.push(lid);
            }
            let lid = form_lemma[fid as usize];
            form[i] = fid;
            lemma[i] = lid;
            let f = flags[i];
            if f & (QUOTED | CITED | NOT_PROSE) != 0 {
                continue;
            }
            prose_words += 1;
            let info = &mut lemmas[lid as usize];
            info.count += 1;
            let s = doc.tok(i);
            if is_all_caps(s) && s.chars().count() >= 2 {
                info.caps += 1;
            } else if is_capitalized(s) {
                if f & SENTENCE_START == 0 {
                    info.cap_mid += 1;
                }
            } else {
                info.low += 1;
            }
        }
        for info in &mut lemmas {
            info.name = info.cap_mid > info.low
                || info.caps > info.low
                || (info.low == 0
                    && info.count > 0
                    && info.text.is_ascii()
                    && !lexicon::is_dictionary_word(&info.text));
        }
        Words {
            form,
            lemma,
            flags,
            lemmas,
            prose_words,
        }
    }

    /// True if token `i` is a word of the writer's own running prose.
    #[inline]
    pub fn own_prose(&self, i: usize) -> bool {
        self.lemma[i] != NONE && self.flags[i] & (QUOTED | CITED | NOT_PROSE) == 0
    }

    #[inline]
    pub fn info(&self, i: usize) -> Option<&LemmaInfo> {
        self.lemmas.get(self.lemma[i] as usize)
    }
}
