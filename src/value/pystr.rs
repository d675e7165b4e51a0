//! `PyStr`: a Python `str`, which may hold lone surrogates.
//!
//! Python strings are sequences of code points, and `'\ud800'` is a valid
//! one-character string. Rust's `str` cannot hold it, so a string with lone
//! surrogates is stored in *generalized UTF-8*: every code point, surrogates
//! included, encoded on its own with the usual UTF-8 bit pattern (what
//! Python's `'surrogatepass'` error handler produces). Surrogates are never
//! paired up: `'\ud83d\ude00'` stays two code points, as in Python.
//! Strings without surrogates (nearly all of them) are plain `str`.

use std::borrow::Cow;
use std::fmt;

/// A Python `str`: a sequence of code points that, unlike Rust's `String`,
/// may contain lone surrogates (`'\ud800'`).
///
/// ```
/// use safelit::{parse, PyStr, Value};
/// let s = parse(r"'a\ud800b'").unwrap().into_py_str().unwrap();
/// assert_eq!(s.as_str(), None);
/// assert_eq!(s.code_points().collect::<Vec<_>>(), [0x61, 0xD800, 0x62]);
/// assert_eq!(s.to_string_lossy(), "a\u{FFFD}b");
/// assert_eq!(PyStr::from("abc").as_str(), Some("abc"));
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PyStr(Repr);

// Invariant: `Generalized` always holds at least one surrogate, so equal
// strings always have the same representation and derived `Eq`/`Hash` are
// Python's. Byte order of (generalized) UTF-8 is code point order, so the
// derived `Ord` within one variant is too; across variants `Ord` compares
// the variant first, which is a total order but not code point order, hence
// `cmp_code_points`.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Repr {
    Utf8(Box<str>),
    Generalized(Box<[u8]>),
}

impl PyStr {
    /// An empty string.
    ///
    /// ```
    /// assert!(safelit::PyStr::new().is_empty());
    /// ```
    pub fn new() -> PyStr {
        PyStr(Repr::Utf8(Box::from("")))
    }

    /// Builds a string from code points; `None` if one is above `0x10FFFF`.
    ///
    /// ```
    /// use safelit::PyStr;
    /// let s = PyStr::from_code_points([0x68, 0xDFFF]).unwrap();
    /// assert!(s.has_surrogates());
    /// assert!(PyStr::from_code_points([0x110000]).is_none());
    /// ```
    pub fn from_code_points(code_points: impl IntoIterator<Item = u32>) -> Option<PyStr> {
        let mut buf = PyStrBuf::new();
        for cp in code_points {
            if !buf.push_code_point(cp) {
                return None;
            }
        }
        Some(buf.finish())
    }

    /// The text, when it holds no lone surrogate.
    ///
    /// ```
    /// assert_eq!(safelit::PyStr::from("x").as_str(), Some("x"));
    /// ```
    pub fn as_str(&self) -> Option<&str> {
        match &self.0 {
            Repr::Utf8(s) => Some(s),
            Repr::Generalized(_) => None,
        }
    }

    /// Whether the string holds at least one lone surrogate.
    ///
    /// ```
    /// let s = safelit::PyStr::from_code_points([0xDC80]).unwrap();
    /// assert!(s.has_surrogates());
    /// ```
    pub fn has_surrogates(&self) -> bool {
        matches!(self.0, Repr::Generalized(_))
    }

    /// The text with every lone surrogate replaced by U+FFFD.
    ///
    /// ```
    /// let s = safelit::PyStr::from_code_points([0x61, 0xD800]).unwrap();
    /// assert_eq!(s.to_string_lossy(), "a\u{FFFD}");
    /// ```
    pub fn to_string_lossy(&self) -> Cow<'_, str> {
        match &self.0 {
            Repr::Utf8(s) => Cow::Borrowed(s),
            Repr::Generalized(_) => Cow::Owned(
                self.code_points()
                    .map(|cp| char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER))
                    .collect(),
            ),
        }
    }

    /// The generalized UTF-8 encoding (plain UTF-8 when there are no lone
    /// surrogates): what Python's `s.encode('utf-8', 'surrogatepass')` gives.
    ///
    /// ```
    /// let s = safelit::PyStr::from_code_points([0xD800]).unwrap();
    /// assert_eq!(s.as_generalized_utf8(), b"\xED\xA0\x80");
    /// ```
    pub fn as_generalized_utf8(&self) -> &[u8] {
        match &self.0 {
            Repr::Utf8(s) => s.as_bytes(),
            Repr::Generalized(b) => b,
        }
    }

    /// The code points, surrogates included.
    ///
    /// ```
    /// let s = safelit::PyStr::from("hé");
    /// assert_eq!(s.code_points().collect::<Vec<_>>(), [0x68, 0xE9]);
    /// ```
    pub fn code_points(&self) -> CodePoints<'_> {
        CodePoints {
            bytes: self.as_generalized_utf8(),
        }
    }

    /// Number of code points (Python's `len()`); O(n).
    ///
    /// ```
    /// assert_eq!(safelit::PyStr::from("héllo").len(), 5);
    /// ```
    pub fn len(&self) -> usize {
        self.as_generalized_utf8()
            .iter()
            .filter(|&&b| b & 0xC0 != 0x80)
            .count()
    }

    /// Whether the string is empty.
    ///
    /// ```
    /// assert!(safelit::PyStr::from("").is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.as_generalized_utf8().is_empty()
    }

    /// Compares by code points, as Python's `<` does on `str`.
    ///
    /// ```
    /// use safelit::PyStr;
    /// assert!(PyStr::from("a").cmp_code_points(&PyStr::from("b")).is_lt());
    /// ```
    pub fn cmp_code_points(&self, other: &PyStr) -> std::cmp::Ordering {
        self.as_generalized_utf8().cmp(other.as_generalized_utf8())
    }
}

impl Default for PyStr {
    fn default() -> PyStr {
        PyStr::new()
    }
}

impl From<&str> for PyStr {
    fn from(s: &str) -> PyStr {
        PyStr(Repr::Utf8(Box::from(s)))
    }
}

impl From<String> for PyStr {
    fn from(s: String) -> PyStr {
        PyStr(Repr::Utf8(s.into_boxed_str()))
    }
}

impl From<char> for PyStr {
    fn from(c: char) -> PyStr {
        PyStr::from(c.encode_utf8(&mut [0; 4]) as &str)
    }
}

impl PartialEq<str> for PyStr {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == Some(other)
    }
}

impl PartialEq<&str> for PyStr {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == Some(*other)
    }
}

/// Shows the text, with lone surrogates as U+FFFD (`Debug` shows the Python repr).
impl fmt::Display for PyStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_string_lossy())
    }
}

/// Iterator over the code points of a [`PyStr`].
///
/// ```
/// let s = safelit::PyStr::from("ab");
/// assert_eq!(s.code_points().count(), 2);
/// ```
#[derive(Clone, Debug)]
pub struct CodePoints<'a> {
    bytes: &'a [u8],
}

impl Iterator for CodePoints<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let (&first, rest) = self.bytes.split_first()?;
        let (len, init) = match first {
            0x00..=0x7F => (1, u32::from(first)),
            0xC0..=0xDF => (2, u32::from(first & 0x1F)),
            0xE0..=0xEF => (3, u32::from(first & 0x0F)),
            _ => (4, u32::from(first & 0x07)),
        };
        let cont = rest.get(..len - 1).unwrap_or(rest);
        let cp = cont
            .iter()
            .fold(init, |acc, &b| (acc << 6) | u32::from(b & 0x3F));
        self.bytes = &rest[cont.len()..];
        Some(cp)
    }
}

/// A growable string buffer for the decoder: plain UTF-8 until the first
/// lone surrogate, generalized UTF-8 from then on.
#[derive(Clone, Debug, Default)]
pub(crate) struct PyStrBuf {
    bytes: Vec<u8>,
    // `text` is used while there is no surrogate, so that `finish` needs no
    // UTF-8 re-validation.
    text: String,
    generalized: bool,
}

impl PyStrBuf {
    pub(crate) fn new() -> PyStrBuf {
        PyStrBuf::default()
    }

    pub(crate) fn push(&mut self, c: char) {
        if self.generalized {
            self.bytes
                .extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        } else {
            self.text.push(c);
        }
    }

    pub(crate) fn push_str(&mut self, s: &str) {
        if self.generalized {
            self.bytes.extend_from_slice(s.as_bytes());
        } else {
            self.text.push_str(s);
        }
    }

    /// Appends any code point up to `0x10FFFF`, lone surrogates included;
    /// returns `false` (appending nothing) above that.
    pub(crate) fn push_code_point(&mut self, cp: u32) -> bool {
        if let Some(c) = char::from_u32(cp) {
            self.push(c);
            return true;
        }
        if !(0xD800..=0xDFFF).contains(&cp) {
            return false;
        }
        if !self.generalized {
            self.generalized = true;
            self.bytes = std::mem::take(&mut self.text).into_bytes();
        }
        self.bytes.extend_from_slice(&[
            0xE0 | (cp >> 12) as u8,
            0x80 | ((cp >> 6) & 0x3F) as u8,
            0x80 | (cp & 0x3F) as u8,
        ]);
        true
    }

    /// Empties the buffer, keeping its allocations for the next string.
    pub(crate) fn clear(&mut self) {
        self.bytes.clear();
        self.text.clear();
        self.generalized = false;
    }

    /// The text so far, when it holds no lone surrogate.
    pub(crate) fn as_str(&self) -> Option<&str> {
        (!self.generalized).then_some(self.text.as_str())
    }

    /// A copy of the text so far as a [`PyStr`] (of exactly its length).
    pub(crate) fn to_py_str(&self) -> PyStr {
        if self.generalized {
            PyStr(Repr::Generalized(Box::from(self.bytes.as_slice())))
        } else {
            PyStr::from(self.text.as_str())
        }
    }

    pub(crate) fn finish(self) -> PyStr {
        if self.generalized {
            PyStr(Repr::Generalized(self.bytes.into_boxed_slice()))
        } else {
            PyStr::from(self.text)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surrogates_are_kept_unpaired() {
        let s = PyStr::from_code_points([0xD83D, 0xDE00]).unwrap();
        assert_eq!(s.code_points().collect::<Vec<_>>(), [0xD83D, 0xDE00]);
        assert_eq!(s.len(), 2);
        assert_eq!(s.as_generalized_utf8(), b"\xED\xA0\xBD\xED\xB8\x80");
    }

    #[test]
    fn equal_strings_have_one_representation() {
        let mut a = PyStrBuf::new();
        a.push_str("x");
        assert_eq!(a.finish(), PyStr::from("x"));
        let with = PyStr::from_code_points([0x78, 0xD800]).unwrap();
        let mut b = PyStrBuf::new();
        b.push('x');
        b.push_code_point(0xD800);
        assert_eq!(b.finish(), with);
    }

    #[test]
    fn code_point_order_spans_surrogates() {
        let below = PyStr::from("\u{D7FF}");
        let sur = PyStr::from_code_points([0xD800]).unwrap();
        let above = PyStr::from("\u{E000}");
        assert!(below.cmp_code_points(&sur).is_lt());
        assert!(sur.cmp_code_points(&above).is_lt());
    }

    #[test]
    fn code_points_decode_all_widths() {
        let s = PyStr::from("aé€😀");
        assert_eq!(
            s.code_points().collect::<Vec<_>>(),
            [0x61, 0xE9, 0x20AC, 0x1F600]
        );
    }
}
