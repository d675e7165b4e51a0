//! `safelit._safelit`: the Python extension module of safelit.
//!
//! A thin layer over the `safelit` crate: it reads the arguments, runs the
//! parser with the running interpreter's version and limits, and turns the
//! outcome into Python objects ([`builder`], [`convert`]), warnings
//! ([`warnings`]) and exceptions ([`errors`]). The exception classes
//! themselves are defined in Python (`safelit/_errors.py`).
//!
//! Small inputs are built straight into Python objects while parsing. Large
//! ones are parsed into a [`safelit::Value`] with the GIL released, then
//! converted, so other Python threads run during the parse.

#![deny(unsafe_code)]
#![warn(missing_docs)]

mod builder;
mod convert;
mod errors;
mod limits;
mod warnings;

use pyo3::prelude::*;
use pyo3::types::PyString;
use safelit::{Parser, PythonVersion, ValueBuilder};

/// Inputs of at least this many bytes are parsed with the GIL released.
///
/// Building Python objects while parsing costs about 25-40% less CPU than
/// parsing into a `Value` and converting it (measured from 70 bytes to
/// 2 MB), but holds the GIL throughout: about 4 ms at 64 KiB, close to
/// Python's default thread switch interval (5 ms). Above that, the parse
/// (roughly half the time) runs with the GIL released.
const DETACH_THRESHOLD: usize = 64 * 1024;

/// `literal_eval(node_or_string, /, *, max_depth=None, max_int_digits=None,
/// max_input_bytes=None, max_nodes=None)`: see `safelit/_safelit.pyi`.
#[pyfunction]
#[pyo3(signature = (
    node_or_string, /, *, max_depth=None, max_int_digits=None, max_input_bytes=None, max_nodes=None
))]
fn literal_eval<'py>(
    py: Python<'py>,
    node_or_string: &Bound<'py, PyAny>,
    max_depth: Option<&Bound<'py, PyAny>>,
    max_int_digits: Option<&Bound<'py, PyAny>>,
    max_input_bytes: Option<&Bound<'py, PyAny>>,
    max_nodes: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let limits = limits::from_args(py, max_depth, max_int_digits, max_input_bytes, max_nodes)?;
    let Ok(string) = node_or_string.cast::<PyString>() else {
        return errors::delegate(py, node_or_string);
    };
    let Ok(text) = string.to_str() else {
        // A lone surrogate: CPython fails to encode the source to UTF-8.
        return Err(errors::encode_error(py, string));
    };
    let version = python_version(py);
    let parser = Parser::new().with_limits(limits).with_python(version);
    let outcome: Result<_, Failure> = if text.len() >= DETACH_THRESHOLD {
        match py.detach(|| parser.parse_into(text, &mut ValueBuilder)) {
            Ok((value, found)) => convert::to_python(py, value)
                .map(|value| (value, found))
                .map_err(Failure::Python),
            Err(err) => Err(Failure::Parse(err)),
        }
    } else {
        let mut builder = builder::PyBuilder::new(py);
        let outcome = parser.parse_into(text, &mut builder);
        match builder.take_error() {
            Some(err) => Err(Failure::Python(err)),
            None => outcome.map_err(Failure::Parse),
        }
    };
    match outcome {
        Ok((value, found)) => {
            warnings::emit(py, text, &found, version)?;
            Ok(value)
        }
        Err(Failure::Python(err)) => Err(err),
        Err(Failure::Parse(err)) => {
            warnings::replay_for_error(py, text, &err)?;
            Err(errors::to_python(py, text, &err))
        }
    }
}

/// Why a parse gave no value: a parse error, or a Python exception raised
/// while building the result.
enum Failure {
    Parse(safelit::Error),
    Python(PyErr),
}

/// The CPython version to follow: the running interpreter's (3.11 rules for
/// older interpreters, 3.13 rules for newer ones).
fn python_version(py: Python<'_>) -> PythonVersion {
    let info = py.version_info();
    PythonVersion::from_minor(u32::from(info.major), u32::from(info.minor))
}

/// `"3.11"`, `"3.12"` or `"3.13"`: the CPython version whose rules apply.
fn version_name(version: PythonVersion) -> &'static str {
    match version {
        PythonVersion::V3_12 => "3.12",
        PythonVersion::V3_13 => "3.13",
        _ => "3.11",
    }
}

/// The module `safelit._safelit`.
#[pymodule]
fn _safelit(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(literal_eval, m)?)?;
    m.add("PYTHON_VERSION", version_name(python_version(m.py())))?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
