//! A paragraph's tokens as the assignment rules read them: the [`Lexed`] tokens, with the answers the agency
//! rules ask again and again at the same token kept once computed (a list is read at a clause's start, then
//! again by the clause splitter, the subject reader and `list_only`, and each asks where a head starts).
use crate::lex::tokens::Lexed;
use std::cell::OnceCell;
use std::ops::Deref;

/// The tokens of a paragraph, and per token the length of the agency head at it and of the gazetteer name at
/// it, each computed at the first question (both depend on the tokens only).
pub struct Lx<'a> {
    lexed: Lexed<'a>,
    pub(super) heads: Vec<OnceCell<Option<usize>>>,
    pub(super) known: Vec<OnceCell<Option<usize>>>,
}

impl<'a> Lx<'a> {
    pub fn new(text: &'a str) -> Lx<'a> {
        let lexed = Lexed::new(text);
        let n = lexed.len();
        Lx { lexed, heads: vec![OnceCell::new(); n], known: vec![OnceCell::new(); n] }
    }
}

impl<'a> Deref for Lx<'a> {
    type Target = Lexed<'a>;
    fn deref(&self) -> &Lexed<'a> {
        &self.lexed
    }
}
