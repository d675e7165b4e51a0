"""Parity with the running interpreter's own ``ast.literal_eval``.

Every input of ``tests/data/cases-3.X.jsonl`` (X = the running minor version)
is given to the live ``ast.literal_eval`` and to ``safelit.literal_eval``.
They must agree on the value (type-exact), or on the exception class, the
message and, for SyntaxErrors, ``lineno`` and ``offset``; and on the warnings
issued. ``tests/data/known-deviations-3.X.txt`` (shared with the Rust parity
test) lists the message/position mismatches known not to be fixed yet: they
are counted and printed; a listed one that matches now fails the test, so the
list only shrinks.

SyntaxErrors must also agree on ``filename``, ``text``, ``end_lineno`` and
``end_offset`` wherever ``msg``, ``lineno`` and ``offset`` agree; these
fields depend on how far CPython's tokenizer had read (the line break, the
next lines), so the table is also run with the suffixes ``"\n"`` and
``"\n1"`` appended to every input, where everything is compared as on the
table itself. ``tests/data/known-field-deviations-3.X.txt`` lists the
mismatches known on these fields and on the suffixed inputs, ratcheted the
same way.

Inputs on which CPython gives up on an internal limit (MemoryError,
RecursionError) are counted apart. Everything else is compared, also where
CPython's ``text`` is not one source line: the tokenizer's buffer of several
lines after a continuation or a string spanning lines, and on 3.11 the
synthetic ``(expr)`` line an error inside an f-string's replacement field is
reported against (the Rust parity test, which sees the core's positions in
the input, counts those apart instead).
"""

from __future__ import annotations

import ast
import collections
import sys
from typing import Any

import safelit

from helpers import (
    TABLE,
    Outcome,
    builtin_class,
    cases,
    known_deviations,
    known_field_deviations,
    message,
    run,
)

# Fields beyond lineno/offset, compared as strictly.
EXTRA_FIELDS = ("filename", "text", "end_lineno", "end_offset")

# Appended to every table input by test_parity_of_suffixed_inputs.
SUFFIXES = ("\n", "\n1")


def compare(case: dict[str, Any], want: Outcome, got: Outcome) -> tuple[list[str], list[str]]:
    """Mismatch categories (value/kind/message/position and the other
    SyntaxError fields) and notes on what was not compared."""
    if want.ok:
        if not got.ok or got.value != want.value:
            return ["value"], []
        return [], []
    assert want.error is not None
    if got.ok:
        return ["kind"], []
    assert got.error is not None
    if not isinstance(got.error, safelit.Error):
        return ["kind"], []
    if builtin_class(got.error) is not type(want.error):
        return ["kind"], []
    problems = []
    if message(got.error) != message(want.error):
        problems.append("message")
    notes: list[str] = []
    if isinstance(want.error, SyntaxError):
        w = (want.error.lineno, want.error.offset)
        g = (getattr(got.error, "lineno", None), getattr(got.error, "offset", None))
        if w != g:
            problems.append("position")
        if "message" in problems or w != g:
            notes.append("fields not compared (message or position differs)")
        else:
            for f in EXTRA_FIELDS:
                if getattr(want.error, f, None) != getattr(got.error, f, None):
                    problems.append(f)
    return problems, notes


def describe(o: Outcome) -> str:
    if o.ok:
        return f"value {str(o.value)[:80]}"
    e = o.error
    assert e is not None
    pos = ""
    if isinstance(e, SyntaxError):
        pos = (
            f" @{e.lineno}:{e.offset}-{getattr(e, 'end_lineno', None)}:"
            f"{getattr(e, 'end_offset', None)} text={shorten(e.text)}"
        )
    return f"{builtin_class(e).__name__}: {message(e)[:80]}{pos}"


def shorten(text: Any, width: int = 60) -> str:
    """``repr(text)``, cut in the middle if long."""
    r = repr(text)
    if len(r) <= width:
        return r
    return r[: width // 2] + "..." + r[-width // 2 :]


FIELD_CATEGORIES = {"text", "end_lineno", "end_offset", "filename"}


def test_parity_with_live_cpython() -> None:
    known = known_deviations()
    known_fields = known_field_deviations()
    seen_fields: set[tuple[str, str, str]] = set()
    seen: set[tuple[str, str]] = set()
    counts: collections.Counter[str] = collections.Counter()
    notes: collections.Counter[str] = collections.Counter()
    unexpected: list[str] = []
    warning_mismatches: list[str] = []
    n = 0
    for case in cases():
        n += 1
        text = case["input"]
        want = run(ast.literal_eval, text)
        if not want.ok and isinstance(want.error, (MemoryError, RecursionError)):
            counts["cpython internal limit"] += 1
            continue
        got = run(safelit.literal_eval, text)
        counts["value" if want.ok else "error"] += 1
        problems, extra = compare(case, want, got)
        for note in extra:
            notes[note] += 1
        for category in problems:
            if category in FIELD_CATEGORIES:
                field_key = (case["id"], "", category)
                if field_key in known_fields:
                    seen_fields.add(field_key)
                else:
                    unexpected.append(
                        f"{category}: {case['id']} {shorten(text)}: "
                        f"got {describe(got)}; want {describe(want)}"
                    )
                continue
            key = (case["id"], category)
            if key in known:
                seen.add(key)
            else:
                unexpected.append(
                    f"{category}: {case['id']} {text[:60]!r}: "
                    f"got {describe(got)}; want {describe(want)}"
                )
        if want.warnings != got.warnings and (want.ok == got.ok):
            warning_mismatches.append(f"{case['id']}: got {got.warnings}, want {want.warnings}")
    # A listed 'value' deviation is the Rust Value's repr (the core's Unicode
    # tables); the package returns a real str whose repr is CPython's own.
    repr_only = sorted(k for k in known - seen if k[1] == "value")
    fixed = sorted(k for k in known - seen if k[1] != "value")
    by_category = collections.Counter(c for _, c in seen)
    print(
        f"\nCPython {sys.version.split()[0]} vs table {TABLE}: {n} cases {dict(counts)}; "
        f"known deviations listed {len(known)}, still deviating {len(seen)} "
        f"{dict(by_category)}; listed value deviations that match here (repr only): "
        f"{len(repr_only)}; other SyntaxError fields differing: {dict(notes)}"
    )
    assert not unexpected, f"{len(unexpected)} unexpected mismatches:\n" + "\n".join(unexpected[:60])
    assert not fixed, (
        f"these known deviations now match CPython; remove them from "
        f"tests/data/known-deviations-{TABLE}.txt: {fixed}"
    )
    fixed_fields = sorted(k for k in known_fields - seen_fields if k[1] == "")
    assert not fixed_fields, (
        f"these known field deviations now match CPython; remove them from "
        f"tests/data/known-field-deviations-{TABLE}.txt: {fixed_fields}"
    )
    assert not warning_mismatches, "\n".join(warning_mismatches[:40])


def test_parity_of_suffixed_inputs() -> None:
    """Every table input followed by each of SUFFIXES: all fields compared,
    known mismatches in known-field-deviations-3.X.txt (with the suffix)."""
    known = known_field_deviations()
    seen: set[tuple[str, str, str]] = set()
    counts: collections.Counter[str] = collections.Counter()
    notes: collections.Counter[str] = collections.Counter()
    unexpected: list[str] = []
    for case in cases():
        for suffix in SUFFIXES:
            text = case["input"] + suffix
            variant = dict(case, input=text)
            want = run(ast.literal_eval, text)
            if not want.ok and isinstance(want.error, (MemoryError, RecursionError)):
                counts["cpython internal limit"] += 1
                continue
            got = run(safelit.literal_eval, text)
            counts["value" if want.ok else "error"] += 1
            problems, extra = compare(variant, want, got)
            if want.warnings != got.warnings and want.ok == got.ok:
                problems.append("warnings")
            for note in extra:
                notes[note] += 1
            for category in problems:
                key = (case["id"], suffix, category)
                if key in known:
                    seen.add(key)
                else:
                    unexpected.append(
                        f"{category}: {case['id']} + {suffix!r} {shorten(text)}: "
                        f"got {describe(got)}; want {describe(want)}"
                    )
    fixed = sorted(k for k in known - seen if k[1] != "")
    by_category = collections.Counter(k[2] for k in seen)
    print(
        f"\nCPython {sys.version.split()[0]} vs table {TABLE} + suffixes {SUFFIXES}: "
        f"{dict(counts)}; known deviations still deviating {len(seen)} {dict(by_category)}; "
        f"{dict(notes)}"
    )
    assert not unexpected, (
        f"{len(unexpected)} unexpected mismatches (list known ones in "
        f"tests/data/known-field-deviations-{TABLE}.txt as "
        f"'id<TAB>json suffix<TAB>category'):\n" + "\n".join(unexpected[:60])
    )
    assert not fixed, (
        f"these known deviations now match CPython; remove them from "
        f"tests/data/known-field-deviations-{TABLE}.txt: {fixed}"
    )
