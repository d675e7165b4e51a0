//! `Set`: an insertion-ordered set with Python element semantics.

use super::hash::{check_hashable, Key, KeyRef};
use super::{Unhashable, Value};
use indexmap::IndexSet;
use std::collections::hash_map::RandomState;
use std::fmt;
use std::iter::FusedIterator;

type Inner = IndexSet<Key, RandomState>;

/// A Python `set`, kept in insertion order (which is also the order `Display`
/// prints; CPython's own order depends on hashes).
///
/// Elements must be hashable. Python-equal elements are one element
/// (`1`, `1.0`, `True`): the first one inserted is kept.
///
/// ```
/// use safelit::{Set, Value};
/// let mut s = Set::new();
/// assert!(s.insert(Value::Bool(true)).unwrap());
/// assert!(!s.insert(Value::from(1)).unwrap());
/// assert_eq!(s.to_string(), "{True}");
/// assert!(s.contains(&Value::Float(1.0)));
/// assert_eq!(Set::new().to_string(), "set()");
/// ```
#[derive(Default)]
pub struct Set {
    // `None` while empty: no allocation for `set()`, and a small `Value`.
    set: Option<Box<Inner>>,
}

impl Set {
    /// An empty set.
    ///
    /// ```
    /// assert!(safelit::Set::new().is_empty());
    /// ```
    pub fn new() -> Set {
        Set { set: None }
    }

    /// An empty set with room for `capacity` elements.
    ///
    /// ```
    /// assert_eq!(safelit::Set::with_capacity(4).len(), 0);
    /// ```
    pub fn with_capacity(capacity: usize) -> Set {
        if capacity == 0 {
            return Set::new();
        }
        Set {
            set: Some(Box::new(Inner::with_capacity_and_hasher(
                capacity,
                RandomState::new(),
            ))),
        }
    }

    /// Number of elements.
    ///
    /// ```
    /// let v = safelit::parse("{1, True, 1.0, 2}").unwrap();
    /// assert_eq!(v.as_set().unwrap().len(), 2);
    /// ```
    pub fn len(&self) -> usize {
        self.set.as_ref().map_or(0, |s| s.len())
    }

    /// Whether the set has no elements.
    ///
    /// ```
    /// assert!(safelit::parse("set()").unwrap().as_set().unwrap().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Python's `s.add(item)`: returns `true` if `item` was added, `false`
    /// if an equal element was already present (that element is kept).
    /// Fails, leaving the set unchanged, when `item` is unhashable.
    ///
    /// ```
    /// use safelit::{Set, Value};
    /// let mut s = Set::new();
    /// assert!(s.insert(Value::Float(0.0)).unwrap());
    /// assert!(!s.insert(Value::Float(-0.0)).unwrap());
    /// assert!(!s.insert(Value::Bool(false)).unwrap());
    /// assert_eq!(s.to_string(), "{0.0}");
    /// assert_eq!(s.insert(Value::Dict(Default::default())).unwrap_err().type_name(), "dict");
    /// ```
    pub fn insert(&mut self, item: Value) -> Result<bool, Unhashable> {
        check_hashable(&item)?;
        let set = self
            .set
            .get_or_insert_with(|| Box::new(Inner::with_hasher(RandomState::new())));
        // `IndexSet::insert` keeps the existing element and its position.
        Ok(set.insert(Key(item)))
    }

    /// Whether an element equal to `item` is present (`false` for an
    /// unhashable `item`).
    ///
    /// ```
    /// use safelit::Value;
    /// let v = safelit::parse("{1, 2}").unwrap();
    /// assert!(v.as_set().unwrap().contains(&Value::from(2.0)));
    /// ```
    pub fn contains(&self, item: &Value) -> bool {
        self.get(item).is_some()
    }

    /// The stored element equal to `item`, if any.
    ///
    /// ```
    /// use safelit::{Set, Value};
    /// let mut s = Set::new();
    /// s.insert(Value::Float(2.0)).unwrap();
    /// assert_eq!(s.get(&Value::from(2)).unwrap().type_name(), "float");
    /// ```
    pub fn get(&self, item: &Value) -> Option<&Value> {
        let set = self.set.as_ref()?;
        check_hashable(item).ok()?;
        set.get(&KeyRef(item)).map(|k| &k.0)
    }

    /// [`Set::get`] for an item known to be hashable (an element of another set).
    pub(super) fn get_hashable(&self, item: &Value) -> Option<&Value> {
        self.set.as_ref()?.get(&KeyRef(item)).map(|k| &k.0)
    }

    /// The element at position `index` in insertion order.
    ///
    /// ```
    /// let v = safelit::parse("{'b', 'a'}").unwrap();
    /// assert_eq!(v.as_set().unwrap().get_index(0).unwrap().as_str(), Some("b"));
    /// ```
    pub fn get_index(&self, index: usize) -> Option<&Value> {
        self.set.as_ref()?.get_index(index).map(|k| &k.0)
    }

    /// The elements in insertion order.
    ///
    /// ```
    /// let v = safelit::parse("{3, 1, 2}").unwrap();
    /// let items: Vec<String> = v.as_set().unwrap().iter().map(|x| x.to_string()).collect();
    /// assert_eq!(items, ["3", "1", "2"]);
    /// ```
    pub fn iter(&self) -> Iter<'_> {
        Iter {
            inner: self.set.as_ref().map(|s| s.iter()),
        }
    }
}

/// Iterator over the elements of a [`Set`], in insertion order.
///
/// ```
/// let v = safelit::parse("{1}").unwrap();
/// assert_eq!(v.as_set().unwrap().iter().count(), 1);
/// ```
#[derive(Clone, Debug)]
pub struct Iter<'a> {
    inner: Option<indexmap::set::Iter<'a, Key>>,
}

impl<'a> Iterator for Iter<'a> {
    type Item = &'a Value;

    fn next(&mut self) -> Option<&'a Value> {
        self.inner.as_mut()?.next().map(|k| &k.0)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.inner.as_ref().map_or(0, |i| i.len());
        (n, Some(n))
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.inner.as_mut()?.next_back().map(|k| &k.0)
    }
}

impl ExactSizeIterator for Iter<'_> {}
impl FusedIterator for Iter<'_> {}

/// Owning iterator over the elements of a [`Set`], in insertion order.
///
/// ```
/// let s = safelit::parse("{1, 2}").unwrap().into_set().unwrap();
/// assert_eq!(s.into_iter().count(), 2);
/// ```
#[derive(Debug)]
pub struct IntoIter {
    inner: Option<indexmap::set::IntoIter<Key>>,
}

impl Iterator for IntoIter {
    type Item = Value;

    fn next(&mut self) -> Option<Value> {
        self.inner.as_mut()?.next().map(|k| k.0)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.inner.as_ref().map_or(0, |i| i.len());
        (n, Some(n))
    }
}

impl DoubleEndedIterator for IntoIter {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.inner.as_mut()?.next_back().map(|k| k.0)
    }
}

impl ExactSizeIterator for IntoIter {}
impl FusedIterator for IntoIter {}

impl IntoIterator for Set {
    type Item = Value;
    type IntoIter = IntoIter;

    fn into_iter(mut self) -> IntoIter {
        IntoIter {
            inner: self.set.take().map(|s| s.into_iter()),
        }
    }
}

impl<'a> IntoIterator for &'a Set {
    type Item = &'a Value;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

/// Deep copy. Elements are hashable, so they hold no lists, dicts or sets;
/// each element is copied by the iterative `Value::clone`, and the hash
/// table is copied as is.
impl Clone for Set {
    fn clone(&self) -> Set {
        Set {
            set: self.set.clone(),
        }
    }
}

/// Python `==`: the same elements (by Python equality), order ignored.
impl PartialEq for Set {
    fn eq(&self, other: &Set) -> bool {
        self.len() == other.len() && self.iter().all(|item| other.get_hashable(item).is_some())
    }
}

/// Python's `repr()` with elements in insertion order: `{1, 2}`, `set()`.
impl fmt::Debug for Set {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        super::repr::write_set(f, self)
    }
}

/// Python's `repr()`, same as `Debug`.
impl fmt::Display for Set {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        super::repr::write_set(f, self)
    }
}
