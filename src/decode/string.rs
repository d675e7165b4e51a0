//! String and bytes literal bodies → decoded text. (stub: being written)

use crate::value::PyStr;

/// The first invalid escape of one string token (CPython warns once per token).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct EscapeWarning {
    /// Byte offset of the backslash within the body.
    pub offset: usize,
    /// CPython's text, e.g. `invalid escape sequence '\q'`.
    pub message: String,
}

/// A body that cannot be decoded (a CPython `SyntaxError`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct EscapeError {
    /// Byte offset within the body of the offending escape or character.
    pub offset: usize,
    /// CPython's text, e.g. `(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \xXX escape`.
    pub message: String,
}

/// Decodes the body (the text between the quotes) of a `str` literal and
/// appends it to `out`.
pub(crate) fn decode_str(
    body: &str,
    raw: bool,
    out: &mut PyStr,
    warning: &mut Option<EscapeWarning>,
) -> Result<(), EscapeError> {
    let _ = (body, raw, out, warning);
    todo!("decode_str")
}

/// Decodes the body of a `bytes` literal and appends it to `out`.
pub(crate) fn decode_bytes(
    body: &str,
    raw: bool,
    out: &mut Vec<u8>,
    warning: &mut Option<EscapeWarning>,
) -> Result<(), EscapeError> {
    let _ = (body, raw, out, warning);
    todo!("decode_bytes")
}
