"""Unicode in source: non-ASCII identifiers, NFKC-normalised names (fullwidth
'ｓｅｔ()' is the set() call), invalid characters, non-printable characters,
BOM, NUL, astral text, Unicode-version-dependent identifiers and reprs."""

from ._util import Cases

FULLWIDTH_SET = "\uff53\uff45\uff54"          # ｓｅｔ
MATH_BOLD_SET = "\U0001d42c\U0001d41e\U0001d42d"   # 𝐬𝐞𝐭
MATH_ITALIC_SET = "\U0001d460\U0001d452\U0001d461"  # 𝑠𝑒𝑡


def cases():
    c = Cases()
    # non-ASCII identifiers
    c("\xe9", "\xf1ame", "\u540d\u524d", "x\u0301", "\u03b1", "\u03c6", "\u03d5",
      "\u2118", "\u212e", "\u309b", "\u1885", "\u00b7", "x\u00b7", "\u0387",
      "x\u0387", "\U0001d465", "\U00020000", "\u0e01", "_\xe9", "\xe9_1", "\u0660",
      "x\u0660", "\u2160", "\u3005", "\uff21", "\u1e9b\u0323", "\ufb01", "\u2163",
      "\u00aa", "\u00ba", "\u02b0", "\u1d43")
    # NFKC-normalised spellings of set / True / None ...
    for s in (FULLWIDTH_SET, MATH_BOLD_SET, MATH_ITALIC_SET):
        c(s + "()", "(" + s + ")()", s + "( )", "[" + s + "()]", "{" + s + "(): 1}",
          s + "(1)", s, "{" + s + "()}")
    c("s\uff45t()", "\uff53et()", "se\U0001d42d()", "\u017fet()", "\u1e9bet()",
      "\uff34\uff52\uff55\uff45", "\uff2e\uff4f\uff4e\uff45", "\uff26\uff41\uff4c\uff53\uff45",
      "\U0001d413rue", "\U0001d40d\U0001d428\U0001d427\U0001d41e",
      "\ufb01", "\u2168", "\uff11", "\uff11\uff12", "1\uff12", "\uff10x10",
      "\uff3f", "\u0130", "\u212a", "\u2126", "\u00b5", "\u1e9e",
      "\uff4c\uff41\uff4d\uff42\uff44\uff41: 1", "\uff4e\uff4f\uff54 1",
      "1 \uff49\uff46 1 \uff45\uff4c\uff53\uff45 2", "\uff49\uff4e", "f\uff08\uff09",
      "x.\uff53\uff45\uff54", "\uff41\uff4e\uff44")
    # invalid printable characters
    for ch in ("\u20ac", "\xac", "\xab", "\xbb", "\u2014", "\xd7", "\xf7", "\u2018",
               "\u2019", "\u201c", "\u201d", "\uff0c", "\uff08", "\uff09", "\uff3b",
               "\uff1a", "\u2044", "\u2212", "\xb2", "\xbd", "\u2192", "\u2260",
               "\u2026", "\xa9", "\U0001f600", "\U0001f1fa", "\u0301", "\u0660\u0661",
               "\u3002", "\u3001", "\u300c", "\xa7", "\xb0", "\u2022", "\u221e",
               "\u2028"):
        c(ch, "1" + ch, "[1, " + ch + "]", "x" + ch, ch + "x")
    c("\u201chello\u201d", "\u2018a\u2019", "[1\uff0c 2]", "\uff081\uff09",
      "1 \u2212 1", "\u22121", "1\u20442", "x\u00b2", "\u00bd", "\u221e",
      "[\u20ac\n]", "[1,\n\u20ac]", "(\n\n\u2028)")
    # non-printable characters (Cc, Cf, Co, Cn, Zs...) outside strings
    for cp in (0x1, 0x7, 0x1b, 0x7f, 0x80, 0x85, 0x9f, 0xa0, 0xad, 0x61c, 0x180e,
               0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202e, 0x2060,
               0x2066, 0x2069, 0xfeff, 0xfff9, 0xfffe, 0xffff, 0xe000, 0xf8ff,
               0x378, 0xe0001, 0xe007f, 0xf0000, 0x10fffd, 0x10ffff, 0x1d173):
        ch = chr(cp)
        c(ch, ch + "1", "1" + ch, "[1," + ch + "2]", "'" + ch + "'")
    # BOM and NUL
    c("\ufeff", "\ufeff1", "\ufeff 1", " \ufeff1", "1\ufeff", "'\ufeff'", "#\ufeff\n1",
      "\ufeff#\n1", "\x00", "\x001", "1\x00", " \x00", "'\x00'", "b'\x00'", "# \x00\n1",
      "[1,\n\x00]", "\x00\n1 2", "1 2\x00", "'\\x00'", "'\\0'", "'''\x00'''")
    # astral (non-BMP) text in strings and identifiers
    c("'\U0001f600'", "'\U0001f600\U0001f601'", "['\U0001f600', '\U00010000']",
      "{'\U0001f600': '\U0010fffd'}", "'\U0001d11e' '\U0001f3b5'", "\U0001d465 + 1",
      "'\U00020000\U0002a6df'", "'\U000e0061'", "'\U0001f468\u200d\U0001f469'",
      "b'\U0001f600'", "'\U0001f600' x", "f'\U0001f600{x}'")
    # Unicode-version-dependent identifiers (15.0 / 15.1 additions) and reprs
    c("x\U0001123f", "\U0001123f", "\U0001e4d0", "\U0001b132", "\U00031350",
      "\U0002ebf0", "'\U0001123f'", "'\U00031350'", "'\U0002ebf0'", "'\U0001fa75'",
      "'\u0cf3'", "'\u31ef'", "'\\U0001123f'", "'\\U00031350'", "'\\U0002ebf0'",
      "'\\U0001fa75'", "'\\u0cf3'", "'\\u31ef'", "'\\U0001e4d0'", "'\\U00010efd'",
      "\u0cf3", "x\u0cf3", "\u31ef", "\U0001fa75")
    return c.build()
