//! The agencies a clause names, as the records take them: each name with its span in the source
//! ([`Agent`]), and a list whose end is known split into names ([`split_listed`]). Shared by the clauses
//! ([`super::read`]), passive duties, labelled lines and tables.
use super::agency::{head_at, known_name_at, Name};
use super::Task;
use crate::lex::lexicon::Tag;
use crate::lex::tokens::phrase;
use super::lx::Lx;
use crate::lex::words::Kind;
use crate::model::Span;

/// An agency named in the text: its name as printed and where it is printed (in the text: an item's agency
/// lends itself to the paragraphs of its sub-items and keeps the span of its own).
#[derive(Clone, Debug)]
pub struct Agent {
    pub name: String,
    pub at: Span,
}

/// The agencies `names` of the paragraph of `t` (tokenized as `lx`).
pub fn agents(lx: &Lx, t: &Task, names: &[Name]) -> Vec<Agent> {
    names
        .iter()
        .map(|n| {
            let (s, e) = t.map.span_to_source(lx.toks[n.start].start as usize, lx.toks[n.end - 1].end as usize);
            Agent { name: n.text(lx).to_string(), at: Span::new(s, e) }
        })
        .collect()
}

/// A list whose end is known (a labelled value, a table cell, a duty's subject), split by the schema's rule:
/// at `;` always, at `,` and `và` only before a head word; each part kept whole.
pub fn split_listed(lx: &Lx, i: usize, end: usize) -> Vec<Name> {
    let mut out = Vec::new();
    let mut start = i;
    let mut k = i;
    let push = |s: usize, e: usize, out: &mut Vec<Name>| {
        let mut s = s;
        let mut e = e;
        while s < e && lx.toks[s].kind != Kind::Word {
            s += 1;
        }
        while e > s && matches!(lx.toks[e - 1].kind, Kind::Punct('.' | ',' | ';')) {
            e -= 1;
        }
        let name = Name { start: s, end: e };
        if e > s && name.text(lx).chars().count() <= 150 {
            out.push(name);
        }
    };
    while k < end {
        // a name the gazetteer knows is one part, whatever commas and heads it holds
        if let Some(n) = known_name_at(lx, k).filter(|&n| k + n <= end) {
            k += n;
            // and ends before a comma and a capital (`Đài Truyền hình Việt Nam, Thông tấn xã Việt Nam`)
            if k + 1 < end && lx.toks[k].is_punct(',') && lx.toks[k + 1].is_cap() {
                push(start, k, &mut out);
                start = k + 1;
                k += 1;
            }
            continue;
        }
        let t = lx.toks[k];
        if t.is_punct(';') {
            push(start, k, &mut out);
            start = k + 1;
        } else if (t.is_punct(',') || lx.has(k, phrase!("và"))) && head_at(lx, k + 1).is_some() && !(t.is_punct(',') && continues_class(lx, start, k + 1)) {
            push(start, k, &mut out);
            start = k + 1;
        }
        k += 1;
    }
    push(start, end, &mut out);
    out
}

/// Whether the part `[start, ..)` is a class (`các cấp ủy, ...`) that the lower-case word at `j` continues.
fn continues_class(lx: &Lx, start: usize, j: usize) -> bool {
    lx.has(j, phrase!("cấp")) || (lx.starts(start, Tag::ClassHead) || lx.has(start, phrase!("các"))) && !lx.toks[j].is_cap() && lx.starts(j, [Tag::Plural, Tag::ClassNoun].as_slice()) && !lx.starts(j, Tag::ProperLower)
}
