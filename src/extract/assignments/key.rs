//! The key that groups one agency's records across spellings: abbreviations expanded (`UBND` = `ủy ban nhân
//! dân`, from the lexicon), case and tone placement folded.
use crate::lex::fold::{fold, fold_into};
use crate::lex::lexicon::{Lexicon, Tag};
use std::sync::LazyLock;

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
        match may_abbreviate(&word).then(|| lx.get(w).and_then(|e| e.value(Tag::Abbreviation))).flatten() {
            Some(full) => key.push_str(full),
            None => key.push_str(&word),
        }
    }
    key
}

/// Whether a folded word may be one of the lexicon's abbreviations: no longer than the longest, and made of the
/// bytes they are made of. A word the lexicon reads as an abbreviation folds to it, so it passes; most words of a
/// name (`sở`, `tài`, `chính`) fail at a byte, and are not looked up.
fn may_abbreviate(folded: &str) -> bool {
    static BYTES: LazyLock<([bool; 256], usize)> = LazyLock::new(|| {
        let mut bytes = [false; 256];
        let mut longest = 0;
        for e in Lexicon::global().phrases(Tag::Abbreviation) {
            let f = fold(&e.phrase);
            f.bytes().for_each(|b| bytes[b as usize] = true);
            longest = longest.max(f.len());
        }
        (bytes, longest)
    });
    let (bytes, longest) = &*BYTES;
    folded.len() <= *longest && folded.bytes().all(|b| bytes[b as usize])
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

    /// Every abbreviation of the lexicon, in any case, passes the byte test and is expanded as a lookup of each word
    /// would expand it.
    #[test]
    fn every_abbreviation_passes_the_byte_test() {
        let lx = Lexicon::global();
        for e in lx.phrases(Tag::Abbreviation) {
            for w in [e.phrase.clone(), e.phrase.to_lowercase(), e.phrase.to_uppercase()] {
                assert!(may_abbreviate(&fold(&w)), "{w}");
                assert_eq!(agency_key(&format!("Sở {w}")), format!("sở {}", lx.get(&w).and_then(|e| e.value(Tag::Abbreviation)).unwrap()));
            }
        }
    }
}
