//! A cited document and where the text mentions it.
use super::date::Date;
use super::doctype::DocType;
use super::metadata::Symbol;
use super::span::Span;
use serde::{Deserialize, Serialize};

/// One cited document, with every place it is mentioned.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reference {
    pub doc_type: Option<DocType>,
    pub symbol: Option<Symbol>,
    pub date: Option<Date>,
    /// As printed after `của`, up to where the clause ends.
    pub issuer: Option<String>,
    /// A citation by name (no number): its fullest form in the text.
    pub name: Option<String>,
    /// Canonical key: the symbol without spaces, upper-cased, `Ð` folded; for a citation by name, the type
    /// code, `:` and the name lower-cased.
    pub key: String,
    /// Byte spans of its mentions in the text.
    pub mentions: Vec<Span>,
    /// An attachment issued with the document itself (`Phụ lục 2A`, `Đề cương … (ban hành kèm theo Kế hoạch
    /// này)`).
    #[serde(default)]
    pub attached: bool,
    /// The parts of the cited document that mentions point at (`khoản 2 Điều 5 Nghị định số 30/2020/NĐ-CP`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pinpoints: Vec<Pinpoint>,
}

/// A pinpoint: the article, clause and point of the cited document that one mention names, as printed before
/// it (`điểm a khoản 2 Điều 5 của Luật ...`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pinpoint {
    /// Index into [`Reference::mentions`].
    pub mention: usize,
    /// `Điều 5` → `5`.
    pub article: Option<String>,
    /// `khoản 2` → `2`.
    pub clause: Option<String>,
    /// `điểm a` → `a`.
    pub point: Option<String>,
    /// Where the pinpoint phrase is (bytes).
    pub span: Span,
}
