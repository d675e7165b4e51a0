"""Indentation: 'unexpected indent' on any line after the first, trailing
whitespace-only lines, form feed resets, leading strip interplay, statement-like
inputs that would need blocks."""

from ._util import Cases


def cases():
    c = Cases()
    for ws in (" ", "  ", "\t", " \t", "\t ", "\f ", " \f", "        "):
        c("\n" + ws + "1", "1\n" + ws, "1\n" + ws + "\n", "1\n" + ws + "2",
          "1\n" + ws + "# c", "1\n" + ws + "# c\n", "[1,\n" + ws + "2]",
          "\r\n" + ws + "1", "\r" + ws + "1", "1\r\n" + ws, "1\r" + ws,
          "#c\n" + ws + "1", ws + "\n" + ws + "1")
    c(" \n 1", "\n -1", "[1]\n  ", "1\n\t", "1\n \n", "1\n \n ", "1\n\n ",
      "1\n\n \n", "\n\n  1", "  \n  1", "\t\n\t1", "1\n  \\\n", "1\n\\\n  ",
      "1\n  ", "1 \n  2", "x\n  y", "(1\n  )", "1\n )", "1\n  )", "1\n  ]",
      "'''\n  '''", "1\n\f\f ", "1\n \f", "\f\n \n1",
      "\n" + " " * 101 + "1", "\n" + "\t" * 101 + "1", " " * 101 + "1")
    # statements needing blocks
    c("if 1:\n  1", "if 1:\n1", "if 1: 1", "for x in y:\n    pass",
      "def f():\n  return 1", "def f():\nreturn 1", "class C:\n  pass",
      "while 1:\n\tpass\n", "if x:\n  pass\n else:\n  pass",
      "if x:\n    a\n  b", "try:\n\t1\n    \t1\nfinally:\n pass\n",
      "if 1:\n\t1\n        1", "with x:\n  pass")
    # a backslash in a line's indentation is always read as a continuation:
    # one not followed by a line break fails before any indent is reported
    c("1\n \\", "1\n \\x", "1\n\t\\x", "1\n  \\ x", "1\n \\\n \\x",
      "1\n \\\n\\x", "1\n \\\rx", "1\n \f \\x", "1\n\n \\x", "1\n #c\n \\x",
      "[1,\n \\x]", "[1,\n \\", "1\n \\é", "1\n \\\\", "1\n \\#", "1\n\\\n \\x")
    # indentation reached through continuations: CPython's caret (column 0
    # when the first token starts its physical line)
    c("1\n \\\n2", "1\n \\\n  2", "1\n \\\n\t2", "1\n \\\n \\\n2",
      "1\n\t\\\n2", "1\n \\\n2 3", "1\n \\\n'a'", "1\n \\\né",
      "1\n  \\\n \\\n2", "1\n \\\n   \\\n2", "1\n \\\n\f2")
    # test_ast: literal_eval syntax errors
    c("\n                \\\n                (\\\n            \\ ")
    return c.build()
