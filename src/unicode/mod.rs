//! Unicode data as CPython 3.11 (Unicode 14.0.0) sees it: character names for
//! `\N{...}`, identifier characters, printable characters, and the NFKC test
//! for the name `set`.
//!
//! All tables are generated from CPython 3.11.7 itself by
//! `scripts/gen_unicode_tables.py` (`names.bin`, `tables.rs`,
//! `test_vectors.txt`); nothing here is taken from Rust's own Unicode data.

mod names;
#[rustfmt::skip]
mod tables;
#[cfg(test)]
mod tests;

use tables::{
    CJK_UNIFIED, JAMO_L, JAMO_T, JAMO_V, MAX_NAME_LEN, PRINTABLE, SET_PIECES, XID_CONTINUE,
    XID_START,
};

/// The character `\N{name}` denotes, with CPython 3.11's rules.
///
/// CPython's `_getcode` (Modules/unicodedata.c), as the `unicode_escape`
/// decoder calls it (named sequences refused):
/// 1. `HANGUL SYLLABLE ` (case-sensitive) + L V T jamo short names, each the
///    longest match in its column (case-sensitive); nothing else may follow.
/// 2. `CJK UNIFIED IDEOGRAPH-` (case-sensitive) + exactly 4 or 5 hex digits,
///    uppercase only, naming a unified ideograph of Unicode 14.
/// 3. Otherwise the table of names and aliases, compared case-insensitively
///    (ASCII). The algorithmic names are not in it, so e.g. a lowercase
///    `cjk unified ideograph-4E00` is unknown.
///
/// CPython sees non-ASCII characters of a literal as `\UXXXXXXXX` escapes
/// here, so a non-ASCII name never matches.
pub(crate) fn lookup_name(name: &str) -> Option<char> {
    let b = name.as_bytes();
    if let Some(rest) = b.strip_prefix(b"HANGUL SYLLABLE ") {
        return hangul_syllable(rest);
    }
    if let Some(hex) = b.strip_prefix(b"CJK UNIFIED IDEOGRAPH-") {
        return unified_ideograph(hex);
    }
    if b.is_empty() || b.len() > MAX_NAME_LEN {
        return None;
    }
    let mut buf = [0u8; MAX_NAME_LEN];
    for (d, &c) in buf.iter_mut().zip(b) {
        let u = c.to_ascii_uppercase();
        if !matches!(u, b' ' | b'-' | b'0'..=b'9' | b'A'..=b'Z') {
            return None;
        }
        *d = u;
    }
    names::lookup(buf.get(..b.len())?).and_then(char::from_u32)
}

/// CPython's `find_syllable`: the longest entry of `column` that `s` starts
/// with (the empty entry matches anything). Returns (index, length matched).
fn find_syllable(s: &[u8], column: &[&str]) -> (Option<usize>, usize) {
    let mut best: Option<(usize, usize)> = None;
    for (i, j) in column.iter().enumerate() {
        let j = j.as_bytes();
        if best.is_some_and(|(_, len)| j.len() <= len) {
            continue;
        }
        if s.starts_with(j) {
            best = Some((i, j.len()));
        }
    }
    match best {
        Some((i, len)) => (Some(i), len),
        None => (None, 0),
    }
}

fn hangul_syllable(s: &[u8]) -> Option<char> {
    let (l, n) = find_syllable(s, &JAMO_L);
    let s = s.get(n..)?;
    let (v, n) = find_syllable(s, &JAMO_V);
    let s = s.get(n..)?;
    let (t, n) = find_syllable(s, &JAMO_T);
    let (l, v, t) = (l?, v?, t?);
    if n != s.len() {
        return None;
    }
    let index = (l * JAMO_V.len() + v) * JAMO_T.len() + t;
    char::from_u32(0xAC00 + u32::try_from(index).ok()?)
}

fn unified_ideograph(hex: &[u8]) -> Option<char> {
    if hex.len() != 4 && hex.len() != 5 {
        return None;
    }
    let mut v: u32 = 0;
    for &c in hex {
        let d = match c {
            b'0'..=b'9' => c - b'0',
            b'A'..=b'F' => c - b'A' + 10,
            _ => return None,
        };
        v = v * 16 + u32::from(d);
    }
    if in_ranges(&CJK_UNIFIED, v) {
        char::from_u32(v)
    } else {
        None
    }
}

/// Whether `cp` is in one of the sorted, disjoint, inclusive `ranges`.
fn in_ranges(ranges: &[(u32, u32)], cp: u32) -> bool {
    ranges
        .binary_search_by(|&(start, end)| {
            if end < cp {
                std::cmp::Ordering::Less
            } else if start > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Python's identifier-start test for one char (XID_Start plus '_'), per CPython 3.11's unicodedata.
pub(crate) fn is_id_start(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic() || c == '_'
    } else {
        in_ranges(&XID_START, u32::from(c))
    }
}

/// Python's identifier-continue test (XID_Continue).
pub(crate) fn is_id_continue(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        in_ranges(&XID_CONTINUE, u32::from(c))
    }
}

/// Python's `str.isprintable()` for one code point (surrogates and > 0x10FFFF: false).
pub(crate) fn is_printable(cp: u32) -> bool {
    if cp < 0x80 {
        (0x20..0x7F).contains(&cp)
    } else {
        in_ranges(&PRINTABLE, cp)
    }
}

/// Whether an identifier (already known valid) NFKC-normalizes to exactly "set".
///
/// NFKC(x) == "set" exactly when the compatibility decompositions of x's
/// characters concatenate to "set" (see `set_pieces` in the generator), so
/// each character must map to a piece of "set" and the pieces must spell it.
pub(crate) fn normalizes_to_set(name: &str) -> bool {
    if name.is_ascii() {
        return name == "set";
    }
    let mut rest = "set";
    for c in name.chars() {
        let Ok(i) = SET_PIECES.binary_search_by_key(&c, |&(ch, _)| ch) else {
            return false;
        };
        let Some(&(_, piece)) = SET_PIECES.get(i) else {
            return false;
        };
        match rest.strip_prefix(piece) {
            Some(r) => rest = r,
            None => return false,
        }
    }
    rest.is_empty()
}
