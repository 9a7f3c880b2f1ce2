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
        // only the first few words can be a type word: a paragraph is not lower-cased whole
        // most paragraphs open with a letter no type word opens with (a marker, a digit): no lower-casing then
        static FIRST: LazyLock<Vec<char>> = LazyLock::new(|| DOC_TYPES.iter().filter_map(|(_, _, w)| w.chars().next()).collect());
        let first = s.chars().next()?.to_lowercase().next()?;
        if !FIRST.contains(&first) {
            return None;
        }
        let head = s.char_indices().nth(LONGEST_TYPE_WORD + 1).map_or(s, |(i, _)| &s[..i]);
        let lower = head.to_lowercase();
        for (t, _, w) in DOC_TYPES {
            if lower.starts_with(w) {
                // the word must end at a word boundary
                let rest = &lower[w.len()..];
                if rest.chars().next().is_some_and(|c| c.is_alphanumeric()) {
                    continue;
                }
                // map the matched length back to `s` (lowercasing keeps char counts for Vietnamese)
                let nchars = w.chars().count();
                let len = s.char_indices().nth(nchars).map(|(i, _)| i).unwrap_or(s.len());
                return Some((t.clone(), len));
            }
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
        DOC_TYPES.iter().find(|(_, k, _)| k.to_uppercase() == c).map(|(t, _, _)| t.clone())
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
    #[test]
    fn quy_dinh_codes_fold_to_qyd() {
        assert_eq!(DocType::from_code("QĐi"), Some(DocType::QuyDinh));
        assert_eq!(DocType::QuyDinh.code(), "QyĐ");
    }
}
