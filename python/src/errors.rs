//! Parse errors to Python exceptions, with CPython's classes and fields.
//!
//! The classes live in `safelit/_errors.py`; each derives from
//! `safelit.Error` and from the builtin class CPython raises.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyString, PyTuple};
use safelit::{ErrorKind, LimitKind};

#[path = "tokstate.rs"]
mod tokstate;
use tokstate::{Kind, Replay, Token};

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
        let position = SyntaxPosition::of(version(py), text, err);
        cls.call1((err.message(), position.details(py)?))?
    } else if kind == ErrorKind::Malformed {
        cls.call1((malformed_message(py, err.message()),))?
    } else {
        cls.call1((err.message(),))?
    };
    if let Some(limit) = limit {
        exception.setattr("limit", limit_name(limit))?;
    }
    Ok(PyErr::from_value(exception))
}

/// CPython names the node that is not a literal by its `repr()`, e.g.
/// `<ast.Name object at 0x7f…>`: the core's `<ast.Name object>` becomes the
/// repr of a new, empty node of that class (made without `__init__`, which
/// warns on 3.13 when fields are missing). Left as it is if that fails.
fn malformed_message(py: Python<'_>, message: &str) -> String {
    let Some((head, node)) = message.rsplit_once(": <ast.") else {
        return message.to_owned();
    };
    let Some(class_name) = node.strip_suffix(" object>") else {
        return message.to_owned();
    };
    let node_repr = || -> PyResult<String> {
        let class = py.import("ast")?.getattr(class_name)?;
        let node = class.call_method1("__new__", (&class,))?;
        Ok(node.repr()?.to_string())
    };
    match node_repr() {
        Ok(node) => format!("{head}: {node}"),
        Err(_) => message.to_owned(),
    }
}

/// The running interpreter's `(major, minor)`.
fn version(py: Python<'_>) -> (u8, u8) {
    let info = py.version_info();
    (info.major, info.minor)
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
    pub(crate) offset: isize,
    pub(crate) text: String,
    pub(crate) end_lineno: usize,
    /// `-1` where CPython has no end column.
    pub(crate) end_offset: isize,
}

impl SyntaxPosition {
    /// The position of a parse error, as CPython `version` (major, minor)
    /// reports it.
    fn of(version: (u8, u8), text: &str, err: &safelit::Error) -> SyntaxPosition {
        let strip = stripped_len(text);
        let source = Translated::new(&text[strip..]);
        let message = err.message();
        if err.span().start >= text.len() && message == "invalid syntax" {
            // The end marker: CPython gives no column, and the line of the
            // last character (0 for an empty source), newline included.
            let (lineno, line) = last_line(&text[strip..]);
            let last = token_at(Replay::new(&source.text, version >= (3, 12)), usize::MAX);
            let text = match source.text.get(last.buf..last.inp) {
                // The tokenizer's buffer, which a line continuation or a
                // string spanning lines began on an earlier line.
                Some(buffer) if spans_lines(buffer) => buffer.to_owned(),
                _ => with_newline(
                    line.trim_end_matches(['\n', '\r']),
                    line.len() > line.trim_end_matches(['\n', '\r']).len(),
                ),
            };
            return SyntaxPosition {
                lineno,
                offset: 0,
                text,
                end_lineno: lineno,
                end_offset: 0,
            };
        }
        if version < (3, 12) {
            if let Some(field) = err.fstring_field() {
                if let Some(position) = field_position(&source, strip, field, message) {
                    return position;
                }
            }
        }
        let lineno = err.line();
        let offset = if lineno == 1 {
            err.column().saturating_sub(strip)
        } else if message == "unexpected indent"
            && !source.line(lineno).starts_with([' ', '\t', '\x0c'])
        {
            // A line indented through a backslash continuation, whose token
            // starts its physical line: CPython's offset is that token's
            // 0-based column, 0 (elsewhere it equals the core's column).
            0
        } else {
            err.column()
        };
        let start = source.map(err.span().start.saturating_sub(strip));
        let end = source.map(err.span().end.saturating_sub(strip));
        let kind = err.kind();
        if kind == ErrorKind::Limit(LimitKind::IntDigits) {
            // CPython reports the int digit limit without a column.
            let replay = Replay::new(&source.text, version >= (3, 12));
            let line_text = error_line(&source.text, lineno, token_at(replay, start));
            return SyntaxPosition {
                lineno,
                offset: 0,
                text: line_text,
                end_lineno: lineno,
                end_offset: 0,
            };
        }
        let tokenizer_error = TOKENIZER.iter().any(|p| message.starts_with(p))
            || (version >= (3, 12)
                && (message == "f-string: expecting '}'"
                    || TOKENIZER_312.iter().any(|p| message.starts_with(p))));
        if tokenizer_error {
            // tokenizer.c's `syntaxerror()`: the line up to its newline,
            // the end at the start (but for a known range).
            let line = source.line(lineno).to_owned();
            let end_offset = if message.starts_with(LEADING_ZEROS) {
                // `syntaxerror_known_range()`: the leading zeros, counted
                // in bytes like the start column.
                (offset + err.span().len()) as isize
            } else {
                offset as isize
            };
            return SyntaxPosition {
                lineno,
                offset: offset as isize,
                text: line,
                end_lineno: lineno,
                end_offset,
            };
        }
        let replay = Replay::new(&source.text, version >= (3, 12));
        let before = source.text.get(..start).unwrap_or_default().trim_end();
        let for_target = before.ends_with("for")
            && !before[..before.len() - 3].ends_with(|c: char| c.is_alphanumeric() || c == '_');
        let reader = reader_rule(version, message, for_target);
        let last = match reader {
            Reader::AtStart if message == "invalid syntax" => juxtaposed(replay, start),
            Reader::AtStart => token_at(replay, start),
            Reader::AfterEnd => token_at(replay, end.max(start + 1)),
            Reader::ForTarget => for_target_end(replay, end.max(start + 1)),
            Reader::AtEnd => token_before(replay, end.max(start + 1)),
            Reader::ToEnd => token_at(replay, usize::MAX),
        };
        let line_text = error_line(&source.text, lineno, last);
        // At the end marker, or at the closing quote of a string that ends
        // the input (where the core places errors CPython reports at the
        // end marker).
        let rest = source.text.get(start..).unwrap_or_default();
        let rest = rest.trim_end_matches([' ', '\t', '\x0c']);
        let at_end =
            matches!(last.kind, Kind::EndMarker | Kind::Error) || rest == "'" || rest == "\"";
        let (end_lineno, end_offset) = match end_rule(version, kind, message, at_end) {
            End::Token => {
                // The string token itself (3.12+ decodes each string token as
                // soon as it is parsed; any version checks bytes per token).
                let token = token_at(Replay::new(&source.text, version >= (3, 12)), start);
                let end = if token.kind == Kind::String {
                    token.end
                } else {
                    end
                };
                (source.line_of(end), end_column(&source, &line_text, end))
            }
            End::Span => {
                if let Some(comment) = comment_at(&source.text, start) {
                    // A NEWLINE token after a comment starts at the '#'
                    // and spans the comment (3.12+: and the line break).
                    let width = comment.chars().count() + usize::from(version >= (3, 12));
                    (lineno, (offset + width) as isize)
                } else if reader == Reader::AtStart
                    && last.kind == Kind::Newline
                    && last.start == start
                {
                    if version >= (3, 12) && spans_lines(&line_text) {
                        // The token's end, converted with the buffer.
                        (lineno, end_column(&source, &line_text, last.end))
                    } else {
                        newline_end(version, lineno, offset)
                    }
                } else {
                    (err.end_line(), end_column(&source, &line_text, end))
                }
            }
            End::Unknown => (lineno, -1),
            End::Zero => (lineno, 0),
        };
        SyntaxPosition {
            lineno,
            offset: offset as isize,
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
        let source = Translated::new(&text[strip..]);
        let end_offset = end_column(&source, line, source.map(span.end.saturating_sub(strip)));
        let has_break = tokenizer_on_line && line_break_after(text, span.start);
        SyntaxPosition {
            lineno,
            offset: offset as isize,
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
    /// The end of the string token the offending text starts.
    Token,
    /// No end column: `-1` (errors at the end marker or an indent token).
    Unknown,
    /// Column `0` (errors raised with an end column of `-1`).
    Zero,
}

/// Messages of tokenizer.c's `syntaxerror()`.
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
    LEADING_ZEROS,
];

/// Messages of the f-string tokenizer of CPython 3.12+ (3.11 raises them
/// while converting the string).
const TOKENIZER_312: &[&str] = &[
    "f-string: expressions nested too deeply",
    "f-string: single '}' is not allowed",
    "f-string: unmatched '",
    "too many nested f-strings",
    "unterminated f-string literal",
    "unterminated triple-quoted f-string literal",
];

/// 3.11: messages of the parser run on an f-string's field (its own
/// messages prefixed with `f-string: `), which report their own range.
const SUBPARSER_311: &[&str] = &[
    "f-string: invalid syntax",
    "f-string: cannot ",
    "f-string: ':' expected",
    "f-string: expression expected",
];

/// tokenizer.c's `syntaxerror_known_range()` message.
const LEADING_ZEROS: &str = "leading zeros in decimal integer literals";

/// The [`End`] rule for an error with this kind and message; `at_end` when
/// it was reported at the end of the input.
fn end_rule(version: (u8, u8), kind: ErrorKind, message: &str, at_end: bool) -> End {
    // Raised while converting a token, at the token after it.
    const CONVERSION: &[&str] = &[
        "(unicode error)",
        "(value error)",
        "cannot mix bytes and nonbytes literals",
        "f-string",
    ];
    if kind == ErrorKind::Indentation || message == "unexpected EOF while parsing" {
        End::Unknown
    } else if message == "bytes can only contain ASCII literal characters" {
        End::Token
    } else if message.ends_with("was never closed")
        || message.starts_with("unexpected character after line continuation character")
        || message == "':' expected after dictionary key"
    {
        End::Zero
    } else if at_end && message == "cannot mix bytes and nonbytes literals" {
        End::Unknown
    } else if version >= (3, 12) {
        if message.starts_with("(unicode error)") || message.starts_with("(value error)") {
            End::Token
        } else {
            End::Span
        }
    } else if at_end
        && CONVERSION.iter().any(|p| message.starts_with(p))
        && !SUBPARSER_311.iter().any(|p| message.starts_with(p))
    {
        End::Unknown
    } else {
        End::Span
    }
}

/// CPython's `end_offset` for an error that ends at byte `end` of the
/// translated source: the end's byte column in its own line, made 1-based
/// and converted to code points *with the error's `text`*
/// (`_PyPegen_byte_offset_to_character_offset`: capped at its length + 1,
/// which matters when the end is on another line than `text`).
fn end_column(source: &Translated, line: &str, end: usize) -> isize {
    let end = end.min(source.text.len());
    // A NEWLINE token ends on its own line.
    let last = if end > 0 && source.text.as_bytes()[end - 1] == b'\n' {
        end - 1
    } else {
        end
    };
    let column = end - line_start_before(&source.text, last) + 1;
    if column > line.len() {
        line.chars().count() as isize + 1
    } else {
        String::from_utf8_lossy(&line.as_bytes()[..column])
            .chars()
            .count() as isize
    }
}

/// Whether the line holding byte `at` of `text` ends with a line break.
fn line_break_after(text: &str, at: usize) -> bool {
    text.get(at..)
        .is_some_and(|rest| rest.contains(['\n', '\r']))
}

/// The source as CPython's tokenizer reads it: leading spaces and tabs
/// stripped (by `ast.literal_eval`), `\r\n` and `\r` turned into `\n`.
struct Translated {
    text: String,
    /// Byte offsets (in the stripped source) of the `\r` of each `\r\n`.
    crlf: Vec<usize>,
}

impl Translated {
    fn new(source: &str) -> Translated {
        let mut crlf = Vec::new();
        let bytes = source.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                crlf.push(i);
            }
        }
        Translated {
            text: source.replace("\r\n", "\n").replace('\r', "\n"),
            crlf,
        }
    }

    /// The translated offset of byte `at` of the stripped source.
    fn map(&self, at: usize) -> usize {
        let before = self.crlf.partition_point(|&i| i < at);
        // The `\n` of a `\r\n` maps where the pair's `\n` went.
        let inside = before > 0 && self.crlf.get(before - 1).is_some_and(|&i| i + 1 == at);
        (at - before + usize::from(inside)).min(self.text.len())
    }

    /// The 1-based line of translated byte `at`.
    fn line_of(&self, at: usize) -> usize {
        let at = at.min(self.text.len());
        self.text.as_bytes()[..at]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    }

    /// Line `lineno` (1-based) without its newline ("" past the end).
    fn line(&self, lineno: usize) -> &str {
        self.text
            .split('\n')
            .nth(lineno.saturating_sub(1))
            .unwrap_or_default()
    }
}

/// 3.11: the position of an error inside an f-string's replacement field,
/// which CPython compiles on its own as `(expr)` (`fstring_compile_expr`)
/// and reports against that source: its line is `text`, columns count its
/// bytes (that tokenizer has no encoding set), shifted back by the field's
/// column on the first line as `_PyPegen_raise_error_known_location`
/// does. `None` if the field is not found where the core put it.
fn field_position(
    source: &Translated,
    strip: usize,
    field: &safelit::FieldSource,
    message: &str,
) -> Option<SyntaxPosition> {
    let to_text = |range: &std::ops::Range<usize>| -> Option<std::ops::Range<usize>> {
        let start = source.map(range.start.checked_sub(strip)?);
        let end = source.map(range.end.checked_sub(strip)?);
        (start <= end).then_some(start..end)
    };
    // The fields from the outermost (in a top-level f-string) inwards.
    let mut chain = Vec::with_capacity(field.outer.len() + 1);
    for range in field.outer.iter().chain(std::iter::once(&field.expr)) {
        chain.push(to_text(range)?);
    }
    let expr = source.text.get(chain.last()?.clone())?;
    let (starting_lineno, starting_col) = field_start(source, &chain)?;
    let synthetic = format!("({expr})\n");
    let span = field.span.clone();
    let (line, column) = line_and_column(&synthetic, span.start);
    let (end_line, end_column) = line_and_column(&synthetic, span.end);
    let lineno = starting_lineno + line - 1;
    let synthetic_line = |n: usize| synthetic.split_inclusive('\n').nth(n - 1).unwrap_or("");
    if !message.starts_with("f-string: ") {
        // The field's tokenizer failed (`syntaxerror()`): its line without
        // the newline, no shift.
        let offset = column + 1;
        let end_offset = if message.starts_with(LEADING_ZEROS) {
            offset + span.len()
        } else {
            offset
        };
        return Some(SyntaxPosition {
            lineno,
            offset: offset as isize,
            text: synthetic_line(line).trim_end_matches('\n').to_owned(),
            end_lineno: lineno,
            end_offset: end_offset as isize,
        });
    }
    // Tokens on the field's first line were shifted by `starting_col`, and
    // every column is shifted back by it.
    let shifted = |line: usize, column: usize| -> isize {
        let column = column as isize + 1;
        if line == 1 {
            column
        } else {
            column - starting_col as isize
        }
    };
    // The field's tokenizer stands where the parser's look-ahead took it:
    // on the token after the error. The text is its buffer when that is
    // on the error's line, else the error's line without its newline
    // (`get_error_line_from_tokenizer_buffers`).
    let next_token = synthetic
        .get(span.end..)
        .and_then(|rest| rest.find(|c: char| !matches!(c, ' ' | '\t' | '\n' | '\x0c')))
        .map_or(synthetic.len() - 1, |n| span.end + n);
    let (reached_line, _) = line_and_column(&synthetic, next_token);
    let text = if reached_line <= line {
        // The buffer starts where the tokenizer last started a line outside
        // a token: at the first line of a string token reaching this line.
        let line_start = span.start - column;
        let mut replay = Replay::new(&synthetic, false);
        let buffer_start = loop {
            let token = replay.next_token();
            if matches!(token.kind, Kind::EndMarker | Kind::Error) || token.start >= line_start {
                break line_start;
            }
            if token.end > line_start {
                break line_start_before(&synthetic, token.start);
            }
        };
        let line_end = synthetic[line_start..]
            .find('\n')
            .map_or(synthetic.len(), |n| line_start + n + 1);
        synthetic.get(buffer_start..line_end)?.to_owned()
    } else {
        synthetic_line(line).trim_end_matches('\n').to_owned()
    };
    Some(SyntaxPosition {
        lineno,
        offset: shifted(line, column),
        text,
        end_lineno: starting_lineno + end_line - 1,
        end_offset: shifted(end_line, end_column),
    })
}

/// Where CPython 3.11's parser of the innermost of `chain` (fields'
/// expressions in `source.text`, outermost first) starts its source:
/// `(starting_lineno, starting_col_offset)` of `fstring_compile_expr`.
/// Each field's f-string token is placed as its parser saw it: the
/// top-level one in the input; a nested one in its parent field's `(expr)`
/// source, where a token that ends on that source's first line has its
/// column shifted by the parent's `starting_col_offset` (`_PyPegen_fill_token`).
fn field_start(source: &Translated, chain: &[std::ops::Range<usize>]) -> Option<(usize, usize)> {
    let first = chain.first()?;
    // The top-level STRING token (3.11: the whole f-string) holding it.
    let top = string_token_around(&source.text, first.clone())?;
    // The token holding the current field: its text, start in `source.text`,
    // line and column as its parser reported them.
    let mut token_text = source.text.get(top.start..top.end)?.to_owned();
    let mut token_start = top.start;
    let mut token_line = source.line_of(top.start);
    let mut token_column = top.start - line_start_before(&source.text, top.start);
    let mut fields = chain.iter().peekable();
    while let Some(field) = fields.next() {
        let brace = field.start.checked_sub(token_start + 1)?;
        let (lines, cols) = expr_location(token_text.as_bytes(), brace);
        let starting_lineno = token_line + lines;
        let starting_col = if lines != 0 {
            cols
        } else {
            token_column + cols
        };
        let Some(inner) = fields.peek() else {
            return Some((starting_lineno, starting_col));
        };
        // The nested f-string token in this field's source "(expr)\n".
        let synthetic = format!("({})\n", source.text.get(field.clone())?);
        let inner = inner.start - field.start + 1..inner.end - field.start + 1;
        let token = string_token_around(&synthetic, inner)?;
        let (line, column) = line_and_column(&synthetic, token.start);
        let (end_line, _) = line_and_column(&synthetic, token.end);
        token_text = synthetic.get(token.start..token.end)?.to_owned();
        token_start = field.start + token.start - 1;
        token_line = starting_lineno + line - 1;
        token_column = if end_line == 1 {
            starting_col + column
        } else {
            column
        };
    }
    None
}

/// The STRING token (3.11 tokenizer: a whole f-string) of `text` that
/// strictly encloses `range`.
fn string_token_around(text: &str, range: std::ops::Range<usize>) -> Option<Token> {
    let mut replay = Replay::new(text, false);
    loop {
        let token = replay.next_token();
        if matches!(token.kind, Kind::EndMarker | Kind::Error) || token.start > range.start {
            return None;
        }
        if token.kind == Kind::String && token.start < range.start && range.end < token.end {
            return Some(token);
        }
    }
}

/// `fstring_find_expr_location` (3.11): how many lines of the f-string
/// token `token` come before the field whose `{` is at byte `brace`, and
/// the field's column (0 when only blanks follow the `{` on its line).
fn expr_location(token: &[u8], brace: usize) -> (usize, usize) {
    let after = token.get(brace + 1..).unwrap_or_default();
    let newline_after_brace = after
        .iter()
        .take_while(|&&c| c != b'}' && c != b'\n')
        .all(|&c| matches!(c, b' ' | b'\t' | b'\x0c'))
        && after.iter().any(|&c| c == b'}' || c == b'\n');
    let before = token.get(..brace).unwrap_or_default();
    let lines = before.iter().filter(|&&c| c == b'\n').count();
    let cols = if newline_after_brace {
        0
    } else {
        match before.iter().rposition(|&c| c == b'\n') {
            Some(newline) => brace - newline - 1,
            None => brace,
        }
    };
    (lines, cols)
}

/// The 1-based line and 0-based byte column of byte `at` of `text`.
fn line_and_column(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let before = &text.as_bytes()[..at];
    let line = before.iter().filter(|&&c| c == b'\n').count() + 1;
    (line, at - line_start_before(text, at))
}

/// Where the line holding byte `at` of `text` starts.
fn line_start_before(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .rposition(|&c| c == b'\n')
        .map_or(0, |n| n + 1)
}

/// The first token that starts at or after `at` (or the end marker, or
/// where the tokenizer failed).
fn token_at(mut replay: Replay<'_>, at: usize) -> Token {
    loop {
        let token = replay.next_token();
        if token.start >= at || matches!(token.kind, Kind::EndMarker | Kind::Error) {
            return token;
        }
    }
}

/// `text` of an error on line `lineno` raised once the tokenizer had read
/// `last` (pegen_errors.c): the tokenizer's buffer if it is still on the
/// error's line, else that line without its newline.
fn error_line(source: &str, lineno: usize, last: Token) -> String {
    if last.lineno <= lineno && last.inp > last.buf {
        if let Some(buffer) = source.get(last.buf..last.inp) {
            return buffer.to_owned();
        }
    }
    source
        .split('\n')
        .nth(lineno.saturating_sub(1))
        .unwrap_or_default()
        .to_owned()
}

/// Whether an error's `text` (a tokenizer buffer) holds more than one line.
fn spans_lines(text: &str) -> bool {
    text.trim_end_matches('\n').contains('\n')
}

/// The comment that starts at byte `at` of `text`, up to its line break.
fn comment_at(text: &str, at: usize) -> Option<&str> {
    let rest = text.get(at..)?;
    if !rest.starts_with('#') {
        return None;
    }
    Some(rest.split(['\n', '\r']).next().unwrap_or(rest))
}

/// The end of an error reported at a `NEWLINE` token at `(lineno, offset)`.
fn newline_end(version: (u8, u8), lineno: usize, offset: usize) -> (usize, isize) {
    if version >= (3, 12) {
        (lineno, offset as isize + 1)
    } else {
        (lineno, offset as isize)
    }
}

/// Which token CPython's tokenizer had read last when the error was raised.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reader {
    /// The token the error is reported at (`RAISE_SYNTAX_ERROR`: the last
    /// token fetched).
    AtStart,
    /// The token after the offending text (errors raised with a known
    /// location, once the parser had looked one token past it).
    AfterEnd,
    /// The end of the input (errors of the tokenizer found by the parser).
    ToEnd,
    /// The last token of the offending text (`invalid_kwarg`'s `a=`).
    AtEnd,
    /// The token after the expression parsed as a comprehension's target
    /// (`invalid_for_target: 'for' star_expressions`, which reads past
    /// the `in` clause): the closing bracket after the error.
    ForTarget,
}

/// The token of a generic `invalid syntax` at `at`, or the one after it
/// when the error's token starts an expression right after another one
/// (`1 2`, `a b`): the parser's second pass then reads one more token
/// (`invalid_expression: disjunction expression_without_invalid`) before
/// the error is raised at the first pass's token.
fn juxtaposed(mut replay: Replay<'_>, at: usize) -> Token {
    let mut previous: Option<Token> = None;
    loop {
        let depth = replay.fstring_depth();
        let token = replay.next_token();
        if matches!(token.kind, Kind::EndMarker | Kind::Error) {
            return token;
        }
        if token.start >= at {
            let ends = previous.is_some_and(|p| ends_expression(replay.text(p)));
            if ends && starts_expression(replay.text(token)) {
                // An f-string the 3.12+ tokenizer reads in pieces is still
                // one atom: the parser reads to its end, then one more.
                while replay.fstring_depth() > depth {
                    let piece = replay.next_token();
                    if matches!(piece.kind, Kind::EndMarker | Kind::Error) {
                        return piece;
                    }
                }
                return replay.next_token();
            }
            return token;
        }
        previous = Some(token);
    }
}

/// Keywords that neither start nor end an expression.
const KEYWORDS: &[&[u8]] = &[
    b"and",
    b"as",
    b"assert",
    b"async",
    b"break",
    b"class",
    b"continue",
    b"def",
    b"del",
    b"elif",
    b"else",
    b"except",
    b"finally",
    b"for",
    b"from",
    b"global",
    b"if",
    b"import",
    b"in",
    b"is",
    b"nonlocal",
    b"or",
    b"pass",
    b"raise",
    b"return",
    b"try",
    b"while",
    b"with",
    b"yield",
];

/// Whether a token with this text can end an expression (an atom or a
/// closing bracket).
fn ends_expression(text: &[u8]) -> bool {
    match text.last() {
        Some(b')' | b']' | b'}' | b'\'' | b'"') => true,
        Some(&c) if c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80 => {
            !KEYWORDS.contains(&text) && text != b"not" && text != b"lambda" && text != b"await"
        }
        _ => false,
    }
}

/// Whether a token with this text is an atom that starts an expression.
fn starts_expression(text: &[u8]) -> bool {
    match text.first() {
        Some(b'\'' | b'"') => true,
        Some(&c) if c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80 => {
            !KEYWORDS.contains(&text)
        }
        _ => false,
    }
}

/// The last token that starts before `at`.
fn token_before(mut replay: Replay<'_>, at: usize) -> Token {
    let mut previous = replay.next_token();
    loop {
        if matches!(previous.kind, Kind::EndMarker | Kind::Error) {
            return previous;
        }
        let token = replay.next_token();
        if token.start >= at {
            return previous;
        }
        previous = token;
    }
}

/// The closing bracket, `NEWLINE` or end marker that ends the bracket the
/// text at `at` is in (or where the tokenizer failed).
fn for_target_end(mut replay: Replay<'_>, at: usize) -> Token {
    let mut depth = 0usize;
    loop {
        let token = replay.next_token();
        if matches!(token.kind, Kind::EndMarker | Kind::Error) {
            return token;
        }
        if token.start < at {
            continue;
        }
        if token.kind == Kind::Newline {
            return token;
        }
        match replay.byte(token.start) {
            Some(b'(' | b'[' | b'{') => depth += 1,
            Some(b')' | b']' | b'}') => {
                if depth == 0 {
                    return token;
                }
                depth -= 1;
            }
            _ => {}
        }
    }
}

/// The [`Reader`] rule for an error with this message on CPython `version`;
/// `for_target` when the offending text follows the keyword `for`.
fn reader_rule(version: (u8, u8), message: &str, for_target: bool) -> Reader {
    const AFTER_END: &[&str] = &[
        "invalid syntax. Perhaps you forgot a comma?",
        "cannot assign to",
        "invalid syntax. Maybe you meant",
        "':' expected after dictionary key",
        "expression expected after dictionary key",
        "bytes can only contain ASCII literal characters",
        "cannot use assignment expressions with",
        "expected 'else' after 'if' expression",
        "Generator expression must be parenthesized",
    ];
    if message == "unindent does not match any outer indentation level"
        || message.ends_with("was never closed")
        || message == "unexpected EOF while parsing"
        || message.starts_with("unexpected character after line continuation character")
    {
        Reader::ToEnd
    } else if message.starts_with("expression cannot contain assignment") {
        Reader::AtEnd
    } else if for_target && message.starts_with("cannot assign to") {
        Reader::ForTarget
    } else if version >= (3, 12) && message == "bytes can only contain ASCII literal characters" {
        // 3.12+ converts each string token as soon as the parser takes it,
        // before it reads the next one.
        Reader::AtStart
    } else if AFTER_END.iter().any(|p| message.starts_with(p)) {
        Reader::AfterEnd
    } else {
        Reader::AtStart
    }
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
