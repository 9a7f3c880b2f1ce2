//! The key that groups one agency's records across spellings: abbreviations expanded (`UBND` = `ủy ban nhân
//! dân`, from the lexicon), case and tone placement folded.
use crate::lex::fold::fold;
use crate::lex::lexicon::{Lexicon, Tag};

/// A key for grouping the same agency.
pub fn agency_key(agency: &str) -> String {
    let lx = Lexicon::global();
    let words: Vec<String> = agency
        .split_whitespace()
        .map(|w| match lx.get(w).and_then(|e| e.value(Tag::Abbreviation)) {
            Some(full) => full.to_string(),
            None => fold(w),
        })
        .collect();
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_agency_share_a_key() {
        assert_eq!(agency_key("UBND tỉnh"), agency_key("Ủy ban nhân dân tỉnh"));
        assert_eq!(agency_key("Uỷ ban nhân dân Tỉnh"), agency_key("ỦY BAN NHÂN DÂN TỈNH"));
        assert_eq!(agency_key("Sở VH-TT&DL"), agency_key("Sở Văn hóa, Thể thao và Du lịch"));
    }
}
