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

/// A key's length and two words of its bytes ([`Fingerprint::of`]): for
/// keys of at most 16 bytes these determine the text, so a lookup compares
/// three words instead of the bytes.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Fingerprint {
    len: usize,
    head: u64,
    tail: u64,
}

impl Fingerprint {
    /// Keys up to this many bytes are identified by their fingerprint alone.
    const EXACT_LEN: usize = 16;

    /// Loads that cover every byte of a key of up to 16 bytes (overlapping
    /// when shorter, as short-input hashes such as wyhash do), and the first
    /// and last eight bytes of a longer one.
    fn of(bytes: &[u8]) -> Fingerprint {
        let len = bytes.len();
        let (head, tail) = match len {
            0 => (0, 0),
            1..=3 => {
                let picked = |i: usize| u64::from(bytes.get(i).copied().unwrap_or(0));
                (picked(0) | picked(len / 2) << 8 | picked(len - 1) << 16, 0)
            }
            4..=7 => (word4(bytes, 0) | word4(bytes, len - 4) << 32, 0),
            _ => (word8(bytes, 0), word8(bytes, len - 8)),
        };
        Fingerprint { len, head, tail }
    }

    /// The slot index, from a multiplicative hash of the three words.
    fn slot(self, slots: usize) -> usize {
        let mixed = (self.head ^ self.tail.rotate_left(29) ^ self.len as u64)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15);
        // The high bits of the product mix all input bits.
        (mixed >> 32) as usize & (slots - 1)
    }
}

/// Four bytes at `at` as a little-endian word (0 if out of range).
fn word4(bytes: &[u8], at: usize) -> u64 {
    bytes
        .get(at..at + 4)
        .and_then(|b| <[u8; 4]>::try_from(b).ok())
        .map_or(0, |b| u64::from(u32::from_le_bytes(b)))
}

/// Eight bytes at `at` as a little-endian word (0 if out of range).
fn word8(bytes: &[u8], at: usize) -> u64 {
    bytes
        .get(at..at + 8)
        .and_then(|b| <[u8; 8]>::try_from(b).ok())
        .map_or(0, u64::from_le_bytes)
}

/// A cached key: its fingerprint, its text (compared only for keys longer
/// than [`Fingerprint::EXACT_LEN`]) and its `str` object.
struct Slot {
    fingerprint: Fingerprint,
    text: Box<str>,
    object: Py<PyString>,
}

/// The slots, direct-mapped by [`Fingerprint::slot`].
struct Slots(Vec<Option<Slot>>);

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
        let fingerprint = Fingerprint::of(text.as_bytes());
        let Some(slot) = slots.get_mut(fingerprint.slot(Self::SLOTS)) else {
            return PyString::new(py, text).into_any();
        };
        if let Some(cached) = slot {
            if cached.fingerprint == fingerprint
                && (text.len() <= Fingerprint::EXACT_LEN || *cached.text == *text)
            {
                return cached.object.bind(py).clone().into_any();
            }
        }
        let object = PyString::new(py, text);
        *slot = Some(Slot {
            fingerprint,
            text: Box::from(text),
            object: object.clone().unbind(),
        });
        object.into_any()
    }
}
