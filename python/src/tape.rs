//! [`TapeBuilder`]: records a parse as a flat tape without the GIL, for
//! [`Tape::into_python`] to turn into Python objects with it.
//!
//! Large inputs are parsed with the GIL released. The parse cannot create
//! Python objects then, so it records what to build, in post-order, on a
//! tape of small fixed-size events (plain strings as ranges of the input,
//! no copy); building the objects afterwards is one loop over the tape.
//! Dicts and sets are filled with `PyDict_SetItem` / `PySet_Add` in the
//! parser's order, so Python's own semantics decide duplicates, as with
//! [`crate::builder::PyBuilder`]. Hashability is tracked while recording
//! (a tuple is hashable when its items are), so unhashable keys fail the
//! parse as they would in CPython.

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyComplex, PyDict, PyFloat, PyList, PySet, PyString, PyTuple};
use safelit::{Builder, Complex, Int, PyStr, Unhashable};

use crate::convert;

/// One recorded value or container end: 12 bytes (64-bit numbers are
/// kept as two halves, so the enum needs only 4-byte alignment), which
/// keeps the tape of a large document small next to its Python objects.
enum Event {
    None,
    Bool(bool),
    Ellipsis,
    Int(Halves),
    Float(Halves),
    /// A `str` that is `input[start..start + len]`.
    Slice(u32, u32),
    /// A dict key that is `input[start..start + len]` (cached).
    Key(u32, u32),
    /// A `str` that is `Tape::text[start..start + len]` (decoded escapes).
    Text(u32, u32),
    /// A `bytes` that is `input[start..start + len]`.
    InputBytes(u32, u32),
    /// A `bytes` that is `Tape::data[start..start + len]` (decoded escapes).
    Bytes(u32, u32),
    /// Anything else, in `Tape::others`.
    Other(u32),
    List(u32),
    Tuple(u32),
    /// A dict of this many pairs (keys and values alternate on the stack).
    Dict(u32),
    Set(u32),
}

/// A 64-bit value as two 32-bit halves.
#[derive(Clone, Copy)]
struct Halves(u32, u32);

impl Halves {
    fn of(bits: u64) -> Halves {
        Halves((bits >> 32) as u32, bits as u32)
    }

    fn bits(self) -> u64 {
        (u64::from(self.0) << 32) | u64::from(self.1)
    }
}

const _: () = assert!(std::mem::size_of::<Event>() == 12);

/// Values that do not fit an [`Event`].
enum Other {
    Int(Int),
    Complex(Complex),
    Str(PyStr),
}

/// The recorded parse.
pub(crate) struct Tape {
    events: Vec<Event>,
    others: Vec<Other>,
    /// The decoded text of strings with escapes, end to end.
    text: String,
    /// The decoded bytes of bytes literals with escapes, end to end.
    data: Vec<u8>,
    /// Set when something could not be recorded (a count over `u32`): the
    /// caller must not use the tape.
    broken: bool,
}

/// A [`Builder`] recording a [`Tape`] of a parse of `input`.
pub(crate) struct TapeBuilder<'s> {
    input: &'s str,
    tape: Tape,
}

/// What the tape keeps of a value: the name of its type if it is unhashable
/// (a tuple takes its first unhashable item's, as Python's `hash` raises).
pub(crate) type Hashability = Option<&'static str>;

impl<'s> TapeBuilder<'s> {
    pub(crate) fn new(input: &'s str) -> Self {
        TapeBuilder {
            input,
            tape: Tape {
                events: Vec::new(),
                others: Vec::new(),
                text: String::new(),
                data: Vec::new(),
                broken: false,
            },
        }
    }

    pub(crate) fn finish(self) -> Tape {
        self.tape
    }

    fn other(&mut self, other: Other) -> Hashability {
        match u32::try_from(self.tape.others.len()) {
            Ok(index) => {
                self.tape.others.push(other);
                self.tape.events.push(Event::Other(index));
            }
            Err(_) => self.tape.broken = true,
        }
        None
    }

    fn count(&mut self, n: usize) -> u32 {
        u32::try_from(n).unwrap_or_else(|_| {
            self.tape.broken = true;
            0
        })
    }

    /// The range of `len` bytes appended to an arena now `end` bytes long.
    fn appended(&mut self, end: usize, len: usize) -> (u32, u32) {
        (self.count(end), self.count(len))
    }

    /// `bytes` as a range of the input, if they are a slice of it.
    fn range(&self, bytes: &[u8]) -> Option<(u32, u32)> {
        let input = self.input.as_bytes();
        let start = (bytes.as_ptr() as usize).checked_sub(input.as_ptr() as usize)?;
        let slice = input.get(start..start + bytes.len())?;
        if slice.as_ptr() != bytes.as_ptr() {
            return None;
        }
        Some((u32::try_from(start).ok()?, u32::try_from(bytes.len()).ok()?))
    }
}

impl Builder for TapeBuilder<'_> {
    type Value = Hashability;
    /// The number of pairs inserted.
    type Dict = usize;
    /// The number of elements added.
    type Set = usize;

    fn none(&mut self) -> Hashability {
        self.tape.events.push(Event::None);
        None
    }

    fn bool(&mut self, value: bool) -> Hashability {
        self.tape.events.push(Event::Bool(value));
        None
    }

    fn ellipsis(&mut self) -> Hashability {
        self.tape.events.push(Event::Ellipsis);
        None
    }

    fn int(&mut self, value: Int) -> Hashability {
        match value.to_i64() {
            Some(small) => {
                self.tape.events.push(Event::Int(Halves::of(small as u64)));
                None
            }
            None => self.other(Other::Int(value)),
        }
    }

    fn float(&mut self, value: f64) -> Hashability {
        self.tape
            .events
            .push(Event::Float(Halves::of(value.to_bits())));
        None
    }

    fn complex(&mut self, value: Complex) -> Hashability {
        self.other(Other::Complex(value))
    }

    fn str(&mut self, value: PyStr) -> Hashability {
        self.other(Other::Str(value))
    }

    fn str_slice(&mut self, text: &str) -> Hashability {
        let event = match self.range(text.as_bytes()) {
            Some((start, len)) => Event::Slice(start, len),
            None => {
                let (start, len) = self.appended(self.tape.text.len(), text.len());
                self.tape.text.push_str(text);
                Event::Text(start, len)
            }
        };
        self.tape.events.push(event);
        None
    }

    fn key_str_slice(&mut self, text: &str) -> Hashability {
        match self.range(text.as_bytes()) {
            Some((start, len)) => {
                self.tape.events.push(Event::Key(start, len));
                None
            }
            None => self.str_slice(text),
        }
    }

    fn bytes(&mut self, value: Vec<u8>) -> Hashability {
        self.bytes_slice(&value)
    }

    fn bytes_slice(&mut self, bytes: &[u8]) -> Hashability {
        let event = match self.range(bytes) {
            Some((start, len)) => Event::InputBytes(start, len),
            None => {
                let (start, len) = self.appended(self.tape.data.len(), bytes.len());
                self.tape.data.extend_from_slice(bytes);
                Event::Bytes(start, len)
            }
        };
        self.tape.events.push(event);
        None
    }

    fn list(&mut self, items: Vec<Hashability>) -> Hashability {
        let n = self.count(items.len());
        self.tape.events.push(Event::List(n));
        Some("list")
    }

    fn tuple(&mut self, items: Vec<Hashability>) -> Hashability {
        let n = self.count(items.len());
        self.tape.events.push(Event::Tuple(n));
        items.into_iter().flatten().next()
    }

    fn dict_new(&mut self) -> usize {
        0
    }

    fn dict_insert(
        &mut self,
        dict: &mut usize,
        key: Hashability,
        _value: Hashability,
    ) -> Result<(), Unhashable> {
        if let Some(name) = key {
            return Err(Unhashable::new(name));
        }
        *dict += 1;
        Ok(())
    }

    fn dict_finish(&mut self, dict: usize) -> Hashability {
        let n = self.count(dict);
        self.tape.events.push(Event::Dict(n));
        Some("dict")
    }

    fn set_new(&mut self) -> usize {
        0
    }

    fn set_add(&mut self, set: &mut usize, item: Hashability) -> Result<(), Unhashable> {
        if let Some(name) = item {
            return Err(Unhashable::new(name));
        }
        *set += 1;
        Ok(())
    }

    fn set_finish(&mut self, set: usize) -> Hashability {
        let n = self.count(set);
        self.tape.events.push(Event::Set(n));
        Some("set")
    }

    fn restart(&mut self) {
        self.tape.events.clear();
        self.tape.others.clear();
        self.tape.text.clear();
        self.tape.data.clear();
        self.tape.broken = false;
    }
}

impl Tape {
    /// Builds the Python object; `Ok(None)` if the tape is not a single
    /// well-formed value (never expected: the caller then converts another
    /// way).
    pub(crate) fn into_python<'py>(
        self,
        py: Python<'py>,
        input: &str,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        if self.broken {
            return Ok(None);
        }
        let mut others: Vec<Option<Other>> = self.others.into_iter().map(Some).collect();
        let mut strings = crate::str_cache::StrCache::acquire();
        let mut stack: Vec<Bound<'py, PyAny>> = Vec::new();
        for event in self.events {
            let object = match event {
                Event::None => py.None().into_bound(py),
                Event::Bool(b) => pyo3::types::PyBool::new(py, b).to_owned().into_any(),
                Event::Ellipsis => py.Ellipsis().into_bound(py),
                Event::Int(i) => (i.bits() as i64).into_pyobject(py)?.into_any(),
                Event::Float(f) => PyFloat::new(py, f64::from_bits(f.bits())).into_any(),
                Event::Slice(start, len) | Event::Key(start, len) => {
                    let start = start as usize;
                    let Some(text) = input.get(start..start + len as usize) else {
                        return Ok(None);
                    };
                    if matches!(event, Event::Key(..)) {
                        strings.key(py, text)
                    } else {
                        strings.value(py, text)
                    }
                }
                Event::Other(index) => {
                    let Some(other) = others.get_mut(index as usize).and_then(Option::take) else {
                        return Ok(None);
                    };
                    match other {
                        Other::Int(i) => convert::int(py, &i)?,
                        Other::Complex(c) => PyComplex::from_doubles(py, c.re, c.im).into_any(),
                        Other::Str(s) => convert::str(py, &s)?,
                    }
                }
                Event::Text(start, len) => {
                    let start = start as usize;
                    let Some(text) = self.text.get(start..start + len as usize) else {
                        return Ok(None);
                    };
                    // Text with escapes: rarely a repeated value.
                    PyString::new(py, text).into_any()
                }
                Event::InputBytes(start, len) | Event::Bytes(start, len) => {
                    let start = start as usize;
                    let source = match event {
                        Event::InputBytes(..) => input.as_bytes(),
                        _ => &self.data,
                    };
                    let Some(bytes) = source.get(start..start + len as usize) else {
                        return Ok(None);
                    };
                    PyBytes::new(py, bytes).into_any()
                }
                Event::List(n) | Event::Tuple(n) | Event::Set(n) => {
                    let Some(at) = stack.len().checked_sub(n as usize) else {
                        return Ok(None);
                    };
                    let items = stack.drain(at..);
                    match event {
                        Event::List(_) => PyList::new(py, items)?.into_any(),
                        Event::Tuple(_) => PyTuple::new(py, items)?.into_any(),
                        _ => {
                            let set = PySet::empty(py)?;
                            for item in items {
                                set.add(item)?;
                            }
                            set.into_any()
                        }
                    }
                }
                Event::Dict(n) => {
                    let Some(at) = stack.len().checked_sub(2 * n as usize) else {
                        return Ok(None);
                    };
                    let dict = PyDict::new(py);
                    let mut items = stack.drain(at..);
                    while let (Some(key), Some(value)) = (items.next(), items.next()) {
                        dict.set_item(key, value)?;
                    }
                    drop(items);
                    dict.into_any()
                }
            };
            stack.push(object);
        }
        Ok(match (stack.pop(), stack.is_empty()) {
            (Some(object), true) => Some(object),
            _ => None,
        })
    }
}
