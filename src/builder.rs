//! Value building behind one small trait.
//!
//! The literal grammar (`grammar/literal.lalrpop`) never names a concrete
//! value type: it calls a [`Builder`]. [`ValueBuilder`] builds the Rust
//! [`Value`] tree; the Python bindings implement the same trait to build
//! Python objects directly, so both go through one grammar and one set of
//! CPython rules (conversion order, first-key-kept, unhashable checks).

use crate::value::{Complex, Dict, Int, PyStr, Set, Unhashable, Value};

/// Builds values of one representation from the parser's decoded literals.
///
/// The parser calls these methods bottom-up, in CPython's conversion order:
/// container elements left to right, each dict key inserted right after its
/// value was built. An `Err` from [`Builder::dict_insert`] or
/// [`Builder::set_add`] becomes an [`crate::ErrorKind::Unhashable`] error
/// (reported only if the whole input is otherwise valid, as in CPython).
///
/// ```
/// use safelit::{parse_into, Builder, Complex, Int, Limits, PyStr, Unhashable};
///
/// /// Counts the scalars of a literal instead of building it.
/// struct Count;
/// impl Builder for Count {
///     type Value = usize;
///     type Dict = usize;
///     type Set = usize;
///     fn none(&mut self) -> usize { 1 }
///     fn bool(&mut self, _: bool) -> usize { 1 }
///     fn ellipsis(&mut self) -> usize { 1 }
///     fn int(&mut self, _: Int) -> usize { 1 }
///     fn float(&mut self, _: f64) -> usize { 1 }
///     fn complex(&mut self, _: Complex) -> usize { 1 }
///     fn str(&mut self, _: PyStr) -> usize { 1 }
///     fn bytes(&mut self, _: Vec<u8>) -> usize { 1 }
///     fn list(&mut self, items: Vec<usize>) -> usize { items.iter().sum() }
///     fn tuple(&mut self, items: Vec<usize>) -> usize { items.iter().sum() }
///     fn dict_new(&mut self) -> usize { 0 }
///     fn dict_insert(&mut self, d: &mut usize, k: usize, v: usize) -> Result<(), Unhashable> {
///         *d += k + v;
///         Ok(())
///     }
///     fn dict_finish(&mut self, d: usize) -> usize { d }
///     fn set_new(&mut self) -> usize { 0 }
///     fn set_add(&mut self, s: &mut usize, v: usize) -> Result<(), Unhashable> {
///         *s += v;
///         Ok(())
///     }
///     fn set_finish(&mut self, s: usize) -> usize { s }
/// }
///
/// let (n, _warnings) = parse_into("{'a': [1, 2], 'b': (3, {4})}", &Limits::default(), &mut Count).unwrap();
/// assert_eq!(n, 6);
/// ```
pub trait Builder {
    /// The built representation of one value.
    type Value;
    /// A dict under construction.
    type Dict;
    /// A set under construction.
    type Set;

    /// `None`.
    fn none(&mut self) -> Self::Value;
    /// `True` / `False`.
    fn bool(&mut self, value: bool) -> Self::Value;
    /// `...`.
    fn ellipsis(&mut self) -> Self::Value;
    /// An `int`.
    fn int(&mut self, value: Int) -> Self::Value;
    /// A `float`.
    fn float(&mut self, value: f64) -> Self::Value;
    /// A `complex`.
    fn complex(&mut self, value: Complex) -> Self::Value;
    /// A `str` (after escape decoding and implicit concatenation).
    fn str(&mut self, value: PyStr) -> Self::Value;
    /// A `str` given as borrowed text: a slice of the input as it stands
    /// (a single string token without escapes, the common case), or text
    /// the parser decoded into a scratch buffer it reuses. The default
    /// copies it into a [`PyStr`] and calls [`Builder::str`]; override it
    /// to build straight from the borrowed text and save that copy.
    ///
    /// ```
    /// use safelit::{parse_into, Builder, Limits, ValueBuilder};
    /// let (v, _) = parse_into("['plain', 'esc\\n']", &Limits::default(), &mut ValueBuilder).unwrap();
    /// assert_eq!(v.to_string(), "['plain', 'esc\\n']");
    /// ```
    fn str_slice(&mut self, text: &str) -> Self::Value {
        self.str(PyStr::from(text))
    }
    /// Like [`Builder::str_slice`], for a string that is probably a dict
    /// key (a dict's keys are often repeated across a document, so a
    /// builder may cache them). The default calls [`Builder::str_slice`].
    fn key_str_slice(&mut self, text: &str) -> Self::Value {
        self.str_slice(text)
    }
    /// A `bytes` (after escape decoding and implicit concatenation).
    fn bytes(&mut self, value: Vec<u8>) -> Self::Value;
    /// A `bytes` given as borrowed bytes: a slice of the input (a literal
    /// without escapes) or of the parser's scratch buffer. The default
    /// copies them and calls [`Builder::bytes`].
    ///
    /// ```
    /// use safelit::{parse_into, Limits, ValueBuilder};
    /// let (v, _) = parse_into("[b'ab', b'\\x00']", &Limits::default(), &mut ValueBuilder).unwrap();
    /// assert_eq!(v.to_string(), "[b'ab', b'\\x00']");
    /// ```
    fn bytes_slice(&mut self, bytes: &[u8]) -> Self::Value {
        self.bytes(bytes.to_vec())
    }
    /// A `list` of already built items.
    fn list(&mut self, items: Vec<Self::Value>) -> Self::Value;
    /// A `tuple` of already built items.
    fn tuple(&mut self, items: Vec<Self::Value>) -> Self::Value;
    /// Starts a dict.
    fn dict_new(&mut self) -> Self::Dict;
    /// Inserts `key: value` with Python semantics: an equal key already
    /// present keeps its key object and position and takes the new value.
    fn dict_insert(
        &mut self,
        dict: &mut Self::Dict,
        key: Self::Value,
        value: Self::Value,
    ) -> Result<(), Unhashable>;
    /// Finishes a dict.
    fn dict_finish(&mut self, dict: Self::Dict) -> Self::Value;
    /// Starts a set (also used for `set()`).
    fn set_new(&mut self) -> Self::Set;
    /// Adds an element with Python semantics: an equal element already
    /// present is kept.
    fn set_add(&mut self, set: &mut Self::Set, item: Self::Value) -> Result<(), Unhashable>;
    /// Finishes a set.
    fn set_finish(&mut self, set: Self::Set) -> Self::Value;
    /// The parser gave up on a partial build (its first, direct pass met
    /// something it leaves to the full grammar) and starts over: nothing
    /// built so far will be used. The default does nothing.
    fn restart(&mut self) {}
}

/// The [`Builder`] behind [`crate::parse`]: builds a [`Value`] tree.
///
/// ```
/// use safelit::{parse_into, Limits, ValueBuilder};
/// let (v, _) = parse_into("(1, 2)", &Limits::default(), &mut ValueBuilder).unwrap();
/// assert_eq!(v.to_string(), "(1, 2)");
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct ValueBuilder;

impl Builder for ValueBuilder {
    type Value = Value;
    type Dict = Dict;
    type Set = Set;

    fn none(&mut self) -> Value {
        Value::None
    }
    fn bool(&mut self, value: bool) -> Value {
        Value::Bool(value)
    }
    fn ellipsis(&mut self) -> Value {
        Value::Ellipsis
    }
    fn int(&mut self, value: Int) -> Value {
        Value::Int(value)
    }
    fn float(&mut self, value: f64) -> Value {
        Value::Float(value)
    }
    fn complex(&mut self, value: Complex) -> Value {
        Value::Complex(value)
    }
    fn str(&mut self, value: PyStr) -> Value {
        Value::Str(value)
    }
    fn bytes(&mut self, value: Vec<u8>) -> Value {
        Value::Bytes(value)
    }
    fn list(&mut self, items: Vec<Value>) -> Value {
        Value::List(items)
    }
    fn tuple(&mut self, items: Vec<Value>) -> Value {
        Value::Tuple(items)
    }
    fn dict_new(&mut self) -> Dict {
        Dict::new()
    }
    fn dict_insert(&mut self, dict: &mut Dict, key: Value, value: Value) -> Result<(), Unhashable> {
        dict.insert(key, value).map(drop)
    }
    fn dict_finish(&mut self, dict: Dict) -> Value {
        Value::Dict(dict)
    }
    fn set_new(&mut self) -> Set {
        Set::new()
    }
    fn set_add(&mut self, set: &mut Set, item: Value) -> Result<(), Unhashable> {
        set.insert(item).map(drop)
    }
    fn set_finish(&mut self, set: Set) -> Value {
        Value::Set(set)
    }
}
