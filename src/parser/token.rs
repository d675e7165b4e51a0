//! The tokens the grammars read, and the error type they carry.

use crate::error::{ErrorKind, FieldSource, LimitKind};
use crate::lexer::{LexError, Raw};
use crate::value::{Int, PyStr};

/// A grammar token: literals arrive decoded (strings concatenated, escapes
/// and numbers converted); everything else is the raw token.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Tok {
    Int(Int),
    Float(f64),
    Imag(f64),
    Str(PyStr),
    /// A `str` whose value is the source text at this byte range (one
    /// token, no escapes, no carriage returns); only in the literal grammar.
    PlainStr(Span),
    Bytes(Vec<u8>),
    /// A string group with at least one f-string piece (a `JoinedStr`),
    /// when f-strings are single tokens (CPython 3.11).
    FString,
    /// A run of adjacent plain strings that mixes bytes and str; CPython
    /// 3.12+ reports that only after the whole group.
    MixedStrings,
    /// The parts of a tokenized f-string (CPython 3.12+).
    FStringStart,
    FStringMiddle,
    FStringEnd,
    /// A name; `true` when it NFKC-normalizes to `set`.
    Name(bool),
    /// Keywords, operators and delimiters.
    P(Raw),
    Newline,
    Indent,
    EndMarker,
}

/// A byte range of the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Span {
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// A failure that stops a parse, as the grammars' `Error` type.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Fail {
    /// A tokenizer error.
    Lex(LexError),
    /// An error raised while converting a token (CPython raises these from
    /// its grammar actions): bad escapes, bytes mixed with str, too many
    /// digits, invalid f-string contents.
    Action(ActionError),
    /// A limit tripped while building the result.
    Limit(ActionError),
    /// A rule the full grammar checks in an action (comprehension targets,
    /// argument and parameter order) is broken: a syntax error found by the
    /// grammar, like an unexpected token.
    Grammar(ActionError),
}

/// An error with its kind, message and byte range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ActionError {
    pub(crate) kind: ErrorKind,
    pub(crate) message: String,
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Raised by the tokenizer (CPython does not prefix these with
    /// "f-string: " inside f-string replacement fields).
    pub(crate) lexical: bool,
    /// CPython reports this error at the first token that starts at or
    /// after `start` (the "last token" its parser had read); resolved once
    /// the tokens are known.
    pub(crate) at_next_token: bool,
    /// CPython gives this error's columns in UTF-8 bytes, not characters
    /// (a quirk of the tokenizer's "leading zeros" error).
    pub(crate) byte_columns: bool,
    /// The 1-based column CPython reports, when it is not the start's
    /// column in its line (errors after a line continuation).
    pub(crate) column: Option<usize>,
    /// Whether, and where, the error was found inside an f-string's
    /// replacement field.
    pub(crate) field: FieldOrigin,
}

/// Whether an error was found inside an f-string's replacement field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) enum FieldOrigin {
    /// Not in a field.
    #[default]
    None,
    /// In a field (the innermost one, for f-strings nested in fields),
    /// placed in the input.
    Field(Box<FieldSource>),
}

impl ActionError {
    /// An error of `kind` over `start..end`, positioned the usual way.
    pub(crate) fn new(
        kind: ErrorKind,
        message: impl Into<String>,
        start: usize,
        end: usize,
    ) -> Self {
        ActionError {
            kind,
            message: message.into(),
            start,
            end,
            lexical: false,
            at_next_token: false,
            byte_columns: false,
            column: None,
            field: FieldOrigin::None,
        }
    }

    pub(crate) fn syntax(message: impl Into<String>, start: usize, end: usize) -> ActionError {
        ActionError::new(ErrorKind::Syntax, message, start, end)
    }

    pub(crate) fn limit(
        limit: LimitKind,
        message: impl Into<String>,
        start: usize,
        end: usize,
    ) -> ActionError {
        ActionError::new(ErrorKind::Limit(limit), message, start, end)
    }
}

/// What LALRPOP yields for one token.
pub(crate) type Spanned = Result<(usize, Tok, usize), Fail>;
