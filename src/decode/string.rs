//! String and bytes literal bodies → decoded text, exactly as CPython 3.11
//! decodes them (`Parser/string_parser.c`, `_PyUnicode_DecodeUnicodeEscapeInternal`,
//! `_PyBytes_DecodeEscape`).
//!
//! The body is the text between the quotes as it appears in the source, so
//! it may still hold `\r\n` and lone `\r` newlines: CPython's tokenizer turns
//! both into `\n` before the string is decoded, and so do we, raw strings
//! included. Offsets reported in CPython's messages count the body after
//! that translation (and, for `str`, after the rewriting described at
//! [`intermediate_offset`]); the offsets in [`EscapeWarning`] and
//! [`EscapeError`] are plain byte offsets into the body as given.

use crate::unicode::UnicodeVersion;
use crate::value::PyStrBuf;

/// The first invalid escape of one string token (CPython warns once per token).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct EscapeWarning {
    /// Byte offset of the backslash within the body.
    pub offset: usize,
    /// CPython's text, e.g. `invalid escape sequence '\q'` or
    /// `invalid octal escape sequence '\777'`.
    pub message: String,
}

/// A body that cannot be decoded (a CPython `SyntaxError`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct EscapeError {
    /// Byte offset within the body of the offending escape's backslash, or of
    /// the first non-ASCII character of a bytes literal.
    pub offset: usize,
    /// CPython's text, e.g. `(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \xXX escape`.
    pub message: String,
}

/// CPython's message for a bytes literal holding a non-ASCII character.
pub(crate) const BYTES_NON_ASCII: &str = "bytes can only contain ASCII literal characters";

/// Decodes the body (the text between the quotes) of a `str` literal and
/// appends it to `out`.
///
/// If `*warning` is `None`, it receives this body's first invalid escape (if
/// any); a warning already there is kept. CPython warns once per token, so
/// the caller should pass a fresh `None` for each token of an implicit
/// concatenation. On error, `out` may hold part of the body.
pub(crate) fn decode_str(
    body: &str,
    raw: bool,
    unicode: UnicodeVersion,
    out: &mut PyStrBuf,
    warning: &mut Option<EscapeWarning>,
) -> Result<(), EscapeError> {
    let bytes = body.as_bytes();
    // `start` is the beginning of the pending run of plain text.
    let mut start = 0;
    loop {
        let found = if raw {
            find_byte(bytes, start, b'\r')
        } else {
            find_special(bytes, start)
        };
        let Some(pos) = found else {
            out.push_str(slice(body, start, body.len()));
            return Ok(());
        };
        out.push_str(slice(body, start, pos));
        if byte_at(bytes, pos) == b'\r' {
            out.push('\n');
            start = skip_newline(bytes, pos);
            continue;
        }
        start = decode_str_escape(body, pos, unicode, out, warning)?;
    }
}

/// Decodes the escape whose backslash is at `pos` in a non-raw `str` body;
/// returns the offset just after it.
fn decode_str_escape(
    body: &str,
    pos: usize,
    unicode: UnicodeVersion,
    out: &mut PyStrBuf,
    warning: &mut Option<EscapeWarning>,
) -> Result<usize, EscapeError> {
    let bytes = body.as_bytes();
    let Some(&c) = bytes.get(pos + 1) else {
        // A trailing backslash (impossible in a token): CPython's rewriting
        // turns it into `\u005c`, a backslash.
        out.push('\\');
        return Ok(pos + 1);
    };
    if let Some(ch) = simple_escape(c) {
        out.push(char::from(ch));
        return Ok(pos + 2);
    }
    match c {
        b'\n' | b'\r' => Ok(skip_newline(bytes, pos + 1)),
        b'0'..=b'7' => {
            let (value, end) = octal(bytes, pos + 1);
            if value > 0o377 {
                warn_octal(body, pos, end, warning);
            }
            // At most 0o777, always a valid `char`.
            out.push_code_point(value);
            Ok(end)
        }
        b'x' | b'u' | b'U' => {
            let (count, reason) = match c {
                b'x' => (2, "truncated \\xXX escape"),
                b'u' => (4, "truncated \\uXXXX escape"),
                _ => (8, "truncated \\UXXXXXXXX escape"),
            };
            let value = match hex(bytes, pos + 2, count) {
                Ok(value) => value,
                Err(bad) => return Err(unicode_error(bytes, pos, bad, reason)),
            };
            let end = pos + 2 + count;
            if !out.push_code_point(value) {
                return Err(unicode_error(bytes, pos, end, "illegal Unicode character"));
            }
            Ok(end)
        }
        b'N' => decode_named(body, pos, unicode, out),
        0x80.. => {
            // CPython rewrites a backslash before a non-ASCII character into
            // `\u005c` (a backslash): no warning, and the character itself
            // is then copied as ordinary text.
            out.push('\\');
            Ok(pos + 1)
        }
        _ => {
            warn_char(pos, c, warning);
            out.push('\\');
            out.push(char::from(c));
            Ok(pos + 2)
        }
    }
}

/// Decodes `\N{name}` whose backslash is at `pos`; returns the offset after it.
fn decode_named(
    body: &str,
    pos: usize,
    unicode: UnicodeVersion,
    out: &mut PyStrBuf,
) -> Result<usize, EscapeError> {
    const MALFORMED: &str = "malformed \\N character escape";
    let bytes = body.as_bytes();
    if bytes.get(pos + 2) != Some(&b'{') {
        return Err(unicode_error(bytes, pos, pos + 2, MALFORMED));
    }
    let name_start = pos + 3;
    let Some(close) = find_byte(bytes, name_start, b'}') else {
        return Err(unicode_error(bytes, pos, bytes.len(), MALFORMED));
    };
    if close == name_start {
        return Err(unicode_error(bytes, pos, close, MALFORMED));
    }
    let name = slice(body, name_start, close);
    // CPython looks the name up after rewriting non-ASCII characters into
    // `\UXXXXXXXX` escapes, so a non-ASCII name never matches.
    let found = if name.is_ascii() {
        crate::unicode::lookup_name_in(name, unicode)
    } else {
        None
    };
    match found {
        Some(ch) => {
            out.push(ch);
            Ok(close + 1)
        }
        None => Err(unicode_error(
            bytes,
            pos,
            close + 1,
            "unknown Unicode character name",
        )),
    }
}

/// Decodes the body of a `bytes` literal and appends it to `out`.
///
/// `warning` works as in [`decode_str`]. On error, `out` may hold part of
/// the body.
pub(crate) fn decode_bytes(
    body: &str,
    raw: bool,
    out: &mut Vec<u8>,
    warning: &mut Option<EscapeWarning>,
) -> Result<(), EscapeError> {
    let bytes = body.as_bytes();
    // CPython checks this before decoding any escape.
    if !bytes.is_ascii() {
        let offset = bytes.iter().position(|&b| b >= 0x80).unwrap_or(0);
        return Err(EscapeError {
            offset,
            message: BYTES_NON_ASCII.to_owned(),
        });
    }
    let mut start = 0;
    loop {
        let found = if raw {
            find_byte(bytes, start, b'\r')
        } else {
            find_special(bytes, start)
        };
        let Some(pos) = found else {
            out.extend_from_slice(bytes.get(start..).unwrap_or_default());
            return Ok(());
        };
        out.extend_from_slice(bytes.get(start..pos).unwrap_or_default());
        if byte_at(bytes, pos) == b'\r' {
            out.push(b'\n');
            start = skip_newline(bytes, pos);
            continue;
        }
        start = decode_bytes_escape(body, pos, out, warning)?;
    }
}

/// Decodes the escape whose backslash is at `pos` in a non-raw, all-ASCII
/// `bytes` body; returns the offset just after it.
fn decode_bytes_escape(
    body: &str,
    pos: usize,
    out: &mut Vec<u8>,
    warning: &mut Option<EscapeWarning>,
) -> Result<usize, EscapeError> {
    let bytes = body.as_bytes();
    let Some(&c) = bytes.get(pos + 1) else {
        // A trailing backslash (impossible in a token): keep it.
        out.push(b'\\');
        return Ok(pos + 1);
    };
    if let Some(b) = simple_escape(c) {
        out.push(b);
        return Ok(pos + 2);
    }
    match c {
        b'\n' | b'\r' => Ok(skip_newline(bytes, pos + 1)),
        b'0'..=b'7' => {
            let (value, end) = octal(bytes, pos + 1);
            if value > 0o377 {
                warn_octal(body, pos, end, warning);
            }
            out.push((value & 0xFF) as u8);
            Ok(end)
        }
        b'x' => match hex(bytes, pos + 2, 2) {
            Ok(value) => {
                out.push((value & 0xFF) as u8);
                Ok(pos + 4)
            }
            Err(_) => Err(EscapeError {
                offset: pos,
                // The body is ASCII here, so the intermediate offset is just
                // the offset after newline translation.
                message: format!(
                    "(value error) invalid \\x escape at position {}",
                    intermediate_offset(bytes, pos)
                ),
            }),
        },
        _ => {
            warn_char(pos, c, warning);
            out.push(b'\\');
            out.push(c);
            Ok(pos + 2)
        }
    }
}

/// The byte an escape `\c` stands for, for the escapes that mean one fixed
/// character in both `str` and `bytes`.
fn simple_escape(c: u8) -> Option<u8> {
    Some(match c {
        b'\\' | b'\'' | b'"' => c,
        b'a' => 0x07,
        b'b' => 0x08,
        b'f' => 0x0C,
        b'n' => b'\n',
        b'r' => b'\r',
        b't' => b'\t',
        b'v' => 0x0B,
        _ => return None,
    })
}

/// Reads 1–3 octal digits starting at `from` (the first is known to be
/// one); returns the value and the offset after the last digit.
fn octal(bytes: &[u8], from: usize) -> (u32, usize) {
    let mut value = 0;
    let mut end = from;
    while end < from + 3 {
        match bytes.get(end) {
            Some(&d @ b'0'..=b'7') => value = value * 8 + u32::from(d - b'0'),
            _ => break,
        }
        end += 1;
    }
    (value, end)
}

/// Reads exactly `count` (≤ 8) hex digits starting at `from`; on failure
/// returns the offset of the first non-hex byte (or the end of the body).
fn hex(bytes: &[u8], from: usize, count: usize) -> Result<u32, usize> {
    let mut value = 0u32;
    for i in from..from + count {
        let digit = match bytes.get(i) {
            Some(&d) => char::from(d).to_digit(16),
            None => None,
        };
        match digit {
            Some(d) => value = (value << 4) | d,
            None => return Err(i.min(bytes.len())),
        }
    }
    Ok(value)
}

/// Records `invalid escape sequence '\c'` unless a warning is already there.
fn warn_char(pos: usize, c: u8, warning: &mut Option<EscapeWarning>) {
    if warning.is_none() {
        *warning = Some(EscapeWarning {
            offset: pos,
            message: format!("invalid escape sequence '\\{}'", char::from(c)),
        });
    }
}

/// Records `invalid octal escape sequence '\ooo'` for the octal escape at
/// `pos..end` unless a warning is already there.
fn warn_octal(body: &str, pos: usize, end: usize, warning: &mut Option<EscapeWarning>) {
    if warning.is_none() {
        *warning = Some(EscapeWarning {
            offset: pos,
            message: format!(
                "invalid octal escape sequence '\\{}'",
                slice(body, pos + 1, end)
            ),
        });
    }
}

/// The `unicodeescape` error for the escape at body offsets `start..end`.
fn unicode_error(bytes: &[u8], start: usize, end: usize, reason: &str) -> EscapeError {
    let first = intermediate_offset(bytes, start);
    // `end` is exclusive; CPython prints the inclusive last position. An
    // escape always spans at least two bytes, so this never underflows.
    let last = intermediate_offset(bytes, end).saturating_sub(1);
    EscapeError {
        offset: start,
        message: format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {first}-{last}: {reason}"
        ),
    }
}

/// Maps a body offset to the offset CPython 3.11 reports in escape errors.
///
/// CPython decodes escapes from an intermediate buffer built from the body
/// after newline translation (`\r\n` and `\r` count as one byte): every
/// non-ASCII character becomes a 10-byte `\UXXXXXXXX` escape, and a
/// backslash that starts an escape and is followed by a non-ASCII character
/// becomes `\u005c` (6 bytes). Only called on error, so a linear scan is fine.
/// `off` must be at a boundary of that rewriting (it always is for the
/// offsets used here).
fn intermediate_offset(bytes: &[u8], off: usize) -> usize {
    let mut i = 0;
    let mut p = 0;
    while i < off {
        let Some(&b) = bytes.get(i) else { break };
        if b == b'\\' {
            // The backslash and the unit after it are copied together, so a
            // backslash that follows one is never an escape start.
            p += 1;
            i += 1;
            match bytes.get(i) {
                None => {
                    p += 5;
                    break;
                }
                Some(&n) if n >= 0x80 => p += 5,
                Some(_) => {}
            }
            if i >= off {
                break;
            }
        }
        let Some(&b) = bytes.get(i) else { break };
        if b >= 0x80 {
            p += 10;
            i += utf8_len(b);
        } else if b == b'\r' {
            p += 1;
            i = skip_newline(bytes, i);
        } else {
            p += 1;
            i += 1;
        }
    }
    p
}

/// Length of the UTF-8 sequence that starts with `lead`.
fn utf8_len(lead: u8) -> usize {
    match lead {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

/// Given the offset of a `\n` or `\r`, the offset after that newline
/// (`\r\n` counts as one).
fn skip_newline(bytes: &[u8], pos: usize) -> usize {
    if bytes.get(pos) == Some(&b'\r') && bytes.get(pos + 1) == Some(&b'\n') {
        pos + 2
    } else {
        pos + 1
    }
}

/// The byte at `pos`, or 0 past the end.
fn byte_at(bytes: &[u8], pos: usize) -> u8 {
    bytes.get(pos).copied().unwrap_or(0)
}

/// `body[start..end]`, or `""` if that is not a valid range (never happens
/// here: both ends are always at ASCII bytes or the end of the body).
fn slice(body: &str, start: usize, end: usize) -> &str {
    body.get(start..end).unwrap_or_default()
}

/// `0x0101…01`: one in every byte lane.
const LO: u64 = u64::from_ne_bytes([0x01; 8]);
/// `0x8080…80`: the high bit of every byte lane.
const HI: u64 = u64::from_ne_bytes([0x80; 8]);

/// Word-at-a-time test: the high bit is set in the lane of every zero byte
/// of `v` (and possibly in higher lanes above one, never below the first).
fn zero_lanes(v: u64) -> u64 {
    v.wrapping_sub(LO) & !v & HI
}

/// Whether a string body decodes to itself: no escapes (unless `raw`) and
/// no carriage return to translate.
pub(crate) fn is_plain_body(bytes: &[u8], raw: bool) -> bool {
    if raw {
        find_byte(bytes, 0, b'\r').is_none()
    } else {
        find_special(bytes, 0).is_none()
    }
}

/// Offset of the first `\` or `\r` at or after `from`.
fn find_special(bytes: &[u8], from: usize) -> Option<usize> {
    find_with(bytes, from, |w| {
        zero_lanes(w ^ (LO * u64::from(b'\\'))) | zero_lanes(w ^ (LO * u64::from(b'\r')))
    })
}

/// Offset of the first `needle` at or after `from`.
fn find_byte(bytes: &[u8], from: usize, needle: u8) -> Option<usize> {
    find_with(bytes, from, |w| zero_lanes(w ^ (LO * u64::from(needle))))
}

/// Scans 32, then 8 bytes at a time with `lanes` (which flags the matching
/// byte lanes of a little-endian word), then finishes with the padded tail.
fn find_with(bytes: &[u8], from: usize, lanes: impl Fn(u64) -> u64) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let mut base = from;
    let mut blocks = rest.chunks_exact(32);
    for block in &mut blocks {
        let mut hits = [0u64; 4];
        for (hit, word) in hits.iter_mut().zip(block.chunks_exact(8)) {
            *hit = lanes(load(word));
        }
        if hits.iter().any(|&h| h != 0) {
            let (word, hit) = hits.iter().enumerate().find(|&(_, &h)| h != 0)?;
            return Some(base + word * 8 + (hit.trailing_zeros() / 8) as usize);
        }
        base += 32;
    }
    let mut chunks = blocks.remainder().chunks_exact(8);
    for chunk in &mut chunks {
        let hits = lanes(load(chunk));
        if hits != 0 {
            return Some(base + (hits.trailing_zeros() / 8) as usize);
        }
        base += 8;
    }
    let tail = chunks.remainder();
    let hits = lanes(load(tail));
    let lane = (hits.trailing_zeros() / 8) as usize;
    (hits != 0 && lane < tail.len()).then_some(base + lane)
}

/// Up to 8 bytes as a little-endian word, zero-padded.
fn load(bytes: &[u8]) -> u64 {
    let mut word = [0u8; 8];
    for (slot, &b) in word.iter_mut().zip(bytes) {
        *slot = b;
    }
    u64::from_le_bytes(word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::PyStr;

    /// `(body, raw, Ok(value) | Err(message), first warning)`.
    type StrRow = (
        &'static str,
        bool,
        Result<&'static str, &'static str>,
        Option<&'static str>,
    );
    /// `(body, raw, Ok(value) | Err(message), first warning)`.
    type BytesRow = (
        &'static str,
        bool,
        Result<&'static [u8], &'static str>,
        Option<&'static str>,
    );

    // Every expected value, message and warning in these tables was obtained
    // from CPython 3.11.7: `ast.literal_eval(prefix + quote + body + quote)`
    // with all warnings recorded (triple quotes when the body has a newline).
    // 3.12.1 and 3.13.0 give the same messages (only the warning category
    // and the reported line numbers differ).
    const STR_CASES: &[StrRow] = &[
    ("", false, Ok(""), None),
    ("plain text", false, Ok("plain text"), None),
    ("héllo wörld €😀", false, Ok("héllo wörld €😀"), None),
    ("a\\nb", false, Ok("a\nb"), None),
    ("a\\\\b", false, Ok("a\\b"), None),
    ("\\'\\\"", false, Ok("'\""), None),
    ("\\a\\b\\f\\n\\r\\t\\v", false, Ok("\u{7}\u{8}\u{c}\n\r\t\u{b}"), None),
    ("x\\\ny", false, Ok("xy"), None),
    ("x\\\r\ny", false, Ok("xy"), None),
    ("x\\\ry", false, Ok("xy"), None),
    ("a\nb", false, Ok("a\nb"), None),
    ("a\r\nb", false, Ok("a\nb"), None),
    ("a\rb", false, Ok("a\nb"), None),
    ("a\r\r\nb\n\rc", false, Ok("a\n\nb\n\nc"), None),
    ("\r\n\r\n", false, Ok("\n\n"), None),
    ("\\0", false, Ok("\u{0}"), None),
    ("\\7", false, Ok("\u{7}"), None),
    ("\\07", false, Ok("\u{7}"), None),
    ("\\123", false, Ok("S"), None),
    ("\\1234", false, Ok("S4"), None),
    ("\\0000", false, Ok("\u{0}0"), None),
    ("\\18", false, Ok("\u{1}8"), None),
    ("\\19", false, Ok("\u{1}9"), None),
    ("\\377", false, Ok("ÿ"), None),
    ("\\400", false, Ok("Ā"), Some("invalid octal escape sequence '\\400'")),
    ("\\777", false, Ok("ǿ"), Some("invalid octal escape sequence '\\777'")),
    ("\\0777", false, Ok("?7"), None),
    ("a\\777b\\q", false, Ok("aǿb\\q"), Some("invalid octal escape sequence '\\777'")),
    ("\\x41\\x7a\\xFF\\xfF", false, Ok("Azÿÿ"), None),
    ("\\x", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \\xXX escape"), None),
    ("\\x4", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape"), None),
    ("\\x4g", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape"), None),
    ("abc\\x", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 3-4: truncated \\xXX escape"), None),
    ("abc\\x1 tail", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 3-5: truncated \\xXX escape"), None),
    ("\\xg0", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \\xXX escape"), None),
    ("\\u0041\\u00e9\\u20AC", false, Ok("Aé€"), None),
    ("\\u", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \\uXXXX escape"), None),
    ("\\u12", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \\uXXXX escape"), None),
    ("\\u12x", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \\uXXXX escape"), None),
    ("\\u123", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-4: truncated \\uXXXX escape"), None),
    ("\\U0001F600", false, Ok("😀"), None),
    ("\\U0010FFFF", false, Ok("\u{10ffff}"), None),
    ("\\U00110000", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character"), None),
    ("\\Uffffffff", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character"), None),
    ("\\U0001F60", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-8: truncated \\UXXXXXXXX escape"), None),
    ("\\U0001F60x", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-8: truncated \\UXXXXXXXX escape"), None),
    ("\\U", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \\UXXXXXXXX escape"), None),
    ("é\\x", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 10-11: truncated \\xXX escape"), None),
    ("éé\\x1", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 20-22: truncated \\xXX escape"), None),
    ("€😀\\x", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 20-21: truncated \\xXX escape"), None),
    ("\\é", false, Ok("\\é"), None),
    ("\\é\\x", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 16-17: truncated \\xXX escape"), None),
    ("\\\\é", false, Ok("\\é"), None),
    ("\\\\\\é", false, Ok("\\\\é"), None),
    ("\\é\\q", false, Ok("\\é\\q"), Some("invalid escape sequence '\\q'")),
    ("é\\u12", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 10-13: truncated \\uXXXX escape"), None),
    ("é\\U00110000", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 10-19: illegal Unicode character"), None),
    ("a\r\n\\x1", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 2-4: truncated \\xXX escape"), None),
    ("a\r\n\\xé", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 2-3: truncated \\xXX escape"), None),
    ("a\r\\x", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 2-3: truncated \\xXX escape"), None),
    ("\\xé", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \\xXX escape"), None),
    ("\\x1é", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape"), None),
    ("\\N", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \\N character escape"), None),
    ("\\N{}", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: malformed \\N character escape"), None),
    ("\\Nx", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \\N character escape"), None),
    ("\\N{SPACE", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-7: malformed \\N character escape"), None),
    ("é\\N{SPACE", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 10-17: malformed \\N character escape"), None),
    ("\\N{SPACEé", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-17: malformed \\N character escape"), None),
    ("\\N{é}", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-13: unknown Unicode character name"), None),
    ("\\N{\\é}", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-19: unknown Unicode character name"), None),
    ("\\q", false, Ok("\\q"), Some("invalid escape sequence '\\q'")),
    ("\\q\\w", false, Ok("\\q\\w"), Some("invalid escape sequence '\\q'")),
    ("\\8\\9", false, Ok("\\8\\9"), Some("invalid escape sequence '\\8'")),
    ("\\e", false, Ok("\\e"), Some("invalid escape sequence '\\e'")),
    ("\\ ", false, Ok("\\ "), Some("invalid escape sequence '\\ '")),
    ("\\{", false, Ok("\\{"), Some("invalid escape sequence '\\{'")),
    ("\\\t", false, Ok("\\\t"), Some("invalid escape sequence '\\\t'")),
    ("\\u0041\\q", false, Ok("A\\q"), Some("invalid escape sequence '\\q'")),
    ("\\777\\q", false, Ok("ǿ\\q"), Some("invalid octal escape sequence '\\777'")),
    ("\\q\\777", false, Ok("\\qǿ"), Some("invalid escape sequence '\\q'")),
    ("\\400\\401", false, Ok("Āā"), Some("invalid octal escape sequence '\\400'")),
    ("", true, Ok(""), None),
    ("a\\nb\\q\\x", true, Ok("a\\nb\\q\\x"), None),
    ("\\N{bad", true, Ok("\\N{bad"), None),
    ("a\\\nb", true, Ok("a\\\nb"), None),
    ("a\\\r\nb", true, Ok("a\\\nb"), None),
    ("a\\\rb", true, Ok("a\\\nb"), None),
    ("a\r\nb\rc", true, Ok("a\nb\nc"), None),
    ("\\é", true, Ok("\\é"), None),
    ("\\\\", true, Ok("\\\\"), None),
    ("\\'", true, Ok("\\'"), None),
    ];

    /// Like `STR_CASES` (same origin), for `\N{...}`: needs the Unicode name tables.
    const NAMED_CASES: &[StrRow] = &[
    ("\\N{ab\\}", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-6: unknown Unicode character name"), None),
    ("\\N{SPACE}", false, Ok(" "), None),
    ("a\\N{LATIN SMALL LETTER E WITH ACUTE}b", false, Ok("aéb"), None),
    ("\\N{latin small letter a}", false, Ok("a"), None),
    ("\\N{SpAcE}", false, Ok(" "), None),
    ("\\N{LF}", false, Ok("\n"), None),
    ("\\N{NBSP}", false, Ok("\u{a0}"), None),
    ("\\N{CJK UNIFIED IDEOGRAPH-4E00}", false, Ok("一"), None),
    ("\\N{CJK UNIFIED IDEOGRAPH-4e00}", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-29: unknown Unicode character name"), None),
    ("\\N{CJK UNIFIED IDEOGRAPH-31350}", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-30: unknown Unicode character name"), None),
    ("\\N{HANGUL SYLLABLE GA}", false, Ok("가"), None),
    ("\\N{LATIN SMALL LETTER R WITH TILDE}", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-34: unknown Unicode character name"), None),
    ("\\N{ SPACE}", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: unknown Unicode character name"), None),
    ("\\N{NOT A NAME}", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-13: unknown Unicode character name"), None),
    ("é\\N{NOT A NAME}", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 10-23: unknown Unicode character name"), None),
    ("\\N{EMPTY SET}\\q\\N{SPACE}", false, Ok("∅\\q "), Some("invalid escape sequence '\\q'")),
    ("\\N{SPACE}\\N{", false, Err("(unicode error) 'unicodeescape' codec can't decode bytes in position 9-11: malformed \\N character escape"), None),
    ];

    /// Like `STR_CASES` (same origin), for `b` / `rb` literals.
    const BYTES_CASES: &[BytesRow] = &[
        ("", false, Ok(b"" as &[u8]), None),
        ("plain", false, Ok(b"plain" as &[u8]), None),
        ("a\\nb", false, Ok(b"a\x0ab" as &[u8]), None),
        ("\\'\\\"", false, Ok(b"'\"" as &[u8]), None),
        (
            "\\a\\b\\f\\n\\r\\t\\v\\\\",
            false,
            Ok(b"\x07\x08\x0c\x0a\x0d\x09\x0b\\" as &[u8]),
            None,
        ),
        ("x\\\ny", false, Ok(b"xy" as &[u8]), None),
        ("x\\\r\ny", false, Ok(b"xy" as &[u8]), None),
        ("x\\\ry", false, Ok(b"xy" as &[u8]), None),
        ("a\r\nb\rc\n", false, Ok(b"a\x0ab\x0ac\x0a" as &[u8]), None),
        (
            "\\0\\7\\07\\123\\1234\\0000\\18",
            false,
            Ok(b"\x00\x07\x07SS4\x000\x018" as &[u8]),
            None,
        ),
        ("\\377", false, Ok(b"\xff" as &[u8]), None),
        (
            "\\400",
            false,
            Ok(b"\x00" as &[u8]),
            Some("invalid octal escape sequence '\\400'"),
        ),
        (
            "\\777",
            false,
            Ok(b"\xff" as &[u8]),
            Some("invalid octal escape sequence '\\777'"),
        ),
        ("\\0777", false, Ok(b"?7" as &[u8]), None),
        ("\\x41\\xff\\xFf", false, Ok(b"A\xff\xff" as &[u8]), None),
        (
            "\\x",
            false,
            Err("(value error) invalid \\x escape at position 0"),
            None,
        ),
        (
            "\\x4",
            false,
            Err("(value error) invalid \\x escape at position 0"),
            None,
        ),
        (
            "ab\\x1",
            false,
            Err("(value error) invalid \\x escape at position 2"),
            None,
        ),
        (
            "\\xg0",
            false,
            Err("(value error) invalid \\x escape at position 0"),
            None,
        ),
        (
            "a\r\n\\x1",
            false,
            Err("(value error) invalid \\x escape at position 2"),
            None,
        ),
        (
            "a\r\\x1",
            false,
            Err("(value error) invalid \\x escape at position 2"),
            None,
        ),
        (
            "\\u1234",
            false,
            Ok(b"\\u1234" as &[u8]),
            Some("invalid escape sequence '\\u'"),
        ),
        (
            "\\U00012345",
            false,
            Ok(b"\\U00012345" as &[u8]),
            Some("invalid escape sequence '\\U'"),
        ),
        (
            "\\N{SPACE}",
            false,
            Ok(b"\\N{SPACE}" as &[u8]),
            Some("invalid escape sequence '\\N'"),
        ),
        (
            "\\q\\w",
            false,
            Ok(b"\\q\\w" as &[u8]),
            Some("invalid escape sequence '\\q'"),
        ),
        (
            "\\8",
            false,
            Ok(b"\\8" as &[u8]),
            Some("invalid escape sequence '\\8'"),
        ),
        (
            "\\400\\q",
            false,
            Ok(b"\x00\\q" as &[u8]),
            Some("invalid octal escape sequence '\\400'"),
        ),
        (
            "\\q\\400",
            false,
            Ok(b"\\q\x00" as &[u8]),
            Some("invalid escape sequence '\\q'"),
        ),
        ("\u{1}\u{7f}", false, Ok(b"\x01\x7f" as &[u8]), None),
        (
            "é",
            false,
            Err("bytes can only contain ASCII literal characters"),
            None,
        ),
        (
            "abcé",
            false,
            Err("bytes can only contain ASCII literal characters"),
            None,
        ),
        (
            "\\xé",
            false,
            Err("bytes can only contain ASCII literal characters"),
            None,
        ),
        ("", true, Ok(b"" as &[u8]), None),
        ("a\\nb\\x\\777", true, Ok(b"a\\nb\\x\\777" as &[u8]), None),
        ("a\\\r\nb\rc", true, Ok(b"a\\\x0ab\x0ac" as &[u8]), None),
        (
            "é",
            true,
            Err("bytes can only contain ASCII literal characters"),
            None,
        ),
    ];

    /// Decodes a `str` body into a fresh buffer: value (or error) and warning.
    fn run_str(body: &str, raw: bool) -> (Result<PyStr, EscapeError>, Option<EscapeWarning>) {
        let mut out = PyStrBuf::new();
        let mut warning = None;
        let result = decode_str(body, raw, UnicodeVersion::V14_0, &mut out, &mut warning)
            .map(|()| out.finish());
        (result, warning)
    }

    /// Decodes a `bytes` body into a fresh buffer: value (or error) and warning.
    fn run_bytes(body: &str, raw: bool) -> (Result<Vec<u8>, EscapeError>, Option<EscapeWarning>) {
        let mut out = Vec::new();
        let mut warning = None;
        let result = decode_bytes(body, raw, &mut out, &mut warning).map(|()| out);
        (result, warning)
    }

    /// Checks every row of a `str` table.
    fn check_str_table(cases: &[StrRow]) {
        for &(body, raw, expected, warn) in cases {
            let (result, warning) = run_str(body, raw);
            let result = result.map_err(|e| e.message);
            assert_eq!(
                result,
                expected.map(PyStr::from).map_err(String::from),
                "body {body:?} raw {raw}"
            );
            if expected.is_ok() {
                assert_eq!(
                    warning.map(|w| w.message).as_deref(),
                    warn,
                    "body {body:?} raw {raw}"
                );
            }
        }
    }

    /// Every `str` escape kind, newline form, error and warning.
    #[test]
    fn str_table() {
        check_str_table(STR_CASES);
    }

    /// Run once `crate::unicode::lookup_name` is implemented (branch `unicode`).
    #[test]
    fn named_escapes_need_unicode_tables() {
        check_str_table(NAMED_CASES);
    }

    /// Every `bytes` escape kind, newline form, error and warning.
    #[test]
    fn bytes_table() {
        for &(body, raw, expected, warn) in BYTES_CASES {
            let (result, warning) = run_bytes(body, raw);
            let result = result.map_err(|e| e.message);
            assert_eq!(
                result,
                expected.map(<[u8]>::to_vec).map_err(String::from),
                "body {body:?} raw {raw}"
            );
            if expected.is_ok() {
                assert_eq!(
                    warning.map(|w| w.message).as_deref(),
                    warn,
                    "body {body:?} raw {raw}"
                );
            }
        }
    }

    /// `\u`/`\U` surrogates are kept unpaired.
    #[test]
    fn surrogates_stay_lone_code_points() {
        // From python3: [ord(c) for c in '\ud83d\ude00\U0000dfff\ud800x'].
        let (result, _) = run_str(r"\ud83d\ude00\U0000dfff\ud800x", false);
        let expected = PyStr::from_code_points([0xD83D, 0xDE00, 0xDFFF, 0xD800, 0x78]);
        assert_eq!(result.ok(), expected);
    }

    /// Offsets count bytes of the body as given (before newline translation).
    #[test]
    fn error_and_warning_offsets_are_body_byte_offsets() {
        let (result, _) = run_str("é\r\n\\x1", false);
        assert_eq!(result.map_err(|e| e.offset).err(), Some(4));
        let (result, _) = run_str(r"ab\N{}", false);
        assert_eq!(result.map_err(|e| e.offset).err(), Some(2));
        let (result, _) = run_bytes("ab\\x", false);
        assert_eq!(result.map_err(|e| e.offset).err(), Some(2));
        let (result, _) = run_bytes("\\q\\xé", false);
        assert_eq!(result.map_err(|e| e.offset).err(), Some(4));
        let (_, warning) = run_str("é\\d\\q", false);
        assert_eq!(warning.map(|w| w.offset), Some(2));
        let (_, warning) = run_bytes("xy\\777", false);
        assert_eq!(warning.map(|w| w.offset), Some(2));
    }

    /// Decoding appends to `out` and keeps a warning already recorded.
    #[test]
    fn existing_warning_is_kept_and_output_appends() {
        let mut out = PyStrBuf::new();
        let mut warning = None;
        assert_eq!(
            decode_str(r"a\q", false, UnicodeVersion::V14_0, &mut out, &mut warning),
            Ok(())
        );
        assert_eq!(
            decode_str(r"b\w", false, UnicodeVersion::V14_0, &mut out, &mut warning),
            Ok(())
        );
        assert_eq!(
            warning.map(|w| w.message).as_deref(),
            Some(r"invalid escape sequence '\q'")
        );
        assert_eq!(out.finish(), PyStr::from(r"a\qb\w"));
    }

    /// Long bodies, and escapes/newlines at every word alignment.
    #[test]
    fn long_bodies() {
        let plain = "abcdefghé€😀 ".repeat(100_000);
        let (result, warning) = run_str(&plain, false);
        assert_eq!(result, Ok(PyStr::from(plain.as_str())));
        assert_eq!(warning, None);
        // Specials around every chunk alignment.
        for len in 0..40 {
            for special in ["\r\n", "\r", "\\n", "\\\r\n", "\\x41"] {
                let body = format!("{}{special}{}", "x".repeat(len), "y".repeat(len % 9));
                let expected = match special {
                    "\r\n" | "\r" | "\\n" => "\n",
                    "\\x41" => "A",
                    _ => "",
                };
                let want = format!("{}{expected}{}", "x".repeat(len), "y".repeat(len % 9));
                assert_eq!(
                    run_str(&body, false).0,
                    Ok(PyStr::from(want.as_str())),
                    "{body:?}"
                );
                assert_eq!(run_bytes(&body, false).0, Ok(want.into_bytes()), "{body:?}");
            }
        }
    }

    /// The word-at-a-time scan agrees with a byte-by-byte one.
    #[test]
    fn find_special_matches_naive_scan() {
        let body: Vec<u8> = (0..300u32)
            .map(|i| [b'a', b'\\', b'\r', 0x80, b'\n', 0][(i * i % 7 % 6) as usize])
            .collect();
        for from in 0..=body.len() + 1 {
            let naive = body
                .iter()
                .enumerate()
                .skip(from)
                .find(|(_, &b)| b == b'\\' || b == b'\r')
                .map(|(i, _)| i);
            assert_eq!(find_special(&body, from), naive, "from {from}");
            let naive = body
                .iter()
                .enumerate()
                .skip(from)
                .find(|(_, &b)| b == 0x80)
                .map(|(i, _)| i);
            assert_eq!(find_byte(&body, from, 0x80), naive, "from {from}");
        }
    }
}
