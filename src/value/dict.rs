//! `Dict`: an insertion-ordered dict with Python key semantics. (stub: being written)

use super::{Unhashable, Value};

/// A Python `dict`.
#[derive(Default)]
pub struct Dict {
    entries: Vec<(Value, Value)>,
}

impl Dict {
    /// An empty dict.
    pub fn new() -> Dict {
        Dict::default()
    }
    /// Inserts with Python semantics; returns the replaced value.
    pub fn insert(&mut self, key: Value, value: Value) -> Result<Option<Value>, Unhashable> {
        self.entries.push((key, value));
        Ok(None)
    }
}
