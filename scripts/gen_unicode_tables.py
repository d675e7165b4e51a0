#!/usr/bin/env python3
"""Generate safelit's Unicode tables (src/unicode/) from CPython 3.11, 3.12 and 3.13.

safelit must see Unicode exactly as each supported CPython does, so every
table is taken from the interpreters themselves, and every name is checked
against the real `\\N{...}` escape (through `ast.literal_eval`) of the
interpreter it comes from:

    Rust variant   CPython   unicodedata.unidata_version
    V14_0          3.11      14.0.0   (the base: names.bin, full range tables)
    V15_0          3.12      15.0.0   (stored as additions to 14.0)
    V15_1          3.13      15.1.0   (stored as additions to 15.0)

Run it under CPython 3.11; it runs itself under 3.12 and 3.13 (subprocesses in
the internal modes `--collect VERSION` and `--eval VERSION`, which print JSON)
and merges what the three say.  The exact commands (the committed files come
from 3.11.7, 3.12.1 and 3.13.0, as installed by pyenv):

    $(pyenv root)/versions/3.11.7/bin/python3 scripts/gen_unicode_tables.py
    $(pyenv root)/versions/3.11.7/bin/python3 scripts/gen_unicode_tables.py --check

with the defaults --python-15.0 $(pyenv root)/versions/3.12.1/bin/python3 and
--python-15.1 $(pyenv root)/versions/3.13.0/bin/python3 ($(pyenv root) is
$PYENV_ROOT, else ~/.pyenv).  Options:

  --python-15.0 PATH      the CPython 3.12 (Unicode 15.0.0) to run.
  --python-15.1 PATH      the CPython 3.13 (Unicode 15.1.0) to run.
  --aliases FILE          NameAliases.txt used as a *candidate* list of aliases
                          (default /usr/share/unicode/NameAliases.txt, 15.0.0
                          on Debian bookworm).  Only the aliases that each
                          interpreter's `\\N{}` accepts are kept, and each
                          interpreter's own complete alias list (read from its
                          `unicodedata._ucnhash_CAPI`) must equal that set, so a
                          file that misses an alias the interpreter knows is an
                          error, never a silent omission.
  --named-sequences FILE  NamedSequences.txt, used only to add *negative* test
                          vectors (`\\N{}` rejects named sequences).  Optional:
                          skipped if the file does not exist
                          (default /usr/share/unicode/NamedSequences.txt).
  --force                 run even if an interpreter is not the CPython
                          minor version expected for its Unicode version (the
                          output is then NOT what safelit wants; experiments).
  --check                 do not write anything; exit 1 if a generated file
                          differs from the committed one.

Checked on the way (the run stops on any failure): no name or alias of a
version is removed or changes its code point in the next one; no code point
leaves XID_Start, XID_Continue, the printable set or the unified ideographs;
the Hangul jamo names and the NFKC-to-"set" data are the same in every version.

Outputs (all in src/unicode/, all starting with a header naming this script
and the interpreters):

  names.bin         the `\\N{}` name table of 14.0: table names + accepted
                    aliases (not the algorithmic CJK UNIFIED IDEOGRAPH-* and
                    HANGUL SYLLABLE * names), sorted, front-coded in blocks,
                    with a byte-token dictionary.  Layout in `encode_names`.
  tables.rs         range tables (XID_Start, XID_Continue, printable of 14.0
                    and what 15.0 and 15.1 added; unified ideographs per
                    version), Hangul jamo short names, the characters whose
                    NFKD is a piece of "set", the names and aliases added by
                    15.0 and 15.1, and per-version checksums used by the tests.
  test_vectors.txt  `\\N{}` names with the result of each interpreter (hex code
                    point or `-`), every one run through the interpreter.
"""

import argparse
import ast
import json
import os
import re
import subprocess
import sys
import unicodedata

# (Rust variant, CPython minor version, Unicode version, pyenv version used).
VERSIONS = [
    ("V14_0", (3, 11), "14.0.0", "3.11.7"),
    ("V15_0", (3, 12), "15.0.0", "3.12.1"),
    ("V15_1", (3, 13), "15.1.0", "3.13.0"),
]
BASE = VERSIONS[0][2]

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "src", "unicode")
MAX_CP = 0x110000
ALGORITHMIC_PREFIXES = ("CJK UNIFIED IDEOGRAPH-", "HANGUL SYLLABLE ")

BLOCK_SIZE = 32
ALPHABET = b" -0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
MAGIC = b"SLUN"  # safelit unicode names
HEADER_LEN = 24  # magic + five u32
TOKEN_INDEX_LEN = 256 * 4

FNV_OFFSET = 0xCBF29CE484222325
FNV_PRIME = 0x100000001B3
MASK64 = (1 << 64) - 1


def fnv1a(h, data):
    for b in data:
        h = ((h ^ b) * FNV_PRIME) & MASK64
    return h


# ---------------------------------------------------------------- the oracle


def escape_lookup(name):
    """What `'\\N{name}'` gives in CPython: a code point, or None."""
    # The name goes into a literal verbatim; keep out whatever would end the
    # escape or the literal early (no candidate name contains these).
    assert not re.search(r"[}'\\\r\n]", name), name
    src = "'\\N{" + name + "}'"
    try:
        value = ast.literal_eval(src)
    except SyntaxError:
        return None
    assert isinstance(value, str) and len(value) == 1, (name, value)
    return ord(value)


def interpreter_aliases():
    """Every alias this interpreter's unicodedata module has, in its order.

    CPython stores alias i as the private code point U+F0000 + i (named
    sequences start at U+F0200), and its C API (`unicodedata._ucnhash_CAPI`,
    struct {getname, getcode}; getname(code, buffer, buflen,
    with_alias_and_seq) since 3.10) names them.  This is the interpreter's own
    complete list, independent of any NameAliases.txt.
    """
    import ctypes

    api = ctypes.pythonapi
    api.PyCapsule_GetName.restype = ctypes.c_char_p
    api.PyCapsule_GetName.argtypes = [ctypes.py_object]
    api.PyCapsule_GetPointer.restype = ctypes.c_void_p
    api.PyCapsule_GetPointer.argtypes = [ctypes.py_object, ctypes.c_char_p]
    capsule = unicodedata._ucnhash_CAPI
    struct = api.PyCapsule_GetPointer(capsule, api.PyCapsule_GetName(capsule))
    getname_type = ctypes.CFUNCTYPE(
        ctypes.c_int, ctypes.c_uint32, ctypes.c_char_p, ctypes.c_int, ctypes.c_int
    )
    getname = getname_type(ctypes.cast(struct, ctypes.POINTER(ctypes.c_void_p))[0])
    buf = ctypes.create_string_buffer(256)

    def name(code):
        return buf.value.decode("ascii") if getname(code, buf, len(buf), 1) else None

    # The C API must be what we think it is before we trust its answers.
    assert name(0x41) == "LATIN CAPITAL LETTER A", name(0x41)
    assert name(0x1F40D) == unicodedata.name("\U0001F40D")
    out = []
    while name(0xF0000 + len(out)) is not None:
        out.append(buf.value.decode("ascii"))
        assert len(out) < 0x200, "aliases run into the named sequences"
    assert out and name(0xF0200) is not None  # the first named sequence
    return out


# ---------------------------------------------------------------- the data


def collect_names():
    """Table names (not algorithmic ones), each checked against `\\N{}`."""
    names = {}
    algorithmic = []
    for cp in range(MAX_CP):
        n = unicodedata.name(chr(cp), None)
        if n is None:
            continue
        if n.startswith(ALGORITHMIC_PREFIXES):
            algorithmic.append((n, cp))
            continue
        assert n not in names, n
        names[n] = cp
    for n, cp in names.items():
        assert escape_lookup(n) == cp, (n, cp)
    return names, algorithmic


def collect_aliases(path, names):
    aliases = {}
    rejected = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            cp_hex, alias, kind = line.split(";")
            cp = int(cp_hex, 16)
            got = escape_lookup(alias)
            if got is None:
                rejected.append((alias, cp, kind))
                continue
            assert got == cp, (alias, cp, got)
            assert alias not in names and alias not in aliases, alias
            # The lookup would take the algorithmic path and never see it.
            assert not alias.startswith(ALGORITHMIC_PREFIXES), alias
            aliases[alias] = cp
    known = interpreter_aliases()
    assert len(known) == len(set(known))
    missing = sorted(set(known) - set(aliases))
    extra = sorted(set(aliases) - set(known))
    assert not missing and not extra, (
        "the interpreter's aliases differ from the accepted ones of %s: "
        "missing from the file %s, unknown to the interpreter %s" % (path, missing, extra)
    )
    return aliases, rejected


def collect_named_sequences(path):
    seqs = []
    if not os.path.exists(path):
        return seqs
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            name = line.split(";")[0].strip()
            try:
                unicodedata.lookup(name)
            except KeyError:
                continue  # newer than this interpreter
            seqs.append(name)
    return seqs


def ranges_of(pred):
    out = []
    start = None
    for cp in range(MAX_CP + 1):
        v = cp < MAX_CP and pred(cp)
        if v and start is None:
            start = cp
        elif not v and start is not None:
            out.append((start, cp - 1))
            start = None
    return out


def pred_checksum(ranges):
    """FNV-1a over the (start, end) pairs as little-endian u32; the Rust test
    recomputes it by calling the predicate on every code point."""
    h = FNV_OFFSET
    count = 0
    for s, e in ranges:
        h = fnv1a(h, s.to_bytes(4, "little") + e.to_bytes(4, "little"))
        count += e - s + 1
    return h, count


# ---------------------------------------------------------------- names.bin


def choose_tokens(suffixes):
    """Pick up to 218 multi-character tokens for the free byte values."""
    from collections import Counter

    free = [b for b in range(256) if b not in ALPHABET]
    cnt = Counter()
    for s in suffixes:
        for w in re.findall(r"[A-Z0-9]+[ -]?", s):
            cnt[w] += 1
            if w[-1] in " -" and len(w) > 2:
                cnt[w[:-1]] += 0  # make the bare word a candidate too
        for w in re.findall(r"[ -][A-Z0-9]+", s):
            cnt[w] += 1
    cands = [w for w in cnt if len(w) >= 2]
    cands.sort(key=lambda w: (-(len(w) - 1) * cnt[w], w))
    toks = cands[: len(free)]
    return dict(zip(free, sorted(toks)))


def tokenize(s, tok_by_first):
    out = bytearray()
    i = 0
    while i < len(s):
        for t, b in tok_by_first.get(s[i], ()):
            if s.startswith(t, i):
                out.append(b)
                i += len(t)
                break
        else:
            out += s[i].encode("ascii")
            i += 1
    return bytes(out)


def front_code(keys):
    out = []
    prev = ""
    for i, k in enumerate(keys):
        if i % BLOCK_SIZE == 0:
            out.append((0, k))
        else:
            p = 0
            m = min(len(k), len(prev), 255)
            while p < m and k[p] == prev[p]:
                p += 1
            out.append((p, k[p:]))
        prev = k
    return out


def varint(z):
    out = bytearray()
    while z >= 0x80:
        out.append((z & 0x7F) | 0x80)
        z >>= 7
    out.append(z)
    return bytes(out)


def encode_names(table):
    """Layout (integers little-endian):

    0   magic b"SLUN"
    4   u32 number of names N
    8   u32 number of blocks (ceil(N / block size))
    12  u32 block size (names per block)
    16  u32 offset of the token pool
    20  u32 offset of the entry data
    24  token index: 256 x (u16 offset into the pool, u8 length, u8 0); a byte
        of an encoded name stands for pool[offset .. offset + length]; the
        38 alphabet bytes (space, '-', digits, A-Z) stand for themselves
    ..  block offsets: one u32 per block, relative to the entry data
    ..  token pool
    ..  entry data, per block:
          first entry: u8 length L, the name (L plain bytes, no tokens),
                       code point u24
          others:      u8 shared-prefix length P (decoded chars shared with the
                       previous name), u8 encoded suffix length L, L encoded
                       bytes, code point delta from the previous entry as a
                       zigzag LEB128 varint
    Names are sorted by their bytes, all distinct, all in the alphabet.
    """
    keys = sorted(table)
    for k in keys:
        assert k and all(ord(c) < 128 and ord(c) in ALPHABET for c in k), k
        assert len(k) < 256, k
    fc = front_code(keys)
    tokens = choose_tokens([s for _, s in fc])
    tok_by_first = {}
    for b, t in sorted(tokens.items(), key=lambda bt: -len(bt[1])):
        tok_by_first.setdefault(t[0], []).append((t, b))

    pool = bytearray()
    index = bytearray()
    for b in range(256):
        if b in ALPHABET:
            index += bytes([0, 0, 0, 0])
            continue
        t = tokens.get(b, "").encode("ascii")
        pos = pool.find(t) if t else 0
        if pos < 0:
            pos = len(pool)
            pool += t
        assert pos < 65536 and len(t) < 256
        index += pos.to_bytes(2, "little") + bytes([len(t), 0])

    data = bytearray()
    block_offsets = []
    prev_cp = 0
    for i, (p, s) in enumerate(fc):
        cp = table[keys[i]]
        head = i % BLOCK_SIZE == 0
        # Block heads stay plain text, so the binary search reads them in place.
        enc = s.encode("ascii") if head else tokenize(s, tok_by_first)
        assert len(enc) < 256
        if head:
            block_offsets.append(len(data))
            data.append(len(enc))
            data += enc
            data += cp.to_bytes(3, "little")
        else:
            data.append(p)
            data.append(len(enc))
            data += enc
            d = cp - prev_cp
            data += varint(d * 2 if d >= 0 else -d * 2 - 1)
        prev_cp = cp

    nblocks = len(block_offsets)
    pool_off = HEADER_LEN + TOKEN_INDEX_LEN + 4 * nblocks
    data_off = pool_off + len(pool)
    out = bytearray(MAGIC)
    for v in (len(keys), nblocks, BLOCK_SIZE, pool_off, data_off):
        out += v.to_bytes(4, "little")
    out += index
    for o in block_offsets:
        out += o.to_bytes(4, "little")
    out += pool
    out += data
    # Self-check: decode everything back.
    assert decode_names(bytes(out)) == [(k, table[k]) for k in keys]
    return bytes(out)


def decode_names(buf):
    u32 = lambda o: int.from_bytes(buf[o : o + 4], "little")
    n, nblocks, bs, pool_off, data_off = (u32(4 + 4 * i) for i in range(5))
    assert buf[:4] == MAGIC

    def expand(enc):
        s = bytearray()
        for b in enc:
            if b in ALPHABET:
                s.append(b)
            else:
                o = HEADER_LEN + 4 * b
                pos = int.from_bytes(buf[o : o + 2], "little")
                ln = buf[o + 2]
                assert ln > 0
                s += buf[pool_off + pos : pool_off + pos + ln]
        return s.decode("ascii")

    out = []
    for blk in range(nblocks):
        pos = data_off + u32(HEADER_LEN + TOKEN_INDEX_LEN + 4 * blk)
        prev = ""
        prev_cp = 0
        for i in range(min(bs, n - blk * bs)):
            if i == 0:
                ln = buf[pos]
                name = expand(buf[pos + 1 : pos + 1 + ln])
                pos += 1 + ln
                cp = int.from_bytes(buf[pos : pos + 3], "little")
                pos += 3
            else:
                p, ln = buf[pos], buf[pos + 1]
                name = prev[:p] + expand(buf[pos + 2 : pos + 2 + ln])
                pos += 2 + ln
                z = 0
                shift = 0
                while True:
                    b = buf[pos]
                    pos += 1
                    z |= (b & 0x7F) << shift
                    shift += 7
                    if b < 0x80:
                        break
                cp = prev_cp + ((z >> 1) if z % 2 == 0 else -((z + 1) >> 1))
            out.append((name, cp))
            prev, prev_cp = name, cp
    return out


def names_checksum(pairs):
    h = FNV_OFFSET
    for name, cp in pairs:
        h = fnv1a(h, name.encode("ascii") + b"\0" + cp.to_bytes(4, "little"))
    return h


# ---------------------------------------------------------------- Hangul


def hangul_jamo():
    """Short jamo names (CPython's hangul_syllables table), recovered from the
    syllable names: L from L+A, V from IEUNG+V, T from IEUNG+A+T."""
    sbase, vcount, tcount = 0xAC00, 21, 28
    ncount = vcount * tcount
    pre = "HANGUL SYLLABLE "

    def short(cp):
        n = unicodedata.name(chr(cp))
        assert n.startswith(pre)
        return n[len(pre) :]

    ieung = 11
    L = []
    for i in range(19):
        s = short(sbase + i * ncount)
        assert s.endswith("A")
        L.append(s[:-1])
    assert L[ieung] == ""
    V = [short(sbase + ieung * ncount + v * tcount) for v in range(vcount)]
    T = []
    for t in range(tcount):
        s = short(sbase + ieung * ncount + t)
        assert s.startswith("A")
        T.append(s[1:])
    for cp in range(sbase, sbase + 19 * ncount):
        i = cp - sbase
        assert short(cp) == L[i // ncount] + V[(i % ncount) // tcount] + T[i % tcount]
    return L, V, T


# ---------------------------------------------------------------- "set"


def set_pieces():
    """Characters whose NFKD is a non-empty piece of "set".

    If NFKC(x) == "set" then NFKD(x) == NFKD("set") == "set" (NFKC and NFKD of
    a string are canonically equivalent, and "set" is fully decomposed).  NFKD
    is the concatenation of the per-character decompositions, then canonical
    reordering; reordering only moves characters with a non-zero combining
    class, and "set" has none, so the plain concatenation is already "set".
    Conversely if the per-character decompositions concatenate to "set", no
    character has a combining mark and NFKC(x) == "set".  So "x normalizes to
    set" == "the per-character NFKD pieces concatenate to set".  The generator
    also checks this by brute force below.
    """
    wanted = {"s", "e", "t", "se", "et", "set"}
    out = []
    for cp in range(MAX_CP):
        if 0xD800 <= cp < 0xE000:
            continue
        d = unicodedata.normalize("NFKD", chr(cp))
        if d in wanted:
            out.append((cp, d))
    # brute-force cross-check over 1..3-character strings of candidates
    by_piece = {}
    for cp, d in out:
        by_piece.setdefault(d, []).append(chr(cp))
    for cp in range(MAX_CP):
        if 0xD800 <= cp < 0xE000:
            continue
        c = chr(cp)
        n = unicodedata.normalize("NFKC", c)
        assert (n in wanted) == (unicodedata.normalize("NFKD", c) in wanted), hex(cp)
    import itertools

    cands = [chr(cp) for cp, _ in out]
    for r in (2, 3):
        for combo in itertools.product(cands, repeat=r):
            x = "".join(combo)
            got = unicodedata.normalize("NFKC", x) == "set"
            exp = "".join(unicodedata.normalize("NFKD", c) for c in combo) == "set"
            assert got == exp, x
    return out


# ---------------------------------------------------------------- vectors


def make_vectors(names, aliases, algorithmic, cjk_ranges, seqs, rejected_aliases, added):
    """`\\N{}` names to test, without results (each interpreter gives those).

    `names`, `algorithmic`: the base version's; `aliases`, `cjk_ranges`,
    `seqs`, `rejected_aliases`: those of every version; `added`: the names and
    aliases each later version added (all of them are tested, in every version).
    """
    vecs = []
    seen = set()

    def add(n):
        if n in seen or re.search(r"[}'\\\r\n\t]", n):
            return
        seen.add(n)
        vecs.append(n)

    table_names = sorted(names)
    for i, n in enumerate(table_names):
        if i % 97 == 0:
            add(n)
            if i % (97 * 3) == 0:
                add(n.lower())
                add(n.title())
                add(n.replace(" ", "-"))
                add(" " + n)
                add(n + " ")
                add(n[:-1])
                add(n + "A")
                add(n.replace(" ", "  ", 1))
                add(n.replace(" ", "_"))
    for a in sorted(aliases):
        add(a)
        add(a.lower())
        add(a.swapcase() if a.isupper() else a.lower())
    for a, _, _ in rejected_aliases:
        add(a)
    for s in seqs:
        add(s)
        add(s.lower())
    # Algorithmic: CJK unified ideographs at every range boundary.
    for lo, hi in cjk_ranges:
        for cp in (lo - 1, lo, lo + 1, hi - 1, hi, hi + 1):
            h = "%X" % cp
            add("CJK UNIFIED IDEOGRAPH-" + h)
            add("CJK UNIFIED IDEOGRAPH-" + h.lower())
            add("CJK UNIFIED IDEOGRAPH-0" + h)
            add("CJK UNIFIED IDEOGRAPH-00" + h)
            add("cjk unified ideograph-" + h)
            add("CJK Unified Ideograph-" + h)
    for s in (
        "CJK UNIFIED IDEOGRAPH-",
        "CJK UNIFIED IDEOGRAPH-4E0",
        "CJK UNIFIED IDEOGRAPH-4E00 ",
        "CJK UNIFIED IDEOGRAPH-+4E0",
        "CJK UNIFIED IDEOGRAPH- 4E00",
        "CJK UNIFIED IDEOGRAPH-4E0G",
        "CJK UNIFIED IDEOGRAPH-4e00",
        "CJK UNIFIED IDEOGRAPH-4E00A",
        "CJK UNIFIED IDEOGRAPH-004E00",
        "CJK UNIFIED IDEOGRAPH 4E00",
        "CJK UNIFIED IDEOGRAPH4E00",
        "CJK UNIFIED IDEOGRAPH",
        "CJK UNIFIED IDEOGRAPH-F900",
        "CJK COMPATIBILITY IDEOGRAPH-F900",
        "CJK COMPATIBILITY IDEOGRAPH-f900",
        "cjk compatibility ideograph-f900",
        "CJK COMPATIBILITY IDEOGRAPH-0F900",
        "CJK COMPATIBILITY IDEOGRAPH-2F800",
        "CJK COMPATIBILITY IDEOGRAPH-2FA1D",
        "CJK COMPATIBILITY IDEOGRAPH-2FA1E",
        "TANGUT IDEOGRAPH-17000",
        "TANGUT IDEOGRAPH-187F7",
        "TANGUT COMPONENT-001",
        "tangut component-001",
        "TANGUT COMPONENT-768",
        "TANGUT COMPONENT-769",
        "KHITAN SMALL SCRIPT CHARACTER-18B00",
        "khitan small script character-18b00",
        "KHITAN SMALL SCRIPT CHARACTER-18CD5",
        "KHITAN SMALL SCRIPT CHARACTER-18CD6",
        "NUSHU CHARACTER-1B170",
        "nushu character-1b2fb",
        "NUSHU CHARACTER-1B2FC",
        "EGYPTIAN HIEROGLYPH A001",
        "EGYPTIAN HIEROGLYPH-13000",
        "HANGUL SYLLABLE",
        "HANGUL SYLLABLE ",
        "HANGUL SYLLABLE  GA",
        "HANGUL SYLLABLE GA",
        "HANGUL SYLLABLE GA ",
        "HANGUL SYLLABLE Ga",
        "HANGUL SYLLABLE ga",
        "hangul syllable GA",
        "Hangul Syllable GA",
        "hangul syllable ga",
        "HANGUL SYLLABLE A",
        "HANGUL SYLLABLE G",
        "HANGUL SYLLABLE GG",
        "HANGUL SYLLABLE AG",
        "HANGUL SYLLABLE AGA",
        "HANGUL SYLLABLE GAGG",
        "HANGUL SYLLABLE GAGGG",
        "HANGUL SYLLABLE GAX",
        "HANGUL SYLLABLE YI",
        "HANGUL SYLLABLE YIH",
        "HANGUL SYLLABLE HIH",
        "HANGUL SYLLABLE GGWEOSS",
        "HANGUL SYLLABLE SSYAELG",
        "HANGUL SYLLABLE AE",
        "HANGUL SYLLABLE EO",
        "HANGUL SYLLABLE E",
        "HANGUL SYLLABLE EU",
        "HANGUL SYLLABLE WEO",
        "HANGUL SYLLABLE WE",
        "HANGUL SYLLABLE ANG",
        "HANGUL SYLLABLE ANGNG",
        "HANGUL CHOSEONG KIYEOK",
        "hangul choseong kiyeok",
        "HANGUL LETTER KIYEOK",
        "LATIN SMALL LETTER A",
        "latin small letter a",
        "Latin Small Letter A",
        "LATIN SMALL LETTER A ",
        " LATIN SMALL LETTER A",
        "LATIN  SMALL LETTER A",
        "LATIN-SMALL-LETTER-A",
        "LATIN_SMALL_LETTER_A",
        "LATIN SMALL LETTER",
        "LATIN SMALL LETTER AA",
        "LATIN CAPITAL LETTER GHA",
        "latin capital letter gha",
        "SPACE",
        "space",
        "SpAcE",
        "SPACE ",
        " SPACE",
        "SPAC",
        "SPACES",
        "U+0041",
        "U+0020",
        "0041",
        "A",
        "a",
        "-",
        " ",
        "  ",
        "LF",
        "lf",
        "NBSP",
        "nbsp",
        "NUL",
        "NULL",
        "EM",
        "END OF MEDIUM",
        "BYTE ORDER MARK",
        "BOM",
        "ZWNBSP",
        "ZERO WIDTH NO-BREAK SPACE",
        "ZERO WIDTH NO BREAK SPACE",
        "TIBETAN LETTER A",
        "TIBETAN LETTER -A",
        "TIBETAN LETTER  A",
        "TIBETAN LETTER-A",
        "TIBETAN MARK BSKA- SHOG GI MGO RGYAN",
        "TIBETAN MARK BSKA-SHOG GI MGO RGYAN",
        "HANGUL JUNGSEONG O-E",
        "HANGUL JUNGSEONG OE",
        "HANGUL JUNGSEONG O E",
        "MINUS SIGN",
        "HYPHEN-MINUS",
        "HYPHEN MINUS",
        "LATIN SMALL LETTER R WITH TILDE",
        "KEYCAP DIGIT ZERO",
        "SNAKE",
        "snake",
        "PILE OF POO",
        "LATIN SMALL LETTER É",
        "LATIN SMALL LETTER \u00e9",
        "\u00e9",
        "SPACE\u00a0",
        "\u212aELVIN SIGN",
        "KELVIN SIGN",
        "LATIN SMALL LETTER DOTLESS \u0130",
        "latin small letter dotless \u0131",
        "LATIN SMALL LETTER LONG \u017f",
        "\uff33PACE",
        "S\u0307PACE",
        "X" * 300,
        "LATIN SMALL LETTER A" * 5,
    ):
        add(s)
    # Hangul syllables: every 61st plus the first and last, and variants.
    for i, (n, cp) in enumerate(algorithmic):
        if n.startswith("HANGUL"):
            if cp % 61 == 0 or cp in (0xAC00, 0xD7A3):
                add(n)
                add(n.lower())
                add(n[:16] + n[16:].lower())
                add(n[:16].lower() + n[16:])
                add(n + "G")
                add(n[:-1])
    # mixed-case variants of a few random table names
    for i, n in enumerate(table_names):
        if i % 1009 == 0:
            add("".join(c.lower() if j % 2 else c for j, c in enumerate(n)))
    # Every name and alias a later version added, and variants of some.
    for new in added:
        for i, n in enumerate(sorted(new)):
            add(n)
            add(n.lower())
            if i % 5 == 0:
                add(n.title())
                add(n[:-1])
                add(n + "A")
                add(" " + n)
                add(n.replace(" ", "_"))
    return vecs


# ---------------------------------------------------------------- writers


def rs_ranges(name, ranges, doc):
    lines = ["/// " + doc, "pub(super) static %s: [(u32, u32); %d] = [" % (name, len(ranges))]
    row = []
    for s, e in ranges:
        row.append("(0x%X, 0x%X)," % (s, e))
        if len(row) == 4:
            lines.append("    " + " ".join(row))
            row = []
    if row:
        lines.append("    " + " ".join(row))
    lines.append("];")
    return "\n".join(lines) + "\n"


def rs_strs(name, strs, doc):
    body = ", ".join('"%s"' % s for s in strs)
    return "/// %s\npub(super) static %s: [&str; %d] = [%s];\n" % (doc, name, len(strs), body)



def interpreter_label():
    return "CPython %s (Unicode %s)" % (
        ".".join(map(str, sys.version_info[:3])),
        unicodedata.unidata_version,
    )


def header(comment, labels):
    if len(labels) > 1:
        labels = ", ".join(labels[:-1]) + " and " + labels[-1]
    else:
        labels = labels[0]
    return "%s Generated by scripts/gen_unicode_tables.py from %s. Do not edit.\n" % (
        comment,
        labels,
    )


# ---------------------------------------------------------------- per version


def check_interpreter(unicode_version, force):
    """Refuse to run under anything but the CPython minor version whose
    unicodedata is `unicode_version`."""
    (minor,) = [v[1] for v in VERSIONS if v[2] == unicode_version]
    if (
        sys.implementation.name != "cpython"
        or sys.version_info[:2] != minor
        or unicodedata.unidata_version != unicode_version
    ) and not force:
        sys.exit(
            "refusing to run: need CPython %d.%d with Unicode %s, this is %s %s with Unicode %s "
            "(use --force to run anyway)"
            % (
                *minor,
                unicode_version,
                sys.implementation.name,
                sys.version.split()[0],
                unicodedata.unidata_version,
            )
        )


def collect(args):
    """Everything the running interpreter says, as JSON-able data."""
    names, algorithmic = collect_names()
    aliases, rejected_aliases = collect_aliases(args.aliases, names)
    seqs = collect_named_sequences(args.named_sequences)
    for s in seqs:
        assert escape_lookup(s) is None, s

    # Unified ideographs: derived from name(), checked against \N{} at the edges.
    cjk = ranges_of(
        lambda cp: (unicodedata.name(chr(cp), "")).startswith("CJK UNIFIED IDEOGRAPH-")
    )
    for lo, hi in cjk:
        assert escape_lookup("CJK UNIFIED IDEOGRAPH-%X" % lo) == lo
        assert escape_lookup("CJK UNIFIED IDEOGRAPH-%X" % hi) == hi
        assert escape_lookup("CJK UNIFIED IDEOGRAPH-%X" % (lo - 1)) is None
        assert escape_lookup("CJK UNIFIED IDEOGRAPH-%X" % (hi + 1)) is None

    jamo = hangul_jamo()
    hangul_sum = FNV_OFFSET
    for cp in range(0xAC00, 0xD7A4):
        hangul_sum = fnv1a(hangul_sum, unicodedata.name(chr(cp)).encode("ascii") + b"\0")

    return {
        "label": interpreter_label(),
        "names": names,
        "algorithmic": algorithmic,
        "aliases": aliases,
        "rejected_aliases": rejected_aliases,
        "seqs": seqs,
        "cjk": cjk,
        "jamo": jamo,
        "hangul_checksum": hangul_sum,
        "xid_start": ranges_of(lambda cp: chr(cp).isidentifier()),
        "xid_continue": ranges_of(lambda cp: ("a" + chr(cp)).isidentifier()),
        "printable": ranges_of(lambda cp: chr(cp).isprintable()),
        "set_pieces": set_pieces(),
    }


def from_json(d):
    """Undo JSON's tuples-to-lists."""
    d = dict(d)
    for k in (
        "algorithmic",
        "rejected_aliases",
        "cjk",
        "xid_start",
        "xid_continue",
        "printable",
        "set_pieces",
    ):
        d[k] = [tuple(x) for x in d[k]]
    d["jamo"] = tuple(d["jamo"])
    return d


def run_worker(python, mode, unicode_version, args, stdin=None):
    cmd = [python, os.path.abspath(__file__), mode, unicode_version]
    cmd += ["--aliases", args.aliases, "--named-sequences", args.named_sequences]
    if args.force:
        cmd.append("--force")
    try:
        res = subprocess.run(cmd, input=stdin, capture_output=True, text=True, check=False)
    except OSError as e:
        sys.exit("cannot run %s for Unicode %s: %s" % (python, unicode_version, e))
    if res.returncode != 0:
        sys.exit(
            "%s %s %s failed (exit %d):\n%s"
            % (python, mode, unicode_version, res.returncode, res.stderr)
        )
    return json.loads(res.stdout)


# ---------------------------------------------------------------- versions


def code_points(ranges):
    out = set()
    for s, e in ranges:
        out.update(range(s, e + 1))
    return out


def added_ranges(old, new, what):
    """The ranges of `new` not in `old`; `old` must be a subset of `new`."""
    old_cps, new_cps = code_points(old), code_points(new)
    removed = old_cps - new_cps
    assert not removed, "%s lost %d code points, e.g. %s" % (
        what,
        len(removed),
        ["U+%04X" % cp for cp in sorted(removed)[:5]],
    )
    added = new_cps - old_cps
    out = ranges_of(lambda cp: cp in added)
    assert code_points(old) | code_points(out) == new_cps
    return out


def check_growth(old, new, uv):
    """Whatever `old` had, `new` has unchanged; returns the names and aliases
    `new` added, and its range-table additions."""
    for kind in ("names", "aliases"):
        for k, cp in old[kind].items():
            assert new[kind].get(k) == cp, "%s %r removed or changed in %s" % (kind, k, uv)
    for key in ("jamo", "hangul_checksum", "set_pieces"):
        assert old[key] == new[key], "%s changed in %s" % (key, uv)
    added = {}
    for kind in ("names", "aliases"):
        for k, cp in new[kind].items():
            if k not in old[kind]:
                assert k not in old["names"] and k not in old["aliases"], k
                added[k] = cp
    added_ranges(old["cjk"], new["cjk"], "CJK unified ideographs of " + uv)
    growth = {
        key: added_ranges(old[key], new[key], "%s of %s" % (key, uv))
        for key in ("xid_start", "xid_continue", "printable")
    }
    return added, growth


# ---------------------------------------------------------------- main


def default_python(pyenv_version):
    root = os.environ.get("PYENV_ROOT") or os.path.expanduser("~/.pyenv")
    return os.path.join(root, "versions", pyenv_version, "bin", "python3")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--force", action="store_true")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--aliases", default="/usr/share/unicode/NameAliases.txt")
    ap.add_argument("--named-sequences", default="/usr/share/unicode/NamedSequences.txt")
    for variant, _, uv, pyenv_version in VERSIONS[1:]:
        ap.add_argument(
            "--python-" + uv.rsplit(".", 1)[0],
            dest="python_" + variant,
            default=default_python(pyenv_version),
            metavar="PATH",
        )
    # Internal modes, run by the main process under the other interpreters.
    ap.add_argument("--collect", metavar="UNICODE_VERSION", help=argparse.SUPPRESS)
    ap.add_argument("--eval", metavar="UNICODE_VERSION", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.collect:
        check_interpreter(args.collect, args.force)
        json.dump(collect(args), sys.stdout)
        return
    if args.eval:
        check_interpreter(args.eval, args.force)
        json.dump([escape_lookup(n) for n in json.load(sys.stdin)], sys.stdout)
        return

    check_interpreter(BASE, args.force)
    pythons = {uv: getattr(args, "python_" + variant) for variant, _, uv, _ in VERSIONS[1:]}
    data = {BASE: collect(args)}
    for _, _, uv, _ in VERSIONS[1:]:
        data[uv] = from_json(run_worker(pythons[uv], "--collect", uv, args))
    uvs = [v[2] for v in VERSIONS]
    variants = {v[2]: v[0] for v in VERSIONS}
    labels = [data[uv]["label"] for uv in uvs]

    # Each version against the one before.
    added = {}  # uv -> {name or alias: cp}
    growth = {}  # uv -> {"xid_start": ranges, ...}
    for prev, uv in zip(uvs, uvs[1:]):
        added[uv], growth[uv] = check_growth(data[prev], data[uv], uv)
    tables = {uv: dict(data[uv]["names"], **data[uv]["aliases"]) for uv in uvs}
    for uv in uvs:
        assert len(tables[uv]) == len(data[uv]["names"]) + len(data[uv]["aliases"])
        for k in tables[uv]:
            assert not k.startswith(ALGORITHMIC_PREFIXES), k

    base = data[BASE]
    names_bin = encode_names(tables[BASE])

    # Every added name is in the name alphabet and found by no earlier version
    # (checked below through the vectors, which contain all of them).
    all_added = sorted((k, cp, uv) for uv in uvs[1:] for k, cp in added[uv].items())
    for k, _, _ in all_added:
        assert k and all(ord(c) < 128 and ord(c) in ALPHABET for c in k), k
    assert len({k for k, _, _ in all_added}) == len(all_added)

    # Vectors: one list of names, run through every interpreter.
    all_aliases = {}
    rejected = {}
    cjk_all = []
    seqs = []
    for uv in uvs:
        all_aliases.update(data[uv]["aliases"])
        for a in data[uv]["rejected_aliases"]:
            rejected.setdefault(a[0], a)
        cjk_all += [r for r in data[uv]["cjk"] if r not in cjk_all]
        seqs += [s for s in data[uv]["seqs"] if s not in seqs]
    vec_names = make_vectors(
        base["names"],
        all_aliases,
        base["algorithmic"],
        cjk_all,
        seqs,
        list(rejected.values()),
        [added[uv] for uv in uvs[1:]],
    )
    results = {BASE: [escape_lookup(n) for n in vec_names]}
    for uv in uvs[1:]:
        results[uv] = run_worker(pythons[uv], "--eval", uv, args, stdin=json.dumps(vec_names))
        assert len(results[uv]) == len(vec_names)
    by_name = {n: i for i, n in enumerate(vec_names)}
    for uv in uvs:
        for n, cp in tables[uv].items():
            if n in by_name:
                assert results[uv][by_name[n]] == cp, (uv, n)
        for s in seqs:
            assert results[uv][by_name[s]] is None, (uv, s)
    for k, cp, uv in all_added:
        for earlier in uvs[: uvs.index(uv)]:
            assert results[earlier][by_name[k]] is None, (k, earlier)
        for later in uvs[uvs.index(uv) :]:
            assert results[later][by_name[k]] == cp, (k, later)

    # tables.rs
    def per_version(values, fmt):
        return "[" + ", ".join(fmt % v for v in values) + "]"

    max_len = max(len(k) for uv in uvs for k in tables[uv])
    rs = [
        header("//!", labels),
        "//! Range tables, Hangul jamo, NFKC-to-\"set\" data, the names added after\n"
        "//! Unicode 14.0 and test checksums. Arrays of `[_; %d]` are per `UnicodeVersion`,\n"
        "//! in order (%s).\n\n" % (len(uvs), ", ".join(variants[uv] for uv in uvs)),
    ]
    used_variants = sorted({variants[uv] for _, _, uv in all_added})
    rs.append("use super::UnicodeVersion::{self, %s};\n\n" % ", ".join(used_variants))
    rs.append("/// Number of names (table names + accepted aliases) per version.\n")
    rs.append(
        "#[cfg(test)]\npub(super) const NAME_COUNT: [usize; %d] = %s;\n"
        % (len(uvs), per_version([len(tables[uv]) for uv in uvs], "%d"))
    )
    rs.append("/// Of which aliases (from NameAliases.txt, accepted by `\\N{}`).\n")
    rs.append(
        "#[cfg(test)]\npub(super) const ALIAS_COUNT: [usize; %d] = %s;\n"
        % (len(uvs), per_version([len(data[uv]["aliases"]) for uv in uvs], "%d"))
    )
    rs.append("/// Longest table name or alias of any version, in bytes.\n")
    rs.append("pub(super) const MAX_NAME_LEN: usize = %d;\n" % max_len)
    rs.append(
        "/// FNV-1a 64 over every (name, NUL, code point as u32 LE) of each version's\n"
        "/// table (names.bin for 14.0, plus `NAMES_ADDED` after), sorted by name.\n"
    )
    rs.append(
        "#[cfg(test)]\npub(super) const NAMES_CHECKSUM: [u64; %d] = %s;\n"
        % (
            len(uvs),
            per_version([names_checksum(sorted(tables[uv].items())) for uv in uvs], "0x%016X"),
        )
    )
    rs.append(
        "/// FNV-1a 64 over every Hangul syllable name followed by NUL, U+AC00..=U+D7A3\n"
        "/// (the same in every version).\n"
    )
    rs.append(
        "#[cfg(test)]\npub(super) const HANGUL_CHECKSUM: u64 = 0x%016X;\n" % base["hangul_checksum"]
    )
    rs.append("/// Number of code points with an algorithmic CJK UNIFIED IDEOGRAPH name.\n")
    rs.append(
        "#[cfg(test)]\npub(super) const CJK_COUNT: [u32; %d] = %s;\n\n"
        % (len(uvs), per_version([len(code_points(data[uv]["cjk"])) for uv in uvs], "%d"))
    )
    for nm, key in (
        ("XID_START", "xid_start"),
        ("XID_CONTINUE", "xid_continue"),
        ("PRINTABLE", "printable"),
    ):
        rs.append(
            "/// FNV-1a 64 over the (start, end) u32 LE pairs of the whole `%s` of each\n"
            "/// version (its ranges, not the additions), and its size.\n" % nm
        )
        rs.append(
            "#[cfg(test)]\npub(super) const %s_CHECK: [(u64, u32); %d] = %s;\n"
            % (
                nm,
                len(uvs),
                per_version([pred_checksum(data[uv][key]) for uv in uvs], "(0x%016X, %d)"),
            )
        )
    rs.append("\n")
    for uv in uvs:
        rs.append(
            rs_ranges(
                "CJK_UNIFIED_" + variants[uv][1:],
                data[uv]["cjk"],
                "Code points named `CJK UNIFIED IDEOGRAPH-<hex>` (`is_unified_ideograph`) in %s."
                % data[uv]["label"],
            )
        )
    jl, jv, jt = base["jamo"]
    rs.append(
        rs_strs("JAMO_L", jl, "Leading-consonant short names (CPython's `hangul_syllables[][0]`).")
    )
    rs.append(rs_strs("JAMO_V", jv, "Vowel short names (`hangul_syllables[][1]`)."))
    rs.append(rs_strs("JAMO_T", jt, "Trailing-consonant short names (`hangul_syllables[][2]`)."))
    pieces = base["set_pieces"]
    rs.append(
        "/// Characters whose NFKD is a piece of \"set\", with that piece (sorted by char;\n"
        "/// the same in every version).\n"
        "pub(super) static SET_PIECES: [(char, &str); %d] = [\n" % len(pieces)
    )
    for cp, d in pieces:
        rs.append("    ('\\u{%X}', \"%s\"),\n" % (cp, d))
    rs.append("];\n")
    rs.append(
        "/// Names and aliases added after Unicode 14.0 (not in names.bin), sorted, each\n"
        "/// with its code point and the version that added it.\n"
        "pub(super) static NAMES_ADDED: [(&str, u32, UnicodeVersion); %d] = [\n" % len(all_added)
    )
    for k, cp, uv in all_added:
        rs.append("    (\"%s\", 0x%X, %s),\n" % (k, cp, variants[uv]))
    rs.append("];\n")
    for nm, key, doc in (
        (
            "XID_START",
            "xid_start",
            "`str.isidentifier()` of the single character (XID_Start plus '_')",
        ),
        ("XID_CONTINUE", "xid_continue", "`('a' + c).isidentifier()` (XID_Continue)"),
        ("PRINTABLE", "printable", "`str.isprintable()` of the single code point"),
    ):
        rs.append(rs_ranges(nm, data[BASE][key], "%s, %s." % (doc, data[BASE]["label"])))
        for uv in uvs[1:]:
            rs.append(
                rs_ranges(
                    "%s_ADDED_%s" % (nm, variants[uv][1:]),
                    growth[uv][key],
                    "What %s added to `%s` (nothing was removed)." % (data[uv]["label"], nm),
                )
            )
    tables_rs = "".join(rs)

    # test_vectors.txt
    vt = [
        header("#", labels),
        "# `\\N{name}` test vectors: one column per version (%s), each the hex code\n"
        % ", ".join(variants[uv] for uv in uvs),
        "# point or - that ast.literal_eval(\"'\\\\N{\" + name + \"}'\") of that interpreter\n",
        "# gives (= : same as the column before), then the name; tab-separated.\n",
    ]
    for i, n in enumerate(vec_names):
        cols = []
        prev = object()
        for uv in uvs:
            cp = results[uv][i]
            cols.append("=" if cp == prev else ("-" if cp is None else "%X" % cp))
            prev = cp
        vt.append("%s\t%s\n" % ("\t".join(cols), n))
    vectors = "".join(vt)

    # names.bin gets the header as a prefix the decoder skips: it is
    # NUL-terminated text before the magic.  It is the 14.0 table only.
    names_file = header("#", labels[:1]).encode("ascii") + b"\0" + names_bin

    outputs = {
        "names.bin": names_file,
        "tables.rs": tables_rs.encode("utf-8"),
        "test_vectors.txt": vectors.encode("utf-8"),
    }
    differ = False
    for fn, content in outputs.items():
        path = os.path.join(OUT_DIR, fn)
        old = open(path, "rb").read() if os.path.exists(path) else None
        if args.check:
            if old != content:
                print("differs:", fn)
                differ = True
            continue
        if old != content:
            with open(path, "wb") as f:
                f.write(content)
        print("%-17s %7d bytes" % (fn, len(content)))
    for uv in uvs:
        d = data[uv]
        print(
            "%s: names %d + aliases %d (rejected aliases: %s); unified ideographs %d"
            % (
                d["label"],
                len(d["names"]),
                len(d["aliases"]),
                ", ".join("%s U+%04X" % (a, cp) for a, cp, _ in d["rejected_aliases"]) or "none",
                len(code_points(d["cjk"])),
            )
        )
        if uv in added:
            print(
                "  added: %d names, %d aliases; %s"
                % (
                    sum(1 for k in added[uv] if k in d["names"]),
                    sum(1 for k in added[uv] if k in d["aliases"]),
                    ", ".join(
                        "%s +%d in %d ranges" % (key, len(code_points(r)), len(r))
                        for key, r in growth[uv].items()
                    ),
                )
            )
    print("vectors %d; named sequences %d" % (len(vec_names), len(seqs)))
    if differ:
        sys.exit(1)


if __name__ == "__main__":
    main()
