//! Plain text: every byte is prose.

use crate::doc::Source;

pub fn read(text: String) -> Source {
    Source::plain(text)
}
