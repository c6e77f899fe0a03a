//! Verbs that report speech, writing or thought: one list of lemmas,
//! `rules/common/reporting_verbs.txt`, each with the uses that read it (a comma-splice's
//! reporting verb, a citation's signal phrase, a dialogue's speech verb, …), inflected here
//! through the lexicon's verb tables into the forms each use reads.

use super::{inflect, pos};
use std::collections::HashMap;
use std::sync::OnceLock;

/// What a reporting verb is read for; each is a tag of `rules/common/reporting_verbs.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Use {
    /// `report`: introduces or reports speech after a comma ("She tells the duke, I…", "…, she
    /// told me").
    Report,
    /// `clause`: takes a clause after a comma ("This means, we…", "I think, it…").
    Clause,
    /// `aside`: the verb of a comment clause set off by commas ("It was, I think, too late").
    Aside,
    /// `object`: takes an object and then a clause ("told him I was sorry").
    Object,
    /// `signal`: a signal phrase naming a source ("Cohen (1973) argues", "as Skocpol notes").
    Signal,
    /// `speech`: next to a quotation holding "I"/"you"/"we", marks dialogue in a narrative.
    Speech,
    /// `writing`: before a quotation, presents it as someone's writing ("she writes",
    /// "according to").
    Writing,
}

impl Use {
    const ALL: [(Use, &'static str); 7] = [
        (Use::Report, "report"),
        (Use::Clause, "clause"),
        (Use::Aside, "aside"),
        (Use::Object, "object"),
        (Use::Signal, "signal"),
        (Use::Speech, "speech"),
        (Use::Writing, "writing"),
    ];

    fn bit(self) -> u8 {
        1 << self as u8
    }

    fn from_tag(tag: &str) -> Option<Use> {
        Use::ALL.iter().find(|(_, t)| *t == tag).map(|(u, _)| *u)
    }
}

/// The forms a use reads when its tag names none: base, -s form, past, past participle.
const DEFAULT_FORMS: &str = "bsdn";

/// One parsed entry: the lemma's forms by letter, and each use with the letters it reads.
struct Entry {
    forms: Vec<(char, String)>,
    uses: Vec<(Use, &'static str)>,
}

fn parse_entry(line: &'static str) -> Result<Entry, String> {
    let mut fields = line.split_whitespace();
    let lemma = fields.next().ok_or("an empty entry")?;
    let mut forms = forms(lemma);
    let mut uses = Vec::new();
    for f in fields {
        if let Some((letter, spelt)) = f.split_once('=') {
            let mut cs = letter.chars();
            let (Some(c), None) = (cs.next(), cs.next()) else {
                return Err(format!("`{f}`: one form letter before `=`"));
            };
            if !"bsdng".contains(c) || spelt.is_empty() {
                return Err(format!("`{f}`: a form letter (b s d n g) and a spelling"));
            }
            forms.retain(|(l, _)| *l != c);
            forms.push((c, spelt.to_string()));
            continue;
        }
        let (tag, letters) = f.split_once(':').unwrap_or((f, DEFAULT_FORMS));
        let u = Use::from_tag(tag).ok_or_else(|| format!("`{tag}`: not a use"))?;
        if letters.is_empty() || !letters.chars().all(|c| "bsdng".contains(c)) {
            return Err(format!("`{f}`: forms are letters among b s d n g"));
        }
        uses.push((u, letters));
    }
    if uses.is_empty() {
        return Err(format!("`{lemma}` has no use"));
    }
    Ok(Entry { forms, uses })
}

fn entries() -> impl Iterator<Item = &'static str> {
    super::lines(super::data_file!("rules/common/reporting_verbs.txt"))
}

/// Every form of every listed verb, with the uses (bits of [`Use`]) that read it.
fn table() -> &'static HashMap<String, u8> {
    static T: OnceLock<HashMap<String, u8>> = OnceLock::new();
    T.get_or_init(|| {
        let mut t: HashMap<String, u8> = HashMap::new();
        // A malformed entry is caught by the unit test below; at run time it is skipped.
        for e in entries().filter_map(|l| parse_entry(l).ok()) {
            for (u, letters) in &e.uses {
                for (c, form) in &e.forms {
                    if letters.contains(*c) {
                        *t.entry(form.clone()).or_default() |= u.bit();
                    }
                }
            }
        }
        t
    })
}

/// True if `word` (lowercase) is a form of a listed verb that `use_` reads: `is("argued",
/// Use::Signal)`.
pub fn is(word: &str, use_: Use) -> bool {
    table().get(word).is_some_and(|m| m & use_.bit() != 0)
}

/// The forms of a verb lemma, by letter: `b` base, `s` -s form, `d` simple past, `n` past
/// participle, `g` -ing form. Irregular pasts and participles come from the irregular verb
/// table; a regular -ed or -ing form is the dictionary's spelling among the candidates
/// (admitted, not admited; focused, not focussed).
pub fn forms(lemma: &str) -> Vec<(char, String)> {
    if lemma.is_empty() {
        return Vec::new();
    }
    let mut out = vec![
        ('b', lemma.to_string()),
        ('s', inflect::third_singular(lemma)),
    ];
    match inflect::irregular_forms(lemma) {
        Some((past, part)) => {
            out.extend(past.iter().map(|p| ('d', (*p).to_string())));
            out.extend(part.iter().map(|p| ('n', (*p).to_string())));
        }
        None => {
            if let Some(ed) = inflect::past_participle(lemma) {
                out.push(('d', ed.clone()));
                out.push(('n', ed));
            }
        }
    }
    let (_, _, ing) = pos::inflect(lemma);
    let n = ing.len();
    if let Some(g) = ing
        .into_iter()
        .enumerate()
        .find(|(i, g)| *i + 1 == n || super::is_dictionary_word(g))
        .map(|(_, g)| g)
    {
        out.push(('g', g));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_parses() {
        for l in entries() {
            if let Err(e) = parse_entry(l) {
                panic!("rules/common/reporting_verbs.txt: {l}: {e}");
            }
        }
        assert!(parse_entry("say").is_err());
        assert!(parse_entry("say talk").is_err());
        assert!(parse_entry("say report:x").is_err());
        assert!(parse_entry("say dd=said report").is_err());
    }

    #[test]
    fn uses_read_their_forms() {
        // Irregular forms from the verb table; a use reads only the forms it names.
        assert!(is("said", Use::Report) && is("says", Use::Report) && is("say", Use::Report));
        assert!(is("wrote", Use::Report) && !is("written", Use::Report));
        assert!(is("written", Use::Signal) && is("shown", Use::Signal));
        assert!(is("adds", Use::Report) && !is("added", Use::Report));
        assert!(is("added", Use::Speech) && !is("adds", Use::Speech));
        assert!(is("telling", Use::Object) && !is("telling", Use::Report));
        assert!(is("according", Use::Writing) && !is("accord", Use::Writing));
        // Spelling rules: doubling (admitted), -ies (replies), a spelled-out form (quipped).
        assert!(is("admitted", Use::Report) && !is("admited", Use::Report));
        assert!(is("replies", Use::Report) && is("quipped", Use::Report));
        assert!(is("focused", Use::Signal) && !is("focussed", Use::Signal));
        assert!(is("means", Use::Clause) && is("meant", Use::Clause));
        assert!(!is("the", Use::Signal) && !is("", Use::Report));
    }
}
