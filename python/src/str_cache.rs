//! [`StrCache`]: short `str` objects shared across calls.
//!
//! The same short keys come back in every record of a column or a document
//! (`'id'`, `'name'`, …), and so do many short values (`'en'`, `'active'`,
//! a city, a tag). Building each one once and handing out the same immutable
//! `str` object again saves the allocation and UTF-8 decoding of most of
//! them, as `json.loads` does for keys within one call, orjson for keys
//! across calls and jiter for keys and values. Strings are immutable, so
//! sharing one object is invisible but to `is`.
//!
//! The cache lives for the whole process: a fixed number of direct-mapped
//! slots (a miss replaces the slot), keys of at most [`StrCache::MAX_KEY_LEN`]
//! bytes and values of at most [`Fingerprint::EXACT_LEN`], so it stays small
//! whatever the input. Values are held to the length their fingerprint alone
//! identifies, so a miss costs no copy of the text: a document of unique
//! values pays little more than the fingerprint for each.

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
struct KeySlot {
    fingerprint: Fingerprint,
    text: Box<str>,
    object: Py<PyString>,
}

/// A cached value of at most [`Fingerprint::EXACT_LEN`] bytes: its
/// fingerprint (which identifies it) and its `str` object.
struct ValueSlot {
    fingerprint: Fingerprint,
    object: Py<PyString>,
}

/// The slots of keys and of values, each direct-mapped by
/// [`Fingerprint::slot`] (apart, so unique values never evict keys).
struct Slots {
    keys: Vec<Option<KeySlot>>,
    values: Vec<Option<ValueSlot>>,
}

/// The process-wide slots. A call takes the lock for as long as it builds
/// objects (with the GIL held, so no other call waits on it there); a call
/// that finds it taken, as can happen without a GIL, builds its keys
/// uncached instead of waiting.
static SLOTS: Mutex<Slots> = Mutex::new(Slots {
    keys: Vec::new(),
    values: Vec::new(),
});

/// Access to the shared string cache for one call (or none, if another
/// call holds it).
pub(crate) struct StrCache {
    slots: Option<MutexGuard<'static, Slots>>,
}

impl StrCache {
    /// Number of slots of each kind (a power of two).
    const SLOTS: usize = 1024;
    /// Longer keys are rarely repeated: not cached.
    const MAX_KEY_LEN: usize = 64;

    /// The cache for this call.
    pub(crate) fn acquire() -> Self {
        StrCache {
            slots: SLOTS.try_lock().ok(),
        }
    }

    /// The slots of one kind, allocated on first use; `None` without the lock.
    fn slots_of<T>(
        &mut self,
        kind: impl FnOnce(&mut Slots) -> &mut Vec<Option<T>>,
    ) -> Option<&mut Vec<Option<T>>> {
        let slots = kind(self.slots.as_deref_mut()?);
        if slots.is_empty() {
            slots.resize_with(Self::SLOTS, || None);
        }
        Some(slots)
    }

    /// The `str` of a value: the cached object if its slot holds that text.
    pub(crate) fn value<'py>(&mut self, py: Python<'py>, text: &str) -> Bound<'py, PyAny> {
        if text.len() > Fingerprint::EXACT_LEN {
            return PyString::new(py, text).into_any();
        }
        let fingerprint = Fingerprint::of(text.as_bytes());
        let Some(slot) = self
            .slots_of(|s| &mut s.values)
            .and_then(|slots| slots.get_mut(fingerprint.slot(Self::SLOTS)))
        else {
            return PyString::new(py, text).into_any();
        };
        if let Some(cached) = slot {
            if cached.fingerprint == fingerprint {
                return cached.object.bind(py).clone().into_any();
            }
        }
        let object = PyString::new(py, text);
        *slot = Some(ValueSlot {
            fingerprint,
            object: object.clone().unbind(),
        });
        object.into_any()
    }

    /// The `str` of a dict key: the cached object if its slot holds that text.
    pub(crate) fn key<'py>(&mut self, py: Python<'py>, text: &str) -> Bound<'py, PyAny> {
        if text.len() > Self::MAX_KEY_LEN {
            return PyString::new(py, text).into_any();
        }
        let fingerprint = Fingerprint::of(text.as_bytes());
        let Some(slot) = self
            .slots_of(|s| &mut s.keys)
            .and_then(|slots| slots.get_mut(fingerprint.slot(Self::SLOTS)))
        else {
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
        *slot = Some(KeySlot {
            fingerprint,
            text: Box::from(text),
            object: object.clone().unbind(),
        });
        object.into_any()
    }
}
