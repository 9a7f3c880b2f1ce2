//! Citations of other documents (`vn-document-format.md` §3, §7; `annotation-schema.md`, "references"),
//! found paragraph by paragraph in the cleaned text of the lexical layer, in three steps like `eyecite`'s:
//!
//! - find: numbered citations ([`numbered`]) and citations by name ([`named`]) in each paragraph;
//! - resolve: one entry per distinct document ([`resolve`]): aliases (`(sau đây viết tắt là …)`), later short
//!   forms (`Nghị quyết Đại hội XIII`, `Luật MTTQ Việt Nam`), a law cited by name and by number, and a document
//!   named as what a cited document approves (`Quyết định số 142/QĐ-TTg phê duyệt Chiến lược …`) are one;
//! - pinpoint: the article, clause and point each mention names ([`pinpoint`]).
//!
//! Their words are the lexicon's (`data/lexicon.tsv`); the shapes are in [`vocab`].
mod attached;
mod dates;
mod named;
mod notes;
mod numbered;
mod pinpoint;
mod resolve;
mod vocab;
mod zone;

use crate::lex::lines::Para;
use crate::lex::offsets::OffsetMap;
use crate::model::{Date, DocType, Pinpoint, Reference, Span, Symbol};
use named::Named;
use resolve::{Alias, AliasTarget, NameForm};
use rustc_hash::FxHashMap as HashMap;
use zone::{fold_key, fold_name};

pub use attached::{mark as mark_attached, Attached};

/// The paragraph being read: its cleaned text and the way back to the text.
pub(super) struct Ctx<'a> {
    pub zone: &'a str,
    map: &'a OffsetMap,
    /// When the paragraph is a footnote: what its call says of the documents it lists.
    pub note: Option<&'a notes::Call>,
}

impl Ctx<'_> {
    /// A span of the cleaned text as a span of the text.
    fn span(&self, (s, e): (usize, usize)) -> Span {
        let (a, b) = self.map.span_to_source(s, e);
        Span::new(a, b)
    }
}

/// The references found so far, and what resolution needs to know of them.
pub(super) struct Refs {
    list: Vec<Reference>,
    /// Reference index by key: a symbol is looked up in constant time, so de-duplication stays linear.
    by_key: HashMap<String, usize>,
    /// The same by [`loose_key`]: a symbol printed with its issuer's parts in another order.
    by_loose_key: HashMap<String, usize>,
    own: Option<String>,
    /// Names a numbered citation is also known by (a law's name before its number, what it approves).
    known: Forms,
    /// The pinpoint printed before each mention, by the mention's span.
    pins: HashMap<Span, pinpoint::Found>,
}

impl Refs {
    /// Add a mention of a numbered citation; its index, or `None` for the document's own symbol.
    fn add(&mut self, cx: &Ctx, doc_type: Option<DocType>, symbol: Symbol, date: Option<Date>, issuer: Option<String>, at: (usize, usize)) -> Option<usize> {
        let key = fold_key(&symbol.raw);
        if self.own.as_deref() == Some(key.as_str()) {
            return None;
        }
        let span = cx.span(at);
        if let Some(p) = pinpoint::before(cx.zone, at.0) {
            self.pins.insert(span, pinpoint::Found { start: cx.span((p.start, p.start)).start, ..p });
        }
        let loose = loose_key(&symbol);
        if let Some(&i) = self.by_key.get(&key).or_else(|| loose.as_ref().and_then(|l| self.by_loose_key.get(l))) {
            let r = &mut self.list[i];
            r.mentions.push(span);
            if r.date.is_none() {
                r.date = date;
            }
            if r.issuer.is_none() {
                r.issuer = issuer;
            }
            return Some(i);
        }
        self.by_key.insert(key.clone(), self.list.len());
        if let Some(l) = loose {
            self.by_loose_key.entry(l).or_insert(self.list.len());
        }
        self.list.push(Reference { doc_type, symbol: Some(symbol), date, issuer, name: None, key, mentions: vec![span], attached: false, pinpoints: Vec::new() });
        Some(self.list.len() - 1)
    }

    fn known_as(&mut self, r: usize, doc_type: DocType, form: NameForm) {
        self.known.push(r, doc_type, form);
    }
}

/// A symbol's number, type and the parts of its issuer in order: `16/KH-MTTQ-BTT` and `16/KH-BTT-MTTQ` (the
/// same plan, printed both ways in one text) share it.
fn loose_key(symbol: &Symbol) -> Option<String> {
    let (number, type_code, issuer) = (symbol.number.as_ref()?, symbol.type_code.as_ref()?, symbol.issuer_code.as_ref()?);
    let mut parts: Vec<String> = issuer.split(['-', '/']).map(|p| fold_key(p)).collect();
    if parts.len() < 2 {
        return None;
    }
    parts.sort();
    Some(format!("{number}|{}|{}", fold_key(type_code), parts.join("-")))
}

/// Name forms of documents, indexed by type and by the first word after the type word, so that finding the
/// document a name stands for looks at the few forms that could match, not at all of them.
#[derive(Default)]
struct Forms {
    /// (reference, type, form), in the order added.
    all: Vec<(usize, DocType, NameForm)>,
    by_head: HashMap<(String, Option<String>), Vec<usize>>,
    /// Forms whose first word is an abbreviation (`Luật MTTQ`): they may match another head, so every name of
    /// their type is compared with them; and the forms of each type, for a name that is itself abbreviated.
    abbreviated: HashMap<String, Vec<usize>>,
    by_type: HashMap<String, Vec<usize>>,
}

impl Forms {
    fn push(&mut self, r: usize, doc_type: DocType, form: NameForm) {
        let k = self.all.len();
        let code = doc_type.code().to_string();
        let tw = resolve::type_word_count(&doc_type);
        if form.head_is_abbreviation(tw) {
            self.abbreviated.entry(code.clone()).or_default().push(k);
        }
        self.by_head.entry((code.clone(), form.head(tw))).or_default().push(k);
        self.by_type.entry(code).or_default().push(k);
        self.all.push((r, doc_type, form));
    }

    fn contains(&self, r: usize, form: &NameForm) -> bool {
        self.all.iter().any(|(x, _, f)| *x == r && f == form)
    }

    /// The reference of the first form (in the order added) of type `doc_type` that names the same document as
    /// `form`.
    fn find(&self, doc_type: &DocType, form: &NameForm) -> Option<usize> {
        self.matching(doc_type, form).first().map(|&k| self.all[k].0)
    }

    /// The lowest reference with a form of type `doc_type` that names the same document as `form`.
    fn find_lowest(&self, doc_type: &DocType, form: &NameForm) -> Option<usize> {
        self.matching(doc_type, form).iter().map(|&k| self.all[k].0).min()
    }

    /// The forms of type `doc_type` that name the same document as `form`, in the order added.
    fn matching(&self, doc_type: &DocType, form: &NameForm) -> Vec<usize> {
        let code = doc_type.code().to_string();
        let tw = resolve::type_word_count(doc_type);
        let mut candidates: Vec<usize> = if form.head_is_abbreviation(tw) {
            self.by_type.get(&code).cloned().unwrap_or_default()
        } else {
            let mut v = self.by_head.get(&(code.clone(), form.head(tw))).cloned().unwrap_or_default();
            v.extend(self.abbreviated.get(&code).into_iter().flatten());
            v.sort_unstable();
            v.dedup();
            v
        };
        candidates.retain(|&k| self.all[k].1 == *doc_type && resolve::same_document(&self.all[k].2, form, tw));
        candidates
    }
}

/// Where a name resolved to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Dest {
    Ref(usize),
    Drop,
}

/// The references of the paragraphs that cite (title, preamble, body), skipping the document's own symbol.
pub fn extract(paras: &[&Para], own_symbol: Option<&str>) -> Vec<Reference> {
    let mut refs = Refs { list: Vec::new(), by_key: HashMap::default(), by_loose_key: HashMap::default(), own: own_symbol.map(fold_key), known: Forms::default(), pins: HashMap::default() };
    let mut named: Vec<Named> = Vec::new();
    let mut aliases: Vec<Alias> = Vec::new();
    let calls = notes::calls(paras);
    for p in paras {
        if !may_cite(&p.clean) {
            continue;
        }
        // a footnote's type: its own head's (`[1] Các công điện: ...`), else its call's
        let note = notes::note_number(&p.clean).and_then(|(n, from)| {
            let call = calls.get(&n).cloned().unwrap_or_default();
            Some(notes::Call { type_word: notes::head_type(&p.clean[from..]).or(call.type_word), issuer: call.issuer })
        });
        let cx = Ctx { zone: &p.clean, map: &p.map, note: note.as_ref() };
        let numbered = numbered::scan(&cx, &mut refs);
        let mut here: Vec<Named> = Vec::new();
        named::named_in(cx.zone, &numbered, &mut here);
        resolve::aliases_in(cx.zone, &here, named.len(), &numbered, &refs.list, |o| p.map.to_source(o), &mut aliases);
        for mut n in here {
            let span = cx.span(n.span);
            if let Some(pin) = pinpoint::before(cx.zone, n.span.0) {
                refs.pins.insert(span, pinpoint::Found { start: cx.span((pin.start, pin.start)).start, ..pin });
            }
            n.span = (span.start, span.end);
            named.push(n);
        }
    }
    let cued = resolve_names(&mut refs, &named, &aliases);
    let pins = std::mem::take(&mut refs.pins);
    let mut list: Vec<Reference> = refs.list.into_iter().zip(cued).filter(|(_, c)| *c).map(|(r, _)| r).collect();
    for r in &mut list {
        r.mentions.sort_unstable();
        r.pinpoints = r
            .mentions
            .iter()
            .enumerate()
            .filter_map(|(i, m)| {
                let p = pins.get(m)?;
                Some(Pinpoint { mention: i, article: p.article.clone(), clause: p.clause.clone(), point: p.point.clone(), span: Span::new(p.start, m.start) })
            })
            .collect();
    }
    list.sort_by_key(|r| r.mentions.first().map_or(usize::MAX, |m| m.start));
    list
}

/// Whether a paragraph may hold a citation at all: a number (every numbered citation has one) or a capital
/// or a type word in lower case (a name). A cheap test that spares most paragraphs of running text nothing,
/// but the empty and the purely numeric ones.
fn may_cite(clean: &str) -> bool {
    clean.bytes().any(|b| b.is_ascii_digit() || b.is_ascii_uppercase() || b >= 0x80)
}

/// Resolve each name: issued by a numbered citation, an alias, a law's name, an earlier name; else a new
/// reference. Returns, per reference, whether it counts: a citation by number, or a name seen with a cue.
fn resolve_names(refs: &mut Refs, named: &[Named], aliases: &[Alias]) -> Vec<bool> {
    let mut dest: Vec<Dest> = Vec::with_capacity(named.len());
    // the distinct name forms of the references cited by name
    let mut groups = Forms::default();
    let mut cued: Vec<bool> = vec![true; refs.list.len()];
    for (k, n) in named.iter().enumerate() {
        let tw = resolve::type_word_count(&n.doc_type);
        let fold = fold_name(&n.name);
        let form = NameForm::new(&n.name);
        // an alias, or a longer form of it (`Nghị quyết Đại hội XIII của Đảng`); a bare type word (`(gọi tắt là
        // Luật)`) stands only for itself
        let alias = aliases.iter().find(|a| {
            a.at < n.span.0
                && (fold == a.fold || a.fold.split(' ').count() >= tw + 2 && fold.strip_prefix(a.fold.as_str()).is_some_and(|r| r.starts_with(' ')))
        });
        let d = if let Some(r) = n.issued_by {
            if !refs.known.contains(r, &form) {
                refs.known.push(r, n.doc_type.clone(), form);
            }
            Dest::Ref(r)
        } else if let Some(a) = alias {
            match a.target {
                AliasTarget::Named(j) if j < k => dest[j],
                AliasTarget::Numbered(r) => Dest::Ref(r),
                _ => Dest::Drop,
            }
        } else if let Some(r) = refs.known.find(&n.doc_type, &form) {
            Dest::Ref(r)
        } else if let Some(r) = groups.find_lowest(&n.doc_type, &form) {
            // the fullest name is the one printed
            if n.name.chars().count() > refs.list[r].name.as_deref().map_or(0, |x| x.chars().count()) {
                refs.list[r].key = format!("{}:{}", n.doc_type.code(), fold);
                refs.list[r].name = Some(n.name.clone());
            }
            if !groups.contains(r, &form) {
                groups.push(r, n.doc_type.clone(), form);
            }
            Dest::Ref(r)
        } else {
            refs.list.push(Reference {
                doc_type: Some(n.doc_type.clone()),
                symbol: None,
                date: None,
                issuer: None,
                name: Some(n.name.clone()),
                key: format!("{}:{}", n.doc_type.code(), fold),
                mentions: Vec::new(),
                attached: false,
                pinpoints: Vec::new(),
            });
            let r = refs.list.len() - 1;
            groups.push(r, n.doc_type.clone(), form);
            cued.push(false);
            Dest::Ref(r)
        };
        if let Dest::Ref(r) = d {
            cued[r] |= n.cue || n.attached;
            if refs.list[r].date.is_none() {
                refs.list[r].date = n.date;
            }
            refs.list[r].mentions.push(Span::new(n.span.0, n.span.1));
            refs.list[r].attached |= n.attached && refs.list[r].symbol.is_none();
        }
        dest.push(d);
    }
    cued
}

/// The references of `text` read as the body of a document: its paragraphs (as the parser cuts them) all cite.
/// For tests and tools; a parse (`vanban::parse`) finds the references itself.
pub fn extract_text(text: &str) -> Vec<Reference> {
    use crate::lex::lines;
    let ls = lines::split_lines(text);
    let mut paras = lines::paragraphs(text, &ls);
    lines::rejoin_page_breaks(&mut paras);
    let refs: Vec<&Para> = paras.iter().collect();
    extract(&refs, None)
}
#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn a_qualifier_may_stand_between_the_type_word_and_the_number() {
        // the form of `Báo cáo tiếp thu số …` in resolutions of people's councils (issue 3)
        let t = "Xét Tờ trình số 12/TTr-UBND ngày 01/02/2025 của Ủy ban nhân dân tỉnh; Báo cáo thẩm tra số 45/BC-HĐND ngày 03/02/2025 của Ban Pháp chế và Báo cáo tiếp thu số 235/BC-STP ngày 12/5/2025 của Sở Tư pháp.";
        let r = extract_text(t);
        let keys: Vec<(&str, Option<&str>)> = r.iter().map(|r| (r.key.as_str(), r.issuer.as_deref())).collect();
        assert!(keys.contains(&("45/BC-HĐND", Some("Ban Pháp chế"))), "{keys:?}");
        assert!(keys.contains(&("235/BC-STP", Some("Sở Tư pháp"))), "{keys:?}");
        assert!(r.iter().all(|r| r.doc_type.is_some()));
    }
    #[test]
    fn pinpoints_keep_article_clause_and_point() {
        // tnt_NQ_73-2025-NQ-HDND_06c6f91f.md; tnt_QD_3361-QD-BCT_266dbea1.md; lmx_HD_04.txt
        let t = "Căn cứ điểm a khoản 3 Điều 43 Luật Thủ đô năm 2024; theo khoản 1 Điều 28 Nghị định số 31/2018/NĐ-CP ngày 08/3/2018 của Chính phủ; quy định tại khoản 4, Điều 2 Nghị quyết số 101/2025/UBTVQH15; Nghị định số 30/2020/NĐ-CP.";
        let r = extract_text(t);
        let pins: Vec<(Option<&str>, Option<&str>, Option<&str>, &str)> = r
            .iter()
            .flat_map(|r| r.pinpoints.iter().map(move |p| (p.point.as_deref(), p.clause.as_deref(), p.article.as_deref(), &r.key[..])))
            .collect();
        assert!(pins.contains(&(Some("a"), Some("3"), Some("43"), "L:luật thủ đô năm 2024")), "{pins:?}");
        assert!(pins.contains(&(None, Some("1"), Some("28"), "31/2018/NĐ-CP")), "{pins:?}");
        assert!(pins.contains(&(None, Some("4"), Some("2"), "101/2025/UBTVQH15")), "{pins:?}");
        let plain = r.iter().find(|r| r.key == "30/2020/NĐ-CP").unwrap();
        assert!(plain.pinpoints.is_empty());
        let p = &r.iter().find(|r| r.key == "31/2018/NĐ-CP").unwrap().pinpoints[0];
        assert_eq!(&t[p.span.start..p.span.end], "khoản 1 Điều 28 ");
    }
    fn refs(t: &str) -> Vec<(String, Option<String>, Option<String>)> {
        extract_text(t)
            .into_iter()
            .map(|r| (r.symbol.unwrap().raw, r.date.map(|d| d.iso()), r.issuer))
            .collect()
    }
    /// (type code, symbol or name, attached) of each reference.
    fn cited(t: &str) -> Vec<(String, String, bool)> {
        extract_text(t)
            .into_iter()
            .map(|r| (r.doc_type.map(|d| d.code().to_string()).unwrap_or_default(), r.name.or(r.symbol.map(|s| s.raw)).unwrap(), r.attached))
            .collect()
    }
    fn names(t: &str) -> Vec<String> {
        cited(t).into_iter().map(|x| x.1).collect()
    }
    #[test]
    fn a_footnote_lists_citations_of_the_type_and_issuer_its_call_names() {
        // tnt_CD_226-CD-TTg_858c0de4.md: the call in the body, the note after the signature
        let t = "Chính phủ, Thủ tướng Chính phủ đã ban hành nhiều văn bản, công điện[1] chỉ đạo tập trung ứng phó.\n\n[1] **Các công điện:** số 217/CĐ-TTg ngày 16/11/2025; số 218/CĐ-TTg ngày\n16/11/2025; số 223/CĐ-TTg ngày 20/11/2025, số 225/CĐ-TTg ngày 20/11/2025.\n";
        let r = extract_text(t);
        let got: Vec<(String, Option<String>, Option<String>, Option<String>)> =
            r.iter().map(|r| (r.symbol.clone().unwrap().raw, r.doc_type.as_ref().map(|d| d.code().to_string()), r.date.map(|d| d.iso()), r.issuer.clone())).collect();
        assert_eq!(got.len(), 4, "{got:?}");
        for (sym, date) in [("217/CĐ-TTg", "2025-11-16"), ("218/CĐ-TTg", "2025-11-16"), ("225/CĐ-TTg", "2025-11-20")] {
            assert!(got.contains(&(sym.into(), Some("CĐ".into()), Some(date.into()), Some("Thủ tướng Chính phủ".into()))), "{sym} in {got:?}");
        }
    }
    #[test]
    fn a_list_sharing_one_type_word_cites_each() {
        let r = refs("Thực hiện các Công điện số 217/CĐ-TTg, 218/CĐ-TTg của Thủ tướng Chính phủ.");
        assert_eq!(r.iter().map(|r| (r.0.as_str(), r.2.as_deref())).collect::<Vec<_>>(), [("217/CĐ-TTg", Some("Thủ tướng Chính phủ")), ("218/CĐ-TTg", Some("Thủ tướng Chính phủ"))]);
    }
    #[test]
    fn a_grammar_word_glued_to_a_symbol_is_not_part_of_it() {
        assert_eq!(refs("Thực hiện Thông báo số 70-TB/TWngày 15/3/2024 của Ban Bí thư về việc tiếp tục."), vec![("70-TB/TW".into(), Some("2024-03-15".into()), Some("Ban Bí thư".into()))]);
    }
    #[test]
    fn a_law_of_several_years_cites_each_and_a_place_line_ends_a_name() {
        assert_eq!(names("Căn cứ Luật Doanh nghiệp năm 2000, 2005, 2014 và các văn bản hướng dẫn."), ["Luật Doanh nghiệp năm 2000", "Luật Doanh nghiệp năm 2005", "Luật Doanh nghiệp năm 2014"]);
        assert_eq!(names("Căn cứ Luật BHYT\nHà Nội, ngày 12 tháng 3 năm 2024"), ["Luật BHYT"]);
    }
    #[test]
    fn a_code_named_in_lower_case_before_its_number_is_found() {
        assert_eq!(refs("Căn cứ Bộ luật dân sự số 33/2005/QH11 ngày 14/6/2005;"), vec![("33/2005/QH11".into(), Some("2005-06-14".into()), None)]);
    }
    #[test]
    fn a_named_law_takes_the_date_printed_after_it_and_a_plan_its_vision() {
        // tnt_QD_2623-QD-TTg_86367f2d.md; tnt_KH_617-KH-UBND_8718801c.md
        let r = extract_text("*Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm\n2025;*\n\nTriển khai khu công viên phần mềm theo Quy hoạch hạ tầng thông\ntin và truyền thông thời kỳ 2021 - 2030, tầm nhìn đến năm 2050 phù hợp với địa phương.");
        assert_eq!(r[0].date.map(|d| d.iso()).as_deref(), Some("2025-02-18"));
        assert_eq!(r[1].name.as_deref(), Some("Quy hoạch hạ tầng thông tin và truyền thông thời kỳ 2021 - 2030, tầm nhìn đến năm 2050"));
    }
    #[test]
    fn one_symbol_printed_with_its_parts_in_another_order_is_one_document() {
        // lmx_KH_09.txt: `16/KH-MTTQ-BTT` in the preamble, `16/KH-BTT-MTTQ` later
        let r = refs("Căn cứ Kế hoạch số 16/KH-MTTQ-BTT ngày 23/12/2025 của Ban Thường trực.\n\nTheo Mục II Kế hoạch số 16/KH-BTT-MTTQ của Tỉnh.");
        assert_eq!(r.len(), 1, "{r:?}");
    }
    #[test]
    fn a_symbol_ends_at_its_paragraph() {
        // tnt_KH_556-KH-UBND_bffd9da6.md: a heading ends with the symbol, a bullet follows after a blank line
        let t = "**1.\nCông tác quán triệt để triển khai thực hiện\nNghị quyết số 48/NQ-CP**\n\n- Tập trung quán triệt\n";
        assert_eq!(refs(t).into_iter().map(|r| r.0).collect::<Vec<_>>(), ["48/NQ-CP"]);
    }
    #[test]
    fn a_date_split_by_a_page_break_is_read_whole() {
        // tnt_QD_71-2025-QD-UBND_af2a4fc9.md
        let t = "theo quy định của Nghị quyết số\n04/2025/NQ-HĐND ngày 29 tháng\n\n4 năm 2025 của Hội đồng\nnhân dân thành phố Hà Nội và các quyền lợi khác.";
        assert_eq!(refs(t), vec![("04/2025/NQ-HĐND".into(), Some("2025-04-29".into()), Some("Hội đồng nhân dân thành phố Hà Nội".into()))]);
    }
    #[test]
    fn party_citation_with_comma_date_and_issuer() {
        // seed-kh-langson-2022.txt
        let t = "Thực hiện Kế hoạch số 58-KH/BTCTW, ngày 28/02/2022 của Ban Tổ chức Trung ương về thông tin";
        assert_eq!(refs(t), vec![("58-KH/BTCTW".into(), Some("2022-02-28".into()), Some("Ban Tổ chức Trung ương".into()))]);
    }
    #[test]
    fn broken_symbol_and_long_date() {
        // tnt_KH_141-KH-UBND_09daab28.md
        let t = "quán triệt Nghị quyết số 27/NQ- TW ngày 09/11/2022 của Ban Chấp hành\nTrung ương đảng khóa XIII về tiếp tục; Nghị quyết số 66-NQ/TW ngày 30\ntháng 4 năm 2025 của Bộ Chính trị về đổi mới";
        let r = refs(t);
        assert_eq!(r[0], ("27/NQ-TW".into(), Some("2022-11-09".into()), Some("Ban Chấp hành Trung ương đảng khóa XIII".into())));
        assert_eq!(r[1], ("66-NQ/TW".into(), Some("2025-04-30".into()), Some("Bộ Chính trị".into())));
    }
    #[test]
    fn a_list_cites_several_and_repeats_resolve_to_one() {
        let t = "các Nghị quyết số 19-NQ/TW, số 20-NQ/TW và số 21-NQ/TW của Hội nghị; thực hiện Nghị quyết số 20-NQ/TW.";
        let r = refs(t);
        assert_eq!(r.iter().map(|x| x.0.as_str()).collect::<Vec<_>>(), ["19-NQ/TW", "20-NQ/TW", "21-NQ/TW"]);
    }
    #[test]
    fn law_named_before_its_number() {
        // tnt_QD_383-QD-TW_056a116c.md
        let t = "- Căn cứ Luật Lưu trữ số 33/2024/QH15, ngày\n21/6/2024 của Quốc hội khoá XV;";
        assert_eq!(refs(t), vec![("33/2024/QH15".into(), Some("2024-06-21".into()), Some("Quốc hội khoá XV".into()))]);
    }

    #[test]
    fn congress_resolutions_by_name_with_their_aliases_and_short_forms() {
        // seed-kh-langson-2022.txt (lines 11, 17, 31)
        let t = "những nội dung mới trong Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng (*sau đây viết tắt là Nghị quyết Đại hội XIII*), Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Lạng Sơn lần thứ XVII (*sau đây viết tắt là Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII*), làm cho cán bộ.\n\n4. Tổ chức thực hiện Nghị quyết Đại hội XIII, Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII và nghị quyết đại hội đảng bộ các cấp; nhất là thực hiện Chiến lược phát triển kinh tế - xã hội 10 năm 2021 - 2030, vừa phòng.\n\n1.3. Việc tiếp tục cụ thể hóa Nghị quyết Đại hội XIII của Đảng, Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII; thực hiện Chiến lược phát triển kinh tế - xã hội 10 năm 2021 - 2030, tầm nhìn đến năm 2045";
        assert_eq!(
            cited(t),
            vec![
                ("NQ".into(), "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng".into(), false),
                ("NQ".into(), "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Lạng Sơn lần thứ XVII".into(), false),
                ("Chiến lược".into(), "Chiến lược phát triển kinh tế - xã hội 10 năm 2021 - 2030".into(), false),
            ]
        );
    }
    #[test]
    fn one_plenum_of_two_terms_cites_two_resolutions() {
        // seed-kh-langson-2022.txt (line 35)
        let t = "thực hiện Nghị quyết Trung ương 4 khóa XI, XII, Kết luận số 21-KL/TW của Ban Chấp hành Trung ương khóa XIII, gắn với";
        assert_eq!(names(t), ["Nghị quyết Trung ương 4 khóa XI", "Nghị quyết Trung ương 4 khóa XII", "21-KL/TW"]);
        // a plenum with its term in brackets (vn-document-format.md §7)
        assert_eq!(names("quán triệt Nghị quyết Hội nghị Trung ương 6 (khóa XII) về"), ["Nghị quyết Hội nghị Trung ương 6 (khóa XII)"]);
    }
    #[test]
    fn laws_by_name_and_by_number_are_one_each() {
        // lmx_KH_02.txt (lines 33, 39)
        let t = "Căn cứ Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13, ngày 25/6/2015 và được sửa đổi, bổ sung một số điều tại Luật số 83/2025/QH15, ngày 24/6/2025; Luật Mặt trận Tổ quốc Việt Nam số 75/2015/QH13, ngày 09/6/2015 và Luật số 97/2025/QH15, ngày 27/6/2025 về sửa đổi, bổ sung một số điều của Luật Mặt trận Tổ quốc Việt Nam, Luật Công đoàn, Luật Thanh niên, Luật Thực hiện dân chủ ở cơ sở; Chỉ thị số 46-CT/TW.\n\n- Triển khai theo quy định của Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân, Luật MTTQ Việt Nam, các văn bản hướng dẫn.";
        let r = extract_text(t);
        assert_eq!(r[0].date.map(|d| d.iso()).as_deref(), Some("2015-06-25"));
        assert_eq!(
            names(t),
            ["85/2015/QH13", "83/2025/QH15", "75/2015/QH13", "97/2025/QH15", "Luật Công đoàn", "Luật Thanh niên", "Luật Thực hiện dân chủ ở cơ sở", "46-CT/TW"]
        );
        // the later mentions by name are mentions of the numbered laws
        assert_eq!(r[0].mentions.len(), 2);
        assert_eq!(r[2].mentions.len(), 3);
    }
    #[test]
    fn a_law_name_ends_at_the_clause_and_keeps_its_fullest_form() {
        // tnt_CT_09-CT-UBND_2847e161.md
        let t = "chấp hành nghiêm quy định của Luật Tài nguyên nước và các văn bản quy phạm pháp luật liên quan; bảo vệ nguồn nước theo quy định tại Luật Tài nguyên nước năm 2023. b) Thực hiện theo quy định của Luật Tài nguyên nước (trong đó, chú trọng)";
        assert_eq!(names(t), ["Luật Tài nguyên nước năm 2023"]);
        // tnt_KH_141-KH-UBND_09daab28.md: an abbreviation in the name, the Constitution
        let t = "phù hợp với Hiến pháp, pháp luật và thực tiễn; Luật Ban hành văn bản QPPL và các văn bản hướng dẫn thi hành, theo Luật Ngân sách nhà\nnước; Nghị quyết";
        assert_eq!(cited(t).into_iter().map(|x| (x.0, x.1)).collect::<Vec<_>>(), [("HP".into(), "Hiến pháp".into()), ("L".into(), "Luật Ban hành văn bản QPPL".into()), ("L".into(), "Luật Ngân sách nhà nước".into())]);
        // tnt_QD_383-QD-TW_056a116c.md
        assert_eq!(cited("- Căn cứ Điều lệ Đảng;\n\n(thực hiện theo Luật Doanh nghiệp, Luật Kế toán) do cấp ủy").into_iter().map(|x| (x.0, x.1)).collect::<Vec<_>>(), [("Điều lệ".into(), "Điều lệ Đảng".into()), ("L".into(), "Luật Doanh nghiệp".into()), ("L".into(), "Luật Kế toán".into())]);
    }
    #[test]
    fn amending_laws_and_decrees_still_to_be_issued() {
        // tnt_KH_7360-KH-UBND_6a406c1f.md
        let t = "ban hành Kế hoạch triển khai thi hành Luật sửa đổi, bổ sung một số điều của Luật Tiêu chuẩn và\nquy chuẩn kỹ thuật.\n\na) Nghị định quy định chi tiết\nthi hành một số điều của Luật Tiêu chuẩn và quy chuẩn kỹ thuật và Luật sửa đổi,\nbổ sung một số điều của Luật Tiêu chuẩn và quy chuẩn kỹ thuật.\n\nb) Nghị định quy định về điều\nkiện kinh doanh dịch vụ và đánh giá sự phù hợp.\n\n+ theo quy định tại Điều 59 Luật Ban hành văn bản quy phạm pháp luật và Nghị\nđịnh số 80/2025/NĐ-CP ngày 01 tháng 4 năm 2025 của Chính phủ về tổ chức";
        assert_eq!(
            names(t),
            [
                "Luật sửa đổi, bổ sung một số điều của Luật Tiêu chuẩn và quy chuẩn kỹ thuật",
                "Luật Tiêu chuẩn và quy chuẩn kỹ thuật",
                "Nghị định quy định chi tiết thi hành một số điều của Luật Tiêu chuẩn và quy chuẩn kỹ thuật và Luật sửa đổi, bổ sung một số điều của Luật Tiêu chuẩn và quy chuẩn kỹ thuật",
                "Nghị định quy định về điều kiện kinh doanh dịch vụ và đánh giá sự phù hợp",
                "Luật Ban hành văn bản quy phạm pháp luật",
                "80/2025/NĐ-CP",
            ]
        );
    }
    #[test]
    fn what_a_cited_decision_approves_is_not_listed_again() {
        // tnt_KH_308-KH-UBND_8e9a425d.md
        let t = "Quyết định số 142/QĐ-TTg của Thủ tướng Chính phủ phê duyệt Chiến lược dữ liệu quốc gia đến năm 2030; Quyết định 1229/QĐ-UBND ngày 28/02/2025 của UBND Thành phố về việc Phê duyệt “Chiến lược dữ liệu thành phố Hà Nội đến năm 2030 triển khai thực hiện Quyết định số 142/QĐ-TTg ngày 02/02/2024 của Thủ tướng Chính phủ phê duyệt Chiến lược dữ liệu Quốc gia”;\n\na) Nhiệm vụ: rà soát, hoàn thiện Chiến lược dữ liệu thành phố Hà Nội đến năm 2030 được UBND Thành phố phê duyệt tại Quyết định số 1229/QĐ-UBND; xây dựng Chiến lược dữ liệu thành phố Hà Nội. Theo tiêu chuẩn TCVN 14423:2025 về An ninh mạng, gắn với triển khai Đề án 06 theo quy định.";
        assert_eq!(names(t), ["142/QĐ-TTg", "1229/QĐ-UBND", "TCVN 14423:2025", "Đề án 06"]);
        let r = extract_text(t);
        assert_eq!(r[1].date.map(|d| d.iso()).as_deref(), Some("2025-02-28"));
        assert_eq!(r[2].doc_type.as_ref().map(|d| d.code()), Some("TCVN"));
    }
    #[test]
    fn a_programme_named_again_by_its_alias_or_another_stage_is_one() {
        // tnt_KH_160-KH-UBND_5d99697f.md
        let t = "hướng dẫn giám sát, đánh giá thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025; Căn cứ Nghị quyết số 206/NQ-HĐND ngày 03 tháng 10 năm 2025 của Hội đồng nhân dân thành phố Cần Thơ về việc phân bổ dự toán thuộc Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2025; Ủy ban nhân dân thành phố ban hành Kế hoạch giám sát, đánh giá Chương trình mục tiêu quốc gia giảm nghèo bền vững trên địa bàn thành phố Cần Thơ năm 2025 (sau đây gọi tắt là Chương trình), với nội dung. Ban Chỉ đạo các Chương trình mục tiêu quốc gia thành phố.";
        assert_eq!(names(t), ["Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025", "206/NQ-HĐND"]);
        // tnt_CT_09-CT-UBND_2847e161.md: a national programme in lower case
        assert_eq!(names("b) Tiếp tục thực hiện hiệu quả chương trình quốc gia bảo đảm cấp nước an toàn, thực hiện tốt"), ["chương trình quốc gia bảo đảm cấp nước an toàn"]);
    }
    #[test]
    fn a_decree_named_by_the_subject_of_its_numbered_citation_is_that_decree() {
        // tnt_KH_980-KH-UBND_c5d930a5.md
        let t = "triển khai thi hành Nghị định số 200/2025/NĐ-CP ngày 09/7/2025 của Chính phủ quy định chi tiết một số điều của Luật Phòng thủ dân sự (sau đây viết tắt là Nghị định). 2. Triển khai các văn bản hướng dẫn thi hành Nghị định quy định chi tiết một số điều của Luật Phòng thủ dân sự. 3. Tuyên truyền";
        assert_eq!(names(t), ["200/2025/NĐ-CP", "Luật Phòng thủ dân sự"]);
        assert_eq!(extract_text(t)[0].mentions.len(), 2);
    }
    #[test]
    fn an_alias_that_is_a_bare_type_word_stands_only_for_itself() {
        let t = "triển khai thi hành Luật Giáo dục (sau đây gọi tắt là Luật) trên địa bàn; kinh phí theo Luật Ngân sách nhà nước và thi hành Luật.";
        assert_eq!(names(t), ["Luật Giáo dục", "Luật Ngân sách nhà nước"]);
    }
    #[test]
    fn attachments_of_the_document() {
        // seed-kh-langson-2022.txt (lines 65, 121)
        let t = "theo Đề cương thông tin, tuyên truyền công tác xây dựng Đảng, xây dựng hệ thống chính trị năm 2022 (*ban hành kèm theo Kế hoạch này*) để đăng. Tham gia Giải Búa liềm vàng lần thứ VII năm 2022.\n\n(Gửi kèm Kế hoạch này Đề cương thông tin, tuyên truyền về công tác xây dựng Đảng, xây dựng hệ thống chính trị năm 2022).";
        assert_eq!(cited(t), [("Đề cương".into(), "Đề cương thông tin, tuyên truyền về công tác xây dựng Đảng, xây dựng hệ thống chính trị năm 2022".into(), true)]);
        // tnt_HD_45-HD-BTCTW_fe168907.md: a titled appendix, a list; not an appendix of a cited regulation
        let t = "các chức danh nêu tại Phụ lục 01, Quy định 377 và quyết định. (Có Phụ lục 1. Xác định\ntuổi đối với các chức danh quy hoạch kèm theo). Hướng dẫn này, các phụ lục 1, 2A, 2B, 3A, 3B kèm theo có hiệu lực từ ngày ký";
        assert_eq!(
            names(t),
            ["Phụ lục 1. Xác định tuổi đối với các chức danh quy hoạch", "Phụ lục 2A", "Phụ lục 2B", "Phụ lục 3A", "Phụ lục 3B"]
        );
        assert!(cited(t).iter().all(|x| x.0 == "Phụ lục" && x.2));
        // tnt_TT_58-2025-TT-BCT_6bdbdeb0.md: the appendix of another document is not ours
        assert!(names("Phụ lục I CÁC THÔNG SỐ CHÍNH (Kèm theo Hợp đồng số …ngày … tháng … năm…)").is_empty());
    }
    #[test]
    fn the_document_itself_and_classes_are_not_references() {
        assert!(names("Trên đây là Kế hoạch này; thực hiện các nghị quyết, chỉ thị, kết luận của Trung ương và nghị quyết đại hội đảng bộ các cấp.").is_empty());
        // tnt_ND_170-2025-ND-CP_c22591f1.md: the decree issuing itself
        assert!(names("Chính phủ ban hành Nghị định quy định về tuyển dụng, sử dụng và quản lý công chức.").is_empty());
        // tnt_ND_308-2025-ND-CP_54c3026b.md: a ceremony's programme, not a document
        assert!(names("2. Về Chương trình nghệ thuật chào mừng (nếu có) thực hiện trước").is_empty());
        // tnt_QD_2629-QD-TTg_2edf5927.md: a table cell ends a name
        assert_eq!(names("Trình Quốc hội dự thảo Luật | Tháng 12/2025 |\n| 2 | Xây dựng Luật An ninh dữ liệu. |"), ["Luật An ninh dữ liệu"]);
    }
    #[test]
    fn issuers_before_the_citation_and_shared_by_a_list() {
        // tnt_CV_4240-UBND-VX_a12a41bb.md
        let t = "Ngày 28 tháng 10 năm 2025, Chủ tịch Ủy ban nhân dân Thành phố đã ban hành Công văn số 3280/UBND-VX về việc triển khai; Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 9807/TTr-SNV ngày 25 tháng 11 năm 2025;";
        assert_eq!(
            refs(t),
            vec![
                ("3280/UBND-VX".into(), Some("2025-10-28".into()), Some("Chủ tịch Ủy ban nhân dân Thành phố".into())),
                ("9807/TTr-SNV".into(), Some("2025-11-25".into()), Some("Giám đốc Sở Nội vụ".into())),
            ]
        );
        assert_eq!(refs("Thông tư số 02/2015/TT-BKHĐT của Bộ Kế hoạch và Đầu tư hướng dẫn")[0].2.as_deref(), Some("Bộ Kế hoạch và Đầu tư"));
        // tnt_HD_45-HD-BTCTW_fe168907.md
        let t = "theo quy định của Đảng và các Nghị định số 83/2022/NĐ-CP ngày 18/10/2022, Nghị định số 99/2024/NĐ-CP ngày 26/7/2024 của Chính phủ (không thuộc); theo Quy định 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị; theo Nghị định số 135/2020/NĐ-CP ngày 18/11/2020 của Chính phủ trừ đi tuổi";
        let r = refs(t);
        assert_eq!(r[0].2.as_deref(), Some("Chính phủ"));
        assert_eq!(r[2], ("366-QĐ/TW".into(), Some("2025-08-30".into()), Some("Bộ Chính trị".into())));
        assert_eq!(r[3].2.as_deref(), Some("Chính phủ"));
    }
}
