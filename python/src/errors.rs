//! Parse errors to Python exceptions, with CPython's classes and fields.
//!
//! The classes live in `safelit/_errors.py`; each derives from
//! `safelit.Error` and from the builtin class CPython raises.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyString, PyTuple};
use safelit::{ErrorKind, LimitKind};

/// `SyntaxError.filename` of `ast.literal_eval`'s errors.
pub(crate) const FILENAME: &str = "<unknown>";

/// CPython's message for a NUL byte in the source: its `SyntaxError` has no
/// filename and no position.
const NUL_MESSAGE: &str = "source code string cannot contain null bytes";

/// The module `safelit._errors`.
pub(crate) fn module(py: Python<'_>) -> PyResult<&Bound<'_, PyModule>> {
    static MODULE: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
    MODULE
        .get_or_try_init(py, || py.import("safelit._errors").map(Bound::unbind))
        .map(|m| m.bind(py))
}

/// The class `name` of `safelit._errors`.
fn class<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    module(py)?.getattr(name)
}

/// `ast.literal_eval(node)` for input that is not a `str`, with its
/// `ValueError`/`TypeError`/`OverflowError` re-raised as safelit's classes.
pub(crate) fn delegate<'py>(
    py: Python<'py>,
    node: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    module(py)?.call_method1("_delegate", (node,))
}

/// The `UnicodeEncodeError` CPython raises for a `str` with a lone surrogate.
pub(crate) fn encode_error(py: Python<'_>, text: &Bound<'_, PyString>) -> PyErr {
    match module(py).and_then(|m| m.call_method1("_encode_error", (text,))) {
        Ok(exception) => PyErr::from_value(exception),
        Err(err) => err,
    }
}

/// The Python exception for a parse error of `text`.
pub(crate) fn to_python(py: Python<'_>, text: &str, err: &safelit::Error) -> PyErr {
    build(py, text, err).unwrap_or_else(|e| e)
}

fn build(py: Python<'_>, text: &str, err: &safelit::Error) -> PyResult<PyErr> {
    let kind = err.kind();
    let (name, limit) = match kind {
        ErrorKind::Syntax => ("LiteralSyntaxError", None),
        ErrorKind::Indentation => ("LiteralIndentationError", None),
        ErrorKind::Malformed => ("LiteralValueError", None),
        ErrorKind::Unhashable => ("LiteralTypeError", None),
        ErrorKind::Overflow => ("LiteralOverflowError", None),
        ErrorKind::Limit(limit) => match kind.python_exception() {
            "SyntaxError" => ("LimitSyntaxError", Some(limit)),
            _ => ("LimitMemoryError", Some(limit)),
        },
        _ => match kind.python_exception() {
            "IndentationError" => ("LiteralIndentationError", None),
            "SyntaxError" => ("LiteralSyntaxError", None),
            "TypeError" => ("LiteralTypeError", None),
            "OverflowError" => ("LiteralOverflowError", None),
            _ => ("LiteralValueError", None),
        },
    };
    let cls = class(py, name)?;
    let is_syntax = matches!(kind.python_exception(), "SyntaxError" | "IndentationError");
    let exception = if is_syntax && err.message() != NUL_MESSAGE {
        let position = SyntaxPosition::of(text, err);
        cls.call1((err.message(), position.details(py)?))?
    } else {
        cls.call1((err.message(),))?
    };
    if let Some(limit) = limit {
        exception.setattr("limit", limit_name(limit))?;
    }
    Ok(PyErr::from_value(exception))
}

/// The keyword argument that sets a limit.
fn limit_name(limit: LimitKind) -> &'static str {
    match limit {
        LimitKind::Depth => "max_depth",
        LimitKind::IntDigits => "max_int_digits",
        LimitKind::InputBytes => "max_input_bytes",
        _ => "max_nodes",
    }
}

/// `SyntaxError`'s `lineno`, `offset`, `text`, `end_lineno` and `end_offset`
/// as CPython sets them for `ast.literal_eval(text)`: relative to the source
/// after leading spaces and tabs are stripped, offsets 1-based in code points.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct SyntaxPosition {
    pub(crate) lineno: usize,
    pub(crate) offset: usize,
    pub(crate) text: String,
    pub(crate) end_lineno: usize,
    /// `-1` where CPython has no end column.
    pub(crate) end_offset: isize,
}

impl SyntaxPosition {
    /// The position of a parse error.
    fn of(text: &str, err: &safelit::Error) -> SyntaxPosition {
        let strip = stripped_len(text);
        if err.span().start >= text.len() && err.message() == "invalid syntax" {
            // The end marker: CPython gives no column, and the line of the
            // last character (0 for an empty source), newline included.
            let (lineno, line) = last_line(&text[strip..]);
            return SyntaxPosition {
                lineno,
                offset: 0,
                text: with_newline(
                    line.trim_end_matches(['\n', '\r']),
                    line.len() > line.trim_end_matches(['\n', '\r']).len(),
                ),
                end_lineno: lineno,
                end_offset: 0,
            };
        }
        let shift = |line: usize, column: usize| {
            if line == 1 {
                column.saturating_sub(strip)
            } else {
                column
            }
        };
        let mut line_text = if err.line() == 1 {
            err.line_text().get(strip..).unwrap_or_default().to_owned()
        } else {
            err.line_text().to_owned()
        };
        // CPython's `text` is the tokenizer's current line, newline
        // included, when the tokenizer is still on the error's line: always
        // but for unclosed brackets, which are reported at the end of input.
        let has_break = line_break_after(text, err.span().start);
        if has_break
            && (!err.message().ends_with("was never closed")
                || err.line() == last_line(&text[strip..]).0)
        {
            line_text.push('\n');
        }
        if err.kind() == ErrorKind::Limit(LimitKind::IntDigits) {
            // CPython reports the int digit limit without a column.
            return SyntaxPosition {
                lineno: err.line(),
                offset: 0,
                text: line_text,
                end_lineno: err.line(),
                end_offset: 0,
            };
        }
        let (lineno, offset) = (err.line(), shift(err.line(), err.column()));
        // Reported at the end marker, or at the closing quote of a string
        // that ends the input (where the core places errors CPython reports
        // at the end marker).
        let rest = text.get(err.span().start..).unwrap_or_default();
        let rest = rest.trim_end_matches([' ', '\t', '\n', '\r', '\x0c']);
        let at_end = rest.is_empty() || rest == "'" || rest == "\"";
        let (end_lineno, end_offset) = match end_rule(err.kind(), err.message(), at_end) {
            End::Span => (
                err.end_line(),
                end_column(text, strip, &line_text, lineno, err.span().end),
            ),
            End::Start => (lineno, offset as isize),
            End::Unknown => (lineno, -1),
            End::Zero => (lineno, 0),
        };
        SyntaxPosition {
            lineno,
            offset,
            text: line_text,
            end_lineno,
            end_offset,
        }
    }

    /// The position of the bytes `span` of `text` (used for warnings turned
    /// into errors, which CPython reports at the string token);
    /// `tokenizer_on_line` when CPython's tokenizer had not left the line
    /// of the span's start yet (then `text` ends with its newline).
    pub(crate) fn of_span(
        text: &str,
        span: std::ops::Range<usize>,
        tokenizer_on_line: bool,
    ) -> SyntaxPosition {
        let strip = stripped_len(text);
        let (lineno, offset, line) = locate(text, span.start, strip);
        let (end_lineno, _, _) = locate(text, span.end, strip);
        let end_offset = end_column(text, strip, line, lineno, span.end);
        let has_break = tokenizer_on_line && line_break_after(text, span.start);
        SyntaxPosition {
            lineno,
            offset,
            text: with_newline(line, has_break),
            end_lineno,
            end_offset,
        }
    }

    /// The `(filename, lineno, offset, text, end_lineno, end_offset)` tuple
    /// of `SyntaxError(msg, details)` (without the end on Python 3.9).
    pub(crate) fn details<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let base = (FILENAME, self.lineno, self.offset, self.text.as_str());
        if py.version_info() >= (3, 10) {
            (
                base.0,
                base.1,
                base.2,
                base.3,
                self.end_lineno,
                self.end_offset,
            )
                .into_pyobject(py)
        } else {
            base.into_pyobject(py)
        }
    }
}

/// Where CPython puts the end of a `SyntaxError`, which depends on the part
/// of CPython that raised it.
enum End {
    /// The end of the offending text.
    Span,
    /// The start (the tokenizer's `syntaxerror()`).
    Start,
    /// No end column: `-1` (errors at the end marker or an indent token).
    Unknown,
    /// Column `0` (errors raised with an end column of `-1`).
    Zero,
}

/// The [`End`] rule for an error with this kind and message; `at_end` when
/// it was reported at the end of the input.
fn end_rule(kind: ErrorKind, message: &str, at_end: bool) -> End {
    const TOKENIZER: &[&str] = &[
        "invalid non-printable character",
        "invalid character '",
        "invalid decimal literal",
        "invalid hexadecimal literal",
        "invalid octal literal",
        "invalid binary literal",
        "invalid imaginary literal",
        "invalid digit '",
        "unterminated string literal",
        "unterminated triple-quoted string literal",
        "closing parenthesis '",
        "unmatched '",
        "too many nested parentheses",
    ];
    // Raised while converting a token, at the token after it.
    const CONVERSION: &[&str] = &[
        "(unicode error)",
        "(value error)",
        "cannot mix bytes and nonbytes literals",
        "f-string",
    ];
    if kind == ErrorKind::Indentation || message == "unexpected EOF while parsing" {
        End::Unknown
    } else if message.ends_with("was never closed")
        || message.starts_with("unexpected character after line continuation character")
    {
        End::Zero
    } else if TOKENIZER.iter().any(|p| message.starts_with(p)) {
        End::Start
    } else if at_end && CONVERSION.iter().any(|p| message.starts_with(p)) {
        End::Unknown
    } else {
        End::Span
    }
}

/// CPython's `end_offset` for an error that ends at byte `end` of `text`
/// and starts on line `lineno`, whose (stripped) text is `line`: the end's
/// byte column in its own line, converted to code points *with the start
/// line's text* and capped at its length + 1 (which only matters for
/// errors that span several lines).
fn end_column(text: &str, strip: usize, line: &str, lineno: usize, end: usize) -> isize {
    let end = floor_boundary(text, end.min(text.len()));
    let (end_line, _, _) = locate(text, end, strip);
    let line_start = if end_line == 1 {
        strip.min(end)
    } else {
        text[..end].rfind(['\n', '\r']).map_or(0, |n| n + 1)
    };
    let column = end - line_start;
    if end_line == lineno {
        return text[line_start..end].chars().count() as isize + 1;
    }
    if column >= line.len() {
        line.chars().count() as isize + 1
    } else {
        String::from_utf8_lossy(&line.as_bytes()[..column])
            .chars()
            .count() as isize
            + 1
    }
}

/// Whether the line holding byte `at` of `text` ends with a line break.
fn line_break_after(text: &str, at: usize) -> bool {
    text.get(at..)
        .is_some_and(|rest| rest.contains(['\n', '\r']))
}

/// `line` followed by `\n` when `newline` (CPython translates `\r\n` and
/// `\r` to `\n` before tokenizing).
fn with_newline(line: &str, newline: bool) -> String {
    let mut text = line.to_owned();
    if newline {
        text.push('\n');
    }
    text
}

/// How many leading spaces and tabs `ast.literal_eval` strips.
pub(crate) fn stripped_len(text: &str) -> usize {
    text.len() - text.trim_start_matches([' ', '\t']).len()
}

/// The number of the last line of `source` and its text, line break
/// included; `(0, "")` for an empty source.
fn last_line(source: &str) -> (usize, &str) {
    if source.is_empty() {
        return (0, "");
    }
    let body = source
        .strip_suffix("\r\n")
        .or_else(|| source.strip_suffix(['\n', '\r']))
        .unwrap_or(source);
    let start = body.rfind(['\n', '\r']).map_or(0, |n| n + 1);
    (line_of(source, start), &source[start..])
}

/// The 1-based line of byte `at` (`\n`, `\r\n` and `\r` end lines).
pub(crate) fn line_of(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut line = 1;
    for (i, &b) in bytes[..at.min(bytes.len())].iter().enumerate() {
        if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            line += 1;
        }
    }
    line
}

/// 1-based line, 1-based column in code points (relative to the stripped
/// source on line 1) and the text of the line holding byte `at`.
fn locate(text: &str, at: usize, strip: usize) -> (usize, usize, &str) {
    let at = floor_boundary(text, at.min(text.len()));
    let mut line = 1;
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < at {
        match bytes[i] {
            b'\n' => {
                line += 1;
                start = i + 1;
            }
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => {
                line += 1;
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    let start = if line == 1 { strip.min(at) } else { start };
    let end = text[start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |n| start + n);
    let column = text[start..at].chars().count() + 1;
    (line, column, &text[start..end])
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
