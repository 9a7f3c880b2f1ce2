//! The keys a citation and the document it cites share: a symbol's (`66-NQ/TW` = `66/NQ-TW`), a name's
//! (`Luật Đất đai năm 2024`), and the same keys read from what a user types.
use std::sync::LazyLock;

use crate::extract::assignments::agency_key;
use crate::lex::lexicon::{Lexicon, Tag};
use crate::lex::symbol::parse_symbol;
use crate::model::doctype::{DocType, DOC_TYPES};
use crate::model::Symbol;

/// A symbol code folded for comparison: upper case, `Đ` as `D` (users type `ND-CP` for `NĐ-CP`), `.` and
/// `–` as `-`, no spaces.
fn fold_code(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            'Đ' | 'đ' | 'Ð' => 'D',
            '.' | '–' | '—' => '-',
            c => c,
        })
        .collect::<String>()
        .to_uppercase()
}

/// The type codes as folded by [`fold_code`], with the spellings only symbols use.
static TYPE_CODES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut v: Vec<String> = DOC_TYPES.iter().map(|(_, c, _)| fold_code(c)).collect();
    v.extend(["KHLT", "QDI", "TTLT", "CTR", "TTRI", "HD", "L"].map(String::from));
    v
});

/// The key a citation and the document it cites share: `number|type code|issuer code`, number without
/// leading zeros, codes folded (`66-NQ/TW` and `66/NQ-TW` → `66|NQ|TW`; `30/2020/NĐ-CP` → `30|ND|CP`, the
/// year kept apart; `4240/UBND-VX` → `4240||UBND-VX`). A symbol that does not parse keys as its folded text
/// after `~`.
pub fn symbol_key(s: &Symbol) -> String {
    let Some(number) = s.number.as_deref().filter(|n| !n.is_empty()) else {
        return format!("~{}", fold_code(&s.raw));
    };
    let number = match number.trim_start_matches('0') {
        "" => "0",
        n => n,
    };
    let issuer = s.issuer_code.as_deref().map(fold_code).unwrap_or_default();
    let (t, issuer) = match s.type_code.as_deref() {
        Some(t) => (fold_code(t), issuer),
        // `66/nq-tw` typed in lower case, or a type code the symbol parser did not know
        None => match issuer.split_once('-') {
            Some((t, rest)) if TYPE_CODES.iter().any(|c| c == t) => (t.to_string(), rest.to_string()),
            _ => (String::new(), issuer),
        },
    };
    format!("{number}|{t}|{issuer}")
}

/// A symbol as a user types it: `số 66-NQ/TW`, `66/nq-tw`, `30/2020/ND-CP`, `66-NQ/TW 2025`, `66-NQ/TW
/// (2025)`. Returns the key and the year when one is given.
pub fn query_symbol(q: &str) -> Option<(String, Option<i64>)> {
    static YEAR_AFTER: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(r"[\s,(]+(?:năm\s+)?((?:19|20)\d\d)\)?\s*$").unwrap());
    static SO: LazyLock<regex::Regex> = LazyLock::new(|| regex::Regex::new(r"^(?i:số|so)\s*:?\s*").unwrap());
    let q = q.trim();
    let (q, year) = match YEAR_AFTER.captures(q) {
        Some(c) => (&q[..c.get(0).unwrap().start()], c[1].parse::<i64>().ok()),
        None => (q, None),
    };
    let q = SO.replace(q, "");
    if !q.chars().next().is_some_and(|c| c.is_ascii_digit()) || !q.contains(['/', '-']) {
        return None;
    }
    let s = parse_symbol(&q);
    s.number.as_ref()?;
    Some((symbol_key(&s), year.or(s.year.map(i64::from))))
}

pub(super) fn years_agree(a: Option<i64>, b: Option<i64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// The key a citation by name and the document it names share: the type code, `:`, the name's words folded
/// (lower case, abbreviations expanded, tone placement folded), years and time words left out; plus the
/// years the name gives. `None` for a name of no words.
pub fn name_key(name: &str, doc_type: &DocType) -> Option<(String, Option<u16>)> {
    let folded = agency_key(name);
    let mut words = Vec::new();
    let mut year = None;
    for w in folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if w.len() == 4 {
            if let Ok(y) = w.parse::<u16>() {
                if (1900..2100).contains(&y) {
                    year = year.or(Some(y));
                    continue;
                }
            }
        }
        // words that say when, not what (`Luật Đất đai năm 2024`, `giai đoạn 2021 - 2025`)
        if Lexicon::global().is(w, Tag::TimeWord) {
            continue;
        }
        words.push(w);
    }
    let type_words = doc_type.name().split_whitespace().count();
    (words.len() > type_words).then(|| (format!("{}:{}", doc_type.code(), words.join(" ")), year))
}

/// A name as a user types it (`Luật Đất đai`): its key, the type read from its first words.
pub(super) fn name_key_of_query(q: &str) -> Option<(String, Option<u16>)> {
    let (t, _) = DocType::from_word_prefix(q.trim())
        .or_else(|| ["Hiến pháp", "Điều lệ"].iter().find(|w| q.trim().starts_with(*w)).map(|w| (named_type(w), w.len())))?;
    name_key(q, &t)
}

fn named_type(word: &str) -> DocType {
    match word {
        "Hiến pháp" => DocType::HienPhap,
        w => DocType::Other(w.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn party_and_state_forms_of_a_symbol_share_a_key() {
        let k = |s: &str| symbol_key(&parse_symbol(s));
        assert_eq!(k("66-NQ/TW"), "66|NQ|TW");
        assert_eq!(k("66/NQ-TW"), "66|NQ|TW");
        assert_eq!(k("30/2020/NĐ-CP"), "30|ND|CP");
        assert_eq!(k("30/2020/ND-CP"), "30|ND|CP");
        assert_eq!(k("0124/KH-UBND"), "124|KH|UBND");
        assert_eq!(k("4240/UBND-VX"), "4240||UBND-VX");
        assert_eq!(k("80/2015/QH13"), "80|L|QH13");
    }

    #[test]
    fn user_typed_symbols_parse_with_or_without_year() {
        assert_eq!(query_symbol("66-NQ/TW"), Some(("66|NQ|TW".into(), None)));
        assert_eq!(query_symbol(" 66 / nq - tw "), Some(("66|NQ|TW".into(), None)));
        assert_eq!(query_symbol("Số 66-NQ/TW (2025)"), Some(("66|NQ|TW".into(), Some(2025))));
        assert_eq!(query_symbol("66-NQ/TW 2025"), Some(("66|NQ|TW".into(), Some(2025))));
        assert_eq!(query_symbol("30/2020/nđ-cp"), Some(("30|ND|CP".into(), Some(2020))));
        assert_eq!(query_symbol("Luật Đất đai"), None);
    }

    #[test]
    fn names_fold_case_tone_placement_and_years() {
        let (k, y) = name_key("Luật Đất đai năm 2024", &DocType::Luat).unwrap();
        assert_eq!((k.as_str(), y), ("L:luật đất đai", Some(2024)));
        let (k2, _) = name_key("LUẬT ĐẤT ĐAI", &DocType::Luat).unwrap();
        assert_eq!(k, k2);
        let (a, _) = name_key("Luật Hoà giải", &DocType::Luat).unwrap();
        let (b, _) = name_key("Luật Hòa giải", &DocType::Luat).unwrap();
        assert_eq!(a, b);
        assert_eq!(name_key("Luật", &DocType::Luat), None);
        assert_eq!(name_key_of_query("Luật đất đai"), Some(("L:luật đất đai".into(), None)));
    }
}
