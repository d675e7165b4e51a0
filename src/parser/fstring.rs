//! f-string contents, checked as CPython 3.11 does.
//!
//! An f-string is never a literal (`_convert` rejects `JoinedStr`), but
//! whether it is *valid* decides between `SyntaxError` and `ValueError`. In
//! 3.11 an f-string is one STRING token; its body is scanned by
//! `Parser/string_parser.c` (`fstring_find_literal`, `fstring_find_expr`)
//! and each replacement field is compiled on its own, as `(field)`, with the
//! full grammar. This module follows that code step by step.

use crate::decode::string::decode_str;
use crate::lexer::{Warning, WarningKind};
use crate::options::Parser;
use crate::value::PyStrBuf;

use super::classify::{classify_with, Start};
use super::token::{ActionError, FieldOrigin};
use crate::error::FieldSource;

/// CPython's tokenizer bracket limit, which 3.11 also applies to the
/// brackets of one replacement field.
const MAX_FIELD_BRACKETS: usize = 200;

/// How deep f-strings may nest inside replacement fields before the check
/// gives up (3.11's quoting rules keep real nesting far below this).
const MAX_NESTING: usize = 16;

/// Why an f-string is invalid.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum FStringError {
    /// An error CPython raises with `RAISE_SYNTAX_ERROR`: placed like the
    /// other errors of the string group.
    Anchored(String),
    /// An error from compiling a replacement field, placed in the input.
    Located(ActionError),
}

/// Checks the body of one f-string token (the text between its quotes,
/// starting at byte `body_start` of the source).
pub(crate) fn check(
    body: &str,
    body_start: usize,
    raw: bool,
    config: &Parser,
    depth: usize,
    warnings: &mut Vec<Warning>,
) -> Result<(), FStringError> {
    if depth >= MAX_NESTING {
        return Err(FStringError::Anchored(
            "f-string: expressions nested too deeply".to_owned(),
        ));
    }
    // CPython's tokenizer has already turned "\r\n" and "\r" into "\n".
    let translated;
    let mut collapsed = Vec::new();
    let body = if body.contains('\r') {
        for (at, _) in body.match_indices("\r\n") {
            // Where the pair's "\n" lands in the translated body.
            collapsed.push(at - collapsed.len());
        }
        translated = body.replace("\r\n", "\n").replace('\r', "\n");
        translated.as_str()
    } else {
        body
    };
    let mut parser = FString {
        body: body.as_bytes(),
        text: body,
        body_start,
        collapsed,
        raw,
        config,
        depth,
        warnings,
        pos: 0,
    };
    parser.concat(0)
}

struct FString<'a, 'w> {
    body: &'a [u8],
    text: &'a str,
    body_start: usize,
    /// Offsets in `text` of the `\n`s that were `\r\n` in the source,
    /// ascending: what [`FString::source_offset`] adds back.
    collapsed: Vec<usize>,
    raw: bool,
    config: &'a Parser,
    depth: usize,
    warnings: &'w mut Vec<Warning>,
    /// The scanning position in `body`.
    pos: usize,
}

fn anchored<T>(message: impl Into<String>) -> Result<T, FStringError> {
    Err(FStringError::Anchored(message.into()))
}

impl FString<'_, '_> {
    /// The source offset of byte `at` of the (translated) body.
    fn source_offset(&self, at: usize) -> usize {
        self.body_start + at + self.collapsed.partition_point(|&n| n < at)
    }

    fn at(&self, i: usize) -> Option<u8> {
        self.body.get(i).copied()
    }

    /// `_PyPegen_FstringParser_ConcatFstring`: literal parts and fields up
    /// to the end (level 0) or to the `}` closing a format spec (level > 0).
    fn concat(&mut self, level: usize) -> Result<(), FStringError> {
        loop {
            match self.find_literal(level)? {
                LiteralEnd::DoubledBrace => continue,
                LiteralEnd::Stop => {}
            }
            if self.pos >= self.body.len() || self.at(self.pos) == Some(b'}') {
                break;
            }
            self.find_expr(level)?;
        }
        if level != 0 && self.at(self.pos) != Some(b'}') {
            return anchored("f-string: expecting '}'");
        }
        Ok(())
    }

    /// `fstring_find_literal`: scans literal text up to a `{` that starts a
    /// field (or a `}` ending a format spec) and decodes it.
    fn find_literal(&mut self, level: usize) -> Result<LiteralEnd, FStringError> {
        let end = self.body.len();
        let literal_start = self.pos;
        let mut s = self.pos;
        let mut result = LiteralEnd::Stop;
        let next;
        loop {
            let Some(&c) = self.body.get(s) else {
                next = s;
                break;
            };
            let mut ch = c;
            s += 1;
            if !self.raw && ch == b'\\' && s < end {
                ch = self.body[s];
                s += 1;
                if ch == b'N' {
                    // Skip "\N{name}", so that its braces are not a field.
                    if let Some(&open) = self.body.get(s) {
                        s += 1;
                        if open == b'{' {
                            while let Some(&c) = self.body.get(s) {
                                s += 1;
                                if c == b'}' {
                                    break;
                                }
                            }
                        }
                    }
                    continue;
                }
                if ch == b'{' {
                    self.warn_escape(s - 2, "invalid escape sequence '\\{'");
                }
            }
            if ch == b'{' || ch == b'}' {
                if level == 0 {
                    if self.at(s) == Some(ch) {
                        // A doubled brace: the literal (with one brace) ends
                        // here, and scanning resumes after the second one.
                        next = s + 1;
                        result = LiteralEnd::DoubledBrace;
                        break;
                    }
                    if ch == b'}' {
                        return anchored("f-string: single '}' is not allowed");
                    }
                }
                s -= 1;
                next = s;
                break;
            }
        }
        if literal_start < s && !self.raw {
            let mut out = PyStrBuf::new();
            let mut warning = None;
            let chunk = self.text.get(literal_start..s).unwrap_or("");
            let decoded = decode_str(
                chunk,
                false,
                self.config.version.unicode(),
                &mut out,
                &mut warning,
            );
            if let Some(w) = warning {
                self.warn_escape(literal_start + w.offset, &w.message);
            }
            if let Err(e) = decoded {
                return anchored(e.message);
            }
        }
        self.pos = next;
        Ok(result)
    }

    fn warn_escape(&mut self, at: usize, message: &str) {
        self.warnings.push(Warning::new(
            WarningKind::InvalidEscape,
            message,
            self.source_offset(at),
        ));
    }

    /// `fstring_find_expr`: one replacement field, from its `{` to its `}`.
    fn find_expr(&mut self, level: usize) -> Result<(), FStringError> {
        if level >= 2 {
            return anchored("f-string: expressions nested too deeply");
        }
        let end = self.body.len();
        self.pos += 1; // the '{'
        let expr_start = self.pos;
        let mut quote: Option<(u8, bool)> = None;
        let mut brackets: Vec<u8> = Vec::new();
        while self.pos < end {
            let ch = self.body[self.pos];
            if ch == b'\\' {
                return anchored("f-string expression part cannot include a backslash");
            }
            if let Some((q, triple)) = quote {
                if ch == q {
                    if triple {
                        if self.pos + 2 < end
                            && self.body[self.pos + 1] == ch
                            && self.body[self.pos + 2] == ch
                        {
                            self.pos += 2;
                            quote = None;
                        }
                    } else {
                        quote = None;
                    }
                }
            } else if ch == b'\'' || ch == b'"' {
                let triple = self.pos + 2 < end
                    && self.body[self.pos + 1] == ch
                    && self.body[self.pos + 2] == ch;
                if triple {
                    self.pos += 2;
                }
                quote = Some((ch, triple));
            } else if matches!(ch, b'[' | b'{' | b'(') {
                if brackets.len() >= MAX_FIELD_BRACKETS {
                    return anchored("f-string: too many nested parenthesis");
                }
                brackets.push(ch);
            } else if ch == b'#' {
                return anchored("f-string expression part cannot include '#'");
            } else if brackets.is_empty() && matches!(ch, b'!' | b':' | b'}' | b'=' | b'>' | b'<') {
                if self.pos + 1 < end {
                    let next = self.body[self.pos + 1];
                    if next == b'=' && matches!(ch, b'!' | b'=' | b'<' | b'>') {
                        self.pos += 2;
                        continue;
                    }
                }
                if ch == b'>' || ch == b'<' {
                    self.pos += 1;
                    continue;
                }
                break;
            } else if matches!(ch, b']' | b'}' | b')') {
                let Some(opening) = brackets.pop() else {
                    return anchored(format!("f-string: unmatched '{}'", ch as char));
                };
                let matches = matches!((opening, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
                if !matches {
                    return anchored(format!(
                        "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                        ch as char, opening as char
                    ));
                }
            }
            self.pos += 1;
        }
        let expr_end = self.pos.min(end);
        if quote.is_some() {
            return anchored("f-string: unterminated string");
        }
        if let Some(&opening) = brackets.last() {
            return anchored(format!("f-string: unmatched '{}'", opening as char));
        }
        if self.pos >= end {
            return anchored("f-string: expecting '}'");
        }
        self.compile_field(expr_start, expr_end)?;
        if self.at(self.pos) == Some(b'=') {
            self.pos += 1;
            while self
                .at(self.pos)
                .is_some_and(|c| c.is_ascii_whitespace() || c == 0x0B)
            {
                self.pos += 1;
            }
            if self.pos >= end {
                return anchored("f-string: expecting '}'");
            }
        }
        if self.at(self.pos) == Some(b'!') {
            self.pos += 1;
            let Some(conversion) = self.at(self.pos) else {
                return anchored("f-string: expecting '}'");
            };
            // The conversion is one byte, as in CPython (a multi-byte
            // character fails the check just the same).
            self.pos += 1;
            if !matches!(conversion, b's' | b'r' | b'a') {
                return anchored(
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                );
            }
        }
        if self.pos < end && self.at(self.pos) == Some(b':') {
            self.pos += 1;
            if self.pos >= end {
                return anchored("f-string: expecting '}'");
            }
            self.concat(level + 1)?;
        }
        if self.at(self.pos) != Some(b'}') {
            return anchored("f-string: expecting '}'");
        }
        self.pos += 1;
        Ok(())
    }

    /// `fstring_compile_expr`: the field `body[start..end]` must be an
    /// expression; it is parsed as `(field)` by the full grammar.
    fn compile_field(&mut self, start: usize, end: usize) -> Result<(), FStringError> {
        let field = self.text.get(start..end).unwrap_or("");
        if field
            .bytes()
            .all(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\x0C'))
        {
            return match self.at(end) {
                Some(c @ (b'!' | b':' | b'=')) => anchored(format!(
                    "f-string: expression required before '{}'",
                    c as char
                )),
                _ => anchored("f-string: empty expression not allowed"),
            };
        }
        let source = format!("({field})\n");
        let Some(mut error) =
            classify_with(&source, self.config, Start::FStringField, self.depth + 1)
        else {
            return Ok(());
        };
        // Map the position in "(field)" back into the input.
        let field_start = self.source_offset(start);
        let field_end = self.source_offset(end);
        let place =
            |at: usize| self.source_offset((start + at.saturating_sub(1)).clamp(start, end));
        error.field = match error.field {
            // An error of this field's own parser (or tokenizer): CPython
            // prefixes the parser's messages and reports it in "(field)".
            FieldOrigin::None => {
                if !error.lexical {
                    error.message = format!("f-string: {}", error.message);
                }
                FieldOrigin::Field(Box::new(FieldSource {
                    expr: field_start..field_end,
                    span: error.start..error.end.max(error.start),
                    outer: Vec::new(),
                }))
            }
            // An error of the parser of a field of an f-string nested in
            // this field passes through unchanged, as CPython's exception
            // does: one prefix, reported in that field's "(field)".
            FieldOrigin::Field(inner) => FieldOrigin::Field(Box::new(FieldSource {
                expr: place(inner.expr.start)..place(inner.expr.end),
                span: inner.span,
                outer: std::iter::once(field_start..field_end)
                    .chain(
                        inner
                            .outer
                            .iter()
                            .map(|expr| place(expr.start)..place(expr.end)),
                    )
                    .collect(),
            })),
        };
        error.start = place(error.start);
        error.end = place(error.end).max(error.start);
        Err(FStringError::Located(error))
    }
}

/// How a literal part ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LiteralEnd {
    /// At `{{` or `}}`: more literal text follows.
    DoubledBrace,
    /// At a field, a format spec's `}`, or the end.
    Stop,
}
