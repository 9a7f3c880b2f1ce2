//! Extraction over the parsed tree: the documents a text cites ([`references`]) and the work it assigns
//! ([`assignments`]).
pub mod assignments;
pub mod references;
