//! Lines that open a part of the document whatever the line before them says: the recipients' head (`Nơi
//! nhận:`) and a signing authority (`TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`, `T/M BAN THƯỜNG VỤ`). The layout
//! finds the closing by them, and a line that starts with one never continues the paragraph above.
use regex::Regex;
use std::sync::LazyLock;

/// Signature authority lines, both systems: `TM.`, `KT.`, `TL.`, `TUQ.`, `Q.`, `T/M`, `K/T`, `T/L`.
static AUTHORITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:TM|KT|TL|TUQ|TƯQ|Q|PP)\s*\.\s*\S|(?:T\s*/\s*M|K\s*/\s*T|T\s*/\s*L|T\s*/\s*UQ|Q\s*/\s*)\.?\s+\S)").unwrap()
});
static RECIPIENTS_HEAD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?i:nơi\s+nhận|nơi\s+gửi)\s*:?").unwrap());

/// A signing authority at the start of a cleaned line or paragraph.
pub fn is_authority(clean: &str) -> bool {
    AUTHORITY.is_match(clean)
}

/// `Nơi nhận:` (`Nơi gửi:`) at the start of a cleaned line or paragraph.
pub fn is_recipients_head(clean: &str) -> bool {
    RECIPIENTS_HEAD.is_match(clean)
}
