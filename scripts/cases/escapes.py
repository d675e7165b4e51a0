"""Backslash escapes in str and bytes literals (non-raw and raw): every ASCII
character after a backslash, octal/hex/\\u/\\U boundaries, truncated escapes at
various positions (error positions count bytes of the literal), warnings (one
per token, line numbers), escapes next to line continuations."""

from ._util import Cases


def cases():
    c = Cases()
    # every printable ASCII character (and a few others) after a backslash
    chars = [chr(i) for i in range(0x20, 0x7f)] + ["\xe9", "\u20ac", "\U0001f600",
                                                   "\x7f", "\x01", "\t", "\f", "\v"]
    for ch in chars:
        body = "\\" + ch
        if ch == "'":
            c("'" + body + "'", "b'" + body + "'", "r'" + body + "'", "rb'" + body + "'")
            continue
        c("'" + body + "'", "b'" + body + "'")
        if ch in "xuUN01234567":
            c("r'" + body + "'", "rb'" + body + "'")
    # octal escapes
    for o in ("0", "7", "00", "07", "77", "000", "001", "012", "123", "177", "200",
              "377", "400", "401", "477", "500", "777", "0000", "0001", "1234",
              "3777", "4000", "7777", "18", "19", "08", "09", "378", "778", "8",
              "80", "9"):
        c("'\\" + o + "'", "b'\\" + o + "'")
    c("'\\400\\400'", "'\\400' '\\400'", "'\\777\\q'", "'\\q\\777'", "b'\\777\\q'",
      "'\\777' b'\\777'", "'\\1\\2\\3'", "'a\\0b'", "'\\0\\0'", "'''\n\\407'''",
      "b'''\n\\407'''", "'''\\407\n\\408'''")
    # hex
    for h in ("00", "0f", "0F", "7f", "80", "ff", "FF", "fF", "a", "0", "", "g", "0g",
              "g0", " 1", "-1", "+1", "1_0", "\xe9", "0\xe9", "000", "fff"):
        c("'\\x" + h + "'", "b'\\x" + h + "'")
    # truncated escapes at various positions: the error message quotes byte positions
    for pre in ("", "a", "abcde", "\xe9", "\u20ac", "\U0001f600", "\\n", "\\x41",
                "\\N{SPACE}", "\\u20ac", "ab\ncd"):
        for esc in ("\\x", "\\x4", "\\u", "\\u12", "\\U", "\\U0001F60", "\\N",
                    "\\N{", "\\N{FOO}", "\\U00110000"):
            q = "'''" if "\n" in pre else "'"
            c(q + pre + esc + q)
        c("b'" + pre + "\\x'" if pre.isascii() and "\n" not in pre else "b'a\\x'")
    c("'\\x' 'a'", "'a' '\\x'", "'a'\n'\\x'", "('a'\n'\\x')", "('a',\n'\\x')",
      "[1,\n2,\n'\\x']", "  '\\x'", "'''\n\n\\x'''", "'''a\nb\\x'''", "b'''\n\nb\\x'''",
      "'\\x' $", "'\\xzz' '\\q'", "'\\q' '\\xzz'", "'''\r\n\\x'''", "'''\r\\x'''")
    # \u and \U
    for u in ("0000", "0041", "00e9", "00E9", "20ac", "d7ff", "d800", "dbff", "dc00",
              "dfff", "e000", "fffe", "ffff", "FFFF", "12", "", "123g", "{1234}",
              "00411"):
        c("'\\u" + u + "'")
    for u in ("00000000", "00000041", "0001f600", "0001F600", "0000d800", "0000dfff",
              "0010ffff", "0010FFFF", "00110000", "0011ffff", "7fffffff", "80000000",
              "ffffffff", "FFFFFFFF", "1234", "0001f60", "0001f60g", "", "{1f600}",
              "000e0001", "0001f6000"):
        c("'\\U" + u + "'")
    c("'\\ud83d\\ude00'", "'\\ud83d' '\\ude00'", "'\\ude00\\ud83d'", "'\\ud800\\ud800'",
      "'\\U0000d83d\\U0000de00'", "('\\ud800',)", "{'\\ud800': '\\udfff'}",
      "{'\\ud800', '\\ud800'}", "'\\ud800' 'a'", "'a\\ud800b'", "b'\\ud800'")
    # simple escapes all together
    c("'\\a\\b\\f\\n\\r\\t\\v'", "b'\\a\\b\\f\\n\\r\\t\\v'", "'\\\\\\'\\\"'",
      "b'\\\\\\'\\\"'", "'\\0'", "b'\\0'")
    # line continuation inside literals
    c("'a\\\nb'", "'a\\\r\nb'", "'a\\\rb'", "'''a\\\nb'''", "'''a\\\r\nb'''",
      "'''a\\\rb'''", "b'a\\\nb'", "'\\\n\\\n'", "'\\\\\n'", "'\\\\\\\n'",
      "'a\\\n", "'a\\\n\\\n", "'\\\n'", "r'a\\\nb'", "rb'a\\\nb'")
    # warnings: one per token, line numbers, category per version
    c("'\\q'", "'\\q\\w'", "'\\q' '\\w'", "('\\q'\n'\\w')", "['\\q',\n'\\w']",
      "'''\n\\z'''", "'''\n\n\\z'''", "'''a\\z\n\\y'''", "b'''\n\\z'''", "'\\q' + 1",
      "'\\q' 1", "[\n'\\q'\n$]", "b'\\q' '\\w'", "'\\q' b'\\w'", "'\\8' '\\9'",
      "('\\q',\n\n'\\w',\n\n'\\e')", "'\\q' if 1 else '\\w'", "x('\\q')",
      "'\\%'", "'\\.'", "'\\_'", "'\\\xe9'", "'\\\U0001f600'", "'\\ '",
      "b'\\ '", "f'\\q'", "f'\\q{1}'", "rf'\\q'", "'\\q' f'\\w'",
      "  '\\q'", "\n'\\q'", "\r\n\r\n'\\q'", "'\\q'\n", "\\\n'\\q'")
    return c.build()
