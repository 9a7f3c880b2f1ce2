//! Who must act: one record per (section, agency, role), with the deadline the text gives.
use super::date::Date;
use super::span::Span;
use serde::{Deserialize, Serialize};

/// The part an agency plays in a task.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The agency an item is addressed to, or the subject of its tasks.
    Responsible,
    /// Named as `chủ trì`.
    Lead,
    /// Named after `phối hợp với`, or the subject of `phối hợp`.
    Coordinate,
    /// The agency the responsible one must direct (`Chỉ đạo Sở X ...`).
    Directed,
    /// Assigned to `theo dõi`, `đôn đốc`, `kiểm tra`, `giám sát` the implementation.
    Monitor,
    /// The main target of a report (`báo cáo ... về Ban Thường vụ Tỉnh ủy`).
    ReportTo,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Responsible => "responsible",
            Role::Lead => "lead",
            Role::Coordinate => "coordinate",
            Role::Directed => "directed",
            Role::Monitor => "monitor",
            Role::ReportTo => "report_to",
        }
    }
}

/// When the task is due: the phrase as printed, a day when the text gives one, and what kind of time it is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Deadline {
    pub phrase: String,
    /// The day: `trước ngày 30/6/2022`; for a range, its last day.
    pub date: Option<Date>,
    pub kind: DeadlineKind,
    /// The year of a quarter, month or year (`quý III/2022` → 2022), when printed or taken from the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    /// 1–4 for a quarter (`quý III`), 1–12 for a month (`tháng 6/2022`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<u8>,
    /// How often, for a recurring deadline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub every: Option<Period>,
}

/// What kind of time a deadline names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    /// A day (`trước ngày 15/12/2022`).
    Date,
    /// A quarter (`quý III/2022`).
    Quarter,
    /// A month (`tháng 6/2022`).
    Month,
    /// A year (`năm 2025`, `trong năm 2025`).
    Year,
    /// A span of time (`từ ngày 01/01 đến ngày 31/3/2025`, `giai đoạn 2026 - 2030`).
    Range,
    /// Again and again (`định kỳ 6 tháng, hằng năm`, `trước ngày 15 hằng tháng`).
    Recurring,
    /// All the time (`thường xuyên`, `liên tục`).
    Ongoing,
    /// A time counted from an event (`không quá 15 ngày`, `trong thời hạn 05 ngày làm việc kể từ ngày nhận được
    /// hồ sơ`): the phrase says from when.
    Within,
    /// Anything else, kept as printed.
    Other,
}

impl DeadlineKind {
    /// The serde name (`quarter`, `recurring`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            DeadlineKind::Date => "date",
            DeadlineKind::Quarter => "quarter",
            DeadlineKind::Month => "month",
            DeadlineKind::Year => "year",
            DeadlineKind::Range => "range",
            DeadlineKind::Recurring => "recurring",
            DeadlineKind::Ongoing => "ongoing",
            DeadlineKind::Within => "within",
            DeadlineKind::Other => "other",
        }
    }
}

/// The period of a recurring deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    Weekly,
    Monthly,
    Quarterly,
    HalfYearly,
    Yearly,
}

impl Period {
    /// The serde name (`half_yearly`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Period::Weekly => "weekly",
            Period::Monthly => "monthly",
            Period::Quarterly => "quarterly",
            Period::HalfYearly => "half_yearly",
            Period::Yearly => "yearly",
        }
    }
}

/// One (section, agency, role) record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assignment {
    /// Path of the nearest enclosing item that is not a bullet; `""` outside every item.
    pub section: String,
    /// As printed (without `Giao`/`Đề nghị` and without a trailing `chủ trì`).
    pub agency: String,
    /// Normalized key: abbreviations expanded, tone placement folded, lower case.
    pub agency_key: String,
    pub role: Role,
    pub deadline: Option<Deadline>,
    /// The paragraph that assigns it (byte span into the text).
    pub span: Span,
    /// The agency's name as printed (byte span into the text; a table row's span for a table cell).
    #[serde(default)]
    pub agency_span: Span,
}
