"""Differential fuzzer (atheris): ``safelit.literal_eval`` against ``ast.literal_eval``.

Each fuzzer input becomes a text that both functions evaluate. They must
agree on the value, type-exact at every level (``canon`` of
``python/tests/helpers.py``: bool vs int, tuple vs list, ``-0.0``, dict key
order and kept key objects, nan via repr), or both raise, with safelit's
exception an instance of ``safelit.Error`` of the same family as CPython's
(SyntaxError incl. IndentationError, ValueError, TypeError, OverflowError,
UnicodeEncodeError). Where CPython gives up on an internal limit
(MemoryError, RecursionError, at version-specific thresholds), any safelit
error will do, as in the pytest suite (counted: LimitError or other).

From input bytes to text, two modes:

* raw (the default): the bytes as UTF-8; invalid UTF-8 is decoded with
  ``surrogatepass`` (encoded surrogates become lone surrogates, which both
  functions reject with UnicodeEncodeError), else with ``replace``;
* tokens (the first byte is 0xFF, which never starts UTF-8): every further
  byte picks a token of ``fuzz/python.dict`` (byte modulo the number of
  tokens), the text is the tokens glued together.

Run ``-dict=fuzz/python.dict`` too so libFuzzer also splices those tokens
into raw inputs (``fuzz/python/run.sh`` does).

A mismatch, or an exception safelit should never raise (a Rust panic, a
non-``safelit.Error`` exception), is a finding: the text goes to the crash
folder as ``<kind>-<sha1 of text>.txt`` (UTF-8 with ``surrogatepass``, the
exact text compared) with a ``.json`` beside it saying what CPython and
safelit gave. By default the fuzzer prints the finding and goes on (only
the first few findings of each signature, kind plus both exception classes
and messages, are written; counts are printed every minute);
``SAFELIT_FUZZ_ABORT=1`` raises instead, the atheris way (libFuzzer then
writes its own ``crash-*`` file and stops).

Known bugs not fixed yet are listed in ``known-mismatches.txt`` beside this
file (``NAME<TAB>REGEX`` on the signature ``kind | CPython class | message |
safelit class | message``, each with a regression case in
``tests/data/fuzz-regressions/python/expected-failures.txt``): their findings
are counted, not written, and do not fail a run.

Environment:
  SAFELIT_FUZZ_CRASHES   the crash folder (default fuzz/python/crashes/)
  SAFELIT_FUZZ_ABORT=1   raise on the first finding
  SAFELIT_FUZZ_PER_SIGNATURE=N  findings written per signature (default 3)
  SAFELIT_FUZZ_SUMMARY_EVERY=S  print the counts every S seconds (default 60)
  SAFELIT_FUZZ_MESSAGES=1  also compare the error messages (stricter than
                         the drop-in contract; finds message bugs)
  SAFELIT_FUZZ_WARNINGS=1  also compare the warnings issued (category and
                         message), when both give the same value

``python differential.py --replay FILE...`` checks saved texts (a crash
folder's ``.txt`` files) without fuzzing and prints their outcomes (exit
status 1 if any still disagrees, known bugs included).
Anything else on the command line goes to libFuzzer (corpus folders,
``-max_total_time=N``, ``-dict=...``).
"""

from __future__ import annotations

import ast
import collections
import hashlib
import json
import os
import re
import sys
import time
import warnings
from pathlib import Path
from typing import Any, Optional



def load_libfuzzer() -> bool:
    """Loads atheris's libFuzzer with its symbols global, if atheris is there.

    ``run.sh`` builds the extension with SanitizerCoverage: it calls the
    ``__sanitizer_cov_*`` callbacks of libFuzzer, so it can only be imported
    once a libFuzzer is loaded globally. atheris loads its own one late (in
    ``Fuzz()``) and privately; loading the same file first, globally, lets
    safelit import, and atheris then uses that copy (same file, same
    handle)."""
    try:
        import ctypes
        import importlib.util

        spec = importlib.util.find_spec("atheris.core_with_libfuzzer")
        if spec is None or spec.origin is None:
            return False
        ctypes.CDLL(spec.origin, mode=os.RTLD_GLOBAL | os.RTLD_NOW)
        return True
    except (ImportError, OSError):
        return False


LIBFUZZER = load_libfuzzer()
HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "python" / "tests"))

from helpers import Outcome, builtin_class, canon, family, message  # noqa: E402

import safelit  # noqa: E402

CRASHES = Path(os.environ.get("SAFELIT_FUZZ_CRASHES", str(HERE / "crashes")))
ABORT = os.environ.get("SAFELIT_FUZZ_ABORT") == "1"
WARNINGS = os.environ.get("SAFELIT_FUZZ_WARNINGS") == "1"
MESSAGES = os.environ.get("SAFELIT_FUZZ_MESSAGES") == "1"

#: Findings by kind, and accepted outcomes worth counting, over the run.
STATS: collections.Counter[str] = collections.Counter()
#: Findings by signature (see ``signature``): only the first few of each are
#: written and printed, so one bug does not fill the folder.
SIGNATURES: collections.Counter[tuple[str, ...]] = collections.Counter()
PER_SIGNATURE = int(os.environ.get("SAFELIT_FUZZ_PER_SIGNATURE", "3"))
WRITTEN = 0


class Mismatch(Exception):
    """Raised in abort mode: safelit disagrees with ast.literal_eval."""


# --- input bytes to text ----------------------------------------------------

_DICT_LINE = re.compile(r'^\s*[A-Za-z0-9_]*\s*=?\s*"(.*)"\s*$')


def _unescape(value: str) -> str:
    """A libFuzzer dictionary value (``\\\\``, ``\\"``, ``\\xHH``) as text."""
    out = bytearray()
    i = 0
    while i < len(value):
        c = value[i]
        if c == "\\" and i + 1 < len(value):
            nxt = value[i + 1]
            if nxt == "x" and re.fullmatch(r"[0-9A-Fa-f]{2}", value[i + 2 : i + 4]):
                out.append(int(value[i + 2 : i + 4], 16))
                i += 4
                continue
            out.extend(nxt.encode("utf-8"))
            i += 2
            continue
        out.extend(c.encode("utf-8"))
        i += 1
    return out.decode("utf-8", "replace")


def load_tokens(path: Path) -> list[str]:
    """The token values of a libFuzzer dictionary file."""
    tokens = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return [" ", "1", ",", "(", ")", "[", "]", "'"]
    for line in lines:
        if line.lstrip().startswith("#"):
            continue
        match = _DICT_LINE.match(line)
        if match:
            tokens.append(_unescape(match.group(1)))
    return tokens


TOKENS = load_tokens(ROOT / "fuzz" / "python.dict")
TOKEN_MODE = 0xFF


def to_text(data: bytes) -> str:
    """The text a fuzzer input stands for (see the module docstring)."""
    if data[:1] == bytes([TOKEN_MODE]) and TOKENS:
        return "".join(TOKENS[b % len(TOKENS)] for b in data[1:])
    try:
        return data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return data.decode("utf-8", "replace")


# --- comparison --------------------------------------------------------------


def evaluate(fn: Any, text: str) -> Outcome:
    """``fn(text)`` as an Outcome, warnings recorded as (category, message).

    Catches ``BaseException`` (a pyo3 ``PanicException`` is one) but lets
    KeyboardInterrupt and SystemExit through."""
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        try:
            value = fn(text)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # noqa: BLE001 - the outcome is compared
            outcome = Outcome(error=exc)
        else:
            try:
                outcome = Outcome(value=canon(value))
            except Exception as exc:  # noqa: BLE001 - an unhashable canon is a finding
                outcome = Outcome(error=exc)
    outcome.warnings = [(w.category.__name__, str(w.message), None, "") for w in seen]
    return outcome


def describe(outcome: Outcome) -> dict[str, Any]:
    """A JSON-friendly account of an outcome."""
    if outcome.ok:
        return {"value": repr(outcome.value), "warnings": [w[:2] for w in outcome.warnings]}
    assert outcome.error is not None
    error = outcome.error
    info: dict[str, Any] = {
        "error": type(error).__name__,
        "builtin": builtin_class(error).__name__,
        "family": family(error),
        "message": message(error),
    }
    if isinstance(error, SyntaxError):
        info["position"] = [error.lineno, error.offset]
    return info


def compare(want: Outcome, got: Outcome) -> Optional[str]:
    """The kind of disagreement between CPython (want) and safelit (got), or None."""
    if got.error is not None and not isinstance(got.error, safelit.Error):
        return "foreign-exception"
    if want.ok:
        if not got.ok:
            return "error-for-value"
        if got.value != want.value:
            return "value"
        if WARNINGS and [w[:2] for w in got.warnings] != [w[:2] for w in want.warnings]:
            return "warnings"
        return None
    assert want.error is not None
    if got.ok:
        return "value-for-error"
    assert got.error is not None
    if family(want.error) == "internal":
        # CPython gave up (parser stack, recursion): its thresholds are
        # version-specific (tests/data/README.md), so any safelit error will
        # do, as in the pytest suite; counted to show how often.
        limit = isinstance(got.error, safelit.LimitError) or family(got.error) == "internal"
        STATS["accepted: CPython gave up, safelit " + ("LimitError" if limit else "other error")] += 1
        return None
    if family(got.error) != family(want.error):
        return "family"
    if MESSAGES and message(got.error) != message(want.error):
        return "message"
    return None


_VARYING = re.compile(r"'[^']*'|\(U\+[0-9A-F]+\)|\d+")


def signature(kind: str, want: Outcome, got: Outcome) -> tuple[str, ...]:
    """What tells findings apart: the kind, both exception classes and both
    messages with quoted parts and numbers blanked out."""

    def part(outcome: Outcome) -> tuple[str, str]:
        if outcome.error is None:
            return ("value", "")
        return (type(outcome.error).__name__, _VARYING.sub("_", message(outcome.error))[:80])

    return (kind, *part(want), *part(got))


def load_known(path: Path) -> list[tuple[str, re.Pattern[str]]]:
    """``NAME<TAB>REGEX`` lines of the known-mismatches file (``#`` comments)."""
    known = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    for line in lines:
        if line.strip() and not line.startswith("#") and "\t" in line:
            name, pattern = line.split("\t", 1)
            known.append((name.strip(), re.compile(pattern.strip())))
    return known


#: Mismatches of known bugs not fixed yet (each guarded by a regression case
#: listed in tests/data/fuzz-regressions/python/expected-failures.txt): they
#: are counted, not written, so that they do not fail a run.
KNOWN = load_known(HERE / "known-mismatches.txt")


def known_bug(key: tuple[str, ...]) -> Optional[str]:
    """The name of the known bug a finding's signature matches, if any."""
    joined = " | ".join(key)
    for name, pattern in KNOWN:
        if pattern.search(joined):
            return name
    return None


def record(kind: str, text: str, want: Outcome, got: Outcome) -> bool:
    """Counts a finding; writes it to the crash folder and prints it (the
    first ``PER_SIGNATURE`` of each signature). False for a known bug."""
    global WRITTEN
    key = signature(kind, want, got)
    name = known_bug(key)
    if name is not None:
        STATS["known: " + name] += 1
        return False
    STATS[kind] += 1
    SIGNATURES[key] += 1
    if SIGNATURES[key] > PER_SIGNATURE:
        return True
    WRITTEN += 1
    raw = text.encode("utf-8", "surrogatepass")
    digest = hashlib.sha1(raw).hexdigest()
    report = {"kind": kind, "input": text, "cpython": describe(want), "safelit": describe(got)}
    try:
        CRASHES.mkdir(parents=True, exist_ok=True)
        base = CRASHES / f"{kind}-{digest}"
        base.with_suffix(".txt").write_bytes(raw)
        base.with_suffix(".json").write_text(
            json.dumps(report, ensure_ascii=True, indent=1) + "\n", encoding="utf-8"
        )
    except OSError as exc:
        print(f"safelit-fuzz: cannot write the finding: {exc}", file=sys.stderr)
    print(f"\nsafelit-fuzz: {kind}: {json.dumps(report, ensure_ascii=True)}", file=sys.stderr, flush=True)
    return True


def check(text: str) -> Optional[str]:
    """Compares both functions on ``text``; records and returns the finding kind."""
    want = evaluate(ast.literal_eval, text)
    got = evaluate(safelit.literal_eval, text)
    kind = compare(want, got)
    if kind is not None and record(kind, text, want, got) and ABORT:
        raise Mismatch(f"{kind} on {text!r}: CPython {describe(want)}, safelit {describe(got)}")
    return kind


def test_one_input(data: bytes) -> None:
    """The atheris entry point."""
    global NEXT_SUMMARY
    check(to_text(data))
    STATS["executions"] += 1
    now = time.monotonic()
    if now >= NEXT_SUMMARY:
        NEXT_SUMMARY = now + SUMMARY_EVERY
        summary()


#: libFuzzer ends the process with exit() from C, so Python's atexit does not
#: run: the summary is printed every SUMMARY_EVERY seconds instead.
SUMMARY_EVERY = float(os.environ.get("SAFELIT_FUZZ_SUMMARY_EVERY", "60"))
NEXT_SUMMARY = time.monotonic() + SUMMARY_EVERY


def summary() -> None:
    """Prints the counts of the run so far."""
    counts = ", ".join(f"{kind}: {n}" for kind, n in sorted(STATS.items())) or "none"
    print(f"\nsafelit-fuzz: {len(SIGNATURES)} finding signatures, {WRITTEN} texts written to {CRASHES}; counts: {counts}", file=sys.stderr)
    for key, n in SIGNATURES.most_common():
        print(f"safelit-fuzz:   {n:8d} x {key}", file=sys.stderr)


def replay(paths: list[str]) -> int:
    """Checks saved texts; returns 1 if any still disagrees."""
    failed = 0
    for name in paths:
        text = Path(name).read_bytes().decode("utf-8", "surrogatepass")
        want = evaluate(ast.literal_eval, text)
        got = evaluate(safelit.literal_eval, text)
        kind = compare(want, got)
        known = known_bug(signature(kind, want, got)) if kind else None
        failed += kind is not None
        print(f"{name}: {kind or 'agree'}{f' (known: {known})' if known else ''}\n  input   {text!r}\n  cpython {describe(want)}\n  safelit {describe(got)}")
    return 1 if failed else 0


def main() -> None:
    if sys.argv[1:2] == ["--replay"]:
        sys.exit(replay(sys.argv[2:]))
    import atheris  # only the fuzzing mode needs it

    atheris.instrument_func(to_text)
    atheris.instrument_func(compare)
    # internal_libfuzzer: the copy loaded above, not a "preloaded" one.
    atheris.Setup(sys.argv, test_one_input, internal_libfuzzer=True)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
