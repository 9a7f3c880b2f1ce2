//! Dates printed with a citation (`ngày 28/02/2022`, `ngày 28 tháng 02 năm 2022`), shared by the numbered
//! and the named citations.
use super::vocab::four_digits;
use crate::lex::class::{DIGIT, SPACE};
use crate::model::Date;

/// The date of a match of [`DATE_PATTERN`](super::vocab::DATE_PATTERN) whose groups start at `first`
/// (`28/02/2022`, or `28 tháng 02 năm 2022`).
#[cfg(test)]
pub(super) fn date_of(c: &regex::Captures, first: usize) -> Option<Date> {
    let g = |i: usize| c.get(first + i).map(|m| m.as_str());
    let (d, m, y) = match g(0) {
        Some(d) => (d, g(1)?, g(2)?),
        None => (g(3)?, g(4)?, g(5)?),
    };
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// The date at the start of `rest` as [`DATE`](super::vocab::DATE) reads it (`, ngày 28/02/2022`, `được ban
/// hành ngày 28 tháng 02 năm 2022`), and the byte where it ends (0 when there is none). Read with the pattern's
/// classes (compiled, its twelve `\d` cost ~4 M in every process): each blank run, optional word and day or
/// month is taken whole, as what the pattern needs after it never starts one (so no shorter take matches), and
/// a mark after the day reads `28/02/2022`, anything else `28 tháng 02 năm 2022`.
pub(super) fn date_at(rest: &str) -> (Option<Date>, usize) {
    let Some((d, m, y, tail)) = read_date(rest) else { return (None, 0) };
    let date = (|| Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?))();
    (date, rest.len() - tail.len())
}

/// The day, month and year of the date at the start of `s`, and the text after it.
fn read_date(s: &str) -> Option<(&str, &str, &str, &str)> {
    let t = SPACE.skip(s);
    let t = SPACE.skip(t.strip_prefix(',').unwrap_or(t));
    let t = word_and_blank(t, "được").unwrap_or(t);
    let t = word_and_blank(t, "ban hành").or_else(|| word_and_blank(t, "ký")).unwrap_or(t);
    let t = SPACE.skip(t.strip_prefix("ngày").or_else(|| t.strip_prefix("Ngày"))?);
    day_month_year(t)
}

/// The date (`(?:Ngày|ngày)\s*` then [`DATE_PATTERN`](super::vocab::DATE_PATTERN)) at the start of `s`, read as
/// [`date_at`] reads it, and the text after it: `None` when the pattern does not match there, a date of
/// `None` when it matches numbers that make no date.
pub(super) fn dated(s: &str) -> Option<(Option<Date>, &str)> {
    let t = SPACE.skip(s.strip_prefix("Ngày").or_else(|| s.strip_prefix("ngày"))?);
    let (d, m, y, tail) = day_month_year(t)?;
    Some(((|| Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?))(), tail))
}

/// The day, month and year of [`DATE_PATTERN`](super::vocab::DATE_PATTERN)'s match at the start of `t`, and
/// the text after it.
fn day_month_year(t: &str) -> Option<(&str, &str, &str, &str)> {
    let (d, t) = day_or_month(t)?;
    match SPACE.skip(t).strip_prefix(['/', '.', '-']) {
        Some(x) => {
            let (m, x) = day_or_month(SPACE.skip(x))?;
            let x = SPACE.skip(x).strip_prefix(['/', '.', '-'])?;
            let x = SPACE.skip(x);
            let y = four_digits(x)?;
            Some((d, m, &x[..y], &x[y..]))
        }
        None => {
            let x = word_and_blank(blank(t)?, "tháng")?;
            let (m, x) = day_or_month(x)?;
            let x = word_and_blank(blank(x)?, "năm")?;
            let y = four_digits(x)?;
            Some((d, m, &x[..y], &x[y..]))
        }
    }
}


/// `s` after white space it starts with (`\s+`).
fn blank(s: &str) -> Option<&str> {
    let n = SPACE.run_len(s);
    (n > 0).then(|| &s[n..])
}

/// `s` after `word` and the white space that must follow it.
fn word_and_blank<'a>(s: &'a str, word: &str) -> Option<&'a str> {
    blank(s.strip_prefix(word)?)
}

/// A day or month (`\d{1,2}`, all the digits there: a blank or mark follows it) and the text after it.
fn day_or_month(s: &str) -> Option<(&str, &str)> {
    let n = DIGIT.run_len(s);
    (1..=2).contains(&s[..n].chars().count()).then(|| s.split_at(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_as_their_pattern_matched_them() {
        let re = &super::super::vocab::DATE;
        // both forms, with the words before, blanks and marks of each kind; a three-digit day, a year of five
        // digits, digits of another script, a month 13 (no date, but a match), a word glued to `được`
        let texts = [
            " ngày 28/02/2022", ", ngày 28 - 02 . 2022x", "được ban hành ngày 28 tháng 02 năm 2022", "ký ngày 1/2/20201", " , Ngày\t3.4.2020",
            "ngày 123/4/2020", "ngày 12 tháng 13 năm 2020", "ngày ٢٨/٠٢/٢٠٢٢", "đượcký ngày 1/2/2020", "được  ký\nngày 1/2/2020", "ngày 1 /2/ 20", "ngày1tháng 2 năm 2020",
            "ngày 1 tháng2 năm 2020", "ngày 28/02", "ban hành ngày 28 tháng 02 năm 202", "ngày", "", " ngày 5 tháng 6 năm 2021 của",
        ];
        for t in texts {
            let by_pattern = re.captures(t).map_or((None, 0), |c| (date_of(&c, 1), c.get(0).unwrap().end()));
            assert_eq!(date_at(t), by_pattern, "{t:?}");
        }
    }
}
