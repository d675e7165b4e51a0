"""Differential property test against the live ``ast.literal_eval``.

Generated literal-like text — valid literals written in many ways, the same
texts mutated, and token soup — must give the same value (type-exact) or an
exception of the same family as ``ast.literal_eval``. Message and position
agreement is measured and printed.

``SAFELIT_HYPOTHESIS_EXAMPLES`` sets the examples per test (default 1500);
``SAFELIT_HYPOTHESIS_RANDOM=1`` draws fresh random cases (use
``--hypothesis-seed=N`` to pick a seed) instead of the fixed derandomized set.
"""

from __future__ import annotations

import ast
import collections
import os
import warnings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import safelit
from helpers import family, message, run

EXAMPLES = int(os.environ.get("SAFELIT_HYPOTHESIS_EXAMPLES", "1500"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=os.environ.get("SAFELIT_HYPOTHESIS_RANDOM") != "1",
    database=None,
    suppress_health_check=list(HealthCheck),
)

STATS: collections.Counter[str] = collections.Counter()


def check(text: str) -> None:
    """The property: same value, or same exception family."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        want = run(ast.literal_eval, text)
        if want.error is not None and family(want.error) == "internal":
            STATS["cpython internal limit"] += 1
            return
        got = run(safelit.literal_eval, text)
    if want.ok:
        STATS["value"] += 1
        assert got.ok, f"{text!r}: got {got.error!r}, want a value"
        assert got.value == want.value, f"{text!r}: got {got.value}, want {want.value}"
        return
    assert want.error is not None
    STATS["error"] += 1
    assert got.error is not None, f"{text!r}: got {got.value}, want {want.error!r}"
    assert isinstance(got.error, safelit.Error)
    assert family(got.error) == family(want.error), f"{text!r}: got {got.error!r}, want {want.error!r}"
    if message(got.error) == message(want.error):
        STATS["same message"] += 1
        w, g = want.error, got.error
        if getattr(w, "lineno", None) == getattr(g, "lineno", None) and getattr(
            w, "offset", None
        ) == getattr(g, "offset", None):
            STATS["same message and position"] += 1


# --- valid literals, written in many ways ----------------------------------

def ints(draw: st.DrawFn) -> str:
    n = draw(st.integers(min_value=0, max_value=10**40) | st.integers(0, 300))
    form = draw(st.sampled_from(["dec", "hex", "oct", "bin", "under"]))
    if form == "hex":
        return draw(st.sampled_from(["0x", "0X"])) + format(n, "x")
    if form == "oct":
        return "0o" + format(n, "o")
    if form == "bin":
        return "0b" + format(n, "b")
    if form == "under":
        return format(n, "_")
    return str(n)


def floats(draw: st.DrawFn) -> str:
    f = draw(st.floats(allow_nan=False, allow_infinity=False, width=64).map(abs))
    form = draw(st.sampled_from(["repr", "e", "dot", "big"]))
    if form == "e":
        return format(f, "e")
    if form == "dot":
        return draw(st.sampled_from(["1.", ".5", "0.0", "1_000.000_1", "1e-400", "2E+3"]))
    if form == "big":
        return "1e" + str(draw(st.integers(300, 400)))
    return repr(f)


ESCAPES = ["\\n", "\\t", "\\\\", "\\'", '\\"', "\\x41", "\\101", "\\u00e9", "\\U0001F600",
           "\\N{BULLET}", "\\d", "\\777", "\\\n", "\\0", "\\ud800"]


def strings(draw: st.DrawFn) -> str:
    prefix = draw(st.sampled_from(["", "", "r", "b", "rb", "u", "R", "B", "Br"]))
    quote = draw(st.sampled_from(["'", '"', "'''", '"""']))
    parts = draw(st.lists(
        st.sampled_from(ESCAPES) | st.text(
            alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\\'\"\r\n\0"),
            max_size=6,
        ),
        max_size=4,
    ))
    body = "".join(parts)
    if "b" in prefix.lower():
        body = body.encode("ascii", "replace").decode("ascii")
    return prefix + quote + body + quote


def scalars(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["int", "float", "complex", "str", "const", "signed"]))
    if kind == "int":
        return ints(draw)
    if kind == "float":
        return floats(draw)
    if kind == "complex":
        return draw(st.sampled_from(["", "-"])) + ints(draw) + draw(st.sampled_from(["+", "-"])) + floats(draw) + "j"
    if kind == "str":
        return " ".join(strings(draw) for _ in range(draw(st.integers(1, 2))))
    if kind == "signed":
        return draw(st.sampled_from(["-", "+", "- ", "-(", "+-"])) + ints(draw)
    return draw(st.sampled_from(["None", "True", "False", "...", "set()", "()", "[]", "{}"]))


SEPARATORS = [", ", ",", " , ", ",\n", ", # c\n", ",\\\n"]


@st.composite
def literals(draw: st.DrawFn, depth: int = 0) -> str:
    if depth > 3 or draw(st.integers(0, 2)) == 0:
        return scalars(draw)
    kind = draw(st.sampled_from(["list", "tuple", "dict", "set", "paren"]))
    n = draw(st.integers(0 if kind != "set" else 1, 4))
    items = [draw(literals(depth + 1)) for _ in range(n)]
    sep = draw(st.sampled_from(SEPARATORS))
    trailing = draw(st.sampled_from(["", ","])) if n else ""
    if kind == "dict":
        keys = [draw(st.sampled_from([scalars(draw), "(1, 2)", "True", "1.0", "'k'"])) for _ in items]
        body = sep.join(f"{k}: {v}" for k, v in zip(keys, items))
        return "{" + body + trailing + "}"
    if kind == "set":
        return "{" + sep.join(items) + trailing + "}"
    if kind == "tuple":
        if n == 1:
            trailing = ","
        return "(" + sep.join(items) + trailing + ")"
    if kind == "paren":
        return "(" + (items[0] if items else "1") + ")"
    return "[" + sep.join(items) + trailing + "]"


@st.composite
def documents(draw: st.DrawFn) -> str:
    lead = draw(st.sampled_from(["", " ", "\t", "  \t", "\n", "# c\n"]))
    tail = draw(st.sampled_from(["", "\n", " ", " # end", "\n\n", "\r\n"]))
    return lead + draw(literals()) + tail


NOISE = list("'\"\\ ()[]{},:.+-*jJeE_0x19#\n\t\r\0λ€\u00a0;=@$`?~!<>|&^%") + [
    " if ", " else ", " for ", "lambda", "not ", " and ", " or ", "**", "f'", "b'", "rb'",
    "1if", "0x", "1e", "...", "None", "True", "\\N{", "'''", '"""', "\\\n", "\n  ",
]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = draw(documents())
    for _ in range(draw(st.integers(1, 3))):
        op = draw(st.sampled_from(["insert", "delete", "replace", "duplicate"]))
        i = draw(st.integers(0, len(text)))
        if op == "insert":
            text = text[:i] + draw(st.sampled_from(NOISE)) + text[i:]
        elif op == "delete":
            j = draw(st.integers(i, min(len(text), i + 3)))
            text = text[:i] + text[j:]
        elif op == "replace":
            text = text[:i] + draw(st.sampled_from(NOISE)) + text[i + 1 :]
        else:
            j = draw(st.integers(i, min(len(text), i + 8)))
            text = text[:j] + text[i:j] + text[j:]
    return text


TOKENS = NOISE + ["1", "2.5", "3j", "'a'", "b'b'", "x", "(", ")", "[", "]", "{", "}", ",", ":"]


@settings(SETTINGS)
@given(documents())
def test_valid_literals(text: str) -> None:
    check(text)


@settings(SETTINGS)
@given(mutated())
def test_mutated_literals(text: str) -> None:
    check(text)


@settings(SETTINGS)
@given(st.lists(st.sampled_from(TOKENS), max_size=12).map("".join))
def test_token_soup(text: str) -> None:
    check(text)


def test_report_agreement() -> None:
    """Prints what the property tests above measured (run last in this file)."""
    print(f"\ndifferential: {dict(STATS)}")
