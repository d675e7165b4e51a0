"""Bytes literals: ASCII-only source characters, control characters, all 256
byte values, escapes that are invalid in bytes, raw bytes, repr details."""

from ._util import Cases


def cases():
    c = Cases()
    c("b''", "b'a'", "B'a'", "b\"a\"", "b'''a'''", "b\"\"\"a\"\"\"", "b'\\''",
      "b'\"'", "b\"'\"", "b'\\\"'", "b'a\"b\\'c'", "b\"a'b\"", "b'\\\\'", "b' '",
      "b'\\x00'", "b'\\xff'", "b'\\x80'", "b'\\x7f'", "b'\\t\\n\\r'",
      "b'\\x0b\\x0c'", "b'\\a\\b\\v\\f'", "b'\\0'", "b'\\00'", "b'\\000'",
      "b'\\377'", "b'\\400'", "b'\\777'", "b'\\1234'", "b'\\18'", "b'\\8'")
    # all 256 byte values via \x escapes, and printable ASCII raw
    c("b'" + "".join("\\x%02x" % i for i in range(256)) + "'")
    c("b'" + "".join(chr(i) for i in range(0x20, 0x7f) if chr(i) not in "'\\") + "'")
    c("b'" + "".join(chr(i) for i in list(range(1, 0x20)) + [0x7f]
                     if chr(i) not in "\n\r") + "'")
    # non-ASCII source characters (always rejected, raw or not)
    for ch in ("\x80", "\xa0", "\xe9", "\xff", "\u0100", "\u20ac", "\ufeff",
               "\U0001f600", "\u2028", "\x85"):
        c("b'" + ch + "'", "rb'" + ch + "'", "b'a" + ch + "'", "b'''\n" + ch + "'''",
          "b'\\" + ch + "'")
    c("b'\\xe9' b'\xe9'", "[b'a', b'\xe9']", "b'\xe9' $", "b'\xe9",
      "b'\xe9\\x'", "b'\\x\xe9'", "(b'a'\nb'\xe9')")
    # invalid escapes in bytes (kept + warning)
    for esc in ("\\u0041", "\\U00000041", "\\N{SPACE}", "\\q", "\\8", "\\9", "\\e",
                "\\ ", "\\u", "\\U", "\\N", "\\N{"):
        c("b'" + esc + "'")
    c("b'\\x'", "b'\\x0'", "b'\\xg'", "b'\\x0g'", "b'a\\x'", "b'ab\\x1'",
      "b'\\x41\\x'", "b'''\n\\x'''", "b'\\x' b'a'", "b'a' b'\\x'")
    # raw bytes
    for p in ("br", "bR", "Br", "BR", "rb", "rB", "Rb", "RB"):
        c(p + "'\\x00'", p + "'\\''")
    c("rb''", "rb'\\'", "rb'\\\\'", "rb'\\q'", "rb'\\777'", "rb'\\u1234'",
      "rb'\\\n'", "rb'''a\nb'''", "rb'''a\r\nb'''", "rb'''a\rb'''")
    # multi-line and triple-quoted
    c("b'''a\nb'''", "b'''a\r\nb'''", "b'''a\rb'''", "b'a\\\nb'", "b'a\nb'",
      "b\"\"\"'''\"\"\"", "b'''\"\"\"'''")
    # repr details
    c("b'\\''", "b'\\'\"'", "b'\"'", "b'\\x27\\x22'", "b'\\x5c'", "b'\\x09\\x0a\\x0d'",
      "b'\\x0b'", "b'\\x1b[0m'", "b'\\x7e\\x7f\\x80'")
    # bytes in containers / sets / dicts
    c("[b'a', b'b']", "{b'a': 1, 'a': 2}", "{b'a', b'a'}", "{b'', ''}",
      "{b'1': 1, 1: 2}", "(b'x',)", "b'" + "x" * 3000 + "'")
    # bytes operations (not literals)
    c("b'a' + b'b'", "b'a' * 2", "b'a'[0]", "-b'a'", "b'a'.hex()", "bytes(1)",
      "bytearray(b'a')", "b'a' b'b'", "b'a' 'b'", "'a' b'b'", "b'a' rb'b' Br'c'")
    return c.build()
