"""Values whose repr needs care: str escaping (isprintable per Unicode version,
quote choice), bytes escaping, float and complex formatting (shortest repr,
exponent switch at 1e16 / 1e-4, inf, signed zeros)."""

from ._util import Cases

# one code point per interesting general category / property
CODEPOINTS = [
    0x00, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b, 0x1f, 0x20, 0x22, 0x27, 0x5c,
    0x7e, 0x7f, 0x80, 0x85, 0x9f, 0xa0, 0xa1, 0xad, 0xff, 0x100, 0x2ff, 0x300, 0x34f,
    0x378, 0x37e, 0x600, 0x61c, 0x6dd, 0x70f, 0x8e2, 0x1680, 0x180e, 0x2000, 0x200a,
    0x200b, 0x200e, 0x2028, 0x2029, 0x202f, 0x205f, 0x2060, 0x2064, 0x2065, 0x206f,
    0x3000, 0xd7ff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe000, 0xf8ff, 0xfdd0, 0xfeff,
    0xfff9, 0xfffb, 0xfffc, 0xfffd, 0xfffe, 0xffff, 0x10000, 0x1000c, 0x110bd,
    0x13430, 0x1bca0, 0x1d173, 0x1f000, 0x1f600, 0x1fa75, 0x1fffe, 0x20000, 0x2a6df,
    0x2a6e0, 0x2b739, 0x2ebf0, 0x31350, 0x323af, 0x323b0, 0xe0001, 0xe0020, 0xe007f,
    0xe0100, 0xe01ef, 0xe01f0, 0xeffff, 0xf0000, 0xffffd, 0x100000, 0x10fffd, 0x10ffff,
    0x10efd, 0x1123f, 0x1e4d0, 0x0cf3, 0x31ef, 0x2ffc,
]


def cases():
    c = Cases()
    for cp in CODEPOINTS:
        if cp <= 0xffff:
            c("'\\u%04x'" % cp)
        else:
            c("'\\U%08x'" % cp)
    # all of Latin-1 in one string, all ASCII controls
    c("'" + "".join("\\x%02x" % i for i in range(256)) + "'")
    c("'" + "".join("\\u%04x" % i for i in range(0x2000, 0x2070)) + "'")
    # quote selection
    c("'a'", "\"a\"", "'\\''", "'\"'", "'\\'\"'", "'\\'\\'\"'", "'\"\"\\''",
      "'\\\\'", "'\\\\\\''", "\"\\\\\\\"\"", "''", "'\\x00\\''")
    # bytes escaping
    c("b'" + "".join("\\x%02x" % i for i in range(0, 256, 3)) + "'",
      "b'\\''", "b'\"'", "b'\\'\"'", "b'\\\\'", "b'\\t\\n\\r\\x0b\\x0c'")
    # floats
    for f in ("0.0", "-0.0", "1.0", "1e16", "1e15", "9999999999999998.0",
              "12345678901234567.0", "1e-4", "1e-5", "0.0001", "0.00001",
              "0.00012345", "1.5e300", "1e308", "1e309", "-1e309", "5e-324",
              "2.5e-323", "0.1", "1/3", "0.3333333333333333", "2.0**0.5",
              "1.4142135623730951", "123456789.0", "1.0000000000000002",
              "0.30000000000000004", "100.0", "1e2", "1E2", "1.5e1", "1e+16",
              "1e-07", "1.7976931348623157e308", "2.2250738585072014e-308",
              "4.94e-324", "1e22", "1e21", "1e20", "1e17", "123e-20"):
        c(f)
    # complex
    for z in ("1j", "-1j", "0j", "-0j", "1e16j", "1e15j", "1e-5j", "1e309j",
              "1+1j", "1-1j", "-1+1j", "1.5+2.5j", "1e309+1j", "1e309-1e309j",
              "-0.0+1j", "0.0-0j", "1e-400+1e-400j", "1e16+1e16j", "0.1+0.2j",
              "1j+0", "(1+0j)", "(-0-0j)", "1e309+0j", "-1e309+0j", "1e300+1e300j",
              "5e-324+5e-324j", "-1e-5-1e-5j"):
        c(z)
    # ints
    c("0", "-0", "1", "-1", str(2 ** 63), "-" + str(2 ** 63), str(2 ** 64 - 1),
      str(10 ** 100), "0x" + "f" * 100, "-0b1" + "0" * 200, "0o" + "7" * 100)
    # containers printing
    c("[1, 'a', b'b', 1.0, 1j, None, True, ..., (), [], {}, set()]",
      "(1,)", "((),)", "([],)", "{1: {2: [3, (4,)]}}", "{(1,): (2,)}", "[-0.0, 0.0]",
      "{'a': -0.0}", "{-0.0}", "[1e309, -1e309]", "[[[[]]]]", "{(): set()}")
    return c.build()
