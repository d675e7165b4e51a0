"""Exception classes, their fields, and ``except`` compatibility."""

from __future__ import annotations

import ast
import re
import sys
from typing import Any

import pytest

import safelit
from helpers import builtin_class, message, run

HIERARCHY = [
    (safelit.LiteralSyntaxError, SyntaxError),
    (safelit.LiteralIndentationError, IndentationError),
    (safelit.LiteralValueError, ValueError),
    (safelit.LiteralTypeError, TypeError),
    (safelit.LiteralOverflowError, OverflowError),
    (safelit.LiteralUnicodeEncodeError, UnicodeEncodeError),
    (safelit.LimitSyntaxError, SyntaxError),
    (safelit.LimitMemoryError, MemoryError),
]


@pytest.mark.parametrize("cls, builtin", HIERARCHY)
def test_every_class_is_a_safelit_error_and_its_builtin(cls: type, builtin: type) -> None:
    assert issubclass(cls, safelit.Error)
    assert issubclass(cls, builtin)
    assert cls.__name__ in safelit.__all__


def test_limit_classes() -> None:
    assert issubclass(safelit.LimitSyntaxError, safelit.LimitError)
    assert issubclass(safelit.LimitSyntaxError, safelit.LiteralSyntaxError)
    assert issubclass(safelit.LimitMemoryError, safelit.LimitError)
    assert not issubclass(safelit.LimitError, (SyntaxError, MemoryError))


def both(text: Any) -> tuple[BaseException, BaseException]:
    """The exceptions of ``ast.literal_eval`` and ``safelit.literal_eval``."""
    with pytest.raises(BaseException) as want:
        ast.literal_eval(text)
    with pytest.raises(safelit.Error) as got:
        safelit.literal_eval(text)
    return want.value, got.value


FIELDS = ("msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset")


@pytest.mark.parametrize(
    "text",
    [
        "[1, 2,, 3]",
        "[1, 2",
        "  (1,\n 2",
        "[1,\n 2,,]",
        "1 +",
        "",
        "   ",
        "\n\n",
        "# just a comment",
        "'abc",
        "0x",
        "1__0",
        "(]",
        "'\\x4'",
        "b'\\xz'",
        "'a' b'b'",
        "1\n  2",
        "\t\t[1,\t€]",
        "9" * 4301,
        "[" * 201,
        "'\\N{no such name}'",
        # text, end_lineno and end_offset follow CPython's tokenizer state:
        # a tokenizer error's line has no newline...
        "€\n1",
        "0x\n",
        "01\n",
        "'abc\n",
        "(]\n",
        # ...a parser error's line keeps it while the tokenizer is on it...
        "1 +\n",
        "[1, 2,, 3]\n1",
        "'\\x'\n1",
        "'a' b'b'\n",
        "{1:2, 3}\n",
        # ...but not once the tokenizer has read the next lines,
        "[1\n2]",
        "b'''\n\x80'''",
        "[file for str(file) in []\n]",
        # and a continued line or multi-line string stays in the buffer.
        "1\\\n2",
        "(1,\\\n2)\\\n",
        "'''é\né''' x",
        "f'{1'\n",
        "f'{x\n}'\n1",
    ],
)
def test_syntax_error_fields_match_cpython(text: str) -> None:
    want, got = both(text)
    assert builtin_class(got) is type(want)
    assert isinstance(got, SyntaxError)
    for f in FIELDS:
        if f in ("end_lineno", "end_offset") and sys.version_info < (3, 10):
            continue
        assert getattr(got, f) == getattr(want, f), f
    assert str(got) == str(want)


def test_nul_byte_error_has_no_position() -> None:
    want, got = both("[1, \0]")
    assert type(want) in (SyntaxError, ValueError)
    assert builtin_class(got) is type(want)
    assert message(got) == message(want)
    for f in FIELDS[1:]:
        assert getattr(got, f, None) == getattr(want, f, None), f


def test_empty_input_is_line_zero() -> None:
    want, got = both("  ")
    assert isinstance(got, SyntaxError) and isinstance(want, SyntaxError)
    assert (got.lineno, got.offset) == (want.lineno, want.offset) == (0, 0)


def test_traceback_shows_a_caret() -> None:
    import traceback

    with pytest.raises(SyntaxError) as info:
        safelit.literal_eval("[1, 2,, 3]")
    shown = "".join(traceback.format_exception_only(info.type, info.value))
    assert '  File "<unknown>", line 1' in shown
    assert "[1, 2,, 3]" in shown and "^" in shown


@pytest.mark.parametrize(
    "text, builtin",
    [
        ("x", ValueError),
        ("f(1)", ValueError),
        ("1 + 2", ValueError),
        ("{**x}", ValueError),
        ("{[]: 1}", TypeError),
        ("{(1, [2]), 3}", TypeError),
        ("10**400 + 1j", ValueError),
        (str(10**400) + " + 1j", OverflowError),
    ],
)
def test_non_syntax_errors(text: str, builtin: type) -> None:
    want, got = both(text)
    assert type(want) is builtin
    assert builtin_class(got) is builtin
    assert message(got) == message(want)


@pytest.mark.parametrize("text", ["x", "a.b", "f(1)", "1 + 2", "-x", "\n\nx", "[i for i in x]", "f'{x}'"])
def test_malformed_message_names_the_node_as_cpython_does(text: str) -> None:
    """The whole message, with the node's repr (only the address differs)."""
    want, got = both(text)
    address = re.compile(r" object at 0x[0-9a-fA-F]+>$")
    assert address.search(str(want))
    assert address.search(str(got)), str(got)
    assert address.sub("", str(got)) == address.sub("", str(want))


def test_except_clauses_keep_working() -> None:
    checks: list[tuple[str, type[Exception]]] = [
        ("[", SyntaxError),
        ("x", ValueError),
        ("{[]}", TypeError),
    ]
    for text, cls in checks:
        try:
            safelit.literal_eval(text)
        except cls:
            pass
        else:  # pragma: no cover
            pytest.fail(f"{text!r} did not raise {cls.__name__}")


def test_lone_surrogate_in_input_raises_unicode_encode_error() -> None:
    text = "  '\ud800'"
    want, got = both(text)
    assert type(want) is UnicodeEncodeError
    assert isinstance(got, UnicodeEncodeError) and isinstance(got, safelit.Error)
    assert str(got) == str(want)
    assert (got.start, got.end, got.object) == (want.start, want.end, want.object)


def test_lone_surrogate_from_escape_is_a_value() -> None:
    value = safelit.literal_eval(r"'a\udc80b'")
    assert value == ast.literal_eval(r"'a\udc80b'") == "a\udc80b"


@pytest.mark.parametrize(
    "node",
    [
        b"1",
        5,
        None,
        ast.parse("(1, [2.5, 'x'])", mode="eval"),
        ast.Constant(value=3),
        ast.parse("x + 1", mode="eval"),
        ast.Set(elts=[ast.List(elts=[], ctx=ast.Load())]),
    ],
)
def test_non_str_input_behaves_like_ast(node: Any) -> None:
    try:
        want: Any = ("value", ast.literal_eval(node))
    except Exception as exc:  # noqa: BLE001
        want = ("error", type(exc), message(exc))
    try:
        got: Any = ("value", safelit.literal_eval(node))
    except Exception as exc:  # noqa: BLE001
        assert isinstance(exc, safelit.Error)
        got = ("error", builtin_class(exc), message(exc))
    assert got == want


@pytest.mark.parametrize(
    "kwargs, text, limit, builtin",
    [
        ({"max_depth": 3}, "[[[[1]]]]", "max_depth", SyntaxError),
        ({}, "[" * 201 + "]" * 201, "max_depth", SyntaxError),
        ({"max_int_digits": 10}, "12345678901", "max_int_digits", SyntaxError),
        ({"max_input_bytes": 5}, "[1, 2, 3]", "max_input_bytes", MemoryError),
        ({"max_nodes": 3}, "[1, 2, 3]", "max_nodes", MemoryError),
    ],
)
def test_limits(kwargs: dict[str, int], text: str, limit: str, builtin: type) -> None:
    with pytest.raises(safelit.LimitError) as info:
        safelit.literal_eval(text, **kwargs)
    assert isinstance(info.value, builtin)
    assert info.value.limit == limit


def test_limits_can_be_raised_and_lifted() -> None:
    deep = "[" * 1000 + "]" * 1000
    value = safelit.literal_eval(deep, max_depth=1000)
    for _ in range(999):
        value = value[0]
    assert value == []
    big = safelit.literal_eval("9" * 5000, max_int_digits=0)
    assert big + 1 == 10**5000
    assert ast.literal_eval("0x" + "f" * 5000) == safelit.literal_eval("0x" + "f" * 5000)


def test_int_digit_default_follows_the_interpreter() -> None:
    old = sys.get_int_max_str_digits()
    try:
        sys.set_int_max_str_digits(5000)
        assert safelit.literal_eval("9" * 4500) > 0
        sys.set_int_max_str_digits(1000)
        with pytest.raises(SyntaxError) as info:
            safelit.literal_eval("9" * 1001)
        want, _ = both("9" * 1001)
        assert message(info.value) == message(want)
        # 640 is the lowest limit the interpreter accepts (besides 0).
        sys.set_int_max_str_digits(640)
        assert safelit.literal_eval("-" + "9" * 640) == -(10**640 - 1)
        with pytest.raises(SyntaxError):
            safelit.literal_eval("9" * 641)
        sys.set_int_max_str_digits(0)
        assert safelit.literal_eval("[%s]" % ("9" * 6000)) == [10**6000 - 1]
    finally:
        sys.set_int_max_str_digits(old)


@pytest.mark.parametrize(
    "text",
    [
        "9" * 700,
        "[%s, 1]" % ("9" * 4300),
        "[%s, x]" % ("9" * 700),
        "[%s, x]" % ("9" * 4301),
        "[x, %s]" % ("9" * 4301),
        "{%s: [], %s: 1}" % ("9" * 700, "8" * 700),
        "(%s" % ("9" * 700),
        "f'{%s}'" % ("9" * 5000),
    ],
)
def test_long_decimal_ints_under_the_default_limit(text: str) -> None:
    # Literals of over 640 digits, the least limit the interpreter allows,
    # are decided by its limit, whatever else the input holds.
    want, got = run(ast.literal_eval, text), run(safelit.literal_eval, text)
    assert (got.value, got.warnings) == (want.value, want.warnings)
    if want.error is not None:
        assert got.error is not None
        assert builtin_class(got.error) is builtin_class(want.error)
        assert message(got.error) == message(want.error)


def test_an_explicit_int_digit_limit_is_not_widened() -> None:
    with pytest.raises(safelit.LimitError):
        safelit.literal_eval("9" * 641, max_int_digits=640)
    assert safelit.literal_eval("9" * 641, max_int_digits=641) == 10**641 - 1


@pytest.mark.parametrize("bad", [-1, -(10**30)])
def test_negative_limits_are_rejected(bad: int) -> None:
    with pytest.raises(ValueError):
        safelit.literal_eval("1", max_depth=bad)
    # Several bad ones: the first in the signature is named.
    with pytest.raises(ValueError, match="^max_depth "):
        safelit.literal_eval("1", max_nodes=bad, max_int_digits=bad, max_depth=bad)
    with pytest.raises(ValueError, match="^max_int_digits "):
        safelit.literal_eval("1", max_nodes=bad, max_int_digits=bad)


def test_limit_arguments_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        safelit.literal_eval("1", 5)  # type: ignore[call-arg]
    assert safelit.literal_eval("1", max_nodes=10**30) == 1
