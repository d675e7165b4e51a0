"""Helpers shared by the case modules (not a group itself: modules whose
name starts with ``_`` are skipped by ``gen_cases.py``).

A case module exposes ``CASES`` (a list of ``(name, input_str)``) or a
function ``cases()`` returning one.  ``name`` may be ``None``: a stable name
is then derived from the input text (see ``slug``), so ids do not change when
other cases are inserted.
"""

import hashlib

MAX_SLUG = 40

_KEEP = set(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    "!\"#$%&'()*+,-./:;<=>?@[]^_`{|}~\\"
)
_NAMED = {" ": "_", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\f": "\\f", "\v": "\\v"}


def slug(text):
    out = []
    for ch in text:
        if ch in _KEEP:
            out.append(ch)
        elif ch in _NAMED:
            out.append(_NAMED[ch])
        else:
            out.append("U+%04X" % ord(ch))
    return "".join(out)


def short_hash(text):
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]


class Cases:
    """Ordered collection of cases with automatic, content-derived names."""

    def __init__(self):
        self._items = []  # (explicit name or None, input)

    def add(self, inp, name=None):
        assert isinstance(inp, str), (name, inp)
        self._items.append((name, inp))
        return self

    def __call__(self, *inputs):
        for inp in inputs:
            self.add(inp)
        return self

    def extend(self, inputs):
        for inp in inputs:
            if isinstance(inp, tuple):
                self.add(inp[1], inp[0])
            else:
                self.add(inp)
        return self

    def named(self, name, inp):
        return self.add(inp, name)

    def build(self):
        """Return ``[(name, input)]`` with unique names.

        Exact duplicate inputs without an explicit name are dropped (first kept).
        Auto names that are too long or collide get ``~<sha1[:8]>`` appended.
        """
        seen_inputs = set()
        items = []
        for name, inp in self._items:
            if name is None:
                if inp in seen_inputs:
                    continue
                seen_inputs.add(inp)
            items.append((name, inp))
        autos = {}
        for name, inp in items:
            if name is None:
                s = slug(inp)
                autos.setdefault(s, set()).add(inp)
        explicit = {name for name, _ in items if name is not None}
        out = []
        for name, inp in items:
            if name is None:
                s = slug(inp)
                if (len(s) > MAX_SLUG or len(autos[s]) > 1 or s in explicit
                        or s == ""):
                    s = s[:MAX_SLUG - 10] + "~" + short_hash(inp)
                name = s
            out.append((name, inp))
        names = [n for n, _ in out]
        dup = {n for n in names if names.count(n) > 1}
        assert not dup, dup
        return out


def cases_of(*inputs):
    c = Cases()
    c(*inputs)
    return c.build()
