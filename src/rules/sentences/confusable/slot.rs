//! The part-of-speech slot detector of the `confusable` rule: for a member of a confusion set,
//! the slot its neighbours open (a determiner opens a noun, a modal a base verb, "or not" a
//! clause of `whether`) decides against it when only another member fits there.
//!
//! The slots are data (`rules/confusable/slots.txt`): one entry a line,
//!
//! ```text
//! WRONG -> RIGHT ; after: A|B ; before: C ; not-after: D ; level: advice
//! ```
//!
//! where each condition names the word before (`after`), the word after (`before`), the word
//! two before (`after2`) or two after (`before2`), as alternatives: a lowercase word, a
//! part-of-speech tag in capitals (`DET`, `MODAL`, `NOUN`, … as in `lexicon/pos.txt`, and
//! `PLURAL` for a plural noun, `BASE_VERB` for a word that is only a base verb, `ADJ_ONLY`,
//! `NOUN_ONLY`, `FINITE` for a finite verb), `^` for the start of the sentence and `$` for its
//! end or a clause mark (`, ; : .`). `not-…` conditions must not hold. `level: advice` makes
//! the entry speak as advice.

use super::*;
use std::sync::OnceLock;

/// One alternative of a condition.
#[derive(Debug, PartialEq)]
enum Alt {
    Word(&'static str),
    Tag(Tags),
    Plural,
    BaseVerb,
    AdjOnly,
    NounOnly,
    Finite,
    Start,
    End,
}

#[derive(Debug, Default)]
struct Cond {
    /// Offset from the member: -2, -1, 1, 2; the alternatives; whether the condition is negated.
    tests: Vec<(i8, Vec<Alt>, bool)>,
}

#[derive(Debug)]
struct Slot {
    wrong: &'static str,
    right: &'static str,
    cond: Cond,
    sure: bool,
}

fn tag_named(name: &str) -> Option<Tags> {
    Some(match name {
        "DET" => DET,
        "QUANT" => QUANT,
        "POSS" => POSS,
        "PRON_SUBJ" => PRON_SUBJ,
        "PRON_OBJ" => PRON_OBJ,
        "PRON_INDEF" => PRON_INDEF,
        "PRON" => PRON,
        "FUNCTION" => FUNCTION,
        "AUX" => AUX,
        "PREP" => PREP,
        "CONJ" => CONJ,
        "SUBORD" => SUBORD,
        "WH" => WH,
        "MODAL" => MODAL,
        "BE" => BE,
        "HAVE" => HAVE,
        "DO" => DO,
        "NEG" => NEG,
        "ADV" => ADV,
        "ADV_DEGREE" => ADV_DEGREE,
        "ADJ" => ADJ,
        "COMP" => COMP,
        "SUP" => SUP,
        "NOUN" => NOUN,
        "VERB" => VERB,
        "VERB_3SG" => VERB_3SG,
        "VERB_PAST" => VERB_PAST,
        "VERB_PART" => VERB_PART,
        "VERB_ING" => VERB_ING,
        "VERB_INF" => VERB_INF,
        "VERB_CLAUSE" => VERB_CLAUSE,
        "NUM" => NUM,
        "MAY_PAST" => MAY_PAST,
        _ => return None,
    })
}

fn parse_alt(a: &'static str) -> Result<Alt, String> {
    Ok(match a {
        "^" => Alt::Start,
        "$" => Alt::End,
        "PLURAL" => Alt::Plural,
        "BASE_VERB" => Alt::BaseVerb,
        "ADJ_ONLY" => Alt::AdjOnly,
        "NOUN_ONLY" => Alt::NounOnly,
        "FINITE" => Alt::Finite,
        _ if a
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == '\'' || c == ',') =>
        {
            Alt::Word(a)
        }
        _ => Alt::Tag(tag_named(a).ok_or_else(|| format!("unknown tag `{a}`"))?),
    })
}

/// Parse the entries of `slots.txt`.
fn parse(text: &'static str) -> Result<Vec<Slot>, String> {
    let mut out = Vec::new();
    for line in crate::lexicon::lines(text) {
        let (main, conds) = line.split_once(';').unwrap_or((line, ""));
        let (wrong, right) = main
            .split_once("->")
            .ok_or_else(|| format!("`{line}`: expected WRONG -> RIGHT"))?;
        let mut slot = Slot {
            wrong: wrong.trim(),
            right: right.trim(),
            cond: Cond::default(),
            sure: true,
        };
        for c in conds.split(';') {
            let Some((key, val)) = c.split_once(':') else {
                continue;
            };
            let (key, val) = (key.trim(), val.trim());
            if key == "level" {
                slot.sure = match val {
                    "warning" => true,
                    "advice" => false,
                    _ => return Err(format!("`{line}`: unknown level `{val}`")),
                };
                continue;
            }
            let (neg, key) = match key.strip_prefix("not-") {
                Some(k) => (true, k),
                None => (false, key),
            };
            let off = match key {
                "after2" => -2,
                "after" => -1,
                "before" => 1,
                "before2" => 2,
                _ => return Err(format!("`{line}`: unknown condition `{key}`")),
            };
            let alts = val
                .split('|')
                .map(parse_alt)
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| format!("`{line}`: {e}"))?;
            slot.cond.tests.push((off, alts, neg));
        }
        if slot.cond.tests.iter().all(|t| t.2) {
            return Err(format!("`{line}`: a slot needs a positive condition"));
        }
        out.push(slot);
    }
    Ok(out)
}

fn slots() -> &'static [Slot] {
    static S: OnceLock<Vec<Slot>> = OnceLock::new();
    S.get_or_init(|| {
        parse(crate::lexicon::data_file!("rules/confusable/slots.txt"))
            .expect("rules/confusable/slots.txt is well formed")
    })
}

/// The token `off` places from word `i`, skipping nothing; None past the sentence's edge.
fn at(s: &Sent, i: usize, off: i8) -> Option<usize> {
    match off {
        -2 => s.prev(i).and_then(|k| s.prev(k)),
        -1 => s.prev(i),
        1 => s.next(i),
        _ => s.next(i).and_then(|k| s.next(k)),
    }
}

fn holds(s: &Sent, i: usize, off: i8, alt: &Alt) -> bool {
    let k = at(s, i, off);
    let clause_mark = |k: Option<usize>| {
        s.is_punct(k) && matches!(s.raw(k.unwrap_or(i)), "," | ";" | ":" | "." | "!" | "?")
    };
    match alt {
        Alt::Start => off < 0 && (k.is_none() || s.is_first_word(i)),
        Alt::End => off > 0 && (k.is_none() || clause_mark(k)),
        Alt::Word(w) => s.is_word(k) && s.wo(k) == *w || *w == "," && s.raw(k.unwrap_or(i)) == ",",
        _ if !s.is_word(k) => false,
        Alt::Tag(t) => s.has(k, *t),
        Alt::Plural => {
            let w = s.wo(k);
            // A plural whose singular is a noun counts ("sides": the lexicon may know it as
            // a verb only).
            (looks_plural(w)
                && (pos::is_nounish(w)
                    || s.has(k, NOUN | MAY_NOUN)
                    || w.strip_suffix('s').is_some_and(pos::is_nounish))
                || matches!(w, "people" | "children" | "men" | "women"))
                && !s.has(k, FUNCTION)
        }
        Alt::BaseVerb => pos::is_verb_base_only(s.wo(k)),
        Alt::AdjOnly => pos::is_adj_only(s.wo(k)),
        Alt::NounOnly => pos::is_noun_only(s.wo(k)),
        Alt::Finite => finite_at(s, k),
    }
}

impl Confusable {
    /// The slot entries for `w` at token `i`: the first whose conditions all hold.
    pub(super) fn slot(&self, s: &Sent, i: usize, w: &str) -> Option<Hit> {
        // A capital mid-sentence is a name or a title.
        let raw = s.raw(i);
        if !s.is_first_word(i) && raw.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        slots()
            .iter()
            .filter(|sl| sl.wrong == w)
            .find(|sl| {
                sl.cond
                    .tests
                    .iter()
                    .all(|(off, alts, neg)| alts.iter().any(|a| holds(s, i, *off, a)) != *neg)
            })
            .map(|sl| Hit {
                repl: sl.right,
                sure: sl.sure,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::run;
    use super::*;

    #[test]
    fn the_data_parses() {
        assert!(slots().len() >= 10);
        assert!(parse("a -> b ; after: NOPE").is_err());
        assert!(parse("a -> b ; not-after: the").is_err());
        assert!(parse("a b").is_err());
    }

    #[test]
    fn fires() {
        assert_eq!(
            run("I could not decide weather or not to go."),
            [("weather".to_string(), "whether".to_string())]
        );
        assert_eq!(
            run("The new rules will effect the students badly."),
            [("effect".to_string(), "affect".to_string())]
        );
    }

    #[test]
    fn stays_silent() {
        assert!(run("The reforms will effect change in the schools.").is_empty());
        assert!(run("We hoped the weather would hold.").is_empty());
    }
}
