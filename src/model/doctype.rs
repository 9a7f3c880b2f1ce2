//! Document types: the type word printed in a title (`KẾ HOẠCH`) and its code (`KH`).
use std::sync::LazyLock;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The type of a Vietnamese administrative or legal document.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum DocType {
    KeHoach,
    NghiQuyet,
    QuyetDinh,
    QuyDinh,
    ChiThi,
    KetLuan,
    HuongDan,
    ThongBao,
    ThongCao,
    BaoCao,
    ChuongTrinh,
    DeAn,
    PhuongAn,
    DuAn,
    ToTrinh,
    CongVan,
    CongDien,
    Luat,
    BoLuat,
    PhapLenh,
    NghiDinh,
    ThongTu,
    ThongTuLienTich,
    ThongTri,
    QuyChe,
    BienBan,
    HopDong,
    GiayMoi,
    KeHoachLienTich,
    HienPhap,
    /// A type outside the table: the type word as printed (`Chiến lược`, `Đề cương`, `Điều lệ`).
    Other(String),
}

/// (type, code, type word in NFC lower case). The first word listed for a type is its canonical name.
/// Longer words come before their prefixes so that `thông tư liên tịch` wins over `thông tư`.
pub(crate) const DOC_TYPES: &[(DocType, &str, &str)] = &[
    (DocType::ThongTuLienTich, "TTLT", "thông tư liên tịch"),
    (DocType::ChuongTrinh, "CTr", "chương trình hành động"),
    (DocType::ChuongTrinh, "CTr", "chương trình"),
    (DocType::KeHoach, "KH", "kế hoạch"),
    (DocType::NghiQuyet, "NQ", "nghị quyết"),
    (DocType::QuyetDinh, "QĐ", "quyết định"),
    (DocType::QuyDinh, "QyĐ", "quy định"),
    (DocType::ChiThi, "CT", "chỉ thị"),
    (DocType::KetLuan, "KL", "kết luận"),
    (DocType::HuongDan, "HD", "hướng dẫn"),
    (DocType::ThongBao, "TB", "thông báo"),
    (DocType::ThongCao, "TC", "thông cáo"),
    (DocType::BaoCao, "BC", "báo cáo"),
    (DocType::DeAn, "ĐA", "đề án"),
    (DocType::PhuongAn, "PA", "phương án"),
    (DocType::DuAn, "DA", "dự án"),
    (DocType::ToTrinh, "TTr", "tờ trình"),
    (DocType::CongVan, "CV", "công văn"),
    (DocType::CongDien, "CĐ", "công điện"),
    (DocType::BoLuat, "BL", "bộ luật"),
    (DocType::Luat, "L", "luật"),
    (DocType::PhapLenh, "PL", "pháp lệnh"),
    (DocType::NghiDinh, "NĐ", "nghị định"),
    (DocType::ThongTu, "TT", "thông tư"),
    (DocType::ThongTri, "TTri", "thông tri"),
    (DocType::QuyChe, "QC", "quy chế"),
    (DocType::BienBan, "BB", "biên bản"),
    (DocType::HopDong, "HĐ", "hợp đồng"),
    (DocType::GiayMoi, "GM", "giấy mời"),
    (DocType::HienPhap, "HP", "hiến pháp"),
];

/// Characters of the longest type word (`thông tư liên tịch`, `chương trình hành động`).
const LONGEST_TYPE_WORD: usize = 24;

impl DocType {
    /// The annotation code (`KH`, `QĐ`, `QyĐ`, `CV`, `L`); for [`DocType::Other`] the word as printed.
    pub fn code(&self) -> &str {
        if let DocType::Other(s) = self {
            return s;
        }
        if *self == DocType::KeHoachLienTich {
            return "KHLT";
        }
        DOC_TYPES.iter().find(|(t, _, _)| t == self).map(|(_, c, _)| *c).unwrap_or("?")
    }

    /// The canonical Vietnamese type word (`Kế hoạch`).
    pub fn name(&self) -> String {
        if let DocType::Other(s) = self {
            return s.clone();
        }
        if *self == DocType::KeHoachLienTich {
            return "Kế hoạch liên tịch".into();
        }
        let w = DOC_TYPES.iter().find(|(t, _, _)| t == self).map(|(_, _, w)| *w).unwrap_or("");
        let mut c = w.chars();
        match c.next() {
            Some(f) => f.to_uppercase().chain(c).collect(),
            None => String::new(),
        }
    }

    /// From a type word at the start of `s` (any case): `KẾ HOẠCH`, `Nghị quyết`. Returns the type and the
    /// byte length of the word matched in `s`.
    pub fn from_word_prefix(s: &str) -> Option<(DocType, usize)> {
        // the type words as characters, compared with the lower case of `s`'s first characters as far as each word
        // goes: most paragraphs differ from every type word in their first letters, so neither a lower-cased copy
        // of the paragraph's head nor a comparison of whole words
        static WORDS: LazyLock<Vec<Vec<char>>> = LazyLock::new(|| DOC_TYPES.iter().map(|(_, _, w)| w.chars().collect()).collect());
        // the type words by their first character, each list in the order of `DOC_TYPES` (the first match wins): a
        // paragraph is compared with the words its first character opens only, as any other fails at once
        static BY_FIRST: LazyLock<Vec<(char, Vec<usize>)>> = LazyLock::new(|| {
            let mut by: Vec<(char, Vec<usize>)> = Vec::new();
            for (k, w) in WORDS.iter().enumerate() {
                match by.iter_mut().find(|(c, _)| *c == w[0]) {
                    Some((_, ks)) => ks.push(k),
                    None => by.push((w[0], vec![k])),
                }
            }
            by
        });
        let mut lower = ['\0'; LONGEST_TYPE_WORD + 1];
        let mut known = 0;
        let mut lowered = s.chars().flat_map(char::to_lowercase);
        // the `i`th character of `s` lower-cased, as in `str::to_lowercase` (final sigma aside: no type word has one)
        let mut lower_at = |i: usize| -> Option<char> {
            while known <= i {
                lower[known] = lowered.next()?;
                known += 1;
            }
            Some(lower[i])
        };
        let first = lower_at(0)?;
        let (_, opened) = BY_FIRST.iter().find(|(c, _)| *c == first)?;
        for &k in opened {
            let ((t, _, _), w) = (&DOC_TYPES[k], &WORDS[k]);
            if !w.iter().enumerate().skip(1).all(|(i, c)| lower_at(i) == Some(*c)) {
                continue;
            }
            // the word must end at a word boundary
            if lower_at(w.len()).is_some_and(|c| c.is_alphanumeric()) {
                continue;
            }
            // map the matched length back to `s` (lowercasing keeps char counts for Vietnamese)
            let len = s.char_indices().nth(w.len()).map(|(i, _)| i).unwrap_or(s.len());
            return Some((t.clone(), len));
        }
        None
    }

    /// From an annotation or symbol code (`KH`, `QĐ`, `NĐ`, `CTr`); case-insensitive, `Ð` folded.
    pub fn from_code(code: &str) -> Option<DocType> {
        let c = code.replace('Ð', "Đ").to_uppercase();
        let c = c.as_str();
        // symbol-only spellings of the same types
        let alias = match c {
            "QĐI" | "QYĐ" => Some(DocType::QuyDinh),
            "CTR" => Some(DocType::ChuongTrinh),
            "TTRI" => Some(DocType::ThongTri),
            "KHLT" => Some(DocType::KeHoachLienTich),
            "QH" => Some(DocType::Luat),
            _ => None,
        };
        if alias.is_some() {
            return alias;
        }
        // the codes upper-cased once, not for each entry at each call
        static UPPER: LazyLock<Vec<String>> = LazyLock::new(|| DOC_TYPES.iter().map(|(_, k, _)| k.to_uppercase()).collect());
        DOC_TYPES.iter().zip(UPPER.iter()).find(|(_, k)| *k == c).map(|((t, _, _), _)| t.clone())
    }
}

impl Serialize for DocType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for DocType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        if s == "KHLT" {
            return Ok(DocType::KeHoachLienTich);
        }
        Ok(DOC_TYPES
            .iter()
            .find(|(_, k, _)| *k == s)
            .map(|(t, _, _)| t.clone())
            .unwrap_or(DocType::Other(s)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn type_word_prefix_prefers_longest_word() {
        assert_eq!(DocType::from_word_prefix("THÔNG TƯ LIÊN TỊCH về").unwrap().0, DocType::ThongTuLienTich);
        assert_eq!(DocType::from_word_prefix("KẾ HOẠCH").unwrap(), (DocType::KeHoach, "KẾ HOẠCH".len()));
        assert!(DocType::from_word_prefix("Luậtsư").is_none());
        assert!(DOC_TYPES.iter().all(|(_, _, w)| w.chars().count() <= LONGEST_TYPE_WORD));
        assert_eq!(DocType::from_word_prefix("Chương trình hành động số 12 của Tỉnh ủy").unwrap().0, DocType::ChuongTrinh);
    }
    /// The former way: lower-case the first characters, compare whole words.
    fn head_lowered(s: &str) -> Option<(DocType, usize)> {
        let head = s.char_indices().nth(LONGEST_TYPE_WORD + 1).map_or(s, |(i, _)| &s[..i]);
        let lower = head.to_lowercase();
        DOC_TYPES.iter().find(|(_, _, w)| lower.starts_with(w) && !lower[w.len()..].chars().next().is_some_and(char::is_alphanumeric)).map(|(t, _, w)| {
            (t.clone(), s.char_indices().nth(w.chars().count()).map_or(s.len(), |(i, _)| i))
        })
    }

    #[test]
    fn every_type_word_and_code_is_found_as_before() {
        // the codes as they were compared: each upper-cased at each call
        let former_code = |code: &str| {
            let c = code.replace('Ð', "Đ").to_uppercase();
            match c.as_str() {
                "QĐI" | "QYĐ" => Some(DocType::QuyDinh),
                "CTR" => Some(DocType::ChuongTrinh),
                "TTRI" => Some(DocType::ThongTri),
                "KHLT" => Some(DocType::KeHoachLienTich),
                "QH" => Some(DocType::Luat),
                _ => DOC_TYPES.iter().find(|(_, k, _)| k.to_uppercase() == c).map(|(t, _, _)| t.clone()),
            }
        };
        for (_, k, w) in DOC_TYPES {
            for s in [w.to_string(), w.to_uppercase(), format!("{w} số 1"), format!("{w}x"), format!("x{w}")] {
                assert_eq!(DocType::from_word_prefix(&s), head_lowered(&s), "{s}");
            }
            for c in [k.to_string(), k.to_lowercase(), k.replace('Đ', "Ð"), format!("{k}X")] {
                assert_eq!(DocType::from_code(&c), former_code(&c), "{c}");
            }
        }
    }

    #[test]
    fn type_word_found_as_in_the_lower_cased_head() {
        let cases = [
            "THÔNG TƯ LIÊN TỊCH về", "Thông tư số 12", "THÔNG TIN", "Thông", "QUY ĐỊNH", "Quyết định:", "Quy chếx", "luật",
            "Luật Đất đai", "LUẬTSƯ", "Chương trình hành động", "CHƯƠNG TRÌNH HÀNH ĐỘNGx", "tờ trình", "İ luật", "ΣΣ", "", "1. Kế hoạch",
        ];
        for c in cases {
            assert_eq!(DocType::from_word_prefix(c), head_lowered(c), "{c}");
        }
    }

    #[test]
    fn quy_dinh_codes_fold_to_qyd() {
        assert_eq!(DocType::from_code("QĐi"), Some(DocType::QuyDinh));
        assert_eq!(DocType::QuyDinh.code(), "QyĐ");
    }
}
