//! Calendar dates as printed in documents (`28/02/2022`, `30-5-2019`, `ngày 30 tháng 4 năm 2025`).
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar date; serialized as ISO `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A checked date: `None` for impossible days (`31/2/2022`) and years outside 1900..=2100.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        if !(1900..=2100).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            _ if leap => 29,
            _ => 28,
        };
        (day <= days).then_some(Date { year, month, day })
    }

    /// Parse ISO `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let mut it = s.split('-');
        let y = it.next()?.parse().ok()?;
        let m = it.next()?.parse().ok()?;
        let d = it.next()?.parse().ok()?;
        if it.next().is_some() {
            return None;
        }
        Date::new(y, m, d)
    }

    pub fn iso(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse_iso(&s).ok_or_else(|| serde::de::Error::custom(format!("not an ISO date: {s}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn rejects_impossible_days() {
        assert!(Date::new(2022, 2, 29).is_none());
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2022, 13, 1).is_none());
    }
    #[test]
    fn iso_round_trip() {
        let d = Date::new(2022, 2, 28).unwrap();
        assert_eq!(d.iso(), "2022-02-28");
        assert_eq!(Date::parse_iso("2022-02-28"), Some(d));
    }
}
