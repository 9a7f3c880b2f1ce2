//! Which paragraphs can assign work at all. Every record names an agency (a head word, a class `các X`, a
//! body named in lower case) or gives a role to the agency an item is addressed to (`Chủ trì ...`, `theo dõi
//! ...`), or is a labelled line; a paragraph with none of these words is not read. Most paragraphs of running
//! text (an encyclopedia page, a legal Q&A) have none, and skipping them spares their tokens.
use crate::lex::fold::{capitalized, other_tone_placement};
use crate::lex::lexicon::{Lexicon, Tag};
use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::LazyLock;

/// The words that a paragraph able to assign work holds one of, in the cases and tone placements they are
/// printed in.
static TRIGGERS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let pats = with_other_placements(cased_patterns());
    AhoCorasick::builder().match_kind(MatchKind::Standard).build(&pats).expect("the trigger automaton builds")
});

/// The trigger words in the cases they are printed in.
fn cased_patterns() -> Vec<String> {
    let lx = Lexicon::global();
    let mut pats: Vec<String> = Vec::new();
    let mut add = |p: &str, lower: bool| {
        // a row may be written in capitals (`VỤ TRƯỞNG`, a title head too): its forms come from the lower case
        let p = &if p.chars().any(char::is_lowercase) { p.to_string() } else { p.to_lowercase() };
        let forms = [capitalized(p), p.to_uppercase(), p.to_string()];
        for form in forms.into_iter().take(if lower { 3 } else { 2 }) {
            if !pats.contains(&form) {
                pats.push(form);
            }
        }
    };
    for e in lx.entries() {
        // a head word opens a name capitalized (`Sở`, `Hội`); in lower case it is another word (`cơ hội`)
        let lower = e.tags.any([Tag::HeadLower, Tag::Opener, Tag::Label, Tag::RoleCue, Tag::ActorNoun].as_slice().into());
        if lower || e.has(Tag::Head) {
            add(&e.phrase, lower);
        } else if e.has(Tag::Abbreviation) {
            add(&e.phrase, false);
        }
        // a class: `các sở`, `những cá nhân`, `tất cả các đơn vị`
        if e.has(Tag::Plural) {
            add(&format!("các {}", e.phrase), true);
            add(&format!("những {}", e.phrase), true);
        }
    }
    // the role words of a clause without an agency of its own (`theo dõi, đôn đốc ...`, `báo cáo ...`; `phối hợp`
    // is a label's phrase, above)
    for e in lx.phrases(Tag::MonitorVerb).chain(lx.phrases(Tag::ReportVerb)) {
        add(&e.phrase, true);
    }
    pats
}

/// `pats` and the other tone placement of each that has one: both placements of a phrase are one lexicon
/// entry, printed either way.
fn with_other_placements(mut pats: Vec<String>) -> Vec<String> {
    // asked once of all the patterns, a line each, not of each pattern (thousands, each asked many replaces): a
    // tone pair is two letters, never across a line break, so each line comes back as it would alone
    let joined = pats.join("\n");
    if let Some(other) = other_tone_placement(&joined) {
        let more: Vec<String> = other.split('\n').zip(&pats).filter(|(o, p)| o != p).map(|(o, _)| o.to_string()).collect();
        pats.extend(more);
    }
    pats
}

/// Whether the text may assign work: it holds a trigger word standing as a word.
pub fn may_assign(text: &str) -> bool {
    let b = text.as_bytes();
    TRIGGERS.find_overlapping_iter(text).any(|m| {
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) && m.end() <= b.len()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triggers_are_found_as_words_in_any_case_and_tone_placement() {
        assert!(may_assign("Giao Sở Tư pháp theo dõi."));
        assert!(may_assign("UỶ BAN NHÂN DÂN TỈNH"));
        assert!(may_assign("- Chủ trì, tổng hợp kết quả."));
        assert!(may_assign("các cơ quan liên quan kịp thời phản ánh"));
        assert!(!may_assign("Hà Nội là thủ đô của nước Việt Nam, nằm bên sông Hồng."));
        assert!(!may_assign("Đây là cơ hội lớn."));
        // `Bản` is no `Ban`
        assert!(!may_assign("Bản đồ"));
    }

    #[test]
    fn the_other_tone_placements_asked_at_once_are_each_pattern_s_own() {
        let cased = cased_patterns();
        assert!(cased.iter().all(|p| !p.contains('\n')));
        let mut one_by_one: Vec<String> = cased.iter().filter_map(|p| other_tone_placement(p)).chain(cased.iter().cloned()).collect();
        let mut at_once = with_other_placements(cased);
        one_by_one.sort();
        at_once.sort();
        assert_eq!(at_once, one_by_one);
        assert!(at_once.iter().any(|p| p.starts_with("Uỷ ban")));
    }
}
