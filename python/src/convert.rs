//! Rust values to Python objects: scalars, and whole [`Value`] trees.

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{
    PyBool, PyBytes, PyComplex, PyDict, PyFloat, PyInt, PyList, PySet, PyString, PyTuple,
};
use safelit::{DictIntoIter, Int, PyStr, SetIntoIter, Value};

/// A Python `int`: directly when it fits in 128 bits, else through
/// `int.from_bytes` (linear time, and exempt from the int digit limit).
pub(crate) fn int<'py>(py: Python<'py>, value: &Int) -> PyResult<Bound<'py, PyAny>> {
    if let Some(small) = value.to_i64() {
        return Ok(small.into_pyobject(py)?.into_any());
    }
    let big = value.to_bigint();
    if let Ok(medium) = i128::try_from(&big) {
        return Ok(medium.into_pyobject(py)?.into_any());
    }
    static FROM_BYTES: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let from_bytes = FROM_BYTES.get_or_try_init(py, || -> PyResult<_> {
        Ok(py.get_type::<PyInt>().getattr("from_bytes")?.unbind())
    })?;
    // `signed` is keyword-only: convert the magnitude, then negate.
    let magnitude = PyBytes::new(py, &big.magnitude().to_bytes_le());
    let object = from_bytes
        .bind(py)
        .call1((magnitude, intern!(py, "little")))?;
    if value.is_negative() {
        object.neg()
    } else {
        Ok(object)
    }
}

/// A Python `str`, lone surrogates included.
pub(crate) fn str<'py>(py: Python<'py>, value: &PyStr) -> PyResult<Bound<'py, PyAny>> {
    match value.as_str() {
        Some(text) => Ok(PyString::new(py, text).into_any()),
        None => {
            // Generalized UTF-8 is what the 'surrogatepass' handler reads.
            let bytes = PyBytes::new(py, value.as_generalized_utf8());
            PyString::from_encoded_object(&bytes, Some(c"utf-8"), Some(c"surrogatepass"))
                .map(Bound::into_any)
        }
    }
}

/// Converts a whole [`Value`] tree, without recursion (the tree may be
/// nested as deeply as `max_depth` allows).
pub(crate) fn to_python(py: Python<'_>, value: Value) -> PyResult<Bound<'_, PyAny>> {
    let mut stack: Vec<Frame<'_>> = Vec::new();
    let mut next = value;
    loop {
        // Convert `next`: a scalar at once, a container by opening a frame.
        let mut done = match open(py, next)? {
            Opened::Scalar(object) => Some(object),
            Opened::Container(frame) => {
                stack.push(frame);
                None
            }
        };
        // Hand finished objects to their parents until one needs another child.
        loop {
            let Some(top) = stack.last_mut() else {
                return Ok(done.unwrap_or_else(|| py.None().into_bound(py)));
            };
            if let Some(object) = done.take() {
                top.items.push(object);
            }
            if let Some(child) = top.children.next() {
                next = child;
                break;
            }
            if let Some(frame) = stack.pop() {
                done = Some(frame.finish(py)?);
            }
        }
    }
}

/// A container being converted: its kind, the children still to convert and
/// those already converted.
struct Frame<'py> {
    kind: Kind,
    children: Children,
    items: Vec<Bound<'py, PyAny>>,
}

#[derive(Clone, Copy)]
enum Kind {
    List,
    Tuple,
    Dict,
    Set,
}

/// The children of a container, in conversion order (a dict yields key,
/// value, key, value, ...).
enum Children {
    Seq(std::vec::IntoIter<Value>),
    Dict(DictIntoIter, Option<Value>),
    Set(SetIntoIter),
}

impl Iterator for Children {
    type Item = Value;

    fn next(&mut self) -> Option<Value> {
        match self {
            Children::Seq(items) => items.next(),
            Children::Dict(entries, pending) => pending.take().or_else(|| {
                entries.next().map(|(key, value)| {
                    *pending = Some(value);
                    key
                })
            }),
            Children::Set(items) => items.next(),
        }
    }
}

enum Opened<'py> {
    Scalar(Bound<'py, PyAny>),
    Container(Frame<'py>),
}

fn open<'py>(py: Python<'py>, value: Value) -> PyResult<Opened<'py>> {
    let frame = |kind, children, len| {
        Ok(Opened::Container(Frame {
            kind,
            children,
            items: Vec::with_capacity(len),
        }))
    };
    let scalar = |object: Bound<'py, PyAny>| Ok(Opened::Scalar(object));
    match &value {
        Value::None => scalar(py.None().into_bound(py)),
        Value::Bool(b) => scalar(PyBool::new(py, *b).to_owned().into_any()),
        Value::Ellipsis => scalar(py.Ellipsis().into_bound(py)),
        Value::Int(i) => scalar(int(py, i)?),
        Value::Float(f) => scalar(PyFloat::new(py, *f).into_any()),
        Value::Complex(c) => scalar(PyComplex::from_doubles(py, c.re, c.im).into_any()),
        Value::Str(s) => scalar(str(py, s)?),
        Value::Bytes(b) => scalar(PyBytes::new(py, b).into_any()),
        Value::List(items) | Value::Tuple(items) => {
            let (kind, len) = (
                if matches!(value, Value::List(_)) {
                    Kind::List
                } else {
                    Kind::Tuple
                },
                items.len(),
            );
            let items = match kind {
                Kind::List => value.into_list(),
                _ => value.into_tuple(),
            }
            .unwrap_or_default();
            frame(kind, Children::Seq(items.into_iter()), len)
        }
        Value::Dict(d) => {
            let len = 2 * d.len();
            let dict = value.into_dict().unwrap_or_default();
            frame(Kind::Dict, Children::Dict(dict.into_iter(), None), len)
        }
        Value::Set(s) => {
            let len = s.len();
            let set = value.into_set().unwrap_or_default();
            frame(Kind::Set, Children::Set(set.into_iter()), len)
        }
    }
}

impl<'py> Frame<'py> {
    /// Builds the container from its converted children. Keys and elements
    /// are hashable and already deduplicated with Python semantics by the
    /// parser, so the inserts below only repeat what the parser decided.
    fn finish(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self.kind {
            Kind::List => Ok(PyList::new(py, self.items)?.into_any()),
            Kind::Tuple => Ok(PyTuple::new(py, self.items)?.into_any()),
            Kind::Dict => {
                let dict = PyDict::new(py);
                let mut items = self.items.into_iter();
                while let (Some(key), Some(value)) = (items.next(), items.next()) {
                    dict.set_item(key, value)?;
                }
                Ok(dict.into_any())
            }
            Kind::Set => {
                let set = PySet::empty(py)?;
                for item in self.items {
                    set.add(item)?;
                }
                Ok(set.into_any())
            }
        }
    }
}
