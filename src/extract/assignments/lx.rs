//! A paragraph's tokens as the assignment rules read them: the [`Lexed`] tokens, with the answers the agency
//! rules ask again and again at the same token kept once computed (a list is read at a clause's start, then
//! again by the clause splitter, the subject reader and `list_only`, and each asks where a head starts).
use crate::lex::lexicon::{Entry, Tags};
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
    /// [`Lexed::entry`], with the tokens no phrase of `tags` starts at (most) turned away before the call;
    /// inlined always, as the rules ask at nearly every token and the answer is nearly always no.
    #[inline(always)]
    pub fn entry(&self, i: usize, tags: impl Into<Tags>) -> Option<&'static Entry> {
        let tags = tags.into();
        if !self.may_start(i, tags) {
            return None;
        }
        self.lexed.entry(i, tags)
    }
    /// [`Lexed::starts`], with the same rejection as [`Lx::entry`].
    #[inline(always)]
    pub fn starts(&self, i: usize, tags: impl Into<Tags>) -> bool {
        let tags = tags.into();
        self.may_start(i, tags) && self.lexed.starts(i, tags)
    }
    /// The lexicon walk's first step at token `i` ([`crate::lex::lexicon::Lexicon::may_start`]): when it says
    /// no, the walk would find nothing either.
    #[inline(always)]
    pub(super) fn may_start(&self, i: usize, tags: Tags) -> bool {
        self.toks.get(i).is_some_and(|t| self.lexicon().may_start(t.word, tags))
    }
}

impl<'a> Deref for Lx<'a> {
    type Target = Lexed<'a>;
    fn deref(&self) -> &Lexed<'a> {
        &self.lexed
    }
}

/// The lexicon's id of a word the rules name (`word!("phải")`), looked up once. The word must be one of the
/// lexicon's (it panics at the first use otherwise; the id is never [`crate::lex::words::NO_WORD`]): a word
/// token is then that word, in any case or tone placement, exactly when it carries the id, as [`Lexed::has`]
/// would say.
macro_rules! word {
    ($s:literal) => {{
        static W: std::sync::LazyLock<$crate::lex::words::WordId> = std::sync::LazyLock::new(|| {
            let id = $crate::lex::lexicon::Lexicon::global().word_id(&$crate::lex::fold::fold($s));
            assert!(id != $crate::lex::words::NO_WORD, concat!("`", $s, "` is no word of the lexicon"));
            id
        });
        *W
    }};
}
pub(crate) use word;
