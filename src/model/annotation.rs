//! The flat annotation JSON of `annotation-schema.md` (`vanban-annotation/1`): a projection of the tree.
use crate::model::{Document, NodeKind};
use serde::Serialize;

pub const SCHEMA: &str = "vanban-annotation/1";

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Annotation {
    pub schema: &'static str,
    pub source: Option<String>,
    pub metadata: AnnotationMetadata,
    pub outline: Vec<OutlineEntry>,
    pub references: Vec<AnnotationReference>,
    pub assignments: Vec<AnnotationAssignment>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AnnotationMetadata {
    pub doc_type: Option<String>,
    pub symbol: Option<String>,
    pub issuer: Option<String>,
    pub place: Option<String>,
    pub date: Option<String>,
    pub title: Option<String>,
    pub signing_authority: Option<String>,
    pub signer_title: Option<String>,
    pub signer: Option<String>,
    pub recipients: Vec<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct OutlineEntry {
    pub path: String,
    pub label: String,
    pub heading: Option<String>,
}

/// A cited document. The fields are in the order of their names, as the schema's files write them (they were
/// written from a JSON map, whose keys are sorted).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AnnotationReference {
    /// Issued with this document, printed after its signature: the field is written only then (`"attached": true`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub attached: bool,
    pub date: Option<String>,
    pub doc_type: Option<String>,
    pub issuer: Option<String>,
    pub name: Option<String>,
    pub symbol: Option<String>,
}

/// An agency given a task: its section, name as printed, role, and the deadline's date (or its phrase when it
/// names no day). Fields in the order of their names, as for [`AnnotationReference`].
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AnnotationAssignment {
    pub agency: String,
    pub deadline: Option<String>,
    pub role: &'static str,
    pub section: String,
}

impl Document {
    /// The annotation of this document; `source` is the name printed in its `source` field.
    pub fn annotation(&self, source: Option<&str>) -> Annotation {
        let m = &self.metadata;
        let metadata = AnnotationMetadata {
            doc_type: m.doc_type.as_ref().map(|t| t.code().to_string()),
            symbol: m.symbol.as_ref().map(|s| s.raw.clone()),
            issuer: m.issuer.clone(),
            place: m.place.clone(),
            date: m.date.map(|d| d.iso()),
            title: m.title.clone(),
            signing_authority: m.signing_authority.clone(),
            signer_title: m.signer_title.clone(),
            signer: m.signer.clone(),
            recipients: m.recipients.clone(),
        };
        let outline = self
            .outline()
            .map(|id| {
                let n = self.node(id);
                debug_assert_eq!(n.kind, NodeKind::Item);
                OutlineEntry {
                    path: n.path.clone().unwrap_or_default(),
                    label: n.label.clone().unwrap_or_default(),
                    heading: n.heading.clone(),
                }
            })
            .collect();
        Annotation {
            schema: SCHEMA,
            source: source.map(str::to_string),
            metadata,
            outline,
            references: self
                .references
                .iter()
                .map(|r| AnnotationReference {
                    attached: r.attached,
                    date: r.date.map(|d| d.iso()),
                    doc_type: r.doc_type.as_ref().map(|t| t.code().to_string()),
                    issuer: r.issuer.clone(),
                    name: r.name.clone(),
                    symbol: r.symbol.as_ref().map(|s| s.raw.clone()),
                })
                .collect(),
            assignments: self
                .assignments
                .iter()
                .map(|a| AnnotationAssignment {
                    agency: a.agency.clone(),
                    deadline: a.deadline.as_ref().map(|d| d.date.map(|x| x.iso()).unwrap_or_else(|| d.phrase.clone())),
                    role: a.role.as_str(),
                    section: a.section.clone(),
                })
                .collect(),
        }
    }

    /// The annotation as one line of JSON.
    pub fn annotation_json(&self, source: Option<&str>) -> String {
        serde_json::to_string(&self.annotation(source)).expect("annotation serializes")
    }
}
