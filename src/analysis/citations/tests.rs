use super::intext::parse_for_test as parse;
use super::*;

fn one(s: &str) -> CiteSource {
    let v = parse(s).unwrap_or_else(|| panic!("no parse: {s}"));
    assert_eq!(v.len(), 1, "{s}: {v:?}");
    v.into_iter().next().unwrap()
}

#[test]
fn mla_forms() {
    let s = one("Medvedev 69");
    assert_eq!(s.authors, vec!["Medvedev"]);
    assert_eq!(s.pages.as_deref(), Some("69"));
    let s = one("Medvedev 113-114");
    assert_eq!(s.pages.as_deref(), Some("113-114"));
    let s = one("Engels, “On Social Relations in Russia” 672");
    assert_eq!(s.authors, vec!["Engels"]);
    assert_eq!(s.title.as_deref(), Some("On Social Relations in Russia"));
    assert!(s.title_quoted);
    assert_eq!(s.form(), SourceForm::AuthorTitle);
    let s = one("On Social Relations in Russia 668");
    assert!(s.authors.is_empty());
    assert_eq!(s.title.as_deref(), Some("On Social Relations in Russia"));
    assert_eq!(s.form(), SourceForm::Title);
    let s = one("Hoston, Great Purges Handout");
    assert_eq!(s.authors, vec!["Hoston"]);
    assert_eq!(s.title.as_deref(), Some("Great Purges Handout"));
    let s = one("Hoston Lecture Outline Week 9 “Stalinism and Forced Collectivization”");
    assert_eq!(s.authors, vec!["Hoston"]);
    assert_eq!(
        s.title.as_deref(),
        Some("Stalinism and Forced Collectivization")
    );
    assert_eq!(s.pages, None);
    let s = one("Lenin Letter to Congress 728");
    assert_eq!(s.authors, vec!["Lenin"]);
    assert_eq!(s.title.as_deref(), Some("Letter to Congress"));
    let s = one("Holman et al. 309");
    assert_eq!(s.authors, vec!["Holman"]);
    assert!(s.et_al);
    let s = one("Winneg and Jamieson, 581");
    assert_eq!(s.authors, vec!["Winneg", "Jamieson"]);
    let s = one("Hamlet 3.1.56-60");
    assert_eq!(s.pages.as_deref(), Some("3.1.56-60"));
}

#[test]
fn author_date_forms() {
    let s = one("Cohen, 1973, p. 310");
    assert_eq!(s.authors, vec!["Cohen"]);
    assert_eq!(s.year.as_deref(), Some("1973"));
    assert_eq!(s.pages.as_deref(), Some("p. 310"));
    assert_eq!(s.year_sep, Some(','));
    let s = one("Cohen 1973, 310");
    assert_eq!(s.year_sep, Some(' '));
    let s = one("Marx and Engels 1967: 83");
    assert_eq!(s.authors, vec!["Marx", "Engels"]);
    assert_eq!(s.pages.as_deref(), Some("83"));
    let s = one("Beck, Steer, & Garbin, 1988");
    assert_eq!(s.authors, vec!["Beck", "Steer", "Garbin"]);
    let s = one("American Psychiatric Association, 1994");
    assert_eq!(s.authors, vec!["American Psychiatric Association"]);
    let s = one("Smith, n.d.");
    assert_eq!(s.year.as_deref(), Some("n.d."));
    let s = one("Reber et al., 2004a");
    assert!(s.et_al);
    assert_eq!(s.year.as_deref(), Some("2004a"));
    let v = parse("Hovey et al., 2006; Aldwin et al., 1987").unwrap();
    assert_eq!(v.len(), 2);
    let v = parse("see Smith 2001; cf. Jones, 2003, pp. 4-5").unwrap();
    assert_eq!(v[1].authors, vec!["Jones"]);
    let s = one("qtd. in Jones 12");
    assert!(s.secondary);
    assert_eq!(s.authors, vec!["Jones"]);
    let s = one("Strichartz: 1973");
    assert_eq!(s.year_sep, Some(':'));
    let s = one("Ibid., 45");
    assert!(s.ibid);
}

#[test]
fn asides_are_not_citations() {
    for s in [
        "rich peasant",
        "see below",
        "e.g. schizoaffective disorder",
        "NEP",
        "Figure 2",
        "Table 1.1",
        "M = 3.4, SD = 1.2",
        "χ2 = 13.53, d.f. = 4, P<0.01",
        "15 years",
        "ages 15 and 16",
        "i.e. eye drops",
        "January 2001",
        "47.7%",
        "Populus grandidentata",
        "or ‘Five Stage’",
    ] {
        let c = cites(&format!("The state grew ({s}) and the party ({s}).\n"));
        assert!(c.is_empty(), "{s} parsed as {c:?}");
    }
}

fn cites(text: &str) -> Vec<(String, CiteStyle, bool)> {
    let d = crate::analysis::from_text(text);
    d.citations
        .iter()
        .map(|c| (d.slice(c.span).to_string(), c.style, c.certain))
        .collect()
}

#[test]
fn in_context() {
    let c = cites("Cohen (1973) argues that the party split. It happened in (1922) too.");
    assert_eq!(
        c,
        vec![("Cohen (1973)".to_string(), CiteStyle::Narrative, true)]
    );
    let c =
        cites("He called it “a new civil war against the peasants” (313). Then (1) came first.");
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].0, "(313)");
    let c = cites("The kulak (rich peasant) class was removed (Skocpol 230).");
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].1, CiteStyle::Mla);
    let c =
        cites("Results vary [3, 5–7]. See [@smith2001, p. 3] and \\cite{cohen1973} and note[^1].");
    let styles: Vec<_> = c.iter().map(|x| x.1).collect();
    assert_eq!(
        styles,
        vec![
            CiteStyle::Numeric,
            CiteStyle::Pandoc,
            CiteStyle::Latex,
            CiteStyle::Footnote
        ]
    );
    let d = crate::analysis::from_text("Rates rose, according to the National Institute of Mental Health (2007). Similarly, Bonnot and Croizet (2007) found it.");
    let names: Vec<_> = d
        .citations
        .iter()
        .map(|c| c.sources[0].authors.clone())
        .collect();
    assert_eq!(
        names,
        vec![
            vec!["National Institute of Mental Health".to_string()],
            vec!["Bonnot".to_string(), "Croizet".to_string()]
        ]
    );
    let c = cites("Growth was uneven [Strichartz: 1973] and slow [Hammock 1983].");
    assert_eq!(c.len(), 2);
    let c = cites("The economy collapsed.¹ Then it recovered.² Later it grew.³");
    assert_eq!(c.len(), 3);
    assert!(c.iter().all(|x| x.1 == CiteStyle::Footnote));
}

#[test]
fn references_linked() {
    let d = crate::analysis::from_text(
        "Smith argues the point (Smith 45). Jones agrees (Jonse 12). Brown (2001) found it.\n\nWorks Cited\n\nSmith, John. A Book. Penguin, 2001.\n\nJones, Mary. Another Book. Knopf, 1999.\n\nBrown, Al. Third. 2002.\n\nGreen, Tom. Unused. 1990.",
    );
    assert_eq!(d.references.len(), 4);
    let srcs: Vec<_> = d.citations.iter().flat_map(|c| c.sources.iter()).collect();
    assert_eq!(srcs[0].reference, Some(0));
    assert!(matches!(
        srcs[1].near,
        Some(NearMiss::Spelling { entry: 1, .. })
    ));
    assert!(matches!(
        srcs[2].near,
        Some(NearMiss::Year { entry: 2, .. })
    ));
}

#[test]
fn latex_citations_reach_the_model() {
    let t = "\\begin{document}\nAs argued \\citep[see][pp.~4--5]{carr, deutscher1949}.\n\\end{document}";
    let src = crate::input::read_bytes(t.as_bytes(), crate::input::Format::Latex).unwrap();
    let doc = crate::analysis::build(src);
    assert_eq!(doc.citations.len(), 1);
    let c = &doc.citations[0];
    assert_eq!(c.style, CiteStyle::Latex);
    assert_eq!(c.sentence, Some(0));
    let keys: Vec<_> = c
        .sources
        .iter()
        .map(|s| s.key.as_deref().unwrap())
        .collect();
    assert_eq!(keys, ["carr", "deutscher1949"]);
    assert_eq!(c.sources[0].pages.as_deref(), Some("4--5"));
    assert_eq!(doc.sentences.len(), 1);
}
