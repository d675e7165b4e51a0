//! `Set`: an insertion-ordered set with Python element semantics. (stub: being written)

use super::{Unhashable, Value};

/// A Python `set`.
#[derive(Default)]
pub struct Set {
    items: Vec<Value>,
}

impl Set {
    /// An empty set.
    pub fn new() -> Set {
        Set::default()
    }
    /// Adds with Python semantics; returns whether the element was new.
    pub fn insert(&mut self, item: Value) -> Result<bool, Unhashable> {
        self.items.push(item);
        Ok(true)
    }
}
