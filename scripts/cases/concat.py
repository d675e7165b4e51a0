"""Implicit concatenation of adjacent string/bytes literals."""

import itertools

from ._util import Cases

PIECES = ["'a'", "\"b\"", "'''c'''", "r'\\d'", "u'e'", "R\"f\"", "b'g'", "rb'h'",
          "B\"i\"", "f'j'", "rf'k'", "f'{1}'"]


def cases():
    c = Cases()
    for a, b in itertools.product(PIECES, repeat=2):
        c(a + " " + b)
    for a, b, d in (("'a'", "b'b'", "'c'"), ("b'a'", "'b'", "b'c'"),
                    ("'a'", "'b'", "b'c'"), ("b'a'", "b'b'", "'c'"),
                    ("'a'", "f'b'", "b'c'"), ("b'a'", "f'b'", "'c'"),
                    ("f'a'", "b'b'", "'c'"), ("'a'", "'b'", "f'c'"),
                    ("b'a'", "b'b'", "f'c'"), ("'a'", "u'b'", "r'c'")):
        c(a + " " + b + " " + d)
    c("'a''b'", "'a'\"b\"", "'a'  'b'", "'a'\t'b'", "'a'\f'b'", "'a' \\\n'b'",
      "'a'\\\n'b'", "('a'\n'b')", "('a'\r\n'b')", "('a'\r'b')", "['a'\n'b']",
      "{'a'\n'b': 'c'\n'd'}", "('a' # c\n 'b')", "('a'\n\n'b')", "('a'\n  'b')",
      "'a'\n'b'", "'a'\n 'b'", "'a' 'b',", "('a' 'b',)", "('a', 'b')",
      "'a' 'b' 'c' 'd' 'e'", "'''a''' '''b'''", "'''a\n''' 'b'", "'a' '''\nb'''",
      "('a'\n'''b\nc'''\n'd')", "'' ''", "b'' b''", "'' b''", "b'' ''",
      "f'' ''", "'' f''", "b'' f''", "f'' b''", "'a' b''", "'' 'b' b''",
      "'a' 'b' b'c' 'd'", "('a'\nb'b')", "(b'a'\n'b')", "('a',\nb'b')",
      "'a' 1", "1 'a'", "'a' x", "'a' ('b')", "('a') 'b'", "'a' + 'b'",
      "'a' * 2", "'a' 'b'[0]", "-'a' 'b'", "'a' 'b' if 1 else 'c'",
      "'\\x41' r'\\x41'", "r'\\x41' '\\x41'", "b'\\x41' br'\\x41'",
      "'\\q' '\\w' '\\e'", "'a' '\\x'", "'\\x' 'a'", "b'a' b'\\x'",
      "'\xe9' b'a'", "b'a' '\xe9'", "b'a' b'\xe9'", "'a' '\U0001f600'",
      "'\\N{SPACE}' '\\N{FOO}'", "'a' 'b\n'", "'a' 'b", "'a' '''b")
    c("''" * 1000, "'a' " * 1000, "(" + "'a'\n" * 1000 + ")",
      "b'a' " * 1000, "'a' " * 999 + "b'a'", "b'a' " * 999 + "'a'",
      "'a' " * 999 + "f'a'", "'\\q' " * 100)
    return c.build()
