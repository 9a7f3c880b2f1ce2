//! Citations of other documents (`vn-document-format.md` §3, §7; `annotation-schema.md`, "references"):
//!
//! - numbered citations in Party and state forms, with their date and issuer (after `của`, or before the
//!   citation: `Ngày …, X đã ban hành Công văn số …`, `đề nghị của X tại Tờ trình số …`), lists that cite
//!   several (`số 19-NQ/TW, số 20-NQ/TW và số 21-NQ/TW`), a type word right before a symbol without `số`
//!   (`Quy định 366-QĐ/TW`), standards (`TCVN 14423:2025`);
//! - citations by name: laws (`Luật Ngân sách nhà nước`), the Constitution, charters (`Điều lệ Đảng`),
//!   congress and plenum resolutions (`Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng`,
//!   `Nghị quyết Trung ương 4 khóa XI, XII` = two), strategies, programmes, projects and plans by name,
//!   decrees still to be issued (`Nghị định quy định chi tiết …`);
//! - attachments issued with the document (`Phụ lục 2A`, `Đề cương … (ban hành kèm theo Kế hoạch này)`);
//!
//! resolved to one entry per distinct document: aliases (`(sau đây viết tắt là …)`), later short forms
//! (`Nghị quyết Đại hội XIII`, `Luật MTTQ Việt Nam`), a law cited by name and by number, and a document
//! named as what a cited document approves (`Quyết định số 142/QĐ-TTg phê duyệt Chiến lược …`) are one.
//!
//! Not covered: pinpoints (`khoản 2 Điều 5`).
use crate::lex::symbol::parse_symbol;
use crate::model::{Date, DocType, Pinpoint, Reference, Span, Symbol};
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;


/// `điểm a khoản 2 Điều 5 (của)` ending right before a mention: at least one part.
static PINPOINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?:[Đđ]iểm)\s+(?P<point>[a-zđ])\s*,?\s+)?(?:(?:[Kk]hoản)\s+(?P<clause>\d{1,3})\s*,?\s+)?(?:(?:[Đđ]iều)\s+(?P<article>\d{1,4}[a-z]?)\s*,?\s+)?(?:của\s+)?$").unwrap()
});

/// The pinpoint printed right before the mention at `start`, if any.
fn pinpoint_before(text: &str, start: usize, mention: usize) -> Option<Pinpoint> {
    let from = floor_boundary(text, start.saturating_sub(64));
    let window = &text[from..start];
    let c = PINPOINT.captures(window)?;
    let get = |n: &str| c.name(n).map(|m| m.as_str().to_string());
    let (article, clause, point) = (get("article"), get("clause"), get("point"));
    if article.is_none() && clause.is_none() && point.is_none() {
        return None;
    }
    let m = c.get(0)?;
    Some(Pinpoint { mention, article, clause, point, span: Span::new(from + m.start(), start) })
}

const TYPE_WORDS: &str = "Nghị quyết liên tịch|Nghị quyết|Nghị định|Quyết định|Quy định|Quy chế|Chỉ thị|Kết luận|Thông tri|Thông tư liên tịch|Thông tư|Thông báo|Hướng dẫn|Kế hoạch liên tịch|Kế hoạch|Chương trình hành động|Chương trình|Báo cáo|Tờ trình|Công văn|Công điện|Đề án|Bộ luật|Luật|Pháp lệnh|văn bản|Văn bản";

const SYMBOL_PATTERN: &str = r"\d{1,5}(?:\s*[/\-–]\s*(?:\d{4}|[\p{Lu}Đ][\p{L}\d.&]*(?:\s*-\s*[\p{Lu}Đ][\p{L}\d.&]*)*))+";
/// `số 58-KH/BTCTW`: where a numbered citation is; the type word is then looked for just before it. Scanning
/// for the number first keeps the expensive part (type word and name) to a short window.
static NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!(r"(?:số|Số)\s*:?\s*(?P<sym>{SYMBOL_PATTERN})")).unwrap());
/// `Quy định 366-QĐ/TW`: a symbol right after its type word, without `số`.
static BARE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?:{TYPE_WORDS})[ \t]+(?P<sym>{SYMBOL_PATTERN})")).unwrap());
/// How far before `số` the type word may start (bytes): a type word and a law's name of up to sixteen words.
const TYPE_WINDOW: usize = 240;
/// The most words of a law's name between its type word and `số`.
const NAME_BEFORE_NUMBER: usize = 16;
static MORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*,\s*|\s+và\s+)(?:số\s+)(?P<sym>\d{1,5}(?:\s*[/\-–]\s*(?:\d{4}|[\p{Lu}Đ][\p{L}\d.&]*))+)").unwrap()
});
const DATE_PATTERN: &str = r"(?:(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))";
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^\s*,?\s*(?:được\s+)?(?:ban hành\s+|ký\s+)?(?:ngày|Ngày)\s*{DATE_PATTERN}")).unwrap()
});
static ISSUER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*,?\s*của\s+").unwrap());
/// Where an issuer ends: a verb or preposition opening the rest of the clause, or punctuation.
static ISSUER_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\s+(?:về|ban hành|quy định|hướng dẫn|phê duyệt|triển khai|thực hiện|sửa đổi|tại|đã|trên|nhằm|đối với|để|theo|có|số|ngày|giai đoạn|năm\s+\d|một số|trừ|khi|nếu|thì|là|được|cho|với|trong|từ|đến|gồm|như|do|tới|khoảng|tiếp tục|quyết định)\b|\s+(?:{TYPE_WORDS}|Thực hiện|Triển khai|Căn cứ|Theo|Về|Xét)\b|\s+và\s+\p{{Ll}}|[;:()\n“”\x22|]|\.\s|\.$|,\s*(?:{TYPE_WORDS}|số|ngày|\p{{Ll}})|\s+và\s+(?:{TYPE_WORDS}|các)"
    ))
    .unwrap()
});
/// An issuer named before the citation: `đề nghị của Giám đốc Sở Nội vụ tại` (Tờ trình số …).
static ISSUER_BEFORE_TAI: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"của\s+(?P<i>[\p{Lu}][^,;:()“”\x22]{1,100}?)\s+tại\s*$").unwrap());
/// `Ngày 28 tháng 10 năm 2025, Chủ tịch Ủy ban nhân dân Thành phố đã ban hành` (Công văn số …).
static ISSUER_BEFORE_ISSUED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[,;.]\s*|\s)(?:(?:Ngày|ngày)\s*{DATE_PATTERN}\s*,\s*)?(?P<i>[\p{{Lu}}][^,;:()“”\x22]{{1,100}}?)\s+(?:(?:đã|đang|vừa|tiếp tục|sẽ)\s+)?(?:ký\s+)?ban hành\s*$"
    ))
    .unwrap()
});
/// `TCVN 14423:2025`, `QCVN 01:2021/BXD`: national standards and technical regulations.
static STANDARD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?P<t>TCVN|QCVN)\s+(?P<n>\d{1,6}(?:\s*[:\-]\s*\d{4})?(?:\s*/\s*[\p{Lu}Đ]+)?)").unwrap());

/// The type words that start a citation by name (each examined in a short window after it).
static NAMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"Bộ luật|Bộ Luật|Luật|Pháp lệnh|Hiến pháp|Điều lệ|Nghị quyết|Chiến lược|Chương trình|Đề án|Nghị định|Thông tư|Đề cương|Phụ lục|phụ lục|chương trình|chiến lược|đề án").unwrap()
});
/// How far after its type word a name may run (bytes).
const NAME_WINDOW: usize = 480;
/// The most words in a name after its type word.
const NAME_WORDS: usize = 48;

/// `(sau đây viết tắt là Nghị quyết Đại hội XIII)`, `(gọi tắt là …)`, `(sau đây gọi chung là …)`.
static ALIAS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\(\s*(?:[Ss]au đây|[Dd]ưới đây)?\s*(?:được\s+)?(?:viết tắt|gọi tắt|gọi chung|gọi)\s+(?:là\s+)?[:\s“”\x22']*(?P<a>[\p{Lu}][^()“”\x22]{0,100}?)[\s“”\x22'.]*\)").unwrap()
});
/// What follows an attachment: `(ban hành) kèm theo`, `gửi kèm`, `đính kèm`.
static ATTACH_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*\)?\s*(?:được\s+)?(?:[Bb]an hành\s+|[Gg]ửi\s+)?(?:[Kk]èm theo|[Đđ]ính kèm)").unwrap()
});
/// After `kèm theo`: this document (`Kế hoạch này`), so the attachment is ours.
static ATTACH_THIS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s+(?:\p{L}+\s+){1,4}này\b").unwrap());
/// `(Gửi kèm Kế hoạch này` right before the attachment's type word.
static ATTACH_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[Gg]ửi kèm|[Kk]èm theo|[Đđ]ính kèm)(?:\s+(?:\p{L}+\s+){1,4}này)?\s*[:\-]?\s*$").unwrap()
});
/// `phê duyệt` / `ban hành` right before a name: the name is what the citation before it approves or issues.
static ISSUED_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i:phê duyệt|ban hành)(?:\s+chủ trương đầu tư)?\s*[“\x22']?\s*$").unwrap());
/// `, XII` / `và XII` after a name ending in `khóa XI`: the same resolution of another term.
static MORE_TERMS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:\s*,\s*|\s+và\s+)(?P<r>[IVXLC]{1,6})\b").unwrap());

/// Lower-case words and phrases that end a name: verbs, prepositions and words opening the rest of the
/// clause (`Luật Ngân sách nhà nước và các văn bản hướng dẫn`, `Luật Tài nguyên nước năm 2023 về …`).
const NAME_STOPS: &[&str] = &[
    "về", "tại", "theo", "để", "nhằm", "đã", "đang", "sẽ", "được", "bị", "có", "là", "thì", "mà", "khi", "nếu", "do",
    "cho", "với", "trong", "trên", "dưới", "từ", "tới", "hoặc", "hay", "như", "thuộc", "gồm", "bao gồm", "này", "đó",
    "nêu", "vào", "cùng", "ngày", "tháng", "hằng", "hàng", "trước", "sau", "nay", "trừ", "các", "những", "mọi",
    "vì", "nhưng", "cần", "phải", "triển khai", "thực hiện", "ban hành", "phê duyệt", "quy định", "hướng dẫn",
    "sửa đổi", "bổ sung", "kèm theo", "đính kèm", "gửi kèm", "hiện hành", "đối với", "liên quan", "tiếp tục",
    "chỉ đạo", "yêu cầu", "xác định", "đề ra", "đặt ra", "góp phần", "bảo đảm", "đảm bảo", "có hiệu lực", "áp dụng",
    "giao", "chủ trì", "phối hợp", "trình", "thông qua", "đi vào", "một số", "đến", "tuân thủ", "chấp hành",
    "mang lại", "sớm", "chỉ", "báo cáo", "phục vụ", "còn", "vẫn", "cũng", "đều", "rất", "quyết định", "công bố", "chậm nhất",
];
/// Lower-case words that end a name after `và` or a comma: another, generic object (`Luật Đầu tư công và
/// pháp luật có liên quan`, `Luật Đất đai, nghị định hướng dẫn`), though inside a name they are plain words
/// (`Luật Ban hành văn bản quy phạm pháp luật`).
const LIST_STOPS: &[&str] = &[
    "pháp luật", "văn bản", "kế hoạch", "chương trình", "nghị định", "nghị quyết", "quyết định", "thông tư", "chỉ thị",
    "kết luận", "luật", "quy chuẩn kỹ thuật quốc gia", "tiêu chuẩn quốc gia", "danh sách", "danh mục", "không", "xây dựng", "thi hành",
];
/// Capitalized words that open an agency's name, not a law's next word after a comma (`Luật Đất đai, Bộ …`).
const AGENCY_HEADS: &[&str] = &[
    "Bộ", "Ủy", "Uỷ", "UBND", "HĐND", "Sở", "Ban", "Cục", "Chính", "Quốc", "Thủ", "Hội", "Tổng", "Văn", "Viện", "Trường",
    "Trung", "Đảng", "Nhà", "Tòa", "Toà", "Mặt", "Liên", "Phòng", "Chi", "Ngân", "Kho", "Các", "Những",
];
/// Verbs common inside the descriptive name of a programme or strategy (`chương trình quốc gia bảo đảm cấp
/// nước an toàn`), though they end other names.
const PLAN_WORDS: &[&str] = &["bảo đảm", "đảm bảo", "góp phần", "nâng cao"];
/// Words before a type word that make it a class, not one document (`các nghị quyết`, `những Luật`).
const PLURAL_BEFORE: &[&str] = &["các", "những", "mọi", "từng", "nhiều", "một số", "các bản"];
/// Words before a type word that make it part of another name (`pháp Luật`, `Đại học Luật`, `Ban Chỉ đạo
/// Chương trình`) or deny it (`không có phụ lục kèm theo`).
const INSIDE_NAME_BEFORE: &[&str] = &["pháp", "học", "ban chỉ đạo", "ban điều hành", "ban quản lý", "văn phòng điều phối", "không có", "chưa có"];
/// Type words that open a new citation inside a name's window (capitalized).
const NAME_BREAK_TYPES: &[&str] = &[
    "Luật", "Bộ luật", "Pháp lệnh", "Hiến pháp", "Nghị quyết", "Nghị định", "Quyết định", "Quy định", "Thông tư", "Chỉ thị",
    "Kết luận", "Kế hoạch", "Chương trình", "Đề án", "Chiến lược", "Quy hoạch", "Điều lệ", "Hướng dẫn", "Thông báo",
    "Công văn", "Tờ trình", "Báo cáo",
];

/// How the name after a type word is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
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

fn named_kind(word: &str) -> (Kind, DocType) {
    match word {
        "Luật" => (Kind::Law, DocType::Luat),
        "Bộ luật" | "Bộ Luật" => (Kind::Law, DocType::BoLuat),
        "Pháp lệnh" => (Kind::Law, DocType::PhapLenh),
        "Hiến pháp" => (Kind::Constitution, DocType::HienPhap),
        "Điều lệ" => (Kind::Charter, DocType::Other("Điều lệ".into())),
        "Nghị quyết" => (Kind::Resolution, DocType::NghiQuyet),
        "Chiến lược" => (Kind::Plan, DocType::Other("Chiến lược".into())),
        "Chương trình" => (Kind::Plan, DocType::ChuongTrinh),
        "Đề án" => (Kind::Plan, DocType::DeAn),
        "Nghị định" => (Kind::Decree, DocType::NghiDinh),
        "Thông tư" => (Kind::Decree, DocType::ThongTu),
        "Đề cương" => (Kind::Outline, DocType::Other("Đề cương".into())),
        "Phụ lục" | "phụ lục" => (Kind::Appendix, DocType::Other("Phụ lục".into())),
        "chiến lược" => (Kind::NationalPlan, DocType::Other("Chiến lược".into())),
        "đề án" => (Kind::NationalPlan, DocType::DeAn),
        _ => (Kind::NationalPlan, DocType::ChuongTrinh),
    }
}

/// The type word that ends `window` (which ends in white space), possibly followed by a name of one to
/// sixteen words starting with a capital (`Luật Lưu trữ `): its offset, the word, and the name. The leftmost
/// such type word wins, and of words at one offset the first listed (`Nghị quyết liên tịch` before `Nghị
/// quyết`). A name holds no capitalized type word (`Luật Đất đai và Nghị định ` is a Nghị định), though it
/// may hold other words that name documents (`Luật Quy hoạch đô thị và nông thôn `).
fn type_before(window: &str) -> Option<(usize, &'static str, &str)> {
    if !window.ends_with(char::is_whitespace) {
        return None;
    }
    // the words of the window and their offsets (an opening bracket or quote stands apart: `(Thông báo số`)
    let mut ws: Vec<(usize, &str)> = Vec::new();
    let mut start = None;
    for (i, c) in window.char_indices() {
        if c.is_whitespace() || matches!(c, '(' | '[' | '“' | '"') {
            if let Some(s) = start.take() {
                ws.push((s, &window[s..i]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    let n = ws.len();
    let mut best = None;
    // k: the number of name words between the type word and the number
    for k in 0..=NAME_BEFORE_NUMBER.min(n) {
        if k > 0 {
            let w = ws[n - k].1;
            let bare = w.trim_end_matches(',');
            if !(w == "-" || !bare.is_empty() && bare.chars().all(char::is_alphabetic)) {
                break;
            }
        }
        let first_cap = k == 0 || ws[n - k].1.starts_with(char::is_uppercase);
        // `Báo cáo tiếp thu số …`, `Báo cáo thẩm tra số …`: a lower-case qualifier of the type, not a name
        let qualified = k > 0 && {
            let q = window[ws[n - k].0..].trim();
            TYPE_QUALIFIERS.contains(&q)
        };
        let found = TYPE_WORD_PARTS.iter().find(|(_, parts)| {
            let m = parts.len();
            n - k >= m
                && ws[n - k - m..n - k].iter().enumerate().all(|(j, w)| {
                    // `Nghị quyết: số …`
                    let w = if k == 0 && j == m - 1 { w.1.trim_end_matches(':') } else { w.1 };
                    w == parts[j]
                })
        });
        if let Some((word, parts)) = found {
            if qualified && !matches!(*word, "Luật" | "Bộ luật" | "Pháp lệnh") {
                best = Some((ws[n - k - parts.len()].0, *word, ""));
            } else if first_cap {
                best = Some((ws[n - k - parts.len()].0, *word, if k == 0 { "" } else { window[ws[n - k].0..].trim() }));
            }
            // a name holds no capitalized type word
            if word.starts_with(char::is_uppercase) {
                break;
            }
        }
    }
    best
}

/// Lower-case words that may stand between a type word and `số`: what kind of report or submission it is.
const TYPE_QUALIFIERS: &[&str] = &[
    "tiếp thu", "thẩm tra", "thẩm định", "giải trình", "tiếp thu, giải trình", "tiếp thu và giải trình", "tổng hợp",
    "kết quả thẩm định", "đánh giá tác động", "chính trị", "tóm tắt",
];

/// The type words, each with its words, in the order of [`TYPE_WORDS`].
static TYPE_WORD_PARTS: LazyLock<Vec<(&'static str, Vec<&'static str>)>> =
    LazyLock::new(|| TYPE_WORDS.split('|').map(|w| (w, w.split(' ').collect())).collect());

fn fold_key(symbol: &str) -> String {
    symbol.split_whitespace().collect::<String>().replace('Ð', "Đ").replace('–', "-").to_uppercase()
}

fn date_of(c: &regex::Captures, first: usize) -> Option<Date> {
    let g = |i: usize| c.get(first + i).map(|m| m.as_str());
    let (d, m, y) = match g(0) {
        Some(d) => (d, g(1)?, g(2)?),
        None => (g(3)?, g(4)?, g(5)?),
    };
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

fn date_at(rest: &str) -> (Option<Date>, usize) {
    match DATE.captures(rest) {
        Some(c) => (date_of(&c, 1), c.get(0).unwrap().end()),
        None => (None, 0),
    }
}

fn tidy_issuer(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let s = s.trim_matches(|ch: char| ch == ',' || ch == '*' || ch.is_whitespace()).to_string();
    (!s.is_empty() && s.chars().count() < 120).then_some(s)
}

/// The issuer after `của` at the start of `rest`, and where it ends in `rest`.
fn issuer_at(rest: &str) -> Option<(String, usize)> {
    let c = ISSUER.find(rest)?;
    let tail = &rest[c.end()..];
    // a type word inside an agency's name does not end it (`Bộ Kế hoạch và Đầu tư`, `Phòng Tài chính - Kế hoạch`)
    let inside_name = |m: &regex::Match| {
        let word = m.as_str().trim_start();
        word.starts_with(char::is_uppercase) && {
            let before = tail[..m.start()].trim_end();
            before.ends_with('-') || before.rsplit(' ').next().is_some_and(|w| AGENCY_HEADS.contains(&w) || w == "Vụ")
        }
    };
    let end = ISSUER_END.find_iter(tail).find(|m| !inside_name(m)).map_or_else(|| floor_boundary(tail, 120), |m| m.start());
    tidy_issuer(&tail[..end]).map(|i| (i, c.end() + end))
}

/// `at` or the char boundary before it, within `s`.
fn floor_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// What a numbered citation is about, when it reads as the name of a document of its type (`Nghị định số
/// 200/2025/NĐ-CP … quy định chi tiết một số điều của Luật Phòng thủ dân sự`): the subject up to the clause
/// end, without `về` / `về việc`.
fn subject_at(rest: &str) -> Option<&str> {
    let rest = rest.trim_start_matches([' ', ',']);
    let rest = rest.strip_prefix("về việc ").or_else(|| rest.strip_prefix("về ")).unwrap_or(rest);
    if !["quy định", "hướng dẫn", "sửa đổi", "bãi bỏ"].iter().any(|v| rest.starts_with(v)) {
        return None;
    }
    let end = rest.find([';', '(', ')', ':', '\n', '|', '“', '”']).unwrap_or(rest.len());
    let end = rest[..end].find(". ").unwrap_or(end);
    let s = rest[..floor_boundary(rest, end.min(300))].trim_end_matches([' ', ',', '.']);
    (s.split_whitespace().count() >= 3).then_some(s)
}

/// The issuer (and date) named before a citation, in the clause that leads to its type word.
fn issuer_before(before: &str) -> Option<(String, Option<Date>)> {
    if let Some(c) = ISSUER_BEFORE_TAI.captures(before) {
        return tidy_issuer(&c["i"]).map(|i| (i, None));
    }
    let c = ISSUER_BEFORE_ISSUED.captures(before)?;
    // `Sau khi Thủ tướng Chính phủ ban hành …`: the issuer follows the conjunction
    let i = &c["i"];
    let i = i.rsplit_once(" khi ").map_or(i, |(_, b)| b);
    let issuer = tidy_issuer(i)?;
    // a clause, not a run of lower-case text: the issuer starts with a capital and holds a few words
    (issuer.split_whitespace().count() <= 14).then(|| (issuer, date_of(&c, 1)))
}

fn type_of(word: &str, symbol: &Symbol) -> Option<DocType> {
    let lower = word.to_lowercase();
    if lower == "văn bản" {
        return Some(symbol.type_code.as_deref().and_then(DocType::from_code).unwrap_or(DocType::CongVan));
    }
    DocType::from_word_prefix(word).map(|(t, _)| t)
}

/// The start of the clause that contains byte `at` of `zone`: after the last `;`, `.`+space or paragraph
/// break, at most `max` bytes back.
fn clause_start(zone: &str, at: usize, max: usize) -> usize {
    let mut from = at.saturating_sub(max);
    while !zone.is_char_boundary(from) {
        from += 1;
    }
    let b = zone.as_bytes();
    let mut i = at;
    while i > from {
        i -= 1;
        match b[i] {
            b';' | b'\n' | b'|' => return i + 1,
            b'.' if b.get(i + 1).is_some_and(|c| c.is_ascii_whitespace()) => return i + 1,
            _ => {}
        }
    }
    from
}

// ---------------------------------------------------------------------------------------------------------
// Names

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tk {
    Word,
    Punct(char),
    /// A paragraph break (a line break left in the flattened zone).
    Break,
}

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

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // Vietnamese letters first (Latin-1, Latin Extended, Latin Extended Additional), then the tables
    matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' | '\u{300}'..='\u{36F}') && c != '×' && c != '÷' || c.is_alphanumeric()
}

/// The tokens of `zone` from `from` up to about `max` bytes on.
fn tokens(zone: &str, from: usize, max: usize) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut it = zone[from..].char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if i > max {
            break;
        }
        let start = from + i;
        if c.is_whitespace() {
            let mut brk = c == '\n';
            while let Some(&(_, d)) = it.peek() {
                if !d.is_whitespace() {
                    break;
                }
                brk |= d == '\n';
                it.next();
            }
            if brk {
                out.push(Tok { start, end: start + 1, kind: Tk::Break, text: "\n", lower: Cow::Borrowed("") });
            }
        } else if is_word_char(c) {
            let mut end = start + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if !is_word_char(d) {
                    break;
                }
                end = from + j + d.len_utf8();
                it.next();
            }
            let text = &zone[start..end];
            let lower = if !text.starts_with(char::is_uppercase) {
                Cow::Borrowed(text)
            } else if text.is_ascii() {
                Cow::Owned(text.to_ascii_lowercase())
            } else {
                Cow::Owned(text.to_lowercase())
            };
            out.push(Tok { start, end, kind: Tk::Word, text, lower });
        } else {
            let end = start + c.len_utf8();
            out.push(Tok { start, end, kind: Tk::Punct(c), text: &zone[start..end], lower: Cow::Borrowed("") });
        }
    }
    out
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
fn type_word_at(toks: &[Tok], i: usize) -> bool {
    toks[i].is_cap() && NAME_BREAK_TYPES.iter().any(|t| phrase_at(toks, i, &t.to_lowercase()))
}

fn next_word<'t, 'a>(toks: &'t [Tok<'a>], i: usize) -> Option<&'t Tok<'a>> {
    toks.get(i).filter(|t| t.is_word())
}

/// Whether a lower-case stop phrase starts at `toks[i]`, given the name so far.
/// `list`: right after `và` or a comma.
fn stops_at(toks: &[Tok], i: usize, kind: Kind, after_type: bool, prev: Option<&str>, list: bool) -> bool {
    let t = &toks[i];
    if !t.is_word() || t.is_cap() {
        return false;
    }
    let next_is = |w: &str| next_word(toks, i + 1).is_some_and(|n| n.lower == w);
    match t.lower.as_ref() {
        // `Luật sửa đổi, bổ sung …`, `Nghị định quy định chi tiết …`, `Nghị định hướng dẫn …`
        "sửa" | "quy" | "hướng" | "bãi" if after_type && matches!(kind, Kind::Law | Kind::Decree) => return false,
        "số" if prev == Some("một") && next_is("điều") => return false,
        // `… gửi Bộ Giáo dục`, `gửi về`; not `Luật Bảo hiểm tiền gửi`
        "gửi" => return next_word(toks, i + 1).is_some_and(|n| n.is_cap() || matches!(n.lower.as_ref(), "về" | "đến" | "tới" | "cho")),
        // `số 12/…` ends a name; `Chính phủ số`, `chuyển đổi số` (digital) do not
        "số" => return next_word(toks, i + 1).is_some_and(|n| n.text.starts_with(|c: char| c.is_ascii_digit())) || toks.get(i + 1).is_some_and(|n| n.kind == Tk::Punct(':')),
        // `Nghị định quy định về …`
        "về" if kind == Kind::Decree && matches!(prev, Some("định" | "dẫn")) => return false,
        // `một số điều của Luật …`
        "một" if next_is("số") && next_word(toks, i + 2).is_some_and(|n| n.lower == "điều") => return false,
        // `đến năm 2030`
        "đến" if next_is("năm") => return false,
        _ => {}
    }
    if matches!(kind, Kind::Plan | Kind::NationalPlan) && PLAN_WORDS.iter().any(|p| phrase_at(toks, i, p)) {
        return false;
    }
    NAME_STOPS.iter().any(|p| phrase_at(toks, i, p)) || list && LIST_STOPS.iter().any(|p| phrase_at(toks, i, p))
}

/// Where the name that starts at `toks[0]` ends: the number of tokens it takes and of words among them. In
/// `attach` mode (an attachment's title) the name runs to `kèm theo` or the bracket or clause end.
fn walk(toks: &[Tok], kind: Kind, attach: bool) -> (usize, usize) {
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
                    if matches!(l, "kèm" | "đính") || phrase_at(toks, i, "ban hành kèm") || phrase_at(toks, i, "gửi kèm") {
                        break;
                    }
                } else if l == "và" && words == 0 {
                    break;
                } else if l == "và" {
                    let Some(n) = next_word(toks, i + 1) else { break };
                    if n.is_cap() {
                        // a decree that details two laws: `… Luật A và Luật sửa đổi … Luật A`; a title-case
                        // list: `Luật Khoa học, Công nghệ và Đổi mới sáng tạo`
                        let decree = kind == Kind::Decree && matches!(n.lower.as_ref(), "luật" | "bộ");
                        if !(decree || title_list && !type_word_at(toks, i + 1) && !AGENCY_HEADS.contains(&n.text)) {
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
                } else if t.is_cap()
                    && words > 0
                    && !after_type
                    && prev != Some("của")
                    && prev != Some("và")
                    && type_word_at(toks, i)
                    // a decree names the law it details: `Nghị định hướng dẫn chi tiết thi hành Luật Quy hoạch`
                    && !(kind == Kind::Decree && matches!(l, "luật" | "bộ" | "pháp"))
                {
                    break;
                } else if t.text.starts_with(|c: char| c.is_ascii_digit()) && words > 0 && matches!(kind, Kind::Law | Kind::Charter) && !number_fits(toks, i, prev) {
                    break;
                }
                // a type word inside the name opens a nested name (`… của Luật sửa đổi …`); elsewhere it is a
                // plain word of the name (`Luật Quy hoạch`)
                after_type = t.is_cap() && type_word_at(toks, i) && (words == 0 || matches!(prev, Some("của" | "và")) || kind == Kind::Decree);
                if after_type {
                    // step over the whole type word
                    let w = NAME_BREAK_TYPES.iter().find(|w| phrase_at(toks, i, &w.to_lowercase())).unwrap();
                    let n = w.split(' ').count();
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
                            seg <= 2 && !type_word_at(toks, i + 1) && !AGENCY_HEADS.contains(&n.text)
                        } else {
                            seg <= 3 && !matches!(prev.and_then(|p| p.chars().next()), Some('0'..='9'))
                                && !stops_at(toks, i + 1, kind, false, prev, true)
                                && !enumeration_after(toks, i + 1)
                        }
                    });
                if !(attach || amend || pair || law_list) {
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
            Tk::Punct('(') if kind == Kind::Resolution && next_word(toks, i + 1).is_some_and(|n| matches!(n.lower.as_ref(), "khóa" | "khoá")) => {
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

/// Whether the number at `toks[i]` belongs to the name: a year (`Luật Hợp tác xã 2023`), a term or stage
/// (`năm 2023`, `khóa XII`, `Trung ương 4`, `giai đoạn 2021 - 2025`), a count of years (`10 năm`); not a
/// count or footnote after the name (`… thuế nhập khẩu 107`, `của 37 luật`).
fn number_fits(toks: &[Tok], i: usize, prev: Option<&str>) -> bool {
    let t = toks[i].text;
    let year = t.len() == 4 && (t.starts_with("19") || t.starts_with("20"));
    let after_dash = i > 0 && matches!(toks[i - 1].kind, Tk::Punct('-' | '–'));
    year || after_dash
        || matches!(prev, Some("năm" | "đoạn" | "khóa" | "khoá" | "thứ" | "ương" | "kỳ" | "lần"))
        || next_word(toks, i + 1).is_some_and(|n| n.lower == "năm")
}

/// Whether the words from `toks[i]` are one item of a comma list (`Luật Bầu cử, cơ cấu, thành phần …`):
/// another comma and a lower-case word within three words, before any `và` or clause end.
fn enumeration_after(toks: &[Tok], i: usize) -> bool {
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

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").replace(" ,", ",").replace(" .", ".")
}

/// Whether an attachment's mention ending at byte `end` (and starting at `start`) of `zone` is attached to
/// this document: `(ban hành) kèm theo` after it, not followed by another document's name, or `Gửi kèm
/// Kế hoạch này` before it.
fn attached_at(zone: &str, start: usize, end: usize) -> bool {
    if let Some(m) = ATTACH_AFTER.find(&zone[end..]) {
        let rest = &zone[end + m.end()..];
        if ATTACH_THIS.is_match(rest) || !rest.trim_start().starts_with(|c: char| c.is_uppercase()) {
            return true;
        }
    }
    let from = clause_start(zone, start, 60);
    let before = &zone[from..start];
    let open = before.rfind('(').map_or(0, |p| p + 1);
    ATTACH_BEFORE.is_match(&before[open..])
}

/// A citation by name found in a zone.
#[derive(Debug)]
struct Named {
    span: Span,
    doc_type: DocType,
    name: String,
    attached: bool,
    /// The numbered citation (index into the references) that approves or issues it.
    issued_by: Option<usize>,
    /// Whether a word before it shows it cited as a document (`thực hiện`, `theo`).
    cue: bool,
}

/// The names cited in `zone` (offsets + `base`), skipping the numbered citations in `skip`.
fn named_in(zone: &str, base: usize, skip: &[(usize, usize, usize)], out: &mut Vec<Named>) {
    for m in NAMED.find_iter(zone) {
        let at = m.start();
        if skip.iter().any(|&(s, e, _)| (s..e).contains(&at)) {
            continue;
        }
        if zone[..at].chars().next_back().is_some_and(is_word_char) || zone[m.end()..].starts_with(is_word_char) {
            continue;
        }
        let word = m.as_str();
        let (kind, doc_type) = named_kind(word);
        // what may follow the type word, at a glance (most mentions of `Luật`, `Nghị quyết` … are not names)
        let rest = zone[m.end()..].trim_start_matches([' ', '\t']);
        let quoted = rest.starts_with(['“', '"']);
        let plausible = match kind {
            Kind::Law | Kind::Charter => quoted || rest.starts_with(char::is_uppercase) || kind == Kind::Law && rest.starts_with("sửa đổi"),
            Kind::Resolution => quoted || ["Đại hội", "Hội nghị", "Trung ương"].iter().any(|p| rest.starts_with(p)),
            Kind::Decree => quoted || ["quy định", "hướng dẫn", "sửa đổi", "bãi bỏ"].iter().any(|p| rest.starts_with(p)),
            Kind::NationalPlan => rest.starts_with("quốc gia") || rest.starts_with("mục tiêu quốc gia"),
            _ => true,
        };
        if !plausible {
            continue;
        }
        // the words before: a class (`các Luật`), part of another name (`Đại học Luật`)
        let before = &zone[clause_start(zone, at, 40)..at];
        let before_l = before.to_lowercase();
        let before_words: Vec<&str> = before_l.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty()).collect();
        let ends_with = |p: &str| {
            let pw: Vec<&str> = p.split(' ').collect();
            before_words.len() >= pw.len() && before_words[before_words.len() - pw.len()..] == pw[..]
                && before.trim_end().ends_with(|c: char| is_word_char(c))
        };
        if kind != Kind::Appendix && PLURAL_BEFORE.iter().any(|p| ends_with(p)) {
            continue;
        }
        if INSIDE_NAME_BEFORE.iter().any(|p| ends_with(p)) {
            continue;
        }
        let toks = tokens(zone, m.end(), NAME_WINDOW);
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
            out.push(Named { span: Span::new(base + s, base + e), doc_type: doc_type.clone(), name, attached, issued_by, cue });
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
            if let Some(close) = toks.iter().skip(1).position(|t| matches!(t.kind, Tk::Punct('”' | '"') | Tk::Break)).map(|c| c + 1).filter(|&c| toks[c].kind != Tk::Break) {
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
                first.is_some_and(|t| t.text == "Đại" || t.text == "Hội" || t.text == "Trung")
                    && (phrase_at(&toks, 0, "đại hội") || phrase_at(&toks, 0, "hội nghị") || phrase_at(&toks, 0, "trung ương"))
            }
            Kind::Decree => {
                ["quy định", "hướng dẫn", "sửa đổi", "bãi bỏ"].iter().any(|p| phrase_at(&toks, 0, p)) && first.is_some_and(|t| !t.is_cap())
            }
            Kind::NationalPlan => phrase_at(&toks, 0, "quốc gia") || phrase_at(&toks, 0, "mục tiêu quốc gia"),
            // `Chương trình giai đoạn 2026-2030`: the short form of a name given before, with its stage
            Kind::Plan => first.is_some() && !phrase_at(&toks, 0, "giai đoạn") && !phrase_at(&toks, 0, "năm"),
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
            Kind::Decree => words >= 4 && !["bổ sung", "quy định", "hướng dẫn", "thi hành", "chi tiết"].iter().any(|v| fold_name(&zone[at..span_to(n)]).ends_with(v)),
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
        // `Nghị quyết Trung ương 4 khóa XI, XII`
        if kind == Kind::Resolution && n >= 2 && matches!(toks[n - 2].lower.as_ref(), "khóa" | "khoá") {
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
    if !["duyệt", "DUYỆT", "hành", "HÀNH", "đầu tư"].iter().any(|v| lead.ends_with(v)) {
        return None;
    }
    let from = clause_start(zone, at, 400);
    let m = ISSUED_BEFORE.find(&zone[from..at])?;
    if let Some(&(_, _, r)) = numbered.iter().rev().find(|&&(s, e, _)| s >= from && e <= at) {
        return Some(Some(r));
    }
    let verb = &zone[from + m.start()..at];
    let lead = zone[from..from + m.start()].trim();
    let lead_is_label = lead.is_empty() || lead.starts_with("Điều") && lead.split_whitespace().count() <= 2;
    (verb.to_lowercase().starts_with("ban hành") || lead_is_label).then_some(None)
}

/// Words that, right before a programme's or strategy's name, show it cited as a document (`thực hiện`,
/// `triển khai`, `theo`, `thuộc`, `gắn với`), not an event or a course (`Về Chương trình nghệ thuật`,
/// `hoàn thành Chương trình bồi dưỡng`).
const CUES: &[&str] = &[
    "thực hiện", "triển khai", "theo", "thuộc", "của", "tại", "căn cứ", "quán triệt", "gắn với", "với", "giám sát",
    "đánh giá", "sơ kết", "tổng kết", "điều chỉnh", "trong", "vào",
];
/// Adverbs between a cue and the name (`thực hiện hiệu quả chương trình …`).
const CUE_FILLERS: &[&str] = &["hiệu", "quả", "có", "tốt", "nghiêm", "đúng", "đầy", "đủ", "các", "nội", "dung", "việc"];

fn has_cue(before: &[&str]) -> bool {
    let mut end = before.len();
    while end > 0 && CUE_FILLERS.contains(&before[end - 1]) && before.len() - end < 3 {
        end -= 1;
    }
    CUES.iter().any(|c| {
        let cw: Vec<&str> = c.split(' ').collect();
        end >= cw.len() && before[end - cw.len()..end] == cw[..]
    })
}

// ---------------------------------------------------------------------------------------------------------
// Resolution of names

/// A name as compared: its words (lower case, but all-capital abbreviations kept), the years it names set
/// apart, `năm`/`giai đoạn`/`đến` dropped.
#[derive(Debug, PartialEq)]
struct NameForm {
    words: Vec<String>,
    years: Option<(u16, u16)>,
}

impl NameForm {
    fn new(name: &str) -> Self {
        let (words, years) = name_words(name);
        NameForm { words, years }
    }
}

fn name_words(name: &str) -> (Vec<String>, Option<(u16, u16)>) {
    let mut words = Vec::new();
    let mut years: Option<(u16, u16)> = None;
    for w in name.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty()) {
        let l = w.to_lowercase().replace('ð', "đ");
        if let Ok(y) = l.parse::<u16>() {
            if l.len() == 4 && (1900..2100).contains(&y) {
                years = Some(years.map_or((y, y), |(a, b)| (a.min(y), b.max(y))));
                continue;
            }
        }
        if matches!(l.as_str(), "năm" | "giai" | "đoạn" | "đến" | "thời" | "kỳ") {
            continue;
        }
        words.push(if w.chars().all(|c| c.is_uppercase()) && w.chars().count() >= 2 { w.to_string() } else { l });
    }
    (words, years)
}

/// Whether the words `short` appear in order in `long`, an all-capitals word of `short` standing for the
/// initials of several words of `long` (`MTTQ` = `Mặt trận Tổ quốc`).
fn subsequence(short: &[String], long: &[String]) -> bool {
    let mut j = 0;
    'outer: for w in short {
        while j < long.len() {
            if long[j].to_lowercase() == w.to_lowercase() {
                j += 1;
                continue 'outer;
            }
            let caps: Vec<char> = w.chars().collect();
            if caps.len() >= 2 && caps.iter().all(|c| c.is_uppercase()) && j + caps.len() <= long.len() {
                let initials: String = long[j..j + caps.len()].iter().filter_map(|x| x.chars().next()).flat_map(char::to_uppercase).collect();
                if initials == w.as_str() {
                    j += caps.len();
                    continue 'outer;
                }
            }
            j += 1;
        }
        return false;
    }
    true
}

/// Whether two names of one type name the same document: the same first word after the type word, one's
/// words in order among the other's (a short form), and overlapping years when both have years (`Luật Đất
/// đai năm 2013` is not `Luật Đất đai năm 2024`; `… năm 2025` is within `… giai đoạn 2021 - 2025`).
fn same_document(a: &NameForm, b: &NameForm, type_words: usize) -> bool {
    let (wa, wb) = (&a.words, &b.words);
    if let (Some((a0, a1)), Some((b0, b1))) = (a.years, b.years) {
        if a1 < b0 || b1 < a0 {
            return false;
        }
    }
    let (ha, hb) = (wa.get(type_words), wb.get(type_words));
    match (ha, hb) {
        (None, None) => return true,
        (Some(x), Some(y)) if x.to_lowercase() == y.to_lowercase() || subsequence(&[x.clone()], &wb[type_words..]) && x.chars().all(char::is_uppercase) || subsequence(&[y.clone()], &wa[type_words..]) && y.chars().all(char::is_uppercase) => {}
        _ => return false,
    }
    let (s, l) = if wa.len() <= wb.len() { (wa, wb) } else { (wb, wa) };
    subsequence(&s[type_words..], &l[type_words..])
}

fn type_word_count(t: &DocType) -> usize {
    t.name().split_whitespace().count()
}

fn fold_name(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// An alias defined in the text and what it stands for.
enum AliasTarget {
    Named(usize),
    Numbered(usize),
    /// The document itself or something not cited (`(sau đây gọi tắt là Kế hoạch)`).
    Nothing,
}

struct Alias {
    at: usize,
    fold: String,
    target: AliasTarget,
}

/// The aliases defined in `zone`: each stands for the last citation before it in its clause.
fn aliases_in(zone: &str, base: usize, named: &[Named], first: usize, numbered: &[(usize, usize, usize)], refs: &[Reference], out: &mut Vec<Alias>) {
    for c in ALIAS.captures_iter(zone) {
        let open = c.get(0).unwrap().start();
        let alias = collapse(c.name("a").unwrap().as_str());
        let from = clause_start(zone, open, 600);
        let last_named = named.iter().enumerate().skip(first).rev().find(|(_, n)| n.span.start >= base + from && n.span.start < base + open);
        let last_numbered = numbered.iter().rev().find(|&&(s, _, _)| s >= from && s < open);
        let alias_type = DocType::from_word_prefix(&alias).map(|(t, _)| t);
        let target = match (last_named, last_numbered) {
            (Some((i, n)), num) if num.is_none_or(|&(s, _, _)| base + s < n.span.start) => {
                if alias_type.is_none() || alias_type == Some(n.doc_type.clone()) || named_kind(alias.split(' ').next().unwrap_or("")).1 == n.doc_type {
                    AliasTarget::Named(i)
                } else {
                    AliasTarget::Nothing
                }
            }
            (_, Some(&(_, _, r))) if alias_type.is_none() || alias_type == refs[r].doc_type => AliasTarget::Numbered(r),
            _ => AliasTarget::Nothing,
        };
        out.push(Alias { at: base + open, fold: fold_name(&alias), target });
    }
}

/// Where a name resolved to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Dest {
    Ref(usize),
    Drop,
}

/// `s` with hard line breaks and emphasis (`*`, `_`) blanked out: same length, so offsets hold. A blank line
/// stays.
fn flatten(s: &str) -> String {
    // eight bytes at a time: whether any is `\n`, `\r`, `*` or `_`
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero_byte = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let special = |w: u64| zero_byte(w ^ (ONES * 0x0A)) | zero_byte(w ^ (ONES * 0x0D)) | zero_byte(w ^ (ONES * 0x2A)) | zero_byte(w ^ (ONES * 0x5F)) != 0;
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    let mut i = 0;
    while i < b.len() {
        if i + 8 <= b.len() && !special(u64::from_le_bytes(b[i..i + 8].try_into().unwrap())) {
            i += 8;
            continue;
        }
        let c = b[i];
        let blank = match c {
            b'\n' | b'\r' => !(b.get(i + 1).is_some_and(|&n| n == b'\n' || n == b'\r') || i > 0 && b[i - 1] == b'\n'),
            b'*' | b'_' => true,
            _ => false,
        };
        if blank {
            out.push_str(&s[last..i]);
            out.push(' ');
            last = i + 1;
        }
        i += 1;
    }
    out.push_str(&s[last..]);
    out
}

/// Extract the references of `text` within `ranges` (byte ranges of the zones that cite: title, preamble,
/// body), skipping the document's own symbol.
pub fn extract(text: &str, ranges: &[Span], own_symbol: Option<&str>) -> Vec<Reference> {
    let own = own_symbol.map(fold_key);
    let mut refs: Vec<Reference> = Vec::new();
    // names a numbered citation is also known by (a law's name before its number, what it approves)
    let mut known_as: Vec<(usize, DocType, NameForm)> = Vec::new();
    let mut named: Vec<Named> = Vec::new();
    let mut aliases: Vec<Alias> = Vec::new();
    let add = |refs: &mut Vec<Reference>, doc_type: Option<DocType>, symbol: Symbol, date: Option<Date>, issuer: Option<String>, span: Span| -> Option<usize> {
        let key = fold_key(&symbol.raw);
        if own.as_deref() == Some(key.as_str()) {
            return None;
        }
        if let Some(i) = refs.iter().position(|r| r.key == key) {
            let r = &mut refs[i];
            r.mentions.push(span);
            if r.date.is_none() {
                r.date = date;
            }
            if r.issuer.is_none() {
                r.issuer = issuer;
            }
            return Some(i);
        }
        refs.push(Reference { doc_type, symbol: Some(symbol), date, issuer, name: None, key, mentions: vec![span], attached: false, pinpoints: Vec::new() });
        Some(refs.len() - 1)
    };
    for r in ranges {
        // hard line breaks and emphasis are layout: blank them out (same length, so offsets hold); a blank
        // line and a table cell's border still end a clause
        let zone_owned = flatten(&text[r.start..r.end]);
        let zone = zone_owned.as_str();
        // (start, end, reference) of each numbered citation in the zone, and for lists sharing one issuer
        // (`Nghị định số A ngày …, Nghị định số B ngày … của Chính phủ`): (reference, start, end of its date)
        let mut numbered: Vec<(usize, usize, usize)> = Vec::new();
        let mut chain: Vec<(Option<usize>, usize, usize, Option<String>)> = Vec::new();
        let mut consumed = 0;
        // (where the type word may end, the symbol, whether `số` comes first), in text order
        let mut found: Vec<(usize, regex::Match, bool)> =
            NUMBER.captures_iter(zone).map(|c| (c.get(0).unwrap().start(), c.name("sym").unwrap(), true)).collect();
        found.extend(BARE_NUMBER.captures_iter(zone).map(|c| {
            let sym = c.name("sym").unwrap();
            (sym.start(), sym, false)
        }));
        found.sort_by_key(|f| f.0);
        for (at, sym_m, with_so) in found {
            if at < consumed {
                continue;
            }
            // `… /UBTVQH15.` ends a sentence: a dash after the full stop opens the next line, not a symbol part
            let sym = sym_m.as_str();
            let sym = match sym.find('.').filter(|&d| sym[d + 1..].trim_start().starts_with('-')) {
                Some(d) => &sym[..d],
                None => sym,
            };
            if !with_so {
                // a symbol right after a type word: it must hold letters (`366-QĐ/TW`, not a date) and stand
                // alone (not the tail of `QH15/…`)
                if !sym.contains(|c: char| c.is_uppercase()) || zone[..at].ends_with(|c: char| is_word_char(c) || "/-.".contains(c)) {
                    continue;
                }
            }
            let mut from = at.saturating_sub(TYPE_WINDOW);
            while !zone.is_char_boundary(from) {
                from += 1;
            }
            let Some((t_at, word, name)) = type_before(&zone[from..at]) else { continue };
            let is_law = matches!(word, "Luật" | "Bộ luật" | "Pháp lệnh");
            // a name between the type word and `số` only for laws (`Luật Lưu trữ số 33/2024/QH15`)
            if !name.is_empty() && !(is_law && with_so) {
                continue;
            }
            let mut pos = sym_m.end();
            let start = from + t_at;
            let mut syms = vec![(sym.to_string(), Span::new(r.start + start, r.start + sym_m.end()))];
            // `số 19-NQ/TW, số 20-NQ/TW và số 21-NQ/TW`
            while let Some(m) = MORE.captures(&zone[pos..]) {
                let s = m.name("sym").unwrap();
                syms.push((s.as_str().to_string(), Span::new(r.start + pos + s.start(), r.start + pos + s.end())));
                pos += m.get(0).unwrap().end();
            }
            consumed = pos;
            let (mut date, used) = date_at(&zone[pos..]);
            let after = issuer_at(&zone[pos + used..]);
            let subject = subject_at(&zone[pos + used + after.as_ref().map_or(0, |a| a.1)..]);
            let mut issuer = after.map(|a| a.0);
            let single = syms.len() == 1;
            if issuer.is_none() && single {
                let cs = clause_start(zone, start, 240);
                if let Some((i, d)) = issuer_before(&zone[cs..start]) {
                    issuer = Some(i);
                    date = date.or(d);
                }
            }
            let mut last = None;
            for (s, span) in syms {
                let raw: String = s.split_whitespace().collect::<String>().trim_end_matches(['.', '-']).to_string();
                let symbol = parse_symbol(&raw);
                let t = type_of(word, &symbol);
                if let Some(i) = add(&mut refs, t, symbol, if single { date } else { None }, issuer.clone(), span) {
                    numbered.push((start, pos, i));
                    let t = || type_of(word, refs[i].symbol.as_ref().unwrap()).unwrap_or(DocType::Luat);
                    if is_law && !name.is_empty() {
                        known_as.push((i, t(), NameForm::new(&format!("{word} {name}"))));
                    }
                    // `Nghị định số … quy định chi tiết …`, later `Nghị định quy định chi tiết …`
                    if let Some(subject) = subject.filter(|_| single) {
                        known_as.push((i, t(), NameForm::new(&format!("{word} {subject}"))));
                    }
                    last = Some(i);
                }
            }
            chain.push((if single { last } else { None }, start, pos + used, issuer));
        }
        // an issuer shared by a list of citations: `A ngày …, B ngày … của Chính phủ`
        for k in (0..chain.len().saturating_sub(1)).rev() {
            let (next_start, next_issuer) = (chain[k + 1].1, chain[k + 1].3.clone());
            let (this, _, end, issuer) = &chain[k];
            let gap = zone.get(*end..next_start).unwrap_or("").trim();
            // one issuer for both only when their symbols name the same issuer (`… /NĐ-CP, … /NĐ-CP của Chính phủ`)
            let code = |i: &Option<usize>| i.and_then(|i| refs[i].symbol.as_ref().and_then(|s| s.issuer_code.clone()));
            let same = code(this).is_some() && code(this) == code(&chain[k + 1].0);
            if issuer.is_none() && same && (gap == "," || gap == "và") {
                chain[k].3 = next_issuer;
            }
        }
        for (i, _, _, issuer) in &chain {
            if let (Some(i), Some(iss)) = (i, issuer) {
                if refs[*i].issuer.is_none() {
                    refs[*i].issuer = Some(iss.clone());
                }
            }
        }
        for c in STANDARD.captures_iter(zone) {
            let m = c.get(0).unwrap();
            let raw = collapse(m.as_str());
            let symbol = Symbol {
                raw: raw.clone(),
                number: Some(c["n"].split([':', '-', '/']).next().unwrap_or("").trim().to_string()),
                year: None,
                type_code: Some(c["t"].to_string()),
                issuer_code: None,
                form: None,
            };
            if let Some(i) = add(&mut refs, Some(DocType::Other(c["t"].to_string())), symbol, None, None, Span::new(r.start + m.start(), r.start + m.end())) {
                numbered.push((m.start(), m.end(), i));
            }
        }
        numbered.sort_unstable();
        let first_named = named.len();
        named_in(zone, r.start, &numbered, &mut named);
        aliases_in(zone, r.start, &named, first_named, &numbered, &refs, &mut aliases);
    }

    // resolve names: issued by a numbered citation, an alias, a law's name, an earlier name
    let mut dest: Vec<Dest> = Vec::with_capacity(named.len());
    // (reference, its distinct name forms)
    let mut groups: Vec<(usize, Vec<NameForm>)> = Vec::new();
    // per reference: a citation by number, or a name seen with a cue
    let mut cued: Vec<bool> = vec![true; refs.len()];
    for (k, n) in named.iter().enumerate() {
        let tw = type_word_count(&n.doc_type);
        let fold = fold_name(&n.name);
        let form = NameForm::new(&n.name);
        // an alias, or a longer form of it (`Nghị quyết Đại hội XIII của Đảng`); a bare type word (`(gọi tắt là
        // Luật)`) stands only for itself
        let alias = aliases.iter().find(|a| {
            a.at < n.span.start
                && (fold == a.fold
                    || a.fold.split(' ').count() >= tw + 2 && fold.strip_prefix(a.fold.as_str()).is_some_and(|r| r.starts_with(' ')))
        });
        let d = if let Some(r) = n.issued_by {
            if !known_as.iter().any(|(x, _, f)| *x == r && *f == form) {
                known_as.push((r, n.doc_type.clone(), form));
            }
            Dest::Ref(r)
        } else if let Some(a) = alias {
            match a.target {
                AliasTarget::Named(j) if j < k => dest[j],
                AliasTarget::Numbered(r) => Dest::Ref(r),
                _ => Dest::Drop,
            }
        } else if let Some(&(r, _, _)) = known_as.iter().find(|(_, t, f)| *t == n.doc_type && same_document(f, &form, tw)) {
            Dest::Ref(r)
        } else if let Some(g) = groups.iter().position(|(r, forms)| refs[*r].doc_type.as_ref() == Some(&n.doc_type) && forms.iter().any(|f| same_document(f, &form, tw))) {
            let (r, forms) = &mut groups[g];
            let r = *r;
            // the fullest name is the one printed
            if n.name.chars().count() > refs[r].name.as_deref().map_or(0, |x| x.chars().count()) {
                refs[r].key = format!("{}:{}", n.doc_type.code(), fold);
                refs[r].name = Some(n.name.clone());
            }
            if !forms.contains(&form) {
                forms.push(form);
            }
            Dest::Ref(r)
        } else {
            refs.push(Reference {
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
            groups.push((refs.len() - 1, vec![form]));
            cued.push(false);
            Dest::Ref(refs.len() - 1)
        };
        if let Dest::Ref(r) = d {
            cued[r] |= n.cue || n.attached;
            refs[r].mentions.push(n.span);
            refs[r].attached |= n.attached && refs[r].symbol.is_none();
        }
        dest.push(d);
    }
    let mut refs: Vec<Reference> = refs.into_iter().zip(cued).filter(|(_, c)| *c).map(|(r, _)| r).collect();
    for r in &mut refs {
        r.mentions.sort_unstable();
        r.pinpoints = r.mentions.iter().enumerate().filter_map(|(i, m)| pinpoint_before(text, m.start, i)).collect();
    }
    refs.sort_by_key(|r| r.mentions.first().map_or(usize::MAX, |m| m.start));
    refs
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn a_qualifier_may_stand_between_the_type_word_and_the_number() {
        // the form of `Báo cáo tiếp thu số …` in resolutions of people's councils (issue 3)
        let t = "Xét Tờ trình số 12/TTr-UBND ngày 01/02/2025 của Ủy ban nhân dân tỉnh; Báo cáo thẩm tra số 45/BC-HĐND ngày 03/02/2025 của Ban Pháp chế và Báo cáo tiếp thu số 235/BC-STP ngày 12/5/2025 của Sở Tư pháp.";
        let r = extract(t, &[Span::new(0, t.len())], None);
        let keys: Vec<(&str, Option<&str>)> = r.iter().map(|r| (r.key.as_str(), r.issuer.as_deref())).collect();
        assert!(keys.contains(&("45/BC-HĐND", Some("Ban Pháp chế"))), "{keys:?}");
        assert!(keys.contains(&("235/BC-STP", Some("Sở Tư pháp"))), "{keys:?}");
        assert!(r.iter().all(|r| r.doc_type.is_some()));
    }
    #[test]
    fn pinpoints_keep_article_clause_and_point() {
        // tnt_NQ_73-2025-NQ-HDND_06c6f91f.md; tnt_QD_3361-QD-BCT_266dbea1.md; lmx_HD_04.txt
        let t = "Căn cứ điểm a khoản 3 Điều 43 Luật Thủ đô năm 2024; theo khoản 1 Điều 28 Nghị định số 31/2018/NĐ-CP ngày 08/3/2018 của Chính phủ; quy định tại khoản 4, Điều 2 Nghị quyết số 101/2025/UBTVQH15; Nghị định số 30/2020/NĐ-CP.";
        let r = extract(t, &[Span::new(0, t.len())], None);
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
        extract(t, &[Span::new(0, t.len())], None)
            .into_iter()
            .map(|r| (r.symbol.unwrap().raw, r.date.map(|d| d.iso()), r.issuer))
            .collect()
    }
    /// (type code, symbol or name, attached) of each reference.
    fn cited(t: &str) -> Vec<(String, String, bool)> {
        extract(t, &[Span::new(0, t.len())], None)
            .into_iter()
            .map(|r| (r.doc_type.map(|d| d.code().to_string()).unwrap_or_default(), r.name.or(r.symbol.map(|s| s.raw)).unwrap(), r.attached))
            .collect()
    }
    fn names(t: &str) -> Vec<String> {
        cited(t).into_iter().map(|x| x.1).collect()
    }
    #[test]
    fn flatten_blanks_single_line_breaks_and_emphasis() {
        assert_eq!(flatten("a\nb\n\nc *d* e_f\r\ng\r\n\r\n"), "a b\n\nc  d  e f\r g\r\n\r ");
        assert_eq!(flatten("Nghị quyết số 57-NQ/TW của\nBộ Chính trị"), "Nghị quyết số 57-NQ/TW của Bộ Chính trị");
        let long = "x".repeat(37) + "\n" + &"y".repeat(20) + "**";
        assert_eq!(flatten(&long), "x".repeat(37) + " " + &"y".repeat(20) + "  ");
        // the word-at-a-time scan agrees with a byte-at-a-time one wherever the special bytes fall
        let naive = |s: &str| -> String {
            let b = s.as_bytes();
            let v: Vec<u8> = b
                .iter()
                .enumerate()
                .map(|(i, &c)| match c {
                    b'\n' | b'\r' if !(b.get(i + 1).is_some_and(|&n| n == b'\n' || n == b'\r') || i > 0 && b[i - 1] == b'\n') => b' ',
                    b'*' | b'_' => b' ',
                    _ => c,
                })
                .collect();
            String::from_utf8(v).unwrap()
        };
        let pieces = ["Luật", " ", "\n", "\n\n", "*", "_", "\r\n", "đổi", "x", "|"];
        for n in 0..400usize {
            let s: String = (0..n % 23).map(|k| pieces[(n * 7 + k * k * 3 + k) % pieces.len()]).collect();
            assert_eq!(flatten(&s), naive(&s), "{s:?}");
        }
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
        let r = extract(t, &[Span::new(0, t.len())], None);
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
        let r = extract(t, &[Span::new(0, t.len())], None);
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
        assert_eq!(extract(t, &[Span::new(0, t.len())], None)[0].mentions.len(), 2);
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
