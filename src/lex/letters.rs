//! What the tokenizer and the fold ask of each character (a letter or digit of a word? white space? upper or
//! lower case? folded already? its fold?), read from one table over the code points Vietnamese is written in:
//! U+0000–U+036F (ASCII, Latin-1, Latin Extended-A/B, IPA, combining marks) and U+1E00–U+1EFF (Latin Extended
//! Additional, where most toned vowels are). Any other character is asked of the standard library. The table is
//! filled by the very predicates it stands for ([`is_word_char`], `char::is_uppercase`, the fold's cases...), so
//! its answers are theirs: it only saves their range searches at every character of every token. Those predicates
//! live here, below the fold and the tokenizer that use the table, so that the three modules import one way.
use std::sync::LazyLock;

/// A letter or digit of a word: ASCII alphanumerics, the Vietnamese letters (precomposed or with combining
/// marks) and other alphanumerics.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' | '\u{300}'..='\u{36F}') && c != '×' && c != '÷' || c.is_alphanumeric()
}

/// Tone-on-the-last-vowel pairs and their tone-on-the-first form.
pub(super) const MOVES: &[(char, char, char, char)] = &[
    ('o', 'à', 'ò', 'a'), ('o', 'á', 'ó', 'a'), ('o', 'ả', 'ỏ', 'a'), ('o', 'ã', 'õ', 'a'), ('o', 'ạ', 'ọ', 'a'),
    ('o', 'è', 'ò', 'e'), ('o', 'é', 'ó', 'e'), ('o', 'ẻ', 'ỏ', 'e'), ('o', 'ẽ', 'õ', 'e'), ('o', 'ẹ', 'ọ', 'e'),
    ('u', 'ỳ', 'ù', 'y'), ('u', 'ý', 'ú', 'y'), ('u', 'ỷ', 'ủ', 'y'), ('u', 'ỹ', 'ũ', 'y'), ('u', 'ỵ', 'ụ', 'y'),
];

/// Whether the fold changes `c` in a word where `prev` comes before it: its case, `ð`, or a tone move. Asked
/// through [`Letters`], which holds the answers for the Vietnamese letters.
pub(super) fn unfolded(prev: char, c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        c.is_uppercase() || c == 'ð' || matches!(prev, 'o' | 'u') && MOVES.iter().any(|m| m.0 == prev && m.1 == c)
    }
}

/// `c` as the fold writes it, before tone moves: lower case, `Ð` as `Đ`.
pub(super) fn fold_char(c: char) -> std::char::ToLowercase {
    match c {
        'Ð' | 'ð' | 'Ɖ' | 'ɖ' => 'đ'.to_lowercase(),
        c => c.to_lowercase(),
    }
}

/// The answers for one character, as bits.
#[derive(Clone, Copy)]
pub struct Class(u16);

const WORD: u16 = 1;
const SPACE: u16 = 2;
const UPPER: u16 = 4;
const LOWER: u16 = 8;
const ALPHA: u16 = 16;
/// Changed by the fold after a character that is not `o` or `u` (upper case, or `ð`).
const UNFOLDED: u16 = 32;
/// Changed by the fold after `o` (the second vowel of `oà`, or as above), or after `u` (`uỷ`).
const MOVES_AFTER_O: u16 = 64;
const MOVES_AFTER_U: u16 = 128;
/// Written by [`fold_char`] as anything but itself (`ɖ` as `đ`, `ǅ` as `ǆ`: not all of them are [`UNFOLDED`]).
const CHANGED: u16 = 256;
/// The character is `o` (`u`): the bits of the moves after it, [`MOVES_AFTER_O`] ([`MOVES_AFTER_U`]), shifted
/// by [`MOVES_SHIFT`], so that a scan keeps them from one character to the next ([`Class::moves_next`]).
const IS_O: u16 = MOVES_AFTER_O << MOVES_SHIFT;
const IS_U: u16 = MOVES_AFTER_U << MOVES_SHIFT;
const MOVES_SHIFT: u16 = 4;

impl Class {
    /// No character's answers: what gathering with `|` starts from.
    pub const NONE: Class = Class(0);

    fn of(c: char) -> Class {
        let mut k = 0;
        let mut set = |bit, on: bool| k |= if on { bit } else { 0 };
        set(WORD, is_word_char(c));
        set(SPACE, c.is_whitespace());
        set(UPPER, c.is_uppercase());
        set(LOWER, c.is_lowercase());
        set(ALPHA, c.is_alphabetic());
        set(UNFOLDED, unfolded(' ', c));
        set(MOVES_AFTER_O, unfolded('o', c));
        set(MOVES_AFTER_U, unfolded('u', c));
        set(CHANGED, !fold_char(c).eq([c]));
        set(IS_O, c == 'o');
        set(IS_U, c == 'u');
        Class(k)
    }
    /// [`Class::of`] for a character outside the table, each property asked of the standard library once: there
    /// no character is `o`, `u`, `ð` or a tone-moving vowel, so the fold changes it only by its case, and a
    /// letter or digit of a word is alphanumeric.
    fn of_other(c: char) -> Class {
        let alpha = c.is_alphabetic();
        let upper = c.is_uppercase();
        let mut k = 0;
        let mut set = |bit, on: bool| k |= if on { bit } else { 0 };
        set(WORD, alpha || c.is_numeric());
        set(SPACE, c.is_whitespace());
        set(UPPER | UNFOLDED | MOVES_AFTER_O | MOVES_AFTER_U, upper);
        set(LOWER, c.is_lowercase());
        set(ALPHA, alpha);
        set(CHANGED, !c.to_lowercase().eq([c]));
        Class(k)
    }
    #[inline]
    pub fn is_word(self) -> bool {
        self.0 & WORD != 0
    }
    #[inline]
    pub fn is_space(self) -> bool {
        self.0 & SPACE != 0
    }
    #[inline]
    pub fn is_upper(self) -> bool {
        self.0 & UPPER != 0
    }
    #[inline]
    pub fn is_lower(self) -> bool {
        self.0 & LOWER != 0
    }
    #[inline]
    pub fn is_alpha(self) -> bool {
        self.0 & ALPHA != 0
    }
    /// Whether the fold changes this character where `prev` comes before it ([`unfolded`]).
    #[inline]
    pub fn unfolded_after(self, prev: char) -> bool {
        self.fold_marks(prev).unfolded()
    }
    /// What the fold may do to this character where `prev` comes before it, as [`FoldMarks`] to gather over
    /// a word.
    #[inline]
    pub fn fold_marks(self, prev: char) -> FoldMarks {
        self.fold_marks_with(Moves::after(prev))
    }
    /// [`Class::fold_marks`] where the character before gave `moves` ([`Class::moves_next`]).
    #[inline]
    pub fn fold_marks_with(self, moves: Moves) -> FoldMarks {
        FoldMarks(self.0 & (UNFOLDED | CHANGED | moves.0))
    }
    /// The tone moves the fold may make on the character after this one: [`Moves::after`] it, read from the
    /// table.
    #[inline]
    pub fn moves_next(self) -> Moves {
        Moves(self.0 >> MOVES_SHIFT & (MOVES_AFTER_O | MOVES_AFTER_U))
    }
}

/// The answers of some characters gathered: which hold for any of them.
impl std::ops::BitOr for Class {
    type Output = Class;
    #[inline]
    fn bitor(self, other: Class) -> Class {
        Class(self.0 | other.0)
    }
}

/// The tone moves the fold may make on a character, by the one before it: after `o`, after `u`, or none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Moves(u16);

impl Moves {
    #[inline]
    pub fn after(prev: char) -> Moves {
        Moves(match prev {
            'o' => MOVES_AFTER_O,
            'u' => MOVES_AFTER_U,
            _ => 0,
        })
    }
}

/// What the fold may do to some characters (each after the one before it), gathered with `|`.
#[derive(Clone, Copy, Default)]
pub struct FoldMarks(u16);

impl FoldMarks {
    /// Some of them are changed as [`unfolded`] says.
    #[inline]
    pub fn unfolded(self) -> bool {
        self.0 & (UNFOLDED | MOVES_AFTER_O | MOVES_AFTER_U) != 0
    }
    /// The fold writes each of them as itself and moves no tone onto or off them: [`fold_char`] gives the
    /// character itself and none is the second vowel of a pair in [`MOVES`] after its first.
    #[inline]
    pub fn kept(self) -> bool {
        self.0 == 0
    }
}

impl std::ops::BitOrAssign for FoldMarks {
    fn bitor_assign(&mut self, other: FoldMarks) {
        self.0 |= other.0;
    }
}

const LOW_END: u32 = 0x370;
const EXT: std::ops::Range<u32> = 0x1E00..0x1F00;
const SIZE: usize = LOW_END as usize + 0x100;
/// In the fold column: the character's fold is not one character (`İ`), asked of the standard library.
const NOT_ONE: char = '\0';

struct Table {
    class: [Class; SIZE],
    fold: [char; SIZE],
    /// The character in lower case, when that is one character.
    lower: [char; SIZE],
}

static TABLE: LazyLock<Box<Table>> = LazyLock::new(|| {
    let mut t = Box::new(Table { class: [Class(0); SIZE], fold: [NOT_ONE; SIZE], lower: [NOT_ONE; SIZE] });
    for cp in (0..LOW_END).chain(EXT) {
        let (Some(c), Some(i)) = (char::from_u32(cp), index(cp)) else { continue };
        t.class[i] = Class::of(c);
        let mut f = fold_char(c);
        if let (Some(one), None) = (f.next(), f.next()) {
            t.fold[i] = one;
        }
        let mut l = c.to_lowercase();
        if let (Some(one), None) = (l.next(), l.next()) {
            t.lower[i] = one;
        }
    }
    t
});

/// `s` in lower case, as `str::to_lowercase` writes it, with the characters of the table read from its
/// lower-case column rather than searched for in the standard library's (the extractors lower-case many short
/// Vietnamese phrases). A capital sigma, whose lower case depends on its place in a word, leaves the whole text
/// to the standard library.
pub fn lower(s: &str) -> String {
    let table = &TABLE;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        match index(c as u32).map(|i| table.lower[i]) {
            Some(l) if l != NOT_ONE => out.push(l),
            _ if c == 'Σ' => return s.to_lowercase(),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

#[inline]
fn index(cp: u32) -> Option<usize> {
    if cp < LOW_END {
        Some(cp as usize)
    } else if EXT.contains(&cp) {
        Some((cp - EXT.start) as usize + LOW_END as usize)
    } else {
        None
    }
}

/// The table, for a caller that asks about many characters (one lazy check, not one per character).
#[derive(Clone, Copy)]
pub struct Letters(&'static Table);

impl Letters {
    #[inline]
    pub fn get() -> Letters {
        Letters(&TABLE)
    }
    #[inline]
    pub fn class(self, c: char) -> Class {
        match index(c as u32) {
            Some(i) => self.0.class[i],
            None => Class::of_other(c),
        }
    }
    /// The class of the character that starts at byte `i` of `s` (a char boundary below its length) and its
    /// length in bytes: [`Letters::class`] of [`char_at`], read from the bytes where the table holds the
    /// character (ASCII, two bytes below U+0370, three bytes in U+1E00–U+1EFF), with no char made.
    #[inline(always)]
    pub fn class_at(self, s: &str, i: usize) -> (Class, usize) {
        let b = s.as_bytes();
        let x = b[i];
        if x < 0x80 {
            return (self.0.class[x as usize], 1);
        }
        if x < 0xE0 {
            // two bytes: U+0080–U+07FF, five bits from the lead and six from the next
            let cp = (x as usize & 0x1F) << 6 | (b[i + 1] as usize & 0x3F);
            if cp < LOW_END as usize {
                return (self.0.class[cp], 2);
            }
        } else if x == 0xE1 && b[i + 1] & 0xFC == 0xB8 {
            // U+1E00–U+1EFF is E1 then B8–BB then a continuation byte: the low two bits of the second byte
            // and the six of the third are its offset in the block
            return (self.0.class[LOW_END as usize + ((b[i + 1] as usize & 3) << 6 | (b[i + 2] as usize & 0x3F))], 3);
        }
        self.class_of_char_at(s, i)
    }
    /// [`Letters::class_at`] for the other characters, out of the readers' loops (rare in Vietnamese text).
    #[cold]
    #[inline(never)]
    fn class_of_char_at(self, s: &str, i: usize) -> (Class, usize) {
        let (c, n) = char_at(s, i);
        (self.class(c), n)
    }
    /// `c` as the fold writes it, when that is one character.
    #[inline]
    pub fn fold(self, c: char) -> Option<char> {
        let f = self.0.fold[index(c as u32)?];
        (f != NOT_ONE).then_some(f)
    }
}

/// The character that starts at byte `i` of `s` (a char boundary below its length), and its length in bytes.
#[inline(always)]
pub fn char_at(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes();
    let x = b[i];
    if x < 0x80 {
        return (x as char, 1);
    }
    // a `str` is valid UTF-8: a lead byte below 0xE0 starts two bytes, below 0xF0 three (the Vietnamese
    // letters), else four; the standard decoder is kept for those
    let cp = if x < 0xE0 {
        (x as u32 & 0x1F) << 6 | (b[i + 1] as u32 & 0x3F)
    } else if x < 0xF0 {
        (x as u32 & 0x0F) << 12 | (b[i + 1] as u32 & 0x3F) << 6 | (b[i + 2] as u32 & 0x3F)
    } else {
        let c = s[i..].chars().next().unwrap();
        return (c, 4);
    };
    let c = char::from_u32(cp).unwrap();
    (c, c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_answers_as_the_standard_library_does() {
        let l = Letters::get();
        for c in (0..LOW_END).chain(EXT).chain(0x2000..0x2100).chain([0x3000, 0x4E00, 0x1F600]).filter_map(char::from_u32) {
            let k = l.class(c);
            assert_eq!(k.is_word(), is_word_char(c), "{c:?}");
            assert_eq!(k.is_space(), c.is_whitespace(), "{c:?}");
            assert_eq!((k.is_upper(), k.is_lower(), k.is_alpha()), (c.is_uppercase(), c.is_lowercase(), c.is_alphabetic()), "{c:?}");
            for prev in [' ', 'o', 'u', 'a', 'O', 'ơ'] {
                assert_eq!(k.unfolded_after(prev), unfolded(prev, c), "{prev:?} {c:?}");
                let itself = fold_char(c).eq([c]);
                assert_eq!(k.fold_marks(prev).kept(), itself && !unfolded(prev, c), "{prev:?} {c:?}");
            }
            if let Some(f) = l.fold(c) {
                assert_eq!(fold_char(c).collect::<String>(), f.to_string(), "{c:?}");
            }
            assert_eq!(k.moves_next(), Moves::after(c), "{c:?}");
        }
        assert_eq!(l.fold('İ'), None);
        assert_eq!((l.fold('Ð'), l.fold('Ở'), l.fold('A')), (Some('đ'), Some('ở'), Some('a')));
    }

    #[test]
    fn a_class_read_from_bytes_is_the_class_of_the_char() {
        let l = Letters::get();
        let around = (0..0x800).chain(0x1D00..0x2100).chain(0xD7F0..0xE010).chain([0x3000, 0x4E00, 0xFFFF, 0x1F600, 0x10FFFF]);
        for c in around.filter_map(char::from_u32) {
            let s = format!("a{c}b");
            let (k, n) = l.class_at(&s, 1);
            assert_eq!((k.0, n), (l.class(c).0, c.len_utf8()), "{c:?}");
        }
        let s = "ở";
        assert_eq!(l.class_at(s, 0).1, 3);
    }

    #[test]
    fn characters_are_decoded_as_the_standard_library_does() {
        let s = "aĐở\u{300}€𝐀x";
        let mut i = 0;
        for c in s.chars() {
            assert_eq!(char_at(s, i), (c, c.len_utf8()));
            i += c.len_utf8();
        }
    }

    /// [`lower`] writes what `str::to_lowercase` does: every character of the table and around it alone, and
    /// words mixing them with the characters it leaves to the standard library (`İ`, the final sigma).
    #[test]
    fn lower_case_is_the_standard_librarys() {
        for c in (0..0x2100).chain(EXT).chain([0x3000, 0x4E00, 0x1F600, 0xFF21]).filter_map(char::from_u32) {
            let s = format!("{c}Ab{c}");
            assert_eq!(lower(&s), s.to_lowercase(), "{c:?}");
        }
        for s in ["ỦY BAN NHÂN DÂN", "İstanbul", "ΟΔΟΣ", "ΣΑΣ Σ", "Ǆ ǅ ǈ", "ẞ Ꭰ"] {
            assert_eq!(lower(s), s.to_lowercase(), "{s:?}");
        }
    }

    /// Outside the table a class is read with fewer questions, and answers as [`Class::of`] does: every char below
    /// U+3000, every char whose case mapping changes it, and one in each 4,096 beyond.
    #[test]
    fn a_class_outside_the_table_is_the_full_reading() {
        let changes = |c: char| !c.to_lowercase().eq([c]) || !c.to_uppercase().eq([c]);
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32).filter(|&c| index(c as u32).is_none()) {
            if (c as u32) < 0x3000 || c as u32 % 4096 == 0 || changes(c) {
                assert_eq!(Class::of_other(c).0, Class::of(c).0, "{c:?}");
            }
        }
    }
}
