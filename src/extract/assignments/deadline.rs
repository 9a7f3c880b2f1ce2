//! Deadlines (`vn-document-format.md` §7c): a day (`trước ngày 30/6/2022`; a missing year comes from the
//! document), a quarter, month or year, a range, a recurring or ongoing task, a time counted from an event.
use crate::lex::class::{DIGIT, SPACE, WORD};
use crate::lex::lexicon::{Lexicon, Tag};
use crate::model::{Date, Deadline, DeadlineKind, Period};
use regex::Regex;
use std::sync::LazyLock;

/// The period of a recurring deadline named in `lower`: of several (`định kỳ 6 tháng, hằng năm`), the
/// shortest.
fn period_in(lower: &str) -> Option<Period> {
    const ORDER: [(&str, Period); 5] = [
        ("weekly", Period::Weekly),
        ("monthly", Period::Monthly),
        ("quarterly", Period::Quarterly),
        ("half yearly", Period::HalfYearly),
        ("yearly", Period::Yearly),
    ];
    Lexicon::global()
        .phrases(Tag::Period)
        .filter(|e| lower.contains(e.phrase.as_str()))
        .filter_map(|e| ORDER.iter().position(|(n, _)| Some(*n) == e.value(Tag::Period)))
        .min()
        .map(|k| ORDER[k].1)
}

/// Whether `lower` names the year after the document's, as one year (`của năm tiếp theo`), not as the years
/// that follow (`và các năm tiếp theo`).
fn names_next_year(lower: &str) -> bool {
    Lexicon::global().phrases(Tag::NextYear).any(|e| {
        lower.match_indices(e.phrase.as_str()).any(|(at, _)| {
            let before = lower[..at].trim_end().rsplit(' ').next().unwrap_or_default();
            !Lexicon::global().is(before, Tag::PluralBefore)
        })
    })
}

/// A day the pattern of [`days_in`] found: the day, the month and the year as printed (digits of any script, as
/// `\d` reads them).
type DayGroups<'a> = (&'a str, &'a str, Option<&'a str>);

/// The words a day with separators may follow (`trước 30/6`, `chậm nhất là 15/12`), in the order the pattern tries
/// them (`chậm nhất là` before `chậm nhất`).
const DAY_CUES: [&str; 6] = ["trước", "chậm nhất là", "chậm nhất", "hoàn thành trước", "trong", "đến"];

/// The days of a lower-case deadline phrase: the matches of [`day_pattern`], leftmost first and each after the one
/// before, as `captures_iter` gives them. Read by hand: the pattern's Unicode `\b` kept the regex on its
/// backtracking engine, some 200k instructions per phrase of a plan's clause.
fn days_in(s: &str) -> Vec<DayGroups<'_>> {
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

/// A match of [`day_pattern`] starting at byte `st` of `s`, its end and groups: the text's start, `ngày` or a cue
/// then a day and month with separators ([`day_month_at`]), else `ngày … tháng …` ([`day_in_words_at`]). Every
/// other start holds no match (all but the first need a word to start there, after no word char).
fn day_at(s: &str, st: usize) -> Option<(usize, DayGroups<'_>)> {
    if st == 0 {
        if let Some(m) = day_month_at(s, 0) {
            return Some(m);
        }
    }
    let rest = &s[st..];
    if !rest.starts_with(['n', 't', 'c', 'h', 'đ']) || s[..st].chars().next_back().is_some_and(|c| WORD.contains(c)) {
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
    let boundary = |p: usize| !s[p..].starts_with(|c| WORD.contains(c));
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
        if y == 4 && boundary(y_end) {
            return Some((y_end, groups(Some(&s[y_at..y_end]))));
        }
    }
    boundary(m_end).then(|| (m_end, groups(None)))
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

/// The pattern [`days_in`] reads: a day and month with separators after the text's start, `ngày` or a cue, or a
/// day and month in words after `ngày`; a year after either.
#[cfg(test)]
fn day_pattern() -> Regex {
    Regex::new(r"(?:^|\bngày\s*|\b(?:trước|chậm nhất(?: là)?|hoàn thành trước|trong|đến)\s+)(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{4}))?\b|\bngày\s*(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?").unwrap()
}

/// A deadline phrase: an ISO date when a day is given (`trước ngày 30/6/2022`; a missing year comes from the
/// document), its kind (quarter, month, year, range, recurring, ongoing), and the phrase as printed.
pub fn parse(phrase: &str, doc_year: Option<u16>) -> Deadline {
    let phrase = phrase.trim().trim_end_matches(['.', ';', ',']).trim().to_string();
    let lower = phrase.to_lowercase();
    // `trước ngày 30 tháng 01 của năm tiếp theo`: a year left out is the one after the document's
    let doc_year = if names_next_year(&lower) { doc_year.map(|y| y + 1) } else { doc_year };
    static QUARTER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\bquý\s+(iv|iii|ii|i|[1-4])\b(?:\s*(?:/|năm)\s*(\d{4}))?").unwrap());
    static MONTH: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\btháng\s+(\d{1,2})\b(?:\s*(?:/|năm)\s*(\d{4}))?").unwrap());
    static YEARS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b((?:19|20)\d{2})\b").unwrap());
    let mut d = Deadline { phrase: phrase.clone(), date: None, kind: DeadlineKind::Other, year: None, part: None, every: None };
    let days: Vec<Date> = days_in(&lower)
        .into_iter()
        .filter_map(|(dd, m, y)| {
            let y = y.and_then(|y| y.parse().ok()).or(doc_year)?;
            Date::new(y, m.parse().ok()?, dd.parse().ok()?)
        })
        .collect();
    d.every = period_in(&lower);
    let ranged = lower.contains("đến") && (lower.contains("từ") || lower.contains("giai đoạn"))
        || lower.contains("giai đoạn")
        || YEARS.find_iter(&lower).count() >= 2 && days.is_empty();
    if let Some(last) = days.last() {
        d.date = Some(*last);
        d.kind = if days.len() >= 2 || ranged { DeadlineKind::Range } else { DeadlineKind::Date };
        if d.every.is_some() {
            d.kind = DeadlineKind::Recurring;
        }
        return d;
    }
    if d.every.is_some() || lower.contains("định kỳ") {
        d.kind = DeadlineKind::Recurring;
        return d;
    }
    if ranged {
        d.kind = DeadlineKind::Range;
        d.year = YEARS.find_iter(&lower).last().and_then(|m| m.as_str().parse().ok());
        return d;
    }
    let year_of = |m: Option<regex::Match>| m.and_then(|m| m.as_str().parse().ok()).or(doc_year);
    if let Some(c) = QUARTER.captures(&lower) {
        d.kind = DeadlineKind::Quarter;
        d.part = match c.get(1).map_or("", |m| m.as_str()) {
            "i" | "1" => Some(1),
            "ii" | "2" => Some(2),
            "iii" | "3" => Some(3),
            _ => Some(4),
        };
        d.year = year_of(c.get(2));
        return d;
    }
    if let Some(c) = MONTH.captures(&lower) {
        if let Some(m) = c.get(1).and_then(|m| m.as_str().parse::<u8>().ok()).filter(|m| (1..=12).contains(m)) {
            d.kind = DeadlineKind::Month;
            d.part = Some(m);
            d.year = year_of(c.get(2));
            return d;
        }
    }
    static WITHIN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:không quá|tối đa(?: là)?|trong thời hạn|trong vòng|trong thời gian|chậm nhất(?: là)?|^)\s*\d{1,3}\s+(?:ngày|tháng|năm|giờ)\b").unwrap()
    });
    if WITHIN.is_match(&lower) {
        d.kind = DeadlineKind::Within;
        return d;
    }
    if Lexicon::global().phrases(Tag::Ongoing).any(|e| lower.contains(e.phrase.as_str())) {
        d.kind = DeadlineKind::Ongoing;
        return d;
    }
    if let Some(y) = YEARS.find(&lower) {
        d.kind = DeadlineKind::Year;
        d.year = y.as_str().parse().ok();
    }
    d
}

/// A deadline inside a clause (`..., báo cáo UBND tỉnh trước ngày 15/12/2025`, `hoàn thành trong quý III/2025`):
/// the phrase from its cue to the end of the clause's part.
pub(super) fn within_clause(clause: &str, doc_year: Option<u16>) -> Option<Deadline> {
    // word boundaries checked by hand: a Unicode `\b` would keep the regex off its fast engines, and this one
    // runs on every clause
    static CUE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:trước ngày|chậm nhất(?: là)?(?: ngày)?|hoàn thành trong|hoàn thành trước|hoàn thành năm|trong quý|trong tháng|trong năm|định kỳ|hằng năm|hàng năm|hằng quý|hằng tháng|trong thời hạn|không quá)").unwrap()
    });
    let alone = |m: &regex::Match| {
        !clause[..m.start()].ends_with(char::is_alphanumeric) && !clause[m.end()..].starts_with(char::is_alphanumeric)
    };
    let m = CUE.find_iter(clause).find(alone)?;
    let rest = &clause[m.start()..];
    let end = rest.find([';', '(', ')']).or_else(|| rest.find(". ")).unwrap_or(rest.len());
    let phrase = rest[..end].trim_end_matches(['.', ',', ' ']);
    // a phrase that names no time beyond its cue (`trong năm` alone) is none
    let d = parse(phrase, doc_year);
    (d.kind != DeadlineKind::Other).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn a_day_of_the_next_year_falls_after_the_document() {
        // tnt_QD_2629 IV/5 (a decision of 01/12/2025): `báo cáo Thủ tướng Chính phủ trước ngày 30 tháng 01 của năm tiếp theo`
        let d = parse("trước ngày 30 tháng 01 của năm tiếp theo", Some(2025));
        assert_eq!(d.date.map(|d| d.iso()), Some("2026-01-30".to_string()));
        assert_eq!(parse("trước ngày 30 tháng 01", Some(2025)).date.map(|d| d.iso()), Some("2025-01-30".to_string()));
        // the years that follow are not one year
        assert_eq!(parse("trước ngày 15/12 hằng năm và các năm tiếp theo", Some(2025)).date.map(|d| d.iso()), Some("2025-12-15".to_string()));
    }

    /// The days read by hand are the pattern's matches, in order, with the same groups: over phrases made of the
    /// pieces the pattern tells apart (cues, separators, runs of one to five digits, other scripts' digits, words
    /// glued on, white space of other kinds).
    #[test]
    fn days_are_read_as_their_pattern_finds_them() {
        use super::{day_pattern, days_in};
        let re = day_pattern();
        let pieces = [
            "ngày", "trước", "chậm nhất", " là", "hoàn thành", " trước", "trong", "đến", "tháng", "năm", " ", "  ", "\t", "\u{a0}", "/",
            ".", "-", "1", "12", "123", "2024", "20245", "٣", "x", "ạ", ",", "_",
        ];
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut texts: Vec<String> = vec![
            "trước ngày 30/6/2024".into(), "ngày 5 tháng 6 năm 2025".into(), "15/12".into(), "chậm nhất là 15.12.2025, đến 20-1".into(),
            "hoàn thành trước 30/6/20245".into(), "trong 3/4x".into(), "ngày 05 tháng 123 năm 20245".into(), "xngày 1/2".into(),
        ];
        for _ in 0..12_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let n = 1 + (seed % 11) as usize;
            texts.push((0..n).map(|k| pieces[(seed >> (5 * k % 55)) as usize % pieces.len()]).collect());
        }
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
        for _ in 0..12_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            texts.push(slots.iter().enumerate().map(|(k, s)| s[(seed >> (7 * k)) as usize % s.len()]).collect());
        }
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
}
