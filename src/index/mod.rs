//! Many documents: parsing batches in parallel ([`batch`]) and the SQLite cross-reference index ([`corpus`]).
pub mod batch;
#[cfg(feature = "index")]
pub mod corpus;
