"""Bracket nesting: the tokenizer's MAXLEVEL (200 open brackets), per kind and
mixed, with f-string braces, and deep *invalid* input (parser-stack
MemoryError from ~187-193 levels)."""

from ._util import Cases

PAIRS = {"paren": ("(", ")"), "bracket": ("[", "]"), "brace": ("{", "}")}


def cases():
    c = Cases()
    n = c.named
    for kind, (o, cl) in PAIRS.items():
        for d in (1, 2, 50, 100, 186, 187, 192, 193, 198, 199, 200, 201, 202, 300):
            n("%s_%d" % (kind, d), o * d + cl * d)
        for d in (199, 200, 201):
            n("%s_%d_unclosed" % (kind, d), o * d)
            n("%s_%d_with_1" % (kind, d), o * d + "1" + cl * d)
            n("%s_%d_unclosed_1" % (kind, d), o * d + "1")
            n("%s_%d_extra_close" % (kind, d), o * d + cl * (d + 1))
            n("%s_%d_newlines" % (kind, d), (o + "\n") * d + cl * d)
            n("%s_%d_sequential" % (kind, d), "[" + ", ".join([o + cl] * d) + "]")
        n("%s_200_then_201" % kind, "[" + o * 199 + cl * 199 + ", " + o * 200 + cl * 200 + "]")
    # valid nested data at the limit
    for d in (199, 200, 201):
        n("list_of_lists_%d" % d, "[" * d + "1" + "]" * d)
        n("tuples_%d" % d, "(" * d + "1," + ")," * (d - 1) + ")")
        n("dicts_%d" % d, "{1:" * d + "2" + "}" * d)
        n("sets_%d" % d, "{" * d + "1" + "}" * d)
        n("mixed_%d" % d, "".join("([{"[i % 3] for i in range(d)) + "1"
          + "".join(")]}"[i % 3] for i in reversed(range(d))))
        n("dict_values_in_lists_%d" % d, "[{1:" * (d // 2) + "1" + "}]" * (d // 2))
        n("set_call_nested_%d" % d, "[" * (d - 1) + "set()" + "]" * (d - 1))
        n("parens_around_list_%d" % d, "(" * (d - 1) + "[1]" + ")" * (d - 1))
    n("set_call_in_200", "[" * 199 + "set(" + ")" + "]" * 199)
    n("set_call_in_200_b", "[" * 200 + "set()" + "]" * 200)
    n("mismatch_at_depth_200", "(" * 200 + "]")
    n("mismatch_at_depth_199", "(" * 199 + "1" + "]" * 199)
    n("mismatch_at_depth_100", "(" * 100 + "1" + ")" * 99 + "]")
    n("mismatch_at_depth_3", "(((1)]")
    # deep invalid nesting (parser stack)
    for d in (50, 100, 150, 180, 185, 186, 187, 188, 190, 192, 193, 194, 195, 199, 200):
        n("invalid_list_%d" % d, "[" * d + "1 2" + "]" * d)
    for d in (100, 186, 187, 192, 193, 199, 200):
        n("invalid_paren_%d" % d, "(" * d + "1 2" + ")" * d)
        n("invalid_brace_%d" % d, "{" * d + "1 2" + "}" * d)
        n("unclosed_comma_%d" % d, "[" * d + "1,,")
        n("walrus_target_%d" % d, "(" * d + "c,j=t")
        n("valueerror_deep_%d" % d, "[" * d + "x" + "]" * d)
        n("typeerror_deep_%d" % d, "[" * (d - 1) + "{[]}" + "]" * (d - 1))
    n("invalid_list_186_newlines", "[\n" * 186 + "1 2" + "\n]" * 186)
    n("invalid_list_193_late", "[" * 193 + "1" + "]" * 193 + " 2")
    n("invalid_list_193_early", "1 2 " + "[" * 193 + "]" * 193)
    # f-string braces
    for d in (197, 198, 199, 200):
        n("fstring_braces_in_parens_%d" % d, "(" * d + "f'{1}'" + ")" * d)
        n("fstring_nested_parens_%d" % d, "f'{" + "(" * d + "1" + ")" * d + "}'")
    n("fstring_dict_in_parens_199", "(" * 199 + "f'{ {1:2} }'" + ")" * 199)
    # nested_depth data with big literals
    n("lists_199_with_string", "[" * 199 + "'" + "x" * 100 + "'" + "]" * 199)
    n("lists_199_with_complex", "[" * 199 + "-1.5-2j" + "]" * 199)
    n("lists_199_with_set", "[" * 199 + "{3, 2, 1, True}" + "]" * 199)
    return c.build()
