//! Dates printed with a citation (`ngày 28/02/2022`, `ngày 28 tháng 02 năm 2022`), shared by the numbered
//! and the named citations.
use super::vocab::DATE;
use crate::model::Date;

/// The date of a match of [`DATE_PATTERN`](super::vocab::DATE_PATTERN) whose groups start at `first`
/// (`28/02/2022`, or `28 tháng 02 năm 2022`).
pub(super) fn date_of(c: &regex::Captures, first: usize) -> Option<Date> {
    let g = |i: usize| c.get(first + i).map(|m| m.as_str());
    let (d, m, y) = match g(0) {
        Some(d) => (d, g(1)?, g(2)?),
        None => (g(3)?, g(4)?, g(5)?),
    };
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// The date at the start of `rest`, and the byte where it ends (0 when there is none).
pub(super) fn date_at(rest: &str) -> (Option<Date>, usize) {
    match DATE.captures(rest) {
        Some(c) => (date_of(&c, 1), c.get(0).unwrap().end()),
        None => (None, 0),
    }
}
