crate::rule::declare_rule! {
    /// # name-variant
    ///
    /// **What it does.** Finds a proper name spelled two ways in one essay ("Kamanev" and
    /// "Kamaney", "Tolkien" and "Tolkein", "Gödel" and "Godel") and marks the spelling the essay
    /// uses less, suggesting the one it uses more, with a pointer to a use of it. When each
    /// spelling is used once, one diagnostic names both. A name spelled the same way throughout is
    /// never reported, however unusual it looks.
    ///
    /// **Why it matters.** Spell checkers flag every name they do not know and never notice that
    /// two spellings are one person. A reader does notice, and a misspelled name looks careless
    /// exactly where the essay shows its knowledge.
    ///
    /// **Example.**
    ///
    /// ```text
    /// …due to Kamaney and Zinoniev’s willingness to view Stalin…
    ///         ^^^^^^^ `Kamaney` and `Kamanev` look like one name spelled two ways
    /// …Stalin’s support remained with Kamanev and Zinoniev…
    ///                                 ------- spelled `Kamanev` here
    /// ```
    ///
    /// **How it decides.** A *name* is a capitalised word that is not capitalised merely because it
    /// opens a sentence, a quotation or a clause after a colon: it must be capitalised somewhere
    /// else too, or be unknown to the dictionary as a lowercase word; a word the essay also writes
    /// in lowercase is never a name. Possessives are folded (Stalin’s is Stalin), and a spelling
    /// that is another plus an ending such as -s, -ism, -ist, -ites, -ian, -ese (Stalinism,
    /// Bukharinites, Soviets, Canadian), or a Latin plural (Lactococcus / Lactococci), is a related
    /// form, not a variant. Acronyms (USSR, APNs), contractions (I’ve) and words with digits are
    /// left alone; so are -ise / -ize spellings, a matter of dialect.
    ///
    /// Two spellings are taken for one name when they differ only in capitals or accents
    /// (LabScribe / Labscribe, Gödel / Godel, Müller / Mueller), are two romanisations of one name
    /// (Zinoviev / Zinovyev, Tchaikovsky / Chaikovski, -sky / -ski, -off / -ov), swap two
    /// neighbouring letters, double or undouble a letter, differ by one letter in a name of five
    /// letters or more (four if they sound alike), or by two or three letters in a longer name that
    /// sounds the same (Double Metaphone) or has ten letters or more; three letters in a name of
    /// eight or more need the same sound and both spellings unknown to the dictionary and the
    /// census (Aleksandrov / Alexandrof). A changed first letter needs the same sound.
    ///
    /// Distinct names that merely look alike are kept apart by these checks, in order:
    /// 1. the spelling reported must be unknown to the dictionary, which knows many given names,
    ///    surnames and places (Austria and Australia, John and Joan, Mary and Mark, Jackson and
    ///    Jacobson, Hansen and Hanson are all known, so none is reported), unless the two differ
    ///    only in capitals, accents or a romanised ending (Trotski / Trotsky), or the known
    ///    spelling is used once beside one used twice or more (or in the works cited) and
    ///    differs from it inside the word (Malcom beside Malcolm ×3; not Germany beside German):
    ///    then it is advice; and it must not be in `accept`;
    /// 2. the spelling reported must not be, in the U.S. census, a personal name at least a
    ///    twentieth as common as the other (Brendon beside Brendan, Herren beside Herron are two
    ///    people; Jospeh beside Joseph is a slip), unless the essay ties the two to one person by
    ///    the same first name or the same citation year, or uses it once beside a well-attested
    ///    other as in 1 (advice);
    /// 3. two spellings in the same sentence are two names ("Hansen and Hanson found…"), though
    ///    a use inside a citation does not count ("Hobsbawn insists (Hobsbawm 45)" is a slip);
    /// 4. two spellings beside different first names or surnames (Robert Mueller, Hermann Muller;
    ///    Florenz Ziegfeld, Florence Mills) or cited with different years (Morais, 1984; Morris,
    ///    2002) are two people;
    /// 5. two spellings both among the authors of the works cited are two authors;
    /// 6. a spelling that adds accents the other lacks (Türkes beside Turks) is deliberate;
    /// 7. a variant of an ordinary word capitalised in a title (Arabian Nigihts) is left to the
    ///    spelling rules;
    /// 8. two spellings each used three times or more are two names or a deliberate choice; a
    ///    spelling used twice is reported only against one used three times or more (advice
    ///    below five);
    /// 9. uses inside quotations and block quotations, or among words the dictionary does not know
    ///    (an old or foreign text quoted without marks: "voowyng … to our lady of Walsyngham"),
    ///    are the source's spelling and never reported; so is a period spelling of a name (y for
    ///    i, u for v, i for j: "Latyn" beside "Latin") in an essay that quotes old texts (three
    ///    early modern spellings of known words elsewhere: "nyght", "vnto", "tyme").
    ///
    /// The works-cited list is evidence: a spelling among its authors is taken as the right one,
    /// and the essay's other spelling is reported even if used more often, but since the list has
    /// slips of its own the report says that one of the two is wrong, and it is only a warning
    /// when the essay's own uses agree with the list. Entries of the list are never reported.
    ///
    /// There is one diagnostic per misspelling, at its first use. It is a warning when the
    /// evidence is strong (accents, romanisation, swapped or doubled letters, or one letter in a
    /// name of six letters or more, two replaced letters in one of nine or more; the spelling
    /// used once and the other at least twice, or twice against five) and advice otherwise: one
    /// use each (nothing says which is right), capitals only, two spellings equally close, a
    /// spelling the dictionary or census knows, or uses that only open sentences. Names of seven
    /// letters or more may differ by two replaced letters (Microfost / Microsoft).
    ///
    /// **Options.** None here. The configuration's `names = ["Kamenev", …]` declares canonical
    /// spellings: every near-miss of a declared name is reported, even when the essay uses it more
    /// often than the declared spelling, with a fix to the declared spelling.
    ///
    /// **Fix safety.** Safe, and offered only for a name declared in the configuration (`names =
    /// [...]`): every use of the variant is replaced by the declared spelling. Variants found without
    /// a declaration carry a suggestion only, since the majority spelling may be the wrong one.
    pub struct NameVariant {
        name: "name-variant",
        category: Names,
        severity: Warning,
        summary: "one proper name spelled two ways in the same essay (Kamanev / Kamaney)",
        fix: Safe,
    }
}
use crate::analysis::names::{self, FindingKind, Right};
use crate::diagnostic::Diagnostic;
use crate::rule::{Context, Rule};
use crate::Severity;

/// A few words on how two spellings differ.
fn how(kind: names::similar::Kind) -> &'static str {
    use names::similar::Kind::*;
    match kind {
        Case => " (they differ only in capitals)",
        Diacritics => " (they differ only in accents)",
        Transliteration => " (two romanisations of one name)",
        Transposition => " (two letters swapped)",
        Doubling => " (a letter doubled or single)",
        OneEdit | FewEdits => "",
    }
}

/// " (3 uses)" for more than one use.
fn uses(n: usize) -> String {
    if n > 1 {
        format!(" ({n} uses)")
    } else {
        String::new()
    }
}

impl Rule for NameVariant {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let a = cx.names();
        let sp = &a.names.spellings;
        for f in &a.findings {
            let wrong = &sp[f.wrong as usize];
            let uses: Vec<_> = wrong.own_uses().collect();
            let Some(first) = uses.first() else {
                continue;
            };
            let right = a.right_text(f);
            let note = how(f.similarity.kind);
            let (right_uses, related) = match &f.right {
                Right::Spelling(r) => {
                    let r = &sp[*r as usize];
                    (r.uses.len(), r.uses.first().map(|u| u.span).or(r.first_ref))
                }
                Right::Declared(d) => {
                    let s = sp.iter().find(|s| &s.text == d);
                    (
                        s.map_or(0, |s| s.uses.len()),
                        s.and_then(|s| s.uses.first().map(|u| u.span)),
                    )
                }
            };
            let w = &wrong.text;
            let n = self::uses(uses.len());
            let message = match f.kind {
                FindingKind::Tie => format!(
                    "`{w}` and `{right}` look like one name spelled two ways{note}; check which \
                     is right and use it in both places"
                ),
                FindingKind::Minority => format!(
                    "`{w}`{n} looks like a misspelling of `{right}`{}{note}",
                    self::uses(right_uses)
                ),
                FindingKind::Reference => format!(
                    "`{w}`{n} is spelled `{right}` in the works-cited list{note}: one of the two is \
                     a slip"
                ),
                FindingKind::Declared => {
                    format!("`{w}`{n} looks like a misspelling of the declared name `{right}`{note}")
                }
            };
            // Capitals inside a name (LabScribe / Labscribe) are worth a look, not an alarm.
            let severity = if f.confident && f.similarity.kind != names::similar::Kind::Case {
                Severity::Warning
            } else {
                Severity::Advice
            };
            let mut d = cx
                .diag(first.span, message)
                .severity(severity)
                .suggest(right);
            for &o in &f.others {
                d = d.suggest(sp[o as usize].text.as_str());
            }
            if let Some(r) = related {
                d = d.related(r, format!("spelled `{right}` here"));
            }
            for u in uses.iter().skip(1).take(3) {
                d = d.related(u.span, format!("`{w}` again"));
            }
            if f.kind == FindingKind::Declared {
                for u in &uses {
                    d = d.fix(u.span, right);
                }
            }
            out.push(d);
        }
    }
}
