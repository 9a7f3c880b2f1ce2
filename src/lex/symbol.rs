//! Document numbers and symbols (*số, ký hiệu*) as printed: `58-KH/BTCTW` (Party), `45/KH-UBND`,
//! `30/2020/NĐ-CP` (state), `80/2015/QH13` (a law), `4240/UBND-VX` (a công văn), parsed into their parts.
use super::class::{DIGIT, LETTER};
use crate::model::{DocType, Symbol, SymbolForm};

/// `58-KH/BTCTW`: the number, type code and issuer of a Party symbol written without white space, as
/// `^(\d+)[-–](\p{L}+)/([\p{L}\d][\p{L}\d\-]*)$` captures them. Each part ends where a char outside its class
/// starts, so reading them in turn is the regex's only way to match.
fn party(s: &str) -> Option<(&str, &str, &str)> {
    let (number, rest) = s.split_at(DIGIT.run_len(s));
    let rest = rest.strip_prefix(['-', '–'])?;
    let (type_code, rest) = rest.split_at(LETTER.run_len(rest));
    let issuer = rest.strip_prefix('/')?;
    (!number.is_empty() && !type_code.is_empty() && is_code(issuer, "-")).then_some((number, type_code, issuer))
}

/// `30/2020/NĐ-CP`: the number, year and the rest of a state symbol written without white space, as
/// `^(\d*)/(?:(\d{4})/)?([\p{L}\d][\p{L}\d.&\-/]*)$` captures them: the year when the rest after it is
/// still a code (the regex's first choice), else none (`12/2020/` is the code `2020/`).
fn state(s: &str) -> Option<(&str, Option<&str>, &str)> {
    let (number, rest) = s.split_at(DIGIT.run_len(s));
    let rest = rest.strip_prefix('/')?;
    const MARKS: &str = ".&-/";
    // the byte offset of the fifth char: four digits before it, and a slash there
    let year_end = rest.char_indices().nth(4).map(|(i, _)| i).filter(|&i| DIGIT.run_len(&rest[..i]) == i && rest[i..].starts_with('/'));
    if let Some(i) = year_end.filter(|&i| is_code(&rest[i + 1..], MARKS)) {
        return Some((number, Some(&rest[..i]), &rest[i + 1..]));
    }
    is_code(rest, MARKS).then_some((number, None, rest))
}

/// A letter or digit, then letters, digits or `marks` (`[\p{L}\d][\p{L}\d<marks>]*`, the whole of `s`).
fn is_code(s: &str, marks: &str) -> bool {
    let part = |c: char| LETTER.contains(c) || DIGIT.contains(c);
    s.starts_with(part) && s.chars().all(|c| part(c) || marks.contains(c))
}

/// Parse a symbol as printed (`58-KH/BTCTW`, `45/KH-UBND`, `30/2020/NĐ-CP`, `80/2015/QH13`, `4240/UBND-VX`).
/// Its parts are read without its white space (which `char::is_whitespace` and a pattern's `\s` agree on).
pub fn parse_symbol(raw: &str) -> Symbol {
    let compact: String = raw.split_whitespace().collect();
    let mut s = Symbol { raw: raw.to_string(), number: None, year: None, type_code: None, issuer_code: None, form: None };
    if let Some((number, type_code, issuer)) = party(&compact) {
        s.number = Some(number.to_string());
        s.type_code = Some(type_code.to_string());
        s.issuer_code = Some(issuer.to_string());
        s.form = Some(SymbolForm::Party);
        return s;
    }
    if let Some((number, year, rest)) = state(&compact) {
        s.number = Some(number.to_string()).filter(|x| !x.is_empty());
        s.year = year.and_then(|y| y.parse().ok());
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
    fn symbols_are_read_as_the_patterns_captured_them() {
        let party_re = regex::Regex::new(r"^(\d+)\s*[-–]\s*([\p{L}]+)\s*/\s*([\p{L}\d][\p{L}\d\-]*)$").unwrap();
        let state_re = regex::Regex::new(r"^(\d*)\s*/\s*(?:(\d{4})\s*/\s*)?([\p{L}\d][\p{L}\d.&\-/]*)$").unwrap();
        // a year with nothing after its slash, five digits, digits of another script, a combining mark (no
        // letter), a titlecase letter, an en dash, a code opening with a mark
        let texts = [
            "58-KH/BTCTW", "58–KH/BTCTW", "45/KH-UBND", "30/2020/NĐ-CP", "80/2015/QH13", "/KH-UBND", "12/2020/", "12/2020",
            "12/20201/X", "12/2020//", "٣/QĐ-TTg", "12/٢٠٢٠/NĐ-CP", "58-KH/-X", "58-KH/", "58-/TW", "12/NĐ\u{301}-CP",
            "12/ǅ-X", "1/2020/NĐ-CP/x", "12/2020/&", "12/.A", "a/B", "", "/", "-", "12-KH/TW/X", "12-KH2/TW",
        ];
        for s in texts {
            let party_c = party_re.captures(s).map(|c| (c.get(1).unwrap().as_str(), c.get(2).unwrap().as_str(), c.get(3).unwrap().as_str()));
            assert_eq!(party(s), party_c, "{s}");
            let state_c = state_re.captures(s).map(|c| (c.get(1).unwrap().as_str(), c.get(2).map(|m| m.as_str()), c.get(3).unwrap().as_str()));
            assert_eq!(state(s), state_c, "{s}");
        }
    }
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
