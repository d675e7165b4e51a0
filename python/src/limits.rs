//! The keyword arguments `max_depth`, `max_int_digits`, `max_input_bytes`
//! and `max_nodes`, read into [`Limits`].

use pyo3::exceptions::{PyOverflowError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use safelit::Limits;

/// The limits for one call: each given argument, else CPython's default
/// (`max_int_digits` is read from `sys.get_int_max_str_digits()` now, so
/// `sys.set_int_max_str_digits()` applies as it does to `ast.literal_eval`).
pub(crate) fn from_args(
    py: Python<'_>,
    max_depth: Option<&Bound<'_, PyAny>>,
    max_int_digits: Option<&Bound<'_, PyAny>>,
    max_input_bytes: Option<&Bound<'_, PyAny>>,
    max_nodes: Option<&Bound<'_, PyAny>>,
) -> PyResult<Limits> {
    let default = Limits::default();
    Ok(Limits {
        max_depth: read("max_depth", max_depth)?.unwrap_or(default.max_depth),
        max_int_digits: match read("max_int_digits", max_int_digits)? {
            Some(n) => n,
            None => interpreter_int_max_str_digits(py)?,
        },
        max_input_bytes: read("max_input_bytes", max_input_bytes)?
            .unwrap_or(default.max_input_bytes),
        max_nodes: read("max_nodes", max_nodes)?.unwrap_or(default.max_nodes),
    })
}

/// One limit argument: `None`, or a non-negative int (values beyond the
/// address space mean "unlimited").
fn read(name: &str, arg: Option<&Bound<'_, PyAny>>) -> PyResult<Option<usize>> {
    let Some(arg) = arg.filter(|a| !a.is_none()) else {
        return Ok(None);
    };
    match arg.extract::<usize>() {
        Ok(n) => Ok(Some(n)),
        Err(err) if err.is_instance_of::<PyOverflowError>(arg.py()) => {
            if arg.lt(0)? {
                Err(PyValueError::new_err(format!(
                    "{name} must be a non-negative int or None"
                )))
            } else {
                Ok(Some(usize::MAX))
            }
        }
        Err(err) => Err(err),
    }
}

/// `sys.get_int_max_str_digits()`; `0` (unlimited) on interpreters that
/// predate the limit.
fn interpreter_int_max_str_digits(py: Python<'_>) -> PyResult<usize> {
    static GETTER: PyOnceLock<Option<Py<PyAny>>> = PyOnceLock::new();
    let getter = GETTER.get_or_try_init(py, || -> PyResult<_> {
        let sys = py.import("sys")?;
        Ok(sys
            .getattr("get_int_max_str_digits")
            .ok()
            .map(Bound::unbind))
    })?;
    match getter {
        Some(f) => f.call0(py)?.extract(py),
        None => Ok(0),
    }
}
