//! Assignments: who must do what, with whom, by when (`vn-document-format.md` §7b–7c,
//! `annotation-schema.md` "assignments").
//!
//! Work is read clause by clause in every paragraph of the body. A clause that opens with an agency (or with
//! `Giao`/`Đề nghị`/`Yêu cầu`/`Chỉ đạo` and an agency) names who acts; what follows says how (`chủ trì`,
//! `phối hợp`, `có trách nhiệm`, `theo dõi, đôn đốc`). `phối hợp với X`, `báo cáo ... về X` and labelled lines
//! (`Đơn vị chủ trì: X`) name the others. An item addressed to an agency (`1. Ban Tổ chức Tỉnh ủy:`) lends it
//! as the implied subject of the item's other clauses. Agency lists are split by the schema's rule: at `;`
//! always, at `,`/`và` only where the next part starts with a head word.
pub mod tasks;

use crate::model::{Assignment, Date, Deadline, DeadlineKind, MarkerStyle, NodeId, NodeKind, Period, Role, Span};


/// Words of a recurring deadline and the period they name, the first found wins.
const PERIODS: &[(&str, Period)] = &[
    ("hằng tuần", Period::Weekly),
    ("hàng tuần", Period::Weekly),
    ("hằng tháng", Period::Monthly),
    ("hàng tháng", Period::Monthly),
    ("hằng quý", Period::Quarterly),
    ("hàng quý", Period::Quarterly),
    ("định kỳ quý", Period::Quarterly),
    ("6 tháng", Period::HalfYearly),
    ("sáu tháng", Period::HalfYearly),
    ("hằng năm", Period::Yearly),
    ("hàng năm", Period::Yearly),
    ("định kỳ năm", Period::Yearly),
];
/// Words of an ongoing task.
const ONGOING: &[&str] = &["thường xuyên", "liên tục", "hằng ngày", "hàng ngày"];


/// Words that open an agency name (first word or two, compared case-insensitively on the first letter).
const HEADS: &[&str] = &[
    "Sở", "Ban", "Bộ", "Ủy ban", "Uỷ ban", "UBND", "Hội", "Văn phòng", "Công an", "Bộ Chỉ huy", "Mặt trận", "MTTQ",
    "Đoàn", "Tỉnh đoàn", "Thành đoàn", "Liên đoàn", "Báo", "Đài", "Trung tâm", "Cục", "Chi cục", "Phòng", "Thanh tra",
    "Kho bạc", "Ngân hàng", "Hội đồng", "HĐND", "Thường trực", "Chủ tịch", "Phó Chủ tịch", "Giám đốc", "Thủ trưởng",
    "Người đứng đầu", "Tỉnh ủy", "Tỉnh uỷ", "Thành ủy", "Thành uỷ", "Huyện ủy", "Đảng ủy", "Đảng uỷ", "Đảng đoàn",
    "Ban cán sự", "Viện", "Trường", "Bệnh viện", "Tổng cục", "Tòa án", "Viện kiểm sát", "Bưu điện", "Cục trưởng",
    "Chánh Văn phòng", "Chánh văn phòng", "Trưởng ban", "Trưởng phòng", "Ủy viên", "Đồng chí", "Bộ trưởng",
    "Lưu trữ", "Cơ quan", "Đơn vị", "Chính quyền", "Lãnh đạo", "Tổ công tác", "Tổ giúp việc", "Tổ trưởng", "Tiểu ban",
    "Trưởng", "Phó Trưởng", "Phó trưởng", "Bí thư", "Phó Bí thư", "Ban Chỉ đạo", "Ban chỉ đạo",
    "Doanh nghiệp", "Cán bộ", "Công chức", "Chuyên viên", "Cấp ủy", "Cấp uỷ", "Người được giao",
];
/// Heads that open an agency in lower case too (office-holders and bodies named mid-sentence).
const LOWER_HEADS: &[&str] = &[
    "người đứng đầu", "thủ trưởng", "chủ tịch", "giám đốc", "ủy ban nhân dân", "uỷ ban nhân dân", "ban thường vụ",
    "người được giao", "chánh văn phòng", "tập thể lãnh đạo", "cấp có thẩm quyền", "cấp trên trực tiếp", "cấp ủy",
    "cấp uỷ",
];

/// Phrases that begin like a head word but name no actor.
const NOT_HEADS: &[&str] = &["Các hội nghị", "các hội nghị", "Trường hợp", "trường hợp", "Đơn vị tính", "Cơ quan, tổ chức, cá nhân có", "Ban hành", "Phòng, chống", "phòng, chống", "Hội nghị", "Hội thảo", "Báo cáo", "Đài truyền"];

/// Plural nouns that make `các X` an agency class (`các cơ quan liên quan`, `Các Sở, ngành`).
const PLURAL_NOUNS: &[&str] = &[
    "sở", "ban", "ngành", "cơ quan", "đơn vị", "địa phương", "tổ chức", "xã", "phường", "huyện", "bộ", "hội",
    "đoàn thể", "cấp ủy", "cấp uỷ", "doanh nghiệp", "trường", "phòng", "thành viên", "đồng chí", "cá nhân", "chi bộ",
    "ủy ban", "uỷ ban", "huyện ủy", "đảng ủy", "tỉnh ủy", "tổ", "ban đảng", "chủ đầu tư", "lực lượng", "trung tâm",
    "thôn", "khu phố", "báo", "đài", "văn phòng", "đ/c", "chuyên viên", "cán bộ", "công chức", "đặc khu",
];
/// Words that end an agency name: the verb or preposition of what it must do.
const STOPS: &[&str] = &[
    "chủ trì", "phối hợp", "có trách nhiệm", "chịu trách nhiệm", "thực hiện", "triển khai", "xây dựng", "tham mưu",
    "hướng dẫn", "theo dõi", "đôn đốc", "kiểm tra", "giám sát", "rà soát", "tuyên truyền", "mở", "làm", "bảo đảm",
    "đảm bảo", "cung cấp", "báo cáo", "chỉ đạo", "phổ biến", "quán triệt", "nghiên cứu", "đề xuất", "tổng hợp",
    "chuẩn bị", "ban hành", "căn cứ", "trong", "để", "nhằm", "tiến hành", "khẩn trương", "kịp thời", "thường xuyên",
    "tập trung", "tăng cường", "đẩy mạnh", "quản lý", "vận động", "cập nhật", "tiếp tục", "chủ động", "xem xét",
    "giải quyết", "phân công", "bố trí", "sử dụng", "thẩm định", "trình", "công bố", "đánh giá", "sơ kết", "tổng kết",
    "tiếp nhận", "phê duyệt", "duy trì", "nâng cao", "hoàn thành", "hoàn thiện", "là", "được", "phải", "cần", "có",
    "sẽ", "đã", "về", "tại", "theo", "trên", "cho", "khi", "nếu", "với", "đến", "từ", "trước", "sau", "đối với", "thì",
    "gửi", "nộp", "thông báo", "ưu tiên", "xử lý", "phát hiện", "phát triển", "thúc đẩy", "chấp hành", "trực tiếp",
    "giúp", "cùng", "tích cực", "phân bổ", "thống nhất", "thu thập", "ứng dụng", "đầu tư", "tổ chức thực hiện",
    "bổ sung", "sửa đổi", "kiện toàn", "phát động", "tuyên dương", "khen thưởng", "hỗ trợ", "tạo điều kiện",
    "lựa chọn", "chỉ định", "định kỳ", "hằng năm", "hàng năm", "thông qua", "tiếp xúc", "giới thiệu",
    "ký", "quyết định", "điều hành", "bàn giao", "lưu trữ", "thu", "chi", "phát", "biên soạn", "cấp giấy phép", "cấp phép",
    "nắm", "trao đổi", "cập", "đề nghị", "yêu cầu", "giao", "rút", "tăng", "giảm", "nghiêm", "tự", "trả lời",
    "kết quả", "tình hình", "việc", "nội dung", "số liệu", "những", "quy định", "cho phép", "xác thực", "phản ánh", "bị",
    "phân tích", "cân nhắc",
];
/// Verbs of a power or permission, not a duty: their subject gets no record (`Ban thường vụ tỉnh ủy quy định
/// việc sử dụng ...`, `Người đứng đầu cơ quan, tổ chức quyết định việc công bố ...`).
const POWERS: &[&str] = &["quy định", "quyết định", "cho phép", "có quyền", "được"];
/// Openers that a subject uses to hand work to others (`Hội đồng nhân dân tỉnh giao ...`): the subject issues
/// the work and gets no record.
const ISSUING: &[&str] = &["giao", "yêu cầu", "đề nghị", "chỉ đạo"];
/// The largest char boundary of `s` not above `i`.
fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Phrases fronted before the subject of a clause, ended by a comma.
const FRONTED: &[&str] = &[
    "Căn cứ", "Trên cơ sở", "Trong quá trình", "Trong quá trình thực hiện", "Để", "Nhằm", "Khi", "Sau khi", "Định kỳ",
    "Hằng năm", "Hàng năm", "Đối với", "Trong thời hạn", "Cùng với", "Trường hợp",
];
/// Words after which an agency opens a clause even without a comma: `nếu có khó khăn, vướng mắc các cơ quan, đơn
/// vị ... kịp thời phản ánh về ...`.
const CLAUSE_CUES: &[&str] = &["vướng mắc", "vướng mắc,", "phát sinh,"];

/// Adverbs that may come before the verb of an implied subject (`Tiếp tục chủ trì, ...`).
const ADVERBS: &[&str] = &["tiếp tục", "thường xuyên", "chủ động", "khẩn trương", "kịp thời", "tích cực"];
/// Words after an agency list that make it the subject of a duty or a power.
const LEAD_CUES: &[&str] = &["chủ trì", "làm đầu mối", "là cơ quan chủ trì", "là đơn vị chủ trì", "là cơ quan đầu mối"];
const MONITOR_CUES: &[&str] = &["theo dõi", "đôn đốc", "kiểm tra, giám sát", "giám sát"];
/// Labelled task lines (`Đơn vị chủ trì: X`) and the role they give.
const LABELS: &[(&str, Role)] = &[
    ("Đơn vị chủ trì", Role::Lead),
    ("Cơ quan chủ trì", Role::Lead),
    ("Chủ trì", Role::Lead),
    ("Đơn vị phối hợp", Role::Coordinate),
    ("Cơ quan phối hợp", Role::Coordinate),
    ("Phối hợp", Role::Coordinate),
    ("Đơn vị thực hiện", Role::Responsible),
    ("Cơ quan thực hiện", Role::Responsible),
    ("Trách nhiệm thực hiện", Role::Responsible),
];
const DEADLINE_LABELS: &[&str] =
    &["Thời gian thực hiện", "Thời gian hoàn thành", "Thời hạn hoàn thành", "Thời hạn", "Tiến độ thực hiện", "Tiến độ"];
/// Cue words before the agency that open a clause, and the role they give it.
const OPENERS: &[(&str, Role)] = &[
    ("Giao", Role::Responsible),
    ("giao", Role::Responsible),
    ("Đề nghị", Role::Responsible),
    ("đề nghị", Role::Responsible),
    ("Yêu cầu", Role::Responsible),
    ("yêu cầu", Role::Responsible),
    ("Chỉ đạo", Role::Directed),
    ("chỉ đạo", Role::Directed),
];
/// Abbreviations expanded in agency keys.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("UBND", "ủy ban nhân dân"),
    ("HĐND", "hội đồng nhân dân"),
    ("MTTQ", "mặt trận tổ quốc"),
    ("TT&TT", "thông tin và truyền thông"),
    ("VH-TT&DL", "văn hóa, thể thao và du lịch"),
    ("VHTT&DL", "văn hóa, thể thao và du lịch"),
    ("KH&CN", "khoa học và công nghệ"),
    ("KHCN", "khoa học và công nghệ"),
    ("LĐ-TB&XH", "lao động - thương binh và xã hội"),
    ("NN&PTNT", "nông nghiệp và phát triển nông thôn"),
    ("GD&ĐT", "giáo dục và đào tạo"),
    ("TN&MT", "tài nguyên và môi trường"),
    ("CT-XH", "chính trị - xã hội"),
    ("VP", "văn phòng"),
];

fn starts_word(s: &str, w: &str) -> bool {
    s.starts_with(w) && s[w.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric())
}

/// Byte length of a head word at the start of `s`, if it opens an agency.
fn head_len(s: &str) -> Option<usize> {
    // heads start with a capital, or with the initial of a lower-case head or of `các`/`tất cả`
    let c0 = s.chars().next()?;
    if !c0.is_uppercase() && !matches!(c0, 'c' | 't' | 'n' | 'g' | 'ủ' | 'u' | 'b') {
        return None;
    }
    // `Trường hợp` (in case) is no school, `Cán bộ có` no actor
    if NOT_HEADS.iter().any(|w| starts_word(s, w)) {
        return None;
    }
    if let Some(h) = HEADS.iter().filter(|h| starts_word(s, h)).max_by_key(|h| h.len()) {
        return Some(h.len());
    }
    // heads of office-holders written in lower case inside a sentence (`Giao người đứng đầu các cơ quan ...`)
    if let Some(h) = LOWER_HEADS.iter().filter(|h| starts_word(s, h)).max_by_key(|h| h.len()) {
        return Some(h.len());
    }
    // `các`/`Các` + a plural noun
    for c in ["các ", "Các ", "tất cả các "] {
        if let Some(rest) = s.strip_prefix(c) {
            let lower = prefix_lower(rest);
            if PLURAL_NOUNS.iter().any(|n| starts_word(&lower, n)) {
                return Some(c.len());
            }
        }
    }
    // `Ủy ban nhân dân`-style heads in lower case after a comma (`ủy ban nhân dân cấp xã`)
    None
}

/// The first few words of `s` in lower case (enough to compare with a table word).
fn prefix_lower(s: &str) -> String {
    s.chars().take(24).flat_map(char::to_lowercase).collect()
}

/// Second syllables that are stop words alone but, after a capitalized syllable, finish a name
/// (`Chương trình`, `Kế hoạch`).
const COMPOUND_TAILS: &[&str] = &["trình", "hoạch", "chấp hành", "ký"];

/// Byte length of a bare plural noun at the start of `s` (`doanh nghiệp`, `đơn vị`).
fn plural_len(s: &str) -> Option<usize> {
    if !s.starts_with(char::is_lowercase) {
        return None;
    }
    PLURAL_NOUNS.iter().filter(|n| n.contains(' ') && starts_word(s, n)).map(|n| n.len()).max()
}

fn stop_at(s: &str) -> bool {
    let lower_first = s.chars().next().is_some_and(|c| c.is_lowercase());
    // `Hội đồng nhân dân cùng cấp`: a qualifier, not `cùng` (with)
    lower_first && STOPS.iter().any(|w| starts_word(s, w)) && !QUALIFIERS.iter().any(|q| starts_word(s, q))
}

/// Phrases that begin with a stop word but qualify the name before them (`Hội đồng nhân dân cùng cấp`, `các cơ
/// quan có liên quan`).
const QUALIFIERS: &[&str] = &["cùng cấp", "có liên quan", "có thẩm quyền"];

/// Heads that open a class of actors rather than one body (`các cấp ủy, tổ chức đảng, tập thể lãnh đạo cơ quan,
/// đơn vị`): inside such a class, a lower-case word after a comma goes on with the class.
const CLASS_HEADS: &[&str] = &[
    "các ", "Các ", "tất cả", "Tất cả", "Cấp ủy", "Cấp uỷ", "cấp ủy", "cấp uỷ", "Người đứng đầu", "người đứng đầu",
    "Tập thể", "tập thể", "Ban thường vụ", "ban thường vụ",
];
/// Generic nouns that open a class only when they stand alone before the comma (`Cơ quan, tổ chức đảng ...`;
/// but `Cơ quan chủ quản Chương trình, cơ quan chủ trì ...` lists two).
const BARE_CLASS_HEADS: &[&str] = &["Cơ quan", "cơ quan", "Đơn vị", "đơn vị"];
/// Lower-case heads that name one body and so open a new agency even inside a class.
const PROPER_LOWER: &[&str] = &["ủy ban nhân dân", "uỷ ban nhân dân", "hội đồng nhân dân", "các ", "tất cả"];

fn class_like(part: &str) -> bool {
    let part = part.trim();
    CLASS_HEADS.iter().any(|h| part.starts_with(h)) || BARE_CLASS_HEADS.contains(&part) || part.contains(" các ")
}

/// Nouns that go on with a class after a comma (besides the plural nouns of `các X`).
const CLASS_NOUNS: &[&str] = &["tập thể", "lãnh đạo", "thành ủy", "thành uỷ", "đảng ủy", "đảng uỷ", "hộ gia đình", "cấp", "ban thường vụ"];

/// Whether `after` (what follows a comma inside the agency `part`) goes on with the same agency: a lower-case
/// word inside a class (`..., tổ chức đảng`), or a level (`..., cấp xã`).
fn continues_class(part: &str, after: &str) -> bool {
    if starts_word(after, "cấp") {
        return true;
    }
    let lower = prefix_lower(after);
    class_like(part)
        && after.starts_with(char::is_lowercase)
        && !PROPER_LOWER.iter().any(|h| after.starts_with(h))
        && !stop_at(after)
        && (PLURAL_NOUNS.iter().chain(CLASS_NOUNS).any(|n| starts_word(&lower, n)))
}

/// Parse an agency list at the start of `s`. Returns the agencies and the byte length consumed.
pub fn parse_agencies(s: &str) -> (Vec<String>, usize) {
    let mut out = Vec::new();
    let mut pos = 0;
    // after a named agency a bare plural noun opens the next one (`Bộ Khoa học và Công nghệ, doanh nghiệp
    // đồng hành`); after a class (`các cơ quan, đơn vị`) it continues the class
    let mut bare_plural_ok = false;
    loop {
        let rest = &s[pos..];
        let Some(h) = head_len(rest).or_else(|| bare_plural_ok.then(|| plural_len(rest)).flatten()) else { break };
        let is_class = rest.starts_with("các ") || rest.starts_with("Các ") || rest.starts_with("tất cả");
        // one agency: words until a stop, punctuation, or a separator followed by another head
        let mut end = h;
        // a lower-case head is a whole noun phrase (`cấp có thẩm quyền`): a verb may follow at once
        let mut words = usize::from(rest.starts_with(char::is_lowercase) && !is_class);
        let mut prev_cap = rest.starts_with(char::is_uppercase);
        loop {
            let tail = &rest[end..];
            let trimmed = tail.trim_start();
            let ws = tail.len() - trimmed.len();
            if trimmed.is_empty() {
                break;
            }
            let c = trimmed.chars().next().unwrap();
            if matches!(c, ';' | ':' | '(' | ')' | '.' | '"' | '“' | '”' | '/') {
                break;
            }
            if c == ',' || trimmed.starts_with("và ") || trimmed.starts_with("hoặc ") {
                let sep = if c == ',' { 1 } else if trimmed.starts_with("và ") { "và ".len() } else { "hoặc ".len() };
                let after = trimmed[sep..].trim_start();
                let is_class = is_class || rest[..end].contains("các ");
                if c == ',' && continues_class(&rest[..end], after) {
                    end += ws + sep;
                    // the word after the comma is a noun here, whatever it could be elsewhere (`tổ chức`)
                    let w = after.find(char::is_whitespace).unwrap_or(after.len());
                    end += (trimmed[sep..].len() - after.len()) + w;
                    words += 1;
                    continue;
                }
                if head_len(after).is_some() || c == ',' && !is_class && plural_len(after).is_some() {
                    break; // a new agency follows: split here
                }
                let lower = prefix_lower(after);
                // `các cơ quan, đơn vị, địa phương`: plural nouns continue one class
                // `Ủy ban nhân dân các xã, phường và đặc khu`: `và` + a plural noun goes on with a class too
                let continues = (c == ',' || is_class && trimmed.starts_with("và ")) && PLURAL_NOUNS.iter().any(|n| starts_word(&lower, n))
                    || after.chars().next().is_some_and(|ch| ch.is_uppercase()) && !stop_at(after);
                if !continues || stop_at(after) {
                    break;
                }
                end += ws + sep;
                continue;
            }
            // `Ủy ban MTTQ Việt Nam cấp trên`: a level, whatever `trên` is elsewhere
            if let Some(l) = ["cấp trên", "cấp dưới"].iter().find(|l| starts_word(trimmed, l)).map(|l| l.len()) {
                end += ws + l;
                words += 2;
                continue;
            }
            // `Giao Sở X Khẩn trương ...`: an adverb, even capitalized, is no part of a name
            if words > 0 && trimmed.starts_with(char::is_uppercase) && {
                let lower = prefix_lower(trimmed);
                ADVERBS.iter().any(|a| starts_word(&lower, a))
            } {
                break;
            }
            // a stop word right after a capitalized word is part of a compound name (`Chương trình`)
            if words > 0 && stop_at(trimmed) && !(prev_cap && COMPOUND_TAILS.iter().any(|w| starts_word(trimmed, w))) || words > 14 {
                break;
            }
            // the hazard of `tổ chức`: a noun after `các`/`và` or before `chính trị`, else a verb
            let after_joint = rest[..end].trim_end().ends_with(" và") || rest[..end].trim_end().ends_with(',');
            if words > 0 && !after_joint && starts_word(trimmed, "tổ chức") && !["chính trị", "đảng", "đoàn thể", "hội"].iter().any(|w| trimmed["tổ chức".len()..].trim_start().starts_with(w)) {
                break;
            }
            let wlen = trimmed.find(|ch: char| ch.is_whitespace() || matches!(ch, ',' | ';' | ':' | '(' | ')' | '.')).unwrap_or(trimmed.len());
            if wlen == 0 {
                break;
            }
            prev_cap = trimmed.starts_with(char::is_uppercase);
            end += ws + wlen;
            words += 1;
        }
        bare_plural_ok = !is_class;
        // `cơ quan chủ trì`, `đơn vị phối hợp`: the lead or partner body as a noun, not a role given here
        if let Some(g) = ["cơ quan", "đơn vị"].iter().find(|g| rest[..end].trim() == **g) {
            let tail = rest[end..].trim_start();
            if let Some(r) = ["chủ trì", "phối hợp", "thực hiện"].iter().find(|r| starts_word(tail, r)) {
                end = g.len() + (rest[end..].len() - tail.len()) + r.len();
            }
        }
        let name = rest[..end].trim().trim_end_matches([',', ' ']).to_string();
        if !name.is_empty() {
            out.push(name);
        }
        pos += end;
        // separator to the next agency of the list
        let tail = &s[pos..];
        let t = tail.trim_start();
        let sep = if t.starts_with(',') || t.starts_with(';') {
            1
        } else if t.starts_with("và ") {
            "và ".len()
        } else if t.starts_with("hoặc ") {
            "hoặc ".len()
        } else {
            break;
        };
        let after = &t[sep..];
        if head_len(after.trim_start()).is_none() && !(bare_plural_ok && sep == 1 && plural_len(after.trim_start()).is_some()) {
            break;
        }
        pos += (tail.len() - t.len()) + sep + (after.len() - after.trim_start().len());
    }
    (out, pos)
}

/// The value of a labelled line (`Đơn vị phối hợp: Sở Nội vụ, Sở Tư pháp.`) as a list: split at `;` always,
/// at `,` and `và` only before a head word; each part kept whole (it has no verb after it to cut at).
fn split_listed(value: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in value.split(';') {
        let part = part.trim().trim_end_matches(['.', ',']).trim();
        let mut start = 0;
        let mut i = 0;
        while i < part.len() {
            let rest = &part[i..];
            let sep = if rest.starts_with(", ") { 2 } else if rest.starts_with(" và ") { " và ".len() } else { 0 };
            if sep > 0 && head_len(&part[i + sep..]).is_some() && !(sep == 2 && continues_class(&part[start..i], &part[i + sep..])) {
                out.push(part[start..i].trim().to_string());
                start = i + sep;
                i += sep;
                continue;
            }
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
        let last = part[start..].trim();
        if !last.is_empty() && last.chars().count() <= 150 {
            out.push(last.to_string());
        }
    }
    out.retain(|p| !p.is_empty());
    out
}

/// A key for grouping the same agency: abbreviations expanded, old/new tone placement folded, lower case.
pub fn agency_key(agency: &str) -> String {
    let mut s = format!(" {} ", agency);
    for (abbr, full) in ABBREVIATIONS {
        s = s.replace(&format!(" {abbr} "), &format!(" {full} "));
    }
    fold_tones(&s.trim().to_lowercase())
}

/// `hoà`→`hòa`, `uỷ`→`ủy`: the tone on the first vowel of open `oa`/`oe`/`uy` syllables.
fn fold_tones(s: &str) -> String {
    const PAIRS: &[(&str, &str)] = &[
        ("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"),
        ("oè", "òe"), ("oé", "óe"), ("oẻ", "ỏe"), ("oẽ", "õe"), ("oẹ", "ọe"),
        ("uỳ", "ùy"), ("uý", "úy"), ("uỷ", "ủy"), ("uỹ", "ũy"), ("uỵ", "ụy"),
    ];
    let mut out = s.to_string();
    for (a, b) in PAIRS {
        // only at a syllable end, and `quý` keeps its tone on y
        let mut res = String::with_capacity(out.len());
        let mut rest = out.as_str();
        while let Some(i) = rest.find(a) {
            let after = &rest[i + a.len()..];
            let before = &rest[..i];
            let open = after.chars().next().is_none_or(|c| !c.is_alphabetic());
            let after_q = before.ends_with('q');
            res.push_str(before);
            res.push_str(if open && !after_q { b } else { a });
            rest = after;
        }
        res.push_str(rest);
        out = res;
    }
    out
}

/// A deadline phrase: an ISO date when a day is given (`trước ngày 30/6/2022`; a missing year comes from the
/// document), its kind (quarter, month, year, range, recurring, ongoing), and the phrase as printed.
pub fn parse_deadline(phrase: &str, doc_year: Option<u16>) -> Deadline {
    use std::sync::LazyLock;
    use regex::Regex;
    let phrase = phrase.trim().trim_end_matches(['.', ';', ',']).trim().to_string();
    let lower = phrase.to_lowercase();
    static DAY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|\bngày\s*|\b(?:trước|chậm nhất(?: là)?|hoàn thành trước|trong|đến)\s+)(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{4}))?\b|\bngày\s*(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?").unwrap()
    });
    static QUARTER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\bquý\s+(iv|iii|ii|i|[1-4])\b(?:\s*(?:/|năm)\s*(\d{4}))?").unwrap());
    static MONTH: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\btháng\s+(\d{1,2})\b(?:\s*(?:/|năm)\s*(\d{4}))?").unwrap());
    static YEARS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b((?:19|20)\d{2})\b").unwrap());
    let mut d = Deadline { phrase: phrase.clone(), date: None, kind: DeadlineKind::Other, year: None, part: None, every: None };
    let days: Vec<Date> = DAY
        .captures_iter(&lower)
        .filter_map(|c| {
            let (dd, m, y) = if c.get(1).is_some() { (c.get(1), c.get(2), c.get(3)) } else { (c.get(4), c.get(5), c.get(6)) };
            let y = y.and_then(|y| y.as_str().parse().ok()).or(doc_year)?;
            Date::new(y, m?.as_str().parse().ok()?, dd?.as_str().parse().ok()?)
        })
        .collect();
    d.every = PERIODS.iter().find(|(w, _)| lower.contains(w)).map(|(_, p)| *p);
    let ranged = lower.contains("đến") && (lower.contains("từ") || lower.contains("giai đoạn"))
        || lower.contains("giai đoạn")
        || YEARS.find_iter(&lower).count() >= 2 && days.is_empty();
    if let Some(last) = days.last() {
        d.date = Some(*last);
        d.kind = if days.len() >= 2 || ranged { DeadlineKind::Range } else { DeadlineKind::Date };
        if d.every.is_some() {
            d.kind = DeadlineKind::Recurring;
        }
        return d;
    }
    if d.every.is_some() || lower.contains("định kỳ") {
        d.kind = DeadlineKind::Recurring;
        return d;
    }
    if ranged {
        d.kind = DeadlineKind::Range;
        d.year = YEARS.find_iter(&lower).last().and_then(|m| m.as_str().parse().ok());
        return d;
    }
    let year_of = |m: Option<regex::Match>| m.and_then(|m| m.as_str().parse().ok()).or(doc_year);
    if let Some(c) = QUARTER.captures(&lower) {
        d.kind = DeadlineKind::Quarter;
        d.part = match c.get(1).map_or("", |m| m.as_str()) {
            "i" | "1" => Some(1),
            "ii" | "2" => Some(2),
            "iii" | "3" => Some(3),
            _ => Some(4),
        };
        d.year = year_of(c.get(2));
        return d;
    }
    if let Some(c) = MONTH.captures(&lower) {
        if let Some(m) = c.get(1).and_then(|m| m.as_str().parse::<u8>().ok()).filter(|m| (1..=12).contains(m)) {
            d.kind = DeadlineKind::Month;
            d.part = Some(m);
            d.year = year_of(c.get(2));
            return d;
        }
    }
    static WITHIN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:không quá|tối đa(?: là)?|trong thời hạn|trong vòng|trong thời gian|chậm nhất(?: là)?|^)\s*\d{1,3}\s+(?:ngày|tháng|năm|giờ)\b").unwrap()
    });
    if WITHIN.is_match(&lower) {
        d.kind = DeadlineKind::Within;
        return d;
    }
    if ONGOING.iter().any(|w| lower.contains(w)) {
        d.kind = DeadlineKind::Ongoing;
        return d;
    }
    if let Some(y) = YEARS.find(&lower) {
        d.kind = DeadlineKind::Year;
        d.year = y.as_str().parse().ok();
    }
    d
}

/// A deadline inside a clause (`..., báo cáo UBND tỉnh trước ngày 15/12/2025`, `hoàn thành trong quý III/2025`):
/// the phrase from its cue to the end of the clause's part.
fn deadline_in(clause: &str, doc_year: Option<u16>) -> Option<Deadline> {
    static CUE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)\b(?:trước ngày|chậm nhất(?: là)?(?: ngày)?|hoàn thành trong|hoàn thành trước|hoàn thành năm|trong quý|trong tháng|trong năm|định kỳ|hằng năm|hàng năm|hằng quý|hằng tháng|trong thời hạn|không quá)\b").unwrap()
    });
    let m = CUE.find(clause)?;
    let rest = &clause[m.start()..];
    let end = rest.find([';', '(', ')']).or_else(|| rest.find(". ")).unwrap_or(rest.len());
    let phrase = rest[..end].trim_end_matches(['.', ',', ' ']);
    // a phrase that names no time beyond its cue (`trong năm` alone) is none
    let d = parse_deadline(phrase, doc_year);
    (d.kind != DeadlineKind::Other).then_some(d)
}

/// A paragraph to read, with its section and the item it belongs to.
pub struct Task<'a> {
    pub text: String,
    pub span: Span,
    pub section: &'a str,
    /// The non-bullet item whose paragraph this is (its first paragraph when `first` is set).
    pub item: Option<NodeId>,
    /// The enclosing non-bullet items, nearest first (`item` and its ancestors): an item addressed to an
    /// agency lends it to the clauses of its sub-items (`5. Sở Xây dựng` / `a) Chủ trì, ...`).
    pub items: Vec<NodeId>,
    pub first_of_item: bool,
}

struct Out {
    records: Vec<Assignment>,
}

impl Out {
    fn push(&mut self, section: &str, agency: &str, role: Role, span: Span) {
        let agency = agency.trim().trim_end_matches([',', ';', '.', ':', ' ']).to_string();
        if agency.chars().count() < 2 {
            return;
        }
        let key = agency_key(&agency);
        if self.records.iter().any(|r| r.section == section && r.agency_key == key && r.role == role) {
            return;
        }
        self.records.push(Assignment { section: section.to_string(), agency, agency_key: key, role, deadline: None, span });
    }
}

/// Clause starts: the paragraph start and after `;`, `.` or `:` (and after a leading dash).
fn clause_starts(s: &str) -> Vec<usize> {
    let mut v = vec![0];
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        // punctuation inside parentheses does not end a clause
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > 0 {
            continue;
        }
        // `..., yêu cầu Giám đốc sở ...`: an opener after a comma starts a clause too; so does an agency after
        // a fronted phrase (`Căn cứ nội dung Kế hoạch ..., các sở, ngành ... có trách nhiệm`)
        if c == ',' {
            let rest = s[i + 1..].trim_start();
            let clause_start = *v.last().unwrap();
            // (evaluated last: most commas are followed by no agency)
            let fronted = || {
                FRONTED.iter().any(|f| starts_word(s[clause_start..].trim_start_matches(['-', '+', ' ']), f))
                    && !s[clause_start..i].contains(',')
            };
            // `phải hướng dẫn, yêu cầu các đơn vị ...`: verbs of one subject, not a new clause
            if OPENERS.iter().any(|(w, _)| w.starts_with(char::is_lowercase) && starts_word(rest, w))
                && !last_word_is_verb(&s[clause_start..i])
                || head_len(rest).is_some() && fronted()
            {
                v.push(s.len() - rest.len());
            }
            continue;
        }
        if c == ' ' && i > *v.last().unwrap() {
            let rest = &s[i + 1..];
            let before = &s[*v.last().unwrap()..i];
            // `nếu có khó khăn, vướng mắc các cơ quan ...` and `..., vướng mắc đề nghị các sở ...`
            let cue = CLAUSE_CUES.iter().any(|w| before.ends_with(w));
            let opener_mid = ["đề nghị", "yêu cầu"].iter().any(|w| starts_word(rest, w))
                && !before.ends_with("được")
                && !before.ends_with("để")
                // `gửi văn bản đề nghị Bộ trưởng ...`: a request the actor sends, not one this document makes
                && !["văn bản", "hồ sơ", "tờ trình", "có văn bản"].iter().any(|w| before.ends_with(w))
                && !before.ends_with("theo")
                && !before.ends_with("các")
                && head_len(rest.split_once(' ').map_or("", |x| x.1).trim_start_matches("nghị ").trim_start_matches("cầu ")).is_some();
            // (`Ủy ban nhân dân tỉnh yêu cầu các cơ quan ...` is read whole: the subject issues the request)
            let issuer_before = || !before.trim().is_empty() && list_only(before);
            if cue && (head_len(rest).is_some() || OPENERS.iter().any(|(w, _)| starts_word(rest, w))) || opener_mid && !cue && !issuer_before() {
                v.push(i + 1);
            }
        }
        if matches!(c, ';' | '.' | ':') {
            let j = i + 1;
            let k = j + (s[j..].len() - s[j..].trim_start().len());
            if k < s.len() {
                v.push(k);
            }
        }
    }
    // strictly increasing: a cue right after a `;` may name the start already pushed
    v.dedup();
    v
}

/// Whether the clause so far ends with a verb (`phải hướng dẫn`), so a comma after it joins another verb.
fn last_word_is_verb(before: &str) -> bool {
    let b = before.trim_end();
    STOPS.iter().any(|w| !NOT_VERBS.contains(w) && b.ends_with(w) && b[..b.len() - w.len()].ends_with([' ', ',']))
}

/// A table row: its cells' text, the span it covers and the section it sits in.
pub struct Row {
    pub cells: Vec<String>,
    pub span: Span,
    pub section: String,
}

/// Task tables (`Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành`): the header row names
/// the columns; every later row of the same width gives records, one row at a time.
pub fn from_tables(rows: &[Row], doc_year: Option<u16>) -> Vec<Assignment> {
    let mut out = Out { records: Vec::new() };
    // column indexes of the table in force: (lead, coordinate, responsible, deadline, width)
    let mut cols: Option<(Option<usize>, Option<usize>, Option<usize>, Option<usize>, usize)> = None;
    for row in rows {
        let find = |w: &[&str]| row.cells.iter().position(|c| {
            let l = c.to_lowercase();
            w.iter().any(|x| l.contains(x)) && c.chars().count() < 60
        });
        let lead = find(&["chủ trì"]);
        let coord = find(&["phối hợp"]);
        if lead.is_some() || coord.is_some() {
            let resp = find(&["đơn vị thực hiện", "cơ quan thực hiện", "trách nhiệm thực hiện"]);
            let deadline = find(&["thời gian", "thời hạn", "tiến độ"]);
            cols = Some((lead, coord, resp, deadline, row.cells.len()));
            continue;
        }
        let Some((lead, coord, resp, deadline, width)) = cols else { continue };
        // section rows (`I | KIỆN TOÀN ...`) and rows of another table are narrower
        if row.cells.len() != width {
            if row.cells.len() < 2 {
                cols = None;
            }
            continue;
        }
        let start = out.records.len();
        for (col, role) in [(lead, Role::Lead), (coord, Role::Coordinate), (resp, Role::Responsible)] {
            if let Some(c) = col {
                for a in split_listed(&row.cells[c]) {
                    out.push(&row.section, &a, role, row.span);
                }
            }
        }
        if let Some(d) = deadline.and_then(|d| row.cells.get(d)).filter(|c| !c.trim().trim_matches(['.', '-', ';']).trim().is_empty()) {
            let d = parse_deadline(d, doc_year);
            for r in &mut out.records[start..] {
                r.deadline = Some(d.clone());
            }
        }
    }
    out.records
}

/// Read every task paragraph. `addressee` gives, for an item, the agencies it is addressed to.
pub fn extract(tasks: &[Task], doc_year: Option<u16>) -> Vec<Assignment> {
    let mut out = Out { records: Vec::new() };
    // agencies an item is addressed to, by item id
    let mut addressed: Vec<(NodeId, Vec<String>)> = Vec::new();
    // deadlines given by labelled lines, by section
    let mut deadlines: Vec<(String, Deadline)> = Vec::new();
    for t in tasks {
        let s = t.text.as_str();
        let span = t.span;
        // --- labelled lines
        // `Đơn vị chủ trì (thực hiện): X`, `Đơn vị chủ trì tham mưu thực hiện: X`: a few words may qualify the label
        let labelled = LABELS.iter().find(|(l, _)| {
            s.starts_with(l) && s.find(':').is_some_and(|c| c >= l.len() && s[l.len()..c].split_whitespace().count() <= 4 && !s[l.len()..c].contains([',', ';', '.']))
        });
        if let Some((_, role)) = labelled {
            if let Some(colon) = s.find(':') {
                let value = &s[colon + 1..];
                for part in value.split(';') {
                    // `Sở Khoa học và Công nghệ tiến hành rà soát ...`: a part that goes on with a verb is cut there
                    let (ags, used) = parse_agencies(part.trim_start());
                    let rest = part.trim_start()[used..].trim_start();
                    let mut names = if !ags.is_empty() && starts_verb(rest) { ags } else { split_listed(part) };
                    // a labelled value names agencies (`Chủ trì: 500.000 đồng/người/buổi` is an allowance)
                    names.retain(|n| head_len(n).is_some() || plural_len(n).is_some() || n.starts_with(|c: char| c.is_uppercase()) && !n.starts_with(|c: char| c.is_ascii_digit()));
                    for a in &names {
                        out.push(t.section, a, *role, span);
                    }
                    scan_inline(&mut out, t.section, rest, span, None);
                }
                continue;
            }
        }
        if let Some(l) = DEADLINE_LABELS.iter().find(|l| s.starts_with(*l)) {
            if let Some(colon) = s[l.len()..].find(':') {
                let value = &s[l.len() + colon + 1..];
                // `Thời hạn:` with nothing after it sets no deadline
                if !value.trim().trim_matches(['.', ';', ',']).trim().is_empty() {
                    deadlines.push((t.section.to_string(), parse_deadline(value, doc_year)));
                }
                continue;
            }
        }
        let starts = clause_starts(s);
        // once per paragraph: a scan per clause would be quadratic in a long paragraph
        let rate_line = names_amount(s);
        // `Giao người đứng đầu các cơ quan ...; Chủ tịch Ủy ban nhân dân các xã ...`: a list of agencies split by
        // `;` after an opener; the opener's role and the item's address carry to each part
        let mut list_role: Option<Role> = None;
        let mut marks: Vec<(usize, &str)> = Vec::with_capacity(starts.len());
        for (k, &start) in starts.iter().enumerate() {
            // one clause at a time: a long paragraph must not be re-read from each of its clauses
            let clause = &s[start..starts.get(k + 1).copied().unwrap_or(s.len())];
            // the records of this clause take the deadline it gives (after the loop)
            marks.push((out.records.len(), clause));
            // the implied subject, looked up per clause: the first clause may have just named it
            let implied: Option<Vec<String>> =
                t.items.iter().find_map(|i| addressed.iter().find(|(id, _)| id == i).map(|(_, a)| a.clone()));
            let clause_trim = clause.trim_start_matches(['-', '+', '•', ' ']);
            // opener cue
            let (opener, body) = match OPENERS.iter().find(|(w, _)| starts_word(clause_trim, w)) {
                Some((w, r)) => (Some(*r), clause_trim[w.len()..].trim_start()),
                None => (None, clause_trim),
            };
            // an allowance or a rate (`Cán bộ, công chức trực tiếp tham mưu ...: 70.000 đồng/người/ngày`) assigns
            // nothing unless it says so outright
            if opener.is_none() && rate_line && !clause.contains("trách nhiệm") {
                continue;
            }
            // passive duties: `Kinh phí ... phải được các cơ quan, đơn vị quản lý chặt chẽ`, `Việc xác định giá trị
            // tài liệu ... phải do hội đồng ... tiến hành`, `Kho lưu trữ số ... do Văn phòng Trung ương Đảng quản lý.`
            for a in passive_agents(clause) {
                out.push(t.section, &a, Role::Responsible, span);
            }
            let (mut agencies, mut used) = parse_agencies(body);
            // an item addressed to an office-holder by its field (`3. Cán bộ phụ trách lĩnh vực giám sát và phản
            // biện xã hội`, `8. Ban công tác Mặt trận các thôn trên địa bàn xã`): the whole title is the actor
            if opener.is_none() && starts.len() == 1 && t.first_of_item && is_title_line(s) {
                let rest = body[used..].trim_start();
                let extend = !rest.is_empty()
                    && (agencies.last().is_some_and(|a| a.contains("phụ trách"))
                        || ["phụ trách", "trên địa bàn"].iter().any(|w| starts_word(rest, w)));
                if let Some(last) = agencies.last_mut().filter(|_| extend) {
                    if let Some(at) = body.rfind(last.as_str()) {
                        *last = body[at..].trim_end_matches(['.', ':', ' ']).to_string();
                        used = body.len();
                    }
                }
            }
            let carried = list_role.take();
            let opener = opener.or(carried.filter(|_| !agencies.is_empty() && body[used..].trim().trim_end_matches(['.', ';']).is_empty()));
            if opener.is_none() {
                if let Some(subject) = duty_subject(body) {
                    used = body.find(subject.last().map(String::as_str).unwrap_or("")).map_or(used, |i| i + subject.last().unwrap().len());
                    agencies = subject;
                }
            }
            let after = body[used..].trim_start();
            let after_l = after.trim_start_matches([',', ' ']);
            if !agencies.is_empty() {
                let lead_later = after.starts_with(',')
                    && after[..floor_boundary(after, 200)].find(", chủ trì").is_some_and(|i| !after[..i].contains([';', '.']));
                let role_after = if LEAD_CUES.iter().any(|c| starts_word(after_l, c)) || lead_later {
                    Some(Role::Lead)
                } else if starts_word(after_l, "phối hợp") {
                    Some(Role::Coordinate)
                } else if MONITOR_CUES.iter().any(|c| starts_word(after_l, c)) {
                    Some(Role::Monitor)
                } else {
                    None
                };
                // `1. Ban Tổ chức Tỉnh ủy:` or `X: Chủ trì ...` — but not `Chủ tịch ...: 500.000 đồng` (a value) nor
                // `Chủ tịch Ủy ban bầu cử: cấp tỉnh: 3.300.000 đồng/người/tháng` (a rate)
                let is_heading = after.is_empty()
                    || after.starts_with(':') && !after[1..].trim_start().starts_with(|c: char| c.is_ascii_digit()) && !rate_line;
                // `Ban thường vụ tỉnh ủy quy định ...`: a power, not a duty
                if opener.is_none() && POWERS.iter().any(|w| starts_word(after, w)) && !after_is_duty(after) {
                    continue;
                }
                // `X; Y; Z ban hành ...` after `do`: the parts of one list split by `;`, not subjects
                if opener.is_none() && k > 0 && list_only(&s[starts[k - 1]..start]) {
                    continue;
                }
                // `Ủy ban nhân dân tỉnh yêu cầu các cơ quan ...`: the subject issues, the object must act
                if opener.is_none() {
                    if let Some((w, _)) = OPENERS.iter().find(|(w, r)| *r == Role::Responsible && w.starts_with(char::is_lowercase) && starts_word(after, w)) {
                        let (objects, _) = parse_agencies(after[w.len()..].trim_start());
                        for a in &objects {
                            out.push(t.section, a, Role::Responsible, span);
                        }
                        if !objects.is_empty() {
                            scan_inline(&mut out, t.section, after, span, Some(&objects));
                            continue;
                        }
                    }
                    // `Điều 5. Hội đồng nhân dân tỉnh giao` (the tasks follow in its items): the subject issues them
                    if ISSUING.iter().any(|w| starts_word(after, w)) {
                        continue;
                    }
                }
                match opener {
                    Some(Role::Directed) => {
                        for a in &agencies {
                            out.push(t.section, a, Role::Directed, span);
                        }
                    }
                    Some(r) => {
                        for a in &agencies {
                            out.push(t.section, a, r, span);
                        }
                    }
                    None => {}
                }
                if let Some(r) = role_after {
                    for a in &agencies {
                        out.push(t.section, a, r, span);
                        // who must follow the implementation up acts too
                        if r == Role::Monitor && opener.is_none() {
                            out.push(t.section, a, Role::Responsible, span);
                        }
                    }
                } else if opener.is_none() && (is_heading && start == 0 || after_is_duty(after) || starts_verb(after)) {
                    for a in &agencies {
                        out.push(t.section, a, Role::Responsible, span);
                    }
                }
                if t.first_of_item && start == 0 && (opener.is_some() || is_heading || role_after.is_some()) {
                    if let Some(i) = t.item {
                        addressed.push((i, agencies.clone()));
                    }
                }
                if t.first_of_item && carried.is_some() && opener.is_some() {
                    if let Some(entry) = addressed.iter_mut().rev().find(|(id, _)| Some(*id) == t.item) {
                        entry.1.extend(agencies.iter().cloned());
                    }
                }
                if opener.is_some() && after.trim().trim_end_matches(['.', ';', ',']).trim().is_empty() {
                    list_role = opener;
                }
                // `Giao Ban Quản lý ... chỉ đạo các đơn vị ...`: whom the actor must direct
                if opener != Some(Role::Directed) && starts_word(after_l, "chỉ đạo") {
                    let (objects, _) = parse_agencies(after_l["chỉ đạo".len()..].trim_start());
                    for a in &objects {
                        out.push(t.section, a, Role::Directed, span);
                    }
                }
                // the addressed agency also leads or monitors in the same clause: `X: Chủ trì ...; theo dõi`
                scan_inline(&mut out, t.section, after, span, Some(&agencies));
            } else {
                // implied subject: `Chủ trì, phối hợp ...`, `Theo dõi, đôn đốc ...`
                if let Some(subj) = implied.as_ref() {
                    let lc = clause_trim.to_lowercase();
                    let lc = ADVERBS.iter().find_map(|a| lc.strip_prefix(a)).map_or(lc.as_str(), str::trim_start);
                    if LEAD_CUES.iter().any(|c| starts_word(lc, c)) {
                        for a in subj {
                            out.push(t.section, a, Role::Lead, span);
                        }
                    }

                }
                scan_inline(&mut out, t.section, clause_trim, span, implied.as_deref());
            }
        }
        let total = out.records.len();
        for (j, &(from, clause)) in marks.iter().enumerate() {
            let to = marks.get(j + 1).map_or(total, |m| m.0);
            if from < to {
                if let Some(d) = deadline_in(clause, doc_year) {
                    for r in &mut out.records[from..to] {
                        r.deadline.get_or_insert_with(|| d.clone());
                    }
                }
            }
        }
    }
    // deadlines from labelled lines apply to their section's records (a clause's own deadline comes first)
    for r in &mut out.records {
        if let Some((_, d)) = deadlines.iter().find(|(s, _)| *s == r.section) {
            r.deadline.get_or_insert_with(|| d.clone());
        }
    }
    out.records
}

/// Whether a clause assigns the follow-up of the implementation: `đôn đốc` (to urge on) always; `theo dõi`,
/// `kiểm tra`, `giám sát` when what follows within a few words is the implementation or its progress.
fn monitors(s: &str) -> bool {
    ["đôn đốc", "theo dõi", "kiểm tra", "giám sát"].iter().any(|w| {
        find_word(s, w).is_some_and(|i| {
            // `đôn đốc` reaches further (`đôn đốc các Sở, ban, ngành ... triển khai thực hiện`), but urging third
            // parties to comply (`đôn đốc các tổ chức, cá nhân ... tuân thủ`) is no follow-up of this document
            let window: String = if *w == "đôn đốc" {
                s[i..s[i..].find([';', '.']).map_or(s.len(), |e| i + e)].split_whitespace().collect::<Vec<_>>().join(" ")
            } else {
                s[i..].split_whitespace().take(8).collect::<Vec<_>>().join(" ")
            };
            let cues: &[&str] = if *w == "đôn đốc" { MONITOR_OBJECTS_FAR } else { MONITOR_OBJECTS };
            // `đôn đốc việc cập nhật dữ liệu`: an activity of the implementation, named at once
            let direct = *w == "đôn đốc" && ["việc", "thực hiện", "triển khai"].iter().any(|x| starts_word(s[i + w.len()..].trim_start_matches([' ', ',']), x));
            direct || cues.iter().any(|x| window.contains(x))
        })
    })
}

/// What a monitor verb must be about, within a few words: the implementation or its progress.
const MONITOR_OBJECTS: &[&str] =
    &["tiến độ", "việc thực hiện", "thực hiện Kế hoạch", "triển khai", "kết quả thực hiện", "việc thi hành", "tình hình thực hiện"];
/// The same for `đôn đốc`, anywhere in its clause (its object, the agencies urged, comes first).
const MONITOR_OBJECTS_FAR: &[&str] = &[
    "tiến độ", "việc thực hiện", "thực hiện Kế hoạch", "triển khai", "kết quả", "việc thi hành", "tình hình thực hiện",
    "thực hiện nhiệm vụ", "thực hiện các nhiệm vụ", "khắc phục", "thực hiện Chỉ thị", "thực hiện Nghị quyết", "thực hiện Quyết định",
];

/// Where `word` (written in lower case) first stands in `s`, in lower case or capitalized.
fn find_word(s: &str, word: &str) -> Option<usize> {
    let first = word.chars().next()?;
    let tail = &word[first.len_utf8()..];
    let lower = s.find(word);
    // the capitalized form: a capital of `first` followed by the rest of the word
    let mut cap = None;
    let mut upper_buf = [0u8; 8];
    if let Some(up) = first.to_uppercase().next() {
        let up_s = up.encode_utf8(&mut upper_buf);
        let mut from = 0;
        while let Some(i) = s[from..].find(&*up_s) {
            let at = from + i;
            if s[at + up_s.len()..].starts_with(tail) {
                cap = Some(at);
                break;
            }
            from = at + up_s.len();
        }
    }
    match (lower, cap) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Words of [`STOPS`] that are not verbs: after an agency they do not make it act.
const NOT_VERBS: &[&str] = &[
    "trong", "để", "nhằm", "là", "được", "có", "sẽ", "đã", "về", "tại", "theo", "trên", "cho", "khi", "nếu", "với",
    "đến", "từ", "trước", "sau", "đối với", "thì", "cùng", "định kỳ", "hằng năm", "hàng năm", "thường xuyên", "kịp thời",
    "kết quả", "tình hình", "việc", "nội dung", "số liệu", "những", "trực tiếp", "bị",
];

/// Whether `after` opens with a verb: an agency at the start of a clause followed by a verb is the subject of a
/// duty (`Văn phòng Trung ương Đảng hướng dẫn ...`).
fn starts_verb(after: &str) -> bool {
    // `các cơ quan kịp thời phản ánh`: an adverb before the verb
    let after = ADVERBS.iter().find_map(|a| after.strip_prefix(a)).map_or(after, str::trim_start);
    stop_at(after) && !NOT_VERBS.iter().any(|w| starts_word(after, w))
        || starts_word(after, "có trách nhiệm")
        || starts_word(after, "tổ chức")
}

/// The subject of `có trách nhiệm`/`chịu trách nhiệm` when it runs past the first verb (`Người được giao theo
/// dõi, giải quyết công việc của cơ quan, tổ chức có trách nhiệm ...`): the clause up to the phrase.
fn duty_subject(clause: &str) -> Option<Vec<String>> {
    head_len(clause)?;
    let at = ["có trách nhiệm", "chịu trách nhiệm"].iter().filter_map(|w| clause.find(w)).min()?;
    let mut subject = clause[..at].trim();
    // a parenthesized gloss and a trailing qualifier (`trong phạm vi nhiệm vụ, quyền hạn của mình`) are not
    // part of the actor
    if let Some(p) = subject.find('(') {
        subject = subject[..p].trim();
    }
    // `Các cơ quan được phân công chủ trì ... có trách nhiệm`: the participle clause qualifies the actor
    let head = head_len(subject).unwrap_or(0);
    if let Some(p) = subject[head..].find(" được ") {
        subject = subject[..head + p].trim();
    }
    for q in [" trong phạm vi", " theo phạm vi", " theo chức năng", " trong quá trình"] {
        if let Some(p) = subject.find(q) {
            subject = subject[..p].trim();
        }
    }
    if subject.is_empty() || subject.split_whitespace().count() > 20 || subject.contains([';', ':']) {
        return None;
    }
    Some(split_listed(subject))
}

/// A title line: short, no sentence stop at the end.
fn is_title_line(s: &str) -> bool {
    let s = s.trim();
    !s.ends_with(['.', ';']) && s.split_whitespace().count() <= 20
}

/// A money amount (`3.300.000 đồng`, `500.000đ`): the line is a rate or an allowance, not a task.
fn names_amount(s: &str) -> bool {
    static AMOUNT: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"\d{1,3}(?:[.,]\d{3})+\s*(?:đồng|đ\b|VNĐ)").unwrap());
    AMOUNT.is_match(s)
}

/// Verbs that end a passive agent phrase at the end of a clause (`do X quản lý.`): carrying work out, not
/// issuing or approving a document.
const PASSIVE_VERBS: &[&str] = &["thực hiện", "tiến hành", "quản lý", "đảm nhiệm", "đảm nhận", "phụ trách", "chủ trì", "bảo đảm", "đảm bảo", "tổ chức thực hiện"];

/// The agents of a passive duty in a clause: `phải được X <verb>`, `phải do X <verb>`, and `do X <verb>` when the
/// verb ends the clause (so `văn bản do X ban hành để ...`, a description, is none).
fn passive_agents(clause: &str) -> Vec<String> {
    let mut out = Vec::new();
    for cue in ["phải được ", "phải do ", " do "] {
        let Some(i) = clause.find(cue) else { continue };
        let rest = clause[i + cue.len()..].trim_start();
        if cue != "phải được " {
            // the agent and a carrying-out verb; after a bare `do` the verb must end the clause (a comma would make
            // it a description: `các dự án do địa phương quản lý, báo cáo ...`)
            let stops: &[char] = if cue == " do " { &['.', ';', ',', '('] } else { &['.', ';', '('] };
            let end = rest.find(stops).unwrap_or(rest.len());
            if cue == " do " && rest[end..].starts_with(',') {
                continue;
            }
            let phrase = rest[..end].trim();
            let Some(v) = PASSIVE_VERBS.iter().find(|v| phrase.ends_with(*v)) else { continue };
            let agent = phrase[..phrase.len() - v.len()].trim();
            // `nhiệm vụ do cơ quan nhà nước chủ trì thực hiện`: a role inside describes the task, names no agent
            if agent.is_empty() || agent.split_whitespace().count() > 20 || ["chủ trì", "phối hợp", "thực hiện"].iter().any(|w| agent.contains(w)) {
                continue;
            }
            let parts: Vec<String> = agent.split(" hoặc ").flat_map(split_listed).collect();
            // every part must read as an actor: a head word, a generic class, or a body named in lower case
            if parts.iter().all(|p| head_len(p).is_some() || plural_len(p).is_some() || ACTOR_NOUNS.iter().any(|n| p.starts_with(n))) {
                out.extend(parts);
            }
            continue;
        }
        let (ags, used) = parse_agencies(rest);
        if !ags.is_empty() && starts_verb(rest[used..].trim_start()) {
            out.extend(ags);
        }
    }
    out
}

/// Bodies commonly named in lower case in regulations (`hội đồng xác định giá trị tài liệu`, `lưu trữ lịch sử của
/// Đảng`).
const ACTOR_NOUNS: &[&str] = &["hội đồng", "lưu trữ", "cơ quan", "đơn vị", "tổ chức", "ban ", "văn phòng", "cấp"];

/// A clause that is nothing but a list of agencies (`các cơ quan, đơn vị, sở, ngành;`).
fn list_only(clause: &str) -> bool {
    let c = clause.trim().trim_end_matches([';', ',', ' ']);
    let (ags, used) = parse_agencies(c);
    !ags.is_empty() && c[used..].trim().is_empty()
}

/// What follows an agency that makes it responsible: a duty (`có trách nhiệm`, `chịu trách nhiệm`, `căn cứ
/// chức năng, nhiệm vụ`, `phải`).
fn after_is_duty(after: &str) -> bool {
    [
        "có trách nhiệm", "chịu trách nhiệm", "căn cứ chức năng", "căn cứ nhiệm vụ", "theo chức năng", "phải", "chủ động",
        "tổ chức triển khai", "triển khai", "có chức năng", "có nhiệm vụ", "là đầu mối", "căn cứ", "được giao",
        "được phân công",
    ]
        .iter()
        .any(|w| starts_word(after, w))
}

/// `phối hợp với X`, `báo cáo ... về X`, `theo dõi, đôn đốc` inside a clause.
fn scan_inline(out: &mut Out, section: &str, s: &str, span: Span, subject: Option<&[String]>) {
    // phối hợp với / cùng X
    let mut from = 0;
    while let Some(i) = find_word(&s[from..], "phối hợp") {
        let at = from + i + "phối hợp".len();
        let rest = s[at..].trim_start();
        let rest = rest.strip_prefix("chặt chẽ").map(str::trim_start).unwrap_or(rest);
        let rest = rest.strip_prefix("thường xuyên").map(str::trim_start).unwrap_or(rest);
        // `phối hợp với X`, `phối hợp cùng X`, and `phối hợp X` straight before an agency
        let target = rest.strip_prefix("với ").or_else(|| rest.strip_prefix("cùng ")).or(Some(rest));
        if let Some(r) = target {
            let (ags, _) = parse_agencies(r.trim_start());
            for a in ags {
                out.push(section, &a, Role::Coordinate, span);
            }
        }
        from = at;
    }
    // báo cáo ... về / cho / lên / gửi X (the channel `(qua X)` is not recorded)
    let mut from = 0;
    while let Some((i, cue)) = ["báo cáo", "phản ánh"].iter().filter_map(|w| find_word(&s[from..], w).map(|i| (i, *w))).min() {
        let at = from + i + cue.len();
        let window_end = s[at..].find(['.', ';']).map_or(s.len(), |e| at + e);
        let window = &s[at..window_end];
        let mut found = false;
        // directly `báo cáo UBND tỉnh`, or after up to a dozen words `về`/`cho`/`lên`/`gửi`
        let direct = window.trim_start();
        let (ags, _) = parse_agencies(direct);
        if !ags.is_empty() {
            for a in &ags {
                out.push(section, a, Role::ReportTo, span);
            }
            found = true;
        }
        if !found {
            for cue in [" về ", " cho ", " lên ", " gửi ", " đến "] {
                let mut k = 0;
                while let Some(j) = window[k..].find(cue) {
                    let cand = window[k + j + cue.len()..].trim_start();
                    let (ags, _) = parse_agencies(cand);
                    if !ags.is_empty() {
                        for a in &ags {
                            out.push(section, a, Role::ReportTo, span);
                        }
                        found = true;
                        break;
                    }
                    k += j + cue.len();
                }
                if found {
                    break;
                }
            }
        }
        from = at;
    }
    // `theo dõi, đôn đốc` inside the clause with the subject in force
    if let Some(subj) = subject {
        if monitors(s) {
            for a in subj {
                out.push(section, a, Role::Monitor, span);
            }
        }
    }
}

/// The section of a node: the path of its nearest enclosing item that is not a bullet.
pub fn section_of(nodes: &[crate::model::Node], mut id: NodeId) -> (String, Option<NodeId>) {
    loop {
        let n = &nodes[id];
        if n.kind == NodeKind::Item && n.style != Some(MarkerStyle::Bullet) {
            return (n.path.clone().unwrap_or_default(), Some(id));
        }
        match n.parent {
            Some(p) => id = p,
            None => return (String::new(), None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn agency_lists_split_only_before_head_words() {
        assert_eq!(parse_agencies("Sở Văn hóa, Thể thao và Du lịch làm tốt").0, vec!["Sở Văn hóa, Thể thao và Du lịch"]);
        assert_eq!(parse_agencies("Sở Nội vụ, Sở Tư pháp.").0, vec!["Sở Nội vụ", "Sở Tư pháp"]);
        assert_eq!(parse_agencies("Mặt trận Tổ quốc, các tổ chức chính trị - xã hội tỉnh").0, vec!["Mặt trận Tổ quốc", "các tổ chức chính trị - xã hội tỉnh"]);
        assert_eq!(parse_agencies("Các Sở, ngành, đơn vị, UBND cấp xã.").0, vec!["Các Sở, ngành, đơn vị", "UBND cấp xã"]);
        assert_eq!(parse_agencies("Hội Nhà báo tỉnh và các cơ quan liên quan mở lớp").0, vec!["Hội Nhà báo tỉnh", "các cơ quan liên quan"]);
        assert!(parse_agencies("Tổ chức hiệp thương lần thứ nhất").0.is_empty());
    }
    #[test]
    fn labelled_lines_keep_each_listed_part_whole() {
        // lmx_KH_02.txt, II/1/1.1
        assert_eq!(
            split_listed(" Đồng chí Phó chủ tịch Thường trực, phụ trách lĩnh vực Giám sát và Phản biện xã hội"),
            vec!["Đồng chí Phó chủ tịch Thường trực, phụ trách lĩnh vực Giám sát và Phản biện xã hội"]
        );
        assert_eq!(
            split_listed(" Các đ/c Phó chỉ tịch, Trưởng đoàn thể xã, các đồng chí Chuyên viên cơ quan MTTQ xã."),
            vec!["Các đ/c Phó chỉ tịch", "Trưởng đoàn thể xã", "các đồng chí Chuyên viên cơ quan MTTQ xã"]
        );
        // tnt_KH_141-KH-UBND_09daab28.md, III/1
        assert_eq!(split_listed(" Các Sở, ngành, đơn vị, UBND cấp xã."), vec!["Các Sở, ngành, đơn vị", "UBND cấp xã"]);
        // tnt_KH_7360-KH-UBND_6a406c1f.md, II/3/3.1/a
        assert_eq!(split_listed(" Các sở, ngành có liên quan và UBND các xã, phường."), vec!["Các sở, ngành có liên quan", "UBND các xã, phường"]);
    }
    #[test]
    fn keys_expand_abbreviations_and_fold_tones() {
        assert_eq!(agency_key("UBND tỉnh"), agency_key("Ủy ban nhân dân tỉnh"));
        assert_eq!(agency_key("Uỷ ban MTTQ"), "ủy ban mặt trận tổ quốc");
    }
    #[test]
    fn deadlines_take_the_year_from_the_document() {
        assert_eq!(parse_deadline("trước ngày 15/12", Some(2022)).date.map(|d| d.iso()), Some("2022-12-15".into()));
        assert_eq!(parse_deadline("trước ngày 30/6/2022", None).date.map(|d| d.iso()), Some("2022-06-30".into()));
        let d = parse_deadline("Thường xuyên.", None);
        assert_eq!((d.phrase.as_str(), d.date, d.kind), ("Thường xuyên", None, DeadlineKind::Ongoing));
    }
    #[test]
    fn deadline_names_are_the_serde_names() {
        for k in [DeadlineKind::Date, DeadlineKind::Quarter, DeadlineKind::Month, DeadlineKind::Year, DeadlineKind::Range, DeadlineKind::Recurring, DeadlineKind::Ongoing, DeadlineKind::Within, DeadlineKind::Other] {
            assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
        }
        for p in [Period::Weekly, Period::Monthly, Period::Quarterly, Period::HalfYearly, Period::Yearly] {
            assert_eq!(serde_json::to_value(p).unwrap(), p.as_str());
        }
    }
    #[test]
    fn deadlines_are_typed() {
        let k = |p: &str| {
            let d = parse_deadline(p, Some(2025));
            (d.kind, d.year, d.part, d.every, d.date.map(|x| x.iso()))
        };
        // tnt_KH_141-KH-UBND_09daab28.md and tnt_KH_7360-KH-UBND_6a406c1f.md, task tables and labelled lines
        assert_eq!(k("Quý III/2025"), (DeadlineKind::Quarter, Some(2025), Some(3), None, None));
        assert_eq!(k("quý IV năm 2026"), (DeadlineKind::Quarter, Some(2026), Some(4), None, None));
        assert_eq!(k("Tháng 6/2025"), (DeadlineKind::Month, Some(2025), Some(6), None, None));
        assert_eq!(k("Năm 2026"), (DeadlineKind::Year, Some(2026), None, None, None));
        assert_eq!(k("Giai đoạn 2026 - 2030"), (DeadlineKind::Range, Some(2030), None, None, None));
        assert_eq!(k("Định kỳ 6 tháng, hằng năm"), (DeadlineKind::Recurring, None, None, Some(Period::HalfYearly), None));
        assert_eq!(k("trước ngày 15 hằng tháng").0, DeadlineKind::Recurring);
        assert_eq!(k("Trước ngày 30/6/2025"), (DeadlineKind::Date, None, None, None, Some("2025-06-30".into())));
        assert_eq!(k("30/9/2025").4, Some("2025-09-30".into()));
        assert_eq!(k("Từ ngày 01/01/2025 đến ngày 31/3/2025"), (DeadlineKind::Range, None, None, None, Some("2025-03-31".into())));
        assert_eq!(k("Theo tiến độ của dự án").0, DeadlineKind::Other);
        // tnt_ND_308-2025-ND-CP_54c3026b.md and the bench archive's decrees
        assert_eq!(k("Không quá 15 ngày").0, DeadlineKind::Within);
        assert_eq!(k("Trong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản").0, DeadlineKind::Within);
        assert_eq!(k("12 tháng kể từ khi ký kết hợp đồng").0, DeadlineKind::Within);
    }
    #[test]
    fn a_clause_gives_its_records_its_deadline() {
        // tnt_KH_308-KH-UBND_8e9a425d.md, III/2
        let t = Task {
            text: "Các Sở, ban, ngành căn cứ Kế hoạch này, xây dựng Kế hoạch triển khai; báo cáo UBND Thành phố kết quả thực hiện thông qua Sở Khoa học và Công nghệ trước ngày 15 hằng tháng.".into(),
            span: Span::new(0, 1),
            section: "III/2",
            item: None,
            items: Vec::new(),
            first_of_item: false,
        };
        let r = extract(&[t], Some(2025));
        let report = r.iter().find(|a| a.role == Role::ReportTo).expect("report_to");
        assert_eq!(report.deadline.as_ref().map(|d| d.kind), Some(DeadlineKind::Recurring));
        let resp = r.iter().find(|a| a.role == Role::Responsible).expect("responsible");
        assert!(resp.deadline.is_none(), "the first clause gives no deadline");
    }
}
