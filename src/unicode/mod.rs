//! Unicode data as CPython sees it, for each supported version: character
//! names for `\N{...}`, identifier characters, printable characters, and the
//! NFKC test for the name `set`.
//!
//! | [`UnicodeVersion`] | CPython | tables generated from |
//! |---|---|---|
//! | `V14_0` | 3.11 | CPython 3.11.7 |
//! | `V15_0` | 3.12 | CPython 3.12.1 |
//! | `V15_1` | 3.13 | CPython 3.13.0 |
//!
//! All tables are generated from those interpreters themselves by
//! `scripts/gen_unicode_tables.py` (`names.bin`, `tables.rs`,
//! `test_vectors.txt`); nothing here is taken from Rust's own Unicode data.
//! Unicode 14.0 is stored whole (`names.bin`, the range tables); 15.0 and 15.1
//! as what each added (`NAMES_ADDED`, the `*_ADDED_*` range tables): between
//! these versions no name or alias was removed or changed and no code point
//! left a property, which the generator checks.
//!
//! The rules (`_getcode`'s Hangul and CJK handling, case-insensitive table
//! lookup, named sequences refused) behave the same in the three interpreters
//! (the test vectors, run through each, show it); only the data differs. The
//! unversioned functions are the 14.0 (CPython 3.11) ones.

mod names;
#[rustfmt::skip]
mod tables;
#[cfg(test)]
mod tests;

use tables::{
    CJK_UNIFIED_14_0, CJK_UNIFIED_15_0, CJK_UNIFIED_15_1, JAMO_L, JAMO_T, JAMO_V, MAX_NAME_LEN,
    NAMES_ADDED, PRINTABLE, PRINTABLE_ADDED_15_0, PRINTABLE_ADDED_15_1, SET_PIECES, XID_CONTINUE,
    XID_CONTINUE_ADDED_15_0, XID_CONTINUE_ADDED_15_1, XID_START, XID_START_ADDED_15_0,
    XID_START_ADDED_15_1,
};
use UnicodeVersion::{V14_0, V15_0, V15_1};

/// The Unicode database of a CPython version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum UnicodeVersion {
    /// Unicode 14.0.0: CPython 3.11.
    V14_0,
    /// Unicode 15.0.0: CPython 3.12.
    V15_0,
    /// Unicode 15.1.0: CPython 3.13.
    V15_1,
}

// Used by the Python package's version support.
#[allow(dead_code)]
impl UnicodeVersion {
    /// Every version, oldest first.
    pub(crate) const ALL: [UnicodeVersion; 3] = [V14_0, V15_0, V15_1];

    /// The version's `unicodedata.unidata_version`.
    pub(crate) const fn unidata_version(self) -> &'static str {
        match self {
            V14_0 => "14.0.0",
            V15_0 => "15.0.0",
            V15_1 => "15.1.0",
        }
    }

    /// The version whose `unicodedata.unidata_version` is `s`, if supported.
    pub(crate) fn from_unidata_version(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.unidata_version() == s)
    }
}

impl UnicodeVersion {
    /// Position in [`UnicodeVersion::ALL`] (and in the per-version test arrays).
    const fn index(self) -> usize {
        match self {
            V14_0 => 0,
            V15_0 => 1,
            V15_1 => 2,
        }
    }

    /// Whether this version has what `since` added.
    const fn includes(self, since: UnicodeVersion) -> bool {
        self.index() >= since.index()
    }
}

#[cfg(test)]
/// The character `\N{name}` denotes, with CPython 3.11's rules (Unicode 14.0).
pub(crate) fn lookup_name(name: &str) -> Option<char> {
    lookup_name_in(name, V14_0)
}

/// The character `\N{name}` denotes in the CPython of Unicode version `v`.
///
/// CPython's `_getcode` (Modules/unicodedata.c), as the `unicode_escape`
/// decoder calls it (named sequences refused); CPython 3.11.7, 3.12.1 and
/// 3.13.0 follow the same rules (their test vectors show it):
/// 1. `HANGUL SYLLABLE ` (case-sensitive) + L V T jamo short names, each the
///    longest match in its column (case-sensitive); nothing else may follow.
/// 2. `CJK UNIFIED IDEOGRAPH-` (case-sensitive) + exactly 4 or 5 hex digits,
///    uppercase only, naming a unified ideograph of version `v` (15.0 added
///    U+2B739 and Extension H, U+31350..=U+323AF; 15.1 Extension I,
///    U+2EBF0..=U+2EE5D).
/// 3. Otherwise the table of names and aliases of version `v`, compared
///    case-insensitively (ASCII). The algorithmic names are not in it, so e.g.
///    a lowercase `cjk unified ideograph-4E00` is unknown.
///
/// CPython sees non-ASCII characters of a literal as `\UXXXXXXXX` escapes
/// here, so a non-ASCII name never matches.
pub(crate) fn lookup_name_in(name: &str, v: UnicodeVersion) -> Option<char> {
    let b = name.as_bytes();
    if let Some(rest) = b.strip_prefix(b"HANGUL SYLLABLE ") {
        return hangul_syllable(rest);
    }
    if let Some(hex) = b.strip_prefix(b"CJK UNIFIED IDEOGRAPH-") {
        return unified_ideograph(hex, v);
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
    let query = buf.get(..b.len())?;
    names::lookup(query)
        .or_else(|| lookup_added(query, v))
        .and_then(char::from_u32)
}

/// A name or alias added after Unicode 14.0, if version `v` has it.
fn lookup_added(query: &[u8], v: UnicodeVersion) -> Option<u32> {
    let i = NAMES_ADDED
        .binary_search_by(|&(name, _, _)| name.as_bytes().cmp(query))
        .ok()?;
    let &(_, cp, since) = NAMES_ADDED.get(i)?;
    v.includes(since).then_some(cp)
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

/// The unified ideographs of version `v` (CPython's `is_unified_ideograph`).
fn cjk_unified(v: UnicodeVersion) -> &'static [(u32, u32)] {
    match v {
        V14_0 => &CJK_UNIFIED_14_0,
        V15_0 => &CJK_UNIFIED_15_0,
        V15_1 => &CJK_UNIFIED_15_1,
    }
}

fn unified_ideograph(hex: &[u8], v: UnicodeVersion) -> Option<char> {
    if hex.len() != 4 && hex.len() != 5 {
        return None;
    }
    let mut cp: u32 = 0;
    for &c in hex {
        let d = match c {
            b'0'..=b'9' => c - b'0',
            b'A'..=b'F' => c - b'A' + 10,
            _ => return None,
        };
        cp = cp * 16 + u32::from(d);
    }
    if in_ranges(cjk_unified(v), cp) {
        char::from_u32(cp)
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

/// A code point property of Unicode 14.0 and what 15.0 and 15.1 added to it
/// (nothing was removed: the generator checks).
struct Grown {
    v14_0: &'static [(u32, u32)],
    added_15_0: &'static [(u32, u32)],
    added_15_1: &'static [(u32, u32)],
}

impl Grown {
    fn contains(&self, cp: u32, v: UnicodeVersion) -> bool {
        in_ranges(self.v14_0, cp)
            || (v.includes(V15_0) && in_ranges(self.added_15_0, cp))
            || (v.includes(V15_1) && in_ranges(self.added_15_1, cp))
    }
}

static ID_START: Grown = Grown {
    v14_0: &XID_START,
    added_15_0: &XID_START_ADDED_15_0,
    added_15_1: &XID_START_ADDED_15_1,
};

static ID_CONTINUE: Grown = Grown {
    v14_0: &XID_CONTINUE,
    added_15_0: &XID_CONTINUE_ADDED_15_0,
    added_15_1: &XID_CONTINUE_ADDED_15_1,
};

static PRINTABLE_CPS: Grown = Grown {
    v14_0: &PRINTABLE,
    added_15_0: &PRINTABLE_ADDED_15_0,
    added_15_1: &PRINTABLE_ADDED_15_1,
};

#[cfg(test)]
/// Python's identifier-start test for one char (XID_Start plus '_'), per CPython 3.11's unicodedata.
pub(crate) fn is_id_start(c: char) -> bool {
    is_id_start_in(c, V14_0)
}

/// Python's identifier-start test (XID_Start plus '_') in the CPython of version `v`.
pub(crate) fn is_id_start_in(c: char, v: UnicodeVersion) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic() || c == '_'
    } else {
        ID_START.contains(u32::from(c), v)
    }
}

#[cfg(test)]
/// Python's identifier-continue test (XID_Continue), per CPython 3.11.
pub(crate) fn is_id_continue(c: char) -> bool {
    is_id_continue_in(c, V14_0)
}

/// Python's identifier-continue test (XID_Continue) in the CPython of version
/// `v` (15.1 added e.g. U+200C/U+200D ZWNJ/ZWJ and U+30FB KATAKANA MIDDLE DOT).
pub(crate) fn is_id_continue_in(c: char, v: UnicodeVersion) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        ID_CONTINUE.contains(u32::from(c), v)
    }
}

#[cfg(test)]
/// Python's `str.isprintable()` for one code point (surrogates and > 0x10FFFF: false), per CPython 3.11.
pub(crate) fn is_printable(cp: u32) -> bool {
    is_printable_in(cp, V14_0)
}

/// Python's `str.isprintable()` for one code point in the CPython of version `v`.
pub(crate) fn is_printable_in(cp: u32, v: UnicodeVersion) -> bool {
    if cp < 0x80 {
        (0x20..0x7F).contains(&cp)
    } else {
        PRINTABLE_CPS.contains(cp, v)
    }
}

#[cfg(test)]
/// Whether an identifier (already known valid) NFKC-normalizes to exactly "set", per CPython 3.11.
pub(crate) fn normalizes_to_set(name: &str) -> bool {
    normalizes_to_set_in(name, V14_0)
}

/// Whether an identifier (already known valid in version `v`) NFKC-normalizes
/// to exactly "set" in the CPython of version `v`.
///
/// NFKC(x) == "set" exactly when the compatibility decompositions of x's
/// characters concatenate to "set" (see `set_pieces` in the generator), so
/// each character must map to a piece of "set" and the pieces must spell it.
/// The characters and pieces are the same in 14.0, 15.0 and 15.1 (the
/// generator checks).
pub(crate) fn normalizes_to_set_in(name: &str, v: UnicodeVersion) -> bool {
    let pieces: &[(char, &str)] = match v {
        V14_0 | V15_0 | V15_1 => &SET_PIECES,
    };
    if name.is_ascii() {
        return name == "set";
    }
    let mut rest = "set";
    for c in name.chars() {
        let Ok(i) = pieces.binary_search_by_key(&c, |&(ch, _)| ch) else {
            return false;
        };
        let Some(&(_, piece)) = pieces.get(i) else {
            return false;
        };
        match rest.strip_prefix(piece) {
            Some(r) => rest = r,
            None => return false,
        }
    }
    rest.is_empty()
}
