#!/usr/bin/env python3
"""Generate safelit's Unicode tables (src/unicode/) from the running CPython.

The tables must be CPython 3.11's own (Unicode 14.0.0), so everything is taken
from the interpreter running this script, and every name is checked against the
real `\\N{...}` escape (through `ast.literal_eval`) before it is emitted.

Usage (from anywhere; paths are relative to the repository root):

    python3.11 scripts/gen_unicode_tables.py [--force] [--aliases FILE]
                                             [--named-sequences FILE] [--check]

  --aliases FILE          NameAliases.txt used as a *candidate* list of aliases
                          (default /usr/share/unicode/NameAliases.txt).  Any
                          newer Unicode version works: only the aliases that the
                          running interpreter's `\\N{}` accepts are kept.
  --named-sequences FILE  NamedSequences.txt, used only to add *negative* test
                          vectors (`\\N{}` rejects named sequences).  Optional:
                          skipped if the file does not exist
                          (default /usr/share/unicode/NamedSequences.txt).
  --force                 run even if the interpreter is not CPython 3.11 with
                          Unicode 14.0.0 (the output is then NOT what safelit
                          wants; for experiments only).
  --check                 do not write anything; exit 1 if a generated file
                          differs from the committed one.

Outputs (all in src/unicode/, all starting with a header naming this script
and the Unicode version):

  names.bin         the `\\N{}` name table: table names + accepted aliases
                    (not the algorithmic CJK UNIFIED IDEOGRAPH-* and HANGUL
                    SYLLABLE * names), sorted, front-coded in blocks, with a
                    byte-token dictionary.  Layout documented in `encode_names`.
  tables.rs         range tables (XID_Start, XID_Continue, printable, unified
                    ideographs), Hangul jamo short names, the characters whose
                    NFKD is a piece of "set", and checksums used by the tests.
  test_vectors.txt  `\\N{}` names with the expected result (hex code point or
                    `-`), every one checked against the interpreter.
"""

import argparse
import ast
import os
import re
import sys
import unicodedata

EXPECTED_PY = (3, 11)
EXPECTED_UNIDATA = "14.0.0"

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "src", "unicode")
MAX_CP = 0x110000

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


# ---------------------------------------------------------------- the data


def collect_names():
    """Table names (not algorithmic ones), each checked against `\\N{}`."""
    names = {}
    algorithmic = []
    for cp in range(MAX_CP):
        n = unicodedata.name(chr(cp), None)
        if n is None:
            continue
        if n.startswith("CJK UNIFIED IDEOGRAPH-") or n.startswith("HANGUL SYLLABLE "):
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
            aliases[alias] = cp
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


def make_vectors(names, aliases, algorithmic, cjk_ranges, seqs, rejected_aliases):
    vecs = []  # (name, expected cp or None)
    seen = set()

    def add(n):
        if n in seen or re.search(r"[}'\\\r\n\t]", n):
            return
        seen.add(n)
        vecs.append((n, escape_lookup(n)))

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


def header(comment):
    return (
        "%s Generated by scripts/gen_unicode_tables.py from CPython %s "
        "(Unicode %s). Do not edit.\n"
        % (comment, ".".join(map(str, sys.version_info[:3])), unicodedata.unidata_version)
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--force", action="store_true")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--aliases", default="/usr/share/unicode/NameAliases.txt")
    ap.add_argument("--named-sequences", default="/usr/share/unicode/NamedSequences.txt")
    args = ap.parse_args()

    if (
        sys.implementation.name != "cpython"
        or sys.version_info[:2] != EXPECTED_PY
        or unicodedata.unidata_version != EXPECTED_UNIDATA
    ) and not args.force:
        sys.exit(
            "refusing to run: need CPython %d.%d with Unicode %s, this is %s %s with Unicode %s "
            "(use --force to run anyway)"
            % (
                *EXPECTED_PY,
                EXPECTED_UNIDATA,
                sys.implementation.name,
                sys.version.split()[0],
                unicodedata.unidata_version,
            )
        )

    names, algorithmic = collect_names()
    aliases, rejected_aliases = collect_aliases(args.aliases, names)
    seqs = collect_named_sequences(args.named_sequences)
    for s in seqs:
        assert escape_lookup(s) is None, s
    table = dict(names)
    table.update(aliases)

    names_bin = encode_names(table)
    pairs = sorted(table.items())
    checksum = names_checksum(pairs)

    # Unified ideographs: derived from name(), checked against \N{} at the edges.
    cjk = ranges_of(
        lambda cp: (unicodedata.name(chr(cp), "")).startswith("CJK UNIFIED IDEOGRAPH-")
    )
    for lo, hi in cjk:
        assert escape_lookup("CJK UNIFIED IDEOGRAPH-%X" % lo) == lo
        assert escape_lookup("CJK UNIFIED IDEOGRAPH-%X" % hi) == hi
        assert escape_lookup("CJK UNIFIED IDEOGRAPH-%X" % (lo - 1)) is None
        assert escape_lookup("CJK UNIFIED IDEOGRAPH-%X" % (hi + 1)) is None
    cjk_count = sum(e - s + 1 for s, e in cjk)

    jl, jv, jt = hangul_jamo()
    hangul_sum = FNV_OFFSET
    for cp in range(0xAC00, 0xD7A4):
        hangul_sum = fnv1a(hangul_sum, unicodedata.name(chr(cp)).encode("ascii") + b"\0")

    xid_start = ranges_of(lambda cp: chr(cp).isidentifier())
    xid_continue = ranges_of(lambda cp: ("a" + chr(cp)).isidentifier())
    printable = ranges_of(lambda cp: chr(cp).isprintable())
    pieces = set_pieces()

    max_len = max(map(len, table))
    rs = [header("//!"), "//! Range tables, Hangul jamo, NFKC-to-\"set\" data and test checksums.\n\n"]
    rs.append("/// Number of names (table names + accepted aliases) in `names.bin`.\n")
    rs.append("#[cfg(test)]\npub(super) const NAME_COUNT: usize = %d;\n" % len(table))
    rs.append("/// Of which aliases (from NameAliases.txt, accepted by `\\N{}`).\n")
    rs.append("#[cfg(test)]\npub(super) const ALIAS_COUNT: usize = %d;\n" % len(aliases))
    rs.append("/// Longest name in `names.bin`, in bytes.\n")
    rs.append("pub(super) const MAX_NAME_LEN: usize = %d;\n" % max_len)
    rs.append(
        "/// FNV-1a 64 over every (name, NUL, code point as u32 LE) of `names.bin`, in order.\n"
    )
    rs.append("#[cfg(test)]\npub(super) const NAMES_CHECKSUM: u64 = 0x%016X;\n" % checksum)
    rs.append("/// FNV-1a 64 over every Hangul syllable name followed by NUL, U+AC00..=U+D7A3.\n")
    rs.append("#[cfg(test)]\npub(super) const HANGUL_CHECKSUM: u64 = 0x%016X;\n" % hangul_sum)
    rs.append("/// Number of code points with an algorithmic CJK UNIFIED IDEOGRAPH name.\n")
    rs.append("#[cfg(test)]\npub(super) const CJK_COUNT: u32 = %d;\n\n" % cjk_count)
    for nm, rg in (
        ("XID_START", xid_start),
        ("XID_CONTINUE", xid_continue),
        ("PRINTABLE", printable),
    ):
        h, c = pred_checksum(rg)
        rs.append(
            "/// FNV-1a 64 over the (start, end) u32 LE pairs of `%s`, and its size.\n" % nm
        )
        rs.append(
            "#[cfg(test)]\npub(super) const %s_CHECK: (u64, u32) = (0x%016X, %d);\n"
            % (nm, h, c)
        )
    rs.append("\n")
    rs.append(
        rs_ranges(
            "CJK_UNIFIED",
            cjk,
            "Code points named `CJK UNIFIED IDEOGRAPH-<hex>` (CPython's `is_unified_ideograph`).",
        )
    )
    rs.append(rs_strs("JAMO_L", jl, "Leading-consonant short names (CPython's `hangul_syllables[][0]`)."))
    rs.append(rs_strs("JAMO_V", jv, "Vowel short names (`hangul_syllables[][1]`)."))
    rs.append(rs_strs("JAMO_T", jt, "Trailing-consonant short names (`hangul_syllables[][2]`)."))
    rs.append(
        "/// Characters whose NFKD is a piece of \"set\", with that piece (sorted by char).\n"
        "pub(super) static SET_PIECES: [(char, &str); %d] = [\n" % len(pieces)
    )
    for cp, d in pieces:
        rs.append("    ('\\u{%X}', \"%s\"),\n" % (cp, d))
    rs.append("];\n")
    rs.append(rs_ranges("XID_START", xid_start, "`str.isidentifier()` of the single character (XID_Start plus '_')."))
    rs.append(rs_ranges("XID_CONTINUE", xid_continue, "`('a' + c).isidentifier()` (XID_Continue)."))
    rs.append(rs_ranges("PRINTABLE", printable, "`str.isprintable()` of the single code point."))
    tables_rs = "".join(rs)

    vecs = make_vectors(names, aliases, algorithmic, cjk, seqs, rejected_aliases)
    vt = [
        header("#"),
        "# `\\N{name}` test vectors: <expected hex code point or ->\\t<name>, each checked\n",
        "# against ast.literal_eval(\"'\\\\N{\" + name + \"}'\") of the generating interpreter.\n",
    ]
    for n, cp in vecs:
        vt.append("%s\t%s\n" % ("-" if cp is None else "%X" % cp, n))
    vectors = "".join(vt)

    # names.bin gets the header as a prefix the decoder skips: it is
    # NUL-terminated text before the magic.
    names_file = header("#").encode("ascii") + b"\0" + names_bin

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
    print(
        "names %d + aliases %d (rejected aliases: %s); vectors %d; named sequences %d"
        % (
            len(names),
            len(aliases),
            ", ".join("%s U+%04X" % (a, cp) for a, cp, _ in rejected_aliases),
            len(vecs),
            len(seqs),
        )
    )
    if differ:
        sys.exit(1)


if __name__ == "__main__":
    main()
