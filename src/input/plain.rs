//! Plain text: every byte is prose, except web and e-mail addresses and DOIs, and the
//! `<!-- essaylint-… -->` suppression comments (which work in plain text too).

use super::mask::Mask;
use super::suppress::{self, Collector};
use crate::doc::Source;

pub fn read(text: String) -> Source {
    let mut mask = Mask::shown(&text);
    let mut c = Collector::default();
    for s in suppress::html_comments(&text, None, &mut c) {
        mask.hide(s.start..s.end);
    }
    mask.hide_urls();
    let notices = c.unclosed();
    let suppressions = c.finish(text.len());
    let masked = mask.finish(&text);
    Source {
        text,
        masked,
        suppressions,
        notices,
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_untouched() {
        let s = read("Just an essay. Nothing else.".into());
        assert!(s.masked.is_none());
        assert!(s.suppressions.is_empty());
    }

    #[test]
    fn comments_and_urls_masked() {
        let t = "<!-- essaylint-disable-next-line -->\nthe the\nSee www.x.org now.";
        let s = read(t.into());
        let m = s.masked.unwrap();
        assert_eq!(m.len(), t.len());
        assert!(!m.contains("essaylint"));
        assert!(!m.contains("x.org"));
        assert_eq!(s.suppressions.len(), 1);
    }
}
