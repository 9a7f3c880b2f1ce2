//! Which paragraphs can assign work at all. Every record names an agency (a head word, a class `các X`, a
//! body named in lower case) or gives a role to the agency an item is addressed to (`Chủ trì ...`, `theo dõi
//! ...`), or is a labelled line; a paragraph with none of these words is not read. Most paragraphs of running
//! text (an encyclopedia page, a legal Q&A) have none, and skipping them spares their tokens.
use crate::lex::fold::{capitalized, other_tone_placement};
use crate::lex::lexicon::{Lexicon, Tag};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

/// The words that a paragraph able to assign work holds one of, in the cases and tone placements they are
/// printed in, by their opening words (see [`Triggers::at`]).
static TRIGGERS: LazyLock<Triggers> = LazyLock::new(|| Triggers::new(with_other_placements(cased_patterns())));

/// The trigger patterns by key: a pattern standing as a word at some place of a text is looked up there by the
/// text's first word, or its first two words, and compared whole (a lookup at some words, where an automaton
/// of thousands of patterns stepped ~20 instructions per byte of every paragraph, with no prefilter).
struct Triggers {
    /// The patterns by key (see [`Triggers::at`]), and for a first run of word chars, whether a pattern of two runs or
    /// more opens with it.
    by_key: HashMap<Box<str>, (Vec<Box<str>>, bool)>,
    /// What a pattern's first bytes may be, as bit sets: its first four bytes (hashed), or the first two of one
    /// of two or three bytes, or its one byte. A pattern is at a place only where the text's bytes open with its
    /// own.
    quads: Box<Bits>,
    pairs: Box<Bits>,
    single: [bool; 256],
    /// The patterns that do not open with a word char (none today): compared at every place, as the automaton
    /// did.
    odd: Vec<Box<str>>,
}

impl Triggers {
    fn new(pats: Vec<String>) -> Triggers {
        let mut t = Triggers { by_key: HashMap::default(), quads: Box::new([0; 1024]), pairs: Box::new([0; 1024]), single: [false; 256], odd: Vec::new() };
        for p in pats {
            if !p.starts_with(is_alnum) {
                t.odd.push(p.into());
                continue;
            }
            match *p.as_bytes() {
                [b0] => t.single[b0 as usize] = true,
                [b0, b1] | [b0, b1, _] => set(&mut t.pairs, pair(b0, b1)),
                [b0, b1, b2, b3, ..] => set(&mut t.quads, quad([b0, b1, b2, b3])),
                [] => unreachable!("a pattern opening with a char has one"),
            }
            let first = run_end(&p, 0);
            let key = match next_run(&p, first) {
                Some(end) => {
                    t.by_key.entry(p[..first].into()).or_default().1 = true;
                    &p[..end]
                }
                None => &p[..first],
            };
            let v = &mut t.by_key.entry(key.into()).or_default().0;
            if !v.iter().any(|q| **q == *p) {
                v.push(p.into());
            }
        }
        t
    }

    /// Whether a pattern may be at byte `s` of `b`: its first bytes (or its one byte) are there.
    #[inline]
    fn may_be_at(&self, b: &[u8], s: usize) -> bool {
        let quad_at = || b.get(s..s + 4).is_some_and(|q| has(&self.quads, quad([q[0], q[1], q[2], q[3]])));
        self.single[b[s] as usize] || b.get(s + 1).is_some_and(|&b1| has(&self.pairs, pair(b[s], b1))) || quad_at()
    }

    /// Whether a pattern stands at byte `s` of `text`, where a run of word chars starts; and where that run ends.
    ///
    /// A pattern's key is its text through its second run of word chars, or through its first when it has one
    /// only. A pattern standing as a word at `s` opens with the text's run at `s` whole (the char after that run
    /// in the pattern is no word char, or the pattern ends there and the char after the match is none); when it
    /// has a second run, the marks between match the text's whole, and its second run the text's next run
    /// whole, for the same reason. So its key is the text's first run at `s`, or its first two: both are looked
    /// up, and no pattern is missed.
    fn at(&self, text: &str, s: usize) -> (bool, usize) {
        let first = run_end(text, s);
        let Some((pats, longer)) = self.by_key.get(&text[s..first]) else { return (false, first) };
        let found = pats.iter().any(|p| stands_at(text, s, p))
            || *longer && next_run(text, first).is_some_and(|end| self.by_key.get(&text[s..end]).is_some_and(|(v, _)| v.iter().any(|p| stands_at(text, s, p))));
        (found, first)
    }
}

/// A set of 65,536 bits.
type Bits = [u64; 1024];

fn set(bits: &mut Bits, i: usize) {
    bits[i / 64] |= 1 << (i % 64);
}

fn has(bits: &Bits, i: usize) -> bool {
    bits[i / 64] & 1 << (i % 64) != 0
}

/// The bit of two bytes in [`Triggers::pairs`].
fn pair(b0: u8, b1: u8) -> usize {
    usize::from(b0) << 8 | usize::from(b1)
}

/// The bit of four bytes in [`Triggers::quads`] (a multiplicative hash: two patterns may share one).
fn quad(q: [u8; 4]) -> usize {
    (u32::from_le_bytes(q).wrapping_mul(0x9E37_79B1) >> 16) as usize
}

/// Whether the char at byte `i` of `text` (a char boundary) is a word char, and its length. Vietnamese letters
/// are told by their first two bytes (U+00C0–U+027F but `×` and `÷`, U+1E00–U+1EFF, all letters: a test compares
/// every char), others decoded.
#[inline(always)]
fn word_char_at(text: &str, i: usize) -> (bool, usize) {
    let b = text.as_bytes();
    match b[i] {
        x @ 0..0x80 => (x.is_ascii_alphanumeric(), 1),
        0xC3 => (!matches!(b[i + 1], 0x97 | 0xB7), 2),
        0xC4..=0xC9 => (true, 2),
        0xE1 if matches!(b[i + 1], 0xB8..=0xBB) => (true, 3),
        _ => {
            let c = text[i..].chars().next().expect("a char starts at a boundary");
            (is_alnum(c), c.len_utf8())
        }
    }
}

/// Whether pattern `p` is in `text` at byte `s`, not followed by a word char.
fn stands_at(text: &str, s: usize, p: &str) -> bool {
    text[s..].starts_with(p) && !text[s + p.len()..].starts_with(is_alnum)
}

/// The bytes a run of word chars goes on over without a look at their char: ASCII letters and digits, the lead
/// bytes 0xC4–0xC9 (letters all, as [`word_char_at`] says) and the continuation bytes. Read from a char
/// boundary, a continuation byte is only met right after such a lead byte (any other lead is read whole by
/// [`word_char_at`]), so each skip is one [`word_char_at`] would have made; the run ends at an ASCII mark or
/// at another lead byte, where the char is decoded.
static GOES_ON: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric() || matches!(b, 0x80..=0xBF | 0xC4..=0xC9);
        b += 1;
    }
    t
};

/// The end of the run of word chars from byte `s` of `text` (a char boundary).
#[inline(always)]
fn run_end(text: &str, mut s: usize) -> usize {
    let b = text.as_bytes();
    while s < text.len() {
        while s < b.len() && GOES_ON[b[s] as usize] {
            s += 1;
        }
        if s == b.len() {
            break;
        }
        let (alnum, len) = word_char_at(text, s);
        if !alnum {
            break;
        }
        s += len;
    }
    s
}

/// The end of the run of word chars after the marks at byte `from` of `text`, if one follows.
fn next_run(text: &str, from: usize) -> Option<usize> {
    let start = from + text[from..].find(is_alnum)?;
    Some(run_end(text, start))
}

/// [`char::is_alphanumeric`], the word chars of the trigger search, with the letters of Vietnamese (Latin-1 and
/// Latin Extended-A/B but `×` and `÷`, Latin Extended Additional) answered without the Unicode table: a test
/// compares every char.
#[inline]
fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}') && c != '×' && c != '÷' || c.is_alphanumeric()
}

/// The trigger words in the cases they are printed in.
fn cased_patterns() -> Vec<String> {
    let lx = Lexicon::global();
    let mut pats: Vec<String> = Vec::new();
    // the forms given so far, so that each is given once (a set: a search of the list for each was quadratic)
    let mut given: HashSet<String> = HashSet::default();
    let mut add = |p: &str, lower: bool| {
        // a row may be written in capitals (`VỤ TRƯỞNG`, a title head too): its forms come from the lower case
        let p = &if p.chars().any(char::is_lowercase) { p.to_string() } else { p.to_lowercase() };
        let forms = [capitalized(p), p.to_uppercase(), p.to_string()];
        for form in forms.into_iter().take(if lower { 3 } else { 2 }) {
            if given.insert(form.clone()) {
                pats.push(form);
            }
        }
    };
    for e in lx.entries() {
        // a head word opens a name capitalized (`Sở`, `Hội`); in lower case it is another word (`cơ hội`)
        let lower = e.tags.any([Tag::HeadLower, Tag::Opener, Tag::Label, Tag::RoleCue, Tag::ActorNoun].as_slice().into());
        if lower || e.has(Tag::Head) {
            add(&e.phrase, lower);
        } else if e.has(Tag::Abbreviation) {
            add(&e.phrase, false);
        }
        // a class: `các sở`, `những cá nhân`, `tất cả các đơn vị`
        if e.has(Tag::Plural) {
            add(&format!("các {}", e.phrase), true);
            add(&format!("những {}", e.phrase), true);
        }
    }
    // the role words of a clause without an agency of its own (`theo dõi, đôn đốc ...`, `báo cáo ...`; `phối hợp`
    // is a label's phrase, above)
    for e in lx.phrases(Tag::MonitorVerb).chain(lx.phrases(Tag::ReportVerb)) {
        add(&e.phrase, true);
    }
    pats
}

/// `pats` and the other tone placement of each that has one: both placements of a phrase are one lexicon
/// entry, printed either way.
fn with_other_placements(mut pats: Vec<String>) -> Vec<String> {
    // asked once of all the patterns, a line each, not of each pattern (thousands, each asked many replaces): a
    // tone pair is two letters, never across a line break, so each line comes back as it would alone
    let joined = pats.join("\n");
    if let Some(other) = other_tone_placement(&joined) {
        let more: Vec<String> = other.split('\n').zip(&pats).filter(|(o, p)| o != p).map(|(o, _)| o.to_string()).collect();
        pats.extend(more);
    }
    pats
}

/// Whether the text may assign work: it holds a trigger word standing as a word (no word char right before or
/// after it). Such a word opens where a run of word chars starts, where it is looked up.
pub fn may_assign(text: &str) -> bool {
    let tr = &*TRIGGERS;
    if tr.odd.iter().any(|p| text.match_indices(&**p).any(|(s, _)| !text[..s].ends_with(is_alnum) && !text[s + p.len()..].starts_with(is_alnum))) {
        return true;
    }
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let (alnum, len) = word_char_at(text, i);
        if !alnum {
            i += len;
            continue;
        }
        // a run of word chars starts at `i` (the char before, if any, is no word char); it is read to its end once, by
        // the lookup or by the skip, and the char it stops at is no word char
        if !tr.may_be_at(b, i) {
            i = run_end(text, i + len);
            continue;
        }
        let (found, end) = tr.at(text, i);
        if found {
            return true;
        }
        i = end;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triggers_are_found_as_words_in_any_case_and_tone_placement() {
        assert!(may_assign("Giao Sở Tư pháp theo dõi."));
        assert!(may_assign("UỶ BAN NHÂN DÂN TỈNH"));
        assert!(may_assign("- Chủ trì, tổng hợp kết quả."));
        assert!(may_assign("các cơ quan liên quan kịp thời phản ánh"));
        assert!(!may_assign("Hà Nội là thủ đô của nước Việt Nam, nằm bên sông Hồng."));
        assert!(!may_assign("Đây là cơ hội lớn."));
        // `Bản` is no `Ban`
        assert!(!may_assign("Bản đồ"));
    }

    /// `may_assign` as the search of every pattern at every place (the automaton's answer).
    fn by_every_pattern(text: &str) -> bool {
        let before = |s: usize| text[..s].chars().next_back().is_some_and(char::is_alphanumeric);
        let after = |e: usize| text[e..].chars().next().is_some_and(char::is_alphanumeric);
        with_other_placements(cased_patterns()).iter().any(|p| text.match_indices(p.as_str()).any(|(s, _)| !before(s) && !after(s + p.len())))
    }

    #[test]
    fn the_lookup_by_opening_words_finds_what_every_pattern_finds() {
        let texts = [
            "Giao Sở Tư pháp theo dõi.",
            "“Sở Tư pháp” và (UBND tỉnh)",
            "kết thúc bằng Sở",
            "các cơ quan, đơn vị liên quan",
            "Các cơ quanx và các cơ sở",
            "xSở Tư pháp; Sởx; ĐSở",
            "Ủy ban nhân dân tỉnh; Uỷ ban nhân dân huyện",
            "tất cả các đơn vị phối hợp",
            "chủ trì,phối hợp-với",
            "Hà Nội là thủ đô của nước Việt Nam, nằm bên sông Hồng.",
            "Đây là cơ hội lớn. Bản đồ",
            "các",
            "Ban",
            "Vụ",
            "a Ban b",
            "",
        ];
        for t in texts {
            assert_eq!(may_assign(t), by_every_pattern(t), "{t}");
        }
        // a trigger of two words found only by its two words (`các` + a plural noun), at the end of the text
        assert!(may_assign("Giám sát của các cơ quan") && !may_assign("các cơ"));
    }

    #[test]
    fn every_trigger_opens_with_a_word_char() {
        // (the others would be compared at every place: none is today)
        assert!(TRIGGERS.odd.is_empty());
    }

    #[test]
    fn the_word_chars_are_the_alphanumeric_chars() {
        let mut buf = [0; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(word_char_at(c.encode_utf8(&mut buf), 0), (c.is_alphanumeric(), c.len_utf8()), "{c:?}");
        }
    }

    #[test]
    fn a_run_is_skipped_to_the_first_char_that_is_no_word_char() {
        // the end char by char, as `word_char_at` reads
        let by_char = |t: &str| t.char_indices().find(|&(_, c)| !c.is_alphanumeric()).map_or(t.len(), |(i, _)| i);
        let mut buf = [0; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for t in [format!("aĐệ9{}Sở x", c.encode_utf8(&mut buf)), format!("{c}ơ")] {
                assert_eq!(run_end(&t, 0), by_char(&t), "{t:?}");
            }
        }
        assert!(may_assign("Nội dung, Sở Tư pháp") && !may_assign("Nội dungSở Tư pháp") && may_assign("dung“Sở Tư pháp"));
    }

    #[test]
    fn a_long_run_of_trigger_openings_is_read_in_one_pass() {
        let text = "các cơ ".repeat(30_000) + &"x".repeat(200_000);
        assert!(!may_assign(&text));
        assert!(may_assign(&(text + " các cơ quan")));
    }

    #[test]
    fn the_other_tone_placements_asked_at_once_are_each_pattern_s_own() {
        let cased = cased_patterns();
        assert!(cased.iter().all(|p| !p.contains('\n')));
        let mut one_by_one: Vec<String> = cased.iter().filter_map(|p| other_tone_placement(p)).chain(cased.iter().cloned()).collect();
        let mut at_once = with_other_placements(cased);
        one_by_one.sort();
        at_once.sort();
        assert_eq!(at_once, one_by_one);
        assert!(at_once.iter().any(|p| p.starts_with("Uỷ ban")));
    }
}
