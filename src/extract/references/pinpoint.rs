//! Pinpoints: the article, clause and point of a cited document printed right before a mention
//! (`điểm a khoản 2 Điều 5 của Luật ...`).
use super::zone::floor_boundary;
use regex::Regex;
use std::sync::LazyLock;

/// `điểm a khoản 2 Điều 5 (của)` ending right before a mention: at least one part.
static PINPOINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?:[Đđ]iểm)\s+(?P<point>[a-zđ])\s*,?\s+)?(?:(?:[Kk]hoản)\s+(?P<clause>\d{1,3})\s*,?\s+)?(?:(?:[Đđ]iều)\s+(?P<article>\d{1,4}[a-z]?)\s*,?\s+)?(?:của\s+)?$").unwrap()
});

/// The words of [`PINPOINT`]'s parts, without their first letter (which may be a capital).
const PART_WORDS: [&str; 3] = ["iểm", "hoản", "iều"];

/// A pinpoint found in a zone: where its phrase starts (in the zone) and its parts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Found {
    pub start: usize,
    pub article: Option<String>,
    pub clause: Option<String>,
    pub point: Option<String>,
}

/// The pinpoint printed right before byte `start` of `zone`, if any.
pub(super) fn before(zone: &str, start: usize) -> Option<Found> {
    let from = floor_boundary(zone, start.saturating_sub(64));
    let window = &zone[from..start];
    // a pinpoint ends in white space right before the mention: most mentions have none
    if !window.ends_with(char::is_whitespace) {
        return None;
    }
    // a match with a part holds the part's word (`điểm`, `khoản`, `điều` in either case): a window without
    // one has only the empty match, which is no pinpoint
    if !PART_WORDS.iter().any(|w| window.contains(w)) {
        return None;
    }
    let c = PINPOINT.captures(window)?;
    let get = |n: &str| c.name(n).map(|m| m.as_str().to_string());
    let (article, clause, point) = (get("article"), get("clause"), get("point"));
    if article.is_none() && clause.is_none() && point.is_none() {
        return None;
    }
    Some(Found { start: from + c.get(0)?.start(), article, clause, point })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pinpoint_is_found_with_each_part_word_and_a_window_without_one_has_none() {
        for (text, article, clause, point) in [
            ("theo điểm a khoản 2 Điều 5 của Luật", Some("5"), Some("2"), Some("a")),
            ("theo Điểm đ, Khoản 12 Luật", None, Some("12"), Some("đ")),
            ("quy định tại điều 7a Luật", Some("7a"), None, None),
        ] {
            let start = text.rfind("Luật").unwrap();
            let found = before(text, start).expect(text);
            assert_eq!((found.article.as_deref(), found.clause.as_deref(), found.point.as_deref()), (article, clause, point), "{text}");
        }
        assert_eq!(before("theo mục 2 của Luật", "theo mục 2 của ".len()), None);
    }
}
