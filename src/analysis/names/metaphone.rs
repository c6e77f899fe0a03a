//! Double Metaphone: a phonetic key for English and anglicised foreign names.
//!
//! The algorithm is Lawrence Philips' Double Metaphone (1999/2000). This is a compact port of the
//! rules as implemented in Apache Commons Codec's `DoubleMetaphone` (Apache-2.0), working on the
//! ASCII fold of a name (see [`super::similar::fold`]) and producing codes of unbounded length,
//! because names need more than the classic four characters to tell Kamenev from Kamen.
//! Each rule keeps the comment of the original where one says what it is for.

/// The primary and alternate codes of a word.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Codes {
    pub primary: String,
    pub alternate: String,
}

struct Out {
    p: String,
    a: String,
}

impl Out {
    fn both(&mut self, c: &str) {
        self.p.push_str(c);
        self.a.push_str(c);
    }
    fn two(&mut self, p: &str, a: &str) {
        self.p.push_str(p);
        self.a.push_str(a);
    }
}

struct W<'a> {
    s: &'a [u8],
}

impl W<'_> {
    fn at(&self, i: isize) -> u8 {
        if i >= 0 && (i as usize) < self.s.len() {
            self.s[i as usize]
        } else {
            0
        }
    }
    fn is(&self, start: isize, pats: &[&str]) -> bool {
        if start < 0 {
            return false;
        }
        let start = start as usize;
        pats.iter().any(|p| {
            let p = p.as_bytes();
            start + p.len() <= self.s.len() && &self.s[start..start + p.len()] == p
        })
    }
    fn vowel(&self, i: isize) -> bool {
        matches!(self.at(i), b'A' | b'E' | b'I' | b'O' | b'U' | b'Y')
    }
    fn last(&self) -> isize {
        self.s.len() as isize - 1
    }
}

/// The Double Metaphone codes of a word; letters other than ASCII A–Z are ignored.
pub fn double_metaphone(word: &str) -> Codes {
    let up: Vec<u8> = word
        .bytes()
        .filter(u8::is_ascii_alphabetic)
        .map(|b| b.to_ascii_uppercase())
        .collect();
    let mut out = Out {
        p: String::new(),
        a: String::new(),
    };
    if up.is_empty() {
        return Codes::default();
    }
    let w = W { s: &up };
    let slavo_germanic = w.s.iter().any(|&c| c == b'W' || c == b'K')
        || up.windows(2).any(|x| x == b"CZ")
        || up.windows(4).any(|x| x == b"WITZ");
    let mut i: isize = 0;
    if w.is(0, &["GN", "KN", "PN", "WR", "PS"]) {
        i = 1;
    }
    let n = up.len() as isize;
    while i < n {
        let c = w.at(i);
        let skip: isize = match c {
            b'A' | b'E' | b'I' | b'O' | b'U' | b'Y' => {
                if i == 0 {
                    out.both("A");
                }
                0
            }
            b'B' => {
                out.both("P");
                isize::from(w.at(i + 1) == b'B')
            }
            b'C' => handle_c(&w, &mut out, i),
            b'D' => {
                if w.is(i, &["DG"]) {
                    if w.is(i + 2, &["I", "E", "Y"]) {
                        out.both("J");
                        2
                    } else {
                        out.both("TK");
                        1
                    }
                } else if w.is(i, &["DT", "DD"]) {
                    out.both("T");
                    1
                } else {
                    out.both("T");
                    0
                }
            }
            b'F' => {
                out.both("F");
                isize::from(w.at(i + 1) == b'F')
            }
            b'G' => handle_g(&w, &mut out, i, slavo_germanic),
            // H: only kept if first and before a vowel, or between two vowels.
            b'H' if (i == 0 || w.vowel(i - 1)) && w.vowel(i + 1) => {
                out.both("H");
                1
            }
            b'H' => 0,
            b'J' => handle_j(&w, &mut out, i, slavo_germanic),
            b'K' => {
                out.both("K");
                isize::from(w.at(i + 1) == b'K')
            }
            b'L' => {
                if w.at(i + 1) == b'L' {
                    if condition_l0(&w, i) {
                        out.p.push('L');
                    } else {
                        out.both("L");
                    }
                    1
                } else {
                    out.both("L");
                    0
                }
            }
            b'M' => {
                out.both("M");
                let m0 = w.at(i + 1) == b'M'
                    || (i > 0
                        && w.is(i - 1, &["UMB"])
                        && (i + 1 == w.last() || w.is(i + 2, &["ER"])));
                isize::from(m0)
            }
            b'N' => {
                out.both("N");
                isize::from(w.at(i + 1) == b'N')
            }
            b'P' => {
                if w.at(i + 1) == b'H' {
                    out.both("F");
                    1
                } else {
                    out.both("P");
                    isize::from(w.is(i + 1, &["P", "B"]))
                }
            }
            b'Q' => {
                out.both("K");
                isize::from(w.at(i + 1) == b'Q')
            }
            b'R' => {
                if i == w.last()
                    && i > 3
                    && !slavo_germanic
                    && w.is(i - 2, &["IE"])
                    && !w.is(i - 4, &["ME", "MA"])
                {
                    // French "Rogier": R is silent in the primary code.
                    out.a.push('R');
                } else {
                    out.both("R");
                }
                isize::from(w.at(i + 1) == b'R')
            }
            b'S' => handle_s(&w, &mut out, i, slavo_germanic),
            b'T' => handle_t(&w, &mut out, i),
            b'V' => {
                out.both("F");
                isize::from(w.at(i + 1) == b'V')
            }
            b'W' => handle_w(&w, &mut out, i),
            b'X' => {
                if i == 0 {
                    out.both("S");
                    0
                } else {
                    // French "breaux": final X silent.
                    if !(i == w.last()
                        && ((i > 2 && w.is(i - 3, &["IAU", "EAU"]))
                            || (i > 1 && w.is(i - 2, &["AU", "OU"]))))
                    {
                        out.both("KS");
                    }
                    isize::from(w.is(i + 1, &["C", "X"]))
                }
            }
            b'Z' => {
                if w.at(i + 1) == b'H' {
                    // Chinese pinyin: "Zhao".
                    out.both("J");
                    1
                } else {
                    if w.is(i + 1, &["ZO", "ZI", "ZA"])
                        || (slavo_germanic && i > 0 && w.at(i - 1) != b'T')
                    {
                        out.two("S", "TS");
                    } else {
                        out.both("S");
                    }
                    isize::from(w.at(i + 1) == b'Z')
                }
            }
            _ => 0,
        };
        i += 1 + skip;
    }
    Codes {
        primary: out.p,
        alternate: out.a,
    }
}

fn handle_c(w: &W<'_>, out: &mut Out, i: isize) -> isize {
    if condition_c0(w, i) {
        // Various Germanic.
        out.both("K");
        1
    } else if i == 0 && w.is(i, &["CAESAR"]) {
        out.both("S");
        1
    } else if w.is(i, &["CH"]) {
        handle_ch(w, out, i)
    } else if w.is(i, &["CZ"]) && !(i >= 2 && w.is(i - 2, &["WICZ"])) {
        // "Czerny".
        out.two("S", "X");
        1
    } else if w.is(i + 1, &["CIA"]) {
        // "focaccia".
        out.both("X");
        2
    } else if w.is(i, &["CC"]) && !(i == 1 && w.at(0) == b'M') {
        // Double "cc" but not "McClelland".
        if w.is(i + 2, &["I", "E", "H"]) && !w.is(i + 2, &["HU"]) {
            if (i == 1 && w.at(i - 1) == b'A') || w.is(i - 1, &["UCCEE", "UCCES"]) {
                // "accident", "accede", "succeed".
                out.both("KS");
            } else {
                // "bacci", "bertucci", other Italian.
                out.both("X");
            }
            2
        } else {
            // Pierce's rule.
            out.both("K");
            1
        }
    } else if w.is(i, &["CK", "CG", "CQ"]) {
        out.both("K");
        1
    } else if w.is(i, &["CI", "CE", "CY"]) {
        // Italian vs. English.
        if w.is(i, &["CIO", "CIE", "CIA"]) {
            out.two("S", "X");
        } else {
            out.both("S");
        }
        1
    } else {
        out.both("K");
        if w.is(i + 1, &["C", "K", "Q"]) && !w.is(i + 1, &["CE", "CI"]) {
            1
        } else {
            0
        }
    }
}

fn condition_c0(w: &W<'_>, i: isize) -> bool {
    if w.is(i, &["CHIA"]) {
        return true;
    }
    if i <= 1 || w.vowel(i - 2) || !w.is(i - 1, &["ACH"]) {
        return false;
    }
    let c = w.at(i + 2);
    (c != b'I' && c != b'E') || w.is(i - 2, &["BACHER", "MACHER"])
}

fn handle_ch(w: &W<'_>, out: &mut Out, i: isize) -> isize {
    if i > 0 && w.is(i, &["CHAE"]) {
        // "Michael".
        out.two("K", "X");
    } else if condition_ch0(w, i) || condition_ch1(w, i) {
        // Greek roots ("chemistry", "chorus"), Germanic "ch" for "kh".
        out.both("K");
    } else if i > 0 {
        if w.is(0, &["MC"]) {
            out.both("K");
        } else {
            out.two("X", "K");
        }
    } else {
        out.both("X");
    }
    1
}

fn condition_ch0(w: &W<'_>, i: isize) -> bool {
    i == 0
        && (w.is(i + 1, &["HARAC", "HARIS"]) || w.is(i + 1, &["HOR", "HYM", "HIA", "HEM"]))
        && !w.is(0, &["CHORE"])
}

fn condition_ch1(w: &W<'_>, i: isize) -> bool {
    w.is(0, &["SCH"])
        || (i > 1 && w.is(i - 2, &["ORCHES", "ARCHIT", "ORCHID"]))
        || w.is(i + 2, &["T", "S"])
        || ((i == 0 || w.is(i - 1, &["A", "O", "U", "E"]))
            && (w.is(i + 2, &["L", "R", "N", "M", "B", "H", "F", "V", "W"]) || i + 1 == w.last()))
}

fn handle_g(w: &W<'_>, out: &mut Out, i: isize, slavo: bool) -> isize {
    if w.at(i + 1) == b'H' {
        return handle_gh(w, out, i);
    }
    if w.at(i + 1) == b'N' {
        if i == 1 && w.vowel(0) && !slavo {
            out.two("KN", "N");
        } else if !w.is(i + 2, &["EY"]) && w.at(i + 1) != b'Y' && !slavo {
            out.two("N", "KN");
        } else {
            out.both("KN");
        }
        return 1;
    }
    if w.is(i + 1, &["LI"]) && !slavo {
        // "tagliaro".
        out.two("KL", "L");
        return 1;
    }
    if i == 0
        && (w.at(i + 1) == b'Y'
            || w.is(
                i + 1,
                &[
                    "ES", "EP", "EB", "EL", "EY", "IB", "IL", "IN", "IE", "EI", "ER",
                ],
            ))
    {
        // -ges-, -gep-, -gel-, -gie- at the beginning.
        out.two("K", "J");
        return 1;
    }
    if (w.is(i + 1, &["ER"]) || w.at(i + 1) == b'Y')
        && !w.is(0, &["DANGER", "RANGER", "MANGER"])
        && !w.is(i - 1, &["E", "I"])
        && !w.is(i - 1, &["RGY", "OGY"])
    {
        // -ger-, -gy-.
        out.two("K", "J");
        return 1;
    }
    if w.is(i + 1, &["E", "I", "Y"]) || w.is(i - 1, &["AGGI", "OGGI"]) {
        // Italian "biaggi".
        if w.is(0, &["SCH"]) || w.is(i + 1, &["ET"]) {
            // Obvious Germanic.
            out.both("K");
        } else if w.is(i + 1, &["IER"]) {
            out.both("J");
        } else {
            out.two("J", "K");
        }
        return 1;
    }
    out.both("K");
    isize::from(w.at(i + 1) == b'G')
}

fn handle_gh(w: &W<'_>, out: &mut Out, i: isize) -> isize {
    if i > 0 && !w.vowel(i - 1) {
        out.both("K");
    } else if i == 0 {
        // "ghislane", "ghiradelli".
        if w.at(i + 2) == b'I' {
            out.both("J");
        } else {
            out.both("K");
        }
    } else if (i > 1 && w.is(i - 2, &["B", "H", "D"]))
        || (i > 2 && w.is(i - 3, &["B", "H", "D"]))
        || (i > 3 && w.is(i - 4, &["B", "H"]))
    {
        // Parker's rule: "hugh", "bough", "broughton".
    } else if i > 2 && w.at(i - 1) == b'U' && w.is(i - 3, &["C", "G", "L", "R", "T"]) {
        // "laugh", "McLaughlin", "cough", "gough", "rough", "tough".
        out.both("F");
    } else if i > 0 && w.at(i - 1) != b'I' {
        out.both("K");
    }
    1
}

fn handle_j(w: &W<'_>, out: &mut Out, i: isize, slavo: bool) -> isize {
    if w.is(i, &["JOSE"]) {
        // Obvious Spanish: "Jose".
        if i == 0 && w.s.len() == 4 {
            out.both("H");
        } else {
            out.two("J", "H");
        }
        return 0;
    }
    if i == 0 {
        out.two("J", "A");
    } else if w.vowel(i - 1) && !slavo && (w.at(i + 1) == b'A' || w.at(i + 1) == b'O') {
        // Spanish pronunciation of "bajador".
        out.two("J", "H");
    } else if i == w.last() {
        out.p.push('J');
    } else if !w.is(i + 1, &["L", "T", "K", "S", "N", "M", "B", "Z"])
        && !w.is(i - 1, &["S", "K", "L"])
    {
        out.both("J");
    }
    isize::from(w.at(i + 1) == b'J')
}

fn condition_l0(w: &W<'_>, i: isize) -> bool {
    // Spanish: "cabrillo", "gallegos".
    if w.s.len() >= 3 && i == w.last() - 2 && i > 0 && w.is(i - 1, &["ILLO", "ILLA", "ALLE"]) {
        return true;
    }
    let n = w.s.len() as isize;
    (w.is(n - 2, &["AS", "OS"]) || w.is(n - 1, &["A", "O"])) && w.is(i - 1, &["ALLE"])
}

fn handle_s(w: &W<'_>, out: &mut Out, i: isize, slavo: bool) -> isize {
    if w.is(i - 1, &["ISL", "YSL"]) {
        // "island", "isle", "carlisle", "carlysle".
        0
    } else if i == 0 && w.is(i, &["SUGAR"]) {
        out.two("X", "S");
        0
    } else if w.is(i, &["SH"]) {
        if w.is(i + 1, &["HEIM", "HOEK", "HOLM", "HOLZ"]) {
            // Germanic.
            out.both("S");
        } else {
            out.both("X");
        }
        1
    } else if w.is(i, &["SIO", "SIA"]) {
        // Italian and Armenian.
        if slavo {
            out.both("S");
        } else {
            out.two("S", "X");
        }
        2
    } else if (i == 0 && w.is(i + 1, &["M", "N", "L", "W"])) || w.is(i + 1, &["Z"]) {
        // German and anglicisations: "Smith" matches "Schmidt", "Snider" "Schneider";
        // also -sz- in Slavic languages.
        out.two("S", "X");
        isize::from(w.is(i + 1, &["Z"]))
    } else if w.is(i, &["SC"]) {
        if w.at(i + 2) == b'H' {
            // Schlesinger's rule.
            if w.is(i + 3, &["OO", "ER", "EN", "UY", "ED", "EM"]) {
                // Dutch origin: "school", "schooner"; "schermerhorn", "schenker".
                if w.is(i + 3, &["ER", "EN"]) {
                    out.two("X", "SK");
                } else {
                    out.both("SK");
                }
            } else if i == 0 && !w.vowel(3) && w.at(3) != b'W' {
                out.two("X", "S");
            } else {
                out.both("X");
            }
        } else if w.is(i + 2, &["I", "E", "Y"]) {
            out.both("S");
        } else {
            out.both("SK");
        }
        2
    } else {
        if i > 1 && i == w.last() && w.is(i - 2, &["AI", "OI"]) {
            // French: "Resnais", "Artois".
            out.a.push('S');
        } else {
            out.both("S");
        }
        isize::from(w.is(i + 1, &["S", "Z"]))
    }
}

fn handle_t(w: &W<'_>, out: &mut Out, i: isize) -> isize {
    if w.is(i, &["TION", "TIA", "TCH"]) {
        out.both("X");
        2
    } else if w.is(i, &["TH", "TTH"]) {
        if w.is(i + 2, &["OM", "AM"]) || w.is(0, &["SCH"]) {
            // "Thomas", "Thames", or Germanic.
            out.both("T");
        } else {
            out.two("0", "T");
        }
        1
    } else {
        out.both("T");
        isize::from(w.is(i + 1, &["T", "D"]))
    }
}

fn handle_w(w: &W<'_>, out: &mut Out, i: isize) -> isize {
    if w.is(i, &["WR"]) {
        out.both("R");
        1
    } else if i == 0 && (w.vowel(i + 1) || w.is(i, &["WH"])) {
        if w.vowel(i + 1) {
            // Wasserman should match Vasserman.
            out.two("A", "F");
        } else {
            // Uomo should match Womo.
            out.both("A");
        }
        0
    } else if (i == w.last() && w.vowel(i - 1))
        || w.is(i - 1, &["EWSKI", "EWSKY", "OWSKI", "OWSKY"])
        || w.is(0, &["SCH"])
    {
        // Arnow should match Arnoff.
        out.a.push('F');
        0
    } else if w.is(i, &["WICZ", "WITZ"]) {
        // Polish: "Filipowicz".
        out.two("TS", "FX");
        3
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> String {
        double_metaphone(s).primary
    }
    fn a(s: &str) -> String {
        double_metaphone(s).alternate
    }

    #[test]
    fn classic_codes() {
        // Values from the reference implementation, without the four-character limit.
        assert_eq!(p("Smith"), "SM0");
        assert_eq!(a("Smith"), "XMT");
        assert_eq!(p("Schmidt"), "XMT");
        assert_eq!(a("Schmidt"), "SMT");
        assert_eq!(p("Thomas"), "TMS");
        assert_eq!(p("Knight"), "NT");
        assert_eq!(p("Michael"), "MKL");
        assert_eq!(a("Michael"), "MXL");
        assert_eq!(p("Tchaikovsky"), p("Chaikovsky"));
        assert_eq!(p("Gandhi"), p("Ghandi"));
        assert_eq!(p("Caribbean"), p("Carribean"));
        assert_eq!(p("Zinoviev"), p("Zinovyev"));
        assert_eq!(p("Jose"), "HS");
        assert_eq!(p("Filipowicz"), "FLPTS");
        assert_eq!(p("Czerny"), "SRN");
        assert_eq!(p("Laugh"), "LF");
    }

    #[test]
    fn never_panics() {
        for s in [
            "", "x", "W", "GH", "Ç", "ЖЖ", "CHAE", "SCH", "UMB", "ALLE", "Jjjj", "dg",
        ] {
            let _ = double_metaphone(s);
        }
    }
}
