//! [`KeyCache`]: dict-key `str` objects shared across calls.
//!
//! The same short keys come back in every record of a column or a document
//! (`'id'`, `'name'`, …). Building each one once and handing out the same
//! immutable `str` object again saves the allocation and UTF-8 decoding of
//! most keys, as `json.loads` does within one call and orjson across calls.
//! The cache lives for the whole process: a fixed number of direct-mapped
//! slots (a miss replaces the slot), each holding at most
//! [`KeyCache::MAX_LEN`] bytes, so it stays small whatever the input.

use pyo3::prelude::*;
use pyo3::types::PyString;
use std::sync::{Mutex, MutexGuard};

/// The slots: `(text, the str object of that text)`.
struct Slots(Vec<Option<(Box<str>, Py<PyString>)>>);

/// The process-wide slots. A call takes the lock for as long as it builds
/// objects (with the GIL held, so no other call waits on it there); a call
/// that finds it taken, as can happen without a GIL, builds its keys
/// uncached instead of waiting.
static SLOTS: Mutex<Slots> = Mutex::new(Slots(Vec::new()));

/// Access to the shared key cache for one call (or none, if another call
/// holds it).
pub(crate) struct KeyCache {
    slots: Option<MutexGuard<'static, Slots>>,
}

impl KeyCache {
    /// Number of slots (a power of two).
    const SLOTS: usize = 1024;
    /// Longer keys are rarely repeated: not cached.
    const MAX_LEN: usize = 64;

    /// The cache for this call.
    pub(crate) fn acquire() -> Self {
        KeyCache {
            slots: SLOTS.try_lock().ok(),
        }
    }

    /// The `str` of `text`: the cached object if its slot holds that text.
    pub(crate) fn get<'py>(&mut self, py: Python<'py>, text: &str) -> Bound<'py, PyAny> {
        if text.len() > Self::MAX_LEN {
            return PyString::new(py, text).into_any();
        }
        let Some(Slots(slots)) = self.slots.as_deref_mut() else {
            return PyString::new(py, text).into_any();
        };
        if slots.is_empty() {
            slots.resize_with(Self::SLOTS, || None);
        }
        // FNV-1a: cheap on short keys.
        let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        let index = (hash as usize) & (Self::SLOTS - 1);
        let Some(slot) = slots.get_mut(index) else {
            return PyString::new(py, text).into_any();
        };
        if let Some((cached, object)) = slot {
            if **cached == *text {
                return object.bind(py).clone().into_any();
            }
        }
        let object = PyString::new(py, text);
        *slot = Some((Box::from(text), object.clone().unbind()));
        object.into_any()
    }
}
