//! Agency names over a paragraph's tokens: where a name starts (a head word, a lower-case head, `các` + a
//! plural noun), where it ends (a verb or stop word of the lexicon, punctuation), and how a list of them splits
//! (`annotation-schema.md`: at `;` always, at `,`/`và` only where the next part is itself an agency).
use crate::lex::gazetteer::{Gazetteer, Role};
use crate::lex::tokens::phrase;
use crate::lex::lexicon::{Entry, Tag, Tags};
use super::lx::Lx;
use crate::lex::words::Kind;

/// A name found: its tokens `[start, end)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Name {
    pub start: usize,
    pub end: usize,
}

impl Name {
    /// The name as printed (the paragraph's text from its first to its last token).
    pub fn text<'a>(&self, lx: &Lx<'a>) -> &'a str {
        let (s, e) = (lx.toks[self.start].start as usize, lx.toks[self.end - 1].end as usize);
        &lx.text[s..e]
    }
}

/// The most words in one name: a longer run is a sentence, not a name.
const MAX_WORDS: usize = 20;

fn is_cap(lx: &Lx, i: usize) -> bool {
    lx.get(i).is_some_and(|t| t.is_word() && t.is_cap())
}

fn is_lower(lx: &Lx, i: usize) -> bool {
    lx.get(i).is_some_and(|t| t.is_word() && !t.is_cap() && !t.is_number())
}

/// The length (in tokens) of a head at token `i`: what opens an agency.
pub fn head_at(lx: &Lx, i: usize) -> Option<usize> {
    *lx.heads.get(i)?.get_or_init(|| find_head(lx, i))
}

/// [`head_at`], computed.
fn find_head(lx: &Lx, i: usize) -> Option<usize> {
    let t = lx.get(i)?;
    if !t.is_word() {
        return None;
    }
    // a name the gazetteer knows opens here, whatever its words are elsewhere (`Đài Truyền hình Việt Nam`)
    if let Some(n) = known_name_at(lx, i) {
        return Some(n);
    }
    if lx.starts(i, Tag::NotHead) {
        return None;
    }
    // `các`/`Các`/`tất cả các`/`những` + a plural noun: a class
    if let Some(n) = plural_class_at(lx, i) {
        return Some(n);
    }
    // a head in capitals opens a name only as an abbreviation (`UBND`): `ỦY BAN NHÂN DÂN`, `GIÁM ĐỐC` are
    // header and signature lines
    let cased = |e: &&Entry| !t.is_upper() || e.has(Tag::Abbreviation);
    if let Some(e) = lx.entry(i, Tag::HeadLower).filter(cased) {
        return Some(e.len);
    }
    if t.is_cap() {
        if let Some(e) = lx.entry(i, Tag::Head).filter(cased) {
            return Some(e.len);
        }
    }
    gazetteer_head_at(lx, i)
}

/// The length of an agency name the gazetteer knows at token `i`, printed as running text prints it (capitalized;
/// in capitals only as an abbreviation, `UBND tỉnh`: `ỦY BAN NHÂN DÂN TỈNH` is a header line).
pub fn known_name_at(lx: &Lx, i: usize) -> Option<usize> {
    *lx.known.get(i)?.get_or_init(|| find_known_name(lx, i))
}

/// [`known_name_at`], computed.
fn find_known_name(lx: &Lx, i: usize) -> Option<usize> {
    let t = lx.get(i)?;
    if !t.is_cap() || t.is_upper() && !lx.starts(i, Tag::Abbreviation) {
        return None;
    }
    // a body or an office with a proper name in it (`Ban Quản lý Khu kinh tế`); a class (`Các cơ quan, đơn vị`) or
    // a generic name (`Cơ quan thường trực`) is the lexicon's to read, its extent set by the words after it
    let f = Gazetteer::global().name_at(lx, i).filter(|f| f.role != Role::Class)?;
    (i + 1..i + f.len).any(|k| is_cap(lx, k)).then_some(f.len)
}

/// A head word the gazetteer has and the lexicon does not read otherwise (`Hiệp hội Doanh nghiệp tỉnh`),
/// capitalized and followed by a capitalized word, the proper name it opens: `Tổ chức` and `Tổng` open names
/// too, but a capitalized verb at a sentence's start (`Tổng kết`) is followed by lower case.
fn gazetteer_head_at(lx: &Lx, i: usize) -> Option<usize> {
    let t = lx.get(i)?;
    if !t.is_cap() || t.is_upper() {
        return None;
    }
    let n = Gazetteer::global().head_at(lx, i)?.len;
    let lexicon_reads_it = lx.lexicon().matches_at(&lx.toks, i).any(|e| e.len >= n);
    (!lexicon_reads_it && is_cap(lx, i + n) && !lx.get(i + n).is_some_and(|t| t.is_upper())).then_some(n)
}

/// `các sở`, `Các cơ quan`, `tất cả các đơn vị`, `những cá nhân`: the length of the determiner.
fn plural_class_at(lx: &Lx, i: usize) -> Option<usize> {
    let det = lx.entry(i, Tag::Determiner)?.len;
    // `các Phó Thủ tướng`, `các Bộ trưởng`: the holders of an office, capitalized, are a class too
    (lx.starts(i + det, Tag::Plural) || lx.get(i + det).is_some_and(|t| t.is_cap()) && lx.starts(i + det, Tag::Head)).then_some(det)
}

/// A bare plural noun of two words or more at token `i` (`doanh nghiệp`, `đơn vị`): after a named agency it
/// opens another (`Bộ Công an, doanh nghiệp đồng hành`).
fn bare_plural_at(lx: &Lx, i: usize) -> Option<usize> {
    if !is_lower(lx, i) {
        return None;
    }
    lx.entry(i, Tag::Plural).filter(|e| e.len >= 2).map(|e| e.len)
}

/// A word that ends a name: a verb or stop word of the lexicon in lower case, not a qualifier of the name
/// (`cùng cấp`, `có liên quan`).
pub fn stop_at(lx: &Lx, i: usize) -> bool {
    is_lower(lx, i) && lx.starts(i, [Tag::Verb, Tag::Stop].as_slice()) && !lx.starts(i, Tag::Qualifier)
}

/// Whether a verb (not a mere stop word) starts at token `i`, an adverb allowed first (`kịp thời phản ánh`).
pub fn verb_at(lx: &Lx, i: usize) -> bool {
    let i = skip_adverbs(lx, i);
    stop_at(lx, i) && lx.starts(i, Tag::Verb) && !only_stop(lx, i) || lx.has(i, phrase!("có trách nhiệm")) || lx.has(i, phrase!("tổ chức"))
}

/// Whether the longest phrase at `i` among verbs and stop words is a stop word only.
fn only_stop(lx: &Lx, i: usize) -> bool {
    lx.entry(i, [Tag::Verb, Tag::Stop].as_slice()).is_some_and(|e| e.has(Tag::Stop) && !e.has(Tag::Verb))
}

/// Past the adverbs at token `i` (`tiếp tục`, `kịp thời`).
pub fn skip_adverbs(lx: &Lx, mut i: usize) -> usize {
    while let Some(e) = lx.entry(i, Tag::Adverb) {
        i += e.len;
    }
    i
}

/// A modal duty at token `i`, adverbs allowed first (`phải`, `có trách nhiệm`), that is no condition to meet
/// (`phải là`, `phải được`, `phải có`).
pub fn modal_duty_at(lx: &Lx, i: usize) -> bool {
    let i = skip_adverbs(lx, i);
    lx.entry(i, Tag::ModalDuty).is_some_and(|e| !lx.starts(i + e.len, Tag::Requirement))
}

/// The most words in the subject of a modal duty named by an actor noun.
const MAX_SUBJECT_WORDS: usize = 20;

/// The subject of a modal duty opened by an actor noun the head words do not read (`khách hàng phải trả ...`,
/// `lưu trữ lịch sử của Đảng ở cấp tỉnh có trách nhiệm ...`, `Tổ chức kiểm định có trách nhiệm ...`): the
/// token of the duty that ends it. The noun must be the longest phrase at `i` (`tổ chức triển khai`, `ban
/// hành` are verbs); the subject runs to the first modal duty of its clause, over a relative clause
/// (`cơ quan, tổ chức đã xác định bí mật nhà nước có trách nhiệm`), but not over a condition (`thì`, `khi`), a
/// power (`có quyền`), brackets or a clause's end, nor to a duty joined to another verb (`... và phải`).
pub fn actor_subject_at(lx: &Lx, i: usize, end: usize) -> Option<usize> {
    let e = lx.entry(i, Tag::ActorNoun)?;
    // (a longer phrase that only says the words name no actor, `Cơ quan, tổ chức, cá nhân có ...` before `quyền`,
    // is this rule's to judge: a power stops it below)
    if !lx.toks[i].is_word() || lx.lexicon().matches_at(&lx.toks, i).any(|m| m.len > e.len && m.tags != Tags::of(&[Tag::NotHead])) {
        return None;
    }
    let mut words = 0;
    for k in i + e.len..end {
        let t = lx.toks[k];
        match t.kind {
            // a list of actors (`cơ quan, tổ chức`), not a clause after a comma (`..., trong đó phải`)
            Kind::Punct(',') if !(lx.starts(k + 1, [Tag::ActorNoun, Tag::Plural].as_slice()) || head_at(lx, k + 1).is_some()) => return None,
            Kind::Punct(',' | '-' | '/') => continue,
            Kind::Punct(_) => return None,
            _ => {}
        }
        if modal_duty_at(lx, k) {
            // the word before the duty is a noun of the subject, not a joint or a negation (`và phải`, `không phải`)
            let last = k - 1;
            let joint = lx.starts(last, Tag::Conjunction) || only_stop(lx, last);
            // `phải` also qualifies a noun (`số thuế phải nộp`, `các cơ sở là đối tượng phải kiểm kê`): after a
            // subject with a verb in it, it may be the object's; `có trách nhiệm` is always the subject's
            let object_modal = lx.has(skip_adverbs(lx, k), phrase!("phải")) && (i + e.len..k).any(|j| lx.starts(j, Tag::Verb) && !only_stop(lx, j));
            return (lx.toks[last].is_word() && !joint && !object_modal).then_some(k);
        }
        if lx.starts(k, [Tag::Fronted, Tag::ClauseCue].as_slice()) || lx.has(k, phrase!("có quyền")) {
            return None;
        }
        words += 1;
        if words > MAX_SUBJECT_WORDS {
            return None;
        }
    }
    None
}

/// Whether `[start, end)` opens a class of actors (`các cơ quan`, `Cấp ủy`, `Người đứng đầu`), so that a
/// lower-case noun after a comma goes on with it.
fn class_like(lx: &Lx, start: usize, end: usize) -> bool {
    lx.starts(start, Tag::ClassHead)
        || plural_class_at(lx, start).is_some()
        || lx.entry(start, Tag::BareClassHead).is_some_and(|e| end == start + e.len)
        || (start + 1..end).any(|k| lx.has(k, phrase!("các")))
}

/// Whether the words after a comma at token `j` go on with the name `[start, j)`: a level (`cấp xã`), a
/// lower-case noun inside a class (`các cấp ủy, tổ chức đảng`), or a noun repeated from the name
/// (`Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ`).
fn continues_after_comma(lx: &Lx, start: usize, j: usize) -> bool {
    if lx.has(j, phrase!("cấp")) {
        return true;
    }
    if !is_lower(lx, j) || lx.starts(j, Tag::ProperLower) || plural_class_at(lx, j).is_some() || stop_at(lx, j) {
        return false;
    }
    let noun = lx.starts(j, [Tag::Plural, Tag::ClassNoun].as_slice());
    if noun && class_like(lx, start, j - 1) {
        return true;
    }
    // a noun the name already holds after its head: the head governs both
    lx.entry(j, Tag::Plural).is_some_and(|e| {
        (start + 1..j).any(|k| (0..e.len).all(|m| lx.get(k + m).zip(lx.get(j + m)).is_some_and(|(a, b)| a.word == b.word && a.is_word())))
    })
}

/// One name starting at a head of `h` tokens at `i`, up to `end`: its end token.
fn one_name(lx: &Lx, i: usize, h: usize, end: usize) -> usize {
    let is_class = plural_class_at(lx, i).is_some();
    let mut j = i + h;
    // a complete head (`Ủy ban nhân dân`) or one in lower case (`cấp có thẩm quyền`) is a whole noun phrase: a
    // verb may follow at once; after another head (`Sở`, `Cơ quan`, `Người đứng đầu`) the name goes on
    let complete = lx.entry(i, [Tag::Head, Tag::HeadLower].as_slice()).is_some_and(|e| e.len == h && e.has(Tag::Complete));
    // a name the gazetteer knows is whole: a verb may follow at once
    let known = known_name_at(lx, i) == Some(h);
    let mut words = usize::from((complete || known || !is_cap(lx, i)) && !is_class);
    while j < end {
        let t = lx.toks[j];
        match t.kind {
            // `Đài Truyền hình Việt Nam, Thông tấn xã Việt Nam`: a known name ends before a comma and a capital
            Kind::Punct(',') if known && j == i + h && is_cap(lx, j + 1) => break,
            Kind::Punct(',') => {
                let after = j + 1;
                if continues_after_comma(lx, i, after) {
                    j = after + 1;
                    words += 1;
                    continue;
                }
                if head_at(lx, after).is_some() || !is_class && bare_plural_at(lx, after).is_some() {
                    break;
                }
                // `các cơ quan, đơn vị, địa phương`: plural nouns go on with one class; `Sở Văn hóa, Thể thao và
                // Du lịch`: a capitalized word goes on with a name
                let continues = lx.starts(after, Tag::Plural) && is_lower(lx, after) || is_cap(lx, after) && !stop_at(lx, after);
                if !continues {
                    break;
                }
                j = after;
            }
            // `chính trị - xã hội`, `Tài chính - Kế hoạch`, `TT&TT`
            Kind::Punct('-' | '–' | '&') if words > 0 && lx.get(j + 1).is_some_and(|n| n.is_word()) && !stop_at(lx, j + 1) => j += 1,
            Kind::Punct(_) => break,
            Kind::Word => {
                if lx.starts(j, Tag::Conjunction) {
                    let after = j + 1;
                    if head_at(lx, after).is_some() {
                        break;
                    }
                    // `Ủy ban nhân dân các xã, phường và đặc khu`: a plural noun goes on with a class
                    let in_class = is_class || (i..j).any(|k| lx.has(k, phrase!("các")));
                    let continues = in_class && lx.starts(after, Tag::Plural) && is_lower(lx, after) || is_cap(lx, after) && !stop_at(lx, after);
                    if !continues {
                        break;
                    }
                    j = after;
                    continue;
                }
                // `Ủy ban MTTQ Việt Nam cấp trên`, `... nêu trên`, `... có liên quan`: a level or a qualifier, whatever
                // its words are elsewhere
                if let Some(e) = lx.entry(j, [Tag::Level, Tag::Qualifier].as_slice()).filter(|_| words > 0 || !is_class) {
                    j += e.len;
                    words += 2;
                    continue;
                }
                // `Giao Sở X Khẩn trương ...`: an adverb, even capitalized, is no part of a name
                if words > 0 && t.is_cap() && lx.starts(j, Tag::Adverb) {
                    break;
                }
                // a syllable right after a capitalized one is the rest of a compound of the name (`Đào tạo`,
                // `Chương trình`), whatever it is alone; a verb of two syllables or more ends the name still
                // (a capital letter alone is a placeholder, `Bộ C được giới thiệu`, no syllable of a compound; a
                // stop word is none either: `Văn phòng Trung ương Đảng có chức năng`, `... của Đảng được tổ chức`)
                let compound_tail = is_cap(lx, j - 1) && lx.text(j - 1).chars().nth(1).is_some() && lx.entry(j, [Tag::Verb, Tag::Stop].as_slice()).is_some_and(|e| e.len == 1) && !only_stop(lx, j);
                // a stop word right after the head ends it too (`Cán bộ có trình độ ...`, `Lưu trữ được ...`)
                let bare_stop = words == 0 && stop_at(lx, j) && only_stop(lx, j);
                if words > 0 && stop_at(lx, j) && !compound_tail || bare_stop || words > MAX_WORDS {
                    break;
                }
                // the hazard of `tổ chức`: a noun after `các`/`và`/a comma or before `chính trị`, else a verb
                let after_joint = j > 0 && (lx.has(j - 1, phrase!("và")) || lx.toks[j - 1].is_punct(','));
                if words > 0 && !after_joint && !t.is_cap() && lx.has(j, phrase!("tổ chức")) && !(is_lower(lx, j + 2) && !lx.starts(j + 2, Tag::NotHead) && lx.starts(j + 2, Tag::OrganizationKind)) {
                    break;
                }
                words += 1;
                j += 1;
            }
        }
    }
    // `cơ quan chủ trì`, `đơn vị phối hợp`: the lead or partner body as a noun, not a role given here
    if let Some(role) = lx.entry(j, Tag::RoleVerb).filter(|_| j == i + h && lx.starts(i, Tag::GenericBody)) {
        j += role.len;
    }
    j
}

/// A list of agencies starting at token `i` (before `end`): the names and the token after the list.
pub fn list_at(lx: &Lx, i: usize, end: usize) -> (Vec<Name>, usize) {
    let mut out = Vec::new();
    let mut pos = i;
    // after a named agency a bare plural noun opens the next one; after a class it continues the class
    let mut bare_plural_ok = false;
    // after a name the gazetteer knows, a comma and a capitalized word open the next name, whatever its head
    let mut after_known = false;
    loop {
        let next_name = || is_cap(lx, pos) && !stop_at(lx, pos) && !lx.starts(pos, Tag::Adverb);
        let Some(h) = head_at(lx, pos).or_else(|| bare_plural_ok.then(|| bare_plural_at(lx, pos)).flatten()).or_else(|| (after_known && next_name()).then_some(1)) else { break };
        let e = one_name(lx, pos, h, end);
        after_known = known_name_at(lx, pos) == Some(h) && e == pos + h;
        let name = Name { start: pos, end: trim_end(lx, pos, e) };
        if name.end > name.start {
            out.push(name);
        }
        bare_plural_ok = plural_class_at(lx, pos).is_none();
        pos = e;
        // the separator to the next agency of the list
        let sep = match lx.get(pos) {
            Some(t) if t.is_punct(',') || t.is_punct(';') => 1,
            Some(t) if t.is_word() && lx.starts(pos, Tag::Conjunction) => 1,
            _ => break,
        };
        let next = pos + sep;
        let comma = sep == 1 && lx.toks[pos].is_punct(',');
        if next >= end || head_at(lx, next).is_none() && !(bare_plural_ok && comma && bare_plural_at(lx, next).is_some()) && !(after_known && comma && is_cap(lx, next)) {
            break;
        }
        pos = next;
    }
    (out, pos)
}

/// The end of a name without trailing punctuation or joints.
fn trim_end(lx: &Lx, start: usize, mut end: usize) -> usize {
    while end > start && (lx.toks[end - 1].kind != Kind::Word || lx.starts(end - 1, Tag::Conjunction)) {
        end -= 1;
    }
    end
}

/// Whether tokens `[i, end)` are nothing but a list of agencies (`các cơ quan, đơn vị, sở, ngành;`).
pub fn list_only(lx: &Lx, i: usize, end: usize) -> bool {
    let (names, used) = list_at(lx, i, end);
    !names.is_empty() && (used..end).all(|k| lx.toks[k].kind != Kind::Word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(t: &str) -> Vec<String> {
        let lx = Lx::new(t);
        let (n, _) = list_at(&lx, 0, lx.len());
        n.iter().map(|n| n.text(&lx).to_string()).collect()
    }

    #[test]
    fn lists_split_only_before_head_words() {
        assert_eq!(names("Sở Văn hóa, Thể thao và Du lịch làm tốt"), ["Sở Văn hóa, Thể thao và Du lịch"]);
        assert_eq!(names("Sở Nội vụ, Sở Tư pháp."), ["Sở Nội vụ", "Sở Tư pháp"]);
        assert_eq!(names("Các Sở, ngành, đơn vị, UBND cấp xã."), ["Các Sở, ngành, đơn vị", "UBND cấp xã"]);
        assert_eq!(names("Mặt trận Tổ quốc, các tổ chức chính trị - xã hội tỉnh"), ["Mặt trận Tổ quốc", "các tổ chức chính trị - xã hội tỉnh"]);
    }

    #[test]
    fn a_head_shared_by_a_repeated_noun_keeps_one_name() {
        // tnt_CD_226-CD-TTg_858c0de4.md
        assert_eq!(
            names("các Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương nêu trên tập trung thực hiện"),
            ["các Bộ trưởng", "Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ", "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương nêu trên"]
        );
        // tnt_KH_308-KH-UBND_8e9a425d.md: a bare plural after a named agency is another actor
        assert_eq!(names("Bộ Khoa học và Công nghệ, doanh nghiệp đồng hành để xây dựng"), ["Bộ Khoa học và Công nghệ", "doanh nghiệp đồng hành"]);
    }

    #[test]
    fn a_name_ends_at_a_verb() {
        assert_eq!(names("Người đứng đầu đơn vị soạn thảo văn bản phải kiểm tra"), ["Người đứng đầu đơn vị soạn thảo văn bản"]);
        assert_eq!(names("các đơn vị dự trữ quốc gia sẵn sàng phương tiện"), ["các đơn vị dự trữ quốc gia"]);
    }
}
