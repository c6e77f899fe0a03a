//! Tables `build.rs` wrote as little-endian numbers, read in place from the binary: no copy and
//! no parsing at start-up.
//!
//! `include_bytes!` gives bytes at any alignment; [`include_aligned!`] places them at an 8-byte
//! boundary, so that they can be viewed as `u32`, `u64` or `f64` arrays. On a big-endian target
//! (or bytes not so aligned) the readers copy instead: the answer is the same either way.

use std::borrow::Cow;

/// Bytes at an 8-byte boundary (see [`include_aligned!`]).
#[repr(C, align(8))]
pub(crate) struct Aligned<B: ?Sized>(pub B);

/// `include_bytes!` at an 8-byte alignment: a `&'static [u8]` whose start is a multiple of 8.
macro_rules! include_aligned {
    ($path:expr) => {{
        static A: &$crate::lexicon::inplace::Aligned<[u8]> =
            &$crate::lexicon::inplace::Aligned(*include_bytes!($path));
        &A.0
    }};
}
pub(crate) use include_aligned;

macro_rules! reader {
    ($name:ident, $t:ty, $n:literal) => {
        /// The little-endian numbers of `bytes`, viewed in place when they can be.
        pub(crate) fn $name(bytes: &'static [u8]) -> Cow<'static, [$t]> {
            if cfg!(target_endian = "little") {
                // SAFETY: every bit pattern is a valid value of the type, and `align_to` only
                // gives the middle part at the type's alignment.
                let (pre, mid, post) = unsafe { bytes.align_to::<$t>() };
                if pre.is_empty() && post.is_empty() {
                    return Cow::Borrowed(mid);
                }
            }
            Cow::Owned(
                bytes
                    .chunks_exact($n)
                    .map(|c| <$t>::from_le_bytes(c.try_into().expect("whole numbers")))
                    .collect(),
            )
        }
    };
}

reader!(le_u32s, u32, 4);
reader!(le_u64s, u64, 8);
reader!(le_f32s, f32, 4);
reader!(le_i8s, i8, 1);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_in_place_or_copied_alike() {
        static B: &Aligned<[u8]> = &Aligned([1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f]);
        let b: &'static [u8] = &B.0;
        assert_eq!(&*le_u32s(b), &[1, 2, 0, 0x3ff0_0000]);
        assert_eq!(&*le_f32s(&b[12..]), &[1.875]);
        assert!(matches!(le_u64s(b), Cow::Borrowed(_)) || cfg!(target_endian = "big"));
        // Bytes off the alignment are copied, with the same values.
        let odd: &'static [u8] = &b[1..5];
        assert_eq!(le_u32s(odd).len(), 1);
        assert_eq!(le_u32s(&b[4..8])[0], 2);
    }
}
