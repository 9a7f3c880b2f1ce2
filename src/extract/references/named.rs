//! Citations by name: laws (`Luật Ngân sách nhà nước`), the Constitution, charters, congress and plenum
//! resolutions, strategies, programmes and projects, decrees still to be issued, and attachments (`Phụ lục
//! 2A`, `Đề cương … kèm theo`). A type word is found, then the name after it is walked word by word until a
//! word of the lexicon ends it.
use super::dates::date_at;
use super::vocab::{attach_before, ends_with_a, ends_with_issuing_word, is_a, starts_with_decree_verb, this_after, ATTACH_AFTER, ISSUED_BEFORE, MORE_TERMS, MORE_YEARS, NAMED, NAME_WINDOW, NAME_WORDS};
use super::zone::{clause_start, collapse};
use crate::lex::fold::capitalized;
use crate::lex::letters::lower;
use crate::lex::lexicon::{Lexicon, Tag};
use crate::lex::tokens::Lexed;
use crate::lex::words::{is_word_char, Kind as TokKind, Token};
use crate::model::{Date, DocType};
use std::borrow::Cow;

/// How the name after a type word is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// `Luật Ngân sách nhà nước`, `Luật sửa đổi, bổ sung một số điều của Luật …`: a capitalized name.
    Law,
    /// `Hiến pháp` (`năm 2013`).
    Constitution,
    /// `Điều lệ Đảng`.
    Charter,
    /// `Nghị quyết Đại hội …`, `Nghị quyết Hội nghị Trung ương 6 (khóa XII)`, `Nghị quyết Trung ương 4 khóa XI`.
    Resolution,
    /// `Chiến lược …`, `Chương trình …`, `Đề án 06`: a descriptive name.
    Plan,
    /// `chương trình (mục tiêu) quốc gia …` in lower case.
    NationalPlan,
    /// `Nghị định quy định …`: a decree or circular named by what it does, not yet numbered.
    Decree,
    /// `Đề cương …`: an outline, usually attached.
    Outline,
    /// `Phụ lục 2A`: an appendix, listed when attached.
    Appendix,
}

/// How the name after `word` (a type word as printed) is read, and the type it names.
pub(super) fn named_kind(word: &str) -> (Kind, DocType) {
    let entry = Lexicon::global().get(word);
    let how = entry.and_then(|e| e.value(Tag::Named)).unwrap_or("plan");
    let lower = word.starts_with(char::is_lowercase);
    let kind = match how {
        "law" => Kind::Law,
        "constitution" => Kind::Constitution,
        "charter" => Kind::Charter,
        "resolution" => Kind::Resolution,
        "decree" => Kind::Decree,
        "outline" => Kind::Outline,
        "appendix" => Kind::Appendix,
        // `chương trình (mục tiêu) quốc gia …` in lower case
        _ if lower => Kind::NationalPlan,
        _ => Kind::Plan,
    };
    let doc_type = DocType::from_word_prefix(word).map(|(t, _)| t).unwrap_or_else(|| DocType::Other(capitalized(&word.to_lowercase())));
    (kind, doc_type)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tk {
    Word,
    Punct(char),
}

/// A token of a name's window, with its word in lower case for the grammar's comparisons.
#[derive(Debug)]
struct Tok<'a> {
    start: usize,
    end: usize,
    kind: Tk,
    text: &'a str,
    /// The word in lower case (borrowed when it starts in lower case: words are written in lower case,
    /// capitalized or in capitals).
    lower: Cow<'a, str>,
}

impl Tok<'_> {
    fn is_word(&self) -> bool {
        self.kind == Tk::Word
    }
    fn is_cap(&self) -> bool {
        self.is_word() && self.text.starts_with(char::is_uppercase)
    }
}

/// The paragraph's tokens from byte `from` up to about `max` bytes on, and the same tokens as the lexicon
/// reads them.
struct Window<'a> {
    toks: Vec<Tok<'a>>,
    raw: &'a [Token],
    /// The paragraph's tokens, the window's first at `first`.
    lx: &'a Lexed<'a>,
    first: usize,
}

impl<'a> Window<'a> {
    /// The window from `from` of `lx`, the tokens of the paragraph from byte `base` (at most `from`) on.
    fn new(lx: &'a Lexed<'a>, base: usize, from: usize, max: usize) -> Window<'a> {
        let first = lx.at_or_after(from - base);
        let n = lx.toks[first..].iter().take_while(|t| t.start as usize - (from - base) <= max).count();
        let raw = &lx.toks[first..first + n];
        let toks = raw
            .iter()
            .map(|t| {
                let text = &lx.text[t.start as usize..t.end as usize];
                let (start, end) = (base + t.start as usize, base + t.end as usize);
                match t.kind {
                    TokKind::Word => {
                        let lower = if !text.starts_with(char::is_uppercase) {
                            Cow::Borrowed(text)
                        } else if text.is_ascii() {
                            Cow::Owned(text.to_ascii_lowercase())
                        } else {
                            Cow::Owned(lower(text))
                        };
                        Tok { start, end, kind: Tk::Word, text, lower }
                    }
                    TokKind::Punct(c) => Tok { start, end, kind: Tk::Punct(c), text, lower: Cow::Borrowed("") },
                }
            })
            .collect();
        Window { toks, raw, lx, first }
    }
    /// Whether token `i` is the word `w` (folded: any case or tone placement, `khóa` and `khoá` alike).
    fn is(&self, i: usize, w: &str) -> bool {
        i < self.toks.len() && self.lx.is(self.first + i, w)
    }
    /// Whether a lexicon phrase with `tag` starts at token `i`.
    fn starts(&self, i: usize, tag: Tag) -> bool {
        Lexicon::global().starts(self.raw, i, tag)
    }
    /// Whether the word at token `i` is, by itself, a lexicon phrase with `tag` (a word of a small class).
    fn word_is(&self, i: usize, tag: Tag) -> bool {
        Lexicon::global().starts(&self.raw[i..i + 1], 0, tag)
    }
    /// The longest lexicon phrase with `tag` that starts at token `i`: its length in tokens.
    fn phrase_len(&self, i: usize, tag: Tag) -> Option<usize> {
        Lexicon::global().longest(self.raw, i, tag).map(|e| e.len)
    }
}

impl<'a> std::ops::Deref for Window<'a> {
    type Target = [Tok<'a>];
    fn deref(&self) -> &[Tok<'a>] {
        &self.toks
    }
}

/// Whether the words from `toks[i]` spell `phrase` (lower case, words separated by one space).
fn phrase_at(toks: &[Tok], i: usize, phrase: &str) -> bool {
    let mut k = i;
    for w in phrase.split(' ') {
        match toks.get(k) {
            Some(t) if t.is_word() && t.lower == w => k += 1,
            _ => return false,
        }
    }
    true
}

/// A capitalized type word that starts at `toks[i]` (`Nghị định`, `Luật`).
fn type_word_at(toks: &Window, i: usize) -> bool {
    toks[i].is_cap() && toks.starts(i, Tag::NameBreakType)
}

/// Whether the type word at `toks[i]` is a law's (`Luật`, `Bộ luật`, `Pháp lệnh`).
fn law_type_at(toks: &Window, i: usize) -> bool {
    Lexicon::global().longest(toks.raw, i, Tag::NameBreakType).and_then(|e| e.value(Tag::Named)) == Some("law")
}

/// Whether the word before (`prev`, in lower case) is, by itself, a lexicon phrase with `tag`.
fn prev_is(prev: Option<&str>, tag: Tag) -> bool {
    prev.is_some_and(|p| is_a(p, tag))
}

fn next_word<'t, 'a>(toks: &'t [Tok<'a>], i: usize) -> Option<&'t Tok<'a>> {
    toks.get(i).filter(|t| t.is_word())
}

/// Whether a lower-case stop phrase starts at `toks[i]`, given the name so far.
/// `list`: right after `và` or a comma.
fn stops_at(toks: &Window, i: usize, kind: Kind, after_type: bool, prev: Option<&str>, list: bool) -> bool {
    let t = &toks[i];
    if !t.is_word() || t.is_cap() {
        return false;
    }
    let next_is = |w: &str| next_word(toks, i + 1).is_some_and(|n| n.lower == w);
    // what a law or decree does, right after its type word, goes on with its name: `Luật sửa đổi, bổ sung …`,
    // `Nghị định quy định chi tiết …`, `Nghị định hướng dẫn …`
    if after_type && matches!(kind, Kind::Law | Kind::Decree) && toks.starts(i, Tag::DecreeVerb) {
        return false;
    }
    match t.lower.as_ref() {
        "số" if prev == Some("một") && next_is("điều") => return false,
        // `… gửi Bộ Giáo dục`, `gửi về`; not `Luật Bảo hiểm tiền gửi`
        "gửi" => return next_word(toks, i + 1).is_some_and(|n| n.is_cap() || toks.word_is(i + 1, Tag::SendTo)),
        // `số 12/…` ends a name; `Chính phủ số`, `chuyển đổi số` (digital) do not
        "số" => return next_word(toks, i + 1).is_some_and(|n| n.text.starts_with(|c: char| c.is_ascii_digit())) || toks.get(i + 1).is_some_and(|n| n.kind == Tk::Punct(':')),
        // `Nghị định quy định về …`
        "về" if kind == Kind::Decree && prev_is(prev, Tag::TakesAbout) => return false,
        // `một số điều của Luật …`
        "một" if next_is("số") && next_word(toks, i + 2).is_some_and(|n| n.lower == "điều") => return false,
        // `đến năm 2030`
        "đến" if next_is("năm") => return false,
        // `Nghị định xử phạt vi phạm hành chính trong lĩnh vực ...`: the field is part of a decree's name
        "trong" if kind == Kind::Decree && next_is("lĩnh") => return false,
        _ => {}
    }
    if matches!(kind, Kind::Plan | Kind::NationalPlan) && toks.starts(i, Tag::PlanWord) {
        return false;
    }
    toks.starts(i, Tag::NameStop) || list && toks.starts(i, Tag::ListStop)
}

/// Where the name that starts at `toks[0]` ends: the number of tokens it takes and of words among them. In
/// `attach` mode (an attachment's title) the name runs to `kèm theo` or the bracket or clause end.
fn walk(toks: &Window, kind: Kind, attach: bool) -> (usize, usize) {
    let (mut end, mut words, mut seg, mut i) = (0, 0, 0, 0);
    let mut after_type = true;
    let mut title_list = false;
    let mut prev: Option<&str> = None;
    while i < toks.len() && words < NAME_WORDS {
        let t = &toks[i];
        match t.kind {
            Tk::Word => {
                let l = t.lower.as_ref();
                if attach {
                    if toks.starts(i, Tag::AttachEnd) {
                        break;
                    }
                } else if l == "và" && words == 0 {
                    break;
                } else if l == "và" {
                    let Some(n) = next_word(toks, i + 1) else { break };
                    if n.is_cap() {
                        // a decree that details two laws: `… Luật A và Luật sửa đổi … Luật A`; a title-case
                        // list: `Luật Khoa học, Công nghệ và Đổi mới sáng tạo`
                        let decree = kind == Kind::Decree && toks.word_is(i + 1, Tag::DetailedLaw);
                        if !(decree || title_list && !type_word_at(toks, i + 1) && !is_issuer_word(n)) {
                            break;
                        }
                    } else if stops_at(toks, i + 1, kind, false, Some(l), true) {
                        break;
                    }
                    prev = Some(l);
                    i += 1;
                    continue;
                } else if l == "của" && words == 0 {
                    break;
                } else if l == "của" {
                    if prev == Some("điều") {
                        prev = Some(l);
                        i += 1;
                        continue;
                    }
                    // `Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng`
                    if kind == Kind::Resolution && next_word(toks, i + 1).is_some_and(|n| n.text == "Đảng") {
                        end = i + 2;
                        words += 2;
                    }
                    break;
                } else if stops_at(toks, i, kind, after_type, prev, false) {
                    break;
                } else if t.is_cap() && words > 0 && place_date_at(toks, i) {
                    // `Luật BHYT` / `Hà Nội, ngày ...`: the place and date line after a citation
                    break;
                } else if t.is_cap()
                    && words > 0
                    && !after_type
                    && type_word_at(toks, i)
                    && !prev_is(prev, Tag::NestBefore)
                    // a decree names the law it details: `Nghị định hướng dẫn chi tiết thi hành Luật Quy hoạch`
                    && !(kind == Kind::Decree && law_type_at(toks, i))
                {
                    break;
                } else if t.text.starts_with(|c: char| c.is_ascii_digit()) && words > 0 && matches!(kind, Kind::Law | Kind::Charter) && !number_fits(toks, i, prev) {
                    break;
                }
                // a type word inside the name opens a nested name (`… của Luật sửa đổi …`); elsewhere it is a
                // plain word of the name (`Luật Quy hoạch`)
                after_type = t.is_cap() && type_word_at(toks, i) && (words == 0 || prev_is(prev, Tag::NestBefore) || kind == Kind::Decree);
                if after_type {
                    // step over the whole type word
                    let n = toks.phrase_len(i, Tag::NameBreakType).unwrap_or(1);
                    i += n;
                    words += n;
                    seg += n;
                    end = i;
                    prev = Some(toks[i - 1].lower.as_ref());
                    continue;
                }
                words += 1;
                seg += 1;
                end = i + 1;
                prev = Some(l);
                i += 1;
                // `..., tầm nhìn đến năm 2050`: the vision's year ends a plan's name
                if t.text.starts_with(|c: char| c.is_ascii_digit()) && i >= 5 && toks[i - 2].lower == "năm" && toks[..i].iter().any(|t| t.lower == "nhìn") {
                    break;
                }
            }
            Tk::Punct('-' | '–') if words > 0 && next_word(toks, i + 1).is_some() => i += 1,
            Tk::Punct(',') if words > 0 => {
                let n = next_word(toks, i + 1);
                let amend = prev == Some("đổi") && n.is_some_and(|n| n.lower == "bổ");
                // `phòng, chống ma túy`
                let pair = prev == Some("phòng") && n.is_some_and(|n| n.lower == "chống");
                // `Luật Thi đua, khen thưởng`, `Luật Khoa học, Công nghệ và Đổi mới sáng tạo`; not `Luật Đất đai,
                // Luật …` nor `Luật Đất đai, Bộ …`
                let law_list = kind == Kind::Law
                    && n.is_some_and(|n| {
                        if n.is_cap() {
                            seg <= 2 && !type_word_at(toks, i + 1) && !is_issuer_word(n)
                        } else {
                            seg <= 3 && !matches!(prev.and_then(|p| p.chars().next()), Some('0'..='9'))
                                && !stops_at(toks, i + 1, kind, false, prev, true)
                                && !enumeration_after(toks, i + 1)
                        }
                    });
                // `Quy hoạch ... thời kỳ 2021 - 2030, tầm nhìn đến năm 2050`: the formula of a plan's period and
                // vision (a strategy's `10 năm 2021 - 2030, tầm nhìn ...` is another matter: the vision is not its name's)
                let vision = n.is_some_and(|n| n.lower == "tầm")
                    && next_word(toks, i + 2).is_some_and(|n| n.lower == "nhìn")
                    && toks[..i].iter().any(|t| t.lower == "kỳ" || t.lower == "kì");
                if !(attach || amend || pair || law_list || vision) {
                    break;
                }
                title_list |= law_list && n.is_some_and(|n| n.is_cap());
                if amend {
                    // `sửa đổi, bổ sung`: take `bổ sung` as part of the verb
                    if phrase_at(toks, i + 1, "bổ sung") {
                        i += 3;
                        words += 2;
                        end = i;
                        prev = Some("sung");
                        continue;
                    }
                }
                seg = 0;
                i += 1;
            }
            Tk::Punct('(') if kind == Kind::Resolution && toks.is(i + 1, "khóa") => {
                if let Some(k) = (i + 2..(i + 6).min(toks.len())).find(|&k| toks[k].kind == Tk::Punct(')')) {
                    end = k + 1;
                    words += k - i - 1;
                }
                break;
            }
            // `Phụ lục 1. Xác định tuổi …`
            Tk::Punct('.') if attach && kind == Kind::Appendix && words == 1 && next_word(toks, i + 1).is_some() => i += 1,
            _ => break,
        }
    }
    (end, words)
}

/// A place and date line at `toks[i]`: up to four capitalized words, a comma and `ngày` (`Hà Nội, ngày ...`).
fn place_date_at(toks: &Window, i: usize) -> bool {
    let words = toks[i..].iter().take_while(|t| t.is_cap()).count();
    (1..=4).contains(&words) && toks.get(i + words).is_some_and(|t| t.kind == Tk::Punct(',')) && next_word(toks, i + words + 1).is_some_and(|t| t.lower == "ngày")
}

/// Whether the number at `toks[i]` belongs to the name: a year (`Luật Hợp tác xã 2023`), a term or stage
/// (`năm 2023`, `khóa XII`, `Trung ương 4`, `giai đoạn 2021 - 2025`), a count of years (`10 năm`); not a
/// count or footnote after the name (`… thuế nhập khẩu 107`, `của 37 luật`).
fn number_fits(toks: &Window, i: usize, prev: Option<&str>) -> bool {
    let t = toks[i].text;
    let year = t.len() == 4 && (t.starts_with("19") || t.starts_with("20"));
    let after_dash = i > 0 && matches!(toks[i - 1].kind, Tk::Punct('-' | '–'));
    year || after_dash
        || prev_is(prev, Tag::NumberBefore)
        || next_word(toks, i + 1).is_some_and(|n| n.lower == "năm")
}

/// Whether the words from `toks[i]` are one item of a comma list (`Luật Bầu cử, cơ cấu, thành phần …`):
/// another comma and a lower-case word within three words, before any `và` or clause end.
fn enumeration_after(toks: &Window, i: usize) -> bool {
    for (k, t) in toks.iter().enumerate().skip(i).take(4) {
        match t.kind {
            Tk::Punct(',') => return next_word(toks, k + 1).is_some_and(|n| !n.is_cap()),
            Tk::Word if t.lower == "và" => return false,
            Tk::Word => {}
            _ => return false,
        }
    }
    false
}

/// An appendix label: `1`, `01`, `2A`, `IV`, `B`.
fn is_label(t: &Tok) -> bool {
    t.is_word()
        && t.text.chars().count() <= 5
        && (t.text.chars().next().is_some_and(|c| c.is_ascii_digit()) && t.text.chars().all(|c| c.is_ascii_alphanumeric())
            || t.text.chars().all(|c| "IVXLC".contains(c))
            || t.text.len() == 1 && t.text.chars().all(|c| c.is_ascii_uppercase()))
}

/// A capitalized word that opens an agency's name (`Bộ`, `UBND`), not a law's next word after a comma.
fn is_issuer_word(t: &Tok) -> bool {
    t.is_cap() && is_a(t.text, Tag::IssuerWord)
}

/// Whether an attachment's mention ending at byte `end` (and starting at `start`) of `zone` is attached to
/// this document: `(ban hành) kèm theo` after it, not followed by another document's name, or `Gửi kèm
/// Kế hoạch này` before it.
fn attached_at(zone: &str, start: usize, end: usize) -> bool {
    if let Some(m) = ATTACH_AFTER.find(&zone[end..]) {
        let rest = &zone[end + m.end()..];
        if this_after(rest) || !rest.trim_start().starts_with(|c: char| c.is_uppercase()) {
            return true;
        }
    }
    let from = clause_start(zone, start, 60);
    let before = &zone[from..start];
    let open = before.rfind('(').map_or(0, |p| p + 1);
    attach_before(&before[open..])
}

/// A citation by name found in a paragraph.
#[derive(Debug)]
pub(super) struct Named {
    /// Byte range in the paragraph's cleaned text.
    pub span: (usize, usize),
    pub doc_type: DocType,
    pub name: String,
    pub attached: bool,
    /// The numbered citation (index into the references) that approves or issues it.
    pub issued_by: Option<usize>,
    /// Whether a word before it shows it cited as a document (`thực hiện`, `theo`).
    pub cue: bool,
    /// The date printed right after the name (`Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025`).
    pub date: Option<Date>,
}

/// Whether a byte lies inside one of a paragraph's numbered citations, in log time: a paragraph of tens of
/// thousands of citations has as many type words, and a scan of every span for each was quadratic.
struct Covered<'a> {
    /// The spans, in order of their start.
    spans: &'a [(usize, usize, usize)],
    /// The furthest end of the spans up to each one.
    reach: Vec<usize>,
}

impl<'a> Covered<'a> {
    fn new(spans: &'a [(usize, usize, usize)]) -> Covered<'a> {
        debug_assert!(spans.windows(2).all(|w| w[0].0 <= w[1].0));
        let reach = spans.iter().scan(0, |r, &(_, e, _)| {
            *r = e.max(*r);
            Some(*r)
        });
        Covered { spans, reach: reach.collect() }
    }
    /// A span that starts at or before `at` and ends after it holds it.
    fn contains(&self, at: usize) -> bool {
        let k = self.spans.partition_point(|&(s, _, _)| s <= at);
        k > 0 && self.reach[k - 1] > at
    }
}

/// The names cited in a paragraph, skipping the numbered citations in `skip` (spans in its cleaned text).
pub(super) fn named_in(zone: &str, skip: &[(usize, usize, usize)], out: &mut Vec<Named>) {
    let covered = Covered::new(skip);
    // the paragraph's tokens from the end of the first type word read on (most paragraphs have none): every
    // window is after it, and it is a token boundary (a word ends there, and no word char follows), where
    // tokens start alike whatever came before
    let lexed = std::cell::OnceCell::new();
    for m in NAMED.find_iter(zone) {
        let at = m.start();
        if covered.contains(at) {
            continue;
        }
        if zone[..at].chars().next_back().is_some_and(is_word_char) || zone[m.end()..].starts_with(is_word_char) {
            continue;
        }
        let word = &zone[m.range()];
        let (kind, doc_type) = named_kind(word);
        // what may follow the type word, at a glance (most mentions of `Luật`, `Nghị quyết` … are not names)
        let rest = zone[m.end()..].trim_start_matches([' ', '\t']);
        let quoted = rest.starts_with(['“', '"']);
        let plausible = match kind {
            Kind::Law | Kind::Charter => quoted || rest.starts_with(char::is_uppercase) || kind == Kind::Law && rest.starts_with("sửa đổi"),
            Kind::Resolution => quoted || rest.starts_with(char::is_uppercase) && Lexicon::global().opening(rest, Tag::ResolutionOpener).is_some(),
            Kind::Decree => quoted || starts_with_decree_verb(rest),
            Kind::NationalPlan => Lexicon::global().phrases(Tag::NationalPlan).any(|e| rest.starts_with(e.phrase.as_str())),
            _ => true,
        };
        if !plausible {
            continue;
        }
        // the words before: a class (`các Luật`), part of another name (`Đại học Luật`)
        let before = &zone[clause_start(zone, at, 40)..at];
        let before_l = lower(before);
        let before_words: Vec<&str> = before_l.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty()).collect();
        let word_before = before.trim_end().ends_with(is_word_char);
        if word_before && kind != Kind::Appendix && ends_with_a(&before_words, Tag::PluralBefore) {
            continue;
        }
        if word_before && ends_with_a(&before_words, Tag::InsideNameBefore) {
            continue;
        }
        let (base, lx) = lexed.get_or_init(|| (m.end(), Lexed::new(&zone[m.end()..])));
        let toks = Window::new(lx, *base, m.end(), NAME_WINDOW);
        let first = next_word(&toks, 0);
        let span_to = |end_tok: usize| if end_tok == 0 { m.end() } else { toks[end_tok - 1].end };
        let issued = issued_by(zone, at, skip);
        if issued == Some(None) {
            continue;
        }
        // a programme, strategy or outline counts once one mention shows it cited as a document
        let cue = !matches!(kind, Kind::Plan | Kind::NationalPlan | Kind::Outline) || has_cue(&before_words);
        let push = |out: &mut Vec<Named>, name: String, s: usize, e: usize, attached: bool| {
            let issued_by = if attached { None } else { issued.flatten() };
            let date = (!attached).then(|| date_at(&zone[e..]).0).flatten();
            out.push(Named { span: (s, e), doc_type: doc_type.clone(), name, attached, issued_by, cue, date });
        };
        match kind {
            Kind::Appendix => {
                // `Phụ lục 2A`, `các phụ lục 1, 2A, 2B kèm theo`, `Phụ lục 1. Xác định … kèm theo`
                let mut labels: Vec<&Tok> = Vec::new();
                if let Some(t) = first.filter(|t| is_label(t)) {
                    labels.push(t);
                    let mut i = 1;
                    loop {
                        let sep = match toks.get(i) {
                            Some(t) if t.kind == Tk::Punct(',') => 1,
                            Some(t) if t.is_word() && t.lower == "và" => 1,
                            _ => 0,
                        };
                        match toks.get(i + sep) {
                            Some(t) if sep == 1 && is_label(t) => {
                                labels.push(t);
                                i += 2;
                            }
                            _ => break,
                        }
                    }
                }
                let end = labels.last().map_or(m.end(), |t| t.end);
                if labels.len() <= 1 {
                    // a title after the label, up to `kèm theo`
                    let (n, _) = walk(&toks, kind, true);
                    let title_end = span_to(n);
                    if n > 2 && toks.get(1).is_some_and(|t| t.kind == Tk::Punct('.')) && attached_at(zone, at, title_end) {
                        push(out, collapse(&format!("Phụ lục {}", &zone[m.end()..title_end].trim_start())), at, title_end, true);
                        continue;
                    }
                }
                if !attached_at(zone, at, end) {
                    continue;
                }
                if labels.is_empty() {
                    push(out, "Phụ lục".into(), at, end, true);
                }
                for (k, l) in labels.iter().enumerate() {
                    push(out, format!("Phụ lục {}", l.text), if k == 0 { at } else { l.start }, l.end, true);
                }
                continue;
            }
            Kind::Outline => {
                let (n, w) = walk(&toks, kind, true);
                let end = span_to(n);
                if w >= 2 && attached_at(zone, at, end) {
                    push(out, collapse(&zone[at..end]), at, end, true);
                    continue;
                }
            }
            _ => {}
        }
        // a quoted name: `Chương trình “Nâng cao chất lượng giáo dục mầm non …”`
        if !matches!(kind, Kind::Appendix | Kind::NationalPlan) && toks.first().is_some_and(|t| matches!(t.kind, Tk::Punct('“' | '"'))) {
            if let Some(close) = toks.iter().skip(1).position(|t| matches!(t.kind, Tk::Punct('”' | '"'))).map(|c| c + 1) {
                let inner = collapse(&zone[toks[0].end..toks[close].start]);
                if close > 2 && inner.starts_with(char::is_uppercase) {
                    let (lead, rest) = inner.split_at(inner.chars().next().map_or(0, char::len_utf8));
                    // the quoted name reads on from the type word: its first letter in lower case unless a
                    // proper name follows
                    let first_word = rest.split_whitespace().next().unwrap_or("");
                    let lead = if first_word.starts_with(char::is_uppercase) { lead.to_string() } else { lead.to_lowercase() };
                    push(out, format!("{word} {lead}{rest}"), at, toks[close].end, false);
                }
            }
            continue;
        }
        // what may follow the type word
        let ok_start = match kind {
            Kind::Law | Kind::Charter => first.is_some_and(|t| t.is_cap() || (kind == Kind::Law && phrase_at(&toks, 0, "sửa đổi"))),
            Kind::Resolution => {
                first.is_some_and(|t| t.is_cap()) && toks.starts(0, Tag::ResolutionOpener)
            }
            Kind::Decree => {
                toks.starts(0, Tag::DecreeVerb) && first.is_some_and(|t| !t.is_cap())
            }
            Kind::NationalPlan => toks.starts(0, Tag::NationalPlan),
            // `Chương trình giai đoạn 2026-2030`: the short form of a name given before, with its stage
            Kind::Plan => first.is_some() && !toks.starts(0, Tag::PeriodOnly),
            Kind::Constitution => true,
            _ => first.is_some(),
        };
        if !ok_start {
            continue;
        }
        let (n, words) = walk(&toks, if kind == Kind::Outline { Kind::Plan } else { kind }, false);
        let numbered = first.is_some_and(|t| t.text.starts_with(|c: char| c.is_ascii_digit()));
        let enough = match kind {
            Kind::Constitution => true,
            // `Luật sửa đổi, bổ sung …` names the law it amends
            Kind::Law | Kind::Charter => {
                words >= 1 && (!phrase_at(&toks, 0, "sửa đổi") || (1..n.saturating_sub(1)).any(|k| toks[k - 1].lower == "của" && type_word_at(&toks, k)))
            }
            Kind::Resolution => words >= 2,
            Kind::Plan => words >= 3 || numbered && words >= 1,
            Kind::NationalPlan => words >= 4,
            Kind::Decree => words >= 4 && !(n.saturating_sub(2)..n).any(|i| toks.phrase_len(i, Tag::DecreeOpenEnd) == Some(n - i)),
            Kind::Outline => words >= 2,
            Kind::Appendix => false,
        };
        if !enough {
            continue;
        }
        // `Nghị quyết Đại hội Đảng bộ các cấp`: a class
        if next_word(&toks, n).is_some_and(|t| t.lower == "các") && next_word(&toks, n + 1).is_some_and(|t| t.lower == "cấp") {
            continue;
        }
        let end = span_to(n);
        let name = collapse(&zone[at..end]);
        push(out, name.clone(), at, end, false);
        // `Luật Doanh nghiệp năm 2000, 2005, 2014`: the law of each year
        if kind == Kind::Law && n >= 2 && toks[n - 2].lower == "năm" {
            let stem = &zone[at..toks[n - 1].start];
            let mut pos = end;
            while let Some(c) = MORE_YEARS.captures(&zone[pos..]) {
                let y = c.name("y").unwrap();
                push(out, collapse(&format!("{stem}{}", y.as_str())), pos + y.start(), pos + y.end(), false);
                pos += y.end();
            }
        }
        // `Nghị quyết Trung ương 4 khóa XI, XII`
        if kind == Kind::Resolution && n >= 2 && toks.is(n - 2, "khóa") {
            let stem = &zone[at..toks[n - 1].start];
            let mut pos = end;
            while let Some(c) = MORE_TERMS.captures(&zone[pos..]) {
                let r = c.name("r").unwrap();
                if zone[pos + r.end()..].starts_with(is_word_char) {
                    break;
                }
                push(out, collapse(&format!("{stem}{}", r.as_str())), pos + r.start(), pos + r.end(), false);
                pos += c.get(0).unwrap().end();
            }
        }
    }
}

/// For a name right after `phê duyệt` / `ban hành`: the numbered citation whose clause approves or issues it
/// (`Quyết định số 142/QĐ-TTg … phê duyệt Chiến lược …`), or `Some(None)` when it is what the document
/// itself issues (`Chính phủ ban hành Nghị định quy định …`, `Điều 1. Phê duyệt Chương trình …`).
fn issued_by(zone: &str, at: usize, numbered: &[(usize, usize, usize)]) -> Option<Option<usize>> {
    // at a glance: the verb ends right before the name
    let lead = zone[..at].trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '“' | '"' | '\''));
    if !ends_with_issuing_word(lead) {
        return None;
    }
    let from = clause_start(zone, at, 400);
    let m = ISSUED_BEFORE.find(&zone[from..at])?;
    // the citations start in order: only those from `from` on are looked at
    let upto = numbered.partition_point(|&(s, _, _)| s <= at);
    if let Some(&(_, _, r)) = numbered[..upto].iter().rev().take_while(|&&(s, _, _)| s >= from).find(|&&(_, e, _)| e <= at) {
        return Some(Some(r));
    }
    let verb = &zone[from + m.start()..at];
    let lead = zone[from..from + m.start()].trim();
    let lead_is_label = lead.is_empty() || lead.starts_with("Điều") && lead.split_whitespace().count() <= 2;
    (verb.to_lowercase().starts_with("ban hành") || lead_is_label).then_some(None)
}

/// Whether the lower-case words before a programme's or strategy's name end with a cue that shows it cited as
/// a document (`thực hiện`, `theo`), a few adverbs allowed between (`thực hiện hiệu quả`).
fn has_cue(before: &[&str]) -> bool {
    let mut end = before.len();
    while end > 0 && is_a(before[end - 1], Tag::CueFiller) && before.len() - end < 3 {
        end -= 1;
    }
    ends_with_a(&before[..end], Tag::Cue)
}

#[cfg(test)]
mod tests {
    use super::Covered;

    #[test]
    fn covered_agrees_with_a_scan_of_every_span_nested_or_touching() {
        let spans = [(0, 5, 0), (3, 20, 1), (4, 6, 2), (25, 30, 3), (30, 31, 4), (40, 41, 5)];
        let covered = Covered::new(&spans);
        for at in 0..50 {
            let scan = spans.iter().any(|&(s, e, _)| (s..e).contains(&at));
            assert_eq!(covered.contains(at), scan, "byte {at}");
        }
        assert!(!Covered::new(&[]).contains(0));
    }

    #[test]
    fn names_are_read_alike_from_the_tokens_made_after_the_first_type_word() {
        let names = |zone: &str| {
            let mut out = Vec::new();
            super::named_in(zone, &[], &mut out);
            out.into_iter().map(|n| (zone[n.span.0..n.span.1].to_string(), n.name)).collect::<Vec<_>>()
        };
        let (a, b) = ("Luật Ngân sách nhà nước", "Luật Đầu tư công năm 2019");
        let both = names(&format!("Theo khoản 2 Điều 5 của {a} và {b}, các bộ thực hiện."));
        let alone = [names(&format!("{a}, các bộ")), names(&format!("{b}, các bộ"))].concat();
        assert_eq!(both.len(), 2);
        assert_eq!(both, alone);
    }
}
