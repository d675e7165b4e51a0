//! `safelit._safelit`: the Python extension module of safelit.
//!
//! A thin layer over the `safelit` crate: it reads the arguments, runs the
//! parser with the running interpreter's version and limits, and turns the
//! outcome into Python objects ([`builder`], [`convert`]), warnings
//! ([`warnings`]) and exceptions ([`errors`]). The exception classes
//! themselves are defined in Python (`safelit/_errors.py`).
//!
//! Small inputs are built straight into Python objects while parsing. Large
//! ones are parsed with the GIL released into a flat [`tape::Tape`], then
//! built from it, so other Python threads run during the parse.

#![deny(unsafe_code)]
#![warn(missing_docs)]

mod builder;
mod convert;
mod errors;
mod limits;
mod str_cache;
mod tape;
mod warnings;

use pyo3::prelude::*;
use pyo3::types::PyString;
use safelit::{Parser, PythonVersion, ValueBuilder, Warning};

/// Inputs of at least this many bytes are parsed with the GIL released.
///
/// Below it, Python objects are built while parsing ([`builder::PyBuilder`]),
/// holding the GIL for the whole call (about a millisecond at 64 KiB). From
/// it on, the parse runs without the GIL and records a [`tape::Tape`]; the
/// objects are then built from the tape with the GIL, in about the time
/// `json.loads` takes to build the same objects.
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
    let limits = limits::from_args(max_depth, max_int_digits, max_input_bytes, max_nodes)?;
    let Ok(string) = node_or_string.cast::<PyString>() else {
        return errors::delegate(py, node_or_string);
    };
    let Ok(text) = string.to_str() else {
        // A lone surrogate: CPython fails to encode the source to UTF-8.
        return Err(errors::encode_error(py, string));
    };
    let version = python_version(py);
    let parser = Parser::new()
        .with_limits(limits.limits.clone())
        .with_python(version);
    let mut outcome = parse(py, text, &parser);
    if limits.int_digits_pending(&outcome) {
        // Rare: a decimal int literal of over 640 digits.
        let parser = parser.with_limits(limits.with_interpreter_int_digits(py)?);
        outcome = parse(py, text, &parser);
    }
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

/// Parses `text` into Python objects: directly for small inputs, through a
/// tape recorded without the GIL for large ones.
fn parse<'py>(
    py: Python<'py>,
    text: &str,
    parser: &Parser,
) -> Result<(Bound<'py, PyAny>, Vec<Warning>), Failure> {
    if text.len() >= DETACH_THRESHOLD {
        let recorded = py.detach(|| {
            let mut builder = tape::TapeBuilder::new(text);
            parser
                .parse_into(text, &mut builder)
                .map(|(_, found)| (builder.finish(), found))
        });
        match recorded {
            Ok((tape, found)) => match tape.into_python(py, text) {
                Ok(Some(value)) => Ok((value, found)),
                Ok(None) => {
                    // Never expected: convert through a `Value` instead.
                    match py.detach(|| parser.parse_into(text, &mut ValueBuilder)) {
                        Ok((value, found)) => convert::to_python(py, value)
                            .map(|value| (value, found))
                            .map_err(Failure::Python),
                        Err(err) => Err(Failure::Parse(err)),
                    }
                }
                Err(err) => Err(Failure::Python(err)),
            },
            Err(err) => Err(Failure::Parse(err)),
        }
    } else {
        let mut builder = builder::PyBuilder::new(py);
        let outcome = parser.parse_into(text, &mut builder);
        match builder.take_error() {
            Some(err) => Err(Failure::Python(err)),
            None => outcome.map_err(Failure::Parse),
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
    // Read once: `version_info` formats and parses `Py_GetVersion()`, about
    // 2,000 instructions, a tenth of a small call.
    static VERSION: std::sync::OnceLock<PythonVersion> = std::sync::OnceLock::new();
    *VERSION.get_or_init(|| {
        let info = py.version_info();
        PythonVersion::from_minor(u32::from(info.major), u32::from(info.minor))
    })
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
