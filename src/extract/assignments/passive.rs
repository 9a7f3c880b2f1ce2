//! Passive duties name their agent: `phải được X <verb>`, `phải do X <verb>`, and `do X <verb>` when the verb
//! ends the clause (so `văn bản do X ban hành để ...`, a description, is none).
use super::agency::{head_at, list_at, verb_at, Name};
use super::agents::{agents, split_listed, Agent};
use super::Task;
use crate::lex::tokens::phrase;
use crate::lex::lexicon::Tag;
use super::lx::Lx;
use crate::lex::words::Kind;

/// The agents of the passive duties in the clause `[i, end)`.
pub fn agents_in(lx: &Lx, t: &Task, i: usize, end: usize) -> Vec<Agent> {
    let mut out = Vec::new();
    for (cue, words, p) in [("phải được", 2, phrase!("phải được")), ("phải do", 2, phrase!("phải do")), ("do", 1, phrase!("do"))] {
        // the first occurrence; a bare `do` not at the clause's start
        let Some(k) = (i..end).find(|&k| lx.has(k, p) && (words == 2 || k > i)) else { continue };
        let rest = k + words;
        if cue == "phải được" {
            let (names, used) = list_at(lx, rest, end);
            if !names.is_empty() && verb_at(lx, used) {
                out.extend(agents(lx, t, &names));
            }
            continue;
        }
        // the agent and a carrying-out verb; after a bare `do` the verb must end the clause (a comma would make it
        // a description: `các dự án do địa phương quản lý, báo cáo ...`)
        let stop = (rest..end).find(|&j| match lx.toks[j].kind {
            Kind::Punct('.' | ';' | '(') => true,
            Kind::Punct(',') => cue == "do",
            _ => false,
        });
        let stop = stop.unwrap_or(end);
        if cue == "do" && lx.get(stop).is_some_and(|t| t.is_punct(',')) {
            continue;
        }
        let mut e = stop;
        while e > rest && !lx.toks[e - 1].is_word() {
            e -= 1;
        }
        // the verb that ends the phrase
        let Some(v) = (rest..e).rev().find(|&j| lx.entry(j, Tag::PassiveVerb).is_some_and(|en| j + en.len == e)) else { continue };
        let words_in_agent = (rest..v).filter(|&j| lx.toks[j].is_word()).count();
        // `nhiệm vụ do cơ quan nhà nước chủ trì thực hiện`: a role inside describes the task, names no agent
        if words_in_agent == 0 || words_in_agent > 20 || (rest..v).any(|j| lx.starts(j, Tag::RoleVerb)) {
            continue;
        }
        let mut parts: Vec<Name> = Vec::new();
        let mut s = rest;
        for j in rest..=v {
            if j == v || lx.has(j, phrase!("hoặc")) {
                parts.extend(split_listed(lx, s, j));
                s = j + 1;
            }
        }
        // every part must read as an actor: a head word, a generic class, or a body named in lower case
        if !parts.is_empty() && parts.iter().all(|p| head_at(lx, p.start).is_some() || lx.starts(p.start, [Tag::Plural, Tag::ActorNoun].as_slice())) {
            out.extend(agents(lx, t, &parts));
        }
    }
    out
}
