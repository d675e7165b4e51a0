"""String literals: prefixes (all 1- and 2-letter combinations and selected
3-letter ones), quote styles, triple quotes, raw strings, unterminated
literals, newlines inside literals, non-ASCII content and repr quoting."""

import itertools

from ._util import Cases

LETTERS = "rRbBuUfFtT"


def cases():
    c = Cases()
    # prefixes
    for n in (1, 2):
        for p in itertools.product(LETTERS, repeat=n):
            p = "".join(p)
            c(p + "'a'")
            if n == 1:
                c(p + '"a"', p + "'''a'''", p + '"""a"""', p + "''", p + "'\\n'",
                  p + "'\\''", p + "'\\\\'")
    for p in ("rbr", "brb", "bru", "urb", "rbf", "frb", "fbr", "brf", "rfb",
              "bfr", "rbt", "xrb", "rbx", "abc", "x", "z", "_", "rb_", "_rb"):
        c(p + "'a'")
    c("rb 'a'", "r 'a'", "b 'a'", "u 'a'", "f 'a'", "r\n'a'", "(r\n'a')",
      "R'a'R'b'", "b'a'b'b'", "r'a'r'b'", "x'a'", "x 'a'", "1'a'", "1 'a'",
      "'a'1", "'a' 1", "'a'x", "'a'r", "'a'rb", "'a' b", "'a'.b", "'a'[0]")
    # quotes
    c("''", '""', "''''''", '""""""', "'\"'", '"\'"', "'\\''", '"\\""',
      "'''\"'''", '"""\'"""', "'''\"\"\"'''", '"""\'\'\'"""', "'''''a'''",
      "'''a'''''", "\"\"\"a\"\"\"\"\"", "'''a\\''''", "''''a'''", "'''a''''",
      "'''a'' '''", "''' ' '' '''", "'a''b'", "'a'\"b\"", "'''a'''\"b\"",
      "\"'\"'\"'", "'it''s'", "\"it's\"", "'it\\'s'", "'\\\"'", "\"\\'\"")
    for q in "'\"":
        for n in range(1, 11):
            c(q * n)
            c(q * n + "a" + q * n)
    # unterminated
    c("'abc", '"abc', "'''abc", '"""abc', "'abc\n'", "'abc\\", "'abc\\'",
      "'''abc''", "'''abc'", "'''a\nb", "'''a\nb\n", "'''\n\n\n", "'a\r'",
      "'a\r\n'", "[1, 'abc", "[1, 'abc]", "\"a'", "'a\"", "'''a\"\"\"",
      "1, '", "1, '''", "1\n'", "1\n'''", "'\\", "'\\\n", "r'\\", "r'\\'",
      "rb'\\'", "b'abc", "b'''abc", "u'abc", "'\u20ac", "'\u20ac\n'",
      "'''\u20ac\n\u20ac", "\n\n'abc", "\n\n'''abc\n\n", "'\\\\\\'",
      "'a\\\\'", "'a\\\\\\\\'", "r'a\\\\'", "r'a\\\\\\'", "'\x00", "'a\x00'")
    # raw strings
    c("r''", "r'\\''", "r'\\\"'", "r\"\\\"\"", "r'\\\\'", "r'\\\\\\''",
      "r'\\x'", "r'\\u'", "r'\\U'", "r'\\N'", "r'\\N{SPACE}'", "r'\\777'",
      "r'\\q'", "r'\\n'", "r'\\\n'", "r'''\\\n'''", "r'\\\r\n'", "r'\\\r'",
      "R'\\x41'", "r'''a\\'''", "r'''a\\''''", "r'''\\''''", "r'a\\'b'",
      "r'\\ud800'", "r'\\U00110000'", "r'\\x' 'a'", "r'\\{'", "r'\\\\x'")
    # triple-quoted with newlines (all newline styles are normalised)
    c("'''a\nb'''", "'''a\r\nb'''", "'''a\rb'''", "'''a\n\rb'''",
      "'''a\r\r\nb'''", "'''\n'''", "'''\r'''", "'''\r\n'''", "'''\n\n\n'''",
      "\"\"\"\n  indented\n    more\n\"\"\"", "'''a\fb'''", "'''a\vb'''",
      "'''a\x85b'''", "'''a\u2028b'''", "'''\\\r\n'''", "'''a\\\rb'''",
      "r'''a\rb'''", "b'''a\rb'''", "'''a\tb'''", "'''a\x00b'''")
    # non-ASCII content
    c("'\xe9'", "'\u20ac'", "'\u4e2d\u6587'", "'\U0001f600'", "'\U0001f1fa\U0001f1f8'",
      "'e\u0301'", "'\u0301'", "'\u200b'", "'\u200d'", "'\ufeff'", "'\u2028'",
      "'\u2029'", "'\x85'", "'\xa0'", "'\xad'", "'\u00ff'", "'\u0100'",
      "'\uffff'", "'\ufffe'", "'\ufffd'", "'\ue000'", "'\U000f0000'",
      "'\U0010ffff'", "'\U0010fffe'", "'\u0378'", "'\U000e0001'", "'\u061c'",
      "'\u202e'", "'\u05d0\u05d1'", "'\u0627\u0644'", "'\U0001d11e'",
      "'\U00020000'", "'\u1100\u1161'", "'\uac00'", "'\x7f'", "'\x80'",
      "'\x9f'", "'\u3000'", "'\u1680'", "'\U0001fa75'", "'\U00010efd'",
      "'\U00031350'", "'\U0002ebf0'", "'\u31ef'", "'\U000e0100'",
      "\"\U0001f600'\"", "'\U0001f600\"'", "'\u2028\u2029\x85\x1c\x1d\x1e'")
    # repr quote selection
    c("'a\"b'", "\"a'b\"", "'a\\'b\"c'", "\"a'b\\\"c\"", "'\\'\\''", "'\"\"'",
      "\"''\"", "'\\\\'", "'\\\\\\''", "'\\t\\n\\r'", "'\\x00\\x1f\\x7f'",
      "'\\x80\\x9f\\xa0\\xad'", "'\\u2028'", "'\\U0001f600'", "'\\ud800'",
      "'\\udfff\\ud800'", "'\\ud83d\\ude00'", "'\\U000e0001'", "'\\x85'")
    # strings in containers and long strings
    c("['a', \"b\", '''c''', \"\"\"d\"\"\"]", "('',)", "{'': ''}", "{'a', 'a'}",
      "'" + "a" * 3000 + "'", "'" + "\\n" * 1000 + "'", "'''" + "\n" * 1000 + "'''",
      "'" + "\u20ac" * 300 + "'", "'" + "\U0001f600" * 200 + "'")
    return c.build()
