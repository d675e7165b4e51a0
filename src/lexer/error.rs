//! Errors of the tokenizer (CPython's tokenizer-level `SyntaxError`s).

/// Which exception family a tokenizer error belongs to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum LexErrorKind {
    /// A plain `SyntaxError`.
    #[default]
    Syntax,
    /// `IndentationError` (inconsistent dedent, too deep) or `TabError`
    /// (reported as an indentation error too).
    Indentation,
    /// A backslash followed by something other than a line break.
    LineContinuation,
    /// A line continuation at the very end of the input.
    Eof,
    /// More nested brackets than `Limits::max_depth` allows.
    Depth,
    /// Not an error of the tokenizer: a printable character that is no
    /// token (`$`, `?`, `!`, backtick), which CPython passes to the grammar.
    UnknownChar,
}

/// A tokenizer error: message and the byte range the caret marks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct LexError {
    pub(crate) kind: LexErrorKind,
    pub(crate) message: String,
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// CPython gives the columns in UTF-8 bytes (see [`LexError::in_bytes`]).
    pub(crate) byte_columns: bool,
    /// The column CPython reports, when it is not the start's column in
    /// its line (see [`LexError::with_column`]).
    pub(crate) column: Option<usize>,
}

impl LexError {
    pub(crate) fn new(message: impl Into<String>, start: usize, end: usize) -> LexError {
        LexError {
            kind: LexErrorKind::Syntax,
            message: message.into(),
            start,
            end,
            byte_columns: false,
            column: None,
        }
    }

    /// An error placed like CPython's `syntaxerror(tok, …)`: its offset is
    /// the number of characters up to the cursor, so the caret sits on the
    /// last character read (the one before `cur`).
    pub(crate) fn at_cursor(message: impl Into<String>, src: &[u8], cur: usize) -> LexError {
        let mut start = cur.saturating_sub(1);
        while start > 0 && src.get(start).is_some_and(|b| b & 0xC0 == 0x80) {
            start -= 1;
        }
        LexError::new(message, start, cur.max(start))
    }

    pub(crate) fn unknown_char(at: usize) -> LexError {
        LexError {
            kind: LexErrorKind::UnknownChar,
            message: String::new(),
            start: at,
            end: at + 1,
            byte_columns: false,
            column: None,
        }
    }

    /// Whether CPython reports this error only when the parser reaches it.
    ///
    /// After a parse error, CPython tokenizes the rest of the input and lets
    /// a tokenizer error found there replace the parse error, but only the
    /// errors its tokenizer raises as exceptions; these ones are mere status
    /// codes and end that scan silently.
    pub(crate) fn is_soft(&self) -> bool {
        matches!(
            self.kind,
            LexErrorKind::Indentation | LexErrorKind::LineContinuation | LexErrorKind::Eof
        )
    }

    /// Marks an error whose columns CPython counts in UTF-8 bytes from the
    /// line start: those its tokenizer passes to `syntaxerror_known_range`
    /// as byte offsets ("leading zeros …").
    pub(crate) fn in_bytes(mut self) -> LexError {
        self.byte_columns = true;
        self
    }

    /// Sets the 1-based column CPython reports: counted from the start of
    /// an earlier line for an error after a line continuation (its
    /// tokenizer counts from the start of the text it holds, which a
    /// continuation does not reset).
    pub(crate) fn with_column(mut self, column: usize) -> LexError {
        self.column = Some(column);
        self
    }

    pub(crate) fn with_kind(mut self, kind: LexErrorKind) -> LexError {
        self.kind = kind;
        self
    }
}
