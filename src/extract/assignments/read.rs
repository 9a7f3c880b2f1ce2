//! Reading a paragraph's clauses for work: a clause that opens with an agency (or with `Giao`/`Đề nghị`/`Yêu
//! cầu`/`Chỉ đạo` and an agency) names who acts; what follows says how (`chủ trì`, `phối hợp`, `có trách nhiệm`,
//! `theo dõi, đôn đốc`). `phối hợp với X`, `báo cáo ... về X` and `chỉ đạo X` inside a clause name the others.
//! An item addressed to an agency (`1. Ban Tổ chức Tỉnh ủy:`) lends it as the implied subject of the item's
//! other clauses.
use super::agency::{actor_subject_at, head_at, list_at, list_only, skip_adverbs, verb_at, Name};
use super::agents::{agents, split_listed, Agent};
use super::clause::{self, skip_bullets};
use super::{deadline, Out, Task};
use crate::lex::tokens::phrase;
use crate::lex::lexicon::Tag;
use super::lx::{word, Lx};
use crate::lex::words::Kind;
use crate::model::{NodeId, Role};
use regex::Regex;
use std::sync::LazyLock;

/// What the paragraphs read so far lend to the next: the agencies each item is addressed to.
#[derive(Default)]
pub struct Context {
    addressed: Vec<(NodeId, Vec<Agent>)>,
}

/// The role an opener gives (`Giao` → responsible, `Chỉ đạo` → directed).
fn opener_role(lx: &Lx, i: usize) -> Option<(Role, usize)> {
    let e = lx.entry(i, Tag::Opener)?;
    let role = if e.value(Tag::Opener) == Some("directed") { Role::Directed } else { Role::Responsible };
    Some((role, e.len))
}

/// The role a cue right after an agency gives it (`chủ trì` → lead, `phối hợp` → coordinate, `theo dõi` →
/// monitor), looking past a fronted qualifier (`theo chức năng, nhiệm vụ, thẩm quyền chủ trì`).
pub(super) fn role_after(lx: &Lx, i: usize, end: usize) -> Option<Role> {
    let mut i = skip_adverbs(lx, i + usize::from(lx.get(i).is_some_and(|t| t.is_punct(','))));
    // `X có trách nhiệm chủ trì ...`: the duty names the role that follows it
    if let Some(e) = lx.entry(i, Tag::ModalDuty).filter(|e| lx.starts(skip_adverbs(lx, i + e.len), Tag::RoleCue)) {
        i = skip_adverbs(lx, i + e.len);
    }
    if let Some(e) = lx.entry(i, Tag::RoleCue) {
        return Some(if e.value(Tag::RoleCue) == Some("monitor") { Role::Monitor } else { Role::Lead });
    }
    if lx.has(i, phrase!("phối hợp")) {
        return Some(Role::Coordinate);
    }
    // `X, chủ trì ...` a few words on, before any clause end
    (i..end.min(i + 40)).take_while(|&k| !matches!(lx.toks[k].kind, Kind::Punct(';' | '.'))).any(|k| lx.toks[k].is_punct(',') && lx.has(k + 1, phrase!("chủ trì"))).then_some(Role::Lead)
}

/// `theo chức năng, nhiệm vụ, thẩm quyền` after an agency: how it acts, not what it does; skipped.
fn skip_manner(lx: &Lx, mut i: usize, end: usize) -> usize {
    let Some(manner) = lx.entry(i, Tag::Manner) else {
        return i;
    };
    // past the phrase itself (the lexicon reads `theo chức năng` as a duty too)
    i += manner.len;
    while i < end && (lx.toks[i].is_punct(',') || lx.toks[i].is_word() && !lx.starts(i, [Tag::RoleCue, Tag::Duty].as_slice()) && !(lx.has(i, phrase!("phối hợp")))) {
        // a verb ends the manner phrase, but not its own participle (`nhiệm vụ được giao`)
        if lx.toks[i].is_word() && verb_at(lx, i) && !lx.starts(i, Tag::MannerVerb) {
            break;
        }
        i += 1;
    }
    i
}

/// What follows an agency that makes it responsible: a duty (`có trách nhiệm`, `phải`, `căn cứ chức năng`).
fn duty_at(lx: &Lx, i: usize) -> bool {
    // `chủ động` is an adverb before a verb the lexicon may not know (`chủ động cân đối`) and a duty by itself
    lx.starts(i, Tag::Duty) || lx.starts(skip_adverbs(lx, i), Tag::Duty)
}

/// A money amount (`3.300.000 đồng`, `500.000đ`): the line is a rate or an allowance, not a task.
fn names_amount(s: &str) -> bool {
    // no word boundary in the regex: a Unicode `\b` would keep it off the fast engines; `đ` must end its word
    static AMOUNT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\d{1,3}(?:[.,]\d{3})+\s*(?:đồng|VNĐ|đ)").unwrap());
    groups_digits(s)
        && s.bytes().any(|b| b.is_ascii_digit())
        && AMOUNT.find_iter(s).any(|m| !m.as_str().ends_with('đ') || !s[m.end()..].starts_with(char::is_alphanumeric))
}

/// Whether a `.` or `,` stands between two digits (`3.300`), as in every amount [`names_amount`] matches: a
/// text without one has no match, and neither the regex (its only literal, `đ`, is in most words) nor a scan
/// of every char runs over it; both marks are found in one memchr pass. A numeric char is asked for, wider than
/// the regex's `\d`, so that no digit it matches is missed; the char after the mark first, mostly a space.
fn groups_digits(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr2_iter(b'.', b',', b).any(|p| numeric_at(s, p + 1) && numeric_before(s, p))
}

/// Whether the char at byte `i` of `s` (a char boundary, or the end) is numeric: an ASCII byte answers by
/// itself, as no ASCII char but a digit is numeric; any other char is decoded.
#[inline]
fn numeric_at(s: &str, i: usize) -> bool {
    match s.as_bytes().get(i) {
        None => false,
        Some(&b) if b < 0x80 => b.is_ascii_digit(),
        Some(_) => s[i..].chars().next().is_some_and(char::is_numeric),
    }
}

/// Whether the char that ends right before byte `i` of `s` (a char boundary) is numeric, as [`numeric_at`].
#[inline]
fn numeric_before(s: &str, i: usize) -> bool {
    match i.checked_sub(1).map(|j| s.as_bytes()[j]) {
        None => false,
        Some(b) if b < 0x80 => b.is_ascii_digit(),
        Some(_) => s[..i].chars().next_back().is_some_and(char::is_numeric),
    }
}

/// A title line: short, no sentence stop at the end.
fn is_title_line(s: &str) -> bool {
    let s = s.trim();
    !s.ends_with(['.', ';']) && s.split_whitespace().count() <= 20
}

/// The words between tokens `i` and `end` as printed.
fn text_of<'a>(lx: &Lx<'a>, i: usize, end: usize) -> &'a str {
    if i >= end {
        return "";
    }
    &lx.text[lx.toks[i].start as usize..lx.toks[end - 1].end as usize]
}

/// The most words of a duty's subject read past its first verb (figures not counted: `nêu tại Điều 1`); past it,
/// what runs up to `có trách nhiệm` is a clause of its own, not a name.
const SUBJECT_WORDS: usize = 20;

/// The subject of `có trách nhiệm`/`chịu trách nhiệm` when it runs past the first verb (`Người được giao theo
/// dõi, giải quyết công việc của cơ quan, tổ chức có trách nhiệm ...`): the clause up to the phrase, without a
/// gloss in brackets, a participle clause (`được phân công ...`) or a qualifier (`trong phạm vi ...`).
fn duty_subject(lx: &Lx, i: usize, end: usize) -> Option<Vec<Name>> {
    head_at(lx, i)?;
    let at = (i..end).find(|&k| lx.starts(k, Tag::Responsibility))?;
    let mut stop = at;
    if let Some(p) = (i..at).find(|&k| lx.toks[k].is_punct('(')) {
        stop = p;
    }
    let head = head_at(lx, i).unwrap_or(0);
    if let Some(p) = (i + head..stop).find(|&k| lx.has(k, phrase!("được"))) {
        stop = p;
    }
    if let Some(p) = (i + head..stop).find(|&k| lx.starts(k, Tag::SubjectEnd)) {
        stop = p;
    }
    let words = (i..stop).filter(|&k| lx.toks[k].is_word() && !lx.toks[k].is_number()).count();
    if stop <= i || words > SUBJECT_WORDS || (i..stop).any(|k| matches!(lx.toks[k].kind, Kind::Punct(';' | ':'))) {
        return None;
    }
    Some(split_listed(lx, i, stop))
}

impl Context {
    /// The agencies the nearest enclosing item of `t` that has one is addressed to.
    fn implied(&self, t: &Task) -> Option<Vec<Agent>> {
        t.items().find_map(|i| self.addressed.iter().rev().find(|(id, _)| *id == i).map(|(_, a)| a.clone()))
    }
}

/// Read the clauses of a task paragraph from token `from`.
pub fn clauses(lx: &Lx, from: usize, t: &Task, cx: &mut Context, out: &mut Out, doc_year: Option<u16>) {
    let end = lx.len();
    let starts = clause::starts(lx, from, end);
    // once per paragraph: a scan per clause would be quadratic in a long paragraph
    let rate_line = names_amount(&lx.text[lx.toks.get(from).map_or(lx.text.len(), |t| t.start as usize)..]);
    let whole_title = starts.len() == 1 && t.first_of_item && is_title_line(text_of(lx, from, end));
    // `Giao người đứng đầu các cơ quan ...; Chủ tịch Ủy ban nhân dân các xã ...`: a list of agencies split by `;`
    // after an opener; the opener's role and the item's address carry to each part
    let mut list_role: Option<Role> = None;
    let mut marks: Vec<(usize, usize, usize)> = Vec::with_capacity(starts.len());
    for (k, &start) in starts.iter().enumerate() {
        let stop = starts.get(k + 1).copied().unwrap_or(end);
        marks.push((out.len(), start, stop));
        let c = skip_bullets(lx, start);
        if c >= stop {
            continue;
        }
        let (opener, body) = match opener_role(lx, c) {
            Some((r, n)) => (Some(r), c + n),
            None => (None, c),
        };
        // an allowance or a rate (`Cán bộ, công chức trực tiếp tham mưu ...: 70.000 đồng/người/ngày`) assigns
        // nothing unless it says so outright
        if opener.is_none() && rate_line && !(c..stop).any(|i| lx.has(i, phrase!("trách nhiệm"))) {
            continue;
        }
        for a in super::passive::agents_in(lx, t, c, stop) {
            out.push(t, &a, Role::Responsible);
        }
        let (mut names, mut used) = list_at(lx, body, stop);
        // an item addressed to an office-holder by its field (`3. Cán bộ phụ trách lĩnh vực giám sát và phản biện
        // xã hội`): the whole title is the actor
        if opener.is_none() && whole_title && !names.is_empty() && used < stop {
            let last = names.last().unwrap();
            let extend = (last.start..last.end).chain([used]).any(|k| lx.starts(k, Tag::InCharge));
            if extend {
                let mut e = stop;
                while e > last.start && !lx.toks[e - 1].is_word() {
                    e -= 1;
                }
                names.last_mut().unwrap().end = e;
                used = stop;
            }
        }
        let carried = list_role.take();
        // (a list whose last name the rules cannot read still lends its others the role, unless a verb follows)
        let opener = opener.or(carried.filter(|_| !names.is_empty() && (used..stop).all(|i| !lx.toks[i].is_word() || !verb_at(lx, i))));
        if opener.is_none() {
            if let Some(subject) = duty_subject(lx, body, stop) {
                used = subject.last().map_or(used, |n| n.end);
                names = subject;
            } else if names.is_empty() {
                // `khách hàng phải trả ...`: an actor named in lower case, the subject of a modal duty
                if let Some(duty) = actor_subject_at(lx, body, stop) {
                    names = split_listed(lx, body, duty);
                    used = duty;
                }
            }
        }
        let after = skip_manner(lx, used, stop);
        if names.is_empty() {
            // `Đề nghị: Hiệp hội Doanh nghiệp tỉnh, Hội Nông dân tỉnh`: the opener's role goes to the list after its
            // colon
            if opener.is_some() && (body..stop).all(|i| !lx.toks[i].is_word()) && lx.get(stop - 1).is_some_and(|t| t.is_punct(':')) {
                list_role = opener;
            }
            implied_subject(lx, c, stop, t, cx, out);
            continue;
        }
        // `Bộ trưởng Bộ Tài chính; Chủ tịch ... và Thủ trưởng ... chịu trách nhiệm thi hành ...`: one subject split
        // by `;`, the duty after its last part: the parts before are subjects too
        let prev_listed = opener.is_none() && k > 0 && list_only(lx, skip_bullets(lx, starts[k - 1]), start);
        let shared_duty = prev_listed && duty_at(lx, after);
        if shared_duty {
            names.splice(0..0, listed_before(lx, &starts, k));
        }
        let subject = agents(lx, t, &names);
        let at_after = |w: &str| lx.phrase_at(after, w);
        let role = role_after(lx, after, stop);
        // `1. Ban Tổ chức Tỉnh ủy:` or `X: Chủ trì ...` — but not `Chủ tịch ...: 500.000 đồng` (a value)
        let after_colon = lx.get(after).is_some_and(|t| t.is_punct(':'));
        let is_heading = after >= stop && !lx.get(after).is_some_and(|t| t.is_word()) || after_colon && !lx.get(after + 1).is_some_and(|t| t.is_number()) && !rate_line;
        if opener.is_none() {
            // `Ban thường vụ tỉnh ủy quy định ...`: a power, not a duty
            if lx.starts(after, Tag::Power) && !duty_at(lx, after) {
                continue;
            }
            // `X; Y; Z ban hành ...` after `do`: the parts of one list split by `;`, not subjects
            if prev_listed && !shared_duty {
                continue;
            }
            // `Ủy ban nhân dân tỉnh yêu cầu các cơ quan ...`: the subject issues, the object must act
            if let Some((Role::Responsible, n)) = opener_role(lx, after).filter(|_| !lx.toks[after].is_cap()) {
                let (objects, _) = list_at(lx, after + n, stop);
                if !objects.is_empty() {
                    let objects = agents(lx, t, &objects);
                    for a in &objects {
                        out.push(t, a, Role::Responsible);
                    }
                    inline(lx, after, stop, t, Some(&objects), out);
                    continue;
                }
            }
            // `Điều 5. Hội đồng nhân dân tỉnh giao` (the tasks follow in its items): the subject issues them
            if lx.starts(after, Tag::Issuing) {
                continue;
            }
        }
        if let Some(r) = opener {
            for a in &subject {
                out.push(t, a, r);
            }
        }
        if let Some(r) = role {
            for a in &subject {
                out.push(t, a, r);
                // who must follow the implementation up acts too; so does the subject of `X chủ trì ...`
                if opener.is_none() && (r == Role::Monitor || r == Role::Lead && (start == from && t.first_of_item || duty_at(lx, after))) {
                    out.push(t, a, Role::Responsible);
                }
            }
        } else if opener.is_none() && (is_heading && start == from || duty_at(lx, after) || verb_at(lx, after)) {
            for a in &subject {
                out.push(t, a, Role::Responsible);
            }
        }
        if t.first_of_item && start == from && (opener.is_some() || is_heading || role.is_some()) {
            if let Some(i) = t.item {
                cx.addressed.push((i, subject.clone()));
            }
        }
        if t.first_of_item && carried.is_some() && opener.is_some() {
            if let Some(entry) = cx.addressed.iter_mut().rev().find(|(id, _)| Some(*id) == t.item) {
                entry.1.extend(subject.iter().cloned());
            }
        }
        if opener.is_some() && (used..stop).all(|i| !lx.toks[i].is_word()) {
            list_role = opener;
        }
        // `Giao Ban Quản lý ... chỉ đạo các đơn vị ...`: whom the actor must direct
        if opener != Some(Role::Directed) && at_after("chỉ đạo") {
            let (objects, _) = list_at(lx, after + 2, stop);
            for a in agents(lx, t, &objects) {
                out.push(t, &a, Role::Directed);
            }
        }
        // the addressed agency also leads or monitors in the same clause: `X: Chủ trì ...; theo dõi`
        inline(lx, after, stop, t, Some(&subject), out);
    }
    // each clause's own deadline goes to its records
    for (j, &(first, start, stop)) in marks.iter().enumerate() {
        let to = marks.get(j + 1).map_or(out.len(), |m| m.0);
        if first < to {
            if let Some(d) = deadline::within_clause(text_of(lx, start, stop), doc_year) {
                out.fill_deadline(first..to, &d);
            }
        }
    }
}

/// The names of the clauses right before clause `k` that are lists of agencies and nothing else, in order.
fn listed_before(lx: &Lx, starts: &[usize], k: usize) -> Vec<Name> {
    let mut first = k;
    while first > 0 && list_only(lx, skip_bullets(lx, starts[first - 1]), starts[first]) {
        first -= 1;
    }
    (first..k).flat_map(|j| list_at(lx, skip_bullets(lx, starts[j]), starts[j + 1]).0).collect()
}

/// A clause without its own subject: the item's addressed agencies act (`Chủ trì, phối hợp ...`, `Theo dõi,
/// đôn đốc ...`).
fn implied_subject(lx: &Lx, c: usize, stop: usize, t: &Task, cx: &Context, out: &mut Out) {
    let implied = cx.implied(t);
    if let Some(subj) = implied.as_ref() {
        let i = skip_adverbs(lx, c);
        if lx.entry(i, Tag::RoleCue).is_some_and(|e| e.value(Tag::RoleCue) == Some("lead")) {
            for a in subj {
                out.push(t, a, Role::Lead);
            }
        }
    }
    inline(lx, c, stop, t, implied.as_deref(), out);
}

/// `phối hợp với X`, `báo cáo ... về X`, `chỉ đạo X` and `theo dõi, đôn đốc` inside a clause `[i, end)`, with
/// `subject` the agencies in force.
pub(super) fn inline(lx: &Lx, i: usize, end: usize, t: &Task, subject: Option<&[Agent]>, out: &mut Out) {
    for k in i..end {
        if !may_cue(lx, k) {
            continue;
        }
        if lx.has(k, phrase!("phối hợp")) {
            let mut j = k + 2;
            while let Some(e) = lx.entry(j, Tag::CoordinateAdverb) {
                j += e.len;
            }
            if let Some(e) = lx.entry(j, Tag::Partner) {
                j += e.len;
            }
            let (names, _) = list_at(lx, j, end);
            for a in agents(lx, t, &names) {
                out.push(t, &a, Role::Coordinate);
            }
        }
        if let Some(e) = lx.entry(k, Tag::ReportVerb) {
            report_target(lx, k + e.len, end, t, out);
        }
    }
    if let Some(subj) = subject {
        if monitors(lx, i, end) {
            for a in subj {
                out.push(t, a, Role::Monitor);
            }
        }
    }
}

/// Whether `phối hợp` or a report verb may open at token `k`: most tokens open neither, and one look at the
/// token turns them away. `phối hợp` is there only where the token is the word `phối` (a lexicon word: its id
/// is compared), and a report verb only where the lexicon's first step leads to one.
#[inline(always)]
fn may_cue(lx: &Lx, k: usize) -> bool {
    lx.toks[k].word == word!("phối") || lx.may_start(k, Tag::ReportVerb.into())
}

/// The target of a report: right after the verb (`báo cáo UBND tỉnh`) or after `về`/`cho`/`lên`/`gửi`/`đến`
/// (`báo cáo ngay với X`) within its clause; the channel `(qua X)` is not recorded.
fn report_target(lx: &Lx, mut i: usize, end: usize, t: &Task, out: &mut Out) {
    // `báo cáo, đề xuất Bộ Chính trị`: the target follows the verbs joined to the report
    while lx.get(i).is_some_and(|t| t.is_punct(',')) {
        match lx.entry(i + 1, Tag::ReportAlso) {
            Some(e) => i += 1 + e.len,
            None => break,
        }
    }
    let stop = (i..end).find(|&k| matches!(lx.toks[k].kind, Kind::Punct('.' | ';'))).unwrap_or(end);
    let (names, _) = list_at(lx, i, stop);
    if !names.is_empty() {
        for a in agents(lx, t, &names) {
            out.push(t, &a, Role::ReportTo);
        }
        return;
    }
    // the agencies after the cue of the lowest rank that has some (`gửi` ranks after `về`), the first of its rank
    let mut best: Option<(u8, Vec<Name>)> = None;
    for k in i..stop {
        let Some(cue) = lx.entry(k, Tag::ReportTarget) else { continue };
        let rank = cue.value(Tag::ReportTarget).and_then(|r| r.parse().ok()).unwrap_or(u8::MAX);
        if best.as_ref().is_some_and(|(r, _)| *r <= rank) {
            continue;
        }
        let (names, _) = list_at(lx, k + cue.len, stop);
        if !names.is_empty() {
            best = Some((rank, names));
        }
    }
    if let Some((_, names)) = best {
        for a in agents(lx, t, &names) {
            out.push(t, &a, Role::ReportTo);
        }
    }
}

/// Whether a clause assigns the follow-up of the implementation: `đôn đốc` with the implementation anywhere in
/// its clause (or an activity of it named at once: `đôn đốc việc ...`); `theo dõi`, `kiểm tra`, `giám sát` with
/// the implementation or its progress within a few words.
fn monitors(lx: &Lx, i: usize, end: usize) -> bool {
    (i..end).any(|k| {
        let Some(verb) = lx.entry(k, Tag::MonitorVerb) else { return false };
        let urge = lx.has(k, phrase!("đôn đốc"));
        let from = k + verb.len;
        if urge {
            let direct = {
                let mut j = from;
                while lx.get(j).is_some_and(|t| t.is_punct(',')) {
                    j += 1;
                }
                lx.starts(j, Tag::MonitorObjectNext)
            };
            let clause_end = (from..end).find(|&j| matches!(lx.toks[j].kind, Kind::Punct(';' | '.'))).unwrap_or(end);
            direct || (from..clause_end).any(|j| lx.starts(j, Tag::MonitorObjectFar))
        } else {
            // within eight words
            let mut words = 0;
            let mut j = from;
            while j < end && words < 8 {
                if lx.starts(j, Tag::MonitorObject) {
                    return true;
                }
                words += usize::from(lx.toks[j].is_word());
                j += 1;
            }
            false
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lex::offsets::OffsetMap;
    use crate::model::Span;

    /// The agencies and roles `inline` reads in `text`, with no subject in force.
    fn inline_of(text: &str) -> Vec<(String, Role)> {
        let mut map = OffsetMap::default();
        map.copy_from(0, 0);
        map.finish(text.len(), text.len());
        let t = Task { text, map: &map, from: 0, span: Span::new(0, text.len()), section: "", item: None, nodes: &[], first_of_item: false };
        let lx = Lx::new(text);
        let mut out = Out::new();
        inline(&lx, 0, lx.len(), &t, None, &mut out);
        out.records.into_iter().map(|r| (r.agency, r.role)).collect()
    }

    #[test]
    fn partners_and_report_targets_are_read_past_the_check_for_their_cues() {
        let got = inline_of("Tổ chức thực hiện, PHỐI HỢP với Sở Tài chính và báo cáo Ủy ban nhân dân tỉnh.");
        assert_eq!(got, [("Sở Tài chính".to_string(), Role::Coordinate), ("Ủy ban nhân dân tỉnh".to_string(), Role::ReportTo)]);
        assert!(inline_of("Tổ chức thực hiện kế hoạch của Sở Tài chính.").is_empty());
    }

    #[test]
    fn an_amount_is_found_past_the_check_for_grouped_digits() {
        assert!(names_amount("Cán bộ trực tiếp tham mưu: 70.000 đồng/người/ngày"));
        assert!(names_amount("mức 500.000đ"));
        assert!(names_amount("3,300,000 VNĐ"));
        // a digit the regex's `\d` takes that is no ASCII digit still groups (`٣.٣٠٠`)
        assert!(groups_digits("٣.٣٠٠") && groups_digits("1,000"));
        assert!(!names_amount("Điều 5. Sở Tài chính đồng ý, ngày 30.6 đến 2.000"));
        assert!(!groups_digits("Điều 5. Sở, 6 ,7 .") && !groups_digits(".5,") && !groups_digits(""));
    }

    #[test]
    fn digits_grouped_by_a_mark_are_told_by_bytes_as_by_chars() {
        // every char below U+3000 and a sample beyond, on either side of either mark, against the char-at-a-time
        // reading (an ASCII byte is never part of another char, so the byte answers for it)
        let by_chars = |s: &str| {
            let between = |p: usize| s[p + 1..].chars().next().is_some_and(char::is_numeric) && s[..p].chars().next_back().is_some_and(char::is_numeric);
            s.match_indices(['.', ',']).any(|(p, _)| between(p))
        };
        let chars = (0..0x3000u32).chain((0x3000..0x11_0000).step_by(97)).filter_map(char::from_u32);
        for c in chars {
            for t in [format!("{c}.5"), format!("5,{c}"), format!("{c}.{c}"), format!("a{c},"), format!(".{c}")] {
                assert_eq!(groups_digits(&t), by_chars(&t), "{t:?}");
            }
        }
    }
}
