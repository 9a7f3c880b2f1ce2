//! Sixteen bytes of text classed at once with the vector unit, for the scans that pass over long runs of bytes
//! needing no look (plain text in [`super::text`], normal text in [`super::normalize`]): SSE2, which every x86-64
//! CPU has. Elsewhere there is no [`Bytes16`], and those scans read every byte themselves.
//!
//! The functions carry `#[target_feature(enable = "sse2")]`, as the intrinsics they call do: a scan's kernel
//! carries it too and calls them safely; the scan calls its kernel in an `unsafe` block, sound because
//! [`Bytes16`] and the kernels are compiled only where SSE2 is enabled at build time (then every CPU the code
//! runs on has it). A scan's skip over blocks, with its byte-at-a-time stand-in elsewhere, is made by
//! [`block_skipper`].
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
use std::arch::x86_64::*;

/// `fn $name(b: &[u8], i: usize) -> usize`: [`skip_blocks`] with the kernel `$kernel` (a `#[target_feature(enable =
/// "sse2")]` fn of the calling module, compiled with SSE2 only) and `$after` bytes read after each block, where the
/// build enables SSE2; elsewhere `i` itself, the scan then reading every byte. The doc comments given go on both.
macro_rules! block_skipper {
    ($(#[$doc:meta])* fn $name:ident, after $after:literal, kernel $kernel:ident) => {
        $(#[$doc])*
        #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
        #[inline]
        fn $name(b: &[u8], i: usize) -> usize {
            // SAFETY: the kernel is compiled only where SSE2 is enabled at build time: every CPU this runs on has it
            $crate::lex::bytes16::skip_blocks(b, i, $after, |block| unsafe { $kernel(block) })
        }
        $(#[$doc])*
        #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
        #[inline]
        fn $name(_: &[u8], i: usize) -> usize {
            i
        }
    };
}
pub(crate) use block_skipper;

/// The first byte from `i` that `look` marks, past blocks of sixteen bytes with none marked: `look` is given a
/// block and the `after` bytes that follow it (which its tests may read) and marks the bytes the caller must look
/// at, a bit each (as [`Bytes16::bits`] gives them); where fewer bytes are left, `i` itself.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline(always)]
pub(crate) fn skip_blocks(b: &[u8], mut i: usize, after: usize, look: impl Fn(&[u8]) -> u32) -> usize {
    while i + 16 + after <= b.len() {
        let marks = look(&b[i..i + 16 + after]);
        if marks != 0 {
            return i + marks.trailing_zeros() as usize;
        }
        i += 16;
    }
    i
}

/// Sixteen bytes, or a mask over them (a byte all ones where a test holds, all zeros where not).
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[derive(Clone, Copy)]
pub(crate) struct Bytes16(__m128i);

#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
impl Bytes16 {
    /// The first sixteen bytes of `b` (read as two eight-byte words: no pointer is read through).
    #[target_feature(enable = "sse2")]
    pub(crate) fn load(b: &[u8]) -> Bytes16 {
        let lo = i64::from_le_bytes(b[..8].try_into().unwrap());
        let hi = i64::from_le_bytes(b[8..16].try_into().unwrap());
        Bytes16(_mm_set_epi64x(hi, lo))
    }

    /// Where the byte is `x`.
    #[target_feature(enable = "sse2")]
    pub(crate) fn eq(self, x: u8) -> Bytes16 {
        Bytes16(_mm_cmpeq_epi8(self.0, _mm_set1_epi8(x as i8)))
    }

    /// Where the byte is in `lo..=lo + n` (no wrapping past 0xFF): `byte - lo` is at most `n`, unsigned.
    #[target_feature(enable = "sse2")]
    pub(crate) fn within(self, lo: u8, n: u8) -> Bytes16 {
        let d = _mm_sub_epi8(self.0, _mm_set1_epi8(lo as i8));
        Bytes16(_mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(n as i8)), d))
    }

    #[target_feature(enable = "sse2")]
    pub(crate) fn or(self, o: Bytes16) -> Bytes16 {
        Bytes16(_mm_or_si128(self.0, o.0))
    }

    #[target_feature(enable = "sse2")]
    pub(crate) fn and(self, o: Bytes16) -> Bytes16 {
        Bytes16(_mm_and_si128(self.0, o.0))
    }

    /// Where `self` holds and `o` does not.
    #[target_feature(enable = "sse2")]
    pub(crate) fn and_not(self, o: Bytes16) -> Bytes16 {
        Bytes16(_mm_andnot_si128(o.0, self.0))
    }

    /// The mask as sixteen bits, bit `k` for byte `k`.
    #[target_feature(enable = "sse2")]
    pub(crate) fn bits(self) -> u32 {
        _mm_movemask_epi8(self.0) as u32
    }
}

#[cfg(all(test, target_arch = "x86_64", target_feature = "sse2"))]
mod tests {
    use super::*;

    #[test]
    fn each_test_marks_the_bytes_it_names_and_no_other() {
        let bytes: Vec<u8> = (0..=255).collect();
        for block in bytes.chunks(16) {
            // SAFETY: these tests are compiled only where SSE2 is enabled at build time
            let (eq, within, mixed) = unsafe {
                let v = Bytes16::load(block);
                (v.eq(0xE1).bits(), v.within(0x09, 4).bits(), v.within(0xC0, 0x3F).and_not(v.eq(0xC3)).or(v.eq(b'*').and(v.eq(b'*'))).bits())
            };
            for (k, &b) in block.iter().enumerate() {
                assert_eq!(eq >> k & 1 == 1, b == 0xE1, "{b:#x}");
                assert_eq!(within >> k & 1 == 1, (0x09..=0x0D).contains(&b), "{b:#x}");
                assert_eq!(mixed >> k & 1 == 1, b >= 0xC0 && b != 0xC3 || b == b'*', "{b:#x}");
            }
        }
    }
}
