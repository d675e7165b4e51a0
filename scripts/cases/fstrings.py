"""f-strings: every valid f-string is a JoinedStr (ValueError); invalid ones give
version-specific SyntaxErrors (PEP 701 changed the tokenizer in 3.12).  Also
f-string nesting (3.12+: MAXFSTRINGLEVEL 150) and errors inside replacement
fields at various positions."""

import random

from ._util import Cases


def nested_fstring(n, q="'"):
    s = "1"
    for _ in range(n):
        s = "f" + q + "{" + s + "}" + q
    return s


def field_error_soup(seed, count, max_depth):
    """f-strings with an error in a (possibly nested, possibly multi-line)
    field, in brackets that may stay open, with CRLF newlines now and then:
    where 3.11 places each error (its field's "(expr)" source, a nested
    f-string's column in its parent field's source, negative offsets) and
    when the unclosed-bracket error replaces it."""
    rng = random.Random(seed)
    errors = ["a b", ">>z", "1 +", "a!x", "*a", "", "a:{b c}", "\na b", "a\nb c", " a b",
              "x\n\n y z", "f'{a b}'", "\xe9 \xe9", "1_", "(", "a)", "lambda", "0x"]
    quotes = ["'", '"', "'" * 3, '"' * 3]

    def fstring(depth, used):
        q = rng.choice([x for x in quotes if x[0] not in used] or ["'"])
        if depth == 0:
            body = rng.choice(errors)
            if "\n" in body and len(q) == 1:
                body = body.replace("\n", " ")
            if any(ch in body for ch in "'\""):
                body = "a b"
        else:
            body = fstring(depth - 1, used + q[0])
        if len(q) == 3:
            pre = rng.choice(["", " ", "\n", "x", "ab\n", "  \n "])
            sep = rng.choice(["", " ", "\n", " \n "])
        else:
            pre = rng.choice(["", " ", "x"])
            sep = rng.choice(["", " "])
        return (rng.choice(["f", "F", "rf", "fr"]) + q + pre + "{" + sep + body
                + rng.choice(["", " "]) + "}" + q)

    out = []
    for _ in range(count):
        s = rng.choice(["", "(", "[1,\n ", "((", "{1:\n", "(\n("])
        s += fstring(rng.randint(0, max_depth), "")
        s += rng.choice(["", ")", "\n)", "]", "}", "\n)\n", " 'x'"])
        if rng.random() < 0.1:
            s = s.replace("\n", "\r\n")
        out.append(s)
    return out


def cases():
    c = Cases()
    # valid (ValueError: JoinedStr)
    c("f''", "f'a'", "F'a'", "f\"a\"", "f'''a'''", "f\"\"\"a\"\"\"", "rf'a'", "fr'a'",
      "Rf'a'", "fR'a'", "RF'a'", "FR'a'", "rF'a'", "Fr'a'", "f'{1}'", "f'{x}'",
      "f'{x!r}'", "f'{x!s}'", "f'{x!a}'", "f'{x:>10}'", "f'{x:{y}}'", "f'{x=}'",
      "f'{x = }'", "f'{x=!r:>5}'", "f'{{}}'", "f'{{'", "f'}}'", "f'a{{b}}c'",
      "f'{1}{2}'", "f'{ 1 }'", "f'{(1)}'", "f'{[1]}'", "f'{ {1} }'", "f'{ {1: 2} }'",
      "f'{(lambda: 1)}'", "f'{(x:=1)}'", "f'{1 if 1 else 2}'", "f'{\"a\"}'",
      "f\"{'a'}\"", "f'''{\"a\"}'''", "f'{x!r:^{w}.{p}}'", "f'{1:{2}{3}}'",
      "f'\\n{1}'", "f'\\{1}'", "f'{1}\\q'", "f'\\x41'", "f'\\N{SPACE}'",
      "f'{1:\\n}'", "f'''{\n1\n}'''", "f'''\n{1}\n'''", "f'{x}' 'y'", "'y' f'{x}'",
      "f'{x}' f'{y}'", "f'{*x,}'", "f'{yield}'", "f'{await x}'",
      "f'{x for x in y}'", "f'{[x for x in y]}'", "f'{x!r}' '{'", "['a', f'b']",
      "{f'a': 1}", "(f'',)", "f'{1}' + 'a'", "f'{f\"{1}\"}'", "f'{1:{2:{3}}}'")
    # invalid in all versions or version-dependent
    c("f'{'", "f'}'", "f'{}'", "f'{ }'", "f'{!r}'", "f'{x!}'", "f'{x!z}'",
      "f'{x!rr}'", "f'{x!r=}'", "f'{x:'", "f'{x!r:'", "f'{:}'", "f'{=}'",
      "f'{x}}'", "f'{{x}'", "f'{x)'", "f'{(x}'", "f'{[x}'", "f'{x]}'", "f'{a b}'",
      "f'{1 2}'", "f'{a $}'", "f'{$}'", "f'{*x}'", "f'{**x}'", "f'{x:=1}'",
      "f'{lambda x: 1}'", "f'{lambda: 1}'", "f'{#}'", "f'{1#}'", "f'{x # c\n}'",
      "f'''{x # c\n}'''", "f'{\\n}'", "f'{\"\\n\"}'", "f'{'a'}'", "f'{\"a\"}'",
      "f'{f'{1}'}'", "f'{f\"{f'{1}'}\"}'", "f\"{'''a'''}\"", "f'{x:{y:{z:{w}}}}'",
      "f'\\N{'", "f'\\N{FOO}'", "f'\\x'", "f'\\777'", "f'{1}\\x'", "f'{\\'a\\'}'",
      "f'{1!r:{2!r}}'", "f'{x!\\n}'", "f'{x!r }'", "f'{x! r}'", "f'{x !r}'",
      "f'{x\n}'", "f'a\n'", "f'''a\n'''", "f'{x' f'}'", "f\"{'\"", "f'{\"x'",
      "f'{1:{'", "f'{1:}'", "f'{1:x}'", "f'{1=:}'", "f'{=1}'", "f'{1==2}'",
      "f'{1!=2}'", "f'{x:=}'", "f'{1;}'", "f'{1;2}'", "f'{pass}'", "f'{import x}'",
      "f'{x = 1}'", "f'{x, y}'", "f'{x,}'", "f'{,}'", "f'{.}'", "f'{...}'",
      "f'{\xe9}'", "f'{\u20ac}'", "f'{\xa0}'", "f'{1\xa0}'", "f'{\x00}'",
      "f'{b\"a\"}'", "f'{u\"a\"}'", "f'{\"a\" b\"b\"}'", "fb''", "bf''", "fu''",
      "uf''", "ff''", "frf''", "f'{'''a'''}'", "f'{\"\"\"a\"\"\"}'",
      "f'\\\n{1}'", "f'{1\\\n}'", "f'{1}\\\n'", "f'''{1}\\\n'''")
    # positions: errors after earlier lines / inside multi-line f-strings
    c("[1,\nf'{a b}']", "[1,\nf'{'", "f'''\n{a b}'''", "f'''\n\n{'''",
      "f'''{\n\na b}'''", "  f'{a b}'", "(\n  f'{x!z}'\n)", "'\xe9' f'{a b}'",
      "f'\xe9\xe9{a b}'", "f'\U0001f600{a b}'", "[f'{1}',\n f'{a b}']",
      "f'{1}' '\\q' f'{2}'", "'\\q' f'{a b}'")
    # errors inside replacement fields, which 3.11 reports against the field's
    # own source "(expr)": its line, its byte columns, shifted by the field's
    # column on the first line; the tokenizer's look-ahead decides the text
    c("f'{\xe9 y}'", "  f'{x!r} {x y}'", "f'''a\n{x\n y z}'''", "f'''{\nx y}'''",
      "f'{x y!r}'", "f'{x}{x y}'", "[\n  f'{1 1}']", "f'{ 1 1 }'", "f'{a b:>10}'",
      "f'{1_}'", "f'{\"a\" \"b\" c}'", "'a' f'{1 +}'", "f'{a:{b c}}'", "f'{1 if}'",
      "f'{a b c}'", "[1,\n  f'''x\n  {a b}''']", "f'''\n{\n a b\n}'''", "f'{a[}'",
      "f'{0x}'", "f'{1__0}'", "f'{01}'", "f'{a b}' f'{c d}'", "(f'{a b}')",
      "f'{\"\xe9\" \xe9}'", "f'{\xe9 \xe9}'", "  [f'{ \xe9  \xe9 }']", "f'''{a\nb c}'''",
      "f'{a for}'", "f'{not}'", "f'{a.}'", "f'{1.e}'", "rf'{a b}'", "fr'''{\n\n a b}'''",
      "{f'{1 1}': 2}", "[1, 2,\n 3, f'''\n\n  {x\n y}''']", "f'''{\n  a\n  b}'''",
      "f'''{ \n a b}'''", "f'''x{\ta\n b}'''", "[f'''{a\n\n b}''',\n 1]")
    # errors in the fields of f-strings nested in fields: 3.11 reports the
    # innermost field's parser errors once prefixed, in that field's "(expr)";
    # errors of the nested f-string itself twice prefixed, in the outer one's
    c("f'{f\"{a b}\"}'", "f'{f\"{1 +}\"}'", "f'{f\"{\"}'", "f'{f\"{x!z}\"}'",
      "f'{f\"{*a}\"}'", "f'{f\"{}\"}'", "f'{f\"{a:{b c}}\"}'", "f'''{f\"{a b}\"}'''",
      "[f'{f\"{a b}\"}']", "f'''{\nf\"{a b}\"}'''", "f'''{f\"\"\"\n{a b}\"\"\"}'''",
      "f'{ f\"{ a b }\" }'", "f'{f\"{1_}\"}'", "f'{f\"{f'{a b}'}\"}'",
      "[1,\n f'{f\"{\xe9 \xe9}\"}']")
    # nesting: braces count toward MAXLEVEL 200, f-strings toward 150 (3.12+)
    for n in (2, 3, 4, 5, 10, 100, 149, 150, 151):
        c.named("nested_fstring_%d" % n, nested_fstring(n))
    c.named("nested_fstring_dq_3", nested_fstring(3, '"'))
    for n in (199, 200, 201):
        c.named("fstring_parens_%d" % n, "f'{" + "(" * n + "1" + ")" * n + "}'")
        c.named("fstring_brackets_%d" % n, "f'{" + "[" * n + "1" + "]" * n + "}'")
    for n in (198, 199, 200):
        c.named("fstring_in_parens_%d" % n, "(" * n + "f'{1}'" + ")" * n)
    c.named("fstring_format_spec_nest_3", "f'{1:{2:{3:{4}}}}'")
    # an f-string with an error after a syntax error: CPython's second pass
    # converts it (3.11) or reads its tokens (3.12+) and reports its error
    for f in ("f'{'", "f'}'", "f'{1!z}'", "f'{x y}'", "f'{}'"):
        c("1 " + f, "[1 " + f + "]", "x " + f, "{1: 2 " + f + "}", "[1,\n2 " + f + "]",
          "\u00e9 " + f, "x " + f + " $")
    # 3.11: an error of a field's own parser is replaced by "'(' was never
    # closed" as CPython weighs it, by the token read after the string group
    # (and not when that token ends the input); negative offsets of errors
    # on a multi-line field's later lines; nested multi-line f-strings placed
    # in their parent field's source (text: the tokenizer's buffer from the
    # nested string's first line); CRLF inside fields
    tq = "'" * 3
    dq = '"' * 3
    c("(\n( f'{>>z}'\n)", "(\n( f'{>>z}'\n)\n", "((f'{>>z}'\n)\n", "((f'{>>z}'\n)",
      "((f'{>>z}'\n,)\n", "((f'{>>z}'\n'a')\n", "((f'{>>z}'\n'a')", "(\n(\n f'{>>z}'\n)",
      "(\n[ f'{>>z}'\n]", "(\n( f'{a b}'\n)", "((f" + tq + "{\na b}" + tq + ")",
      "{1:(f" + tq + "{\na b}" + tq + ")", "f" + tq + "{f" + dq + "{\na b}" + dq + "}" + tq,
      "f" + tq + "{ f" + dq + "x{\na b}" + dq + "}" + tq,
      "f" + tq + "{f" + dq + "{a\nb c}" + dq + "}" + tq,
      "(f" + dq + "x{f" + tq + "\n{\n}" + tq + " }" + dq + ")",
      "F" + dq + "\r\n{ \r\n  a b }" + dq + " 'x'", "((rf" + tq + "{ \r\n x\r\n\r\n y z}" + tq + ")")
    for s in field_error_soup(20261129, 120, 2) + field_error_soup(20261130, 60, 3):
        c(s)
    return c.build()
