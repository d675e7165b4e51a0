//! Python `==` and [`Value::strict_eq`], both walking the trees with an
//! explicit stack.
//!
//! Nested calls happen only for dict keys and set elements (looking a key up
//! in the other container compares keys with `==`); keys are hashable, so
//! they hold no dicts or sets and the nesting stops there.

use super::{dict, set, Complex, Dict, Int, Set, Value};
use std::iter::Zip;
use std::slice;

/// Python `==`, iterative: numbers compare exactly across `bool`, `int`,
/// `float` and `complex` (`True == 1 == 1.0 == (1+0j)`, `2**53 + 1 !=
/// 2.0**53`, NaN equals nothing); lists equal lists and tuples tuples,
/// element by element; dicts and sets ignore order.
///
/// ```
/// use safelit::{Complex, Value};
/// assert_eq!(Value::Bool(true), Value::Complex(Complex { re: 1.0, im: 0.0 }));
/// assert_ne!(Value::List(vec![]), Value::Tuple(vec![]));
/// assert_ne!(Value::Float(f64::NAN), Value::Float(f64::NAN));
/// ```
impl PartialEq for Value {
    fn eq(&self, other: &Value) -> bool {
        // Scalars (most dict keys) without setting up a walk.
        if !is_container(self) || !is_container(other) {
            return scalar_eq(self, other);
        }
        compare(Frame::One(Some((self, other))), false)
    }
}

/// A value the walk in [`compare`] descends into.
fn is_container(v: &Value) -> bool {
    matches!(
        v,
        Value::List(_) | Value::Tuple(_) | Value::Dict(_) | Value::Set(_)
    )
}

impl Value {
    /// Equality that also requires the same type at every level: `1` is not
    /// `1.0` or `True`, floats compare by their bits (`-0.0` is not `0.0`, a
    /// NaN equals an identical NaN), dicts need the same keys in the same
    /// order, and sets the same elements (in any order). Iterative.
    ///
    /// ```
    /// use safelit::Value;
    /// assert!(Value::Float(1.0) == Value::from(1));
    /// assert!(!Value::Float(1.0).strict_eq(&Value::from(1)));
    /// assert!(!Value::Float(-0.0).strict_eq(&Value::Float(0.0)));
    /// assert!(Value::Float(f64::NAN).strict_eq(&Value::Float(f64::NAN)));
    /// ```
    pub fn strict_eq(&self, other: &Value) -> bool {
        if !is_container(self) || !is_container(other) {
            return scalar_strict_eq(self, other);
        }
        compare(Frame::One(Some((self, other))), true)
    }
}

/// Python `==` on two dicts.
pub(super) fn dicts_eq(a: &Dict, b: &Dict) -> bool {
    a.len() == b.len() && compare(Frame::Dict(a.iter(), b), false)
}

/// One pending comparison of many pairs.
enum Frame<'a> {
    One(Option<(&'a Value, &'a Value)>),
    Seq(Zip<slice::Iter<'a, Value>, slice::Iter<'a, Value>>),
    /// Python: each entry of the left dict against the right dict's value
    /// for an equal key.
    Dict(dict::Iter<'a>, &'a Dict),
    /// Strict: entries pairwise in order, keys and values.
    DictOrdered(
        Zip<dict::Iter<'a>, dict::Iter<'a>>,
        Option<(&'a Value, &'a Value)>,
    ),
    /// Strict: each element of the left set against the right set's equal
    /// element. (Python `==` on sets needs no frame: membership only.)
    Set(set::Iter<'a>, &'a Set),
}

impl<'a> Frame<'a> {
    /// Whether no pair is left (checked right after taking one, so that a
    /// chain of single-child containers keeps the stack short).
    fn is_done(&self) -> bool {
        match self {
            Frame::One(pair) => pair.is_none(),
            Frame::Seq(it) => it.len() == 0,
            Frame::Dict(it, _) => it.len() == 0,
            Frame::DictOrdered(it, pending) => pending.is_none() && it.len() == 0,
            Frame::Set(it, _) => it.len() == 0,
        }
    }

    /// The next pair to compare; `Err(())` when the frame already found a
    /// difference; `Ok(None)` when exhausted.
    #[allow(clippy::type_complexity)]
    fn next(&mut self) -> Result<Option<(&'a Value, &'a Value)>, ()> {
        match self {
            Frame::One(pair) => Ok(pair.take()),
            Frame::Seq(it) => Ok(it.next()),
            Frame::Dict(it, other) => match it.next() {
                None => Ok(None),
                Some((k, v)) => match other.get_hashable(k) {
                    Some(w) => Ok(Some((v, w))),
                    None => Err(()),
                },
            },
            Frame::DictOrdered(it, pending) => {
                if let Some(pair) = pending.take() {
                    return Ok(Some(pair));
                }
                match it.next() {
                    None => Ok(None),
                    Some(((ka, va), (kb, vb))) => {
                        *pending = Some((va, vb));
                        Ok(Some((ka, kb)))
                    }
                }
            }
            Frame::Set(it, other) => match it.next() {
                None => Ok(None),
                Some(x) => match other.get_hashable(x) {
                    Some(y) => Ok(Some((x, y))),
                    None => Err(()),
                },
            },
        }
    }
}

fn compare(start: Frame<'_>, strict: bool) -> bool {
    let mut stack = vec![start];
    while let Some(top) = stack.last_mut() {
        let (a, b) = match top.next() {
            Err(()) => return false,
            Ok(None) => {
                stack.pop();
                continue;
            }
            Ok(Some(pair)) => {
                if top.is_done() {
                    stack.pop();
                }
                pair
            }
        };
        match (a, b) {
            (Value::List(x), Value::List(y)) | (Value::Tuple(x), Value::Tuple(y)) => {
                if x.len() != y.len() {
                    return false;
                }
                if !x.is_empty() {
                    stack.push(Frame::Seq(x.iter().zip(y.iter())));
                }
            }
            (Value::Dict(x), Value::Dict(y)) => {
                if x.len() != y.len() {
                    return false;
                }
                if !x.is_empty() {
                    stack.push(if strict {
                        Frame::DictOrdered(x.iter().zip(y.iter()), None)
                    } else {
                        Frame::Dict(x.iter(), y)
                    });
                }
            }
            (Value::Set(x), Value::Set(y)) => {
                if strict {
                    if x.len() != y.len() {
                        return false;
                    }
                    if !x.is_empty() {
                        stack.push(Frame::Set(x.iter(), y));
                    }
                } else if x != y {
                    return false;
                }
            }
            _ => {
                let same = if strict {
                    scalar_strict_eq(a, b)
                } else {
                    scalar_eq(a, b)
                };
                if !same {
                    return false;
                }
            }
        }
    }
    true
}

/// Python `==` on two values that are not both containers of one kind.
fn scalar_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::None, Value::None) | (Value::Ellipsis, Value::Ellipsis) => true,
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Bytes(x), Value::Bytes(y)) => x == y,
        _ => match (Num::of(a), Num::of(b)) {
            (Some(x), Some(y)) => x.eq(&y),
            _ => false,
        },
    }
}

/// Same type and same value; floats by bits.
fn scalar_strict_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::None, Value::None) | (Value::Ellipsis, Value::Ellipsis) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
        (Value::Complex(x), Value::Complex(y)) => {
            x.re.to_bits() == y.re.to_bits() && x.im.to_bits() == y.im.to_bits()
        }
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Bytes(x), Value::Bytes(y)) => x == y,
        _ => false,
    }
}

/// A number as Python compares it: a real part (exact integer or float)
/// and an imaginary part (`0.0` unless complex).
struct Num<'a> {
    re: Real<'a>,
    im: f64,
}

enum Real<'a> {
    Small(i64),
    Int(&'a Int),
    Float(f64),
}

impl<'a> Num<'a> {
    fn of(v: &'a Value) -> Option<Num<'a>> {
        let (re, im) = match v {
            Value::Bool(b) => (Real::Small(i64::from(*b)), 0.0),
            Value::Int(i) => (Real::Int(i), 0.0),
            Value::Float(f) => (Real::Float(*f), 0.0),
            Value::Complex(Complex { re, im }) => (Real::Float(*re), *im),
            _ => return None,
        };
        Some(Num { re, im })
    }

    fn eq(&self, other: &Num<'_>) -> bool {
        self.im == other.im
            && match (&self.re, &other.re) {
                (Real::Float(x), Real::Float(y)) => x == y,
                (Real::Small(x), Real::Small(y)) => x == y,
                (Real::Int(x), Real::Int(y)) => x == y,
                (Real::Small(x), Real::Int(y)) | (Real::Int(y), Real::Small(x)) => {
                    y.to_i64() == Some(*x)
                }
                (Real::Float(f), Real::Small(n)) | (Real::Small(n), Real::Float(f)) => {
                    Int::from(*n).eq_f64(*f)
                }
                (Real::Float(f), Real::Int(i)) | (Real::Int(i), Real::Float(f)) => i.eq_f64(*f),
            }
    }
}
