//! The `\N{...}` name table: `names.bin`, written by `scripts/gen_unicode_tables.py`
//! (see `encode_names` there for the layout).
//!
//! Names are sorted and front-coded in blocks of `block size` names; the block
//! heads are binary-searched, then one block is scanned. Bytes of an encoded
//! name outside the name alphabet (space, `-`, digits, `A`-`Z`) are tokens that
//! expand to several characters.

/// The whole file (a NUL-terminated text header, then the table).
static FILE: &[u8] = include_bytes!("names.bin");

/// The same bytes, for reading the header at compile time only.
const FILE_CONST: &[u8] = include_bytes!("names.bin");

/// Where everything is, as absolute offsets into [`FILE`].
struct Layout {
    count: usize,
    blocks: usize,
    block_size: usize,
    block_index: usize,
    pool: usize,
    data: usize,
    /// Per byte value: (offset into the pool, length); length 0 = literal byte.
    tokens: [(u16, u8); 256],
}

const fn u32_at(b: &[u8], o: usize) -> usize {
    (b[o] as usize)
        | (b[o + 1] as usize) << 8
        | (b[o + 2] as usize) << 16
        | (b[o + 3] as usize) << 24
}

/// Parses the header at compile time (any inconsistency is a build error).
const fn layout(b: &[u8]) -> Layout {
    let mut base = 0;
    while b[base] != 0 {
        base += 1;
    }
    base += 1;
    assert!(b[base] == b'S' && b[base + 1] == b'L' && b[base + 2] == b'U' && b[base + 3] == b'N');
    let count = u32_at(b, base + 4);
    let blocks = u32_at(b, base + 8);
    let block_size = u32_at(b, base + 12);
    let pool = base + u32_at(b, base + 16);
    let data = base + u32_at(b, base + 20);
    let token_index = base + 24;
    let mut tokens = [(0u16, 0u8); 256];
    let mut i = 0;
    while i < 256 {
        let o = token_index + 4 * i;
        tokens[i] = ((b[o] as u16) | (b[o + 1] as u16) << 8, b[o + 2]);
        assert!(tokens[i].1 == 0 || pool + tokens[i].0 as usize + (tokens[i].1 as usize) <= data);
        i += 1;
    }
    assert!(block_size > 0 && blocks == count.div_ceil(block_size));
    assert!(data <= b.len());
    Layout {
        count,
        blocks,
        block_size,
        block_index: token_index + 4 * 256,
        pool,
        data,
        tokens,
    }
}

static L: Layout = layout(FILE_CONST);

/// Room for any decoded suffix (names are < 256 bytes; writes are bounds-checked).
const BUF_LEN: usize = 512;

/// A reading position in [`FILE`]; every read is bounds-checked.
struct Cursor {
    pos: usize,
}

impl Cursor {
    fn byte(&mut self) -> Option<u8> {
        let b = *FILE.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    fn bytes(&mut self, n: usize) -> Option<&'static [u8]> {
        let s = FILE.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(s)
    }

    fn varint(&mut self) -> Option<u32> {
        let mut z: u32 = 0;
        let mut shift = 0;
        loop {
            let b = self.byte()?;
            z |= u32::from(b & 0x7F).checked_shl(shift)?;
            if b < 0x80 {
                return Some(z);
            }
            shift += 7;
        }
    }

    /// Expands `n` encoded bytes into `buf[at..]`; returns the decoded end.
    fn expand(&mut self, n: usize, buf: &mut [u8; BUF_LEN], mut at: usize) -> Option<usize> {
        for &b in self.bytes(n)? {
            let (off, len) = L.tokens[usize::from(b)];
            if len == 0 {
                *buf.get_mut(at)? = b;
                at += 1;
            } else {
                let start = L.pool + usize::from(off);
                let src = FILE.get(start..start + usize::from(len))?;
                buf.get_mut(at..at + src.len())?.copy_from_slice(src);
                at += src.len();
            }
        }
        Some(at)
    }
}

/// Start of block `i`'s entries.
fn block_start(i: usize) -> Option<Cursor> {
    let o = L.block_index.checked_add(i.checked_mul(4)?)?;
    let b = FILE.get(o..o.checked_add(4)?)?;
    let rel = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
    Some(Cursor {
        pos: L.data.checked_add(usize::try_from(rel).ok()?)?,
    })
}

/// A block head, in place: (name, code point, cursor after it).
fn head(block: usize) -> Option<(&'static [u8], u32, Cursor)> {
    let mut c = block_start(block)?;
    let n = usize::from(c.byte()?);
    let name = c.bytes(n)?;
    let cp = c.bytes(3)?;
    let cp = u32::from_le_bytes([cp[0], cp[1], cp[2], 0]);
    Some((name, cp, c))
}

/// Reads a non-head entry's header: (shared prefix length, encoded suffix length).
fn entry_header(c: &mut Cursor) -> Option<(usize, usize)> {
    Some((usize::from(c.byte()?), usize::from(c.byte()?)))
}

/// Reads a code point delta and applies it to `cp`.
fn apply_delta(c: &mut Cursor, cp: &mut u32) -> Option<()> {
    let z = c.varint()?;
    let delta = i64::from(z >> 1) ^ -i64::from(z & 1);
    *cp = u32::try_from(i64::from(*cp) + delta).ok()?;
    Some(())
}

/// Length of the common prefix of `a` and `b`.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// Code point of the table name or alias `query` (exact bytes: already uppercased).
pub(super) fn lookup(query: &[u8]) -> Option<u32> {
    // Find the last block whose head is <= query (heads are stored as plain text).
    let (mut lo, mut hi) = (0, L.blocks);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if head(mid)?.0 <= query {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    let block = lo.checked_sub(1)?;
    let (name, mut cp, mut c) = head(block)?;
    if name == query {
        return Some(cp);
    }
    // Invariant: the previous name is < query and shares `m` bytes with it.
    // An entry sharing p bytes with the previous name (p is their exact common
    // prefix, names being sorted) is then < query if p > m, > query if p < m,
    // and only for p == m does its suffix need to be decoded and compared.
    let mut m = common_prefix(name, query);
    let in_block = L.block_size.min(L.count - block * L.block_size);
    let mut buf = [0u8; BUF_LEN];
    for _ in 1..in_block {
        let (p, n) = entry_header(&mut c)?;
        if p < m {
            return None;
        }
        if p > m {
            c.bytes(n)?;
        } else {
            let len = c.expand(n, &mut buf, 0)?;
            let suffix = buf.get(..len)?;
            let rest = query.get(m..)?;
            match suffix.cmp(rest) {
                std::cmp::Ordering::Less => m += common_prefix(suffix, rest),
                std::cmp::Ordering::Equal => {
                    apply_delta(&mut c, &mut cp)?;
                    return Some(cp);
                }
                std::cmp::Ordering::Greater => return None,
            }
        }
        apply_delta(&mut c, &mut cp)?;
    }
    None
}

/// Every (name, code point) of the table, in order (decodes all blocks).
#[cfg(test)]
pub(super) fn all() -> Option<Vec<(String, u32)>> {
    let mut out = Vec::with_capacity(L.count);
    let mut buf = [0u8; BUF_LEN];
    for block in 0..L.blocks {
        let (name, mut cp, mut c) = head(block)?;
        let mut len = name.len();
        buf.get_mut(..len)?.copy_from_slice(name);
        let in_block = L.block_size.min(L.count - block * L.block_size);
        for i in 0..in_block {
            if i > 0 {
                let (p, n) = entry_header(&mut c)?;
                if p > len {
                    return None;
                }
                len = c.expand(n, &mut buf, p)?;
                apply_delta(&mut c, &mut cp)?;
            }
            out.push((String::from_utf8(buf.get(..len)?.to_vec()).ok()?, cp));
        }
        // The block must end exactly where the next one starts.
        if block + 1 < L.blocks && block_start(block + 1)?.pos != c.pos {
            return None;
        }
        if block + 1 == L.blocks && c.pos != FILE.len() {
            return None;
        }
    }
    Some(out)
}

/// The file's text header (names the generator and the Unicode version).
#[cfg(test)]
pub(super) fn header() -> &'static str {
    let end = FILE.iter().position(|&b| b == 0).unwrap_or(0);
    std::str::from_utf8(&FILE[..end]).unwrap_or("")
}
