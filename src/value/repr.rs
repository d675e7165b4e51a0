//! (stub: being written) CPython `repr()` formatting.

use super::PyStr;
use std::fmt;

impl fmt::Debug for PyStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.to_string_lossy())
    }
}
