"""The int/str digit limit (sys.int_max_str_digits, default 4300): decimal
int literals above it are SyntaxErrors; floats/imaginary and power-of-two bases
are exempt.  Huge hex/octal/binary ints must still be returned (their repr is
written with the limit lifted)."""

from ._util import Cases


def cases():
    c = Cases()
    n = c.named
    n("dec_4300", "1" * 4300)
    n("dec_4301", "1" * 4301)
    n("dec_5000", "1" * 5000)
    n("neg_dec_4301", "-" + "1" * 4301)
    n("underscores_4300_digits", "1" * 4000 + "_0" * 300)
    n("underscores_4301_digits", "1" * 4000 + "_0" * 301)
    n("zeros_5000", "0" * 5000)
    n("zeros_underscore_4401", "0" + "_0" * 4400)
    n("zeros_then_1", "0" * 4300 + "1")
    n("float_dec_5000", "1" * 5000 + ".0")
    n("imag_5000", "1" * 5000 + "j")
    n("list_second_4301", "[1,\n" + "1" * 4301 + "]")
    n("list_after_strip", "   [" + "1" * 4301 + "]")
    n("complex_real_4300", "1" * 4300 + "+1j")
    n("complex_real_309", "1" * 309 + "+1j")
    n("complex_real_308", "1" * 308 + "+1j")
    n("complex_real_309_9", "9" * 309 + "+1j")
    n("complex_real_4301", "1" * 4301 + "+1j")
    n("complex_imag_4301", "1+" + "1" * 4301 + "j")
    n("before_syntax_error", "1" * 4301 + " 1 2")
    # power-of-two bases: no limit
    n("hex_3571", "0x" + "f" * 3571)
    n("hex_3572", "0x" + "f" * 3572)
    n("hex_5000", "0x" + "f" * 5000)
    n("bin_20000", "0b" + "1" * 20000)
    n("oct_4761", "0o" + "7" * 4761)
    n("oct_4762", "0o" + "7" * 4762)
    n("bin_14284", "0b" + "1" * 14284)
    n("bin_14285", "0b" + "1" * 14285)
    n("hex_underscores", "0x" + "_f" * 1000)
    n("hex_in_set_dup", "{0x" + "f" * 1000 + ", 0x" + "f" * 1000 + "}")
    n("hex_dict_key", "{0x" + "f" * 1000 + ": 0o7}")
    n("hex_plus_imag", "0x" + "f" * 1000 + "+1j")
    n("hex_255_plus_imag", "0x" + "f" * 255 + "+1j")
    n("hex_256_plus_imag", "0x" + "f" * 256 + "+1j")
    # int->float rounding boundary on the real side of a complex sum
    # 2**1024 - 2**970 - 1 rounds down to DBL_MAX, 2**1024 - 2**970 overflows
    n("dblmax_edge_ok", hex(2 ** 1024 - 2 ** 970 - 1) + "+1j")
    n("dblmax_edge_overflow", hex(2 ** 1024 - 2 ** 970) + "-1j")
    n("dblmax_edge_ok_dec", str(2 ** 1024 - 2 ** 970 - 1) + "+1j")
    n("dblmax_edge_overflow_dec", str(2 ** 1024 - 2 ** 970) + "+1j")
    n("neg_dblmax_edge_overflow", "-" + hex(2 ** 1024 - 2 ** 970) + "+0j")
    n("pow2_1024_dec", str(2 ** 1024) + "-0j")
    n("pow2_1023_dec", str(2 ** 1023) + "-0j")
    n("float_big_plus_imag", "1" * 400 + ".0+1j")
    n("float_big_exp_plus_imag", "1e400+1j")
    return c.build()
