//! The token stream the grammars read: tokenizer output with literals
//! decoded.
//!
//! Adjacent string tokens are one literal (`'a' 'b'`); they are collected,
//! decoded piece by piece and concatenated here, in the order CPython's
//! `strings` action does it, so the same error wins. Numbers are converted
//! here too (the int digit limit is checked when the number is reached, as
//! in CPython's number action).

use crate::decode::number::{decode_number_shaped, Number, NumberError};
use crate::decode::string::{
    decode_bytes, decode_str, is_plain_body, EscapeError, EscapeWarning, BYTES_NON_ASCII,
};
use crate::error::LimitKind;
use crate::lexer::{Kind, LexError, Raw, StrToken, Token, Tokenizer, Warning, WarningKind};
use crate::options::{Parser, PythonVersion};
use crate::value::{Int, PyStr, PyStrBuf};

use super::fstring::{self, FStringError};
use super::token::{ActionError, Fail, Span, Spanned, Tok};

/// What the stream is read for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// The literal grammar: any conversion error stops the stream (the
    /// input is then classified by the full grammar), and f-strings are not
    /// looked into (the literal grammar rejects them anyway).
    Literal,
    /// The full grammar: f-string contents are checked, and a conversion
    /// error is set aside (the token is passed on with a placeholder value).
    /// CPython raises it only if its parser gets past the token, which the
    /// caller decides by comparing where the parse stopped.
    Classify,
}

/// A conversion error set aside in [`Mode::Classify`].
#[derive(Clone, Debug)]
pub(crate) struct Deferred {
    /// The start of the token (or string group) it belongs to.
    pub(crate) start: usize,
    pub(crate) error: ActionError,
    /// CPython raises it while reading its token, before it reads the
    /// next one (so a tokenizer error there comes after it).
    pub(crate) at_token: bool,
}

/// The decoded token stream of one input.
pub(crate) struct Literals<'a> {
    tokens: Tokenizer<'a>,
    peeked: Option<Result<Token, LexError>>,
    mode: Mode,
    config: Parser,
    /// How many f-strings this text is nested in (for replacement fields).
    fstring_depth: usize,
    warnings: Vec<Warning>,
    /// In [`Mode::Classify`]: the first conversion error, with the start of
    /// the token it belongs to.
    deferred: Option<Deferred>,
    done: bool,
}

impl<'a> Literals<'a> {
    pub(crate) fn new(tokens: Tokenizer<'a>, config: &Parser, mode: Mode) -> Self {
        Literals {
            tokens,
            peeked: None,
            mode,
            config: config.clone(),
            fstring_depth: 0,
            warnings: Vec::new(),
            deferred: None,
            done: false,
        }
    }

    /// Marks the text as a replacement field nested in `depth` f-strings.
    pub(crate) fn nested_in_fstrings(mut self, depth: usize) -> Self {
        self.fstring_depth = depth;
        self
    }

    /// The first conversion error set aside in [`Mode::Classify`].
    pub(crate) fn take_deferred(&mut self) -> Option<Deferred> {
        self.deferred.take()
    }

    /// A conversion error for the token at `start`: fatal in
    /// [`Mode::Literal`], set aside (and `placeholder` passed on) otherwise.
    fn conversion_error(
        &mut self,
        start: usize,
        end: usize,
        error: ActionError,
        placeholder: Tok,
    ) -> Spanned {
        // Numbers are converted as their token is read, and strings too
        // from 3.12 on; the rest once the token after them is read.
        let at_token = match placeholder {
            Tok::Int(_) => true,
            Tok::Str(_) => self.config.version >= PythonVersion::V3_12,
            _ => false,
        };
        match self.mode {
            Mode::Literal => Err(Fail::Action(error)),
            Mode::Classify => {
                self.deferred.get_or_insert(Deferred {
                    start,
                    error,
                    at_token,
                });
                Ok((start, placeholder, end))
            }
        }
    }

    /// All warnings so far, in source order of the tokens that raised them.
    pub(crate) fn take_warnings(&mut self) -> Vec<Warning> {
        let mut all = std::mem::take(&mut self.warnings);
        all.extend(self.tokens.take_warnings());
        all.sort_by_key(Warning::offset);
        all
    }

    fn next_token(&mut self) -> Option<Result<Token, LexError>> {
        self.peeked.take().or_else(|| self.tokens.next())
    }

    fn peek(&mut self) -> Option<&Result<Token, LexError>> {
        if self.peeked.is_none() {
            self.peeked = self.tokens.next();
        }
        self.peeked.as_ref()
    }

    fn convert(&mut self, token: Token) -> Spanned {
        let src = self.tokens.source();
        let (start, end) = (token.start, token.end);
        let tok = match token.kind {
            Kind::Newline => Tok::Newline,
            Kind::Indent => Tok::Indent,
            Kind::EndMarker => Tok::EndMarker,
            Kind::FStringStart => Tok::FStringStart,
            Kind::FStringEnd => Tok::FStringEnd,
            Kind::FStringMiddle { raw } => return self.fstring_middle(start, end, raw),
            Kind::Raw(Raw::String(first)) => return self.strings(first, start, end),
            Kind::Raw(Raw::Number(shape)) => {
                let text = &src[start..end];
                match decode_number_shaped(text, shape, self.config.limits.max_int_digits) {
                    Ok(Number::Int(i)) => Tok::Int(i),
                    Ok(Number::Float(f)) => Tok::Float(f),
                    Ok(Number::Imag(f)) => Tok::Imag(f),
                    Err(err) => {
                        let error = match err {
                            NumberError::TooManyDigits { .. } => {
                                ActionError::limit(LimitKind::IntDigits, err.message(), start, end)
                            }
                            // The tokenizer only passes on valid number tokens.
                            NumberError::Malformed => {
                                ActionError::syntax(err.message(), start, end)
                            }
                        };
                        return self.conversion_error(start, end, error, Tok::Int(Int::from(0)));
                    }
                }
            }
            Kind::Raw(Raw::Name) => Tok::Name(crate::unicode::normalizes_to_set_in(
                &src[start..end],
                self.config.version.unicode(),
            )),
            Kind::Raw(raw) => Tok::P(raw),
        };
        Ok((start, tok, end))
    }

    /// Collects a group of adjacent string tokens and decodes it as CPython
    /// 3.11's `_PyPegen_concatenate_strings` does: piece by piece, each
    /// piece decoded before the bytes/str mix check.
    fn strings(&mut self, first: StrToken, start: usize, mut end: usize) -> Spanned {
        // Most groups are one token: the rest of the group is only
        // allocated when a second piece follows.
        let mut rest = Vec::new();
        loop {
            match self.peek() {
                Some(Ok(Token {
                    kind: Kind::Raw(Raw::String(piece)),
                    start: piece_start,
                    end: piece_end,
                })) => {
                    rest.push((*piece, *piece_start, *piece_end));
                    end = *piece_end;
                    self.peeked = None;
                }
                Some(Err(_)) => {
                    // A tokenizer error ends the group: the group is passed
                    // on first (CPython's parser may fail on it), the error
                    // stays for the next token.
                    rest.insert(0, (first, start, end));
                    let placeholder = Tok::Str(Default::default());
                    return match self.decode_group(&rest) {
                        Ok(tok) => Ok((start, tok, end)),
                        // From 3.12 on each string is converted as the
                        // parser reads it, before the tokenizer reads on.
                        Err(error) if self.config.version >= PythonVersion::V3_12 => {
                            self.conversion_error(start, end, error, placeholder)
                        }
                        // 3.11 converts the group once it has read the token
                        // after it: the tokenizer error comes first.
                        Err(_) => Ok((start, placeholder, end)),
                    };
                }
                _ => break,
            }
        }
        if rest.is_empty() {
            if let Some(tok) = self.plain_string(first) {
                return Ok((start, tok, end));
            }
        }
        rest.insert(0, (first, start, end));
        match self.decode_group(&rest) {
            Ok(tok) => Ok((start, tok, end)),
            Err(error) => {
                let error = self.unclosed_at_end().unwrap_or(error);
                self.conversion_error(start, end, error, Tok::Str(Default::default()))
            }
        }
    }

    /// CPython 3.11 converts a string group in the action run after the
    /// token that follows it is read; when that is the end of the input
    /// inside brackets, its tokenizer fails first: "'(' was never closed".
    fn unclosed_at_end(&mut self) -> Option<ActionError> {
        if self.config.version >= PythonVersion::V3_12 {
            return None;
        }
        match self.peek() {
            Some(Ok(t)) if t.kind == Kind::EndMarker => {}
            _ => return None,
        }
        let (open, at) = self.tokens.open_brackets().next_back()?;
        Some(ActionError::syntax(
            format!("'{open}' was never closed"),
            at,
            at + 1,
        ))
    }

    /// The common case of a group: one `str` or `bytes` token without
    /// escapes or carriage returns (nor non-ASCII characters in bytes),
    /// whose value is its body as it stands. `None` for anything else.
    fn plain_string(&self, piece: StrToken) -> Option<Tok> {
        if piece.prefix.fstring {
            return None;
        }
        let body = self.tokens.source().get(piece.body_start..piece.body_end)?;
        if !is_plain_body(body.as_bytes(), piece.prefix.raw) {
            return None;
        }
        Some(if piece.prefix.bytes {
            if !body.is_ascii() {
                return None;
            }
            Tok::Bytes(body.as_bytes().to_vec())
        } else if self.mode == Mode::Literal {
            // Built from the borrowed text by the grammar's action.
            Tok::PlainStr(Span {
                start: piece.body_start,
                end: piece.body_end,
            })
        } else {
            Tok::Str(PyStr::from(body))
        })
    }

    /// Decodes and concatenates the pieces of a string group.
    fn decode_group(&mut self, pieces: &[(StrToken, usize, usize)]) -> Result<Tok, ActionError> {
        let src = self.tokens.source();
        // CPython 3.11 reports most errors of this step at the token after the group.
        let (err_start, err_end) = self.error_anchor();
        let mut text = PyStrBuf::new();
        let mut bytes = Vec::new();
        let mut is_bytes = None;
        let mut mixed = false;
        let mut fstring = false;
        for &(piece, piece_start, piece_end) in pieces {
            let body = &src[piece.body_start..piece.body_end];
            let mut warning = None;
            if !piece.prefix.fstring {
                let decoded = if piece.prefix.bytes {
                    decode_bytes(body, piece.prefix.raw, &mut bytes, &mut warning)
                } else {
                    decode_str(
                        body,
                        piece.prefix.raw,
                        self.config.version.unicode(),
                        &mut text,
                        &mut warning,
                    )
                };
                if let Some(EscapeWarning { offset, message }) = warning {
                    self.warnings.push(Warning::new(
                        WarningKind::InvalidEscape,
                        message,
                        piece.body_start + offset,
                    ));
                }
                if let Err(EscapeError { message, .. }) = decoded {
                    // The ASCII check is raised at the token itself, and
                    // from 3.12 on escape errors are too; 3.11 places them
                    // after the group.
                    let at_token =
                        message == BYTES_NON_ASCII || self.config.version >= PythonVersion::V3_12;
                    let (start, end) = if at_token {
                        (piece_start, piece_end)
                    } else {
                        (err_start, err_end)
                    };
                    return Err(ActionError::syntax(message, start, end));
                }
            }
            match is_bytes {
                // 3.12+ checks the mix after the whole group (including any
                // f-strings around this run): the grammar reports it.
                Some(b)
                    if b != piece.prefix.bytes && self.config.version >= PythonVersion::V3_12 =>
                {
                    mixed = true;
                }
                Some(b) if b != piece.prefix.bytes => {
                    return Err(ActionError::syntax(
                        "cannot mix bytes and nonbytes literals",
                        err_start,
                        err_end,
                    ));
                }
                _ => is_bytes = Some(piece.prefix.bytes),
            }
            if piece.prefix.fstring {
                fstring = true;
                if self.mode == Mode::Literal {
                    return Ok(Tok::FString);
                }
                let checked = fstring::check(
                    body,
                    piece.body_start,
                    piece.prefix.raw,
                    &self.config,
                    self.fstring_depth,
                    &mut self.warnings,
                );
                match checked {
                    Ok(()) => {}
                    Err(FStringError::Anchored(message)) => {
                        return Err(ActionError::syntax(message, err_start, err_end));
                    }
                    Err(FStringError::Located(error)) => return Err(error),
                }
            }
        }
        Ok(if fstring {
            Tok::FString
        } else if mixed {
            Tok::MixedStrings
        } else if is_bytes == Some(true) {
            Tok::Bytes(bytes)
        } else {
            Tok::Str(text.finish())
        })
    }

    /// Literal text of a tokenized f-string (3.12+): its escapes are decoded
    /// like a str literal's (errors reported at the token after it).
    fn fstring_middle(&mut self, start: usize, end: usize, raw: bool) -> Spanned {
        if raw || self.mode == Mode::Literal {
            return Ok((start, Tok::FStringMiddle, end));
        }
        let text = &self.tokens.source()[start..end];
        let mut out = PyStrBuf::new();
        let mut warning = None;
        let decoded = decode_str(
            text,
            false,
            self.config.version.unicode(),
            &mut out,
            &mut warning,
        );
        if let Some(EscapeWarning { offset, message }) = warning {
            self.warnings.push(Warning::new(
                WarningKind::InvalidEscape,
                message,
                start + offset,
            ));
        }
        match decoded {
            Ok(()) => Ok((start, Tok::FStringMiddle, end)),
            Err(EscapeError { message, .. }) => {
                let (err_start, err_end) = self.error_anchor();
                let error = ActionError::syntax(message, err_start, err_end);
                self.conversion_error(start, end, error, Tok::FStringMiddle)
            }
        }
    }

    /// Where CPython 3.11 places an error raised while converting a string
    /// group: on the token after it, or on the last character of the input
    /// when the group ends it.
    fn error_anchor(&mut self) -> (usize, usize) {
        let last = last_char_start(self.tokens.source());
        match self.peek() {
            Some(Ok(t)) if t.kind != Kind::EndMarker => (t.start, t.end),
            _ => (last, last),
        }
    }
}

/// Where CPython places an error on the end marker: on the last character
/// of the input (its column is "the cursor", just past the input).
pub(crate) fn last_char_start(src: &str) -> usize {
    src.char_indices().next_back().map_or(0, |(i, _)| i)
}

impl Iterator for Literals<'_> {
    type Item = Spanned;

    fn next(&mut self) -> Option<Spanned> {
        if self.done {
            return None;
        }
        let item = match self.next_token()? {
            Ok(token) => self.convert(token),
            Err(err) => Err(Fail::Lex(err)),
        };
        if item.is_err() {
            self.done = true;
        }
        Some(item)
    }
}
