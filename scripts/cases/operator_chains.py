"""Long unary and binary operator chains: ValueError when the parser copes,
RecursionError ("during ast construction") / MemoryError (parser stack) when it
does not.  Thresholds are version- and stack-depth-dependent (see the spec
§7.1); the lengths below straddle the values seen at the generator's call
depth: 3.11 ~2978 (depends on Python stack depth), 3.12 2995, 3.13 9996 for
binary chains and 5975 (MemoryError) for unary chains."""

from ._util import Cases


def cases():
    c = Cases()
    n = c.named
    for k in (3, 10, 100, 1000, 2950, 2986, 2987, 2994, 2995, 5974, 5975, 5976):
        n("unary_minus_%d" % k, "-" * k + "1")
    for op, name in (("+", "plus"), ("~", "invert")):
        for k in (3, 100, 2986, 2987, 5975):
            n("unary_%s_%d" % (name, k), op * k + "1")
    for k in (100, 2987):
        n("unary_not_%d" % k, "not " * k + "1")
        n("unary_minus_space_%d" % k, "- " * k + "1")
        n("unary_mixed_%d" % k, "-+~" * (k // 3) + "1")
    for k in (2, 100, 1000):
        n("unary_minus_in_list_%d" % k, "[" + "-" * k + "1]")
        n("unary_minus_paren_%d" % k, "-(" * k + "1" + ")" * k)
    n("unary_minus_paren_199", "-(" * 199 + "1" + ")" * 199)
    n("unary_minus_paren_200", "-(" * 200 + "1" + ")" * 200)
    # left-recursive binary chains
    for k in (10, 1000, 2950, 2986, 2987, 2994, 2995, 9995, 9996, 9997):
        n("binop_add_%d" % k, "1" + "+1" * k)
    for op, name in (("-", "sub"), ("*", "mul"), ("|", "or"), ("<", "lt")):
        for k in ((10, 2987) if op in "-<" else (10,)):
            n("binop_%s_%d" % (name, k), "1" + (op + "1") * k)
    for k in (10, 2987):
        n("binop_add_imag_%d" % k, "1" + "+1j" * k)
    for k in (10, 1000, 2987, 2988):
        n("power_%d" % k, "1" + "**1" * k)
    n("bool_and_100", "1" + " and 1" * 100)
    for k in (100, 2987):
        n("attr_%d" % k, "x" + ".y" * k)
        n("subscript_%d" % k, "x" + "[0]" * k)
        n("call_%d" % k, "x" + "()" * k)
    for k in (100, 700):
        n("ifexp_%d" % k, "1" + " if 1 else 1" * k)
        n("lambda_%d" % k, "lambda:" * k + "1")
    for k in (100, 6000):
        n("plus_zero_%d" % k, "+0" * k)
        n("p_div_a_%d" % k, "P/a" * k)
    n("minus_10000", "-" * 10000 + "4")
    # long chains followed by a syntax error
    for k in (100, 1000):
        n("binop_add_%d_then_error" % k, "1" + "+1" * k + " 2")
        n("unary_minus_%d_then_error" % k, "-" * k + "1 2")
    n("compare_chain_1000", " < ".join(["1"] * 1000))
    n("tuple_of_binops_500", ", ".join(["1+1"] * 500))
    return c.build()
