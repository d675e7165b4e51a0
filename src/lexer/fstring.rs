//! f-strings as CPython 3.12+ tokenizes them (PEP 701).
//!
//! From 3.12 on an f-string is a token sequence: `FSTRING_START` (prefix
//! and quotes), then literal text (`FSTRING_MIDDLE`) and replacement
//! fields, whose expressions are ordinary tokens, then `FSTRING_END`. The
//! tokenizer keeps a stack of the f-strings it is inside, each either
//! scanning literal text or inside a field; this mirrors `tokenizer_mode`
//! and `tok_get_fstring_mode` of CPython's `Parser/lexer/lexer.c`.

use super::{line_number, Kind, LexError, Token, Tokenizer, Warning, WarningKind};

/// CPython's `MAXFSTRINGLEVEL`: how deep f-strings may nest.
pub(super) const MAX_FSTRING_LEVEL: usize = 150;

/// CPython's `MAX_EXPR_NESTING`: how deep fields may nest in format specs.
const MAX_EXPR_NESTING: i32 = 3;

/// One f-string being tokenized.
#[derive(Clone, Copy, Debug)]
pub(super) struct FString {
    pub(super) quote: u8,
    pub(super) triple: bool,
    pub(super) raw: bool,
    /// Where its `FSTRING_START` token starts (errors point there).
    pub(super) start: usize,
    /// Scanning literal text (CPython's `TOK_FSTRING_MODE`) rather than
    /// the tokens of a field.
    pub(super) literal: bool,
    /// Brackets opened inside it (CPython's `curly_bracket_depth`).
    pub(super) depth: i32,
    /// The bracket depth of the innermost open field, -1 outside fields
    /// (CPython's `curly_bracket_expr_start_depth`).
    pub(super) field_depth: i32,
    pub(super) in_format_spec: bool,
}

impl FString {
    fn quote_len(&self) -> usize {
        if self.triple {
            3
        } else {
            1
        }
    }

    /// Inside a replacement field (CPython's `INSIDE_FSTRING_EXPR`).
    pub(super) fn in_field(&self) -> bool {
        self.field_depth >= 0
    }
}

impl Tokenizer<'_> {
    /// The innermost f-string.
    pub(super) fn fstring(&mut self) -> Option<&mut FString> {
        self.fstrings.last_mut()
    }

    /// Starts an f-string at its `FSTRING_START` token.
    pub(super) fn open_fstring(
        &mut self,
        quote: u8,
        triple: bool,
        raw: bool,
        start: usize,
    ) -> Result<(), LexError> {
        if self.fstrings.len() + 1 >= MAX_FSTRING_LEVEL {
            return Err(LexError::at_cursor(
                "too many nested f-strings",
                self.src.as_bytes(),
                self.cursor(),
            ));
        }
        self.fstrings.push(FString {
            quote,
            triple,
            raw,
            start,
            literal: true,
            depth: 0,
            field_depth: -1,
            in_format_spec: false,
        });
        self.sync_fstring_quote();
        Ok(())
    }

    /// Tells the string scanner which quote would end the innermost f-string.
    pub(super) fn sync_fstring_quote(&mut self) {
        self.raw.extras.fstring_quote = self.fstrings.last().map(|f| (f.quote, f.triple));
    }

    /// A field opens at the `{` at `at`: the f-string switches to tokens.
    fn open_field(&mut self, at: usize) -> Result<(), LexError> {
        let src = self.src.as_bytes();
        let Some(f) = self.fstrings.last_mut() else {
            return Ok(());
        };
        f.field_depth += 1;
        if f.field_depth >= MAX_EXPR_NESTING {
            return Err(LexError::at_cursor(
                "f-string: expressions nested too deeply",
                src,
                at,
            ));
        }
        f.literal = false;
        f.in_format_spec = false;
        Ok(())
    }

    /// In literal mode: the next `FSTRING_MIDDLE` or `FSTRING_END`, or
    /// `None` when a field starts here (the caller then reads its tokens).
    pub(super) fn fstring_literal(&mut self) -> Option<Result<Token, LexError>> {
        let src = self.src.as_bytes();
        let start = self.literal_from.take().unwrap_or_else(|| self.cursor());
        let f = *self.fstrings.last()?;
        let at = |i: usize| src.get(i).copied();
        let qlen = f.quote_len();

        if at(start) == Some(b'{') && at(start + 1) != Some(b'{') {
            return self.open_field(start).err().map(Err);
        }
        if (0..qlen).all(|k| at(start + k) == Some(f.quote)) {
            self.fstrings.pop();
            self.sync_fstring_quote();
            self.advance_to(start + qlen);
            return Some(Ok(Self::token(Kind::FStringEnd, start, start + qlen)));
        }

        let in_format_spec = f.in_format_spec && f.in_field();
        let mut i = start;
        let mut quotes = 0;
        let mut named_escape = false;
        // (end of the text, where scanning resumes)
        let (end, resume) = loop {
            if quotes == qlen {
                break (i - qlen, i - qlen);
            }
            let Some(c) = at(i) else {
                return Some(Err(self.unterminated_fstring(&f, i)));
            };
            i += 1;
            if (c == b'\n' || c == b'\r') && !f.triple {
                if in_format_spec {
                    // A format spec ends at a line break; it is read on as tokens.
                    if let Some(f) = self.fstring() {
                        f.literal = false;
                        f.in_format_spec = false;
                    }
                    break (i - 1, i - 1);
                }
                return Some(Err(self.unterminated_fstring(&f, i - 1)));
            }
            if c == f.quote {
                quotes += 1;
                continue;
            }
            quotes = 0;
            match c {
                b'{' => {
                    if at(i) != Some(b'{') || in_format_spec {
                        if let Err(err) = self.open_field(i - 1) {
                            return Some(Err(err));
                        }
                        break (i - 1, i - 1);
                    }
                    // "{{": the text keeps one brace.
                    break (i, i + 1);
                }
                b'}' => {
                    if named_escape {
                        // The end of "\N{name}".
                        break (i, i);
                    }
                    if at(i) == Some(b'}') && !in_format_spec && f.depth == 0 {
                        break (i, i + 1);
                    }
                    // A lone '}' is read as a token (ending a field, or an error).
                    if let Some(f) = self.fstring() {
                        f.literal = false;
                        f.in_format_spec = false;
                    }
                    break (i - 1, i - 1);
                }
                b'\\' => {
                    let mut peek = at(i);
                    i += 1;
                    if peek == Some(b'\r') && at(i) == Some(b'\n') {
                        // "\r\n" is one line break (CPython translates it).
                        peek = Some(b'\n');
                        i += 1;
                    }
                    if let Some(brace @ (b'{' | b'}')) = peek {
                        if !f.raw {
                            self.raw.extras.warnings.push(Warning::new(
                                WarningKind::InvalidEscape,
                                format!("invalid escape sequence '\\{}'", brace as char),
                                i - 2,
                            ));
                        }
                        i -= 1;
                        continue;
                    }
                    if peek.is_none() {
                        i -= 1;
                    } else if !f.raw && peek == Some(b'N') && at(i) == Some(b'{') {
                        i += 1;
                        named_escape = true;
                    } else if let Some(b) = peek {
                        // Step over the rest of a multi-byte character.
                        i += super::raw::utf8_len(b) - 1;
                    }
                }
                _ => {}
            }
        };
        self.advance_to(resume);
        let raw = f.raw;
        Some(Ok(Self::token(Kind::FStringMiddle { raw }, start, end)))
    }

    /// CPython's error for an f-string whose literal text reaches a line
    /// break (single quotes) or the end of the input.
    fn unterminated_fstring(&mut self, f: &FString, detected_at: usize) -> LexError {
        self.done = true;
        let line = line_number(self.src, detected_at.saturating_sub(1).max(f.start));
        let message = if f.triple {
            format!("unterminated triple-quoted f-string literal (detected at line {line})")
        } else {
            format!("unterminated f-string literal (detected at line {line})")
        };
        LexError::new(message, f.start, f.start + 1)
    }

    /// A `:` inside a field, at its top level, starts the format spec.
    /// Returns the length of the token to deliver (1 also for `:=`, whose
    /// `=` is then the first character of the spec).
    pub(super) fn field_colon(&mut self, start: usize, len: usize) -> usize {
        let Some(f) = self.fstrings.last_mut() else {
            return len;
        };
        if !f.literal && f.in_field() && f.depth - 1 == f.field_depth {
            f.literal = true;
            f.in_format_spec = true;
            self.literal_from = Some(start + 1);
            return 1;
        }
        len
    }

    /// Bracket bookkeeping inside an f-string, before the bracket is
    /// matched: CPython's checks for `}` that closes nothing of the field.
    pub(super) fn fstring_closing(&mut self, found: u8, start: usize) -> Result<(), LexError> {
        let Some(f) = self.fstrings.last() else {
            return Ok(());
        };
        if f.depth == 0 && found == b'}' {
            return Err(LexError::at_cursor(
                "f-string: single '}' is not allowed",
                self.src.as_bytes(),
                start + 1,
            ));
        }
        Ok(())
    }

    /// A mismatched closing bracket inside an f-string field: CPython
    /// reports it as unmatched when the opening one is the field's `{`.
    pub(super) fn fstring_mismatch(
        &self,
        opening: u8,
        found: u8,
        start: usize,
    ) -> Option<LexError> {
        let f = self.fstrings.last()?;
        (opening == b'{' && f.depth - 1 == f.field_depth).then(|| {
            LexError::at_cursor(
                format!("f-string: unmatched '{}'", found as char),
                self.src.as_bytes(),
                start + 1,
            )
        })
    }

    /// After a bracket was matched inside an f-string.
    pub(super) fn fstring_bracket(
        &mut self,
        opened: bool,
        found: u8,
        start: usize,
    ) -> Result<(), LexError> {
        let src = self.src.as_bytes();
        let Some(f) = self.fstrings.last_mut() else {
            return Ok(());
        };
        if opened {
            f.depth += 1;
            return Ok(());
        }
        f.depth -= 1;
        if f.depth < 0 {
            return Err(LexError::at_cursor(
                format!("f-string: unmatched '{}'", found as char),
                src,
                start + 1,
            ));
        }
        if found == b'}' && f.depth == f.field_depth {
            f.field_depth -= 1;
            f.literal = true;
            f.in_format_spec = false;
        }
        Ok(())
    }
}
