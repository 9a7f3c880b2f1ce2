//! The key that groups one agency's records across spellings: abbreviations expanded (`UBND` = `ủy ban nhân
//! dân`, from the lexicon), case and tone placement folded.
use crate::lex::fold::fold_into;
use crate::lex::lexicon::{Lexicon, Tag};

/// A key for grouping the same agency.
pub fn agency_key(agency: &str) -> String {
    let lx = Lexicon::global();
    let mut key = String::with_capacity(agency.len() + 8);
    let mut word = String::new();
    for w in agency.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        fold_into(w, &mut word);
        match lx.may_spell(&word, Tag::Abbreviation).then(|| lx.get(w).and_then(|e| e.value(Tag::Abbreviation))).flatten() {
            Some(full) => key.push_str(full),
            None => key.push_str(&word),
        }
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lex::fold::fold;

    #[test]
    fn spellings_of_one_agency_share_a_key() {
        assert_eq!(agency_key("UBND tỉnh"), agency_key("Ủy ban nhân dân tỉnh"));
        assert_eq!(agency_key("Uỷ ban nhân dân Tỉnh"), agency_key("ỦY BAN NHÂN DÂN TỈNH"));
        assert_eq!(agency_key("Sở VH-TT&DL"), agency_key("Sở Văn hóa, Thể thao và Du lịch"));
    }

    /// Every abbreviation of the lexicon, in any case, passes the lexicon's spelling test and is expanded as a lookup
    /// of each word would expand it.
    #[test]
    fn every_abbreviation_passes_the_spelling_test() {
        let lx = Lexicon::global();
        for e in lx.phrases(Tag::Abbreviation) {
            for w in [e.phrase.clone(), e.phrase.to_lowercase(), e.phrase.to_uppercase()] {
                assert!(lx.may_spell(&fold(&w), Tag::Abbreviation), "{w}");
                assert_eq!(agency_key(&format!("Sở {w}")), format!("sở {}", lx.get(&w).and_then(|e| e.value(Tag::Abbreviation)).unwrap()));
            }
        }
    }
}
