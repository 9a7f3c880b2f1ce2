//! Passive duties name their agent: `phải được X <verb>`, `phải do X <verb>`, and `do X <verb>` when the verb
//! ends the clause (so `văn bản do X ban hành để ...`, a description, is none).
use super::agency::{head_at, list_at, verb_at, Name};
use super::agents::{agents, split_listed, Agent};
use super::Task;
use crate::lex::tokens::phrase;
use crate::lex::lexicon::Tag;
use super::lx::{word, Lx};
use crate::lex::words::Kind;

/// The agents of the passive duties in the clause `[i, end)`.
pub fn agents_in(lx: &Lx, t: &Task, i: usize, end: usize) -> Vec<Agent> {
    let mut out = Vec::new();
    // each cue opens with `phải` or `do`: a clause with neither word has none, and one scan of word ids says so,
    // not three phrase matches at every token
    let (must, by) = (word!("phải"), word!("do"));
    if !lx.toks.get(i..end).unwrap_or_default().iter().any(|t| t.is_word() && (t.word == must || t.word == by)) {
        return out;
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lex::offsets::OffsetMap;
    use crate::model::Span;

    fn agents_of(text: &str) -> Vec<String> {
        let mut map = OffsetMap::default();
        map.copy_from(0, 0);
        map.finish(text.len(), text.len());
        let t = Task { text, map: &map, from: 0, span: Span::new(0, text.len()), section: "", item: None, nodes: &[], first_of_item: false };
        let lx = Lx::new(text);
        agents_in(&lx, &t, 0, lx.len()).into_iter().map(|a| a.name).collect()
    }

    #[test]
    fn a_passive_duty_s_agent_is_read_past_the_check_for_its_cue_words() {
        assert_eq!(agents_of("Kế hoạch phải được Sở Tài chính thẩm định."), ["Sở Tài chính"]);
        // the cue words in capitals and the other tone placement carry the same ids
        assert_eq!(agents_of("Kế hoạch PHẢI ĐƯỢC Sở Tài chính thẩm định."), ["Sở Tài chính"]);
        assert_eq!(agents_of("Việc kiểm tra Do Thanh tra tỉnh thực hiện."), ["Thanh tra tỉnh"]);
        assert_eq!(agents_of("Việc kiểm tra do Thanh tra tỉnh thực hiện."), ["Thanh tra tỉnh"]);
        assert!(agents_of("Sở Tài chính thẩm định kế hoạch.").is_empty());
    }
}
