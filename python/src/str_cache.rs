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
//! slots (a miss replaces the slot), keys of at most 64 bytes and values of at
//! most [`Fingerprint::EXACT_LEN`] ([`Kind`]), so it stays small whatever the
//! input. Values are held to the length their fingerprint alone
//! identifies, so a miss costs no copy of the text: a document of unique
//! values pays little more than the fingerprint for each.

use pyo3::prelude::*;
use pyo3::types::PyString;
use std::sync::{Mutex, MutexGuard};

/// A string's length and two words of its bytes ([`Fingerprint::of`]): for
/// strings of at most 16 bytes these determine the text, so a lookup
/// compares three words instead of the bytes.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Fingerprint {
    len: usize,
    head: u64,
    tail: u64,
}

impl Fingerprint {
    /// Strings up to this many bytes are identified by their fingerprint alone.
    const EXACT_LEN: usize = 16;

    /// Loads that cover every byte of a string of up to 16 bytes (overlapping
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

/// A cached string: its fingerprint, its text when the fingerprint alone
/// does not identify it (longer than [`Fingerprint::EXACT_LEN`]), and its
/// `str` object.
struct Slot {
    fingerprint: Fingerprint,
    text: Option<Box<str>>,
    object: Py<PyString>,
}

impl Slot {
    /// Whether this slot holds `text`, whose fingerprint is `fingerprint`.
    fn holds(&self, fingerprint: Fingerprint, text: &str) -> bool {
        // Equal fingerprints mean equal lengths: the text is kept for both
        // or for neither.
        self.fingerprint == fingerprint && self.text.as_deref().is_none_or(|kept| kept == text)
    }
}

/// What a string is in its container, which decides the slots it goes to
/// and how long it may be.
#[derive(Clone, Copy)]
enum Kind {
    /// A dict key: up to 64 bytes (keys repeat, even long ones).
    Key,
    /// Any other plain string: up to [`Fingerprint::EXACT_LEN`] bytes, so a
    /// miss copies no text (a document of unique values pays little more
    /// than the fingerprint for each).
    Value,
}

impl Kind {
    fn max_len(self) -> usize {
        match self {
            Kind::Key => 64,
            Kind::Value => Fingerprint::EXACT_LEN,
        }
    }
}

/// The slots of keys and of values, each direct-mapped by
/// [`Fingerprint::slot`] (apart, so unique values never evict keys).
struct Slots {
    keys: Vec<Option<Slot>>,
    values: Vec<Option<Slot>>,
}

/// The process-wide slots. A call takes the lock for as long as it builds
/// objects (with the GIL held, so no other call waits on it there); a call
/// that finds it taken, as can happen without a GIL, builds its strings
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

    /// The cache for this call.
    pub(crate) fn acquire() -> Self {
        StrCache {
            slots: SLOTS.try_lock().ok(),
        }
    }

    /// The `str` of a dict key.
    pub(crate) fn key<'py>(&mut self, py: Python<'py>, text: &str) -> Bound<'py, PyAny> {
        self.get(Kind::Key, py, text)
    }

    /// The `str` of a plain string that is not a dict key.
    pub(crate) fn value<'py>(&mut self, py: Python<'py>, text: &str) -> Bound<'py, PyAny> {
        self.get(Kind::Value, py, text)
    }

    /// The `str` of `text`: the cached object if its slot holds that text,
    /// else a new one, which then takes the slot.
    #[inline]
    fn get<'py>(&mut self, kind: Kind, py: Python<'py>, text: &str) -> Bound<'py, PyAny> {
        if text.len() > kind.max_len() {
            return PyString::new(py, text).into_any();
        }
        let fingerprint = Fingerprint::of(text.as_bytes());
        let Some(slot) = self.slot(kind, fingerprint) else {
            return PyString::new(py, text).into_any();
        };
        if let Some(cached) = slot.as_ref().filter(|s| s.holds(fingerprint, text)) {
            return cached.object.bind(py).clone().into_any();
        }
        let object = PyString::new(py, text);
        *slot = Some(Slot {
            fingerprint,
            text: (text.len() > Fingerprint::EXACT_LEN).then(|| Box::from(text)),
            object: object.clone().unbind(),
        });
        object.into_any()
    }

    /// The slot for a string of `kind` and `fingerprint`; `None` while
    /// another call holds the lock.
    fn slot(&mut self, kind: Kind, fingerprint: Fingerprint) -> Option<&mut Option<Slot>> {
        let slots = self.slots.as_deref_mut()?;
        let slots = match kind {
            Kind::Key => &mut slots.keys,
            Kind::Value => &mut slots.values,
        };
        if slots.is_empty() {
            slots.resize_with(Self::SLOTS, || None);
        }
        slots.get_mut(fingerprint.slot(Self::SLOTS))
    }
}
