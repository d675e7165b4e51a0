//! The direct path: a hand-written, single-pass parser for well-formed
//! literals, tried before the token stream and the LALRPOP grammars.
//!
//! It reads the bytes once, builds values through the [`Builder`] as it
//! goes, and keeps its own stack on the heap (any nesting `max_depth`
//! allows). It only ever *accepts*: on anything it is not sure about (an
//! error of any kind, a warning, a limit about to trip, a rare spelling such
//! as `\` line continuations, carriage returns, form feeds, non-ASCII
//! outside strings, f-strings, parenthesized signed numbers, a NUL byte
//! anywhere, which the caller looks for only after this path) it gives up
//! with `None`, and the caller parses the text again on the full path, which
//! reports exactly what CPython does. So what it accepts must be exactly
//! what the full path accepts, with the same value: conversion order,
//! `max_nodes` counting and the `max_depth` bracket count follow
//! [`super::fast`] and the grammar in `grammar/literal.lalrpop`.

use crate::builder::Builder;
use crate::decode::number::{decode_number, plain_float, Number};
use crate::decode::string::{decode_bytes, decode_str};
use crate::options::Parser;
use crate::value::PyStrBuf;

use super::fast::{complex_sum, imag, neg_imag, Real};

/// A container being parsed.
///
/// Lists and tuples keep their items on the parser's shared value stack
/// from the position they name, and take them off in one exact-size
/// vector when they close (no regrowth while they fill).
enum Frame<B: Builder> {
    List(usize),
    /// `(`: a tuple, or a parenthesized value while no comma was seen.
    Paren(usize, bool),
    /// `{` before its first element tells a dict from a set.
    Brace,
    /// A dict, and the key waiting for its value.
    Dict(B::Dict, Option<B::Value>),
    Set(B::Set),
    /// A tuple without brackets at the top level (`1, 2`).
    Top(usize),
}

/// What may follow a value in the innermost open frame.
struct Direct<'s, 'b, B: Builder> {
    src: &'s str,
    bytes: &'s [u8],
    pos: usize,
    b: &'b mut B,
    config: &'s Parser,
    /// Values built so far (`Limits::max_nodes`).
    nodes: usize,
    /// Open brackets (`Limits::max_depth`).
    depth: usize,
    /// The items of the open lists and tuples, innermost last.
    items: Vec<B::Value>,
    /// Reused buffers for decoding strings and bytes with escapes.
    scratch_str: PyStrBuf,
    scratch_bytes: Vec<u8>,
}

/// Parses `src` (leading spaces and tabs already stripped), or gives up.
pub(crate) fn parse<B: Builder>(src: &str, config: &Parser, b: &mut B) -> Option<B::Value> {
    let mut p = Direct {
        src,
        bytes: src.as_bytes(),
        pos: 0,
        b,
        config,
        nodes: 0,
        depth: 0,
        items: Vec::new(),
        scratch_str: PyStrBuf::new(),
        scratch_bytes: Vec::new(),
    };
    p.run()
}

/// Whether `c` may continue an identifier or a number (so a keyword or a
/// number directly followed by it is not what it seems).
fn is_word_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

impl<B: Builder> Direct<'_, '_, B> {
    #[inline]
    fn peek(&self) -> u8 {
        self.bytes.get(self.pos).copied().unwrap_or(0)
    }

    #[inline]
    fn at(&self, i: usize) -> u8 {
        self.bytes.get(i).copied().unwrap_or(0)
    }

    /// Skips what separates tokens: inside brackets spaces, tabs, newlines
    /// and comments; at the top level spaces and tabs only (a newline or a
    /// comment ends the line there). `None` on a byte the full path must
    /// judge (`\r`, form feed, a `\` continuation in a comment's place...).
    #[inline]
    fn skip_ws(&mut self) -> Option<()> {
        let nested = self.depth > 0;
        loop {
            match self.peek() {
                b' ' | b'\t' => self.pos += 1,
                b'\n' if nested => self.pos += 1,
                b'#' if nested => self.skip_comment()?,
                b'\r' | 0x0c | b'\\' => return None,
                _ => return Some(()),
            }
        }
    }

    /// Skips a comment up to (not including) its newline.
    fn skip_comment(&mut self) -> Option<()> {
        let rest = self.bytes.get(self.pos..)?;
        match rest.iter().position(|&c| matches!(c, b'\n' | b'\r' | 0)) {
            Some(n) if rest.get(n) != Some(&b'\n') => None,
            Some(n) => {
                self.pos += n;
                Some(())
            }
            None => {
                self.pos = self.bytes.len();
                Some(())
            }
        }
    }

    /// Counts one more value against `max_nodes`.
    #[inline]
    fn count(&mut self) -> Option<()> {
        self.nodes += 1;
        (self.nodes <= self.config.limits.max_nodes).then_some(())
    }

    /// Opens a bracket, within `max_depth`.
    #[inline]
    fn open(&mut self) -> Option<()> {
        self.depth += 1;
        self.pos += 1;
        (self.depth <= self.config.limits.max_depth).then_some(())
    }

    fn run(&mut self) -> Option<B::Value> {
        let mut stack: Vec<Frame<B>> = Vec::new();
        // Blank lines and comments before the value, which must then start
        // in the first column (else CPython's "unexpected indent").
        loop {
            match self.peek() {
                b'#' => {
                    self.skip_comment()?;
                    if self.peek() != b'\n' {
                        return None;
                    }
                    self.pos += 1;
                }
                b'\n' => self.pos += 1,
                _ => break,
            }
        }
        'value: loop {
            // Parse a value starting at `pos` (separators already skipped),
            // or open a container.
            let mut value = match self.peek() {
                b'[' => {
                    if !self.open_maybe_empty(b']')? {
                        stack.push(Frame::List(self.items.len()));
                        continue 'value;
                    }
                    self.b.list(Vec::new())
                }
                b'(' => {
                    if !self.open_maybe_empty(b')')? {
                        stack.push(Frame::Paren(self.items.len(), false));
                        continue 'value;
                    }
                    self.b.tuple(Vec::new())
                }
                b'{' => {
                    if !self.open_maybe_empty(b'}')? {
                        stack.push(Frame::Brace);
                        continue 'value;
                    }
                    let dict = self.b.dict_new();
                    self.b.dict_finish(dict)
                }
                _ => {
                    let key = matches!(stack.last(), Some(Frame::Brace | Frame::Dict(_, None)));
                    self.scalar(key)?
                }
            };
            // Hand the value to its container; close the containers it
            // completes, until one expects another value.
            loop {
                self.skip_ws()?;
                let c = self.peek();
                let Some(frame) = stack.last_mut() else {
                    // The top level: the end, or a tuple without brackets.
                    if c == b',' {
                        stack.push(Frame::Top(self.items.len()));
                        self.items.push(value);
                        self.pos += 1;
                        self.skip_ws()?;
                        if self.at_line_end() {
                            value = self.close_top(&mut stack)?;
                            continue;
                        }
                        continue 'value;
                    }
                    return self.end().then_some(value);
                };
                match frame {
                    Frame::List(_) => {
                        self.items.push(value);
                        if !self.after_item(c, b']')? {
                            continue 'value;
                        }
                        let Some(Frame::List(start)) = stack.pop() else {
                            return None;
                        };
                        self.depth -= 1;
                        self.count()?;
                        let items = self.take_items(start)?;
                        value = self.b.list(items);
                    }
                    Frame::Paren(_, comma) => {
                        self.items.push(value);
                        *comma |= c == b',';
                        if !self.after_item(c, b')')? {
                            continue 'value;
                        }
                        let Some(Frame::Paren(start, comma)) = stack.pop() else {
                            return None;
                        };
                        self.depth -= 1;
                        value = if !comma && self.items.len() == start + 1 {
                            // A parenthesized value: no new node.
                            self.items.pop()?
                        } else {
                            self.count()?;
                            let items = self.take_items(start)?;
                            self.b.tuple(items)
                        };
                    }
                    Frame::Brace => match c {
                        b':' => {
                            let dict = self.b.dict_new();
                            *frame = Frame::Dict(dict, Some(value));
                            self.pos += 1;
                            self.skip_ws()?;
                            continue 'value;
                        }
                        b',' | b'}' => {
                            let mut set = self.b.set_new();
                            self.b.set_add(&mut set, value).ok()?;
                            *frame = Frame::Set(set);
                            if !self.after_item(c, b'}')? {
                                continue 'value;
                            }
                            let Some(Frame::Set(set)) = stack.pop() else {
                                return None;
                            };
                            self.depth -= 1;
                            self.count()?;
                            value = self.b.set_finish(set);
                        }
                        _ => return None,
                    },
                    Frame::Dict(dict, key) => match key.take() {
                        None => {
                            if c != b':' {
                                return None;
                            }
                            *key = Some(value);
                            self.pos += 1;
                            self.skip_ws()?;
                            continue 'value;
                        }
                        Some(k) => {
                            self.b.dict_insert(dict, k, value).ok()?;
                            if !self.after_item(c, b'}')? {
                                continue 'value;
                            }
                            let Some(Frame::Dict(dict, _)) = stack.pop() else {
                                return None;
                            };
                            self.depth -= 1;
                            self.count()?;
                            value = self.b.dict_finish(dict);
                        }
                    },
                    Frame::Set(set) => {
                        self.b.set_add(set, value).ok()?;
                        if !self.after_item(c, b'}')? {
                            continue 'value;
                        }
                        let Some(Frame::Set(set)) = stack.pop() else {
                            return None;
                        };
                        self.depth -= 1;
                        self.count()?;
                        value = self.b.set_finish(set);
                    }
                    Frame::Top(_) => {
                        self.items.push(value);
                        if c != b',' {
                            if !self.at_line_end() {
                                return None;
                            }
                            value = self.close_top(&mut stack)?;
                            continue;
                        }
                        self.pos += 1;
                        self.skip_ws()?;
                        if self.at_line_end() {
                            value = self.close_top(&mut stack)?;
                            continue;
                        }
                        continue 'value;
                    }
                }
            }
        }
    }

    /// Opens a bracket whose closer is `close`: `true` when the closer
    /// follows at once (an empty container, closed and counted), `false`
    /// when an item follows.
    #[inline(always)]
    fn open_maybe_empty(&mut self, close: u8) -> Option<bool> {
        self.open()?;
        self.skip_ws()?;
        if self.peek() != close {
            return Some(false);
        }
        self.pos += 1;
        self.depth -= 1;
        self.count()?;
        Some(true)
    }

    /// Steps past what follows an item of a container closed by `close`,
    /// given the byte `c` there: `true` once the closer is passed (after
    /// an optional trailing comma), `false` when another item follows the
    /// comma, `None` (give up) on anything else.
    #[inline(always)]
    fn after_item(&mut self, c: u8, close: u8) -> Option<bool> {
        if c == close {
            self.pos += 1;
            return Some(true);
        }
        if c != b',' {
            return None;
        }
        self.pos += 1;
        self.skip_ws()?;
        if self.peek() != close {
            return Some(false);
        }
        self.pos += 1;
        Some(true)
    }

    /// Finishes the top-level tuple.
    fn close_top(&mut self, stack: &mut Vec<Frame<B>>) -> Option<B::Value> {
        let Some(Frame::Top(start)) = stack.pop() else {
            return None;
        };
        self.count()?;
        let items = self.take_items(start)?;
        Some(self.b.tuple(items))
    }

    /// The items of the list or tuple that starts at `start` of the value
    /// stack, taken off it into a vector of their exact size.
    fn take_items(&mut self, start: usize) -> Option<Vec<B::Value>> {
        if start == 0 {
            // The whole stack: hand over its buffer as it is.
            return Some(std::mem::take(&mut self.items));
        }
        if start > self.items.len() {
            return None;
        }
        Some(self.items.split_off(start))
    }

    /// At the end of the top-level line: a newline, a comment or the end.
    fn at_line_end(&self) -> bool {
        self.pos >= self.bytes.len() || matches!(self.peek(), b'\n' | b'#')
    }

    /// Whether only blank lines and comments are left. Conservative: a
    /// last line of spaces without a newline is an `IndentationError` in
    /// CPython, so after the first newline only empty lines, lines of
    /// spaces ended by a newline, and comments in the first column pass.
    fn end(&mut self) -> bool {
        while matches!(self.peek(), b' ' | b'\t') {
            self.pos += 1;
        }
        if self.peek() == b'#' && self.skip_comment().is_none() {
            return false;
        }
        loop {
            if self.pos >= self.bytes.len() {
                return true;
            }
            if self.peek() != b'\n' {
                return false;
            }
            self.pos += 1;
            let line = self.pos;
            while matches!(self.peek(), b' ' | b'\t') {
                self.pos += 1;
            }
            match self.peek() {
                b'\n' => {}
                b'#' if self.pos == line => {
                    if self.skip_comment().is_none() {
                        return false;
                    }
                }
                _ => return self.pos == line && self.pos >= self.bytes.len(),
            }
        }
    }

    /// A value that is not a container: a number (possibly signed, or a
    /// complex sum), a string group, a keyword or `set()`. `key` when it
    /// may be a dict key.
    fn scalar(&mut self, key: bool) -> Option<B::Value> {
        let c = self.peek();
        match c {
            b'\'' | b'"' => self.strings(key),
            b'0'..=b'9' => self.number_expr(false, false),
            b'.' => {
                if self.at(self.pos + 1).is_ascii_digit() {
                    self.number_expr(false, false)
                } else if self.bytes.get(self.pos..self.pos + 3) == Some(b"...") {
                    self.pos += 3;
                    self.count()?;
                    Some(self.b.ellipsis())
                } else {
                    None
                }
            }
            b'-' | b'+' => {
                self.pos += 1;
                self.skip_ws()?;
                let d = self.peek();
                if !(d.is_ascii_digit() || (d == b'.' && self.at(self.pos + 1).is_ascii_digit())) {
                    return None;
                }
                self.number_expr(true, c == b'-')
            }
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => self.word(key),
            _ => None,
        }
    }

    /// A name: a keyword, `set()`, or a string prefix.
    fn word(&mut self, key: bool) -> Option<B::Value> {
        let start = self.pos;
        let mut end = start;
        while is_word_byte(self.at(end)) {
            end += 1;
        }
        let word = self.bytes.get(start..end)?;
        if matches!(self.at(end), b'\'' | b'"') {
            return self.strings(key);
        }
        self.pos = end;
        let value = match word {
            b"True" => self.b.bool(true),
            b"False" => self.b.bool(false),
            b"None" => self.b.none(),
            b"set" => {
                self.skip_ws()?;
                if self.peek() != b'(' {
                    return None;
                }
                self.open()?;
                self.skip_ws()?;
                self.depth -= 1;
                if self.peek() != b')' {
                    return None;
                }
                self.pos += 1;
                let set = self.b.set_new();
                self.b.set_finish(set)
            }
            _ => return None,
        };
        self.count()?;
        Some(value)
    }

    /// A number literal, possibly signed, possibly the real side of
    /// `real ± imaginary`.
    fn number_expr(&mut self, signed: bool, minus: bool) -> Option<B::Value> {
        let start = self.pos;
        let num = self.number()?;
        let left = match num {
            Number::Int(i) => Real::Int(i),
            Number::Float(f) => Real::Float(f),
            Number::Imag(im) => {
                self.count()?;
                let c = match (signed, minus) {
                    (true, true) => neg_imag(im),
                    _ => imag(im),
                };
                return Some(self.b.complex(c));
            }
        };
        let left = if minus { left.neg() } else { left };
        // `real + imag` / `real - imag`?
        let after = self.pos;
        self.skip_ws()?;
        let op = self.peek();
        if op == b'+' || op == b'-' {
            self.pos += 1;
            self.skip_ws()?;
            let d = self.peek();
            if !(d.is_ascii_digit() || (d == b'.' && self.at(self.pos + 1).is_ascii_digit())) {
                return None;
            }
            let Number::Imag(im) = self.number()? else {
                return None;
            };
            let sum = complex_sum(left, op == b'-', im, start, self.pos).ok()?;
            self.count()?;
            return Some(self.b.complex(sum));
        }
        self.pos = after;
        self.count()?;
        Some(match left {
            Real::Int(i) => self.b.int(i),
            Real::Float(f) => self.b.float(f),
        })
    }

    /// One NUMBER token, exactly as Python's tokenizer reads it, decoded;
    /// `None` for anything unusual (invalid, followed by a letter, over the
    /// digit limit...).
    fn number(&mut self) -> Option<Number> {
        let start = self.pos;
        let mut i = start;
        let first = self.at(i);
        let second = self.at(i + 1);
        let limit = self.config.limits.max_int_digits;
        if first == b'0' && matches!(second | 0x20, b'x' | b'o' | b'b') {
            let radix = match second | 0x20 {
                b'x' => 16,
                b'o' => 8,
                _ => 2,
            };
            i += 2;
            // ('_'? digit)+
            let mut any = false;
            loop {
                let c = self.at(i);
                if c == b'_' && (self.at(i + 1) as char).is_digit(radix) {
                    i += 2;
                    any = true;
                } else if (c as char).is_digit(radix) {
                    i += 1;
                    any = true;
                } else {
                    break;
                }
            }
            if !any || is_word_byte(self.at(i)) || self.at(i) == b'.' {
                return None;
            }
            self.pos = i;
            return decode_number(self.src.get(start..i)?, limit).ok();
        }
        // Noted while scanning, so the text is not searched again below.
        let mut underscores = false;
        let mut exponent = false;
        let int_digits = self.digits(i, &mut underscores)? - i;
        i += int_digits;
        let mut float = false;
        if self.at(i) == b'.' {
            float = true;
            i += 1;
            if self.at(i).is_ascii_digit() {
                i = self.digits(i, &mut underscores)?;
            } else if int_digits == 0 {
                return None;
            }
        }
        if matches!(self.at(i), b'e' | b'E') {
            float = true;
            exponent = true;
            i += 1;
            if matches!(self.at(i), b'+' | b'-') {
                i += 1;
            }
            if !self.at(i).is_ascii_digit() {
                return None;
            }
            i = self.digits(i, &mut underscores)?;
        }
        let imaginary = matches!(self.at(i), b'j' | b'J');
        if imaginary {
            i += 1;
        }
        let next = self.at(i);
        if is_word_byte(next) || next == b'.' {
            return None;
        }
        let text = self.src.get(start..i)?;
        self.pos = i;
        let plain = !underscores;
        if imaginary || float {
            if plain && !imaginary && !exponent {
                return plain_float(text).map(Number::Float);
            }
            return decode_number(text, limit).ok();
        }
        // A decimal int: `0`s only, or no leading zero.
        let digits = text.as_bytes();
        if digits.first() == Some(&b'0') && digits.iter().any(|&d| d != b'0' && d != b'_') {
            return None;
        }
        if plain && digits.len() <= 18 && (limit == 0 || digits.len() <= limit) {
            let value = digits
                .iter()
                .fold(0i64, |acc, &d| acc * 10 + i64::from(d - b'0'));
            return Some(Number::Int(value.into()));
        }
        decode_number(text, limit).ok()
    }

    /// `digit ('_'? digit)*` from `i` (possibly empty); `None` on a `_`
    /// not followed by a digit. Sets `underscores` when it passes one.
    fn digits(&self, mut i: usize, underscores: &mut bool) -> Option<usize> {
        loop {
            match self.at(i) {
                b'0'..=b'9' => i += 1,
                b'_' if i > 0 && self.at(i - 1).is_ascii_digit() => {
                    if !self.at(i + 1).is_ascii_digit() {
                        return None;
                    }
                    *underscores = true;
                    i += 1;
                }
                _ => return Some(i),
            }
        }
    }

    /// A group of adjacent string literals (implicit concatenation), from a
    /// prefix or quote at `pos`.
    fn strings(&mut self, key: bool) -> Option<B::Value> {
        let first = self.string_token()?;
        // Another string after this one (spaces, or newlines in brackets)?
        let after = self.pos;
        self.skip_ws()?;
        if !self.string_starts() {
            self.pos = after;
            self.count()?;
            let body = self.src.get(first.body.0..first.body.1)?;
            return match (first.bytes, first.plain) {
                (false, true) if key => Some(self.b.key_str_slice(body)),
                (false, true) => Some(self.b.str_slice(body)),
                (true, true) => Some(self.b.bytes_slice(body.as_bytes())),
                (bytes, false) => self.decode_pieces(bytes, &[first]),
            };
        }
        let mut pieces = vec![first];
        loop {
            pieces.push(self.string_token()?);
            let after = self.pos;
            self.skip_ws()?;
            if !self.string_starts() {
                self.pos = after;
                break;
            }
        }
        self.count()?;
        if pieces.iter().any(|piece| piece.bytes != first.bytes) {
            return None;
        }
        self.decode_pieces(first.bytes, &pieces)
    }

    /// Decodes string tokens of one kind (all `bytes` or all `str`) into
    /// the reused scratch buffer and builds the value from it.
    fn decode_pieces(&mut self, bytes: bool, pieces: &[StrPiece]) -> Option<B::Value> {
        if bytes {
            let mut out = std::mem::take(&mut self.scratch_bytes);
            out.clear();
            let decoded = pieces
                .iter()
                .try_for_each(|piece| self.decode_bytes(piece, &mut out));
            let value = decoded.map(|()| self.b.bytes_slice(&out));
            self.scratch_bytes = out;
            value
        } else {
            let mut out = std::mem::take(&mut self.scratch_str);
            out.clear();
            let decoded = pieces
                .iter()
                .try_for_each(|piece| self.decode_str(piece, &mut out));
            let value = decoded.map(|()| match out.as_str() {
                Some(text) => self.b.str_slice(text),
                None => self.b.str(out.to_py_str()),
            });
            self.scratch_str = out;
            value
        }
    }

    fn decode_str(&self, piece: &StrPiece, out: &mut PyStrBuf) -> Option<()> {
        let body = self.src.get(piece.body.0..piece.body.1)?;
        let mut warning = None;
        decode_str(
            body,
            piece.raw,
            self.config.version.unicode(),
            out,
            &mut warning,
        )
        .ok()?;
        warning.is_none().then_some(())
    }

    fn decode_bytes(&self, piece: &StrPiece, out: &mut Vec<u8>) -> Option<()> {
        let body = self.src.get(piece.body.0..piece.body.1)?;
        let mut warning = None;
        decode_bytes(body, piece.raw, out, &mut warning).ok()?;
        warning.is_none().then_some(())
    }

    /// Whether a string literal starts at `pos`.
    fn string_starts(&self) -> bool {
        let mut i = self.pos;
        while self.at(i).is_ascii_alphabetic() && i - self.pos < 2 {
            i += 1;
        }
        matches!(self.at(i), b'\'' | b'"')
    }

    /// One string literal token at `pos`: its prefix, quotes and body.
    fn string_token(&mut self) -> Option<StrPiece> {
        // Prefixes: `u` alone, or `r` and `b` at most once each; f-strings
        // and anything else go to the full path.
        let (mut raw, mut bytes, mut unicode) = (false, false, false);
        loop {
            match self.peek() {
                b'r' | b'R' if !raw && !unicode => raw = true,
                b'b' | b'B' if !bytes && !unicode => bytes = true,
                b'u' | b'U' if !raw && !bytes && !unicode => unicode = true,
                b'\'' | b'"' => break,
                _ => return None,
            }
            self.pos += 1;
        }
        let quote = self.peek();
        let triple = self.at(self.pos + 1) == quote && self.at(self.pos + 2) == quote;
        let open = if triple { 3 } else { 1 };
        let body_start = self.pos + open;
        let mut i = body_start;
        let mut plain = true;
        loop {
            i += find_special(self.bytes.get(i..)?, quote)?;
            match self.at(i) {
                b'\\' => {
                    // The escaped byte never ends the string (raw ones too).
                    plain &= raw;
                    if matches!(self.at(i + 1), b'\r' | 0) {
                        return None;
                    }
                    i += 2;
                }
                b'\n' if !triple => return None,
                b'\n' => i += 1,
                b'\r' | 0 => return None,
                _ => {
                    if !triple {
                        break;
                    }
                    if self.at(i + 1) == quote && self.at(i + 2) == quote {
                        break;
                    }
                    i += 1;
                }
            }
        }
        self.pos = i + open;
        if bytes && plain {
            plain = self.bytes.get(body_start..i)?.is_ascii();
        }
        Some(StrPiece {
            body: (body_start, i),
            raw,
            bytes,
            plain,
        })
    }
}

/// The index of the first byte of `bytes` that is `quote`, a backslash,
/// `\n`, `\r` or NUL: eight bytes at a time (string bodies are often long).
fn find_special(bytes: &[u8], quote: u8) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte of `w` equal to `c`, and possibly of bytes
    // above the first such one (never below it).
    let has = |w: u64, c: u8| {
        let x = w ^ (LO * u64::from(c));
        x.wrapping_sub(LO) & !x & HI
    };
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let w = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or_default());
        let found = has(w, quote) | has(w, b'\\') | has(w, b'\n') | has(w, b'\r') | has(w, 0);
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&c| c == quote || matches!(c, b'\\' | b'\n' | b'\r' | 0))
        .map(|n| at + n)
}

/// One string literal token of a group.
#[derive(Clone, Copy)]
struct StrPiece {
    body: (usize, usize),
    raw: bool,
    bytes: bool,
    /// The value is the body as it stands (no escapes to decode).
    plain: bool,
}
