//! The document's own metadata: type, number and symbol, issuer, place, date, title, signature, recipients.
use super::date::Date;
use super::doctype::DocType;
use serde::{Deserialize, Serialize};

/// Whether a symbol follows the Party form (`58-KH/BTCTW`), the state form (`45/KH-UBND`,
/// `30/2020/NĐ-CP`) or a law's (`80/2015/QH13`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SymbolForm {
    Party,
    State,
    Law,
}

/// A document number and symbol (*số, ký hiệu*), as printed and parsed.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Symbol {
    /// As printed, without `Số`/`Số:`.
    pub raw: String,
    pub number: Option<String>,
    pub year: Option<u16>,
    /// The type code inside the symbol (`KH`, `QĐ`, `NĐ`); `None` for a công văn (`123/UBND-VX`).
    pub type_code: Option<String>,
    /// The issuer part (`BTCTW`, `UBND`, `CP`, `UBND-VX`, `QH13`).
    pub issuer_code: Option<String>,
    pub form: Option<SymbolForm>,
}

/// The document's own metadata, from its header, title and closing.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    pub doc_type: Option<DocType>,
    pub symbol: Option<Symbol>,
    /// The top-left block of the header, lines joined by spaces.
    pub issuer: Option<String>,
    pub place: Option<String>,
    pub date: Option<Date>,
    pub title: Option<String>,
    pub signing_authority: Option<String>,
    pub signer_title: Option<String>,
    pub signer: Option<String>,
    pub recipients: Vec<String>,
}
