"""Warnings as CPython issues them, and warnings turned into errors."""

from __future__ import annotations

import ast
import sys
import warnings

import pytest

import safelit
from helpers import builtin_class, cases, message, run, syntax_fields

ESCAPE_CATEGORY = DeprecationWarning if sys.version_info < (3, 12) else SyntaxWarning


def test_invalid_escape_warns_like_cpython() -> None:
    text = "['\\d',\n '''\n\\w''', b'\\777']"
    want = run(ast.literal_eval, text)
    got = run(safelit.literal_eval, text)
    assert got.value == want.value
    assert got.warnings == want.warnings
    assert got.warnings[0][:3] == (ESCAPE_CATEGORY.__name__, "invalid escape sequence '\\d'", 1)
    assert all(w[3] == "<unknown>" for w in got.warnings)


def test_number_followed_by_keyword_warns_then_fails_like_cpython() -> None:
    for text in ["1if 1 else 2", "[0x1for x in y]", "1or 2", "x if 1else y"]:
        want = run(ast.literal_eval, text)
        got = run(safelit.literal_eval, text)
        assert got.error is not None and want.error is not None
        assert builtin_class(got.error) is type(want.error)
        assert got.warnings == want.warnings, text


def test_warnings_of_invalid_input_are_issued() -> None:
    for text in ["'\\d' + x", "['\\q', $]", "{'\\q': []}", "'\\q' b'x'"]:
        want = run(ast.literal_eval, text)
        got = run(safelit.literal_eval, text)
        assert got.warnings == want.warnings, text


def _error_outcome(fn: object, text: str) -> tuple[object, ...]:
    outcome = run(fn, text, action="error")  # type: ignore[arg-type]
    if outcome.ok:
        return ("value", outcome.value)
    assert outcome.error is not None
    fields = syntax_fields(outcome.error) if isinstance(outcome.error, SyntaxError) else {}
    return (builtin_class(outcome.error), message(outcome.error), fields)


def test_warnings_as_errors_raise_syntax_error_like_cpython() -> None:
    """Every table input that warns, with ``-W error``."""
    checked = 0
    for case in cases():
        if not case["warnings"]:
            continue
        text = case["input"]
        assert _error_outcome(safelit.literal_eval, text) == _error_outcome(
            ast.literal_eval, text
        ), text
        checked += 1
    assert checked > 300


def test_error_filter_for_one_message_only() -> None:
    text = "['\\d',\n '\\w']"
    results = []
    for fn in (ast.literal_eval, safelit.literal_eval):
        with warnings.catch_warnings(record=True) as seen:
            warnings.simplefilter("always")
            warnings.filterwarnings("error", message=r"invalid escape sequence '\\w'")
            with pytest.raises(SyntaxError) as info:
                fn(text)
        results.append(([str(w.message) for w in seen], syntax_fields(info.value)))
    assert results[0] == results[1]
    assert results[1][0] == ["invalid escape sequence '\\d'"]


def test_ignored_warnings_cost_nothing_visible() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert safelit.literal_eval("'\\d'") == "\\d"


def test_other_exceptions_from_the_warning_machinery_propagate() -> None:
    class Boom(Exception):
        pass

    def show(*args: object, **kwargs: object) -> None:
        raise Boom

    for fn in (ast.literal_eval, safelit.literal_eval):
        with warnings.catch_warnings():
            warnings.simplefilter("always")
            warnings.showwarning = show
            with pytest.raises(Boom):
                fn("'\\d'")
