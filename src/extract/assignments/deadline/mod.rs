//! Deadlines (`vn-document-format.md` §7c): a day (`trước ngày 30/6/2022`; a missing year comes from the
//! document), a quarter, month or year, a range, a recurring or ongoing task, a time counted from an event.
use crate::lex::lexicon::{Lexicon, Tag};
use crate::model::{Date, Deadline, DeadlineKind, Period};
use regex::Regex;
use std::sync::LazyLock;
use times::{days_in, month_in, names_span, quarter_in, years_in};

mod times;

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

/// A deadline phrase: an ISO date when a day is given (`trước ngày 30/6/2022`; a missing year comes from the
/// document), its kind (quarter, month, year, range, recurring, ongoing), and the phrase as printed.
pub fn parse(phrase: &str, doc_year: Option<u16>) -> Deadline {
    let phrase = phrase.trim().trim_end_matches(['.', ';', ',']).trim().to_string();
    let lower = phrase.to_lowercase();
    // `trước ngày 30 tháng 01 của năm tiếp theo`: a year left out is the one after the document's
    let doc_year = if names_next_year(&lower) { doc_year.map(|y| y + 1) } else { doc_year };
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
        || years_in(&lower).nth(1).is_some() && days.is_empty();
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
        d.year = years_in(&lower).last().and_then(|y| y.parse().ok());
        return d;
    }
    let year_of = |y: Option<&str>| y.and_then(|y| y.parse().ok()).or(doc_year);
    if let Some((part, year)) = quarter_in(&lower) {
        d.kind = DeadlineKind::Quarter;
        d.part = match part {
            "i" | "1" => Some(1),
            "ii" | "2" => Some(2),
            "iii" | "3" => Some(3),
            _ => Some(4),
        };
        d.year = year_of(year);
        return d;
    }
    if let Some((month, year)) = month_in(&lower) {
        if let Some(m) = month.parse::<u8>().ok().filter(|m| (1..=12).contains(m)) {
            d.kind = DeadlineKind::Month;
            d.part = Some(m);
            d.year = year_of(year);
            return d;
        }
    }
    if names_span(&lower) {
        d.kind = DeadlineKind::Within;
        return d;
    }
    if Lexicon::global().phrases(Tag::Ongoing).any(|e| lower.contains(e.phrase.as_str())) {
        d.kind = DeadlineKind::Ongoing;
        return d;
    }
    if let Some(y) = years_in(&lower).next() {
        d.kind = DeadlineKind::Year;
        d.year = y.parse().ok();
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
}
