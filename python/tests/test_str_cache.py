"""Short dict keys and str values are built once and shared across calls.

The string cache is direct-mapped: a slot holds the last short key (or value)
seen there. These tests check that whatever the cache holds, every string
comes out right, on both ways objects are built (directly for small inputs,
from a tape for large ones), and that repeated strings are shared as
documented.
"""

from __future__ import annotations

import ast
import random

import safelit
from helpers import canon

#: Inputs of at least this many bytes are built from a tape.
TAPE_THRESHOLD = 64 * 1024


def many_keys_text(count: int, seed: int) -> str:
    rng = random.Random(seed)
    alphabet = "abcxyz_é中😀'\""
    keys = {
        "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 70)))
        for _ in range(count)
    }
    # Keys that differ only late, or only in length, share slots easily.
    keys |= {"k" * n for n in range(70)} | {f"key{n}" for n in range(2000)}
    return "{" + ", ".join(f"{k!r}: {i}" for i, k in enumerate(sorted(keys))) + "}"


def test_every_key_is_right_whatever_the_cache_holds() -> None:
    for seed in range(4):
        text = many_keys_text(3000, seed)
        assert len(text) >= TAPE_THRESHOLD
        assert canon(safelit.literal_eval(text)) == canon(ast.literal_eval(text))
        # The same keys again, one small (directly built) dict each.
        for key in list(ast.literal_eval(text))[:500]:
            small = "{%r: 1, 'k': %r}" % (key, key)
            assert canon(safelit.literal_eval(small)) == canon(ast.literal_eval(small))


def test_repeated_short_keys_are_one_object_across_calls() -> None:
    first = safelit.literal_eval("{'name': 1, 'Zoë': 2}")
    second = safelit.literal_eval("[{'name': 3, 'Zoë': 4}]")[0]
    for a, b in zip(first, second):
        assert a == b and a is b


def test_repeated_short_values_are_one_object_across_calls() -> None:
    for value in ["active", "Zoë", "sixteen bytes..."]:
        first = safelit.literal_eval(repr([value, value]))
        second = safelit.literal_eval(repr({"k": value}))
        assert first[0] is first[1] is second["k"]


def test_long_keys_and_values_are_not_shared() -> None:
    long = "x" * 65
    first = safelit.literal_eval("{%r: 'v'}" % long)
    second = safelit.literal_eval("{%r: 'v'}" % long)
    assert list(first) == list(second) == [long]
    assert next(iter(first)) is not next(iter(second))
    # Values: cached up to 16 bytes.
    value = "seventeen bytes.."
    first, second = safelit.literal_eval(repr([value, value]))
    assert first == second == value and first is not second


def test_short_strings_that_differ_in_one_place_stay_distinct() -> None:
    # A cached key or value of up to 16 bytes is recognised by its length and
    # two words of its bytes, without comparing the text: every byte counts.
    alphabet = ["a", "b", "é"]
    keys = {""}
    for length in range(1, 6):
        keys |= {
            "".join(alphabet[(n // 3**i) % 3] for i in range(length)) for n in range(3**length)
        }
    for length in range(6, 24):
        for at in range(length):
            for other in alphabet[1:]:
                keys.add("a" * at + other + "a" * (length - at - 1))
    ordered = sorted(keys)
    for chunk in range(0, len(ordered), 100):
        part = ordered[chunk : chunk + 100]
        text = "{" + ", ".join(f"{k!r}: {k!r}" for k in part) + "}"
        # The second parse finds the strings the first one cached.
        for _ in range(2):
            assert canon(safelit.literal_eval(text)) == canon(ast.literal_eval(text))
    # One string per call, so each parse meets what the last one left.
    for key in ordered:
        assert safelit.literal_eval("[{%r: %r}]" % (key, key)) == [{key: key}]
    # The same strings in one large document (built from a tape).
    text = repr([{k: k} for k in ordered] * (TAPE_THRESHOLD // len(ordered) // 10 + 1))
    assert len(text) >= TAPE_THRESHOLD
    assert canon(safelit.literal_eval(text)) == canon(ast.literal_eval(text))
