//! The tokenizer: CPython 3.11's token stream for `eval` input.
//!
//! [`raw`] recognises tokens with `logos`; [`Tokenizer`] adds what CPython's
//! tokenizer does around them: significant `NEWLINE`s only outside brackets
//! and after non-blank lines, `INDENT` when a line starts indented, bracket
//! matching and nesting depth (checked here, before anything can recurse),
//! line continuations, and the end marker. Nothing is decoded here: string
//! and number tokens are handed on as spans.

mod error;
mod fstring;
pub(crate) mod raw;

pub(crate) use error::{LexError, LexErrorKind};
pub(crate) use raw::{NumberShape, Raw, StrToken};

use logos::{Lexer, Logos};

use crate::options::Parser;

/// Something CPython reports as a warning, not an error.
///
/// ```
/// use safelit::{parse_into, Limits, ValueBuilder};
/// let (_, warnings) = parse_into(r"'\q'", &Limits::default(), &mut ValueBuilder).unwrap();
/// assert_eq!(warnings[0].message(), r"invalid escape sequence '\q'");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    kind: WarningKind,
    message: String,
    offset: usize,
}

/// The kinds of [`Warning`].
///
/// ```
/// use safelit::{parse_into, Limits, ValueBuilder, WarningKind};
/// let (_, w) = parse_into(r"'\e'", &Limits::default(), &mut ValueBuilder).unwrap();
/// assert_eq!(w[0].kind(), WarningKind::InvalidEscape);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WarningKind {
    /// An invalid escape sequence in a string or bytes literal (`'\q'`,
    /// `'\777'`): `DeprecationWarning` on CPython 3.11, `SyntaxWarning` on 3.12+.
    InvalidEscape,
    /// A number directly followed by a keyword (`1if x else y`): `SyntaxWarning`.
    NumberFollowedByKeyword,
}

impl Warning {
    pub(crate) fn new(kind: WarningKind, message: impl Into<String>, offset: usize) -> Warning {
        Warning {
            kind,
            message: message.into(),
            offset,
        }
    }

    /// What kind of warning this is.
    ///
    /// ```
    /// use safelit::{parse_into, Limits, ValueBuilder, WarningKind};
    /// let (_, w) = parse_into(r"b'\d'", &Limits::default(), &mut ValueBuilder).unwrap();
    /// assert_eq!(w[0].kind(), WarningKind::InvalidEscape);
    /// ```
    pub fn kind(&self) -> WarningKind {
        self.kind
    }

    /// CPython's message, e.g. `invalid escape sequence '\q'`.
    ///
    /// ```
    /// use safelit::{parse_into, Limits, ValueBuilder};
    /// let (_, w) = parse_into(r"'\777'", &Limits::default(), &mut ValueBuilder).unwrap();
    /// assert_eq!(w[0].message(), r"invalid octal escape sequence '\777'");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Byte offset in the input of the text the warning is about.
    ///
    /// ```
    /// use safelit::{parse_into, Limits, ValueBuilder};
    /// let (_, w) = parse_into(r"[1, '\q']", &Limits::default(), &mut ValueBuilder).unwrap();
    /// assert_eq!(w[0].offset(), 5); // the backslash
    /// ```
    pub fn offset(&self) -> usize {
        self.offset
    }
}

/// One token of the stream the grammar reads.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Token {
    pub(crate) kind: Kind,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// A token kind: a raw token, or one the tokenizer adds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Kind {
    Raw(Raw),
    /// A logical line ends (outside brackets, after a non-blank line).
    Newline,
    /// A line starts indented: never valid in `eval` input.
    Indent,
    /// An f-string's prefix and opening quotes (CPython 3.12+).
    FStringStart,
    /// Literal text of an f-string (CPython 3.12+); `raw` for an `rf` string.
    FStringMiddle {
        raw: bool,
    },
    /// An f-string's closing quotes (CPython 3.12+).
    FStringEnd,
    /// The end of the input.
    EndMarker,
}

/// CPython's maximum indentation depth (`MAXINDENT`).
const MAX_INDENT: usize = 100;

/// Tab stops used for indentation (`TABSIZE`), and the alternate size used
/// to detect inconsistent tabs and spaces (`ALTTABSIZE`).
const TAB_SIZE: usize = 8;

/// CPython's measurement of a line's indentation (the `atbol` loop of
/// `tok_get`): spaces and tabs up to the first token, a form feed resetting
/// the column, and backslash continuations read as part of it.
#[derive(Clone, Copy, Debug, Default)]
struct LineStart {
    col: usize,
    altcol: usize,
    /// The column of the first continuation backslash (0 if none, or if it
    /// was at column 0: CPython cannot tell those apart).
    cont_col: usize,
    /// How far the line's leading whitespace has been measured.
    measured_to: usize,
}

impl LineStart {
    fn at(offset: usize) -> LineStart {
        LineStart {
            measured_to: offset,
            ..LineStart::default()
        }
    }

    /// Counts the whitespace between the last measured point and `upto`.
    fn measure(&mut self, src: &str, upto: usize) {
        for b in src.as_bytes()[self.measured_to.min(upto)..upto].iter() {
            match b {
                b' ' => {
                    self.col += 1;
                    self.altcol += 1;
                }
                b'\t' => {
                    self.col = (self.col / TAB_SIZE + 1) * TAB_SIZE;
                    self.altcol += 1;
                }
                b'\x0C' => {
                    self.col = 0;
                    self.altcol = 0;
                }
                _ => {}
            }
        }
        self.measured_to = upto;
    }

    /// The indentation: the column of the first continuation if there was one.
    fn indentation(&self) -> (usize, usize) {
        if self.cont_col != 0 {
            (self.cont_col, self.cont_col)
        } else {
            (self.col, self.altcol)
        }
    }
}

/// The token stream of one input.
pub(crate) struct Tokenizer<'a> {
    src: &'a str,
    raw: Lexer<'a, Raw>,
    max_depth: usize,
    /// Open brackets: the closing character expected and where it opened.
    brackets: Vec<(u8, usize)>,
    /// Set while the current line's indentation is being read.
    line_start: Option<LineStart>,
    /// Indentation levels `(col, altcol)` (CPython's `indstack`/`altindstack`).
    indents: Vec<(usize, usize)>,
    /// A token (or the tokenizer error in its place) held back while an
    /// `INDENT` is delivered first.
    held: Option<Result<Token, LexError>>,
    /// The f-strings being tokenized, innermost last (CPython 3.12+).
    fstrings: Vec<fstring::FString>,
    /// Where literal text resumes when it does not start at the cursor (the
    /// `=` of a `:=` that starts a format spec).
    literal_from: Option<usize>,
    /// Where CPython's tokenizer buffer starts (`tok->buf`): the start of
    /// the physical line after the last line break read between tokens (or
    /// in a line's indentation). A line continuation after a token or a
    /// string spanning lines does not move it; some columns are counted
    /// from it.
    buffer_start: usize,
    done: bool,
}

impl<'a> Tokenizer<'a> {
    pub(crate) fn new(src: &'a str, config: &Parser) -> Tokenizer<'a> {
        let extras = raw::Extras {
            version: config.version,
            ..raw::Extras::default()
        };
        Tokenizer {
            src,
            raw: Raw::lexer_with_extras(src, extras),
            fstrings: Vec::new(),
            literal_from: None,
            max_depth: config.limits.max_depth,
            brackets: Vec::new(),
            line_start: Some(LineStart::at(0)),
            indents: vec![(0, 0)],
            held: None,
            buffer_start: 0,
            done: false,
        }
    }

    /// Brackets still open, innermost last: `(opening char, offset)`.
    pub(crate) fn open_brackets(&self) -> impl DoubleEndedIterator<Item = (char, usize)> + '_ {
        self.brackets.iter().map(|&(close, at)| {
            let open = match close {
                b')' => '(',
                b']' => '[',
                _ => '{',
            };
            (open, at)
        })
    }

    /// How many brackets are open after the last token (CPython's `level`).
    pub(crate) fn depth(&self) -> usize {
        self.brackets.len()
    }

    /// Where CPython's tokenizer buffer starts now (see `buffer_start`).
    pub(crate) fn buffer_start(&self) -> usize {
        self.buffer_start
    }

    /// Warnings collected so far (numbers glued to keywords).
    pub(crate) fn take_warnings(&mut self) -> Vec<Warning> {
        std::mem::take(&mut self.raw.extras.warnings)
    }

    pub(crate) fn source(&self) -> &'a str {
        self.src
    }

    /// The byte offset where the next token is looked for.
    fn cursor(&self) -> usize {
        self.raw.span().end
    }

    /// Moves the cursor forward to `offset` (a character boundary), past
    /// text scanned by hand.
    fn advance_to(&mut self, offset: usize) {
        let cursor = self.cursor();
        if offset > cursor && self.src.is_char_boundary(offset) {
            self.raw.bump(offset - cursor);
        }
    }

    fn token(kind: Kind, start: usize, end: usize) -> Token {
        Token { kind, start, end }
    }

    /// CPython's indentation bookkeeping for the first token of a line
    /// (`tok_get`'s `atbol` block): pushes an `INDENT`, or fails on an
    /// inconsistent dedent or tab/space mix.
    fn indentation(&mut self, measure: LineStart, token_start: usize) -> Result<bool, LexError> {
        let (col, altcol) = measure.indentation();
        let &(top, alttop) = self.indents.last().unwrap_or(&(0, 0));
        let tab_error = || {
            LexError::new(
                "inconsistent use of tabs and spaces in indentation",
                token_start,
                token_start,
            )
            .with_kind(LexErrorKind::Indentation)
        };
        if col == top {
            if altcol != alttop {
                return Err(tab_error());
            }
            Ok(false)
        } else if col > top {
            if self.indents.len() >= MAX_INDENT {
                return Err(LexError::new(
                    "too many levels of indentation",
                    token_start,
                    token_start,
                )
                .with_kind(LexErrorKind::Indentation));
            }
            if altcol <= alttop {
                return Err(tab_error());
            }
            self.indents.push((col, altcol));
            Ok(true)
        } else {
            while self.indents.len() > 1 && self.indents.last().is_some_and(|&(c, _)| col < c) {
                self.indents.pop();
            }
            let &(top, alttop) = self.indents.last().unwrap_or(&(0, 0));
            if col != top {
                return Err(LexError::new(
                    "unindent does not match any outer indentation level",
                    token_start,
                    token_start,
                )
                .with_kind(LexErrorKind::Indentation));
            }
            if altcol != alttop {
                return Err(tab_error());
            }
            Ok(false)
        }
    }

    /// Opens or closes a bracket; errors on mismatches and too much nesting.
    fn bracket(&mut self, raw: Raw, start: usize) -> Result<(), LexError> {
        let close = match raw {
            Raw::LPar => Some(b')'),
            Raw::LSqb => Some(b']'),
            Raw::LBrace => Some(b'}'),
            _ => None,
        };
        if let Some(close) = close {
            if self.brackets.len() >= self.max_depth {
                return Err(
                    LexError::new("too many nested parentheses", start, start + 1)
                        .with_kind(LexErrorKind::Depth),
                );
            }
            self.brackets.push((close, start));
            return self.fstring_bracket(true, close, start);
        }
        let found = match raw {
            Raw::RPar => b')',
            Raw::RSqb => b']',
            Raw::RBrace => b'}',
            _ => return Ok(()),
        };
        self.fstring_closing(found, start)?;
        let Some((expected, opened_at)) = self.brackets.pop() else {
            return Err(LexError::new(
                format!("unmatched '{}'", found as char),
                start,
                start + 1,
            ));
        };
        if expected != found {
            let open = match expected {
                b')' => '(',
                b']' => '[',
                _ => '{',
            };
            if let Some(err) = self.fstring_mismatch(open as u8, found, start) {
                return Err(err);
            }
            let open_line = line_number(self.src, opened_at);
            let here_line = line_number(self.src, start);
            let message = if open_line == here_line {
                format!(
                    "closing parenthesis '{}' does not match opening parenthesis '{open}'",
                    found as char
                )
            } else {
                format!(
                    "closing parenthesis '{}' does not match opening parenthesis '{open}' on line {open_line}",
                    found as char
                )
            };
            return Err(LexError::new(message, start, start + 1));
        }
        self.fstring_bracket(false, found, start)
    }

    fn next_token(&mut self) -> Option<Result<Token, LexError>> {
        if self.done {
            return None;
        }
        if let Some(held) = self.held.take() {
            self.done = held.is_err();
            return Some(held);
        }
        if self.fstrings.last().is_some_and(|f| f.literal) {
            match self.fstring_literal() {
                Some(Err(err)) => {
                    self.done = true;
                    return Some(Err(err));
                }
                Some(Ok(token)) if token.start != token.end || token.kind == Kind::FStringEnd => {
                    return Some(Ok(token));
                }
                // An empty text, or a field starting here: read tokens.
                _ => {}
            }
        }
        loop {
            let before = self.cursor();
            let next = self.raw.next();
            let span = self.raw.span();
            match (next.as_ref(), self.line_start.as_mut()) {
                (Some(Ok(Raw::Newline)), bol) => {
                    // A line break ends a logical line only outside brackets
                    // and after a line that held a token.
                    let significant = bol.is_none() && self.brackets.is_empty();
                    self.line_start = Some(LineStart::at(span.end));
                    // CPython moves its buffer when it reads the next line;
                    // at the end of the input there is none.
                    if span.end < self.src.len() {
                        self.buffer_start = span.end;
                    }
                    if significant {
                        // After a comment, CPython's NEWLINE token starts at
                        // the `#` (the start of the text its `tok_get` call
                        // read past).
                        let gap = &self.src[before.min(span.start)..span.start];
                        let start = match gap.trim_start_matches([' ', '\t', '\x0C']) {
                            comment if comment.starts_with('#') => span.start - comment.len(),
                            _ => span.start,
                        };
                        return Some(Ok(Self::token(Kind::Newline, start, span.end)));
                    }
                    continue;
                }
                (Some(Ok(Raw::Continuation)), bol) => {
                    if span.end == self.src.len() {
                        // CPython points at the line break after the backslash.
                        self.done = true;
                        let line_break = span.start + 1;
                        return Some(Err(LexError::new(
                            "unexpected EOF while parsing",
                            line_break,
                            span.end,
                        )
                        .with_kind(LexErrorKind::Eof)));
                    }
                    if let Some(bol) = bol {
                        // Still reading the indentation: CPython's tokenizer
                        // is between tokens, so its buffer moves on.
                        self.buffer_start = span.end;
                        bol.measure(self.src, span.start);
                        if bol.cont_col == 0 {
                            bol.cont_col = bol.col;
                        }
                        bol.measured_to = span.end;
                    }
                    continue;
                }
                // CPython reads any backslash in a line's indentation as a
                // continuation, so one not followed by a line break fails
                // while the indentation is measured, before any `INDENT`.
                (Some(Ok(Raw::StrayBackslash)), Some(_)) => {}
                (_, Some(_)) => {
                    if let Some(indent) = self.line_started(next.as_ref(), span.start) {
                        let indent = match indent {
                            Ok(indent) => indent,
                            Err(err) => {
                                self.done = true;
                                return Some(Err(err));
                            }
                        };
                        // The token after the `INDENT` (or its error: CPython's
                        // scan of the rest of the input after a syntax error
                        // reads on and reports it).
                        match self.finish_token(next, span) {
                            Some(Ok(token)) if token.kind == Kind::EndMarker => self.done = true,
                            None => self.done = true,
                            held => {
                                self.held = held;
                                // `finish_token` marks the stream done after
                                // an error: deliver the held error first.
                                self.done = false;
                            }
                        }
                        return Some(Ok(indent));
                    }
                }
                (_, None) => {}
            }
            return self.finish_token(next, span);
        }
    }

    /// The first token of a line (or the end of input) was read: applies
    /// the line's indentation. Returns an `INDENT` token to deliver first.
    fn line_started(
        &mut self,
        next: Option<&Result<Raw, LexError>>,
        token_start: usize,
    ) -> Option<Result<Token, LexError>> {
        let mut bol = self.line_start.take()?;
        let start = if next.is_some() {
            token_start
        } else {
            self.src.len()
        };
        if next.is_none()
            && self.src[bol.measured_to..]
                .trim_start_matches([' ', '\t', '\x0C'])
                .starts_with('#')
        {
            // A last line holding only a comment is blank.
            return None;
        }
        if !self.brackets.is_empty() {
            return None;
        }
        bol.measure(self.src, start);
        match self.indentation(bol, start) {
            // CPython's caret sits on the last indentation character; when
            // the token starts its physical line (the indentation came
            // through a continuation), CPython gives no column: the token.
            Ok(true) if start == 0 || matches!(self.src.as_bytes()[start - 1], b'\n' | b'\r') => {
                Some(Ok(Self::token(Kind::Indent, start, start)))
            }
            Ok(true) => Some(Ok(Self::token(Kind::Indent, start - 1, start))),
            Ok(false) => None,
            Err(err) => Some(Err(err)),
        }
    }

    /// Turns a raw token (or the end of input) into a stream token.
    fn finish_token(
        &mut self,
        next: Option<Result<Raw, LexError>>,
        span: std::ops::Range<usize>,
    ) -> Option<Result<Token, LexError>> {
        match next {
            None => {
                self.done = true;
                let end = self.src.len();
                Some(Ok(Self::token(Kind::EndMarker, end, end)))
            }
            Some(Err(err)) if err.kind == LexErrorKind::UnknownChar => {
                Some(Ok(Self::token(Kind::Raw(Raw::Unknown), err.start, err.end)))
            }
            Some(Err(err)) => {
                self.done = true;
                Some(Err(err))
            }
            Some(Ok(Raw::StrayBackslash)) => {
                self.done = true;
                // CPython reports the character after the backslash.
                let after = self.src[span.end..]
                    .chars()
                    .next()
                    .map_or(span.end, |c| span.end + c.len_utf8());
                let error = LexError::at_cursor(
                    "unexpected character after line continuation character",
                    self.src.as_bytes(),
                    after,
                )
                .with_kind(LexErrorKind::LineContinuation);
                // CPython counts this column from the start of its buffer,
                // which may lie on an earlier line (`1 +\⏎ \x` is 2:8).
                let line_start = self.src[..error.start]
                    .rfind(['\n', '\r'])
                    .map_or(0, |i| i + 1);
                if self.buffer_start < line_start {
                    let column = cpython_columns(&self.src[self.buffer_start..error.start]) + 1;
                    return Some(Err(error.with_column(column)));
                }
                Some(Err(error))
            }
            Some(Ok(Raw::String(StrToken {
                prefix,
                fstring_start: Some((quote, triple)),
                ..
            }))) => {
                if let Err(err) = self.open_fstring(quote, triple, prefix.raw, span.start) {
                    self.done = true;
                    return Some(Err(err));
                }
                Some(Ok(Self::token(Kind::FStringStart, span.start, span.end)))
            }
            Some(Ok(raw @ (Raw::Colon | Raw::ColonEqual))) => {
                let len = self.field_colon(span.start, span.end - span.start);
                let kind = if len == 1 { Raw::Colon } else { raw };
                Some(Ok(Self::token(
                    Kind::Raw(kind),
                    span.start,
                    span.start + len,
                )))
            }
            Some(Ok(raw)) => {
                if let Err(err) = self.bracket(raw, span.start) {
                    self.done = true;
                    return Some(Err(err));
                }
                Some(Ok(Self::token(Kind::Raw(raw), span.start, span.end)))
            }
        }
    }
}

impl Iterator for Tokenizer<'_> {
    type Item = Result<Token, LexError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_token()
    }
}

/// The number of characters of `text` as CPython's tokenizer holds it: a
/// `\r\n` line break (translated to `\n` before tokenizing) is one.
fn cpython_columns(text: &str) -> usize {
    text.chars().count() - text.matches("\r\n").count()
}

/// 1-based line number of byte `offset`; `\n`, `\r\n` and `\r` end lines.
pub(crate) fn line_number(src: &str, offset: usize) -> usize {
    let all = src.as_bytes();
    let bytes = &all[..offset.min(src.len())];
    let mut line = 1;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => line += 1,
            // Look past `offset`: an offset between the two bytes of "\r\n"
            // is still on the line that "\r\n" ends.
            b'\r' if all.get(i + 1) != Some(&b'\n') => line += 1,
            _ => {}
        }
        i += 1;
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<String> {
        Tokenizer::new(src, &Parser::new())
            .map(|t| match t {
                Ok(t) => format!("{:?}@{}..{}", t.kind, t.start, t.end)
                    .replace("Raw(", "")
                    .replace(')', ""),
                Err(e) => format!("ERR({:?} {} @{}..{})", e.kind, e.message, e.start, e.end),
            })
            .collect()
    }

    /// The shape the scanner reports lets decoding skip its checks: it must
    /// only say "plain" when the text is, and decode to the same value.
    #[test]
    fn number_shapes_agree_with_full_decoding() {
        use crate::decode::number::{decode_number, decode_number_shaped};
        use NumberShape::{Other, PlainFloat, PlainInt};
        let cases = [
            ("0", PlainInt),
            ("000", PlainInt),
            ("42", PlainInt),
            ("123456789012345678", PlainInt),
            ("1234567890123456789", PlainInt),
            ("99999999999999999999999", PlainInt),
            ("1.5", PlainFloat),
            ("1.", PlainFloat),
            (".5", PlainFloat),
            ("0.000", PlainFloat),
            ("00.5", PlainFloat),
            ("123456789012345678901234567890.5", PlainFloat),
            ("1_000", Other),
            ("0_0", Other),
            ("1.5_5", Other),
            ("1e5", Other),
            ("1.5E-3", Other),
            ("1j", Other),
            ("1.5j", Other),
            ("0x_ff", Other),
            ("0o17", Other),
            ("0b1", Other),
        ];
        for (text, want) in cases {
            let token = Raw::lexer(text).next();
            assert_eq!(token, Some(Ok(Raw::Number(want))), "{text}");
            for limit in [0, 1, 3, 4300] {
                assert_eq!(
                    decode_number_shaped(text, want, limit),
                    decode_number(text, limit),
                    "{text} with max_int_digits = {limit}"
                );
            }
        }
        // `1e` not followed by an exponent ends the number before the `e`.
        let mut lex = Raw::lexer("1else");
        assert_eq!(lex.next(), Some(Ok(Raw::Number(PlainInt))));
        assert_eq!(lex.slice(), "1");
    }

    #[test]
    fn debug_dump() {
        for src in [
            "[1, 2.5, 'a', b\"x\", rb'\\'', 0x_f, 1e5j]",
            "1\n 2",
            "1\n \n",
            "1\n ",
            "(1,\n  2]",
            "'abc",
            "'''ab\ncd",
            "1_",
            "0x",
            "01",
            "1if x else 2",
            "1abc",
            "a€",
            "$",
            "\\",
            "1 \\\n",
            "\x0c 1",
            "x # comment\n\n",
            "1e",
            "1.e5",
            "0b12",
            "0o8",
        ] {
            eprintln!("{src:?} => {:?}", kinds(src));
        }
    }
}
