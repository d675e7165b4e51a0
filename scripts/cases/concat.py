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
    # a string group with a conversion error before the end of the input
    # inside brackets (3.11 converts the group after reading the next token:
    # "'[' was never closed"; 3.12+ converts each string as it is read, but
    # checks the bytes/str mix after the group)
    c("[' \\x'", "(b'a' 'b'", "[b'\\xe9'", "[b'é'", "['\\N{foo}'", "[1, 'a' '\\x'",
      "['\\x' 'a'", "{'\\x'", "['\\x'\n", "['\\x' # c", "['\\x' \\\n", "['\\x'\n\n",
      "'\\x'", "b'a' 'b'", "(b'a' f'x'", "(f'x' b'a'", "[f'{'", "[f'{1!z}'", "[f'\\x'",
      "[rb'a' 'b'", "['a'\n'\\x'", "[('\\x'", "['\\x', ", "['\\x' 1", "['\\x' ,",
      "(b'a' 'b' 1", "(b'a' 'b')", "[\"\"\"\\x\"\"\"", "[u'\\x'", "['\\777'", "[b'\\x4'",
      "['\\U1234'", "[1, b'a'\n'b'", "[f'{x}' b'a'", "(b'a' 'b' '\\x'", "('\\x' b'a'",
      "[x for x in '\\x'", "['\\x' '''", "['\\x' '", "['\\x' 1e", "['\\x' 09",
      "['\\x' $", "['\\x' )", "['\\x' \\x")
    # conversion errors against tokenizer errors that follow (3.12+: the
    # conversion error comes first; a tokenizer error inside an f-string
    # does not replace it)
    c("'\\x' \\x", "'\\x' \\", "'\\x' 1_", "'a' '\\x' \\", "b'\\xe9' \\x",
      "(b'a' 'b' \\x", "'\\x'\n \\x", "['\\x' '''", "[\n'\\x'", "[\n'\\x'\n",
      "(b'a'\n'b'", "[1,\n b'a' 'b'\n", "\"\\xhh\" \\", "\"\\xhh\" \\\n", "'\\x' $",
      "['\\x' $", "'\\x' 09", "'\\x' 'a' \\x", "b'a' 'b' \\x", "b'a' 'b' \\",
      "f'{x}' b'a' \\", "[f'{x}' b'a' \\", "'\\x' f'{'", "['\\x' f'{'", "[f'{x}' b'a'\n",
      "[f'{x}'\nb'a'", "(b'a' f'{x}'", "(b'a' f'x' 1", "[b'a' + 'b'", "['\\x' +",
      "['\\x',", "[ '\\N{x}' '\\x'", "{1: '\\x'", "{'\\x':", "[b'é' 'a'", "[b'a' b'é'",
      "'\\x' ')'", "'\\x' )", "('\\x' )", "['\\x' )", "x = '\\x' \\x", "['\\x'] \\x",
      "[['\\x'", "[1 '\\x'", "[1, '\\x' 2", "'\\x' '\\x' \\x")
    # a conversion error before a later group's bytes/str mix: the first
    # error raised stands
    c("('\\x',b'a'f'{x}'f'{x}'\n", "('\\x', b'a' 'b'\n", "('\\x', b'a' 'b')", "['\\x', b'a' 'b' 1",
      "[b'\u00e9', b'a' 'b'", "[1e, b'a' 'b'")
    # an error placed at the token after a string group, in brackets left
    # open on an earlier line: when that token ends the input and is read by
    # looking one character past it (name, number, operator), CPython's
    # tokenizer is done and the scan for an unclosed bracket is skipped
    c("(f'{'b'a'\n orb", "(f'{'\n 1", "(f'{'\n 1 ", "(f'{'\n 1 2", "(f'{'\n orb\n",
      "(f'{'\n +", "(f'{'\n **", "(f'{'\n $", "(f'{'\n 1#c", "(f'{'\n 'a'",
      "(f'}'\n 1", "('\\x'\n orb", "('\\x'\n 1", "(b'a' 'b'\n 1", "(b'a' 'b'\n 1 ",
      "(b'a' 'b'\n ,", "[b'a' 'b'\n 1.5j", "(b'a' 'b'\n orb\n", "(b'a' 'b'\n 0x",
      "[\n'\\x'\n 1", "(f'{'\n\n 1")
    return c.build()
