//! The lexical layer: the text normalized ([`normalize`]), cut into lines and paragraphs ([`lines`]), with
//! outline markers ([`markers`]), cleaning and character tests ([`text`]; the regex crate's classes: [`class`])
//! and document symbols ([`symbol`]), bytes classed sixteen at a time ([`bytes16`]); the vocabulary
//! ([`lexicon`]) over the words of a text ([`words`], their characters classed by [`letters`]), and a
//! paragraph's tokens ([`tokens`]).
pub mod bytes16;
pub mod class;
pub mod fold;
pub mod gazetteer;
pub mod heads;
pub mod letters;
pub mod lexicon;
pub mod lines;
pub mod literals;
pub mod markers;
pub mod normalize;
pub mod offsets;
pub mod symbol;
pub mod text;
pub mod tokens;
pub mod words;
