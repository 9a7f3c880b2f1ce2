//! The patterns citations are found by. Their words come from the lexicon (`data/lexicon.tsv`); the regexes
//! here hold the shapes (numbers, symbols, dates, brackets) and a few grammar words (`số`, `của`, `ngày`).
use crate::lex::class::{word_boundary, word_ends_at, word_starts_at, CharClass, DIGIT, LETTER, SPACE, UPPER};
use crate::lex::fold::capitalized;
use crate::lex::lexicon::{Lexicon, Tag};
use crate::lex::words::is_word_char;
use crate::lex::literals::Literals;
use regex::Regex;
use std::sync::LazyLock;

/// Whether `rest` opens with what a decree does (`quy định`, `xử phạt`).
pub(super) fn starts_with_decree_verb(rest: &str) -> bool {
    Lexicon::global().phrases(Tag::DecreeVerb).map(|e| e.phrase.as_str()).any(|v| rest.starts_with(v) && !rest[v.len()..].starts_with(is_word_char))
}

/// The type words of a numbered citation as printed (capitalized; in lower case too where the lexicon says
/// so), longest first so that an alternation prefers `Nghị quyết liên tịch` to `Nghị quyết`.
pub(super) static TYPE_WORD_FORMS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut v: Vec<String> = Vec::new();
    for e in Lexicon::global().phrases(Tag::CitedType) {
        if e.has(Tag::LowerOk) {
            v.push(e.phrase.clone());
        }
        v.push(capitalized(&e.phrase));
    }
    v.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    v
});

/// [`TYPE_WORD_FORMS`] as a regex alternation.
#[cfg(test)]
static TYPE_WORDS: LazyLock<String> = LazyLock::new(|| TYPE_WORD_FORMS.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|"));

/// The type words, each with its words.
pub(super) static TYPE_WORD_PARTS: LazyLock<Vec<(&'static str, Vec<&'static str>)>> =
    LazyLock::new(|| TYPE_WORD_FORMS.iter().map(|w| (w.as_str(), w.split(' ').collect())).collect());

/// A document's symbol as printed (`58-KH/BTCTW`, `12 / 2020 / NĐ-CP`): read by [`symbol_len`], kept as the
/// pattern it reads for the tests.
#[cfg(test)]
pub(super) const SYMBOL_PATTERN: &str = r"\d{1,5}(?:\s*[/\-–]\s*(?:\d{4}|[\p{Lu}Đ][\p{L}\d.&]*(?:\s*-\s*[\p{Lu}Đ][\p{L}\d.&]*)*))+";
/// `số 58-KH/BTCTW`: where a numbered citation is; the type word is then looked for just before it. Scanning
/// for the number first keeps the expensive part (type word and name) to a short window.
#[cfg(test)]
pub(super) fn number_pattern() -> String {
    format!(r"(?:số|Số)\s*:?\s*(?P<sym>{SYMBOL_PATTERN})")
}
/// `Quy định 366-QĐ/TW`: a symbol right after its type word, without `số`.
#[cfg(test)]
pub(super) fn bare_number_pattern() -> String {
    format!(r"(?:{})[ \t]+(?P<sym>{SYMBOL_PATTERN})", *TYPE_WORDS)
}
/// `, số 20-NQ/TW và số 21-NQ/TW` (or `, 218/CĐ-TTg` without `số`) after a citation: more of the same type.
#[cfg(test)]
pub(super) const MORE_PATTERN: &str = r"^(?:\s*,\s*|\s+và\s+)(?:số\s+)?(?P<sym>\d{1,5}(?:\s*[/\-–]\s*(?:\d{4}|[\p{Lu}Đ][\p{L}\d.&]*))+)";

/// What a symbol's code holds after its capital: `[\p{L}\d.&]`.
static CODE_CHAR: LazyLock<CharClass> = LazyLock::new(|| CharClass::of(r"[\p{L}\d.&]"));

/// The byte length of the match of [`SYMBOL_PATTERN`] at the start of `s`, read with the pattern's classes
/// (compiled, its letter classes cost ~2 M each in every pattern that held it): one to five digits (after a
/// longer run no part can start), then parts, each taken as soon as it matches, as nothing after it in the
/// pattern can fail; a part that fails consumes nothing. The pattern's `(?:\s*-\s*CODE)*` after a code consumes
/// what a part would, so it needs no step of its own.
pub(super) fn symbol_len(s: &str) -> Option<usize> {
    let digits = DIGIT.run_len(s);
    if digits == 0 || s[..digits].chars().count() > 5 {
        return None;
    }
    let mut end = digits;
    while let Some(n) = symbol_part(&s[end..]) {
        end += n;
    }
    (end > digits).then_some(end)
}

/// The byte length of a symbol's part at the start of `s`: `\s*[/\-–]\s*(?:\d{4}|[\p{Lu}Đ][\p{L}\d.&]*)` (a
/// code starts with a capital, four digits with a digit: at most one of them matches).
fn symbol_part(s: &str) -> Option<usize> {
    let rest = s[SPACE.run_len(s)..].strip_prefix(['/', '-', '–'])?;
    let rest = &rest[SPACE.run_len(rest)..];
    let body = match four_digits(rest) {
        Some(n) => n,
        None => {
            let capital = rest.chars().next().filter(|&c| UPPER.contains(c))?.len_utf8();
            capital + CODE_CHAR.run_len(&rest[capital..])
        }
    };
    Some(s.len() - rest.len() + body)
}

/// The byte length of the four digits (`\d{4}`) at the start of `s`.
pub(super) fn four_digits(s: &str) -> Option<usize> {
    let mut len = 0;
    for _ in 0..4 {
        len += s[len..].chars().next().filter(|&c| DIGIT.contains(c))?.len_utf8();
    }
    Some(len)
}

/// The byte length of the match of [`number_pattern`] at the start of `s`: `số` or `Số`, white space, a colon,
/// white space (all taken: none of them starts a symbol) and a symbol.
pub(super) fn number_len(s: &str) -> Option<usize> {
    let rest = s.strip_prefix("số").or_else(|| s.strip_prefix("Số"))?;
    let rest = &rest[SPACE.run_len(rest)..];
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    let rest = &rest[SPACE.run_len(rest)..];
    Some(s.len() - rest.len() + symbol_len(rest)?)
}

/// The byte length of the match of [`bare_number_pattern`] at the start of `s`: the first type word, in the
/// alternation's order, that blanks and a symbol follow.
pub(super) fn bare_number_len(s: &str) -> Option<usize> {
    TYPE_WORD_FORMS.iter().find_map(|w| {
        let rest = s.strip_prefix(w.as_str())?;
        let blanks = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        (blanks > 0).then_some(())?;
        Some(w.len() + blanks + symbol_len(&rest[blanks..])?)
    })
}

/// The symbol of [`MORE_PATTERN`]'s match at the start of `s` (its start and end; the match ends with it): a
/// comma or `và` between white space, then `số` and white space if there (a symbol starts with a digit, so
/// taking them never loses a match).
pub(super) fn more_at(s: &str) -> Option<(usize, usize)> {
    let blank = SPACE.run_len(s);
    let rest = match s[blank..].strip_prefix(',') {
        Some(r) => &r[SPACE.run_len(r)..],
        None => {
            let r = s[blank..].strip_prefix("và").filter(|_| blank > 0)?;
            let after = SPACE.run_len(r);
            (after > 0).then(|| &r[after..])?
        }
    };
    let rest = match rest.strip_prefix("số") {
        Some(r) if SPACE.run_len(r) > 0 => &r[SPACE.run_len(r)..],
        _ => rest,
    };
    let start = s.len() - rest.len();
    Some((start, start + symbol_len(rest)?))
}
/// How every match of [`bare_number_pattern`] starts: a type word, blanks and a digit. Searched for instead of
/// the whole pattern, it finds where matches start without running the symbol's letter classes backwards.
/// Read by [`bare_number_cue`].
#[cfg(test)]
pub(super) fn bare_number_cue_pattern() -> String {
    format!(r"(?:{})[ \t]+\d", *TYPE_WORDS)
}
/// [`TYPE_WORD_FORMS`] searched for at once, leftmost first (the searcher's default) as their alternation.
static TYPE_WORD_SEARCH: LazyLock<Literals> = LazyLock::new(|| Literals::new(TYPE_WORD_FORMS.iter()));
/// Where the first match of [`bare_number_cue_pattern`] from `pos` starts: at the first type word that blanks
/// and a digit follow. Where a type word is found and they do not follow it, no other form found there does:
/// the other forms there are shorter (the longest comes first), so each is followed by the rest of the found
/// form, and a form has no digit nor ends with a blank; the search goes on from the next byte.
pub(super) fn bare_number_cue(zone: &str, pos: usize) -> Option<usize> {
    let mut from = pos;
    loop {
        let m = TYPE_WORD_SEARCH.find_at(zone, from)?;
        let rest = &zone[m.end()..];
        let blanks = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        if blanks > 0 && rest[blanks..].starts_with(|c| DIGIT.contains(c)) {
            return Some(m.start());
        }
        from = m.start() + 1;
    }
}
/// How far before `số` the type word may start (bytes): a type word and a law's name of up to sixteen words.
pub(super) const TYPE_WINDOW: usize = 240;
/// The most words of a law's name between its type word and `số`.
pub(super) const NAME_BEFORE_NUMBER: usize = 16;
#[cfg(test)]
pub(super) const DATE_PATTERN: &str = r"(?:(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))";
/// Read by `dates::date_at`; kept for its test.
#[cfg(test)]
pub(super) static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^\s*,?\s*(?:được\s+)?(?:ban hành\s+|ký\s+)?(?:ngày|Ngày)\s*{DATE_PATTERN}")).unwrap()
});
pub(super) static ISSUER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*,?\s*của\s+").unwrap());
/// Where an issuer ends: a verb or preposition opening the rest of the clause, or punctuation. With `\b` after
/// each word, or `b` empty: the same without. Read by [`issuer_end_len`]; kept as its specification.
#[cfg(test)]
pub(super) fn issuer_end_pattern(b: &str) -> String {
    let t = &*TYPE_WORDS;
    format!(
        r"^(?:\s+(?:về|ban hành|quy định|hướng dẫn|phê duyệt|triển khai|thực hiện|sửa đổi|tại|đã|trên|nhằm|đối với|để|theo|có|số|ngày|giai đoạn|năm\s+\d|một số|trừ|khi|nếu|thì|là|được|cho|với|trong|từ|đến|gồm|như|do|tới|khoảng|tiếp tục|quyết định){b}|\s+(?:{t}|Thực hiện|Triển khai|Căn cứ|Theo|Về|Xét){b}|\s+và\s+\p{{Ll}}|[;:()\n“”\x22|]|\.\s|\.$|,\s*(?:{t}|số|ngày|\p{{Ll}})|\s+và\s+(?:{t}|các))"
    )
}
/// The words after blanks that end an issuer, as [`issuer_end_pattern`] lists them but for `năm` (which needs
/// blanks and a digit after it). None opens another, so at most one matches anywhere and their order is free.
const ISSUER_END_WORDS: [&str; 38] = [
    "về", "ban hành", "quy định", "hướng dẫn", "phê duyệt", "triển khai", "thực hiện", "sửa đổi", "tại", "đã", "trên", "nhằm",
    "đối với", "để", "theo", "có", "số", "ngày", "giai đoạn", "một số", "trừ", "khi", "nếu", "thì", "là", "được", "cho", "với",
    "trong", "từ", "đến", "gồm", "như", "do", "tới", "khoảng", "tiếp tục", "quyết định",
];
/// The capitalized words after blanks that end an issuer, tried after the type words.
const ISSUER_END_OPENERS: [&str; 6] = ["Thực hiện", "Triển khai", "Căn cứ", "Theo", "Về", "Xét"];
/// `\p{Ll}`: lower-case letters.
static LOWER: LazyLock<CharClass> = LazyLock::new(|| CharClass::of(r"\p{Ll}"));

/// The length of [`issuer_end_pattern`]'s match (with `\b`) at the start of `s`, read by hand: the pattern
/// holds the type words and `\p{Ll}` twice, and compiling it with and without `\b` cost ~11 M in every process.
/// Its alternatives are tried in its order.
pub(super) fn issuer_end_len(s: &str) -> Option<usize> {
    let blank = SPACE.run_len(s);
    if blank > 0 {
        return blank_end_len(s, blank);
    }
    let c = s.chars().next()?;
    let r = &s[c.len_utf8()..];
    match c {
        ';' | ':' | '(' | ')' | '“' | '”' | '"' | '|' => Some(c.len_utf8()),
        '.' => match r.chars().next() {
            None => Some(1),
            Some(d) => SPACE.contains(d).then_some(1 + d.len_utf8()),
        },
        ',' => {
            let blank = SPACE.run_len(r);
            let r = &r[blank..];
            type_word_len(r, &["số", "ngày"]).or_else(|| lower_len(r)).map(|n| 1 + blank + n)
        }
        _ => None,
    }
}

/// [`issuer_end_len`] where `s` opens with `blank` bytes of blanks: the regex takes them all, since no word
/// after them starts with a blank (so giving some back never makes a match).
fn blank_end_len(s: &str, blank: usize) -> Option<usize> {
    let r = &s[blank..];
    let word = || ISSUER_END_WORDS.iter().find_map(|w| bounded_len(r, w)).or_else(|| year_len(r));
    let opener = || TYPE_WORD_FORMS.iter().map(String::as_str).chain(ISSUER_END_OPENERS).find_map(|w| bounded_len(r, w));
    let lower = || after_va(r).and_then(|a| lower_len(a).map(|n| r.len() - a.len() + n));
    if let Some(n) = word().or_else(opener).or_else(lower) {
        return Some(blank + n);
    }
    if s.starts_with('\n') {
        return Some(1);
    }
    after_va(r).and_then(|a| type_word_len(a, &["các"]).map(|n| s.len() - a.len() + n))
}

/// The length of `w` if it opens `s` and a `\b` follows it.
fn bounded_len(s: &str, w: &str) -> Option<usize> {
    (s.starts_with(w) && word_boundary(s, w.len())).then_some(w.len())
}

/// The length of `năm`, blanks and a digit opening `s`, if a `\b` follows.
fn year_len(s: &str) -> Option<usize> {
    let a = s.strip_prefix("năm")?;
    let blank = SPACE.run_len(a);
    let d = a[blank..].chars().next().filter(|&d| blank > 0 && DIGIT.contains(d))?;
    let n = s.len() - a.len() + blank + d.len_utf8();
    word_boundary(s, n).then_some(n)
}

/// What follows `và` and blanks opening `s`.
fn after_va(s: &str) -> Option<&str> {
    let a = s.strip_prefix("và")?;
    let blank = SPACE.run_len(a);
    (blank > 0).then(|| &a[blank..])
}

/// The length of the first type word, else of the first of `also`, opening `s`.
fn type_word_len(s: &str, also: &[&str]) -> Option<usize> {
    TYPE_WORD_FORMS.iter().map(String::as_str).chain(also.iter().copied()).find(|w| s.starts_with(w)).map(str::len)
}

/// The length of the lower-case letter opening `s`.
fn lower_len(s: &str) -> Option<usize> {
    s.chars().next().filter(|&c| LOWER.contains(c)).map(char::len_utf8)
}
/// The characters other than blanks an issuer's end may start with.
pub(super) const ISSUER_END_FIRST: &str = ";:()“”\"|.,";
/// An issuer named before the citation: `đề nghị của Giám đốc Sở Nội vụ tại` (Tờ trình số …). The issuer `i`
/// holds at most [`ISSUER_BEFORE_CHARS`] characters, checked after the match (see `numbered::issuer_before`).
/// Tried at each `của` (anchored): searched for from the end, the negated class ran backwards through a large
/// automaton.
pub(super) static ISSUER_BEFORE_TAI: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^của\s+(?P<i>[\p{Lu}][^,;:()“”\x22]+?)\s+tại\s*$").unwrap());
/// The longest issuer named before a citation, in characters. Not a counted repetition in the patterns: the
/// lazy DFA that searches them backwards from the end would build states for every count, a megabyte of work
/// per search.
pub(super) const ISSUER_BEFORE_CHARS: usize = 101;
/// `Ngày 28 tháng 10 năm 2025, Chủ tịch Ủy ban nhân dân Thành phố đã ban hành` (Công văn số …); `i` as above.
/// Anchored, and tried at the clause start and at each `,`, `;`, `.` or space (see `numbered::issuer_before`):
/// the lead is optional only for the clause start, where nothing else of it can match (what follows it starts
/// with `N`, `n` or a capital).
/// Read by `numbered::issued_at`, with [`ISSUED_BY`] for the issuer; kept for its test.
#[cfg(test)]
pub(super) static ISSUER_BEFORE_ISSUED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^(?:[,;.]\s*|\s)?(?:(?:Ngày|ngày)\s*{DATE_PATTERN}\s*,\s*)?{ISSUED_BY_PATTERN}")).unwrap());
const ISSUED_BY_PATTERN: &str = r"(?P<i>[\p{Lu}][^,;:()“”\x22]+?)\s+(?:(?:đã|đang|vừa|tiếp tục|sẽ)\s+)?(?:ký\s+)?ban hành\s*$";
/// The end of [`ISSUER_BEFORE_ISSUED`], from its issuer on (anchored): compiled without the date before it,
/// whose twelve `\d` cost ~4 M to compile in every process.
pub(super) static ISSUED_BY: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!("^{ISSUED_BY_PATTERN}")).unwrap());
/// `TCVN 14423:2025`, `QCVN 01:2021/BXD`: national standards and technical regulations. Read by [`standards`].
#[cfg(test)]
pub(super) const STANDARD_PATTERN: &str = r"\b(?P<t>TCVN|QCVN)\s+(?P<n>\d{1,6}(?:\s*[:\-]\s*\d{4})?(?:\s*/\s*[\p{Lu}Đ]+)?)";

/// A standard's code found in a text: its span, and its type (`TCVN`) and number (`01:2021/BXD`) as slices.
pub(super) struct Standard<'a> {
    pub span: (usize, usize),
    pub t: &'a str,
    pub n: &'a str,
}

/// The matches of [`STANDARD_PATTERN`] in `zone`, as `captures_iter` gives them, read with its classes
/// (compiled, ~3.7 M in any process that met a standard): each starts at a `TCVN` or `QCVN` after no word
/// char (its `\b`), leftmost first, each after the one before. The number takes up to six digits and each
/// optional part where it matches, as nothing after them can fail.
pub(super) fn standards(zone: &str) -> impl Iterator<Item = Standard<'_>> {
    let mut done = 0;
    zone.match_indices("CVN").filter_map(move |(k, _)| {
        let start = k.checked_sub(1).filter(|&s| s >= done && matches!(zone.as_bytes()[s], b'T' | b'Q'))?;
        if word_ends_at(zone, start) {
            return None;
        }
        let after = &zone[k + 3..];
        let n = &after[SPACE.run_len(after)..];
        if n.len() == after.len() {
            return None;
        }
        let len = standard_number_len(n)?;
        let end = zone.len() - n.len() + len;
        done = end;
        Some(Standard { span: (start, end), t: &zone[start..k + 3], n: &n[..len] })
    })
}

/// The byte length of a standard's number at the start of `s`: `\d{1,6}(?:\s*[:\-]\s*\d{4})?(?:\s*/\s*[\p{Lu}Đ]+)?`.
fn standard_number_len(s: &str) -> Option<usize> {
    let digits = s.char_indices().take_while(|&(_, c)| DIGIT.contains(c)).take(6).last().map(|(i, c)| i + c.len_utf8())?;
    let mut end = digits;
    let year = |t: &str| {
        let rest = t[SPACE.run_len(t)..].strip_prefix([':', '-'])?;
        let rest = &rest[SPACE.run_len(rest)..];
        Some(t.len() - rest.len() + four_digits(rest)?)
    };
    end += year(&s[end..]).unwrap_or(0);
    let issuer = |t: &str| {
        let rest = t[SPACE.run_len(t)..].strip_prefix('/')?;
        let rest = &rest[SPACE.run_len(rest)..];
        let code = UPPER.run_len(rest);
        (code > 0).then(|| t.len() - rest.len() + code)
    };
    end += issuer(&s[end..]).unwrap_or(0);
    Some(end)
}

/// The type words that start a citation by name, as printed (each examined in a short window after it). Searched
/// as the alternation of literals it was (leftmost first, the longest form first): the SIMD searcher reports
/// whole literals, where the regex ran its automaton again from each candidate its own literal search found.
pub(super) static NAMED: LazyLock<Literals> = LazyLock::new(|| {
    // leftmost first (the searcher's default), as the regex's alternation was
    Literals::new(named_forms())
});
/// The forms of [`NAMED`], the longest first.
fn named_forms() -> Vec<String> {
    let mut forms: Vec<String> = Vec::new();
    for e in Lexicon::global().phrases(Tag::Named) {
        forms.push(capitalized(&e.phrase));
        if e.has(Tag::TitleOk) {
            forms.push(e.phrase.split(' ').map(capitalized).collect::<Vec<_>>().join(" "));
        }
        if e.has(Tag::NamedLower) {
            forms.push(e.phrase.clone());
        }
    }
    forms.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    forms
}
/// How far after its type word a name may run (bytes).
pub(super) const NAME_WINDOW: usize = 480;
/// The most words in a name after its type word.
pub(super) const NAME_WORDS: usize = 48;

/// `(sau đây viết tắt là Nghị quyết Đại hội XIII)`, `(gọi tắt là …)`, `(sau đây gọi chung là …)`. The alias `a`
/// holds at most [`ALIAS_CHARS`] characters, checked after the match (see `resolve::aliases_in`): a counted
/// repetition of a negated class here made the lazy DFA build thousands of states per paragraph searched.
/// Read by `resolve::alias_at`.
#[cfg(test)]
pub(super) const ALIAS_PATTERN: &str =
    r"\(\s*(?:[Ss]au đây|[Dd]ưới đây)?\s*(?:được\s+)?(?:viết tắt|gọi tắt|gọi chung|gọi)\s+(?:là\s+)?[:\s“”\x22']*(?P<a>[\p{Lu}][^()“”\x22]*?)[\s“”\x22'.]*\)";
/// The longest alias, in characters.
pub(super) const ALIAS_CHARS: usize = 101;
/// What follows an attachment: `(ban hành) kèm theo`, `gửi kèm`, `đính kèm`.
pub(super) static ATTACH_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*\)?\s*(?:được\s+)?(?:[Bb]an hành\s+|[Gg]ửi\s+)?(?:[Kk]èm theo|[Đđ]ính kèm)").unwrap()
});
/// After `kèm theo`: this document (`Kế hoạch này`), so the attachment is ours. Read by [`this_after`].
#[cfg(test)]
pub(super) const ATTACH_THIS_PATTERN: &str = r"^\s+(?:\p{L}+\s+){1,4}này\b";
/// Whether `s` opens as [`ATTACH_THIS_PATTERN`] matches, read word by word with its classes (compiled, the
/// counted repetition copied the letter class four times, ~7 M in every process): a word is all letters
/// between white space, so each step has one way to match.
pub(super) fn this_after(s: &str) -> bool {
    let mut rest = s;
    for _ in 0..4 {
        let blank = SPACE.run_len(rest);
        let word = LETTER.run_len(&rest[blank..]);
        if blank == 0 || word == 0 {
            return false;
        }
        rest = &rest[blank + word..];
        let next = &rest[SPACE.run_len(rest)..];
        if next.len() == rest.len() {
            return false;
        }
        if next.strip_prefix("này").is_some_and(|after| !word_starts_at(after, 0)) {
            return true;
        }
    }
    false
}
/// `(Gửi kèm Kế hoạch này` right before the attachment's type word. Read by [`attach_before`].
#[cfg(test)]
pub(super) const ATTACH_BEFORE_PATTERN: &str = r"(?:[Gg]ửi kèm|[Kk]èm theo|[Đđ]ính kèm)(?:\s+(?:\p{L}+\s+){1,4}này)?\s*[:\-]?\s*$";
/// The cue of [`ATTACH_BEFORE_PATTERN`], ending the text.
static ATTACH_CUE_END: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?:[Gg]ửi kèm|[Kk]èm theo|[Đđ]ính kèm)$").unwrap());
/// Whether [`ATTACH_BEFORE_PATTERN`] matches in `s`, read from the end with its classes (compiled, ~8 M in every
/// process). Its match ends the text, and the cue and `này` end in a letter, so the blanks and the mark after
/// them are all the text's last ones, and each word before `này` is all the letters before a blank.
pub(super) fn attach_before(s: &str) -> bool {
    let trim_blank = |t: &str| t.trim_end_matches(|c| SPACE.contains(c)).len();
    let core = &s[..trim_blank(s)];
    let core = core.strip_suffix([':', '-']).unwrap_or(core);
    let core = &core[..trim_blank(core)];
    if ATTACH_CUE_END.is_match(core) {
        return true;
    }
    let Some(mut rest) = core.strip_suffix("này") else { return false };
    for _ in 0..4 {
        let word_end = trim_blank(rest);
        let word_start = rest[..word_end].trim_end_matches(|c| LETTER.contains(c)).len();
        let cue_end = trim_blank(&rest[..word_start]);
        if word_end == rest.len() || word_start == word_end || cue_end == word_start {
            return false;
        }
        if ATTACH_CUE_END.is_match(&rest[..cue_end]) {
            return true;
        }
        rest = &rest[..word_start];
    }
    false
}
/// The lexicon's phrases with `tag` as one alternation, the longest first.
fn alternation(tag: Tag) -> String {
    let mut v: Vec<&str> = Lexicon::global().phrases(tag).map(|e| e.phrase.as_str()).collect();
    v.sort_by_key(|p| std::cmp::Reverse(p.len()));
    v.iter().map(|p| regex::escape(p).replace(' ', r"\s+")).collect::<Vec<_>>().join("|")
}
/// An issuing verb (`phê duyệt` / `ban hành`) right before a name: the name is what the citation before it
/// approves or issues.
pub(super) static ISSUED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    let (verbs, objects) = (alternation(Tag::IssuingVerb), alternation(Tag::IssuingObject));
    Regex::new(&format!(r"(?i:{verbs})(?i:\s+(?:{objects}))?\s*[“\x22']?\s*$")).unwrap()
});
/// Whether `lead` ends with the last word of an issuing verb or of what may follow one: a glance before
/// [`ISSUED_BEFORE`] is tried.
pub(super) fn ends_with_issuing_word(lead: &str) -> bool {
    static LAST: LazyLock<Vec<String>> = LazyLock::new(|| {
        let lx = Lexicon::global();
        let last = |e: &crate::lex::lexicon::Entry| e.phrase.rsplit(' ').next().unwrap_or_default().to_string();
        lx.phrases(Tag::IssuingVerb).chain(lx.phrases(Tag::IssuingObject)).map(last).collect()
    });
    let word = lead.rsplit(|c: char| !is_word_char(c)).next().unwrap_or_default();
    !word.is_empty() && LAST.contains(&word.to_lowercase())
}
/// `, 2005` / `và 2014` after a law's name ending in `năm 2000`: the law of another year.
pub(super) static MORE_YEARS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:\s*,\s*|\s+và\s+)(?P<y>(?:19|20)\d{2})(?:[^\d\p{L}]|$)").unwrap());
/// `, XII` / `và XII` after a name ending in `khóa XI`: the same resolution of another term.
pub(super) static MORE_TERMS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:\s*,\s*|\s+và\s+)(?P<r>[IVXLC]{1,6})\b").unwrap());

/// Whether the lexicon has exactly `phrase` (any case) with `tag`.
pub(super) fn is_a(phrase: &str, tag: Tag) -> bool {
    // `is` turns away, by its first letter, a phrase no entry with the tag opens with, before folding it to look up
    Lexicon::global().is(phrase, tag)
}

/// Whether the lower-case `words` end with a phrase of the lexicon with `tag` (of up to four words).
pub(super) fn ends_with_a(words: &[&str], tag: Tag) -> bool {
    (1..=words.len().min(4)).any(|k| is_a(&words[words.len() - k..].join(" "), tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_issuer_end_is_read_at_each_place_as_its_pattern_matched_there() {
        let re = Regex::new(&issuer_end_pattern(r"\b")).unwrap();
        // each word with and without a boundary after it, `năm` with and without a digit, the longest type word,
        // type words after `,` and `và`, lower case after `và` and `,`, each mark, `.` at the end and before a
        // blank, a newline before a word and alone, blanks of other scripts, a digit of another script
        let mut texts = vec![
            "Bộ Tài chính vềnh về việc, các Sở và  các đơn vị. Theo“Luật”",
            "UBND tỉnh (Sở Nội vụ)\tban hành; Nghị quyết số 5 năm  2020 và xã.",
            " năm nay năm ٢٠٢٠ năm 5a năm\u{a0}7, Nghị quyết liên tịch, Nghị quyết x và Nghị quyết và Quy chế và các",
            " Nghị quyết liên tịchx Nghị quyếtx \n Căn cứ\nBộ\n, số, ngàyx,  văn bản, Văn bản và Đề án và 1 ;:()“”\"|. .x",
            " Thực hiện Triển khai Căn cứx Theo Về Xét Xétx là làm đã đãi một số một sốx quyết định quy định hướng dẫnx",
            "\u{3000}tại\u{2003}và\u{2003}ấy , Ấy ,á ,\t\tnghị định và  Quyết địnhx",
        ];
        let all = ISSUER_END_WORDS.iter().chain(&ISSUER_END_OPENERS).map(|w| format!(" {w} {w}x {w}1 {w}_ {w}")).collect::<String>();
        texts.push(&all);
        for t in texts {
            for (k, _) in t.char_indices() {
                let r = &t[k..];
                assert_eq!(issuer_end_len(r), re.find(r).map(|m| m.end()), "{r:?}");
            }
        }
    }

    #[test]
    fn no_issuer_end_word_opens_another() {
        for w in ISSUER_END_WORDS.iter().chain(["năm"].iter()) {
            assert_eq!(ISSUER_END_WORDS.iter().filter(|v| v.starts_with(w)).count(), (*w != "năm") as usize, "{w}");
        }
    }

    #[test]
    fn standards_are_found_as_their_pattern_found_them() {
        let re = Regex::new(STANDARD_PATTERN).unwrap();
        // a year after a colon or dash, blanks around marks, seven digits, no blank after the code, a word char
        // before it, a code inside another's issuer, an issuer in lower case, digits of another script
        let texts = [
            "Áp dụng TCVN 14423:2025 và QCVN 01:2021/BXD.", "TCVN 1 - 2020 / BXD, QCVN\t1234567:2020", "TCVN12 và xTCVN 5, ĐTCVN 6 và (QCVN 7)",
            "QCVN 01:2021/TCVN 5 và QCVN 2/bxd, QCVN 3 : 202", "TCVN ٣:٢٠٢٠/Đ", "TCVN 5/ ", "QCVN", "TCVN 9:20201/AB-CD",
        ];
        for t in texts {
            let found: Vec<_> = standards(t).map(|s| (s.span, s.t, s.n)).collect();
            let by_pattern: Vec<_> = re.captures_iter(t).map(|c| ((c.get(0).unwrap().start(), c.get(0).unwrap().end()), c.name("t").unwrap().as_str(), c.name("n").unwrap().as_str())).collect();
            assert_eq!(found, by_pattern, "{t:?}");
        }
    }

    #[test]
    fn this_document_after_an_attachment_and_the_cue_before_one_are_read_as_their_patterns_matched() {
        let (this, before) = (Regex::new(ATTACH_THIS_PATTERN).unwrap(), Regex::new(ATTACH_BEFORE_PATTERN).unwrap());
        // one to five words before `này`, `này` as a word and glued to another, a mark or digit in a word, a
        // combining mark after `này` (a word char), a colon or dash and blanks after, two marks
        let texts = [
            " Kế hoạch này", " Kế hoạch này.", " này", " này này", " a b c d này", " a b c d e này", " Kế hoạch nàyx", " Kế-hoạch này",
            " Kế hoạch2 này", " Kế hoạch này\u{301}", "\tKế\u{a0}hoạch  này:", "Kế hoạch này", " Kế hoạch\nnày - ", " Kế hoạch này:-", "",
        ];
        for t in texts {
            assert_eq!(this_after(t), this.is_match(t), "{t:?}");
            for cue in ["(Gửi kèm", "kèm theo", "Đính kèm", "đính kèm theo", "Đính kèmx", "gửi", "x kèm theo Kế hoạch"] {
                for end in ["", " ", ": ", " -\t", " :: ", "x"] {
                    let t = format!("{cue}{t}{end}");
                    assert_eq!(attach_before(&t), before.is_match(&t), "{t:?}");
                }
            }
        }
    }

    #[test]
    fn symbols_numbers_and_lists_are_read_as_their_patterns_matched_them() {
        let anchored = |p: &str| Regex::new(&format!("^(?:{p})")).unwrap();
        let (symbol, number, bare, more) = (anchored(SYMBOL_PATTERN), anchored(&number_pattern()), anchored(&bare_number_pattern()), anchored(MORE_PATTERN));
        // six digits, a year then a fifth digit, a dash before a year and before a code, blanks around marks, a
        // code in lower case, `.` and `&` in a code, digits of another script, an en dash, a trailing slash, a
        // titlecase letter (no capital) and an accented capital
        let symbols = [
            "123456/QĐ", "12345/QĐ", "12/20201/X", "12-2020-ABC", "58 - KH / BTCTW và", "12/ab", "12/Ab.c&D-EF-gh", "٣/QĐ-TTg", "12/٢٠٢٠/NĐ-CP",
            "12–UBND", "12/", "12/2020/", "1/2020/QH15, 2/QĐ", "12 /\tNĐ - CP - X", "12/ǅ-X", "12/Xǅ", "12/ÀB", "12/202", "x",
        ];
        for t in symbols {
            assert_eq!(symbol_len(t), symbol.find(t).map(|m| m.end()), "{t}");
            for lead in ["số ", "Số: ", "số\t:  ", "số", "Số :", "Số::"] {
                let t = format!("{lead}{t}");
                assert_eq!(number_len(&t), number.find(&t).map(|m| m.end()), "{t}");
            }
            for lead in ["Quy định ", "Nghị quyết liên tịch \t", "Nghị quyết liên tịch", "Luật", "Nghị quyết "] {
                let t = format!("{lead}{t}");
                assert_eq!(bare_number_len(&t), bare.find(&t).map(|m| m.end()), "{t}");
            }
            for lead in [", ", " và ", ", số ", " và số\t", "và ", " , ", " và", ",số 1/", ", số"] {
                let t = format!("{lead}{t}");
                let sym = more.captures(&t).map(|c| (c.name("sym").unwrap().start(), c.name("sym").unwrap().end()));
                assert_eq!(more_at(&t), sym, "{t}");
            }
        }
    }

    #[test]
    fn type_words_come_longest_first_and_in_their_printed_case() {
        let forms = &*TYPE_WORD_FORMS;
        let pos = |w: &str| forms.iter().position(|f| f == w).unwrap_or_else(|| panic!("{w} in {forms:?}"));
        assert!(pos("Nghị quyết liên tịch") < pos("Nghị quyết"));
        assert!(pos("văn bản") > 0 && pos("Văn bản") > 0);
        assert!(!forms.iter().any(|f| f == "nghị quyết"));
        assert!(NAMED.find("Bộ Luật Dân sự").is_some() && NAMED.find("chương trình mục tiêu").is_some());
    }

    #[test]
    fn a_bare_number_cue_starts_where_its_pattern_does() {
        // the skip past a found form that no blanks and digit follow holds for forms without digits or an end blank
        assert!(TYPE_WORD_FORMS.iter().all(|w| !w.contains(|c: char| c.is_numeric()) && !w.ends_with(char::is_whitespace)));
        let cue = Regex::new(&bare_number_cue_pattern()).unwrap();
        // a longer form not followed by a number before the shorter one that is, tabs, other digits, glued forms
        let texts = [
            "Nghị quyết liên tịch số 1, Nghị quyết liên tịch 02/2020/NQLT, Nghị quyết 15-NQ/TW và Quy định 366-QĐ/TW",
            "Nghị quyết liên tịch\t\t٣ Thông tưThông tư 5 văn bản  7 Văn bản\u{a0}8 Luật\n9 Chỉ thị 12",
            "Chỉ thị Chỉ thị Chỉ thị 1",
            "Luật 1",
            "",
        ];
        for t in texts {
            for pos in 0..=t.len() {
                if t.is_char_boundary(pos) {
                    assert_eq!(bare_number_cue(t, pos), cue.find_at(t, pos).map(|m| m.start()), "{t} from {pos}");
                }
            }
        }
    }

    #[test]
    fn the_named_types_are_found_as_their_alternation_finds_them() {
        let alternation = Regex::new(&named_forms().iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|")).unwrap();
        // forms that open others (`Luật` in `Bộ Luật`, `Nghị quyết` …), lower and title case, glued and short texts
        let texts = [
            "Căn cứ Bộ Luật Dân sự, Bộ luật Lao động, Luật Đất đai và Nghị quyết số 5; Hiến pháp năm 2013.",
            "chương trình mục tiêu quốc gia, Chương trình, đề án, Đề án, phụ lục, Phụ lục I, Điều lệ Đảng, Thông tư",
            "LuậtLuật Nghị địnhNghị định Quy hoạch, Chiến lược, chiến lược, Đề cương",
            "Luật",
            "",
        ];
        for t in texts {
            let want: Vec<_> = alternation.find_iter(t).map(|m| m.range()).collect();
            let got: Vec<_> = NAMED.find_iter(t).map(|m| m.range()).collect();
            assert_eq!(got, want, "{t}");
        }
    }
}
