//! `PyStr`: a Python `str`, which may hold lone surrogates. (stub: being written)

/// A Python `str`: a sequence of code points that, unlike Rust's `String`,
/// may contain lone surrogates (`'\ud800'`).
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct PyStr {
    text: String,
}

impl PyStr {
    /// An empty string.
    pub fn new() -> PyStr {
        PyStr::default()
    }
    /// The text, when it holds no lone surrogate.
    pub fn as_str(&self) -> Option<&str> {
        Some(&self.text)
    }
    /// Appends a character.
    pub fn push(&mut self, c: char) {
        self.text.push(c);
    }
    /// Appends text.
    pub fn push_str(&mut self, s: &str) {
        self.text.push_str(s);
    }
    /// Appends a code point, which may be a lone surrogate (`0xD800..=0xDFFF`).
    /// Returns `false` (and appends nothing) above `0x10FFFF`.
    pub fn push_code_point(&mut self, cp: u32) -> bool {
        let _ = cp;
        todo!()
    }
}

impl From<&str> for PyStr {
    fn from(s: &str) -> PyStr {
        PyStr { text: s.to_owned() }
    }
}

impl From<String> for PyStr {
    fn from(text: String) -> PyStr {
        PyStr { text }
    }
}
