//! Round groups: (Medvedev 69), (Cohen, 1973, p. 310), narrative Cohen (1973), (69) after a quotation.

#[allow(unused_imports)]
use super::*;

pub(super) fn round(
    doc: &Document,
    g: &Group,
    out: &mut Vec<Citation>,
    name_only: &mut Vec<(Citation, bool)>,
) {
    let text = &doc.prose[g.inner.start..g.inner.end];
    let Some(segs) = parse_inner(text, g.inner.start) else {
        return;
    };
    let open = g.tokens.start.saturating_sub(1);
    if segs.len() == 1 {
        let seg = &segs[0];
        match seg.kind {
            SegKind::YearOnly => {
                if let Some(c) = narrative(doc, g, open, seg) {
                    out.push(c);
                }
                return;
            }
            SegKind::PageOnly(labelled) => {
                if labelled || page_context(doc, g, open) {
                    out.push(Citation {
                        span: g.span,
                        style: CiteStyle::Mla,
                        sources: vec![seg.src.clone()],
                        sentence: None,
                        certain: true,
                    });
                }
                return;
            }
            SegKind::NameOnly => {
                let n = &seg.names;
                if n.acronym || !ends_clause(doc, g) {
                    return;
                }
                let after_quote = after_quotation(doc, open);
                let strong = n.comma_form
                    || n.title_quoted
                    || n.source_word
                    || (after_quote && !n.common_word)
                    || n.et_al;
                name_only.push((
                    Citation {
                        span: g.span,
                        style: CiteStyle::Mla,
                        sources: vec![seg.src.clone()],
                        sentence: None,
                        certain: false,
                    },
                    strong,
                ));
                return;
            }
            SegKind::Full | SegKind::Ibid => {}
        }
    }
    if segs
        .iter()
        .any(|s| matches!(s.kind, SegKind::YearOnly | SegKind::PageOnly(_)))
    {
        return;
    }
    if !segs
        .iter()
        .any(|s| matches!(s.kind, SegKind::Full | SegKind::Ibid))
    {
        return;
    }
    // A lone acronym with a page ("(SBN 172)") is a citation, but an unsure one.
    let certain = segs.iter().any(|s| {
        s.kind == SegKind::Ibid
            || (s.kind == SegKind::Full
                && (s.src.year.is_some() || !(s.names.acronym || s.names.common_word)))
    });
    let style = segs
        .iter()
        .find(|s| s.kind == SegKind::Full)
        .map_or(CiteStyle::Mla, style_of);
    out.push(Citation {
        span: g.span,
        style,
        sources: segs.into_iter().map(|s| s.src).collect(),
        sentence: None,
        certain,
    });
}

/// The group is followed by clause punctuation or the end of the paragraph.
pub(super) fn ends_clause(doc: &Document, g: &Group) -> bool {
    let next = g.tokens.end + 1;
    let pend = doc.paragraphs[g.paragraph].tokens.end;
    next >= pend
        || matches!(
            doc.tok(next),
            "." | "," | ";" | ":" | "!" | "?" | "”" | "\""
        )
}

pub(super) fn is_closing_quote(s: &str) -> bool {
    matches!(s, "”" | "\"" | "’" | "'" | "»")
}

/// The token before `open` closes a quotation (possibly followed by a comma or stop).
pub(super) fn after_quotation(doc: &Document, open: usize) -> bool {
    let mut j = open;
    for _ in 0..2 {
        if j == 0 {
            return false;
        }
        j -= 1;
        let t = doc.tok(j);
        if is_closing_quote(t) {
            return true;
        }
        if !matches!(t, "," | "." | "…" | "...") {
            return false;
        }
    }
    false
}

/// A bare locator "(69)" is a citation after a quotation in its sentence, at the end of a block
/// quotation, or right after a reporting verb.
pub(super) fn page_context(doc: &Document, g: &Group, open: usize) -> bool {
    if after_quotation(doc, open) {
        return true;
    }
    let p = &doc.paragraphs[g.paragraph];
    if p.kind == ParagraphKind::BlockQuote && g.tokens.end + 2 >= p.tokens.end {
        return true;
    }
    if let Some(si) = doc.sentence_at(g.span.start) {
        let s = &doc.sentences[si];
        let from = doc
            .quotations
            .partition_point(|q| q.span.start < s.span.start);
        if doc.quotations[from..]
            .iter()
            .take_while(|q| q.span.start < g.span.start)
            .any(|q| q.closed && q.depth == 0 && q.span.end <= g.span.start)
        {
            return true;
        }
    }
    open > 0 && doc.tokens[open - 1].is_word() && lists::is_signal_verb(doc.lower(open - 1))
}

/// "Cohen (1973) argues", "Cohen and Smith (1973)", "Cohen et al.’s (1973)".
pub(super) fn narrative(doc: &Document, g: &Group, open: usize, seg: &Seg) -> Option<Citation> {
    let pstart = doc.paragraphs[g.paragraph].tokens.start;
    if open <= pstart {
        return None;
    }
    let mut j = open - 1;
    let mut et_al = false;
    if doc.tok(j) == "." && j >= pstart + 2 && doc.lower(j - 1) == "al" && doc.lower(j - 2) == "et"
    {
        et_al = true;
        j = j.checked_sub(3)?;
        if j < pstart {
            return None;
        }
    } else if doc.lower(j).starts_with("al") && j > pstart && doc.lower(j - 1) == "et" {
        et_al = true;
        j = j.checked_sub(2)?;
    }
    let mut possessive = false;
    let name_of = |k: usize, poss: &mut bool| -> Option<String> {
        if doc.tokens[k].kind != TokenKind::Word {
            return None;
        }
        let t = doc.tok(k);
        let mut base = t;
        for suf in ["’s", "'s", "’", "'"] {
            if let Some(b) = t.strip_suffix(suf) {
                base = b;
                *poss = true;
                break;
            }
        }
        let lower = base.to_lowercase();
        if !crate::doc::is_capitalized(base)
            || lexicon::is_function_word(&lower)
            || lists::is_not_source(&lower)
            || lists::is_month(&lower)
            || base.chars().count() < 2
        {
            return None;
        }
        Some(base.to_string())
    };
    let first = name_of(j, &mut possessive)?;
    let mut authors = vec![first];
    let mut k = j;
    let mut dummy = false;
    let mut organisation_name = false;
    // particles: "van Dijk"
    if k > pstart
        && lists::is_particle(doc.lower(k - 1))
        && doc.tok(k - 1).chars().all(|c| c.is_lowercase())
    {
        k -= 1;
        authors[0] = format!("{} {}", doc.tok(k), authors[0]);
    } else if !possessive && !et_al {
        // An organisation: "the National Institute of Mental Health (2007)".
        let mut m = k;
        let mut words = 1;
        while m > pstart && words < 7 {
            let prev = m - 1;
            let t = doc.tok(prev);
            let l = doc.lower(prev);
            let cap = doc.tokens[prev].is_word()
                && crate::doc::is_capitalized(t)
                && !lexicon::is_function_word(l)
                && !lists::is_not_source(l)
                && !t.ends_with("’s")
                && !t.ends_with("'s");
            let connector = matches!(l, "of" | "for" | "on");
            if !(cap || connector) {
                break;
            }
            m = prev;
            words += 1;
        }
        // Never end on a connector: "of Mental Health" keeps only "Mental Health".
        while m < k && matches!(doc.lower(m), "of" | "for" | "on") {
            m += 1;
        }
        if m < k && doc.tokens[m..k].iter().any(|t| t.is_word()) {
            let opens = doc
                .sentence_at(doc.tokens[m].span.start)
                .is_some_and(|s| doc.sentences[s].tokens.start == m);
            // A sentence-opening ordinary word is not part of the name ("Research (2001)").
            if opens
                && lexicon::is_dictionary_word(doc.lower(m))
                && !crate::doc::is_all_caps(doc.tok(m))
            {
                m += 1;
                while m < k && matches!(doc.lower(m), "of" | "for" | "on") {
                    m += 1;
                }
            }
            // Only an organisation's name is taken whole: "Institute of …", "… Network".
            let organisation = (m..=k).any(|i| {
                matches!(doc.lower(i), "of" | "for" | "on")
                    || lists::is_organisation_word(doc.lower(i))
            });
            if m < k && organisation {
                let prefix = &doc.text[doc.tokens[m].span.start..doc.tokens[k - 1].span.end];
                authors[0] = format!("{prefix} {}", authors[0]);
                k = m;
                organisation_name = true;
            }
        }
    }
    // "Smith and Jones", "Smith, Jones, and Brown"
    if !organisation_name && k >= pstart + 2 && matches!(doc.lower(k - 1), "and" | "&") {
        let mut m = k - 2;
        if doc.tok(m) == "," && m > pstart {
            m -= 1; // the Oxford comma
        }
        if let Some(a) = name_of(m, &mut dummy) {
            authors.insert(0, a);
            k = m;
            while k >= pstart + 2 && doc.tok(k - 1) == "," {
                let cand = k - 2;
                // "Similarly, Bonnot and Croizet (2007)": an adverb opening the sentence.
                let opens = doc
                    .sentence_at(doc.tokens[cand].span.start)
                    .is_some_and(|s| doc.sentences[s].tokens.start == cand);
                let l = doc.lower(cand);
                if opens
                    && (lexicon::is_function_word(l)
                        || l.ends_with("ly")
                        || matches!(
                            l,
                            "however"
                                | "thus"
                                | "therefore"
                                | "moreover"
                                | "furthermore"
                                | "indeed"
                                | "hence"
                                | "nevertheless"
                                | "nonetheless"
                                | "meanwhile"
                                | "instead"
                                | "again"
                                | "later"
                                | "first"
                                | "second"
                                | "third"
                                | "finally"
                                | "also"
                                | "yet"
                                | "still"
                                | "then"
                        ))
                {
                    break;
                }
                match name_of(cand, &mut dummy) {
                    Some(a) => {
                        authors.insert(0, a);
                        k = cand;
                    }
                    None => break,
                }
            }
        }
    }
    // The strength of the evidence that this is a citation, not a date after a name.
    let next_word = (g.tokens.end + 1
        ..(g.tokens.end + 5).min(doc.paragraphs[g.paragraph].tokens.end))
        .filter(|&i| doc.tokens[i].is_word())
        .find(|&i| {
            !matches!(
                doc.lower(i),
                "also"
                    | "has"
                    | "have"
                    | "had"
                    | "further"
                    | "similarly"
                    | "later"
                    | "recently"
                    | "first"
            )
        });
    let verb_after = next_word.is_some_and(|i| lists::is_signal_verb(doc.lower(i)));
    let according = k >= pstart + 2 && doc.lower(k - 1) == "to" && doc.lower(k - 2) == "according";
    let by_in = k > pstart && matches!(doc.lower(k - 1), "by" | "see" | "in" | "from");
    // A run of capitalised words before a year is as often a title or a place ("New York City
    // (2000)") as an organisation: it counts only if the list has it.
    // A name no dictionary knows, in either case ("Dhar (1997)", "Schütz (1981)"), is a
    // surname: a word or a place ("Spring (2007)", "Vietnam (1965)") would be known.
    let surname_only = authors.len() == 1
        && doc.tokens[k].is_word()
        && !lexicon::is_dictionary_word(doc.tok(k))
        && !lexicon::is_dictionary_word(doc.lower(k))
        && !lexicon::spell::has_capitalised_entry(doc.lower(k))
        && !crate::doc::is_all_caps(doc.tok(k));
    let certain = !organisation_name
        && (et_al
            || authors.len() > 1
            || possessive
            || verb_after
            || according
            || by_in
            || surname_only);
    let mut src = seg.src.clone();
    src.authors = authors;
    src.et_al = et_al;
    src.year_sep = None;
    src.span = Span::new(doc.tokens[k].span.start, g.span.end);
    Some(Citation {
        span: Span::new(doc.tokens[k].span.start, g.span.end),
        style: CiteStyle::Narrative,
        sources: vec![src],
        sentence: None,
        certain,
    })
}
