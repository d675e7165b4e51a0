"""Type stubs of the extension module ``safelit._safelit``."""

from typing import Any, Optional

__version__: str
PYTHON_VERSION: str

def literal_eval(
    node_or_string: Any,
    /,
    *,
    max_depth: Optional[int] = None,
    max_int_digits: Optional[int] = None,
    max_input_bytes: Optional[int] = None,
    max_nodes: Optional[int] = None,
) -> Any:
    """Evaluate a Python literal safely, exactly as ``ast.literal_eval`` does.

    A ``str`` is parsed by safelit's Rust parser, following the running
    interpreter's version (3.11 rules before 3.11); anything else is passed to
    ``ast.literal_eval``. Returns ``str``, ``bytes``, ``int``, ``float``,
    ``complex``, ``bool``, ``None``, ``Ellipsis``, or ``tuple``, ``list``,
    ``dict`` and ``set`` of these.

    Limits (``None`` = default): ``max_depth`` nested brackets (200, CPython's
    own limit), ``max_int_digits`` digits in a decimal int literal
    (``sys.get_int_max_str_digits()`` at call time; ``0`` = unlimited),
    ``max_input_bytes`` UTF-8 bytes of input and ``max_nodes`` values in the
    result (both unlimited).

    Raises an instance of ``safelit.Error`` that is also an instance of the
    class ``ast.literal_eval`` raises: ``SyntaxError`` (``IndentationError``),
    ``ValueError``, ``TypeError``, ``OverflowError``, ``UnicodeEncodeError``;
    ``safelit.LimitError`` (a ``SyntaxError`` or ``MemoryError``) when a limit
    trips.
    """
