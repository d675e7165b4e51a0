//! # safelit
//!
//! A safe, exact and fast replacement for Python's `ast.literal_eval()`.
//!
//! `safelit` reads text in the Python literal subset — `str`, `bytes`,
//! `int` (any size), `float`, `complex`, `list`, `tuple`, `dict`, `set`,
//! `bool`, `None`, `Ellipsis` — and returns a typed [`Value`] tree, or an
//! [`Error`]. It never executes anything, never panics, and bounds the
//! nesting depth, int size, input size and value count ([`Limits`]), so
//! hostile input cannot exhaust the stack, memory or CPU.
//!
//! For any input, the result is what CPython 3.11's `ast.literal_eval`
//! returns — equal values of the same types at every level — or an error of
//! the same family ([`ErrorKind::python_exception`]), at the same position,
//! with CPython's message.
//!
//! ```
//! use safelit::{parse, ErrorKind, Value};
//!
//! let v = parse("{'name': 'Ada', 'langs': ('en', 'fr'), 'id': 0x2A, 'z': -1+2j}").unwrap();
//! assert_eq!(v.to_string(), "{'name': 'Ada', 'langs': ('en', 'fr'), 'id': 42, 'z': (-1+2j)}");
//! assert_eq!(v.as_dict().unwrap().get(&Value::from("id")), Some(&Value::from(42)));
//!
//! let err = parse("[1, 2,, 3]").unwrap_err();
//! assert_eq!(err.kind(), ErrorKind::Syntax);
//! assert_eq!((err.line(), err.column()), (1, 7));
//! assert_eq!(parse("__import__('os')").unwrap_err().kind(), ErrorKind::Malformed);
//! ```
//!
//! ## Pipeline
//!
//! 1. **Input checks** (`parser`): `max_input_bytes`, NUL bytes, then the
//!    leading spaces and tabs `literal_eval` strips.
//! 2. **Lexer** (`lexer`): `logos` recognises tokens; strings, numbers and
//!    names are finished by scanners that mirror CPython's tokenizer,
//!    including its error messages. The tokenizer layer tracks bracket depth
//!    (the `max_depth` check happens here, before anything could recurse),
//!    indentation, line continuations and significant newlines.
//! 3. **Decoding** (`decode`): string escapes (`\x`, `\N{…}`, octal, …)
//!    and numbers (any base, correctly rounded floats, the int digit limit)
//!    are converted exactly as CPython does, in the order its grammar
//!    actions run.
//! 4. **Literal grammar** (`grammar/literal.lalrpop`, LALRPOP): the fast
//!    path. It accepts exactly the inputs `literal_eval` converts and builds
//!    the result through a [`Builder`], following `_convert`'s order. It is
//!    generated twice: as a recursive ascent parser (fastest; used when
//!    `max_depth` is at most 256 and the thread's stack has room for that
//!    many levels) and as a table-driven one (stack on the heap; used
//!    otherwise).
//! 5. **Full grammar** (`grammar/python.lalrpop`): only when the literal
//!    grammar fails. The whole Python expression grammar recognises the
//!    input without building values, to tell a `SyntaxError` from valid
//!    Python that is not a literal (`ValueError`), and CPython's error
//!    precedence rules pick the error that CPython would report.
//!
//! Values are built behind one small trait, [`Builder`]: [`ValueBuilder`]
//! builds [`Value`]; the Python bindings build Python objects directly.
//! Line and column of an error are computed from its byte offset only when
//! the error is created.
//!
//! ## Safety
//!
//! `#![forbid(unsafe_code)]`. Time and memory are linear in the input size
//! (decimal ints are capped by `max_int_digits`; with the cap lifted their
//! conversion is subquadratic). Nothing recurses on the nesting depth of
//! the input beyond what the stack is known to hold: the recursive ascent
//! parser runs only when `max_depth` levels of it fit in the stack left
//! (checked before parsing), the table-driven parser otherwise, and `Drop`,
//! `Clone`, `Display` and `PartialEq` of [`Value`] use explicit stacks, so
//! even a million nested brackets (with `max_depth` raised) work on a 2 MiB
//! thread stack.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod builder;
mod decode;
mod error;
mod lexer;
mod limits;
mod options;
mod parser;
mod unicode;
mod value;

pub use builder::{Builder, ValueBuilder};
pub use error::{Error, ErrorKind, FieldSource, LimitKind};
pub use lexer::{Warning, WarningKind};
pub use limits::Limits;
pub use options::{Parser, PythonVersion};
pub use value::{
    CodePoints, Complex, Dict, DictIntoIter, DictIter, DictKeys, DictValues, DictValuesMut, Int,
    PyStr, Repr, Set, SetIntoIter, SetIter, Unhashable, Value,
};

/// Parses a Python literal with CPython's default limits ([`Limits::default`]).
///
/// ```
/// let v = safelit::parse("[1, 'two', 3.0]").unwrap();
/// assert_eq!(v.to_string(), "[1, 'two', 3.0]");
/// ```
pub fn parse(text: &str) -> Result<Value, Error> {
    parse_with(text, &Limits::default())
}

/// Parses a Python literal with the given limits.
///
/// ```
/// use safelit::{parse_with, Limits};
/// let limits = Limits { max_int_digits: 0, ..Limits::default() };
/// assert!(parse_with(&"9".repeat(5000), &limits).is_ok());
/// ```
pub fn parse_with(text: &str, limits: &Limits) -> Result<Value, Error> {
    Parser::new().with_limits(limits.clone()).parse(text)
}

/// Parses a Python literal, building the result with `builder`; also
/// returns the warnings CPython would emit (invalid escape sequences,
/// numbers glued to keywords), in source order.
///
/// ```
/// use safelit::{parse_into, Limits, ValueBuilder, WarningKind};
/// let (value, warnings) = parse_into(r"'\d+'", &Limits::default(), &mut ValueBuilder).unwrap();
/// assert_eq!(value.to_string(), r"'\\d+'");
/// assert_eq!(warnings[0].kind(), WarningKind::InvalidEscape);
/// assert_eq!(warnings[0].message(), r"invalid escape sequence '\d'");
/// ```
///
/// See [`Builder`] for a builder of your own.
pub fn parse_into<B: Builder>(
    text: &str,
    limits: &Limits,
    builder: &mut B,
) -> Result<(B::Value, Vec<Warning>), Error> {
    Parser::new()
        .with_limits(limits.clone())
        .parse_into(text, builder)
}

/// **Bench-only, not part of the API** (may change or vanish in any
/// release): runs the tokenizer alone over `text` — `logos` plus the
/// hand-written string/number scanners and the bracket/indent layer, no
/// decoding and no grammar — and returns the number of tokens, or `None`
/// on a tokenizer error. `benches/throughput.rs` uses it as the floor.
///
/// ```
/// assert_eq!(safelit::__bench_lex_only("[1, 'a']"), Some(6));
/// ```
#[doc(hidden)]
pub fn __bench_lex_only(text: &str) -> Option<usize> {
    let mut count = 0;
    for token in lexer::Tokenizer::new(text, &Parser::new()) {
        token.ok()?;
        count += 1;
    }
    Some(count)
}
