//! Python hashing for dict keys and set elements.
//!
//! A key's hash must agree with Python `==`: `1`, `1.0`, `True` and
//! `(1+0j)` are one key. CPython gets there with a numeric hash modulo the
//! prime `2**61 - 1`, which also makes `n` and `n + 2**61 - 1` collide — an
//! easy way to force quadratic dict building from hostile input. Here the
//! hasher (keyed per map, `RandomState`) is fed the *exact* value instead:
//! every number is written as its real and imaginary parts, each part as the
//! exact integer when it is integral (so `2`, `2.0`, `True + 1` agree), else
//! as its float bits (a non-integral float only equals itself). Equal values
//! feed equal input; different values feed different input.
//!
//! Hashing and the hashability check walk tuples with an explicit stack.

use super::{Complex, Int, Unhashable, Value};
use std::hash::{Hash, Hasher};

const TAG_NUMBER: u8 = 1;
const TAG_STR: u8 = 2;
const TAG_BYTES: u8 = 3;
const TAG_NONE: u8 = 4;
const TAG_ELLIPSIS: u8 = 5;
const TAG_TUPLE: u8 = 6;
// Not a valid value of a hashable type; written for unhashable values so
// that hashing stays total (they are never inserted).
const TAG_UNHASHABLE: u8 = 7;

const PART_FRACTION: u8 = 0x21;
const PART_INF: u8 = 0x22;
const PART_NAN: u8 = 0x23;

/// Python's `hash(v)` succeeding: `Err` names the first unhashable type met
/// in CPython's order (depth first, left to right through tuples).
pub(super) fn check_hashable(v: &Value) -> Result<(), Unhashable> {
    match v {
        Value::Tuple(items) => check_tuple(items),
        other => match unhashable_name(other) {
            Some(name) => Err(Unhashable::new(name)),
            None => Ok(()),
        },
    }
}

fn unhashable_name(v: &Value) -> Option<&'static str> {
    match v {
        Value::List(_) => Some("list"),
        Value::Dict(_) => Some("dict"),
        Value::Set(_) => Some("set"),
        _ => None,
    }
}

fn check_tuple(items: &[Value]) -> Result<(), Unhashable> {
    let mut stack = vec![items.iter()];
    while let Some(top) = stack.last_mut() {
        let item = top.next();
        if top.len() == 0 {
            stack.pop();
        }
        match item {
            None => {}
            Some(Value::Tuple(inner)) => stack.push(inner.iter()),
            Some(other) => {
                if let Some(name) = unhashable_name(other) {
                    return Err(Unhashable::new(name));
                }
            }
        }
    }
    Ok(())
}

/// Feeds the Python-equality-consistent hash input of `v` to `state`.
/// Only meaningful for hashable values (see [`check_hashable`]).
pub(super) fn hash_value<H: Hasher>(v: &Value, state: &mut H) {
    let mut stack: Vec<std::slice::Iter<'_, Value>> = Vec::new();
    let mut next = Some(v);
    loop {
        let Some(v) = next.take() else {
            let Some(top) = stack.last_mut() else {
                return;
            };
            next = top.next();
            if top.len() == 0 {
                stack.pop();
            }
            continue;
        };
        match v {
            Value::Tuple(items) => {
                state.write_u8(TAG_TUPLE);
                state.write_usize(items.len());
                stack.push(items.iter());
            }
            Value::Str(s) => {
                state.write_u8(TAG_STR);
                state.write(s.as_generalized_utf8());
                state.write_u8(0xFF);
            }
            Value::Bytes(b) => {
                state.write_u8(TAG_BYTES);
                state.write_usize(b.len());
                state.write(b);
            }
            Value::None => state.write_u8(TAG_NONE),
            Value::Ellipsis => state.write_u8(TAG_ELLIPSIS),
            Value::Bool(b) => hash_number(Real::Small(i64::from(*b)), 0.0, state),
            Value::Int(i) => hash_number(Real::Int(i), 0.0, state),
            Value::Float(f) => hash_number(Real::Float(*f), 0.0, state),
            Value::Complex(Complex { re, im }) => hash_number(Real::Float(*re), *im, state),
            Value::List(_) | Value::Dict(_) | Value::Set(_) => state.write_u8(TAG_UNHASHABLE),
        }
    }
}

/// The real part of a number, in the form Python compares it.
enum Real<'a> {
    Small(i64),
    Int(&'a Int),
    Float(f64),
}

fn hash_number<H: Hasher>(re: Real<'_>, im: f64, state: &mut H) {
    state.write_u8(TAG_NUMBER);
    match re {
        Real::Small(n) => Int::from(n).hash(state),
        Real::Int(i) => i.hash(state),
        Real::Float(f) => hash_float(f, state),
    }
    // A zero imaginary part (of either sign) equals the absence of one.
    if im != 0.0 {
        hash_float(im, state);
    }
}

fn hash_float<H: Hasher>(f: f64, state: &mut H) {
    if let Some(i) = Int::from_integral_f64(f) {
        i.hash(state);
    } else if f.is_nan() {
        // NaN equals nothing; any input will do.
        state.write_u8(PART_NAN);
    } else if f.is_infinite() {
        state.write_u8(PART_INF);
        state.write_u8(u8::from(f < 0.0));
    } else {
        state.write_u8(PART_FRACTION);
        state.write_u64(f.to_bits());
    }
}

/// A hashable [`Value`] stored as a dict key or set element: `Hash` and `Eq`
/// are Python's. (`Eq` is not reflexive for NaN, as in Python; a NaN key is
/// simply never found again.)
pub(super) struct Key(pub(super) Value);

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        hash_value(&self.0, state);
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        self.0 == other.0
    }
}

impl Eq for Key {}

impl Clone for Key {
    fn clone(&self) -> Key {
        Key(self.0.clone())
    }
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&self.0, f)
    }
}

/// A borrowed lookup key, equivalent to [`Key`].
pub(super) struct KeyRef<'a>(pub(super) &'a Value);

impl Hash for KeyRef<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        hash_value(self.0, state);
    }
}

impl indexmap::Equivalent<Key> for KeyRef<'_> {
    fn equivalent(&self, key: &Key) -> bool {
        *self.0 == key.0
    }
}
