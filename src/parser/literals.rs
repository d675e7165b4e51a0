//! The token stream the grammars read: tokenizer output with literals
//! decoded.
//!
//! Adjacent string tokens are one literal (`'a' 'b'`); they are collected,
//! decoded piece by piece and concatenated here, in the order CPython's
//! `strings` action does it, so the same error wins. Numbers are converted
//! here too (the int digit limit is checked when the number is reached, as
//! in CPython's number action).

use crate::decode::number::{decode_number, Number, NumberError};
use crate::decode::string::{decode_bytes, decode_str, EscapeError, EscapeWarning};
use crate::error::LimitKind;
use crate::lexer::{Kind, LexError, Raw, StrToken, Token, Tokenizer, Warning, WarningKind};
use crate::value::PyStrBuf;

use super::token::{ActionError, Fail, Spanned, Tok};

/// How much checking f-strings get.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FStrings {
    /// Don't look inside: the literal grammar rejects them anyway.
    Skip,
    /// Check their contents like CPython (their errors are syntax errors).
    Validate,
}

/// The decoded token stream of one input.
pub(crate) struct Literals<'a> {
    tokens: Tokenizer<'a>,
    peeked: Option<Result<Token, LexError>>,
    fstrings: FStrings,
    max_int_digits: usize,
    warnings: Vec<Warning>,
    done: bool,
}

impl<'a> Literals<'a> {
    pub(crate) fn new(tokens: Tokenizer<'a>, max_int_digits: usize, fstrings: FStrings) -> Self {
        Literals {
            tokens,
            peeked: None,
            fstrings,
            max_int_digits,
            warnings: Vec::new(),
            done: false,
        }
    }

    /// The tokenizer, e.g. to keep scanning after a parse error.
    pub(crate) fn tokenizer(&mut self) -> &mut Tokenizer<'a> {
        &mut self.tokens
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
            Kind::Raw(Raw::String(first)) => return self.strings(first, start, end),
            Kind::Raw(Raw::Number) => {
                let text = &src[start..end];
                match decode_number(text, self.max_int_digits) {
                    Ok(Number::Int(i)) => Tok::Int(i),
                    Ok(Number::Float(f)) => Tok::Float(f),
                    Ok(Number::Imag(f)) => Tok::Imag(f),
                    Err(err @ NumberError::TooManyDigits { .. }) => {
                        return Err(Fail::Action(ActionError::limit(
                            LimitKind::IntDigits,
                            err.message(),
                            start,
                            end,
                        )));
                    }
                    // The tokenizer only passes on valid number tokens.
                    Err(NumberError::Malformed) => {
                        return Err(Fail::Action(ActionError::syntax(
                            "invalid number literal",
                            start,
                            end,
                        )));
                    }
                }
            }
            Kind::Raw(Raw::Name) => Tok::Name(crate::unicode::normalizes_to_set(&src[start..end])),
            Kind::Raw(raw) => Tok::P(raw),
        };
        Ok((start, tok, end))
    }

    /// Collects a group of adjacent string tokens and decodes it as CPython
    /// 3.11's `_PyPegen_concatenate_strings` does: piece by piece, each
    /// piece decoded before the bytes/str mix check.
    fn strings(&mut self, first: StrToken, start: usize, mut end: usize) -> Spanned {
        let src = self.tokens.source();
        let mut pieces = vec![first];
        loop {
            match self.peek() {
                Some(Ok(Token {
                    kind: Kind::Raw(Raw::String(piece)),
                    ..
                })) => {
                    pieces.push(*piece);
                    if let Some(Ok(token)) = self.peeked.take() {
                        end = token.end;
                    }
                }
                Some(Err(_)) => {
                    // A tokenizer error ends the group before it is decoded.
                    if let Some(Err(err)) = self.peeked.take() {
                        return Err(Fail::Lex(err));
                    }
                }
                _ => break,
            }
        }
        // CPython 3.11 reports errors of this step at the token after the group.
        let (err_start, err_end) = self.error_anchor();

        let mut text = PyStrBuf::new();
        let mut bytes = Vec::new();
        let mut is_bytes = None;
        let mut fstring = false;
        for piece in &pieces {
            let body = &src[piece.body_start..piece.body_end];
            let mut warning = None;
            if piece.prefix.fstring {
                fstring = true;
                if self.fstrings == FStrings::Skip {
                    return Ok((start, Tok::FString, end));
                }
                // The contents are validated below, after the mix check.
            } else {
                let decoded = if piece.prefix.bytes {
                    decode_bytes(body, piece.prefix.raw, &mut bytes, &mut warning)
                } else {
                    decode_str(body, piece.prefix.raw, &mut text, &mut warning)
                };
                if let Some(EscapeWarning { offset, message }) = warning {
                    self.warnings.push(Warning::new(
                        WarningKind::InvalidEscape,
                        message,
                        piece.body_start + offset,
                    ));
                }
                if let Err(EscapeError { message, .. }) = decoded {
                    return Err(Fail::Action(ActionError::syntax(
                        message, err_start, err_end,
                    )));
                }
            }
            match is_bytes {
                Some(b) if b != piece.prefix.bytes => {
                    return Err(Fail::Action(ActionError::syntax(
                        "cannot mix bytes and nonbytes literals",
                        err_start,
                        err_end,
                    )));
                }
                _ => is_bytes = Some(piece.prefix.bytes),
            }
        }
        let tok = if fstring {
            Tok::FString
        } else if is_bytes == Some(true) {
            Tok::Bytes(bytes)
        } else {
            Tok::Str(text.finish())
        };
        Ok((start, tok, end))
    }

    /// Where CPython 3.11 places an error raised while converting a string
    /// group: on the token after it, or on the last character of the input
    /// when the group ends it.
    fn error_anchor(&mut self) -> (usize, usize) {
        let src_len = self.tokens.source().len();
        let last_char_start = self.tokens.source()[..src_len]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i);
        match self.peek() {
            Some(Ok(t)) if t.kind != Kind::EndMarker => (t.start, t.end),
            _ => (last_char_start, last_char_start),
        }
    }
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
