"""The exception classes of safelit, and the helpers the extension calls.

Every exception safelit raises is an instance of :class:`Error` *and* of the
builtin class ``ast.literal_eval`` raises for the same input, so existing
``except SyntaxError`` / ``except ValueError`` clauses keep working::

    Exception
    └── Error                                  every safelit error
        ├── LiteralSyntaxError                 SyntaxError
        │   ├── LiteralIndentationError        IndentationError
        │   └── LimitSyntaxError               SyntaxError (also a LimitError)
        ├── LiteralValueError                  ValueError (not a literal)
        ├── LiteralTypeError                   TypeError (unhashable key)
        ├── LiteralOverflowError               OverflowError
        ├── LiteralUnicodeEncodeError          UnicodeEncodeError (lone surrogate in str input)
        └── LimitError                         a configured limit tripped
            ├── LimitSyntaxError               max_depth, max_int_digits
            └── LimitMemoryError               MemoryError: max_input_bytes, max_nodes
"""

from __future__ import annotations

import ast
from typing import Any, Optional

__all__ = [
    "Error",
    "LiteralSyntaxError",
    "LiteralIndentationError",
    "LiteralValueError",
    "LiteralTypeError",
    "LiteralOverflowError",
    "LiteralUnicodeEncodeError",
    "LimitError",
    "LimitSyntaxError",
    "LimitMemoryError",
]


class Error(Exception):
    """Base class of every exception raised by :func:`safelit.literal_eval`."""


class LiteralSyntaxError(Error, SyntaxError):
    """The text is not valid Python (``SyntaxError``).

    ``filename`` is ``'<unknown>'``; ``lineno``, ``offset``, ``end_lineno``,
    ``end_offset`` and ``text`` follow CPython's conventions (positions on the
    first line are relative to the text after leading spaces and tabs are
    stripped, as ``ast.literal_eval`` does).
    """


class LiteralIndentationError(LiteralSyntaxError, IndentationError):
    """A line starts with unexpected indentation (``IndentationError``)."""


class LiteralValueError(Error, ValueError):
    """Valid Python that is not a literal: ``malformed node or string …`` (``ValueError``)."""


class LiteralTypeError(Error, TypeError):
    """An unhashable dict key or set element (``TypeError``)."""


class LiteralOverflowError(Error, OverflowError):
    """``int ± complex`` with an int too large for a float (``OverflowError``)."""


class LiteralUnicodeEncodeError(Error, UnicodeEncodeError):
    """The input ``str`` holds a lone surrogate and cannot be encoded to UTF-8."""


class LimitError(Error):
    """A limit (``max_depth``, ``max_int_digits``, ``max_input_bytes``,
    ``max_nodes``) was exceeded.

    ``limit`` names the keyword argument of :func:`safelit.literal_eval`
    whose limit tripped. Concrete instances also derive from the builtin class
    CPython raises when its own limit of that kind trips.
    """

    limit: Optional[str] = None


class LimitSyntaxError(LimitError, LiteralSyntaxError):
    """``max_depth`` or ``max_int_digits`` exceeded (``SyntaxError``, as in CPython)."""


class LimitMemoryError(LimitError, MemoryError):
    """``max_input_bytes`` or ``max_nodes`` exceeded (``MemoryError``)."""


# Builtin exception classes of ``ast.literal_eval`` re-raised as safelit's own
# (exact classes only: a subclass keeps its own type).
_WRAPPED: dict[type[BaseException], type[BaseException]] = {
    ValueError: LiteralValueError,
    TypeError: LiteralTypeError,
    OverflowError: LiteralOverflowError,
}


def _wrap(exc: BaseException) -> BaseException:
    """The safelit counterpart of ``exc`` (same message and traceback), or ``exc``."""
    cls = _WRAPPED.get(type(exc))
    if cls is None:
        return exc
    new = cls(*exc.args)
    return new.with_traceback(exc.__traceback__)


def _delegate(node: Any) -> Any:
    """``ast.literal_eval`` for input that is not a ``str`` (called by the extension)."""
    try:
        return ast.literal_eval(node)
    except (ValueError, TypeError, OverflowError) as exc:
        raise _wrap(exc) from None


def _encode_error(text: str) -> BaseException:
    """The ``UnicodeEncodeError`` CPython raises for ``text`` (which holds a
    lone surrogate), as a :class:`LiteralUnicodeEncodeError`."""
    try:
        text.lstrip(" \t").encode("utf-8")
    except UnicodeEncodeError as exc:
        return LiteralUnicodeEncodeError(
            exc.encoding, exc.object, exc.start, exc.end, exc.reason
        )
    return LiteralUnicodeEncodeError("utf-8", text, 0, 0, "surrogates not allowed")


def _warning_error(exc: SyntaxError) -> LiteralSyntaxError:
    """A copy of CPython's own ``SyntaxError`` (a warning turned into an
    error while re-parsing) as a :class:`LiteralSyntaxError`."""
    details: tuple[Any, ...] = (exc.filename, exc.lineno, exc.offset, exc.text)
    if hasattr(exc, "end_lineno"):
        details += (exc.end_lineno, exc.end_offset)
    return LiteralSyntaxError(exc.msg, details)
