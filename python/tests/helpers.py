"""Shared helpers of the test suite: type-exact comparison and outcomes."""

from __future__ import annotations

import json
import re
import sys
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Hashable, Iterator, Optional

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
MINOR = "%d.%d" % sys.version_info[:2]
#: The table of the running interpreter (3.11 rules for older interpreters).
TABLE = MINOR if MINOR in ("3.11", "3.12", "3.13") else "3.11"


def canon(value: Any) -> Hashable:
    """A hashable, type-exact form of a literal value: equal forms mean equal
    values of the same types at every level (``1``/``True``/``1.0`` differ,
    ``-0.0`` differs from ``0.0``, dict order and key objects count)."""
    t = type(value)
    if t is list or t is tuple:
        return (t.__name__, tuple(canon(x) for x in value))
    if t is dict:
        return ("dict", tuple((canon(k), canon(v)) for k, v in value.items()))
    if t is set or t is frozenset:
        return (t.__name__, frozenset(canon(x) for x in value))
    if t is float:
        return ("float", repr(value))
    if t is complex:
        return ("complex", repr(value.real), repr(value.imag))
    return (t.__name__, value)


def builtin_class(exc: BaseException) -> type:
    """The most derived builtin exception class of ``exc``."""
    for cls in type(exc).__mro__:
        if cls.__module__ == "builtins":
            return cls
    return type(exc)


def family(exc: BaseException) -> str:
    """The exception family: what an ``except`` clause would catch."""
    if isinstance(exc, SyntaxError):
        return "SyntaxError"
    if isinstance(exc, UnicodeEncodeError):
        return "UnicodeEncodeError"
    for cls in (ValueError, TypeError, OverflowError):
        if isinstance(exc, cls):
            return cls.__name__
    if isinstance(exc, (MemoryError, RecursionError)):
        return "internal"
    return type(exc).__name__


_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+>")


def message(exc: BaseException) -> str:
    """``msg`` of a SyntaxError, ``str()`` of anything else, without addresses."""
    if isinstance(exc, SyntaxError):
        return str(exc.msg)
    return _ADDRESS.sub(">", str(exc))


SYNTAX_FIELDS = ("filename", "lineno", "offset", "text", "end_lineno", "end_offset")


def syntax_fields(exc: BaseException) -> dict[str, Any]:
    return {f: getattr(exc, f, None) for f in SYNTAX_FIELDS}


@dataclass
class Outcome:
    """What one call gave: a value (canonical form) or an exception, and the
    warnings it issued as ``(category, message, lineno, filename)``."""

    value: Optional[Hashable] = None
    error: Optional[BaseException] = None
    warnings: list[tuple[str, str, Optional[int], str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None


def run(fn: Callable[[Any], Any], text: Any, action: str = "always") -> Outcome:
    """Calls ``fn(text)`` recording warnings (``action`` as the filter)."""
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter(action)  # type: ignore[arg-type]
        try:
            value = fn(text)
        except Exception as exc:  # noqa: BLE001 - the outcome is compared
            outcome = Outcome(error=exc)
        else:
            outcome = Outcome(value=canon(value))
    outcome.warnings = [
        (w.category.__name__, str(w.message), w.lineno, w.filename) for w in seen
    ]
    return outcome


def cases() -> Iterator[dict[str, Any]]:
    """The records of the parity table for the running interpreter."""
    with open(DATA / f"cases-{TABLE}.jsonl", encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def known_deviations() -> set[tuple[str, str]]:
    """``(case id, category)`` pairs listed in known-deviations-3.X.txt."""
    known = set()
    with open(DATA / f"known-deviations-{TABLE}.txt", encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#") and "\t" in line:
                case_id, category = line.split("\t", 1)
                known.add((case_id, category))
    return known


def known_field_deviations() -> set[tuple[str, str, str]]:
    """``(case id, suffix, category)`` triples listed in
    known-field-deviations-3.X.txt (``id<TAB>suffix as JSON<TAB>category``;
    the suffix ``""`` for the table input itself)."""
    known: set[tuple[str, str, str]] = set()
    path = DATA / f"known-field-deviations-{TABLE}.txt"
    if not path.exists():
        return known
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#") and line.count("\t") == 2:
                case_id, suffix, category = line.split("\t")
                known.add((case_id, json.loads(suffix), category))
    return known


def python_lines(text: str) -> list[str]:
    """Lines as Python counts them (``\\n``, ``\\r\\n``, ``\\r``)."""
    return re.split(r"\r\n|\r|\n", text)
