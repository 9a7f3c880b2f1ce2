//! A search for a few literal strings at once (type words, cue words, anchors), leftmost first: the first place
//! where one of them starts, and there the first of them in the list given (as a regex's alternation of the same
//! literals finds them).
//!
//! The SIMD searcher (`aho_corasick::packed`, Teddy) does this many bytes at a time, but it is built only where the
//! CPU has the vector instructions it needs (SSSE3 or AVX2 on x86-64, NEON on AArch64) and for a few dozen
//! literals; elsewhere a full Aho-Corasick automaton with the same match kind answers the same. A library that
//! panicked on an older or another CPU, where the searcher cannot be built, would be no library.
use aho_corasick::{packed, AhoCorasick, Input, MatchKind, Span};

pub use aho_corasick::Match;

/// Literal strings searched for at once, leftmost first (see the module's text).
pub struct Literals(Searcher);

enum Searcher {
    Packed(packed::Searcher),
    Automaton(AhoCorasick),
}

impl Literals {
    /// The searcher of `literals` (none of them empty), the SIMD one where it can be built.
    pub fn new<I, P>(literals: I) -> Literals
    where
        I: IntoIterator<Item = P>,
        P: AsRef<[u8]>,
    {
        let literals: Vec<P> = literals.into_iter().collect();
        assert!(literals.iter().all(|l| !l.as_ref().is_empty()), "an empty literal matches everywhere");
        match packed::Searcher::new(literals.iter().map(|l| l.as_ref())) {
            Some(s) => Literals(Searcher::Packed(s)),
            None => Literals::automaton(&literals),
        }
    }

    /// The searcher of `literals` as a full automaton: what [`Literals::new`] falls back on.
    fn automaton<P: AsRef<[u8]>>(literals: &[P]) -> Literals {
        let ac = AhoCorasick::builder().match_kind(MatchKind::LeftmostFirst).build(literals).expect("a few literals make an automaton");
        Literals(Searcher::Automaton(ac))
    }

    /// The first match in `hay`.
    #[inline]
    pub fn find(&self, hay: &str) -> Option<Match> {
        self.find_at(hay, 0)
    }

    /// The first match in `hay` that starts at byte `from` or later.
    #[inline]
    pub fn find_at(&self, hay: &str, from: usize) -> Option<Match> {
        let span = Span::from(from..hay.len());
        match &self.0 {
            Searcher::Packed(s) => s.find_in(hay, span),
            Searcher::Automaton(ac) => ac.find(Input::new(hay).span(span)),
        }
    }

    /// The matches in `hay`, each searched for from the end of the one before (they do not overlap).
    pub fn find_iter<'h>(&'h self, hay: &'h str) -> impl Iterator<Item = Match> + 'h {
        let mut from = 0;
        std::iter::from_fn(move || {
            let m = self.find_at(hay, from)?;
            // no literal is empty, so the search moves on
            from = m.end();
            Some(m)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXTS: [&str; 4] = [
        "Nghị quyết liên tịch số 1, Nghị quyết 15-NQ/TW, Luật Đất đai và Bộ Luật Dân sự; LuậtLuật",
        "số Số số",
        "",
        "không có gì",
    ];

    #[test]
    fn the_automaton_finds_what_the_simd_searcher_finds() {
        let lits = ["Nghị quyết liên tịch", "Nghị quyết", "Bộ Luật", "Luật", "số", "Số"];
        let simd = Literals::new(lits);
        let automaton = Literals::automaton(&lits);
        for t in TEXTS {
            let a: Vec<_> = simd.find_iter(t).map(|m| (m.pattern(), m.range())).collect();
            let b: Vec<_> = automaton.find_iter(t).map(|m| (m.pattern(), m.range())).collect();
            assert_eq!(a, b, "{t}");
            for from in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                assert_eq!(simd.find_at(t, from), automaton.find_at(t, from), "{t} from {from}");
            }
        }
    }

    #[test]
    fn a_literal_listed_first_wins_where_two_start() {
        for lits in [["Nghị quyết", "Nghị quyết liên tịch"], ["Nghị quyết liên tịch", "Nghị quyết"]] {
            let first = Literals::new(lits).find(TEXTS[0]).unwrap();
            assert_eq!((first.pattern().as_usize(), first.len()), (0, lits[0].len()));
            let first = Literals::automaton(&lits).find(TEXTS[0]).unwrap();
            assert_eq!((first.pattern().as_usize(), first.len()), (0, lits[0].len()));
        }
    }
}
