//! Clauses of a paragraph: where work is assigned. A clause ends at `;`, `.`, `:` (outside brackets); an
//! opener after a comma (`..., yêu cầu Giám đốc sở ...`), an agency after a fronted phrase (`Căn cứ ..., các sở
//! ... có trách nhiệm`) or after `vướng mắc` starts a new one.
use super::agency::{actor_subject_at, head_at, modal_duty_at, list_at, list_only, skip_adverbs, verb_at};
use crate::lex::lexicon::Tag;
use super::lx::Lx;
use crate::lex::words::Kind;

/// The token indexes where the clauses of `[from, to)` start (the first is `from`).
pub fn starts(lx: &Lx, from: usize, to: usize) -> Vec<usize> {
    let mut v = vec![from];
    let mut depth = 0usize;
    let mut i = from;
    while i < to {
        let t = lx.toks[i];
        match t.kind {
            Kind::Punct('(') => depth += 1,
            Kind::Punct(')') => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > 0 {
            i += 1;
            continue;
        }
        let clause = *v.last().unwrap();
        match t.kind {
            // a full stop inside a number (`3.300.000`) ends nothing
            Kind::Punct('.') if i > from && lx.toks[i - 1].is_number() && lx.get(i + 1).is_some_and(|n| n.is_number()) => {}
            Kind::Punct(';' | '.' | ':') => {
                if i + 1 < to {
                    v.push(i + 1);
                }
            }
            Kind::Punct(',') => {
                let next = i + 1;
                // `phải hướng dẫn, yêu cầu các đơn vị ...`: verbs of one subject, not a new clause
                let opener = lx.starts(next, Tag::Opener) && !lx.toks[next].is_cap() && !last_is_verb(lx, clause, i);
                // `Căn cứ nội dung Kế hoạch ..., các sở, ngành ... có trách nhiệm`
                let fronted = || lx.starts(skip_bullets(lx, clause), Tag::Fronted) && !(clause..i).any(|k| lx.toks[k].is_punct(','));
                if next < to && (opener || head_at(lx, next).is_some() && (fronted() || duty_follows(lx, clause, i, next, to)) || actor_follows(lx, clause, i, next, to, fronted)) {
                    v.push(next);
                }
            }
            // what follows asks for a clause cue or a request at the word: most words open neither, and one walk of
            // the lexicon for both tags turns them away (neither lookup below can find a phrase it does not see)
            Kind::Word if i > clause && lx.starts(i, [Tag::ClauseCue, Tag::Request].as_slice()) => {
                // `nếu có khó khăn, vướng mắc các cơ quan ...`, `..., vướng mắc đề nghị các sở ...`
                let cue = lx.entry(i, Tag::ClauseCue).map(|e| i + e.len);
                if let Some(after) = cue {
                    let after = after + usize::from(lx.get(after).is_some_and(|t| t.is_punct(',')));
                    if after < to && (head_at(lx, after).is_some() || lx.starts(after, Tag::Opener) || actor_subject_at(lx, after, to).is_some()) {
                        v.push(after);
                        i = after;
                        continue;
                    }
                }
                // `..., đề nghị các sở ...` in the middle of a clause: a request this document makes, unless the
                // actor sends it (`gửi văn bản đề nghị Bộ trưởng ...`) or it follows the issuer (`Ủy ban nhân dân
                // tỉnh yêu cầu các cơ quan ...`, read whole)
                if mid_request(lx, clause, i, to) {
                    v.push(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    v.dedup();
    v
}

/// `Đối với các khiếu nại, tố cáo ..., Ban Thường trực UBMTTQ xã phải kịp thời ...`: after a comma at `comma`, a list
/// of agencies at `next` that a duty follows opens a clause, when what comes before is no agency of its own.
fn duty_follows(lx: &Lx, clause: usize, comma: usize, next: usize, to: usize) -> bool {
    let first = skip_bullets(lx, clause);
    if head_at(lx, first).is_some() || list_only(lx, first, comma) {
        return false;
    }
    // a modal duty only: `phối hợp với Sở A, Sở B triển khai ...` names partners, and `..., Đảng ủy Công an Trung
    // ương được giao nộp ...` describes
    let (names, used) = list_at(lx, next, to);
    !names.is_empty() && lx.starts(skip_adverbs(lx, used), Tag::ModalDuty)
}

/// `Trong thời hạn 10 năm, lưu trữ lịch sử của Đảng phải ...`, `..., khách hàng phải trả ...`: after a comma at
/// `comma`, an actor noun that a modal duty follows opens a clause, after a fronted phrase or a clause of its
/// own; not inside the subject's own list (`cơ quan, tổ chức đã xác định ... có trách nhiệm`, read from its
/// start) nor after a list of agencies it goes on with.
fn actor_follows(lx: &Lx, clause: usize, comma: usize, next: usize, to: usize, fronted: impl Fn() -> bool) -> bool {
    // `... của cá nhân, tổ chức phải ...`: a comma inside a list of actor nouns opens nothing
    let in_list = (1..=3).any(|n| comma >= n && lx.entry(comma - n, Tag::ActorNoun).is_some_and(|e| e.len == n));
    if in_list || actor_subject_at(lx, next, to).is_none() {
        return false;
    }
    let first = skip_bullets(lx, clause);
    // a clause with its own duty before the comma (`X có trách nhiệm trình ..., lưu trữ ... có trách nhiệm ...`),
    // or one whose start names no actor and hands no work to the list (`Trường hợp ..., khách hàng phải ...`,
    // but `giao cấp ủy, tổ chức đảng ... có trách nhiệm`)
    let names_actor = head_at(lx, first).is_some() || actor_subject_at(lx, first, to).is_some() || lx.starts(first, Tag::Opener);
    fronted() || (first..comma).any(|k| modal_duty_at(lx, k)) || !names_actor && !list_only(lx, first, comma)
}

/// A lower-case `đề nghị`/`yêu cầu` at token `i` of the clause from `clause`, addressed to an agency.
fn mid_request(lx: &Lx, clause: usize, i: usize, to: usize) -> bool {
    let Some(request) = lx.entry(i, Tag::Request).filter(|_| !lx.toks[i].is_cap()) else { return false };
    // `văn bản đề nghị`, `theo đề nghị`: a noun, or no request of the document's own
    if lx.ends_before(i, clause, Tag::NotRequestBefore) {
        return false;
    }
    let after = i + request.len;
    if after >= to || head_at(lx, after).is_none() {
        return false;
    }
    // the issuer right before: the clause is read whole
    !(i > clause && list_only(lx, skip_bullets(lx, clause), i))
}

/// Whether the clause `[clause, i)` ends with a verb (`phải hướng dẫn`), so a comma after it joins another verb.
fn last_is_verb(lx: &Lx, clause: usize, i: usize) -> bool {
    (1..=3).any(|n| i >= clause + n && verb_at(lx, i - n) && lx.entry(i - n, Tag::Verb).is_some_and(|e| e.len == n))
}

/// Past the bullets and punctuation a clause may start with (`- `, `+ `).
pub fn skip_bullets(lx: &Lx, mut i: usize) -> usize {
    while lx.get(i).is_some_and(|t| matches!(t.kind, Kind::Punct('-' | '+' | '•' | '–'))) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether a clause of `text` starts at the first token spelled `word` after the token spelled `after`.
    fn opens_at(text: &str, after: &str, word: &str) -> bool {
        let lx = Lx::new(text);
        let a = (0..lx.len()).find(|&k| lx.text(k) == after).unwrap();
        let w = (a + 1..lx.len()).find(|&k| lx.text(k) == word).unwrap();
        starts(&lx, 0, lx.len()).contains(&w)
    }

    #[test]
    fn a_clause_cue_or_a_request_inside_a_clause_still_opens_one() {
        // past the walk that turns away words opening neither a cue nor a request
        assert!(opens_at("Trong quá trình thực hiện nếu có khó khăn, vướng mắc các cơ quan báo cáo Ủy ban nhân dân tỉnh.", "mắc", "các"));
        assert!(opens_at("Sở Tài chính tổng hợp kết quả thực hiện đề nghị các sở bố trí kinh phí.", "hiện", "đề"));
    }
}
