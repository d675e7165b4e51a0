//! The `parse` target's input format: a 4-byte header that picks the
//! [`Limits`], then the text.
//!
//! ```text
//! byte 0: flags   bit 0: max_depth      = byte 1 (255: unlimited)
//!                 bit 1: max_int_digits = byte 2 (0: unlimited)
//!                 bit 2: max_nodes      = byte 3
//!                 bit 3: max_input_bytes = byte 3 * 8
//!                 (a clear bit keeps the default: `Limits::default()`)
//! bytes 4..: the text, as UTF-8 where valid (invalid sequences become U+FFFD)
//! ```
//!
//! Inputs shorter than the header are parsed whole with default limits. A
//! seed with header `[0, 0, 0, 0]` is parsed with CPython's limits, which is
//! what `fuzz/seeds.rs` writes for every input of the parity table.

use safelit::Limits;
use std::borrow::Cow;

/// Length of the header.
pub const HEADER_LEN: usize = 4;

/// The header meaning "default limits".
pub const DEFAULT_HEADER: [u8; HEADER_LEN] = [0; HEADER_LEN];

/// Splits a `parse` input into its limits and its text.
pub fn split(data: &[u8]) -> (Limits, Cow<'_, str>) {
    match data.split_first_chunk::<HEADER_LEN>() {
        Some((header, rest)) => (limits(header), String::from_utf8_lossy(rest)),
        None => (Limits::default(), String::from_utf8_lossy(data)),
    }
}

/// The limits a header selects.
pub fn limits(header: &[u8; HEADER_LEN]) -> Limits {
    let [flags, depth, digits, amount] = *header;
    let mut limits = Limits::default();
    if flags & 1 != 0 {
        limits.max_depth = if depth == u8::MAX {
            usize::MAX
        } else {
            usize::from(depth)
        };
    }
    if flags & 2 != 0 {
        limits.max_int_digits = usize::from(digits);
    }
    if flags & 4 != 0 {
        limits.max_nodes = usize::from(amount);
    }
    if flags & 8 != 0 {
        limits.max_input_bytes = usize::from(amount) * 8;
    }
    limits
}

/// A header that selects `limits`, where one exists (the inverse of
/// [`limits`], used to write regression inputs back as seeds).
pub fn encode(limits: &Limits) -> Option<[u8; HEADER_LEN]> {
    let default = Limits::default();
    let mut header = DEFAULT_HEADER;
    if limits.max_depth != default.max_depth {
        header[0] |= 1;
        header[1] = match limits.max_depth {
            usize::MAX => u8::MAX,
            d => u8::try_from(d).ok().filter(|&d| d != u8::MAX)?,
        };
    }
    if limits.max_int_digits != default.max_int_digits {
        header[0] |= 2;
        header[2] = u8::try_from(limits.max_int_digits).ok()?;
    }
    let mut amount = None;
    if limits.max_nodes != default.max_nodes {
        header[0] |= 4;
        amount = Some(u8::try_from(limits.max_nodes).ok()?);
    }
    if limits.max_input_bytes != default.max_input_bytes {
        header[0] |= 8;
        if !limits.max_input_bytes.is_multiple_of(8) {
            return None;
        }
        let bytes = u8::try_from(limits.max_input_bytes / 8).ok()?;
        if amount.is_some_and(|a| a != bytes) {
            return None;
        }
        amount = Some(bytes);
    }
    header[3] = amount.unwrap_or(0);
    Some(header)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_header_means_default_limits() {
        let (limits, text) = split(b"\0\0\0\0[1]");
        assert_eq!(limits, Limits::default());
        assert_eq!(text, "[1]");
        assert_eq!(split(b"[1]").1, "[1]");
    }

    #[test]
    fn encode_inverts_limits() {
        for header in [[0, 0, 0, 0], [1, 3, 0, 0], [3, 255, 0, 0], [14, 0, 7, 9]] {
            let limits = limits(&header);
            assert_eq!(encode(&limits), Some(header));
        }
        let odd = Limits {
            max_input_bytes: 5,
            ..Limits::default()
        };
        assert_eq!(encode(&odd), None);
    }
}
