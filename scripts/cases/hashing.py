"""Unhashable keys/elements (TypeError) and the order in which errors are
detected: keys and values are converted k1, v1, insert, k2, v2, insert...;
set elements are converted and inserted one by one."""

import itertools

from ._util import Cases

UNHASHABLE = ["[]", "[1]", "{}", "{1: 2}", "set()", "{1}", "(1, [])", "((), [1])",
              "(1, {})", "(1, set())", "((([]),),)", "(1, (2, [3]))", "([],)"]
HASHABLE = ["1", "'a'", "(1, 2)", "()", "((),)", "None", "b''", "1j", "-0.0", "...",
            "(1, (2, (3, 'x')))", "True"]


def cases():
    c = Cases()
    for u in UNHASHABLE:
        c("{" + u + "}", "{" + u + ": 1}", "{1: " + u + "}", "{1, " + u + "}",
          "{" + u + ", 1}", "{1: 2, " + u + ": 3}", "[{" + u + "}]", "({" + u + ": 0},)")
    for h in HASHABLE:
        c("{" + h + "}", "{" + h + ": " + h + "}")
    # error order: ValueError vs TypeError
    first_second = [("x", "[]"), ("[]", "x"), ("[]", "{}"), ("{}", "[]"), ("-x", "[]"),
                    ("[]", "1+x"), ("f''", "[]"), ("[]", "f''"), ("set()", "x")]
    for a, b in first_second:
        c("{%s, %s}" % (a, b), "{%s: 1, %s: 2}" % (a, b), "{%s: %s}" % (a, b),
          "[%s, {%s}]" % (a, b), "({%s}, %s)" % (a, b))
    c("{[]: x}", "{[]: 1, 2: x}", "{[], x}", "{x, []}", "[x, []]", "{1: x, []: 1}",
      "{x: []}", "{[]: []}", "{{}: set()}", "{1: [], []: 1}", "{(): [], []: ()}",
      "{[]: {[]: 1}}", "{1: {[]: 1}}", "{1: {[]: x}}", "{1: {x: []}}",
      "{{1}: {2}}", "{[{}]}", "{(1, 2, [3]): 'x', 1: y}", "{1: y, (1, 2, [3]): 'x'}",
      "[{[]}, {x}]", "[{x}, {[]}]", "({[]: 1}, x)", "(x, {[]: 1})", "{**x, []: 1}",
      "{[]: 1, **x}", "{**{[]: 1}}", "{1: 2, **x, []: 3}", "{x: 1, **y}",
      "{1: x, **y}", "{**y, 1: x}", "{(1, [2]): 3}", "{(1, {2}): 3}",
      "{(1, {2: 3}): 4}", "{frozenset(): 1}", "{(1, x): 2}", "{(x, []): 2}",
      "{([], x): 2}")
    # large ints / floats / complex hash fine
    for a, b in itertools.product(["0x" + "f" * 300, "1e309", "1e309j", "1" * 300],
                                  repeat=2):
        c("{%s, %s}" % (a, b))
    return c.build()
