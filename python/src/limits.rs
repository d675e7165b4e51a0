//! The keyword arguments `max_depth`, `max_int_digits`, `max_input_bytes`
//! and `max_nodes`, read into [`Limits`].

use pyo3::exceptions::{PyOverflowError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use safelit::{ErrorKind, LimitKind, Limits};

/// The limits for one call: each given argument, else CPython's default.
///
/// Without `max_int_digits`, the interpreter's `sys.get_int_max_str_digits()`
/// applies (so `sys.set_int_max_str_digits()` acts as it does on
/// `ast.literal_eval`), but calling it costs a tenth of a small parse, so
/// the parse first runs under [`PROVISIONAL_INT_DIGITS`], which no setting
/// can go below; only a parse that trips it is run again under the
/// interpreter's limit ([`CallLimits::int_digits_pending`]).
pub(crate) fn from_args(
    max_depth: Option<&Bound<'_, PyAny>>,
    max_int_digits: Option<&Bound<'_, PyAny>>,
    max_input_bytes: Option<&Bound<'_, PyAny>>,
    max_nodes: Option<&Bound<'_, PyAny>>,
) -> PyResult<CallLimits> {
    let default = Limits::default();
    // Read in the order of the signature, so the first bad one is reported.
    let max_depth = read("max_depth", max_depth)?;
    let int_digits = read("max_int_digits", max_int_digits)?;
    let limits = Limits {
        max_depth: max_depth.unwrap_or(default.max_depth),
        max_int_digits: int_digits.unwrap_or(PROVISIONAL_INT_DIGITS),
        max_input_bytes: read("max_input_bytes", max_input_bytes)?
            .unwrap_or(default.max_input_bytes),
        max_nodes: read("max_nodes", max_nodes)?.unwrap_or(default.max_nodes),
    };
    Ok(CallLimits {
        limits,
        provisional_int_digits: int_digits.is_none(),
    })
}

/// The limits of one call.
pub(crate) struct CallLimits {
    /// The limits to parse under first.
    pub(crate) limits: Limits,
    /// `max_int_digits` is [`PROVISIONAL_INT_DIGITS`], standing in for the
    /// interpreter's limit.
    pub(crate) provisional_int_digits: bool,
}

impl CallLimits {
    /// Whether `outcome` is the provisional digit limit tripping, so the
    /// interpreter's own limit must decide: an error for a decimal int
    /// literal of over [`PROVISIONAL_INT_DIGITS`] digits when the caller
    /// gave no `max_int_digits`. Every other outcome is the one the
    /// interpreter's limit gives too, as that limit only ever allows more.
    pub(crate) fn int_digits_pending<T>(&self, outcome: &Result<T, crate::Failure>) -> bool {
        self.provisional_int_digits
            && matches!(
                outcome,
                Err(crate::Failure::Parse(err))
                    if err.kind() == ErrorKind::Limit(LimitKind::IntDigits)
            )
    }

    /// The limits with `max_int_digits` set to the interpreter's limit.
    pub(crate) fn with_interpreter_int_digits(&self, py: Python<'_>) -> PyResult<Limits> {
        Ok(Limits {
            max_int_digits: interpreter_int_max_str_digits(py)?,
            ..self.limits.clone()
        })
    }
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

/// The lowest limit `sys.set_int_max_str_digits()` accepts besides `0`
/// (unlimited): CPython's `_PY_LONG_MAX_STR_DIGITS_THRESHOLD`. A literal
/// within it is within the interpreter's limit whatever that is.
const PROVISIONAL_INT_DIGITS: usize = 640;

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
