//! Document numbers and symbols (*số, ký hiệu*) as printed: `58-KH/BTCTW` (Party), `45/KH-UBND`,
//! `30/2020/NĐ-CP` (state), `80/2015/QH13` (a law), `4240/UBND-VX` (a công văn), parsed into their parts.
use crate::model::{DocType, Symbol, SymbolForm};
use regex::Regex;
use std::sync::LazyLock;

static PARTY_SYMBOL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d+)\s*[-–]\s*([\p{L}]+)\s*/\s*([\p{L}\d][\p{L}\d\-]*)$").unwrap());
static STATE_SYMBOL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d*)\s*/\s*(?:(\d{4})\s*/\s*)?([\p{L}\d][\p{L}\d.&\-/]*)$").unwrap());

/// Parse a symbol as printed (`58-KH/BTCTW`, `45/KH-UBND`, `30/2020/NĐ-CP`, `80/2015/QH13`, `4240/UBND-VX`).
pub fn parse_symbol(raw: &str) -> Symbol {
    let compact: String = raw.split_whitespace().collect();
    let mut s = Symbol { raw: raw.to_string(), number: None, year: None, type_code: None, issuer_code: None, form: None };
    if let Some(c) = PARTY_SYMBOL.captures(&compact) {
        s.number = Some(c[1].to_string());
        s.type_code = Some(c[2].to_string());
        s.issuer_code = Some(c[3].to_string());
        s.form = Some(SymbolForm::Party);
        return s;
    }
    if let Some(c) = STATE_SYMBOL.captures(&compact) {
        s.number = c.get(1).map(|m| m.as_str().to_string()).filter(|x| !x.is_empty());
        s.year = c.get(2).and_then(|m| m.as_str().parse().ok());
        let rest = &c[3];
        if rest.starts_with("QH") && rest[2..].chars().all(|c| c.is_ascii_digit()) {
            s.issuer_code = Some(rest.to_string());
            s.type_code = Some("L".into());
            s.form = Some(SymbolForm::Law);
            return s;
        }
        s.form = Some(SymbolForm::State);
        match rest.split_once(['-', '.']) {
            Some((t, issuer)) if DocType::from_code(t).is_some() => {
                s.type_code = Some(t.to_string());
                s.issuer_code = Some(issuer.to_string());
            }
            _ => s.issuer_code = Some(rest.to_string()),
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn parses_party_state_and_law_symbols() {
        let p = parse_symbol("58-KH/BTCTW");
        assert_eq!((p.number.as_deref(), p.type_code.as_deref(), p.issuer_code.as_deref(), p.form), (Some("58"), Some("KH"), Some("BTCTW"), Some(SymbolForm::Party)));
        let s = parse_symbol("30/2020/NĐ-CP");
        assert_eq!((s.year, s.type_code.as_deref(), s.issuer_code.as_deref()), (Some(2020), Some("NĐ"), Some("CP")));
        let cv = parse_symbol("4240/UBND-VX");
        assert_eq!((cv.type_code, cv.issuer_code.as_deref()), (None, Some("UBND-VX")));
        let l = parse_symbol("80/2015/QH13");
        assert_eq!(l.form, Some(SymbolForm::Law));
    }
}
