"""Unary operators on every kind of operand: only one '+'/'-' on a bare
int/float/complex constant is accepted."""

import itertools

from ._util import Cases

OPERANDS = ["1", "1.5", "1j", "0", "0.0", "0x10", "1e309", "True", "False", "None",
            "...", "'a'", "b'a'", "()", "[]", "{}", "(1,)", "set()", "x", "(1)",
            "(-1)", "(+1)", "1+1j", "(1+1j)", "f''", "1 .real", "1e-400"]
OPS = ["-", "+", "~", "not "]


def cases():
    c = Cases()
    for op, operand in itertools.product(OPS, OPERANDS):
        c(op + operand)
    for a, b in itertools.product(OPS, repeat=2):
        c(a + b + "1")
    for ops in itertools.product("-+", repeat=3):
        c("".join(ops) + "1")
    c("- 1", "-  1", "-\t1", "- \t 1", "-\f1", "-\\\n1", "-\n1", "(-\n1)", "(\n-\n1\n)",
      "-(1)", "-((1))", "-(1.5)", "+(1j)", "-(-1)", "-(+1)", "(-1)", "((-1))",
      "[-1]", "(-1,)", "{-1: -1}", "{-1}", "-0", "+0", "-0.0", "+0.0", "-0j",
      "+0j", "-00", "-0x0", "-0b0", "-1_0", "- 0", "-(0)", "-(0.0)", "-(0j)",
      "-1e309", "-1e-400", "+1e309", "--0", "---0", "-1 -1", "- -1", "+ +1",
      "- - 1", "-(-(-1))", "-[1]", "-(1,)", "-{1}", "-{1: 2}", "+'a'", "-b'a'",
      "-x", "+x", "~x", "not x", "-(x)", "-f'{1}'", "not", "-", "+", "~", "- ",
      "(-)", "[-]", "-,", "-1,", "-1, -2", "-1, +2, -3j", "1, -", "not 1 1",
      "~1.5", "~1j", "~True", "not True", "not None", "not not 1", "-True+1j",
      "- True", "+False", "-1j+1", "--1j", "-+1j", "-(1+1j)")
    return c.build()
