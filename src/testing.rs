//! What the unit tests share: a fixed stream of pseudo-random numbers, so that a test that samples many inputs
//! samples the same ones every run, and the phrases made from it.

/// Pseudo-random 64-bit numbers (xorshift64) from a seed, the same sequence every run.
pub(crate) struct Draws(u64);

impl Draws {
    pub(crate) fn new(seed: u64) -> Draws {
        // (a zero state would stay zero)
        Draws(seed.max(1))
    }
}

impl Iterator for Draws {
    type Item = u64;
    fn next(&mut self) -> Option<u64> {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        Some(self.0)
    }
}

/// `n` strings of one to `most` pieces (at most twelve) drawn from `pieces`, a draw each.
pub(crate) fn phrases(pieces: &[&str], n: usize, most: usize) -> Vec<String> {
    assert!((1..=12).contains(&most), "a draw holds twelve pieces at most");
    Draws::new(0x9E37_79B9_7F4A_7C15)
        .take(n)
        .map(|r| {
            let k = 1 + (r % most as u64) as usize;
            (0..k).map(|j| pieces[(r >> (5 * j)) as usize % pieces.len()]).collect()
        })
        .collect()
}
