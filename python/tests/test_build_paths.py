"""Scalars come out the same on both ways objects are built.

Small inputs are built while parsing; inputs of at least 64 KiB are parsed
without the GIL onto a tape that is turned into objects afterwards. Ints take
three routes by size (64-bit, 128-bit, larger), and strings and bytes with
escapes are decoded into scratch buffers: these tests put every such value,
around each boundary, through both paths and compare with ast.literal_eval.
"""

from __future__ import annotations

import ast

import safelit
from helpers import canon

#: Inputs of at least this many bytes are built from a tape.
TAPE_THRESHOLD = 64 * 1024


def boundary_ints() -> list[int]:
    values = [0, 1, -1]
    for bits in (31, 32, 63, 64, 65, 127, 128, 129, 200, 1000):
        for base in (2**bits, -(2**bits)):
            values += [base - 1, base, base + 1]
    return values


def int_texts() -> list[str]:
    texts = []
    for value in boundary_ints():
        sign = "-" if value < 0 else ""
        texts += [repr(value), f"{sign}{abs(value):#x}", f"{sign}{abs(value):#o}", f"{sign}{abs(value):#b}"]
    return texts


STRING_TEXTS = [
    r"'a\nb'",
    r"'\x00\xff\u20ac\U0001f600'",
    r"'\N{SNAKE}\N{LATIN SMALL LETTER E WITH ACUTE}'",
    r"'\ud800x'",
    r"'x\udfff' 'y'",
    r"'caf\xe9' u'\u4e2d' r'\d'",
    r"'plain'",
    r"'é' '😀'",
    r"'\101\7\377'",
    r"b'a\x00b\377'",
    r"b'plain'",
    r"rb'\x00'",
    r"b'a' b'\n' rb'\t'",
    r"b''",
    r"''",
    r"'' ''",
]


def check_both_paths(texts: list[str]) -> None:
    small = "[" + ", ".join(texts) + "]"
    assert len(small) < TAPE_THRESHOLD
    copies = TAPE_THRESHOLD // len(small) + 1
    large = "[" + ", ".join([small] * copies) + "]"
    assert len(large) >= TAPE_THRESHOLD
    for text in (small, large):
        ours = safelit.literal_eval(text)
        theirs = ast.literal_eval(text)
        assert canon(ours) == canon(theirs)
    for text in texts:
        assert canon(safelit.literal_eval(text)) == canon(ast.literal_eval(text)), text


def test_ints_around_every_size_boundary() -> None:
    check_both_paths(int_texts())


def test_strings_and_bytes_with_escapes() -> None:
    check_both_paths(STRING_TEXTS)


def test_escaped_dict_keys_and_set_elements() -> None:
    texts = [
        "{%s: %d}" % (key, n) for n, key in enumerate(STRING_TEXTS)
    ] + ["{%s}" % ", ".join(STRING_TEXTS)]
    check_both_paths(texts)
