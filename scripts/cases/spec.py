"""Every example input of /work/shared/spec/cpython-literal-eval.md and
literal-eval-issues.md, verbatim (inputs larger than ~20 kB are scaled down;
the scaled form is noted next to it).  Grouped by spec section.

To keep the data files small, spec inputs longer than 1000 characters are not
emitted here: each of them is present verbatim in a topic group (int_limit,
operator_chains, numbers) or, for the scaled-down size examples, represented
by a smaller input of the same shape in containers / strings."""

BIG = 1000

from ._util import Cases


def cases():
    c = Cases()
    # §1 whitelist table
    c("(set)()", "set( )", "set(\n)", "set()", "set([])", "set(*())", "set(**{})",
      "frozenset()", "dict()", "{**x}")
    # §1.1 numeric operators
    c("-6", "+6", "- 1", "-(1)", "+3.25", "-6j",
      "--1", "-+1", "-(-1)", "++6",
      "+True", "-True", "-None", "-'a'", "-...",
      "1+1j", "-3.5-2j", "0x10+1j", "1e3+1j", "(1)+1j", "1+(1j)", "(3+6j)", "(1\n+2j)",
      "1j+1", "1j+1j", "-6j+3", "1+-1j", "3+(0+6j)", "-(3+6j)", "1+2j+3", "1+1j+1j",
      "2+3", "1.0+2.0", "1-1", "1*1j", "2**3", "1@1", "'a'+'b'",
      "1+True", "1\n+2j",
      "1" * 400 + "+1j", "2" * 309 + "+1j", "0x" + "f" * 300 + "+1j",
      "1" * 309 + "+1j", "1" * 400 + ".0+1j")
    # signed zeros table
    c("-0j", "-(0j)", "-1j", "1-0j", "-1-0j", "-1.0-0j", "-0.0-0j",
      "-0.0+0j", "0-0j", "-0-0j", "1e999-1e999j", "-0", "-0.0")
    c("nan", "inf", "float('nan')")
    # §1.2 non-literal nodes
    c("x", "nan", "inf", "Ellipsis", "__debug__", "null", "true",
      "1 .real", "'abc'[0]", "foo()", "frozenset()",
      "1 if 1 else 2", "lambda: 1", "1 and 2", "1 < 2",
      "[i for i in ()]", "(i for i in ())", "{i for i in ()}", "{i: i for i in ()}",
      "(x := 1)", "await x", "(yield)", "yield",
      "[*[1]]", "{*[1]}", "f''", "'a' f'b'", "f'b' 'a'",
      "'%s' % 1", "[1]*2", "(1,)+(2,)")
    # §1.3 containers and hashing
    c("{1:'a', True:'b', 1.0:'c'}", "{True: 1, 1: 2}", "{0:1, False:2, 0.0:3, 0j:4}",
      "{-0.0: 1, 0.0: 2}", "{1:'a', 2:'b', 1:'c'}",
      "{True, 1}", "{0.0, -0.0, 0, False}",
      "{[]: 1}", "{{}: 1}", "{set(): 1}", "{(1, []): 2}",
      "{[]: x}", "{[]: 1, 2: x}", "{[], x}", "{x, []}", "[x, []]",
      "()", "[]", "{}", "set()",
      "[1,]", "{1,}", "{1:2,}", "(1,)", "(,)", "[,]", "{,}",
      "1, 2", "1,")
    # §2 input handling
    c("   1 2", "\ufeff1", "\x00", "'\x00'", "1\x00", "# coding: latin-1\n1",
      "# coding: bogus\n1", "\f1", "\n1", "\r1", "\v1", "\xa01", "\ufeff 1",
      "  1", "\t1", " \t -1", "    -1", "\t\t-1", "\n -1")
    # §3.1 whitespace, newlines, indentation
    c("'''a\rb'''", "'''a\r\nb'''", "'''a\nb'''",
      "1\v", "\v", "1 \xa0", "1\u2028", "\u3000", "1\x85", "\x1b", "1\x1b",
      "\u20ac", "1 \u20ac", "\u2044", "$", "?", "!", "`",
      "\n1", "\r\n1", "# c\n1", "1\n\n\n", "1\n  # c", "1\n \n",
      "[1]\n  ", "1\n\t", " \n 1", "\n -1",
      "\f1", "\f 1", " \t\f 1", "\t\f1", "\f\t1",
      "[1,\n  2]", "{\n'a'\n:\n1\n}", "1\n2", "1\n 2",
      "", " ", "\t", "\n", "#", "\f")
    # §3.2 comments and continuation
    c("[1, # c\n 2]", "1 # c\\\n", "# c \\\n1", "[1, # c \\\n 2]",
      "\\\n1", "(1,\\\n2)", "1\\\n", "\\\n", "\\")
    # §3.3 nesting
    c("(" * 200 + ")" * 200, "(" * 201 + ")" * 201, "[" * 201 + "]" * 201,
      "(]", ")", "[1, 2")
    # §4.1 prefixes and quotes
    c("ur''", "ru''", "ub''", "bu''",
      "br''", "bR''", "Br''", "BR''", "rb''", "rB''", "Rb''", "RB''",
      "bb''", "rr''", "brr''", "fb''", "bf''", "t'x'", "f''", "rf''", "fr''",
      "'a\nb'", "'''a''''", "''''a'''", "''''''",
      "r'\\''", "r'\\'", "r'a\\\nb'",
      "'a' 'b' u'c'", "b'a' B'b' rb'\\\\'", "'a' b'b'", "b'a' 'b'", "b'a' f'b'",
      "b'\xe9'", "rb'\xe9'", "b'\x01\x7f'", "'\u2028\x1b\x85'")
    # §4.2 escapes
    c("'\\1234'", "'\\0000'", "'\\18'", "'\\777'", "b'\\777'", "b'\\400'", "'\\400'",
      "'\\x'", "'\\x0'", "b'\\x'", "b'\\x0'", "'\\ud800'", "'\\ud83d\\ude00'",
      "b'\\u1234'", "b'\\U00012345'", "b'\\N{SPACE}'",
      "'\\U0010ffff'", "'\\U00110000'", "'\\U0001'", "'\\u12'",
      "'\\8'", "'\\9'", "'\\e'", "'\\d'", "'\\ '", "'\\{'",
      "'\\8\\9'", "'\\q' '\\w'", "'\\e' $",
      "'\\\n'", "'\\\r\n'", "'\\\r'", "b'\\\n'")
    # §4.3 \N{...}
    c("'\\N{LF}'", "'\\N{NBSP}'", "'\\N{LATIN CAPITAL LETTER GHA}'",
      "'\\N{latin small letter a}'", "'\\N{SpAcE}'",
      "'\\N{cjk compatibility ideograph-f900}'",
      "'\\N{CJK UNIFIED IDEOGRAPH-4E00}'", "'\\N{CJK UNIFIED IDEOGRAPH-4e00}'",
      "'\\N{cjk unified ideograph-4E00}'", "'\\N{hangul syllable ga}'",
      "'\\N{HANGUL SYLLABLE GA}'", "'\\N{CJK UNIFIED IDEOGRAPH-04E00}'",
      "'\\N{LATIN SMALL LETTER R WITH TILDE}'",
      "'\\N{TANGUT IDEOGRAPH-17000}'", "'\\N{EGYPTIAN HIEROGLYPH-13460}'",
      "'\\N{ SPACE}'", "'\\N{LATIN-SMALL-LETTER-A}'", "'\\N{U+0041}'",
      "'\\N'", "'\\N{}'", "'\\N{SPACE'",
      "'\\N{CJK UNIFIED IDEOGRAPH-31350}'", "'\\N{CJK UNIFIED IDEOGRAPH-2EBF0}'")
    # §5 numbers
    c("0", "00", "0_0", "1_000", "0x_f", "0b_1", "0o_5", "1e1_0", ".1_4j",
      "1_00_00.5e5", "09.5", "01.5", "01j", "1.", ".5", "5.j", "0XABCDEF",
      "0O17", "0B101", "1J",
      "01", "0_7", "09", "1_", "1__0", "1_.0", "1._0", "1e_1", "1e", "1e+", "1.e",
      "1l", "1L", "1f", "0x", "0xf_", "0xg", "0x1p5", "0xffj", "0b2", "0o8",
      "0b1_", "0o", "0o7j", "1jj", "1j1", "0x1.0", "1.5.5", "..1", ".e1", "0x1e5",
      "1and 2", "1or 2", "1in x", "1not in x", "1is x", "1if 1 else 2",
      "1else", "1for", "0x1for", "[0x1for x in ()]", "0x1else", "1x", "1_a",
      "1e309", "1.7976931348623159e308", "1" * 5000 + ".0",
      "1e-400", "2e-324", "2.4703282292062328e-324", "1e309j",
      "1" * 15000 + ".0")  # spec: 10^6 digits, scaled down
    # §6 int digit limit
    c("1" * 4300, "1" + "_0" * 4299, "1" * 4301, "-" + "1" * 4301,
      "0" * 5000, "1" * 5000 + "j",
      "0x" + "f" * 5000, "0b" + "1" * 20000,
      "0x" + "f" * 3571, "0o" + "7" * 4761, "0b" + "1" * 14284,
      "0x" + "f" * 3572, "0o" + "7" * 4762, "0b" + "1" * 14285,
      "0x" + "f" * 15000)  # spec: 10^6 digits, scaled down
    # §7.1 depth limits
    c("[" * 193 + "1 2" + "]" * 193, "[" * 192 + "1 2" + "]" * 192,
      "[" * 187 + "1 2" + "]" * 187, "[" * 186 + "1 2" + "]" * 186,
      "[" * 199 + "1,,", "(" * 199 + "c,j=t",
      "-" * 2 + "1", "-" * 2986 + "1", "-" * 2987 + "1", "-" * 5974 + "1",
      "-" * 5975 + "1", "-" * 5976 + "1",
      "1" + "+1" * 2986, "1" + "+1" * 2987, "1" + "+1" * 2993, "1" + "+1" * 9996,
      "1" + "**1" * 2987, "1" + "**1" * 2988,
      "-" * 10000 + "4")  # spec: '-'*100000+'4', scaled down
    # §7.2 sizes (scaled down)
    c("{'a': 1, 'b': [1, 2, 3], 'c': 'x'}", "12345",
      "[" + ",".join(["1"] * 5000) + "]",
      "{" + ", ".join("%d:'v%d'" % (i, i) for i in range(1200)) + "}",
      "'" + "x" * 19000 + "'")
    # §9 version differences
    c("f'{'a'}'", "f'{\"\\n\"}'", "f'{f'{1}'}'", "f'{#}'", "'\\'",
      "1\u20ac", "1\xa0", "9\u20447", "'\\e' $",
      "f'{1!z}'", "f'{1'", "f'{'")
    # literal-eval-issues.md
    c("(" * 100 + "0" + ",)" * 100,
      "+0" * 9000,          # issues: "+0"*200000, scaled down
      "P/a" * 6000,         # issues: 'P/a'*200000, scaled down
      "{0x" + 800 * "0" + 15000 * "e" + "1j}",   # gh-125010 shape, scaled down
      '{"key": "" or ""}', "2*2", "2 + 3", "NaN", "frozenset({1})",
      "Decimal('1.0')", "OrderedDict()", "datetime.datetime(2020, 1, 1)",
      "array([1, 2])")
    return [(name, inp) for name, inp in c.build() if len(inp) <= BIG]
