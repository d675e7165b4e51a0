"""Comments and backslash line continuation."""

from ._util import Cases


def cases():
    c = Cases()
    # comments
    c("#", "# c", "#c\n", "# c\n1", "1 # c", "1# c", "1#", "1 #\n", "1 # c\n\n",
      "# a\n# b\n1", "1\n# a\n# b", "1\n# a\n# b\n", "[1, # c\n2]", "[1 # c\n, 2]",
      "[ # c\n1]", "[1, 2 # c\n]", "{1: # c\n2}", "{1 # c\n: 2}", "(1 # c\n)",
      "(# c\n)", "# c\r\n1", "# c\r1", "1 # c\r", "[1, # c\r2]", "[1, # c\r\n2]",
      "# c \\\n1", "1 # c \\", "1 # c \\\n", "[1, # c \\\n2]",
      "'#'", "'a # b'", "'''\n# not a comment\n'''", "\"#\" # c", "# '\n1",
      "1 # '", "1 # \"\"\"", "# (\n1", "[1 # ]\n]", "1 # \xe9\u20ac\U0001f600",
      "# \xe9\n1", "# coding: latin-1\n'\xe9'", "# -*- coding: ascii -*-\n'\xe9'",
      "# coding: bogus\n1", "#!/usr/bin/env python\n1", "# type: ignore\n1",
      "1 # type: int", "# c\f\n1", "# c\v\n1", "# c\x1b\n1", "# c\x00\n1",
      "1 # c\x00", "#\ufeff\n1", "# c\u2028\n1", "# c\x85\n1", "1 #\t\t",
      "1 #" + "x" * 5000, "[\n# c\n# d\n1\n# e\n]", "# c\n", "# c\n\n\n",
      "  # c\n1", "\t# c\n1", "\f# c\n1", "\n  # c\n1", "1\n  # c\n", "1\n\t# c",
      "1\n    # c\n2")
    # backslash continuation
    c("\\\n1", "1\\\n", "\\\n", "\\", "1\\", "1 \\", "\\1", "\\ \n1", "1\\ \n",
      "1 \\ ", "(1,\\\n2)", "1,\\\n2", "1 \\\n+ 1j", "1\\\n+1j", "- \\\n1",
      "'a' \\\n'b'", "b'a' \\\n b'b'", "\\\n\\\n1", "\\\n \\\n1", "1\\\n\\\n",
      "\\\r\n1", "\\\r1", "1 \\\r\n+ 2j", "1 \\\r+ 2j", "[1, \\\n2]", "[1, \\\n\n2]",
      "\\\n    1", "\\\n\t1", "1,\\\n    2", "(\\\n1)", "(1\\\n)",
      "[1,\\", "[1,\\\n", "\\\n# c\n1", "1 \\\n# c", "1 \\\n# c\n", "1 \\\n\n",
      "1 \\\n \n", "\\\\\n1", "1 \\\\", "'\\\n'", "'''\\\n'''", "1 \\\x00",
      "1 \\\x0c\n", "1 \\\f", "1\\\f\n2", "\\\f1", "1 \\\t\n", "\\\t\n1",
      "1 +\\\n\\\n\\\n 2j", "\n\\\n1", "\n \\\n1", "1\n\\\n", "1\n\\",
      "\\\n1\\\n", "(1\n\\\n,2)", "1\\\n2", "1\\\n 2", "1\\\n\\\n\\")
    # a backslash followed by something else on a continuation line: the
    # column is counted from the start of CPython's tokenizer buffer, which
    # a continuation after a token (or a string spanning lines) does not
    # move, so it can run past the end of the line
    c("1 +\\\n \\x", "1 +\\\n \\", "1\\\n \\x", "1 +   \\\n \\x", "1 +\\\n\\x",
      "1 +\\\n \\x\n", "[1 +\\\n \\x", "f'{'\t\\\n\\\\\n", "1 +\\\n \\\n \\x",
      "1 +\\\n 1\\x", "1 +\\\n 'a'\\x", "  1 +\\\n \\x", "\t1 +\\\n \\x",
      "'\xe9' +\\\n \\x", "'\u20ac\u20ac' +\\\n \\\u20ac", "1 +\\\r\n \\x", "1 +\\\r \\x",
      "1 +\\\r\n\\\r\n \\x", "[1,\n2 +\\\n \\x", "[1,\n  2 +\\\n \\x", "[1,\\\n2,\n \\x",
      "'''a\nb''' +\\\n \\x", "1 +\\\n '''a\nb'''\\x", "# c\n1 +\\\n \\x",
      "1 + \\\n\\\n\\x", "1\n \\\n 2\\\n \\x", "1 +\\\n 2 \\")
    # the NEWLINE token after a comment starts at the `#`: errors placed at
    # it (a string group's, on 3.11 also escape errors) are reported there
    c("'\\x'#c\n", "'\\x'#c", "'\\x'  #c\n", "'\\x' #c\n1", "'\\x' #c\r\n", "'\\x' #c\r",
      "('\\x'#c\n)", "'\\N{foo}'#c\n", "'a' b'b'#c\n", "'a' b'b'  # comment\n",
      "'a' b'b' #\xe9\n", "'\xe9' b'b' #c\n", "'a' b'b'\t#c\n", "'a' b'b'\f#c\n",
      "f'{1}' b'a' #c\n", "'\\x' #c\n#d\n", "1 +  #c\n", "1 if #c\n")
    return c.build()
