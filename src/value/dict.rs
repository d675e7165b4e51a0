//! `Dict`: an insertion-ordered dict with Python key semantics.

use super::hash::{check_hashable, Key, KeyRef};
use super::{Unhashable, Value};
use indexmap::IndexMap;
use std::collections::hash_map::RandomState;
use std::fmt;
use std::iter::FusedIterator;

pub(super) type Map = IndexMap<Key, Value, RandomState>;

/// Dicts of up to this many entries find keys by comparing them in turn:
/// cheaper than hashing for the small records that make up most data, and
/// one allocation instead of three. Still linear in the input: each
/// insertion compares against at most this many keys.
const SMALL: usize = 8;

/// A Python `dict`: insertion-ordered, with Python's key rules.
///
/// Keys must be hashable (no `list`, `dict` or `set`, also not inside a
/// tuple). Python-equal keys are one key (`1`, `1.0`, `True`): inserting an
/// equal key keeps the first key object and its position, and stores the
/// new value.
///
/// ```
/// use safelit::{Dict, Value};
/// let mut d = Dict::new();
/// d.insert(Value::Int(1.into()), Value::from("a")).unwrap();
/// d.insert(Value::Bool(true), Value::from("b")).unwrap();
/// d.insert(Value::Float(1.0), Value::from("c")).unwrap();
/// assert_eq!(d.len(), 1);
/// assert_eq!(format!("{d:?}"), "{1: 'c'}");
/// assert_eq!(d.get(&Value::Float(1.0)), Some(&Value::from("c")));
/// ```
#[derive(Default)]
pub struct Dict {
    entries: Entries,
}

/// How a [`Dict`] keeps its entries.
enum Entries {
    /// At most [`SMALL`] entries with distinct keys, in insertion order.
    Small(Vec<(Key, Value)>),
    /// A hash map, once the dict grew past [`SMALL`] entries. Boxed so a
    /// `Value` stays small.
    Large(Box<Map>),
}

impl Default for Entries {
    fn default() -> Self {
        Entries::Small(Vec::new())
    }
}

/// A large map holding `entries` (distinct keys), with room for `capacity`.
fn large(entries: Vec<(Key, Value)>, capacity: usize) -> Entries {
    let mut map = Map::with_capacity_and_hasher(capacity.max(entries.len()), RandomState::new());
    map.extend(entries);
    Entries::Large(Box::new(map))
}

impl Dict {
    /// An empty dict.
    ///
    /// ```
    /// assert!(safelit::Dict::new().is_empty());
    /// ```
    pub fn new() -> Dict {
        Dict::default()
    }

    /// An empty dict with room for `capacity` entries.
    ///
    /// ```
    /// let d = safelit::Dict::with_capacity(8);
    /// assert_eq!(d.len(), 0);
    /// ```
    pub fn with_capacity(capacity: usize) -> Dict {
        let entries = if capacity <= SMALL {
            Entries::Small(Vec::with_capacity(capacity))
        } else {
            large(Vec::new(), capacity)
        };
        Dict { entries }
    }

    /// An empty dict with room for `self`'s entries.
    pub(super) fn empty_like(&self) -> Dict {
        Dict::with_capacity(self.len())
    }

    /// The position of the entry whose key equals `key` (a hashable value).
    fn find(&self, key: &Value) -> Option<usize> {
        match &self.entries {
            Entries::Small(entries) => entries.iter().position(|(k, _)| k.0 == *key),
            Entries::Large(map) => map.get_index_of(&KeyRef(key)),
        }
    }

    /// Number of entries.
    ///
    /// ```
    /// use safelit::{Dict, Value};
    /// let mut d = Dict::new();
    /// d.insert(Value::from(1), Value::None).unwrap();
    /// d.insert(Value::from(1.0), Value::None).unwrap(); // 1.0 == 1
    /// assert_eq!(d.len(), 1);
    /// ```
    pub fn len(&self) -> usize {
        match &self.entries {
            Entries::Small(entries) => entries.len(),
            Entries::Large(map) => map.len(),
        }
    }

    /// Whether the dict has no entries.
    ///
    /// ```
    /// assert!(safelit::Dict::new().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Python's `d[key] = value`: an equal key already present keeps its key
    /// object and position and takes the new value, which is returned in
    /// place of the old one; otherwise the entry is appended. Fails (leaving
    /// the dict unchanged) when `key` is unhashable.
    ///
    /// ```
    /// use safelit::{Dict, Value};
    /// let mut d = Dict::new();
    /// assert_eq!(d.insert(Value::Float(-0.0), Value::from(1)).unwrap(), None);
    /// assert_eq!(d.insert(Value::Float(0.0), Value::from(2)).unwrap(), Some(Value::from(1)));
    /// assert_eq!(d.to_string(), "{-0.0: 2}");
    /// let nested = Value::Tuple(vec![Value::from(1), Value::List(vec![])]);
    /// assert_eq!(d.insert(nested, Value::None).unwrap_err().type_name(), "list");
    /// ```
    pub fn insert(&mut self, key: Value, value: Value) -> Result<Option<Value>, Unhashable> {
        check_hashable(&key)?;
        // Python keeps the existing key object and its position.
        if let Entries::Large(map) = &mut self.entries {
            return Ok(map.insert(Key(key), value));
        }
        if let Some(old) = self.find(&key).and_then(|i| self.value_at_mut(i)) {
            return Ok(Some(std::mem::replace(old, value)));
        }
        self.push_unique(Key(key), value);
        Ok(None)
    }

    /// The value of the entry at `index`.
    fn value_at_mut(&mut self, index: usize) -> Option<&mut Value> {
        match &mut self.entries {
            Entries::Small(entries) => entries.get_mut(index).map(|(_, v)| v),
            Entries::Large(map) => map.get_index_mut(index).map(|(_, v)| v),
        }
    }

    /// The value stored under a key equal to `key`; `None` when there is
    /// none or `key` is unhashable.
    ///
    /// ```
    /// use safelit::Value;
    /// let v = safelit::parse("{1: 'a'}").unwrap();
    /// let d = v.as_dict().unwrap();
    /// assert_eq!(d.get(&Value::Bool(true)), Some(&Value::from("a")));
    /// assert_eq!(d.get(&Value::List(vec![])), None);
    /// ```
    pub fn get(&self, key: &Value) -> Option<&Value> {
        check_hashable(key).ok()?;
        self.get_hashable(key)
    }

    /// The stored key object and its value for a key equal to `key`.
    ///
    /// ```
    /// use safelit::{Dict, Value};
    /// let mut d = Dict::new();
    /// d.insert(Value::Bool(true), Value::None).unwrap();
    /// assert_eq!(d.get_key_value(&Value::from(1)).unwrap().0.type_name(), "bool");
    /// ```
    pub fn get_key_value(&self, key: &Value) -> Option<(&Value, &Value)> {
        check_hashable(key).ok()?;
        self.get_index(self.find(key)?)
    }

    /// [`Dict::get`] for a key known to be hashable (a key of another dict).
    pub(super) fn get_hashable(&self, key: &Value) -> Option<&Value> {
        self.get_index(self.find(key)?).map(|(_, v)| v)
    }

    /// A mutable reference to the value stored under a key equal to `key`.
    ///
    /// ```
    /// use safelit::{Dict, Value};
    /// let mut d = Dict::new();
    /// d.insert(Value::from("n"), Value::from(1)).unwrap();
    /// *d.get_mut(&Value::from("n")).unwrap() = Value::from(2);
    /// assert_eq!(d.to_string(), "{'n': 2}");
    /// ```
    pub fn get_mut(&mut self, key: &Value) -> Option<&mut Value> {
        check_hashable(key).ok()?;
        let index = self.find(key)?;
        self.value_at_mut(index)
    }

    /// Whether a key equal to `key` is present (`false` for unhashable `key`).
    ///
    /// ```
    /// use safelit::Value;
    /// let v = safelit::parse("{(1, 2): 0}").unwrap();
    /// assert!(v.as_dict().unwrap().contains_key(&Value::Tuple(vec![Value::from(1), Value::from(2)])));
    /// ```
    pub fn contains_key(&self, key: &Value) -> bool {
        self.get(key).is_some()
    }

    /// The entry at position `index` in insertion order.
    ///
    /// ```
    /// let v = safelit::parse("{'b': 1, 'a': 2}").unwrap();
    /// let (k, _) = v.as_dict().unwrap().get_index(0).unwrap();
    /// assert_eq!(k.as_str(), Some("b"));
    /// ```
    pub fn get_index(&self, index: usize) -> Option<(&Value, &Value)> {
        match &self.entries {
            Entries::Small(entries) => entries.get(index).map(|(k, v)| (&k.0, v)),
            Entries::Large(map) => map.get_index(index).map(|(k, v)| (&k.0, v)),
        }
    }

    /// The entries in insertion order.
    ///
    /// ```
    /// let v = safelit::parse("{'x': 1, 'y': 2}").unwrap();
    /// let keys: Vec<_> = v.as_dict().unwrap().iter().map(|(k, _)| k.to_string()).collect();
    /// assert_eq!(keys, ["'x'", "'y'"]);
    /// ```
    pub fn iter(&self) -> Iter<'_> {
        let inner = match &self.entries {
            Entries::Small(entries) => IterInner::Small(entries.iter()),
            Entries::Large(map) => IterInner::Large(map.iter()),
        };
        Iter { inner }
    }

    /// The keys in insertion order.
    ///
    /// ```
    /// let v = safelit::parse("{1: None, 2: None}").unwrap();
    /// assert_eq!(v.as_dict().unwrap().keys().count(), 2);
    /// ```
    pub fn keys(&self) -> Keys<'_> {
        Keys { inner: self.iter() }
    }

    /// The values in insertion order.
    ///
    /// ```
    /// let v = safelit::parse("{1: 10, 2: 20}").unwrap();
    /// let sum: i64 = v.as_dict().unwrap().values().filter_map(|v| v.as_int()?.to_i64()).sum();
    /// assert_eq!(sum, 30);
    /// ```
    pub fn values(&self) -> Values<'_> {
        Values { inner: self.iter() }
    }

    /// Mutable references to the values, in insertion order.
    ///
    /// ```
    /// use safelit::Value;
    /// let mut d = safelit::parse("{1: 10}").unwrap().into_dict().unwrap();
    /// for v in d.values_mut() { *v = Value::None; }
    /// assert_eq!(d.to_string(), "{1: None}");
    /// ```
    pub fn values_mut(&mut self) -> ValuesMut<'_> {
        let inner = match &mut self.entries {
            Entries::Small(entries) => ValuesMutInner::Small(entries.iter_mut()),
            Entries::Large(map) => ValuesMutInner::Large(map.values_mut()),
        };
        ValuesMut { inner }
    }

    /// Appends an entry whose key is known to be hashable and absent.
    pub(super) fn push_unique(&mut self, key: Key, value: Value) {
        match &mut self.entries {
            Entries::Small(entries) if entries.len() < SMALL => {
                // Room for all of a small dict's entries from the start:
                // most dicts in data are small records, and a regrowth costs
                // more than the unused room (measured on the corpus).
                if entries.capacity() == 0 {
                    entries.reserve_exact(SMALL);
                }
                entries.push((key, value));
            }
            Entries::Small(entries) => {
                let entries = std::mem::take(entries);
                let capacity = 2 * entries.len();
                self.entries = large(entries, capacity);
                self.push_unique(key, value);
            }
            Entries::Large(map) => {
                map.insert(key, value);
            }
        }
    }
}

/// Iterator over the entries of a [`Dict`], in insertion order.
///
/// ```
/// let v = safelit::parse("{1: 2}").unwrap();
/// let mut it = v.as_dict().unwrap().iter();
/// assert!(it.next().is_some());
/// assert!(it.next().is_none());
/// ```
#[derive(Clone, Debug)]
pub struct Iter<'a> {
    inner: IterInner<'a>,
}

/// The iterator of a small or a large dict.
#[derive(Clone, Debug)]
enum IterInner<'a> {
    Small(std::slice::Iter<'a, (Key, Value)>),
    Large(indexmap::map::Iter<'a, Key, Value>),
}

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a Value, &'a Value);

    fn next(&mut self) -> Option<(&'a Value, &'a Value)> {
        match &mut self.inner {
            IterInner::Small(it) => it.next().map(|(k, v)| (&k.0, v)),
            IterInner::Large(it) => it.next().map(|(k, v)| (&k.0, v)),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = match &self.inner {
            IterInner::Small(it) => it.len(),
            IterInner::Large(it) => it.len(),
        };
        (n, Some(n))
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        match &mut self.inner {
            IterInner::Small(it) => it.next_back().map(|(k, v)| (&k.0, v)),
            IterInner::Large(it) => it.next_back().map(|(k, v)| (&k.0, v)),
        }
    }
}

impl ExactSizeIterator for Iter<'_> {}
impl FusedIterator for Iter<'_> {}

/// Iterator over the keys of a [`Dict`], in insertion order.
///
/// ```
/// let v = safelit::parse("{1: 2}").unwrap();
/// assert_eq!(v.as_dict().unwrap().keys().next().unwrap().to_string(), "1");
/// ```
#[derive(Clone, Debug)]
pub struct Keys<'a> {
    inner: Iter<'a>,
}

impl<'a> Iterator for Keys<'a> {
    type Item = &'a Value;

    fn next(&mut self) -> Option<&'a Value> {
        self.inner.next().map(|(k, _)| k)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl DoubleEndedIterator for Keys<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.inner.next_back().map(|(k, _)| k)
    }
}

impl ExactSizeIterator for Keys<'_> {}
impl FusedIterator for Keys<'_> {}

/// Iterator over the values of a [`Dict`], in insertion order.
///
/// ```
/// let v = safelit::parse("{1: 2}").unwrap();
/// assert_eq!(v.as_dict().unwrap().values().next().unwrap().to_string(), "2");
/// ```
#[derive(Clone, Debug)]
pub struct Values<'a> {
    inner: Iter<'a>,
}

impl<'a> Iterator for Values<'a> {
    type Item = &'a Value;

    fn next(&mut self) -> Option<&'a Value> {
        self.inner.next().map(|(_, v)| v)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl DoubleEndedIterator for Values<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.inner.next_back().map(|(_, v)| v)
    }
}

impl ExactSizeIterator for Values<'_> {}
impl FusedIterator for Values<'_> {}

/// Iterator over mutable references to the values of a [`Dict`].
///
/// ```
/// let mut d = safelit::parse("{1: 2}").unwrap().into_dict().unwrap();
/// assert_eq!(d.values_mut().count(), 1);
/// ```
#[derive(Debug)]
pub struct ValuesMut<'a> {
    inner: ValuesMutInner<'a>,
}

/// The value iterator of a small or a large dict.
#[derive(Debug)]
enum ValuesMutInner<'a> {
    Small(std::slice::IterMut<'a, (Key, Value)>),
    Large(indexmap::map::ValuesMut<'a, Key, Value>),
}

impl<'a> Iterator for ValuesMut<'a> {
    type Item = &'a mut Value;

    fn next(&mut self) -> Option<&'a mut Value> {
        match &mut self.inner {
            ValuesMutInner::Small(it) => it.next().map(|(_, v)| v),
            ValuesMutInner::Large(it) => it.next(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = match &self.inner {
            ValuesMutInner::Small(it) => it.len(),
            ValuesMutInner::Large(it) => it.len(),
        };
        (n, Some(n))
    }
}

impl DoubleEndedIterator for ValuesMut<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        match &mut self.inner {
            ValuesMutInner::Small(it) => it.next_back().map(|(_, v)| v),
            ValuesMutInner::Large(it) => it.next_back(),
        }
    }
}

impl ExactSizeIterator for ValuesMut<'_> {}
impl FusedIterator for ValuesMut<'_> {}

/// Owning iterator over the entries of a [`Dict`], in insertion order.
///
/// ```
/// let d = safelit::parse("{1: 2}").unwrap().into_dict().unwrap();
/// let pairs: Vec<_> = d.into_iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
/// assert_eq!(pairs, [("1".to_string(), "2".to_string())]);
/// ```
#[derive(Debug)]
pub struct IntoIter {
    inner: IntoIterInner,
}

/// The owning iterator of a small or a large dict.
#[derive(Debug)]
enum IntoIterInner {
    Small(std::vec::IntoIter<(Key, Value)>),
    Large(indexmap::map::IntoIter<Key, Value>),
}

impl Iterator for IntoIter {
    type Item = (Value, Value);

    fn next(&mut self) -> Option<(Value, Value)> {
        match &mut self.inner {
            IntoIterInner::Small(it) => it.next().map(|(k, v)| (k.0, v)),
            IntoIterInner::Large(it) => it.next().map(|(k, v)| (k.0, v)),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = match &self.inner {
            IntoIterInner::Small(it) => it.len(),
            IntoIterInner::Large(it) => it.len(),
        };
        (n, Some(n))
    }
}

impl DoubleEndedIterator for IntoIter {
    fn next_back(&mut self) -> Option<Self::Item> {
        match &mut self.inner {
            IntoIterInner::Small(it) => it.next_back().map(|(k, v)| (k.0, v)),
            IntoIterInner::Large(it) => it.next_back().map(|(k, v)| (k.0, v)),
        }
    }
}

impl ExactSizeIterator for IntoIter {}
impl FusedIterator for IntoIter {}

impl IntoIterator for Dict {
    type Item = (Value, Value);
    type IntoIter = IntoIter;

    fn into_iter(self) -> IntoIter {
        let inner = match self.entries {
            Entries::Small(entries) => IntoIterInner::Small(entries.into_iter()),
            Entries::Large(map) => IntoIterInner::Large(map.into_iter()),
        };
        IntoIter { inner }
    }
}

impl<'a> IntoIterator for &'a Dict {
    type Item = (&'a Value, &'a Value);
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

/// Deep copy; iterative, so any nesting depth is fine.
impl Clone for Dict {
    fn clone(&self) -> Dict {
        super::tree::clone_dict(self)
    }
}

/// Python `==`: same keys (by Python equality) mapping to equal values;
/// order is ignored. Iterative.
impl PartialEq for Dict {
    fn eq(&self, other: &Dict) -> bool {
        super::eq::dicts_eq(self, other)
    }
}

/// Python's `repr()`: `{1: 'a', (2, 3): [4]}`.
impl fmt::Debug for Dict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        super::repr::write_dict(f, self)
    }
}

/// Python's `repr()`, same as `Debug`.
impl fmt::Display for Dict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        super::repr::write_dict(f, self)
    }
}
