//! The typed value tree that [`crate::parse`] returns.
//!
//! [`Value`] mirrors the Python objects `ast.literal_eval` can return. Three
//! properties shape the implementation:
//!
//! * **Python semantics.** `==` follows Python equality across the numeric
//!   tower (`1 == 1.0 == True == (1+0j)`), dict keys and set elements use
//!   Python's hash/equality rules (the first equal key object is kept, the last
//!   value wins), and lone surrogates survive in strings ([`PyStr`]).
//!   Use [`Value::strict_eq`] when types must match too.
//! * **Exact text.** `Display` prints what CPython's `repr()` prints for the
//!   equal Python object (sets print their elements in insertion order).
//! * **No recursion.** A value may be nested a million levels deep (when the
//!   caller raises [`crate::Limits::max_depth`]); `Drop`, `Clone`, `Display`,
//!   `Debug`, `PartialEq` and hashing walk the tree with explicit stacks, so
//!   they never overflow the native stack.

mod dict;
mod eq;
mod hash;
mod int;
mod pystr;
mod repr;
mod set;
mod tree;

#[cfg(test)]
mod tests;

pub use dict::Dict;
pub use dict::{
    IntoIter as DictIntoIter, Iter as DictIter, Keys as DictKeys, Values as DictValues,
    ValuesMut as DictValuesMut,
};
pub use int::Int;
pub(crate) use pystr::PyStrBuf;
pub use pystr::{CodePoints, PyStr};
pub use repr::Repr;
pub use set::Set;
pub use set::{IntoIter as SetIntoIter, Iter as SetIter};

use std::borrow::Cow;

/// A complex number, `re + im*j`, as Python's `complex` stores it.
///
/// ```
/// use safelit::{parse, Value, Complex};
/// assert_eq!(parse("1-2j").unwrap(), Value::Complex(Complex { re: 1.0, im: -2.0 }));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Complex {
    /// The real part.
    pub re: f64,
    /// The imaginary part.
    pub im: f64,
}

/// A Python literal value.
///
/// ```
/// use safelit::{parse, Value};
/// let v = parse("{'a': [1, 2.5, None], 'b': (True, b'x')}").unwrap();
/// assert_eq!(v.to_string(), "{'a': [1, 2.5, None], 'b': (True, b'x')}");
/// ```
pub enum Value {
    /// `None`.
    None,
    /// `True` or `False`.
    Bool(bool),
    /// An `int` of any size.
    Int(Int),
    /// A `float` (never NaN when produced by the parser; `inf` is possible via overflow).
    Float(f64),
    /// A `complex`.
    Complex(Complex),
    /// A `str`: a sequence of code points, possibly with lone surrogates.
    Str(PyStr),
    /// A `bytes` object.
    Bytes(Vec<u8>),
    /// A `list`.
    List(Vec<Value>),
    /// A `tuple`.
    Tuple(Vec<Value>),
    /// A `dict`: insertion-ordered, Python key semantics.
    Dict(Dict),
    /// A `set`: insertion-ordered, Python element semantics.
    Set(Set),
    /// `...` (`Ellipsis`).
    Ellipsis,
}

/// The error of inserting an unhashable key or element into a [`Dict`] or [`Set`]:
/// Python's `TypeError: unhashable type: 'list'`.
///
/// ```
/// use safelit::{Dict, Value};
/// let mut d = Dict::new();
/// let err = d.insert(Value::List(vec![]), Value::None).unwrap_err();
/// assert_eq!(err.type_name(), "list");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unhashable {
    type_name: Cow<'static, str>,
}

impl Unhashable {
    /// An error naming the Python type that cannot be hashed.
    ///
    /// ```
    /// let err = safelit::Unhashable::new("list");
    /// assert_eq!(err.to_string(), "unhashable type: 'list'");
    /// ```
    pub fn new(type_name: impl Into<Cow<'static, str>>) -> Self {
        Unhashable {
            type_name: type_name.into(),
        }
    }

    /// The Python type name: `list`, `dict` or `set` for values built by the parser.
    ///
    /// ```
    /// assert_eq!(safelit::Unhashable::new("set").type_name(), "set");
    /// ```
    pub fn type_name(&self) -> &str {
        &self.type_name
    }
}

impl std::fmt::Display for Unhashable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unhashable type: '{}'", self.type_name)
    }
}

impl std::error::Error for Unhashable {}
