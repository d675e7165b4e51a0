//! # safelit
//!
//! A safe, exact and fast replacement for Python's `ast.literal_eval()`.
//! (crate documentation: being written)

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod builder;
mod decode;
mod error;
mod lexer;
mod limits;
mod parser;
mod unicode;
mod value;

pub use builder::{Builder, ValueBuilder};
pub use error::{Error, ErrorKind, LimitKind};
pub use lexer::{Warning, WarningKind};
pub use limits::Limits;
pub use value::{
    CodePoints, Complex, Dict, DictIntoIter, DictIter, DictKeys, DictValues, DictValuesMut, Int,
    PyStr, Set, SetIntoIter, SetIter, Unhashable, Value,
};

/// Parses a Python literal with CPython's default limits.
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
    parse_into(text, limits, &mut ValueBuilder).map(|(value, _warnings)| value)
}

/// Parses a Python literal, building the result with `builder`; also
/// returns the warnings CPython would emit (invalid escape sequences,
/// numbers glued to keywords).
///
/// See [`Builder`] for an example.
pub fn parse_into<B: Builder>(
    text: &str,
    limits: &Limits,
    builder: &mut B,
) -> Result<(B::Value, Vec<Warning>), Error> {
    parser::parse_into(text, limits, builder)
}
