//! Parsing the paragraphs: layout zones ([`layout`]), the outline tree ([`outline`]) and the document's own
//! metadata ([`metadata`]).
pub mod flat;
pub mod layout;
pub mod metadata;
pub mod outline;
