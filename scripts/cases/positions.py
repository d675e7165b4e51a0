"""Error positions: SyntaxError lineno/offset/end_lineno/end_offset/text and
malformed-node positions on later lines, after CRLF / CR newlines, after
non-ASCII characters (offsets in characters vs. col_offset in UTF-8 bytes),
after the stripped leading spaces/tabs, after tabs, inside multi-line tokens."""

from ._util import Cases

NONASCII = ["\xe9", "\u20ac", "\U0001f600", "\u4e2d", "e\u0301"]


def cases():
    c = Cases()
    # errors on later lines, all newline kinds
    for nl in ("\n", "\r\n", "\r"):
        c("[1," + nl + "2," + nl + "x]", "[1," + nl + "2," + nl + "1 2]",
          "[1," + nl + nl + "   x]", "(" + nl + "1" + nl + "2" + nl + ")",
          "{" + nl + "'a': 1," + nl + "'b': ++2" + nl + "}", "'''a" + nl + "b''' x",
          "'''a" + nl + "b''' + 1", "('''a" + nl + "b''',  y)", "1" + nl + "2",
          "[" + nl + nl + nl, "[1," + nl + "'abc" + nl + "]", "#c" + nl + "#d" + nl + "x",
          "[" + nl + "f'{a b}'" + nl + "]", "[1," + nl + "'\\x']", "(1," + nl + "*x)",
          "[" + nl + "]" + nl + ")", "{1:" + nl + "2," + nl + "3}",
          "[1," + nl + "2" + nl + "3]", "(x" + nl + ":= 1" + nl + ")",
          "[1, 2," + nl + "  3 if 4]", "[1," + nl + "{[]: 1}]", "[1," + nl + "{[]}]")
    # non-ASCII before the error (offset counts characters; col_offset counts bytes)
    for na in NONASCII:
        c("['" + na + "', x]", "['" + na + "', 1 2]", "['" + na + "' x]",
          "'" + na + "' + 1", "{'" + na + "': f()}", "['" + na + na + na + "', -x]",
          "[1,\n'" + na + "', x]", "'" + na + "' '" + na + "' x", "('" + na + "',",
          "['" + na + "', '\\x']", "['" + na + "', 1$]", "'''" + na + "\n" + na + "''' x",
          na + " = 1", "[" + na + "]", "'" + na + "'[0]", "[b'" + na + "']",
          "[" + na + " 1]", "['" + na + "', 1 if 2]", "['" + na + "', (1]")
    # leading strip: offsets refer to the stripped text
    for ws in ("", " ", "    ", "\t", "\t\t", " \t "):
        c(ws + "1 2", ws + "x", ws + "[x]", ws + "(1,\n2 3)", ws + "'\\x'",
          ws + "f'{a b}'", ws + "1 +", ws + "{[]: 1}", ws + "-x", ws + "[1, 2",
          ws + "[\n x]", ws + "'abc", ws + "'''abc", ws + "1$", ws + "\xe9 1",
          ws + "{**x}", ws + "(1]")
    # tabs and form feeds inside lines
    c("[1,\t2,\tx]", "[1,\t\t1 2]", "[\tx]", "\f[x]", "[1,\f x]", "[1,\n\tx]",
      "[1,\n\t\t1 2]", "[1,\n \t x]", "(1,\n\f2 3)")
    # multi-line tokens
    c("'''a\nb\nc''' x", "'''a\nb\nc''' 1 2", "'''\n\n\n''' + x", "('''\n'''\n, x)",
      "('''\n'''\n, 1 2)", "'a\\\nb' x", "('a\\\nb', x)", "'''a\nb\nc\\x'''",
      "'''a\nb\n\\N{FOO}'''", "'''\n\n\\q''' $", "[1,\n'''\n\n''',\n1 2]",
      "b'''a\nb\n\xe9'''", "'''\n\xe9\n\xe9''' + x", "f'''\n{a b}\n'''",
      "f'''\n\n{x!z}'''", "(1\n,\n2\n,\nx\n)", "x\\\n.y", "1 +\\\n\\\n x",
      "[1,\\\n 2 3]", "(1,\\\r\n 2 3)", "(1,\\\r 2 3)")
    # very long line and late errors
    c.named("late_error_col_3000", "[" + "1, " * 1000 + "1 2]")
    c.named("late_name_col_3000", "[" + "1, " * 1000 + "x]")
    c.named("late_error_line_500", "[" + "1,\n" * 500 + "1 2]")
    c.named("late_name_line_500", "[" + "1,\n" * 500 + "x]")
    c.named("late_name_line_500_crlf", "[" + "1,\r\n" * 500 + "x]")
    c.named("late_name_line_500_cr", "[" + "1,\r" * 500 + "x]")
    c.named("late_name_after_nonascii", "['" + "\u20ac" * 300 + "', x]")
    c.named("late_error_after_nonascii", "['" + "\u20ac" * 300 + "', 1 2]")
    c.named("late_error_after_astral", "['" + "\U0001f600" * 150 + "', 1 2]")
    # the "leading zeros" error's columns are UTF-8 bytes in CPython
    for pre in ("\u00e9 ", "[\u00e9, ", "'\u00e9', ", "'\u20ac\u20ac', ", "x\n'\u00e9' ",
                "[1,\n'\u00e9\u00e9', ", "'\U0001f600' "):
        c(pre + "01", pre + "0_1", pre + "007")
    # A parser error on a line reached through a line continuation or a
    # string spanning lines: CPython converts its byte column to characters
    # with its tokenizer buffer, which starts on the earlier line, so
    # non-ASCII text there moves the column.
    firsts = ("'\u00e9\u00e9\u00e9' +\\\n", "'\u00e9'+'\u00fc' +\\\n",
              "'''\u00e9\n\u00e9\u00e9''' +\\\n", "['\u00e9\u00e9\u00e9',\\\n",
              "'''\u00e9\u00e9\n", "x +\\\n", "'\u00fc' +\\\n  \\\n",
              "('\u00e9\u00e9\u00e9',\n", "{'\u00fc':\\\n", "'\u00e9' '\u00e9'\\\n",
              "b'x' +\\\r\n", "'\u00e9' +\\\r\n", "'''\u00e9\r\n")
    seconds = ("    $", " 1 2", "(1 2)", "f(**)", "1 +", "1 +\n", "(", "()()(\n",
               "'\\N{foo}'", "u'\u00e9' b'x'", "\u00e9 \u00e9", "[1 2]",
               "1 if 2 else", "{1:}")
    for first in firsts:
        for second in seconds:
            c(first + second, first + second + "\n1")
    return c.build()
