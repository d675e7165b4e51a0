//! The one error type of the crate, with its kind and source position.

use std::fmt;
use std::ops::Range;

/// What went wrong; each kind maps to one Python exception class
/// (see [`ErrorKind::python_exception`]).
///
/// ```
/// use safelit::{parse, ErrorKind};
/// assert_eq!(parse("[1, 2").unwrap_err().kind(), ErrorKind::Syntax);
/// assert_eq!(parse("x").unwrap_err().kind(), ErrorKind::Malformed);
/// assert_eq!(parse("{[]: 1}").unwrap_err().kind(), ErrorKind::Unhashable);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The text is not valid Python: CPython raises `SyntaxError`.
    Syntax,
    /// A line other than the first starts indented (or a trailing
    /// whitespace-only line): CPython raises `IndentationError`, a subclass
    /// of `SyntaxError`.
    Indentation,
    /// Valid Python, but not a literal (`x`, `f(1)`, `1+2`, `--1`, f-strings…):
    /// CPython raises `ValueError: malformed node or string`.
    Malformed,
    /// A list, dict or set used as a dict key or set element: CPython raises
    /// `TypeError: unhashable type`.
    Unhashable,
    /// `int ± imaginary` where the int is too large for a float: CPython
    /// raises `OverflowError: int too large to convert to float`.
    Overflow,
    /// A configured [`crate::Limits`] value was exceeded.
    Limit(LimitKind),
}

/// Which limit of [`crate::Limits`] an [`ErrorKind::Limit`] error exceeded.
///
/// ```
/// use safelit::{parse_with, ErrorKind, LimitKind, Limits};
/// let limits = Limits { max_input_bytes: 4, ..Limits::default() };
/// let err = parse_with("12345", &limits).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Limit(LimitKind::InputBytes));
/// assert_eq!(LimitKind::InputBytes.to_string(), "max_input_bytes");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LimitKind {
    /// [`crate::Limits::max_depth`]: too many nested brackets.
    Depth,
    /// [`crate::Limits::max_int_digits`]: a decimal int literal with too many digits.
    IntDigits,
    /// [`crate::Limits::max_input_bytes`]: the input is too large.
    InputBytes,
    /// [`crate::Limits::max_nodes`]: the result would hold too many values.
    Nodes,
}

impl ErrorKind {
    /// The name of the builtin Python exception class CPython raises for
    /// this kind of failure (for limits: the class CPython raises when its
    /// own limit of that kind trips).
    ///
    /// ```
    /// use safelit::{ErrorKind, LimitKind};
    /// assert_eq!(ErrorKind::Malformed.python_exception(), "ValueError");
    /// assert_eq!(ErrorKind::Limit(LimitKind::Depth).python_exception(), "SyntaxError");
    /// ```
    pub fn python_exception(self) -> &'static str {
        match self {
            ErrorKind::Syntax => "SyntaxError",
            ErrorKind::Indentation => "IndentationError",
            ErrorKind::Malformed => "ValueError",
            ErrorKind::Unhashable => "TypeError",
            ErrorKind::Overflow => "OverflowError",
            ErrorKind::Limit(LimitKind::Depth | LimitKind::IntDigits) => "SyntaxError",
            ErrorKind::Limit(LimitKind::InputBytes | LimitKind::Nodes) => "MemoryError",
        }
    }
}

impl fmt::Display for LimitKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LimitKind::Depth => "max_depth",
            LimitKind::IntDigits => "max_int_digits",
            LimitKind::InputBytes => "max_input_bytes",
            LimitKind::Nodes => "max_nodes",
        })
    }
}

/// A parse failure: its [`ErrorKind`], a message (CPython's wording where
/// CPython has one), and the position in the input it refers to.
///
/// Positions are 1-based; columns count Unicode code points, like
/// `SyntaxError.offset`. `Display` shows the message, the position, the
/// source line and a caret under the offending text:
///
/// ```
/// let err = safelit::parse("[1, 2,, 3]").unwrap_err();
/// assert_eq!((err.line(), err.column()), (1, 7));
/// assert_eq!(err.to_string(), "invalid syntax at line 1, column 7\n  [1, 2,, 3]\n        ^");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Error(Box<ErrorImpl>);

#[derive(Clone, PartialEq, Eq)]
struct ErrorImpl {
    kind: ErrorKind,
    message: String,
    span: Range<usize>,
    line: usize,
    column: usize,
    /// The column of the span's start in its line, where `Display` draws
    /// the caret (`column` differs after [`Error::with_column`]).
    caret_column: usize,
    end_line: usize,
    end_column: usize,
    line_text: String,
    /// For an error inside an f-string's replacement field: where CPython
    /// 3.11 compiled that field on its own.
    field: Option<FieldSource>,
}

/// An error found inside an f-string's replacement field, placed the way
/// CPython 3.11 finds it: 3.11 compiles each field on its own, as the source
/// `(expr)`, and reports such errors against that source (its `text` is
/// the line of `(expr)`, its columns count in it). [`Error`]'s own position
/// is in the input; this is what a caller needs to reproduce 3.11's.
///
/// ```
/// let text = "f'{x y}'";
/// let err = safelit::parse(text).unwrap_err();
/// let field = err.fstring_field().unwrap();
/// assert_eq!(&text[field.expr.clone()], "x y");
/// assert_eq!(field.span, 1..4); // "x y" in "(x y)"
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldSource {
    /// The field's expression in the input: the bytes between its `{` and
    /// the `!`, `:`, `=` or `}` that ends it.
    pub expr: Range<usize>,
    /// The offending bytes in the field's own source: `(`, the expression
    /// (its line breaks as `\n`), `)`.
    pub span: Range<usize>,
    /// For a field of an f-string that is itself inside a field: the
    /// expressions of the enclosing fields in the input, outermost first
    /// (empty for a field of a top-level f-string). CPython 3.11 places
    /// each nested f-string by its column in its parent field's source.
    ///
    /// ```
    /// let text = "f'{f\"{x y}\"}'";
    /// let field = safelit::parse(text).unwrap_err().fstring_field().unwrap().clone();
    /// assert_eq!(&text[field.expr], "x y");
    /// assert_eq!(field.outer.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>(), ["f\"{x y}\""]);
    /// ```
    pub outer: Vec<Range<usize>>,
}

impl Error {
    /// Builds an error for the bytes `span` of `input` (the text given to
    /// the parser). Line and column are computed here, once, from the byte
    /// offsets; nothing is tracked while parsing.
    pub(crate) fn new(
        kind: ErrorKind,
        message: impl Into<String>,
        span: Range<usize>,
        input: &str,
    ) -> Error {
        let start = floor_char_boundary(input, span.start.min(input.len()));
        let end = floor_char_boundary(input, span.end.clamp(start, input.len()));
        let (line, column, line_range) = locate(input, start);
        let (end_line, end_column, _) = locate(input, end);
        Error(Box::new(ErrorImpl {
            kind,
            message: message.into(),
            span: start..end,
            line,
            column,
            caret_column: column,
            end_line,
            end_column,
            line_text: input[line_range].to_owned(),
            field: None,
        }))
    }

    /// The same error, found inside the f-string replacement field `field`.
    pub(crate) fn with_field(mut self, field: Option<FieldSource>) -> Error {
        self.0.field = field;
        self
    }

    /// The same error with its columns counted in UTF-8 bytes from the
    /// start of their lines, as CPython does for a few tokenizer errors.
    pub(crate) fn with_byte_columns(mut self, input: &str) -> Error {
        let column = |offset: usize| {
            let before = input.get(..offset).unwrap_or("");
            let line_start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
            offset - line_start + 1
        };
        self.0.column = column(self.0.span.start);
        self.0.end_column = column(self.0.span.end);
        self
    }

    /// The same error with `column` as the column CPython reports, which
    /// is not the span's column in its line: after a line continuation,
    /// CPython's tokenizer counts some columns from the start of an earlier
    /// line (the text it holds), so they can run past the end of the line.
    /// `Display` still draws the caret under the span.
    pub(crate) fn with_column(mut self, column: usize) -> Error {
        self.0.column = column;
        self
    }

    /// What went wrong.
    ///
    /// ```
    /// assert_eq!(safelit::parse("{[]}").unwrap_err().kind(), safelit::ErrorKind::Unhashable);
    /// ```
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// The message, without position (e.g. `'[' was never closed`).
    ///
    /// ```
    /// assert_eq!(safelit::parse("(1").unwrap_err().message(), "'(' was never closed");
    /// ```
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// 1-based line of the start of the offending text. Lines end at `\n`,
    /// `\r\n` or a lone `\r`, as in Python.
    ///
    /// ```
    /// assert_eq!(safelit::parse("[1,\n 2 3]").unwrap_err().line(), 2);
    /// ```
    pub fn line(&self) -> usize {
        self.0.line
    }

    /// 1-based column (in code points) of the start of the offending text:
    /// CPython's `SyntaxError.offset`. Like CPython, the "leading zeros in
    /// decimal integer literals" error counts its columns in UTF-8 bytes
    /// instead (its tokenizer passes byte offsets there), and "unexpected
    /// character after line continuation character" on a line reached
    /// through a line continuation counts from the start of the line where
    /// the continued text began (CPython's tokenizer buffer; a `\r\n` is
    /// one character; on the first line, after the leading spaces and tabs
    /// `literal_eval` strips), so it can be larger than the line is long. The
    /// caret of `Display` stays under the offending text.
    ///
    /// ```
    /// assert_eq!(safelit::parse("['é', x]").unwrap_err().column(), 7);
    /// // Counted from the start of "1 +\": 2:8 as in CPython.
    /// let err = safelit::parse("1 +\\\n \\x").unwrap_err();
    /// assert_eq!((err.line(), err.column()), (2, 8));
    /// assert_eq!(err.line_text(), " \\x");
    /// ```
    pub fn column(&self) -> usize {
        self.0.column
    }

    /// 1-based line of the end of the offending text.
    ///
    /// ```
    /// let err = safelit::parse("'''abc").unwrap_err();
    /// assert_eq!((err.line(), err.end_line()), (1, 1));
    /// ```
    pub fn end_line(&self) -> usize {
        self.0.end_line
    }

    /// 1-based column (in code points) just past the offending text.
    ///
    /// ```
    /// let err = safelit::parse("[1, foo]").unwrap_err();
    /// assert_eq!((err.column(), err.end_column()), (5, 8));
    /// ```
    pub fn end_column(&self) -> usize {
        self.0.end_column
    }

    /// Byte range of the offending text in the input.
    ///
    /// ```
    /// let text = "[1, foo]";
    /// let err = safelit::parse(text).unwrap_err();
    /// assert_eq!(&text[err.span()], "foo");
    /// ```
    pub fn span(&self) -> Range<usize> {
        self.0.span.clone()
    }

    /// The input line that holds the start of the offending text, without
    /// its line break.
    ///
    /// ```
    /// let err = safelit::parse("[1,\n  2,,\n]").unwrap_err();
    /// assert_eq!(err.line_text(), "  2,,");
    /// ```
    pub fn line_text(&self) -> &str {
        &self.0.line_text
    }

    /// For a syntax error inside the replacement field of an f-string (the
    /// innermost field, for f-strings nested in fields), where CPython 3.11
    /// reports it: see [`FieldSource`]. `None` for every other error.
    pub fn fstring_field(&self) -> Option<&FieldSource> {
        self.0.field.as_ref()
    }
}

/// Line, column and the byte range of the line that contains byte `offset`.
fn locate(input: &str, offset: usize) -> (usize, usize, Range<usize>) {
    let bytes = input.as_bytes();
    let mut line = 1;
    let mut line_start = 0;
    let mut i = 0;
    while i < offset {
        match bytes[i] {
            b'\n' => {
                line += 1;
                line_start = i + 1;
            }
            b'\r' => {
                if bytes.get(i + 1) == Some(&b'\n') && i + 1 < offset {
                    i += 1;
                } else if bytes.get(i + 1) == Some(&b'\n') {
                    // Offset points at the '\n' of a "\r\n": still this line.
                    break;
                }
                line += 1;
                line_start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    let line_end = bytes[line_start..]
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .map_or(bytes.len(), |n| line_start + n);
    let column = input[line_start..offset].chars().count() + 1;
    (line, column, line_start..line_end)
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = &self.0;
        write!(f, "{} at line {}, column {}", e.message, e.line, e.column)?;
        if e.line_text.is_empty() {
            return Ok(());
        }
        write!(f, "\n  {}\n  ", e.line_text)?;
        // Pad with the line's own tabs so the caret lines up under them.
        for c in e.line_text.chars().take(e.caret_column - 1) {
            f.write_str(if c == '\t' { "\t" } else { " " })?;
        }
        let width = if e.end_line == e.line && e.end_column > e.caret_column {
            let line_len = e.line_text.chars().count() + 1;
            e.end_column.min(line_len.max(e.caret_column + 1)) - e.caret_column
        } else {
            1
        };
        for _ in 0..width {
            f.write_str("^")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("kind", &self.0.kind)
            .field("message", &self.0.message)
            .field("line", &self.0.line)
            .field("column", &self.0.column)
            .finish()
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_lines_across_all_newline_forms() {
        let input = "a\nb\r\nc\rd";
        let e = |off| Error::new(ErrorKind::Syntax, "m", off..off, input);
        assert_eq!((e(0).line(), e(0).column()), (1, 1));
        assert_eq!((e(2).line(), e(2).column()), (2, 1));
        assert_eq!(e(2).line_text(), "b");
        assert_eq!((e(5).line(), e(5).column()), (3, 1));
        assert_eq!((e(7).line(), e(7).column(), e(7).line_text()), (4, 1, "d"));
    }

    #[test]
    fn columns_count_code_points() {
        let err = Error::new(ErrorKind::Syntax, "m", 4..5, "é€x");
        assert_eq!((err.line(), err.column()), (1, 2));
        let err = Error::new(ErrorKind::Syntax, "m", 5..6, "é€x");
        assert_eq!(err.column(), 3);
    }

    #[test]
    fn byte_columns_count_utf8_bytes_from_the_line_start() {
        let input = "x\n'\u{e9}' 01";
        let err = Error::new(ErrorKind::Syntax, "m", 7..8, input).with_byte_columns(input);
        assert_eq!((err.line(), err.column(), err.end_column()), (2, 6, 7));
        assert!(!err.to_string().is_empty());
    }

    #[test]
    fn an_explicit_column_keeps_the_caret_under_the_span() {
        let input = "1 +\\\n \\x";
        let err = Error::new(ErrorKind::Syntax, "m", 7..8, input).with_column(8);
        assert_eq!((err.line(), err.column(), err.end_column()), (2, 8, 4));
        assert_eq!(err.to_string(), "m at line 2, column 8\n   \\x\n    ^");
    }

    #[test]
    fn display_draws_a_caret_under_the_span() {
        let err = Error::new(ErrorKind::Syntax, "bad", 3..5, "[1,\t22]");
        assert_eq!(
            err.to_string(),
            "bad at line 1, column 4\n  [1,\t22]\n     ^^"
        );
    }
}
