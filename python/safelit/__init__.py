"""safelit: a safe, exact and fast replacement for :func:`ast.literal_eval`.

>>> import safelit
>>> safelit.literal_eval("{'id': 7, 'tags': ('a', 'b'), 'score': -0.0}")
{'id': 7, 'tags': ('a', 'b'), 'score': -0.0}

:func:`literal_eval` parses ``str`` input with a Rust parser that follows the
running interpreter's ``ast.literal_eval`` (CPython 3.11, 3.12 or 3.13; older
interpreters get 3.11's behaviour) and returns the same objects. Any other
input (an ``ast`` node, ...) is handed to ``ast.literal_eval`` itself.

Every error is an instance of :class:`Error` and of the builtin class
``ast.literal_eval`` raises (see :mod:`safelit._errors` for the hierarchy).
"""

from __future__ import annotations

from ._errors import (
    Error,
    LimitError,
    LimitMemoryError,
    LimitSyntaxError,
    LiteralIndentationError,
    LiteralOverflowError,
    LiteralSyntaxError,
    LiteralTypeError,
    LiteralUnicodeEncodeError,
    LiteralValueError,
)
from ._safelit import PYTHON_VERSION, __version__, literal_eval

__all__ = [
    "literal_eval",
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
    "PYTHON_VERSION",
    "__version__",
]
