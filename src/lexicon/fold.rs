//! The one accent fold: Latin letters lose their diacritics (é → e, Ł → L, ß → ss), by
//! canonical decomposition (`unicode-normalization`) plus the letters that have none (ø, ł, đ,
//! ħ, ı, ŋ, ŧ) and the ligatures (æ, œ, ĳ, þ). Spelling's word shapes and the names analysis both
//! fold through it.

use unicode_normalization::char::decompose_canonical;

/// A combining diacritical mark (the combining blocks of the Latin script).
pub fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// A letter of the Latin-1 Supplement, Latin Extended-A/B or Latin Extended Additional blocks.
fn is_latin_extended(c: char) -> bool {
    matches!(c as u32, 0x00C0..=0x024F | 0x1E00..=0x1EFF)
}

/// Letters with a stroke or of their own that canonical decomposition leaves whole, and the
/// ligatures, spelt with base letters.
fn spelt_out(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' => "ss",
        'ẞ' => "SS",
        'æ' => "ae",
        'Æ' => "AE",
        'œ' => "oe",
        'Œ' => "OE",
        'ĳ' => "ij",
        'Ĳ' => "IJ",
        'þ' => "th",
        'Þ' => "TH",
        'ø' => "o",
        'Ø' => "O",
        'ł' => "l",
        'Ł' => "L",
        'ŀ' => "l",
        'Ŀ' => "L",
        'đ' | 'ð' => "d",
        'Đ' | 'Ð' => "D",
        'ħ' => "h",
        'Ħ' => "H",
        'ı' => "i",
        'ŋ' => "n",
        'Ŋ' => "N",
        'ŧ' => "t",
        'Ŧ' => "T",
        _ => return None,
    })
}

/// Appends `c` to `out` without its diacritics: a Latin letter's base letters, nothing for a
/// combining mark, any other character as it is. Case is kept.
pub fn push_folded(c: char, out: &mut String) {
    if is_combining(c) {
        return;
    }
    if !is_latin_extended(c) {
        out.push(c);
        return;
    }
    if let Some(s) = spelt_out(c) {
        out.push_str(s);
        return;
    }
    decompose_canonical(c, |d| {
        if !is_combining(d) {
            out.push(d);
        }
    });
}

/// `word` without the diacritics of its Latin letters (é → e, ß → ss, "e\u{301}" → e); other
/// characters are kept, case too.
pub fn fold_accents(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        push_folded(c, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_latin_letters() {
        assert_eq!(fold_accents("café"), "cafe");
        assert_eq!(fold_accents("ÉCOLE"), "ECOLE");
        assert_eq!(fold_accents("Gödel"), "Godel");
        assert_eq!(fold_accents("Łódź"), "Lodz");
        assert_eq!(fold_accents("straße"), "strasse");
        assert_eq!(fold_accents("Ærø"), "AEro");
        assert_eq!(fold_accents("Ştefan Đorđević"), "Stefan Dordevic");
        assert_eq!(fold_accents("e\u{301}cole"), "ecole");
        assert_eq!(fold_accents("Nguyễn"), "Nguyen");
        // Other scripts are left alone.
        assert_eq!(fold_accents("Андрей"), "Андрей");
        assert_eq!(fold_accents("ά"), "ά");
        assert_eq!(fold_accents(""), "");
    }
}
