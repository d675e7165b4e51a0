//! [`PyBuilder`]: builds Python objects directly while parsing.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyComplex, PyDict, PyFloat, PyList, PySet, PyTuple};
use safelit::{Builder, Complex, Int, PyStr, Unhashable};

use crate::convert;
use crate::str_cache::StrCache;

/// A [`Builder`] of Python objects.
///
/// The parser calls it in CPython's conversion order, so dicts and sets get
/// Python's own semantics from `PyDict_SetItem` / `PySet_Add` (first equal
/// key object kept, last value wins). A failing Python call other than an
/// unhashable key is kept in [`PyBuilder::take_error`] and `None` stands in
/// for the value; the caller raises the kept error after the parse.
pub(crate) struct PyBuilder<'py> {
    py: Python<'py>,
    error: Option<PyErr>,
    strings: StrCache,
}

impl<'py> PyBuilder<'py> {
    pub(crate) fn new(py: Python<'py>) -> Self {
        PyBuilder {
            py,
            error: None,
            strings: StrCache::acquire(),
        }
    }

    /// The first Python exception raised while building, if any.
    pub(crate) fn take_error(&mut self) -> Option<PyErr> {
        self.error.take()
    }

    /// The value, or `None` after keeping the error.
    fn ok(&mut self, result: PyResult<Bound<'py, PyAny>>) -> Bound<'py, PyAny> {
        match result {
            Ok(value) => value,
            Err(err) => {
                self.error.get_or_insert(err);
                self.py.None().into_bound(self.py)
            }
        }
    }

    /// Maps a failed insertion: `TypeError: unhashable type: 'T'` becomes
    /// [`Unhashable`]; anything else is kept for the caller.
    fn inserted(&mut self, result: PyResult<()>) -> Result<(), Unhashable> {
        match result {
            Ok(()) => Ok(()),
            Err(err) if err.is_instance_of::<PyTypeError>(self.py) => {
                Err(unhashable(self.py, &err))
            }
            Err(err) => {
                self.error.get_or_insert(err);
                Ok(())
            }
        }
    }
}

/// The [`Unhashable`] for Python's `TypeError: unhashable type: 'T'`.
fn unhashable(py: Python<'_>, err: &PyErr) -> Unhashable {
    let message = err.value(py).to_string();
    let name = message
        .strip_prefix("unhashable type: '")
        .and_then(|rest| rest.strip_suffix('\''))
        .map_or(message.clone(), str::to_owned);
    Unhashable::new(name)
}

impl<'py> Builder for PyBuilder<'py> {
    type Value = Bound<'py, PyAny>;
    type Dict = Bound<'py, PyDict>;
    /// `None` when creating the set failed (the error is kept).
    type Set = Option<Bound<'py, PySet>>;

    fn none(&mut self) -> Self::Value {
        self.py.None().into_bound(self.py)
    }

    fn bool(&mut self, value: bool) -> Self::Value {
        pyo3::types::PyBool::new(self.py, value)
            .to_owned()
            .into_any()
    }

    fn ellipsis(&mut self) -> Self::Value {
        self.py.Ellipsis().into_bound(self.py)
    }

    fn int(&mut self, value: Int) -> Self::Value {
        let int = convert::int(self.py, &value);
        self.ok(int)
    }

    fn float(&mut self, value: f64) -> Self::Value {
        PyFloat::new(self.py, value).into_any()
    }

    fn complex(&mut self, value: Complex) -> Self::Value {
        PyComplex::from_doubles(self.py, value.re, value.im).into_any()
    }

    fn str(&mut self, value: PyStr) -> Self::Value {
        let s = convert::str(self.py, &value);
        self.ok(s)
    }

    fn str_slice(&mut self, text: &str) -> Self::Value {
        self.strings.value(self.py, text)
    }

    fn key_str_slice(&mut self, text: &str) -> Self::Value {
        self.strings.key(self.py, text)
    }

    fn bytes(&mut self, value: Vec<u8>) -> Self::Value {
        PyBytes::new(self.py, &value).into_any()
    }

    fn bytes_slice(&mut self, bytes: &[u8]) -> Self::Value {
        PyBytes::new(self.py, bytes).into_any()
    }

    fn list(&mut self, items: Vec<Self::Value>) -> Self::Value {
        let list = PyList::new(self.py, items).map(Bound::into_any);
        self.ok(list)
    }

    fn tuple(&mut self, items: Vec<Self::Value>) -> Self::Value {
        let tuple = PyTuple::new(self.py, items).map(Bound::into_any);
        self.ok(tuple)
    }

    fn dict_new(&mut self) -> Self::Dict {
        PyDict::new(self.py)
    }

    fn dict_insert(
        &mut self,
        dict: &mut Self::Dict,
        key: Self::Value,
        value: Self::Value,
    ) -> Result<(), Unhashable> {
        let result = dict.set_item(key, value);
        self.inserted(result)
    }

    fn dict_finish(&mut self, dict: Self::Dict) -> Self::Value {
        dict.into_any()
    }

    fn set_new(&mut self) -> Self::Set {
        match PySet::empty(self.py) {
            Ok(set) => Some(set),
            Err(err) => {
                self.error.get_or_insert(err);
                None
            }
        }
    }

    fn set_add(&mut self, set: &mut Self::Set, item: Self::Value) -> Result<(), Unhashable> {
        match set {
            Some(set) => {
                let result = set.add(item);
                self.inserted(result)
            }
            None => Ok(()),
        }
    }

    fn set_finish(&mut self, set: Self::Set) -> Self::Value {
        match set {
            Some(set) => set.into_any(),
            None => self.none(),
        }
    }
}
