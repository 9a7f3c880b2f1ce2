//! The times a deadline phrase names, read by hand from the lower-case phrase: its days (`30/6/2025`, `ngày 5 tháng
//! 6 năm 2025`), years, quarter and month, and a span counted in days or months (`trong thời hạn 30 ngày`). Each
//! reader finds what its pattern, kept in the tests as its specification, finds: the patterns' Unicode `\b` kept the
//! regex crate on its slower engines (the days' pattern cost some 200k instructions per phrase of a plan's clause),
//! and their `\d` classes cost ~8 M instructions to compile in every process.
use crate::lex::class::{word_ends_at, word_starts_at, DIGIT, SPACE};

/// A day the pattern of [`days_in`] found: the day, the month and the year as printed (digits of any script, as
/// `\d` reads them).
pub(super) type DayGroups<'a> = (&'a str, &'a str, Option<&'a str>);

/// The words a day with separators may follow (`trước 30/6`, `chậm nhất là 15/12`), in the order the pattern tries
/// them (`chậm nhất là` before `chậm nhất`).
const DAY_CUES: [&str; 6] = ["trước", "chậm nhất là", "chậm nhất", "hoàn thành trước", "trong", "đến"];

/// The days of a lower-case deadline phrase: the matches of its pattern (in the tests), leftmost first and each after the one
/// before, as `captures_iter` gives them. Read by hand: the pattern's Unicode `\b` kept the regex on its
/// backtracking engine, some 200k instructions per phrase of a plan's clause.
pub(super) fn days_in(s: &str) -> Vec<DayGroups<'_>> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < s.len() {
        match day_at(s, at) {
            Some((end, groups)) => {
                out.push(groups);
                at = end;
            }
            None => at += s[at..].chars().next().map_or(1, char::len_utf8),
        }
    }
    out
}

/// A match of the days' pattern starting at byte `st` of `s`, its end and groups: the text's start, `ngày` or a cue
/// then a day and month with separators ([`day_month_at`]), else `ngày … tháng …` ([`day_in_words_at`]). Every
/// other start holds no match (all but the first need a word to start there, after no word char).
fn day_at(s: &str, st: usize) -> Option<(usize, DayGroups<'_>)> {
    if st == 0 {
        if let Some(m) = day_month_at(s, 0) {
            return Some(m);
        }
    }
    let rest = &s[st..];
    if !rest.starts_with(['n', 't', 'c', 'h', 'đ']) || word_ends_at(s, st) {
        return None;
    }
    if let Some(r) = rest.strip_prefix("ngày") {
        if let Some(m) = day_month_at(s, s.len() - SPACE.skip(r).len()) {
            return Some(m);
        }
    }
    for cue in DAY_CUES {
        let Some(r) = rest.strip_prefix(cue) else { continue };
        if SPACE.run_len(r) > 0 {
            if let Some(m) = day_month_at(s, s.len() - SPACE.skip(r).len()) {
                return Some(m);
            }
        }
    }
    rest.strip_prefix("ngày").and_then(|r| day_in_words_at(s, s.len() - r.len()))
}

/// The run of `\d` digits at byte `at` of `s` (maybe empty): its end, and how many digits it holds.
fn digits_at(s: &str, at: usize) -> (usize, usize) {
    let run = s[at..].char_indices().find(|&(_, c)| !DIGIT.contains(c)).map_or(s.len() - at, |(i, _)| i);
    (at + run, s[at..at + run].chars().count())
}

/// `(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{4}))?\b` at byte `at` of `s`. A counted run of digits
/// must be the whole run there (a separator, a space or a boundary follows it), the year the whole run of four
/// with a boundary after; where the year fails the boundary after the month stands alone.
fn day_month_at(s: &str, at: usize) -> Option<(usize, DayGroups<'_>)> {
    let sep = |p: usize| -> Option<usize> {
        let q = s.len() - SPACE.skip(&s[p..]).len();
        let r = s[q..].strip_prefix(['/', '.', '-'])?;
        Some(s.len() - SPACE.skip(r).len())
    };
    let (d_end, d) = digits_at(s, at);
    if !(1..=2).contains(&d) {
        return None;
    }
    let m_at = sep(d_end)?;
    let (m_end, m) = digits_at(s, m_at);
    if !(1..=2).contains(&m) {
        return None;
    }
    let groups = |y| (&s[at..d_end], &s[m_at..m_end], y);
    if let Some(y_at) = sep(m_end) {
        let (y_end, y) = digits_at(s, y_at);
        if y == 4 && !word_starts_at(s, y_end) {
            return Some((y_end, groups(Some(&s[y_at..y_end]))));
        }
    }
    (!word_starts_at(s, m_end)).then(|| (m_end, groups(None)))
}

/// `\s*(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?` at byte `at` of `s` (after `ngày`): the day the whole
/// run of digits there, the month and year the first two and four digits of theirs (nothing bounds them).
fn day_in_words_at(s: &str, at: usize) -> Option<(usize, DayGroups<'_>)> {
    let d_at = s.len() - SPACE.skip(&s[at..]).len();
    let (d_end, d) = digits_at(s, d_at);
    if !(1..=2).contains(&d) {
        return None;
    }
    let m_at = spaced(s, spaced_word(s, d_end, "tháng")?)?;
    let (m_end, _) = first_digits(s, m_at, 2)?;
    let year = spaced_word(s, m_end, "năm").and_then(|p| spaced(s, p)).and_then(|y_at| match first_digits(s, y_at, 4) {
        Some((y_end, 4)) => Some((y_at, y_end)),
        _ => None,
    });
    let groups = |y| (&s[d_at..d_end], &s[m_at..m_end], y);
    Some(match year {
        Some((y_at, y_end)) => (y_end, groups(Some(&s[y_at..y_end]))),
        None => (m_end, groups(None)),
    })
}

/// Past one white space char or more at byte `p` of `s` (`\s+`).
fn spaced(s: &str, p: usize) -> Option<usize> {
    let n = SPACE.run_len(&s[p..]);
    (n > 0).then_some(p + n)
}

/// Past `\s+` and `word` at byte `p` of `s`.
fn spaced_word(s: &str, p: usize, word: &str) -> Option<usize> {
    let q = spaced(s, p)?;
    s[q..].starts_with(word).then_some(q + word.len())
}

/// The first `most` digits at byte `at` of `s` or fewer (`\d{1,most}`, greedy): their end and count, if one is there.
fn first_digits(s: &str, at: usize, most: usize) -> Option<(usize, usize)> {
    let (mut end, mut n) = (at, 0);
    for c in s[at..].chars().take(most) {
        if !DIGIT.contains(c) {
            break;
        }
        end += c.len_utf8();
        n += 1;
    }
    (n > 0).then_some((end, n))
}

/// The years of a lower-case phrase, leftmost first: `\b((?:19|20)\d{2})\b`.
pub(super) fn years_in(s: &str) -> impl Iterator<Item = &str> {
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(k) = memchr::memchr2(b'1', b'2', &s.as_bytes()[at..]) {
            let st = at + k;
            at = st + 1;
            if !(s[st..].starts_with("19") || s[st..].starts_with("20")) || word_ends_at(s, st) {
                continue;
            }
            let Some((end, 2)) = first_digits(s, st + 2, 2) else { continue };
            if !word_starts_at(s, end) {
                at = end;
                return Some(&s[st..end]);
            }
        }
        None
    })
}

/// The year of `\s*(?:/|năm)\s*(\d{4})` at byte `p` of `s` (after a quarter or month): its first four digits.
fn year_after(s: &str, p: usize) -> Option<&str> {
    let q = s.len() - SPACE.skip(&s[p..]).len();
    let r = s[q..].strip_prefix('/').or_else(|| s[q..].strip_prefix("năm"))?;
    let y_at = s.len() - SPACE.skip(r).len();
    match first_digits(s, y_at, 4) {
        Some((y_end, 4)) => Some(&s[y_at..y_end]),
        _ => None,
    }
}

/// The first `\bword\s+` of a lower-case phrase from which `then` reads on: what it reads.
fn first_after<'s, T>(s: &'s str, word: &str, then: impl Fn(usize) -> Option<T>) -> Option<T> {
    s.match_indices(word).filter(|&(st, _)| !word_ends_at(s, st)).find_map(|(st, w)| then(spaced(s, st + w.len())?))
}

/// The quarter of a lower-case phrase: `\bquý\s+(iv|iii|ii|i|[1-4])\b(?:\s*(?:/|năm)\s*(\d{4}))?`, its first
/// match (the quarter as printed, and the year).
pub(super) fn quarter_in(s: &str) -> Option<(&str, Option<&str>)> {
    first_after(s, "quý", |p| {
        let r = &s[p..];
        let part = ["iv", "iii", "ii", "i"].into_iter().find(|n| r.starts_with(n) && !word_starts_at(s, p + n.len())).map(str::len);
        let len = part.or_else(|| (r.starts_with(['1', '2', '3', '4']) && !word_starts_at(s, p + 1)).then_some(1))?;
        Some((&s[p..p + len], year_after(s, p + len)))
    })
}

/// The month of a lower-case phrase: `\btháng\s+(\d{1,2})\b(?:\s*(?:/|năm)\s*(\d{4}))?`, its first match (the
/// month as printed, and the year).
pub(super) fn month_in(s: &str) -> Option<(&str, Option<&str>)> {
    first_after(s, "tháng", |p| {
        let (end, n) = digits_at(s, p);
        ((1..=2).contains(&n) && !word_starts_at(s, end)).then(|| (&s[p..end], year_after(s, end)))
    })
}

/// The words that open a span counted from an event (`không quá 30 ngày`), `tối đa là` and `chậm nhất là` before
/// their short forms; the phrase's start opens one too.
const SPAN_CUES: [&str; 8] = ["không quá", "tối đa là", "tối đa", "trong thời hạn", "trong vòng", "trong thời gian", "chậm nhất là", "chậm nhất"];

/// Whether a lower-case phrase names a span: `(?:không quá|tối đa(?: là)?|trong thời hạn|trong vòng|trong thời
/// gian|chậm nhất(?: là)?|^)\s*\d{1,3}\s+(?:ngày|tháng|năm|giờ)\b` matches somewhere.
pub(super) fn names_span(s: &str) -> bool {
    let counted = |p: usize| {
        let d_at = s.len() - SPACE.skip(&s[p..]).len();
        let (d_end, n) = digits_at(s, d_at);
        (1..=3).contains(&n)
            && spaced(s, d_end).is_some_and(|u| {
                ["ngày", "tháng", "năm", "giờ"].iter().any(|w| s[u..].starts_with(w) && !word_starts_at(s, u + w.len()))
            })
    };
    counted(0) || SPAN_CUES.iter().any(|cue| s.match_indices(cue).any(|(at, _)| counted(at + cue.len())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{phrases, Draws};
    use regex::Regex;

    /// The pattern [`days_in`] reads: a day and month with separators after the text's start, `ngày` or a cue, or a
    /// day and month in words after `ngày`; a year after either.
    fn day_pattern() -> Regex {
        Regex::new(r"(?:^|\bngày\s*|\b(?:trước|chậm nhất(?: là)?|hoàn thành trước|trong|đến)\s+)(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{4}))?\b|\bngày\s*(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?").unwrap()
    }

    /// The days read by hand are the pattern's matches, in order, with the same groups: over phrases made of the
    /// pieces the pattern tells apart (cues, separators, runs of one to five digits, other scripts' digits, words
    /// glued on, white space of other kinds).
    #[test]
    fn days_are_read_as_their_pattern_finds_them() {
        let re = day_pattern();
        let pieces = [
            "ngày", "trước", "chậm nhất", " là", "hoàn thành", " trước", "trong", "đến", "tháng", "năm", " ", "  ", "\t", "\u{a0}", "/",
            ".", "-", "1", "12", "123", "2024", "20245", "٣", "x", "ạ", ",", "_",
        ];
        let mut texts: Vec<String> = vec![
            "trước ngày 30/6/2024".into(), "ngày 5 tháng 6 năm 2025".into(), "15/12".into(), "chậm nhất là 15.12.2025, đến 20-1".into(),
            "hoàn thành trước 30/6/20245".into(), "trong 3/4x".into(), "ngày 05 tháng 123 năm 20245".into(), "xngày 1/2".into(),
        ];
        texts.extend(phrases(&pieces, 12_000, 11));
        // and phrases laid out as the pattern reads them, each slot filled with a piece that fits or one that does not
        let slots: [&[&str]; 8] = [
            &["", "ngày", "trước", "chậm nhất", "chậm nhất là", "hoàn thành trước", "trong", "đến", "xngày", "ạ "],
            &["", " ", "  ", "\u{a0}"],
            &["1", "12", "123", "٣", ""],
            &["/", ".", "-", " tháng ", "  tháng\t", " ", "tháng", " tháng", "/ "],
            &["1", "12", "123", "٣", ""],
            &["", "/", " năm ", "năm ", " năm", " - "],
            &["2024", "202", "20245", "٢٠٢٤", ""],
            &["", "x", " ", ",", "_", " 5/6"],
        ];
        texts.extend(Draws::new(7).take(12_000).map(|r| slots.iter().enumerate().map(|(k, s)| s[(r >> (7 * k)) as usize % s.len()]).collect::<String>()));
        for t in &texts {
            let want: Vec<(&str, &str, Option<&str>)> = re
                .captures_iter(t)
                .map(|c| {
                    let (d, m, y) = if c.get(1).is_some() { (1, 2, 3) } else { (4, 5, 6) };
                    (c.get(d).unwrap().as_str(), c.get(m).unwrap().as_str(), c.get(y).map(|y| y.as_str()))
                })
                .collect();
            assert_eq!(days_in(t), want, "{t:?}");
        }
    }

    /// The years, the quarter, the month and the span read by hand are what their patterns find.
    #[test]
    fn years_quarters_months_and_spans_are_read_as_their_patterns_find_them() {
        let years = Regex::new(r"\b((?:19|20)\d{2})\b").unwrap();
        let quarter = Regex::new(r"\bquý\s+(iv|iii|ii|i|[1-4])\b(?:\s*(?:/|năm)\s*(\d{4}))?").unwrap();
        let month = Regex::new(r"\btháng\s+(\d{1,2})\b(?:\s*(?:/|năm)\s*(\d{4}))?").unwrap();
        let span = Regex::new(r"(?:không quá|tối đa(?: là)?|trong thời hạn|trong vòng|trong thời gian|chậm nhất(?: là)?|^)\s*\d{1,3}\s+(?:ngày|tháng|năm|giờ)\b").unwrap();
        let pieces = [
            "quý", "tháng", "năm", "ngày", "giờ", "không quá", "tối đa", " là", "trong thời hạn", "chậm nhất", " ", "  ", "\t", "/", "i", "ii",
            "iii", "iv", "v", "3", "5", "12", "123", "1999", "2024", "20245", "2099", "٢٠٢٤", "x", "ạ", ",", "_", "-",
        ];
        let mut texts = phrases(&pieces, 20_000, 11);
        texts.extend(
            ["quý iii/2025", "quý iv năm 2024", "tháng 12 năm 2025", "trong thời hạn 30 ngày", "15 ngày", "2024-2025", "x2024", "tối đa là 5 ngày", "chậm nhất là 3 tháng", "quý 2/202"]
                .map(String::from),
        );
        let groups = |c: regex::Captures<'_>| (c.get(1).unwrap().as_str().to_string(), c.get(2).map(|m| m.as_str().to_string()));
        let own = |g: Option<(&str, Option<&str>)>| g.map(|(a, b)| (a.to_string(), b.map(str::to_string)));
        for t in &texts {
            assert_eq!(years_in(t).collect::<Vec<_>>(), years.find_iter(t).map(|m| m.as_str()).collect::<Vec<_>>(), "{t:?}");
            assert_eq!(own(quarter_in(t)), quarter.captures(t).map(groups), "{t:?}");
            assert_eq!(own(month_in(t)), month.captures(t).map(groups), "{t:?}");
            assert_eq!(names_span(t), span.is_match(t), "{t:?}");
        }
    }
}
