//! `Dict`: an insertion-ordered dict with Python key semantics.

use super::hash::{check_hashable, Key, KeyRef};
use super::{Unhashable, Value};
use indexmap::IndexMap;
use std::collections::hash_map::RandomState;
use std::fmt;
use std::iter::FusedIterator;

pub(super) type Map = IndexMap<Key, Value, RandomState>;

/// The capacity a dict gets on its first insertion.
const FIRST_CAPACITY: usize = 4;

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
    // `None` while empty: no allocation for `{}`, and a small `Value`.
    map: Option<Box<Map>>,
}

impl Dict {
    /// An empty dict.
    ///
    /// ```
    /// assert!(safelit::Dict::new().is_empty());
    /// ```
    pub fn new() -> Dict {
        Dict { map: None }
    }

    /// An empty dict with room for `capacity` entries.
    ///
    /// ```
    /// let d = safelit::Dict::with_capacity(8);
    /// assert_eq!(d.len(), 0);
    /// ```
    pub fn with_capacity(capacity: usize) -> Dict {
        if capacity == 0 {
            return Dict::new();
        }
        Dict {
            map: Some(Box::new(Map::with_capacity_and_hasher(
                capacity,
                RandomState::new(),
            ))),
        }
    }

    /// An empty dict whose hasher is a clone of `self`'s.
    pub(super) fn empty_like(&self) -> Dict {
        match &self.map {
            None => Dict::new(),
            Some(m) => Dict {
                map: Some(Box::new(Map::with_capacity_and_hasher(
                    m.len(),
                    m.hasher().clone(),
                ))),
            },
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
        self.map.as_ref().map_or(0, |m| m.len())
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
        // Room for a few entries from the start: most dicts in data are
        // small records, and this spares them the first regrowth.
        let map = self.map.get_or_insert_with(|| {
            Box::new(Map::with_capacity_and_hasher(
                FIRST_CAPACITY,
                RandomState::new(),
            ))
        });
        // `IndexMap::insert` keeps the existing key and its position.
        Ok(map.insert(Key(key), value))
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
        let map = self.map.as_ref()?;
        check_hashable(key).ok()?;
        map.get(&KeyRef(key))
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
        let map = self.map.as_ref()?;
        check_hashable(key).ok()?;
        map.get_key_value(&KeyRef(key)).map(|(k, v)| (&k.0, v))
    }

    /// [`Dict::get`] for a key known to be hashable (a key of another dict).
    pub(super) fn get_hashable(&self, key: &Value) -> Option<&Value> {
        self.map.as_ref()?.get(&KeyRef(key))
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
        let map = self.map.as_mut()?;
        check_hashable(key).ok()?;
        map.get_mut(&KeyRef(key))
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
        let map = self.map.as_ref()?;
        map.get_index(index).map(|(k, v)| (&k.0, v))
    }

    /// The entries in insertion order.
    ///
    /// ```
    /// let v = safelit::parse("{'x': 1, 'y': 2}").unwrap();
    /// let keys: Vec<_> = v.as_dict().unwrap().iter().map(|(k, _)| k.to_string()).collect();
    /// assert_eq!(keys, ["'x'", "'y'"]);
    /// ```
    pub fn iter(&self) -> Iter<'_> {
        Iter {
            inner: self.map.as_ref().map(|m| m.iter()),
        }
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
        ValuesMut {
            inner: self.map.as_mut().map(|m| m.values_mut()),
        }
    }

    /// Appends an entry whose key is known to be hashable and absent.
    pub(super) fn push_unique(&mut self, key: Key, value: Value) {
        let map = self
            .map
            .get_or_insert_with(|| Box::new(Map::with_hasher(RandomState::new())));
        map.insert(key, value);
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
    inner: Option<indexmap::map::Iter<'a, Key, Value>>,
}

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a Value, &'a Value);

    fn next(&mut self) -> Option<(&'a Value, &'a Value)> {
        self.inner.as_mut()?.next().map(|(k, v)| (&k.0, v))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.inner.as_ref().map_or(0, |i| i.len());
        (n, Some(n))
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.inner.as_mut()?.next_back().map(|(k, v)| (&k.0, v))
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
    inner: Option<indexmap::map::ValuesMut<'a, Key, Value>>,
}

impl<'a> Iterator for ValuesMut<'a> {
    type Item = &'a mut Value;

    fn next(&mut self) -> Option<&'a mut Value> {
        self.inner.as_mut()?.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.inner.as_ref().map_or(0, |i| i.len());
        (n, Some(n))
    }
}

impl DoubleEndedIterator for ValuesMut<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.inner.as_mut()?.next_back()
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
    inner: Option<indexmap::map::IntoIter<Key, Value>>,
}

impl Iterator for IntoIter {
    type Item = (Value, Value);

    fn next(&mut self) -> Option<(Value, Value)> {
        self.inner.as_mut()?.next().map(|(k, v)| (k.0, v))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.inner.as_ref().map_or(0, |i| i.len());
        (n, Some(n))
    }
}

impl DoubleEndedIterator for IntoIter {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.inner.as_mut()?.next_back().map(|(k, v)| (k.0, v))
    }
}

impl ExactSizeIterator for IntoIter {}
impl FusedIterator for IntoIter {}

impl IntoIterator for Dict {
    type Item = (Value, Value);
    type IntoIter = IntoIter;

    fn into_iter(mut self) -> IntoIter {
        IntoIter {
            inner: self.map.take().map(|m| m.into_iter()),
        }
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
