//! CPython's second parser pass: specialised syntax error messages.
//!
//! When CPython's parser fails, it parses the input again with extra
//! `invalid_*` grammar rules enabled; the first of them that matches raises
//! a specific error ("invalid syntax. Perhaps you forgot a comma?",
//! "':' expected after dictionary key", …) at its own location. Only if none
//! matches is the error a plain "invalid syntax" at the failing token.

use crate::lexer::Kind;

use super::token::ActionError;

/// One token of the input, as the second pass reads it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct DiagToken {
    pub(crate) kind: Kind,
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Bracket nesting depth after this token (CPython's `tok->level`):
    /// an opening bracket has the depth it opens, a closing one the depth
    /// it returns to.
    pub(crate) level: usize,
}

/// The first specialised syntax error CPython 3.11's second pass raises on
/// `tokens` (the input's tokens up to the end marker or the first tokenizer
/// error), or `None` when it raises none.
pub(crate) fn second_pass(src: &str, tokens: &[DiagToken]) -> Option<ActionError> {
    let _ = (src, tokens);
    None
}
