//! Labelled task lines: `Đơn vị chủ trì (thực hiện): X` and `Cơ quan chủ trì: X` give lead, `Đơn vị phối hợp:
//! Y` coordinate, `Đơn vị thực hiện: Z` responsible, and `Thời gian thực hiện: ...` the deadline of the
//! section's records.
use super::agency::{head_at, list_at, verb_at};
use super::agents::{agents, split_listed};
use super::clause::skip_bullets;
use super::read::{inline, role_after};
use super::{deadline, Out, Task};
use crate::lex::lexicon::Tag;
use crate::lex::tokens::phrase;
use super::lx::Lx;
use crate::lex::words::Kind;
use crate::model::{Deadline, Role};

/// Words a label may take between it and its colon (`Đơn vị chủ trì tham mưu thực hiện:`).
const QUALIFYING_WORDS: usize = 4;

/// What a labelled line gave.
pub enum Labelled {
    /// Not a labelled line.
    No,
    /// Records were added.
    Roles,
    /// A deadline for the section (`None` for an empty `Thời hạn:`).
    Deadline(Option<Deadline>),
}

/// Read the paragraph from token `from` as a labelled line, if it is one.
pub fn read(lx: &Lx, from: usize, t: &Task, out: &mut Out, doc_year: Option<u16>) -> Labelled {
    let i = skip_bullets(lx, from);
    let Some(label) = lx.entry(i, Tag::Label) else { return Labelled::No };
    // the colon, a few words on, with no clause punctuation before it
    let mut colon = None;
    let mut words = 0;
    for k in i + label.len..lx.len() {
        match lx.toks[k].kind {
            Kind::Punct(':') => {
                colon = Some(k);
                break;
            }
            Kind::Punct(',' | ';' | '.') => break,
            Kind::Word => words += 1,
            _ => {}
        }
        if words > QUALIFYING_WORDS {
            break;
        }
    }
    let Some(colon) = colon else { return Labelled::No };
    let value = colon + 1;
    let end = lx.len();
    let role = match label.value(Tag::Label) {
        Some("deadline") => {
            // `Thời hạn:` with nothing after it sets no deadline
            let has_value = (value..end).any(|k| lx.toks[k].is_word());
            let text = if has_value { &lx.text[lx.toks[value].start as usize..] } else { "" };
            return Labelled::Deadline(has_value.then(|| deadline::parse(text, doc_year)));
        }
        Some("lead") => Role::Lead,
        Some("coordinate") => Role::Coordinate,
        _ => Role::Responsible,
    };
    let mut start = value;
    // `Cơ quan thực hiện: X chủ trì, phối hợp với Y; các sở, ngành liên quan`: inside a line that names who
    // carries it out, the roles the line itself gives count (X lead, Y coordinate), and the parts after a
    // `phối hợp` list go on with it
    let mut carried: Option<Role> = None;
    for k in value..=end {
        if k < end && !lx.toks[k].is_punct(';') {
            continue;
        }
        // `Sở Khoa học và Công nghệ tiến hành rà soát ...`: a part that goes on with a verb is cut there
        let (names, used) = list_at(lx, start, k);
        let names = if !names.is_empty() && verb_at(lx, used) { names } else { split_listed(lx, start, k) };
        let part_role = if role == Role::Responsible { role_after(lx, used, k).or(carried).unwrap_or(role) } else { role };
        for n in names {
            // a labelled value names agencies (`Chủ trì: 500.000 đồng/người/buổi` is an allowance)
            let tok = lx.toks[n.start];
            if head_at(lx, n.start).is_some() || lx.starts(n.start, Tag::Plural) || tok.is_cap() && !tok.is_number() {
                for a in agents(lx, t, std::slice::from_ref(&n)) {
                    out.push(t, &a, part_role);
                }
            }
        }
        inline(lx, used, k, t, None, out);
        if role == Role::Responsible && (start..k).any(|j| lx.has(j, phrase!("phối hợp"))) {
            carried = Some(Role::Coordinate);
        }
        start = k + 1;
    }
    Labelled::Roles
}
