"""Replays the Python differential fuzzer's findings (``fuzz/python/``).

Each case in ``tests/data/fuzz-regressions/python/`` is ``NAME.input`` (the
text, UTF-8; lone surrogates as ``surrogatepass``) and ``NAME.expect``
(CPython 3.11.7's outcome: ``outcome: value`` with ``repr: ...``, or
``outcome: error CLASS`` with the builtin exception class and optionally
``message: ...``). For each case:

* ``safelit.literal_eval`` must agree with the live ``ast.literal_eval``:
  the same value, type-exact, or an exception (a ``safelit.Error``) of the
  same family; where CPython gives up on an internal limit (MemoryError,
  RecursionError, at version-specific thresholds), any ``safelit.Error``, as
  in the rest of the suite;
  when the case records a ``message``, the messages must agree too (such
  cases come from the fuzzer's message mode);
* on CPython 3.11, the live outcome must be the recorded one (so the file
  keeps saying what the case is about).

Cases listed in ``expected-failures.txt`` there are known bugs not fixed yet:
their agreement test is an xfail, strict on CPython 3.11 (one that passes
there fails the run: remove it from the list then). The folder's ``README.md`` says how a finding becomes a case.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import safelit
from helpers import DATA, MINOR, builtin_class, family, message, run

FOLDER = DATA / "fuzz-regressions" / "python"


def read_expect(path: Path) -> dict[str, str]:
    """The ``key: value`` lines of an ``.expect`` file (``#`` comments)."""
    expect = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, sep, value = line.partition(": ")
        assert sep, f"{path.name}: {line!r} is not 'key: value'"
        assert key in ("outcome", "repr", "message"), f"{path.name}: unknown key {key!r}"
        expect[key] = value
    outcome = expect.get("outcome", "")
    assert outcome == "value" or outcome.startswith("error "), f"{path.name}: bad outcome {outcome!r}"
    return expect


def expected_failures() -> set[str]:
    path = FOLDER / "expected-failures.txt"
    if not path.exists():
        return set()
    names = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return {name for name in names if name}


def case_names() -> list[str]:
    return sorted(p.stem for p in FOLDER.glob("*.input"))


def params() -> list[object]:
    known = expected_failures()
    return [
        pytest.param(
            name,
            # Strict on 3.11, where the failures are recorded; a bug of 3.11's
            # rules (f-strings before PEP 701...) may not exist on later versions.
            marks=[pytest.mark.xfail(strict=MINOR == "3.11", reason="listed in expected-failures.txt")]
            if name in known
            else [],
        )
        for name in case_names()
    ]


def read_text(name: str) -> str:
    return (FOLDER / f"{name}.input").read_bytes().decode("utf-8", "surrogatepass")


def test_expected_failures_exist() -> None:
    missing = expected_failures() - set(case_names())
    assert not missing, f"expected-failures.txt lists cases without an .input: {sorted(missing)}"


@pytest.mark.parametrize("name", case_names())
def test_recorded_outcome(name: str) -> None:
    """The recorded outcome is what CPython 3.11 gives (only checked there)."""
    if MINOR != "3.11":
        pytest.skip("outcomes are recorded for CPython 3.11")
    expect = read_expect(FOLDER / f"{name}.expect")
    text = read_text(name)
    try:
        value = ast.literal_eval(text)
    except Exception as exc:  # noqa: BLE001 - the outcome is compared
        assert expect["outcome"] == f"error {builtin_class(exc).__name__}", f"CPython raised {exc!r}"
        if "message" in expect:
            assert message(exc) == expect["message"]
    else:
        assert expect["outcome"] == "value", f"CPython returned {value!r}"
        if "repr" in expect:
            assert repr(value) == expect["repr"]


@pytest.mark.parametrize("name", params())
def test_agrees_with_cpython(name: str) -> None:
    """safelit and the live ast.literal_eval agree (type-exact value or family)."""
    text = read_text(name)
    want = run(ast.literal_eval, text)
    got = run(safelit.literal_eval, text)
    if want.ok:
        assert got.ok, f"{text!r}: got {got.error!r}, want a value"
        assert got.value == want.value, f"{text!r}: got {got.value}, want {want.value}"
        return
    assert want.error is not None
    assert got.error is not None, f"{text!r}: got {got.value}, want {want.error!r}"
    assert isinstance(got.error, safelit.Error), f"{text!r}: got a foreign {got.error!r}"
    if family(want.error) == "internal":
        return  # CPython gave up (version-specific thresholds): any safelit error will do
    assert family(got.error) == family(want.error), f"{text!r}: got {got.error!r}, want {want.error!r}"
    if "message" in read_expect(FOLDER / f"{name}.expect"):
        # A case found by comparing messages (SAFELIT_FUZZ_MESSAGES=1).
        assert message(got.error) == message(want.error), f"{text!r}: got {got.error!r}, want {want.error!r}"
