//! The way back from a cleaned string (emphasis and table markup dropped, white space folded, lines joined) to
//! the text it was cleaned from: a few breakpoints per paragraph, not an offset per byte.

/// Maps byte offsets of a cleaned string to byte offsets of its source text. The cleaned string is a sequence
/// of runs copied verbatim from the source; each run is one breakpoint `(clean offset, source offset)`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetMap {
    runs: Vec<(u32, u32)>,
    /// Length of the cleaned string, and the source offset its end maps to.
    end: (u32, u32),
}

impl OffsetMap {
    /// Record that the cleaned string, now `clean_len` bytes long, goes on with source byte `src`.
    #[inline]
    pub fn copy_from(&mut self, clean_len: usize, src: usize) {
        let (c, s) = (clean_len as u32, src as u32);
        match self.runs.last() {
            // still the same run: the next clean byte is the next source byte
            Some(&(rc, rs)) if rs + (c - rc) == s => {}
            Some(&(rc, _)) if rc == c => *self.runs.last_mut().unwrap() = (c, s),
            _ => self.runs.push((c, s)),
        }
    }

    /// Forget the runs from clean offset `len` on (the cleaned string was cut back to `len` bytes).
    pub fn truncate(&mut self, len: usize) {
        let len = len as u32;
        while self.runs.last().is_some_and(|&(c, _)| c >= len) {
            self.runs.pop();
        }
    }

    /// Close the map: the cleaned string is `clean_len` bytes and ends at source byte `src`.
    pub fn finish(&mut self, clean_len: usize, src: usize) {
        self.end = (clean_len as u32, src as u32);
    }

    /// The source offset of clean byte `offset` (`offset` may be the clean length: the source end).
    pub fn to_source(&self, offset: usize) -> usize {
        let o = offset as u32;
        if o >= self.end.0 {
            return self.end.1 as usize;
        }
        let i = self.runs.partition_point(|&(c, _)| c <= o);
        if i == 0 {
            return self.runs.first().map_or(self.end.1, |r| r.1) as usize;
        }
        let (c, s) = self.runs[i - 1];
        (s + (o - c)) as usize
    }

    /// The source span of a clean span: its first byte's source offset to the source offset right after its last
    /// byte (so a span never swallows the markup after it).
    pub fn span_to_source(&self, start: usize, end: usize) -> (usize, usize) {
        if end <= start {
            let s = self.to_source(start);
            return (s, s);
        }
        (self.to_source(start), self.to_source(end - 1) + 1)
    }

    /// Append `other` (the map of a string appended at clean offset `at`).
    pub fn append(&mut self, other: &OffsetMap, at: usize) {
        for &(c, s) in &other.runs {
            self.copy_from(at + c as usize, s as usize);
        }
        self.end = (at as u32 + other.end.0, other.end.1);
    }

    /// Shift every source offset by `delta` (a map made for a slice, placed in its text).
    pub fn shifted(mut self, delta: usize) -> OffsetMap {
        for r in &mut self.runs {
            r.1 += delta as u32;
        }
        self.end.1 += delta as u32;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_runs_and_their_ends() {
        // source "**Sở** Nội vụ" cleaned to "Sở Nội vụ"
        let src = "**Sở** Nội vụ";
        let clean = "Sở Nội vụ";
        let mut m = OffsetMap::default();
        m.copy_from(0, 2); // "Sở" at source 2
        m.copy_from("Sở".len(), 2 + "Sở**".len()); // " Nội vụ" after the closing **
        m.finish(clean.len(), src.len());
        assert_eq!(m.to_source(0), 2);
        assert_eq!(m.to_source(1), 3);
        assert_eq!(m.span_to_source(0, "Sở".len()), (2, 2 + "Sở".len()), "the closing ** stays outside");
        let noi = clean.find("Nội").unwrap();
        assert_eq!(&src[m.to_source(noi)..m.to_source(noi) + "Nội".len()], "Nội");
        assert_eq!(m.to_source(clean.len()), src.len());
    }

    #[test]
    fn consecutive_bytes_stay_one_run() {
        let mut m = OffsetMap::default();
        for i in 0..10 {
            m.copy_from(i, 100 + i);
        }
        m.finish(10, 110);
        assert_eq!(m.runs.len(), 1);
        assert_eq!(m.to_source(7), 107);
    }
}
