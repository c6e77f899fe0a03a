//! Segments: one source each, separated by `;` (prefixes, ibid., year, locator, names).

#[allow(unused_imports)]
use super::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum SegKind {
    /// Names with a year or a page.
    Full,
    /// Names alone.
    NameOnly,
    /// A year alone: "(1973)", "(1973, p. 310)".
    YearOnly,
    /// A locator alone; `true` if labelled ("p. 45").
    PageOnly(bool),
    Ibid,
}

#[derive(Debug)]
pub(super) struct Seg {
    pub(super) src: CiteSource,
    pub(super) kind: SegKind,
    pub(super) names: Names,
}

pub(super) fn parse_segment(items: &[Item<'_>], text: &str, base: usize) -> Option<Seg> {
    if items.is_empty() {
        return None;
    }
    let seg_start = items[0].start;
    let seg_end = items[items.len() - 1].end;
    let mut src = CiteSource {
        span: Span::new(base + seg_start, base + seg_end),
        ..Default::default()
    };
    // Prefixes: "see", "cf.", "qtd. in", "e.g.,".
    let mut k = 0;
    'outer: loop {
        let rest = &text[items[k].start..seg_end];
        let lower = rest.to_lowercase();
        for (p, secondary) in lists::prefixes() {
            if lower.starts_with(p)
                && lower[p.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_whitespace() || c == ',')
            {
                let cut = items[k].start + p.len();
                let mut j = k;
                while j < items.len() && items[j].start < cut {
                    j += 1;
                }
                while j < items.len() && items[j].kind == It::Comma {
                    j += 1;
                }
                if j >= items.len() || j == k {
                    return None;
                }
                src.secondary |= *secondary;
                k = j;
                continue 'outer;
            }
        }
        break;
    }
    let items = &items[k..];
    // A secondary citation: "Bowlby, 1969, as cited in Jones, 1998" or "1983, as cited in
    // Jones, 1998". APA lists only the work read (Jones): the segment stands for it, marked
    // secondary, and the original (Bowlby) is not looked up in the list.
    if let Some(inner) = secondary_tail(items, text, base) {
        return Some(inner);
    }
    let start = items[0].start;
    src.span.start = base + start;
    let body = text[start..seg_end].trim();
    let lower = body.to_lowercase();

    // ibid.
    let ib = lower.trim_start_matches(['(', ' ']);
    for p in ["ibid.", "ibid", "ibidem", "id."] {
        if let Some(rest) = ib.strip_prefix(p) {
            let rest = rest.trim_start_matches([',', ' ', '.']);
            if rest.is_empty() {
                src.ibid = true;
                return Some(Seg {
                    src,
                    kind: SegKind::Ibid,
                    names: Names::default(),
                });
            }
            if parse_loc(rest).is_some() {
                src.ibid = true;
                src.pages = Some(rest.trim().to_string());
                return Some(Seg {
                    src,
                    kind: SegKind::Ibid,
                    names: Names::default(),
                });
            }
            return None;
        }
    }

    // A locator alone.
    if let Some(labelled) = parse_loc(body) {
        // A year range is a date, not pages.
        let nums: Vec<&str> = body
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .collect();
        if !labelled && !nums.is_empty() && nums.iter().all(|n| is_year_value(n)) {
            if nums.len() == 1 {
                src.year = Some(body.trim_end_matches('.').to_string());
                return Some(Seg {
                    src,
                    kind: SegKind::YearOnly,
                    names: Names::default(),
                });
            }
            return None;
        }
        src.pages = Some(body.to_string());
        return Some(Seg {
            src,
            kind: SegKind::PageOnly(labelled),
            names: Names::default(),
        });
    }

    // The year, if any.
    let mut year_at = None;
    for (i, it) in items.iter().enumerate() {
        if it.kind != It::Word {
            continue;
        }
        let l = it.s.to_lowercase();
        if is_year(it.s) {
            year_at = Some((i, i + 1));
            break;
        }
        if matches!(l.as_str(), "n.d." | "n.d" | "n.d.," | "nd." | "forthcoming") {
            year_at = Some((i, i + 1));
            break;
        }
        if l == "n."
            && items
                .get(i + 1)
                .is_some_and(|x| x.s.to_lowercase().starts_with("d."))
        {
            year_at = Some((i, i + 2));
            break;
        }
        if l == "in"
            && items
                .get(i + 1)
                .is_some_and(|x| x.s.to_lowercase() == "press")
        {
            year_at = Some((i, i + 2));
            break;
        }
    }
    if let Some((ys, ye)) = year_at {
        src.year = Some(
            text[items[ys].start..items[ye - 1].end]
                .trim_end_matches([',', '.'])
                .to_string(),
        );
        if src
            .year
            .as_deref()
            .is_some_and(|y| y.eq_ignore_ascii_case("n.d"))
        {
            src.year = Some("n.d.".into());
        }
        let mut name_end = ys;
        while name_end > 0 && matches!(items[name_end - 1].kind, It::Comma | It::Colon) {
            src.year_sep = Some(if items[name_end - 1].kind == It::Comma {
                ','
            } else {
                ':'
            });
            name_end -= 1;
        }
        if src.year_sep.is_none() && name_end > 0 {
            src.year_sep = Some(' ');
        }
        // The locator after the year: ", p. 310", ": 168", ", 425", or more years.
        let mut ls = ye;
        while ls < items.len() && matches!(items[ls].kind, It::Comma | It::Colon) {
            ls += 1;
        }
        if ls < items.len()
            && items[ls].s.eq_ignore_ascii_case("in")
            && ls + 1 < items.len()
            && items[ls + 1].kind == It::Word
        {
            // "Buech et al. 1977 in Fisher and Wilkinson 2005": the list holds the second.
            if let Some(mut inner) = parse_segment(&items[ls + 1..], text, base) {
                if inner.kind == SegKind::Full {
                    inner.src.secondary = true;
                    return Some(inner);
                }
            }
        }
        if ls < items.len() {
            let loc = text[items[ls].start..seg_end].trim();
            let more_years = loc
                .split([',', ' '])
                .filter(|w| !w.is_empty())
                .all(|w| is_year(w.trim()));
            if parse_loc(loc).is_some() && !more_years {
                src.pages = Some(loc.to_string());
            } else if !more_years && name_end == 0 {
                return None;
            }
        }
        if name_end == 0 {
            return Some(Seg {
                src,
                kind: SegKind::YearOnly,
                names: Names::default(),
            });
        }
        let names = parse_names(&items[..name_end], true)?;
        src.authors.clone_from(&names.authors);
        src.title.clone_from(&names.title);
        src.title_quoted = names.title_quoted;
        src.et_al = names.et_al;
        return Some(Seg {
            src,
            kind: SegKind::Full,
            names,
        });
    }

    // No year: names, then perhaps a locator at the end (after any quoted title).
    let after_title = items
        .iter()
        .rposition(|it| it.kind == It::Quoted)
        .map_or(1, |p| p + 1);
    let mut name_end = items.len();
    let mut pages = None;
    for cut in after_title.max(1)..items.len() {
        if items[cut].kind != It::Word {
            continue;
        }
        let loc = text[items[cut].start..seg_end].trim();
        if parse_loc(loc).is_some() {
            // A single capital roman numeral ends a name: "Henry V", "Richard III".
            let w = items[cut].s;
            if cut + 1 == items.len() && w.chars().all(|c| "IVXLC".contains(c)) {
                break;
            }
            name_end = cut;
            pages = Some(loc.to_string());
            break;
        }
    }
    while name_end > 0 && items[name_end - 1].kind == It::Comma {
        name_end -= 1;
    }
    if name_end == 0 {
        return None;
    }
    let names = parse_names(&items[..name_end], false)?;
    src.authors.clone_from(&names.authors);
    src.title.clone_from(&names.title);
    src.title_quoted = names.title_quoted;
    src.et_al = names.et_al;
    let kind = if pages.is_some() {
        SegKind::Full
    } else {
        SegKind::NameOnly
    };
    src.pages = pages;
    Some(Seg { src, kind, names })
}

/// Parses a group's inner text into its segments. `None` unless every segment parses.
pub(super) fn parse_inner(text: &str, base: usize) -> Option<Vec<Seg>> {
    let items = lex(text)?;
    if items.is_empty() {
        return None;
    }
    let mut segs = Vec::new();
    for part in items.split(|it| it.kind == It::Semi) {
        if part.is_empty() {
            continue;
        }
        let lower = text[part[0].start..].to_lowercase();
        // "(e.g. Tallal, 1980; Hurford, 1991; cited in McBride-Chang, 1995b)": the works before
        // a secondary source are read in it, and only it is in the list.
        let secondary_lead = !segs.is_empty()
            && lists::prefixes()
                .iter()
                .any(|(p, secondary)| *secondary && lower.starts_with(p));
        let seg = parse_segment(part, text, base)?;
        if secondary_lead && seg.kind == SegKind::Full {
            segs.clear();
        }
        segs.push(seg);
    }
    (!segs.is_empty()).then_some(segs)
}

pub(super) fn style_of(seg: &Seg) -> CiteStyle {
    if seg.src.year.is_some() {
        if seg.src.year_sep == Some(',') {
            CiteStyle::Apa
        } else {
            CiteStyle::ChicagoAuthorDate
        }
    } else {
        CiteStyle::Mla
    }
}

/// The work a secondary citation names after "as cited in", "qtd. in", "quoted in" (a secondary
/// prefix from `rules/citations/prefixes.txt`) in the middle of a segment, parsed as the
/// segment itself and marked secondary.
fn secondary_tail(items: &[Item<'_>], text: &str, base: usize) -> Option<Seg> {
    let seg_end = items.last()?.end;
    for j in 1..items.len() {
        // "Bowlby, 1969, as cited in Jones" or, without the comma, "Conrad, 1964 cited in
        // Sternberg, 2004".
        if items[j].kind != It::Word || (items[j - 1].kind != It::Comma && j < 2) {
            continue;
        }
        let lower = text[items[j].start..seg_end].to_lowercase();
        let Some(p) = lists::prefixes().iter().find_map(|(p, secondary)| {
            (*secondary
                && lower.starts_with(p)
                && lower[p.len()..].starts_with(|c: char| c.is_whitespace()))
            .then_some(p)
        }) else {
            continue;
        };
        let cut = items[j].start + p.len();
        let rest = items[j..].iter().position(|it| it.start >= cut)? + j;
        let mut inner = parse_segment(&items[rest..], text, base)?;
        if inner.kind != SegKind::Full && inner.kind != SegKind::NameOnly {
            return None;
        }
        inner.src.secondary = true;
        return Some(inner);
    }
    None
}
