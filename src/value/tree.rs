//! Tree plumbing for [`Value`]: iterative `Drop` and `Clone`, accessors,
//! moving payloads out, and `From` conversions.

use super::hash::Key;
use super::{dict, set, Complex, Dict, Int, PyStr, Set, Value};
use std::cell::Cell;
use std::mem;

/// Whether dropping `v` in place may recurse: it holds a child that itself
/// has children.
fn has_children(v: &Value) -> bool {
    match v {
        Value::List(items) | Value::Tuple(items) => !items.is_empty(),
        Value::Dict(d) => !d.is_empty(),
        Value::Set(s) => !s.is_empty(),
        _ => false,
    }
}

/// Children detached from a container, still to be dropped.
enum Detached {
    Seq(std::vec::IntoIter<Value>),
    Dict(dict::IntoIter),
    Set(set::IntoIter),
}

/// Moves the children of `v` out (leaving it an empty container) when any of
/// them has children of its own; leaves `v` alone otherwise (its default
/// drop is then shallow).
fn detach(v: &mut Value) -> Option<Detached> {
    match v {
        Value::List(items) | Value::Tuple(items) => {
            if items.iter().any(has_children) {
                Some(Detached::Seq(mem::take(items).into_iter()))
            } else {
                None
            }
        }
        // Keys, values and elements are `Value`s; when any of them has
        // children, detach all of them so their own (iterative) drops never
        // see grandchildren.
        Value::Dict(d) if d.iter().any(|(k, v)| has_children(k) || has_children(v)) => {
            Some(Detached::Dict(mem::take(d).into_iter()))
        }
        Value::Set(s) if s.iter().any(has_children) => {
            Some(Detached::Set(mem::take(s).into_iter()))
        }
        _ => None,
    }
}

/// How many nested drops may recurse before `Drop for Value` switches to
/// its heap stack.
const RECURSIVE_DROP_DEPTH: u32 = 32;

thread_local! {
    /// Nested container drops running on this thread.
    static DROP_DEPTH: Cell<u32> = const { Cell::new(0) };
}

/// Drops the shallow top of a tree by plain recursion (cheapest, no
/// allocation), and anything deeper than `RECURSIVE_DROP_DEPTH` with a
/// heap stack instead, so a value nested a million levels deep drops on a
/// small thread stack.
impl Drop for Value {
    fn drop(&mut self) {
        if !has_children(self) {
            return;
        }
        let depth = DROP_DEPTH.with(Cell::get);
        if depth < RECURSIVE_DROP_DEPTH {
            DROP_DEPTH.with(|d| d.set(depth + 1));
            // The children are dropped here, one level deeper.
            match self {
                Value::List(items) | Value::Tuple(items) => drop(mem::take(items)),
                Value::Dict(d) => drop(mem::take(d)),
                Value::Set(s) => drop(mem::take(s)),
                _ => {}
            }
            DROP_DEPTH.with(|d| d.set(depth));
            return;
        }
        let Some(first) = detach(self) else {
            return;
        };
        let mut stack = vec![first];
        while let Some(top) = stack.last_mut() {
            let next = match top {
                Detached::Seq(it) => it.next().map(|v| (v, None)),
                Detached::Dict(it) => it.next().map(|(k, v)| (k, Some(v))),
                Detached::Set(it) => it.next().map(|v| (v, None)),
            };
            let exhausted = match top {
                Detached::Seq(it) => it.len() == 0,
                Detached::Dict(it) => it.len() == 0,
                Detached::Set(it) => it.len() == 0,
            };
            if exhausted {
                // Keeps the stack short for chains of single-child containers.
                stack.pop();
            }
            let Some((mut a, b)) = next else {
                continue;
            };
            if let Some(d) = detach(&mut a) {
                stack.push(d);
            }
            if let Some(mut b) = b {
                if let Some(d) = detach(&mut b) {
                    stack.push(d);
                }
            }
            // `a` and `b` now hold no grandchildren: their drops are shallow.
        }
    }
}

/// A container under construction by [`Clone`].
enum Building<'a> {
    List(std::slice::Iter<'a, Value>, Vec<Value>),
    Tuple(std::slice::Iter<'a, Value>, Vec<Value>),
    /// The source entries, the copy, and the copied key waiting for its value.
    Dict(dict::Iter<'a>, Dict, Option<Key>),
}

impl<'a> Building<'a> {
    /// The next source child to copy.
    fn next_child(&mut self) -> Option<&'a Value> {
        match self {
            Building::List(it, _) | Building::Tuple(it, _) => it.next(),
            Building::Dict(it, _, pending) => {
                let (k, v) = it.next()?;
                // Keys are hashable (no lists, dicts or sets inside), so
                // copying one with `Value::clone` nests at most one level.
                *pending = Some(Key(k.clone()));
                Some(v)
            }
        }
    }

    fn push_copy(&mut self, v: Value) {
        match self {
            Building::List(_, out) | Building::Tuple(_, out) => out.push(v),
            Building::Dict(_, out, pending) => {
                if let Some(k) = pending.take() {
                    out.push_unique(k, v);
                }
            }
        }
    }

    fn finish(self) -> Value {
        match self {
            Building::List(_, out) => Value::List(out),
            Building::Tuple(_, out) => Value::Tuple(out),
            Building::Dict(_, out, _) => Value::Dict(out),
        }
    }
}

/// Copies `v` if it is a leaf (or a set, whose elements cannot nest
/// containers deeply); otherwise returns the container to build.
fn start_copy(v: &Value) -> Result<Value, Building<'_>> {
    Ok(match v {
        Value::None => Value::None,
        Value::Bool(b) => Value::Bool(*b),
        Value::Int(i) => Value::Int(i.clone()),
        Value::Float(f) => Value::Float(*f),
        Value::Complex(c) => Value::Complex(*c),
        Value::Str(s) => Value::Str(s.clone()),
        Value::Bytes(b) => Value::Bytes(b.clone()),
        Value::Ellipsis => Value::Ellipsis,
        Value::Set(s) => Value::Set(s.clone()),
        Value::List(items) => {
            return Err(Building::List(
                items.iter(),
                Vec::with_capacity(items.len()),
            ))
        }
        Value::Tuple(items) => {
            return Err(Building::Tuple(
                items.iter(),
                Vec::with_capacity(items.len()),
            ))
        }
        Value::Dict(d) => return Err(Building::Dict(d.iter(), d.empty_like(), None)),
    })
}

fn clone_building(start: Building<'_>) -> Value {
    let mut stack = vec![start];
    loop {
        let Some(top) = stack.last_mut() else {
            // Unreachable: the loop returns when the last frame finishes.
            return Value::None;
        };
        match top.next_child() {
            Some(child) => match start_copy(child) {
                Ok(copy) => top.push_copy(copy),
                Err(frame) => stack.push(frame),
            },
            None => {
                let Some(done) = stack.pop() else {
                    return Value::None;
                };
                let value = done.finish();
                match stack.last_mut() {
                    Some(parent) => parent.push_copy(value),
                    None => return value,
                }
            }
        }
    }
}

/// Deep copy with a heap stack instead of recursion.
impl Clone for Value {
    fn clone(&self) -> Value {
        match start_copy(self) {
            Ok(copy) => copy,
            Err(frame) => clone_building(frame),
        }
    }
}

/// The iterative deep copy of a dict.
pub(super) fn clone_dict(d: &Dict) -> Dict {
    match clone_building(Building::Dict(d.iter(), d.empty_like(), None)).into_dict() {
        Ok(copy) => copy,
        // Unreachable: a dict frame finishes as a dict.
        Err(_) => Dict::new(),
    }
}

impl Value {
    /// Python's type name: `NoneType`, `bool`, `int`, `float`, `complex`,
    /// `str`, `bytes`, `list`, `tuple`, `dict`, `set` or `ellipsis`.
    ///
    /// ```
    /// use safelit::Value;
    /// assert_eq!(Value::None.type_name(), "NoneType");
    /// assert_eq!(Value::Ellipsis.type_name(), "ellipsis");
    /// ```
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::None => "NoneType",
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::Float(_) => "float",
            Value::Complex(_) => "complex",
            Value::Str(_) => "str",
            Value::Bytes(_) => "bytes",
            Value::List(_) => "list",
            Value::Tuple(_) => "tuple",
            Value::Dict(_) => "dict",
            Value::Set(_) => "set",
            Value::Ellipsis => "ellipsis",
        }
    }

    /// Whether this is `None`.
    ///
    /// ```
    /// assert!(safelit::parse("None").unwrap().is_none());
    /// ```
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// The `bool`, if this is one (not for ints).
    ///
    /// ```
    /// assert_eq!(safelit::parse("True").unwrap().as_bool(), Some(true));
    /// assert_eq!(safelit::parse("1").unwrap().as_bool(), None);
    /// ```
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The `int`, if this is one (not for bools).
    ///
    /// ```
    /// use safelit::Value;
    /// assert_eq!(Value::from(7).as_int().and_then(|i| i.to_i64()), Some(7));
    /// assert!(Value::Bool(true).as_int().is_none());
    /// ```
    pub fn as_int(&self) -> Option<&Int> {
        match self {
            Value::Int(i) => Some(i),
            _ => None,
        }
    }

    /// The `float`, if this is one (not for ints).
    ///
    /// ```
    /// assert_eq!(safelit::parse("2.5").unwrap().as_f64(), Some(2.5));
    /// ```
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Float(f) => Some(*f),
            _ => None,
        }
    }

    /// The `complex`, if this is one.
    ///
    /// ```
    /// let c = safelit::parse("1-2j").unwrap().as_complex().unwrap();
    /// assert_eq!((c.re, c.im), (1.0, -2.0));
    /// ```
    pub fn as_complex(&self) -> Option<Complex> {
        match self {
            Value::Complex(c) => Some(*c),
            _ => None,
        }
    }

    /// The text of a `str` without lone surrogates.
    ///
    /// ```
    /// use safelit::Value;
    /// assert_eq!(Value::from("hi").as_str(), Some("hi"));
    /// ```
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => s.as_str(),
            _ => None,
        }
    }

    /// The `str`, lone surrogates included.
    ///
    /// ```
    /// let v = safelit::parse(r"'\udc80'").unwrap();
    /// assert!(v.as_py_str().unwrap().has_surrogates());
    /// ```
    pub fn as_py_str(&self) -> Option<&PyStr> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The `bytes`, if this is one.
    ///
    /// ```
    /// assert_eq!(safelit::parse("b'ab'").unwrap().as_bytes(), Some(&b"ab"[..]));
    /// ```
    pub fn as_bytes(&self) -> Option<&[u8]> {
        match self {
            Value::Bytes(b) => Some(b),
            _ => None,
        }
    }

    /// The items of a `list`.
    ///
    /// ```
    /// assert_eq!(safelit::parse("[1, 2]").unwrap().as_list().map(<[_]>::len), Some(2));
    /// ```
    pub fn as_list(&self) -> Option<&[Value]> {
        match self {
            Value::List(items) => Some(items),
            _ => None,
        }
    }

    /// The items of a `tuple`.
    ///
    /// ```
    /// assert_eq!(safelit::parse("1, 2, 3").unwrap().as_tuple().map(<[_]>::len), Some(3));
    /// ```
    pub fn as_tuple(&self) -> Option<&[Value]> {
        match self {
            Value::Tuple(items) => Some(items),
            _ => None,
        }
    }

    /// The `dict`, if this is one.
    ///
    /// ```
    /// assert!(safelit::parse("{}").unwrap().as_dict().is_some());
    /// ```
    pub fn as_dict(&self) -> Option<&Dict> {
        match self {
            Value::Dict(d) => Some(d),
            _ => None,
        }
    }

    /// The `set`, if this is one.
    ///
    /// ```
    /// assert!(safelit::parse("set()").unwrap().as_set().is_some());
    /// ```
    pub fn as_set(&self) -> Option<&Set> {
        match self {
            Value::Set(s) => Some(s),
            _ => None,
        }
    }

    /// Takes the items of a `list`; any other value is returned as `Err`.
    /// (`Value` implements `Drop`, so payloads cannot be moved out by
    /// pattern matching.)
    ///
    /// ```
    /// use safelit::Value;
    /// let items = Value::List(vec![Value::None]).into_list().unwrap();
    /// assert_eq!(items.len(), 1);
    /// assert!(Value::Tuple(vec![]).into_list().is_err());
    /// ```
    pub fn into_list(mut self) -> Result<Vec<Value>, Value> {
        match &mut self {
            Value::List(items) => Ok(mem::take(items)),
            _ => Err(self),
        }
    }

    /// Takes the items of a `tuple`; any other value is returned as `Err`.
    ///
    /// ```
    /// let items = safelit::parse("(1,)").unwrap().into_tuple().unwrap();
    /// assert_eq!(items.len(), 1);
    /// ```
    pub fn into_tuple(mut self) -> Result<Vec<Value>, Value> {
        match &mut self {
            Value::Tuple(items) => Ok(mem::take(items)),
            _ => Err(self),
        }
    }

    /// Takes a `dict`; any other value is returned as `Err`.
    ///
    /// ```
    /// let d = safelit::parse("{1: 2}").unwrap().into_dict().unwrap();
    /// assert_eq!(d.len(), 1);
    /// ```
    pub fn into_dict(mut self) -> Result<Dict, Value> {
        match &mut self {
            Value::Dict(d) => Ok(mem::take(d)),
            _ => Err(self),
        }
    }

    /// Takes a `set`; any other value is returned as `Err`.
    ///
    /// ```
    /// let s = safelit::parse("{1}").unwrap().into_set().unwrap();
    /// assert_eq!(s.len(), 1);
    /// ```
    pub fn into_set(mut self) -> Result<Set, Value> {
        match &mut self {
            Value::Set(s) => Ok(mem::take(s)),
            _ => Err(self),
        }
    }

    /// Takes a `str`; any other value is returned as `Err`.
    ///
    /// ```
    /// let s = safelit::parse("'hi'").unwrap().into_py_str().unwrap();
    /// assert_eq!(s.as_str(), Some("hi"));
    /// ```
    pub fn into_py_str(mut self) -> Result<PyStr, Value> {
        match &mut self {
            Value::Str(s) => Ok(mem::take(s)),
            _ => Err(self),
        }
    }

    /// Takes the bytes of a `bytes`; any other value is returned as `Err`.
    ///
    /// ```
    /// assert_eq!(safelit::parse("b'\\x00'").unwrap().into_bytes().unwrap(), [0]);
    /// ```
    pub fn into_bytes(mut self) -> Result<Vec<u8>, Value> {
        match &mut self {
            Value::Bytes(b) => Ok(mem::take(b)),
            _ => Err(self),
        }
    }

    /// Takes an `int`; any other value is returned as `Err`.
    ///
    /// ```
    /// let i = safelit::parse("0xff").unwrap().into_int().unwrap();
    /// assert_eq!(i.to_i64(), Some(255));
    /// ```
    pub fn into_int(mut self) -> Result<Int, Value> {
        match &mut self {
            Value::Int(i) => Ok(mem::take(i)),
            _ => Err(self),
        }
    }
}

impl From<bool> for Value {
    fn from(v: bool) -> Value {
        Value::Bool(v)
    }
}

impl From<i64> for Value {
    fn from(v: i64) -> Value {
        Value::Int(Int::from(v))
    }
}

impl From<i32> for Value {
    fn from(v: i32) -> Value {
        Value::Int(Int::from(v))
    }
}

impl From<f64> for Value {
    fn from(v: f64) -> Value {
        Value::Float(v)
    }
}

impl From<&str> for Value {
    fn from(v: &str) -> Value {
        Value::Str(PyStr::from(v))
    }
}

impl From<String> for Value {
    fn from(v: String) -> Value {
        Value::Str(PyStr::from(v))
    }
}

impl From<PyStr> for Value {
    fn from(v: PyStr) -> Value {
        Value::Str(v)
    }
}

impl From<Int> for Value {
    fn from(v: Int) -> Value {
        Value::Int(v)
    }
}

impl From<Complex> for Value {
    fn from(v: Complex) -> Value {
        Value::Complex(v)
    }
}

impl From<Dict> for Value {
    fn from(v: Dict) -> Value {
        Value::Dict(v)
    }
}

impl From<Set> for Value {
    fn from(v: Set) -> Value {
        Value::Set(v)
    }
}
