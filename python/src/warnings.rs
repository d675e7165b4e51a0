//! CPython's compile-time warnings: invalid escape sequences
//! (`DeprecationWarning` on 3.11, `SyntaxWarning` on 3.12+) and numbers glued
//! to a keyword (`SyntaxWarning`), issued through the `warnings` module so
//! that filters apply; a warning turned into an error by a filter becomes a
//! `SyntaxError`, as in CPython.

use std::ops::Range;

use pyo3::exceptions::{
    PyDeprecationWarning, PyMemoryError, PyRecursionError, PySyntaxError, PySyntaxWarning,
};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{IntoPyDict, PyType};
use safelit::{ErrorKind, PythonVersion, Warning, WarningKind};

use crate::errors::{self, SyntaxPosition, FILENAME};

/// The largest input re-parsed by CPython to replay its warnings for an
/// invalid input (see [`replay_for_error`]).
const REPLAY_MAX_BYTES: usize = 1 << 20;

/// Issues the warnings of a successful parse of `text`, in source order.
///
/// A warning turned into an exception of its category (`-W error`, a filter
/// with action `"error"`) becomes a `SyntaxError` at the string token, as
/// CPython does; any other exception from the warnings machinery propagates.
pub(crate) fn emit(
    py: Python<'_>,
    text: &str,
    found: &[Warning],
    version: PythonVersion,
) -> PyResult<()> {
    if found.is_empty() {
        return Ok(());
    }
    let warn_explicit = warn_explicit(py)?;
    let tokens = string_tokens(text);
    for warning in found {
        let category = category(py, warning.kind(), version);
        // CPython reports the line where the string token starts.
        let index = tokens
            .iter()
            .rposition(|t| t.start <= warning.offset())
            .unwrap_or_default();
        let token = tokens
            .get(index)
            .cloned()
            .unwrap_or(warning.offset()..warning.offset());
        let lineno = errors::line_of(text, token.start);
        let issued = warn_explicit.call1((warning.message(), category.clone(), FILENAME, lineno));
        if let Err(err) = issued {
            if err.is_instance(py, &category) {
                // CPython 3.11 converts a string group once it has read
                // the token after it; 3.12+ converts each string token as
                // soon as it is read.
                let after = if version >= PythonVersion::V3_12 {
                    token.end
                } else {
                    token_after_group(text, &tokens, index)
                };
                let same_line = errors::line_of(text, after) == lineno;
                return Err(warning_error(py, text, warning.message(), token, same_line));
            }
            return Err(err);
        }
    }
    Ok(())
}

/// The `SyntaxError` CPython raises when the warning about the string token
/// `token` is turned into an error.
fn warning_error(
    py: Python<'_>,
    text: &str,
    message: &str,
    token: Range<usize>,
    tokenizer_on_line: bool,
) -> PyErr {
    let position = SyntaxPosition::of_span(text, token, tokenizer_on_line);
    let exception = errors::module(py)
        .and_then(|m| m.getattr("LiteralSyntaxError"))
        .and_then(|cls| cls.call1((message, position.details(py)?)));
    match exception {
        Ok(exception) => PyErr::from_value(exception),
        Err(err) => err,
    }
}

/// Issues the warnings CPython gives for an input that fails to parse.
///
/// The core reports no warnings with an error, but CPython warns about
/// every string and number it read before it stopped (all of them when the
/// input is valid Python but not a literal). When the input could warn at
/// all, CPython's own parser is run on it (`ast.parse`, exactly what
/// `ast.literal_eval` does) so that it issues those warnings itself, through
/// the caller's filters. If a filter turned one into an error, that
/// `SyntaxError` is returned instead of ours. Skipped for tripped limits,
/// for inputs above 1 MiB and before Python 3.11 (whose parser is not
/// protected against deep recursion).
pub(crate) fn replay_for_error(py: Python<'_>, text: &str, err: &safelit::Error) -> PyResult<()> {
    if matches!(err.kind(), ErrorKind::Limit(_))
        || text.len() > REPLAY_MAX_BYTES
        || py.version_info() < (3, 11)
        || !may_warn(text)
    {
        return Ok(());
    }
    let source = &text[errors::stripped_len(text)..];
    let ast = py.import("ast")?;
    let kwargs = [("mode", "eval")].into_py_dict(py)?;
    let Err(raised) = ast.call_method("parse", (source, FILENAME), Some(&kwargs)) else {
        return Ok(());
    };
    if raised.is_instance_of::<PyMemoryError>(py) || raised.is_instance_of::<PyRecursionError>(py) {
        return Ok(());
    }
    if !raised.is_instance_of::<PySyntaxError>(py) {
        // Raised by the warnings machinery itself (a custom showwarning...).
        return Err(raised);
    }
    let value = raised.value(py);
    let message: String = value.getattr("msg")?.extract().unwrap_or_default();
    if message != err.message() && is_warning_message(&message) {
        let copy = errors::module(py)?.call_method1("_warning_error", (value,))?;
        return Err(PyErr::from_value(copy));
    }
    Ok(())
}

/// Whether `message` is one of the warnings CPython turns into a
/// `SyntaxError` when a filter makes it an error.
fn is_warning_message(message: &str) -> bool {
    message.starts_with("invalid escape sequence '")
        || message.starts_with("invalid octal escape sequence '")
        || ["decimal", "hexadecimal", "octal", "binary", "imaginary"]
            .iter()
            .any(|kind| message == format!("invalid {kind} literal"))
}

/// Whether `text` could make CPython warn: it has a backslash, or a
/// keyword that can follow a number (`and else for if in is not or`) right
/// after a letter, digit, `.` or `_`.
fn may_warn(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.contains(&b'\\')
        || bytes.windows(3).any(|w| {
            (w[0].is_ascii_alphanumeric() || w[0] == b'.' || w[0] == b'_')
                && matches!(
                    &w[1..],
                    b"an" | b"el" | b"fo" | b"if" | b"in" | b"is" | b"no" | b"or"
                )
        })
}

/// `warnings.warn_explicit`.
fn warn_explicit(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    static WARN_EXPLICIT: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    WARN_EXPLICIT
        .get_or_try_init(py, || -> PyResult<_> {
            Ok(py.import("warnings")?.getattr("warn_explicit")?.unbind())
        })
        .map(|f| f.bind(py))
}

/// The warning class CPython uses for this kind of warning.
fn category(py: Python<'_>, kind: WarningKind, version: PythonVersion) -> Bound<'_, PyType> {
    match kind {
        WarningKind::InvalidEscape if version == PythonVersion::V3_11 => {
            py.get_type::<PyDeprecationWarning>()
        }
        _ => py.get_type::<PySyntaxWarning>(),
    }
}

/// Where the token after the string group that holds `tokens[index]`
/// starts (a line break stands for the `NEWLINE` token at the end).
fn token_after_group(text: &str, tokens: &[Range<usize>], index: usize) -> usize {
    let bytes = text.as_bytes();
    let mut index = index;
    loop {
        let end = tokens.get(index).map_or(text.len(), |t| t.end);
        let mut at = end;
        // Skip blanks, comments, line continuations and line breaks (in a
        // valid literal, a line break is a token only at the very end).
        while at < bytes.len() {
            match bytes[at] {
                b' ' | b'\t' | b'\x0c' | b'\n' | b'\r' => at += 1,
                b'\\' => at += 1 + usize::from(bytes.get(at + 1) == Some(&b'\r')) + 1,
                b'#' => {
                    while at < bytes.len() && !matches!(bytes[at], b'\n' | b'\r') {
                        at += 1;
                    }
                }
                _ => break,
            }
        }
        match tokens.get(index + 1) {
            Some(next) if next.start == at => index += 1,
            // Nothing follows: the NEWLINE token right after the string.
            _ if at >= bytes.len() => return end,
            _ => return at,
        }
    }
}

/// The byte ranges of the string literal tokens of `text`, an input the
/// parser accepted as a literal (so it holds no f-string, and every quote
/// outside strings and comments opens a string).
fn string_tokens(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
                    i += 1;
                }
            }
            quote @ (b'\'' | b'"') => {
                let mut start = i;
                while start > 0 && bytes[start - 1].is_ascii_alphabetic() {
                    start -= 1;
                }
                let triple = bytes.get(i..i + 3) == Some(&[quote; 3][..]);
                let mut j = i + if triple { 3 } else { 1 };
                let end = loop {
                    match bytes.get(j) {
                        None => break bytes.len(),
                        Some(b'\\') => j += 2,
                        Some(&b) if b == quote => {
                            if !triple {
                                break j + 1;
                            }
                            if bytes.get(j..j + 3) == Some(&[quote; 3][..]) {
                                break j + 3;
                            }
                            j += 1;
                        }
                        Some(_) => j += 1,
                    }
                };
                tokens.push(start..end.min(bytes.len()));
                i = end;
            }
            _ => i += 1,
        }
    }
    tokens
}
