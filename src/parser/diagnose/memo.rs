//! The memo table: results of rules by start position, kept as a chain per
//! position (like CPython's per-token memo list), so that the entries of one
//! position sit close together.

/// No entry (end of a chain).
const NONE: u32 = u32::MAX;

/// One memoized result.
#[derive(Clone, Copy)]
struct Entry {
    /// The rule, and whether invalid rules were on if that matters.
    tag: u8,
    /// Where the rule ended.
    end: u32,
    /// The encoded result.
    value: u32,
    /// The next entry of the same position.
    next: u32,
}

/// Memoized results, by position and tag.
pub(super) struct MemoTable {
    heads: Vec<u32>,
    entries: Vec<Entry>,
}

impl MemoTable {
    /// A table for positions `0..=positions`, with room for `capacity`
    /// entries.
    pub(super) fn new(positions: usize, capacity: usize) -> MemoTable {
        MemoTable {
            heads: vec![NONE; positions.saturating_add(1)],
            entries: Vec::with_capacity(capacity),
        }
    }

    /// Forgets every entry.
    pub(super) fn clear(&mut self) {
        self.heads.fill(NONE);
        self.entries.clear();
    }

    /// The `(end, value)` stored for `tag` at `pos`.
    pub(super) fn get(&self, pos: usize, tag: u8) -> Option<(u32, u32)> {
        let mut i = *self.heads.get(pos)?;
        while let Some(e) = self.entries.get(i as usize) {
            if e.tag == tag {
                return Some((e.end, e.value));
            }
            i = e.next;
        }
        None
    }

    /// Stores `(end, value)` for `tag` at `pos` (not yet stored).
    pub(super) fn insert(&mut self, pos: usize, tag: u8, end: u32, value: u32) {
        let Some(head) = self.heads.get_mut(pos) else {
            return;
        };
        let Ok(index) = u32::try_from(self.entries.len()) else {
            return;
        };
        if index == NONE {
            return;
        }
        self.entries.push(Entry {
            tag,
            end,
            value,
            next: *head,
        });
        *head = index;
    }
}
